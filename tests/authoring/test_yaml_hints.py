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
    "next at the scene's level": (
        _sub(r"^    phase: (\w+)$", lambda m: f"{m.group(0)}\n    next: somewhere"),
        "S203",
        1,
        "'next' belongs to each choice, not to the scene",
    ),
    "an ending never declared": (
        _sub(r"^        next: (\w+)$", lambda m: "        next: happy_end"),
        "S301",
        0,
        "add 'happy_end' under 'endings:'",
    ),
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


def _translated_demo(tmp_path: Path) -> Path:
    """A scenario made by `sticky new` with a complete Spanish translation (every text left as it was)."""
    from game.authoring.newscenario import new_scenario
    from game.authoring.translate import update_translation

    path = tmp_path / "demo.yaml"
    path.write_text(new_scenario(path), encoding="utf-8")
    scenario = load_scenario(path).scenario
    assert scenario is not None
    update_translation(scenario, "es")
    spanish = path.with_name("demo.es.yaml")
    spanish.write_text(re.sub(r"  # TODO.*", "", spanish.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_translation_mistakes_point_at_the_key_and_the_section(tmp_path: Path) -> None:
    path = _translated_demo(tmp_path)
    spanish = path.with_name("demo.es.yaml")
    lines = spanish.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("        feedback:"))
    choice = at - 1  # the choice's first text, then its feedback: drop the feedback, misspell the text's key
    lines[choice] = lines[choice].replace("text:", "txet:")
    del lines[at]
    spanish.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = {d.code: d for d in load_scenario(path).diagnostics}
    assert (found["S602"].pos.line, found["S602"].pos.col) == (choice + 1, 9), found["S602"].format()
    assert found["S601"].pos.line == choice, found["S601"].format()  # the choice whose texts are missing


def test_a_stale_text_shows_the_new_source_text(tmp_path: Path) -> None:
    from game.authoring.lint import check_file
    from game.authoring.translate import update_translation

    path = _translated_demo(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("Friday", "Thursday"), encoding="utf-8")
    stale = [d for d in check_file(path).diagnostics if d.code == "S605"]
    assert stale and all('the source text is now: "' in d.hint and "Thursday" in d.hint for d in stale)
    scenario = load_scenario(path).scenario
    assert scenario is not None
    update_translation(scenario, "es")
    spanish = path.with_name("demo.es.yaml").read_text(encoding="utf-8")
    marked = [line for line in spanish.splitlines() if "# STALE" in line]
    assert marked and all('# STALE: the source text is now "' in line and "Thursday" in line for line in marked)
