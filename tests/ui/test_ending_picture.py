"""The ending shows the business and its people as they ended (a picture per rating) and plays its cue;
the game still runs, silently, on a machine with no audio device (issue 20)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.core.model import RATINGS
from game.paths import ASSETS
from game.ui import flow
from game.ui.playthrough import PRACTICE
from game.ui.screens.ending import EndingScreen
from tests.ui.conftest import DATA

pytestmark = pytest.mark.ui

FACES = DATA / "faces" / "faces.yaml"
ROOT = Path(__file__).resolve().parents[2]


def test_every_rating_has_its_own_picture() -> None:
    seen = set()
    for rating in RATINGS:
        image = pygame.image.load(str(ASSETS / "endings" / f"{rating}.png"))
        assert image.get_size() == (1280, 400)
        seen.add(pygame.image.tobytes(image, "RGB"))
    assert len(seen) == len(RATINGS)


@pytest.mark.parametrize("size", [(960, 540), (1280, 720), (2560, 1440)], ids=str)
def test_the_ending_shows_its_picture_and_plays_its_cue(make_app, size: tuple[int, int]) -> None:
    pilot = make_app(size=size, typewriter=False)
    pilot.app.settings.reduced_motion = True
    assert flow.start(pilot.app, FACES, PRACTICE, seed=0)
    pilot.frame()
    pilot.choose("thank")
    pilot.key(pygame.K_RETURN)
    screen = pilot.screen
    assert isinstance(screen, EndingScreen)
    pilot.app.draw()
    rect = screen.picture
    assert rect is not None and rect.w > 2 * rect.h  # the wide picture, below the short ending text
    shown = pilot.app.surface.subsurface(rect)
    colours = {shown.get_at((x, rect.h // 2))[:3] for x in range(0, rect.w, max(1, rect.w // 40))}
    assert len(colours) > 10  # a picture, not a plain panel
    assert pilot.app.sounds.ok  # SDL's dummy audio device: sounds load and play, unheard
    assert pilot.app.sounds._cache.get("ending_good") is not None  # the good ending's cue was played


def test_the_game_runs_silently_without_an_audio_device(tmp_path: Path) -> None:
    env = dict(os.environ, SDL_AUDIODRIVER="no-such-audio-device", SDL_VIDEODRIVER="dummy", PYTHONPATH=str(ROOT))
    shots = tmp_path / "shots"
    done = subprocess.run(
        [sys.executable, "-m", "game", "play", str(FACES), "--choices", "thank", "--screenshots", str(shots)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert any(p.name.endswith("ending.png") for p in shots.iterdir())
