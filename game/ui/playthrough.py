"""One playthrough as the window sees it: the Session plus mode, language, autosave, records and F5 reload.

The UI never changes a metric: every change goes through ``Session.choose / undo / rewind`` and the
screens only show the ``Outcome`` that comes back. After every change the game autosaves.
"""

from __future__ import annotations

import contextlib
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.authoring.diagnostics import Diagnostic, Severity
from game.authoring.load import LoadResult, load_scenario
from game.core.model import Scenario
from game.core.session import ChoiceNotAvailable, Outcome, SaveError, Session
from game.locale import plural
from game.ui.recorder import Recorder
from game.ui.storage import Progress, SaveSlot

PRACTICE = "practice"
ASSESSMENT = "assessment"


@dataclass
class Services:
    """What a playthrough writes to: the data folder's save slot, progress, and learner records."""

    folder: Path
    saves: SaveSlot
    progress: Progress
    recorder: Recorder


@dataclass
class ReloadReport:
    """What F5 did: ``ok`` False keeps the last good version and lists the errors."""

    ok: bool
    errors: list[Diagnostic] = field(default_factory=list)
    replayed: int = 0
    wanted: int = 0


class LoadFailed(Exception):
    """A scenario file that could not be loaded; ``errors`` lists why."""

    def __init__(self, path: str, errors: list[Diagnostic]) -> None:
        super().__init__(f"{path}: {plural('en', len(errors), 'count.errors')}")
        self.errors = errors


def new_seed() -> int:
    """A fresh seed for a new playthrough."""
    return random.randrange(1, 2**31)


def load_ok(path: str) -> LoadResult:
    """Load a scenario file; raises LoadFailed with its errors when it has any."""
    result = load_scenario(path)
    if result.scenario is None:
        raise LoadFailed(path, [d for d in result.diagnostics if d.severity is Severity.ERROR])
    return result


class Playthrough:
    """A Session being played in the window."""

    def __init__(
        self,
        path: str,
        result: LoadResult,
        language: str,
        mode: str,
        services: Services,
        session: Session | None = None,
        seed: int | None = None,
        pid: int | None = None,
    ) -> None:
        self.path = str(path)
        self.result = result
        self.language = language
        self.mode = mode
        self.services = services
        scenario = self._localized(language)
        self.session = session or Session(scenario, seed if seed is not None else new_seed())
        self.pid = pid
        self.finished_recorded = self.session.finished
        self.commitment = ""  # what the learner commits to on the debrief's last page
        self.notice = ""  # a one-line message for the learner about this playthrough, shown once (see from_save)
        self.save_failed = False  # the last autosave could not be written (a full disk): leaving tries again
        self.saved_record: int | None = None  # the record id the last autosave named (see save_record)
        self._since = time.monotonic()
        if pid is None:
            self.pid = services.recorder.start(self.session, mode, language)
            if self.session.ending is not None:  # a save at its ending without a record (e.g. records locked)
                services.recorder.finish(self.pid, self.session)

    # -- reading -------------------------------------------------------------------------------------
    def _localized(self, language: str) -> Scenario:
        scenario = self.result.localized(language)
        assert scenario is not None
        return scenario

    def titles(self) -> dict[str, str]:
        """The scenario's title in each language it has (the title screen names it in the learner's)."""
        titles = {self.result.scenario.language: self.result.scenario.title} if self.result.scenario else {}
        for language in self.result.translations:
            with contextlib.suppress(Exception):  # a translation that cannot be applied keeps no title
                titles[language] = self._localized(language).title
        titles[self.language] = self.scenario.title
        return titles

    @property
    def scenario(self) -> Scenario:
        """The scenario in the current language."""
        return self.session.scenario

    @property
    def scenario_dir(self) -> Path:
        """The scenario's folder (portraits and backgrounds are looked up there first)."""
        return Path(self.path).resolve().parent

    @property
    def practice(self) -> bool:
        """True in practice mode (feedback at once, undo allowed)."""
        return self.mode == PRACTICE

    @property
    def can_undo(self) -> bool:
        """True when the last choice may be taken back."""
        return self.practice and bool(self.session.history)

    # -- acting --------------------------------------------------------------------------------------
    def choose(self, choice_id: str) -> Outcome:
        """Make a choice through the Session, record it and autosave."""
        outcome = self.session.choose(choice_id)
        seconds = round(time.monotonic() - self._since, 2)
        self._since = time.monotonic()
        self.services.recorder.choice(self.pid, outcome, seconds)
        if self.session.finished:
            self._ended()
        self.autosave()
        return outcome

    def _ended(self) -> None:
        ending = self.session.ending
        if ending is None or self.finished_recorded:
            return
        self.finished_recorded = True
        self.services.recorder.finish(self.pid, self.session)
        progress = self.services.progress
        progress.add_ending(self.scenario.id, ending.id)
        self._save_progress(force=True)

    def _save_progress(self, force: bool = False) -> None:
        progress = self.services.progress
        known = progress.last_path == self.path and progress.last_title.get(self.language) == self.scenario.title
        if known and not force:
            return  # nothing new: no extra disk write per choice
        progress.last_path = self.path
        progress.last_title = self.titles()  # in every language: the title screen may be shown in the other
        with contextlib.suppress(OSError):
            progress.save(self.services.folder)

    def undo(self) -> Outcome | None:
        """Take back the last choice (practice only)."""
        if not self.can_undo:
            return None
        if self.finished_recorded:  # the ending is already recorded: play on as a new recorded playthrough
            last = self.session.history[-1]
            self.rewind(len(self.session.history) - 1)
            return last
        undone = self.session.undo()
        if undone is not None:
            # autosave first: a crash in between leaves the record one choice ahead, which the next choice
            # replaces; the other order left it a choice behind the save, a gap in the record for good
            self.autosave()
            self.services.recorder.undo(self.pid)
            self._since = time.monotonic()
        return undone

    def leave(self) -> None:
        """The learner leaves this playthrough (quit, title screen, another one): an unfinished record is
        marked as left (its xAPI statements so far are queued with a *terminated* one); it can still be
        continued from the autosave."""
        if self.save_failed:
            self.autosave()
        if not self.session.finished:
            self.services.recorder.terminate(self.pid, self.session)

    def rewind(self, turns: int) -> None:
        """Go back to the state after ``turns`` choices and play on from there (a new recorded playthrough)."""
        self.leave()
        self.session.rewind(turns)
        self.finished_recorded = False
        self.commitment = ""  # a new playthrough: its debrief asks again
        self.pid = self.services.recorder.start(self.session, self.mode, self.language)
        self._since = time.monotonic()
        self.autosave()

    def restart(self) -> Playthrough:
        """A fresh playthrough of the same scenario, mode and language (new seed)."""
        return Playthrough(self.path, self.result, self.language, self.mode, self.services)

    def set_language(self, language: str) -> None:
        """Show the same playthrough in another language (same rules, other text)."""
        if language == self.language:
            return
        self.session.with_scenario(self._localized(language))
        self.language = language
        self.autosave()

    def reload(self) -> ReloadReport:
        """F5: read the file again and replay the same choices with the same seed.

        On errors nothing changes and the report lists them (the game goes on with the last good version).
        """
        try:
            result = load_ok(self.path)
        except LoadFailed as exc:
            return ReloadReport(False, exc.errors)
        self.result = result
        old = self.session
        session = Session(self._localized(self.language), old.seed)
        replayed = 0
        for outcome in old.history:
            try:
                session.choose(outcome.choice_id)
            except ChoiceNotAvailable:
                break
            replayed += 1
        self.session = session
        self._rerecord(old, session)
        self.autosave()
        return ReloadReport(True, [], replayed, len(old.history))

    def _rerecord(self, old: Session, new: Session) -> None:
        """After a reload, the same record goes on: its choices from the first one the reload changed are
        recorded again, and it carries the file's new version when the file changed. A record that already has
        its ending and whose replay differs starts a new one (with the new version)."""
        recorder = self.services.recorder
        if not self.finished_recorded and new.scenario.content_hash != old.scenario.content_hash:
            recorder.set_version(self.pid, new.scenario.content_hash)
        same = 0
        for before, after in zip(old.history, new.history, strict=False):
            if before != after:  # (when it was decided is not compared)
                break
            same += 1
        if same == len(old.history) == len(new.history):
            return  # nothing the record holds has changed
        if self.finished_recorded:
            self.leave()
            self.finished_recorded = new.finished
            self.pid = recorder.start(new, self.mode, self.language)
            return
        for _ in range(len(old.history) - same):
            recorder.undo(self.pid)
        for outcome in new.history[same:]:
            recorder.choice(self.pid, outcome, None)
        if new.finished:
            self._ended()

    def commit(self, text: str) -> None:
        """Keep the learner's commitment (the debrief's last page) here, in the autosave and in the record."""
        self.commitment = " ".join(text.split())
        self.services.recorder.commit(self.pid, self.commitment)
        self.autosave()

    # -- saving --------------------------------------------------------------------------------------
    def to_save(self) -> dict[str, Any]:
        """The autosave payload: where the scenario is, how it is played, and the Session's own JSON."""
        return {
            "scenario_path": str(Path(self.path).resolve()),
            "title": self.scenario.title,
            "titles": self.titles(),
            "language": self.language,
            "mode": self.mode,
            "pid": self.services.recorder.record_id(self.pid),  # None while the record waits for a lock
            "record_uuid": self.services.recorder.uuid(self.pid),
            "session": self.session.to_json(),
            "commitment": self.commitment,
        }

    def autosave(self) -> None:
        """Write the autosave (keeping the previous one as backup)."""
        payload = self.to_save()
        try:
            self.services.saves.write(payload)
            self.save_failed = False
            self.saved_record = payload["pid"]
        except OSError as exc:
            import sys

            self.save_failed = True
            print(f"sticky: could not autosave: {exc}", file=sys.stderr)
        self._save_progress()

    def save_record(self) -> None:
        """Autosave again when this playthrough's record was written after the last autosave (a lock held its
        start up), so that Continue goes on with that record rather than recording the playthrough twice."""
        recorded = self.services.recorder.record_id(self.pid)
        if recorded is not None and recorded != self.saved_record and not self.save_failed:
            self.autosave()

    @classmethod
    def from_save(cls, payload: dict[str, Any], services: Services) -> Playthrough:
        """Resume a saved playthrough exactly; raises SaveError with a clear reason."""
        path = payload["scenario_path"]
        if not Path(path).exists():
            raise SaveError(f"the scenario file {path} is gone")
        try:
            result = load_ok(path)
        except LoadFailed:
            raise SaveError("the scenario file now has errors") from None
        language = payload.get("language") if payload.get("language") in ("en", "es") else "en"
        mode = payload.get("mode") if payload.get("mode") in (PRACTICE, ASSESSMENT) else PRACTICE
        scenario = result.localized(language)
        assert scenario is not None
        session = Session.from_json(scenario, payload["session"])
        pid, notice = _own_record(payload, session, services)
        saved = session
        if pid is not None:
            session = _caught_up(session, services.recorder.lookup(pid))
        pid = services.recorder.resume(pid, session, str(mode), str(language))  # None: a new record is started
        restored = cls(path, result, str(language), str(mode), services, session=session, pid=pid)
        restored.notice = notice
        saved_pid = payload.get("pid")
        restored.saved_record = saved_pid if type(saved_pid) is int else None
        commitment = payload.get("commitment")
        restored.commitment = commitment if isinstance(commitment, str) else ""
        if restored.commitment:  # a commitment a lock kept out of the record (a record that has it is left be)
            record = services.recorder.lookup(restored.pid)
            if record is None or record.commitment != restored.commitment:
                services.recorder.commit(restored.pid, restored.commitment)
        if session is not saved and session.ending is not None:  # the ending came back from the records
            services.progress.add_ending(session.scenario.id, session.ending.id)
            restored._save_progress(force=True)
            restored.autosave()
        return restored


def _own_record(payload: dict[str, Any], session: Session, services: Services) -> tuple[int | None, str]:
    """The record a save may go on with, and a notice when it may not go on with the one it names.

    A save names its record by number and UUID; only a record with that UUID is continued. A save copied from
    another data folder, or kept across a records reset, names a record that is not its own (or none): it never
    writes into that record (another learner's); the caller starts a new one and tells the learner once. A save
    made before saves held the UUID is trusted only when the record is of the same scenario, version and seed.
    """
    pid = payload.get("pid")
    if type(pid) is not int:
        return None, ""
    record = services.recorder.lookup(pid)
    if not services.recorder.enabled:  # not recording: there is no record to protect
        return None, ""
    wanted = payload.get("record_uuid")
    if record is None:
        same = False
    elif isinstance(wanted, str):
        same = str(record.uuid) == wanted
    else:
        same = (record.scenario_id, record.content_hash, record.seed) == (
            session.scenario.id,
            session.scenario.content_hash,
            session.seed,
        )
    if same:
        return pid, ""
    return None, "save.new_record"


def _caught_up(session: Session, record: Any) -> Session:
    """The session carried on to the recorded ending when the record is finished and the save is behind it.

    After a full disk the autosave of the last choice may be missing while the records have the ending: the
    recorded choices are made again (same seed, same outcomes) so Continue shows the ending too. Anything that
    does not replay exactly leaves the session as saved.
    """
    if record is None or not record.finished or session.finished:
        return session
    recorded = [c.choice_id for c in record.choices]
    done = [o.choice_id for o in session.history]
    if len(recorded) <= len(done) or recorded[: len(done)] != done:
        return session
    again = Session.from_json(session.scenario, session.to_json())
    try:
        for choice_id in recorded[len(done) :]:
            again.choose(choice_id)
    except ChoiceNotAvailable:
        return session
    if not again.finished or again.ending is None or again.ending.id != record.ending_id:
        return session
    return again
