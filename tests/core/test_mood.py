"""The speaker's mood: the default reaction rule, the loader's `mood:` and its S311 diagnostic."""

from __future__ import annotations

from pathlib import Path

from game.authoring.load import load_scenario, load_scenario_text
from game.core.model import Metric
from game.core.mood import choice_effect_deltas, default_mood, reaction, scene_mood
from game.core.texts import extract_texts
from tests.core.scenario_text import MINIMAL

SCENARIOS = Path(__file__).resolve().parents[2] / "game" / "scenarios"


def metrics() -> dict[str, Metric]:
    return {
        "revenue": Metric("revenue", 100, 0, None, "€", "Revenue"),
        "staff_morale": Metric("staff_morale", 50, 0, 100, "%", "Staff morale"),
        "reputation": Metric("reputation", 50, 0, 100, "%", "Reputation"),
        "stress": Metric("stress", 3, 0, 10, "", "Stress", better="lower"),
    }


def test_good_news_pleases_and_nothing_is_neutral() -> None:
    assert default_mood([("reputation", 5)], metrics()) == "pleased"
    assert default_mood([("revenue", 9000), ("staff_morale", 2), ("reputation", -1)], metrics()) == "pleased"
    assert default_mood([], metrics()) == "neutral"
    assert default_mood([("reputation", 0)], metrics()) == "neutral"


def test_a_tie_is_neutral_however_large_the_numbers() -> None:
    # one metric up, one down: the units differ, so the sizes are not compared
    assert default_mood([("revenue", -20000), ("reputation", 1)], metrics()) == "neutral"


def test_a_fall_in_money_worries_and_in_people_annoys() -> None:
    assert default_mood([("revenue", -1500)], metrics()) == "worried"
    assert default_mood([("staff_morale", -10)], metrics()) == "annoyed"
    assert default_mood([("staff_morale", -10), ("reputation", -2)], metrics()) == "annoyed"
    assert default_mood([("staff_morale", -10), ("revenue", -2)], metrics()) == "worried"


def test_better_lower_turns_the_sign() -> None:
    assert default_mood([("stress", -2)], metrics()) == "pleased"
    assert default_mood([("stress", 2)], metrics()) == "worried"


def test_changes_to_one_metric_add_up_first() -> None:
    assert default_mood([("reputation", 5), ("reputation", -5)], metrics()) == "neutral"
    assert default_mood([("reputation", 5), ("reputation", -8)], metrics()) == "annoyed"


MOODY = (
    MINIMAL.replace("    speaker: kim\n    text: Hello.\n", "    speaker: kim\n    mood: worried\n    text: Hello.\n")
    .replace("        set: [asked]\n", "        set: [asked]\n        mood: annoyed\n")
    .replace("          - {p: 0.5, next: happy}\n", "          - {p: 0.5, next: happy, mood: pleased}\n")
)


def test_the_loader_reads_mood_on_scenes_choices_and_outcomes() -> None:
    result = load_scenario_text(MOODY, "t.yaml")
    assert result.diagnostics == [] or all(d.severity.value != "error" for d in result.diagnostics)
    scenario = result.scenario
    assert scenario is not None
    assert scene_mood(scenario.scene("hello")) == "worried"
    assert scene_mood(scenario.scene("cost_scene")) == "neutral"
    # written: wins over the effects (reputation +5 alone would please)
    assert reaction(scenario, "greet") == "annoyed"
    # not written: from the effects
    assert reaction(scenario, "ignore") == "annoyed"
    assert reaction(scenario, "count") == "neutral"
    # a chance outcome's mood when chance picks it; the choice's default otherwise
    assert reaction(scenario, "gamble", 0) == "pleased"
    assert reaction(scenario, "gamble", 1) == "neutral"
    assert reaction(scenario, "no_such_choice") == "neutral"


def test_mood_is_not_text_to_translate() -> None:
    scenario = load_scenario_text(MOODY, "t.yaml").scenario
    assert scenario is not None
    texts = extract_texts(scenario)
    assert not any("mood" in key for key in texts)
    assert "worried" not in texts.values() and "annoyed" not in texts.values()


def test_an_unknown_mood_is_s311_with_a_did_you_mean() -> None:
    bad = MINIMAL.replace("        set: [asked]\n", "        set: [asked]\n        mood: anoyed\n")
    result = load_scenario_text(bad, "t.yaml")
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.pos.line) == ("S311", 20)
    assert diagnostic.hint == "did you mean 'annoyed'?"
    assert result.scenario is None
    scene = MINIMAL.replace("    speaker: kim\n", "    speaker: kim\n    mood: furious\n")
    [diagnostic] = load_scenario_text(scene, "t.yaml").diagnostics
    assert diagnostic.code == "S311" and "neutral, pleased, annoyed, worried" in diagnostic.message
    assert diagnostic.hint == ""  # the message lists the moods already


def test_two_shipped_scenarios_name_a_reaction_the_default_would_not_give() -> None:
    for name in ("spa-hotel", "berated-staff"):
        scenario = load_scenario(SCENARIOS / f"{name}.yaml").scenario
        assert scenario is not None
        metrics = {m.id: m for m in scenario.metrics}
        differs = [
            c.id
            for s in scenario.scenes
            for c in s.choices
            if c.mood and c.mood != default_mood(choice_effect_deltas(c), metrics)
        ]
        assert len(differs) >= 2, name
