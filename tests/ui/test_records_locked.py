"""Records another program holds locked, or that can't be written: the window keeps going and says so once.

A real second process holds the SQLite lock (``BEGIN EXCLUSIVE``); nothing is mocked.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.core.session import Session
from game.locale import tr
from game.training.record_store import DB_NAME, open_records
from game.ui import flow
from game.ui.playthrough import PRACTICE, load_ok
from game.ui.recorder import RETRY_EVERY, Recorder
from tests.training.helpers import sticky

pytestmark = pytest.mark.ui

#: The longest a frame may take with the records locked (it was about 10 s): a loaded 2-core machine's margin.
SLOW_FRAME = 0.5

HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
sys.stdin.readline()
db.execute("ROLLBACK")
db.close()
"""


class Holder:
    """Another program holding the records database locked until ``release``."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "held"

    def release(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            self.process.wait(10)


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Holder]:
    """A records database (made by the game) that another process holds locked."""
    data = tmp_path / "data"
    data.mkdir()
    open_records(data, auto_send=False).close()
    holder = Holder(data / DB_NAME)
    yield holder
    holder.release()


class Timed:
    """Frames of the window, timing the longest (flow.start and every key press count as one frame)."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.longest = 0.0

    def __call__(self, act: Any, *args: Any) -> Any:
        began = time.perf_counter()
        result = act(*args)
        self.longest = max(self.longest, time.perf_counter() - began)
        return result


def _rows(data: Path) -> list[tuple[int, str | None, list[str]]]:
    """(id, ending, choice ids) of every recorded playthrough, read beside any lock (WAL lets readers in)."""
    db = sqlite3.connect((data / DB_NAME).as_uri() + "?mode=ro", uri=True)
    try:
        out: list[tuple[int, str | None, list[str]]] = []
        for pid, ending in db.execute("SELECT id, ending_id FROM playthroughs ORDER BY id").fetchall():
            turns = db.execute("SELECT choice_id FROM choices WHERE playthrough_id = ? ORDER BY turn", (pid,))
            out.append((pid, ending, [r[0] for r in turns]))
        return out
    finally:
        db.close()


def _play_to_the_end(pilot: Any, timed: Timed) -> None:
    """Take the first choice and go on, a frame at a time, until the ending."""
    for _ in range(10):
        if pilot.app.playthrough.session.finished:
            return
        timed(pilot.key, pygame.K_1)
        timed(pilot.key, pygame.K_RETURN)
        for _ in range(20):
            timed(pilot.frame, 0.05)
    raise AssertionError("the ending was not reached")


def test_a_lock_released_mid_playthrough_records_it_all_after_all(
    make_app: Any, held: Holder, tmp_path: Path, bakery_copy: Path
) -> None:
    data = tmp_path / "data"
    pilot = make_app(typewriter=False, data=data)
    timed = Timed(pilot)
    assert timed(flow.start, pilot.app, bakery_copy, PRACTICE, 1)
    timed(pilot.frame)
    notice = pilot.app.notice
    assert notice is not None and (notice.kind, notice.message) == ("info", tr("records.busy"))
    assert notice.lines == [tr("records.busy_more")]
    pt = pilot.app.playthrough
    timed(pilot.choose, pt.session.shown_choices()[0].id)
    timed(pilot.settle, 0.5)
    assert _rows(data) == []  # nothing could be written yet
    assert timed.longest < SLOW_FRAME, f"a frame took {timed.longest:.2f} s with the records locked"

    held.release()
    time.sleep(RETRY_EVERY + 0.1)
    timed(pilot.frame)
    assert pilot.app.notice is not None and pilot.app.notice.message == tr("records.caught_up")
    _play_to_the_end(pilot, timed)
    session = pilot.app.playthrough.session
    assert session.ending is not None
    [(_pid, ending, choices)] = _rows(data)
    assert (ending, choices) == (session.ending.id, [o.choice_id for o in session.history])
    assert pilot.app.saves.candidates()[0][1]["pid"] == _pid  # the autosave names the record once written


def test_a_lock_held_all_run_records_nothing_until_continue(
    make_app: Any, held: Holder, tmp_path: Path, bakery_copy: Path
) -> None:
    data = tmp_path / "data"
    pilot = make_app(typewriter=False, data=data)
    timed = Timed(pilot)
    assert timed(flow.start, pilot.app, bakery_copy, PRACTICE, 1)
    _play_to_the_end(pilot, timed)
    timed(pilot.settle, RETRY_EVERY * 2)  # retries while the window idles
    assert pilot.app.notice is not None and pilot.app.notice.message == tr("records.busy")
    assert pilot.app.saves.candidates()[0][1]["pid"] is None  # the save names no record that isn't there
    timed(pilot.app.close)
    assert timed.longest < SLOW_FRAME, f"a frame took {timed.longest:.2f} s with the records locked"
    held.release()
    assert _rows(data) == []
    session = pilot.app.playthrough.session
    assert session.ending is not None

    again = make_app(typewriter=False, data=data)  # the next run: Continue records the playthrough after all
    assert flow.continue_game(again.app)
    assert _rows(data) == [(1, session.ending.id, [o.choice_id for o in session.history])]


def _start_told(make_app: Any, tmp_path: Path, bakery_copy: Path, lang: str) -> Any:
    pilot = make_app(typewriter=False, data=tmp_path / "data", lang=lang)
    assert flow.start(pilot.app, bakery_copy, PRACTICE, seed=1)
    pilot.frame()
    return pilot


def test_a_folder_in_place_of_the_records_is_told_in_spanish(make_app: Any, tmp_path: Path, bakery_copy: Path) -> None:
    (tmp_path / "data" / DB_NAME).mkdir(parents=True)
    pilot = _start_told(make_app, tmp_path, bakery_copy, "es")
    notice = pilot.app.notice
    assert notice is not None and notice.kind == "error"
    assert (notice.message, notice.lines) == (
        "Esta partida no se puede registrar: hay una carpeta donde debería estar el archivo de registros.",
        ["Puedes seguir jugando. Pide a quien se ocupa de esta computadora que mueva esa carpeta a otro lugar."],
    )
    pilot.key(pygame.K_ESCAPE)  # dismissed: not told again at the next choice
    pilot.choose(pilot.app.playthrough.session.shown_choices()[0].id)
    pilot.settle(0.5)
    assert pilot.app.notice is None


def test_records_from_a_newer_game_say_to_update(make_app: Any, tmp_path: Path, bakery_copy: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = sqlite3.connect(data / DB_NAME)
    db.execute("PRAGMA user_version = 999")
    db.close()
    pilot = _start_told(make_app, tmp_path, bakery_copy, "en")
    notice = pilot.app.notice
    assert notice is not None
    assert notice.message == "This playthrough can't be recorded: the records are from a newer version of the game."
    assert notice.lines == ["You can keep playing. Update the game to record your playthroughs again."]


def test_a_failed_autosave_is_told_once(make_app: Any, tmp_path: Path, bakery_copy: Path) -> None:
    data = tmp_path / "data"
    (data / "save.next.json").mkdir(parents=True)  # the new save can't be put in its place
    pilot = _start_told(make_app, tmp_path, bakery_copy, "en")
    notice = pilot.app.notice
    assert notice is not None
    assert notice.message == "Your progress could not be saved to disk just now. It is kept while the game stays open."
    pilot.key(pygame.K_ESCAPE)
    pilot.choose(pilot.app.playthrough.session.shown_choices()[0].id)
    pilot.settle(0.5)
    assert pilot.app.playthrough.save_failed
    assert pilot.app.notice is None  # once
    assert len(_rows(data)[0][2]) == 1  # records go on meanwhile


def test_an_ending_a_lock_kept_out_is_recorded_by_continue(make_app: Any, tmp_path: Path, bakery_copy: Path) -> None:
    """The record is written at the start; another program takes the lock before the ending and keeps it
    until the game has closed: the next run's Continue writes the ending and the commitment into that same
    record."""
    data = tmp_path / "data"
    pilot = make_app(typewriter=False, data=data)
    assert flow.start(pilot.app, bakery_copy, PRACTICE, 1)
    pilot.frame()
    assert [pid for pid, _, _ in _rows(data)] == [1]  # the record is there, without its ending yet
    holder = Holder(data / DB_NAME)
    try:
        _play_to_the_end(pilot, Timed(pilot))
        pilot.app.playthrough.commit("Ask for a deposit on every custom cake.")  # the debrief's last page
        pilot.settle(RETRY_EVERY * 2)
        saved = pilot.app.saves.candidates()[0][1]
        assert saved["pid"] == 1
        pilot.app.close()
    finally:
        holder.release()
    session = pilot.app.playthrough.session
    assert session.ending is not None
    choices = [o.choice_id for o in session.history]
    assert _rows(data) == [(1, None, [])]  # the lock kept out every choice and the ending

    again = make_app(typewriter=False, data=data)
    assert flow.continue_game(again.app)
    again.frame()
    again.app.close()
    listed = sticky("records", "list", "--json", data=data)
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert (row["uuid"], row["ending"], [c["choice"] for c in row["choices"]]) == (
        saved["record_uuid"],
        session.ending.id,
        choices,
    )
    assert row["finished_at"] is not None
    assert row["commitment"] == "Ask for a deposit on every custom cake."


def test_an_ending_a_lock_held_up_is_written_as_it_was_when_play_goes_on(tmp_path: Path, bakery_copy: Path) -> None:
    """The lock is taken between the last choice's write and the ending's: the learner then takes the last
    choice back (a new playthrough from there); the ending written later is the one reached, not the rewound
    session's state."""
    data = tmp_path / "data"
    data.mkdir()
    scenario = load_ok(str(bakery_copy)).localized("en")
    assert scenario is not None
    session = Session(scenario, 1)
    recorder = Recorder(data)
    pid = recorder.start(session, PRACTICE, "en")
    while not session.finished:
        recorder.choice(pid, session.choose(session.shown_choices()[0].id), 1.0)
    assert session.ending is not None and recorder.waiting == 0
    ending, choices = session.ending.id, [o.choice_id for o in session.history]
    holder = Holder(data / DB_NAME)
    try:
        recorder.finish(pid, session)
        assert recorder.waiting == 1
        session.rewind(len(session.history) - 1)  # what Undo at the ending does to the live session
    finally:
        holder.release()
    time.sleep(RETRY_EVERY + 0.1)
    recorder.poll()
    recorder.close()
    assert recorder.waiting == 0
    assert _rows(data) == [(recorder.record_id(pid), ending, choices)]


@pytest.mark.parametrize("released", ["while_open", "at_close"])
def test_a_record_written_after_the_last_autosave_is_continued_not_recorded_twice(
    make_app: Any, held: Holder, tmp_path: Path, bakery_copy: Path, released: str
) -> None:
    """The lock goes after the ending's autosave (the learner reads the debrief) or just as the game closes:
    the records catch up, and the save names the record, so Continue goes on with it instead of a second."""
    data = tmp_path / "data"
    pilot = make_app(typewriter=False, data=data)
    assert flow.start(pilot.app, bakery_copy, PRACTICE, 1)
    _play_to_the_end(pilot, Timed(pilot))
    assert pilot.app.saves.candidates()[0][1]["pid"] is None
    held.release()
    if released == "while_open":
        time.sleep(RETRY_EVERY + 0.1)
        pilot.frame()
        assert pilot.app.notice is not None and pilot.app.notice.message == tr("records.caught_up")
    pilot.app.close()
    session = pilot.app.playthrough.session
    assert session.ending is not None
    whole = (session.ending.id, [o.choice_id for o in session.history])
    [(pid, *rest)] = _rows(data)
    assert tuple(rest) == whole
    assert pilot.app.saves.candidates()[0][1]["pid"] == pid

    again = make_app(typewriter=False, data=data)
    assert flow.continue_game(again.app)
    again.frame()
    again.app.close()
    assert _rows(data) == [(pid, *whole)]


def test_records_written_after_all_never_hide_an_autosave_problem(
    make_app: Any, held: Holder, tmp_path: Path, bakery_copy: Path
) -> None:
    data = tmp_path / "data"
    (data / "save.next.json").mkdir()  # the autosave fails too
    pilot = _start_told(make_app, tmp_path, bakery_copy, "en")
    notice = pilot.app.notice
    assert notice is not None and (notice.kind, notice.message) == ("error", tr("autosave.failed"))
    held.release()
    time.sleep(RETRY_EVERY + 0.1)
    pilot.frame()
    assert _rows(data) == [(1, None, [])]  # written after all
    assert pilot.app.notice is not None and pilot.app.notice.message == tr("autosave.failed")


def test_a_long_queue_is_written_a_little_each_frame(held: Holder, tmp_path: Path, bakery_copy: Path) -> None:
    """A lock held through a long session (200 playthroughs, 4,800 writes): when it goes, no frame spends more than
    a moment writing them (each is a transaction synced to disk: seconds in all on a slow disk), and all are
    written within a few frames."""
    data = tmp_path / "data"
    scenario = load_ok(str(bakery_copy)).localized("en")
    assert scenario is not None
    recorder = Recorder(data)
    for seed in range(1, 201):
        session = Session(scenario, seed)
        pid = recorder.start(session, PRACTICE, "en")
        while not session.finished:
            for _ in range(5):  # a choice taken back and made again
                recorder.choice(pid, session.choose(session.shown_choices()[0].id), 1.0)
                recorder.undo(pid)
                session.undo()
            recorder.choice(pid, session.choose(session.shown_choices()[0].id), 1.0)
        recorder.finish(pid, session)
    assert recorder.waiting == 4800
    held.release()
    time.sleep(RETRY_EVERY + 0.1)
    longest, frames = 0.0, 0
    while recorder.waiting and frames < 5000:
        began = time.perf_counter()
        recorder.poll()
        longest = max(longest, time.perf_counter() - began)
        frames += 1
    recorder.close()
    assert recorder.waiting == 0
    assert longest < SLOW_FRAME, f"a frame spent {longest:.2f} s writing what the lock held up"
    rows = _rows(data)
    assert len(rows) == 200 and all(ending is not None and len(choices) == 2 for _, ending, choices in rows)


def test_continue_twice_while_locked_records_the_ending_once_and_goes_on_recording(
    make_app: Any, tmp_path: Path, bakery_copy: Path
) -> None:
    """A save at an ending its record lacks, continued twice in one run while the records are locked (Continue,
    back to the title, Continue): both ask for the ending; the second finds it written and recording goes on."""
    data = tmp_path / "data"
    pilot = make_app(typewriter=False, data=data)
    assert flow.start(pilot.app, bakery_copy, PRACTICE, 1)
    pilot.frame()
    holder = Holder(data / DB_NAME)
    _play_to_the_end(pilot, Timed(pilot))
    pilot.app.close()
    again = make_app(typewriter=False, data=data)
    try:
        assert flow.continue_game(again.app)
        again.frame()
        assert flow.continue_game(again.app)
        again.frame()
    finally:
        holder.release()
    time.sleep(RETRY_EVERY + 0.1)
    again.settle(0.5)
    assert again.app.recorder.enabled and again.app.recorder.waiting == 0
    assert again.app.notice is not None and again.app.notice.message == tr("records.caught_up")
    session = again.app.playthrough.session
    assert session.ending is not None
    assert _rows(data) == [(1, session.ending.id, [o.choice_id for o in session.history])]
