"""The tutorial in docs/authoring.md works as written: its shell commands run in a temporary folder, in order
(with the hidden ``<!-- test: ... -->`` edits a reader would make by hand), with the exit status and the output
lines it shows; its YAML blocks are what the commands write, or load as scenarios."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from game.authoring.load import load_scenario_text
from tests.conftest import ROOT

DOC = ROOT / "docs" / "authoring.md"
BLOCK = re.compile(r"((?:<!-- .*? -->\n)*)```(\w+)\n(.*?)```", re.S)
NOTE = re.compile(r"<!-- (\w+): (.*?) -->", re.S)


def shell(folder: Path, command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], cwd=folder, capture_output=True, text=True, timeout=300, env=_env(folder)
    )


def _env(folder: Path) -> dict[str, str]:
    """`sticky` on the PATH whether or not the project is pip-installed: a shim that runs this checkout."""
    bin_dir = folder / ".bin"
    if not bin_dir.exists():
        bin_dir.mkdir()
        for name, body in (
            ("sticky", f'exec "{sys.executable}" -m game "$@"'),
            ("python3", f'exec "{sys.executable}" "$@"'),
        ):
            shim = bin_dir / name
            shim.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
            shim.chmod(0o755)
    return {"PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(folder)}


def test_tutorial_runs_as_written(tmp_path: Path) -> None:
    assert _run_tutorial(tmp_path, None) >= 8


def test_tutorial_runs_in_spanish(tmp_path: Path) -> None:
    """Every command of the tutorial again with ``--lang es``: the same exit statuses, and what the tools say is
    Spanish (the doc's English lines are not compared; the labels and summaries are)."""
    assert _run_tutorial(tmp_path, "es") >= 8


def _run_tutorial(tmp_path: Path, lang: str | None) -> int:
    text = DOC.read_text(encoding="utf-8")
    ran = 0
    for match in BLOCK.finditer(text):
        notes = dict(NOTE.findall(match.group(1)))
        for hidden in re.findall(r"<!-- test: (.*?) -->", match.group(1), re.S):
            result = shell(tmp_path, hidden)
            assert result.returncode == 0, f"hidden step failed: {hidden}\n{result.stderr}"
        language, body = match.group(2), match.group(3)
        if "skip" in notes or ("needs" in notes and shutil.which(notes["needs"]) is None):
            continue
        if language == "console" and lang is None:
            ran += _run_console(tmp_path, body, int(notes.get("exit", "0")))
        elif language == "console":
            ran += _run_console_in(tmp_path, body, int(notes.get("exit", "0")), lang)
        elif language == "yaml":
            _check_yaml(tmp_path, body, notes)
    # hidden steps after the last block
    tail = text[text.rfind("```") :]
    for hidden in re.findall(r"<!-- test: (.*?) -->", tail, re.S):
        assert shell(tmp_path, hidden).returncode == 0
    return ran


def _run_console_in(folder: Path, body: str, expected_exit: int, lang: str) -> int:
    """Run each ``$ sticky ...`` of a block as ``sticky --lang LANG ...``: same exit status, Spanish words."""
    commands = [line[2:] for line in body.splitlines() if line.startswith("$ ")]
    for command in commands:
        spoken = re.sub(r"^sticky ", f"sticky --lang {lang} ", command)
        result = shell(folder, spoken)
        said = result.stdout + result.stderr
        assert result.returncode == expected_exit, f"$ {spoken}\n{said}"
        if command.startswith("sticky new ") and result.returncode == 0:
            # `sticky --lang es new` writes the example in Spanish, which the tutorial's English edits don't fit:
            # the tutorial goes on with the file it shows (the Spanish one is tested in test_spanish_tools.py)
            assert "language: es" in (folder / command.split()[2]).read_text(encoding="utf-8")
            assert shell(folder, command + " --force").returncode == 0
        for english in ("= hint:", "files checked", "file checked", " errors", "wrote ", "did you mean"):
            assert english not in said, f"$ {spoken}: English '{english}' in\n{said}"
        if spoken.startswith(f"sticky --lang {lang} check"):
            assert re.search(r"\d archivos? revisados?:", said), said
    return len(commands)


def _run_console(folder: Path, body: str, expected_exit: int) -> int:
    """Run each ``$ command``; the lines shown under it must appear in its output (``…`` skips lines)."""
    commands: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands and line.strip() and line.strip() != "…":
            commands[-1][1].append(line.rstrip())
    for command, shown in commands:
        result = shell(folder, command)
        output = (result.stdout + result.stderr).splitlines()
        assert result.returncode == expected_exit, f"$ {command}\n{result.stdout}\n{result.stderr}"
        actual = [line.rstrip() for line in output]
        for line in shown:
            assert line in actual, f"$ {command}: the doc shows\n{line}\nbut the output was\n" + "\n".join(actual)
    return len(commands)


def _check_yaml(folder: Path, body: str, notes: dict[str, str]) -> None:
    if "file" in notes:  # the whole file a command wrote (its first line, the schema path, depends on the folder)
        written = (folder / notes["file"].split()[0]).read_text(encoding="utf-8")
        assert body.splitlines()[1:] == written.splitlines()[1:]
        assert body.splitlines()[0] == "# yaml-language-server: $schema=../game/authoring/scenario.schema.json"
    elif "in" in notes:  # an excerpt that must be in the file, which must load
        written = (folder / notes["in"]).read_text(encoding="utf-8")
        assert body in written
        result = load_scenario_text(written, notes["in"])
        assert result.scenario is not None, [d.format() for d in result.diagnostics]
    else:
        result = load_scenario_text(body, "doc.yaml")
        assert result.scenario is not None, [d.format() for d in result.diagnostics]
