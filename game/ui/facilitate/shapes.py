"""Drawing helpers for the projector screens: wrapped text, cards, chips and bars (pygame)."""

from __future__ import annotations

from typing import Any

import pygame

Colour = tuple[int, int, int]


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (long words are split)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if font.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def text_block(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: Colour,
    x: int,
    y: int,
    width: int,
    max_lines: int = 0,
    line_gap: float = 1.12,
) -> int:
    """Draw wrapped text; returns the y below it. With ``max_lines`` the last line ends in an ellipsis."""
    lines = wrap(text, font, width)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.size(last + " …")[0] > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + " …"
    step = round(font.get_linesize() * line_gap)
    for line in lines:
        surface.blit(font.render(line, True, colour), (x, y))
        y += step
    return y


def fit_font(theme: Any, role: str, text: str, width: int, height: int, line_gap: float = 1.12) -> pygame.font.Font:
    """The largest font of ``role`` (shrinking down to 55%) whose wrapped ``text`` fits the box."""
    shrink = 1.0
    while shrink > 0.55:
        font = theme.font(role, shrink)
        if len(wrap(text, font, width)) * font.get_linesize() * line_gap <= height:
            return font  # type: ignore[no-any-return]
        shrink -= 0.05
    return theme.font(role, 0.55)  # type: ignore[no-any-return]


def card(
    surface: pygame.Surface,
    theme: Any,
    rect: pygame.Rect,
    fill: Colour | None = None,
    border: Colour | None = None,
    width: int = 1,
) -> None:
    """A rounded card with a soft shadow."""
    radius = theme.px(14)
    shadow = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.rect(shadow, (40, 30, 20, 40), shadow.get_rect(), border_radius=radius)
    surface.blit(shadow, rect.move(0, theme.px(3)))
    pygame.draw.rect(surface, fill or theme.colors.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, border or theme.colors.border, rect, max(1, theme.px(width)), border_radius=radius)


def chip(
    surface: pygame.Surface,
    theme: Any,
    text: str,
    x: int,
    y: int,
    colour: Colour,
    filled: bool = False,
    role: str = "label",
) -> pygame.Rect:
    """A pill with a label; returns its rectangle."""
    font = theme.font(role)
    label = font.render(text, True, theme.colors.on_accent if filled else colour)
    rect = pygame.Rect(x, y, label.get_width() + theme.px(22), label.get_height() + theme.px(6))
    if filled:
        pygame.draw.rect(surface, colour, rect, border_radius=rect.height // 2)
    else:
        pygame.draw.rect(surface, theme.colors.panel, rect, border_radius=rect.height // 2)
        pygame.draw.rect(surface, colour, rect, max(2, theme.px(2)), border_radius=rect.height // 2)
    surface.blit(label, (x + theme.px(11), y + theme.px(3)))
    return rect


def number_badge(surface: pygame.Surface, theme: Any, number: int, x: int, y: int, colour: Colour) -> int:
    """A round badge with a choice number; returns its diameter."""
    font = theme.font("h2")
    size = font.get_height() + theme.px(8)
    pygame.draw.circle(surface, colour, (x + size // 2, y + size // 2), size // 2)
    label = font.render(str(number), True, theme.colors.on_accent)
    surface.blit(label, label.get_rect(center=(x + size // 2, y + size // 2)))
    return int(size)


def bar(surface: pygame.Surface, theme: Any, rect: pygame.Rect, share: float, colour: Colour, label: str = "") -> None:
    """A horizontal bar filled to ``share`` (0..1) with an optional label at its right end."""
    pygame.draw.rect(surface, theme.colors.border, rect, border_radius=theme.px(6))
    filled = rect.copy()
    filled.width = max(0, round(rect.width * max(0.0, min(1.0, share))))
    if filled.width:
        pygame.draw.rect(surface, colour, filled, border_radius=theme.px(6))
    if label:
        font = theme.font("h3")
        text = font.render(label, True, theme.colors.text)
        surface.blit(text, (rect.right + theme.px(12), rect.centery - text.get_height() // 2))


def hints(surface: pygame.Surface, theme: Any, text: str) -> None:
    """The key hints along the bottom edge."""
    font = theme.font("small")
    w, h = surface.get_size()
    band = font.get_height() + theme.px(16)
    pygame.draw.rect(surface, theme.colors.panel, pygame.Rect(0, h - band, w, band))
    pygame.draw.line(surface, theme.colors.border, (0, h - band), (w, h - band), max(1, theme.px(1)))
    label = font.render(text, True, theme.colors.muted)
    surface.blit(label, label.get_rect(center=(w // 2, h - band // 2)))


def star(surface: pygame.Surface, cx: float, cy: float, radius: float, colour: Colour) -> None:
    """A five-pointed star (the font has no ★)."""
    import math

    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    pygame.draw.polygon(surface, colour, points)


def triangle(surface: pygame.Surface, cx: float, cy: float, size: float, colour: Colour, direction: str) -> None:
    """A filled triangle pointing 'up', 'down' or 'right' (the font has no ▲ ▼ ▶)."""
    h = size / 2
    shapes = {
        "up": [(cx - h, cy + h * 0.8), (cx + h, cy + h * 0.8), (cx, cy - h * 0.9)],
        "down": [(cx - h, cy - h * 0.8), (cx + h, cy - h * 0.8), (cx, cy + h * 0.9)],
        "right": [(cx - h * 0.8, cy - h), (cx - h * 0.8, cy + h), (cx + h * 0.9, cy)],
    }
    pygame.draw.polygon(surface, colour, shapes[direction])


def delta_line(surface: pygame.Surface, font: pygame.font.Font, text: str, x: int, y: int, colour: Colour) -> int:
    """A 'Label ▲ +3 %' line with the arrow drawn as a shape; returns the line's width."""
    label, _, rest = text.partition(" ▲ ") if " ▲ " in text else text.partition(" ▼ ")
    up = " ▲ " in text
    first = font.render(label, True, colour)
    surface.blit(first, (x, y))
    size = font.get_height() * 0.5
    ax = x + first.get_width() + size
    triangle(surface, ax, y + font.get_height() / 2, size, colour, "up" if up else "down")
    second = font.render(rest, True, colour)
    surface.blit(second, (ax + size, y))
    return int(ax + size + second.get_width() - x)
