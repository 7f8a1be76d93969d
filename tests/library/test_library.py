"""The shipped scenario library: clean, deep, balanced, fully translated, and every path finishes."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.diagnostics import Severity
from game.core.expr import Condition
from game.core.model import DECISION_PHASES, PHASES, STYLES, Branches, Chance, Scenario
from game.core.rules import State, choice_available, initial_state, step
from game.core.texts import extract_texts
from tests.library.shipped import loaded, scenario_paths

PATHS = scenario_paths()
MAX_DEPTH = 60


def scenario_of(path: Path) -> Scenario:
    result = loaded(path)
    assert result.scenario is not None, "\n".join(d.format() for d in result.diagnostics)
    return result.scenario


def test_the_library_has_the_five_scenarios() -> None:
    ids = {p.stem for p in PATHS}
    assert {"spa-hotel", "broken-word", "berated-staff", "midnight-calls", "fire-the-client"} <= ids


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_checks_clean_with_no_warnings(path: Path) -> None:
    diagnostics = loaded(path).diagnostics
    assert [d.format() for d in diagnostics] == []


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_depth_and_teaching_model(path: Path) -> None:
    scenario = scenario_of(path)
    assert len(scenario.scenes) >= 12
    ratings = {e.rating for e in scenario.endings}
    assert len(scenario.endings) >= 4 and len(ratings) >= 4
    assert scenario.rules, "at least one rule"
    assert any(isinstance(c.next, Chance) for s in scenario.scenes for c in s.choices), "at least one chance outcome"
    phases = [s.phase for s in scenario.scenes]
    assert set(phases) == set(PHASES)
    for phase in DECISION_PHASES:
        assert scenario.reflection_for(phase), f"no reflection question for {phase}"
    styles = {c.style for s in scenario.scenes for c in s.choices}
    assert styles == set(STYLES)
    for scene in scenario.scenes:
        for choice in scene.choices:
            assert choice.feedback, f"{choice.id} has no coach feedback"
        if scene.phase in DECISION_PHASES:
            assert sum(c.best for c in scene.choices) == 1, f"{scene.id}: exactly one best choice"
    not_best_assertive = [c for s in scenario.scenes for c in s.choices if c.style == "assertive" and not c.best]
    assert not_best_assertive, "not every assertive-sounding option is the best one"
    assert scenario.player is not None and scenario.business


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_fully_translated_to_spanish(path: Path) -> None:
    result = loaded(path)
    assert "es" in result.translations
    source = extract_texts(scenario_of(path))
    spanish = result.translations["es"]
    missing = [k for k in source if k not in spanish]
    assert missing == []
    same = [k for k in source if spanish[k] == source[k] and len(source[k]) > 12 and not k.endswith(".name")]
    assert same == [], f"texts left in English: {same[:5]}"
    assert not [d for d in result.diagnostics if d.severity is Severity.WARNING]


def _walk(scenario: Scenario) -> tuple[set[str], set[str], int]:
    """Prove, for every path, that it ends and never gets stuck; find a witness path to every scene and ending.

    * No path loops forever: the scene graph (every target of every choice, conditions ignored) has no
      cycle, so every path ends within as many choices as there are scenes.
    * No path gets stuck: every scene offers at least one choice without a condition, so whatever the
      metrics and flags, some choice is available.
    * Everything is reached: a breadth-first search over real states (the engine's own ``step``, every
      chance outcome forced) stops as soon as every scene and ending has been seen.
    The walk in ``sticky explore`` visits every distinct state instead (tests/authoring/test_explore.py runs it
    on every shipped scenario to the end).
    Returns the scenes and endings reached and the number of paths through the scene graph.
    """
    graph = {s.id: [t for c in s.choices for t in c.targets()] for s in scenario.scenes}
    order: list[str] = []
    mark: dict[str, int] = {}

    def visit(node: str) -> None:
        stack = [(node, iter(graph.get(node, ())))]
        mark[node] = 1
        while stack:
            current, children = stack[-1]
            child = next(children, None)
            if child is None:
                mark[current] = 2
                order.append(current)
                stack.pop()
            elif mark.get(child) == 1:
                raise AssertionError(f"a path can loop forever: {current} leads back to {child}")
            elif child not in mark:
                mark[child] = 1
                stack.append((child, iter(graph.get(child, ()))))

    visit(scenario.start)
    for scene in scenario.scenes:
        assert any(c.when is None for c in scene.choices), f"{scene.id}: every choice is conditional; may get stuck"
    paths: dict[str, int] = {e.id: 1 for e in scenario.endings}
    for node in order:  # children before parents
        if node in graph:
            paths[node] = sum(paths[t] for t in graph[node])
    wanted = {s.id for s in scenario.scenes} | {e.id for e in scenario.endings}
    visited: set[str] = {scenario.start}
    endings: set[str] = set()
    # Witness search: first keeping one real state per (scene, flags, rules fired), then, if something is
    # still missing, every distinct state. Every state here is truly reachable, so what it finds is real.
    for coarse in (True, False):
        layer = [initial_state(scenario)]
        seen: set[object] = set()
        while layer and not wanted <= visited:
            following: list[State] = []
            for state in layer:
                scene = scenario.scene(state.node)
                assert scene is not None
                for choice in (c for c in scene.choices if choice_available(scenario, state, c)):
                    targets = [o.target for o in choice.next.outcomes] if isinstance(choice.next, Chance) else [None]
                    for target in targets:
                        child = step(scenario, state, choice, seed=0, target=target).state
                        visited.add(child.node)
                        key = (child.node, child.flags, child.fired) if coarse else child
                        if child.ended:
                            endings.add(child.node)
                        elif key not in seen:
                            seen.add(key)
                            following.append(child)
            layer = following
    return visited, endings, paths[scenario.start]


def _conditions(scenario: Scenario) -> list[Condition]:
    found: list[Condition] = [r.when for r in scenario.rules]
    found += [e.when for e in scenario.endings if e.when is not None]
    for scene in scenario.scenes:
        for choice in scene.choices:
            if choice.when is not None:
                found.append(choice.when)
            if isinstance(choice.next, Branches):
                found += [b.when for b in choice.next.branches if b.when is not None]
    return found


#: midnight-calls has the most paths (about 6 s to walk on two cores): its walk runs in the slow step
WALKED = [pytest.param(p, marks=pytest.mark.slow) if p.stem == "midnight-calls" else p for p in PATHS]


@pytest.mark.parametrize("path", WALKED, ids=[p.stem for p in PATHS])
def test_every_path_finishes_and_reaches_everything(path: Path) -> None:
    scenario = scenario_of(path)
    visited, endings, paths = _walk(scenario)
    assert {s.id for s in scenario.scenes} <= visited, "unreached scenes"
    assert endings == {e.id for e in scenario.endings}, "unreached endings"
    assert paths >= len(scenario.endings)


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_styles_lead_to_recognisably_different_results(path: Path) -> None:
    """Always picking one style (where offered) ends in different places on the three metrics."""
    scenario = scenario_of(path)
    finals: dict[str, tuple[float, float, float, str]] = {}
    for style in ("assertive", "passive", "aggressive"):
        state = initial_state(scenario)
        for _ in range(MAX_DEPTH):
            scene = scenario.scene(state.node)
            assert scene is not None
            options = [c for c in scene.choices if choice_available(scenario, state, c)]
            preferred = [c for c in options if c.style == style]
            ranked = sorted(preferred or options, key=lambda c: (not c.best, scene.choices.index(c)))
            state = step(scenario, state, ranked[0], seed=1).state
            if state.ended:
                break
        metrics = state.metric_dict()
        finals[style] = (metrics["revenue"], metrics["staff_morale"], metrics["reputation"], state.node)
    assert len({v for v in finals.values()}) == 3, finals
    assert finals["passive"][1] < finals["assertive"][1] or finals["passive"][2] < finals["assertive"][2]
    assert finals["aggressive"][2] < finals["assertive"][2]
