"""Run a child process and measure it: exit status, output, wall time, CPU time and peak memory (RSS).

``os.wait4`` returns the resource usage of that one child, so concurrent runs and earlier tests don't
blur the numbers (``getrusage(RUSAGE_CHILDREN)`` would report the maximum over every child so far). The
command runs under ``peak_child``, a small launcher, because Linux carries the memory high-water mark of
a large parent (pytest late in the suite) into a child it forks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass

from tests.conftest import ROOT


@dataclass(frozen=True)
class Run:
    """What a measured child did."""

    returncode: int
    stdout: str
    stderr: str
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    peak_mb: float  # peak resident set size
    timed_out: bool = False

    @property
    def output(self) -> str:
        """stdout and stderr together."""
        return self.stdout + self.stderr


def run_measured(args: Sequence[str], timeout: float = 120.0, env: dict[str, str] | None = None) -> Run:
    """Run ``args`` from the project root (through ``peak_child``); kill it after ``timeout`` seconds."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "usage")
        started = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.peak_child", report, *args],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env or os.environ.copy(),
            start_new_session=True,
        )
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                os.killpg(proc.pid, 9)
                pid, status, usage = os.wait4(proc.pid, 0)
                timed_out = True
                break
            time.sleep(0.005)
        wall = time.monotonic() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # we reaped it: tell Popen
        out.seek(0)
        err.seek(0)
        maxrss, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
        if os.path.exists(report):  # the measured command's own numbers, not the launcher's
            with open(report, encoding="ascii") as handle:
                kib, utime, stime = handle.read().split()
            maxrss, cpu = int(kib), float(utime) + float(stime)
        return Run(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            wall,
            cpu,
            maxrss / 1024,  # Linux reports KiB
            timed_out,
        )


def sticky(*args: str, timeout: float = 120.0) -> Run:
    """``python -m game ARGS`` measured."""
    return run_measured([sys.executable, "-m", "game", *args], timeout=timeout)
