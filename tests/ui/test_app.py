"""The app around the screens: learner records, the real main loop, input mapping, locale tables,
the screenshots command, and missing assets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.locale import TABLES
from game.ui import assets, flow
from game.ui.input import CONFIRM, DOWN, LEFT, PAUSE, PICK, UP, InputMapper
from game.ui.playthrough import ASSESSMENT, PRACTICE
from game.ui.screens.scene import SceneScreen

pytestmark = pytest.mark.ui

HAS_RECORDS = importlib.util.find_spec("game.training.record_store") is not None


def _play_to_end(pilot) -> None:
    while isinstance(pilot.screen, SceneScreen):
        pilot.key(pygame.K_1)  # a number, not Enter: no choice has the focus when a scene opens
        pilot.key(pygame.K_RETURN)


@pytest.mark.skipif(not HAS_RECORDS, reason="game.training.record_store is not there yet")
def test_every_playthrough_is_recorded(make_app, bakery_copy: Path, tmp_path: Path) -> None:
    from game.training.record_store import open_records

    data = tmp_path / "records-data"
    pilot = make_app(typewriter=False, data=data)
    assert flow.start(pilot.app, bakery_copy, ASSESSMENT, seed=2)
    pilot.frame()
    _play_to_end(pilot)
    pt = pilot.app.playthrough
    assert pt.session.finished
    pilot.app.recorder.close()
    with open_records(data) as records:
        [record] = records.playthroughs()
    assert record.mode == "assessment" and record.ending_id == pt.session.ending.id
    assert [c.choice_id for c in record.choices] == [o.choice_id for o in pt.session.history]
    assert all(c.decision_seconds is not None for c in record.choices)


def test_a_records_failure_never_stops_the_game(make_app, bakery_copy: Path, monkeypatch, capsys) -> None:
    pilot = make_app(typewriter=False)

    class Broken:
        def start(self, *args, **kwargs):
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(pilot.app.recorder, "_open", lambda: Broken())
    assert flow.start(pilot.app, bakery_copy, PRACTICE, seed=1)
    pilot.frame()
    _play_to_end(pilot)
    assert pilot.app.playthrough.session.finished
    assert "learner records unavailable" in capsys.readouterr().err


def test_the_real_loop_idles_without_redrawing(make_app) -> None:
    pilot = make_app()
    app = pilot.app
    app.pump()  # the title is drawn
    frames = app.frames
    pygame.time.set_timer(pygame.QUIT, 600, loops=1)
    assert app.run() == 0  # sleeps (game.ui.idle) until the timer's QUIT
    assert app.frames - frames <= 3  # the title does not animate: no frames while idle


def test_input_mapping() -> None:
    mapper = InputMapper()

    def kinds(event: pygame.event.Event) -> list[str]:
        return [a.kind for a in mapper.map(event)]

    key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_7, mod=0)
    assert mapper.map(key)[0].kind == PICK and mapper.map(key)[0].value == 7
    assert kinds(pygame.event.Event(pygame.JOYHATMOTION, value=(0, 1), instance_id=5)) == [UP]
    assert kinds(pygame.event.Event(pygame.JOYHATMOTION, value=(-1, 0), instance_id=5)) == [LEFT]
    assert kinds(pygame.event.Event(pygame.JOYBUTTONDOWN, button=0, instance_id=5)) == [CONFIRM]
    assert kinds(pygame.event.Event(pygame.JOYBUTTONDOWN, button=7, instance_id=5)) == [PAUSE]
    stick = pygame.event.Event(pygame.JOYAXISMOTION, axis=1, value=0.9, instance_id=5)
    assert kinds(stick) == [DOWN]
    assert kinds(stick) == []  # held: no repeat until the stick comes back
    assert kinds(pygame.event.Event(pygame.JOYAXISMOTION, axis=1, value=0.0, instance_id=5)) == []
    assert kinds(stick) == [DOWN]
    assert kinds(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_START)) == [PAUSE]


def test_locale_tables_match() -> None:
    en, es = TABLES["en"], TABLES["es"]
    assert set(en) == set(es)
    for key in en:
        assert en[key] and es[key]
        assert sorted(_fields(en[key])) == sorted(_fields(es[key])), key


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_missing_assets_fall_back(tmp_path: Path) -> None:
    pygame.display.init()
    disc = assets.portrait("portraits/nobody-here.png", tmp_path, "Zoe Park", 64)
    assert disc.get_size() == (64, 64)
    assert assets.initials("Zoe Park") == "ZP"
    panel = assets.background("backgrounds/nowhere.png", tmp_path, (200, 100), (120, 110, 100))
    assert panel.get_size() == (200, 100)
    assert assets.icon("no-such-icon", 32, (0, 0, 0)) is None


def test_screenshots_command(tmp_path: Path, capsys) -> None:
    bakery = Path(__file__).resolve().parents[1] / "data" / "bakery.yaml"
    out = tmp_path / "shots"
    status = main(
        [
            "play",
            str(bakery),
            "--choices",
            "explain_policy,hold_the_line",
            "--seed",
            "0",
            "--lang",
            "es",
            "--screenshots",
            str(out),
        ]
    )
    assert status == 0
    names = sorted(p.name for p in out.glob("*.png"))
    for part in (
        "title",
        "picker",
        "scene-01",
        "pause",
        "settings",
        "scene-01-outcome",
        "history",
        "scene-02-outcome",
        "ending",
        "debrief-01-overview",
    ):
        assert any(part in name for name in names), (part, names)
    assert names == sorted(names) and names[0].startswith("01-")
    assert main(["play", str(bakery), "--choices", "nope", "--screenshots", str(tmp_path / "bad")]) == 1
