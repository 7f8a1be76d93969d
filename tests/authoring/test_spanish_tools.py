"""The authoring tools in the author's language: every documented diagnostic in Spanish, and ``--lang`` and
``--data`` written before or after any command."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.lint import check_file
from game.authoring.messages import localize, recognized
from game.cli import build_parser, parse_args
from tests.authoring.test_diagnostics_doc import EXAMPLES, write_example
from tests.conftest import ROOT

#: Examples whose file is grown to 40 MB: checked elsewhere; here they would only cost time.
SMALL = [(code, options, text) for code, options, text in EXAMPLES if "grow" not in options]

#: English words that a Spanish message never holds outside quotes (ids and keys are quoted or YAML words).
ENGLISH = re.compile(r"\b(?:the|is|not|has|must|cannot|did you mean|write|missing|never|should)\b")


def _unquoted(text: str) -> str:
    """``text`` without what it quotes (ids, keys, the author's text, commands), which stay as written."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|«[^»]*»", "", text)
    return re.sub(r"(?:write|escribe|ejecuta): .*", "", text)


@pytest.mark.parametrize(("code", "options", "text"), SMALL, ids=[e[0] for e in SMALL])
def test_every_documented_example_speaks_spanish(code: str, options: list[str], text: str, tmp_path: Path) -> None:
    path = write_example(tmp_path, options, text)
    for diagnostic in check_file(path).diagnostics:
        for said in (diagnostic.message, diagnostic.hint):
            assert recognized(said), f"no catalogue entry for: {said}"
            spanish = localize(said, "es")
            assert not said or spanish != said, said
            assert not ENGLISH.search(_unquoted(spanish)), spanish


def _sticky(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


BROKEN = """id: demo
title: Demo
language: en
summary: Kim says: no.
"""


def test_check_in_spanish_names_the_fix_with_spanish_labels(tmp_path: Path) -> None:
    (tmp_path / "demo.yaml").write_text(BROKEN, encoding="utf-8")
    for args in (("--lang", "es", "check", "demo.yaml"), ("check", "demo.yaml", "--lang", "es")):
        out = _sticky(*args, cwd=tmp_path)
        assert out.returncode == 1, out.stderr
        assert "error S101: aquí no puede empezar otro par «clave: valor»" in out.stdout
        assert '= pista: un texto con «: » va entre comillas; escribe: summary: "Kim says: no."' in out.stdout
        assert "hint:" not in out.stdout and "1 archivo revisado: 1 error, 0 avisos" in out.stderr
    short = _sticky("check", "demo.yaml", "--format", "short", "--lang", "es", cwd=tmp_path)
    assert "(un texto con «: » va entre comillas" in short.stdout
    english = _sticky("check", "demo.yaml", cwd=tmp_path)
    assert "error S101: mapping values are not allowed in this context" in english.stdout
    assert "1 file checked: 1 error, 0 warnings" in english.stderr


def _leaf_commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found.extend(_leaf_commands(child, (*prefix, name)) or [(*prefix, name)])
    return found


def test_lang_and_data_go_before_or_after_every_command(tmp_path: Path) -> None:
    parser = build_parser()
    commands = _leaf_commands(parser)
    assert ("check",) in commands and ("records", "play") in commands and len(commands) > 12
    for command in commands:
        sub = parser
        for name in command:
            sub = next(a for a in sub._actions if isinstance(a, argparse._SubParsersAction)).choices[name]
        assert "--lang" in sub._option_string_actions, command
        assert "--data" in sub._option_string_actions, command
    scenario = str(ROOT / "game" / "scenarios" / "spa-hotel.yaml")
    data = str(tmp_path)
    before = parse_args(["--lang", "es", "--data", data, "check", scenario])
    after = parse_args(["check", scenario, "--lang", "es", "--data", data])
    assert (before.lang, before.data) == (after.lang, after.data) == ("es", data)
    with pytest.raises(SystemExit):
        parse_args(["--data", data, "check", scenario, "--data", str(tmp_path / "other")])


BAD = sorted(p for p in (ROOT / "tests" / "bad").glob("*.yaml") if p.stat().st_size < 1_000_000)


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_every_bad_fixture_speaks_spanish(path: Path) -> None:
    for diagnostic in check_file(path).diagnostics:
        for said in (diagnostic.message, diagnostic.hint):
            assert recognized(said), f"no catalogue entry for: {said}"
            assert not ENGLISH.search(_unquoted(localize(said, "es"))), localize(said, "es")


def test_explore_speaks_spanish_with_rae_numbers(tmp_path: Path) -> None:
    from game.authoring.newscenario import new_scenario

    path = tmp_path / "demo.yaml"
    path.write_text(new_scenario(path), encoding="utf-8")
    out = _sticky("explore", "demo.yaml", "--lang", "es", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    for said in ("estados distintos", "  final ", "camino más corto", "camino del coach:", "estrategias (", "al azar"):
        assert said in out.stdout, said
    assert re.search(r"\d,\d %", out.stdout)  # a decimal comma and a space before %
    for english in ("distinct states", "shortest path", "coach's path", "always option", "random play", "ends with"):
        assert english not in out.stdout, english
    strategies = _sticky("--lang", "es", "explore", "demo.yaml", "--strategies", cwd=tmp_path)
    assert "siempre la opción 1 (en el orden escrito)" in strategies.stdout


def test_play_json_texts_gives_what_was_shown_in_the_language_played() -> None:
    import json

    spa = ROOT / "game" / "scenarios" / "spa-hotel.yaml"
    out = _sticky("play", str(spa), "--choices", "1,1,1", "--seed", "3", "--json", "--texts", "--lang", "es", cwd=ROOT)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    first = data["path"][0]["texts"]
    assert first["scene"].startswith("Lunes, nueve de la mañana") and first["choice"].startswith("Buenos días, Rick")
    assert first["feedback"] and first["rules"] == {}
    assert set(data["available_texts"]["choices"]) == set(data["available"])
    english = _sticky("play", str(spa), "--choices", "1,1,1", "--seed", "3", "--json", cwd=ROOT)
    assert "texts" not in json.loads(english.stdout)["path"][0]  # only when asked for
    refused = _sticky("play", str(spa), "--texts", cwd=ROOT)
    assert refused.returncode == 2 and "--texts goes with --json" in refused.stderr


def test_play_json_texts_gives_the_ending_and_the_chance_note(tmp_path: Path) -> None:
    import json

    from game.authoring.newscenario import new_scenario

    path = tmp_path / "demo.yaml"
    path.write_text(new_scenario(path), encoding="utf-8")
    out = _sticky("play", "demo.yaml", "--choices", "1,1,1,1", "--json", "--texts", cwd=tmp_path)
    data = json.loads(out.stdout)
    assert data["ending_texts"]["title"] and data["ending_texts"]["text"]
    assert data["path"][-1]["texts"]["chance_note"]


def test_new_and_translate_speak_spanish(tmp_path: Path) -> None:
    made = _sticky("new", "demo.yaml", "--lang", "es", cwd=tmp_path)
    assert made.stdout.startswith("se escribió demo.yaml\nahora: sticky --lang es check demo.yaml"), made.stdout
    again = _sticky("--lang", "es", "new", "demo.yaml", cwd=tmp_path)
    assert again.returncode == 1 and "el archivo ya existe; elige otro nombre o usa --force" in again.stderr
    text = (tmp_path / "demo.yaml").read_text(encoding="utf-8")
    assert "language: es\nbusiness: Estudio de diseño\n" in text and "# Después de cada cambio, ejecuta:" in text
    clean = _sticky("--lang", "es", "check", "demo.yaml", cwd=tmp_path)
    assert clean.returncode == 0 and "1 archivo revisado: 0 errores, 0 avisos" in clean.stderr, clean.stdout
    out = _sticky("translate", "demo.yaml", "--to", "en", "--lang", "es", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (
        ": 0 traducidos, 45 nuevos por traducir, 0 aún por traducir, 0 desactualizados, 0 eliminados" in out.stdout
        and "luego ejecuta: sticky --lang es check" in out.stdout
    )
    same = _sticky("translate", "demo.yaml", "--to", "es", "--lang", "es", cwd=tmp_path)
    assert same.returncode == 1 and "el escenario ya está en 'es'; elige otro idioma" in same.stderr
