"""The banner over every screen: reload results, save problems, and file:line:col errors."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.locale import tr
from game.ui import draw
from game.ui import text as txt
from game.ui.theme import Theme

MAX_LINES = 6


@dataclass
class Notice:
    """A banner over every screen: a message and optional detail lines (e.g. file:line:col errors)."""

    kind: str  # "info" | "error"
    message: str
    lines: list[str] = field(default_factory=list)
    until: float | None = None  # app time when it hides itself; None = until dismissed


def draw_notice(surface: pygame.Surface, theme: Theme, notice: Notice, top: int | None = None) -> pygame.Rect:
    """Draw the banner at the top centre, from ``top`` down (under a screen's top bar); errors get a red edge
    and their detail lines. Returns where it was drawn."""
    c = theme.colors
    w, _h = surface.get_size()
    width = min(w - 2 * theme.margin, theme.px(1100))
    pad = theme.pad
    inner_w = width - 2 * pad - theme.px(10)
    lines = notice.lines[:MAX_LINES]
    if len(notice.lines) > MAX_LINES:
        lines.append(f"… (+{len(notice.lines) - MAX_LINES})")
    footer = tr("notice.dismiss") if notice.until is None else ""

    def measure(shrink: float) -> int:
        total = txt.layout(theme, notice.message, "h3", inner_w, shrink).height
        for line in lines:
            total += theme.px(6) + txt.layout(theme, line, "small", inner_w, shrink).height
        if footer:
            total += theme.px(8) + theme.line_height("small", shrink)
        return total

    y0 = theme.margin // 2 if top is None else top
    limit = max(theme.px(60), min(surface.get_height() // 2, surface.get_height() - y0 - theme.footer))
    shrink = txt.shrink_to_fit(measure, limit, "notice")
    height = min(measure(shrink), limit) + 2 * pad
    rect = pygame.Rect((w - width) // 2, y0, width, height)
    accent = c.bad if notice.kind == "error" else c.accent
    draw.card(surface, theme, rect, fill=c.panel, border=accent, elevation=1.4)
    draw.stripe(surface, theme, rect, accent, width=10)
    x = rect.x + pad + theme.px(10)
    y = rect.y + pad
    block = txt.layout(theme, notice.message, "h3", inner_w, shrink)
    y += txt.draw(surface, block, (x, y), c.text)
    for line in lines:
        y += theme.px(6)
        block = txt.layout(theme, line, "small", inner_w, shrink)
        y += txt.draw(surface, block, (x, y), c.bad if notice.kind == "error" else c.muted)
    if footer:
        y += theme.px(8)
        block = txt.layout(theme, footer, "small", inner_w, shrink)
        txt.draw(surface, block, (x, y), c.muted, "right", inner_w)
    return rect
