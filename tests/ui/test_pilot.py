"""A whole scenario played through the real UI, by keyboard, by mouse and by controller, in both languages
and both modes, to the debrief."""

from __future__ import annotations

import pygame
import pytest

from game.locale import tr
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.picker import PickerScreen
from game.ui.screens.scene import SceneScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.who import WhoScreen
from game.ui.text import OVERFLOWS

pytestmark = pytest.mark.ui


def _labels(screen: SceneScreen) -> list[str]:
    return [s.label for s in screen.sections]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("mode", ["practice", "assessment"])
def test_keyboard_alone_to_the_debrief(make_app, lang: str, mode: str) -> None:
    pilot = make_app(lang=lang, asked=False)
    assert isinstance(pilot.screen, TitleScreen)
    pilot.key(pygame.K_3)  # Scenarios
    assert isinstance(pilot.screen, PickerScreen)
    pilot.key(pygame.K_1)  # the first scenario: focus moves to its mode buttons
    assert pilot.screen.focus.focused_id == "practice"
    if mode == "assessment":
        pilot.key(pygame.K_RIGHT)
        assert pilot.screen.focus.focused_id == "assessment"
    pilot.key(pygame.K_RETURN)
    assert isinstance(pilot.screen, WhoScreen)  # records are kept: who is playing? (the name field has the keys)
    pilot.type("Ana")
    pilot.key(pygame.K_RETURN)  # on to the cohort field
    pilot.type("B-2")
    pilot.key(pygame.K_RETURN)  # start
    assert isinstance(pilot.screen, SceneScreen)
    pt = pilot.app.playthrough
    record = pilot.app.recorder.lookup(pt.pid)
    assert record is not None and (record.learner, record.cohort) == ("Ana", "B-2")
    assert pt is not None and pt.mode == mode and pt.scenario.language == lang
    turns = 0
    while isinstance(pilot.screen, SceneScreen):
        screen = pilot.screen
        assert screen.typing  # the typewriter is on by default; any key completes it
        pilot.key(pygame.K_SPACE)
        assert not screen.typing
        before = dict(pt.session.metrics)
        assert screen.focus.focused_id is None  # no choice is suggested: Enter alone picks nothing
        pilot.key(pygame.K_RETURN)
        assert screen.outcome is None and dict(pt.session.metrics) == before
        pilot.key(pygame.K_DOWN)  # the focus comes to the first choice shown
        assert screen.focus.focused_id == f"c:{pt.session.shown_choices()[0].id}"
        pilot.key(pygame.K_RETURN)  # confirmed with Enter after moving the focus
        turns += 1
        assert screen.outcome is not None
        assert screen.outcome.metrics == pt.session.metrics  # the UI shows what the Session returned
        labels = _labels(screen)
        coach = tr("outcome.coach")
        assert (coach in labels) == (mode == "practice")
        if mode == "assessment":
            assert any(s.note == tr("outcome.held") for s in screen.sections)
        shown, now = screen.shown_metrics(), pt.session.metrics
        if pilot.app.settings.reduced_motion:
            assert shown == pytest.approx(now)  # no animation: the new values at once
        else:  # the gauges move from the old values towards the new ones, never outside them
            for key, value in shown.items():
                assert min(before[key], now[key]) - 1e-9 <= value <= max(before[key], now[key]) + 1e-9
        pilot.settle(1.5)
        assert screen.shown_metrics() == pytest.approx(pt.session.metrics)
        pilot.key(pygame.K_RETURN)  # continue
    assert isinstance(pilot.screen, EndingScreen)
    assert len(pt.session.history) == turns and pt.session.finished
    pilot.key(pygame.K_RETURN)  # see the debrief
    debrief = pilot.screen
    assert isinstance(debrief, DebriefScreen)
    keys = [p.key for p in debrief.pages]
    assert keys[0] == "overview" and keys[-1] == "commitment"
    assert {k.split(":")[0] for k in keys[1:-1]} >= {"cost", "limits", "power"}
    assert sorted(p.turn for p in debrief.pages if p.turn >= 0) == list(range(turns))  # a page for every decision
    for index in range(1, len(keys)):
        pilot.key(pygame.K_RIGHT)
        assert debrief.page == index
    assert not OVERFLOWS


def test_mouse_alone_to_the_debrief(make_app) -> None:
    pilot = make_app(typewriter=False, asked=False)
    pilot.click("scenarios")
    pilot.click("s:0")
    pilot.click("practice")
    assert isinstance(pilot.screen, WhoScreen)
    pilot.click("anonymous")  # play without a name
    pt = pilot.app.playthrough
    while isinstance(pilot.screen, SceneScreen):
        choices = [i.id for i in pilot.screen.items() if i.id.startswith("c:")]
        pilot.click(choices[-1])
        assert pilot.screen.outcome is not None
        pilot.click("continue")
    assert isinstance(pilot.screen, EndingScreen)
    pilot.click("debrief")
    assert isinstance(pilot.screen, DebriefScreen)
    index = next(i for i, p in enumerate(pilot.screen.pages) if p.turn >= 0)
    pilot.click(f"tab:{pilot.screen.pages[index].group}")
    assert pilot.screen.page == index
    turn = pilot.screen.pages[index].turn
    pilot.click("replay")  # replay from that decision
    assert isinstance(pilot.screen, SceneScreen)
    assert len(pt.session.history) == turn and not pt.session.finished


def test_controller_alone(make_app) -> None:
    pilot = make_app(typewriter=False, asked=False)
    pilot.pad(pygame.CONTROLLER_BUTTON_DPAD_DOWN)  # New game -> Scenarios
    assert pilot.screen.focus.focused_id == "scenarios"
    pilot.pad(pygame.CONTROLLER_BUTTON_A)
    assert isinstance(pilot.screen, PickerScreen)
    pilot.pad(pygame.CONTROLLER_BUTTON_B)
    assert isinstance(pilot.screen, TitleScreen)
    assert pilot.screen.focus.focused_id == "new"
    pilot.pad(pygame.CONTROLLER_BUTTON_A)  # New game: the picker, focus on Practice
    assert pilot.screen.focus.focused_id == "practice"
    pilot.pad(pygame.CONTROLLER_BUTTON_A)
    assert isinstance(pilot.screen, WhoScreen)  # no keyboard: down to "play without a name"
    while pilot.screen.focus.focused_id != "anonymous":
        pilot.pad(pygame.CONTROLLER_BUTTON_DPAD_DOWN)
    pilot.pad(pygame.CONTROLLER_BUTTON_A)
    assert isinstance(pilot.screen, SceneScreen)
    pilot.pad(pygame.CONTROLLER_BUTTON_START)
    assert pilot.screen.name == "pause"
    pilot.pad(pygame.CONTROLLER_BUTTON_B)
    assert pilot.screen.name == "scene"
    stick = pygame.event.Event(pygame.CONTROLLERAXISMOTION, axis=1, value=32000, instance_id=0)
    pygame.event.post(stick)
    pilot.frame()
    assert pilot.screen.focus.focused_id == f"c:{pilot.app.playthrough.session.shown_choices()[0].id}"
    pilot.pad(pygame.CONTROLLER_BUTTON_A)
    assert pilot.screen.outcome is not None


def test_done_when_spa_in_spanish_by_keyboard(make_app) -> None:
    """The issue's "done when": start, pick the spa scenario in Spanish, play it with the keyboard alone to an
    ending, read the debrief, and replay a decision."""
    from game.paths import SCENARIOS

    spa = SCENARIOS / "spa-hotel.yaml"
    if not spa.exists():
        pytest.skip("the spa scenario is not there")
    pilot = make_app(lang="en", folder=SCENARIOS)
    pilot.key(pygame.K_4)  # Settings
    pilot.key(pygame.K_RIGHT)  # Español
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_3)  # Escenarios
    picker = pilot.screen
    assert isinstance(picker, PickerScreen)
    number = next(i for i, e in enumerate(picker.entries, 1) if e.path.name == "spa-hotel.yaml")
    pilot.key(getattr(pygame, f"K_{number}"))
    pilot.key(pygame.K_RETURN)  # Práctica
    pt = pilot.app.playthrough
    assert pt.scenario.id == "spa-hotel" and pt.scenario.language == "es"
    while isinstance(pilot.screen, SceneScreen):
        pilot.key(pygame.K_SPACE)  # the whole text at once
        pilot.key(pygame.K_1)
        pilot.key(pygame.K_RETURN)
    assert isinstance(pilot.screen, EndingScreen)
    pilot.key(pygame.K_RETURN)
    debrief = pilot.screen
    assert isinstance(debrief, DebriefScreen)
    pilot.key(pygame.K_RIGHT)  # the first decision page
    while debrief.pages[debrief.page].phase != "cost":  # on to the first "define the cost" decision
        pilot.key(pygame.K_RIGHT)
    page = debrief.pages[debrief.page]
    assert page.phase == "cost" and page.turn >= 0
    turn = page.turn
    while debrief.focus.focused_id != "replay":
        pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_RETURN)
    assert isinstance(pilot.screen, SceneScreen)
    assert len(pt.session.history) == turn and pt.session.scene.phase == "cost"
    assert not OVERFLOWS
