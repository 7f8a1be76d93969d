"""Learner records: every playthrough, choice and group vote in a local SQLite database.

The database lives in the user's data folder (``game.paths.data_dir``; ``--data DIR`` overrides) as
``records.sqlite3``. It runs in WAL mode with ``synchronous=FULL``; every write is one transaction, so
a playthrough that ``finish`` returned for is on disk even if the process is killed right after.
The game calls::

    records = open_records(data_dir)
    pid = records.start(session, learner="Ana", cohort="SPA-01")
    records.choice(pid, outcome, decision_seconds=12.5)   # after every Session.choose
    records.undo(pid)                                     # after Session.undo
    records.finish(pid, session)                          # at the ending: also queues xAPI statements
    records.terminate(pid, session)                       # left before the ending: queues xAPI so far
    records.close()
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid as uuidlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from game.core.rules import initial_state
from game.core.scoring import score_summary
from game.core.session import Outcome, Session
from game.training._dberrors import describe, folder_is_read_only, is_busy
from game.training._schema import NewerRecords, RecordsBusy, RecordsError, migrate, require_current
from game.training.identity import PROFILE_NAME, read_profile
from game.training.record_reader import read_playthrough, read_playthroughs
from game.training.record_types import COMMITMENT_MAX, PlaythroughRecord

DB_NAME = "records.sqlite3"
__all__ = [
    "DB_NAME",
    "PROFILE_NAME",
    "NewerRecords",
    "Records",
    "RecordsBusy",
    "RecordsError",
    "is_busy",
    "open_records",
    "read_profile",
]


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _connect(path: Path, timeout: float = 10.0, read_only: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, FULL sync, foreign keys on; waiting
    up to ``timeout`` seconds for another program's lock. ``read_only`` opens without writing anything (a
    read-only folder without a write-ahead log is opened as immutable: nobody can write there)."""
    try:
        if read_only:
            wal = path.with_name(path.name + "-wal")
            frozen = folder_is_read_only(path) and not (wal.exists() and wal.stat().st_size)  # else the log counts
            uri = path.resolve().as_uri() + ("?immutable=1" if frozen else "?mode=ro")
            db = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        else:
            db = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    except sqlite3.Error as exc:
        raise describe(path, exc) from None
    return db


def open_records(
    data_dir: Path | str | None = None, *, auto_send: bool = True, busy_timeout: float = 10.0, read_only: bool = False
) -> Records:
    """Open (creating or migrating) the records database in ``data_dir`` or the user's data folder.

    With ``auto_send`` a finished playthrough's xAPI statements are sent in the background when an LRS
    is configured; they stay queued in the outbox otherwise (``sticky xapi send``). ``busy_timeout`` is how
    long to wait for another program's lock; ``read_only`` opens without changing the file (see Records).
    """
    from game.paths import data_dir as default_dir

    try:
        folder = default_dir(data_dir)
    except OSError as exc:
        raise RecordsError(f"cannot use data folder {data_dir}: {exc.strerror or exc}") from None
    return Records(folder / DB_NAME, auto_send=auto_send, busy_timeout=busy_timeout, read_only=read_only)


class Records:
    """An open records database. Not shared between threads: open one per thread."""

    def __init__(
        self, path: Path | str, *, auto_send: bool = False, busy_timeout: float = 10.0, read_only: bool = False
    ) -> None:
        """Open (creating or migrating) ``path``; ``read_only`` never writes and needs the current schema."""
        self.path = Path(path)
        self.data_dir = self.path.parent
        self.auto_send = auto_send
        self._senders: list[threading.Thread] = []
        self.db = _connect(self.path, busy_timeout, read_only)
        try:
            if read_only:
                require_current(self.db, self.path)
            else:
                migrate(self.db)
        except sqlite3.Error as exc:
            self.db.close()
            raise describe(self.path, exc) from None
        except RecordsError:
            self.db.close()
            raise

    # -- plumbing ------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _learner_id(self, name: str) -> int:
        name = (name or "").strip() or "anonymous"
        self.db.execute("INSERT OR IGNORE INTO learners(name, created_at) VALUES (?, ?)", (name, time.time()))
        return int(self.db.execute("SELECT id FROM learners WHERE name = ?", (name,)).fetchone()[0])

    def _open_playthrough(self, pid: int) -> None:
        row = self.db.execute("SELECT finished_at FROM playthroughs WHERE id = ?", (pid,)).fetchone()
        if row is None:
            raise RecordsError(f"there is no playthrough {pid}")
        if row[0] is not None:
            raise RecordsError(f"playthrough {pid} is already finished")

    def _insert_choice(self, pid: int, outcome: Outcome, seconds: float | None) -> None:
        data = outcome.to_json()
        # A record's deltas are the choice's and its chance outcome's together, as they always were (reports,
        # exports and xAPI add the rules to them); the game shows the outcome's apart from the live session.
        for key, value in data["outcome_deltas"].items():
            data["deltas"][key] = data["deltas"].get(key, 0) + value
        self.db.execute("DELETE FROM choices WHERE playthrough_id = ? AND turn >= ?", (pid, outcome.turn))
        self.db.execute(
            "INSERT INTO choices(playthrough_id, turn, scene_id, choice_id, style, decided_at, decision_seconds,"
            " deltas, rules, metrics, chance_index, roll, shown) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                outcome.turn,
                outcome.scene_id,
                outcome.choice_id,
                outcome.style,
                outcome.decided_at or time.time(),
                None if seconds is None else max(0.0, float(seconds)),
                _dump(data["deltas"]),
                _dump(data["rules"]),
                _dump(data["metrics"]),
                outcome.chance_index,
                outcome.roll,
                _dump(data["shown"]),
            ),
        )

    # -- writing -------------------------------------------------------------------------------------
    def start(
        self,
        session: Session,
        learner: str = "anonymous",
        cohort: str | None = None,
        mode: str = "practice",
        language: str = "en",
        *,
        uuid: str | None = None,
    ) -> int:
        """Record the start of a playthrough (and any choices the session already has); returns its id.

        An anonymous learner and a missing cohort default to this laptop's profile (``learner.json``).
        """
        scenario = session.scenario
        start = initial_state(scenario).metric_dict()
        profile = read_profile(self.data_dir)
        if (learner or "").strip() in ("", "anonymous"):
            learner = profile.get("learner", "anonymous")
        cohort = (cohort or "").strip() or profile.get("cohort") or None
        with self.transaction():
            learner_id = self._learner_id(learner)
            cursor = self.db.execute(
                "INSERT INTO playthroughs(uuid, learner_id, cohort, scenario_id, content_hash, language, mode, seed,"
                " started_at, start_metrics) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    uuid or str(uuidlib.uuid4()),
                    learner_id,
                    cohort,
                    scenario.id,
                    scenario.content_hash,
                    language or scenario.language,
                    mode or "practice",
                    session.seed,
                    time.time(),
                    _dump(start),
                ),
            )
            pid = int(cursor.lastrowid or 0)
            for outcome in session.history:
                self._insert_choice(pid, outcome, None)
        return pid

    def choice(self, pid: int, outcome: Outcome, decision_seconds: float | None) -> None:
        """Record one choice (replacing any recorded at this turn or later, e.g. after an undo)."""
        with self.transaction():
            self._open_playthrough(pid)
            self._insert_choice(pid, outcome, decision_seconds)

    def set_version(self, pid: int, content_hash: str) -> None:
        """The scenario version (``content_hash``) an unfinished playthrough goes on with.

        After its file was edited and reloaded (F5) the same record goes on with the new version, so replays,
        reports and exports look for the file it is now played with. A finished playthrough keeps its version.
        """
        with self.transaction():
            self._open_playthrough(pid)
            self.db.execute("UPDATE playthroughs SET content_hash = ? WHERE id = ?", (content_hash, pid))

    def undo(self, pid: int) -> None:
        """Drop the last recorded choice of an unfinished playthrough (nothing happens at the start)."""
        with self.transaction():
            self._open_playthrough(pid)
            self.db.execute(
                "DELETE FROM choices WHERE playthrough_id = ? AND turn = "
                "(SELECT MAX(turn) FROM choices WHERE playthrough_id = ?)",
                (pid, pid),
            )

    def votes(
        self,
        pid: int,
        turn: int,
        scene_id: str,
        counts: Mapping[str, int],
        picked: str | None,
        phones: Mapping[str, int] | None = None,
    ) -> None:
        """Record a group's votes at one turn (``counts``: choice id -> people); replaces earlier ones.

        ``phones`` says how many of each choice's votes came from the room's phones (choice id -> votes, a
        choice left out had none), the rest having been counted in the room; without it the split is not
        known and is kept as unknown (NULL), not as zero.
        """
        if any(int(n) < 0 for n in counts.values()):
            raise RecordsError("a vote count can't be negative")
        if phones is not None:
            for choice_id, n in phones.items():
                if not 0 <= int(n) <= int(counts.get(choice_id, 0)):
                    raise RecordsError(
                        f"the votes from phones for '{choice_id}' ({n}) must be from 0 to its votes"
                        f" ({counts.get(choice_id, 0)})"
                    )
        with self.transaction():
            self._open_playthrough(pid)
            self.db.execute("DELETE FROM votes WHERE playthrough_id = ? AND turn = ?", (pid, turn))
            for choice_id, count in counts.items():
                from_phones = None if phones is None else int(phones.get(choice_id, 0))
                self.db.execute(
                    "INSERT INTO votes(playthrough_id, turn, scene_id, choice_id, count, picked, phones)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (pid, turn, scene_id, choice_id, int(count), int(choice_id == picked), from_phones),
                )

    def finish(self, pid: int, session: Session) -> None:
        """Record the ending and final metrics, sync the choices with the session, queue xAPI statements.

        When this returns, the playthrough is committed to disk.
        """
        from game.training.outbox import queue_playthrough

        ending = session.ending
        with self.transaction():
            self._open_playthrough(pid)
            recorded = dict(
                self.db.execute("SELECT turn, choice_id FROM choices WHERE playthrough_id = ?", (pid,)).fetchall()
            )
            for outcome in session.history:
                if recorded.get(outcome.turn) != outcome.choice_id:
                    self._insert_choice(pid, outcome, None)
            self.db.execute("DELETE FROM choices WHERE playthrough_id = ? AND turn > ?", (pid, len(session.history)))
            scores = score_summary(session.scenario, ((o.scene_id, o.choice_id) for o in session.history))
            self.db.execute(
                "UPDATE playthroughs SET finished_at = ?, ending_id = ?, rating = ?, final_metrics = ?, scores = ?"
                " WHERE id = ?",
                (
                    time.time(),
                    ending.id if ending else None,
                    ending.rating if ending else None,
                    _dump({k: v for k, v in session.metrics.items()}),
                    _dump(scores),
                    pid,
                ),
            )
            queue_playthrough(self.db, self.get(pid), self.data_dir, session.scenario)
        if self.auto_send:
            self._send_in_background()

    def commit(self, pid: int, text: str) -> None:
        """Keep the learner's commitment for ``pid`` (the debrief's last page): stripped, at most
        ``COMMITMENT_MAX`` characters; an empty text clears it. Written again when the learner edits it."""
        kept = " ".join(text.split())[:COMMITMENT_MAX] or None
        with self.transaction():
            self._open_playthrough_any(pid)
            self.db.execute("UPDATE playthroughs SET commitment = ? WHERE id = ?", (kept, pid))

    def _open_playthrough_any(self, pid: int) -> None:
        if self.db.execute("SELECT 1 FROM playthroughs WHERE id = ?", (pid,)).fetchone() is None:
            raise RecordsError(f"there is no playthrough {pid}")

    def terminate(self, pid: int, session: Session) -> int:
        """The learner left ``pid`` before its ending: queue its xAPI statements so far and *terminated*.

        Nothing else changes: the playthrough stays unfinished and can be resumed (Continue), and its
        statements then keep their ids. Leaving again at the same point queues nothing new. Returns how
        many statements were queued; a finished playthrough queues none.
        """
        from game.training.outbox import queue_terminated

        with self.transaction():
            record = self.get(pid)
            if record.finished:
                return 0
            scene = None if session.finished else session.state.node
            added = queue_terminated(self.db, record, self.data_dir, session.scenario, scene)
        if self.auto_send and added:
            self._send_in_background()
        return added

    def _send_in_background(self) -> None:
        from game.training.lrs import lrs_config, send_pending

        try:
            if lrs_config(self.data_dir) is None or os.environ.get("STICKY_XAPI_AUTOSEND") == "0":
                return
        except ValueError:  # a broken LRS config: statements stay queued; `sticky xapi send` explains
            return
        path = self.path

        def work() -> None:
            try:
                with Records(path) as records:
                    send_pending(records, retries=1, timeout=5.0)
            except Exception:  # noqa: BLE001 - a background send must never disturb the game
                pass

        thread = threading.Thread(target=work, name="sticky-xapi-send", daemon=True)
        thread.start()
        self._senders.append(thread)

    # -- reading -------------------------------------------------------------------------------------
    def get(self, ref: int | str) -> PlaythroughRecord:
        """A playthrough by its number or (a prefix of) its UUID; raises RecordsError if not found."""
        return read_playthrough(self.db, ref)

    def playthroughs(self, cohort: str | None = None, finished_only: bool = False) -> list[PlaythroughRecord]:
        """Every playthrough (of one cohort), oldest first."""
        return read_playthroughs(self.db, cohort, finished_only)

    def cohorts(self) -> list[str | None]:
        """The cohort codes in the database (None for playthroughs without one)."""
        sql = "SELECT DISTINCT cohort FROM playthroughs ORDER BY cohort IS NULL, cohort"
        return [r[0] for r in self.db.execute(sql)]

    # -- closing -------------------------------------------------------------------------------------
    def close(self, wait: float = 5.0) -> None:
        """Close the database, giving background xAPI sends up to ``wait`` seconds to finish."""
        deadline = time.monotonic() + wait
        for thread in self._senders:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._senders.clear()
        self.db.close()

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
