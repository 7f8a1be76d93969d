"""Strategy walks: what a learner who does not think can reach, and whether each decision phase counts.

Each walk follows one *policy* through the engine's own pure step (``game.core.rules.next_state``): in every
scene the policy names the choice (or choices, each with a weight) it takes among those available, in the
order written. Chance outcomes are all followed, weighted by their probability, and equal states are merged,
so a fixed strategy is one path per chance outcome, never the whole state graph: these walks stay fast where
full exploration takes a minute.

The policies:

- ``option_k``: always the k-th available choice in the written order (the last available when fewer);
- ``longest``: always the available choice with the longest text (the first of equals);
- ``assertive``: always the first available ``assertive`` choice (the first available when none is);
- ``coach``: the ``best: true`` choice where one is available, else the first available;
- ``phase_badly(P)``: in every scene of phase P every available choice that is not the best (the best only
  when nothing else is offered), each equally likely; the coach's choice everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from game.authoring.findings import RATING_RANK, Move, move, outcomes_of, reads_turn
from game.core.model import DECISION_PHASES, Choice, Scenario, Scene
from game.core.rules import State, draw, env_of, initial_state, next_state

#: a policy: (scene, the choices available in it, in the written order) -> the choices taken with their weights
Policy = Callable[[Scene, list[Choice]], list[tuple[Choice, float]]]

DEFAULT_MAX_STATES = 100_000
MAX_TURNS = 1_000  # turns a walk may take beyond one per scene: the rest counts as never ending (a loop)
_Link = tuple[Move, "_Link"] | None


@dataclass
class Reach:
    """Where a policy leads. ``endings``: the probability of each ending reached (chance weighted, and the
    policy's own weights); ``best_rating`` and ``worst_rating``: the best and worst rating reached on any path;
    ``p_best``: the probability of ending on a ``best``-rated ending; ``path``: the first path found to an
    ending of ``best_rating``; ``never_ends``: the probability of a loop or a scene with no choice;
    ``complete``: False when the state limit stopped the walk (then the figures cover only what was walked);
    ``bad_moves``: for ``phase_badly``, how many non-best choices were taken (0: the phase offered none)."""

    endings: dict[str, float] = field(default_factory=dict)
    best_rating: str | None = None
    worst_rating: str | None = None
    p_best: float = 0.0
    path: list[Move] = field(default_factory=list)
    never_ends: float = 0.0
    complete: bool = True
    bad_moves: int = 0
    states: int = 0  # how many states the walk expanded


def available(scenario: Scenario, state: State, scene: Scene) -> list[Choice]:
    """The choices of ``scene`` offered in ``state``, in the order written."""
    env = env_of(state, scenario.flags)
    return [c for c in scene.choices if c.when is None or c.when(env)]


def option_k(k: int) -> Policy:
    """Always the k-th available choice (1-based) in the written order; the last one when fewer are offered."""

    def policy(_scene: Scene, offered: list[Choice]) -> list[tuple[Choice, float]]:
        return [(offered[min(k, len(offered)) - 1], 1.0)]

    return policy


def longest(_scene: Scene, offered: list[Choice]) -> list[tuple[Choice, float]]:
    """Always the available choice with the longest text (in characters; the first of equals)."""
    return [(max(offered, key=lambda c: len(c.text.strip())), 1.0)]


def assertive(_scene: Scene, offered: list[Choice]) -> list[tuple[Choice, float]]:
    """Always the first available choice whose style is ``assertive`` (the first available when none is)."""
    return [(next((c for c in offered if c.style == "assertive"), offered[0]), 1.0)]


def coach(_scene: Scene, offered: list[Choice]) -> list[tuple[Choice, float]]:
    """The coach's ``best: true`` choice where it is offered, else the first available (as ``coach_line``)."""
    return [(next((c for c in offered if c.best), offered[0]), 1.0)]


def phase_badly(phase: str) -> Policy:
    """Every non-best choice, equally likely, in scenes of ``phase``; the coach's choice in every other scene."""

    def policy(scene: Scene, offered: list[Choice]) -> list[tuple[Choice, float]]:
        if scene.phase != phase:
            return coach(scene, offered)
        bad = [c for c in offered if not c.best] or offered
        return [(c, 1.0 / len(bad)) for c in bad]

    return policy


def walk(scenario: Scenario, policy: Policy, max_states: int = DEFAULT_MAX_STATES) -> Reach:
    """Follow ``policy`` from the start with every chance outcome, turn by turn, merging equal states."""
    reach = Reach()
    keep_turn = reads_turn(scenario)
    rank = {e.id: RATING_RANK[e.rating] for e in scenario.endings}
    paths: dict[str, _Link] = {}
    layer: dict[State, tuple[float, _Link]] = {initial_state(scenario): (1.0, None)}
    walked = 0
    bad: set[str] = set()
    for _turn in range(MAX_TURNS + len(scenario.scenes)):  # a path without a loop takes each scene at most once
        following: dict[State, tuple[float, _Link]] = {}
        for state, (mass, link) in layer.items():
            scene = scenario.scene(state.node)
            offered = available(scenario, state, scene) if scene is not None else []
            if scene is None or not offered:
                reach.never_ends += mass  # a soft lock: nothing to choose
                continue
            walked += 1
            if walked > max_states:
                reach.complete = False
                reach.never_ends += mass
                continue
            for choice, weight in policy(scene, offered):
                if scene.phase in DECISION_PHASES and not choice.best and any(c.best for c in offered):
                    bad.add(choice.id)
                for target, p, outcome in outcomes_of(choice):
                    child = next_state(scenario, state, choice, target, outcome=outcome)
                    share = mass * weight * p
                    step: _Link = (move(choice, outcome, child.node), link)
                    if child.ended:
                        reach.endings[child.node] = reach.endings.get(child.node, 0.0) + share
                        paths.setdefault(child.node, step)
                        continue
                    if not keep_turn:
                        child = child._replace(turn=0)
                    known = following.get(child)
                    following[child] = (share, step) if known is None else (known[0] + share, known[1])
        layer = following
        if not layer:
            break
    reach.never_ends += sum(mass for mass, _link in layer.values())
    reach.bad_moves = len(bad)
    reach.states = min(walked, max_states)
    if reach.endings:
        reached = sorted(reach.endings, key=lambda e: -rank[e])
        reach.best_rating = scenario.ending(reached[0]).rating  # type: ignore[union-attr]
        reach.worst_rating = scenario.ending(reached[-1]).rating  # type: ignore[union-attr]
        first = next(e for e in scenario.endings if e.id in reach.endings and e.rating == reach.best_rating)
        reach.path = _unlink(paths[first.id])
        reach.p_best = sum((p for e, p in reach.endings.items() if rank[e] == RATING_RANK["best"]), 0.0)
    return reach


def _unlink(link: _Link) -> list[Move]:
    moves: list[Move] = []
    while link is not None:
        moves.append(link[0])
        link = link[1]
    moves.reverse()
    return moves


def widest(scenario: Scenario) -> int:
    """The largest number of choices any scene offers (the k of ``option_k`` goes up to it)."""
    return max((len(s.choices) for s in scenario.scenes), default=0)


def fixed_strategies(scenario: Scenario) -> dict[str, tuple[str, Policy]]:
    """Every fixed strategy by id, with what it does in words: ``option_1`` ... ``option_N``, ``longest``,
    ``assertive``."""
    found: dict[str, tuple[str, Policy]] = {}
    for k in range(1, widest(scenario) + 1):
        found[f"option_{k}"] = (f"always option {k} (written order)", option_k(k))
    found["longest"] = ("always the longest text", longest)
    found["assertive"] = ("always the first assertive", assertive)
    return found


def decision_phases(scenario: Scenario) -> list[str]:
    """The decision phases (cost, limits, power) that at least one scene has, in that order."""
    present = {s.phase for s in scenario.scenes}
    return [p for p in DECISION_PHASES if p in present]


def has_best_ending(scenario: Scenario) -> bool:
    """True when some ending is rated ``best`` (otherwise no strategy can be said to win)."""
    return any(e.rating == "best" for e in scenario.endings)


def fixed_order_scenes(scenario: Scenario) -> frozenset[str]:
    """Scenes whose author fixed the order of their choices (``order: fixed``); every other scene shows its
    choices in the session's seeded random order."""
    return frozenset(s.id for s in scenario.scenes if getattr(s, "order", None) == "fixed")


@dataclass
class Pressed:
    """ "Always press number k" with the shown order shuffled: the probability of a ``best``-rated ending.
    ``exact`` False: estimated from ``runs`` seeded playthroughs (the exact walk was too large)."""

    k: int
    p_best: float
    exact: bool = True
    runs: int = 0


def press_k(
    scenario: Scenario,
    k: int,
    p_random: float,
    max_states: int = DEFAULT_MAX_STATES,
    runs: int = 2_000,
    fixed: frozenset[str] | None = None,
) -> Pressed:
    """Always press k where the order shown is shuffled, each order equally likely (fixed-order scenes show the
    written order). In a shuffled scene the choice in place k (or the last place, when fewer are offered) is any
    available choice with equal probability: exactly what a uniformly random player picks. So where no scene
    fixes its order the answer is ``p_random``, random play's own figure; otherwise the walk mixes option k in
    the fixed scenes with a uniform pick elsewhere, estimated from seeded playthroughs when that walk is large.
    ``fixed``: the fixed-order scenes, when not those the scenario marks ``order: fixed``."""
    fixed = fixed_order_scenes(scenario) if fixed is None else fixed
    if not fixed:
        return Pressed(k, p_random)
    pick = option_k(k)

    def policy(scene: Scene, offered: list[Choice]) -> list[tuple[Choice, float]]:
        if scene.id in fixed:
            return pick(scene, offered)
        return [(c, 1.0 / len(offered)) for c in offered]

    reach = walk(scenario, policy, max_states)
    if reach.complete:
        return Pressed(k, reach.p_best)
    return Pressed(k, sample(scenario, policy, runs), exact=False, runs=runs)


def sample(scenario: Scenario, policy: Policy, runs: int) -> float:
    """The share of ``runs`` seeded playthroughs of ``policy`` that end on a ``best``-rated ending: seed r draws
    the policy's pick in each scene and, through the engine, every chance outcome."""
    best = {e.id for e in scenario.endings if e.rating == "best"}
    wins = 0
    for seed in range(runs):
        state = initial_state(scenario)
        for _turn in range(MAX_TURNS + len(scenario.scenes)):
            scene = scenario.scene(state.node)
            offered = available(scenario, state, scene) if scene is not None and not state.ended else []
            if scene is None or not offered:
                break
            options = policy(scene, offered)
            roll = draw(seed, state.turn, f"pick:{scene.id}")
            total = 0.0
            choice = options[-1][0]
            for candidate, weight in options:
                total += weight
                if roll < total:
                    choice = candidate
                    break
            state = next_state(scenario, state, choice, seed=seed)
        wins += state.ended and state.node in best
    return wins / runs if runs else 0.0
