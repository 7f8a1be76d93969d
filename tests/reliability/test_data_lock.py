"""One game per data folder: the lock is held by the operating system and freed when its process dies, even
by SIGKILL, so a crashed game never blocks the next one (issue 15, item 6)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.ui.datalock import LOCK_NAME, DataFolderLock
from tests.conftest import ROOT

HOLDER = """
import sys, time
from pathlib import Path
from game.ui.datalock import DataFolderLock
lock = DataFolderLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "refused", flush=True)
time.sleep(120)
"""


def test_a_second_holder_is_refused_and_the_lock_frees_on_release(tmp_path: Path) -> None:
    first, second = DataFolderLock(tmp_path / "data"), DataFolderLock(tmp_path / "data")
    assert first.acquire() and first.held
    assert not second.acquire() and not second.held
    first.release()
    first.release()  # twice is harmless
    assert second.acquire()
    second.release()


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_killed_game_leaves_no_lock_behind(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data)], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        assert not DataFolderLock(data).acquire()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert (data / LOCK_NAME).exists()  # the file stays; the lock on it does not
    deadline = time.monotonic() + 5
    lock = DataFolderLock(data)
    while not lock.acquire():
        assert time.monotonic() < deadline, "the lock outlived its process"
        time.sleep(0.05)
    lock.release()


def test_a_folder_where_no_lock_file_can_be_made_blocks_nobody(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert DataFolderLock(blocker).acquire()
