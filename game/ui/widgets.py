"""Reusable pieces drawn by several screens: buttons, numbered choice cards, delta rows, style tags, hints.

Each ``measure_*`` gives the height a piece needs at a shrink step, so a screen can shrink a whole column
to fit; each ``draw_*`` draws it into a rect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game import locale
from game.ui import assets, draw, numbers
from game.ui import text as txt
from game.ui.theme import Color, Theme

if TYPE_CHECKING:  # the title screen draws widgets before the scenario model is ever needed
    from game.core.model import Metric


def button(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    label: str,
    focused: bool = False,
    primary: bool = False,
    enabled: bool = True,
    sub: str = "",
    icon_name: str = "",
    align: str = "center",
) -> None:
    """A rounded button; ``sub`` adds a smaller second line, ``icon_name`` a tinted icon on the left."""
    c = theme.colors
    if not enabled:
        fill, fg, subfg = c.panel_alt, c.disabled, c.disabled
    elif primary:
        fill, fg, subfg = c.accent, c.on_accent, c.on_accent
    else:
        fill, fg, subfg = (c.accent_soft if focused else c.panel), c.text, c.muted
    draw.card(surface, theme, rect, fill=fill, shadow=enabled, elevation=0.6, radius=theme.px(12))
    pad = theme.px(16)
    inner = rect.inflate(-2 * pad, -theme.px(8))
    if icon_name:
        size = min(theme.px(30), inner.h)
        image = assets.icon(icon_name, size, fg)
        if image is not None:
            surface.blit(image, (inner.x, rect.centery - size // 2))
            inner = pygame.Rect(inner.x + size + theme.px(12), inner.y, inner.w - size - theme.px(12), inner.h)
    if sub:
        top = pygame.Rect(inner.x, inner.y, inner.w, inner.h * 55 // 100)
        bottom = pygame.Rect(inner.x, top.bottom, inner.w, inner.h - top.h)
        txt.draw_line(surface, theme, label, "button", top, fg, align, "button")
        txt.draw_line(surface, theme, sub, "small", bottom, subfg, align, "button sub")
    else:
        txt.draw_line(surface, theme, label, "button", inner, fg, align, "button")
    if focused and enabled:
        draw.focus_ring(surface, theme, rect, theme.px(12))


def button_width(theme: Theme, label: str) -> int:
    """The width a button needs for its label and an icon."""
    return theme.font("button").size(label)[0] + theme.px(30) + 2 * theme.px(16) + theme.px(12)


def least_button_width(theme: Theme, label: str, icon: bool = True, role: str = "button") -> int:
    """The narrowest a button can be with its label (or its ``small`` second line) at the label floor
    (``text.label_floor``)."""
    text_w = txt.width_of(theme.font(role, txt.label_floor(theme)), label)
    return text_w + 2 * theme.px(16) + (theme.px(30) + theme.px(12) if icon else 0) + 1


def button_grid(
    theme: Theme, area: pygame.Rect, labels: list[str], height: int, gap: int, icon: bool = True
) -> list[pygame.Rect]:
    """Rects for a row of buttons of equal width along the bottom of ``area``, each label at or above the label
    floor: when one row is too narrow for a label, the buttons go in two rows (or more, up to one column), the
    first row on top, the rows sharing ``area``'s width. The rects are in the order of ``labels``; the top of the
    first is where the buttons begin (the room above is the screen's)."""
    count = len(labels)
    if not count:
        return []
    need = max(least_button_width(theme, label, icon) for label in labels)
    per_row = count
    while per_row > 1 and (area.w - gap * (per_row - 1)) // per_row < need:
        per_row -= 1
    rows = -(-count // per_row)
    per_row = -(-count // rows)  # as even as can be: 5 in two rows are 3 and 2, not 4 and 1
    rects: list[pygame.Rect] = []
    top = area.bottom - rows * height - (rows - 1) * gap
    for row in range(rows):
        in_row = min(per_row, count - row * per_row)
        width = (area.w - gap * (in_row - 1)) // in_row
        y = top + row * (height + gap)
        rects += [pygame.Rect(area.x + i * (width + gap), y, width, height) for i in range(in_row)]
    return rects


def number_badge(
    surface: pygame.Surface, theme: Theme, center: tuple[int, int], size: int, n: int, fg: Color, bg: Color
) -> None:
    """A round badge with a choice number."""
    pygame.draw.circle(surface, bg, center, size // 2)
    label = txt.render(theme.font("number", min(1.0, size / max(1, theme.font_size("number") * 1.6))), str(n), fg)
    surface.blit(label, label.get_rect(center=center))


def style_label(style: str) -> str:
    """The name of an assertiveness style in the UI language."""
    return locale.style_name(locale.language(), style)


def style_tag(
    surface: pygame.Surface, theme: Theme, pos: tuple[int, int], style: str, height: int, shrink: float = 1.0
) -> int:
    """A pill naming a style, in its colour; returns its width."""
    label = style_label(style)
    width = draw.chip_width(theme, label, shrink=shrink)
    color = theme.style_color(style)
    bg = color if not theme.high_contrast else theme.colors.panel
    fg = (255, 255, 255) if not theme.high_contrast else color
    draw.chip(
        surface, theme, pygame.Rect(pos[0], pos[1], width, height), label, fg, bg, what="style tag", shrink=shrink
    )
    return width


def delta_text(delta: float, metric: Metric) -> str:
    """``format_delta`` without its arrow (the arrow is drawn as a shape: the font has no ▲▼), with the word
    that says whether it is good news: ``+15 % (worse)`` for a rise of a ``better: lower`` metric."""
    return locale.judged_change(locale.language(), numbers.delta(delta, metric), metric, delta)


def delta_color(theme: Theme, delta: float, metric: Metric | None = None) -> Color:
    """Green for good news, red for bad (always with arrow and sign too): a rise is good unless the metric says
    ``better: lower`` (``game.core.scoring.is_improvement``)."""
    if not delta:
        return theme.colors.neutral
    from game.core.scoring import is_improvement  # on first use: the title screen needs no scenario model

    good = is_improvement(metric, delta) if metric is not None else delta > 0
    return theme.colors.good if good else theme.colors.bad


def arrow(surface: pygame.Surface, center: tuple[int, int], size: int, delta: float, color: Color) -> None:
    """▲ for a rise, ▼ for a fall, a dash for no change."""
    if delta > 0:
        draw.triangle(surface, center, size, True, color)
    elif delta < 0:
        draw.triangle(surface, center, size, False, color)
    else:
        draw.dash(surface, center, size, color)


def _row_lines(theme: Theme, metric: Metric, delta: float, width: int, shrink: float) -> int:
    """1 when label and value share a line, 2 when the value goes below the label."""
    font_h = theme.font("body", shrink).get_height()
    size = max(8, font_h * 5 // 9)
    label_w = theme.font("body", shrink).size(metric.label)[0]
    value_w = theme.font("number", shrink).size(delta_text(delta, metric))[0]
    return 1 if size + theme.px(12) + label_w + theme.px(12) + value_w <= width else 2


def measure_delta_rows(theme: Theme, rows: list[tuple[Metric, float]], width: int, shrink: float) -> int:
    """The height of the delta rows at ``width``."""
    line_h = theme.line_height("body", shrink)
    return sum(_row_lines(theme, m, d, width, shrink) for m, d in rows) * line_h


def draw_delta_rows(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    rows: list[tuple[Metric, float]],
    shrink: float,
) -> int:
    """One line per changed metric: arrow, label, signed value (below the label when narrow); the height used."""
    line_h = theme.line_height("body", shrink)
    font_h = theme.font("body", shrink).get_height()
    font = theme.font("number", shrink)
    y = rect.y
    for metric, delta in rows:
        color = delta_color(theme, delta, metric)
        size = max(8, font_h * 5 // 9)
        arrow(surface, (rect.x + size // 2 + 2, y + font_h // 2 + 1), size, delta, color)
        left = rect.x + size + theme.px(12)
        value = delta_text(delta, metric)
        value_w = font.size(value)[0]
        lines = _row_lines(theme, metric, delta, rect.w, shrink)
        label_w = rect.right - left - (value_w + theme.px(12) if lines == 1 else 0)
        txt.draw_line(
            surface,
            theme,
            metric.label,
            "body",
            pygame.Rect(left, y, max(1, label_w), font_h),
            theme.colors.text,
            "left",
            "delta label",
            shrink,
        )
        value_y = y + (line_h if lines == 2 else 0)
        surface.blit(
            txt.render(font, value, color if not theme.high_contrast else theme.colors.text),
            (max(left, rect.right - value_w), value_y),
        )
        y += line_h * lines
    return y - rect.y


def more_band(theme: Theme) -> int:
    """The height of the band along the bottom of a scrolled area that holds the "more below" arrow."""
    return theme.px(26)


def more_below(surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
    """A down arrow in the band at the bottom of a scrolled area (kept free of text): there is more to read."""
    band = more_band(theme)
    draw.triangle(surface, (rect.centerx, rect.bottom - band // 2), theme.px(16), False, theme.colors.accent)


def hint_bar(surface: pygame.Surface, theme: Theme, hint: str, over_scrim: bool = False) -> None:
    """The key hints along the bottom edge."""
    w, h = surface.get_size()
    line = theme.line_height("small")
    rect = pygame.Rect(theme.margin, h - line - theme.px(6), w - 2 * theme.margin, line)
    if not hint:
        return
    color = theme.colors.panel if over_scrim and not theme.high_contrast else theme.colors.muted
    txt.draw_line(surface, theme, hint, "small", rect, color, "center", "hint bar")


def heading(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, title: str, subtitle: str = "") -> None:
    """A screen title with an optional subtitle."""
    if subtitle:
        top = pygame.Rect(rect.x, rect.y, rect.w, rect.h - theme.line_height("small"))
        txt.draw_line(surface, theme, title, "h1", top, theme.colors.text, "left", "heading")
        bottom = pygame.Rect(rect.x, top.bottom, rect.w, rect.h - top.h)
        txt.draw_line(surface, theme, subtitle, "small", bottom, theme.colors.muted, "left", "subheading")
    else:
        txt.draw_line(surface, theme, title, "h1", rect, theme.colors.text, "left", "heading")


def screen_background(surface: pygame.Surface, theme: Theme) -> None:
    """The calm warm gradient behind menus."""
    c = theme.colors
    draw.paint_gradient(surface, c.bg, c.bg2)
