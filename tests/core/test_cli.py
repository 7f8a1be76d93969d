"""End-to-end tests of the `sticky` command on the small test scenario, in real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.schema import scenario_schema
from game.cli import parse_args
from tests.conftest import ROOT
from tests.core.scenario_text import MINIMAL


def sticky(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_clean_file_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    result = sticky("check", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stderr


def test_check_misspelled_target_names_line_column_and_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(
        MINIMAL.replace("next: cost_scene\n      - id: ignore", "next: cost_scen\n      - id: ignore"),
        encoding="utf-8",
    )
    result = sticky("check", str(tmp_path))
    assert result.returncode == 1
    assert f"{path}:21:15: error S301: next 'cost_scen' is neither a scene nor an ending" in result.stdout
    assert "did you mean 'cost_scene'?" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_json_format(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(MINIMAL.replace("style: passive", "style: pasive"), encoding="utf-8")
    result = sticky("check", "--format", "json", str(path))
    data = json.loads(result.stdout)
    assert result.returncode == 1 and data["errors"] == 1
    [diagnostic] = data["diagnostics"]
    assert diagnostic["code"] == "S306" and diagnostic["line"] == 24 and "passive" in diagnostic["hint"]


def test_check_missing_path() -> None:
    result = sticky("check", "no/such/file.yaml")
    assert result.returncode == 1 and "no such file" in result.stderr


def test_play_json(bakery_path: Path) -> None:
    result = sticky("play", str(bakery_path), "--choices", "explain_policy,hold_the_line", "--seed", "3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["scenario"] == "bakery-deposit" and data["seed"] == 3
    assert [step["choice"] for step in data["path"]] == ["explain_policy", "hold_the_line"]
    assert data["path"][0]["deltas"] == {"reputation": 2}
    assert data["finished"] is True and data["ending"] in ("deal", "walks_away")
    assert data["rating"] in ("best", "poor")
    assert set(data["final_metrics"]) == {"revenue", "staff_morale", "reputation", "stress"}


def test_play_json_is_deterministic_and_spanish(bakery_path: Path) -> None:
    runs = [
        sticky("play", str(bakery_path), "--choices", "1,1", "--seed", "11", "--json", "--lang", lang)
        for lang in ("en", "es")
    ]
    english, spanish = (json.loads(r.stdout) for r in runs)
    assert spanish["language"] == "es" and spanish["title"].startswith("El anticipo")
    assert english["path"] == spanish["path"] and english["ending"] == spanish["ending"]


def test_play_unavailable_choice_lists_the_available_ones(bakery_path: Path) -> None:
    result = sticky("play", str(bakery_path), "--choices", "fine_no_deposit,hold_the_line", "--json")
    assert result.returncode == 1
    assert "choice 'hold_the_line' is not available now" in result.stderr
    assert "1=depends" in result.stderr
    assert "Traceback" not in result.stderr


def test_play_text_in_a_terminal(bakery_path: Path) -> None:
    result = sticky("play", str(bakery_path), "--text", stdin="9\n1\nm\nu\n1\n1\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Our policy is a 30% deposit" in out
    assert "is not a number between 1 and 2" in out
    assert "Undone." in out and "ENDING" in out


def test_play_with_errors_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL.replace("start: hello", "start: helo"), encoding="utf-8")
    result = sticky("play", str(path), "--json")
    assert result.returncode == 1
    assert "error S301" in result.stderr and "did you mean 'hello'?" in result.stderr


def test_schema_is_printed_and_the_shipped_copy_is_current() -> None:
    result = sticky("schema")
    printed = json.loads(result.stdout)
    assert printed == scenario_schema()
    shipped = json.loads((ROOT / "game" / "authoring" / "scenario.schema.json").read_text(encoding="utf-8"))
    assert shipped == printed, "regenerate: sticky schema > game/authoring/scenario.schema.json"
    assert "choices" in printed["properties"]["scenes"]["additionalProperties"]["properties"]


def test_play_scripted_summary_writes_changes_in_the_scenario_language(bakery_path: Path) -> None:
    english = sticky("play", str(bakery_path), "--choices", "explain_policy,hold_the_line")
    spanish = sticky("play", str(bakery_path), "--choices", "explain_policy,hold_the_line", "--lang", "es")
    assert english.returncode == spanish.returncode == 0, english.stderr + spanish.stderr
    assert " 1. order: explain_policy (assertive) Reputation ▲ +2%" in english.stdout.splitlines()
    assert " 1. order: explain_policy (asertiva) Reputación ▲ +2 %" in spanish.stdout.splitlines()
    es_text = sticky("play", str(bakery_path), "--text", "--lang", "es", stdin="m\nq\n")
    assert "  Ingresos: 18\u202f000 €/mes" in es_text.stdout.splitlines()


def test_lang_before_and_after_the_command_agree(bakery_path: Path) -> None:
    before = sticky("--lang", "es", "play", str(bakery_path), "--choices", "1,1", "--seed", "4", "--json")
    after = sticky("play", str(bakery_path), "--choices", "1,1", "--seed", "4", "--json", "--lang", "es")
    both = sticky("--lang", "es", "play", str(bakery_path), "--choices", "1,1", "--seed", "4", "--json", "--lang", "es")
    assert before.returncode == after.returncode == both.returncode == 0, before.stderr + after.stderr + both.stderr
    spanish = json.loads(before.stdout)
    assert spanish["language"] == "es" and spanish["title"].startswith("El anticipo")
    assert before.stdout == after.stdout == both.stdout
    english = sticky("play", str(bakery_path), "--choices", "1,1", "--seed", "4", "--json")
    assert json.loads(english.stdout)["language"] == "en"
    text = sticky("--lang", "es", "play", str(bakery_path), "--text", stdin="m\nq\n")
    assert "  Ingresos: 18\u202f000 €/mes" in text.stdout.splitlines()


def test_two_different_langs_are_refused_not_shadowed(bakery_path: Path) -> None:
    result = sticky("--lang", "en", "play", str(bakery_path), "--json", "--lang", "es")
    assert result.returncode == 2 and result.stdout == ""
    # the last --lang is Spanish, so the whole message is (uso:, error:, and the words of game.cli)
    assert "--lang en antes del comando y --lang es después: indica un solo idioma" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["play", "x.yaml"],
        ["replay", "7"],
        ["report", "--out", "r.html"],
        ["facilitate", "x.yaml"],
        ["records", "play", "x.yaml", "--choices", "1"],
    ],
)
def test_every_command_with_lang_takes_it_either_side(command: list[str]) -> None:
    assert parse_args(command).lang is None
    assert parse_args(["--lang", "es", *command]).lang == "es"
    assert parse_args([*command, "--lang", "es"]).lang == "es"
    assert parse_args(["--lang", "es", *command, "--lang", "es"]).lang == "es"
    assert not hasattr(parse_args([*command, "--lang", "es"]), "lang_after_command")
