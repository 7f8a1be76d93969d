"""Settings, progress, saves, the learner profile, the LRS settings and `graph --highlight` files in any state:
defaults or a clear message, never a hang, a traceback or memory without bound."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from game.training.lrs import read_config_file
from game.training.record_store import read_profile
from game.ui.storage import Progress, SaveSlot, Settings
from tests.conftest import DATA, ROOT

DEEP = "[" * 100_000 + "]" * 100_000


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _deep(path: Path) -> None:
    path.write_text('{"language": ' + DEEP + "}", encoding="utf-8")


def _huge(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # 64 MB of zero bytes, sparse


def _garbage(path: Path) -> None:
    path.write_bytes(b"\xff\xfe not json \x00")


HOSTILE: dict[str, Callable[[Path], None]] = {
    "fifo": _fifo,
    "dev-zero": _zero,
    "deep": _deep,
    "huge": _huge,
    "garbage": _garbage,
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_settings_progress_profile_and_lrs_fall_back(tmp_path: Path, kind: str) -> None:
    for name in ("settings.json", "progress.json", "learner.json", "lrs.json", "save.json", "save.bak.json"):
        HOSTILE[kind](tmp_path / name)
    assert Settings.load(tmp_path) == Settings()
    assert Progress.load(tmp_path) == Progress()
    assert read_profile(tmp_path) == {}
    with pytest.raises(ValueError, match="lrs.json"):
        read_config_file(tmp_path)
    assert all(payload is None and problem for _, payload, problem in SaveSlot(tmp_path).candidates())


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "deep"])
def test_the_game_starts_with_hostile_files_in_its_data_folder(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("settings.json", "progress.json", "save.json"):
        HOSTILE[kind](data / name)
    probe = (
        "from game.ui.app import App; from game.ui import flow; "
        f"app = App(data={str(data)!r}); flow.open_title(app); app.pump(0.02); app.close(); print('started')"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "started" in result.stdout, result.stderr[-2000:]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "deep", "garbage"])
def test_graph_highlight_file_is_refused_clearly(tmp_path: Path, kind: str) -> None:
    spec = tmp_path / "path.json"
    HOSTILE[kind](spec)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "game", "graph", str(DATA / "bakery.yaml"), "--highlight", str(spec)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "not a playthrough" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_good_highlight_file_still_works(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    play = [sys.executable, "-m", "game", "play", str(DATA / "bakery.yaml"), "--choices", "1", "--json"]
    spec = tmp_path / "path.json"
    spec.write_text(subprocess.run(play, cwd=ROOT, env=env, capture_output=True, text=True).stdout, encoding="utf-8")
    assert json.loads(spec.read_text(encoding="utf-8"))["path"]
    graph = [sys.executable, "-m", "game", "graph", str(DATA / "bakery.yaml"), "--highlight", str(spec)]
    assert subprocess.run(graph, cwd=ROOT, env=env, capture_output=True, text=True).returncode == 0


@pytest.mark.parametrize(
    "spec, status, says",
    [
        (",".join(["explain_policy"] * 8_000), 0, ""),  # near the 128 KB a single argument may have
        (",".join(f"no_such_{i}" for i in range(10_000)), 1, "no choice 'no_such_0'"),  # the first bad id
        ("x" * 120_000, 1, "no choice 'xxxx"),  # one very long id: no look-alike search that never ends
        ("," * 120_000, 0, ""),  # only commas: nothing to highlight
    ],
    ids=["long-list", "many-unknown", "one-huge-id", "only-commas"],
)
def test_graph_highlight_with_a_very_long_id_list(spec: str, status: int, says: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "game", "graph", str(DATA / "bakery.yaml"), "--highlight", spec]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == status, result.stderr[-2000:]
    assert says in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr) < 2_000  # the message quotes an excerpt, never the whole argument
