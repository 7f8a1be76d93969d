"""What went wrong with the records database, in one line a trainer can act on.

SQLite reports a damaged file, a lock held by another program, a read-only folder and a full disk with
different error codes; :func:`describe` turns each into a :class:`RecordsError` that names the file and says
what to do, so no command shows a traceback or carries on as if nothing were wrong. :func:`check_health`
reads the whole file once (``PRAGMA quick_check``) so damage is found before a command prints numbers.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from game.locale import plural
from game.training._schema import RecordsBusy, RecordsError

#: What to do about a damaged database (every message about damage ends with it).
DAMAGED_HINT = (
    "restore a backup of it, or re-import the exports (`sticky records import FILE`), "
    "or save what can still be read with `sticky records recover`"
)

_CORRUPT = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt")


def _name(exc: sqlite3.Error) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or "")


def folder_is_read_only(path: Path) -> bool:
    """True when the database's folder (or the file itself, when it exists) can't be written by us."""
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return True
    return path.exists() and not os.access(path, os.W_OK)


def disk_is_full(path: Path, spare: int = 1 << 20) -> bool:
    """True when the folder of ``path`` has less than ``spare`` bytes free (SQLite often says only "I/O error")."""
    try:
        return shutil.disk_usage(path.parent).free < spare
    except OSError:
        return False


def is_damage(exc: BaseException) -> bool:
    """True when SQLite says the file is damaged or is not a database at all."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    name = _name(exc)
    if name.split("_")[0:2] == ["SQLITE", "CORRUPT"] or name in _CORRUPT:
        return True
    return any(word in str(exc).lower() for word in _DAMAGE_WORDS)


def is_busy(exc: BaseException) -> bool:
    """True when another connection holds a lock this one waited for in vain."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    return _name(exc).startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc).lower()


def describe(path: Path, exc: BaseException) -> RecordsError:
    """One line naming ``path`` and saying what to do about ``exc`` (an sqlite3 error or an OSError)."""
    name = _name(exc) if isinstance(exc, sqlite3.Error) else ""
    text = str(exc).lower()
    if is_damage(exc):
        return RecordsError(f"{path}: is damaged or not a records database ({exc}); {DAMAGED_HINT}")
    if is_busy(exc):
        return RecordsBusy(
            f"{path}: is in use by another program (another `sticky` command or the game is writing to it); "
            "wait for it to finish or close it, then try again"
        )
    full = name.startswith("SQLITE_FULL") or "disk is full" in text or getattr(exc, "errno", None) == 28
    if full or (name.startswith("SQLITE_IOERR") or "i/o error" in text) and disk_is_full(path):
        return RecordsError(f"{path}: the disk is full; nothing was changed. Free some space on it and try again")
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text or folder_is_read_only(path):
        return RecordsError(
            f"{path}: the data folder {path.parent} is read-only; this command writes to the records. "
            "Use a folder you can write to (--data DIR), or copy the records there"
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return RecordsError(f"{path}: can't be opened ({exc}); check that the folder exists and is yours")
    if name.startswith("SQLITE_IOERR") or "i/o error" in text:
        return RecordsError(
            f"{path}: the disk could not be read or written ({exc}); check the disk, then {DAMAGED_HINT}"
        )
    return RecordsError(f"{path}: the records database failed ({exc})")


def check_health(db: sqlite3.Connection, path: Path) -> None:
    """Raise a RecordsError naming ``path`` when SQLite finds damage anywhere in the file."""
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        raise describe(path, exc) from None
    problems = [str(row[0]) for row in rows if row and row[0] != "ok"]
    if problems:
        first = problems[0][:120]
        more = f" and {plural('en', len(problems) - 1, 'count.more_problems')}" if len(problems) > 1 else ""
        raise RecordsError(f"{path}: is damaged ({first}{more}); {DAMAGED_HINT}")
