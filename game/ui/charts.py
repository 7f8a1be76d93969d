"""Debrief charts: every metric over the playthrough, and the assertiveness profile.

Lines differ by marker shape as well as colour, and every line is labelled with its start and end
values; the profile bars carry their style's name and count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Legend:
    """How a line chart's legend is laid out: its lines, in how many columns, at what shrink, and whether that
    is at or above the label floor with a plot of at least ``MIN_PLOT`` beside it."""

    texts: list[str]
    columns: int
    shrink: float
    fits: bool
    #: when more than 0, the legend is one column this wide at the right of the plot instead of under it
    beside: int = 0

    @property
    def rows(self) -> int:
        """How many lines the legend takes."""
        return -(-len(self.texts) // self.columns)

    def height(self, theme: Theme) -> int:
        """The legend's height."""
        return theme.line_height("small", self.shrink) * self.rows


#: The lowest a line chart's plot may be (at 1280×720) for its legend to count as fitting.
MIN_PLOT = 40


def _legend_room(theme: Theme, width: int, columns: int) -> int:
    """The width of a legend line's text in ``columns`` columns across ``width`` (its marker takes the rest)."""
    return (width - theme.gap * (columns - 1)) // columns - theme.px(30)


def plot_height(theme: Theme, height: int, legend: Legend) -> int:
    """The height a chart of ``height`` leaves its plot beside ``legend`` and the turn labels."""
    below = 0 if legend.beside else legend.height(theme)
    return height - below - theme.line_height("small") - theme.px(18)


def legend_beside(theme: Theme, session: Session, width: int, height: int) -> Legend | None:
    """A legend in one column at the right of the plot, its lines short and at the label floor or larger, when
    they fit in at most 55 % of ``width`` and ``height`` and leave the plot at least ``MIN_PLOT`` each way (a
    chart across a whole window, six metrics at a large text size); else None."""
    texts = _legend_texts(series(session), True)
    floor = txt.label_floor(theme)
    for step in (s for s in txt.STEPS if s >= floor):
        font = theme.font("small", step)
        beside = max(txt.width_of(font, t) for t in texts) + theme.px(30) + theme.px(8)
        legend = Legend(texts, 1, step, True, beside)
        plot_w = width - beside - theme.gap
        if (
            beside <= width * 55 // 100
            and legend.height(theme) <= height
            and min(plot_w, plot_height(theme, height, legend)) >= theme.px(MIN_PLOT)
        ):
            return legend
    return None


def legend_for(theme: Theme, session: Session, width: int, height: int, short: bool | None = None) -> Legend:
    """The legend of a ``width`` × ``height`` line chart. One line per metric; when one column would squeeze
    the plot below half of the chart (more than three metrics in a small window), or ``short`` says so, the lines
    get shorter (units are in the gauges) and go in two columns if they fit there. One size for every line, the
    largest at which all of them fit; ``fits`` is False when that is below the label floor or leaves the plot
    lower than ``MIN_PLOT`` (the caller gives the chart more room: ``game.ui.screens.debrief``)."""
    data = series(session)
    if short is None:
        short = len(data) > 3 and height - theme.line_height("small") * len(data) < height // 2
    texts = _legend_texts(data, short)
    floor = txt.label_floor(theme)
    columns = 1
    if (
        short
        and len(texts) > 1
        and all(txt.label_fits(theme, t, "small", _legend_room(theme, width, 2)) for t in texts)
    ):
        columns = 2
    room = _legend_room(theme, width, columns)
    fitting = [s for s in txt.STEPS if all(txt.width_of(theme.font("small", s), t) <= room for t in texts)]
    shrink = fitting[0] if fitting else txt.MIN_SHRINK
    legend = Legend(texts, columns, shrink, shrink >= floor)
    if legend.fits and plot_height(theme, height, legend) < theme.px(MIN_PLOT):
        return Legend(texts, columns, shrink, False)
    return legend


def line_chart(
    surface: pygame.Surface, theme: Theme, rect: pygame.Rect, session: Session, legend: Legend | None = None
) -> None:
    """One line per metric over the turns, with phase bands, a legend with start → end values (and whether that
    is better or worse, by the metric's ``better:``), and markers (``legend``: as ``legend_for`` lays it out for
    ``rect``, by default)."""
    c = theme.colors
    data = series(session)
    legend = legend or legend_for(theme, session, rect.w, rect.h)
    texts, legend_columns, legend_rows = legend.texts, legend.columns, legend.rows
    beside = legend.beside + theme.gap if legend.beside else 0
    plot = pygame.Rect(
        rect.x + theme.px(8), rect.y + theme.px(6), rect.w - theme.px(16) - beside, plot_height(theme, rect.h, legend)
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
    shrink = legend.shrink
    line_h = theme.line_height("small", shrink)
    legend_top = plot.bottom + theme.line_height("small") + theme.px(10)
    left, column_w = rect.x, (rect.w - theme.gap * (legend_columns - 1)) // legend_columns
    if legend.beside:  # at the right of the plot, level with its middle
        left, column_w = rect.right - legend.beside, legend.beside
        legend_top = max(rect.y, plot.centery - legend.height(theme) // 2)
    for kind, text in enumerate(texts):
        column, row = divmod(kind, legend_rows)
        x, y = left + column * (column_w + theme.gap), legend_top + row * line_h
        color = c.series[kind % len(c.series)]
        draw.marker(surface, kind, (x + theme.px(14), y + line_h // 2), theme.px(12), color)
        txt.draw_line(
            surface,
            theme,
            text,
            "small",
            pygame.Rect(x + theme.px(30), y, column_w - theme.px(30), line_h),
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


def _profile_label_width(theme: Theme) -> int:
    """The width the profile's style names need at the label floor."""
    small = theme.font("small", txt.label_floor(theme))
    return max(txt.width_of(small, widgets.style_label(style)) for style in STYLES) + theme.px(8) + 1


def profile_width(theme: Theme) -> int:
    """The narrowest the assertiveness profile can be: its style names at the label floor (taking at most 60 % of
    it, see ``profile_chart``), a short bar and the counts."""
    label_w = _profile_label_width(theme)
    return max(-(-label_w * 100 // 60), label_w + theme.px(60) + theme.px(40))


def profile_chart(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, styles: Mapping[str, int]) -> None:
    """One bar per assertiveness style with its name and how many choices took it (the debrief model's count)."""
    c = theme.colors
    counts = {style: styles.get(style, 0) for style in STYLES}
    most = max(1, max(counts.values()))
    row_h = rect.h // len(STYLES)
    count_w = theme.px(40)
    needed = _profile_label_width(theme)
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
