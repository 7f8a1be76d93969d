"""Where things live: the project's folders and the user's data folder (settings, saves, records)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
SCENARIOS = ROOT / "scenarios"

_ENV = "STICKY_DATA_DIR"


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
