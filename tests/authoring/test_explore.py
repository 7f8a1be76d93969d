"""`sticky explore` on small scenarios whose answers are worked out by hand (tests/authoring/scenarios.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.explore import coach_line, explore
from game.authoring.paths import analyse
from game.core.rules import initial_state, step
from game.core.session import Session
from tests.authoring.scenarios import FORK, LOOP, SOFTLOCK, TRAP, load
from tests.conftest import ROOT, SCENARIOS


def moves(analysis_graph: object, edges: list[int]) -> list[str]:
    from game.authoring.explore import StateGraph

    assert isinstance(analysis_graph, StateGraph)
    return [str(analysis_graph.step_of(e)["choice"]) for e in edges]


def test_fork_every_figure() -> None:
    scenario = load(FORK)
    graph = explore(scenario)
    assert graph.complete and len(graph.states) == 6
    analysis = analyse(graph)
    win, lose = analysis.endings["win"], analysis.endings["lose"]
    assert (win.reachable, win.paths, win.states) == (True, 1, 1)
    assert win.probability == pytest.approx(0.1875)
    assert (lose.reachable, lose.paths, lose.states) == (True, 3, 2)
    assert lose.probability == pytest.approx(0.8125)
    low, mean, high = lose.metrics["reputation"]
    assert (low, high) == (40, 60) and mean == pytest.approx(38.75 / 0.8125)
    assert win.metrics["reputation"] == (60, 60, 60)
    assert moves(graph, win.shortest) == ["left", "ask"]
    assert moves(graph, lose.shortest) == ["left", "ask"]  # breadth first: the first 2-choice path found
    assert analysis.never_offered == ["never"]
    assert analysis.never_ends == 0 and analysis.stuck == [] and graph.soft_locks == []
    assert analysis.best is not None and graph.states[analysis.best].node == "win"
    assert analysis.worst is not None and moves(graph, graph.path_to(analysis.worst)) == ["right", "give"]
    coach = coach_line(scenario)
    assert [m["choice"] for m in coach.moves] == ["left", "ask"] and coach.ending == "win"
    assert coach.endings == pytest.approx({"win": 0.75, "lose": 0.25})
    assert coach.unguided == []


def test_trap_loop_with_no_way_out() -> None:
    graph = explore(load(TRAP))
    analysis = analyse(graph)
    assert len(graph.states) == 3
    done = analysis.endings["done"]
    assert done.probability == pytest.approx(0.5) and done.paths == 1
    assert analysis.never_ends == pytest.approx(0.5)
    assert [graph.states[i].node for i in analysis.stuck] == ["a"]
    assert graph.soft_locks == []


def test_loop_that_always_ends_has_unbounded_paths() -> None:
    graph = explore(load(LOOP))
    analysis = analyse(graph)
    assert len(graph.states) == 2
    done = analysis.endings["done"]
    assert done.probability == pytest.approx(1.0) and done.paths is None
    assert analysis.never_ends == pytest.approx(0.0) and analysis.stuck == []


def test_soft_lock_is_found_with_its_path() -> None:
    graph = explore(load(SOFTLOCK))
    analysis = analyse(graph)
    assert len(graph.states) == 4
    [lock] = graph.soft_locks
    assert graph.states[lock].node == "c" and moves(graph, graph.path_to(lock)) == ["lock"]
    assert analysis.endings["done"].probability == pytest.approx(0.5)
    assert analysis.never_ends == pytest.approx(0.5)
    assert analysis.never_offered == ["open"]


def test_state_limit_stops_with_partial_results() -> None:
    graph = explore(load(FORK), max_states=3)
    assert not graph.complete and len(graph.states) == 3
    analysis = analyse(graph)
    assert analysis.never_offered == [] and analysis.scenes_never_reached == []


def test_explorer_agrees_with_the_session() -> None:
    """Every edge of the graph is what a Session playing that choice (with that chance outcome) gets."""
    scenario = load(FORK)
    graph = explore(scenario)
    for index in range(graph.expanded):
        for edge in graph.edges(index):
            state = graph.states[index]
            choice = graph.choices[graph.labels[edge]]
            chance = graph.outcomes[edge]
            target = choice.next.outcomes[chance].target if chance >= 0 else None  # type: ignore[union-attr]
            child = step(scenario, state, choice, 0, target).state
            assert graph.states[graph.children[edge]][:4] == child[:4]
    session = Session(scenario, seed=0)
    session.choose("left")
    assert session.state[:4] == graph.states[1][:4] and initial_state(scenario) == graph.states[0]


def sticky(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_cli_table_and_json(tmp_path: Path) -> None:
    path = tmp_path / "fork.yaml"
    path.write_text(FORK, encoding="utf-8")
    table = sticky("explore", str(path))
    assert table.returncode == 0, table.stderr
    assert "6 distinct states" in table.stdout and "18.8%" in table.stdout and "81.2%" in table.stdout
    assert "choices never offered: never" in table.stdout
    data = json.loads(sticky("explore", "--json", str(path)).stdout)
    assert data["endings"]["lose"]["paths"] == 3 and data["complete"] is True
    assert data["coach"]["endings"] == {"win": 0.75, "lose": 0.25}
    limited = sticky("explore", "--max-states", "2", str(path))
    assert limited.returncode == 2 and "stopped at 2 distinct states" in limited.stderr


SHIPPED = sorted(p for p in SCENARIOS.glob("*.yaml") if p.name.count(".") == 1) + [ROOT / "tests/data/bakery.yaml"]


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_explore_runs_on_every_shipped_scenario(path: Path) -> None:
    result = sticky("explore", "--json", "--max-states", "20000", str(path))
    assert result.returncode in (0, 2), result.stderr
    data = json.loads(result.stdout)
    assert data["states"] >= 1 and data["coach"]["path"]
