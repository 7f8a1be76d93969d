"""The LRS as the shared record (issue 16): identities the organisation owns, statements an LMS can use, and
playthroughs read back from statements into the same report. No network here (see test_xapi_lrs_ralph.py)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.core.session import Session
from game.paths import SCENARIOS
from game.training._schema import MIGRATIONS
from game.training.exchange import export_records, import_records
from game.training.lrs_read import read_playthroughs
from game.training.outbox import compose_pending, counts, pending, pending_refs, xapi_settings
from game.training.record_store import Records, open_records
from game.training.record_types import PlaythroughRecord
from game.training.report import render_report
from game.training.xapi import statements
from game.training.xapi_identity import XapiSettings
from tests.training.helpers import play_and_record, sticky


def spa(language: str | None = None) -> Scenario:
    """The shipped flagship scenario (found by the outbox when it composes statements)."""
    scenario = load_scenario(SCENARIOS / "spa-hotel.yaml").localized(language)
    assert scenario is not None
    return scenario


def _ralph_models() -> tuple[type, type]:
    pytest.importorskip("ralph", reason="ralph-malph is a test dependency: pip install -e '.[test]'")
    from ralph.models.xapi.base.statements import BaseXapiStatement
    from ralph.models.xapi.base.unnested_objects import BaseXapiActivityInteractionDefinition

    return BaseXapiStatement, BaseXapiActivityInteractionDefinition


def _write_lrs_json(data: Path, **settings: object) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "lrs.json").write_text(json.dumps(settings), encoding="utf-8")


def _left_after(records: Records, scenario: Scenario, picks: int, learner: str, cohort: str, seed: int) -> int:
    session = Session(scenario, seed=seed)
    pid = records.start(session, learner=learner, cohort=cohort, language=scenario.language)
    for _ in range(picks):
        records.choice(pid, session.choose(1), 7.5)
    records.terminate(pid, session)
    return pid


def test_answered_statements_carry_what_an_lms_grades_with(records: Records) -> None:
    statement_model, definition_model = _ralph_models()
    pid, session = play_and_record(records, spa(), learner="Ana", cohort="MON-AM", seed=3)
    produced = statements(records.get(pid), scenario=spa())
    for statement in produced:
        statement_model.model_validate(statement)
    answered = [s for s in produced if s["verb"]["id"].endswith("/answered")]
    from game.core.debrief import build_debrief

    debrief = build_debrief(session)
    scored = 0
    for statement, decision in zip(answered, debrief.decisions, strict=True):
        definition = statement["object"]["definition"]
        definition_model.model_validate(definition)
        assert definition["interactionType"] == "choice"
        point = next(v for k, v in definition["extensions"].items() if k.endswith("/decision-point"))
        assert point == decision.phase
        if decision.strongest is not None:
            scored += 1
            assert definition["correctResponsesPattern"] == [decision.strongest.choice_id]
            assert statement["result"]["score"]["scaled"] == pytest.approx(decision.score)
            assert statement["result"]["success"] is decision.chose_strongest
    assert scored >= 3, "every decision point of the flagship marks a strongest choice"
    completed = produced[-1]["result"]
    assert completed["score"]["scaled"] == pytest.approx(debrief.overall_score)
    assert completed["success"] is debrief.success


def test_the_organisation_chooses_the_identity_and_a_change_applies_to_what_is_sent_next(tmp_path: Path) -> None:
    statement_model, _ = _ralph_models()
    data = tmp_path / "data"
    with open_records(data, auto_send=False) as records:
        play_and_record(records, spa(), learner="Ana María", cohort="MON-AM", seed=1)
        before = pending(records.db, data_dir=data)
    assert before[0].body["actor"]["account"] == {
        "homePage": "https://sticky-situations.example/learners",
        "name": "MON-AM/Ana María",
    }
    _write_lrs_json(data, actor={"mbox": "mailto:{learner_slug}@spa.example.org"})
    with open_records(data, auto_send=False) as records:
        after = pending(records.db, data_dir=data)
    assert [p.ref for p in after] == [p.ref for p in before], "the outbox holds references"
    assert after[0].body["actor"] == {
        "objectType": "Agent",
        "name": "Ana María",
        "mbox": "mailto:ana.maria@spa.example.org",
    }
    assert not {p.statement_id for p in after} & {p.statement_id for p in before}, "no id is reused"
    for item in after:
        statement_model.model_validate(item.body)
    result = sticky(
        "xapi", "config", "--homepage", "https://lms.example.org", "--account-name", "{learner_slug}", data=data
    )
    assert result.returncode == 0, result.stderr
    assert "account {learner_slug} at https://lms.example.org" in result.stdout
    assert xapi_settings(data) == XapiSettings(homepage="https://lms.example.org", account_name="{learner_slug}")
    bad = sticky("xapi", "config", "--mbox", "mailto:{name}@x.org", data=data)
    assert bad.returncode == 1 and "{name}" in bad.stderr and "Traceback" not in bad.stderr


def test_two_laptops_configured_alike_give_the_same_statements(tmp_path: Path) -> None:
    laptop, trainer = tmp_path / "laptop", tmp_path / "trainer"
    for folder in (laptop, trainer):
        _write_lrs_json(
            folder, actor={"homepage": "https://lms.example.org", "account_name": "{cohort}.{learner_slug}"}
        )
    with open_records(laptop, auto_send=False) as records:
        play_and_record(records, spa(), learner="Ana", cohort="A", seed=1)
        _left_after(records, spa("es"), 2, "Bruno", "A", 2)
        export_records(records, tmp_path / "laptop.jsonl")
        mine = {p.statement_id: p.body for p in pending(records.db, data_dir=laptop)}
    with open_records(trainer, auto_send=False) as records:
        import_records(records, tmp_path / "laptop.jsonl")
        theirs = {p.statement_id: p.body for p in pending(records.db, data_dir=trainer)}
    assert theirs == mine, "same ids, same bodies: the LRS sees no conflict"
    statement_model, _ = _ralph_models()
    for body in theirs.values():
        statement_model.model_validate(body)
    verbs = sorted(b["verb"]["id"].rsplit("/", 1)[1] for b in theirs.values())
    assert verbs.count("terminated") == 1, "the imported unfinished playthrough is queued with its stop"
    learners = {b["actor"]["account"]["name"] for b in theirs.values()}
    assert learners == {"A.ana", "A.bruno"}


def test_group_play_is_an_identified_group_with_the_room_as_members(tmp_path: Path) -> None:
    statement_model, _ = _ralph_models()
    data = tmp_path / "data"
    data.mkdir()
    assert sticky("records", "learners", "--cohort", "ROOM-1", "Ana", "Bruno", data=data).returncode == 0
    with open_records(data, auto_send=False) as records:
        pid, _ = play_and_record(records, spa(), learner="Group", cohort="ROOM-1", seed=4, mode="group")
        other, _ = play_and_record(records, spa(), learner="Group", cohort="ROOM-2", seed=5, mode="group")
        bodies = pending(records.db, data_dir=data)
    first = next(p.body for p in bodies if p.playthrough_id == pid)
    second = next(p.body for p in bodies if p.playthrough_id == other)
    statement_model.model_validate(first)
    actor = first["actor"]
    assert actor["objectType"] == "Group" and actor["account"]["name"].startswith("group/ROOM-1/")
    assert [m["name"] for m in actor["member"]] == ["Ana", "Bruno"]
    assert second["actor"]["account"]["name"].startswith("group/ROOM-2/") and "member" not in second["actor"]


def test_resumed_follows_terminated_when_a_learner_goes_on(records: Records) -> None:
    session = Session(spa(), seed=6)
    pid = records.start(session, learner="Ana", cohort="A")
    records.choice(pid, session.choose(1), 4.0)
    records.terminate(pid, session)
    while not session.finished:
        records.choice(pid, session.choose(1), 4.0)
    records.finish(pid, session)
    refs = [ref for _pid, ref, _n in pending_refs(records.db)]
    assert refs[:4] == ["initialized", refs[1], "terminated/1", "resumed/1"] and refs[-1] == "completed"
    bodies = [p.body for p in pending(records.db)]
    statement_model, _ = _ralph_models()
    for body in bodies:
        statement_model.model_validate(body)
    from ralph.models.xapi.concepts.verbs.scorm_profile import TerminatedVerb

    TerminatedVerb.model_validate(bodies[2]["verb"])
    assert bodies[3]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/resumed"  # ADL's; Ralph has no model of it
    times = [b["timestamp"] for b in bodies]
    assert times[2] <= times[3] <= times[4], "resumed between the stop and the next answer"


def test_queued_statements_of_an_older_database_are_migrated_to_references(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:5]:
        migration(db)
    db.execute("PRAGMA user_version = 5")
    db.execute("INSERT INTO learners(id, name, created_at) VALUES (1, 'Ana', 0)")
    db.execute(
        "INSERT INTO playthroughs(id, uuid, learner_id, scenario_id, content_hash, language, mode, seed, started_at,"
        " start_metrics) VALUES (1, '5d1b7f52-1111-4a3e-9d7e-000000000001', 1, 'spa-hotel', 'x', 'en', 'practice', 0,"
        " 0, '{}')"
    )
    old = {
        "sent-initialized": ("initialized", {}, "sent"),
        "queued-answer": ("answered", {"response": "a", "extensions": {"https://x/extensions/turn": 1}}, "queued"),
        "queued-stop": ("terminated", {"extensions": {"https://x/extensions/answered": ["a"]}}, "queued"),
    }
    for sid, (verb, result, status) in old.items():
        body = {
            "id": sid,
            "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
            "object": {"id": "s"},
            "result": result,
        }
        db.execute(
            "INSERT INTO xapi_outbox(statement_id, playthrough_id, seq, body, queued_at, status) VALUES (?,1,0,?,0,?)",
            (sid, json.dumps(body), status),
        )
    db.close()
    with Records(path) as records:
        rows = records.db.execute("SELECT ref, status, statement_id FROM xapi_outbox ORDER BY seq").fetchall()
        assert rows == [
            ("initialized", "sent", "sent-initialized"),
            ("answered/1/a", "queued", None),
            ("terminated/1", "queued", None),
        ]
        assert counts(records.db) == {"queued": 2, "sent": 1, "conflict": 0, "rejected": 0}


def _report_figures(runs: list[PlaythroughRecord]) -> str:
    return render_report(runs, "en", None, [])


def test_statements_read_back_make_the_same_report(tmp_path: Path, records: Records) -> None:
    for i, (name, cohort) in enumerate([("Ana", "A"), ("Bruno", "A"), ("Carmen", "B")]):
        play_and_record(records, spa("es" if i == 1 else None), learner=name, cohort=cohort, seed=i)
    play_and_record(records, spa(), learner="Group", cohort="B", seed=8, mode="group")
    _left_after(records, spa(), 2, "Dev", "B", 9)
    local = records.playthroughs()
    sent = [p.body for p in compose_pending(records.db, records.data_dir, pending_refs(records.db))]
    back, skipped = read_playthroughs(iter(sent))
    assert skipped == 0 and len(back) == len(local)
    for mine, theirs in zip(local, back, strict=True):
        assert (theirs.uuid, theirs.learner, theirs.cohort, theirs.finished) == (
            mine.uuid,
            mine.learner,
            mine.cohort,
            mine.finished,
        )
        assert [c.choice_id for c in theirs.choices] == [c.choice_id for c in mine.choices]
        assert [c.metrics for c in theirs.choices] == [c.metrics for c in mine.choices]
        assert theirs.scores == mine.scores
    assert _report_figures(back) == _report_figures(local)


def test_report_from_an_unreachable_lrs_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "office"
    _write_lrs_json(folder, endpoint="http://127.0.0.1:9/xAPI/")
    result = sticky("report", "--from-lrs", "--out", str(tmp_path / "r.html"), data=folder)
    assert result.returncode == 1 and "can't be reached" in result.stderr and "Traceback" not in result.stderr
    unset = sticky("report", "--from-lrs", "--out", str(tmp_path / "r.html"), data=tmp_path / "empty")
    assert unset.returncode == 1 and "no LRS configured" in unset.stderr


def test_a_batch_goes_in_one_post_and_a_conflict_in_it_is_found_one_by_one(records: Records) -> None:
    from game.training.lrs import LRSConfig, send_pending
    from tests.training.fake_lrs import FakeLRS

    lrs = FakeLRS()
    try:
        for seed in range(3):
            play_and_record(records, spa(), learner=f"L{seed}", cohort="A", seed=seed)
        queued = pending(records.db)
        lrs.store[queued[5].statement_id] = {"id": queued[5].statement_id, "something": "else"}
        lrs.fail_next = 1  # the first POST meets a 500 and is retried
        report = send_pending(records, config=LRSConfig(lrs.endpoint), batch=10, backoff=0.0)
        assert report.sent == len(queued) - 1 and report.conflicts == 1 and report.left == 0
        assert lrs.posts >= 2 and lrs.puts == 10, "only the refused batch went one statement at a time"
        assert counts(records.db) == {"queued": 0, "sent": len(queued) - 1, "conflict": 1, "rejected": 0}
        assert all(lrs.store[p.statement_id] == p.body for i, p in enumerate(queued) if i != 5)
    finally:
        lrs.stop()
