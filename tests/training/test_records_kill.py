"""A finished playthrough survives SIGKILL right after ``finish`` returns (real subprocesses)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.training.record_store import DB_NAME, open_records
from tests.conftest import ROOT

CHILD = """
import sys
from tests.training.helpers import bakery, play_and_record
from game.training.record_store import open_records
records = open_records(sys.argv[1], auto_send=False)
scenario = bakery()
for seed in range(10_000):
    pid, session = play_and_record(records, scenario, learner=f"learner-{seed % 7}", seed=seed)
    print(f"finished {records.get(pid).uuid}", flush=True)
"""


def _child(data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def _check(data: Path, announced: list[str]) -> int:
    if not (data / DB_NAME).exists():  # killed before it opened the database
        assert not announced
        return 0
    db = sqlite3.connect(data / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with open_records(data, auto_send=False) as records:
        finished = {r.uuid for r in records.playthroughs(finished_only=True)}
        missing = [u for u in announced if u not in finished]
        assert not missing, f"{len(missing)} finished playthrough(s) lost"
        for uuid in announced[-3:]:
            record = records.get(uuid)
            assert record.ending_id and record.final_metrics and record.choices
        return len(finished)


@pytest.mark.slow
def test_sigkill_right_after_finish_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(6)
    for round_ in range(8):
        data = tmp_path / f"round{round_}"
        child = _child(data)
        announced: list[str] = []
        assert child.stdout is not None
        wanted = rng.randint(1, 6)
        while len(announced) < wanted:
            line = child.stdout.readline()
            assert line, "the child died"
            announced.append(line.split()[1])
        child.send_signal(signal.SIGKILL)  # right after it printed that it finished
        child.wait()
        assert _check(data, announced) >= wanted


@pytest.mark.slow
def test_sigkill_at_random_moments_keeps_the_database_sound(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = tmp_path / "data"
    announced: list[str] = []
    for _ in range(8):
        child = _child(data)
        assert child.stdout is not None
        first = child.stdout.readline()  # wait for one finished playthrough, however busy the machine is
        assert first.startswith("finished"), "the child died before finishing a playthrough"
        announced.append(first.split()[1])
        time.sleep(rng.uniform(0.0, 0.3))  # then kill it at a random moment, mid-write most likely
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate()
        announced.extend(line.split()[1] for line in out.splitlines() if line.startswith("finished"))
        _check(data, announced)
    assert len(announced) > 8
