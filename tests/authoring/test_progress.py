"""`sticky explore` says how far a long search has got: both explorers report their progress, and on a
terminal the command shows it as one line rewritten in place, gone when the report is printed."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.explore import explore
from game.authoring.explore_acyclic import sweep
from game.authoring.load import load_scenario
from game.commands.explore import ProgressLine
from tests.authoring.scenarios import LOOP, load

ROOT = Path(__file__).resolve().parents[2]

Call = tuple[int, int, int, int]


def test_the_scene_by_scene_search_reports_after_every_scene() -> None:
    scenario = load_scenario(ROOT / "tests" / "data" / "bakery.yaml").scenario
    assert scenario is not None
    calls: list[Call] = []
    found = sweep(scenario, 10_000_000, lambda *told: calls.append(told))
    assert found is not None and found.complete
    scenes = calls[0][3]
    assert scenes == len(scenario.scenes)  # every scene of this scenario is reachable
    assert [taken for _states, _expanded, taken, _scenes in calls] == list(range(scenes + 1))
    states = [known for known, _expanded, _taken, _scenes in calls]
    assert states == sorted(states) and states[0] == 1
    assert calls[-1][:2] == (found.states, found.expanded)  # the last word is the final count


def test_the_whole_graph_search_reports_as_it_expands() -> None:
    scenario = load(LOOP)
    calls: list[Call] = []
    graph = explore(scenario, 1_000, lambda *told: calls.append(told), every=1)
    assert graph.complete
    assert [expanded for _states, expanded, _taken, _scenes in calls] == list(range(len(graph.states)))
    assert all(taken == scenes == 0 for _states, _expanded, taken, scenes in calls)  # not scene by scene
    assert all(expanded < known <= len(graph.states) for known, expanded, _taken, _scenes in calls)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_line_waits_half_a_second_then_rewrites_itself_and_is_cleared() -> None:
    stream, clock = io.StringIO(), Clock()
    line = ProgressLine(stream, 0.5, clock)
    line(10, 5, 1, 16)
    clock.now += 0.4
    line(20, 9, 2, 16)
    assert stream.getvalue() == ""  # a quick search prints nothing
    clock.now += 0.2
    line(1_234_567, 9, 8, 16)
    assert stream.getvalue() == "\rexploring: scene 9 of 16, 1,234,567 states, 1 s\x1b[K"
    clock.now += 0.1
    line(1_300_000, 9, 9, 16)  # not due yet
    clock.now += 0.5
    line(1_812_436, 9, 16, 16)  # the end of the scene by scene search: no scene to name
    line.clear()
    assert stream.getvalue().split("\r")[2:] == ["exploring: 1,812,436 states, 1 s\x1b[K", "\x1b[K"]


@pytest.mark.slow  # explores a whole shipped scenario for about ten seconds, so that the line shows
def test_a_terminal_sees_the_line_and_the_report_stays_clean() -> None:
    """The real command with its error stream on a pseudo-terminal (the report on a pipe, as when saved)."""
    try:
        controller, terminal = pty.openpty()
    except OSError as exc:  # a container without /dev/ptmx
        pytest.skip(f"no pseudo-terminal here: {exc}")
    env = os.environ | {"PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "game", "explore", "--json", "game/scenarios/broken-word.yaml"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the child has closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    out, _ = child.communicate(timeout=300)
    os.close(controller)
    assert child.returncode == 0
    text = shown.decode()
    assert "exploring: scene " in text and " states, " in text  # the search took seconds: the line showed
    assert text.endswith("\r\x1b[K")  # and it is gone before the command ends
    assert b"exploring" not in out and out.lstrip().startswith(b"{")  # the report itself is untouched
