"""Rewritten scenarios cannot be won without thinking (issue 14): fixed strategies reach at best a `fair` ending,
and playing any one decision phase badly while playing the rest as the coach never reaches a best-rated one.

Every state a strategy can reach is walked through the engine's own ``next_state``, with every chance outcome
followed, so "can reach" means under any luck. A scenario joins the check by adding its id to ``REWRITTEN``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from game.core.model import Chance, Choice, Scenario, Scene
from game.core.rules import State, choice_available, initial_state, next_state
from tests.library.shipped import SCENARIOS, loaded

REWRITTEN = ["berated-staff", "broken-word", "fire-the-client", "midnight-calls", "spa-hotel"]
RATINGS = ["best", "good", "fair", "poor", "bad"]
DECISION_PHASES = ("cost", "limits", "power")

Pick = Callable[[Scene, Sequence[Choice]], Sequence[Choice]]  # the choices a strategy may make here


def endings_reached(scenario: Scenario, pick: Pick) -> set[str]:
    """Every ending a strategy can reach, whatever chance decides."""
    scenes = {s.id: s for s in scenario.scenes}
    endings = {e.id for e in scenario.endings}
    found: set[str] = set()
    seen: set[State] = set()
    stack = [initial_state(scenario)]
    while stack:
        state = stack.pop()
        if state in seen:
            continue
        seen.add(state)
        if state.node in endings:
            found.add(state.node)
            continue
        scene = scenes[state.node]
        offered = [c for c in scene.choices if choice_available(scenario, state, c)]
        for choice in pick(scene, offered):
            if isinstance(choice.next, Chance):
                stack.extend(
                    next_state(scenario, state, choice, target=o.target, outcome=k)
                    for k, o in enumerate(choice.next.outcomes)
                )
            else:
                stack.append(next_state(scenario, state, choice))
    return found


def best_rating(scenario: Scenario, found: set[str]) -> str:
    """The best rating among the endings found."""
    ratings = {e.id: e.rating for e in scenario.endings}
    return min((ratings[e] for e in found), key=RATINGS.index)


def coach(_scene: Scene, offered: Sequence[Choice]) -> Sequence[Choice]:
    return [c for c in offered if c.best] or offered


def _scenario(scenario_id: str, language: str) -> Scenario:
    result = loaded(SCENARIOS / f"{scenario_id}.yaml")
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    scenario = result.localized(language)
    assert scenario is not None
    return scenario


def _fixed_strategies(scenario: Scenario) -> dict[str, Pick]:
    widest = max(len(s.choices) for s in scenario.scenes)
    strategies: dict[str, Pick] = {
        f"always option {k}": (lambda _s, offered, k=k: [offered[min(k, len(offered)) - 1]])
        for k in range(1, widest + 1)
    }
    strategies["always the longest text"] = lambda _s, offered: [max(offered, key=lambda c: len(c.text))]
    strategies["always the first assertive"] = lambda _s, offered: [
        next((c for c in offered if c.style == "assertive"), offered[0])
    ]
    return strategies


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scenario_id", REWRITTEN)
def test_no_fixed_strategy_beats_fair(scenario_id: str, language: str) -> None:
    scenario = _scenario(scenario_id, language)
    assert best_rating(scenario, endings_reached(scenario, coach)) == "best"
    for name, pick in _fixed_strategies(scenario).items():
        rating = best_rating(scenario, endings_reached(scenario, pick))
        assert RATINGS.index(rating) >= RATINGS.index("fair"), f"{name} reaches a {rating} ending"


@pytest.mark.parametrize("phase", DECISION_PHASES)
@pytest.mark.parametrize("scenario_id", REWRITTEN)
def test_one_phase_played_badly_never_reaches_best(scenario_id: str, phase: str) -> None:
    scenario = _scenario(scenario_id, "en")

    def badly(scene: Scene, offered: Sequence[Choice]) -> Sequence[Choice]:
        if scene.phase == phase:
            return [c for c in offered if not c.best] or offered
        return coach(scene, offered)

    found = endings_reached(scenario, badly)
    assert found, f"no ending reached with {phase} played badly"
    assert best_rating(scenario, found) != "best", f"{phase} played badly still reaches {sorted(found)}"


@pytest.mark.parametrize("scenario_id", REWRITTEN)
def test_the_coach_never_writes_the_longest_line_in_most_scenes(scenario_id: str) -> None:
    """Length gives nothing away: in both languages the best is the strictly longest choice in at most a third
    of the scenes, and no scene's choices differ in length by more than a fifth."""
    for language in ("en", "es"):
        scenario = _scenario(scenario_id, language)
        deciding = [s for s in scenario.scenes if any(c.best for c in s.choices) and len(s.choices) > 1]
        longest = []
        for scene in deciding:
            lengths = [len(c.text) for c in scene.choices]
            assert max(lengths) <= 1.2 * min(lengths), f"{language} {scene.id}: lengths {lengths}"
            best = next(c for c in scene.choices if c.best)
            if all(len(best.text) > len(c.text) for c in scene.choices if c is not best):
                longest.append(scene.id)
        assert len(longest) * 3 <= len(deciding), f"{language}: the best is the longest in {longest}"


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scenario_id", REWRITTEN)
def test_the_explorers_strategy_table_agrees(scenario_id: str, language: str) -> None:
    """The same verdicts from `sticky explore`'s own strategy walks (game.authoring.strategy_report), the tool
    authors run: no fixed strategy reaches `best`, no phase played badly does, and no S823/S824 warning."""
    from game.authoring.strategy_report import strategies, warnings

    scenario = _scenario(scenario_id, language)
    data = strategies(scenario)
    assert data["coach"]["best_rating"] == "best"
    for name, row in data["fixed"].items():
        assert RATINGS.index(row["best_rating"]) >= RATINGS.index("fair"), (name, row["best_rating"])
    for phase, row in data["phases"].items():
        assert row["best_reachable"] is False, phase
    assert warnings(scenario, data) == []
