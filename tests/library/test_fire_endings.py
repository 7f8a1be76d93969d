"""fire-the-client's endings never contradict what happened on the way there.

The best ending thanks Amparo for a thorough handover only when she gave one; a refused or soured exit, a lost
client, a phase played badly or a resignation changes the ending reached and what its text says, in both
languages. The plan cases play tests/plans/fire-the-client.yaml through the real Session and read the text the
player sees; the last test walks every reachable state through the engine's own ``next_state``.
"""

from __future__ import annotations

import pytest

from game.core.model import Chance
from game.core.rules import State, choice_available, initial_state, next_state
from game.core.session import Session
from game.core.variants import ending_text, ending_title, state_env
from game.paths import SCENARIOS
from tests.library.shipped import PLANS, loaded, read_plans

PLAN_FILE = PLANS / "fire-the-client.yaml"
THOROUGH = {"en": "handover so thorough", "es": "traspaso tan completo"}
REFUSED = {"en": "refused handover", "es": "traspaso que negaste"}
TENDER = {"en": "cheaper bidder", "es": "oferta más barata"}
HORTENSIA = {"en": "Hortensia", "es": "Hortensia"}
PEOPLE_AND_NAME = {"yolanda_gone", "hortensia_lost", "handover_refused", "exit_soured", "wobbled"}


def _play(name: str, language: str) -> tuple[str, str, str, frozenset[str]]:
    """The ending id, its title and text as shown, and the flags at the end of the plan called ``name``."""
    plan = next(p for p in read_plans(PLAN_FILE)["plans"] if p["name"] == name)  # type: ignore[union-attr]
    scenario = loaded(SCENARIOS / "fire-the-client.yaml").localized(language)
    assert scenario is not None
    session = Session(scenario, seed=int(plan["seed"]))
    for choice in plan["choices"]:
        session.choose(str(choice))
    ending = session.ending
    assert ending is not None
    env = state_env(scenario, session.state)
    return ending.id, ending_title(ending, env), ending_text(ending, env), session.flags


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_best_ending_thanks_for_a_handover_only_after_one(language: str) -> None:
    ending, _title, text, flags = _play("expert", language)
    assert ending == "fired_well" and THOROUGH[language] in text
    assert {"cost_counted", "terms_set", "limit_held", "power_seen", "replacement_lined_up"} <= flags
    ending, _title, text, flags = _play("refused_handover", language)
    assert ending == "sour_exit" and "handover_refused" in flags
    assert THOROUGH[language] not in text and REFUSED[language] in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_lost_tender_reads_as_a_lost_tender(language: str) -> None:
    ending, _title, text, flags = _play("renegotiate_tender_lost", language)
    assert ending == "fired_well" and "tendered" in flags
    assert TENDER[language] in text and THOROUGH[language] not in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_lost_client_keeps_the_exit_from_the_best_rating_and_is_named(language: str) -> None:
    ending, _title, text, flags = _play("hortensia_lost", language)
    assert ending == "fired_bruised" and "hortensia_lost" in flags
    assert HORTENSIA[language] in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_phase_played_badly_names_what_was_missed(language: str) -> None:
    titles = {
        name: _play(name, language)[1] for name in ("cost_played_badly", "limits_played_badly", "power_overrated")
    }
    assert {_play(name, language)[0] for name in titles} == {"fired_with_gaps"}
    assert len(set(titles.values())) == 3, titles  # one title per phase missed


def test_no_best_or_good_ending_after_a_resignation_a_lost_client_or_a_soured_exit() -> None:
    """Every reachable state, every chance outcome: the best ending needs the people and the name intact, and
    a good one never follows a resignation or a refused, gloating or wobbling exit."""
    scenario = loaded(SCENARIOS / "fire-the-client.yaml").localized("en")
    assert scenario is not None
    scenes = {s.id: s for s in scenario.scenes}
    ratings = {e.id: e.rating for e in scenario.endings}
    seen: set[State] = set()
    stack = [initial_state(scenario)]
    reached: dict[str, int] = {}
    while stack:
        state = stack.pop()._replace(turn=0)  # no condition of this scenario reads the turn
        if state in seen:
            continue
        seen.add(state)
        if state.node in ratings:
            reached[state.node] = reached.get(state.node, 0) + 1
            lost = state.flags & PEOPLE_AND_NAME
            if ratings[state.node] == "best":
                assert not lost, (state.node, sorted(lost))
            if ratings[state.node] == "good":
                assert not lost - {"hortensia_lost"}, (state.node, sorted(lost))
            continue
        for choice in scenes[state.node].choices:
            if not choice_available(scenario, state, choice):
                continue
            if isinstance(choice.next, Chance):
                stack.extend(
                    next_state(scenario, state, choice, target=o.target, outcome=k)
                    for k, o in enumerate(choice.next.outcomes)
                )
            else:
                stack.append(next_state(scenario, state, choice))
    assert set(reached) == set(ratings), f"endings never reached: {sorted(set(ratings) - set(reached))}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_hard_way_says_which_hard_way(language: str) -> None:
    late = {"en": "six months late", "es": "seis meses tarde"}
    jobs = {"en": "lost their jobs", "es": "perdieron su"}
    ending, _title, text, _flags = _play("late_exit", language)
    assert ending == "fired_hard_way" and late[language] in text and jobs[language] not in text
    ending, _title, text, _flags = _play("laid_off", language)
    assert ending == "fired_hard_way" and jobs[language] in text and late[language] not in text
