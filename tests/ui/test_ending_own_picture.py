"""An ending with its own ``image:`` shows the author's picture on the ending screen; one without shows its
rating's picture, and so does one whose picture went missing (issue 20)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game.ui import flow
from game.ui.playthrough import PRACTICE
from game.ui.screens.ending import EndingScreen
from tests.ui.conftest import DATA

pytestmark = pytest.mark.ui

SCENARIO = DATA / "ending-image" / "ending-image.yaml"
#: the four plain bands of tests/data/ending-image/shop-closed.png, left to right
BANDS = [(230, 20, 160), (20, 200, 190), (250, 200, 10), (60, 40, 220)]


def _has(colours: set[tuple[int, ...]], band: tuple[int, int, int]) -> bool:
    """``band`` is among ``colours`` (scaling the picture may move a channel by a step or two)."""
    return any(max(abs(a - b) for a, b in zip(colour, band, strict=True)) <= 3 for colour in colours)


def _ending(make_app, path: Path, choice: str, size: tuple[int, int], lang: str = "en") -> tuple[EndingScreen, set]:  # type: ignore[no-untyped-def]
    """The ending screen reached by ``choice`` and the colours across the middle of its picture."""
    pilot = make_app(size=size, lang=lang, typewriter=False)
    pilot.app.settings.reduced_motion = True
    assert flow.start(pilot.app, path, PRACTICE, seed=0)
    pilot.frame()
    pilot.choose(choice)
    pilot.key(pygame.K_RETURN)
    screen = pilot.screen
    assert isinstance(screen, EndingScreen)
    pilot.app.draw()
    rect = screen.picture
    assert rect is not None
    shown = pilot.app.surface.subsurface(rect)
    colours = {tuple(shown.get_at((x, rect.h // 2)))[:3] for x in range(2, rect.w - 2)}
    return screen, colours


@pytest.mark.parametrize(("size", "lang"), [((960, 540), "es"), ((1920, 1080), "en")], ids=str)
def test_the_authors_picture_is_on_the_ending_screen(make_app, size: tuple[int, int], lang: str) -> None:
    _screen, colours = _ending(make_app, SCENARIO, "close", size, lang)
    assert all(_has(colours, band) for band in BANDS)  # each band of the author's picture, as the author drew it


def test_an_ending_without_a_picture_shows_its_ratings(make_app) -> None:
    _screen, colours = _ending(make_app, SCENARIO, "talk", (1280, 720))
    assert not any(_has(colours, band) for band in BANDS)
    assert len(colours) > 10  # the good rating's picture, not a plain panel


def test_a_missing_author_picture_falls_back_to_the_ratings(make_app, tmp_path: Path) -> None:
    folder = tmp_path / "scenario"
    folder.mkdir()
    shutil.copy(SCENARIO, folder / SCENARIO.name)  # without shop-closed.png
    _screen, colours = _ending(make_app, folder / SCENARIO.name, "close", (1280, 720))
    assert not any(_has(colours, band) for band in BANDS)
    assert len(colours) > 10  # the poor rating's picture
