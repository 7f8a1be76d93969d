"""The hook to learner records: every playthrough is recorded when ``game.training.record_store`` exists.

A records failure never stops the game: it is written to stderr and recording stops for this run.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.core.session import Outcome, Session


class Recorder:
    """Calls ``open_records(data_dir)`` lazily and wraps every call so it cannot crash the game."""

    def __init__(self, data_dir: Path, enabled: bool = True) -> None:
        self.data_dir = data_dir
        self.enabled = enabled
        self._records: Any = None
        self._opened = False
        self._uuids: dict[int, str] = {}

    def _open(self) -> Any:
        if not self.enabled:
            return None
        if not self._opened:
            self._opened = True
            try:
                from game.training.record_store import open_records
            except ImportError:
                self.enabled = False
                return None
            try:
                self._records = open_records(self.data_dir)
            except Exception as exc:  # noqa: BLE001 - any records problem is reported, never raised
                self._fail("open", exc)
        return self._records

    def _fail(self, what: str, exc: BaseException) -> None:
        print(f"sticky: learner records unavailable ({what}: {exc}); the game goes on", file=sys.stderr)
        self.enabled = False
        self._records = None

    def _safely(self, what: str, pid: int | None, act: Callable[[Any], object]) -> None:
        """``act`` on the records for playthrough ``pid``; nothing when not recording, and a failure turns
        recording off (the game goes on)."""
        records = self._open()
        if records is None or pid is None:
            return
        try:
            act(records)
        except Exception as exc:  # noqa: BLE001
            self._fail(what, exc)

    def start(self, session: Session, mode: str, language: str) -> int | None:
        """Record a new playthrough; its id, or None when not recording."""
        records = self._open()
        if records is None:
            return None
        try:
            return int(records.start(session, learner="anonymous", cohort=None, mode=mode, language=language))
        except Exception as exc:  # noqa: BLE001
            self._fail("start", exc)
            return None

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
        """Record ``pid``, or None (not recording, no such record, or the records can't be read)."""
        records = self._open()
        if records is None or pid is None:
            return None
        try:
            return records.get(pid)
        except Exception:  # noqa: BLE001 - e.g. a save from before the records were reset
            return None

    def resume(self, pid: int | None, session: Session, mode: str, language: str) -> int | None:
        """The record to go on with after a restart: ``pid`` while it is open, else a new one.

        A crash between recording an ending and the autosave leaves a save one choice before an ending that
        is already recorded; going on with that record would be refused ("already finished").
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
        try:  # the record may be a step ahead of the save (the crash came between the two): match the save
            recorded = [c.choice_id for c in record.choices]
            for i, outcome in enumerate(session.history):
                if i >= len(recorded) or recorded[i] != outcome.choice_id:
                    for later in session.history[i:]:
                        records.choice(pid, later, None)
                    break
            else:
                for _ in range(len(recorded) - len(session.history)):
                    records.undo(pid)
        except Exception as exc:  # noqa: BLE001
            self._fail("resume", exc)
        return pid

    def set_version(self, pid: int | None, content_hash: str) -> None:
        """Record that playthrough ``pid`` goes on with the scenario version ``content_hash`` (after F5)."""
        self._safely("version", pid, lambda records: records.set_version(pid, content_hash))

    def choice(self, pid: int | None, outcome: Outcome, seconds: float | None) -> None:
        """Record one choice."""
        self._safely("choice", pid, lambda records: records.choice(pid, outcome, seconds))

    def undo(self, pid: int | None) -> None:
        """Record that the last choice was taken back."""
        self._safely("undo", pid, lambda records: records.undo(pid))

    def finish(self, pid: int | None, session: Session) -> None:
        """Record the ending."""
        self._safely("finish", pid, lambda records: records.finish(pid, session))

    def commit(self, pid: int | None, text: str) -> None:
        """Record the learner's commitment (the debrief's last page)."""
        self._safely("commitment", pid, lambda records: records.commit(pid, text))

    def terminate(self, pid: int | None, session: Session) -> None:
        """Record that the learner left an unfinished playthrough (queues its xAPI so far)."""
        self._safely("terminate", pid, lambda records: records.terminate(pid, session))

    def close(self) -> None:
        """Close the database."""
        if self._records is not None:
            try:
                self._records.close(wait=1.0)
            except Exception as exc:  # noqa: BLE001
                print(f"sticky: closing learner records: {exc}", file=sys.stderr)
            self._records = None
            self._opened = False
