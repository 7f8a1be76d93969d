"""Long play: 10,000 seeded random playthroughs of every shipped scenario in English and Spanish, headless.

Each playthrough reads every text the game shows (scene, choices, outcome, ending), now and then takes a
choice back, switches language mid-play, or saves and restores mid-play and carries on with the restored
session. No exception is allowed, every playthrough must reach an ending, and memory must not grow:

* the first 8,500 run untraced, at full speed; the resident set size after a warm-up and at the end may
  differ by at most ``RSS_BOUND_MB`` (allocator noise, not a leak);
* the last 1,500 run under ``tracemalloc``: after 300 more warm-up playthroughs, the last 1,200 may leave
  fewer new live blocks than playthroughs, and at most ``TRACED_BOUND_KB`` more held (a leak of one small
  object or of 200 bytes a playthrough fails it).

Marked slow: about a minute on a quiet machine.
"""

from __future__ import annotations

import gc
import json
import os
import random
import sys
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.core.session import Session
from tests.conftest import DATA
from tests.reliability.fuzz import shipped_paths

pytestmark = pytest.mark.slow

PLAYTHROUGHS = 10_000
TRACED = 1_500
TRACED_WARMUP = 300
RSS_WARMUP = 1_000
RSS_BOUND_MB = 16.0
TRACED_BOUND_KB = 256.0
MAX_STEPS = 200


def _rss_mb() -> float | None:
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1_048_576
    except (OSError, ValueError, IndexError):
        return None


def _prime_interned_strings() -> None:
    """Make Python's interned-string table a traced block before the baseline.

    transitions binds ``is_<scene>``/``may_<choice>`` names on every Session; setattr interns them and they die
    with the session, so the table is periodically reallocated at the same size. Its first reallocation under
    tracing would otherwise look like a new 2 MB block. Interning (then dropping) many strings grows it now.
    """
    primed = [sys.intern(f"sticky-soak-prime-{i}") for i in range(100_000)]
    del primed


def _snapshot() -> tracemalloc.Snapshot:
    return tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])


def _variants() -> list[tuple[str, Scenario, Scenario]]:
    """(name, English, Spanish) for every shipped scenario, loaded as the game loads them."""
    out = []
    for path in [*shipped_paths(), DATA / "bakery.yaml"]:  # the test scenario too, so it runs before any ship
        result = load_scenario(path)
        assert result.scenario is not None, [d.format() for d in result.diagnostics]
        assert "es" in result.translations or result.scenario.language == "es", f"{path.name} has no Spanish"
        english, spanish = result.localized("en"), result.localized("es")
        assert english is not None and spanish is not None
        out.append((Path(path).stem, english, spanish))
    return out


def _texts(session: Session) -> int:
    """Read what the screens show; returns how many characters (so the work can't be skipped)."""
    total = 0
    scene = session.scene
    if scene is not None:
        total += len(scene.text)
        for choice in session.available_choices():
            assert choice.text.strip(), choice.id
            total += len(choice.text) + len(choice.feedback)
    ending = session.ending
    if ending is not None:
        total += len(ending.title) + len(ending.text)
    return total


def play_one(name: str, english: Scenario, spanish: Scenario, seed: int) -> str:
    """One random playthrough with undo, language switches and a mid-play save/restore; returns the ending."""
    rng = random.Random(seed)
    languages = (english, spanish)
    session = Session(languages[seed % 2], seed=seed)
    save_at = rng.randrange(1, 8) if seed % 5 == 0 else -1
    for step in range(MAX_STEPS):
        if session.finished:
            break
        _texts(session)
        choices = session.available_choices()
        assert choices, f"{name} seed {seed}: no choice offered in '{session.state.node}'"
        if session.history and rng.random() < 0.05:
            session.undo()
            continue
        if rng.random() < 0.03:
            session.with_scenario(languages[(languages.index(session.scenario) + 1) % 2])
        outcome = session.choose(rng.choice(choices).id)
        assert outcome.choice_id and all(v == v for v in outcome.metrics.values())
        if step == save_at:
            data = json.loads(json.dumps(session.to_json(), allow_nan=False))
            restored = Session.from_json(session.scenario, data)
            assert restored.state == session.state and len(restored.history) == len(session.history)
            session = restored
    assert session.finished, f"{name} seed {seed}: still playing after {MAX_STEPS} choices"
    _texts(session)
    assert session.ending is not None
    return session.ending.id


def test_ten_thousand_playthroughs_in_both_languages_without_growing() -> None:
    variants = _variants()
    assert variants, "no shipped scenarios"
    endings: Counter[tuple[str, str]] = Counter()
    played = 0

    def run(count: int) -> None:
        nonlocal played
        for _ in range(count):
            name, english, spanish = variants[played % len(variants)]
            endings[(name, play_one(name, english, spanish, seed=played))] += 1
            played += 1

    # untraced, at full speed: resident memory
    run(RSS_WARMUP)
    gc.collect()
    rss_before = _rss_mb()
    run(PLAYTHROUGHS - TRACED - RSS_WARMUP)
    gc.collect()
    rss_after = _rss_mb()
    if rss_before is not None and rss_after is not None:
        assert rss_after - rss_before < RSS_BOUND_MB, f"RSS grew {rss_after - rss_before:.1f} MB"

    # traced: every block allocated since tracing began and still held
    tracemalloc.start()
    try:
        _prime_interned_strings()
        run(TRACED_WARMUP)
        gc.collect()
        before = _snapshot()
        run(TRACED - TRACED_WARMUP)
        gc.collect()
        after = _snapshot()
    finally:
        tracemalloc.stop()
    diffs = after.compare_to(before, "lineno")
    new_blocks = sum(d.count_diff for d in diffs)
    new_kb = sum(d.size_diff for d in diffs) / 1024
    plays = TRACED - TRACED_WARMUP
    top = "\n".join(str(d) for d in diffs[:5])
    assert new_blocks < plays, f"{new_blocks} more blocks held after {plays} playthroughs:\n{top}"
    assert new_kb < TRACED_BOUND_KB, f"{new_kb:.0f} KiB more held after {plays} playthroughs:\n{top}"

    assert played == PLAYTHROUGHS
    for name, _english, _spanish in variants:  # every scenario was played to at least one ending
        assert any(n == name for n, _ in endings), name
