"""The shipped scenarios and their playthrough plans, loaded once per test run."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from game.authoring.load import LoadResult, load_scenario
from game.authoring.translations import is_translation_file
from game.paths import SCENARIOS

PLANS = Path(__file__).resolve().parents[1] / "plans"


def scenario_paths() -> list[Path]:
    """Every main scenario file under scenarios/."""
    return sorted(p for p in SCENARIOS.glob("*.yaml") if not is_translation_file(p))


def plan_paths() -> list[Path]:
    """Every plan file under tests/plans/ (``<id>.yaml``; other data there, such as ``<id>.seed-facts.yaml``,
    is not a plan)."""
    return sorted(p for p in PLANS.glob("*.yaml") if "." not in p.stem)


@cache
def loaded(path: Path) -> LoadResult:
    """The load result of a shipped scenario (cached)."""
    return load_scenario(path)


def read_plans(path: Path) -> dict[str, object]:
    """A plan file as data."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data
