"""Records: schema and migrations, the game's API, replay, export/import and CSV."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from game.core.session import Session
from game.training._schema import SCHEMA_VERSION, RecordsError, migrate
from game.training.exchange import export_csv, export_records, import_records
from game.training.record_store import DB_NAME, Records, open_records
from game.training.replay import replay
from tests.training.helpers import BAKERY, bakery, play_and_record, sticky


def test_new_database_is_wal_at_the_latest_version(records: Records) -> None:
    assert records.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert records.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in records.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"learners", "playthroughs", "choices", "votes", "xapi_outbox"} <= tables


def test_a_version_1_database_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=1)
    db.execute("INSERT INTO learners(name, created_at) VALUES ('Ana', 0)")
    db.execute(
        "INSERT INTO playthroughs(uuid, learner_id, scenario_id, content_hash, language, mode, seed, started_at,"
        " start_metrics) VALUES ('u-1', 1, 'bakery-deposit', 'h', 'en', 'practice', 0, 1.0, '{}')"
    )
    db.close()
    with Records(path) as records:
        assert records.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert records.get("u-1").learner == "Ana"
        assert records.db.execute("SELECT COUNT(*) FROM xapi_outbox").fetchone()[0] == 0


def test_a_newer_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RecordsError, match="newer|reads up to"):
        Records(path)


def test_a_file_that_is_not_a_database_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(RecordsError, match="not a records database"):
        open_records(tmp_path)
    result = sticky("records", "list", data=tmp_path)
    assert result.returncode == 1 and "not a records database" in result.stderr
    assert "Traceback" not in result.stderr


def test_start_choice_undo_finish(records: Records) -> None:
    scenario = bakery()
    session = Session(scenario, seed=0)
    pid = records.start(session, learner="Ana", cohort=" W1 ", mode="assessment", language="en")
    first = session.choose("fine_no_deposit")
    records.choice(pid, first, 12.5)
    assert [c.choice_id for c in records.get(pid).choices] == ["fine_no_deposit"]
    session.undo()
    records.undo(pid)
    assert records.get(pid).choices == ()
    records.choice(pid, session.choose("explain_policy"), 7.0)
    records.choice(pid, session.choose("hold_the_line"), 3.0)
    assert session.finished
    records.finish(pid, session)
    record = records.get(pid)
    assert (record.learner, record.cohort, record.mode, record.seed) == ("Ana", "W1", "assessment", 0)
    assert record.finished and record.ending_id == session.ending.id and record.rating == session.ending.rating
    assert record.final_metrics == session.metrics
    assert [c.decision_seconds for c in record.choices] == [7.0, 3.0]
    assert record.trajectory("reputation") == [75.0, 77.0, 77.0]
    assert records.get(record.uuid[:8]).id == pid
    with pytest.raises(RecordsError, match="already finished"):
        records.undo(pid)
    with pytest.raises(RecordsError, match="no playthrough"):
        records.get(999)


def test_finish_trusts_the_session_when_a_choice_was_not_recorded(records: Records) -> None:
    session = Session(bakery(), seed=1)
    pid = records.start(session, learner="Bo")
    session.choose(1)
    records.choice(pid, session.history[-1], 2.0)
    session.choose(1)  # the UI forgot to record this one
    records.finish(pid, session)
    record = records.get(pid)
    assert [c.choice_id for c in record.choices] == [o.choice_id for o in session.history]
    assert record.choices[-1].decision_seconds is None


def test_votes_are_recorded_with_the_playthrough(records: Records) -> None:
    session = Session(bakery())
    pid = records.start(session, learner="Group", mode="group")
    scene = session.scene
    records.votes(pid, 1, scene.id, {"explain_policy": 9, "fine_no_deposit": 4}, picked="explain_policy")
    records.choice(pid, session.choose("explain_policy"), 60.0)
    with pytest.raises(RecordsError):
        records.votes(pid, 2, "luis_pushes", {"hold_the_line": -1}, picked=None)
    votes = records.get(pid).votes
    assert [(v.choice_id, v.count, v.picked) for v in votes] == [
        ("explain_policy", 9, True),
        ("fine_no_deposit", 4, False),
    ]


@pytest.mark.parametrize("seed", range(6))
def test_every_recorded_playthrough_replays_exactly(records: Records, seed: int) -> None:
    pid, session = play_and_record(records, bakery(), seed=seed)
    result = replay(records.get(pid), bakery())
    assert result.ok, result.mismatches
    assert result.session.to_json()["states"] == session.to_json()["states"]


def test_replay_cli_verifies_and_detects_a_tampered_record(tmp_path: Path) -> None:
    with open_records(tmp_path) as records:
        pid, _ = play_and_record(records, bakery(), learner="Ana", choices=["explain_policy", "hold_the_line"])
    ok = sticky("replay", str(pid), "--scenario", str(BAKERY), "--json", data=tmp_path)
    assert ok.returncode == 0, ok.stderr
    data = json.loads(ok.stdout)
    assert data["verified"] is True and data["learner"] == "Ana" and data["finished"]
    text = sticky("replay", str(pid), "--scenario", str(BAKERY), data=tmp_path)
    assert text.returncode == 0 and "verified" in text.stdout
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute("UPDATE choices SET metrics = '{\"reputation\": 1}' WHERE turn = 1")
    db.commit()
    db.close()
    bad = sticky("replay", str(pid), "--scenario", str(BAKERY), data=tmp_path)
    assert bad.returncode == 1 and "MISMATCH" in bad.stdout
    missing = sticky("replay", str(pid), data=tmp_path)  # the test scenario is not in scenarios/
    assert missing.returncode == 1 and "--scenario" in missing.stderr and "Traceback" not in missing.stderr


def test_export_then_import_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    laptops = []
    for i, name in enumerate(["Ana", "Bo", "Cy"]):
        with open_records(tmp_path / name) as records:
            play_and_record(records, bakery(), learner=name, seed=i)
            records.votes(records.start(Session(bakery()), learner=name), 1, "order", {"explain_policy": 2}, None)
            path = tmp_path / f"{name}.jsonl"
            assert export_records(records, path) == 2
            laptops.append(path)
    with open_records(tmp_path / "trainer") as trainer:
        for path in laptops:
            report = import_records(trainer, path)
            assert (report.added, report.skipped) == (2, 0)
        before = [r.to_json() for r in trainer.playthroughs()]
        for path in laptops:
            assert import_records(trainer, path).added == 0
        assert [r.to_json() for r in trainer.playthroughs()] == before
        assert sorted({r.learner for r in trainer.playthroughs()}) == ["Ana", "Bo", "Cy"]
        assert sum(len(r.votes) for r in trainer.playthroughs()) == 3
    as_json = tmp_path / "all.json"
    result = sticky("records", "export", str(as_json), data=tmp_path / "trainer")
    assert result.returncode == 0 and len(json.loads(as_json.read_text())) == 6
    again = sticky("records", "import", str(as_json), data=tmp_path / "trainer")
    assert again.returncode == 0 and "0 playthroughs added, 6 already here" in again.stdout


def test_a_bad_import_file_changes_nothing_and_says_where(tmp_path: Path, records: Records) -> None:
    play_and_record(records, bakery(), learner="Ana")
    good = tmp_path / "good.jsonl"
    export_records(records, good)
    line = good.read_text().splitlines()[0]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line.replace("Ana", "Zoe").replace('"uuid": "', '"uuid": "x') + "\n{not json\n")
    result = sticky("records", "import", str(bad), data=tmp_path / "other")
    assert result.returncode == 1 and "bad.jsonl:2: not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr
    missing_field = tmp_path / "missing.jsonl"
    missing_field.write_text(json.dumps({"format": "sticky-records", "version": 1}) + "\n")
    result = sticky("records", "import", str(missing_field), data=tmp_path / "other")
    assert result.returncode == 1 and "missing field" in result.stderr
    with open_records(tmp_path / "other") as other:
        assert other.playthroughs() == []


def test_csv_export_has_the_three_files(tmp_path: Path, records: Records) -> None:
    pid, session = play_and_record(records, bakery(), learner="Ana", choices=["explain_policy", "hold_the_line"])
    records.votes(records.start(Session(bakery()), mode="group"), 1, "order", {"explain_policy": 5}, "explain_policy")
    counts = export_csv(records, tmp_path / "csv")
    assert counts == {"playthroughs.csv": 2, "choices.csv": 2, "votes.csv": 1}
    rows = list(csv.DictReader((tmp_path / "csv" / "choices.csv").open(encoding="utf-8")))
    assert [r["choice"] for r in rows] == ["explain_policy", "hold_the_line"]
    assert rows[0]["delta_reputation"] == "2" and rows[0]["after_reputation"] == "77"
    result = sticky("export", "--csv", str(tmp_path / "cli"), data=records.data_dir)
    assert result.returncode == 0 and (tmp_path / "cli" / "votes.csv").exists()


def test_headless_recording_command(tmp_path: Path) -> None:
    result = sticky(
        "records",
        "play",
        str(BAKERY),
        "--choices",
        "2,1",
        "--learner",
        "Ana",
        "--cohort",
        "W9",
        "--seconds",
        "10,20",
        data=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "finished" in result.stdout
    listing = sticky("records", "list", "--json", "--cohort", "W9", data=tmp_path)
    [row] = json.loads(listing.stdout)
    assert row["learner"] == "Ana" and [c["decision_seconds"] for c in row["choices"]] == [10.0, 20.0]
    bad = sticky("records", "play", str(BAKERY), "--choices", "7", data=tmp_path)
    assert bad.returncode == 1 and "not a number between" in bad.stderr


def test_the_laptop_profile_names_anonymous_players(tmp_path: Path) -> None:
    result = sticky("records", "learner", "Ana", "--cohort", "SPA-1", data=tmp_path)
    assert result.returncode == 0 and "learner: Ana · cohort: SPA-1" in result.stdout
    with open_records(tmp_path, auto_send=False) as records:
        pid = records.start(Session(bakery()), learner="anonymous", cohort=None)
        named = records.start(Session(bakery()), learner="Bo", cohort="X")
        assert (records.get(pid).learner, records.get(pid).cohort) == ("Ana", "SPA-1")
        assert (records.get(named).learner, records.get(named).cohort) == ("Bo", "X")
    assert sticky("records", "learner", "--clear", data=tmp_path).returncode == 0
    with open_records(tmp_path, auto_send=False) as records:
        assert records.get(records.start(Session(bakery()))).learner == "anonymous"


def test_an_all_digit_short_id_finds_its_playthrough_and_numbers_still_work(records: Records, tmp_path: Path) -> None:
    """A UUID whose first 8 characters are digits (about 2 % of them) is found by its short id, as listed."""
    session = Session(bakery(), seed=0)
    first = records.start(session, learner="Ana", language="en", uuid="11111111-aaaa-4aaa-8aaa-aaaaaaaaaaaa")
    second = records.start(session, learner="Ben", language="en", uuid="65846627-bbbb-4bbb-8bbb-bbbbbbbbbbbb")
    assert records.get("65846627").learner == "Ben"
    assert records.get(str(first)).learner == "Ana"  # a row number no UUID starts with
    assert records.get(f"#{second}").learner == "Ben"  # '#N' is always the row number
    assert records.get(second).uuid.startswith("65846627")
    result = sticky("replay", "65846627", data=records.data_dir)
    assert "there is no playthrough" not in result.stderr


def test_an_open_playthrough_takes_a_new_version_a_finished_one_keeps_its_own(records: Records) -> None:
    session = Session(bakery(), seed=0)
    pid = records.start(session, learner="Ana")
    records.choice(pid, session.choose("explain_policy"), 2.0)
    records.set_version(pid, "edited-file-hash")
    record = records.get(pid)
    assert record.content_hash == "edited-file-hash"
    assert [c.choice_id for c in record.choices] == ["explain_policy"]
    records.choice(pid, session.choose("hold_the_line"), 1.0)
    records.finish(pid, session)
    with pytest.raises(RecordsError, match="already finished"):
        records.set_version(pid, "later-hash")
    assert records.get(pid).content_hash == "edited-file-hash"
    with pytest.raises(RecordsError, match="no playthrough"):
        records.set_version(pid + 1, "x")


def test_a_hand_edited_profile_never_names_a_playthrough_with_what_a_typed_name_could_not_be(tmp_path: Path) -> None:
    import json

    for learner, cohort in (("\x1b[31mEve\x07", "ok"), ("N" * 60_000, "\n"), ("  Ana   Lee ", "C\u202eX")):
        (tmp_path / "learner.json").write_text(json.dumps({"learner": learner, "cohort": cohort}), encoding="utf-8")
        with open_records(tmp_path, auto_send=False) as records:
            record = records.get(records.start(Session(bakery()), learner="anonymous", cohort=None))
        assert record.learner in ("anonymous", "Ana Lee"), record.learner[:40]  # escapes, 60,000 N: not taken
        assert record.cohort in (None, "ok"), record.cohort
    exported = sticky("records", "export", str(tmp_path / "all.jsonl"), data=tmp_path)
    assert exported.returncode == 0
    again = sticky("records", "import", str(tmp_path / "all.jsonl"), data=tmp_path / "elsewhere")
    assert again.returncode == 0 and "3 playthroughs added" in again.stdout  # every one travels
