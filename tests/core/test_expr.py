"""Conditions: what they can read and compute, and what they reject at compile time."""

from __future__ import annotations

import pytest

from game.core.expr import ConditionError, compile_condition

KNOWN = {"revenue": "metric", "staff_morale": "metric", "deal": "flag", "turn": "turn"}


@pytest.mark.parametrize(
    ("source", "env", "expected"),
    [
        ("revenue > 1000", {"revenue": 1500}, True),
        ("revenue > 1000", {"revenue": 500}, False),
        ("40 <= staff_morale < 80", {"staff_morale": 40}, True),
        ("40 <= staff_morale < 80", {"staff_morale": 80}, False),
        ("deal and staff_morale >= 50", {"deal": 1, "staff_morale": 50}, True),
        ("not deal", {"deal": 0}, True),
        ("flags.deal or turn > 3", {"deal": 0, "turn": 4}, True),
        ("revenue - 2 * 500 == 0", {"revenue": 1000}, True),
        ("revenue / 0 == 0", {"revenue": 10}, True),
        ("revenue % 7 == 3", {"revenue": 10}, True),
        ("-revenue < 0", {"revenue": 5}, True),
        ("true", {}, True),
        ("False or (turn == 0)", {"turn": 0}, True),
    ],
)
def test_conditions_evaluate(source: str, env: dict[str, float], expected: bool) -> None:
    assert compile_condition(source, KNOWN)(env) is expected


def test_condition_records_the_names_it_reads() -> None:
    condition = compile_condition("revenue > 3 and not flags.deal", KNOWN)
    assert condition.names == frozenset({"revenue", "deal"})


@pytest.mark.parametrize(
    ("source", "code", "offset"),
    [
        ("revenue >", "S401", 9),
        ("", "S401", 0),
        ("open('x')", "S402", 0),
        ("revenue.__class__", "S402", 0),
        ("__import__", "S402", 0),
        ("revenue ** 2 > 1", "S402", 0),
        ("[x for x in (1,)]", "S402", 0),
        ("(lambda: 1)()", "S402", 0),
        ("'text' == 'text'", "S402", 0),
        ("revenue[0]", "S402", 0),
        ("(x := 1)", "S402", 1),
        ("revenue if deal else 0", "S402", 0),
        ("revenu > 3", "S403", 0),
        ("flags.revenue", "S403", 0),
        ("staff_morale > 3 and dael", "S403", 21),
    ],
)
def test_rejected_conditions(source: str, code: str, offset: int) -> None:
    with pytest.raises(ConditionError) as info:
        compile_condition(source, KNOWN)
    assert info.value.code == code
    assert info.value.offset == offset


def test_unknown_name_suggests_the_closest() -> None:
    with pytest.raises(ConditionError) as info:
        compile_condition("staf_morale < 3", KNOWN)
    assert "staff_morale" in info.value.hint


def test_overlong_condition_is_rejected() -> None:
    with pytest.raises(ConditionError) as info:
        compile_condition(" or ".join(["revenue > 1"] * 100), KNOWN)
    assert info.value.code == "S402"
