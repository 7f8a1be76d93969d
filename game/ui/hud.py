"""Scene furniture: the phase tracker, the metric gauges and the speaker card.

Gauges show a value with its unit, a bar, and after a choice the change with an arrow and a sign
(▲ +3,000 $/month), so the meaning never rides on colour alone.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.core.model import CORE_METRICS, PHASES, Metric, Scenario
from game.locale import tr
from game.ui import assets, draw, fmt, widgets
from game.ui import text as txt
from game.ui.theme import Theme


def gauge_range(metric: Metric, value: float) -> tuple[float, float]:
    """The span a gauge's bar covers: the metric's bounds, or 1.5× its start when it has no maximum."""
    low = metric.minimum if metric.minimum is not None else 0.0
    if metric.maximum is not None:
        return low, metric.maximum
    high = metric.start * 1.5 if metric.start > 0 else 100.0
    return low, max(high, value * 1.1)


def core_metrics(scenario: Scenario) -> list[Metric]:
    """Revenue, staff morale and reputation, in that order."""
    return [m for m in (scenario.metric(i) for i in CORE_METRICS) if m is not None]


def gauge_heights(theme: Theme, shrink: float) -> int:
    """The height of one gauge."""
    return theme.line_height("small", shrink) + theme.line_height("number", shrink) + theme.px(12) + theme.px(8)


def draw_gauges(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    metrics: list[Metric],
    shown: dict[str, float],
    deltas: dict[str, float],
    shrink: float,
) -> None:
    """Gauges stacked in ``rect``: icon and label, value with unit and change, bar."""
    c = theme.colors
    if not metrics:
        return
    slot = rect.h // len(metrics)
    one = gauge_heights(theme, shrink)
    for index, metric in enumerate(metrics):
        top = rect.y + index * slot + max(0, (slot - one) // 2)
        label_h = theme.line_height("small", shrink)
        icon_size = max(10, label_h - theme.px(4))
        image = assets.icon(metric.id, icon_size, c.accent)
        x = rect.x
        if image is not None:
            surface.blit(image, (x, top + (label_h - icon_size) // 2))
            x += icon_size + theme.px(8)
        txt.draw_line(
            surface,
            theme,
            metric.label,
            "small",
            pygame.Rect(x, top, rect.right - x, label_h),
            c.muted,
            what="gauge label",
            shrink=shrink,
        )
        value = shown.get(metric.id, metric.start)
        value_y = top + label_h
        value_h = theme.line_height("number", shrink)
        value_text = fmt.value(round(value), metric)
        delta = deltas.get(metric.id, 0.0)
        value_rect = pygame.Rect(rect.x, value_y, rect.w, value_h)
        if delta:
            delta_label = fmt.delta_short(delta, metric)
            font = theme.font("label", shrink)
            delta_w = font.size(delta_label)[0] + theme.px(22)
            value_rect.w = max(1, rect.w - delta_w - theme.px(8))
            color = widgets.delta_color(theme, delta, metric)
            size = max(8, font.get_height() * 5 // 9)
            dx = rect.right - delta_w
            widgets.arrow(surface, (dx + size // 2, value_y + value_h // 2), size, delta, color)
            txt.draw_line(
                surface,
                theme,
                delta_label,
                "label",
                pygame.Rect(dx + size + theme.px(6), value_y, delta_w - size - theme.px(6), value_h),
                color,
                what="gauge delta",
                shrink=shrink,
            )
        txt.draw_line(surface, theme, value_text, "number", value_rect, c.text, what="gauge value", shrink=shrink)
        bar = pygame.Rect(rect.x, value_y + value_h + theme.px(4), rect.w, theme.px(12))
        low, high = gauge_range(metric, value)
        fraction = 0.0 if high <= low else max(0.0, min(1.0, (value - low) / (high - low)))
        pygame.draw.rect(surface, c.panel_alt if not theme.high_contrast else c.bg, bar, border_radius=bar.h // 2)
        if theme.high_contrast:
            pygame.draw.rect(surface, c.border, bar, width=1, border_radius=bar.h // 2)
        fill = pygame.Rect(bar.x, bar.y, max(bar.h, round(bar.w * fraction)), bar.h)
        pygame.draw.rect(surface, c.accent, fill, border_radius=bar.h // 2)


def draw_phase_tracker(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, phase: str) -> None:
    """Situation → cost → limits → power → resolution, with where the player stands."""
    c = theme.colors
    current = PHASES.index(phase) if phase in PHASES else 0
    count = len(PHASES)
    step_w = rect.w // count
    label_h = theme.line_height("label")
    dot = min(theme.px(30), rect.h - label_h - theme.px(2))
    for index, name in enumerate(PHASES):
        cx = rect.x + index * step_w + step_w // 2
        cy = rect.y + dot // 2
        if index < count - 1:
            color = c.accent if index < current else c.border
            pygame.draw.line(
                surface,
                color,
                (cx + dot // 2 + theme.px(4), cy),
                (cx + step_w - dot // 2 - theme.px(4), cy),
                max(2, theme.px(3)),
            )
        if index < current:
            pygame.draw.circle(surface, c.accent, (cx, cy), dot // 2)
            draw.check(surface, (cx, cy), dot * 6 // 10, c.on_accent)
        elif index == current:
            pygame.draw.circle(surface, c.highlight, (cx, cy), dot // 2 + theme.px(3))
            pygame.draw.circle(surface, c.panel, (cx, cy), dot // 2 - theme.px(1))
            pygame.draw.circle(surface, c.highlight, (cx, cy), dot // 4)
        else:
            pygame.draw.circle(surface, c.panel, (cx, cy), dot // 2)
            pygame.draw.circle(
                surface, c.border if not theme.high_contrast else c.muted, (cx, cy), dot // 2, max(2, theme.px(2))
            )
        label = tr(f"phase_short.{name}")
        label_rect = pygame.Rect(
            rect.x + index * step_w + theme.px(2), rect.y + dot + theme.px(2), step_w - theme.px(4), label_h
        )
        role = "label" if index == current else "small"
        color = c.text if index == current else c.muted
        txt.draw_line(surface, theme, label, role, label_rect, color, "center", "phase tracker")


def draw_speaker(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    scenario: Scenario,
    speaker_id: str | None,
    place_id: str | None,
    folder: Path,
) -> None:
    """The speaker card: the place as a picture banner, the portrait, name and role."""
    c = theme.colors
    draw.card(surface, theme, rect)
    place = scenario.place(place_id)
    banner = pygame.Rect(rect.x, rect.y, rect.w, rect.h * 32 // 100)
    picture = assets.background(place.image if place else None, folder, banner.size, c.bg2)
    clip = surface.get_clip()
    surface.set_clip(banner)
    shaped = pygame.Surface(banner.size, pygame.SRCALPHA)
    pygame.draw.rect(
        shaped,
        (255, 255, 255, 255),
        shaped.get_rect(),
        border_top_left_radius=theme.radius,
        border_top_right_radius=theme.radius,
    )
    shaped.blit(picture, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    surface.blit(shaped, banner.topleft)
    surface.set_clip(clip)
    character = scenario.character(speaker_id)
    name = character.name if character else tr("scene.narration")
    role = character.role if character else tr("scene.narration_role")
    where = place.name if place is not None else ""
    pad = theme.pad
    inner_w = rect.w - 2 * pad

    def text_h(shrink: float) -> int:
        height = theme.line_height("h3", shrink) + txt.layout(theme, role, "small", inner_w, shrink).height
        if where:
            height += theme.px(8) + txt.layout(theme, where, "label", inner_w - theme.px(26), shrink).height
        return height

    cap = min(rect.w * 50 // 100, 2 * banner.h - theme.px(12))

    def portrait_size(shrink: float) -> int:
        return min(cap, 2 * (rect.bottom - pad - text_h(shrink) - theme.px(8) - banner.bottom))

    steps = (1.0, 0.9, 0.8, 0.72, 0.66, txt.MIN_SHRINK)
    wanted = min(cap, rect.w * 34 // 100)
    shrink = next((s for s in steps[:3] if portrait_size(s) >= wanted), None) or next(
        (s for s in steps if portrait_size(s) >= theme.px(40)), txt.MIN_SHRINK
    )
    size = max(theme.px(40), portrait_size(shrink))
    path = character.portrait if character else "portraits/narrator.png"
    image = assets.portrait(path, folder, name, size)
    center = (rect.centerx, banner.bottom)
    pygame.draw.circle(surface, c.panel, center, size // 2 + theme.px(5))
    surface.blit(image, image.get_rect(center=center))
    top = center[1] + size // 2 + theme.px(8)
    space = pygame.Rect(rect.x + pad, top, inner_w, max(1, rect.bottom - pad - top))
    needed = text_h(shrink)
    if needed > space.h:
        txt.OVERFLOWS.append(("speaker card", f"{name} / {role} / {where}", space.size))
    y = space.y + max(0, space.h - needed) // 2
    name_h = theme.line_height("h3", shrink)
    txt.draw_line(
        surface, theme, name, "h3", pygame.Rect(space.x, y, inner_w, name_h), c.text, "center", "speaker name", shrink
    )
    y += name_h
    y += txt.draw(surface, txt.layout(theme, role, "small", inner_w, shrink), (space.x, y), c.muted, "center", inner_w)
    if where:
        y += theme.px(8)
        block = txt.layout(theme, where, "label", inner_w - theme.px(26), shrink)
        icon_size = block.font.get_height()
        widest = block.width + icon_size + theme.px(6)
        x = space.x + (inner_w - widest) // 2
        image_icon = assets.icon("target", icon_size, c.highlight)
        if image_icon is not None:
            surface.blit(image_icon, (x, y))
        txt.draw(surface, block, (x + icon_size + theme.px(6), y), c.highlight)
