"""Every command of `sticky` speaks Spanish with ``--lang es``: its ``--help`` (description, option help, group
titles, the one-line summaries of ``records`` and ``xapi`` actions) and its usage errors, the training commands
(records, replay, export, report, xapi, facilitate) as much as the authoring ones.

The pages are read as a user gets them (``sticky --lang es records list --help``, run in-process); the English
help texts they are compared with are read from the English parser, so a new option with no Spanish help fails
here by name.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli import build_parser, main
from game.commands import spanish_help

#: English words no line of a Spanish help page holds outside `quotes` (option names and values are written
#: as the command line spells them).
ENGLISH_WORDS = re.compile(
    r"\b(?:usage|options|arguments|show|the|of|and|or|with|file|files|scenario|default|from|only|this|to|for|"
    r"records?|learners?|playthroughs?|statements?|send|print|write|folder|language)\b"
)


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every parser under ``parser`` with the words that call it: (), ("check",), ("records", "list") ..."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _commands(child, (*path, name))


def _help_texts(parser: argparse.ArgumentParser) -> dict[str, str]:
    """A parser's own words, by where they stand: its description, group titles, option help, action summaries."""
    found: dict[str, str] = {}
    if parser.description:
        found["description"] = parser.description
    for group in parser._action_groups[2:]:  # the first two are argparse's own ("positional arguments", "options")
        if group.title:
            found[f"group {group.title}"] = group.title
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for pseudo in action._choices_actions:
                if pseudo.help:
                    found[f"summary of {pseudo.dest}"] = pseudo.help
        elif action.help and action.help is not argparse.SUPPRESS:
            found[f"help of {action.dest}"] = action.help
    return found


def _spanish_parser() -> argparse.ArgumentParser:
    """``sticky``'s parser as ``sticky --lang es`` builds it (see ``game.cli.parse_args``)."""
    with spanish_help.spoken("es"):
        parser = build_parser()
        spanish_help.translate_help(parser, sweep="50 000", graph="200 000")
    return parser


ENGLISH = {path: _help_texts(parser) for path, parser in _commands(build_parser())}
COMMAND_PATHS = sorted(ENGLISH)


def _page(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*words, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_command_and_action_is_walked() -> None:
    training = {("records", "list"), ("records", "recover"), ("xapi", "config"), ("report",), ("facilitate",)}
    assert training <= set(ENGLISH) and len(ENGLISH) >= 25
    assert sum(len(texts) for texts in ENGLISH.values()) >= 120


def test_no_help_text_is_left_in_english() -> None:
    spanish = {path: _help_texts(parser) for path, parser in _commands(_spanish_parser())}
    left = [
        f"sticky {' '.join(path)}: {where}: {text!r}"
        for path, texts in ENGLISH.items()
        for where, text in texts.items()
        if spanish[path].get(where) == text
    ]
    assert not left, "help with no Spanish in game/commands/spanish_help.py:\n" + "\n".join(left)


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "sticky")
def test_each_help_page_reads_spanish(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    page = _page(capsys, "--lang", "es", *path)
    assert page.startswith(" ".join(("uso: sticky", *path)) + " ")
    assert "muestra esta ayuda y termina" in page
    flat = _flat(page)
    english = [text for text in ENGLISH[path].values() if len(text) > 12 and _flat(text) in flat]
    assert not english, f"English help on the Spanish page: {english}\n{page}"
    body = re.sub(r"(?m)^ {4}[\w-]+", "", page.partition("\n\n")[2])  # no usage line, no command names
    prose = re.sub(r"`[^`]*`|'[^']*'|--?[\w-]+|\{[\w,]+\}|\b[A-Z_][A-Z_.]+\b|\S+/\S*", "", body)
    assert not ENGLISH_WORDS.search(prose), f"{ENGLISH_WORDS.search(prose)}\n{page}"


def test_the_english_pages_stay_english(capsys: pytest.CaptureFixture[str]) -> None:
    page = _flat(_page(capsys, "records", "play"))
    assert page.startswith("usage: sticky records play ")
    assert "seed for chance outcomes and the order choices are shown in (default 0)" in page
    assert "phone voting:" in _page(capsys, "facilitate")


def test_the_training_commands_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    records = _page(capsys, "--lang", "es", "records")
    assert "list      lista las partidas registradas" in records
    facilitate = _page(capsys, "--lang", "es", "facilitate")
    assert "votación desde el teléfono:\n  --serve" in facilitate
    assert "ocupa toda la pantalla del proyector" in facilitate
    config = _flat(_page(capsys, "xapi", "config", "--lang", "es"))
    assert "el nombre de la cuenta, por ejemplo '{cohort}/{learner}' (el predeterminado)" in config


@pytest.mark.parametrize(
    ("words", "spanish"),
    [
        (("--lang", "es", "xapi"), "sticky xapi: error: faltan estos argumentos: ACTION"),
        (("--lang", "es", "report"), "sticky report: error: faltan estos argumentos: --out"),
        (
            ("--lang", "es", "xapi", "send", "--retries", "tres"),
            "sticky xapi send: error: argumento --retries: un número entero de 0 a 20",
        ),
        (
            ("--lang", "en", "records", "list", "--lang", "es"),
            "sticky: error: --lang en antes del comando y --lang es después: indica un solo idioma",
        ),
        (
            ("--lang", "es", "explore", "x.yaml", "--max-states", "0"),
            "error: argumento --max-states: se esperaba un número entero de estados, como mínimo 1 (se recibió '0')",
        ),
    ],
    ids=["missing action", "missing option", "bad number", "two languages", "option type"],
)
def test_usage_errors_in_spanish(words: tuple[str, ...], spanish: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(list(words))
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("uso: sticky") and spanish in error, error


def test_a_missing_scenarios_folder_in_spanish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "es", "--data", str(tmp_path), "--scenarios", "/no/such/folder", "records", "list"])
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("uso: sticky") and "--scenarios /no/such/folder: esa carpeta no existe" in error


def test_english_usage_errors_stay_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "es", "records", "list", "--lang", "en"])
    error = capsys.readouterr().err
    assert error.startswith("usage: sticky") and "--lang es before the command and --lang en after it" in error
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: ")
