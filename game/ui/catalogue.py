"""The shipped scenarios for the picker, loaded in a background thread so the title appears at once.

Read-only helpers about a scenario's shape (how many choices a playthrough takes) live here too:
the core does not need them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loading is deferred: the title screen must not wait for the YAML loader
    from game.authoring.load import LoadResult
    from game.core.model import Scenario


@dataclass
class Entry:
    """One scenario file: its load result (None while loading) and its shape."""

    path: Path
    result: LoadResult | None = None
    shortest: int = 0
    longest: int = 0

    def scenario(self, language: str) -> Scenario | None:
        """The scenario in ``language`` (its own language when there is no translation)."""
        return self.result.localized(language) if self.result else None


def path_lengths(scenario: Scenario) -> tuple[int, int]:
    """The fewest and the most choices a playthrough can take (cycles counted once).

    A depth-first walk with its own stack, not recursion: a chain of 100,000 scenes is a valid scenario.
    """
    memo: dict[str, tuple[int, int]] = {}
    visiting: set[str] = set()

    def known(node: str) -> tuple[int, int] | None:
        if node in memo:
            return memo[node]
        scene = scenario.scene(node)
        if scene is None or node in visiting or not scene.choices:
            return (0, 0)
        return None

    def enter(node: str) -> list[Any]:
        visiting.add(node)
        scene = scenario.scene(node)
        assert scene is not None
        return [node, iter([t for choice in scene.choices for t in choice.targets()]), [], []]

    first = known(scenario.start)
    if first is not None:
        return first
    stack = [enter(scenario.start)]
    while stack:
        node, targets, lows, highs = stack[-1]
        for target in targets:
            found = known(target)
            if found is None:
                stack.append(enter(target))
                break
            lows.append(found[0] + 1)
            highs.append(found[1] + 1)
        else:
            stack.pop()
            visiting.discard(node)
            memo[node] = (min(lows), max(highs))
            if stack:
                stack[-1][2].append(memo[node][0] + 1)
                stack[-1][3].append(memo[node][1] + 1)
    return memo[scenario.start]


def scenario_files(folder: Path) -> list[Path]:
    """The scenario files in a folder, translations left out."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.yaml") if not _is_translation(p))


def _is_translation(path: Path) -> bool:
    """``name.xx.yaml`` (the rule of ``game.authoring.translations.is_translation_file``, without its imports)."""
    parts = path.name.split(".")
    return len(parts) >= 3 and len(parts[-2]) == 2 and parts[-2].isalpha()


class Catalogue:
    """The scenarios the picker shows; ``load_async`` starts reading them, ``entries`` waits for them."""

    def __init__(self, paths: list[Path]) -> None:
        self._entries = [Entry(p) for p in paths]
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def load_async(self) -> None:
        """Start loading every scenario in the background."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._load_all, name="sticky-catalogue", daemon=True)
            self._thread.start()

    def _load_all(self) -> None:
        for entry in self._entries:
            with self._lock:
                if entry.result is not None:
                    continue
                self._load(entry)

    @staticmethod
    def _load(entry: Entry) -> None:
        from game.authoring.load import load_scenario

        result = load_scenario(entry.path)
        if result.scenario is not None:
            entry.shortest, entry.longest = path_lengths(result.scenario)
        entry.result = result

    def entries(self) -> list[Entry]:
        """Every entry, fully loaded (waits for the background load); files with errors are left out."""
        if self._thread is not None:
            self._thread.join()
        for entry in self._entries:
            if entry.result is None:
                self._load(entry)
        return [e for e in self._entries if e.result is not None and e.result.scenario is not None]

    def find(self, path: str | Path) -> Entry | None:
        """The entry for a path (loaded), or None."""
        target = Path(path).resolve()
        return next((e for e in self.entries() if e.path.resolve() == target), None)

    def add(self, path: Path) -> None:
        """Add a scenario file that is not in the scenarios folder (``sticky play PATH``)."""
        target = path.resolve()
        if all(e.path.resolve() != target for e in self._entries):
            self._entries.append(Entry(path))
