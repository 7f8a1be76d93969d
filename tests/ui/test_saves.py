"""Saves that can't hurt (issue 15, item 6): a save resumes only its own record, damaged or absurd saves fall
back to the backup (else a fresh start with one notice), a full disk never loses the ending, and a second game
on the same data folder runs without autosave and says so."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.core.session import Session
from game.locale import tr
from game.training.record_store import DB_NAME, open_records
from game.ui import flow
from game.ui.playthrough import PRACTICE
from game.ui.screens.busy import BusyFolderScreen
from game.ui.screens.ending import EndingScreen
from game.ui.storage import BACKUP_NAME, SAVE_NAME

pytestmark = pytest.mark.ui


def _close(pilot: Any) -> None:
    """End a game as quitting does (the fixture's own close then finds nothing left to do)."""
    pilot.app.close()
    pilot.app.playthrough = None


def _played(make_app: Any, data: Path, scenario: Path, seed: int, *choices: str) -> Any:
    pilot = make_app(typewriter=False, data=data)
    assert flow.start(pilot.app, scenario, PRACTICE, seed=seed)
    for choice in choices:
        pilot.app.playthrough.choose(choice)
    return pilot


def _records(data: Path) -> list[Any]:
    with open_records(data, auto_send=False) as records:
        return records.playthroughs()


def test_a_save_from_another_data_folder_never_writes_into_a_record_here(
    make_app: Any, bakery_copy: Path, tmp_path: Path
) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    _close(_played(make_app, theirs, bakery_copy, 2, "explain_policy"))
    _close(_played(make_app, mine, bakery_copy, 3, "fine_no_deposit"))
    [before] = _records(mine)
    for name in (SAVE_NAME, BACKUP_NAME):
        shutil.copy(theirs / name, mine / name)
    pilot = make_app(typewriter=False, data=mine)
    assert flow.continue_game(pilot.app)
    pt = pilot.app.playthrough
    assert pt.pid != before.id
    assert pilot.app.notice is not None and pilot.app.notice.message == tr("save.new_record")
    pt.choose(pt.session.shown_choices()[0].id)
    _close(pilot)
    records = {r.id: r for r in _records(mine)}
    assert records[before.id] == before  # the other playthrough here is untouched
    assert [c.choice_id for c in records[pt.pid].choices][0] == "explain_policy"
    again = make_app(typewriter=False, data=mine)  # the new record is its own now: no second notice
    assert flow.continue_game(again.app)
    assert again.app.playthrough.pid == pt.pid and again.app.notice is None


def test_a_save_kept_across_a_records_reset_starts_a_new_record(
    make_app: Any, bakery_copy: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    first = _played(make_app, data, bakery_copy, 2, "explain_policy")
    scenario = first.app.playthrough.scenario
    _close(first)
    for suffix in ("", "-wal", "-shm"):
        (data / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
    with open_records(data, auto_send=False) as records:  # the reset folder's first record: another learner's
        other = records.start(Session(scenario, 9), learner="Ana")
        records.choice(other, Session(scenario, 9).choose("fine_no_deposit"), 3.0)
    [ana] = _records(data)
    pilot = make_app(typewriter=False, data=data)
    assert flow.continue_game(pilot.app)
    assert pilot.app.playthrough.pid != other
    assert pilot.app.notice is not None and pilot.app.notice.message == tr("save.new_record")
    pilot.app.playthrough.choose(pilot.app.playthrough.session.shown_choices()[0].id)
    _close(pilot)
    assert {r.id: r for r in _records(data)}[other] == ana


def _session_damage(kind: str, payload: dict[str, Any]) -> None:
    session = payload["session"]
    if kind == "morale-500":
        session["states"][-1]["metrics"]["staff_morale"] = 500
    elif kind == "revenue-1e308":
        session["states"][-1]["metrics"]["revenue"] = 1e308
    elif kind == "negative-session-version":
        session["save_version"] = -1
    elif kind == "negative-save-version":
        payload["version"] = -1
    elif kind == "fractional-seed":
        session["seed"] = 7.5
    elif kind == "huge-seed":
        session["seed"] = 10**30
    elif kind == "boolean-seed":
        session["seed"] = True
    elif kind == "record-uuid":
        payload["record_uuid"] = "../../etc/passwd"
    elif kind == "long-history":
        step, state = session["history"][0], session["states"][0]
        session["history"] = [step] * 100_000
        session["states"] = [state] * 100_001
    else:
        raise AssertionError(kind)


DAMAGES = [
    "morale-500",
    "revenue-1e308",
    "negative-session-version",
    "negative-save-version",
    "fractional-seed",
    "huge-seed",
    "boolean-seed",
    "record-uuid",
    "long-history",
    "deep-nesting",
]


def _damage(path: Path, kind: str) -> None:
    if kind == "deep-nesting":
        path.write_text('{"format": "sticky-situations-save", "session": ' + "[" * 100_000 + "]" * 100_000 + "}")
        return
    payload = json.loads(path.read_text(encoding="utf-8"))
    _session_damage(kind, payload)
    path.write_text(json.dumps(payload), encoding="utf-8")


@pytest.mark.parametrize("kind", DAMAGES)
def test_a_damaged_save_falls_back_to_the_backup(make_app: Any, bakery_copy: Path, tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    first = _played(make_app, data, bakery_copy, 2, "explain_policy")
    wanted = [o.choice_id for o in first.app.playthrough.session.history]
    first.app.playthrough.autosave()  # the backup now holds the same good state
    _close(first)
    _damage(data / SAVE_NAME, kind)
    pilot = make_app(typewriter=False, data=data)
    started = time.monotonic()
    assert flow.continue_game(pilot.app)
    assert time.monotonic() - started < 5  # a 100,000-step history is refused, not read
    assert [o.choice_id for o in pilot.app.playthrough.session.history] == wanted
    assert pilot.app.notice is not None and tr("save.backup_used") in pilot.app.notice.message


@pytest.mark.parametrize("kind", ["morale-500", "long-history", "deep-nesting"])
def test_with_both_damaged_the_game_starts_fresh_with_one_notice(
    make_app: Any, bakery_copy: Path, tmp_path: Path, kind: str
) -> None:
    data = tmp_path / "data"
    first = _played(make_app, data, bakery_copy, 2, "explain_policy")
    first.app.playthrough.autosave()  # save and backup both hold a step
    _close(first)
    for name in (SAVE_NAME, BACKUP_NAME):
        _damage(data / name, kind)
    pilot = make_app(typewriter=False, data=data)
    assert not flow.continue_game(pilot.app)
    assert pilot.app.playthrough is None
    assert pilot.app.notice is not None and pilot.app.notice.lines == [tr("save.nothing")]


def test_after_a_full_disk_continue_restores_the_ending(
    make_app: Any, bakery_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    data = tmp_path / "data"
    pilot = _played(make_app, data, bakery_copy, 2, "explain_policy")
    pt = pilot.app.playthrough

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:  # the save and progress files can't be written; the records can
        patched.setattr(os, "fsync", disk_full)
        pt.choose("hold_the_line")
        assert pt.session.finished
        ending = pt.session.ending.id
        _close(pilot)
    assert "could not autosave" in capsys.readouterr().err
    saved = json.loads((data / SAVE_NAME).read_text(encoding="utf-8"))
    assert len(saved["session"]["history"]) == 1  # the save is one choice behind, whole
    again = make_app(typewriter=False, data=data)
    assert flow.continue_game(again.app)
    restored = again.app.playthrough
    assert restored.session.finished and restored.session.ending.id == ending
    assert isinstance(again.app.top, EndingScreen)
    assert restored.pid == pt.pid and restored.finished_recorded
    assert ending in again.app.progress.found("bakery-deposit")
    [record] = _records(data)
    assert record.ending_id == ending


def test_a_second_game_on_the_same_data_folder_does_not_autosave(
    make_app: Any, bakery_copy: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    first = _played(make_app, data, bakery_copy, 2, "explain_policy")
    saved = (data / SAVE_NAME).read_bytes()
    second = make_app(typewriter=False, data=data, alongside=True)
    assert second.app.saves.paused
    assert isinstance(second.app.top, BusyFolderScreen)  # asked: wait, or play now without autosave
    second.key(pygame.K_ESCAPE)  # play now
    assert not isinstance(second.app.top, BusyFolderScreen)
    assert second.app.notice is not None and second.app.notice.message == tr("lock.other_game")
    assert second.app.saves.paused
    assert flow.start(second.app, bakery_copy, PRACTICE, seed=5)
    second.app.playthrough.choose("fine_no_deposit")
    assert (data / SAVE_NAME).read_bytes() == saved  # the first game's save is left alone
    _close(second)
    first.app.playthrough.choose("hold_the_line")
    assert (data / SAVE_NAME).read_bytes() != saved  # the first game still saves
    _close(first)
    third = make_app(typewriter=False, data=data, alongside=True)  # the folder is free again
    assert not third.app.saves.paused and third.app.notice is None
    assert not isinstance(third.app.top, BusyFolderScreen)


def test_a_second_game_can_wait_for_the_first_and_then_saves(make_app: Any, bakery_copy: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    holder = subprocess.Popen(  # another process holds the folder, as another open window does
        [sys.executable, "-c", _HOLD_LOCK, str(data)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        second = make_app(typewriter=False, data=data, alongside=True)
        busy = second.app.top
        assert isinstance(busy, BusyFolderScreen) and busy.focus.focused_id == "wait"
        second.key(pygame.K_RETURN)  # wait
        assert busy.waiting and second.app.top is busy and second.app.saves.paused
        for _ in range(3):  # the other window is still open: still waiting
            second.frame(0.6)
        assert second.app.top is busy and busy.waiting
    finally:
        holder.communicate(b"", timeout=20)  # the other window closes
    second.frame(0.6)
    assert second.app.top is not busy and not second.app.saves.paused
    assert second.app.notice is not None and second.app.notice.message == tr("busy.free")
    assert flow.start(second.app, bakery_copy, PRACTICE, seed=5)
    second.app.playthrough.choose("fine_no_deposit")
    saved = json.loads((data / SAVE_NAME).read_text(encoding="utf-8"))
    assert len(saved["session"]["history"]) == 1  # this window saves now


_HOLD_LOCK = """
import sys
from pathlib import Path
from game.ui.datalock import DataFolderLock
lock = DataFolderLock(Path(sys.argv[1]))
assert lock.acquire()
print("held", flush=True)
sys.stdin.read()
"""


@pytest.mark.skipif(os.name == "nt", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("kind", ["deep", "fifo", "zero", "list"])
def test_a_bad_settings_or_progress_file_gives_defaults_and_one_notice(
    make_app: Any, tmp_path: Path, kind: str
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("settings.json", "progress.json"):
        path = data / name
        if kind == "deep":
            path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "zero":
            path.symlink_to("/dev/zero")
        else:
            path.write_text("[1, 2]", encoding="utf-8")
    started = time.monotonic()
    pilot = make_app(data=data)
    assert time.monotonic() - started < 10  # no hang on a FIFO, no endless read of /dev/zero
    assert pilot.app.settings.volume == 60 and pilot.app.progress.endings == {}
    notice = pilot.app.notice
    assert notice is not None
    assert [notice.message, *notice.lines] == [
        tr("files.defaults", file="settings.json"),
        tr("files.defaults", file="progress.json"),
    ]


def test_no_notice_on_a_first_run(make_app: Any, tmp_path: Path) -> None:
    assert make_app(data=tmp_path / "fresh").app.notice is None


UNUSABLE_PATHS = {
    "nul": "scenarios\x00/x.yaml",
    "5,000 characters": "x" * 5000,
    "a 300-character name": "/tmp/" + "y" * 300 + "/x.yaml",
    "a lone surrogate": "scen\ud800rios",
}


@pytest.mark.parametrize("kind", UNUSABLE_PATHS)
def test_a_path_no_system_takes_in_settings_or_progress_is_forgotten_and_the_window_opens(
    make_app: Any, tmp_path: Path, kind: str
) -> None:
    from game.ui.app import App
    from game.ui.screens.picker import PickerScreen
    from game.ui.storage import Progress, Settings

    data = tmp_path / "data"
    data.mkdir()
    bad = UNUSABLE_PATHS[kind]
    settings = {"scenarios_folder": bad, "volume": 30}
    progress = {"last_path": bad, "last_title": {"en": "The bakery"}, "endings": {"bakery-deposit": ["good"]}}
    (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    (data / "progress.json").write_text(json.dumps(progress), encoding="utf-8")
    assert Settings.load(data).scenarios_folder == "" and Settings.load(data).volume == 30
    kept = Progress.load(data)
    assert kept.last_path == "" and kept.endings == {"bakery-deposit": ["good"]}  # the rest of the progress stays
    window = App(data=str(data), size=(960, 540))  # lists the shipped scenarios and the remembered folder
    assert window.settings.volume == 30
    window.folder_lock.release()
    pilot = make_app(data=data)
    pilot.key(pygame.K_RETURN)  # the title's first button opens the picker (it looked for the last scenario)
    pilot.frame()
    assert isinstance(pilot.screen, PickerScreen)
