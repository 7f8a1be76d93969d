"""spa-hotel's endings never contradict what happened on the way there.

The best ending is reached only with the three decision points done well and the people and the name intact;
a resignation or a one-star review changes the ending reached and what its text says, in both languages. Each
case plays a plan from tests/plans/spa-hotel.yaml through the real Session and reads the text the player sees.
"""

from __future__ import annotations

import pytest

from game.core.session import Session
from game.core.variants import ending_text, state_env
from game.paths import SCENARIOS
from tests.library.shipped import PLANS, loaded, read_plans

PLAN_FILE = PLANS / "spa-hotel.yaml"
NOOR = {"en": "Noor", "es": "Noor"}
REVIEW = {"en": "one-star review", "es": "reseña de una estrella"}


def _play(name: str, language: str) -> tuple[str, str, frozenset[str]]:
    """The ending id, its text as shown, and the flags at the end of the plan called ``name``."""
    plan = next(p for p in read_plans(PLAN_FILE)["plans"] if p["name"] == name)  # type: ignore[union-attr]
    result = loaded(SCENARIOS / "spa-hotel.yaml")
    scenario = result.localized(language)
    assert scenario is not None
    session = Session(scenario, seed=int(plan["seed"]))
    for choice in plan["choices"]:
        session.choose(str(choice))
    ending = session.ending
    assert ending is not None
    return ending.id, ending_text(ending, state_env(scenario, session.state)), session.flags


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_best_ending_needs_all_three_decisions_and_the_people_intact(language: str) -> None:
    ending, _text, flags = _play("expert", language)
    assert ending == "on_her_terms"
    assert {"counted_both_costs", "plan_first_access", "knows_her_power"} <= flags
    assert not flags & {"noor_resigned", "one_star_review"}
    for one_phase_badly in ("cost_one_sided", "no_limit_set", "no_sense_of_power"):
        assert _play(one_phase_badly, language)[0] == "workable_deal", one_phase_badly


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_right_terms_after_a_broken_promise_are_not_the_best_ending(language: str) -> None:
    ending, text, flags = _play("premature_promise", language)
    assert ending == "hard_won_terms" and "promised_team_no" in flags
    assert NOOR[language] not in text and REVIEW[language] not in text  # neither happened on this path


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("plan", ["gives_in", "team_walkout", "passive_aggressive"])
def test_a_resignation_is_never_contradicted(plan: str, language: str) -> None:
    ending, text, flags = _play(plan, language)
    assert "noor_resigned" in flags
    assert ending not in ("on_her_terms", "workable_deal")
    if ending == "wing_handed_over":
        assert NOOR[language] in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_path_without_losses_reads_no_loss(language: str) -> None:
    ending, text, flags = _play("late_recovery", language)
    assert ending == "late_repair" and "noor_resigned" not in flags
    assert NOOR[language] not in text
