"""A trainer's own scenario folder (``sticky --scenarios DIR``): in the picker beside the shipped ones, and
found by id on the command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from game.paths import SCENARIOS, find_scenario, shipped_ids
from game.ui.app import App
from game.ui.storage import Settings
from tests.conftest import ROOT
from tests.ui.conftest import DATA


def _sticky(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run(
        [sys.executable, "-m", "game", "--data", str(data), *args], cwd=data, env=env, capture_output=True, text=True
    )


def test_an_id_names_a_shipped_file_and_a_path_stays_a_path(tmp_path: Path) -> None:
    assert "spa-hotel" in shipped_ids()
    assert find_scenario("spa-hotel", [SCENARIOS]) == str(SCENARIOS / "spa-hotel.yaml")
    mine = tmp_path / "spa-hotel"  # a file by that name here wins: the user typed a path
    mine.write_text("x", encoding="utf-8")
    os.chdir(tmp_path)
    assert find_scenario("spa-hotel", [SCENARIOS]) == "spa-hotel"
    assert find_scenario("no-such-thing", [SCENARIOS]) == "no-such-thing"
    assert find_scenario("../spa-hotel", [SCENARIOS]) == "../spa-hotel"  # not an id: never looked up


def test_own_folder_is_remembered_and_found_by_id(tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(DATA / "bakery.yaml", own / "bakery.yaml")
    data = tmp_path / "data"
    data.mkdir()
    assert _sticky(data, "--scenarios", str(own), "check", "bakery").returncode == 0
    assert Settings.load(data).scenarios_folder == str(own.resolve())
    played = _sticky(data, "play", "bakery", "--choices", "1", "--json")
    assert json.loads(played.stdout)["scenario"] == "bakery-deposit"
    missing = _sticky(data, "--scenarios", str(tmp_path / "nowhere"), "check", "bakery")
    assert missing.returncode == 2 and "no such folder" in missing.stderr and "Traceback" not in missing.stderr
    assert _sticky(data, "--scenarios", "", "check", "spa-hotel").returncode == 0
    assert Settings.load(data).scenarios_folder == ""


def test_the_picker_lists_shipped_and_own_scenarios(tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(DATA / "bakery.yaml", own / "bakery.yaml")
    data = tmp_path / "data"
    data.mkdir()
    settings = Settings()
    settings.scenarios_folder = str(own)
    settings.save(data)
    app = App(data=str(data), lang="en")
    try:
        listed = [entry.path.name for entry in app.catalogue.entries()]
    finally:
        app.close()
    assert listed[: len(shipped_ids())] == [f"{i}.yaml" for i in shipped_ids()]
    assert listed[-1] == "bakery.yaml"
