"""`sticky records recover`: save what can still be read from a damaged records database into a new one.

The damaged file is never changed: it is copied (with its write-ahead log) to a temporary folder and read
there, table by table and row by row, in rowid order. When SQLite meets a damaged page the reading skips
ahead past it (in growing steps) and carries on, so everything on pages that are whole is saved. The rows
go into a new database with the current schema, built under a temporary name and renamed into place beside
the old file. A playthrough is kept only when it reads back whole (its choices, votes and numbers parse);
the xAPI outbox is copied too, so statements already sent are not sent again.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from game.training._schema import RecordsError
from game.training.record_reader import read_playthrough
from game.training.record_store import Records

#: Tables in the order they are copied (a row's parents come first).
TABLES = ("learners", "playthroughs", "choices", "votes", "xapi_outbox")
_GIVE_UP = 1 << 48


@dataclass
class RecoverReport:
    """What a recovery saved: the new file, playthroughs kept (``partial`` of them lost some choices: their
    ending and scores are kept, a replay won't match), playthroughs dropped, tables that could not be read."""

    target: Path
    saved: int = 0
    partial: int = 0
    dropped: int = 0
    unreadable_tables: tuple[str, ...] = ()


def _rows(db: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple[object, ...]]:
    """Every readable row of ``table``, in rising rowid; a damaged stretch (an error, or rowids that stop rising,
    as a damaged page pointing back into the tree makes them) is skipped by jumping ahead in growing steps."""
    names = ", ".join(f'"{c}"' for c in columns)
    last = -(1 << 63)
    step = 1
    while last < _GIVE_UP:
        try:
            cursor = db.execute(f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid', (last,))
            for row in cursor:
                if not isinstance(row[0], int) or row[0] <= last:
                    raise sqlite3.DatabaseError("rows out of order: a damaged page loops")
                last = row[0]
                step = 1
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError:
            last = max(last, 0) + step
            step *= 2


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [str(r[1]) for r in db.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        return []


def _copy_source(damaged: Path, folder: Path) -> Path:
    """The damaged file and its write-ahead log copied into ``folder`` (the original is only read)."""
    copy = folder / damaged.name
    shutil.copyfile(damaged, copy)
    _pad_to_header_size(copy)
    wal = damaged.with_name(damaged.name + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    return copy


def _pad_to_header_size(copy: Path) -> None:
    """A truncated file is padded with empty pages up to the size its header gives, so SQLite reads the pages
    that are left instead of refusing the whole file."""
    with open(copy, "r+b") as handle:
        header = handle.read(100)
        if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
            return
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        wanted = page_size * pages
        size = handle.seek(0, 2)
        if 512 <= page_size <= 65536 and size < wanted <= size + (1 << 31):
            handle.truncate(wanted)


def _copy_table(source: sqlite3.Connection, target: sqlite3.Connection, table: str) -> bool:
    """Copy the readable rows of ``table``; False when the table itself can't be found or read."""
    wanted = _columns(target, table)
    have = set(_columns(source, table))
    columns = [c for c in wanted if c in have]
    if not columns:
        return False
    marks = ", ".join("?" for _ in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({", ".join(columns)}) VALUES ({marks})'
    for row in _rows(source, table, columns):
        if table == "playthroughs" and "learner_id" in columns:
            _ensure_learner(target, row[columns.index("learner_id")])
        with contextlib.suppress(sqlite3.Error, ValueError, OverflowError):
            target.execute(insert, row)
    return True


def _ensure_learner(db: sqlite3.Connection, learner_id: object) -> None:
    """A learner whose row was lost gets a placeholder name, so their playthroughs are still saved."""
    if not isinstance(learner_id, int):
        return
    with contextlib.suppress(sqlite3.Error):
        db.execute(
            "INSERT OR IGNORE INTO learners(id, name, created_at) VALUES (?, ?, ?)",
            (learner_id, f"learner {learner_id} (name lost, recovered)", time.time()),
        )


def _state(db: sqlite3.Connection, pid: int) -> str:
    """``whole``, ``partial`` (reads back, but a choice is missing) or ``broken`` (doesn't read back)."""
    try:
        record = read_playthrough(db, f"#{pid}")
        json.dumps(record.to_json(), allow_nan=False)
    except (RecordsError, ValueError, TypeError, OverflowError, sqlite3.Error):
        return "broken"
    if not (isinstance(record.uuid, str) and isinstance(record.seed, int) and isinstance(record.started_at, float)):
        return "broken"
    turns = [c.turn for c in record.choices]
    if turns != list(range(1, len(turns) + 1)) or (record.finished and not turns):
        return "partial"
    return "whole"


def recover(damaged: Path, target: Path | None = None) -> RecoverReport:
    """Save what can be read from ``damaged`` into ``target`` (default: beside it, with the time in its name)."""
    if not damaged.is_file():
        raise RecordsError(f"{damaged}: there is no records database here to recover")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = target or damaged.with_name(f"{damaged.stem}.recovered-{stamp}{damaged.suffix}")
    if target.exists():
        raise RecordsError(f"{target}: already exists; move it away or give another name with --out")
    report = RecoverReport(target)
    with tempfile.TemporaryDirectory(prefix="sticky-recover-") as scratch:
        try:
            copy = _copy_source(damaged, Path(scratch))
        except OSError as exc:
            raise RecordsError(f"{damaged}: can't be read ({exc.strerror or exc})") from None
        building = target.with_name(f".{target.name}.tmp")
        building.unlink(missing_ok=True)
        try:
            fresh = Records(building)
        except RecordsError as exc:  # a full disk: the empty file SQLite made is not left behind
            _remove(building)
            raise RecordsError(f"{target}: can't be written ({exc})") from None
        try:
            source = sqlite3.connect(str(copy), isolation_level=None)
            unreadable: list[str] = []
            try:
                fresh.db.execute("BEGIN IMMEDIATE")
                for table in TABLES:
                    if not _copy_table(source, fresh.db, table):
                        unreadable.append(table)
                ids = [int(r[0]) for r in fresh.db.execute("SELECT id FROM playthroughs ORDER BY id")]
                for pid in ids:
                    state = _state(fresh.db, pid)
                    if state != "broken":
                        report.saved += 1
                        report.partial += state == "partial"
                    else:
                        fresh.db.execute("DELETE FROM playthroughs WHERE id = ?", (pid,))
                        report.dropped += 1
                fresh.db.execute("COMMIT")
            finally:
                source.close()
            report.unreadable_tables = tuple(unreadable)
            fresh.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            fresh.close()
            _remove(building)
            raise RecordsError(f"{target}: could not be written ({exc}); the damaged file is unchanged") from None
        fresh.close()
    try:
        building.replace(target)
    except OSError as exc:
        _remove(building)
        raise RecordsError(f"{target}: could not be written ({exc.strerror or exc})") from None
    return report


def _remove(path: Path) -> None:
    for extra in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(str(path) + extra).unlink()
