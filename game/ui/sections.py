"""Text cards that measure themselves: the building block of the outcome panel, the debrief and history.

A ``Section`` is a card with an optional icon and label, a style tag, a text, metric change rows (with
their own small heading when given) and a note. ``measure`` gives its height at a shrink step so a whole
column can be shrunk to fit together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.core.model import Metric
from game.ui import assets, draw, widgets
from game.ui import text as txt
from game.ui.theme import Color, Theme


@dataclass
class Section:
    """One card of text."""

    label: str = ""
    text: str = ""
    role: str = "body"
    icon: str = ""
    style: str = ""
    rows: list[tuple[Metric, float]] = field(default_factory=list)
    rows_label: str = ""  # a small heading over the rows, e.g. what chance did under its note
    note: str = ""
    note_role: str = "small"
    accent: Color | None = None
    fill: Color | None = None
    flat: bool = False  # no card: text straight on the parent

    def _pad(self, theme: Theme) -> int:
        return 0 if self.flat else theme.px(14)

    def _inner_w(self, theme: Theme, width: int) -> int:
        stripe = theme.px(8) if self.accent is not None and not self.flat else 0
        return max(1, width - 2 * self._pad(theme) - stripe)

    def _head_h(self, theme: Theme, shrink: float) -> int:
        if not (self.label or self.style or self.icon):
            return 0
        return max(theme.line_height("label", shrink), self._tag_h(theme, shrink) if self.style else 0) + theme.px(4)

    @staticmethod
    def _tag_h(theme: Theme, shrink: float) -> int:
        return theme.font("label", shrink).get_height() + theme.px(6)

    def measure(self, theme: Theme, width: int, shrink: float) -> int:
        """The height this section needs at ``width`` and ``shrink``."""
        inner = self._inner_w(theme, width)
        height = 2 * self._pad(theme) + self._head_h(theme, shrink)
        if self.text:
            height += txt.layout(theme, self.text, self.role, inner, shrink).height
        if self.rows:
            height += theme.px(6) + widgets.measure_delta_rows(theme, self.rows, inner, shrink)
            if self.rows_label:
                height += theme.line_height("label", shrink) + theme.px(2)
        if self.note:
            height += theme.px(6) + txt.layout(theme, self.note, self.note_role, inner, shrink).height
        return height

    def draw(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect, shrink: float) -> None:
        """Draw the section in ``rect`` (as tall as ``measure`` said)."""
        c = theme.colors
        pad = self._pad(theme)
        x = rect.x + pad
        if not self.flat:
            draw.card(surface, theme, rect, fill=self.fill or c.panel, elevation=0.7)
            if self.accent is not None:
                draw.stripe(surface, theme, rect, self.accent)
                x += theme.px(8)
        inner_w = self._inner_w(theme, rect.w)
        y = rect.y + pad
        head = self._head_h(theme, shrink)
        if head:
            label_h = theme.line_height("label", shrink)
            hx = x
            if self.icon:
                size = max(10, label_h - theme.px(2))
                image = assets.icon(self.icon, size, self.accent or c.accent)
                if image is not None:
                    surface.blit(image, (hx, y + (label_h - size) // 2))
                    hx += size + theme.px(8)
            tag_w = 0
            if self.style:
                tag_h = self._tag_h(theme, shrink)
                tag_w = draw.chip_width(theme, widgets.style_label(self.style), shrink=shrink)
                widgets.style_tag(
                    surface,
                    theme,
                    (x + inner_w - tag_w, y + (head - theme.px(4) - tag_h) // 2),
                    self.style,
                    tag_h,
                    shrink,
                )
            if self.label:
                label_rect = pygame.Rect(hx, y, max(1, x + inner_w - hx - tag_w - theme.px(8)), label_h)
                txt.draw_line(
                    surface,
                    theme,
                    self.label,
                    "label",
                    label_rect,
                    self.accent or c.accent,
                    what="section label",
                    shrink=shrink,
                )
            y += head
        if self.text:
            block = txt.layout(theme, self.text, self.role, inner_w, shrink)
            if not block.fits:
                txt.OVERFLOWS.append(("section", self.text, (inner_w, block.height)))
            y += txt.draw(surface, block, (x, y), c.text)
        if self.rows:
            y += theme.px(6)
            if self.rows_label:
                label_h = theme.line_height("label", shrink)
                txt.draw_line(
                    surface,
                    theme,
                    self.rows_label,
                    "label",
                    pygame.Rect(x, y, inner_w, label_h),
                    c.muted,
                    what="section rows label",
                    shrink=shrink,
                )
                y += label_h + theme.px(2)
            y += widgets.draw_delta_rows(surface, theme, pygame.Rect(x, y, inner_w, 0), self.rows, shrink)
        if self.note:
            y += theme.px(6)
            block = txt.layout(theme, self.note, self.note_role, inner_w, shrink)
            txt.draw(surface, block, (x, y), c.muted)


def stack_height(theme: Theme, sections: list[Section], width: int, shrink: float, gap: int) -> int:
    """The height of sections stacked with ``gap`` between them."""
    if not sections:
        return 0
    return sum(s.measure(theme, width, shrink) for s in sections) + gap * (len(sections) - 1)


def draw_stack(
    surface: pygame.Surface, theme: Theme, x: int, y: int, width: int, sections: list[Section], shrink: float, gap: int
) -> int:
    """Draw sections top to bottom; returns the y below the last one."""
    for section in sections:
        height = section.measure(theme, width, shrink)
        section.draw(surface, theme, pygame.Rect(x, y, width, height), shrink)
        y += height + gap
    return y
