"""Helpers shared by subcommands: load a scenario for play, or print why it can't be loaded."""

from __future__ import annotations

import dataclasses
import sys

from game.authoring.diagnostics import Diagnostic, Severity
from game.authoring.load import LoadResult, load_scenario
from game.authoring.messages import counted, word
from game.authoring.snippet import one_line
from game.core.model import Scenario


def load_for_play(
    path: str, language: str | None, show_warnings: bool = False, lang: str | None = None
) -> tuple[Scenario | None, LoadResult]:
    """The scenario in ``language`` (falling back to its own), printing errors to stderr when it fails.

    A translation's problems never stop play: they are printed as warnings (in full for the language asked
    for, or with ``show_warnings``; else one line per language), and that language falls back to the original
    text for whatever it can't give. Messages are in ``lang`` (default: ``language``).
    """
    said = lang or language
    result = load_scenario(path)
    in_translations = {id(d) for found in result.translation_problems.values() for d in found}
    for diagnostic in result.diagnostics:
        if id(diagnostic) in in_translations:
            continue
        if diagnostic.severity is Severity.ERROR or show_warnings:
            print(one_line(diagnostic, said), file=sys.stderr)
    if result.scenario is None:
        print(f"{path}: {word('play.blocked', said)}", file=sys.stderr)
        return None, result
    _translation_warnings(path, result, language, show_warnings, said)
    if language and language != result.scenario.language and language not in result.translations:
        print(
            f"{path}: {word('play.no_translation', said, language=language, own=result.scenario.language)}",
            file=sys.stderr,
        )
    return result.localized(language), result


def _translation_warnings(
    path: str, result: LoadResult, language: str | None, show_warnings: bool, said: str | None
) -> None:
    """Print the problems of each translation file as warnings, in the language ``said`` (see ``load_for_play``)."""
    assert result.scenario is not None
    original = result.scenario.language
    for lang, found in sorted(result.translation_problems.items()):
        errors = [d for d in found if d.severity is Severity.ERROR]
        if lang == language or show_warnings:
            for diagnostic in found:
                print(one_line(_as_warning(diagnostic), said), file=sys.stderr)
        if errors:
            count = len(errors)
            line = counted("play.translation_problems", said, count, language=lang, path=path, own=original)
            print(f"{path}: {line}", file=sys.stderr)


def _as_warning(diagnostic: Diagnostic) -> Diagnostic:
    return dataclasses.replace(diagnostic, severity=Severity.WARNING)
