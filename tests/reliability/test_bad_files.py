"""The bad-file corpus (tests/bad/) through the real CLI: the expected code at its line:col, exit 1, no traceback,
quick and in bounded memory.

Each file declares what it expects on its first line (``# expect: S110 at 7:3``); files that can't hold a
comment (empty, binary, not UTF-8) are listed in ``tests/bad/expected.yaml``. The 50 MB file is written at
test time. The default run checks the whole corpus in one ``python -m game check`` process (every code at its
line:col) and the 50 MB and tag files in their own; the slow step checks every file in its own process, several
at a time, to bound each one's CPU time and memory (about 45 processes: half a minute on two cores). Time bounds
are on the child's CPU time so a busy CI machine doesn't make it flaky.
"""

from __future__ import annotations

import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.reliability.measure import Run, run_measured, sticky

pytestmark = pytest.mark.skipif(not hasattr(os, "wait4"), reason="measures children with os.wait4 (Unix)")

BAD = ROOT / "tests" / "bad"
SIDECAR = BAD / "expected.yaml"
EXPECT = re.compile(r"^# expect: (S\d{3}) at (\d+):(\d+)\s*$")
MAX_CPU_SECONDS = 10.0  # the slowest file (the 5,000-deep nesting) takes well under 1 s
MAX_WALL_SECONDS = 90.0
MAX_PEAK_MB = 500.0
HUGE = "huge-50mb.yaml"
PWNED = Path("/tmp/sticky-pwned")  # what python-object-apply-tag.yaml and condition-call-import.yaml would create


def expectations() -> dict[str, tuple[str, int, int]]:
    """File name -> (code, line, col) for every file in tests/bad/."""
    sidecar = yaml.safe_load(SIDECAR.read_text(encoding="utf-8"))
    found: dict[str, tuple[str, int, int]] = {}
    for path in sorted(BAD.iterdir()):
        if path == SIDECAR or path.suffix != ".yaml":
            continue
        text = sidecar.get(path.name) or path.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace")
        match = EXPECT.match(text if text.startswith("#") else f"# expect: {text}")
        assert match, f"{path.name} declares no expectation (first line or expected.yaml)"
        found[path.name] = (match[1], int(match[2]), int(match[3]))
    assert not set(sidecar) - set(found), f"expected.yaml names missing files: {set(sidecar) - set(found)}"
    return found


EXPECTED = expectations()


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 50 MB scenario, written at test time rather than kept in the repository."""
    path = tmp_path_factory.mktemp("huge") / HUGE
    with open(path, "wb") as handle:
        handle.write(b"id: huge\ntitle: Huge\nsummary: >-\n")
        line = b"  " + b"all work and no play makes a dull scenario " * 2 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    return path


def check_alone(path: Path) -> Run:
    """``sticky check PATH`` in its own measured process."""
    return sticky("check", str(path), timeout=MAX_WALL_SECONDS * 2)


@pytest.fixture(scope="module")
def runs(huge: Path) -> dict[str, tuple[Path, Run]]:
    """Every bad file checked in its own CLI process, a few at a time (slow step only)."""
    paths = {name: BAD / name for name in EXPECTED} | {HUGE: huge}
    PWNED.unlink(missing_ok=True)

    def check(name: str) -> tuple[str, tuple[Path, Run]]:
        return name, (paths[name], check_alone(paths[name]))

    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as pool:
        return dict(pool.map(check, sorted(paths)))


def test_the_corpus_is_big_and_covers_every_family() -> None:
    assert len(EXPECTED) + 1 >= 40
    families = {code[:2] for code, _, _ in EXPECTED.values()}
    assert families >= {"S1", "S2", "S3", "S4", "S5", "S7"}


@pytest.mark.slow
@pytest.mark.parametrize("name", [*sorted(EXPECTED), HUGE])
def test_bad_file_is_refused_cleanly(name: str, runs: dict[str, tuple[Path, Run]]) -> None:
    path, run = runs[name]
    code, line, col = EXPECTED.get(name, ("S105", 1, 1))
    assert not run.timed_out, f"{name}: still running after {run.wall:.0f} s"
    assert "Traceback" not in run.output, run.output[-3000:]
    assert run.returncode == 1, f"exit status {run.returncode}\n{run.output[-2000:]}"
    wanted = f"{path}:{line}:{col}: error {code}: "
    assert wanted in run.stdout, f"expected '{wanted}' in:\n{run.stdout[:3000]}"
    assert run.cpu < MAX_CPU_SECONDS, f"{name}: {run.cpu:.1f} s of CPU"
    assert run.wall < MAX_WALL_SECONDS, f"{name}: {run.wall:.1f} s"
    assert run.peak_mb < MAX_PEAK_MB, f"{name}: peak RSS {run.peak_mb:.0f} MB"


def test_the_50mb_file_is_refused_before_it_is_read(huge: Path) -> None:
    run = check_alone(huge)
    assert run.returncode == 1 and "Traceback" not in run.output
    assert "S105" in run.stdout and "50.0 MB" in run.stdout
    assert run.peak_mb < 100, f"the refused file was read anyway (a snippet?): peak RSS {run.peak_mb:.0f} MB"


def test_the_whole_corpus_in_one_run_reports_every_file() -> None:
    files = [str(BAD / name) for name in sorted(EXPECTED)]
    run = run_measured([sys.executable, "-m", "game", "check", *files], timeout=MAX_WALL_SECONDS * 2)
    assert run.returncode == 1 and "Traceback" not in run.output
    for name, (code, line, col) in EXPECTED.items():
        assert f"{BAD / name}:{line}:{col}: error {code}: " in run.stdout, name
    assert f"{len(files)} files checked" in run.stderr
    assert run.peak_mb < MAX_PEAK_MB


def test_tags_and_conditions_in_the_corpus_ran_nothing() -> None:
    PWNED.unlink(missing_ok=True)
    tag, call = (check_alone(BAD / name) for name in ("python-object-apply-tag.yaml", "condition-call-import.yaml"))
    assert tag.returncode == call.returncode == 1 and "Traceback" not in tag.output + call.output
    assert "S108" in tag.stdout
    assert not PWNED.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs /dev/zero and FIFOs")
def test_special_files_through_the_cli_are_refused_without_hanging(tmp_path: Path) -> None:
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    run = sticky("check", str(zero), str(fifo), timeout=30)
    assert not run.timed_out, "`check` hung on /dev/zero or a FIFO (something reads the file without a bound)"
    assert run.returncode == 1 and "Traceback" not in run.output
    for path in (zero, fifo):
        assert f"{path}:1:1: error S113: " in run.stdout
    assert run.peak_mb < 100
