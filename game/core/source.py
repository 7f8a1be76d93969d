"""Source positions and "did you mean" suggestions, shared by the core and the authoring tools."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

# Comparisons left for suggestions in the current load (None: unlimited). A file with 15,000 scenes
# and as many misspelled targets made suggestions quadratic (minutes); `suggestion_budget` bounds them.
_BUDGET: ContextVar[list[int] | None] = ContextVar("suggestion_budget", default=None)


class Pos(NamedTuple):
    """A position in a source file; ``line`` and ``col`` count from 1.

    A named tuple rather than a frozen dataclass: the loader makes one for every YAML node, and a tuple is
    built several times faster.
    """

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A "did you mean 'x'?" hint for a misspelled id, or "" when nothing is close."""
    pool = list(candidates)
    budget = _BUDGET.get()
    if budget is not None:
        budget[0] -= len(pool)
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6) if budget is None or budget[0] >= 0 else []
    if not matches:
        lowered = {c.lower(): c for c in pool}
        if word.lower() in lowered:
            matches = [lowered[word.lower()]]
    return f"did you mean '{matches[0]}'?" if matches else ""


@contextmanager
def suggestion_budget(comparisons: int = 200_000) -> Iterator[None]:
    """Inside this block, ``did_you_mean`` compares at most ``comparisons`` candidates in all, then only
    suggests exact matches that differ in case."""
    token = _BUDGET.set([comparisons])
    try:
        yield
    finally:
        _BUDGET.reset(token)
