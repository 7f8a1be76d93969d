"""The engine. Every test runs twice: once plainly, once with a save→load JSON round trip after every step."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from game.authoring.load import load_scenario_text
from game.core.model import Scenario
from game.core.rules import step
from game.core.session import ChoiceNotAvailable, SaveError, Session
from tests.core.scenario_text import MINIMAL

RULES = MINIMAL.replace(
    "endings:",
    """rules:
  - id: fame
    when: "reputation >= 80"
    effects: {revenue: +100}
    text: Word spreads.
  - id: every_time
    when: "turn >= 1"
    once: false
    effects: {staff_morale: -1}
    text: Tired.
endings:""",
).replace(
    "characters:",
    "metrics:\n  reputation: {start: 78}\n  revenue: {start: 1000}\n  staff_morale: {start: 50}\ncharacters:",
)

Step = Callable[[Session, str], Session]


def load(text: str = MINIMAL) -> Scenario:
    scenario = load_scenario_text(text, "t.yaml").scenario
    assert scenario is not None
    return scenario


def _plain(session: Session, choice: str) -> Session:
    session.choose(choice)
    return session


def _roundtrip(session: Session, choice: str) -> Session:
    session.choose(choice)
    data = json.loads(json.dumps(session.to_json()))
    restored = Session.from_json(session.scenario, data)
    assert restored.to_json() == session.to_json()
    assert restored.state == session.state
    assert restored.state.node == session.state.node
    return restored


@pytest.fixture(params=[_plain, _roundtrip], ids=["plain", "roundtrip"])
def act(request: pytest.FixtureRequest) -> Step:
    return request.param  # type: ignore[no-any-return]


def test_a_choice_applies_effects_and_moves_on(act: Step) -> None:
    session = Session(load())
    assert session.scene is not None and session.scene.id == "hello"
    assert [c.id for c in session.available_choices()] == ["greet", "ignore"]
    session = act(session, "greet")
    outcome = session.history[-1]
    assert outcome.deltas == {"reputation": 5}
    assert outcome.next_scene == "cost_scene" and outcome.ending_id is None
    assert session.metrics["reputation"] == 5
    assert session.flags == frozenset({"asked"})
    assert session.state.node == "cost_scene"


def test_metrics_are_clamped_and_deltas_report_the_real_change(act: Step) -> None:
    session = Session(load())
    session = act(session, "ignore")  # reputation starts at 0 (declared min 0)
    assert session.metrics["reputation"] == 0
    assert session.history[-1].deltas == {}


def test_conditions_hide_choices(act: Step) -> None:
    session = act(Session(load()), "ignore")
    assert [c.id for c in session.available_choices()] == ["count"]
    with pytest.raises(ChoiceNotAvailable) as info:
        session.choose("gamble")
    assert "not available now" in str(info.value) and "1=count" in str(info.value)


def test_choices_by_number_and_bad_numbers(act: Step) -> None:
    session = act(Session(load()), "2")
    assert session.history[-1].choice_id == "ignore"
    with pytest.raises(ChoiceNotAvailable):
        session.choose("7")
    with pytest.raises(ChoiceNotAvailable) as info:
        session.choose("nonsense")
    assert "does not exist" in str(info.value)


def test_chance_is_deterministic_per_seed(act: Step) -> None:
    endings = set()
    for seed in range(40):
        session = act(act(Session(load(), seed=seed), "greet"), "gamble")
        again = Session(load(), seed=seed)
        again.choose("greet")
        again.choose("gamble")
        assert session.history[-1] == again.history[-1]
        assert session.history[-1].chance
        endings.add(session.history[-1].ending_id)
    assert endings == {"happy", "sad"}


OUTCOME_EFFECTS = (
    MINIMAL.replace(
        "          - {p: 0.5, next: happy}\n          - {p: 0.5, next: sad, note: It went badly.}",
        "          - {p: 0.5, next: happy, effects: {revenue: +300}, clear: [asked]}\n"
        "          - {p: 0.5, next: sad, effects: {revenue: -2000, reputation: -50}, note: It went badly.}",
    )
    .replace(
        "endings:",
        "rules:\n  - {id: broke, when: 'revenue < 500', effects: {staff_morale: -10}, text: Payday.}\nendings:",
    )
    .replace("characters:", "metrics:\n  revenue: {start: 1000}\n  staff_morale: {start: 50}\ncharacters:")
)


def test_a_chance_outcome_applies_its_own_effects_before_the_rules(act: Step) -> None:
    """Only the outcome chance picks applies its effects (clamped, flags too); the rules see them."""
    seen = {}
    for seed in range(40):
        session = act(act(Session(load(OUTCOME_EFFECTS), seed=seed), "greet"), "gamble")
        last = session.history[-1]
        assert last.deltas == {}  # the choice has no effects of its own: all of it is the outcome's
        seen[last.ending_id] = (
            last.outcome_deltas,
            [r.rule_id for r in last.rules],
            dict(session.metrics),
            session.flags,
        )
    happy = seen["happy"]
    assert happy == ({"revenue": 300}, [], {"revenue": 1300, "staff_morale": 50, "reputation": 5}, frozenset())
    sad_deltas, sad_rules, sad_metrics, sad_flags = seen["sad"]
    assert sad_deltas == {"revenue": -1000, "reputation": -5}  # both clamped at their minimum, 0
    assert sad_rules == ["broke"] and sad_metrics == {"revenue": 0, "staff_morale": 40, "reputation": 0}
    assert sad_flags == frozenset({"asked"})


def test_a_forced_outcome_applies_the_same_effects() -> None:
    """What the explorer does: force each outcome by index (or by target alone) and get what play gets."""
    scenario = load(OUTCOME_EFFECTS)
    session = Session(scenario)
    session.choose("greet")
    gamble = scenario.choice("gamble")
    assert gamble is not None
    for index, target in enumerate(("happy", "sad")):
        by_index = step(scenario, session.state, gamble, 0, target, index).state
        by_target = step(scenario, session.state, gamble, 0, target).state
        assert by_index == by_target and by_index.node == target
    assert dict(step(scenario, session.state, gamble, 0, "sad", 1).state.metrics)["revenue"] == 0


def test_rules_fire_once_or_every_time(act: Step) -> None:
    session = Session(load(RULES))
    session = act(session, "greet")  # reputation 78 -> 83: fame fires; every_time fires (turn 1)
    outcome = session.history[-1]
    assert [r.rule_id for r in outcome.rules] == ["fame", "every_time"]
    assert outcome.total_deltas == {"reputation": 5, "revenue": 100, "staff_morale": -1}
    session = act(session, "count")
    assert [r.rule_id for r in session.history[-1].rules] == ["every_time"]
    assert session.finished and session.ending is not None and session.ending.id == "happy"


def test_conditional_endings_end_the_game_when_they_hold(act: Step) -> None:
    text = RULES.replace(
        "endings:\n",
        'endings:\n  famous: {rating: good, title: Famous, text: Too famous., when: "reputation >= 83"}\n',
    )
    session = act(Session(load(text)), "greet")
    assert session.finished and session.ending is not None and session.ending.id == "famous"
    assert session.history[-1].ending_id == "famous"
    assert session.available_choices() == []
    with pytest.raises(ChoiceNotAvailable):
        session.choose("count")


def test_undo_and_rewind(act: Step) -> None:
    session = act(act(Session(load(RULES)), "greet"), "count")
    assert session.finished
    undone = session.undo()
    assert undone is not None and undone.choice_id == "count"
    assert not session.finished and session.state.node == "cost_scene"
    session = act(session, "count")
    session.rewind(0)
    assert session.turn == 0 and session.history == [] and session.state.node == "hello"
    assert session.metrics == Session(load(RULES)).metrics
    assert session.undo() is None


def test_saves_refuse_other_scenarios_newer_versions_and_damage() -> None:
    session = Session(load())
    session.choose("greet")
    data = session.to_json()
    other = load(MINIMAL.replace("Hello.", "Hello there."))
    with pytest.raises(SaveError, match="changed"):
        Session.from_json(other, data)
    with pytest.raises(SaveError, match="version"):
        Session.from_json(session.scenario, data | {"save_version": 99})
    with pytest.raises(SaveError, match="damaged"):
        Session.from_json(session.scenario, data | {"states": [{"node": "hello"}]})
    with pytest.raises(SaveError, match="not a JSON object"):
        Session.from_json(session.scenario, [])  # type: ignore[arg-type]
    assert "Hello" not in json.dumps(data)  # a save never holds the scenario's text


@pytest.mark.parametrize(
    "field, value",
    [
        ("metrics", {"revenue": float("inf")}),
        ("deltas", {"revenue": float("nan")}),
        ("roll", "high"),
        ("decided_at", float("inf")),
        ("chance", -1),
        ("next", 7),
    ],
)
def test_saves_refuse_history_values_that_cannot_be_right(field: str, value: object) -> None:
    """Found by the crash test: an ``Infinity`` in the history loaded, then broke the next save."""
    session = Session(load())
    session.choose("greet")
    data = json.loads(json.dumps(session.to_json()))
    entry = data["history"][0]
    entry[field] = entry[field] | value if isinstance(value, dict) else value  # type: ignore[operator]
    damaged = json.loads(json.dumps(data))  # Infinity and NaN survive the JSON round trip, as in a real file
    with pytest.raises(SaveError, match="damaged"):
        Session.from_json(session.scenario, damaged)
    Session.from_json(session.scenario, json.loads(json.dumps(session.to_json())))  # the undamaged save loads


def test_with_scenario_switches_language_only() -> None:
    session = Session(load())
    same_rules = load().evolve(title="Otro título", language="es")
    assert session.with_scenario(same_rules).scenario.title == "Otro título"
    with pytest.raises(SaveError):
        session.with_scenario(load(MINIMAL.replace("+5", "+6")))
