"""The UI pilot: drives the real game window headless with synthetic key, mouse and controller events."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.screens.base import Screen
from game.ui.text import OVERFLOWS

DATA = Path(__file__).resolve().parents[1] / "data"


class Pilot:
    """Posts events into pygame's queue and lets the app handle them, one frame at a time."""

    def __init__(self, app: App) -> None:
        self.app = app

    @property
    def screen(self) -> Screen:
        assert self.app.top is not None
        return self.app.top

    def frame(self, dt: float = 1 / 60) -> None:
        self.app.pump(dt)

    def settle(self, seconds: float = 3.0) -> None:
        """Let animations (typewriter, gauges) run to the end."""
        for _ in range(int(seconds * 20)):
            self.app.pump(0.05)

    def key(self, key: int, mod: int = 0) -> None:
        """One press and release of a key, then a frame."""
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
        self.frame()

    def type(self, text: str) -> None:
        """Typed text, as SDL sends it to a text field (one TEXTINPUT event), then a frame."""
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        self.frame()

    def keys(self, *keys: int) -> None:
        for key in keys:
            self.key(key)

    def choose(self, choice_id: str) -> None:
        """Press the number key of ``choice_id`` where it is shown (choices are shown in the seed's order)."""
        playthrough = self.app.playthrough
        assert playthrough is not None
        shown = [c.id for c in playthrough.session.shown_choices()]
        assert choice_id in shown, f"{choice_id!r} is not offered: {shown}"
        self.key(pygame.K_0 + shown.index(choice_id) + 1)

    def click(self, item_id: str) -> None:
        item = self.screen.item(item_id)
        assert item is not None, f"no item {item_id!r} on {self.screen.name}: {[i.id for i in self.screen.items()]}"
        pos = item.rect.center
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        self.frame()

    def pad(self, button: int) -> None:
        """A game controller button (SDL GameController numbering)."""
        pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=button, instance_id=0))
        self.frame()


@pytest.fixture
def bakery_copy(tmp_path: Path) -> Path:
    """The small test scenario and its translation, copied so a test may edit it."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    for name in ("bakery.yaml", "bakery.es.yaml"):
        shutil.copy(DATA / name, folder / name)
    return folder / "bakery.yaml"


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[object]:
    """A factory for headless apps with their own data folder (records kept there too).

    Each app is a new run: the data folder lock of the apps made before is let go, unless ``alongside`` (a second
    window open beside the first, which finds the folder held). Unless ``asked`` is False, the run starts as if
    the learner had already answered "who is playing?" (without a name)."""
    apps: list[App] = []

    def factory(
        lang: str = "en",
        size: tuple[int, int] = (1280, 720),
        folder: Path | None = None,
        data: Path | None = None,
        typewriter: bool | None = None,
        alongside: bool = False,
        asked: bool = True,
    ) -> Pilot:
        if not alongside:  # the apps made before are runs that have ended: only their files remain, not their lock
            for earlier in apps:
                earlier.folder_lock.release()
        app = App(data=str(data or tmp_path / "data"), lang=lang, size=size, scenario_folder=folder or DATA)
        if typewriter is not None:
            app.settings.typewriter = typewriter
        if asked:  # someone already said who plays in this run (the pilot tests of that screen pass False)
            app.player = ("", "")
        apps.append(app)
        from game.ui import flow

        flow.open_title(app)
        pilot = Pilot(app)
        pilot.frame()
        return pilot

    OVERFLOWS.clear()
    yield factory
    for app in apps:
        if app.catalogue._thread is not None:
            app.catalogue._thread.join()
        app.close()
