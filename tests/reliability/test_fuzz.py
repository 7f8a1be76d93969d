"""Property-based fuzzing of the loader and the engine: the only outcomes are a scenario or diagnostics.

Thousands of documents per run: mutations of every shipped scenario and translation, random YAML trees, and
generated scenarios that mostly load and are then played with random choices to an end (or a step bound),
saved and restored. Marked slow (about a minute); ``STICKY_FUZZ=long`` runs ten times as many examples.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.fuzz import (
    MAIN_SEEDS,
    TRANSLATION_SEEDS,
    Seed,
    exercise,
    exercise_translation,
    mutated_text,
    scenarios,
    yaml_trees,
)

settings.register_profile(
    "fuzz",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    print_blob=True,
)
SCALE = 10 if os.environ.get("STICKY_FUZZ") == "long" else 1
pytestmark = pytest.mark.slow


def _fuzz(examples: int) -> settings:
    return settings(settings.get_profile("fuzz"), max_examples=examples * SCALE)


@_fuzz(700)
@given(mutated_text(MAIN_SEEDS), st.integers(0, 2**32))
def test_mutated_scenarios_load_or_explain(case: tuple[Seed, str], seed: int) -> None:
    _seed, text = case
    exercise(text.encode("utf-8", "surrogatepass"), seed)


@_fuzz(300)
@given(mutated_text(TRANSLATION_SEEDS), st.integers(0, 2**32))
def test_mutated_translations_load_or_explain(case: tuple[Seed, str], seed: int) -> None:
    original, text = case
    assert original.main is not None
    exercise_translation(original.main, text, seed)


@_fuzz(500)
@given(yaml_trees())
def test_random_yaml_trees_load_or_explain(text: str) -> None:
    exercise(text.encode("utf-8", "surrogatepass"))


@_fuzz(700)
@given(scenarios(), st.integers(0, 2**32))
def test_generated_scenarios_load_and_play(text: str, seed: int) -> None:
    exercise(text.encode("utf-8", "surrogatepass"), seed)


@_fuzz(300)
@given(st.binary(max_size=2000))
def test_random_bytes_load_or_explain(data: bytes) -> None:
    exercise(data)
