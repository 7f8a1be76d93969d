"""Another window holds the data folder: wait for it to close, or play now without autosave.

Two windows saving into one folder would overwrite each other's save, so the second one asks, once, over its
first screen. Waiting tries the folder's lock twice a second; as soon as the other window has closed, this one
takes the lock, saves again and says so. Playing now (or Esc) keeps today's behaviour: no autosave in this
window, records are still kept.
"""

from __future__ import annotations

import pygame

from game.locale import tr
from game.ui import draw, widgets
from game.ui import text as txt
from game.ui.focus import Item
from game.ui.screen_results import Back
from game.ui.screens.base import Host, Screen

RETRY_SECONDS = 0.5


class BusyFolderScreen(Screen):
    """A small modal question over the first screen of a second window on one data folder."""

    overlay = True
    name = "busy-folder"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.waiting = False
        self._next_try = 0.0

    def _entries(self) -> list[tuple[str, str, str]]:
        if self.waiting:
            return [("no_save", tr("busy.stop_waiting"), "play")]
        return [("wait", tr("busy.wait"), "history"), ("no_save", tr("busy.no_save"), "play")]

    def layout(self) -> None:
        t = self.theme
        w, h = self.size
        width = min(w - 2 * t.margin, max(t.px(560), w * 45 // 100))
        inner = width - 2 * t.pad
        self.body = tr("busy.waiting") if self.waiting else tr("busy.body")
        body_h = txt.layout(t, self.body, "body", inner).height
        head = txt.layout(t, tr("busy.title"), "h2", inner).height
        button_h = t.px(56)
        gap = t.px(10)
        entries = self._entries()
        height = 2 * t.pad + head + t.px(10) + body_h + t.px(16) + len(entries) * (button_h + gap)
        self.card = pygame.Rect((w - width) // 2, max(t.px(8), (h - t.footer - height) // 2), width, height)
        self.head_y = self.card.y + t.pad
        self.body_y = self.head_y + head + t.px(10)
        y = self.body_y + body_h + t.px(16)
        self.entries = []
        items = []
        actions = {"wait": self._wait, "no_save": self._no_save}
        for index, (key, label, icon) in enumerate(entries, 1):
            rect = pygame.Rect(self.card.x + t.pad, y, inner, button_h)
            self.entries.append((key, label, icon, rect))
            items.append(Item(key, rect, actions[key], True, index))
            y += button_h + gap
        self.focus.set_items(items, entries[0][0])

    def _wait(self) -> None:
        self.waiting = True
        self._next_try = 0.0
        self.relayout()
        self.changed()

    def _no_save(self) -> None:
        """Play now: this window does not autosave (records are still kept)."""
        self.finish(Back())
        self.app.show_notice("info", tr("lock.other_game"), seconds=6)

    def back(self) -> bool:
        self._no_save()
        return True

    def hint(self) -> str:
        return tr("hint.busy")

    def update(self, dt: float) -> bool:
        """While waiting, try the lock now and then; take over saving as soon as it is free."""
        if not self.waiting or self.app.now < self._next_try:
            return False
        self._next_try = self.app.now + RETRY_SECONDS
        if self.app.folder_lock.acquire():
            self.app.saves.paused = False
            self.finish(Back())
            self.app.show_notice("info", tr("busy.free"), seconds=6)
        return False

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        draw.scrim(surface, c.scrim)
        draw.card(surface, t, self.card, elevation=2.0)
        inner = self.card.w - 2 * t.pad
        x = self.card.x + t.pad
        txt.draw(surface, txt.layout(t, tr("busy.title"), "h2", inner), (x, self.head_y), c.text)
        txt.draw(surface, txt.layout(t, self.body, "body", inner), (x, self.body_y), c.muted)
        for key, label, icon, rect in self.entries:
            widgets.button(
                surface, t, rect, label, self.is_focused(key), primary=key == "wait", icon_name=icon, align="left"
            )
