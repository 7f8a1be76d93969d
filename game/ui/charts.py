"""Debrief charts: every metric over the playthrough, and the assertiveness profile.

Lines differ by marker shape as well as colour, and every line is labelled with its start and end
values; the profile bars carry their style's name and count.
"""

from __future__ import annotations

from collections.abc import Mapping

import pygame

from game import locale
from game.core.model import STYLES, Metric
from game.core.session import Session
from game.locale import tr
from game.locale.palette import PHASE_SHADES
from game.ui import draw, hud, numbers, widgets
from game.ui import text as txt
from game.ui.theme import Theme


def series(session: Session) -> list[tuple[Metric, list[float]]]:
    """Each metric's value at the start and after every choice (the core three first, as the gauges)."""
    from game.core.rules import initial_state

    start = initial_state(session.scenario).metric_dict()
    out = []
    for metric in hud.shown_metrics(session.scenario):
        values = [start[metric.id]] + [o.metrics.get(metric.id, start[metric.id]) for o in session.history]
        out.append((metric, values))
    return out


def _span(metric: Metric, values: list[float]) -> tuple[float, float]:
    """The vertical range of one line: its own values, padded, and never narrower than a fifth of its gauge
    (so a small change looks small)."""
    low, high = min(values), max(values)
    gauge_low, gauge_high = hud.gauge_range(metric, high)
    span = max(high - low, (gauge_high - gauge_low) / 5, 1e-9)
    middle = (low + high) / 2
    return middle - span * 0.6, middle + span * 0.6


def line_chart(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, session: Session) -> None:
    """One line per metric over the turns, with phase bands, a legend with start → end values (and whether that
    is better or worse, by the metric's ``better:``), and markers."""
    c = theme.colors
    data = series(session)
    # the legend takes one line per metric; when one column would squeeze the plot below half of the chart
    # (more than three metrics in a small window) its lines get shorter (units are in the gauges), and go in
    # two columns if they fit there at a readable size
    short = len(data) > 3 and rect.h - theme.line_height("small") * len(data) < rect.h // 2
    texts = _legend_texts(data, short)
    legend_columns = 1
    half = (rect.w - theme.gap) // 2 - theme.px(30)
    if short and all(theme.font("small", txt.READABLE).size(text)[0] <= half for text in texts):
        # two columns when the lines fit there at the label floor, or when one column would leave the plot
        # less than a third of the chart (then the legend is smaller: six metrics in a small window)
        one_column_plot = rect.h - theme.line_height("small") * (len(data) + 1) - theme.px(24)
        fits_half = all(txt.label_fits(theme, text, "small", half) for text in texts)
        legend_columns = 2 if fits_half or one_column_plot < rect.h // 3 else 1
    legend_rows = -(-len(data) // legend_columns)
    legend_h = theme.line_height("small") * legend_rows
    plot = pygame.Rect(
        rect.x + theme.px(8),
        rect.y + theme.px(6),
        rect.w - theme.px(16),
        rect.h - legend_h - theme.line_height("small") - theme.px(18),
    )
    if plot.h < theme.px(40) or not data:
        return
    turns = len(data[0][1])
    step = plot.w / max(1, turns - 1)
    # phase bands: which decision point each choice belonged to
    for index, outcome in enumerate(session.history):
        scene = session.scenario.scene(outcome.scene_id)
        if scene is None or scene.phase not in PHASE_SHADES:
            continue
        band = pygame.Rect(round(plot.x + index * step), plot.y, max(1, round(step)), plot.h)
        shade = PHASE_SHADES[scene.phase]
        pygame.draw.rect(surface, draw.mix(c.panel, c.accent, shade), band)
    for i in range(5):
        y = plot.y + plot.h * i // 4
        pygame.draw.line(surface, c.border, (plot.x, y), (plot.right, y), 1)
    label_h = theme.line_height("small")
    font = theme.font("small")
    widest = max(font.size(tr("debrief.start"))[0], font.size(str(turns))[0]) + theme.px(12)
    every = max(1, -(-widest // max(1, int(step))))
    shown = [i for i in range(turns) if i % every == 0]
    if shown[-1] != turns - 1:
        shown[-1] = turns - 1  # the last point is always labelled (and replaces its neighbour)
    for index in shown:
        x = round(plot.x + index * step)
        label = tr("debrief.start") if index == 0 else str(index)
        surf = txt.render(font, label, c.muted)
        left = max(plot.x, min(x - surf.get_width() // 2, plot.right - surf.get_width()))
        if index == 0:
            left = plot.x
        surface.blit(surf, (left, plot.bottom + theme.px(4)))
    for kind, (metric, values) in enumerate(data):
        color = c.series[kind % len(c.series)]
        low, high = _span(metric, values)
        points = []
        for index, value in enumerate(values):
            frac = 0.0 if high <= low else (value - low) / (high - low)
            points.append((round(plot.x + index * step), round(plot.bottom - max(0.0, min(1.0, frac)) * plot.h)))
        if len(points) > 1:
            pygame.draw.lines(surface, color, False, points, max(2, theme.px(3)))
        for point in points:
            draw.marker(surface, kind, point, theme.px(11), color)
    legend_top = plot.bottom + label_h + theme.px(10)
    column_w = (rect.w - theme.gap * (legend_columns - 1)) // legend_columns
    room = column_w - theme.px(30)
    font_of = theme.font
    shrink = next(  # one size for every line of the legend: the largest at which all of them fit
        (s for s in txt.STEPS if all(font_of("small", s).size(text)[0] <= room for text in texts)), txt.MIN_SHRINK
    )
    for kind, text in enumerate(texts):
        column, row = divmod(kind, legend_rows)
        x, y = rect.x + column * (column_w + theme.gap), legend_top + row * label_h
        color = c.series[kind % len(c.series)]
        draw.marker(surface, kind, (x + theme.px(14), y + label_h // 2), theme.px(12), color)
        txt.draw_line(
            surface,
            theme,
            text,
            "small",
            pygame.Rect(x + theme.px(30), y, column_w - theme.px(30), label_h),
            c.text,
            what="chart legend",
            shrink=shrink,
        )


def _legend_texts(data: list[tuple[Metric, list[float]]], short: bool) -> list[str]:
    """Each line's legend: its label, start and end values, and whether the change is better or worse."""
    key = "debrief.legend_short" if short else "debrief.legend"
    shown = numbers.value_short if short else numbers.value
    return [
        locale.judged_change(
            locale.language(),
            tr(key, label=metric.label, start=shown(values[0], metric), end=shown(values[-1], metric)),
            metric,
            values[-1] - values[0],
        )
        for metric, values in data
    ]


def profile_chart(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, styles: Mapping[str, int]) -> None:
    """One bar per assertiveness style with its name and how many choices took it (the debrief model's count)."""
    c = theme.colors
    counts = {style: styles.get(style, 0) for style in STYLES}
    most = max(1, max(counts.values()))
    row_h = rect.h // len(STYLES)
    count_w = theme.px(40)
    small = theme.font("small", txt.label_floor(theme))
    needed = max(txt.width_of(small, widgets.style_label(style)) for style in STYLES) + theme.px(8) + 1
    label_w = max(rect.w * 42 // 100, min(needed, rect.w * 60 // 100))  # the names at the label floor at least
    for index, style in enumerate(STYLES):
        y = rect.y + index * row_h
        line = theme.line_height("small")
        label_rect = pygame.Rect(rect.x, y + (row_h - line) // 2, label_w - theme.px(8), line)
        txt.draw_line(surface, theme, widgets.style_label(style), "small", label_rect, c.text, what="profile label")
        bar_h = max(theme.px(10), min(row_h * 55 // 100, theme.px(30)))
        bar = pygame.Rect(rect.x + label_w, y + (row_h - bar_h) // 2, rect.w - label_w - count_w, bar_h)
        pygame.draw.rect(surface, c.panel_alt, bar, border_radius=theme.px(6))
        width = round(bar.w * counts[style] / most)
        if width:
            pygame.draw.rect(
                surface, theme.style_color(style), pygame.Rect(bar.x, bar.y, width, bar.h), border_radius=theme.px(6)
            )
        count = txt.render(theme.font("number"), str(counts[style]), c.text)
        surface.blit(count, (bar.right + theme.px(10), bar.centery - count.get_height() // 2))
