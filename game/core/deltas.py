"""Adding up what one choice did: its own deltas plus those of every rule it triggered.

Shared by the live ``Outcome`` and the recorded ``ChoiceRecord`` so both always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def total_deltas(choice: Mapping[str, float], rules: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """The choice's deltas plus each rule's, per metric; metrics whose changes cancel out are left out."""
    total = dict(choice)
    for deltas in rules:
        for key, value in deltas.items():
            total[key] = total.get(key, 0.0) + float(value)
    return {k: v for k, v in total.items() if v}
