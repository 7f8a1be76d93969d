"""The pure rules of the simulation: state, effects, rules, routing and the seeded draws.

Everything here works on a small immutable ``State`` and returns a new one. A move has two halves: ``settle``
(the choice's effects, the chance outcome's, the rules) and ``route`` (the endings with a condition, then the
branches or the destination). The ``Session``'s ``transitions`` machine settles in its ``prepare_event`` and
routes with its transitions' conditions; the explorers call ``play_out``, ``step`` or ``next_state``, which
do both halves directly, to visit every reachable state quickly. One set of rules, two drivers.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from typing import NamedTuple

from game.core.expr import Evaluator
from game.core.model import Branches, Chance, Choice, Effects, Goto, Scenario


class State(NamedTuple):
    """Everything that changes during a playthrough (besides history).

    Immutable and hashable; a named tuple rather than a frozen dataclass because the explorer creates one for
    every edge of the state graph, and a tuple is built (and hashed) several times faster.
    """

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
    deltas: dict[str, float]  # caused by the choice's own effects; the chance outcome and rules carry their own
    rules: tuple[RuleFiring, ...]
    chance_index: int | None = None
    roll: float | None = None
    ending_id: str | None = None
    outcome_deltas: dict[str, float] = field(default_factory=dict)  # caused by the chance outcome's own effects


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


def choice_available(scenario: Scenario, state: State, choice: Choice) -> bool:
    """True when the choice's condition holds (or it has none)."""
    return choice.when is None or choice.when(env_of(state, scenario.flags))


def chance_target(chance: Chance, roll: float) -> tuple[str, int]:
    """The outcome a roll in [0, 1) selects."""
    total = 0.0
    for index, outcome in enumerate(chance.outcomes):
        total += outcome.probability
        if roll < total:
            return outcome.target, index
    return chance.outcomes[-1].target, len(chance.outcomes) - 1


class Change(NamedTuple):
    """One ``Effects``, prepared for the inner loop: clamped moves with their bounds (±inf when open), the flag
    sets to add and remove, and the declared flags it touches."""

    moves: tuple[tuple[str, float, float, float], ...]  # (metric id, delta, low, high); unknown metrics dropped
    set_flags: frozenset[str]
    clear_flags: frozenset[str]
    touched: tuple[str, ...]
    any: bool  # False when it changes nothing at all


@dataclass(frozen=True, slots=True)
class StepPlan:
    """What every step of a scenario needs, looked up once: metric bounds, rules (each with its effects prepared
    as a ``Change``), endings, flag ids, and each choice's effects as a ``Change`` (by choice id, with the choice)."""

    bounds: dict[str, tuple[float | None, float | None]]
    rules: tuple[tuple[str, bool, Evaluator, Change], ...]  # (id, once, its condition's evaluator, its effects)
    ending_ids: frozenset[str]
    conditional: tuple[tuple[str, Evaluator], ...]  # endings with a condition: (id, evaluator), in file order
    flag_zeros: dict[str, float]
    changes: dict[str, tuple[Choice, Change]]
    outcome_changes: dict[tuple[str, int], Change]  # (choice id, outcome index): only outcomes with effects
    prepared: dict[Effects, Change]  # equal effects are prepared once: scenarios repeat a few deltas


def _change(
    bounds: dict[str, tuple[float | None, float | None]], flag_ids: dict[str, float], effects: Effects
) -> Change:
    moves = []
    for metric_id, delta in effects.deltas:
        if metric_id in bounds:
            low, high = bounds[metric_id]
            moves.append((metric_id, delta, -math.inf if low is None else low, math.inf if high is None else high))
    touched = tuple(f for f in dict.fromkeys(effects.set_flags + effects.clear_flags) if f in flag_ids)
    return Change(tuple(moves), frozenset(effects.set_flags), frozenset(effects.clear_flags), touched, bool(effects))


#: The plans of the scenarios played or explored last: (scenario, its plan), the newest last. A few, so a
#: hot reload or a change of language does not keep every older scenario alive.
_PLANS: list[tuple[Scenario, StepPlan]] = []
_PLANS_KEPT = 4


def plan_of(scenario: Scenario, every_choice: bool = False) -> StepPlan:
    """What every step of ``scenario`` needs, built on first use and kept for the few scenarios used last.

    A choice's prepared effects are added the first time it is made (a playthrough of a 20,000-scene file
    makes a few dozen); ``every_choice`` adds all of them now, for the explorers that read the tables.
    """
    for known, found in reversed(_PLANS):
        if known is scenario:
            plan = found
            break
    else:
        plan = _plan(scenario)
        _PLANS.append((scenario, plan))
        del _PLANS[:-_PLANS_KEPT]
    if every_choice and len(plan.changes) < len(scenario.lookup.choices):
        for choice in scenario.lookup.choices.values():
            if choice.id not in plan.changes:
                _prepare_choice(plan, choice)
    return plan


def _plan(scenario: Scenario) -> StepPlan:
    """The ``StepPlan`` of ``scenario``, its tables of choices still empty (``_prepare_choice`` fills them)."""
    bounds = {m.id: (m.minimum, m.maximum) for m in scenario.metrics}
    flag_zeros = dict.fromkeys(scenario.flags, 0.0)
    return StepPlan(
        bounds,
        tuple((r.id, r.once, r.when.evaluator, _change(bounds, flag_zeros, r.effects)) for r in scenario.rules),
        frozenset(e.id for e in scenario.endings),
        tuple((e.id, e.when.evaluator) for e in scenario.endings if e.when is not None),
        flag_zeros,
        {},
        {},
        {},
    )


def _prepare_choice(plan: StepPlan, choice: Choice) -> tuple[Choice, Change]:
    """Put ``choice``'s effects, and its chance outcomes' effects, into ``plan``'s tables; returns its entry."""
    prepared = plan.prepared

    def change_of(effects: Effects) -> Change:
        found = prepared.get(effects)
        if found is None:
            found = prepared[effects] = _change(plan.bounds, plan.flag_zeros, effects)
        return found

    entry = plan.changes[choice.id] = (choice, change_of(choice.effects))
    if isinstance(choice.next, Chance):
        for k, outcome in enumerate(choice.next.outcomes):
            if outcome.effects:
                plan.outcome_changes[(choice.id, k)] = change_of(outcome.effects)
    return entry


def apply_change(
    env: dict[str, float], flags: frozenset[str], change: Change, deltas: dict[str, float] | None
) -> frozenset[str]:
    """Apply ``change`` to the metrics and flags held in ``env``; returns the new flags.

    Metrics are clamped to their bounds; the real deltas are recorded in ``deltas`` when given.
    """
    for metric_id, delta, low, high in change.moves:
        before = env[metric_id]
        after = before + delta
        if after < low:
            after = low
        elif after > high:
            after = high
        env[metric_id] = after
        if deltas is not None and after != before:
            deltas[metric_id] = deltas.get(metric_id, 0.0) + (after - before)
    if change.set_flags or change.clear_flags:
        flags = (flags | change.set_flags) - change.clear_flags
        for flag in change.touched:
            env[flag] = 1.0 if flag in flags else 0.0
    return flags


def settle(
    plan: StepPlan,
    env: dict[str, float],
    flags: frozenset[str],
    fired: frozenset[str],
    change: Change,
    outcome_change: Change | None,
    deltas: dict[str, float] | None,
    firings: list[RuleFiring] | None,
    outcome_deltas: dict[str, float] | None = None,
) -> tuple[frozenset[str], frozenset[str], bool]:
    """The first half of a move, in the one order of events: the choice's effects, the chance outcome's
    effects, then the rules in file order. What routing sees afterwards (``route``) is the result.

    ``env`` holds the metric and flag values and is updated in place; ``deltas`` and ``firings`` collect what
    happened when given. ``outcome_deltas``, when given, collects what the chance outcome's effects did apart;
    without it they are added to ``deltas``. Returns (the flags, the rules fired, whether any metric moved).
    """
    moved = False
    if change.any:
        flags = apply_change(env, flags, change, deltas)
        moved = bool(change.moves)
    if outcome_change is not None:
        flags = apply_change(env, flags, outcome_change, deltas if outcome_deltas is None else outcome_deltas)
        moved = moved or bool(outcome_change.moves)
    for rule_id, once, holds, rule_change in plan.rules:
        if once and rule_id in fired:
            continue
        if holds(env):
            rule_deltas: dict[str, float] | None = {} if firings is not None else None
            flags = apply_change(env, flags, rule_change, rule_deltas)
            moved = moved or bool(rule_change.moves)
            fired = fired | {rule_id}
            if firings is not None:
                firings.append(RuleFiring(rule_id, rule_deltas or {}))
    return flags, fired, moved


def route(plan: StepPlan, env: dict[str, float], target: str | Branches) -> tuple[str, str | None]:
    """The second half of a move: where it leads once ``settle`` is done. The endings with a condition come
    first (the first that holds ends the game, wherever the choice led), then ``target``, or the branches in
    order. Returns (where the player is now, the ending reached or None)."""
    for conditional_id, when in plan.conditional:
        if when(env):
            return conditional_id, conditional_id
    if not isinstance(target, str):
        target = branch_target(target, env)
    return target, target if target in plan.ending_ids else None


def play_out(
    plan: StepPlan,
    env: dict[str, float],
    flags: frozenset[str],
    fired: frozenset[str],
    change: Change,
    target: str | Branches,
    outcome_change: Change | None,
    deltas: dict[str, float] | None,
    firings: list[RuleFiring] | None,
    outcome_deltas: dict[str, float] | None = None,
) -> tuple[str, frozenset[str], frozenset[str], str | None, bool]:
    """One whole move: ``settle`` then ``route``. The explorers make their moves here; the Session's state
    machine calls the same two halves from its callbacks and conditions.

    Returns (where the player is now, the flags, the rules fired, the ending reached or None, whether any
    metric moved).
    """
    flags, fired, moved = settle(plan, env, flags, fired, change, outcome_change, deltas, firings, outcome_deltas)
    node, ending_id = route(plan, env, target)
    return node, flags, fired, ending_id, moved


def branch_target(branches: Branches, env: dict[str, float]) -> str:
    """The first branch whose condition holds in ``env`` (the last branch when none does)."""
    for branch in branches.branches:
        if branch.when is None or branch.when(env):
            return branch.target
    return branches.branches[-1].target


class Move(NamedTuple):
    """One choice made from a state, settled (``settle``) but not yet routed: what the routing reads, and what
    the move did so far. ``route_by`` is the destination already known (a scene or ending id: a plain ``next``,
    a forced target or the chance outcome drawn) or the branches that decide."""

    before: State
    choice: Choice
    env: dict[str, float]
    flags: frozenset[str]
    fired: frozenset[str]
    moved: bool
    route_by: str | Branches
    chance_index: int | None
    roll: float | None
    deltas: dict[str, float]
    outcome_deltas: dict[str, float]
    firings: list[RuleFiring]


def prepare_move(
    scenario: Scenario,
    state: State,
    choice: Choice,
    seed: int,
    target: str | None = None,
    outcome: int = -1,
    record: bool = True,
) -> Move:
    """Resolve the choice (its prepared effects, where it routes, the chance outcome drawn or forced) and
    ``settle`` it; ``record`` False skips the bookkeeping only the Session needs (deltas and firings)."""
    plan = plan_of(scenario)
    turn = state.turn
    env = dict(state.metrics)
    env.update(plan.flag_zeros)
    for flag in state.flags:
        if flag in env:
            env[flag] = 1.0
    env["turn"] = float(turn + 1)
    known = plan.changes.get(choice.id)
    if known is None and scenario.choice(choice.id) is choice:
        known = _prepare_choice(plan, choice)
    own = known is not None and known[0] is choice
    change = known[1] if own else _change(plan.bounds, plan.flag_zeros, choice.effects)  # type: ignore[index]
    chance_index: int | None = None
    roll: float | None = None
    picked = outcome  # the chance outcome, drawn or forced (-1: none)
    next_ = choice.next
    route_by: str | Branches
    if target is not None:
        route_by = target
        if picked < 0 and isinstance(next_, Chance):  # forced by its target alone: the first such outcome
            picked = next((k for k, o in enumerate(next_.outcomes) if o.target == target), -1)
    elif isinstance(next_, Goto):
        route_by = next_.target
    elif isinstance(next_, Branches):
        route_by = next_
    else:  # chance: the draw depends on the seed, the turn and the choice, never on the metrics
        roll = draw(seed, turn, choice.id)
        route_by, chance_index = chance_target(next_, roll)
        picked = chance_index
    outcome_change: Change | None = None
    if picked >= 0:  # the outcome's own effects, after the choice's and before the rules
        if own:
            outcome_change = plan.outcome_changes.get((choice.id, picked))
        else:
            outcome_effects = choice.next.outcomes[picked].effects  # type: ignore[union-attr]
            outcome_change = _change(plan.bounds, plan.flag_zeros, outcome_effects) if outcome_effects else None
    deltas: dict[str, float] = {}
    outcome_deltas: dict[str, float] = {}
    firings: list[RuleFiring] = []
    flags, fired, moved = settle(
        plan,
        env,
        state.flags,
        state.fired,
        change,
        outcome_change,
        deltas if record else None,
        firings if record else None,
        outcome_deltas if record else None,
    )
    return Move(state, choice, env, flags, fired, moved, route_by, chance_index, roll, deltas, outcome_deltas, firings)


def arrive(move: Move, node: str, ending_id: str | None) -> Step:
    """The ``Step`` a settled move makes once routed to ``node`` (``ending_id`` when that ends the game)."""
    new_state = arrived_state(move, node, ending_id)
    return Step(
        new_state, move.deltas, tuple(move.firings), move.chance_index, move.roll, ending_id, move.outcome_deltas
    )


def arrived_state(move: Move, node: str, ending_id: str | None) -> State:
    """Only the state of ``arrive``'s step (the explorer's need)."""
    before = move.before
    metrics = tuple([(key, move.env[key]) for key, _value in before.metrics]) if move.moved else before.metrics
    return _new_state(State, (node, metrics, move.flags, move.fired, before.turn + 1, ending_id is not None))


_new_state = tuple.__new__  # State(...) without the Python-level __new__ of a named tuple: same object, faster


def step(
    scenario: Scenario, state: State, choice: Choice, seed: int, target: str | None = None, outcome: int = -1
) -> Step:
    """Apply one choice: its effects, the chance outcome's effects, the rules, the conditional endings, then
    its routing (see ``settle`` and ``route``). ``target`` (with ``outcome``, the chance outcome's index) forces
    where chance sends the player; ``target`` alone picks the first outcome that leads there."""
    move = prepare_move(scenario, state, choice, seed, target, outcome)
    return arrive(move, *route(plan_of(scenario), move.env, move.route_by))


def next_state(
    scenario: Scenario, state: State, choice: Choice, target: str | None = None, seed: int = 0, outcome: int = -1
) -> State:
    """Only the state ``step`` would reach (the same rules, without the deltas and firings): the explorer's step."""
    move = prepare_move(scenario, state, choice, seed, target, outcome, record=False)
    return arrived_state(move, *route(plan_of(scenario), move.env, move.route_by))
