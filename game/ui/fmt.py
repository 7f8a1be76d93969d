"""Numbers for the window: the core's ``format_value`` / ``format_delta`` with the UI language's separators.

Spanish writes ``85.000 $/mes`` and ``2,5 %`` where English writes ``85,000`` and ``2.5``.
"""

from __future__ import annotations

from dataclasses import replace

from game.core.format import format_delta, format_value
from game.core.model import Metric
from game.locale import language

_SWAP = str.maketrans({",": ".", ".": ","})


def _local(text: str) -> str:
    return text.translate(_SWAP) if language() == "es" else text


def value(number: float, metric: Metric) -> str:
    """A metric value with its unit, e.g. ``85,000 $/month`` (``85.000 $/mes`` in Spanish)."""
    return _local(format_value(number, metric))


def delta_short(change: float, metric: Metric) -> str:
    """A signed change without arrow or unit (except %), for gauges that show the unit beside it."""
    return delta(change, replace(metric, unit="%" if metric.unit.strip() == "%" else ""))


def delta(change: float, metric: Metric) -> str:
    """A signed change without its arrow, e.g. ``+3,000 $/month`` (the arrow is drawn as a shape)."""
    return _local(format_delta(change, metric)[2:])
