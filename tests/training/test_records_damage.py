"""A damaged, locked, read-only or full records database: one line that names the file and says what to do.

Every command that opens the records is run against a database with random bytes over part of it, a
truncated one and a file that is not SQLite at all; `sticky records recover` saves what can be read; a
second process holding a write transaction makes writers say "in use by another program" within seconds;
a read-only folder and a full disk (tmpfs mounts in a private namespace, where the system allows) are named.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli import main
from game.training.record_store import DB_NAME, open_records
from tests.conftest import ROOT
from tests.training.helpers import BAKERY, bakery, play_and_record, sticky

PLAYTHROUGHS = 30


def _healthy(folder: Path) -> Path:
    with open_records(folder) as records:
        for i in range(PLAYTHROUGHS):
            play_and_record(records, bakery(), learner=f"Learner {i}", seed=i)
    return folder / DB_NAME


def _random_bytes_in_the_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(7)
    start = len(data) // 3
    for i in range(start, min(len(data), start + 16_384)):
        data[i] = rng.randrange(256)
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    """The last quarter cut off (the outbox holds no statement bodies since issue 16: the file is small, and half
    of it would hold no playthrough page at all)."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 3 // 4])


def _not_sqlite(path: Path) -> None:
    path.write_bytes(random.Random(3).randbytes(50_000))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "random bytes": _random_bytes_in_the_middle,
    "truncated": _truncated,
    "not sqlite": _not_sqlite,
}


@pytest.fixture(scope="module")
def healthy_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One healthy database, copied by each test that damages it."""
    return _healthy(tmp_path_factory.mktemp("healthy"))


def _damaged(healthy: Path, folder: Path, how: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / DB_NAME
    shutil.copyfile(healthy, target)
    DAMAGE[how](target)
    return target


def _commands(tmp_path: Path) -> list[list[str]]:
    export = tmp_path / "in.jsonl"
    export.write_text("")
    return [
        ["records", "list"],
        ["records", "play", str(BAKERY), "--choices", "1"],
        ["records", "export", str(tmp_path / "out.jsonl")],
        ["records", "import", str(export)],
        ["report", "--out", str(tmp_path / "r.html")],
        ["export", "--csv", str(tmp_path / "csv")],
        ["replay", "1"],
        ["xapi", "status"],
        ["xapi", "send"],
    ]


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_every_command_names_a_damaged_database_and_what_to_do(
    healthy_db: Path, tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged(healthy_db, tmp_path / "data", how)
    for command in _commands(tmp_path):
        status = main(["--data", str(path.parent), *command])
        out, err = capsys.readouterr()
        lines = [line for line in err.splitlines() if line.strip()]
        assert status == 1, (command, out, err)
        assert len(lines) == 1 and str(path) in lines[0], (command, err)
        assert "sticky records recover" in lines[0] and "backup" in lines[0] and "import" in lines[0]
        assert "queued: 0" not in out and "added" not in out, (command, out)
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "r.html").exists()


def test_a_damaged_database_gives_no_traceback_in_a_real_process(healthy_db: Path, tmp_path: Path) -> None:
    path = _damaged(healthy_db, tmp_path / "data", "random bytes")
    for command in (["records", "list"], ["xapi", "status"]):
        result = sticky(*command, data=path.parent)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "is damaged" in result.stderr and "sticky records recover" in result.stderr


@pytest.mark.parametrize("how", ["random bytes", "truncated"])
def test_recover_saves_what_can_be_read_and_keeps_the_old_file(healthy_db: Path, tmp_path: Path, how: str) -> None:
    path = _damaged(healthy_db, tmp_path / "data", how)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = sticky("records", "recover", "--out", str(tmp_path / "saved.sqlite3"), data=path.parent)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    saved = int(result.stdout.split(": ", 1)[1].split(" ")[0])
    assert 0 < saved <= PLAYTHROUGHS, result.stdout
    assert (
        f"{saved} playthrough{'' if saved == 1 else 's'} saved" in result.stdout and "kept as it was" in result.stdout
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the damaged file is untouched
    use = tmp_path / "use"
    use.mkdir()
    shutil.copyfile(tmp_path / "saved.sqlite3", use / DB_NAME)
    listed = sticky("records", "list", data=use)
    assert listed.returncode == 0 and f"{saved} playthrough{'' if saved == 1 else 's'} " in listed.stderr
    whole = [line.split()[0] for line in listed.stdout.splitlines() if " 0 choices" not in line]
    if "lost some choices" not in result.stdout:
        replayed = sticky("replay", whole[0], "--scenario", str(BAKERY), data=use)
        assert replayed.returncode == 0, replayed.stdout + replayed.stderr


def test_recover_of_a_file_that_is_not_sqlite_saves_nothing_and_says_so(healthy_db: Path, tmp_path: Path) -> None:
    path = _damaged(healthy_db, tmp_path / "data", "not sqlite")
    result = sticky("records", "recover", data=path.parent)
    assert result.returncode == 0 and "0 playthroughs saved" in result.stdout
    assert "nothing could be read" in result.stderr and "Traceback" not in result.stderr
    assert len(list(path.parent.glob("records.recovered-*.sqlite3"))) == 1


def test_recover_of_a_healthy_database_saves_every_playthrough(healthy_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(healthy_db, folder / DB_NAME)
    result = sticky("records", "recover", "--out", str(tmp_path / "copy.sqlite3"), data=folder)
    assert f"{PLAYTHROUGHS} playthroughs saved" in result.stdout
    with open_records(tmp_path / "use") as _:
        pass
    shutil.copyfile(tmp_path / "copy.sqlite3", tmp_path / "use" / DB_NAME)
    with open_records(tmp_path / "use") as records, open_records(folder) as original:
        assert [r.to_json() for r in records.playthroughs()] == [r.to_json() for r in original.playthroughs()]
        assert records.db.execute("SELECT COUNT(*) FROM xapi_outbox").fetchone()[0] > 0


_HOLD = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO learners(name, created_at) VALUES ('holder', 0)")
print("holding", flush=True)
sys.stdin.readline()
db.execute("ROLLBACK")
"""


def test_a_database_another_process_is_writing_is_in_use_within_seconds(healthy_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(healthy_db, folder / DB_NAME)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(folder / DB_NAME)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        export = tmp_path / "x.jsonl"
        assert sticky("records", "export", str(export), data=folder).returncode == 0  # readers still read
        for command in (["records", "play", str(BAKERY), "--choices", "1"], ["records", "import", str(export)]):
            began = time.monotonic()
            result = sticky(*command, data=folder)
            took = time.monotonic() - began
            assert result.returncode == 1 and "in use by another program" in result.stderr, result.stderr
            assert "Traceback" not in result.stderr and took < 8, took
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=10)
    with open_records(folder) as records:
        assert len(records.playthroughs()) == PLAYTHROUGHS  # nothing half-written


def _namespace_mounts() -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || exit 3"],
        capture_output=True,
        timeout=20,
    )
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(not _namespace_mounts(), reason="no private mount namespaces here")


def _in_tmpfs(tmp_path: Path, db: Path, script: str, size: str = "600k") -> str:
    """Run ``script`` (shell) with $D a fresh tmpfs holding a copy of ``db``, in a private mount namespace."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    body = (
        f'set -e; D="{mount}"; mount -t tmpfs -o size={size} tmpfs "$D"; cp "{db}" "$D/"; '
        f'STICKY="{sys.executable} -m game --data $D"; cd "{ROOT}"; export STICKY_XAPI_AUTOSEND=0; {script}'
    )
    result = subprocess.run(["unshare", "-rm", "sh", "-c", body], capture_output=True, text=True, timeout=120)
    return result.stdout + result.stderr


@needs_mounts
def test_a_read_only_folder_is_named_and_read_only_commands_work(healthy_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    script = (
        'mount -o remount,ro "$D"; '
        f'for c in "records list" "records export {out}/x.jsonl" "report --out {out}/r.html" "export --csv {out}/csv" '
        f'"replay 1 --scenario {BAKERY}" "xapi status" "records play {BAKERY} --choices 1" '
        f'"records import {out}/x.jsonl"; do echo "== $c"; $STICKY $c 2>&1 && echo "rc=0" || echo "rc=1"; done'
    )
    text = _in_tmpfs(tmp_path, healthy_db, script)
    blocks = {b.split("\n", 1)[0]: b for b in text.split("== ")[1:]}
    reading = ("records list", "records export", "report", "export --csv", "replay", "xapi status")
    for name, block in blocks.items():
        assert "Traceback" not in block, block
        if name.startswith(reading):
            assert block.rstrip().endswith("rc=0"), block
        else:
            assert block.rstrip().endswith("rc=1") and "is read-only" in block, block
    assert len(blocks) == 8
    assert (out / "r.html").is_file() and len((out / "x.jsonl").read_text().splitlines()) == PLAYTHROUGHS


@needs_mounts
def test_a_full_disk_is_named_as_such(healthy_db: Path, tmp_path: Path) -> None:
    script = (
        'head -c 100000000 /dev/zero > "$D/filler" 2>/dev/null || true; '
        f"$STICKY records play {BAKERY} --choices 1 2>&1 || echo rc=1"
    )
    text = _in_tmpfs(tmp_path, healthy_db, script)
    assert "the disk is full" in text and "rc=1" in text and "Traceback" not in text, text


@needs_mounts
def test_a_read_only_folder_left_by_a_crash_still_shows_the_last_playthrough(healthy_db: Path, tmp_path: Path) -> None:
    crash = (
        "import os, sys; from game.training.record_store import open_records; "
        "from tests.training.helpers import bakery, play_and_record; "
        "play_and_record(open_records(sys.argv[1]), bakery(), learner='Last one'); os._exit(0)"
    )
    script = (
        f'{sys.executable} -c "{crash}" "$D"; test -s "$D/records.sqlite3-wal"; '
        'mount -o remount,ro "$D"; $STICKY records list 2>&1 || echo rc=1'
    )
    text = _in_tmpfs(tmp_path, healthy_db, script)
    assert "Last one" in text and f"{PLAYTHROUGHS + 1} playthroughs" in text and "rc=1" not in text, text


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE playthroughs SET final_metrics = '{\"revenue\": NaN}' WHERE id = 3",
        "UPDATE playthroughs SET start_metrics = '{\"revenue\": Infinity}' WHERE id = 3",
        "UPDATE choices SET decision_seconds = 9e999 WHERE playthrough_id = 3",
        "UPDATE choices SET deltas = '{\"revenue\": -Infinity}' WHERE playthrough_id = 3",
    ],
)
def test_a_number_that_is_not_finite_in_the_database_never_reaches_a_report(
    healthy_db: Path, tmp_path: Path, sql: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(healthy_db, folder / DB_NAME)
    import sqlite3

    with sqlite3.connect(folder / DB_NAME) as db:  # written by hand, or by a version that let it through
        db.execute(sql)
    for command in (
        ["report", "--out", str(tmp_path / "r.html")],
        ["records", "export", str(tmp_path / "out.jsonl")],
        ["export", "--csv", str(tmp_path / "csv")],
    ):
        status = main(["--data", str(folder), *command])
        _out, err = capsys.readouterr()
        assert status == 1, (command, err)
        assert "#3 is damaged" in err and "sticky records recover" in err, err
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "out.jsonl").exists()
    saved = tmp_path / "saved.sqlite3"
    assert main(["--data", str(folder), "records", "recover", "--out", str(saved)]) == 0
    out, _err = capsys.readouterr()
    assert f"{PLAYTHROUGHS - 1} playthroughs saved" in out  # every other playthrough is kept


@needs_mounts
def test_on_a_full_disk_screenshots_and_recover_fail_clearly_and_leave_nothing(
    healthy_db: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "records-elsewhere"  # facilitate opens its records even with --no-record
    script = (
        'head -c 100000000 /dev/zero > "$D/filler" 2>/dev/null || true; '
        'for c in "play ' + str(BAKERY) + ' --choices 1 --screenshots $D/shots" '
        '"records recover --out $D/saved.sqlite3"; do echo "== $c"; $STICKY $c 2>&1 && echo rc=0 || echo rc=1; done; '
        f'echo "== facilitate"; {sys.executable} -m game --data {elsewhere} facilitate {BAKERY} --keys space '
        '--no-record --screenshots "$D/group" 2>&1 && echo rc=0 || echo rc=1; '
        'echo "== left"; find "$D" -type f ! -name filler ! -name records.sqlite3 -size -1 -print'
    )
    text = _in_tmpfs(tmp_path, healthy_db, script)
    blocks = {b.split("\n", 1)[0].split(" ")[0]: b for b in text.split("== ")[1:]}
    for name in ("play", "facilitate", "records"):  # play and facilitate said rc=0 over empty PNGs
        assert blocks[name].rstrip().endswith("rc=1") and "Traceback" not in blocks[name], blocks[name]
    assert "shots/01-title.png: cannot write the file" in blocks["play"]
    assert "group/00-discuss.png: cannot write the file" in blocks["facilitate"]
    assert "the disk is full" in blocks["records"]
    assert blocks["left"].strip() == "left", blocks["left"]  # no empty PNG, no .saved.sqlite3.tmp


@needs_mounts
def test_recover_in_a_read_only_folder_names_the_file_it_could_not_make(healthy_db: Path, tmp_path: Path) -> None:
    text = _in_tmpfs(tmp_path, healthy_db, 'mount -o remount,ro "$D"; $STICKY records recover 2>&1 || echo rc=1')
    assert "rc=1" in text and "Traceback" not in text
    assert "mnt/.records.recovered-" in text  # was "error: Read-only file system", naming no file
