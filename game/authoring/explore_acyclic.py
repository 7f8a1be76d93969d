"""Exhaustive exploration of an acyclic scenario, scene by scene, holding only the states still ahead.

When no choice can lead back to an earlier scene (true of every shipped scenario), every state of a scene is
reached only from states of scenes before it in a topological order of the scene graph. So the scenes are
taken in that order; each scene's distinct states are expanded once all of them are known and then dropped.
What a state carries forward is all the report needs: its probability under uniformly random play (each
available choice equally likely, chance outcomes weighted by ``p``), its number of paths, and the shortest
path to it (a shared linked list: ``(choice number, outcome, to, previous link)``). Endings are not stored as
states: each arrival is added to its ending's figures at once, and only a compact code of the metric values
is kept, to count the distinct ending states.

A waiting state is held as a ``Key`` (its metric values as one shared tuple, flags, rules fired, turn) in its
scene's bucket, and every move from it is made by the engine's own ``rules.play_out``, the function behind
``step``: the same rules, without building an engine ``State`` per move.

The figures are exactly those of the whole state graph (``game.authoring.explore``); a test compares the two.
Memory holds the states waiting in the scenes still ahead (under 400 bytes each) plus a small integer per
distinct ending state, instead of the whole graph, which is what lets the shipped scenarios' millions of states
be explored on a laptop.
"""

from __future__ import annotations

import heapq
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from game.authoring.findings import (
    RATING_RANK,
    EndingStats,
    Findings,
    Move,
    Progress,
    SoftLock,
    Terminal,
    move,
    new_endings,
    reads_turn,
    score_terms,
    score_values,
)
from game.core.expr import Evaluator
from game.core.gcpause import gc_paused
from game.core.model import Branches, Chance, Choice, Goto, Scenario
from game.core.rules import Change, StepPlan, initial_state, plan_of, play_out

DEFAULT_SWEEP_STATES = 10_000_000  # at most ~4 GB even if every state waits at once; the shipped need 0.8-5.5 M

Link = tuple[int, int, str, "Link"] | None  # (choice number, chance outcome or -1, to, previous) or the start
Record = list[Any]  # per state waiting in a later scene: [probability, paths, depth of the shortest path, its Link]
# A state waiting in a scene, without the scene (its bucket): (metric values in declared order, flags, rules
# fired, turn). Smaller and quicker to hash than the engine's ``State``, whose metrics are (id, value) pairs.
Key = tuple[tuple[float, ...], frozenset[str], frozenset[str], int]
# One way out of a scene's state: (choice number, chance outcome or -1, probability, the choice's prepared
# effects, where it leads (a scene or ending, or the branches that decide), the outcome's prepared effects).
Way = tuple[int, int, float, Change, "str | Branches", "Change | None"]


def scene_order(scenario: Scenario) -> list[str] | None:
    """The scenes reachable from the start, in an order where every choice leads forward (file order among
    equals); None when a choice can lead back to an earlier one (a loop). Conditions are ignored: a scene is
    reachable here when some choice names it."""
    ids = [s.id for s in scenario.scenes]
    position = {scene_id: i for i, scene_id in enumerate(ids)}
    following: list[list[int]] = []  # by file position: the positions of the scenes each scene's choices name
    for scene in scenario.scenes:
        named: set[int] = set()
        for choice in scene.choices:
            next_ = choice.next
            for target in (next_.target,) if isinstance(next_, Goto) else choice.targets():
                at = position.get(target)
                if at is not None:  # an ending otherwise
                    named.add(at)
        following.append(list(named))
    start = position.get(scenario.start)
    if start is None:
        return []
    reached = bytearray(len(ids))
    reached[start] = 1
    stack = [start]
    while stack:
        for later in following[stack.pop()]:
            if not reached[later]:
                reached[later] = 1
                stack.append(later)
    indegree = [0] * len(ids)
    for at, laters in enumerate(following):
        if reached[at]:
            for later in laters:
                indegree[later] += 1
    ready = [at for at in range(len(ids)) if reached[at] and not indegree[at]]  # a heap: file order among equals
    order: list[str] = []
    while ready:
        at = heapq.heappop(ready)
        order.append(ids[at])
        for later in following[at]:
            indegree[later] -= 1
            if not indegree[later]:
                heapq.heappush(ready, later)
    return order if len(order) == sum(reached) else None


def ways_of(scenario: Scenario, plan: StepPlan) -> dict[str, list[tuple[Evaluator | None, list[Way]]]]:
    """Per scene, its choices as (the condition's compiled function or None, the ways out of the choice):
    every move prepared once. Choices are numbered in file order across scenes, as ``findings.menus`` does."""
    found: dict[str, list[tuple[Evaluator | None, list[Way]]]] = {}
    changes, outcome_changes = plan.changes, plan.outcome_changes
    number = 0
    for scene in scenario.scenes:
        entries: list[tuple[Evaluator | None, list[Way]]] = []
        for choice in scene.choices:
            change = changes[choice.id][1]
            next_ = choice.next
            ways: list[Way]
            if isinstance(next_, Chance):
                ways = [
                    (number, k, o.probability, change, o.target, outcome_changes.get((choice.id, k)))
                    for k, o in enumerate(next_.outcomes)
                ]
            else:  # one way: to a scene or ending, or to where the branches decide
                ways = [(number, -1, 1.0, change, next_.target if isinstance(next_, Goto) else next_, None)]
            entries.append((None if choice.when is None else choice.when.evaluator, ways))
            number += 1
        found[scene.id] = entries
    return found


def values_of(ids: tuple[str, ...]) -> Callable[[dict[str, float]], tuple[float, ...]]:
    """A function giving the values of the metrics ``ids`` in an environment, as one tuple, in that order."""
    if len(ids) > 1:
        return itemgetter(*ids)  # one call in C: the quickest way, and a tuple when given two or more ids
    return lambda env: tuple([env[metric_id] for metric_id in ids])


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
    depth: int = sys.maxsize  # of the shortest path so far
    link: Link = None


@dataclass(slots=True)
class _Candidate:
    """The best or worst ending state so far, with the shortest path known to it."""

    rank: int
    points: float
    ending: str
    code: int
    values: list[float]
    depth: int
    link: Link


def sweep(scenario: Scenario, max_states: int, progress: Progress | None = None) -> Findings | None:
    """Explore ``scenario`` scene by scene; None when a choice can lead back to an earlier scene (a loop).

    Stops once ``max_states`` distinct states are known (the figures then cover the scenes taken so far). The
    cyclic garbage collector is paused meanwhile: only acyclic objects are made, and its walks over millions
    of them would cost as much as the search. ``progress``, when given, is told after each scene.
    """
    with gc_paused():  # before the scene order too: its lists would set off full collections over a large model
        order = scene_order(scenario)
        if order is None:
            return None
        return _Sweep(scenario, order, max(max_states, 1)).run(progress)


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
        self.best: _Candidate | None = None
        self.worst: _Candidate | None = None
        self.locks: dict[str, tuple[int, int, Link]] = {}  # per scene: soft-lock states, shortest depth, its path
        self.known = 1  # distinct states found: the start, later scenes' states, ending states
        self.reached: set[str] = set()
        self.plan = plan_of(scenario, every_choice=True)
        self.keep_turn = reads_turn(scenario)
        self.repeatable = frozenset(r.id for r in scenario.rules if not r.once)
        self.metric_ids = tuple(m.id for m in scenario.metrics)
        self.pick = values_of(self.metric_ids)
        self.ways = ways_of(scenario, self.plan)
        self.values: dict[tuple[float, ...], tuple[float, ...]] = {}  # one copy of each tuple of metric values
        self.sets: dict[frozenset[str], frozenset[str]] = {}  # one copy of each set of flags or rules fired

    def run(self, progress: Progress | None = None) -> Findings:
        """Take the scenes in order, telling ``progress`` after each; returns the findings."""
        findings = self.findings
        start = initial_state(self.scenario)
        # when no condition reads the turn, every state counts as turn -1: states then differ by what matters
        first: Key = (
            tuple(value for _id, value in start.metrics),
            start.flags,
            start.fired,
            0 if self.keep_turn else -1,
        )
        pending: dict[str, dict[Key, Record]] = {start.node: {first: [1.0, 1, 0, None]}}
        live = peak = 1
        for taken, scene_id in enumerate(self.order, 1):
            if progress is not None:
                progress(self.known, findings.expanded, taken - 1, len(self.order))
            bucket = pending.pop(scene_id, None)
            if not bucket:
                continue
            self.reached.add(scene_id)
            items: list[tuple[Key, Record] | None] = list(bucket.items())
            del bucket
            for position, item in enumerate(items):
                items[position] = None  # an expanded state is dropped at once: only its path link lives on
                assert item is not None
                key, record = item
                added = self._expand(scene_id, key, record, pending) if findings.complete else -1
                if added < 0:  # the limit: this state and all after it stay unexpanded
                    if findings.complete:
                        findings.complete, findings.stopped_at = False, scene_id
                    findings.unexplored += record[0]
                    continue
                findings.expanded += 1
                live += added
                if live > peak:
                    peak = live
                live -= 1
        if progress is not None:
            progress(self.known, findings.expanded, len(self.order), len(self.order))
        for rest in pending.values():  # only when the limit stopped the search
            findings.unexplored += sum(record[0] for record in rest.values())
        findings.peak_states = peak
        return self._finish()

    def _expand(self, scene_id: str, key: Key, record: Record, pending: dict[str, dict[Key, Record]]) -> int:
        """Take every available choice (every outcome of a chance) from the state ``key`` of ``scene_id``; returns
        how many new states of later scenes it found, or -1 (and changes nothing) when its new states would pass
        the limit."""
        mass, paths, depth, link = record
        values, flags, fired, turn = key
        plan = self.plan
        env = dict(zip(self.metric_ids, values, strict=True))
        env.update(plan.flag_zeros)
        for flag in flags:
            if flag in env:
                env[flag] = 1.0
        env["turn"] = float(turn)  # what a choice's condition sees; its effects and the rules see the next turn
        available = [ways for when, ways in self.ways[scene_id] if when is None or when(env)]
        if not available:
            self._soft_lock(scene_id, mass, depth, link)
            return 0
        env["turn"] = turn + 1.0
        share = mass / len(available)
        pick, repeatable, next_turn = self.pick, self.repeatable, turn + 1 if self.keep_turn else turn
        # (node, its key or for an ending its values, ended, probability, number, outcome)
        moves: list[tuple[str, Any, bool, float, int, int]] = []
        for ways in available:
            for number, outcome, p, change, to, extra in ways:
                after = env.copy()
                node, new_flags, new_fired, ending, _moved = play_out(
                    plan, after, flags, fired, change, to, extra, None, None
                )
                if ending is not None:
                    moves.append((node, pick(after), True, share * p, number, outcome))
                    continue
                if repeatable and new_fired & repeatable:
                    new_fired = new_fired - repeatable
                moves.append((node, (pick(after), new_flags, new_fired, next_turn), False, share * p, number, outcome))
        if self.known + len(moves) > self.max_states and self.known + self._new(moves, pending) > self.max_states:
            return -1
        deeper = depth + 1
        pool, sets, offered = self.values, self.sets, self.offered
        added = 0
        for node, child, ended, weight, number, outcome in moves:
            offered[number] = 1
            if ended:
                self._arrive(node, child, weight, paths, deeper, number, outcome, link)
                continue
            following = pending.get(node)
            if following is None:
                following = pending[node] = {}
            found = following.get(child)
            if found is None:  # one shared copy of each tuple of values and set of flags
                new_values, new_flags, new_fired, _turn = child
                new_values = values if new_values == values else pool.setdefault(new_values, new_values)
                if new_flags is not flags:
                    new_flags = sets.setdefault(new_flags, new_flags)
                if new_fired is not fired:
                    new_fired = sets.setdefault(new_fired, new_fired)
                following[(new_values, new_flags, new_fired, next_turn)] = [
                    weight,
                    paths,
                    deeper,
                    (number, outcome, node, link),
                ]
                added += 1
            else:
                found[0] += weight
                found[1] += paths
                if deeper < found[2]:
                    found[2], found[3] = deeper, (number, outcome, node, link)
        self.known += added
        return added

    def _new(self, moves: list[tuple[str, Any, bool, float, int, int]], pending: dict[str, dict[Key, Record]]) -> int:
        """How many distinct states these moves would add (only asked near the limit)."""
        seen: set[object] = set()
        for node, child, ended, _weight, _number, _outcome in moves:
            if ended:
                code = self._code(child)
                if code not in self.arrivals[node].codes:
                    seen.add((node, code))
            elif child not in pending.get(node, {}):
                seen.add((node, child))
        return len(seen)

    def _code(self, values: tuple[float, ...]) -> int:
        """The exact code of an ending state's metric values: each metric's values numbered as they appear."""
        code = 0
        for table, value in zip(self.numbers, values, strict=True):
            number = table.get(value)
            if number is None:
                number = table[value] = len(table)
            code = (code << 32) | number
        return code

    def _tally(self, sums: list[float], values: tuple[float, ...], mass: float) -> int:
        """Add ``values`` weighted by ``mass`` to an ending's ``sums``; returns the values' code (``_code``): one
        loop for both, as every arrival needs both."""
        code = 0
        numbers = self.numbers
        for index, value in enumerate(values):
            sums[index] += value * mass
            table = numbers[index]
            number = table.get(value)
            if number is None:
                number = table[value] = len(table)
            code = (code << 32) | number
        return code

    def _arrive(
        self,
        ending: str,
        values: tuple[float, ...],
        mass: float,
        paths: int,
        depth: int,
        number: int,
        outcome: int,
        link: Link,
    ) -> None:
        """Add one move into ``ending``, with these metric values, to that ending's figures. The move is choice
        ``number`` (chance ``outcome``) taken after ``link``; its own link is made only when a path keeps it."""
        arrivals = self.arrivals[ending]
        stats = arrivals.stats
        stats.probability += mass
        stats.paths += paths  # type: ignore[operator]  # never None here: no loops
        if depth < arrivals.depth:
            arrivals.depth, arrivals.link = depth, (number, outcome, ending, link)
        code = self._tally(arrivals.sums, values, mass)
        if code in arrivals.codes:  # a state already known: a shorter way to the best or worst one?
            best, worst = self.best, self.worst
            if best is not None and best.code == code and depth < best.depth and best.ending == ending:
                best.depth, best.link = depth, (number, outcome, ending, link)
            if worst is not None and worst.code == code and depth < worst.depth and worst.ending == ending:
                worst.depth, worst.link = depth, (number, outcome, ending, link)
            return
        self._first(arrivals, ending, values, code, depth, (number, outcome, ending, link))

    def _first(
        self, arrivals: _Arrivals, ending: str, values: tuple[float, ...], code: int, depth: int, link: Link
    ) -> None:
        """A new ending state: count it, widen the ending's ranges, and see whether it is the best or worst yet."""
        arrivals.codes.add(code)
        self.known += 1
        low, high = arrivals.low, arrivals.high
        for i, value in enumerate(values):
            if value < low[i]:
                low[i] = value
            if value > high[i]:
                high[i] = value
        points = score_values(self.scales, values)
        candidate = _Candidate(arrivals.rank, points, ending, code, list(values), depth, link)
        # better: higher rating, then higher score, then a shorter path (the graph explorer's breadth-first order)
        if self.best is None or (candidate.rank, points, -depth) > (self.best.rank, self.best.points, -self.best.depth):
            self.best = candidate
        if self.worst is None or (candidate.rank, points, depth) < (
            self.worst.rank,
            self.worst.points,
            self.worst.depth,
        ):
            self.worst = _Candidate(arrivals.rank, points, ending, code, list(values), depth, link)

    def _soft_lock(self, scene_id: str, mass: float, depth: int, link: Link) -> None:
        """A state with no available choice: nothing follows it. The shortest way to one is kept per scene."""
        self.findings.never_ends += mass
        count, shortest, first = self.locks.get(scene_id, (0, depth, link))
        if depth < shortest:
            shortest, first = depth, link
        self.locks[scene_id] = (count + 1, shortest, first)

    def _terminal(self, found: _Candidate | None) -> Terminal | None:
        if found is None:
            return None
        ending = self.scenario.ending(found.ending)
        metrics = {m.id: value for m, value in zip(self.scenario.metrics, found.values, strict=True)}
        return Terminal(found.ending, ending.rating if ending else "", metrics, path_of(self.choices, found.link))

    def _finish(self) -> Findings:
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
        findings.states = self.known
        findings.best, findings.worst = self._terminal(self.best), self._terminal(self.worst)
        position = {s.id: i for i, s in enumerate(scenario.scenes)}
        findings.soft_locks = [
            SoftLock(scene, count, path_of(self.choices, link))
            for scene, (count, _depth, link) in sorted(self.locks.items(), key=lambda item: position[item[0]])
        ]
        findings.stuck_states = sum(lock.states for lock in findings.soft_locks)
        findings.stuck_scenes = sorted(self.locks)
        if findings.complete:
            findings.never_offered = [c.id for c, flag in zip(self.choices, self.offered, strict=True) if not flag]
            findings.scenes_never_reached = [s.id for s in scenario.scenes if s.id not in self.reached]
        return findings
