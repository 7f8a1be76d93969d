"""Image snapshots of the main screens: a layout change fails here until the snapshots are updated on purpose
(``python tools/update_snapshots.py``, see ``tests/ui/snapshot_screens.py``)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.ui import snapshot_screens as shots

pytestmark = pytest.mark.ui


@pytest.fixture(scope="module")
def rendered() -> dict[str, pygame.Surface]:
    return dict(shots.render_all())


def test_every_screen_has_a_snapshot(rendered: dict[str, pygame.Surface]) -> None:
    assert sorted(rendered) == sorted(shots.SCREENS)
    assert sorted(p.stem for p in shots.SNAPSHOTS.glob("*.png")) == sorted(shots.SCREENS)


@pytest.mark.parametrize("name", shots.SCREENS)
def test_the_screen_looks_as_its_snapshot(rendered: dict[str, pygame.Surface], name: str, tmp_path: Path) -> None:
    snapshot = pygame.image.load(str(shots.SNAPSHOTS / f"{name}.png"))
    share = shots.difference(snapshot, rendered[name])
    if share > shots.CHANGED_SHARE:
        now = tmp_path / f"{name}-now.png"
        pygame.image.save(shots.stored(rendered[name]), str(now))
        pytest.fail(
            f"{name}: {share:.2%} of the screen differs from tests/ui/snapshots/{name}.png (now: {now}); "
            "if the change is wanted, run: python tools/update_snapshots.py"
        )


def test_the_comparison_sees_layout_but_not_antialiasing() -> None:
    """A card moved by 12 px is a change; the same picture blurred by a pixel is not."""
    base = pygame.Surface(shots.SIZE)
    base.fill((240, 235, 225))
    pygame.draw.rect(base, (40, 100, 100), pygame.Rect(400, 300, 300, 60), border_radius=10)
    moved = base.copy()
    moved.fill((240, 235, 225))
    pygame.draw.rect(moved, (40, 100, 100), pygame.Rect(400, 312, 300, 60), border_radius=10)
    soft = pygame.transform.smoothscale(pygame.transform.smoothscale(base, (1270, 715)), shots.SIZE)
    snapshot = shots.stored(base)
    assert shots.difference(snapshot, moved) > shots.CHANGED_SHARE
    assert shots.difference(snapshot, soft) <= shots.CHANGED_SHARE
