"""The YAML mistakes of people who are not programmers, written into a copy of a shipped scenario: each gets a
hint that names the fix (the line written right), at the line where the mistake is."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from tests.conftest import SCENARIOS

SHIPPED = SCENARIOS / "spa-hotel.yaml"


def _sub(pattern: str, replacement: Callable[[re.Match[str]], str]) -> Callable[[str], tuple[str, int]]:
    """A mutation: the first line matching ``pattern`` rewritten; returns the text and that line's number."""

    def mutate(text: str) -> tuple[str, int]:
        found = re.search(pattern, text, re.M)
        assert found is not None, pattern
        return text[: found.start()] + replacement(found) + text[found.end() :], text.count("\n", 0, found.start()) + 1

    return mutate


CASES = {
    "colon in text": (
        _sub(r"^    phase: (\w+)$", lambda m: f"{m.group(0)}\n    note: Mary says: no."),
        "S101",
        1,
        'write: note: "Mary says: no."',
    ),
    "comma in a flow mapping": (
        _sub(
            r'^  (\w+): \{name: "([^"]+)", role: "([^"]+)"',
            lambda m: f"  {m.group(1)}: {{name: {m.group(2)}, role: Boss, and more",
        ),
        "S203",
        0,
        'role: "Boss, and more"',
    ),
    "one space too few": (_sub(r"^    place: (\w+)$", lambda m: m.group(0)[1:]), "S101", 0, "indented 3 spaces"),
    "unclosed quote": (_sub(r"^    phase: (\w+)$", lambda m: f'    phase: "{m.group(1)}'), "S101", 0, "never closed"),
    "unclosed bracket": (_sub(r"^(  \w+: \{.*)\}$", lambda m: m.group(1)), "S101", 0, "is not closed: write '"),
    "tab": (_sub(r"^    place: (\w+)$", lambda m: "\t" + m.group(0)[4:]), "S111", 0, "replace tabs by spaces"),
}


@pytest.mark.parametrize("name", CASES)
def test_the_hint_names_the_fix(name: str, tmp_path: Path) -> None:
    mutate, code, line_shift, hint = CASES[name]
    text, line = mutate(SHIPPED.read_text(encoding="utf-8"))
    path = tmp_path / "copy.yaml"
    path.write_text(text, encoding="utf-8")
    found = [d for d in load_scenario(path).diagnostics if d.code == code]
    assert found, [d.format() for d in load_scenario(path).diagnostics]
    assert hint in found[0].hint, found[0].format()
    assert found[0].pos.line == line + line_shift, found[0].format()
