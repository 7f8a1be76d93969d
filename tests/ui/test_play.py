"""Undo in practice, no undo and no coach in assessment, F5 reload, saves and Continue, settings."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.locale import language, tr
from game.ui import flow
from game.ui.playthrough import ASSESSMENT, PRACTICE
from game.ui.screens.scene import SceneScreen
from game.ui.storage import Settings

pytestmark = pytest.mark.ui


def _start(pilot, path: Path, mode: str = PRACTICE, seed: int = 0) -> SceneScreen:
    assert flow.start(pilot.app, path, mode, seed=seed)
    pilot.frame()
    assert isinstance(pilot.screen, SceneScreen)
    return pilot.screen


def test_undo_in_practice(make_app, bakery_copy: Path) -> None:
    pilot = make_app(typewriter=False)
    screen = _start(pilot, bakery_copy)
    pt = pilot.app.playthrough
    start_metrics = dict(pt.session.metrics)
    pilot.choose("fine_no_deposit")  # "No": deposit waived, stress up
    assert screen.outcome is not None and pt.session.history
    pilot.key(pygame.K_u)
    assert screen.outcome is None and not pt.session.history
    assert pt.session.metrics == start_metrics and pt.session.scene.id == "order"
    pilot.choose("explain_policy")
    pilot.key(pygame.K_RETURN)
    assert pt.session.scene.id == "luis_pushes"
    pilot.key(pygame.K_BACKSPACE)  # undo from the next scene takes back the previous choice
    assert pt.session.scene.id == "order" and not pt.session.history


def test_assessment_hides_feedback_and_refuses_undo(make_app, bakery_copy: Path) -> None:
    pilot = make_app(typewriter=False)
    screen = _start(pilot, bakery_copy, ASSESSMENT)
    pt = pilot.app.playthrough
    pilot.key(pygame.K_1)
    assert screen.outcome is not None
    labels = [s.label for s in screen.sections]
    assert tr("outcome.coach") not in labels
    assert all(not s.style for s in screen.sections)  # not even the style, until the debrief
    assert "undo_top" not in [i.id for i in screen.items()]
    pilot.key(pygame.K_u)
    pilot.key(pygame.K_BACKSPACE)
    assert len(pt.session.history) == 1
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen.name == "pause"
    assert "undo" not in [i.id for i in pilot.screen.items()]


def test_chance_outcome_says_chance_played_a_part(make_app, bakery_copy: Path) -> None:
    pilot = make_app(typewriter=False)
    screen = _start(pilot, bakery_copy, seed=0)
    pilot.choose("explain_policy")
    pilot.key(pygame.K_RETURN)
    pilot.choose("hold_the_line")  # a chance choice
    outcome = screen.outcome
    assert outcome is not None and outcome.chance
    chance = [s for s in screen.sections if s.label == tr("outcome.chance")]
    assert len(chance) == 1
    if outcome.chance_index == 1:
        assert chance[0].text == "He had already called another bakery."


def test_f5_reload_keeps_last_good_version_and_replays(make_app, bakery_copy: Path) -> None:
    pilot = make_app(typewriter=False)
    _start(pilot, bakery_copy, seed=3)
    pt = pilot.app.playthrough
    pilot.choose("explain_policy")
    pilot.key(pygame.K_RETURN)
    assert pt.session.scene.id == "luis_pushes"
    good = bakery_copy.read_text(encoding="utf-8")
    broken = good.replace("    speaker: luis               # a character id", "    speaker: luiz")
    assert broken != good
    bakery_copy.write_text(broken, encoding="utf-8")
    pilot.key(pygame.K_F5)
    notice = pilot.app.notice
    assert notice is not None and notice.kind == "error"
    assert any(f"{bakery_copy}:" in line and "luiz" in line for line in notice.lines), notice.lines
    line = next(x for x in notice.lines if "luiz" in x)
    assert line.split(":")[1].isdigit() and line.split(":")[2].isdigit()  # path:line:col
    assert pt.session.scene.id == "luis_pushes" and len(pt.session.history) == 1  # still playing the old one
    pilot.key(pygame.K_ESCAPE)  # hides the notice, does not pause
    assert pilot.app.notice is None and pilot.screen.name == "scene"
    fixed = good.replace("Other bakeries don't ask for a deposit.", "Every other bakery in town skips the deposit.")
    bakery_copy.write_text(fixed, encoding="utf-8")
    old_seed = pt.session.seed
    pilot.key(pygame.K_F5)
    assert pilot.app.notice is not None and pilot.app.notice.kind == "info"
    assert pt.session.scene.id == "luis_pushes" and [o.choice_id for o in pt.session.history] == ["explain_policy"]
    assert pt.session.seed == old_seed
    assert pt.session.scene.text.startswith("Every other bakery")
    assert isinstance(pilot.screen, SceneScreen) and pilot.screen.outcome is None


def test_save_and_continue_round_trip(make_app, bakery_copy: Path, tmp_path: Path) -> None:
    data = tmp_path / "save-data"
    first = make_app(typewriter=False, data=data)
    _start(first, bakery_copy, seed=11)
    first.key(pygame.K_2)
    first.key(pygame.K_RETURN)
    saved = first.app.playthrough.session.to_json()
    assert (data / "save.json").exists()
    second = make_app(typewriter=False, data=data)  # a new process: only the files remain
    assert second.screen.focus.focused_id == "continue"
    second.key(pygame.K_RETURN)
    pt = second.app.playthrough
    assert pt is not None and pt.session.to_json() == saved
    assert isinstance(second.screen, SceneScreen) and pt.session.scene.id == "luis_pushes"
    assert second.app.notice is None


@pytest.mark.parametrize("damage", ["garbage", "newer"])
def test_damaged_save_falls_back_to_backup(make_app, bakery_copy: Path, tmp_path: Path, damage: str) -> None:
    data = tmp_path / "save-data"
    first = make_app(typewriter=False, data=data)
    _start(first, bakery_copy, seed=5)
    first.key(pygame.K_1)  # autosave after the choice; the start is now the backup
    backup = json.loads((data / "save.bak.json").read_text(encoding="utf-8"))
    save = data / "save.json"
    if damage == "garbage":
        save.write_text('{"format": "sticky-situations-save", "vers', encoding="utf-8")
    else:
        payload = json.loads(save.read_text(encoding="utf-8"))
        payload["version"] = 99
        save.write_text(json.dumps(payload), encoding="utf-8")
    second = make_app(typewriter=False, data=data)
    second.key(pygame.K_RETURN)  # Continue
    notice = second.app.notice
    assert notice is not None and notice.kind == "error"
    assert tr("save.backup_used") in notice.message
    if damage == "newer":
        assert tr("save.reason.newer") in notice.message
    pt = second.app.playthrough
    assert pt is not None and pt.session.to_json() == backup["session"]


def test_settings_persist(make_app, tmp_path: Path) -> None:
    data = tmp_path / "settings-data"
    pilot = make_app(data=data)
    pilot.key(pygame.K_4)  # Settings
    assert pilot.screen.name == "settings"
    pilot.key(pygame.K_RIGHT)  # language -> Español
    assert language() == "es" and pilot.app.settings.language == "es"
    pilot.key(pygame.K_DOWN)
    pilot.keys(pygame.K_RIGHT, pygame.K_RIGHT)  # text size -> largest
    pilot.key(pygame.K_DOWN)
    pilot.key(pygame.K_RETURN)  # high contrast on
    pilot.key(pygame.K_DOWN)
    pilot.key(pygame.K_RETURN)  # reduced motion on
    pilot.key(pygame.K_DOWN)
    pilot.key(pygame.K_RETURN)  # typewriter off
    pilot.key(pygame.K_DOWN)
    pilot.key(pygame.K_LEFT)  # volume 60 -> 50
    assert pilot.app.theme.high_contrast and pilot.app.theme.text_step == 2
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen.name == "title"
    loaded = Settings.load(data)
    assert loaded == Settings("es", 2, True, True, False, 50, False)
    again = make_app(data=data, lang=None)
    assert again.app.settings == loaded and language() == "es"
    assert again.app.theme.high_contrast


def test_language_switch_mid_play(make_app, bakery_copy: Path) -> None:
    pilot = make_app(typewriter=False)
    _start(pilot, bakery_copy)
    pt = pilot.app.playthrough
    pilot.key(pygame.K_1)
    pilot.key(pygame.K_ESCAPE)
    pilot.click("settings")
    pilot.key(pygame.K_RIGHT)  # Español
    assert pt.scenario.language == "es" and pt.session.history
    assert pt.scenario.scene("order").text.startswith("Necesito el pastel")
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.screen, SceneScreen) and pilot.screen.outcome is not None


def test_history_log_lists_the_conversation(make_app, bakery_copy: Path) -> None:
    pilot = make_app(typewriter=False)
    _start(pilot, bakery_copy)
    pilot.choose("explain_policy")
    pilot.key(pygame.K_RETURN)
    pilot.key(pygame.K_h)
    assert pilot.screen.name == "history"
    texts = [s.text for s in pilot.screen.items_]
    assert "I need the cake by Saturday. I'll pay when I pick it up." in texts
    assert "Our policy is a 30% deposit for custom cakes." in texts
    assert "Other bakeries don't ask for a deposit." in texts
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen.name == "scene"


def test_window_resize_relayouts_and_keeps_the_focus(make_app, bakery_copy: Path) -> None:
    pilot = make_app(typewriter=False)
    screen = _start(pilot, bakery_copy)
    pilot.key(pygame.K_DOWN)
    focused = screen.focus.focused_id
    pygame.display.set_mode((2560, 1440), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(2560, 1440), w=2560, h=1440))
    pilot.frame()
    assert pilot.app.theme.size == (2560, 1440) and pilot.app.theme.scale == 2.0
    assert screen.focus.focused_id == focused
    assert screen.item(focused).rect.right > 1280  # laid out again for the big window


def test_f5_on_the_ending_screen(make_app, bakery_copy: Path) -> None:
    pilot = make_app(typewriter=False)
    _start(pilot, bakery_copy, seed=0)
    while isinstance(pilot.screen, SceneScreen):
        pilot.key(pygame.K_1)  # a number, not Enter: no choice has the focus when a scene opens
        pilot.key(pygame.K_RETURN)
    ending = pilot.app.playthrough.session.ending.id
    pilot.key(pygame.K_F5)
    assert pilot.screen.name == "ending" and pilot.app.playthrough.session.ending.id == ending
    assert pilot.app.notice is not None and pilot.app.notice.kind == "info"
