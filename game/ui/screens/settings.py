"""Settings: language, text size, high contrast, reduced motion, typewriter, sound volume, full screen.

Every change applies at once (the whole window re-lays itself out) and is saved to ``settings.json``.
Left/Right change the focused row, Enter switches it, the mouse can click any option.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pygame

from game.locale import LANGUAGES, tr
from game.ui import draw, numbers, widgets
from game.ui import input as inp
from game.ui import text as txt
from game.ui.focus import Item
from game.ui.screen_results import Back
from game.ui.screens.base import Screen
from game.ui.theme import TEXT_SCALES


@dataclass
class Row:
    """One setting: its key, label, the option labels and which one is current."""

    key: str
    label: str
    options: list[str]
    current: int
    toggle: bool = False


class SettingsScreen(Screen):
    """The settings, as a modal card."""

    overlay = True
    name = "settings"

    def rows(self) -> list[Row]:
        """The rows with their current values."""
        s = self.app.settings
        on_off = [tr("common.off"), tr("common.on")]
        return [
            Row("language", tr("settings.language"), list(LANGUAGES.values()), list(LANGUAGES).index(s.language)),
            Row(
                "text_size",
                tr("settings.text_size"),
                [tr(f"settings.text_size.{i}") for i in range(len(TEXT_SCALES))],
                s.text_size,
            ),
            Row("high_contrast", tr("settings.contrast"), on_off, int(s.high_contrast), True),
            Row("reduced_motion", tr("settings.motion"), on_off, int(s.reduced_motion), True),
            Row("typewriter", tr("settings.typewriter"), on_off, int(s.typewriter), True),
            Row(
                "volume",
                tr("settings.volume"),
                [numbers.percent(n) for n in range(0, 101, 10)],
                s.volume // 10,
            ),
            Row("fullscreen", tr("settings.fullscreen"), on_off, int(s.fullscreen), True),
        ]

    def set_value(self, key: str, index: int) -> None:
        """Change one setting to option ``index`` and apply it."""
        s = self.app.settings
        if key == "language":
            s.language = list(LANGUAGES)[index % len(LANGUAGES)]
        elif key == "text_size":
            s.text_size = max(0, min(len(TEXT_SCALES) - 1, index))
        elif key == "volume":
            s.volume = max(0, min(100, index * 10))
        elif key == "fullscreen":
            if bool(index) != s.fullscreen:
                self.app.toggle_fullscreen()
            return
        else:
            setattr(s, key, bool(index % 2))
        self.app.apply_settings()

    def _step(self, key: str, delta: int, wrap: bool) -> None:
        row = next(r for r in self.rows() if r.key == key)
        index = row.current + delta
        index = index % len(row.options) if wrap else max(0, min(len(row.options) - 1, index))
        if index != row.current:
            self.set_value(key, index)
            self.app.play("ui_move")

    def _adjust(self, key: str, delta: int) -> None:
        self._step(key, delta, False)

    def layout(self) -> None:
        t = self.theme
        w, h = self.size
        rows = self.rows()
        self.label_w, control_w = self._columns(rows)
        wanted = self.label_w + control_w + t.px(28) + 2 * t.pad  # every label and option at the label floor
        width = min(w - 2 * t.margin, max(t.px(820), w * 62 // 100, wanted))
        row_h = t.px(60)
        gap = t.px(8)
        head = t.line_height("h1") + t.px(8)
        foot = t.px(56) + t.line_height("small") + t.px(16)
        height = 2 * t.pad + head + len(rows) * (row_h + gap) + foot
        room = h - t.footer - t.px(16)
        if height > room:
            row_h = max(t.px(40), (room - 2 * t.pad - head - foot) // len(rows) - gap)
            height = 2 * t.pad + head + len(rows) * (row_h + gap) + foot
        self.card = pygame.Rect((w - width) // 2, max(t.px(8), (h - t.footer - height) // 2), width, height)
        x = self.card.x + t.pad
        inner_w = width - 2 * t.pad
        self.title_rect = pygame.Rect(x, self.card.y + t.pad, inner_w, head)
        y = self.title_rect.bottom
        self.layout_rows: list[tuple[Row, pygame.Rect, list[pygame.Rect]]] = []
        items = []
        for number, row in enumerate(rows, 1):
            rect = pygame.Rect(x, y, inner_w, row_h)
            segments = self._segments(row, rect)
            self.layout_rows.append((row, rect, segments))
            items.append(
                Item(
                    row.key,
                    rect,
                    partial(self._step, row.key, 1, True),
                    True,
                    number,
                    adjust=partial(self._adjust, row.key),
                )
            )
            y += row_h + gap
        self.done_rect = pygame.Rect(self.card.right - t.pad - t.px(220), y + t.px(4), t.px(220), t.px(52))
        self.note_rect = pygame.Rect(x, self.done_rect.bottom + t.px(6), inner_w, t.line_height("small"))
        items.append(Item("done", self.done_rect, self.close))
        self.focus.set_items(items, "language")

    def _columns(self, rows: list[Row]) -> tuple[int, int]:
        """The widths the row labels and the option controls need at the label floor."""
        t = self.theme
        floor = txt.label_floor(t)
        body, label = t.font("body", floor), t.font("label", floor)
        label_w = max(txt.width_of(body, row.label) for row in rows) + t.px(28)
        control_w = max(
            len(row.options) * (max(txt.width_of(label, option) for option in row.options) + t.px(10) + t.px(4) + 2)
            for row in rows
            if row.key != "volume"
        )
        return label_w, control_w + t.px(10)

    def _segments(self, row: Row, rect: pygame.Rect) -> list[pygame.Rect]:
        t = self.theme
        # the controls take 56 % of the row, less when a label needs more (then the label may wrap)
        control_w = max(min(rect.w * 56 // 100, rect.w - self.label_w - t.px(10)), rect.w * 40 // 100)
        left = rect.right - control_w - t.px(10)
        height = rect.h - t.px(16)
        top = rect.y + t.px(8)
        if row.key == "volume":
            return [pygame.Rect(left, top, control_w, height)]
        count = len(row.options)
        seg_w = control_w // count
        return [pygame.Rect(left + i * seg_w, top, seg_w - t.px(4), height) for i in range(count)]

    def close(self) -> None:
        """Back to where settings were opened."""
        self.finish(Back())

    def hint(self) -> str:
        return tr("hint.settings")

    def back(self) -> bool:
        self.close()
        return True

    def handle(self, action: inp.Action) -> None:
        if action.kind == inp.CLICK:
            for row, _rect, segments in self.layout_rows:
                for index, segment in enumerate(segments):
                    if segment.collidepoint(action.pos):
                        self.focus.focus(row.key)
                        if row.key == "volume":
                            fraction = (action.pos[0] - segment.x) / max(1, segment.w)
                            self.set_value("volume", round(fraction * 10))
                        else:
                            self.set_value(row.key, index)
                        return
        super().handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        if len(self.app.stack) > 1:
            draw.scrim(surface, c.scrim)
        else:
            widgets.screen_background(surface, t)
        draw.card(surface, t, self.card, elevation=2.0)
        txt.draw_line(surface, t, tr("settings.title"), "h1", self.title_rect, c.text, what="settings title")
        for row, rect, segments in self.layout_rows:
            focused = self.is_focused(row.key)
            if focused:
                pygame.draw.rect(surface, c.accent_soft, rect, border_radius=t.px(10))
            label_rect = pygame.Rect(rect.x + t.px(14), rect.y, segments[0].x - rect.x - t.px(28), rect.h)
            txt.draw_fitted(surface, t, row.label, "body", label_rect, c.text, valign="center", what="settings label")
            if row.key == "volume":
                self._draw_volume(surface, segments[0], row)
            else:
                for index, (option, segment) in enumerate(zip(row.options, segments, strict=True)):
                    chosen = index == row.current
                    fill = c.accent if chosen else c.panel_alt
                    fg = c.on_accent if chosen else c.text
                    pygame.draw.rect(surface, fill, segment, border_radius=t.px(8))
                    if chosen or t.high_contrast:
                        pygame.draw.rect(surface, c.border if not chosen else fill, segment, 1, border_radius=t.px(8))
                    label = option
                    inner = segment.inflate(-t.px(10), 0)
                    txt.draw_line(surface, t, label, "label", inner, fg, "center", "settings option")
            if focused:
                draw.focus_ring(surface, t, rect, t.px(10))
        widgets.button(
            surface, t, self.done_rect, tr("settings.done"), self.is_focused("done"), primary=True, icon_name="check"
        )
        txt.draw_line(surface, t, tr("settings.saved"), "small", self.note_rect, c.muted, "center", "settings note")

    def _draw_volume(self, surface: pygame.Surface, rect: pygame.Rect, row: Row) -> None:
        t = self.theme
        c = t.colors
        label = row.options[row.current]
        label_w = t.font("label").size("100 %")[0] + t.px(16)
        bar = pygame.Rect(rect.x, rect.centery - t.px(6), rect.w - label_w, t.px(12))
        pygame.draw.rect(surface, c.panel_alt, bar, border_radius=bar.h // 2)
        pygame.draw.rect(surface, c.border, bar, 1, border_radius=bar.h // 2)
        fill = pygame.Rect(bar.x, bar.y, round(bar.w * row.current / 10), bar.h)
        if fill.w:
            pygame.draw.rect(surface, c.accent, fill, border_radius=bar.h // 2)
        pygame.draw.circle(surface, c.accent, (bar.x + fill.w, bar.centery), t.px(11))
        txt.draw_line(
            surface,
            t,
            label,
            "label",
            pygame.Rect(bar.right + t.px(12), rect.y, label_w - t.px(12), rect.h),
            c.text,
            "right",
            "volume value",
        )
