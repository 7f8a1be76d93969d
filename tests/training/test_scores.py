"""Scores (issue 13) in records, exports, CSV and xAPI: what the learner decided, against the pass mark."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.core.session import Session
from game.training._schema import SCHEMA_VERSION, migrate
from game.training.exchange import export_csv, export_records, import_records
from game.training.record_store import Records, open_records
from game.training.xapi import statements

TEACHING = Path(__file__).resolve().parents[1] / "core" / "data" / "teaching.yaml"
COSTS_NOOR = ["listen", "hope_for_the_best", "state_limit", "know_worth"]  # cost 0.5, limits 1, power 1
GIVES_IN = ["listen", "hope_for_the_best", "snap", "give_in"]  # cost 0.5, limits 0, power 0.25


def teaching() -> Scenario:
    scenario = load_scenario(TEACHING).scenario
    assert scenario is not None
    return scenario


def record(records: Records, choices: list[str], learner: str = "Ana") -> int:
    session = Session(teaching(), seed=5)
    pid = records.start(session, learner=learner, cohort="W1")
    for choice in choices:
        records.choice(pid, session.choose(choice), decision_seconds=4.0)
    records.finish(pid, session)
    return pid


def test_a_finished_playthrough_stores_its_scores(records: Records) -> None:
    stored = records.get(record(records, COSTS_NOOR))
    assert stored.scores == {
        "phases": {"cost": 0.5, "limits": 1.0, "power": 1.0},
        "overall": 0.833333,
        "pass_mark": 0.7,
        "success": True,
    }
    assert stored.score == 0.833333
    failed = records.get(record(records, GIVES_IN, "Bo"))
    assert failed.score == 0.25 and failed.scores is not None and failed.scores["success"] is False


def test_xapi_sends_the_scaled_score_and_success_against_the_pass_mark(records: Records) -> None:
    passed = statements(records.get(record(records, COSTS_NOOR)), scenario=teaching())[-1]
    assert passed["verb"]["id"].endswith("/completed")
    assert passed["result"]["score"] == {"scaled": 0.833333, "raw": 0.833333, "min": 0, "max": 1}
    assert passed["result"]["success"] is True
    phases = next(v for k, v in passed["result"]["extensions"].items() if k.endswith("/phase-scores"))
    assert phases == {"cost": 0.5, "limits": 1.0, "power": 1.0}
    # a "good" ending reached by giving in is still not a success: success follows the score
    failed = statements(records.get(record(records, GIVES_IN, "Bo")), scenario=teaching())[-1]
    assert failed["result"]["score"]["scaled"] == 0.25 and failed["result"]["success"] is False


def test_csv_and_the_json_export_carry_the_scores(tmp_path: Path, records: Records) -> None:
    record(records, COSTS_NOOR)
    export_csv(records, tmp_path / "csv")
    with (tmp_path / "csv" / "playthroughs.csv").open(encoding="utf-8") as f:
        [row] = list(csv.DictReader(f))
    assert (row["score"], row["pass_mark"], row["success"]) == ("0.833", "0.700", "true")
    assert (row["score_cost"], row["score_limits"], row["score_power"]) == ("0.500", "1", "1")
    export_records(records, tmp_path / "out.jsonl")
    with open_records(tmp_path / "other") as other:
        import_records(other, tmp_path / "out.jsonl")
        [imported] = other.playthroughs()
        assert imported.scores == records.playthroughs()[0].scores


def test_a_version_2_database_gains_the_scores_column(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=2)
    db.execute("INSERT INTO learners(name, created_at) VALUES ('Ana', 0)")
    db.execute(
        "INSERT INTO playthroughs(uuid, learner_id, scenario_id, content_hash, language, mode, seed, started_at,"
        " start_metrics) VALUES ('u-1', 1, 'teaching', 'h', 'en', 'practice', 0, 1.0, '{}')"
    )
    db.close()
    with Records(path) as records:
        assert records.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
        old = records.get("u-1")
        assert old.scores is None and old.score is None
