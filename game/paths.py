"""Where things live: the game's own content (inside the package) and the user's data folder.

The shipped scenarios, their translations, fonts, pictures, icons and sounds are package data under
``game/scenarios`` and ``game/assets``, found through :mod:`importlib.resources`, so a wheel, ``pipx install``
and an editable clone all find the same files. (A zipped install is extracted once for the process by
``importlib.resources.as_file``.)
"""

from __future__ import annotations

import atexit
import errno
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


class DataFolderError(OSError):
    """The data folder can't be used: ``path`` is the folder asked for, ``reason`` is ``"not-a-folder"`` (a file,
    a device or a pipe is there, or on its way) or ``"cannot-make"`` (``detail`` says why, as the system put it).
    An OSError, so callers that catch those still do; the command line words it in the user's language."""

    def __init__(self, path: Path, reason: str, detail: str = "") -> None:
        self.path = path
        self.reason = reason
        self.detail = detail
        why = "it is not a folder" if reason == "not-a-folder" else f"it can't be made ({detail})"
        super().__init__(errno.ENOTDIR if reason == "not-a-folder" else errno.EACCES, why, str(path))


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for settings, saves and records: ``override`` (``--data DIR``), ``$STICKY_DATA_DIR``,
    or the user's data folder from platformdirs. Created if missing; :class:`DataFolderError` when something
    that is not a folder is in the way or it can't be made (a read-only parent, a name too long)."""
    if override:
        path = Path(override)
    elif os.environ.get(_ENV):
        path = Path(os.environ[_ENV])
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("sticky-situations", appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise DataFolderError(path, "not-a-folder") from None
    except OSError as exc:
        raise DataFolderError(path, "cannot-make", exc.strerror or str(exc)) from None
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
        try:
            if candidate.is_file():
                return str(candidate)
        except (OSError, ValueError):  # a remembered folder the system can't look into (a name too long)
            continue
    return ref


def shipped_ids() -> list[str]:
    """The ids of the scenarios that come with the game (their file names)."""
    return sorted(p.stem for p in SCENARIOS.glob("*.yaml") if p.stem.count(".") == 0)
