"""Records out to spreadsheets: ``playthroughs.csv``, ``choices.csv`` and ``votes.csv``.

Besides the ids, every row carries what a trainer reads: the decision point (phase), the choice's text and
style, its score, the ending's title and rating. Texts and scores come from the core debrief of each
playthrough replayed on the scenario it was played with (``game.core.debrief.build_debrief``); a
playthrough whose scenario file can't be found keeps its ids and recorded figures, its texts left empty.

Plain CSV (UTF-8, commas, decimal points) is for programs. ``excel=True`` writes for a spreadsheet set to
the language: a UTF-8 byte-order mark so accents open correctly, and the separator and decimal mark that
locale expects (``,`` and ``.`` in English; ``;`` and ``,`` in Spanish). Either way a text cell that a
spreadsheet would run as a formula (starting with ``= + - @``, a tab or a carriage return) is neutralised.
The columns are described in docs/trainers.md ("Spreadsheets").
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from game.core.debrief import Debrief, Decision
from game.core.model import DECISION_PHASES, Scenario
from game.files import write_atomic
from game.training.record_store import Records
from game.training.record_types import PlaythroughRecord, iso
from game.training.report_data import scenario_and_debriefs

#: The score columns of playthroughs.csv (issue 13): overall, success against the pass mark, each decision phase.
SCORE_COLUMNS = ("score", "pass_mark", "success", *(f"score_{phase}" for phase in DECISION_PHASES))

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


@dataclass(frozen=True)
class Dialect:
    """How numbers and cells are written: the separator, the decimal mark, and whether a BOM leads."""

    delimiter: str = ","
    decimal: str = "."
    bom: bool = False


PLAIN = Dialect()


def dialect_for(excel: bool, language: str) -> Dialect:
    """Plain CSV, or what a spreadsheet set to ``language`` expects (``;`` and decimal commas in Spanish)."""
    if not excel:
        return PLAIN
    return Dialect(";", ",", True) if language == "es" else Dialect(",", ".", True)


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


def _number(value: float | None) -> float | int | None:
    """A whole number as an int (written as such), anything else a float (written with three decimals)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


class _SafeRows:
    """A csv writer in one dialect: numbers written with its decimal mark, text cells made safe."""

    def __init__(self, handle: io.StringIO, dialect: Dialect) -> None:
        self._writer = csv.writer(handle, delimiter=dialect.delimiter, lineterminator="\r\n")
        self._decimal = dialect.decimal

    def _cell(self, cell: Cell) -> object:
        if cell is None:
            return ""
        if isinstance(cell, bool):
            return "true" if cell else "false"
        if isinstance(cell, float):
            return f"{cell:.3f}".replace(".", self._decimal)
        if isinstance(cell, int):
            return str(cell)
        return spreadsheet_safe(cell)

    def writerow(self, row: Iterable[Cell]) -> None:
        self._writer.writerow([self._cell(cell) for cell in row])


@contextlib.contextmanager
def _csv_file(path: Path, dialect: Dialect) -> Iterator[_SafeRows]:
    """Rows written to memory, then to ``path`` atomically (an old file stays whole if anything fails)."""
    buffer = io.StringIO(newline="")
    if dialect.bom:
        buffer.write("\ufeff")
    yield _SafeRows(buffer, dialect)
    write_atomic(path, buffer.getvalue())


@dataclass
class _Meaning:
    """What the report's sources say about one playthrough: its scenario (in the export's language) and debrief."""

    scenario: Scenario | None
    debrief: Debrief | None

    def decision(self, turn: int) -> Decision | None:
        if self.debrief is None:
            return None
        return next((d for d in self.debrief.decisions if d.turn == turn), None)

    def phase(self, scene_id: str) -> str:
        scene = self.scenario.scene(scene_id) if self.scenario else None
        return scene.phase if scene is not None else ""

    def choice_text(self, choice_id: str) -> str:
        choice = self.scenario.choice(choice_id) if self.scenario else None
        return choice.text if choice is not None else ""

    def ending_title(self, record: PlaythroughRecord) -> str:
        if self.debrief is not None and self.debrief.ending_title:
            return self.debrief.ending_title
        ending = self.scenario.ending(record.ending_id) if self.scenario and record.ending_id else None
        return ending.title if ending is not None else ""


def _meanings(rows: Sequence[PlaythroughRecord], language: str | None, paths: Sequence[Path]) -> dict[int, _Meaning]:
    """Playthrough id -> its meaning, the scenarios looked up once per (scenario, version, language)."""
    groups: dict[tuple[str, str, str], list[PlaythroughRecord]] = {}
    for r in rows:
        groups.setdefault((r.scenario_id, r.content_hash, language or r.language), []).append(r)
    out: dict[int, _Meaning] = {}
    for (_sid, _hash, lang), runs in groups.items():
        scenario, debriefs = scenario_and_debriefs(runs, lang, paths)
        for r in runs:
            out[r.id] = _Meaning(scenario, debriefs.get(r.id))
    return out


def _score_cells(record: PlaythroughRecord) -> list[Cell]:
    """The score cells of one playthrough; empty when no scores were recorded (before scores existed)."""
    scores = record.scores
    if scores is None:
        return [None] * len(SCORE_COLUMNS)
    phases = scores.get("phases") or {}
    return [
        _number(record.score),
        _number(scores.get("pass_mark")),
        bool(scores.get("success")),
        *[_number(phases.get(phase)) for phase in DECISION_PHASES],
    ]


def export_csv(
    records: Records,
    folder: Path,
    cohort: str | None = None,
    *,
    excel: bool = False,
    language: str | None = None,
    paths: Sequence[Path] = (),
) -> dict[str, int]:
    """Write playthroughs.csv, choices.csv and votes.csv into ``folder``; returns rows per file.

    ``language`` chooses the texts (the scenario's translation) and, with ``excel``, the separator and the
    decimal mark; without it each playthrough's texts are in the language it was played in."""
    rows = records.playthroughs(cohort)
    dialect = dialect_for(excel, language or "en")
    meaning = _meanings(rows, language, list(paths))
    metrics = sorted({m for r in rows for m in (r.final_metrics or r.start_metrics)})
    folder.mkdir(parents=True, exist_ok=True)
    counts = {"playthroughs.csv": 0, "choices.csv": 0, "votes.csv": 0}
    with _csv_file(folder / "playthroughs.csv", dialect) as out:
        out.writerow(
            [
                "id",
                "uuid",
                "learner",
                "cohort",
                "scenario",
                "scenario_title",
                "content_hash",
                "language",
                "mode",
                "seed",
                "started_at",
                "finished_at",
                "choices",
                "ending",
                "ending_title",
                "rating",
                *[f"final_{m}" for m in metrics],
                *SCORE_COLUMNS,
            ]
        )
        for r in rows:
            final = r.final_metrics or {}
            m = meaning[r.id]
            out.writerow(
                [
                    r.id,
                    r.uuid,
                    r.learner,
                    r.cohort or "",
                    r.scenario_id,
                    m.scenario.title if m.scenario else "",
                    r.content_hash,
                    r.language,
                    r.mode,
                    r.seed,
                    iso(r.started_at),
                    iso(r.finished_at) or "",
                    len(r.choices),
                    r.ending_id or "",
                    m.ending_title(r),
                    r.rating or "",
                    *[_number(final.get(k)) for k in metrics],
                    *_score_cells(r),
                ]
            )
            counts["playthroughs.csv"] += 1
    with _csv_file(folder / "choices.csv", dialect) as out:
        out.writerow(
            [
                "playthrough_id",
                "uuid",
                "learner",
                "cohort",
                "scenario",
                "mode",
                "turn",
                "phase",
                "scene",
                "choice",
                "choice_text",
                "style",
                "score",
                "coach_best",
                "decided_at",
                "decision_seconds",
                "chance_outcome",
                "rules_fired",
                *[f"delta_{k}" for k in metrics],
                *[f"after_{k}" for k in metrics],
            ]
        )
        for r in rows:
            m = meaning[r.id]
            for c in r.choices:
                total = c.total_deltas
                d = m.decision(c.turn)
                best = d.chose_strongest if d is not None and d.strongest is not None else None
                out.writerow(
                    [
                        r.id,
                        r.uuid,
                        r.learner,
                        r.cohort or "",
                        r.scenario_id,
                        r.mode,
                        c.turn,
                        d.phase if d is not None else m.phase(c.scene_id),
                        c.scene_id,
                        c.choice_id,
                        d.choice_text if d is not None else m.choice_text(c.choice_id),
                        c.style,
                        _number(d.score) if d is not None else None,
                        best,
                        iso(c.decided_at),
                        _number(c.decision_seconds),
                        c.chance_index,
                        " ".join(x["id"] for x in c.rules),
                        *[_number(total.get(k, 0.0)) for k in metrics],
                        *[_number(c.metrics.get(k)) for k in metrics],
                    ]
                )
                counts["choices.csv"] += 1
    with _csv_file(folder / "votes.csv", dialect) as out:
        out.writerow(
            [
                "playthrough_id",
                "uuid",
                "cohort",
                "scenario",
                "turn",
                "phase",
                "scene",
                "choice",
                "choice_text",
                "style",
                "votes",
                "from_phones",
                "in_room",
                "played",
            ]
        )
        for r in rows:
            m = meaning[r.id]
            for v in r.votes:
                choice = m.scenario.choice(v.choice_id) if m.scenario else None
                out.writerow(
                    [
                        r.id,
                        r.uuid,
                        r.cohort or "",
                        r.scenario_id,
                        v.turn,
                        m.phase(v.scene_id),
                        v.scene_id,
                        v.choice_id,
                        choice.text if choice is not None else "",
                        choice.style if choice is not None else "",
                        v.count,
                        v.phones,
                        v.in_room,
                        "yes" if v.picked else "no",
                    ]
                )
                counts["votes.csv"] += 1
    return counts
