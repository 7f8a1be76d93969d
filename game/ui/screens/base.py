"""The base screen: a focus group, layout on demand, and the standard handling of actions.

A screen never opens another screen: it finishes with a ``game.ui.screen_results`` value (``finish``),
and its host (the app) routes it through the declared table in ``game.ui.screen_flow``. A screen knows
its host only as ``Host``: what a screen may read and call, declared here, so no screen imports the app."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pygame

from game.locale import tr
from game.ui import input as inp
from game.ui.focus import FocusGroup, Item
from game.ui.screen_results import Reload, ScreenResult
from game.ui.theme import Theme

if TYPE_CHECKING:
    from game.ui.catalogue import Catalogue
    from game.ui.datalock import DataFolderLock
    from game.ui.playthrough import Playthrough
    from game.ui.recorder import Recorder
    from game.ui.storage import Progress, SaveSlot, Settings

_SERIALS = itertools.count(1)


class Host(Protocol):
    """What shows a screen (the app): what a screen may read and call, and ``finish``, which takes its result."""

    theme: Theme
    surface: pygame.Surface
    settings: Settings
    saves: SaveSlot
    progress: Progress
    recorder: Recorder
    catalogue: Catalogue
    folder: Path
    folder_lock: DataFolderLock
    playthrough: Playthrough | None
    player: tuple[str, str] | None
    stack: list[Screen]
    now: float

    def finish(self, screen: str, result: ScreenResult) -> None:
        """``screen`` (a screen's ``name``) is done with ``result``: make the move declared for it."""

    def play(self, name: str) -> None:
        """Play a UI sound."""

    def invalidate(self) -> None:
        """Ask for a redraw."""

    def shown_changed(self) -> None:
        """What the screen shows changed: redraw the whole window on the next frame."""
        ...

    def show_notice(
        self, kind: str, message: str, lines: list[str] | None = None, seconds: float | None = None
    ) -> None:
        """Show a banner over every screen."""

    def toggle_fullscreen(self) -> None:
        """Switch between a window and full screen."""

    def apply_settings(self) -> None:
        """Apply changed settings everywhere and save them."""


class Screen:
    """One screen. Subclasses build their items in ``layout`` and draw themselves in ``draw``."""

    overlay = False  # True: the screen below is drawn first (menus over the scene)
    name = "screen"

    def __init__(self, app: Host) -> None:
        self.app = app
        self.focus = FocusGroup()
        self.focus_changed = False
        self.serial = next(_SERIALS)  # tells this screen from any other, even one at the same address later
        self.view = 0  # bumped by ``changed``: presses must go down after the new state is drawn

    def finish(self, result: ScreenResult) -> None:
        """This screen is done with ``result``: the host decides what comes next (``game.ui.screen_flow``)."""
        self.app.finish(self.name, result)

    def changed(self) -> None:
        """What the player acts on here has changed (new text, new buttons): until the window has drawn it,
        no key or button press may act on it (see ``game.ui.presses``)."""
        self.view += 1
        self.app.shown_changed()

    @property
    def theme(self) -> Theme:
        """The current theme."""
        return self.app.theme

    @property
    def size(self) -> tuple[int, int]:
        """The window size."""
        return self.app.surface.get_size()

    def relayout(self) -> None:
        """Compute rects for the current window size and settings."""
        self.layout()

    def layout(self) -> None:
        """Subclasses place their items here."""

    def items(self) -> list[Item]:
        """The focusable items (for tests and the pilot)."""
        return self.focus.items

    def item(self, item_id: str) -> Item | None:
        """One item by id."""
        return next((i for i in self.focus.items if i.id == item_id), None)

    def handle(self, action: inp.Action) -> None:
        """Back closes; focus moves, hover, click and confirm go to the focus group."""
        if action.kind == inp.RELOAD:
            if self.app.playthrough is not None:
                self.finish(Reload())
            return
        if action.kind in (inp.BACK, inp.PAUSE) and self.back():
            return
        before = self.focus.focused_id
        used = self.focus.handle(action)
        if self.focus.focused_id != before:
            self.focus_changed = True
            if action.kind not in (inp.HOVER, inp.CLICK, inp.PICK):
                self.app.play("ui_move")
        if used and action.kind in (inp.CONFIRM, inp.CLICK, inp.PICK):
            self.app.play("ui_select")

    def takes_text(self, event: pygame.event.Event) -> bool:
        """True when a text field of this screen has the keyboard and wants ``event`` (typed text, an input
        method's composition, editing keys); such events skip the key-to-action mapping."""
        return False

    def text_event(self, event: pygame.event.Event) -> None:
        """Handle an event ``takes_text`` wanted."""

    def hint(self) -> str:
        """The key hints shown along the bottom while this screen is on top."""
        return tr("hint.menu")

    def back(self) -> bool:
        """What Esc / B does here; True when handled."""
        return False

    def update(self, dt: float) -> bool:
        """Advance animations; True while something moves."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the screen."""

    def moving_rects(self) -> list[pygame.Rect] | None:
        """Where the last ``update`` changed what the screen shows, when nothing else changed (the window
        redraws only there); None when the screen cannot tell, and the whole window is drawn again."""
        return None

    def release(self) -> None:
        """Drop what only drawing this screen needs (window-sized pictures); called when it leaves the
        stack, so memory does not wait for the garbage collector. Drawn again, it rebuilds them."""

    def shows_outcome(self) -> bool:
        """True while this screen shows what the last choice did (the history tells it apart)."""
        return False

    def notice_top(self) -> int:
        """Where a notice banner may start on this screen: below whatever it keeps along its top edge."""
        return self.theme.margin // 2

    def is_focused(self, item_id: str) -> bool:
        """True when ``item_id`` has the visible focus."""
        return self.focus.visible and self.focus.focused_id == item_id
