"""Moving records between machines (JSON lines export/import) and out to spreadsheets (CSV).

``export_records`` writes one JSON object per playthrough (``.jsonl``; a ``.json`` file gets a JSON array).
``import_records`` reads either form and adds only playthroughs whose UUID the database doesn't have,
all in one transaction: importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.core.model import DECISION_PHASES
from game.files import write_atomic, write_output
from game.training._schema import RecordsError
from game.training.recorddata import PlaythroughRecord, iso
from game.training.records import Records, _dump


@dataclass
class ImportReport:
    """What an import did."""

    added: int = 0
    skipped: int = 0
    learners: set[str] = field(default_factory=set)


def export_records(records: Records, path: Path, cohort: str | None = None) -> int:
    """Write every playthrough (of ``cohort``) to ``path``; returns how many."""
    rows = records.playthroughs(cohort)
    if path.suffix.lower() == ".json":
        text = json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=1) + "\n"
    else:
        text = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in rows)
    write_output(str(path), text)
    return len(rows)


def read_export(path: Path) -> list[PlaythroughRecord]:
    """Parse an export file (JSON lines, a JSON array or one JSON object); raises RecordsError with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordsError(f"{path}: can't be read ({exc})") from None
    items: list[tuple[int, Any]] = []
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RecordsError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
        items = [(1, item) for item in data]
    else:
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    items.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise RecordsError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
    out: list[PlaythroughRecord] = []
    for number, item in items:
        if not isinstance(item, dict):
            raise RecordsError(f"{path}:{number}: expected a playthrough object")
        try:
            out.append(PlaythroughRecord.from_json(item))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
            raise RecordsError(f"{path}:{number}: not a valid playthrough record ({what})") from None
    return out


def import_records(records: Records, path: Path) -> ImportReport:
    """Add the playthroughs in ``path`` that aren't in the database yet (one transaction)."""
    from game.training.outbox import queue_playthrough

    incoming = read_export(path)
    report = ImportReport()
    db = records.db
    with records.transaction():
        for rec in incoming:
            if db.execute("SELECT 1 FROM playthroughs WHERE uuid = ?", (rec.uuid,)).fetchone():
                report.skipped += 1
                continue
            learner_id = records._learner_id(rec.learner)
            cursor = db.execute(
                "INSERT INTO playthroughs(uuid, learner_id, cohort, scenario_id, content_hash, language, mode, seed,"
                " started_at, finished_at, ending_id, rating, start_metrics, final_metrics, scores,"
                " commitment) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
            pid = int(cursor.lastrowid or 0)
            for c in rec.choices:
                db.execute(
                    "INSERT INTO choices(playthrough_id, turn, scene_id, choice_id, style, decided_at,"
                    " decision_seconds, deltas, rules, metrics, chance_index, roll, shown)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                    "INSERT INTO votes(playthrough_id, turn, scene_id, choice_id, count, picked) VALUES (?,?,?,?,?,?)",
                    (pid, v.turn, v.scene_id, v.choice_id, v.count, int(v.picked)),
                )
            if rec.finished:
                queue_playthrough(db, records.get(pid), records.data_dir)
            report.added += 1
            report.learners.add(rec.learner)
    return report


#: The score columns of playthroughs.csv (issue 13): overall, success against the pass mark, each decision phase.
SCORE_COLUMNS = ("score", "pass_mark", "success", *(f"score_{phase}" for phase in DECISION_PHASES))


def _score_cells(record: PlaythroughRecord) -> list[str]:
    """The score cells of one playthrough; empty when no scores were recorded (before scores existed)."""
    scores = record.scores
    if scores is None:
        return [""] * len(SCORE_COLUMNS)
    phases = scores.get("phases") or {}
    return [
        _number(record.score),
        _number(scores.get("pass_mark")),
        "true" if scores.get("success") else "false",
        *[_number(phases.get(phase)) for phase in DECISION_PHASES],
    ]


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.3f}"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: object) -> object:
    """A cell a spreadsheet shows as text: one starting with ``= + - @`` (or a tab or carriage return) that
    is not a plain number gets a leading apostrophe, so ``=HYPERLINK(...)`` typed as a learner's name is never
    run as a formula (numbers such as ``-3000`` stay numbers)."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        try:
            float(cell)
        except ValueError:
            return "'" + cell
    return cell


class _SafeRows:
    """A csv writer whose cells pass through :func:`spreadsheet_safe`."""

    def __init__(self, handle: io.StringIO) -> None:
        self._writer = csv.writer(handle)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([spreadsheet_safe(cell) for cell in row])


@contextlib.contextmanager
def _csv_file(path: Path) -> Iterator[_SafeRows]:
    """Rows written to memory, then to ``path`` atomically (an old file stays whole if anything fails)."""
    buffer = io.StringIO(newline="")
    yield _SafeRows(buffer)
    write_atomic(path, buffer.getvalue())


def export_csv(records: Records, folder: Path, cohort: str | None = None) -> dict[str, int]:
    """Write playthroughs.csv, choices.csv and votes.csv into ``folder``; returns rows per file."""
    rows = records.playthroughs(cohort)
    metrics = sorted({m for r in rows for m in (r.final_metrics or r.start_metrics)})
    folder.mkdir(parents=True, exist_ok=True)
    counts = {"playthroughs.csv": 0, "choices.csv": 0, "votes.csv": 0}
    with _csv_file(folder / "playthroughs.csv") as out:
        out.writerow(
            [
                "id",
                "uuid",
                "learner",
                "cohort",
                "scenario",
                "content_hash",
                "language",
                "mode",
                "seed",
                "started_at",
                "finished_at",
                "choices",
                "ending",
                "rating",
                *[f"final_{m}" for m in metrics],
                *SCORE_COLUMNS,
            ]
        )
        for r in rows:
            final = r.final_metrics or {}
            out.writerow(
                [
                    r.id,
                    r.uuid,
                    r.learner,
                    r.cohort or "",
                    r.scenario_id,
                    r.content_hash,
                    r.language,
                    r.mode,
                    r.seed,
                    iso(r.started_at),
                    iso(r.finished_at) or "",
                    len(r.choices),
                    r.ending_id or "",
                    r.rating or "",
                    *[_number(final.get(m)) for m in metrics],
                    *_score_cells(r),
                ]
            )
            counts["playthroughs.csv"] += 1
    with _csv_file(folder / "choices.csv") as out:
        out.writerow(
            [
                "playthrough_id",
                "uuid",
                "learner",
                "cohort",
                "scenario",
                "turn",
                "scene",
                "choice",
                "style",
                "decided_at",
                "decision_seconds",
                "chance_outcome",
                "rules_fired",
                *[f"delta_{m}" for m in metrics],
                *[f"after_{m}" for m in metrics],
            ]
        )
        for r in rows:
            for c in r.choices:
                total = c.total_deltas
                out.writerow(
                    [
                        r.id,
                        r.uuid,
                        r.learner,
                        r.cohort or "",
                        r.scenario_id,
                        c.turn,
                        c.scene_id,
                        c.choice_id,
                        c.style,
                        iso(c.decided_at),
                        _number(c.decision_seconds),
                        "" if c.chance_index is None else c.chance_index,
                        " ".join(x["id"] for x in c.rules),
                        *[_number(total.get(m, 0.0)) for m in metrics],
                        *[_number(c.metrics.get(m)) for m in metrics],
                    ]
                )
                counts["choices.csv"] += 1
    with _csv_file(folder / "votes.csv") as out:
        out.writerow(["playthrough_id", "uuid", "cohort", "scenario", "turn", "scene", "choice", "votes", "played"])
        for r in rows:
            for v in r.votes:
                out.writerow(
                    [
                        r.id,
                        r.uuid,
                        r.cohort or "",
                        r.scenario_id,
                        v.turn,
                        v.scene_id,
                        v.choice_id,
                        v.count,
                        "yes" if v.picked else "no",
                    ]
                )
                counts["votes.csv"] += 1
    return counts
