"""The Session's ``transitions`` machine: it guards the choices, routes in order, and its current state is the
playthrough's (one copy, through undo, rewind, saves and a change of language). Its moves equal the pure
``rules.step`` the explorers use, on every shipped scenario.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.authoring.load import load_scenario, load_scenario_text
from game.core.model import Scenario
from game.core.rules import step
from game.core.session import ChoiceNotAvailable, Session
from tests.conftest import DATA

SCENARIOS = Path(__file__).resolve().parents[2] / "game" / "scenarios"
SHIPPED = sorted(p for p in SCENARIOS.glob("*.yaml") if p.name.count(".") == 1)

ROUTES = """\
id: routes
title: Which door
language: en
summary: Two branches that both hold, and one that never does.
metrics:
  trust: {start: 50}
flags: [warned]
characters:
  bo: {name: Bo, role: Client}
start: door
scenes:
  door:
    phase: cost
    speaker: bo
    text: Bo waits at the door.
    choices:
      - id: both_hold
        text: Open both doors.
        style: assertive
        best: true
        effects: {trust: +10}
        feedback: Both were open.
        next:
          - {when: "trust > 55", next: first}
          - {when: "trust > 0", next: second}
          - {next: third}
      - id: none_hold
        text: Knock twice.
        style: passive
        feedback: Nothing opened.
        next:
          - {when: "trust > 90", next: first}
          - {when: warned, next: second}
          - {next: third}
      - id: late
        text: Come back later.
        style: passive
        when: warned
        feedback: Later never came.
        next: third
  first:
    phase: limits
    text: The first room.
    choices:
      - {id: leave_first, text: Leave., style: assertive, best: true, feedback: Gone., next: done}
  second:
    phase: limits
    text: The second room.
    choices:
      - {id: leave_second, text: Leave., style: assertive, best: true, feedback: Gone., next: done}
  third:
    phase: limits
    text: The third room.
    choices:
      - {id: leave_third, text: Leave., style: assertive, best: true, feedback: Gone., next: done}
endings:
  done: {rating: good, title: Done, text: That was all.}
"""


@pytest.fixture(scope="module")
def routes() -> Scenario:
    result = load_scenario_text(ROUTES, "routes.yaml")
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


@pytest.fixture(scope="module")
def events() -> Scenario:
    result = load_scenario(DATA / "order" / "events.yaml")
    assert result.scenario is not None
    return result.scenario


def test_the_first_branch_that_holds_wins_and_the_last_is_the_fallback(routes: Scenario) -> None:
    assert Session(routes).choose("both_hold").next_scene == "first"
    assert Session(routes).choose("none_hold").next_scene == "third"


def test_a_choice_whose_condition_fails_is_refused_by_the_guard(routes: Scenario) -> None:
    session = Session(routes)
    assert not session.allows("late") and session.allows("both_hold")
    with pytest.raises(ChoiceNotAvailable) as refused:
        session.choose("late")
    assert refused.value.kind == "unavailable" and "both_hold" in refused.value.available
    assert session.history == [] and session.state.node == "door" and session.turn == 0
    assert [c.id for c in session.available_choices()] == ["both_hold", "none_hold"]


def test_the_machine_refuses_choices_of_another_scene_and_after_the_end(routes: Scenario) -> None:
    session = Session(routes)
    assert not session.allows("leave_first") and not session.allows("no_such_choice")
    session.choose("both_hold")
    assert session.allows("leave_first") and not session.allows("both_hold")
    session.choose("leave_first")
    assert session.finished and not session.allows("leave_first")
    with pytest.raises(ChoiceNotAvailable) as refused:
        session.choose("leave_first")
    assert refused.value.kind == "ended"


def test_after_undo_the_machine_is_back_in_the_earlier_scene(routes: Scenario) -> None:
    session = Session(routes)
    session.choose("both_hold")
    session.undo()
    assert session.state.node == "door" and session.allows("none_hold") and not session.allows("leave_first")
    assert session.choose("none_hold").next_scene == "third"
    session.choose("leave_third")
    session.rewind(0)
    assert session.allows("both_hold") and session.choose("both_hold").next_scene == "first"


def test_a_restored_save_plays_on_from_where_it_was_saved(events: Scenario) -> None:
    session = Session(events, seed=3)
    session.choose("overwork")
    restored = Session.from_json(events, session.to_json())
    assert restored.state == session.state
    assert restored.allows("keep_account") and not restored.allows("overwork")
    assert restored.choose("keep_account").ending_id == "collapse"
    assert session.choose("keep_account") == restored.history[-1]


def test_a_change_of_language_keeps_the_machine_where_it_was() -> None:
    result = load_scenario(SCENARIOS / "spa-hotel.yaml")
    assert result.scenario is not None
    session = Session(result.scenario, seed=5)
    session.choose(1)
    shown, node = [c.id for c in session.shown_choices()], session.state.node
    spanish = session.with_scenario(result.localized("es"))
    assert spanish.scenario.language == "es" and spanish.state.node == node
    assert [c.id for c in spanish.shown_choices()] == shown and all(spanish.allows(cid) for cid in shown)
    assert spanish.choose(1).scene_id == node


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_move_of_the_machine_is_the_pure_step(path: Path) -> None:
    """Random playthroughs: each Outcome is what ``rules.step`` (the explorers' step) makes from the same state,
    and the machine allows exactly the choices the rules offer, at every turn."""
    result = load_scenario(path)
    assert result.scenario is not None
    scenario = result.scenario
    for seed in range(12):
        session, pick = Session(scenario, seed=seed), random.Random(seed)
        while not session.finished:
            scene = session.scene
            assert scene is not None
            offered = session.available_choices()
            assert [c for c in scene.choices if session.allows(c.id)] == offered
            choice = pick.choice(offered)
            before = session.state
            outcome = session.choose(choice.id)
            expected = step(scenario, before, choice, seed)
            assert session.state == expected.state
            assert (outcome.deltas, outcome.outcome_deltas, outcome.rules) == (
                expected.deltas,
                expected.outcome_deltas,
                expected.rules,
            )
            assert (outcome.ending_id, outcome.chance_index, outcome.roll) == (
                expected.ending_id,
                expected.chance_index,
                expected.roll,
            )
