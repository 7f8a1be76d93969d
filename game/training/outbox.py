"""The xAPI outbox: references to the statements of each playthrough, kept until an LRS has them.

A row names one statement of one playthrough by its reference (see ``game.training.xapi``): the body is
composed when it is sent, from the records and the settings in force then, so fixing ``lrs.json`` changes
what is sent next. A row is ``queued`` until an LRS answers 200/204 (``sent``, with the id it was sent
under), 409 (``conflict``: the LRS holds a *different* statement with that id) or another 4xx (``rejected``).
Queuing is idempotent (the playthrough and reference are the key), so a playthrough can be queued again,
e.g. after an import.

An answer taken back (undo) and answered differently is another reference (``answered/TURN/CHOICE``) with
another id; a taken-back answer that was never sent is dropped. A playthrough left unfinished is queued with
``terminated/N``; when it goes on afterwards, ``resumed/N`` is queued with its next statements.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.core.model import Scenario
from game.files import read_json_file
from game.training.record_types import PlaythroughRecord
from game.training.xapi import Composer, record_refs
from game.training.xapi_identity import DEFAULT_ACCOUNT_NAME, XapiSettings

STATUSES = ("queued", "sent", "conflict", "rejected")
COMPLETED_SEQ = 1_000_000


@dataclass(frozen=True)
class Pending:
    """One statement waiting to be sent, composed now."""

    statement_id: str
    playthrough_id: int
    ref: str
    body: dict[str, Any]
    attempts: int


def settings_from(data: dict[str, Any]) -> XapiSettings:
    """Identity settings from an ``lrs.json`` object, with the ``STICKY_XAPI_*`` environment variables first."""
    import os

    found = data.get("actor")
    actor: dict[str, Any] = found if isinstance(found, dict) else {}
    defaults = XapiSettings()

    def pick(env: str, *values: object) -> str:
        return os.environ.get(env) or next((str(v) for v in values if v), "")

    return XapiSettings(
        base=(pick("STICKY_XAPI_ACTIVITY_BASE", data.get("activity_base")) or defaults.base).rstrip("/"),
        homepage=pick("STICKY_XAPI_HOMEPAGE", actor.get("homepage"), data.get("homepage")) or defaults.homepage,
        account_name=pick("STICKY_XAPI_ACCOUNT_NAME", actor.get("account_name")) or DEFAULT_ACCOUNT_NAME,
        mbox=pick("STICKY_XAPI_MBOX", actor.get("mbox")),
    )


def xapi_settings(data_dir: Path | None, strict: bool = False) -> XapiSettings:
    """The identity settings in force for ``data_dir``; a broken ``lrs.json`` counts as empty unless ``strict``
    (then ValueError says what is wrong)."""
    from game.training.lrs import read_config_file

    try:
        data = read_config_file(data_dir) if data_dir is not None else {}
    except ValueError:
        if strict:
            raise
        data = {}
    return settings_from(data)


def room_learners(data_dir: Path | None, cohort: str | None) -> tuple[str, ...]:
    """The learners a trainer listed for ``cohort``'s room (`sticky records learners --cohort CODE NAME…`,
    kept in ``room.json``), or () when no room of that cohort is set up here."""
    if data_dir is None or not cohort:
        return ()
    from game.training.identity import read_room

    room = read_room(Path(data_dir))
    return room.learners if room is not None and room.cohort == cohort else ()


def ref_seq(ref: str) -> int:
    """The order of a reference among its playthrough's statements."""
    kind, _, rest = ref.partition("/")
    number = int(rest.split("/")[0]) if rest else 0
    return {"answered": 3 * number, "terminated": 3 * number + 1, "resumed": 3 * number + 2}.get(
        kind, COMPLETED_SEQ if kind == "completed" else 0
    )


def _add(db: sqlite3.Connection, pid: int, ref: str, now: float) -> int:
    cursor = db.execute(
        "INSERT OR IGNORE INTO xapi_outbox(playthrough_id, ref, seq, queued_at) VALUES (?,?,?,?)",
        (pid, ref, ref_seq(ref), now),
    )
    return cursor.rowcount


def queue_playthrough(
    db: sqlite3.Connection, record: PlaythroughRecord, data_dir: Path | None = None, scenario: Scenario | None = None
) -> int:
    """Queue every statement ``record`` implies that isn't in the outbox yet (and ``resumed`` after a stop it
    went on from); drop queued answers it no longer has. Returns how many were added. Runs inside the caller's
    transaction; ``data_dir`` and ``scenario`` are not needed any more (statements are composed when sent)."""
    now = time.time()
    current = record_refs(record)
    added = sum(_add(db, record.id, ref, now) for ref in current)
    for (ref,) in db.execute(
        "SELECT ref FROM xapi_outbox WHERE playthrough_id = ? AND ref LIKE 'terminated/%'", (record.id,)
    ).fetchall():
        stopped = int(ref.split("/")[1])
        if stopped < len(record.choices) or record.finished:
            added += _add(db, record.id, f"resumed/{stopped}", now)
    for (ref,) in db.execute(
        "SELECT ref FROM xapi_outbox WHERE playthrough_id = ? AND status = 'queued' AND ref LIKE 'answered/%'",
        (record.id,),
    ).fetchall():
        if ref not in current:
            db.execute("DELETE FROM xapi_outbox WHERE playthrough_id = ? AND ref = ?", (record.id, ref))
    return added


def queue_terminated(
    db: sqlite3.Connection,
    record: PlaythroughRecord,
    data_dir: Path | None = None,
    scenario: Scenario | None = None,
    scene_id: str | None = None,
    when: float | None = None,
) -> int:
    """Queue the statements of an unfinished ``record`` so far and its *terminated* statement.

    Returns how many were added. Runs inside the caller's transaction. The statement's scene and time come
    from the records when it is composed (the same on every laptop), so ``scene_id`` and ``when`` are unused.
    """
    added = queue_playthrough(db, record)
    return added + _add(db, record.id, f"terminated/{len(record.choices)}", time.time())


def pending_refs(db: sqlite3.Connection, include_failed: bool = False) -> list[tuple[int, str, int]]:
    """(playthrough, reference, attempts) of every statement still to send, oldest playthrough first, in order."""
    statuses = ("queued", "rejected", "conflict") if include_failed else ("queued",)
    marks = ",".join("?" * len(statuses))
    sql = (
        f"SELECT playthrough_id, ref, attempts FROM xapi_outbox WHERE status IN ({marks})"
        " ORDER BY playthrough_id, seq, ref"
    )
    return [(int(r[0]), str(r[1]), int(r[2])) for r in db.execute(sql, statuses).fetchall()]


def compose_pending(
    db: sqlite3.Connection,
    data_dir: Path | None,
    rows: Iterable[tuple[int, str, int]],
    find: Callable[[PlaythroughRecord], Scenario | None] | None = None,
) -> Iterator[Pending]:
    """The statements of ``rows`` (from ``pending_refs``), composed now, one playthrough at a time.

    A reference its record no longer has (an answer taken back) is dropped from the outbox. ``find`` gives the
    scenario a record was played with (default: ``scenario_finder(data_dir)``).
    """
    from game.training.record_reader import read_playthrough

    settings = xapi_settings(data_dir, strict=True)
    find = find or scenario_finder(data_dir)
    composer: Composer | None = None
    for pid, ref, attempts in rows:
        if composer is None or composer.record.id != pid:
            record = read_playthrough(db, pid)
            composer = Composer(record, settings, find(record), room_learners(data_dir, record.cohort))
        try:
            body = composer.compose(ref)
        except KeyError:
            db.execute("DELETE FROM xapi_outbox WHERE playthrough_id = ? AND ref = ? AND status != 'sent'", (pid, ref))
            continue
        yield Pending(str(body["id"]), pid, ref, body, attempts)


def pending(db: sqlite3.Connection, include_failed: bool = False, data_dir: Path | None = None) -> list[Pending]:
    """Statements still to send, composed now (see ``compose_pending``)."""
    return list(compose_pending(db, data_dir, pending_refs(db, include_failed)))


def scenario_finder(data_dir: Path | None) -> Callable[[PlaythroughRecord], Scenario | None]:
    """Finds the scenario version a record was played with, in its language: among the shipped scenarios and
    the trainer's own folder (``scenarios_folder`` in the game's ``settings.json`` in ``data_dir``)."""
    from game.training.library import find_scenario

    folders: list[Path] = []
    if data_dir is not None:
        try:
            settings = read_json_file(Path(data_dir) / "settings.json", max_bytes=1_000_000)
        except (OSError, ValueError):
            settings = {}
        own = settings.get("scenarios_folder") if isinstance(settings, dict) else None
        if isinstance(own, str) and own:
            folders.append(Path(own))

    def find(record: PlaythroughRecord) -> Scenario | None:
        found = find_scenario(record.scenario_id, record.content_hash, folders)
        return found.localized(record.language) if found is not None else None

    return find


def mark(db: sqlite3.Connection, item: Pending, status: str, error: str | None = None) -> None:
    """Record the result of one send attempt (its own small transaction)."""
    mark_many(db, [item], status, error)


def mark_many(db: sqlite3.Connection, items: Iterable[Pending], status: str, error: str | None = None) -> None:
    """Record the same result for several statements in one transaction."""
    now = time.time()
    db.execute("BEGIN IMMEDIATE")
    try:
        db.executemany(
            "UPDATE xapi_outbox SET status = ?, attempts = attempts + 1, last_error = ?, statement_id = ?,"
            " sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE playthrough_id = ? AND ref = ?",
            [(status, error, i.statement_id, status, now, i.playthrough_id, i.ref) for i in items],
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
