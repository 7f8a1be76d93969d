"""The window's numbers: the core formatter in the UI language, arrows drawn as shapes so left out of the text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game.core.model import Metric
from game.locale import language, set_language
from game.ui import numbers

REVENUE = Metric("revenue", 85000, 0, None, "$/month", "Revenue")
MORALE = Metric("staff_morale", 72, 0, 100, "%", "Staff morale")


@pytest.fixture
def restore_language() -> Iterator[None]:
    before = language()
    yield
    set_language(before)


@pytest.mark.usefixtures("restore_language")
def test_window_numbers_follow_the_ui_language() -> None:
    set_language("en")
    assert numbers.value(85000, REVENUE) == "85,000 $/month" and numbers.value(2.5, MORALE) == "2.5%"
    assert numbers.delta(-3000, REVENUE) == "−3,000 $/month" and numbers.delta(4, MORALE) == "+4%"
    assert numbers.delta_short(-3000, REVENUE) == "−3,000" and numbers.delta_short(4, MORALE) == "+4%"
    set_language("es")
    assert numbers.value(85000, REVENUE) == "85\u202f000 $/month" and numbers.value(2.5, MORALE) == "2,5 %"
    assert numbers.delta(-3000, REVENUE) == "−3000 $/month" and numbers.delta(4, MORALE) == "+4 %"
    assert numbers.delta_short(-3000, REVENUE) == "−3000" and numbers.delta_short(4, MORALE) == "+4 %"


def test_a_change_is_coloured_by_what_is_good_news_for_its_metric() -> None:
    from dataclasses import replace

    from game.ui.theme import Theme
    from game.ui.widgets import delta_color

    theme = Theme((960, 540))
    stress = replace(MORALE, id="owner_stress", label="Owner stress", better="lower")
    good, bad = theme.colors.good, theme.colors.bad
    assert (delta_color(theme, 5, MORALE), delta_color(theme, -5, MORALE)) == (good, bad)
    assert (delta_color(theme, 5, stress), delta_color(theme, -5, stress)) == (bad, good)
    assert delta_color(theme, 0, stress) == theme.colors.neutral
