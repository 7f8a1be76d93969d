"""xAPI statements (validated with Ralph's models) and the outbox: offline, failures, retries, no duplicates."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.training.exchange import export_records, import_records
from game.training.lrs import LRSConfig, send_pending
from game.training.outbox import counts, pending
from game.training.record_store import Records, open_records
from game.training.xapi import statements
from tests.training.fake_lrs import FakeLRS
from tests.training.helpers import play_and_record, sticky, workshop


@pytest.fixture
def lrs() -> Iterator[FakeLRS]:
    server = FakeLRS()
    yield server
    server.stop()


def _two_playthroughs(records: Records) -> int:
    play_and_record(records, workshop(), learner="Ana", seed=1)
    play_and_record(records, workshop("es"), learner="Bruno", seed=2)
    return len(pending(records.db))


def test_statements_are_valid_xapi_for_ralph(records: Records) -> None:
    pytest.importorskip("ralph", reason="ralph-malph is a test dependency: pip install -e '.[test]'")
    from ralph.models.xapi.base.statements import BaseXapiStatement
    from ralph.models.xapi.base.unnested_objects import BaseXapiActivityInteractionDefinition
    from ralph.models.xapi.concepts.verbs.adl_vocabulary import AnsweredVerb
    from ralph.models.xapi.concepts.verbs.scorm_profile import CompletedVerb, InitializedVerb

    verbs = {"initialized": InitializedVerb, "answered": AnsweredVerb, "completed": CompletedVerb}
    _two_playthroughs(records)
    checked = 0
    for record in records.playthroughs():
        produced = statements(record, scenario=workshop(record.language))
        assert [s["verb"]["display"]["en-US"] for s in produced] == (
            ["initialized"] + ["answered"] * len(record.choices) + ["completed"]
        )
        for statement in produced:
            BaseXapiStatement.model_validate(statement)
            verb = statement["verb"]["display"]["en-US"]
            verbs[verb].model_validate(statement["verb"])
            if verb == "answered":
                BaseXapiActivityInteractionDefinition.model_validate(statement["object"]["definition"])
            checked += 1
        answered = produced[1]
        choice = record.choices[0]
        assert answered["result"]["response"] == choice.choice_id
        extensions = answered["result"]["extensions"]
        assert any(k.endswith("/style") and v == choice.style for k, v in extensions.items())
        assert any(k.endswith("/deltas") for k in extensions)
        completed = produced[-1]["result"]
        assert completed["completion"] is True and completed["response"] == record.ending_id
        assert any(k.endswith("/final-metrics") for k in completed["extensions"])
        assert produced[0]["actor"]["name"] == record.learner
        assert produced[0]["actor"]["account"]["name"] == f"{record.cohort or '-'}/{record.learner}"
    assert checked >= 12


def test_statement_ids_are_stable_and_survive_export_and_import(tmp_path: Path, records: Records) -> None:
    total = _two_playthroughs(records)
    record = records.playthroughs()[0]
    ids = [s["id"] for s in statements(record)]
    assert len(set(ids)) == len(ids)
    assert ids == [s["id"] for s in statements(records.get(record.id))]
    export_records(records, tmp_path / "x.jsonl")
    with open_records(tmp_path / "trainer", auto_send=False) as trainer:
        import_records(trainer, tmp_path / "x.jsonl")
        import_records(trainer, tmp_path / "x.jsonl")
        assert {p.statement_id for p in pending(trainer.db)} == {p.statement_id for p in pending(records.db)}
        assert len(pending(trainer.db)) == total


def test_offline_then_online_sends_everything_once(records: Records, lrs: FakeLRS) -> None:
    total = _two_playthroughs(records)
    offline = LRSConfig("http://127.0.0.1:9/xapi/")  # nothing listens on the discard port
    report = send_pending(records, config=offline, retries=2, backoff=0.0, timeout=1)
    assert report.sent == 0 and report.left == total and "can't be reached" in report.errors[0]
    assert counts(records.db)["queued"] == total
    online = LRSConfig(lrs.endpoint)
    assert send_pending(records, config=online, backoff=0.0).sent == total
    assert len(lrs.store) == total and lrs.puts == total
    assert send_pending(records, config=online).sent == 0 and lrs.puts == total
    assert counts(records.db) == {"queued": 0, "sent": total, "conflict": 0, "rejected": 0}


def test_500s_are_retried_without_duplicates(records: Records, lrs: FakeLRS) -> None:
    total = _two_playthroughs(records)
    lrs.fail_next = 5
    report = send_pending(records, config=LRSConfig(lrs.endpoint), retries=3, backoff=0.0)
    assert report.left == total and report.sent == 0  # four tries of the first statement, all 500
    report = send_pending(records, config=LRSConfig(lrs.endpoint), retries=3, backoff=0.0)
    assert report.sent == total and len(lrs.store) == total


def test_a_timeout_after_the_lrs_stored_the_statement_is_not_a_duplicate(records: Records, lrs: FakeLRS) -> None:
    total = _two_playthroughs(records)
    lrs.slow_next = 1
    first = send_pending(records, config=LRSConfig(lrs.endpoint), retries=0, timeout=0.4)
    assert first.sent == 0 and first.left == total and "timed out" in first.errors[0]
    assert len(lrs.store) == 1  # it arrived; the answer did not
    second = send_pending(records, config=LRSConfig(lrs.endpoint), retries=0, timeout=5)
    assert second.sent == total and len(lrs.store) == total and lrs.puts == total + 1


def test_the_lrs_going_down_mid_session_loses_nothing(records: Records) -> None:
    store: dict[str, object] = {}
    server = FakeLRS(store)
    port = server.server.server_address[1]
    play_and_record(records, workshop(), learner="Ana", seed=3)
    sent_early = send_pending(records, config=LRSConfig(server.endpoint), backoff=0.0).sent
    server.stop()  # the LRS goes down while the workshop goes on
    play_and_record(records, workshop(), learner="Bruno", seed=4)
    report = send_pending(records, config=LRSConfig(server.endpoint), retries=1, backoff=0.0, timeout=1)
    assert report.sent == 0 and report.left > 0
    server = FakeLRS(store, port=port)  # back up, same store
    try:
        late = send_pending(records, config=LRSConfig(server.endpoint), backoff=0.0)
    finally:
        server.stop()
    total = len({s["id"] for r in records.playthroughs() for s in statements(r)})
    assert sent_early + late.sent == total == len(store)
    assert counts(records.db)["queued"] == 0


def test_conflict_and_bad_credentials(records: Records, lrs: FakeLRS) -> None:
    total = _two_playthroughs(records)
    first = pending(records.db)[0]
    lrs.store[first.statement_id] = {"id": first.statement_id, "something": "else"}
    lrs.require_auth = "Basic dTpw"  # u:p
    refused = send_pending(records, config=LRSConfig(lrs.endpoint, "u", "wrong"))
    assert refused.sent == 0 and refused.left == total and "credentials" in refused.errors[0]
    report = send_pending(records, config=LRSConfig(lrs.endpoint, "u", "p"), backoff=0.0)
    assert report.conflicts == 1 and report.sent == total - 1
    assert counts(records.db)["conflict"] == 1


def test_statements_are_sent_after_finish_when_an_lrs_is_configured(
    tmp_path: Path, lrs: FakeLRS, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STICKY_LRS_ENDPOINT", lrs.endpoint)
    monkeypatch.delenv("STICKY_XAPI_AUTOSEND", raising=False)
    records = open_records(tmp_path)
    play_and_record(records, workshop(), learner="Ana", seed=1)
    records.close(wait=10)
    with open_records(tmp_path, auto_send=False) as again:
        assert counts(again.db)["queued"] == 0 and len(lrs.store) == counts(again.db)["sent"] > 0


def test_cli_send_status_show_and_config_file(tmp_path: Path, lrs: FakeLRS) -> None:
    with open_records(tmp_path, auto_send=False) as records:
        total = _two_playthroughs(records)
    nothing = sticky("xapi", "send", data=tmp_path)
    assert nothing.returncode == 1 and "no LRS configured" in nothing.stderr
    (tmp_path / "lrs.json").write_text(json.dumps({"endpoint": lrs.endpoint, "username": "u", "password": "p"}))
    status = sticky("xapi", "status", data=tmp_path)
    assert f"queued: {total}" in status.stdout and lrs.endpoint in status.stdout
    sent = sticky("xapi", "send", data=tmp_path)
    assert sent.returncode == 0 and f"{total} sent, 0 still queued" in sent.stdout
    shown = sticky("xapi", "show", "1", data=tmp_path)
    assert [s["id"] for s in json.loads(shown.stdout)] == [s for s in list(lrs.store)[: len(json.loads(shown.stdout))]]
    (tmp_path / "lrs.json").write_text("{broken")
    broken = sticky("xapi", "status", data=tmp_path)
    assert broken.returncode == 1 and "lrs.json" in broken.stderr and "Traceback" not in broken.stderr


def test_group_votes_travel_with_the_answered_statement(records: Records) -> None:
    from game.core.session import Session

    session = Session(workshop())
    pid = records.start(session, learner="Group", cohort="ROOM", mode="group")
    records.votes(pid, 1, "the_call", {"ask_details": 11, "say_yes_now": 4}, "ask_details")
    records.choice(pid, session.choose("ask_details"), 95.0)
    answered = statements(records.get(pid))[1]
    votes = [v for k, v in answered["result"]["extensions"].items() if k.endswith("/votes")]
    assert votes == [{"ask_details": 11, "say_yes_now": 4}]
    assert answered["result"]["duration"] == "PT95.00S"


def test_a_broken_lrs_config_never_stops_a_playthrough_being_recorded(tmp_path: Path) -> None:
    (tmp_path / "lrs.json").write_text("{not json", encoding="utf-8")
    with open_records(tmp_path) as records:
        pid, _ = play_and_record(records, workshop(), learner="Ana")
        assert records.get(pid).finished and counts(records.db)["queued"] > 0
