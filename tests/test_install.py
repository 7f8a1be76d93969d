"""The game as users install it: a wheel in a fresh virtual environment, run from another folder.

Builds the wheel from this checkout, installs it (and its dependencies, from the package index) into a new
virtual environment outside the repository, then runs the installed ``sticky`` from an unrelated folder:
the version, every shipped scenario checked by id, a scripted playthrough by id, the trainer's own scenario
folder, and a screenshot run whose screens must match the ones this checkout draws (same fonts, same art:
a wheel without them draws pygame's fallback font and letter placeholders instead).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SHIPPED = sorted(p.stem for p in (ROOT / "game" / "scenarios").glob("*.yaml") if p.stem.count(".") == 0)


def _run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """The ``sticky`` of a wheel installed in a fresh venv, and an environment with no trace of this checkout."""
    base = tmp_path_factory.mktemp("install")
    source = base / "source"  # build from a copy, so the build leaves nothing in the checkout
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"),
    )
    built = _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(base / "dist"), str(source)], base)
    assert built.returncode == 0, built.stderr[-3000:]
    wheel = next((base / "dist").glob("sticky_situations-*.whl"))
    venv = base / "venv"
    assert _run([sys.executable, "-m", "venv", str(venv)], base).returncode == 0
    pip = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], base, timeout=900)
    assert pip.returncode == 0, pip.stderr[-3000:]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "HOME": str(base / "home")}
    env["STICKY_DATA_DIR"] = str(base / "data")
    env["STICKY_XAPI_AUTOSEND"] = "0"
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    yield venv / "bin" / "sticky", env | {"PWD": str(elsewhere)}


def _sticky(installed: tuple[Path, dict[str, str]], *args: str) -> subprocess.CompletedProcess[str]:
    sticky, env = installed
    return _run([str(sticky), *args], Path(env["PWD"]), env)


def test_version(installed: tuple[Path, dict[str, str]]) -> None:
    result = _sticky(installed, "--version")
    assert result.returncode == 0
    assert result.stdout.strip().startswith("sticky ") and result.stdout.strip() != "sticky unknown"


def test_content_comes_from_the_installed_package(installed: tuple[Path, dict[str, str]]) -> None:
    sticky, env = installed
    probe = "import game.paths as p; print(p.ASSETS); print(p.SCENARIOS)"
    result = _run([str(sticky.parent / "python"), "-c", probe], Path(env["PWD"]), env)
    assets, scenarios = (Path(line) for line in result.stdout.split())
    venv = sticky.parent.parent
    assert venv in assets.parents and venv in scenarios.parents  # not this checkout
    assert (assets / "fonts" / "OpenSans-Regular.ttf").is_file()
    assert {p.stem for p in scenarios.glob("*.yaml") if p.stem.count(".") == 0} == set(SHIPPED)


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_every_shipped_scenario_checks_clean_by_id(installed: tuple[Path, dict[str, str]], scenario_id: str) -> None:
    result = _sticky(installed, "check", scenario_id)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stdout + result.stderr


def test_play_by_id(installed: tuple[Path, dict[str, str]]) -> None:
    result = _sticky(installed, "play", "spa-hotel", "--choices", "1,1", "--json")
    data = json.loads(result.stdout)
    assert data["scenario"] == "spa-hotel" and len(data["path"]) == 2


def test_an_unknown_id_names_the_shipped_ones(installed: tuple[Path, dict[str, str]]) -> None:
    result = _sticky(installed, "play", "spa-hotle", "--choices", "1", "--json")
    assert result.returncode == 1
    assert "spa-hotel" in result.stderr and "Traceback" not in result.stderr


def test_own_scenario_folder_is_remembered(installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "bakery.yaml", own / "bakery.yaml")
    remembered = _sticky(installed, "--scenarios", str(own), "check", "bakery")
    assert remembered.returncode == 0, remembered.stderr
    later = _sticky(installed, "play", "bakery", "--choices", "1", "--json")  # found again without --scenarios
    assert json.loads(later.stdout)["path"], later.stderr
    assert _sticky(installed, "--scenarios", "", "check", "spa-hotel").returncode == 0


def _pixels(path: Path) -> tuple[tuple[int, int], bytes]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    image = pygame.image.load(str(path))
    return image.get_size(), pygame.image.tobytes(image, "RGB")


def test_screens_use_the_real_fonts_and_art(installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    """The installed game draws the same title, picker and scene as this checkout, to within antialiasing."""
    shots = tmp_path / "wheel"
    result = _sticky(installed, "play", "spa-hotel", "--choices", "1", "--screenshots", str(shots))
    assert result.returncode == 0, result.stderr
    here = tmp_path / "checkout"
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    mine = _run(
        [sys.executable, "-m", "game", "play", "spa-hotel", "--choices", "1", "--screenshots", str(here)], ROOT, env
    )
    assert mine.returncode == 0, mine.stderr
    for name in ("01-title.png", "02-picker.png", "03-scene-01.png"):
        size, wheel_pixels = _pixels(shots / name)
        other_size, checkout_pixels = _pixels(here / name)
        assert size == other_size
        differing = sum(abs(a - b) > 24 for a, b in zip(wheel_pixels, checkout_pixels, strict=True))
        assert differing / len(wheel_pixels) < 0.01, f"{name}: {differing} channel values differ"
