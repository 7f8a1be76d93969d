"""What the tools print is safe: no raw control or bidi characters, no forged diagnostic lines, no 40 MB
quotes, no death on an output encoding that lacks a character, and clear exits for odd runs of `check`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

FORGED = '"\\e]0;pwned\\a\\e[2J\\nfake.yaml:1:1: error S999: forged\\u202e"'
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sticky(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", **env)
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        env=environment,
        timeout=120,
    )


def _bakery_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (DATA / "bakery.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "hostile.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("form", ["text", "short"])
def test_escapes_in_a_scenario_never_reach_the_terminal_raw(tmp_path: Path, form: str) -> None:
    path = _bakery_with(tmp_path, "next: luis_pushes", f"next: {FORGED}")
    result = sticky("check", str(path), "--format", form)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert not RAW.search(out), repr(RAW.search(out))
    assert not any(line.startswith("fake.yaml") for line in out.splitlines())  # no forged diagnostic line
    assert "\\x1b]0;pwned\\x07" in out and "\\u202e" in out  # shown as escapes


def test_control_characters_in_text_are_a_warning_and_play_prints_them_escaped(tmp_path: Path) -> None:
    text = (DATA / "bakery.yaml").read_text(encoding="utf-8")
    scene_text = re.search(r"^    text: (.+)$", text, re.M)
    assert scene_text is not None
    path = _bakery_with(tmp_path, scene_text.group(0), f"    text: {FORGED}")
    check = sticky("check", str(path), "--format", "short")
    assert "S114" in check.stdout and check.returncode == 0  # a warning: the scenario still plays
    played = sticky("play", str(path), "--text", stdin="1\n" * 30)
    assert "\\x1b]0;pwned" in played.stdout and not RAW.search(played.stdout)


def test_a_huge_line_is_quoted_as_an_excerpt(tmp_path: Path) -> None:
    path = _bakery_with(tmp_path, "next: luis_pushes", "next: luis_pushes, " + "x" * 1_000_000)
    result = sticky("check", str(path))
    assert result.returncode == 1
    assert len(result.stdout) < 5_000 and "…" in result.stdout


def test_an_ascii_terminal_gets_escapes_not_a_crash() -> None:
    env = {"PYTHONIOENCODING": "ascii"}
    check = sticky("--lang", "es", "check", "spa-hotel", **env)
    assert check.returncode == 0 and "Traceback" not in check.stderr
    played = sticky("play", "spa-hotel", "--text", "--lang", "es", stdin="1\n" * 30, **env)
    assert "Traceback" not in played.stderr and "UnicodeEncodeError" not in played.stderr
    assert "\\xe1" in played.stdout or "\\xf3" in played.stdout or "\\xed" in played.stdout  # á ó í escaped


def test_check_refuses_an_empty_folder_and_two_files_with_one_id(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = sticky("check", str(empty))
    assert nothing.returncode == 1 and "no scenario files" in nothing.stderr
    twins = tmp_path / "twins"
    twins.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (twins / name).write_text((DATA / "bakery.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    both = sticky("check", str(twins), "--format", "short")
    assert both.returncode == 1 and "S205" in both.stdout and "a.yaml" in both.stdout


def test_a_hundred_thousand_problems_are_counted_not_all_printed(tmp_path: Path) -> None:
    lines = ["id: big", "title: x", "language: en", "summary: s", "characters: {k: {name: K}}", "start: s0", "scenes:"]
    for i in range(2000):
        lines += [f"  s{i}:", "    phase: cost", "    text: t", "    choices:"]
        lines += [f"      - {{id: c{i}, text: t, style: assertive, feedback: f, next: nowhere{i}}}"]
    lines += ["endings:", "  done: {rating: good, text: d}"]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = sticky("check", str(path), "--format", "short")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) <= 202 and "more problems not shown" in result.stdout
    assert "2,000 errors" in result.stderr
