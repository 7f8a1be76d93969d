"""The pure rules of the simulation: state, effects, rules, routing and the seeded draws.

Everything here works on a small immutable ``State`` and returns a new one. The ``Session`` drives these
functions from the callbacks of a ``transitions`` state machine; the explorer calls them directly to
visit every reachable state quickly. One set of rules, two drivers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from game.core.model import Branches, Chance, Choice, Effects, Goto, Scenario


@dataclass(frozen=True, slots=True)
class State:
    """Everything that changes during a playthrough (besides history)."""

    node: str
    metrics: tuple[tuple[str, float], ...]
    flags: frozenset[str] = frozenset()
    fired: frozenset[str] = frozenset()
    turn: int = 0
    ended: bool = False

    def metric_dict(self) -> dict[str, float]:
        """Metric values as a dict."""
        return dict(self.metrics)


@dataclass(frozen=True, slots=True)
class RuleFiring:
    """A rule that fired after a choice, with the deltas it actually caused."""

    rule_id: str
    deltas: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Step:
    """The pure result of one choice."""

    state: State
    deltas: dict[str, float]  # caused by the choice itself; rules carry their own
    rules: tuple[RuleFiring, ...]
    chance_index: int | None = None
    roll: float | None = None
    ending_id: str | None = None


def initial_state(scenario: Scenario) -> State:
    """The state before the first choice."""
    return State(scenario.start, tuple((m.id, m.clamp(m.start)) for m in scenario.metrics))


def env_of(state: State, flag_ids: tuple[str, ...]) -> dict[str, float]:
    """The names a condition can read: metrics, every declared flag (0 or 1) and ``turn``."""
    env = dict(state.metrics)
    for flag in flag_ids:
        env[flag] = 1.0 if flag in state.flags else 0.0
    env["turn"] = float(state.turn)
    return env


def draw(seed: int, turn: int, choice_id: str) -> float:
    """A uniform number in [0, 1) from the session seed; the same seed, turn and choice give the same draw.

    A counter-based generator: nothing to store in a save, and replaying any prefix is exact.
    """
    digest = hashlib.blake2b(f"{seed}:{turn}:{choice_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def apply_effects(scenario: Scenario, metrics: dict[str, float], flags: set[str], effects: Effects) -> dict[str, float]:
    """Apply ``effects`` in place; returns the deltas that really happened after clamping."""
    deltas: dict[str, float] = {}
    for metric_id, delta in effects.deltas:
        metric = scenario.metric(metric_id)
        if metric is None:
            continue
        before = metrics[metric_id]
        after = metric.clamp(before + delta)
        metrics[metric_id] = after
        if after != before:
            deltas[metric_id] = deltas.get(metric_id, 0.0) + (after - before)
    flags.update(effects.set_flags)
    flags.difference_update(effects.clear_flags)
    return deltas


def choice_available(scenario: Scenario, state: State, choice: Choice) -> bool:
    """True when the choice's condition holds (or it has none)."""
    return choice.when is None or choice.when(env_of(state, scenario.flags))


def route(
    scenario: Scenario, choice: Choice, env: dict[str, float], seed: int, turn: int
) -> tuple[str, int | None, float | None]:
    """Where ``choice`` leads in ``env``: (target, chance outcome index, roll)."""
    next_ = choice.next
    if isinstance(next_, Goto):
        return next_.target, None, None
    if isinstance(next_, Branches):
        for branch in next_.branches:
            if branch.when is None or branch.when(env):
                return branch.target, None, None
        return next_.branches[-1].target, None, None
    assert isinstance(next_, Chance)
    roll = draw(seed, turn, choice.id)
    return chance_target(next_, roll) + (roll,)


def chance_target(chance: Chance, roll: float) -> tuple[str, int]:
    """The outcome a roll in [0, 1) selects."""
    total = 0.0
    for index, outcome in enumerate(chance.outcomes):
        total += outcome.probability
        if roll < total:
            return outcome.target, index
    return chance.outcomes[-1].target, len(chance.outcomes) - 1


def step(scenario: Scenario, state: State, choice: Choice, seed: int, target: str | None = None) -> Step:
    """Apply one choice: its effects, routing, the rules, and the conditional endings."""
    metrics = state.metric_dict()
    flags = set(state.flags)
    deltas = apply_effects(scenario, metrics, flags, choice.effects)
    turn = state.turn + 1
    probe = State(state.node, tuple(metrics.items()), frozenset(flags), state.fired, turn)
    env = env_of(probe, scenario.flags)
    chance_index: int | None = None
    roll: float | None = None
    if target is None:
        target, chance_index, roll = route(scenario, choice, env, seed, state.turn)
    fired = set(state.fired)
    firings: list[RuleFiring] = []
    for rule in scenario.rules:
        if rule.once and rule.id in fired:
            continue
        if rule.when(
            env_of(State(target, tuple(metrics.items()), frozenset(flags), frozenset(), turn), scenario.flags)
        ):
            rule_deltas = apply_effects(scenario, metrics, flags, rule.effects)
            fired.add(rule.id)
            firings.append(RuleFiring(rule.id, rule_deltas))
    ending_id = target if scenario.ending(target) is not None else None
    if ending_id is None:
        final_env = env_of(State(target, tuple(metrics.items()), frozenset(flags), frozenset(), turn), scenario.flags)
        for ending in scenario.conditional_endings:
            assert ending.when is not None
            if ending.when(final_env):
                ending_id = ending.id
                break
    node = ending_id or target
    new_state = State(
        node,
        tuple(metrics.items()),
        frozenset(flags),
        frozenset(fired),
        turn,
        ending_id is not None,
    )
    return Step(new_state, deltas, tuple(firings), chance_index, roll, ending_id)
