"""One sum of a choice's deltas and its rules' deltas, for live outcomes and recorded choices alike."""

from __future__ import annotations

from pathlib import Path

from game.authoring.load import load_scenario_text
from game.core.deltas import total_deltas
from game.core.session import Session
from game.training.record_store import open_records
from tests.core.test_session import RULES


def test_total_deltas_adds_rules_to_the_choice_and_drops_what_cancels_out() -> None:
    assert total_deltas({"revenue": 100.0, "reputation": 2.0}, [{"reputation": -2.0}, {"staff_morale": -1}]) == {
        "revenue": 100.0,
        "staff_morale": -1.0,
    }
    assert total_deltas({}, [{"revenue": 50}, {"revenue": 25.5}]) == {"revenue": 75.5}
    assert total_deltas({"revenue": 0.0}, []) == {}
    choice = {"revenue": 1.0}
    total_deltas(choice, [{"revenue": 2.0}])
    assert choice == {"revenue": 1.0}, "the choice's own deltas are not changed"


def test_recorded_choices_total_what_the_live_outcomes_did(tmp_path: Path) -> None:
    scenario = load_scenario_text(RULES, "t.yaml").scenario
    assert scenario is not None
    session = Session(scenario)
    with open_records(tmp_path) as records:
        pid = records.start(session, learner="Ana", cohort="W1", mode="practice", language="en")
        for choice in ("greet", "count"):
            records.choice(pid, session.choose(choice), decision_seconds=2.0)
        records.finish(pid, session)
        recorded = records.get(pid).choices
    live = [o.total_deltas for o in session.history]
    assert live[0] == {"reputation": 5, "revenue": 100, "staff_morale": -1}  # two rules fired on the first turn
    assert [c.total_deltas for c in recorded] == live
    assert [c.rules for c in recorded][0] == [
        {"id": "fame", "deltas": {"revenue": 100}},
        {"id": "every_time", "deltas": {"staff_morale": -1}},
    ]
