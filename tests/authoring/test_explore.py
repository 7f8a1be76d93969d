"""`sticky explore` on small scenarios whose answers are worked out by hand (tests/authoring/scenarios.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.explore import coach_line, explore
from game.authoring.explore_acyclic import sweep
from game.authoring.explore_summary import analyse
from game.authoring.findings import Findings
from game.commands.explore import find
from game.core.model import RATINGS, Scenario
from game.core.rules import initial_state, step
from game.core.session import Session
from tests.authoring.scenarios import FORK, LOOP, SOFTLOCK, TRAP, load, replay
from tests.authoring.test_strategies import well_formed
from tests.conftest import ROOT, SCENARIOS


def choices(path: list[dict[str, object]]) -> list[str]:
    return [str(m["choice"]) for m in path]


def explored(scenario: Scenario, method: str, max_states: int = 1_000_000) -> Findings:
    """Findings of one explorer: "graph" (the whole state graph) or "scenes" (scene by scene)."""
    if method == "graph":
        return analyse(explore(scenario, max_states))
    found = sweep(scenario, max_states)
    assert found is not None
    return found


@pytest.mark.parametrize("method", ["graph", "scenes"])
def test_fork_every_figure(method: str) -> None:
    scenario = load(FORK)
    found = explored(scenario, method)
    assert found.complete and found.states == 6 and found.method == method
    win, lose = found.endings["win"], found.endings["lose"]
    assert (win.reachable, win.paths, win.states) == (True, 1, 1)
    assert win.probability == pytest.approx(0.1875)
    assert (lose.reachable, lose.paths, lose.states) == (True, 3, 2)
    assert lose.probability == pytest.approx(0.8125)
    low, mean, high = lose.metrics["reputation"]
    assert (low, high) == (40, 60) and mean == pytest.approx(38.75 / 0.8125)
    assert win.metrics["reputation"] == (60, 60, 60)
    assert choices(win.shortest) == ["left", "ask"]
    assert win.shortest[-1] == {"choice": "ask", "style": "assertive", "chance": 0, "p": 0.75, "to": "win"}
    assert choices(lose.shortest) == ["left", "ask"]  # the first 2-choice path found
    assert found.never_offered == ["never"]
    assert found.never_ends == 0 and found.stuck_states == 0 and found.soft_locks == []
    assert found.best is not None and found.best.ending == "win" and found.best.metrics["reputation"] == 60
    assert found.worst is not None and choices(found.worst.path) == ["right", "give"]
    coach = coach_line(scenario)
    assert [m["choice"] for m in coach.moves] == ["left", "ask"] and coach.ending == "win"
    assert coach.endings == pytest.approx({"win": 0.75, "lose": 0.25})
    assert coach.unguided == []


def test_loops_are_left_to_the_graph_explorer() -> None:
    """A choice leading back to an earlier scene: no scene order exists, so the sweep declines."""
    assert sweep(load(TRAP), 100) is None and sweep(load(LOOP), 100) is None
    assert find(load(LOOP)).method == "graph" and find(load(FORK)).method == "scenes"


def test_trap_loop_with_no_way_out() -> None:
    found = find(load(TRAP))
    assert found.states == 3
    done = found.endings["done"]
    assert done.probability == pytest.approx(0.5) and done.paths == 1
    assert found.never_ends == pytest.approx(0.5)
    assert (found.stuck_states, found.stuck_scenes) == (1, ["a"])
    assert found.soft_locks == []


def test_loop_that_always_ends_has_unbounded_paths() -> None:
    found = find(load(LOOP))
    assert found.states == 2
    done = found.endings["done"]
    assert done.probability == pytest.approx(1.0) and done.paths is None
    assert found.never_ends == pytest.approx(0.0) and found.stuck_states == 0


@pytest.mark.parametrize("method", ["graph", "scenes"])
def test_soft_lock_is_found_with_its_path(method: str) -> None:
    found = explored(load(SOFTLOCK), method)
    assert found.states == 4
    [lock] = found.soft_locks
    assert (lock.scene, lock.states, choices(lock.path)) == ("c", 1, ["lock"])
    assert (found.stuck_states, found.stuck_scenes) == (1, ["c"])
    assert found.endings["done"].probability == pytest.approx(0.5)
    assert found.never_ends == pytest.approx(0.5)
    assert found.never_offered == ["open"]


@pytest.mark.parametrize("method", ["graph", "scenes"])
def test_state_limit_stops_with_partial_results(method: str) -> None:
    found = explored(load(FORK), method, max_states=3)
    assert not found.complete and found.states == 3
    assert found.never_offered == [] and found.scenes_never_reached == []
    assert found.unexplored == pytest.approx(1.0)  # both b states were left unexpanded
    assert not any(e.reachable for e in found.endings.values())


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
            kept = 2 if child.ended else 4  # an ending state is its ending and its metrics
            assert graph.states[graph.children[edge]][:kept] == child[:kept]
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


SHIPPED = sorted(p for p in SCENARIOS.glob("*.yaml") if p.name.count(".") == 1)  # bakery: tests/authoring/test_sweep


@pytest.fixture(scope="module")
def full_reports() -> dict[str, tuple[int, str, str]]:
    """`sticky explore --json` of every shipped scenario, to the end (no state limit reached): started
    together, so the two cores share the ~3 minutes of work. Per file name: (exit status, stdout, stderr)."""
    running = {
        path.name: subprocess.Popen(
            [sys.executable, "-m", "game", "explore", "--json", str(path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in SHIPPED
    }
    reports = {}
    for name, process in running.items():
        out, err = process.communicate(timeout=1200)
        reports[name] = (process.returncode, out, err)
    return reports


@pytest.mark.slow  # minutes and up to 1.2 GB a scenario: CI's second step (`pytest -m slow`)
@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_explore_is_complete_and_right_on_every_shipped_scenario(
    path: Path, full_reports: dict[str, tuple[int, str, str]]
) -> None:
    """The whole state space of each shipped scenario, and figures that agree with the engine and each other."""
    status, out, err = full_reports[path.name]
    assert status == 0, err
    data = json.loads(out)
    scenario = load(path.read_text(encoding="utf-8"), str(path))
    assert data["complete"] and data["method"] == "scenes" and data["unexplored"] == 0
    assert data["soft_locks"] == [] and data["stuck_states"] == 0 and data["never_ends"] == 0
    assert data["never_offered"] == [] and data["scenes_never_reached"] == []
    endings = data["endings"]
    assert all(e["reachable"] for e in endings.values())
    assert sum(e["probability"] for e in endings.values()) == pytest.approx(1.0, abs=1e-6)
    assert data["states"] >= sum(e["states"] for e in endings.values()) + len(scenario.scenes)
    for ending_id, found in endings.items():
        assert found["paths"] >= found["states"] >= 1
        assert len(found["shortest"]) >= 1 and replay(scenario, found["shortest"]).node == ending_id
        for metric in scenario.metrics:
            low, mean, high = (found["metrics"][metric.id][k] for k in ("min", "mean", "max"))
            assert low <= mean + 1e-6 and mean <= high + 1e-6
            assert metric.minimum is None or low >= metric.minimum
            assert metric.maximum is None or high <= metric.maximum
    ratings = [e.rating for e in scenario.endings]
    for label, rating in (("best", min(ratings, key=RATINGS.index)), ("worst", max(ratings, key=RATINGS.index))):
        terminal = data[label]
        assert terminal["rating"] == rating
        end = replay(scenario, terminal["path"])
        assert end.node == terminal["ending"] and end.metric_dict() == terminal["metrics"]
        found = endings[terminal["ending"]]["metrics"]
        assert all(found[k]["min"] <= v <= found[k]["max"] for k, v in terminal["metrics"].items())
    coach = data["coach"]
    assert coach["ending"] in endings and replay(scenario, coach["path"]).node == coach["ending"]
    assert sum(coach["endings"].values()) == pytest.approx(1.0)
    well_formed(data["strategies"], scenario)  # the strategy table: well formed, whatever today's verdicts
    p_best = sum(e["probability"] for e in endings.values() if e["rating"] == "best")
    assert data["strategies"]["random"]["p_best"] == pytest.approx(p_best, abs=1e-8)
    assert len(data["strategies"]["shuffled"]["press"]) == max(len(s.choices) for s in scenario.scenes)
