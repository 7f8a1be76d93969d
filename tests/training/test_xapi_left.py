"""xAPI for playthroughs left before their ending: queued with a *terminated* statement, never doubled.

The end-to-end test sends to a real Ralph LRS on 127.0.0.1 (the fixtures of test_xapi_ralph.py).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.core.session import Session
from game.training.outbox import compose_pending, pending
from game.training.record_store import Records, open_records
from game.training.xapi import compose, statements
from tests.training.helpers import workshop
from tests.training.test_xapi_ralph import _send, ralph  # noqa: F401 - the module-scoped Ralph fixture

TERMINATED = "http://adlnet.gov/expapi/verbs/terminated"


def _outbox(records: Records, pid: int) -> list[dict[str, object]]:
    """Every statement of ``pid`` in the outbox (queued or sent), composed now, in order."""
    rows = records.db.execute(
        "SELECT playthrough_id, ref, attempts FROM xapi_outbox WHERE playthrough_id = ? ORDER BY seq", (pid,)
    ).fetchall()
    return [p.body for p in compose_pending(records.db, records.data_dir, rows, lambda r: workshop(r.language))]


def _verbs(bodies: list[dict[str, object]]) -> list[str]:
    return [str(b["verb"]["id"]).rsplit("/", 1)[1] for b in bodies]  # type: ignore[index]


def _extension(statement: dict[str, object], name: str) -> object:
    extensions = statement["result"]["extensions"]  # type: ignore[index]
    return next((v for k, v in extensions.items() if k.endswith(f"/{name}")), None)


def _play(records: Records, session: Session, pid: int, *picks: int) -> None:
    for pick in picks:
        records.choice(pid, session.choose(pick), 5.0)


def _answer_again_and_finish(records: Records, session: Session, pid: int) -> None:
    """Undo the last decision, take the second choice instead, then the first one to the ending."""
    session.undo()
    records.undo(pid)
    _play(records, session, pid, 2)
    while not session.finished:
        _play(records, session, pid, 1)
    records.finish(pid, session)


def test_leaving_queues_what_was_answered_and_a_terminated_statement(records: Records) -> None:
    pytest.importorskip("ralph", reason="ralph-malph is a test dependency: pip install -e '.[test]'")
    from ralph.models.xapi.base.statements import BaseXapiStatement
    from ralph.models.xapi.concepts.verbs.scorm_profile import TerminatedVerb

    session = Session(workshop(), seed=1)
    pid = records.start(session, learner="Ana", cohort="W1")
    _play(records, session, pid, 1, 2)
    assert records.terminate(pid, session) == 4
    queued = _outbox(records, pid)
    assert _verbs(queued) == ["initialized", "answered", "answered", "terminated"]
    record = records.get(pid)
    assert [b["id"] for b in queued[:3]] == [s["id"] for s in statements(record)]
    left = queued[-1]
    assert left["id"] == compose(record, "terminated/2")["id"]
    BaseXapiStatement.model_validate(left)
    TerminatedVerb.model_validate(left["verb"])
    result = left["result"]
    assert result["completion"] is False  # type: ignore[index]
    extensions = result["extensions"]  # type: ignore[index]
    assert extensions[next(k for k in extensions if k.endswith("/answered"))] == [c.choice_id for c in record.choices]
    assert extensions[next(k for k in extensions if k.endswith("/scene"))] == session.state.node
    assert extensions[next(k for k in extensions if k.endswith("/metrics"))] == {
        k: int(v) if float(v).is_integer() else v for k, v in session.metrics.items()
    }
    # leaving again at the same point adds nothing; the record is still open
    assert records.terminate(pid, session) == 0 and not records.get(pid).finished


def test_resumed_and_finished_later_nothing_is_doubled(records: Records) -> None:
    session = Session(workshop(), seed=2)
    pid = records.start(session, learner="Ana", cohort="W1")
    _play(records, session, pid, 1)
    records.terminate(pid, session)
    before = {b["id"]: b for b in _outbox(records, pid)}
    while not session.finished:  # Continue: the same record goes on to its ending
        _play(records, session, pid, 1)
    records.finish(pid, session)
    after = _outbox(records, pid)
    ids = [b["id"] for b in after]
    assert len(ids) == len(set(ids))
    final = [s["id"] for s in statements(records.get(pid))]
    terminated, resumed = (compose(records.get(pid), ref)["id"] for ref in ("terminated/1", "resumed/1"))
    assert set(ids) == set(final) | {terminated, resumed}
    assert _verbs(after) == ["initialized", "answered", "terminated", "resumed"] + ["answered"] * (
        len(records.get(pid).choices) - 1
    ) + ["completed"]
    assert all(before[i] == b for b in after if (i := b["id"]) in before), "queued statements are not rewritten"
    assert records.terminate(pid, session) == 0  # a finished playthrough is not "left"


def test_an_answer_taken_back_before_sending_is_replaced_not_sent(records: Records) -> None:
    session = Session(workshop(), seed=3)
    pid = records.start(session, learner="Ana")
    _play(records, session, pid, 1, 1)
    records.terminate(pid, session)
    _answer_again_and_finish(records, session, pid)
    queued = [p.body for p in pending(records.db)]
    answered = [b for b in queued if b["verb"]["id"].endswith("/answered")]
    assert [b["result"]["response"] for b in answered] == [c.choice_id for c in records.get(pid).choices]


@pytest.mark.slow
def test_left_resumed_revised_and_finished_reaches_ralph_once(tmp_path: Path, ralph) -> None:  # noqa: F811
    data = tmp_path / "data"
    with open_records(data, auto_send=False) as records:
        session = Session(workshop(), seed=4)
        pid = records.start(session, learner="Bruno", cohort="LEFT")
        _play(records, session, pid, 1, 1)
        records.terminate(pid, session)  # the learner closes the window after two decisions
        uuid = records.get(pid).uuid
        first_answer = records.get(pid).choices[1].choice_id
    code, out, err = _send(data, ralph.endpoint)
    assert code == 0 and "4 sent" in out, out + err
    stored = {str(s["id"]): s for s in ralph.stored_lines()}
    with open_records(data, auto_send=False) as records:
        terminated_id = compose(records.get(pid), "terminated/2")["id"]
    assert stored[terminated_id]["verb"]["id"] == TERMINATED  # type: ignore[index]
    # Continue: undo the second decision (the LRS already has it), answer differently, finish.
    with open_records(data, auto_send=False) as records:
        session = Session.from_json(workshop(), session.to_json())
        _answer_again_and_finish(records, session, pid)
        record = records.get(pid)
    code, out, err = _send(data, ralph.endpoint)
    assert code == 0 and "0 still queued" in out, out + err
    lines = ralph.stored_lines()
    mine = [s for s in lines if s["context"]["registration"] == uuid]  # type: ignore[index]
    counted = Counter(str(s["id"]) for s in mine)
    assert max(counted.values()) == 1, "no statement reaches the LRS twice"
    responses = [
        s["result"]["response"]  # type: ignore[index]
        for s in mine
        if str(s["verb"]["id"]).endswith("/answered") and _extension(s, "turn") == 2
    ]
    assert responses == [first_answer, record.choices[1].choice_id], "the first answer, then the revised one"
    assert _verbs(mine).count("completed") == 1 and _verbs(mine).count("terminated") == 1
    assert _verbs(mine).count("resumed") == 1
    assert _verbs(mine).count("answered") == len(record.choices) + 1
