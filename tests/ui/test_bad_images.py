"""The real window with hostile and broken scenario images: the header agrees with the decoder, and every bad
portrait or background is replaced by the game's placeholder, logged, never decoded (docs/reliability.md §6).
The memory a whole run of bad images takes is measured in ``tests/reliability/test_image_memory.py``."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.imagecheck import check_image
from game.ui import assets, flow
from game.ui.playthrough import PRACTICE
from game.ui.screens.scene import SceneScreen
from tests.reliability.bad_images import bad_images, gif, png, scenario_with, with_bad_images

pytestmark = pytest.mark.ui


def scene_pixels(make_app, path: Path, shot: Path) -> bytes:
    """Open the scenario's first scene in a fresh headless window, save it to ``shot``, return its pixels."""
    pilot = make_app(folder=path.parent, typewriter=False)
    assert flow.start(pilot.app, path, PRACTICE, seed=0)
    pilot.settle(1.0)
    assert isinstance(pilot.screen, SceneScreen)
    pilot.app.draw()
    pygame.image.save(pilot.app.surface, str(shot))
    return pygame.image.tobytes(pilot.app.surface, "RGB")


@pytest.fixture(scope="module")
def placeholder_scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the reference scenario lives: its portrait and background name files that are not there."""
    folder = tmp_path_factory.mktemp("missing")
    return scenario_with(folder, "portraits/not-here.png", "backgrounds/not-here.png")


def test_headers_agree_with_the_decoder(tmp_path: Path) -> None:
    pygame.display.init()
    surface = pygame.Surface((123, 45))
    surface.fill((200, 80, 40))
    files = {"saved.png": None, "saved.jpg": None, "saved.bmp": None, "hand.png": png(31, 17), "hand.gif": gif(9, 4)}
    for name, data in files.items():
        path = tmp_path / name
        if data is None:
            pygame.image.save(surface, str(path))
        else:
            path.write_bytes(data)
        check = check_image(path)
        assert check.ok and check.info is not None, (name, check.problem)
        assert (check.info.width, check.info.height) == pygame.image.load(str(path)).get_size(), name


@pytest.mark.parametrize("name", sorted(bad_images()))
def test_the_window_shows_the_placeholder_for_a_bad_image(
    name: str, make_app, tmp_path: Path, placeholder_scenario: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    bad = with_bad_images(tmp_path / "bad", name)
    shown = scene_pixels(make_app, bad, tmp_path / f"scene-{name}.png")
    err = capfd.readouterr().err
    for sub in ("portraits", "backgrounds"):
        refused = (bad.parent / sub / name).resolve()
        assert err.count(f"sticky: image {refused} not shown: ") == 1  # logged once, not every frame
        assert assets.load_image(refused) is None
    assert bad_images()[name][2] in err and "Traceback" not in err
    reference = scene_pixels(make_app, placeholder_scenario, tmp_path / "scene-missing.png")
    assert shown == reference  # the same screen as with no picture at all: initials disc and gradient


def test_a_good_picture_is_still_shown(make_app, tmp_path: Path, placeholder_scenario: Path) -> None:
    folder = tmp_path / "good"
    (folder / "portraits").mkdir(parents=True)
    (folder / "portraits" / "luis.png").write_bytes(png(64, 64))
    path = scenario_with(folder, "portraits/luis.png", "backgrounds/default.png")
    shown = scene_pixels(make_app, path, tmp_path / "scene-good.png")
    assert shown != scene_pixels(make_app, placeholder_scenario, tmp_path / "scene-missing.png")
    assert assets.load_image((folder / "portraits" / "luis.png").resolve()) is not None
