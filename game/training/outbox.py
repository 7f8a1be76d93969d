"""The xAPI outbox: statements queued in the records database until a learning record store has them.

A statement row is ``queued`` until an LRS answers 200/204 (``sent``), 409 (``conflict``: the LRS holds a
*different* statement with that id; re-sending can't help) or another 4xx (``rejected``). Queuing is
idempotent (the statement id is the key), so a playthrough can be queued again, e.g. after an import.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.core.model import Scenario
from game.training.recorddata import PlaythroughRecord
from game.training.xapi import XapiSettings, statements

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
    added = 0
    now = time.time()
    for seq, body in enumerate(statements(record, xapi_settings(data_dir), scenario)):
        cursor = db.execute(
            "INSERT OR IGNORE INTO xapi_outbox(statement_id, playthrough_id, seq, body, queued_at) VALUES (?,?,?,?,?)",
            (body["id"], record.id, seq, json.dumps(body, ensure_ascii=False, sort_keys=True), now),
        )
        added += cursor.rowcount
    return added


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
