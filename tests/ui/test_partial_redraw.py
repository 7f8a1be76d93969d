"""While only animations move (the typewriter, the gauges, a face's cross-fade), the window redraws only the
parts that move; what the learner sees must be exactly what a whole redraw of the same moment shows."""

from __future__ import annotations

import pygame
import pytest

from game.ui import flow
from game.ui.app import App
from game.ui.playthrough import PRACTICE
from game.ui.screens.scene import SceneScreen
from tests.ui.conftest import DATA

pytestmark = pytest.mark.ui

FACES = DATA / "faces" / "faces.yaml"


def whole_redraw(app: App) -> bytes:
    """The window's pixels if everything were drawn again now (drawn off screen, the window untouched)."""
    shown = app.surface
    app.surface = pygame.Surface(shown.get_size(), 0, shown)
    try:
        app.draw()
        return pygame.image.tobytes(app.surface, "RGB")
    finally:
        app.surface = shown


def window(app: App) -> bytes:
    return pygame.image.tobytes(app.surface, "RGB")


def animate(app: App, frames: int) -> int:
    """Run ``frames`` frames; after each, the window must equal a whole redraw. Returns how many of them
    drew only a part of the window."""
    partial = 0
    for _ in range(frames):
        asked = app.dirty  # a redraw asked for: the whole window
        app.pump(1 / 60)
        partial += not asked and bool(app.moving_rects())
        assert window(app) == whole_redraw(app)
    return partial


@pytest.mark.parametrize("size", [(1280, 720), (960, 540), (2560, 1440), (1000, 700)])
def test_typing_easing_gauges_and_fading_faces_look_as_a_whole_redraw(make_app, size: tuple[int, int]) -> None:
    pilot = make_app(typewriter=True, size=size)
    app = pilot.app
    app.settings.text_size = 2 if size == (960, 540) else 0  # the largest text on the smallest window
    app.retheme()
    assert flow.start(app, FACES, PRACTICE, seed=0)
    app.notice = None
    pilot.frame()
    scene = pilot.screen
    assert isinstance(scene, SceneScreen) and scene.typing
    typed = animate(app, 20)
    assert scene.typing and typed >= 15  # the typewriter redrew only its card
    narrative = scene.layout_c.narrative
    assert scene.moving_rects() == [narrative] and narrative.w * narrative.h < size[0] * size[1] // 3
    pilot.key(pygame.K_RETURN)  # the whole text at once: a change, drawn whole
    assert not scene.typing and window(app) == whole_redraw(app)
    pilot.choose("thank")  # the gauges ease and the face cross-fades from worried to pleased
    assert scene.outcome is not None and scene.face.fading is not None
    assert animate(app, 70) >= 50
    assert scene.anim == 1.0 and scene.face.fading is None and scene.moving_rects() == []


def test_a_menu_over_a_typing_scene_is_drawn_whole(make_app) -> None:
    pilot = make_app(typewriter=True)
    assert flow.start(pilot.app, FACES, PRACTICE, seed=0)
    pilot.app.notice = None
    pilot.frame()
    pilot.key(pygame.K_ESCAPE)  # the pause menu over the scene, whose text goes on typing under it
    assert pilot.screen.name != "scene"
    assert pilot.app.moving_rects() is None
    animate(pilot.app, 5)


def _window_sized_surfaces(app: App) -> list[tuple[str, tuple[int, int]]]:
    """Every surface a cache holds that is as large as the window (its pixels or more), pictures as read from
    disk aside (the same at any window size)."""
    from game.ui import assets, cache

    area = app.surface.get_width() * app.surface.get_height()
    return [
        (type(kept).__name__, surface.get_size())
        for kept in cache._ALL
        if kept is not assets._IMAGES
        for surface in kept._items.values()
        if surface.get_width() * surface.get_height() >= area
    ]


@pytest.mark.parametrize("size", [(2560, 1440), (1280, 720)])
def test_a_scene_in_a_window_of_the_pictures_shape_keeps_no_window_sized_picture(make_app, size) -> None:
    """The background is painted straight into the window; only the corners round the animated cards are kept,
    so the typewriter, the gauges and the faces redraw their cards alone without a copy of the picture."""
    from game.ui.screens.scene_draw import _corners_cover

    pilot = make_app(typewriter=True, size=size)
    app = pilot.app
    assert flow.start(app, FACES, PRACTICE, seed=0)
    app.notice = None
    pilot.frame()
    scene = pilot.screen
    assert isinstance(scene, SceneScreen)
    animate(app, 5)
    assert scene.moving_rects() and all(_corners_cover(scene, rect) for rect in scene.moving_rects() or [])
    pilot.key(pygame.K_RETURN)  # the whole text at once
    pilot.choose("thank")  # the gauges ease, the face cross-fades
    assert animate(app, 30) >= 20
    assert all(_corners_cover(scene, rect) for rect in scene.moving_rects() or [])
    assert _window_sized_surfaces(app) == []
    assert sum(piece.get_width() * piece.get_height() for _, piece in scene._corners) < size[0] * size[1] // 100
