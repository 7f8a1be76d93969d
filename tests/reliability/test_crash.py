"""Crash safety: a real playing process killed with SIGKILL at random moments loses at most the choice in flight.

``crash_driver.py`` plays through the game's own ``Playthrough``/``SaveSlot``/``Recorder`` code and prints
each state whose autosave has returned. Two data folders are played in parallel; each is killed 26 times
at a random moment, then checked, then played on from its autosave (as after a real crash):

* the autosave and its backup are each either absent or a whole, valid save (never half a file);
* the state the game continues from (the save, else the backup) is the last one printed, or one step
  further (the choice in flight had been saved but not yet printed);
* the next run really continues from that state;
* the records database passes ``PRAGMA integrity_check`` and holds the printed playthrough's choices
  (give or take the one in flight).

Plus fast tests: a damaged, foreign, or newer save is refused with a clear reason and the backup is used.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, ROOT

pytest.importorskip("game.ui.playthrough")
pytest.importorskip("game.training.record_store")

from game.core.session import SAVE_VERSION, SaveError, Session  # noqa: E402
from game.training.record_store import DB_NAME, open_records  # noqa: E402
from game.ui.playthrough import PRACTICE, Playthrough, load_ok  # noqa: E402
from game.ui.storage import SaveSlot  # noqa: E402
from tests.reliability.crash_driver import resume, services  # noqa: E402

DRIVER = Path(__file__).with_name("crash_driver.py")
SCENARIO = next(p for p in (ROOT / "game" / "scenarios" / "spa-hotel.yaml", DATA / "bakery.yaml") if p.exists())
KILLS_PER_FOLDER = 26
FOLDERS = 2


def _lines(path: Path) -> list[dict[str, Any]]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        with contextlib.suppress(ValueError):  # a line cut by the kill
            out.append(json.loads(line))
    return out


def _one_run(folder: Path, log: Path, seed: int, rng: random.Random) -> list[dict[str, Any]]:
    """Start the driver, let it play for a random moment, SIGKILL it; returns what it printed."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), STICKY_XAPI_AUTOSEND="0", SDL_VIDEODRIVER="dummy")
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, str(DRIVER), str(folder), str(SCENARIO), str(seed)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
        try:
            deadline = time.monotonic() + 60
            while not log.read_text(encoding="utf-8", errors="replace").strip():  # it is playing
                assert proc.poll() is None, log.read_text(encoding="utf-8", errors="replace")
                assert time.monotonic() < deadline, "the driver never started"
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.5))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, log.read_text(encoding="utf-8", errors="replace")[-2000:]
    return _lines(log)


def _check_after_kill(folder: Path, printed: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Everything the docstring promises; returns the state the game would continue from."""
    assert not any("Traceback" in json.dumps(p) for p in printed)
    slot = SaveSlot(folder)
    candidates = slot.candidates()
    for which, payload, error in candidates:
        assert payload is not None, f"the {which} is not a whole, valid save: {error}"
    svc = services(folder, recording=False)
    pt, problems = resume(svc)
    assert not problems, problems
    last = printed[-1] if printed else None
    if last is None:
        if pt is not None:
            _check_records(folder, _state(pt))
        return None if pt is None else _state(pt)
    assert pt is not None, "a save was announced but nothing can be continued"
    got = _state(pt)
    assert got["seed"] == last["seed"] or (last["finished"] and got["choices"] == []), (got, last)
    if got["seed"] == last["seed"]:
        mine, theirs = got["choices"], last["choices"]
        in_flight = (len(mine) == len(theirs) + 1 and mine[:-1] == theirs) or (mine == theirs[:-1])  # choice, undo
        assert mine == theirs or in_flight, f"lost more than the choice in flight: {theirs} -> {mine}"
    _check_records(folder, got)
    return _check_continue(folder)


def _check_records(folder: Path, saved: dict[str, Any]) -> None:
    """The database is sound and agrees with the save, give or take the step in flight."""
    db = sqlite3.connect(folder / DB_NAME)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
    if saved["pid"] is None:
        return
    with open_records(folder, auto_send=False) as records:
        record = records.get(int(saved["pid"]))
        recorded = [c.choice_id for c in record.choices]
    choices = saved["choices"]
    if record.finished and not saved["finished"]:  # the ending was recorded, its autosave was in flight
        assert recorded[:-1] == choices, (choices, recorded)
        return
    # nothing saved is missing; a step ahead of the save (recorded, then killed before the autosave) is allowed
    # and put right when the game continues (checked in _check_continue)
    assert recorded[: len(choices)] == choices, (choices, recorded)
    if saved["finished"]:
        assert record.finished and recorded == choices


def _check_continue(folder: Path) -> dict[str, Any]:
    """Continue as the game does (records on): the record now matches the save exactly. Returns the state
    continued from: the save's, or the recorded ending when the kill came between its record and its autosave
    (Continue replays the recorded choices to it)."""
    svc = services(folder)
    try:
        pt, problems = resume(svc)
        assert pt is not None and not problems and pt.pid is not None
        with open_records(folder, auto_send=False) as records:
            record = records.get(pt.pid)
        assert [c.choice_id for c in record.choices] == [o.choice_id for o in pt.session.history]
        assert record.finished == pt.session.finished
        return _state(pt)
    finally:
        svc.recorder.close()


def _state(pt: Playthrough) -> dict[str, Any]:
    session = pt.session
    return {
        "seed": session.seed,
        "choices": [o.choice_id for o in session.history],
        "pid": pt.pid,
        "finished": session.finished,
    }


def _kill_loop(folder: Path, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    expected: dict[str, Any] | None = None
    choices_seen = 0
    for run in range(KILLS_PER_FOLDER):
        printed = _one_run(folder, folder.parent / f"{folder.name}-{run}.log", seed * 1000 + run, rng)
        if printed and expected is not None:  # the run continued from what the last check found
            first = printed[0]
            assert first["event"] == "resumed", first
            assert (first["seed"], first["choices"]) == (expected["seed"], expected["choices"]), (first, expected)
        expected = _check_after_kill(folder, printed)
        choices_seen += sum(1 for p in printed if p["event"] == "saved")
    return KILLS_PER_FOLDER, choices_seen


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_random_moments_loses_at_most_the_choice_in_flight(tmp_path: Path) -> None:
    folders = [tmp_path / f"data{i}" for i in range(FOLDERS)]
    with ThreadPoolExecutor(max_workers=FOLDERS) as pool:
        results = list(pool.map(_kill_loop, folders, range(1, FOLDERS + 1)))
    kills = sum(k for k, _ in results)
    steps = sum(s for _, s in results)
    assert kills >= 50
    assert steps >= kills, f"only {steps} saved steps over {kills} runs: the kills came too early to test much"


# -- damaged saves ------------------------------------------------------------------------------------


@pytest.fixture
def two_saves(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A data folder whose save is after two choices and whose backup is after one; returns the backup."""
    svc = services(tmp_path, recording=False)
    pt = Playthrough(str(SCENARIO), load_ok(str(SCENARIO)), "en", PRACTICE, svc, seed=7)
    pt.autosave()
    for _ in range(2):
        pt.choose(pt.session.available_choices()[0].id)
    backup = json.loads((tmp_path / "save.bak.json").read_text(encoding="utf-8"))
    assert len(backup["session"]["history"]) == 1
    return tmp_path, backup


def _damage(save: Path, how: str) -> None:
    data = save.read_bytes()
    payload = json.loads(data)
    if how == "truncated":
        save.write_bytes(data[: len(data) // 2])
    elif how == "empty":
        save.write_bytes(b"")
    elif how == "binary":
        save.write_bytes(bytes(range(256)))
    elif how == "not-an-object":
        save.write_text("[1, 2, 3]", encoding="utf-8")
    elif how == "another-game":
        save.write_text(json.dumps(payload | {"format": "other-game"}), encoding="utf-8")
    elif how == "newer-file":
        save.write_text(json.dumps(payload | {"version": 99}), encoding="utf-8")
    elif how == "newer-session":
        payload["session"]["save_version"] = 99
        save.write_text(json.dumps(payload), encoding="utf-8")
    elif how == "other-content":
        payload["session"]["content_hash"] = "0" * 16
        save.write_text(json.dumps(payload), encoding="utf-8")
    elif how == "history-cut":
        payload["session"]["history"] = payload["session"]["history"][:-1]
        save.write_text(json.dumps(payload), encoding="utf-8")
    elif how == "unknown-scene":
        payload["session"]["states"][-1]["node"] = "nowhere"
        save.write_text(json.dumps(payload), encoding="utf-8")
    elif how == "metrics-text":
        payload["session"]["states"][-1]["metrics"] = "lots"
        save.write_text(json.dumps(payload), encoding="utf-8")


REASONS = {
    "truncated": "unreadable",
    "empty": "unreadable",
    "binary": "unreadable",
    "not-an-object": "not a save of this game",
    "another-game": "not a save of this game",
    "newer-file": "newer version of the game",
    "newer-session": f"this game reads up to version {SAVE_VERSION}",
    "other-content": "the scenario file changed",
    "history-cut": "damaged",
    "unknown-scene": "does not have",
    "metrics-text": "damaged",
}


@pytest.mark.parametrize("how", sorted(REASONS))
def test_a_bad_save_is_refused_with_its_reason_and_the_backup_is_used(
    two_saves: tuple[Path, dict[str, Any]], how: str
) -> None:
    folder, backup = two_saves
    _damage(folder / "save.json", how)
    pt, problems = resume(services(folder, recording=False))
    assert len(problems) == 1 and problems[0].startswith("save: "), problems
    assert REASONS[how] in problems[0], problems
    assert pt is not None and pt.session.to_json() == backup["session"]


def test_a_newer_session_save_names_both_versions() -> None:
    scenario = load_ok(str(SCENARIO)).scenario
    assert scenario is not None
    newer = SAVE_VERSION + 1
    data = Session(scenario, seed=1).to_json() | {"save_version": newer}
    with pytest.raises(SaveError, match=rf"version {newer}; this game reads up to version {SAVE_VERSION}"):
        Session.from_json(scenario, data)


# -- any damage to a save: refused with SaveError, or it plays on -------------------------------------------

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*prefix, i))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_damaged_session_save_is_refused_or_plays_on(data: st.DataObject) -> None:
    scenario = _spa()
    session = Session(scenario, seed=data.draw(st.integers(0, 1000)))
    for _ in range(data.draw(st.integers(0, 6))):
        if session.finished:
            break
        session.choose(session.available_choices()[0].id)
    saved = json.loads(json.dumps(session.to_json()))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(_paths(saved)[1:]))
        parent = saved
        for key in where[:-1]:
            parent = parent[key]
        if data.draw(st.booleans()):
            parent[where[-1]] = data.draw(_JSON_VALUES)
        elif isinstance(parent, dict):
            del parent[where[-1]]
        else:
            parent.pop(where[-1])
    try:
        restored = Session.from_json(scenario, saved)
    except SaveError as exc:
        assert str(exc)
        return
    for _ in range(100):  # a save the game accepts must play on
        if restored.finished:
            break
        choices = restored.available_choices()
        if not choices:
            break
        restored.choose(choices[-1].id)
    json.dumps(restored.to_json(), allow_nan=False)


@functools.cache
def _spa() -> Any:
    scenario = load_ok(str(SCENARIO)).scenario
    assert scenario is not None
    return scenario
