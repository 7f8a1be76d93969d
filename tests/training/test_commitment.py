"""The learner's commitment (issue 13, item 7) in the records: written and rewritten, kept through an export and
an import, and a version 3 database gains the column without losing a playthrough."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from game.core.session import Session
from game.training._schema import SCHEMA_VERSION, RecordsError, migrate
from game.training.exchange import export_records, import_records
from game.training.record_store import Records, open_records
from game.training.record_types import COMMITMENT_MAX

SIX = Path(__file__).resolve().parents[1] / "data" / "gauges" / "six-gauges.yaml"


def _played(records: Records) -> int:
    scenario = load_scenario(SIX).scenario
    assert scenario is not None
    session = Session(scenario, seed=3)
    pid = records.start(session, learner="Ana", cohort="W1")
    for choice in ("ask_details", "count_it", "new_price", "know_value"):
        records.choice(pid, session.choose(choice), 4.0)
    records.finish(pid, session)
    return pid


def test_a_commitment_is_kept_rewritten_and_exported(tmp_path: Path) -> None:
    with open_records(tmp_path / "a", auto_send=False) as records:
        pid = _played(records)
        records.commit(pid, "  I will tell Ken   on Monday. ")
        assert records.get(pid).commitment == "I will tell Ken on Monday."
        records.commit(pid, "I will tell Ken on Friday.")  # changed and kept again
        assert records.get(pid).commitment == "I will tell Ken on Friday."
        records.commit(pid, "x" * (COMMITMENT_MAX + 50))
        assert len(records.get(pid).commitment or "") == COMMITMENT_MAX
        records.commit(pid, "I will tell Ken on Friday.")
        with pytest.raises(RecordsError):
            records.commit(pid + 99, "nobody's")
        export_records(records, tmp_path / "out.jsonl")
    with open_records(tmp_path / "b", auto_send=False) as other:
        import_records(other, tmp_path / "out.jsonl")
        [imported] = other.playthroughs()
        assert imported.commitment == "I will tell Ken on Friday."


def test_a_version_4_database_gains_the_commitment_column(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=4)
    db.execute("INSERT INTO learners(name, created_at) VALUES ('Ana', 0)")
    db.execute(
        "INSERT INTO playthroughs(uuid, learner_id, scenario_id, content_hash, language, mode, seed, started_at,"
        " start_metrics) VALUES ('u-1', 1, 'six-gauges', 'h', 'en', 'practice', 0, 1.0, '{}')"
    )
    db.close()
    with Records(path) as records:
        assert records.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        old = records.get("u-1")
        assert old.commitment is None and old.learner == "Ana"
        records.commit(old.id, "Tell the hotel by June.")
        assert records.get("u-1").commitment == "Tell the hotel by June."
