"""The pause menu over the scene: resume, history, undo, settings, start again, go to the title."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.locale import tr
from game.ui import draw, widgets
from game.ui import input as inp
from game.ui import text as txt
from game.ui.focus import Item
from game.ui.screen_results import Back, OpenHistory, OpenSettings, ScreenResult, ToTitle, TryAgain, Undo
from game.ui.screens.base import Screen


class PauseScreen(Screen):
    """A modal menu; Esc or Start resumes."""

    overlay = True
    name = "pause"

    def _entries(self) -> list[tuple[str, str, str, bool, Callable[[], None]]]:
        pt = self.app.playthrough
        can_undo = bool(pt and pt.can_undo)
        entries = [
            ("resume", tr("pause.resume"), "play", True, self._then(Back())),
            ("history", tr("pause.history"), "history", True, self._then(OpenHistory())),
        ]
        if pt is not None and pt.practice:
            entries.append(("undo", tr("pause.undo"), "undo", can_undo, self._then(Undo())))
        entries += [
            ("settings", tr("pause.settings"), "settings", True, self._then(OpenSettings())),
            ("restart", tr("pause.restart"), "restart", True, self._then(TryAgain())),
            ("title", tr("pause.to_title"), "arrow_left", True, self._then(ToTitle())),
        ]
        return entries

    def _subtitle(self) -> str:
        """The scenario's title and the mode, under the menu's title."""
        pt = self.app.playthrough
        return f"{pt.scenario.title} · {tr('mode.' + pt.mode)}" if pt is not None else ""

    def layout(self) -> None:
        t = self.theme
        w, h = self.size
        entries = self._entries()
        floor = txt.label_floor(t)
        needed = max(
            max(widgets.least_button_width(t, label) for _key, label, _icon, _on, _action in entries),
            txt.width_of(t.font("small", floor), tr("pause.saved")),
            txt.width_of(t.font("small", floor), self._subtitle()),
        )  # wide enough for every label at the label floor (the text size and the language decide)
        width = min(w - 2 * t.margin, max(t.px(520), w * 40 // 100, needed + 2 * t.pad))
        button_h = t.px(56)
        gap = t.px(10)
        head = t.line_height("h1") + t.line_height("small") + t.px(12)
        foot = t.line_height("small") + t.px(10)
        height = 2 * t.pad + head + len(entries) * (button_h + gap) + foot
        room = h - t.footer - t.px(16)
        if height > room:
            button_h = max(t.px(36), (room - 2 * t.pad - head - foot) // len(entries) - gap)
            height = 2 * t.pad + head + len(entries) * (button_h + gap) + foot
        self.card = pygame.Rect((w - width) // 2, max(t.px(8), (h - t.footer - height) // 2), width, height)
        self.head = pygame.Rect(self.card.x + t.pad, self.card.y + t.pad, width - 2 * t.pad, head)
        y = self.head.bottom
        self.entries = []
        items = []
        for index, (key, label, icon, enabled, action) in enumerate(entries, 1):
            rect = pygame.Rect(self.card.x + t.pad, y, width - 2 * t.pad, button_h)
            self.entries.append((key, label, icon, enabled, rect))
            items.append(Item(key, rect, action, enabled, index))
            y += button_h + gap
        self.foot = pygame.Rect(self.card.x + t.pad, y, width - 2 * t.pad, foot)
        self.focus.set_items(items, "resume")

    def _then(self, result: ScreenResult) -> Callable[[], None]:
        """A button's action: finish with ``result``."""
        return lambda: self.finish(result)

    def back(self) -> bool:
        self.finish(Back())
        return True

    def handle(self, action: inp.Action) -> None:
        if action.kind == inp.HISTORY:
            self.finish(OpenHistory())
            return
        super().handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        draw.scrim(surface, c.scrim)
        draw.card(surface, t, self.card, elevation=2.0)
        title_h = t.line_height("h1")
        txt.draw_line(
            surface,
            t,
            tr("pause.title"),
            "h1",
            pygame.Rect(self.head.x, self.head.y, self.head.w, title_h),
            c.text,
            what="pause title",
        )
        if self.app.playthrough is not None:
            txt.draw_line(
                surface,
                t,
                self._subtitle(),
                "small",
                pygame.Rect(self.head.x, self.head.y + title_h, self.head.w, t.line_height("small")),
                c.muted,
                what="pause subtitle",
            )
        for key, label, icon, enabled, rect in self.entries:
            widgets.button(
                surface,
                t,
                rect,
                label,
                self.is_focused(key),
                primary=key == "resume",
                enabled=enabled,
                icon_name=icon,
                align="left",
            )
        txt.draw_line(surface, t, tr("pause.saved"), "small", self.foot, c.muted, "center", "pause footer")
