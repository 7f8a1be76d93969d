"""Expected playthroughs (tests/plans/*.yaml) replayed in both languages through the real Session."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.session import Session
from tests.library.shipped import SCENARIOS, loaded, plan_paths, read_plans

CASES = [
    (path, plan)
    for path in plan_paths()
    for plan in read_plans(path)["plans"]  # type: ignore[union-attr]
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(("plan_file", "plan"), CASES, ids=[f"{p.stem}:{plan['name']}" for p, plan in CASES])
def test_plan(plan_file: Path, plan: dict[str, object], language: str) -> None:
    scenario_id = read_plans(plan_file)["scenario"]
    result = loaded(SCENARIOS / f"{scenario_id}.yaml")
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    scenario = result.localized(language)
    assert scenario is not None and scenario.language == language
    session = Session(scenario, seed=int(plan.get("seed", 0)))  # type: ignore[call-overload]
    for choice in plan["choices"]:  # type: ignore[attr-defined]
        session.choose(str(choice))
    ending = session.ending
    assert ending is not None, f"plan stopped in scene {session.state.node}"
    assert ending.id == plan["ending"]
    for metric_id, (low, high) in plan.get("metrics", {}).items():  # type: ignore[attr-defined]
        value = session.metrics[metric_id]
        assert low <= value <= high, f"{metric_id} = {value}, expected within [{low}, {high}]"


def test_every_scenario_has_plans() -> None:
    planned = {read_plans(p)["scenario"] for p in plan_paths()}
    shipped = {p.stem for p in SCENARIOS.glob("*.yaml") if p.stem.count(".") == 0}
    assert shipped <= planned, f"scenarios without plans: {sorted(shipped - planned)}"
    for path in plan_paths():
        plans = read_plans(path)["plans"]
        assert len(plans) >= 3, f"{path.name}: the expert path and at least two others"  # type: ignore[arg-type]
        assert any(p["name"] == "expert" for p in plans)  # type: ignore[union-attr]


def test_every_ending_of_every_shipped_scenario_has_a_plan() -> None:
    """At least one expected playthrough reaches each ending (issue 14): none is left to chance."""
    for path in plan_paths():
        data = read_plans(path)
        result = loaded(SCENARIOS / f"{data['scenario']}.yaml")
        assert result.scenario is not None
        planned = {plan["ending"] for plan in data["plans"]}  # type: ignore[union-attr]
        missing = {e.id for e in result.scenario.endings} - planned
        assert not missing, f"{path.name}: no plan reaches {sorted(missing)}"
