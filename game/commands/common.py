"""Helpers shared by subcommands: load a scenario for play, or print why it can't be loaded."""

from __future__ import annotations

import sys

from game.authoring.diagnostics import Severity
from game.authoring.load import LoadResult, load_scenario
from game.core.model import Scenario


def load_for_play(path: str, language: str | None, show_warnings: bool = False) -> tuple[Scenario | None, LoadResult]:
    """The scenario in ``language`` (falling back to its own), printing errors to stderr when it fails."""
    result = load_scenario(path)
    for diagnostic in result.diagnostics:
        if diagnostic.severity is Severity.ERROR or show_warnings:
            print(diagnostic.format(), file=sys.stderr)
    if result.scenario is None:
        print(f"{path}: cannot be played until the errors above are fixed", file=sys.stderr)
        return None, result
    if language and language != result.scenario.language and language not in result.translations:
        print(f"{path}: no '{language}' translation; playing in '{result.scenario.language}'", file=sys.stderr)
    return result.localized(language), result
