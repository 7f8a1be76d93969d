"""Formatting numbers and deltas for people: signs and words, never colour alone."""

from __future__ import annotations

from game.core.model import Metric


def format_value(value: float, metric: Metric) -> str:
    """A metric value with thousands separators and its unit, e.g. ``85,000 $/month`` or ``72 %``."""
    number = f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.1f}"
    unit = metric.unit
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def format_delta(delta: float, metric: Metric) -> str:
    """A signed change with an arrow, e.g. ``▲ +3,000 $/month`` or ``▼ −12 %``."""
    arrow = "▲" if delta > 0 else "▼" if delta < 0 else "="
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    return f"{arrow} {sign}{format_value(abs(delta), metric)}"
