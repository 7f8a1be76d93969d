"""Small inline SVG charts for the HTML report: bars, stacked bars and line charts, drawn from plain numbers.

Every chart carries its numbers as text as well as shapes (meaning never rides on colour alone), has a
``<title>`` for screen readers, and scales with the page (``viewBox`` + ``width=100%``).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from game.core.format import format_number, with_unit
from game.locale import percent

FONT = 'font-family="inherit"'


def _num(value: float, language: str) -> str:
    """At most one decimal, none when it would be zero."""
    rounded = round(value, 1)
    return format_number(rounded, language, 0 if rounded.is_integer() else 1)


def bar(
    share: float,
    label: str,
    colour: str,
    width: int = 260,
    height: int = 22,
    pattern: bool = False,
    title: str | None = None,
) -> str:
    """One horizontal bar (``share`` in 0..1) with its label written beside it (``title`` for screen readers,
    the label when not given)."""
    inner = max(0.0, min(1.0, share)) * (width - 70)
    fill = "url(#hatch)" if pattern else colour
    return (
        f'<svg class="bar" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">'
        f"<title>{escape(title or label)}</title>"
        f'<rect x="0" y="3" width="{width - 70}" height="{height - 6}" rx="4" fill="#eef0f3"/>'
        f'<rect x="0" y="3" width="{inner:.1f}" height="{height - 6}" rx="4" fill="{fill}" stroke="{colour}"/>'
        f'<text x="{width - 64}" y="{height / 2 + 5:.1f}" font-size="13" fill="#26313d" {FONT}>{escape(label)}</text>'
        "</svg>"
    )


def hbars(rows: Sequence[tuple[str, float, str, str]], width: int = 560, row_h: int = 30, label_w: int = 190) -> str:
    """Labelled horizontal bars: rows of (label, value, value text, colour), scaled to the largest value."""
    top = max((r[1] for r in rows), default=0.0) or 1.0
    height = row_h * len(rows) + 8
    bar_w = width - label_w - 90
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'style="max-width:{width}px"><title>{escape(", ".join(f"{r[0]}: {r[2]}" for r in rows))}</title>'
    ]
    for i, (label, value, text, colour) in enumerate(rows):
        y = 4 + i * row_h
        w = max(0.0, value) / top * bar_w
        limit = max(12, int(label_w / 7.5))  # about 7 px a character at 13 px
        short = label if len(label) <= limit else label[: limit - 1] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + row_h / 2 + 4:.1f}" text-anchor="end" font-size="13" fill="#26313d" '
            f"{FONT}>{escape(short)}</text>"
            f'<rect x="{label_w}" y="{y + 5}" width="{bar_w}" height="{row_h - 10}" rx="4" fill="#eef0f3"/>'
            f'<rect x="{label_w}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" rx="4" fill="{colour}"/>'
            f'<text x="{label_w + bar_w + 8}" y="{y + row_h / 2 + 4:.1f}" font-size="13" font-weight="600" '
            f'fill="#26313d" {FONT}>{escape(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _share(share: float, language: str) -> str:
    """A share of 0..1 as a whole percentage: ``45%`` (``45 %`` in Spanish)."""
    return percent(language, share)


def stacked(parts: Sequence[tuple[str, float, str]], width: int = 420, height: int = 26, language: str = "en") -> str:
    """One bar split into shares (label, share 0..1, colour); shares of 8% or more are labelled inside."""
    total = sum(max(0.0, p[1]) for p in parts) or 1.0
    out = [
        f'<svg class="stack" viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" role="img">'
        f"<title>{escape(', '.join(f'{p[0]} {_share(p[1] / total, language)}' for p in parts))}</title>"
    ]
    x = 0.0
    for _label, value, colour in parts:
        w = max(0.0, value) / total * width
        if w <= 0:
            continue
        out.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{colour}"/>')
        if value / total >= 0.08:
            out.append(
                f'<text x="{x + w / 2:.1f}" y="{height / 2 + 4.5:.1f}" text-anchor="middle" font-size="12" '
                f'font-weight="700" fill="#fff" {FONT}>{_share(value / total, language)}</text>'
            )
        x += w
    out.append("</svg>")
    return "".join(out)


def line_chart(
    title: str,
    average: Sequence[tuple[int, float]],
    others: Sequence[Sequence[tuple[int, float]]] = (),
    colour: str = "#2f6f8f",
    unit: str = "",
    width: int = 360,
    height: int = 200,
    turn_word: str = "turn",
    language: str = "en",
) -> str:
    """A line chart of the average over turns (bold, with points and its last value), individual runs faint.

    Axis labels and the last value are written with ``language``'s separators (``5,5k``, ``72 %`` in Spanish).
    """
    points = list(average) + [p for run in others for p in run]
    if not points:
        return ""
    left, right, top_pad, bottom = 52, 16, 30, 34
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x_max = max(max(xs), 1)
    y_lo, y_hi = min(ys), max(ys)
    if y_hi - y_lo < 1e-9:
        y_lo, y_hi = y_lo - 1, y_hi + 1
    pad = (y_hi - y_lo) * 0.08
    y_lo, y_hi = y_lo - pad, y_hi + pad
    plot_w, plot_h = width - left - right, height - top_pad - bottom

    def px(t: float) -> float:
        return left + t / x_max * plot_w

    def py(v: float) -> float:
        return top_pad + (1 - (v - y_lo) / (y_hi - y_lo)) * plot_h

    out = [
        f'<svg class="chart line" viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" '
        f'role="img"><title>{escape(title)}</title>',
        f'<text x="{left}" y="18" font-size="14" font-weight="700" fill="#26313d" {FONT}>{escape(title)}</text>',
    ]
    for i in range(5):
        value = y_lo + (y_hi - y_lo) * i / 4
        y = py(value)
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e6ea"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#5b6672" '
            f"{FONT}>{_tick(value, (y_hi - y_lo) / 4, language)}</text>"
        )
    step = max(1, round(x_max / 8))
    for t in range(0, x_max + 1, step):
        out.append(
            f'<text x="{px(t):.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="11" '
            f'fill="#5b6672" {FONT}>{t}</text>'
        )
    out.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle" font-size="11" '
        f'fill="#5b6672" {FONT}>{escape(turn_word)}</text>'
    )
    for run in others:
        if len(run) > 1:
            path = " ".join(f"{px(t):.1f},{py(v):.1f}" for t, v in run)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-opacity="0.16" stroke-width="1.5"/>'
            )
    if average:
        path = " ".join(f"{px(t):.1f},{py(v):.1f}" for t, v in average)
        out.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3" stroke-linejoin="round"/>'
        )
        for t, v in average:
            out.append(
                f'<circle cx="{px(t):.1f}" cy="{py(v):.1f}" r="3.2" fill="#fff" stroke="{colour}" stroke-width="2"/>'
            )
        t, v = average[-1]
        anchor = "end" if px(t) > width - 60 else "start"
        dx = -6 if anchor == "end" else 6
        out.append(
            f'<text x="{px(t) + dx:.1f}" y="{py(v) - 8:.1f}" text-anchor="{anchor}" font-size="12" '
            f'font-weight="700" fill="{colour}" {FONT}>{escape(with_unit(_short(v, language), unit, language))}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _tick(value: float, step: float, language: str = "en") -> str:
    """An axis label with just enough digits to tell neighbouring ticks apart."""
    if abs(value) >= 1000 and step >= 100:
        digits = 0 if step >= 1000 else 1
        return f"{format_number(value / 1000, language, digits)}k"
    digits = 0 if step >= 1 else 1 if step >= 0.1 else 2
    return format_number(value, language, digits)


def _short(value: float, language: str = "en") -> str:
    if abs(value) >= 10_000:
        return f"{format_number(value / 1000, language, 0)}k"
    if abs(value) >= 1000:
        return f"{format_number(value / 1000, language, 1)}k"
    return _num(value, language)


HATCH_DEFS = (
    '<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
    '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="6" height="6" fill="#9fb3c8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#5d7590" stroke-width="3"/>'
    "</pattern></defs></svg>"
)
