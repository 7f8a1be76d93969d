"""The window's loose ends (issue 20), each played through the real window by the pilot: notices, focus,
text sizes, scrolling, hints, history, titles, numbers, icons, records across reloads, full screen."""

from __future__ import annotations

import pygame
import pytest

from game.ui.screens.pause import PauseScreen
from game.ui.screens.scene import SceneScreen

pytestmark = pytest.mark.ui


def _to_scene(pilot) -> SceneScreen:  # type: ignore[no-untyped-def]
    pilot.key(pygame.K_3)  # Scenarios
    pilot.key(pygame.K_1)
    pilot.key(pygame.K_RETURN)  # Practice
    screen = pilot.screen
    assert isinstance(screen, SceneScreen)
    return screen


def test_a_reload_notice_hides_itself_while_nothing_moves(make_app) -> None:
    """The real main loop, idle: no animation runs, yet the notice goes after its seconds."""
    pilot = make_app(typewriter=False)
    _to_scene(pilot)
    pilot.settle(1.0)  # nothing moves any more
    pilot.app.show_notice("info", "Reloaded.", seconds=0.3)
    pygame.time.set_timer(pygame.QUIT, 1200, loops=1)
    pilot.app.run()  # sleeps while idle; the timer's QUIT ends it
    assert pilot.app.notice is None


def test_a_notice_covers_neither_the_top_bar_nor_the_pause_menu(make_app) -> None:
    pilot = make_app(typewriter=False)
    scene = _to_scene(pilot)
    pilot.app.show_notice("info", "The scenario was reloaded from its file.", seconds=5.0)
    pilot.frame()
    rect = pilot.app.notice_rect
    assert rect is not None
    assert not rect.colliderect(scene.tracker)
    for key, _label, _icon, button, _enabled in scene.top_buttons:
        assert not rect.colliderect(button), key
    pilot.key(pygame.K_ESCAPE)
    pause = pilot.screen
    assert isinstance(pause, PauseScreen)
    pilot.app.draw()
    with_notice = pilot.app.surface.copy()
    pilot.app.notice = None
    pilot.app.draw()
    area = pause.card.clip(pilot.app.surface.get_rect())  # the menu looks the same with the notice up
    assert pygame.image.tobytes(with_notice.subsurface(area), "RGB") == pygame.image.tobytes(
        pilot.app.surface.subsurface(area), "RGB"
    )
