"""The records database schema: an ordered list of migrations, tracked with ``PRAGMA user_version``.

Migration *n* (1-based) turns a version *n-1* database into version *n*. Each runs in its own
transaction together with the version bump, so a database is always at a whole version. Never edit a
released migration: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any


class RecordsError(Exception):
    """A records operation that can't be done; the message says why, for people."""


class RecordsBusy(RecordsError):
    """Another program holds the records database locked longer than we waited: trying later may work."""


class NewerRecords(RecordsError):
    """The records database was made by a newer version of the game (a newer schema): update the game."""


def _run(db: sqlite3.Connection, script: str) -> None:
    """Run DDL statements one by one (``executescript`` would commit the migration's transaction early)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1_tables(db: sqlite3.Connection) -> None:
    """Learners, playthroughs, choices and group votes."""
    _run(
        db,
        """
        CREATE TABLE learners (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at REAL NOT NULL
        );
        CREATE TABLE playthroughs (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            learner_id INTEGER NOT NULL REFERENCES learners(id),
            cohort TEXT,
            scenario_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            language TEXT NOT NULL,
            mode TEXT NOT NULL,
            seed INTEGER NOT NULL,
            started_at REAL NOT NULL,
            finished_at REAL,
            ending_id TEXT,
            rating TEXT,
            start_metrics TEXT NOT NULL,
            final_metrics TEXT
        );
        CREATE INDEX playthroughs_cohort ON playthroughs(cohort, scenario_id);
        CREATE TABLE choices (
            id INTEGER PRIMARY KEY,
            playthrough_id INTEGER NOT NULL REFERENCES playthroughs(id) ON DELETE CASCADE,
            turn INTEGER NOT NULL,
            scene_id TEXT NOT NULL,
            choice_id TEXT NOT NULL,
            style TEXT NOT NULL,
            decided_at REAL NOT NULL,
            decision_seconds REAL,
            deltas TEXT NOT NULL,
            rules TEXT NOT NULL,
            metrics TEXT NOT NULL,
            chance_index INTEGER,
            roll REAL,
            UNIQUE (playthrough_id, turn)
        );
        CREATE TABLE votes (
            id INTEGER PRIMARY KEY,
            playthrough_id INTEGER NOT NULL REFERENCES playthroughs(id) ON DELETE CASCADE,
            turn INTEGER NOT NULL,
            scene_id TEXT NOT NULL,
            choice_id TEXT NOT NULL,
            count INTEGER NOT NULL CHECK (count >= 0),
            picked INTEGER NOT NULL DEFAULT 0,
            UNIQUE (playthrough_id, turn, choice_id)
        );
        """,
    )


def _v2_outbox(db: sqlite3.Connection) -> None:
    """The xAPI outbox: statements waiting for (or already accepted by) a learning record store."""
    _run(
        db,
        """
        CREATE TABLE xapi_outbox (
            statement_id TEXT PRIMARY KEY,
            playthrough_id INTEGER NOT NULL REFERENCES playthroughs(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            body TEXT NOT NULL,
            queued_at REAL NOT NULL,
            sent_at REAL,
            status TEXT NOT NULL DEFAULT 'queued',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        );
        CREATE INDEX xapi_outbox_pending ON xapi_outbox(status, playthrough_id, seq);
        """,
    )


def _v3_scores(db: sqlite3.Connection) -> None:
    """A playthrough's scores (issue 13): JSON ``{"phases": {...}, "overall", "pass_mark", "success"}``; NULL for
    playthroughs recorded before scores existed or not finished yet."""
    _run(db, "ALTER TABLE playthroughs ADD COLUMN scores TEXT")


def _v4_shown(db: sqlite3.Connection) -> None:
    """Each choice's ``shown``: the ids of the choices offered, in the order the learner saw them (a JSON list;
    NULL for a choice recorded before orders were kept)."""
    _run(db, "ALTER TABLE choices ADD COLUMN shown TEXT")


def _v5_commitment(db: sqlite3.Connection) -> None:
    """The learner's commitment typed on the debrief's last page (issue 13): "the limit I'll state, to whom, by
    when", as written; NULL when none was written (and for playthroughs recorded before)."""
    _run(db, "ALTER TABLE playthroughs ADD COLUMN commitment TEXT")


def _v6_outbox_refs(db: sqlite3.Connection) -> None:
    """The xAPI outbox holds references (``initialized``, ``answered/TURN/CHOICE``, ``terminated/N``...) instead of
    frozen statement bodies, so statements are composed when sent, from the records and the settings then in
    force (issue 16). Every old row becomes the reference its body names, with its status kept; a statement
    already sent keeps the id it was sent under."""
    import json

    _run(
        db,
        """
        CREATE TABLE xapi_refs (
            playthrough_id INTEGER NOT NULL REFERENCES playthroughs(id) ON DELETE CASCADE,
            ref TEXT NOT NULL,
            seq INTEGER NOT NULL,
            statement_id TEXT,
            queued_at REAL NOT NULL,
            sent_at REAL,
            status TEXT NOT NULL DEFAULT 'queued',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            PRIMARY KEY (playthrough_id, ref)
        )
        """,
    )
    rows = db.execute(
        "SELECT statement_id, playthrough_id, body, queued_at, sent_at, status, attempts, last_error FROM xapi_outbox"
        " ORDER BY status = 'sent' DESC, queued_at"
    ).fetchall()
    for sid, pid, text, queued_at, sent_at, status, attempts, error in rows:
        ref, seq = _old_ref(json.loads(text))
        db.execute(
            "INSERT OR IGNORE INTO xapi_refs(playthrough_id, ref, seq, statement_id, queued_at, sent_at, status,"
            " attempts, last_error) VALUES (?,?,?,?,?,?,?,?,?)",
            (pid, ref, seq, sid if status == "sent" else None, queued_at, sent_at, status, attempts, error),
        )
    _run(
        db,
        """
        DROP TABLE xapi_outbox;
        ALTER TABLE xapi_refs RENAME TO xapi_outbox;
        CREATE INDEX xapi_outbox_pending ON xapi_outbox(status, playthrough_id, seq)
        """,
    )


def _v7_vote_sources(db: sqlite3.Connection) -> None:
    """Each vote row's ``phones``: how many of its ``count`` came from the room's phones (``sticky facilitate
    --serve``); the rest were counted in the room (a show of hands typed by the trainer). NULL for votes
    recorded before the split was kept: unknown, not zero."""
    _run(db, "ALTER TABLE votes ADD COLUMN phones INTEGER CHECK (phones IS NULL OR (phones >= 0 AND phones <= count))")


def _old_ref(body: dict[str, Any]) -> tuple[str, int]:
    """The reference and order of a statement body queued before migration 6."""
    verb_part = body.get("verb")
    verb = str(verb_part.get("id", "") if isinstance(verb_part, dict) else "").rsplit("/", 1)[-1]
    result = body.get("result")
    result = result if isinstance(result, dict) else {}
    extensions = result.get("extensions")
    extensions = extensions if isinstance(extensions, dict) else {}

    def ext(name: str) -> Any:
        return next((v for k, v in extensions.items() if str(k).endswith("/" + name)), None)

    if verb == "answered":
        turn = int(ext("turn") or 0)
        return f"answered/{turn}/{result.get('response')}", 3 * turn
    if verb == "terminated":
        answered = len(ext("answered") or [])
        return f"terminated/{answered}", 3 * answered + 1
    if verb == "completed":
        return "completed", 1_000_000
    return verb or "initialized", 0


#: Every migration in order; the database's ``user_version`` is how many have run.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_tables,
    _v2_outbox,
    _v3_scores,
    _v4_shown,
    _v5_commitment,
    _v6_outbox_refs,
    _v7_vote_sources,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite3.Connection) -> int:
    """The database's schema version (0 for a new, empty file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Run the migrations the database lacks, each in its own transaction; returns the new version."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise NewerRecords(
            f"the records database has schema version {version}; this version of the game reads up to "
            f"{SCHEMA_VERSION}. Update the game, or use another --data folder."
        )
    while version < target:
        db.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(db) == version:  # another process may have migrated meanwhile
                MIGRATIONS[version](db)
                db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        version = schema_version(db)
    return version


def require_current(db: sqlite3.Connection, path: object) -> None:
    """For a database opened read-only: refuse one that would need a migration (it can't take one)."""
    version = schema_version(db)
    if version == 0 and not db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
        raise RecordsError(f"{path}: there are no records yet in this read-only folder")
    if version != SCHEMA_VERSION:
        raise RecordsError(
            f"{path}: the records database has schema version {version} and needs an update (version "
            f"{SCHEMA_VERSION}), which a read-only folder can't take; run the command once where it can be written"
        )
