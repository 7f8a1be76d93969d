"""The scene-by-scene explorer against the whole-graph explorer: two implementations, the same figures.

Random acyclic scenarios exercise what the figures depend on: clamped metrics, flags set and cleared,
conditions on choices and branches, chance, rules that fire once or every time, conditional endings, soft
locks, conditions that read ``turn``. Each is explored both ways and every figure compared.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.authoring.explore import explore
from game.authoring.explore_acyclic import scene_order, sweep
from game.authoring.explore_summary import analyse
from game.authoring.findings import Findings, score
from game.authoring.load import load_scenario
from game.core.model import Scenario
from tests.authoring.scenarios import load, replay

CONDITIONS = [
    "reputation >= 60",
    "staff_morale < 40",
    "f0",
    "not f1",
    "revenue > 18000 and not f0",
    "reputation - staff_morale > 10",
    "turn >= 2",
    "f1 or reputation < 45",
]
DELTAS = [-40, -25, -10, -5, 5, 10, 25, 40]


def random_scenario(seed: int) -> str:
    """A valid acyclic scenario drawn from ``seed``: 3-7 scenes, every choice leading to a later scene or an
    ending."""
    rng = random.Random(seed)
    count = rng.randint(3, 7)
    scenes = [f"s{i}" for i in range(count)]
    endings = ["good_end", "bad_end"]
    lines = [
        f"id: random-{seed}",
        "title: Random",
        "language: en",
        "summary: A random scenario.",
        "metrics:",
        "  revenue: {start: 20000, min: 0, max: 40000, unit: '€'}",
        f"  staff_morale: {{start: {rng.choice([30, 50, 70])}}}",
        f"  reputation: {{start: {rng.choice([40, 50, 60])}}}",
        "flags: [f0, f1]",
        "characters:",
        "  kim: {name: Kim, role: Client}",
        "start: s0",
        "scenes:",
    ]

    def later(index: int) -> str:
        if index + 1 < count and rng.random() < 0.85:
            return rng.choice(scenes[index + 1 : index + 3])
        return rng.choice(scenes[index + 1 :] + endings)

    def effects() -> str:
        parts = [
            f"{metric}: {rng.choice(DELTAS) * (100 if metric == 'revenue' else 1):+d}"
            for metric in rng.sample(["revenue", "staff_morale", "reputation"], rng.randint(0, 2))
        ]
        text = f", effects: {{{', '.join(parts)}}}" if parts else ""
        if rng.random() < 0.3:
            text += f", set: [{rng.choice(['f0', 'f1'])}]"
        if rng.random() < 0.15:
            text += f", clear: [{rng.choice(['f0', 'f1'])}]"
        return text

    blocks: list[list[str]] = []
    for index, scene in enumerate(scenes):
        block = [f"  {scene}:", f"    phase: {['cost', 'limits', 'power'][index % 3]}", "    text: What now?"]
        blocks.append(block)
        block.append("    choices:")
        for number in range(rng.randint(1, 4)):
            when = f", when: '{rng.choice(CONDITIONS)}'" if rng.random() < 0.25 else ""
            kind = rng.random()
            if kind < 0.25:
                p = rng.choice([0.25, 0.5, 0.7])
                first = f"{{p: {p}, next: {later(index)}{effects() if rng.random() < 0.5 else ''}}}"
                route = f"chance: [{first}, {{p: {round(1 - p, 2)}, next: {later(index)}{effects()}}}]"
            elif kind < 0.45:
                route = f"next: [{{when: '{rng.choice(CONDITIONS)}', next: {later(index)}}}, {{next: {later(index)}}}]"
            else:
                route = f"next: {later(index)}"
            style = rng.choice(["assertive", "passive", "aggressive"])
            block.append(
                f"      - {{id: c{index}_{number}, text: Say it., style: {style}{when}{effects()},"
                f" feedback: Noted., {route}}}"
            )
    rng.shuffle(blocks)  # the file order of scenes says nothing about the order of play
    lines += [line for block in blocks for line in block]
    lines.append("rules:")
    for number in range(rng.randint(1, 3)):
        once = rng.choice(["true", "false"])
        lines.append(
            f"  - {{id: r{number}, when: '{rng.choice(CONDITIONS)}', once: {once}{effects()}, text: Happens.}}"
        )
    lines += [
        "endings:",
        "  good_end: {rating: good, title: Good, text: Good.}",
        "  bad_end: {rating: bad, title: Bad, text: Bad.}",
    ]
    if rng.random() < 0.5:
        lines.append("  broke: {rating: poor, title: Broke, text: Broke., when: 'revenue < 16000'}")
    return "\n".join(lines) + "\n"


def same(graph: Findings, scenes: Findings, scenario: Scenario) -> None:
    """Every figure equal (floating sums to rounding); where ties allow different paths, paths of the same
    length, each replayed through the engine to where the report says it ends."""
    assert (scenes.complete, scenes.states, scenes.expanded) == (graph.complete, graph.states, graph.expanded)
    for ending_id, want in graph.endings.items():
        got = scenes.endings[ending_id]
        assert (got.reachable, got.paths, got.states) == (want.reachable, want.paths, want.states), ending_id
        assert got.probability == pytest.approx(want.probability, abs=1e-12)
        assert got.metrics.keys() == want.metrics.keys()
        for metric, (low, mean, high) in want.metrics.items():
            assert (got.metrics[metric][0], got.metrics[metric][2]) == (low, high)
            assert got.metrics[metric][1] == pytest.approx(mean, rel=1e-9, abs=1e-9)
        assert len(got.shortest) == len(want.shortest)
        if got.reachable:
            assert replay(scenario, got.shortest).node == ending_id
    for mine, theirs in ((scenes.best, graph.best), (scenes.worst, graph.worst)):
        assert (mine is None) == (theirs is None)
        if mine is not None and theirs is not None:
            assert (mine.rating, len(mine.path)) == (theirs.rating, len(theirs.path))
            assert score(scenario, mine.metrics) == score(scenario, theirs.metrics)
            end = replay(scenario, mine.path)
            assert (end.node, end.metric_dict()) == (mine.ending, mine.metrics)
    assert [(lock.scene, lock.states, len(lock.path)) for lock in scenes.soft_locks] == [
        (lock.scene, lock.states, len(lock.path)) for lock in graph.soft_locks
    ]
    for lock in scenes.soft_locks:
        assert replay(scenario, lock.path).node == lock.scene
    assert (scenes.stuck_states, scenes.stuck_scenes) == (graph.stuck_states, graph.stuck_scenes)
    assert scenes.never_ends == pytest.approx(graph.never_ends, abs=1e-12)
    assert (scenes.never_offered, scenes.scenes_never_reached) == (graph.never_offered, graph.scenes_never_reached)


@pytest.mark.parametrize("seed", range(150))
def test_sweep_agrees_with_the_graph(seed: int) -> None:
    scenario = load(random_scenario(seed), f"random-{seed}.yaml")
    order = scene_order(scenario)
    assert order is not None
    for scene_id in order:  # every choice leads forward in that order
        choices = scenario.scene(scene_id).choices  # type: ignore[union-attr]
        assert all(order.index(t) > order.index(scene_id) for c in choices for t in c.targets() if t in order)
    scenes = sweep(scenario, 1_000_000)
    assert scenes is not None
    graph = analyse(explore(scenario, 1_000_000))
    same(graph, scenes, scenario)
    assert set(scenes.scenes_never_reached) >= {s.id for s in scenario.scenes if s.id not in order}


@pytest.mark.parametrize("seed", range(0, 150, 3))
def test_both_stop_at_the_same_limit(seed: int) -> None:
    """At the exact number of states both are complete; one fewer and both stop, never above the limit (the
    sweep expands a state whole or not at all, so it may stop a few states short of it)."""
    scenario = load(random_scenario(seed), f"random-{seed}.yaml")
    total = analyse(explore(scenario, 1_000_000)).states
    exact = sweep(scenario, total)
    assert exact is not None
    same(analyse(explore(scenario, total)), exact, scenario)
    if total > 1:
        short = sweep(scenario, total - 1)
        assert short is not None and not short.complete and short.states <= total - 1 and short.stopped_at
        graph = analyse(explore(scenario, total - 1))
        assert not graph.complete and graph.states == total - 1
        assert short.never_offered == [] and short.scenes_never_reached == []
        assert 0 < short.unexplored <= 1 and short.never_ends + short.unexplored + sum(
            e.probability for e in short.endings.values()
        ) == pytest.approx(1.0)


def test_bakery_agrees(bakery_path: Path) -> None:
    bakery = load_scenario(bakery_path).scenario
    assert bakery is not None
    scenes = sweep(bakery, 1_000_000)
    assert scenes is not None
    same(analyse(explore(bakery, 1_000_000)), scenes, bakery)
