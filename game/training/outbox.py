"""The xAPI outbox: statements queued in the records database until a learning record store has them.

A statement row is ``queued`` until an LRS answers 200/204 (``sent``), 409 (``conflict``: the LRS holds a
*different* statement with that id; re-sending can't help) or another 4xx (``rejected``). Queuing is
idempotent (the statement id is the key), so a playthrough can be queued again, e.g. after an import.

A playthrough left unfinished is queued too (``queue_terminated``): its statements so far and a
*terminated* one. When it is resumed and queued again, a statement that says the same thing (verb, object,
response) is not queued twice. One that now says something else (the learner went back with undo and
answered differently) replaces the queued one if it was never sent; if the LRS already has the old one,
the new one is queued under a revision id derived from the old (an LRS never sees one id with two
bodies). Queued, never-sent answers that were taken back are dropped.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.core.model import Scenario
from game.training.recorddata import PlaythroughRecord
from game.training.xapi import VERBS, XapiSettings, statements, terminated_statement

STATUSES = ("queued", "sent", "conflict", "rejected")


@dataclass(frozen=True)
class Pending:
    """One statement waiting to be sent."""

    statement_id: str
    playthrough_id: int
    body: dict[str, Any]
    attempts: int


def xapi_settings(data_dir: Path | None) -> XapiSettings:
    """The IRI base and account home page, from the LRS config (``lrs.json``) or the defaults."""
    from game.training.lrs import read_config_file

    try:
        data = read_config_file(data_dir) if data_dir is not None else {}
    except ValueError:  # a broken lrs.json must never stop a playthrough from being recorded
        data = {}
    defaults = XapiSettings()
    return XapiSettings(
        base=str(data.get("activity_base") or defaults.base).rstrip("/"),
        homepage=str(data.get("homepage") or defaults.homepage),
    )


def queue_playthrough(
    db: sqlite3.Connection, record: PlaythroughRecord, data_dir: Path | None, scenario: Scenario | None = None
) -> int:
    """Queue every statement of ``record`` that isn't in the outbox yet; returns how many were added.

    Runs inside the caller's transaction.
    """
    if scenario is None:
        scenario = _find_scenario(record)
    bodies = statements(record, xapi_settings(data_dir), scenario)
    now = time.time()
    kept = [_queue(db, record.id, seq, body, now) for seq, body in enumerate(bodies)]
    _drop_taken_back(db, record.id, {sid for sid, _ in kept})
    return sum(added for _, added in kept)


def queue_terminated(
    db: sqlite3.Connection,
    record: PlaythroughRecord,
    data_dir: Path | None,
    scenario: Scenario | None = None,
    scene_id: str | None = None,
    when: float | None = None,
) -> int:
    """Queue the statements of an unfinished ``record`` so far and its *terminated* statement.

    Returns how many statements were added. Runs inside the caller's transaction.
    """
    if scenario is None:
        scenario = _find_scenario(record)
    added = queue_playthrough(db, record, data_dir, scenario)
    body = terminated_statement(
        record, time.time() if when is None else when, scene_id, xapi_settings(data_dir), scenario
    )
    return added + _queue(db, record.id, len(record.choices) + 1, body, time.time())[1]


def _gist(body: dict[str, Any]) -> tuple[Any, ...]:
    """What a statement says: the same gist means the same statement, whatever else (a title) changed."""
    result = body.get("result") or {}
    return (body["verb"]["id"], body["object"].get("id"), result.get("response"), result.get("completion"))


def _queue(db: sqlite3.Connection, pid: int, seq: int, body: dict[str, Any], now: float) -> tuple[str, int]:
    """Queue ``body`` under its id or, when the LRS already has another statement there, a revision id.

    Returns the id it is (or already was) queued under and 1 when a row was added, else 0.
    """
    base = str(body["id"])
    for revision in range(1000):
        sid = base if revision == 0 else str(uuid.uuid5(uuid.UUID(base), f"revision/{revision}"))
        row = db.execute("SELECT body, status FROM xapi_outbox WHERE statement_id = ?", (sid,)).fetchone()
        if row is not None and _gist(json.loads(row[0])) == _gist(body):
            return sid, 0
        text = json.dumps(body | {"id": sid}, ensure_ascii=False, sort_keys=True)
        if row is None:
            db.execute(
                "INSERT INTO xapi_outbox(statement_id, playthrough_id, seq, body, queued_at) VALUES (?,?,?,?,?)",
                (sid, pid, seq, text, now),
            )
            return sid, 1
        if row[1] == "queued":  # never sent: nobody has the old one, replace it
            db.execute(
                "UPDATE xapi_outbox SET body = ?, seq = ?, queued_at = ? WHERE statement_id = ?", (text, seq, now, sid)
            )
            return sid, 0
    raise ValueError(f"statement {base} has been revised too often")


def _drop_taken_back(db: sqlite3.Connection, pid: int, current: set[str]) -> None:
    """Forget queued, never-sent statements of ``pid`` that its record no longer has (answers undone)."""
    terminated = VERBS["terminated"][0]
    for sid, text in db.execute(
        "SELECT statement_id, body FROM xapi_outbox WHERE playthrough_id = ? AND status = 'queued'", (pid,)
    ).fetchall():
        if sid not in current and json.loads(text)["verb"]["id"] != terminated:
            db.execute("DELETE FROM xapi_outbox WHERE statement_id = ?", (sid,))


def _find_scenario(record: PlaythroughRecord) -> Scenario | None:
    """The shipped scenario with the record's content hash, in the record's language, if there is one."""
    from game.training.library import find_scenario

    found = find_scenario(record.scenario_id, record.content_hash)
    return found.localized(record.language) if found is not None else None


def pending(db: sqlite3.Connection, include_failed: bool = False) -> list[Pending]:
    """Statements still to send, oldest playthrough first, in statement order."""
    statuses = ("queued", "rejected", "conflict") if include_failed else ("queued",)
    marks = ",".join("?" * len(statuses))
    rows = db.execute(
        f"SELECT statement_id, playthrough_id, body, attempts FROM xapi_outbox WHERE status IN ({marks})"
        " ORDER BY playthrough_id, seq",
        statuses,
    ).fetchall()
    return [Pending(r[0], r[1], json.loads(r[2]), r[3]) for r in rows]


def mark(db: sqlite3.Connection, statement_id: str, status: str, error: str | None = None) -> None:
    """Record the result of one send attempt (its own small transaction)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(
            "UPDATE xapi_outbox SET status = ?, attempts = attempts + 1, last_error = ?,"
            " sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE statement_id = ?",
            (status, error, status, time.time(), statement_id),
        )
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def counts(db: sqlite3.Connection) -> dict[str, int]:
    """How many statements are in each status."""
    out = dict.fromkeys(STATUSES, 0)
    for status, n in db.execute("SELECT status, COUNT(*) FROM xapi_outbox GROUP BY status"):
        out[str(status)] = int(n)
    return out
