"""A scenario of 100,000 scenes in a row is valid; nothing that walks it may recurse (issue: the picker hit
RecursionError on 1,000 scenes and took every other scenario down with it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from game.ui.catalogue import path_lengths
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SCENES = 100_000


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = ["id: chain", "title: A long chain", "language: en", "summary: Very long.", "characters: {k: {name: K}}"]
    lines += ["start: s0", "scenes:"]
    for i in range(SCENES):
        after = f"s{i + 1}" if i < SCENES - 1 else "done"
        lines += [f"  s{i}:", "    phase: cost", "    text: One more step along a very long road of scenes."]
        lines += [
            f"    choices: [{{id: c{i}, text: Go on, style: assertive, feedback: Right, best: true, next: {after}}}]"
        ]
    lines += ["endings:", "  done: {rating: good, text: The end.}"]
    path = tmp_path_factory.mktemp("chain") / "chain.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_picker_measures_it_without_recursion(chain: Path) -> None:
    scenario = load_scenario(chain).scenario
    assert scenario is not None
    assert path_lengths(scenario) == (SCENES, SCENES)


@pytest.mark.parametrize(
    "args",
    [("check", "--format", "short"), ("play", "--json", "--choices", "c0"), ("graph", "--format", "dot")],
    ids=["check", "play", "graph"],
)
def test_every_command_takes_it(chain: Path, args: tuple[str, ...]) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    command = [sys.executable, "-m", "game", args[0], str(chain), *args[1:]]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
