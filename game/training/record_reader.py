"""Reading playthroughs out of the records database into ``PlaythroughRecord`` values."""

from __future__ import annotations

import json
import math
import sqlite3
from typing import Any

from game.training._schema import RecordsError
from game.training.record_types import ChoiceRecord, PlaythroughRecord, VoteRecord

_SELECT = (
    "SELECT p.id, p.uuid, l.name, p.cohort, p.scenario_id, p.content_hash, p.language, p.mode, p.seed,"
    " p.started_at, p.finished_at, p.ending_id, p.rating, p.start_metrics, p.final_metrics, p.scores,"
    " p.commitment"
    " FROM playthroughs p JOIN learners l ON l.id = p.learner_id"
)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a finite number")


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text, parse_constant=_no_constant)


def _finite(value: Any) -> float:
    """A stored number, refused (the row is damaged) when it is not finite: NaN or infinity written into the
    database by hand or by an old version would otherwise reach the report as ``nan`` or ``inf $/month``."""
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{number} is not a finite number")
    return number


def _maybe(value: Any) -> float | None:
    return None if value is None else _finite(value)


def _numbers(data: dict[str, Any] | None) -> dict[str, float]:
    return {str(k): _finite(v) for k, v in (data or {}).items()}


def _choices(db: sqlite3.Connection, pid: int) -> tuple[ChoiceRecord, ...]:
    rows = db.execute(
        "SELECT turn, scene_id, choice_id, style, decided_at, decision_seconds, deltas, rules, metrics,"
        " chance_index, roll, shown FROM choices WHERE playthrough_id = ? ORDER BY turn",
        (pid,),
    ).fetchall()
    return tuple(
        ChoiceRecord(
            turn=r[0],
            scene_id=r[1],
            choice_id=r[2],
            style=r[3],
            decided_at=_finite(r[4]),
            decision_seconds=_maybe(r[5]),
            deltas=_numbers(_load(r[6])),
            rules=list(_load(r[7])),
            metrics=_numbers(_load(r[8])),
            chance_index=r[9],
            roll=_maybe(r[10]),
            shown=tuple(str(i) for i in _load(r[11]) or ()),
        )
        for r in rows
    )


def _votes(db: sqlite3.Connection, pid: int) -> tuple[VoteRecord, ...]:
    rows = db.execute(
        "SELECT turn, scene_id, choice_id, count, picked, phones FROM votes WHERE playthrough_id = ? ORDER BY turn, id",
        (pid,),
    ).fetchall()
    return tuple(VoteRecord(r[0], r[1], r[2], int(r[3]), bool(r[4]), None if r[5] is None else int(r[5])) for r in rows)


def _record(db: sqlite3.Connection, row: tuple[Any, ...]) -> PlaythroughRecord:
    """One playthrough; a row whose stored values no longer parse raises RecordsError (the file is damaged)."""
    try:
        return _parse(db, row)
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        from game.training._dberrors import DAMAGED_HINT

        raise RecordsError(f"playthrough #{row[0]} is damaged in the database ({exc}); {DAMAGED_HINT}") from None


def _parse(db: sqlite3.Connection, row: tuple[Any, ...]) -> PlaythroughRecord:
    final = _load(row[14])
    return PlaythroughRecord(
        id=row[0],
        uuid=row[1],
        learner=row[2],
        cohort=row[3],
        scenario_id=row[4],
        content_hash=row[5],
        language=row[6],
        mode=row[7],
        seed=row[8],
        started_at=_finite(row[9]),
        finished_at=_maybe(row[10]),
        ending_id=row[11],
        rating=row[12],
        start_metrics=_numbers(_load(row[13])),
        final_metrics=None if final is None else _numbers(final),
        choices=_choices(db, row[0]),
        votes=_votes(db, row[0]),
        scores=_load(row[15]),
        commitment=row[16],
    )


def read_playthrough(db: sqlite3.Connection, ref: int | str) -> PlaythroughRecord:
    """A playthrough by number (``12`` or ``#12``) or by (a prefix of at least 4 characters of) its UUID.

    All digits is read as a UUID prefix first when it has 4 or more characters and some UUID starts with it
    (a short id such as ``65846627`` is all digits now and then), and as a row number otherwise; ``#12`` is
    always a row number.
    """
    text = f"#{ref}" if isinstance(ref, int) else str(ref).strip()
    rows: list[Any] = []
    if not text.startswith("#"):
        rows = db.execute(_SELECT + " WHERE p.uuid = ?", (text,)).fetchall()
        if not rows and len(text) >= 4:
            pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = db.execute(_SELECT + " WHERE p.uuid LIKE ? ESCAPE '\\'", (pattern,)).fetchall()
    number = text[1:] if text.startswith("#") else text
    if not rows and number.isdigit() and number.isascii() and len(number) <= 18:
        rows = db.execute(_SELECT + " WHERE p.id = ?", (int(number),)).fetchall()
    if not rows:
        raise RecordsError(f"there is no playthrough '{text}' (use its number or its UUID; `sticky records list`)")
    if len(rows) > 1:
        raise RecordsError(f"'{text}' matches {len(rows)} playthroughs; give more of the UUID")
    return _record(db, rows[0])


def read_playthroughs(
    db: sqlite3.Connection, cohort: str | None = None, finished_only: bool = False
) -> list[PlaythroughRecord]:
    """Playthroughs, oldest first, optionally of one cohort and only the finished ones."""
    where: list[str] = []
    params: list[Any] = []
    if cohort is not None:
        where.append("p.cohort = ?")
        params.append(cohort)
    if finished_only:
        where.append("p.finished_at IS NOT NULL")
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY p.started_at, p.id"
    return [_record(db, row) for row in db.execute(sql, params).fetchall()]
