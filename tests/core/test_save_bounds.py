"""A save is checked before it is trusted: a sane seed, a known version, metrics a playthrough could hold, and a
bounded history, refused before it is read (issue 15, item 6)."""

from __future__ import annotations

import copy
import time
from typing import Any

import pytest

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.core.session import MAX_SAVED_STEPS, SaveError, Session
from tests.conftest import DATA


@pytest.fixture(scope="module")
def bakery() -> Scenario:
    scenario = load_scenario(DATA / "bakery.yaml").scenario
    assert scenario is not None
    return scenario


def _saved(bakery: Scenario) -> dict[str, Any]:
    session = Session(bakery, 4)
    session.choose("explain_policy")
    return session.to_json()


def test_a_good_save_still_restores(bakery: Scenario) -> None:
    data = _saved(bakery)
    assert Session.from_json(bakery, data).to_json() == data


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["states"][-1]["metrics"].update(staff_morale=500), "out of bounds"),
        (lambda d: d["states"][-1]["metrics"].update(revenue=1e308), "out of bounds"),
        (lambda d: d["states"][-1]["metrics"].update(revenue=-5), "out of bounds"),
        (lambda d: d["history"][0]["metrics"].update(reputation=101), "cannot be right"),
        (lambda d: d.update(save_version=-1), "version"),
        (lambda d: d.update(save_version=True), "version"),
        (lambda d: d.update(seed=7.5), "seed"),
        (lambda d: d.update(seed="7"), "seed"),
        (lambda d: d.update(seed=2**80), "seed"),
        (lambda d: d.update(history=None), "no states or history"),
    ],
)
def test_absurd_saves_are_refused(bakery: Scenario, change: Any, reason: str) -> None:
    data = _saved(bakery)
    change(data)
    with pytest.raises(SaveError, match=reason):
        Session.from_json(bakery, data)


def test_a_history_too_long_is_refused_before_it_is_read(bakery: Scenario) -> None:
    data = _saved(bakery)
    data["history"] = [copy.deepcopy(data["history"][0]) for _ in range(100_000)]
    data["states"] = [copy.deepcopy(data["states"][0]) for _ in range(100_001)]
    started = time.monotonic()
    with pytest.raises(SaveError, match=f"more than {MAX_SAVED_STEPS:,} steps"):
        Session.from_json(bakery, data)
    assert time.monotonic() - started < 0.5
