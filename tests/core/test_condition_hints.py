"""A condition written with spreadsheet or programming habits gets the corrected condition as its hint."""

from __future__ import annotations

import pytest

from game.core.expr import ConditionError, compile_condition

KNOWN = {"revenue": "metric", "reputation": "metric", "refused_outright": "flag", "staff_quit": "flag"}


@pytest.mark.parametrize(
    ("written", "code", "hint"),
    [
        ("revenue > 10 && reputation > 5", "S401", "write: revenue > 10 and reputation > 5"),
        ("refused_outright || staff_quit", "S401", "write: refused_outright or staff_quit"),
        ("!staff_quit", "S401", "write: not staff_quit"),
        ("revenue = 62000", "S401", "write: revenue == 62000"),
        ("revenue > 10k", "S401", "write: revenue > 10000"),
        ("revenue > 2.5K", "S401", "write: revenue > 2500"),
        ("refused_outright == True", "S402", "write: refused_outright"),
        ("refused_outright == False", "S402", "write: not refused_outright"),
        ("staff_quit == yes", "S403", "write: staff_quit"),
        ("revenue >= 5 AND staff_quit", "S401", "write: revenue >= 5 and staff_quit"),
    ],
)
def test_the_hint_is_the_corrected_condition(written: str, code: str, hint: str) -> None:
    with pytest.raises(ConditionError) as caught:
        compile_condition(written, KNOWN)
    assert caught.value.code == code
    assert caught.value.hint == hint
    compile_condition(hint.removeprefix("write: "), KNOWN)  # and the correction is itself accepted


def test_functions_and_unfixable_conditions_explain_the_language() -> None:
    with pytest.raises(ConditionError) as call:
        compile_condition("max(revenue, 5) > 3", KNOWN)
    assert "cannot call functions" in call.value.hint
    with pytest.raises(ConditionError) as garbled:
        compile_condition("revenue >", KNOWN)
    assert "and, or, not" in garbled.value.hint
