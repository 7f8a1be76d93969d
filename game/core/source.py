"""Source positions and "did you mean" suggestions, shared by the core and the authoring tools."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pos:
    """A position in a source file; ``line`` and ``col`` count from 1."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A "did you mean 'x'?" hint for a misspelled id, or "" when nothing is close."""
    pool = list(candidates)
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not matches:
        lowered = {c.lower(): c for c in pool}
        if word.lower() in lowered:
            matches = [lowered[word.lower()]]
    return f"did you mean '{matches[0]}'?" if matches else ""
