"""The one order of events after a choice, played through the real Session on tests/data/order/events.yaml:
choice effects -> chance outcome effects -> rules in file order -> `when:` endings -> routing (next/branches).
"""

from __future__ import annotations

import pytest

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.core.rules import initial_state, next_state, step
from game.core.session import Session
from tests.conftest import DATA

EVENTS = DATA / "order" / "events.yaml"


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    result = load_scenario(EVENTS)
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


def test_a_branch_sees_the_flag_a_rule_set_after_the_same_choice(scenario: Scenario) -> None:
    session = Session(scenario)
    outcome = session.choose("overwork")  # morale 50 -> 20: the burnout rule sets `burnout`
    assert [r.rule_id for r in outcome.rules] == ["burnout", "resignation"]
    assert outcome.next_scene == "team_breaks"  # the branch `when: burnout` saw the rule's flag
    assert session.flags == {"burnout", "resigned"}


def test_rules_fire_in_file_order_and_a_later_rule_sees_an_earlier_rules_flag(scenario: Scenario) -> None:
    session = Session(scenario)
    outcome = session.choose("overwork")
    assert [(r.rule_id, r.deltas) for r in outcome.rules] == [("burnout", {"revenue": -300}), ("resignation", {})]
    assert [c.id for c in session.available_choices()] == ["keep_account", "pause_events"]  # `when: resigned`


def test_a_when_ending_that_holds_wins_over_an_ending_the_choice_names(scenario: Scenario) -> None:
    session = Session(scenario)
    session.choose("overwork")
    outcome = session.choose("keep_account")  # names `kept_account`, but morale 20 -> 10 < 15
    assert outcome.ending_id == "collapse" and outcome.next_scene is None
    assert session.finished and session.ending is not None and session.ending.id == "collapse"
    assert session.state.node == "collapse"


def test_a_when_ending_that_holds_wins_over_the_scene_the_choice_names(scenario: Scenario) -> None:
    session = Session(scenario)
    outcome = session.choose("crunch")  # names `client_calls`; morale 50 -> 5
    assert outcome.ending_id == "collapse"
    assert [r.rule_id for r in outcome.rules] == ["burnout", "resignation"]  # the rules came before the ending


def test_without_the_rule_the_branch_falls_through_and_the_named_ending_is_reached(scenario: Scenario) -> None:
    session = Session(scenario)
    assert session.choose("keep_rota").next_scene == "client_calls"
    assert session.choose("set_terms").ending_id == "kept_account"
    after_burnout = Session(scenario)
    after_burnout.choose("overwork")
    assert after_burnout.choose("pause_events").ending_id == "kept_account"  # morale 30: no `when:` ending


def test_the_chance_outcomes_effects_come_before_the_rules(scenario: Scenario) -> None:
    start = initial_state(scenario)
    choice = scenario.choice("roll_the_dice")
    assert choice is not None
    few = step(scenario, start, choice, 0, "client_calls", 0)  # only two volunteer: morale -30
    assert few.outcome_deltas == {"staff_morale": -30}
    assert [r.rule_id for r in few.rules] == ["burnout", "resignation"]
    enough = step(scenario, start, choice, 0, "client_calls", 1)
    assert enough.outcome_deltas == {} and enough.rules == ()
    # the explorers' step reaches the very same states
    assert next_state(scenario, start, choice, "client_calls", outcome=0) == few.state
    assert next_state(scenario, start, choice, "client_calls", outcome=1) == enough.state


def test_the_order_survives_a_save_round_trip(scenario: Scenario) -> None:
    session = Session(scenario)
    session.choose("overwork")
    restored = Session.from_json(scenario, session.to_json())
    assert restored.choose("keep_account").ending_id == "collapse"
