"""Numbers for the window: the core's formatter in the UI language (``85.000 $/mes`` and ``2,5 %`` in Spanish)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from game.locale import language

if TYPE_CHECKING:  # imported on first use: the title screen's first frame needs no scenario model
    from game.core.model import Metric


def value(number: float, metric: Metric) -> str:
    """A metric value with its unit, e.g. ``85,000 $/month`` (``85.000 $/mes`` in Spanish)."""
    from game.core.format import format_value

    return format_value(number, metric, language())


def delta(change: float, metric: Metric) -> str:
    """A signed change without its arrow, e.g. ``+3,000 $/month`` (the arrow is drawn as a shape)."""
    from game.core.format import format_delta

    return format_delta(change, metric, language(), arrow=False)


def value_short(number: float, metric: Metric) -> str:
    """A value without its unit (except %), where space is short and the unit is shown elsewhere."""
    return value(number, replace(metric, unit="%" if metric.unit.strip() == "%" else ""))


def delta_short(change: float, metric: Metric) -> str:
    """A signed change without arrow or unit (except %), for gauges that show the unit beside it."""
    return delta(change, replace(metric, unit="%" if metric.unit.strip() == "%" else ""))


def percent(number: float) -> str:
    """A percentage (0-100) in the UI language's style: ``60%`` in English, ``60 %`` in Spanish."""
    from game import locale

    return locale.percent(language(), number / 100)
