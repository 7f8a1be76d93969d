"""Exhaustive exploration of an acyclic scenario, scene by scene, holding only the states still ahead.

When no choice can lead back to an earlier scene (true of every shipped scenario), every state of a scene is
reached only from states of scenes before it in a topological order of the scene graph. So the scenes are
taken in that order; each scene's distinct states are expanded once all of them are known and then dropped.
What a state carries forward is all the report needs: its probability under uniformly random play (each
available choice equally likely, chance outcomes weighted by ``p``), its number of paths, and the shortest
path to it (a shared linked list: ``(choice number, outcome, to, previous link)``). Endings are not stored as
states: each arrival is added to its ending's figures at once, and only a compact code of the metric values
is kept, to count the distinct ending states.

The figures are exactly those of the whole state graph (``game.authoring.explore``); a test compares the two.
Memory is bounded by the widest scene instead of the whole graph, which is what lets the shipped scenarios'
millions of states be explored on a laptop.
"""

from __future__ import annotations

import gc
import heapq
from dataclasses import dataclass, field

from game.authoring.findings import (
    RATING_RANK,
    EndingStats,
    Findings,
    Move,
    SoftLock,
    Terminal,
    move,
    new_endings,
    outcomes_of,
    reads_turn,
    score_terms,
)
from game.core.expr import Condition
from game.core.model import Choice, Scenario
from game.core.rules import State, advance, env_of, initial_state, plan_of

DEFAULT_SWEEP_STATES = 20_000_000
_new_state = tuple.__new__  # State(...) without the named tuple's Python-level __new__

Link = tuple[int, int, str, "Link"] | None  # (choice number, chance outcome or -1, to, previous) or the start


def scene_order(scenario: Scenario) -> list[str] | None:
    """The scenes in an order where every choice leads forward (file order among equals), or None for a loop."""
    ids = [s.id for s in scenario.scenes]
    position = {scene_id: i for i, scene_id in enumerate(ids)}
    following: dict[str, set[str]] = {scene_id: set() for scene_id in ids}
    indegree = dict.fromkeys(ids, 0)
    for scene in scenario.scenes:
        for choice in scene.choices:
            for target in choice.targets():
                if target in following and target not in following[scene.id]:
                    following[scene.id].add(target)
                    indegree[target] += 1
    ready = [position[i] for i in ids if indegree[i] == 0]  # a heap of file positions: file order among equals
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        scene_id = ids[heapq.heappop(ready)]
        order.append(scene_id)
        for target in following[scene_id]:
            indegree[target] -= 1
            if indegree[target] == 0:
                heapq.heappush(ready, position[target])
    return order if len(order) == len(ids) else None


def path_of(choices: list[Choice], link: Link) -> list[Move]:
    """The moves of a linked path, from the start."""
    moves: list[Move] = []
    while link is not None:
        number, outcome, to, link = link
        moves.append(move(choices[number], outcome, to))
    moves.reverse()
    return moves


@dataclass(slots=True)
class _Arrivals:
    """One ending's running figures. ``codes`` holds one exact integer per distinct ending state: each metric's
    distinct values are numbered as they appear, and the numbers packed 32 bits apiece."""

    stats: EndingStats
    rank: int
    codes: set[int] = field(default_factory=set)
    low: list[float] = field(default_factory=list)
    high: list[float] = field(default_factory=list)
    sums: list[float] = field(default_factory=list)
    depth: int = -1
    link: Link = None


def sweep(scenario: Scenario, max_states: int) -> Findings | None:
    """Explore ``scenario`` scene by scene; None when a choice can lead back to an earlier scene (a loop).

    Stops once ``max_states`` distinct states are known (the figures then cover the scenes taken so far). The
    cyclic garbage collector is paused meanwhile: only acyclic objects are made, and its walks over millions
    of them would cost as much as the search.
    """
    order = scene_order(scenario)
    if order is None:
        return None
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _Sweep(scenario, order, max(max_states, 1)).run()
    finally:
        if enabled:
            gc.enable()


class _Sweep:
    """One exploration; ``run`` does it."""

    def __init__(self, scenario: Scenario, order: list[str], max_states: int) -> None:
        self.scenario = scenario
        self.order = order
        self.max_states = max_states
        self.choices = [c for s in scenario.scenes for c in s.choices]
        self.offered = bytearray(len(self.choices))
        endings = new_endings(scenario)
        size = len(scenario.metrics)
        self.arrivals = {
            e.id: _Arrivals(
                endings[e.id],
                RATING_RANK[e.rating],
                low=[float("inf")] * size,
                high=[float("-inf")] * size,
                sums=[0.0] * size,
            )
            for e in scenario.endings
        }
        self.findings = Findings(scenario, "scenes", True, max_states, 0, 0, endings)
        self.numbers: list[dict[float, int]] = [{} for _ in range(size)]  # each metric's values, numbered
        self.scales = score_terms(scenario)
        self.best: tuple[int, float, list[float], Link] | None = None
        self.worst: tuple[int, float, list[float], Link] | None = None
        self.locks: dict[str, tuple[int, Link]] = {}
        self.reached: set[str] = set()
        self.plan = plan_of(scenario)
        self.keep_turn = reads_turn(scenario)
        self.repeatable = frozenset(r.id for r in scenario.rules if not r.once)
        self.flag_ids = scenario.flags
        self.pairs: dict[tuple[str, float], tuple[str, float]] = {}  # one copy of each (metric, value)
        self.sets: dict[frozenset[str], frozenset[str]] = {}  # one copy of each set of flags or rules fired
        # per scene: (choice, its number, its condition or None, its moves as (target, p, chance outcome or -1))
        self.menus: dict[str, list[tuple[Choice, int, Condition | None, list[tuple[str | None, float, int]]]]] = {}
        number = 0
        for scene in scenario.scenes:
            self.menus[scene.id] = []
            for choice in scene.choices:
                self.menus[scene.id].append((choice, number, choice.when, outcomes_of(choice)))
                number += 1

    def run(self) -> Findings:
        """Take the scenes in order; returns the findings."""
        scenario, findings = self.scenario, self.findings
        start = initial_state(scenario)
        pending: dict[str, dict[State, list[object]]] = {start.node: {start: [1.0, 1, 0, None]}}
        known = live = peak = 1
        for scene_id in self.order:
            bucket = pending.pop(scene_id, None)
            if not bucket:
                continue
            self.reached.add(scene_id)
            items: list[tuple[State, list[object]] | None] = list(bucket.items())
            del bucket
            for position, item in enumerate(items):
                items[position] = None  # an expanded state is dropped at once: only its path link lives on
                assert item is not None
                state, record = item
                if known >= self.max_states and findings.complete:
                    findings.complete, findings.stopped_at = False, scene_id
                if not findings.complete:
                    findings.unexplored += record[0]  # type: ignore[operator]
                    continue
                findings.expanded += 1
                added, arrived = self._expand(scene_id, state, record, pending)
                known += added + arrived
                live += added
                if live > peak:
                    peak = live
                live -= 1
        for rest in pending.values():  # only when the limit stopped the search
            findings.unexplored += sum(record[0] for record in rest.values())  # type: ignore[misc]
        findings.peak_states = peak
        return self._finish(known)

    def _expand(
        self, scene_id: str, state: State, record: list[object], pending: dict[str, dict[State, list[object]]]
    ) -> tuple[int, int]:
        """Take every available choice (every outcome of a chance) from ``state``; returns how many new states
        of later scenes and how many new ending states it found."""
        mass, paths, depth, link = record
        env = env_of(state, self.flag_ids)
        available = [entry for entry in self.menus[scene_id] if entry[2] is None or entry[2](env)]
        if not available:
            self._soft_lock(scene_id, mass, link)  # type: ignore[arg-type]
            return 0, 0
        turn = state.turn if self.keep_turn else -1  # when no condition reads it, every state counts as turn -1
        env["turn"] = turn + 1.0
        share = mass / len(available)  # type: ignore[operator]
        deeper = depth + 1  # type: ignore[operator]
        scenario, plan, repeatable, pairs, sets = self.scenario, self.plan, self.repeatable, self.pairs, self.sets
        added = arrived = 0
        for choice, number, _when, outcomes in available:
            self.offered[number] = 1
            for target, p, outcome in outcomes:
                child = advance(scenario, plan, state, turn, env.copy(), choice, 0, target, False)[0]
                if child.ended:
                    arrived += self._arrive(child, share * p, paths, deeper, (number, outcome, child.node, link))  # type: ignore[arg-type]
                    continue
                if repeatable and child.fired & repeatable:
                    child = child._replace(fired=child.fired - repeatable)
                following = pending.get(child.node)
                if following is None:
                    following = pending[child.node] = {}
                found = following.get(child)
                if found is None:  # keep one copy of each metric value and flag set: ~400 bytes a state
                    node, metrics, flags, fired, turn_after, _ended = child
                    if metrics is not state.metrics:
                        metrics = tuple([pairs.setdefault(pair, pair) for pair in metrics])
                    if flags is not state.flags:
                        flags = sets.setdefault(flags, flags)
                    if fired is not state.fired:
                        fired = sets.setdefault(fired, fired)
                    child = _new_state(State, (node, metrics, flags, fired, turn_after, False))
                    following[child] = [share * p, paths, deeper, (number, outcome, child.node, link)]
                    added += 1
                else:
                    found[0] += share * p  # type: ignore[operator]
                    found[1] += paths  # type: ignore[operator]
                    if deeper < found[2]:  # type: ignore[operator]
                        found[2], found[3] = deeper, (number, outcome, child.node, link)
        return added, arrived

    def _arrive(self, state: State, mass: float, paths: int, depth: int, link: Link) -> int:
        """Add one move into an ending to that ending's figures; 1 when it is a new ending state, else 0."""
        arrivals = self.arrivals[state.node]
        stats = arrivals.stats
        stats.probability += mass
        stats.paths += paths  # type: ignore[operator]
        if arrivals.depth < 0 or depth < arrivals.depth:
            arrivals.depth, arrivals.link = depth, link
        sums, numbers = arrivals.sums, self.numbers
        values = []
        code = 0
        for index, (_id, value) in enumerate(state.metrics):  # the weighted sums, and the metric values' code
            values.append(value)
            sums[index] += value * mass
            table = numbers[index]
            number = table.get(value)
            if number is None:
                number = table[value] = len(table)
            code = (code << 32) | number
        if code in arrivals.codes:
            return 0
        arrivals.codes.add(code)
        low, high = arrivals.low, arrivals.high
        for i, value in enumerate(values):
            if value < low[i]:
                low[i] = value
            if value > high[i]:
                high[i] = value
        points = 0.0
        for index, start, scale in self.scales:  # score(): the same terms in the same order
            points += (values[index] - start) / scale
        rank = arrivals.rank
        if self.best is None or (rank, points) > self.best[:2]:
            self.best = (rank, points, values, link)
        if self.worst is None or (rank, points) < self.worst[:2]:
            self.worst = (rank, points, values, link)
        return 1

    def _soft_lock(self, scene_id: str, mass: float, link: Link) -> None:
        """A state with no available choice: nothing follows it."""
        self.findings.never_ends += mass
        count, first = self.locks.get(scene_id, (0, link))
        self.locks[scene_id] = (count + 1, first)

    def _terminal(self, found: tuple[int, float, list[float], Link] | None) -> Terminal | None:
        if found is None:
            return None
        _rank, _points, values, link = found
        assert link is not None
        ending = self.scenario.ending(link[2])
        metrics = {m.id: value for m, value in zip(self.scenario.metrics, values, strict=True)}
        return Terminal(link[2], ending.rating if ending else "", metrics, path_of(self.choices, link))

    def _finish(self, known: int) -> Findings:
        findings, scenario = self.findings, self.scenario
        for arrivals in self.arrivals.values():
            stats = arrivals.stats
            stats.states = len(arrivals.codes)
            if not stats.states:
                continue
            stats.reachable = True
            stats.shortest = path_of(self.choices, arrivals.link)
            total = stats.probability
            stats.metrics = {
                metric.id: (low, sums / total if total > 0 else low, high)
                for metric, low, sums, high in zip(
                    scenario.metrics, arrivals.low, arrivals.sums, arrivals.high, strict=True
                )
            }
            arrivals.codes = set()
        findings.states = known
        findings.best, findings.worst = self._terminal(self.best), self._terminal(self.worst)
        findings.soft_locks = [
            SoftLock(scene, count, path_of(self.choices, link)) for scene, (count, link) in self.locks.items()
        ]
        findings.stuck_states = sum(lock.states for lock in findings.soft_locks)
        findings.stuck_scenes = sorted(self.locks)
        if findings.complete:
            findings.never_offered = [c.id for c, flag in zip(self.choices, self.offered, strict=True) if not flag]
            findings.scenes_never_reached = [s.id for s in scenario.scenes if s.id not in self.reached]
        return findings
