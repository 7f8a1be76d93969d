"""Nothing is chosen unseen: a held or repeating key, or presses queued while the machine is busy, never make a
choice the learner did not press for on a screen they had seen in full (issue 13, item 8)."""

from __future__ import annotations

import pygame
import pytest

from game.training.record_store import open_records
from game.ui.screens.picker import PickerScreen
from game.ui.screens.scene import SceneScreen

pytestmark = pytest.mark.ui

SLOW = 0.25  # seconds per frame: a busy machine (the typewriter writes ~22 characters a frame)


def _down(key: int, repeat: bool | None = None) -> None:
    extra = {} if repeat is None else {"repeat": int(repeat)}
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0, **extra))


def _up(key: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))


def _hold(pilot, key: int, frames: int) -> None:
    """The key stays down over ``frames`` slow frames; pygame's repeats (no attribute) and SDL-style repeats
    (``repeat=1``) arrive several to a frame, as they do with a 55 ms interval and slow frames."""
    for frame in range(frames):
        for n in range(4):
            _down(key, repeat=True if (frame + n) % 2 else None)
        pilot.app.pump(SLOW)


def _to_practice(pilot) -> None:
    pilot.key(pygame.K_3)  # Scenarios
    assert isinstance(pilot.screen, PickerScreen)
    pilot.key(pygame.K_1)  # the first scenario; the focus goes to Practice


def test_a_held_enter_starts_the_game_and_does_nothing_more(make_app) -> None:
    pilot = make_app()
    _to_practice(pilot)
    _down(pygame.K_RETURN)  # Practice: this press is real
    pilot.app.pump(SLOW)
    scene = pilot.screen
    assert isinstance(scene, SceneScreen)
    pt = pilot.app.playthrough
    assert scene.typing
    _hold(pilot, pygame.K_RETURN, 12)  # 3 s of a held Enter on a busy machine
    assert not scene.typing  # the typewriter finished on its own: the held key did not skip it...
    assert scene.outcome is None and pt.session.history == []  # ...and chose nothing
    _up(pygame.K_RETURN)
    pilot.app.pump(SLOW)
    assert pt.session.history == []
    refused = pilot.app.presses.refused
    assert refused >= 48

    _down(pygame.K_1)  # a press of its own: the first choice shown (no choice has the focus when a scene opens)
    pilot.app.pump(SLOW)
    assert scene.outcome is not None and len(pt.session.history) == 1
    _hold(pilot, pygame.K_1, 8)  # still held: it chooses nothing more and the outcome is not continued past
    assert scene.outcome is not None and len(pt.session.history) == 1


def test_keys_held_from_the_last_screen_do_nothing_until_released(make_app) -> None:
    pilot = make_app(typewriter=False)
    _to_practice(pilot)
    _down(pygame.K_1)  # held from the picker (it means nothing there once a scenario is open)...
    _down(pygame.K_RETURN)
    pilot.app.pump(SLOW)
    scene = pilot.screen
    assert isinstance(scene, SceneScreen)
    for _ in range(6):  # ...its repeats must not pick choice 1 on the scene
        _down(pygame.K_1)
        _down(pygame.K_1, repeat=True)
        pilot.app.pump(SLOW)
    assert scene.outcome is None and pilot.app.playthrough.session.history == []
    _up(pygame.K_1)
    pilot.key(pygame.K_1)  # pressed again: now it counts
    assert len(pilot.app.playthrough.session.history) == 1


def test_presses_queued_in_one_busy_frame_act_on_one_screen_only(make_app) -> None:
    pilot = make_app(typewriter=False)
    _to_practice(pilot)
    pilot.key(pygame.K_RETURN)
    scene = pilot.screen
    assert isinstance(scene, SceneScreen)
    pt = pilot.app.playthrough
    rounds, picks = 0, []
    while not pt.session.finished:  # three real presses queued while a frame is slow: pick, continue, pick
        picks.append(pt.session.shown_choices()[0].id)  # key 1: the first choice as shown
        for key in (pygame.K_1, pygame.K_RETURN, pygame.K_2):
            _down(key)
            _up(key)
        pilot.app.pump(SLOW)
        rounds += 1
        # only the first acted: continue and the next pick fell on screens not yet drawn
        assert scene.outcome is not None and len(pt.session.history) == rounds
        pilot.key(pygame.K_RETURN)  # continue, pressed after the outcome was drawn
    assert rounds >= 2 and [o.choice_id for o in pt.session.history] == picks


def test_a_click_queued_before_the_outcome_is_drawn_does_nothing(make_app) -> None:
    pilot = make_app(typewriter=False)
    _to_practice(pilot)
    pilot.key(pygame.K_RETURN)
    scene = pilot.screen
    assert isinstance(scene, SceneScreen)
    first = scene.item(next(i.id for i in scene.items() if i.id.startswith("c:")))
    assert first is not None
    pos = first.rect.center
    for _ in range(2):  # a double click on a choice: the second lands on the outcome before it is drawn
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    pilot.app.pump(SLOW)
    assert scene.outcome is not None and len(pilot.app.playthrough.session.history) == 1


def test_the_record_holds_only_pressed_choices(make_app, tmp_path) -> None:
    data = tmp_path / "learner"
    pilot = make_app(data=data)
    _to_practice(pilot)
    _down(pygame.K_RETURN)
    pilot.app.pump(SLOW)
    _hold(pilot, pygame.K_RETURN, 10)
    _up(pygame.K_RETURN)
    pilot.app.pump(SLOW)
    _down(pygame.K_1)
    pilot.app.pump(SLOW)
    _hold(pilot, pygame.K_1, 6)
    pilot.app.recorder.close()
    with open_records(data, auto_send=False) as records:
        (record,) = records.playthroughs()
        assert len(record.choices) == 1


def test_a_controller_press_queued_with_the_choice_does_not_continue(make_app) -> None:
    pilot = make_app(typewriter=False)
    _to_practice(pilot)
    pilot.key(pygame.K_RETURN)
    scene = pilot.screen
    assert isinstance(scene, SceneScreen)
    scene.focus.focus(f"c:{pilot.app.playthrough.session.available_choices()[0].id}")
    for _ in range(2):  # A pressed twice during one slow frame: the second would land on the unseen outcome
        pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_A))
    pilot.app.pump(SLOW)
    assert scene.outcome is not None and len(pilot.app.playthrough.session.history) == 1


def test_the_real_loop_with_a_held_enter_on_a_busy_machine(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    """``App.run`` itself, every frame slowed to 80 ms, while Enter stays down: pygame's timer posts it every
    30 ms (as key repeat does) until the window closes. It starts the game and chooses nothing."""
    import time

    pilot = make_app()
    _to_practice(pilot)
    app = pilot.app
    real_draw = app.draw

    def busy_draw() -> None:
        time.sleep(0.08)
        real_draw()

    monkeypatch.setattr(app, "draw", busy_draw)
    enter = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
    pygame.event.post(enter)
    pygame.time.set_timer(enter, 30, loops=60)
    pygame.time.set_timer(pygame.QUIT, 2500, loops=1)
    assert app.run() == 0
    pygame.time.set_timer(enter, 0)
    assert isinstance(app.top, SceneScreen)
    assert app.playthrough is not None and app.playthrough.session.history == []
    assert app.presses.refused >= 20
