"""A chance outcome's own effects are reported apart from the choice's: ``Step.outcome_deltas`` and
``Outcome.outcome_deltas`` hold what the outcome did (real, clamped changes), ``deltas`` only what the choice
itself did, and every total stays what it was. Saves keep the two apart; a save written before they were
kept apart (tests/data/outcome/rush-rate.old-save.json, made by the engine of b729249) still loads, split.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.authoring.load import load_scenario, load_scenario_text
from game.core.model import Chance, Scenario
from game.core.rules import initial_state, next_state, plan_of, play_out, step
from game.core.session import SAVE_VERSION, SaveError, Session
from tests.conftest import DATA, SCENARIOS
from tests.core.test_session import OUTCOME_EFFECTS

FOLDER = DATA / "outcome"
RUSH = FOLDER / "rush-rate.yaml"
OLD_SAVE = FOLDER / "rush-rate.old-save.json"


def rush() -> Scenario:
    scenario = load_scenario(RUSH).scenario
    assert scenario is not None
    return scenario


def test_the_step_reports_the_choice_and_the_outcome_apart_with_the_outcome_clamped() -> None:
    scenario = rush()
    raise_price = scenario.choice("raise_price")
    assert raise_price is not None
    start = initial_state(scenario)  # reputation 97 of at most 100
    deal = step(scenario, start, raise_price, seed=0)
    assert deal.chance_index == 0 and deal.ending_id == "deal"
    assert deal.deltas == {"reputation": 2.0}
    # +1200 revenue and +10 reputation written; reputation was 99 after the choice, so only +1 happened
    assert deal.outcome_deltas == {"revenue": 1200.0, "reputation": 1.0}
    assert deal.rules == ()
    walks = step(scenario, start, raise_price, seed=1)
    assert walks.chance_index == 1 and walks.ending_id == "walks"
    assert walks.deltas == {"reputation": 2.0} and walks.outcome_deltas == {"revenue": -3000.0}
    # the rule reacts to the outcome's effect (revenue 6000 < 7000) and keeps its own deltas
    assert [(r.rule_id, r.deltas) for r in walks.rules] == [("tight_month", {"staff_morale": -5.0})]
    # a choice without chance has no outcome part
    absorb = scenario.choice("absorb")
    assert absorb is not None
    plain = step(scenario, start, absorb, seed=0)
    assert plain.deltas == {"staff_morale": -15.0} and plain.outcome_deltas == {} and plain.chance_index is None


def test_an_outcome_clamped_at_a_minimum_reports_what_really_happened() -> None:
    scenario = load_scenario_text(OUTCOME_EFFECTS, "t.yaml").scenario
    assert scenario is not None
    session = Session(scenario)
    session.choose("greet")  # reputation 0 -> 5, revenue 1000
    gamble = scenario.choice("gamble")
    assert gamble is not None
    sad = step(scenario, session.state, gamble, 0, "sad", 1)
    assert sad.deltas == {}  # the gamble has no effects of its own
    assert sad.outcome_deltas == {"revenue": -1000.0, "reputation": -5.0}  # -2000 and -50 written, floored at 0
    assert [(r.rule_id, r.deltas) for r in sad.rules] == [("broke", {"staff_morale": -10.0})]


def test_play_out_without_the_new_parameter_adds_the_outcome_to_deltas_as_before() -> None:
    """The explorer's call (no ``outcome_deltas``) is unchanged: one merged dict, same state, same return."""
    scenario = rush()
    plan = plan_of(scenario, every_choice=True)
    choice, change = plan.changes["raise_price"]
    assert isinstance(choice.next, Chance)
    state = initial_state(scenario)
    for index, outcome in enumerate(choice.next.outcomes):
        env_merged = dict(state.metrics)
        env_split = dict(state.metrics)
        merged: dict[str, float] = {}
        own: dict[str, float] = {}
        apart: dict[str, float] = {}
        outcome_change = plan.outcome_changes[("raise_price", index)]
        before = play_out(
            plan, env_merged, state.flags, state.fired, change, outcome.target, outcome_change, merged, []
        )
        after = play_out(
            plan, env_split, state.flags, state.fired, change, outcome.target, outcome_change, own, [], apart
        )
        assert before == after and env_merged == env_split
        assert merged == {k: own.get(k, 0.0) + apart.get(k, 0.0) for k in own.keys() | apart.keys()}
        assert own == {"reputation": 2.0} and apart  # and really apart


def _metric_changes(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    return {k: after[k] - before[k] for k in after if after[k] != before[k]}


@pytest.mark.parametrize(
    "path", [RUSH, *sorted(p for p in SCENARIOS.glob("*.yaml") if p.name.count(".") == 1)], ids=lambda p: p.stem
)
def test_the_parts_add_up_to_what_the_metrics_did(path: Path) -> None:
    """Own, outcome and rules together are exactly the change of the metrics, choice after choice, and the
    explorer's ``next_state`` reaches the same state the split ``step`` does."""
    scenario = load_scenario(path).scenario
    assert scenario is not None
    for seed in range(12):
        picker = random.Random(seed)
        session = Session(scenario, seed=seed)
        while not session.finished:
            before_state, before = session.state, session.metrics
            choice = picker.choice(session.available_choices())
            outcome = session.choose(choice.id)
            assert outcome.total_deltas == pytest.approx(_metric_changes(before, session.metrics))
            assert next_state(scenario, before_state, choice, seed=seed) == session.state
            if not outcome.chance:
                assert outcome.outcome_deltas == {}


def test_a_save_keeps_the_outcome_part_apart_through_a_round_trip() -> None:
    session = Session(rush(), seed=1)
    outcome = session.choose("raise_price")
    data = json.loads(json.dumps(session.to_json()))
    # version 2 or later: a build that reads only version 1 (merged deltas) refuses it instead of losing chance's part
    assert data["save_version"] == SAVE_VERSION >= 2
    assert data["history"][0]["deltas"] == {"reputation": 2}
    assert data["history"][0]["outcome_deltas"] == {"revenue": -3000}
    restored = Session.from_json(session.scenario, data)
    assert restored.history == [outcome]
    assert restored.history[0].outcome_deltas == {"revenue": -3000.0}
    assert restored.to_json() == session.to_json()


def test_a_save_written_before_the_split_loads_with_the_outcome_part_apart_and_the_same_totals() -> None:
    scenario = rush()
    data = json.loads(OLD_SAVE.read_text(encoding="utf-8"))
    saved = data["history"][0]
    assert data["save_version"] == 1
    assert "outcome_deltas" not in saved and saved["deltas"] == {"reputation": 2, "revenue": -3000}  # merged
    restored = Session.from_json(scenario, data)
    outcome = restored.history[0]
    assert outcome.deltas == {"reputation": 2.0} and outcome.outcome_deltas == {"revenue": -3000.0}
    assert outcome.total_deltas == {"reputation": 2.0, "revenue": -3000.0, "staff_morale": -5.0}
    assert outcome.decided_at == 1767225600.0 and restored.finished and restored.ending is not None
    # the same as the engine makes today, and saved again in today's form
    today = Session(scenario, seed=1)
    assert today.choose("raise_price") == outcome
    assert restored.to_json()["history"][0]["outcome_deltas"] == {"revenue": -3000}
    assert restored.to_json()["save_version"] == SAVE_VERSION
    # it plays on: undo, and the same choice again
    restored.undo()
    assert restored.choose("raise_price") == outcome


def test_an_old_save_whose_parts_do_not_add_up_is_kept_as_saved() -> None:
    """A merged ``deltas`` that the step cannot reproduce is not guessed at: it stays the choice's, the total
    is what was saved."""
    data = json.loads(OLD_SAVE.read_text(encoding="utf-8"))
    data["history"][0]["deltas"] = {"reputation": 2, "revenue": -2999}
    outcome = Session.from_json(rush(), data).history[0]
    assert outcome.deltas == {"reputation": 2.0, "revenue": -2999.0} and outcome.outcome_deltas == {}
    assert outcome.total_deltas == {"reputation": 2.0, "revenue": -2999.0, "staff_morale": -5.0}


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "lots"])
def test_a_damaged_outcome_part_is_refused(bad: object) -> None:
    session = Session(rush(), seed=1)
    session.choose("raise_price")
    data = json.loads(json.dumps(session.to_json()))
    data["history"][0]["outcome_deltas"] = {"revenue": bad}
    with pytest.raises(SaveError, match="damaged"):
        Session.from_json(session.scenario, data)
