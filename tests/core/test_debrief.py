"""The debrief model: one playthrough of the teaching scenario pinned once, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from game.core.debrief import Decision, MetricChange, build_debrief
from game.core.model import Scenario
from game.core.session import Session

TEACHING = Path(__file__).resolve().parent / "data" / "teaching.yaml"


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    result = load_scenario(TEACHING)
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


def play(scenario: Scenario, *choices: str) -> Session:
    session = Session(scenario, seed=3)
    for choice in choices:
        session.choose(choice)
    return session


def test_a_playthrough_that_costs_noor(scenario: Scenario) -> None:
    debrief = build_debrief(play(scenario, "listen", "hope_for_the_best", "state_limit", "know_worth"))
    assert [p.phase for p in debrief.phases] == ["situation", "cost", "limits", "power"]
    assert [p.score for p in debrief.phases] == [None, 0.5, 1.0, 1.0]
    assert dict(debrief.phase_scores) == {"cost": 0.5, "limits": 1.0, "power": 1.0}
    assert debrief.overall_score == pytest.approx(2.5 / 3)
    assert (debrief.pass_mark, debrief.success) == (0.7, True)
    cost: Decision = debrief.phases[1].decisions[0]
    assert (cost.turn, cost.scene_id, cost.choice_id, cost.style, cost.score) == (
        2,
        "cost",
        "hope_for_the_best",
        "passive",
        0.5,
    )
    # owner stress rose: true arrow (+10), bad news because lower is better; morale fell: bad news
    assert cost.changes == (
        MetricChange("staff_morale", -20.0, False, "higher"),
        MetricChange("owner_stress", 10.0, False, "lower"),
    )
    assert cost.own_changes == cost.changes and cost.chance_changes == ()
    assert cost.coach_note == "You hoped it would work out; the team paid for it, and Noor has had enough."
    assert cost.events == ("Noor hands in her notice, and you lie awake that night.",)
    assert cost.strongest is not None and cost.strongest.choice_id == "count_it"
    assert cost.strongest.why == "You named the cost to the team before the cost to the till."
    assert not cost.chose_strongest
    limits = debrief.phases[2].decisions[0]
    assert limits.scene_text == "Noor's apron hangs on its hook. Sam calls again."
    assert limits.chose_strongest and limits.technique == "workable_compromise"
    assert [part for part, _ in limits.model_line] == ["fact", "limit", "alternative", "consequence"]
    assert limits.strongest is not None and limits.strongest.model_line == limits.model_line
    assert debrief.phases[3].decisions[0].technique == "batna"
    assert dict(debrief.styles) == {"assertive": 3, "passive": 1, "aggressive": 0, "passive-aggressive": 0}
    assert (debrief.strongest_chosen, debrief.scored_decisions) == (2, 3)
    assert debrief.finished and (debrief.ending_id, debrief.rating) == ("done", "good")
    assert debrief.ending_title == "Kept the order, lost Noor"
    assert debrief.ending_text.startswith("Sam keeps ordering; Noor now bakes")
    assert MetricChange("owner_stress", 10.0, False, "lower") in debrief.totals
    assert [d.choice_id for d in debrief.decisions] == ["listen", "hope_for_the_best", "state_limit", "know_worth"]
    assert debrief.scores_json() == {
        "phases": {"cost": 0.5, "limits": 1.0, "power": 1.0},
        "overall": 0.833333,
        "pass_mark": 0.7,
        "success": True,
    }


def test_the_strong_path_shows_the_other_variants_and_a_weak_one_fails(scenario: Scenario) -> None:
    strong = build_debrief(play(scenario, "listen", "count_it", "state_limit", "know_worth"))
    assert strong.overall_score == 1.0 and strong.success
    cost = strong.phases[1].decisions[0]
    assert cost.changes == (MetricChange("owner_stress", -10.0, True, "lower"),)
    assert cost.events == ()
    assert strong.phases[2].decisions[0].scene_text == "Sam calls again."
    assert strong.ending_title == "Kept the order and the team"
    weak = build_debrief(play(scenario, "listen", "hope_for_the_best", "snap", "give_in"))
    assert dict(weak.phase_scores) == {"cost": 0.5, "limits": 0.0, "power": 0.25}
    assert weak.overall_score == pytest.approx(0.25) and not weak.success
    assert weak.ending_title == "A weekend that wasn't yours"


def test_an_unfinished_playthrough_and_an_empty_one(scenario: Scenario) -> None:
    empty = build_debrief(Session(scenario))
    assert empty.phases == () and empty.overall_score is None and not empty.success and not empty.finished
    half = build_debrief(play(scenario, "listen", "count_it"))
    assert dict(half.phase_scores) == {"cost": 1.0} and half.ending_id is None and half.ending_title == ""


def test_the_spanish_debrief_resolves_the_translated_variants(scenario: Scenario) -> None:
    spanish = load_scenario(TEACHING).localized("es")
    assert spanish is not None and spanish.language == "es"
    debrief = build_debrief(play(spanish, "listen", "hope_for_the_best", "state_limit", "know_worth"))
    assert debrief.language == "es"
    assert debrief.ending_title == "Se quedó el pedido, se fue Noor"
    assert debrief.phases[2].decisions[0].scene_text == "El delantal de Noor cuelga de su gancho. Sam vuelve a llamar."
    assert dict(debrief.phase_scores) == {"cost": 0.5, "limits": 1.0, "power": 1.0}
