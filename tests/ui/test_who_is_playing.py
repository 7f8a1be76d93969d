"""Who is playing: asked before the first scenario of a run, shown on the title and picker, recorded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from game.locale import tr
from game.training.identity import make_room, read_profile, write_profile, write_room
from game.ui import flow
from game.ui.screens.picker import PickerScreen
from game.ui.screens.scene import SceneScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.who import WhoScreen
from tests.training.helpers import sticky

pytestmark = pytest.mark.ui


def _to_who(pilot: Any) -> WhoScreen:
    pilot.key(pygame.K_3)  # Scenarios
    pilot.key(pygame.K_1)  # the first one
    pilot.key(pygame.K_RETURN)  # Practice
    assert isinstance(pilot.screen, WhoScreen)
    return pilot.screen


def _title_sub(pilot: Any) -> str:
    flow.open_title(pilot.app)
    pilot.frame()
    assert isinstance(pilot.screen, TitleScreen)
    return next(sub for key, _label, sub, _on, _rect in pilot.screen.entries if key == "who")


def test_a_room_offers_its_names_and_locks_the_cohort(make_app: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    write_room(data, make_room("Cohorte B", ["Ana", "Bo", "Carla"]))
    write_profile(data, "Zoe", "other")  # the last person who played here is not offered
    pilot = make_app(lang="es", typewriter=False, data=data, asked=False)
    who = _to_who(pilot)
    assert [i.id for i in who.items()] == ["pick:Ana", "pick:Bo", "pick:Carla", "anonymous"]
    assert not who.field_rects  # no free text: the room's list
    pilot.key(pygame.K_2)  # Bo
    assert isinstance(pilot.screen, SceneScreen)
    record = pilot.app.recorder.lookup(pilot.app.playthrough.pid)
    assert (record.learner, record.cohort) == ("Bo", "Cohorte B")
    assert read_profile(data) == {"learner": "Bo", "cohort": "Cohorte B"}
    assert _title_sub(pilot) == tr("title.playing_as_cohort", name="Bo", cohort="Cohorte B")


def test_asked_once_a_run_and_someone_else_from_the_title(make_app: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    pilot = make_app(typewriter=False, data=data, asked=False)
    assert _title_sub(pilot) == tr("title.who_hint")
    _to_who(pilot)
    pilot.type("  Ana   María ")
    pilot.key(pygame.K_RETURN)
    pilot.key(pygame.K_RETURN)  # no cohort
    assert isinstance(pilot.screen, SceneScreen)
    assert _title_sub(pilot) == tr("title.playing_as", name="Ana María")
    flow.open_picker(pilot.app)
    pilot.frame()
    assert isinstance(pilot.screen, PickerScreen)
    pilot.key(pygame.K_1)
    pilot.key(pygame.K_RETURN)
    assert isinstance(pilot.screen, SceneScreen)  # not asked again in this run
    flow.open_title(pilot.app)
    pilot.frame()
    pilot.click("who")  # Someone else
    who = pilot.screen
    assert isinstance(who, WhoScreen) and who.item("previous") is not None  # "I'm Ana María"
    pilot.click("start")  # with an empty name: said, not recorded
    assert pilot.screen is who and who.problem
    pilot.click("anonymous")
    assert isinstance(pilot.screen, TitleScreen)
    assert _title_sub(pilot) == tr("title.playing_anonymous")
    assert read_profile(data) == {}
    again = make_app(typewriter=False, data=data, asked=False)  # a new run asks again
    assert _title_sub(again) == tr("title.who_hint")


def test_with_records_off_nobody_is_asked(make_app: Any, tmp_path: Path) -> None:
    pilot = make_app(typewriter=False, asked=False)
    pilot.app.recorder.enabled = False
    flow.open_title(pilot.app)
    pilot.frame()
    assert all(key != "who" for key, *_rest in pilot.screen.entries)
    pilot.key(pygame.K_3)
    pilot.key(pygame.K_1)
    pilot.key(pygame.K_RETURN)
    assert isinstance(pilot.screen, SceneScreen)


def test_the_trainer_sets_up_a_room_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    made = sticky("records", "learners", "--cohort", "B-2", "Ana", "Bo", "Ana", data=data)
    assert made.returncode == 0 and "cohort: B-2 (locked) · learners: Ana, Bo" in made.stdout
    assert sticky("records", "learners", "Cy", data=data).returncode == 2  # names need the cohort
    bad = sticky("records", "learners", "--cohort", "B-2", "a\x1bb", data=data)
    assert bad.returncode == 1 and "not printable" in bad.stderr and "Traceback" not in bad.stderr
    shown = sticky("records", "learners", data=data)
    assert "learners: Ana, Bo" in shown.stdout  # the refused command changed nothing
    cleared = sticky("records", "learners", "--clear", data=data)
    assert cleared.returncode == 0 and "room cleared" in cleared.stdout
    assert not (data / "room.json").exists()
