"""What `sticky explore` found, as plain data both explorers produce and the report prints.

Two explorers visit the same states: ``game.authoring.explore_acyclic`` walks the scenes of an acyclic scenario in order
and keeps only the states of the scenes still ahead (memory bounded by the widest scene, not the whole graph);
``game.authoring.explore`` keeps the whole state graph, which any scenario (loops included) needs. Both end in
a ``Findings``.

A path is a list of moves, each ``{"choice", "style", "to"}`` plus ``"chance"`` (the outcome's index) and
``"p"`` (its probability) when chance decided it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from game.core.expr import Condition
from game.core.model import CORE_METRICS, RATINGS, Chance, Choice, Scenario

Move = dict[str, object]

#: rank of each rating, bad = 0 ... best = 4 (higher is better)
RATING_RANK = {rating: rank for rank, rating in enumerate(reversed(RATINGS))}


@dataclass
class EndingStats:
    """What exploration found about one ending."""

    id: str
    rating: str
    reachable: bool = False
    paths: int | None = 0  # None: unbounded (a loop can be taken any number of times)
    probability: float = 0.0
    states: int = 0
    metrics: dict[str, tuple[float, float, float]] = field(default_factory=dict)  # min, mean, max
    shortest: list[Move] = field(default_factory=list)


@dataclass
class Terminal:
    """One ending state with the (shortest known) path to it: the best or the worst playthrough."""

    ending: str
    rating: str
    metrics: dict[str, float]
    path: list[Move]


@dataclass
class SoftLock:
    """States of one scene where no choice is available; ``path`` is the shortest way to one of them."""

    scene: str
    states: int
    path: list[Move]


@dataclass
class Findings:
    """Everything `sticky explore` reports.

    ``states`` counts the distinct states visited; an ending state is its ending and its metrics (nothing
    follows an ending, so flags and rules fired there make no difference). ``never_ends`` is the probability
    that a random player loops forever or is stuck in a soft lock; ``unexplored`` the probability that sat in
    states the search did not expand when it stopped at the limit.
    """

    scenario: Scenario
    method: str  # "scenes" (acyclic, scene by scene) or "graph" (the whole state graph)
    complete: bool
    max_states: int
    states: int
    expanded: int
    endings: dict[str, EndingStats]
    best: Terminal | None = None
    worst: Terminal | None = None
    soft_locks: list[SoftLock] = field(default_factory=list)
    stuck_states: int = 0  # soft-lock states and states caught in a loop with no way out
    stuck_scenes: list[str] = field(default_factory=list)
    never_ends: float = 0.0
    unexplored: float = 0.0
    never_offered: list[str] = field(default_factory=list)
    scenes_never_reached: list[str] = field(default_factory=list)
    peak_states: int = 0  # most states held in memory at once
    stopped_at: str = ""  # where the limit stopped the search (a scene id, or "depth N")


def new_endings(scenario: Scenario) -> dict[str, EndingStats]:
    """An empty ``EndingStats`` for every ending, in file order."""
    return {e.id: EndingStats(e.id, e.rating) for e in scenario.endings}


def outcomes_of(choice: Choice) -> list[tuple[str | None, float, int]]:
    """Where a choice can go: ``(target or None when routing decides, probability, chance outcome or -1)``."""
    if isinstance(choice.next, Chance):
        return [(o.target, o.probability, k) for k, o in enumerate(choice.next.outcomes)]
    return [(None, 1.0, -1)]


MenuEntry = tuple[Choice, int, "Condition | None", list[tuple[str | None, float, int]]]


#: Told how far an exploration has got: (distinct states known, states expanded, scenes taken, scenes to take);
#: the whole-graph explorer, which does not go scene by scene, gives 0 for both scene counts.
Progress = Callable[[int, int, int, int], None]


def menus(scenario: Scenario) -> dict[str, list[MenuEntry]]:
    """Per scene, what an explorer takes from each of its states: (choice, its number in file order, its
    condition or None, its moves as ``outcomes_of`` gives them)."""
    found: dict[str, list[MenuEntry]] = {}
    number = 0
    for scene in scenario.scenes:
        found[scene.id] = []
        for choice in scene.choices:
            found[scene.id].append((choice, number, choice.when, outcomes_of(choice)))
            number += 1
    return found


def move(choice: Choice, outcome: int, to: str) -> Move:
    """One move of a path as plain data."""
    found: Move = {"choice": choice.id, "style": choice.style}
    if outcome >= 0 and isinstance(choice.next, Chance):
        found["chance"] = outcome
        found["p"] = choice.next.outcomes[outcome].probability
    found["to"] = to
    return found


def score_terms(scenario: Scenario) -> list[tuple[int, float, float]]:
    """``(metric index, start, scale)`` of each core metric: ``score`` adds ``(value - start) / scale``."""
    terms = []
    for index, metric in enumerate(scenario.metrics):
        if metric.id not in CORE_METRICS:
            continue
        if metric.minimum is not None and metric.maximum is not None and metric.maximum > metric.minimum:
            scale = metric.maximum - metric.minimum
        else:
            scale = max(abs(metric.start), 1.0)
        terms.append((index, metric.start, scale))
    return terms


def score(scenario: Scenario, metrics: dict[str, float]) -> float:
    """How well the business did: the core metrics' changes from their start, each scaled by its range."""
    return score_values(score_terms(scenario), [metrics[m.id] for m in scenario.metrics])


def score_values(terms: list[tuple[int, float, float]], values: Sequence[float]) -> float:
    """``score`` of metric values in the scenario's order, with ``score_terms`` computed once by the caller."""
    total = 0.0
    for index, start, scale in terms:
        total += (values[index] - start) / scale
    return total


def reads_turn(scenario: Scenario) -> bool:
    """True when a condition reads ``turn`` (then states reached at different turns differ)."""
    from game.authoring.lint import conditions

    return any("turn" in condition.names for _what, condition, _pos in conditions(scenario))
