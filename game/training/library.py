"""Finding the scenario a record was played with: same id and content hash, in scenarios/ or given paths."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from game.authoring.load import LoadResult, load_scenario
from game.authoring.translations import is_translation_file

_CACHE: dict[tuple[str, float], LoadResult] = {}


def _scenario_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*.y*ml")) if not is_translation_file(p))
        elif path.is_file():
            files.append(path)
    return files


def load_cached(path: Path) -> LoadResult:
    """``load_scenario`` with a per-process cache keyed on path and modification time."""
    try:
        key = (str(path.resolve()), path.stat().st_mtime)
    except OSError:
        return load_scenario(path)
    if key not in _CACHE:
        _CACHE[key] = load_scenario(path)
    return _CACHE[key]


def find_scenario(scenario_id: str, content_hash: str | None, paths: Iterable[Path | str] = ()) -> LoadResult | None:
    """The loaded scenario with this id (and content hash, unless None) in ``paths`` or scenarios/."""
    from game.paths import SCENARIOS

    for file in _scenario_files([Path(p) for p in paths] + [SCENARIOS]):
        result = load_cached(file)
        scenario = result.scenario
        if scenario is None or scenario.id != scenario_id:
            continue
        if content_hash is None or scenario.content_hash == content_hash:
            return result
    return None


def scenario_versions(scenario_id: str, paths: Iterable[Path | str] = ()) -> list[LoadResult]:
    """Every loadable file whose scenario has this id (any content hash)."""
    from game.paths import SCENARIOS

    out: list[LoadResult] = []
    for file in _scenario_files([Path(p) for p in paths] + [SCENARIOS]):
        result = load_cached(file)
        if result.scenario is not None and result.scenario.id == scenario_id:
            out.append(result)
    return out
