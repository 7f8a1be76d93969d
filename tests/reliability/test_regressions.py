"""Regression tests for loader and engine bugs found by the reliability work (each one crashed before)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.load import load_bytes, load_scenario
from game.core.expr import ConditionError, compile_condition
from tests.conftest import DATA
from tests.core.scenario_text import MINIMAL


def _codes(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.pos.line, d.pos.col) for d in load_bytes(text.encode(), "t.yaml").diagnostics]


@pytest.mark.parametrize("text", ["a: &x [*x]\n", "a: &x {b: *x}\n", "a: &x\n  b:\n    - *x\n"])
def test_recursive_alias_is_refused(text: str) -> None:
    # Was: the alias made the tree cyclic, and reading it (e.g. in a translation) hit RecursionError.
    assert [c for c in _codes(text) if c[0] == "S107"], _codes(text)


def test_recursive_alias_in_a_translation_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "bakery.yaml").write_bytes((DATA / "bakery.yaml").read_bytes())
    (tmp_path / "bakery.es.yaml").write_text(
        "translation_of: bakery-deposit\nlanguage: es\nscenes: &s\n  order: *s\n", encoding="utf-8"
    )
    result = load_scenario(tmp_path / "bakery.yaml")
    assert [(d.code, d.pos.line, d.pos.col) for d in result.diagnostics if d.code == "S107"] == [("S107", 4, 10)]


@pytest.mark.parametrize("source", ["1" + "0" * 400 + " > 0", "revenue > 1e999", "-9e999 < revenue"])
def test_huge_number_in_condition_is_rejected_not_a_crash(source: str) -> None:
    # Was: OverflowError (int too large to convert to float) escaped compile_condition.
    with pytest.raises(ConditionError) as info:
        compile_condition(source, {"revenue": "metric"})
    assert info.value.code == "S402"


@pytest.mark.parametrize("number", ["1e999", "-1e999", "1e300", "1_000_000_000_000_000"])
def test_non_finite_or_huge_numbers_are_rejected(number: str) -> None:
    # Was: 1e999 became inf; inf - inf gave NaN metrics that no save could round-trip.
    text = MINIMAL.replace("effects: {reputation: +5}", f"effects: {{revenue: {number}}}")
    assert ("S207", 18, 28) in _codes(text)


@pytest.mark.parametrize(
    ("data", "at"),
    [(b"a: b\nc: d \x07x\n", (2, 6)), ("a: \"ñññ\"\nc: dñ \x07x\n".encode(), (2, 7)), (b"a: \xef\xbf\xbe\n", (1, 4))],
)
def test_forbidden_control_character_is_positioned(data: bytes, at: tuple[int, int]) -> None:
    # Was: reported at 1:1 (libyaml's reader errors carry a byte offset, not a mark).
    [diagnostic] = load_bytes(data, "t.yaml").diagnostics
    assert (diagnostic.code, diagnostic.pos.line, diagnostic.pos.col) == ("S101", *at)
