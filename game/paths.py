"""Where things live: the game's own content (inside the package) and the user's data folder.

The shipped scenarios, their translations, fonts, pictures, icons and sounds are package data under
``game/scenarios`` and ``game/assets``, found through :mod:`importlib.resources`, so a wheel, ``pipx install``
and an editable clone all find the same files. (A zipped install is extracted once for the process by
``importlib.resources.as_file``.)
"""

from __future__ import annotations

import atexit
import os
import re
from collections.abc import Iterable
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path

_ENV = "STICKY_DATA_DIR"
_EXTRACTED = ExitStack()
atexit.register(_EXTRACTED.close)


def _resource(name: str) -> Path:
    """A real folder holding the package resource ``name`` for the life of the process."""
    return Path(_EXTRACTED.enter_context(as_file(files("game") / name)))


ASSETS = _resource("assets")
SCENARIOS = _resource("scenarios")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for settings, saves and records: ``override`` (``--data DIR``), ``$STICKY_DATA_DIR``,
    or the user's data folder from platformdirs. Created if missing."""
    if override:
        path = Path(override)
    elif os.environ.get(_ENV):
        path = Path(os.environ[_ENV])
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("sticky-situations", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


_SCENARIO_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def find_scenario(ref: str, folders: Iterable[Path]) -> str:
    """The file to open for ``ref``: ``ref`` itself when it is a path that exists (or does not look like an id);
    else ``<id>.yaml`` from the first of ``folders`` that has it (the shipped scenarios, then the trainer's own
    folder); else ``ref`` unchanged, so that loading it says clearly that there is no such file."""
    if not _SCENARIO_ID.fullmatch(ref) or Path(ref).exists():
        return ref
    for folder in folders:
        candidate = folder / f"{ref}.yaml"
        if candidate.is_file():
            return str(candidate)
    return ref


def shipped_ids() -> list[str]:
    """The ids of the scenarios that come with the game (their file names)."""
    return sorted(p.stem for p in SCENARIOS.glob("*.yaml") if p.stem.count(".") == 0)
