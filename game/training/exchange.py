"""Moving records between machines (JSON lines export/import); spreadsheets are ``game.training.csv_export``.

``export_records`` writes one JSON object per playthrough (``.jsonl``; a ``.json`` file gets a JSON array).
``import_records`` reads either form, checks every record (``game.training.import_check``) and, in one
transaction, adds the playthroughs whose UUID the database doesn't have and replaces those the file has a
newer copy of (continued or finished since); a record that is refused or that conflicts with the copy here
is reported as ``file:line: reason``. Importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from game.files import write_output
from game.locale import plural
from game.training._schema import RecordsError
from game.training.csv_export import SCORE_COLUMNS as SCORE_COLUMNS  # moved there; still importable here
from game.training.csv_export import export_csv as export_csv
from game.training.csv_export import spreadsheet_safe as spreadsheet_safe
from game.training.export_reader import BadRecord, read_entries
from game.training.import_check import ScenarioLookup, check_record
from game.training.record_store import Records, _dump
from game.training.record_types import PlaythroughRecord

#: Refusals, conflicts and warnings listed per file (each counted all the same).
MAX_LISTED = 200


@dataclass
class ImportReport:
    """What an import did; ``refused``, ``conflicts`` and ``warnings`` are ``file:line: reason`` lines, the first
    :data:`MAX_LISTED` of each (a file of a million bad lines is counted, not held: ``*_count`` and
    :meth:`unlisted`)."""

    added: int = 0
    skipped: int = 0
    updated: int = 0
    learners: set[str] = field(default_factory=set)
    refused: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    refused_count: int = 0
    conflict_count: int = 0
    warning_count: int = 0

    def refuse(self, line: str) -> None:
        """Count a refused record; keep its line while fewer than MAX_LISTED are kept."""
        self.refused_count += 1
        if len(self.refused) < MAX_LISTED:
            self.refused.append(line)

    def conflict(self, line: str) -> None:
        """Count a record in conflict with the copy here; keep its line while fewer than MAX_LISTED are."""
        self.conflict_count += 1
        if len(self.conflicts) < MAX_LISTED:
            self.conflicts.append(line)

    def warn(self, line: str) -> None:
        """Count a warning; keep its line while fewer than MAX_LISTED are kept."""
        self.warning_count += 1
        if len(self.warnings) < MAX_LISTED:
            self.warnings.append(line)

    def unlisted(self) -> int:
        """How many refusals, conflicts and warnings were counted but not kept."""
        total = self.refused_count + self.conflict_count + self.warning_count
        return total - len(self.refused) - len(self.conflicts) - len(self.warnings)

    @property
    def ok(self) -> bool:
        """True when every record was imported, updated or already here."""
        return not self.refused_count and not self.conflict_count

    def summary(self, name: str) -> str:
        """One line: how many were added, already here, updated, in conflict and refused."""
        text = f"{name}: {plural('en', self.added, 'count.playthroughs')} added, {self.skipped} already here"
        if self.updated:
            text += f", {self.updated} updated (newer than the copy here)"
        if self.conflict_count:
            text += f", {self.conflict_count:,} in conflict with the copy here (kept the copy here)"
        if self.refused_count:
            text += f", {self.refused_count:,} refused"
        return text


def export_records(records: Records, path: Path, cohort: str | None = None) -> int:
    """Write every playthrough (of ``cohort``) to ``path``; returns how many."""
    rows = records.playthroughs(cohort)
    for r in rows:  # strict JSON only: a NaN imported before records were checked is named, not written
        try:
            json.dumps(r.to_json(), allow_nan=False)
        except ValueError:
            raise RecordsError(
                f"playthrough #{r.id} ({r.uuid}) holds a number that is not finite (NaN or infinity), imported "
                "before records were checked; nothing was written. Export without it (--cohort) or delete it"
            ) from None
    if path.suffix.lower() == ".json":
        text = json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=1) + "\n"
    else:
        text = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in rows)
    write_output(str(path), text)
    return len(rows)


def read_export(path: Path) -> list[PlaythroughRecord]:
    """Parse and check a whole export file; raises RecordsError (``file:line: reason``) at its first bad record."""
    out: list[PlaythroughRecord] = []
    lookup = ScenarioLookup()
    for line, record, _ in _checked_entries(path, lookup):
        if isinstance(record, str):
            raise RecordsError(f"{path}:{line}: {record}")
        out.append(record)
    return out


def _checked_entries(path: Path, lookup: ScenarioLookup) -> Iterator[tuple[int, PlaythroughRecord | str, list[str]]]:
    """(line, the record or why it is refused, warnings) for each playthrough in ``path``, read as they come
    (a file of any size is never held whole). Whatever makes the whole file unreadable (not a regular file,
    too large, UTF-16) raises RecordsError on the first call, before the caller writes anything."""
    reading = read_entries(path)
    try:
        first = next(reading, None)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        reason = reason.removeprefix(f"{path}: ")  # the reader's messages name the file too
        raise RecordsError(f"{path}: can't be read ({reason})") from None
    if first is None:
        return
    for entry in itertools.chain([first], reading):
        if entry.data is None:
            yield entry.line, entry.error or "not a record", []
            continue
        try:
            checked = check_record(entry.data, lookup)
            record = PlaythroughRecord.from_json(entry.data)
        except BadRecord as exc:
            yield entry.line, str(exc), []
            continue
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
            yield entry.line, f"not a valid playthrough record ({what[:200]})", []
            continue
        yield entry.line, record, checked.warnings


def _steps(record: PlaythroughRecord) -> list[tuple[int, str, str]]:
    return [(c.turn, c.scene_id, c.choice_id) for c in record.choices]


def _same_playthrough(here: PlaythroughRecord, there: PlaythroughRecord) -> bool:
    """True when both copies were started as the same playthrough (same learner, scenario version, seed...)."""
    fields = ("learner", "cohort", "scenario_id", "content_hash", "language", "mode", "seed")
    return all(getattr(here, f) == getattr(there, f) for f in fields) and abs(here.started_at - there.started_at) < 0.01


def compare(here: PlaythroughRecord, there: PlaythroughRecord) -> str:
    """How an incoming copy relates to the one here: ``same``, ``newer`` (it extends or finishes the copy here),
    ``older`` (the copy here extends it) or ``conflict`` (neither extends the other)."""
    if not _same_playthrough(here, there):
        return "conflict"
    mine, theirs = _steps(here), _steps(there)
    if mine == theirs:
        if here.finished == there.finished:
            same_end = (here.ending_id, here.rating) == (there.ending_id, there.rating)
            if same_end and there.commitment and not here.commitment:
                return "newer"  # the learner wrote their commitment after the copy here was exported
            return "same" if same_end else "conflict"
        return "older" if here.finished else "newer"
    if not here.finished and theirs[: len(mine)] == mine:
        return "newer"
    if not there.finished and mine[: len(theirs)] == theirs:
        return "older"
    return "conflict"


def import_records(records: Records, path: Path) -> ImportReport:
    """Import the playthroughs in ``path`` (one transaction): new ones are added, newer copies of ones here
    (continued or finished since) replace them; refused records and conflicts are reported, with their line."""
    report = ImportReport()
    lookup = ScenarioLookup()
    entries = _checked_entries(path, lookup)
    first = next(entries, None)  # RecordsError here when the file can't be read at all: nothing written
    if first is None:
        return report
    with records.transaction():
        for line, rec, warnings in itertools.chain([first], entries):
            for warning in warnings:
                report.warn(f"{path}:{line}: warning: {warning}")
            if isinstance(rec, str):
                report.refuse(f"{path}:{line}: {rec}")
                continue
            row = records.db.execute("SELECT id FROM playthroughs WHERE uuid = ?", (rec.uuid,)).fetchone()
            if row is None:
                _insert(records, rec)
                report.added += 1
                report.learners.add(rec.learner)
                continue
            verdict = compare(records.get(int(row[0])), rec)
            if verdict == "newer":
                _replace(records, int(row[0]), rec)
                report.updated += 1
                report.learners.add(rec.learner)
            elif verdict == "conflict":
                report.conflict(
                    f"{path}:{line}: playthrough {rec.uuid} differs from the copy here #{row[0]} and neither "
                    "extends the other (another learner, seed or path); the copy here is kept"
                )
            else:
                report.skipped += 1
    return report


def _insert(records: Records, rec: PlaythroughRecord) -> None:
    """Add one playthrough with its choices and votes (inside the caller's transaction)."""
    learner_id = records._learner_id(rec.learner)
    cursor = records.db.execute(
        "INSERT INTO playthroughs(uuid, learner_id, cohort, scenario_id, content_hash, language, mode, seed,"
        " started_at, finished_at, ending_id, rating, start_metrics, final_metrics, scores, commitment)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            rec.uuid,
            learner_id,
            rec.cohort,
            rec.scenario_id,
            rec.content_hash,
            rec.language,
            rec.mode,
            rec.seed,
            rec.started_at,
            rec.finished_at,
            rec.ending_id,
            rec.rating,
            _dump(rec.start_metrics),
            None if rec.final_metrics is None else _dump(rec.final_metrics),
            None if rec.scores is None else _dump(rec.scores),
            rec.commitment,
        ),
    )
    _insert_steps(records, int(cursor.lastrowid or 0), rec)


def _replace(records: Records, pid: int, rec: PlaythroughRecord) -> None:
    """Bring playthrough ``pid`` up to the newer copy ``rec`` in place (its number and outbox are kept)."""
    records.db.execute(
        "UPDATE playthroughs SET finished_at = ?, ending_id = ?, rating = ?, final_metrics = ?, scores = ?,"
        " commitment = COALESCE(?, commitment) WHERE id = ?",
        (
            rec.finished_at,
            rec.ending_id,
            rec.rating,
            None if rec.final_metrics is None else _dump(rec.final_metrics),
            None if rec.scores is None else _dump(rec.scores),
            rec.commitment,
            pid,
        ),
    )
    records.db.execute("DELETE FROM choices WHERE playthrough_id = ?", (pid,))
    records.db.execute("DELETE FROM votes WHERE playthrough_id = ?", (pid,))
    _insert_steps(records, pid, rec)


def _insert_steps(records: Records, pid: int, rec: PlaythroughRecord) -> None:
    """The choices and votes of ``rec`` under ``pid``, and its xAPI statements (with *terminated* when unfinished)."""
    from game.training.outbox import queue_playthrough, queue_terminated

    db = records.db
    for c in rec.choices:
        db.execute(
            "INSERT INTO choices(playthrough_id, turn, scene_id, choice_id, style, decided_at,"
            " decision_seconds, deltas, rules, metrics, chance_index, roll, shown) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                c.turn,
                c.scene_id,
                c.choice_id,
                c.style,
                c.decided_at,
                c.decision_seconds,
                _dump(c.deltas),
                _dump(c.rules),
                _dump(c.metrics),
                c.chance_index,
                c.roll,
                _dump(list(c.shown)) if c.shown else None,
            ),
        )
    for v in rec.votes:
        db.execute(
            "INSERT INTO votes(playthrough_id, turn, scene_id, choice_id, count, picked, phones)"
            " VALUES (?,?,?,?,?,?,?)",
            (pid, v.turn, v.scene_id, v.choice_id, v.count, int(v.picked), v.phones),
        )
    record = records.get(pid)
    if record.finished:
        queue_playthrough(db, record, records.data_dir)
    else:  # left before its ending on the other laptop: queued like a local one (issue 16)
        queue_terminated(db, record, records.data_dir)
