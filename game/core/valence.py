"""Whether a change of a metric is good news: ``better: lower`` turns a rise into bad news.

Arrows always follow the number (up is up); colours and the words "better"/"worse" follow this verdict.
"""

from __future__ import annotations

from game.core.model import Metric

BETTER, WORSE, SAME = 1, -1, 0


def lower_is_better(metric: Metric) -> bool:
    """True for a metric whose fall is good news (``better: lower``: owner stress, cash at risk)."""
    return getattr(metric, "better", "higher") == "lower"


def verdict(metric: Metric, delta: float) -> int:
    """``BETTER``, ``WORSE`` or ``SAME`` for a change of ``delta`` in ``metric``."""
    if not delta:
        return SAME
    rises_are_good = not lower_is_better(metric)
    return BETTER if (delta > 0) == rises_are_good else WORSE
