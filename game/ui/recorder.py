"""The hook to learner records: every playthrough is recorded when ``game.training.record_store`` exists.

A records problem never stops the game and never holds up the window. A write waits at most ``BUSY_WAIT``
for another program's lock; when the lock is still held the write (and every one after it) waits in a queue
that ``poll`` tries again every ``RETRY_EVERY`` seconds, so the playthrough is recorded whole once the lock is
released, as long as the game is still open. Any other failure (the records file is a folder, is from a newer
version of the game, is damaged) is written to stderr and recording stops for this run. Each of these is put
in ``news`` once, for the window to tell the learner (``game.ui.record_notice``).
"""

from __future__ import annotations

import sys
import time
import uuid as uuidlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.core.session import Outcome, Session

#: How long one write waits for another program's lock (seconds): about a frame, so the window never stalls.
BUSY_WAIT = 0.02
#: How often writes held up by a lock are tried again (seconds).
RETRY_EVERY = 1.0
#: How long one frame may spend writing what a lock held up (seconds): each write is a transaction synced to
#: disk, and a long queue takes seconds on a slow disk, so it is written a little each frame.
FLUSH_BUDGET = 0.05

#: What ``news`` may hold: records held by another program, written after all, a folder where the file should
#: be, a newer version's records, any other failure.
BUSY, CAUGHT_UP, FOLDER, NEWER, FAILED = "busy", "caught_up", "folder", "newer", "failed"

Act = Callable[[Any, int], object]


def _frozen(session: Session) -> Session:
    """A copy of ``session`` as it is now, for a write that may run later (the live one goes on)."""
    from game.core.session import Session

    return Session.from_json(session.scenario, session.to_json())


class Recorder:
    """Calls ``open_records(data_dir)`` lazily and wraps every call so it can neither crash nor freeze the game.

    A playthrough is named by the number ``start`` returns: its record's id, or (while the start waits for a
    lock) a negative number that stands for the record until it is written; ``record_id`` says which.
    """

    def __init__(self, data_dir: Path, enabled: bool = True) -> None:
        self.data_dir = data_dir
        self.enabled = enabled
        self.news: list[str] = []  # what the learner should be told, each kind once (see the module doc)
        self._records: Any = None
        self._opened = False
        self._uuids: dict[int, str] = {}
        self._pending: list[tuple[str, int, Act]] = []  # writes waiting for a lock, in order
        self._real: dict[int, int] = {}  # a stand-in number -> the record's id once written
        self._next_stand_in = -1
        self._retry_at = 0.0  # no new try at a held lock before this time (time.monotonic)
        self._waiting = False  # some write has waited for a lock since the last catch-up
        self._told: set[str] = set()

    # -- plumbing ------------------------------------------------------------------------------------
    def _tell(self, kind: str) -> None:
        if kind not in self._told:
            self._told.add(kind)
            self.news.append(kind)

    def _open(self) -> Any:
        if not self.enabled or self._opened:
            return self._records
        if time.monotonic() < self._retry_at:
            return None
        try:
            from game.training.record_store import RecordsBusy, open_records
        except ImportError:
            self.enabled = False
            return None
        try:
            self._records = open_records(self.data_dir, busy_timeout=BUSY_WAIT)
            self._opened = True
        except RecordsBusy as exc:
            self._held_up(exc)
        except Exception as exc:  # noqa: BLE001 - any records problem is reported, never raised
            self._fail("open", exc)
        return self._records

    def _held_up(self, exc: BaseException) -> None:
        """Another program holds the lock: try again later; tell the learner once."""
        if not self._waiting:
            print(f"sticky: learner records are in use by another program ({exc}); trying again", file=sys.stderr)
        self._waiting = True
        self._retry_at = time.monotonic() + RETRY_EVERY
        self._tell(BUSY)

    def _fail(self, what: str, exc: BaseException) -> None:
        print(f"sticky: learner records unavailable ({what}: {exc}); the game goes on", file=sys.stderr)
        if self._pending:
            print(f"sticky: {len(self._pending)} waiting record writes dropped", file=sys.stderr)
        self._tell(self._kind(exc))
        self.enabled = False
        self._records = None
        self._pending.clear()

    def _kind(self, exc: BaseException) -> str:
        from game.training.record_store import DB_NAME, NewerRecords

        if isinstance(exc, NewerRecords):
            return NEWER
        if (Path(self.data_dir) / DB_NAME).is_dir():
            return FOLDER
        return FAILED

    def _busy(self, exc: BaseException) -> bool:
        from game.training.record_store import RecordsBusy, is_busy

        return isinstance(exc, RecordsBusy) or is_busy(exc)

    def _do(self, what: str, pid: int | None, act: Act) -> None:
        """Queue ``act(records, record id)`` for playthrough ``pid`` and write what can be written now;
        nothing when not recording."""
        if not self.enabled or pid is None:
            return
        self._pending.append((what, pid, act))
        self.flush()

    def flush(self, budget: float | None = FLUSH_BUDGET) -> bool:
        """Write the queued writes in order, unless a lock held them up less than ``RETRY_EVERY`` ago, for at
        most ``budget`` seconds (None: all of them); True when none is left waiting."""
        began = time.monotonic()
        if self._pending and self.enabled and began >= self._retry_at:
            records = self._open()
            while records is not None and self._pending:
                what, pid, act = self._pending[0]
                try:
                    act(records, self._real.get(pid, pid))
                except Exception as exc:  # noqa: BLE001 - any records problem is reported, never raised
                    if self.enabled and self._busy(exc):
                        self._held_up(exc)
                    else:
                        self._fail(what, exc)
                    break
                self._pending.pop(0)
                if budget is not None and time.monotonic() - began > budget:
                    break  # the rest next frame (``poll``); at least one write each time
        if self._pending and self.enabled:
            return False
        if self._waiting and self.enabled and self._opened:
            self._waiting = False
            self._told.discard(CAUGHT_UP)
            self._told.discard(BUSY)  # a later lock is told about again
            self._tell(CAUGHT_UP)
            print("sticky: learner records written after all", file=sys.stderr)
        return True

    def poll(self) -> None:
        """Called every frame: try the writes a lock held up again (at most every ``RETRY_EVERY`` seconds) and
        go on with a queue the last frame did not finish."""
        if self._pending:
            self.flush()

    @property
    def waiting(self) -> int:
        """How many writes wait for a lock."""
        return len(self._pending)

    # -- recording -----------------------------------------------------------------------------------
    def start(self, session: Session, mode: str, language: str) -> int | None:
        """Record a new playthrough; the number that names it from now on, or None when not recording."""
        if not self.enabled:
            return None
        stand_in = self._next_stand_in
        self._next_stand_in -= 1
        uuid = str(uuidlib.uuid4())
        self._uuids[stand_in] = uuid
        frozen = _frozen(session)

        def act(records: Any, _: int) -> None:
            pid = int(records.start(frozen, learner="anonymous", cohort=None, mode=mode, language=language, uuid=uuid))
            self._real[stand_in] = pid
            self._uuids[pid] = uuid

        self._do("start", stand_in, act)
        if not self.enabled:
            return None
        return self._real.get(stand_in, stand_in)

    def record_id(self, pid: int | None) -> int | None:
        """The id of the record ``pid`` names, or None while it waits to be written (or is not recorded)."""
        if pid is None:
            return None
        pid = self._real.get(pid, pid)
        return pid if pid > 0 else None

    def uuid(self, pid: int | None) -> str | None:
        """The UUID of record ``pid`` (kept in the autosave, so a save resumes only its own record)."""
        if pid is None:
            return None
        if pid not in self._uuids:
            record = self.lookup(pid)
            if record is None:
                return None
            self._uuids[pid] = str(record.uuid)
        return self._uuids[pid]

    def lookup(self, pid: int | None) -> Any:
        """Record ``pid``, or None (not recording, not written yet, no such record, or unreadable)."""
        records = self._open()
        real = self.record_id(pid)
        if records is None or real is None:
            return None
        try:
            return records.get(real)
        except Exception:  # noqa: BLE001 - e.g. a save from before the records were reset
            return None

    def resume(self, pid: int | None, session: Session, mode: str, language: str) -> int | None:
        """The record to go on with after a restart: ``pid`` while it is open, else a new one.

        A crash between recording an ending and the autosave leaves a save one choice before an ending that
        is already recorded; going on with that record would be refused ("already finished"). A save at an
        ending its record lacks (a lock held until the game closed) records the ending now, with the choices.
        """
        records = self._open()
        if records is None or pid is None:
            return pid
        try:
            record = records.get(pid)
        except Exception:  # noqa: BLE001 - e.g. a save from before the records were reset
            return self.start(session, mode, language)
        if record.finished:
            return pid if session.finished else self.start(session, mode, language)
        frozen = _frozen(session)
        if session.finished:  # ``finish`` records the choices the record lacks, then the ending
            self._do("finish", pid, lambda records, real: _finish_open(records, real, frozen))
        else:
            self._do("resume", pid, lambda records, real: _match(records, real, frozen))
        return pid

    def set_version(self, pid: int | None, content_hash: str) -> None:
        """Record that playthrough ``pid`` goes on with the scenario version ``content_hash`` (after F5)."""
        self._do("version", pid, lambda records, real: records.set_version(real, content_hash))

    def choice(self, pid: int | None, outcome: Outcome, seconds: float | None) -> None:
        """Record one choice."""
        self._do("choice", pid, lambda records, real: records.choice(real, outcome, seconds))

    def undo(self, pid: int | None) -> None:
        """Record that the last choice was taken back."""
        self._do("undo", pid, lambda records, real: records.undo(real))

    def finish(self, pid: int | None, session: Session) -> None:
        """Record the ending (of ``session`` as it is now: a lock may hold the write up while play goes on)."""
        frozen = _frozen(session) if self.enabled and pid is not None else session
        self._do("finish", pid, lambda records, real: records.finish(real, frozen))

    def commit(self, pid: int | None, text: str) -> None:
        """Record the learner's commitment (the debrief's last page)."""
        self._do("commitment", pid, lambda records, real: records.commit(real, text))

    def terminate(self, pid: int | None, session: Session) -> None:
        """Record that the learner left an unfinished playthrough (queues its xAPI so far, as it is now)."""
        frozen = _frozen(session) if self.enabled and pid is not None else session
        self._do("terminate", pid, lambda records, real: records.terminate(real, frozen))

    def close(self) -> None:
        """Write what waits if the lock is free now, then close the database."""
        if self._pending and self.enabled:
            self._retry_at = 0.0
            self.flush(budget=None)
            if self._pending:
                print(
                    f"sticky: learner records still in use by another program; {len(self._pending)} record"
                    " writes of this run are lost (Continue records the playthrough again)",
                    file=sys.stderr,
                )
                self._pending.clear()
        if self._records is not None:
            try:
                self._records.close(wait=1.0)
            except Exception as exc:  # noqa: BLE001
                print(f"sticky: closing learner records: {exc}", file=sys.stderr)
            self._records = None
            self._opened = False


def _finish_open(records: Any, pid: int, session: Session) -> None:
    """Record the ending of ``pid`` unless it has one (the same save continued twice while the records were
    locked asks twice)."""
    if not records.get(pid).finished:
        records.finish(pid, session)


def _match(records: Any, pid: int, session: Session) -> None:
    """Make record ``pid`` hold the choices of ``session`` (the record may be a step ahead of the save, when a
    crash came between the two, or behind it)."""
    record = records.get(pid)
    if record.finished:
        return
    recorded = [c.choice_id for c in record.choices]
    for i, outcome in enumerate(session.history):
        if i >= len(recorded) or recorded[i] != outcome.choice_id:
            for later in session.history[i:]:
                records.choice(pid, later, None)
            return
    for _ in range(len(recorded) - len(session.history)):
        records.undo(pid)
