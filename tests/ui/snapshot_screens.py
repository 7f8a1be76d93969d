"""The main screens rendered for the image snapshots, and how two renderings are compared.

The screens are drawn headless (SDL's dummy driver) from the test scenario (tests/data/bakery.yaml) with the
fonts and art the package ships, no typewriter, no motion and a fixed seed, so every machine draws the same
layout. A snapshot is stored at half size (tests/ui/snapshots/NAME.png); a rendering is compared with it at a
quarter of the window's size, where antialiasing and font-hinting differences average away and what is left
is layout: a card that moved, text that wraps differently, a button that is gone.

Update the snapshots only on purpose, after looking at them: ``python tools/update_snapshots.py``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pygame

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
DATA = Path(__file__).resolve().parents[1] / "data"
SIZE = (1280, 720)
STORED = (SIZE[0] // 2, SIZE[1] // 2)
COMPARED = (SIZE[0] // 4, SIZE[1] // 4)
#: A compared pixel differs when one of its channels is further apart than this (of 255) ...
CHANNEL_TOLERANCE = 40
#: ... and a screen has changed when more than this share of its compared pixels differ.
CHANGED_SHARE = 0.004
SEED = 4

#: The snapshots: name -> (language, what to show). Titles, picker, scene, outcome, ending, debrief, settings
#: in English, and a scene in Spanish.
SCREENS = ("title", "picker", "scene", "outcome", "ending", "debrief", "settings", "scene-es")


def render_all() -> Iterator[tuple[str, pygame.Surface]]:
    """Every snapshot screen, drawn at ``SIZE``: (name, a copy of the window)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    for language in ("en", "es"):
        yield from _render(language)


def _render(language: str) -> Iterator[tuple[str, pygame.Surface]]:
    from game.ui import flow
    from game.ui.app import App
    from game.ui.playthrough import PRACTICE
    from game.ui.screens.scene import SceneScreen
    from game.ui.screens.settings import SettingsScreen

    suffix = "" if language == "en" else f"-{language}"
    with tempfile.TemporaryDirectory(prefix="sticky-snapshots-") as data:
        app = App(data=data, lang=language, size=SIZE, scenario_folder=DATA, records=False)
        app.settings.typewriter = False
        app.settings.reduced_motion = True
        app.retheme()

        def shot() -> pygame.Surface:
            app.update(0.0)
            app.draw()
            return app.surface.copy()

        try:
            bakery = DATA / "bakery.yaml"
            if language == "en":
                flow.open_title(app)
                yield "title", shot()
                flow.open_picker(app, select=bakery, focus_modes=True)
                yield "picker", shot()
                app.push(SettingsScreen(app))
                yield "settings", shot()
                app.pop()
            assert flow.start(app, bakery, PRACTICE, seed=SEED)
            app.notice = None  # the test translation's gaps are announced in a banner: the snapshot is the screen
            scene = app.top
            assert isinstance(scene, SceneScreen)
            yield f"scene{suffix}", shot()
            if language != "en":
                return
            pt = app.playthrough
            assert pt is not None
            scene.choose(pt.session.shown_choices()[0].id)
            yield "outcome", shot()
            while not pt.session.finished:
                scene.proceed()
                scene.choose(pt.session.shown_choices()[0].id)
            scene.proceed()
            yield "ending", shot()
            flow.open_debrief(app)
            yield "debrief", shot()
        finally:
            app.close()


def stored(surface: pygame.Surface) -> pygame.Surface:
    """A rendering as its snapshot is kept: at half size."""
    return pygame.transform.smoothscale(_rgb(surface), STORED)


def difference(snapshot: pygame.Surface, rendering: pygame.Surface) -> float:
    """The share of compared pixels (at a quarter of the window's size) that differ beyond the tolerance."""
    a = pygame.transform.smoothscale(_rgb(snapshot), COMPARED)
    b = pygame.transform.smoothscale(_rgb(rendering), COMPARED)
    first, second = pygame.image.tobytes(a, "RGB"), pygame.image.tobytes(b, "RGB")
    pixels = COMPARED[0] * COMPARED[1]
    changed = sum(
        1
        for i in range(0, 3 * pixels, 3)
        if max(abs(first[i] - second[i]), abs(first[i + 1] - second[i + 1]), abs(first[i + 2] - second[i + 2]))
        > CHANNEL_TOLERANCE
    )
    return changed / pixels


def _rgb(surface: pygame.Surface) -> pygame.Surface:
    out = pygame.Surface(surface.get_size(), depth=24)
    out.blit(surface, (0, 0))
    return out


def update(folder: Path = SNAPSHOTS) -> list[Path]:
    """Render every snapshot screen and write it (atomically) to ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, surface in render_all():
        path = folder / f"{name}.png"
        part = path.with_suffix(".part.png")
        pygame.image.save(stored(surface), str(part))
        part.replace(path)
        written.append(path)
    return written
