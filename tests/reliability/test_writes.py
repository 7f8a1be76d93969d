"""Every file the project writes is written atomically, and never over a device, a folder or a pipe."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.files import OutputError, write_atomic
from tests.conftest import DATA, ROOT


def sticky(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env["STICKY_XAPI_AUTOSEND"] = "0"
    return subprocess.run(
        [sys.executable, "-m", "game", "--data", str(data), *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "translation.es.yaml"
    target.write_text("the translator's work\n", encoding="utf-8")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, "half of the new text")
    assert target.read_text(encoding="utf-8") == "the translator's work\n"
    assert [p.name for p in tmp_path.iterdir()] == ["translation.es.yaml"]


def test_devices_folders_and_missing_folders_are_refused(tmp_path: Path) -> None:
    for odd in (Path("/dev/null"), tmp_path):
        with pytest.raises(OutputError):
            write_atomic(odd, "x")
    assert Path("/dev/null").exists() and not Path("/dev/null").is_file()  # still the device
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "no" / "such" / "folder" / "r.html", "x")
    write_atomic(tmp_path / "made" / "r.html", "x", create_parents=True)
    assert (tmp_path / "made" / "r.html").read_text(encoding="utf-8") == "x"


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o600)
    write_atomic(target, "{}")
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_commands_refuse_devices_and_missing_folders_and_pipe_with_a_dash(tmp_path: Path) -> None:
    data = tmp_path / "data"
    played = sticky(data, "records", "play", str(DATA / "bakery.yaml"), "--choices", "1,1,1,1,1,1,1,1")
    assert played.returncode in (0, 1), played.stderr
    for args in (
        ("report", "--out", "/dev/full"),
        ("records", "export", "/dev/full"),
        ("report", "--out", str(tmp_path / "nowhere" / "r.html")),
        ("graph", str(DATA / "bakery.yaml"), "-o", str(tmp_path / "nowhere" / "m.md")),
    ):
        result = sticky(data, *args)
        assert result.returncode == 1, (args, result.stderr)
        assert "error:" in result.stderr and "Traceback" not in result.stderr
    assert Path("/dev/full").is_char_device()
    assert not (tmp_path / "nowhere").exists()
    piped = sticky(data, "records", "export", "-")
    assert piped.returncode == 0
    assert json.loads(piped.stdout.splitlines()[0])["scenario"] == "bakery-deposit"
    report = sticky(data, "report", "--out", "-")
    assert report.returncode == 0 and report.stdout.lstrip().lower().startswith("<!doctype html")


def test_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    from game.training.exchange import spreadsheet_safe

    assert spreadsheet_safe('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)" and spreadsheet_safe("+1+2") == "'+1+2"
    assert spreadsheet_safe("-3000") == "-3000" and spreadsheet_safe(-3000) == -3000  # numbers stay numbers
    data = tmp_path / "data"
    sticky(
        data,
        "records",
        "play",
        str(DATA / "bakery.yaml"),
        "--choices",
        "1,1,1,1,1,1,1,1",
        "--learner",
        "=cmd|' /C calc'!A0",
    )
    assert sticky(data, "export", "--csv", str(tmp_path / "csv")).returncode == 0
    text = (tmp_path / "csv" / "playthroughs.csv").read_text(encoding="utf-8")
    assert "'=cmd|" in text and ",=cmd" not in text
