"""Scene furniture: the phase tracker, the metric gauges and the speaker card.

Gauges show a value with its unit, a bar, and after a choice the change with an arrow and a sign
(▲ +3,000 $/month), so the meaning never rides on colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import pygame

from game.core.model import CORE_METRICS, PHASES, Metric, Scenario
from game.locale import tr
from game.ui import assets, draw, numbers, widgets
from game.ui import text as txt
from game.ui.theme import Theme


def gauge_range(metric: Metric, value: float) -> tuple[float, float]:
    """The span a gauge's bar covers: the metric's bounds, or 1.5× its start when it has no maximum."""
    low = metric.minimum if metric.minimum is not None else 0.0
    if metric.maximum is not None:
        return low, metric.maximum
    high = metric.start * 1.5 if metric.start > 0 else 100.0
    return low, max(high, value * 1.1)


#: The most gauges a layout is made for (the three core metrics and three of the author's own).
MAX_GAUGES = 6


def core_metrics(scenario: Scenario) -> list[Metric]:
    """Revenue, staff morale and reputation, in that order."""
    return [m for m in (scenario.metric(i) for i in CORE_METRICS) if m is not None]


def shown_metrics(scenario: Scenario) -> list[Metric]:
    """Every metric the scenario declares, as gauges, the ending and the debrief chart show them: the core
    three first, then the author's own in file order (layouts are made for up to ``MAX_GAUGES``)."""
    core = core_metrics(scenario)
    return core + [m for m in scenario.metrics if m not in core]


#: How a gauge is drawn: "full" (label; value and change; bar), "compact" (label and change; value with the bar
#: beside it) or "slim" (label, change and value on one line, a thin bar under it; the label on a line of its own
#: when the three don't fit one): each takes less height than the one before.
GaugeStyle = Literal["full", "compact", "slim"]


def gauge_heights(theme: Theme, shrink: float, compact: bool = False) -> int:
    """The height of one gauge; a compact gauge has its bar beside the value and its change by the label."""
    if compact:
        return theme.line_height("small", shrink) + theme.line_height("label", shrink) + theme.px(4)
    return theme.line_height("small", shrink) + theme.line_height("number", shrink) + theme.px(12) + theme.px(8)


def _slim_line(theme: Theme, shrink: float) -> int:
    """The height of a slim gauge's line of text."""
    return max(theme.line_height("small", shrink), theme.line_height("label", shrink))


def _slim_bar(theme: Theme) -> int:
    """The height of a slim gauge's thin bar."""
    return max(3, theme.px(6))


def slim_height(theme: Theme, shrink: float, label_lines: int = 0) -> int:
    """The height of one slim gauge: its line, the ``label_lines`` of a label above it that did not fit beside
    the value (see ``slim_label_lines``), and its thin bar."""
    return _slim_line(theme, shrink) * (1 + label_lines) + theme.px(2) + _slim_bar(theme)


def _slim_end(theme: Theme, metric: Metric, values: Sequence[float], delta: float, shrink: float) -> int:
    """The width a slim gauge's change and value take at the end of its line, for the widest of ``values`` (so
    the layout holds while the value eases from one to the other)."""
    label = theme.font("label", shrink)
    width = max(txt.width_of(label, numbers.value(round(v), metric)) for v in values)
    if delta:
        small = theme.font("small", shrink)
        size = max(7, small.get_height() * 5 // 9)
        width += txt.width_of(small, numbers.delta_short(delta, metric)) + size + theme.px(6) + theme.px(12)
    return width


def slim_label_lines(
    theme: Theme, metric: Metric, values: Sequence[float], delta: float, width: int, shrink: float
) -> int:
    """0 when a slim gauge's label fits beside its change and value on one line of ``width``; else how many
    lines the label takes above them (wrapped when it is wider than the whole line, never shrunk)."""
    room = width - _slim_end(theme, metric, values, delta, shrink) - theme.px(12)
    if txt.width_of(theme.font("small", shrink), metric.label) <= room:
        return 0
    return max(1, len(txt.layout(theme, metric.label, "small", width, shrink).lines))


def _settled(metric: Metric, shown: Mapping[str, float], settled: Sequence[Mapping[str, float]]) -> list[float]:
    """The values a gauge is laid out for: those it eases between (``settled``), else the one it shows."""
    return [v.get(metric.id, metric.start) for v in settled] or [shown.get(metric.id, metric.start)]


def gauges_height(
    theme: Theme,
    metrics: list[Metric],
    style: GaugeStyle,
    shrink: float,
    width: int,
    columns: int = 1,
    values: Sequence[Mapping[str, float]] = (),
    deltas: Mapping[str, float] | None = None,
) -> int:
    """The least height ``draw_gauges`` needs for ``metrics`` in ``style`` at ``shrink`` (``values``: the values
    the gauges show or ease between; ``deltas``: the changes shown)."""
    if not metrics:
        return 0
    columns = max(1, min(columns, len(metrics)))
    rows = -(-len(metrics) // columns)
    if style != "slim":
        return rows * gauge_heights(theme, shrink, style == "compact")
    cell_w = (width - theme.gap * (columns - 1)) // columns
    heights = [
        slim_height(
            theme,
            shrink,
            slim_label_lines(theme, m, _settled(m, {}, values), (deltas or {}).get(m.id, 0.0), cell_w, shrink),
        )
        for m in metrics
    ]
    return sum(max(heights[r * columns : (r + 1) * columns]) for r in range(rows)) + theme.px(6) * (rows - 1)


def gauge_width(theme: Theme, metrics: list[Metric], values: dict[str, float], shrink: float) -> int:
    """The narrowest a gauge can be at ``shrink`` and still show its value beside a change of the same size."""
    number, label = theme.font("number", shrink), theme.font("label", shrink)
    widest = 0
    for metric in metrics:
        value = values.get(metric.id, metric.start)
        shown = number.size(numbers.value(round(value), metric))[0]
        change = label.size(numbers.delta_short(max(abs(value), 10.0), metric))[0]
        widest = max(widest, shown + change + theme.px(36))
    return widest


def gauge_columns(theme: Theme, metrics: list[Metric], values: dict[str, float], width: int) -> int:
    """Gauges side by side in two columns when there are more than three and two fit the width at a readable
    size; otherwise one column."""
    if len(metrics) <= 3:
        return 1
    return 2 if (width - theme.gap) // 2 >= gauge_width(theme, metrics, values, 0.82) else 1


def draw_gauges(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    metrics: list[Metric],
    shown: dict[str, float],
    deltas: dict[str, float],
    shrink: float,
    columns: int = 1,
    compact: bool = False,
    style: GaugeStyle | None = None,
    settled: Sequence[Mapping[str, float]] = (),
) -> None:
    """Gauges in ``rect``, row by row in ``columns`` columns: icon and label, value with unit and change, bar
    (``compact``: the change beside the label and the bar beside the value, for more than three rows; ``style``
    "slim": one line and a thin bar each, stacked with the room left spread between them). ``settled``: the
    values ``shown`` eases between, so a slim gauge's lines hold while it moves."""
    if not metrics:
        return
    style = style or ("compact" if compact else "full")
    columns = max(1, min(columns, len(metrics)))
    rows = -(-len(metrics) // columns)
    cell_w = (rect.w - theme.gap * (columns - 1)) // columns
    if style == "slim":
        _slim_gauges(surface, theme, rect, metrics, shown, deltas, shrink, columns, settled)
        return
    slot = rect.h // rows
    one = gauge_heights(theme, shrink, style == "compact")
    for index, metric in enumerate(metrics):
        row, column = divmod(index, columns)
        top = rect.y + row * slot + max(0, (slot - one) // 2)
        cell = pygame.Rect(rect.x + column * (cell_w + theme.gap), top, cell_w, one)
        if style == "compact":
            _compact_gauge(surface, theme, cell, metric, shown.get(metric.id, metric.start), deltas, shrink)
        else:
            _gauge(surface, theme, cell, metric, shown, deltas, shrink)


def _slim_gauges(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    metrics: list[Metric],
    shown: dict[str, float],
    deltas: dict[str, float],
    shrink: float,
    columns: int,
    settled: Sequence[Mapping[str, float]],
) -> None:
    """Slim gauges stacked in ``rect``, a row's height its tallest gauge's, the room left spread between rows."""
    rows = -(-len(metrics) // columns)
    cell_w = (rect.w - theme.gap * (columns - 1)) // columns
    lines = [
        slim_label_lines(theme, m, _settled(m, shown, settled), deltas.get(m.id, 0.0), cell_w, shrink) for m in metrics
    ]
    heights = [
        max(slim_height(theme, shrink, split) for split in lines[r * columns : (r + 1) * columns]) for r in range(rows)
    ]
    spare = max(0, rect.h - sum(heights))
    gap = spare // rows
    y = rect.y + (spare - gap * (rows - 1)) // 2 if rows > 1 else rect.y + spare // 2
    for row in range(rows):
        for column in range(columns):
            index = row * columns + column
            if index >= len(metrics):
                break
            metric = metrics[index]
            cell = pygame.Rect(rect.x + column * (cell_w + theme.gap), y, cell_w, heights[row])
            _slim_gauge(surface, theme, cell, metric, shown.get(metric.id, metric.start), deltas, shrink, lines[index])
        y += heights[row] + gap


def _slim_gauge(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    metric: Metric,
    value: float,
    deltas: dict[str, float],
    shrink: float,
    label_lines: int,
) -> None:
    """The label at the left of the line, the value at its right with the change before it (an arrow and a
    sign), a thin bar under the line; when the label does not fit there, it has the ``label_lines`` above."""
    c = theme.colors
    line_h = _slim_line(theme, shrink)
    label_y = rect.y
    y = rect.y + line_h * label_lines
    value_text = numbers.value(round(value), metric)
    value_w = txt.width_of(theme.font("label", shrink), value_text)
    right = rect.right
    txt.draw_line(
        surface,
        theme,
        value_text,
        "label",
        pygame.Rect(right - value_w, y, value_w, line_h),
        c.text,
        "right",
        what="gauge value",
        shrink=shrink,
    )
    right -= value_w + theme.px(12)
    delta = deltas.get(metric.id, 0.0)
    if delta:
        font = theme.font("small", shrink)
        delta_label = numbers.delta_short(delta, metric)
        size = max(7, font.get_height() * 5 // 9)
        text_w = txt.width_of(font, delta_label)
        color = widgets.delta_color(theme, delta, metric)
        left = right - text_w - size - theme.px(6)
        widgets.arrow(surface, (left + size // 2, y + line_h // 2), size, delta, color)
        txt.draw_line(
            surface,
            theme,
            delta_label,
            "small",
            pygame.Rect(right - text_w, y, text_w, line_h),
            color,
            what="gauge delta",
            shrink=shrink,
        )
        right = left - theme.px(12)
    if label_lines:  # on the lines above, wrapped when it is wider than the gauge
        block = txt.layout(theme, metric.label, "small", rect.w, shrink)
        block.what = "gauge label"
        txt.draw(surface, block, (rect.x, label_y + (line_h - block.line_h) // 2), c.muted)
    else:
        txt.draw_line(
            surface,
            theme,
            metric.label,
            "small",
            pygame.Rect(rect.x, label_y, max(1, right - rect.x), line_h),
            c.muted,
            what="gauge label",
            shrink=shrink,
        )
    bar = pygame.Rect(rect.x, y + line_h + theme.px(2), rect.w, _slim_bar(theme))
    _bar(theme, surface, bar, metric, value)


def _compact_gauge(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    metric: Metric,
    value: float,
    deltas: dict[str, float],
    shrink: float,
) -> None:
    """Label with the change at its right; below, the value with the bar filling the rest of the line. When the
    label and the change don't fit one line at the label floor, the change goes to the end of the value's line."""
    c = theme.colors
    label_h = theme.line_height("small", shrink)
    label_w = rect.w
    delta = deltas.get(metric.id, 0.0)
    value_h = theme.line_height("label", shrink)
    end = rect.right  # where the bar ends
    if delta:
        font = theme.font("small", shrink)
        delta_label = numbers.delta_short(delta, metric)
        size = max(7, font.get_height() * 5 // 9)
        delta_w = font.size(delta_label)[0] + size + theme.px(6)
        label_w = max(1, rect.w - delta_w - theme.px(8))
        beside = txt.label_fits(theme, metric.label, "small", label_w)
        if not beside:
            label_w = rect.w
            end = rect.right - delta_w - theme.px(8)
        color = widgets.delta_color(theme, delta, metric)
        dx = rect.right - delta_w
        dy, dh = (rect.y, label_h) if beside else (rect.y + label_h, value_h)
        widgets.arrow(surface, (dx + size // 2, dy + dh // 2), size, delta, color)
        txt.draw_line(
            surface,
            theme,
            delta_label,
            "small",
            pygame.Rect(dx + size + theme.px(6), dy, delta_w - size - theme.px(6), dh),
            color,
            what="gauge delta",
            shrink=shrink,
        )
    txt.draw_line(
        surface,
        theme,
        metric.label,
        "small",
        pygame.Rect(rect.x, rect.y, label_w, label_h),
        c.muted,
        what="gauge label",
        shrink=shrink,
    )
    value_text = numbers.value(round(value), metric)
    value_w = min(end - rect.x, theme.font("label", shrink).size(value_text)[0])
    y = rect.y + label_h
    txt.draw_line(
        surface,
        theme,
        value_text,
        "label",
        pygame.Rect(rect.x, y, value_w, value_h),
        c.text,
        what="gauge value",
        shrink=shrink,
    )
    bar_x = rect.x + value_w + theme.px(10)
    if end - bar_x >= theme.px(24):
        bar_h = theme.px(10)
        _bar(theme, surface, pygame.Rect(bar_x, y + (value_h - bar_h) // 2, end - bar_x, bar_h), metric, value)


def _bar(theme: Theme, surface: pygame.Surface, bar: pygame.Rect, metric: Metric, value: float) -> None:
    """A gauge's bar: how far ``value`` is along the metric's range."""
    c = theme.colors
    low, high = gauge_range(metric, value)
    fraction = 0.0 if high <= low else max(0.0, min(1.0, (value - low) / (high - low)))
    pygame.draw.rect(surface, c.panel_alt if not theme.high_contrast else c.bg, bar, border_radius=bar.h // 2)
    if theme.high_contrast:
        pygame.draw.rect(surface, c.border, bar, width=1, border_radius=bar.h // 2)
    fill = pygame.Rect(bar.x, bar.y, max(bar.h, round(bar.w * fraction)), bar.h)
    pygame.draw.rect(surface, c.accent, fill, border_radius=bar.h // 2)


def _gauge(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    metric: Metric,
    shown: dict[str, float],
    deltas: dict[str, float],
    shrink: float,
) -> None:
    """One gauge in ``rect``: icon and label, value with unit and change (coloured by ``better:``), bar."""
    c = theme.colors
    top = rect.y
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
    value_text = numbers.value(round(value), metric)
    delta = deltas.get(metric.id, 0.0)
    value_rect = pygame.Rect(rect.x, value_y, rect.w, value_h)
    if delta:
        delta_label = numbers.delta_short(delta, metric)
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
    _bar(theme, surface, pygame.Rect(rect.x, value_y + value_h + theme.px(4), rect.w, theme.px(12)), metric, value)


def tracker_steps(theme: Theme, rect: pygame.Rect, labels: list[str]) -> list[pygame.Rect]:
    """The phase tracker's steps across ``rect``: equal when every label fits its share at the label floor,
    else each as wide as its label needs plus an equal share of what is left (long words such as "Desenlace"
    take the room short ones leave). A label needs the same whether it is the current phase or not."""
    count = len(labels)
    floor = txt.label_floor(theme)
    fonts = (theme.font("label", floor), theme.font("small", floor))
    needs = [max(txt.width_of(font, label) for font in fonts) + theme.px(4) for label in labels]
    equal = rect.w // count
    if all(need <= equal for need in needs) or sum(needs) > rect.w:
        widths = [equal] * count
    else:
        spare = (rect.w - sum(needs)) // count
        widths = [need + spare for need in needs]
    steps, x = [], rect.x
    for width in widths:
        steps.append(pygame.Rect(x, rect.y, width, rect.h))
        x += width
    return steps


def draw_phase_tracker(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, phase: str) -> None:
    """Situation → cost → limits → power → resolution, with where the player stands."""
    c = theme.colors
    current = PHASES.index(phase) if phase in PHASES else 0
    count = len(PHASES)
    label_h = theme.line_height("label")
    dot = min(theme.px(30), rect.h - label_h - theme.px(2))
    labels = [tr(f"phase_short.{name}") for name in PHASES]
    steps = tracker_steps(theme, rect, labels)
    centers = [step.centerx for step in steps]
    for index, step in enumerate(steps):
        cx = centers[index]
        cy = rect.y + dot // 2
        if index < count - 1:
            color = c.accent if index < current else c.border
            pygame.draw.line(
                surface,
                color,
                (cx + dot // 2 + theme.px(4), cy),
                (centers[index + 1] - dot // 2 - theme.px(4), cy),
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
        label = labels[index]
        label_rect = pygame.Rect(step.x + theme.px(2), rect.y + dot + theme.px(2), step.w - theme.px(4), label_h)
        role = "label" if index == current else "small"
        color = c.text if index == current else c.muted
        txt.draw_line(surface, theme, label, role, label_rect, color, "center", "phase tracker")


def speaker_min_height(
    theme: Theme, scenario: Scenario, speaker_id: str | None, place_id: str | None, width: int
) -> int:
    """The least height the speaker card needs for its name, role and place at the label floor, with a small
    portrait under a thin strip of its picture banner (the banner gives way first)."""
    character = scenario.character(speaker_id)
    place = scenario.place(place_id)
    role = character.role if character else tr("scene.narration_role")
    inner_w = width - 2 * theme.pad
    shrink = txt.label_floor(theme)
    text_h = theme.line_height("h3", shrink) + txt.layout(theme, role, "small", inner_w, shrink).height
    if place is not None:
        text_h += theme.px(8) + txt.layout(theme, place.name, "label", inner_w - theme.px(26), shrink).height
    return _least_banner(theme) + _below_banner(theme, theme.px(40), text_h) + 1


_BANNER_SHARE = 32  # percent of the speaker card's height taken by the place's picture, when there is room


def _least_banner(theme: Theme) -> int:
    """The thinnest the picture banner gets: enough for the upper half of the smallest portrait."""
    return theme.px(40) // 2 + theme.px(6)


def _below_banner(theme: Theme, portrait: int, text_h: int) -> int:
    """The height below the banner: the lower half of the portrait, the texts and the padding."""
    return portrait // 2 + theme.px(8) + text_h + theme.pad + theme.px(4)


def draw_speaker(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    scenario: Scenario,
    speaker_id: str | None,
    place_id: str | None,
    folder: Path,
    face: tuple[str, str | None, float] = ("neutral", None, 1.0),
) -> None:
    """The speaker card: the place as a picture banner, the portrait, name and role.

    ``face`` is (mood shown, mood fading out or None, how far the fade has gone 0-1): the portrait in that
    mood, cross-faded from the one before (``game.ui.face``)."""
    c = theme.colors
    draw.card(surface, theme, rect)
    place = scenario.place(place_id)
    character = scenario.character(speaker_id)
    name = character.name if character else tr("scene.narration")
    role = character.role if character else tr("scene.narration_role")
    where = place.name if place is not None else ""
    pad = theme.pad
    inner_w = rect.w - 2 * pad
    floor = txt.label_floor(theme)

    def text_h(shrink: float) -> int:
        height = theme.line_height("h3", shrink) + txt.layout(theme, role, "small", inner_w, shrink).height
        if where:
            height += theme.px(8) + txt.layout(theme, where, "label", inner_w - theme.px(26), shrink).height
        return height

    # the banner takes its share, less when the texts at the floor and the smallest portrait need the room
    banner_h = min(rect.h * _BANNER_SHARE // 100, rect.h - _below_banner(theme, theme.px(40), text_h(floor)))
    banner = pygame.Rect(rect.x, rect.y, rect.w, max(_least_banner(theme), banner_h))
    picture = assets.background(place.image if place else None, folder, banner.size, c.bg2)
    surface.blit(draw.top_rounded(picture, theme.radius), banner.topleft)
    cap = max(theme.px(40), min(rect.w * 50 // 100, 2 * banner.h - theme.px(12)))

    def portrait_size(shrink: float) -> int:
        return min(cap, 2 * (rect.bottom - pad - text_h(shrink) - theme.px(8) - banner.bottom))

    steps = [s for s in txt.STEPS if s >= floor] or [1.0]  # the name, role and place never below the floor
    wanted = min(cap, rect.w * 34 // 100)
    shrink = next((s for s in steps[:3] if portrait_size(s) >= wanted), None) or next(
        (s for s in steps if portrait_size(s) >= theme.px(40)), steps[-1]
    )
    size = max(theme.px(40), portrait_size(shrink))
    path = character.portrait if character else "portraits/narrator.png"
    mood, fading, progress = face
    image = assets.portrait(assets.mood_portrait(path, mood, folder), folder, name, size)
    center = (rect.centerx, banner.bottom)
    pygame.draw.circle(surface, c.panel, center, size // 2 + theme.px(5))
    surface.blit(image, image.get_rect(center=center))
    if fading is not None and progress < 1.0:
        before = assets.portrait(assets.mood_portrait(path, fading, folder), folder, name, size).copy()
        before.fill((255, 255, 255, round(255 * (1.0 - progress))), special_flags=pygame.BLEND_RGBA_MULT)
        surface.blit(before, before.get_rect(center=center))
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
