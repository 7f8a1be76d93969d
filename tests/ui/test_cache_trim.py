"""Cached surfaces follow what the screens show: what no screen shows any more is dropped when the screens
change, so memory does not hold the last screen's pictures beside the new one's (issue 12)."""

from __future__ import annotations

import pygame
import pytest

from game.ui import cache, draw, flow
from game.ui.cache import SurfaceCache
from game.ui.playthrough import PRACTICE
from tests.ui.conftest import DATA

pytestmark = pytest.mark.ui


def test_a_cache_forgets_what_the_frame_since_watch_did_not_use() -> None:
    kept: SurfaceCache[str] = SurfaceCache(layers=1)
    for name in ("old", "shown", "new"):
        kept.put(name, pygame.Surface((10, 10)))
    cache.watch()
    assert kept.get("shown") is not None
    kept.put("new", pygame.Surface((10, 10)))
    cache.drop_unseen()
    assert "old" not in kept and "shown" in kept and "new" in kept and kept.size == 2 * 10 * 10 * 4
    cache.drop_unseen()  # not watching: nothing more goes
    assert len(kept) == 2


def test_the_menus_gradient_and_the_scenes_picture_are_painted_not_kept(make_app) -> None:
    """The warm gradient behind menus and a scene's veiled picture are painted straight into the window: no
    window-sized copy of either is kept (issue 12: memory grows with the window by no more than its pixels)."""
    pilot = make_app(typewriter=False)
    flow.open_picker(pilot.app)
    pilot.frame()
    layer = cache.window_layer()
    assert 0 < draw._STRIPS.size < layer // 100 and draw._GRADIENTS.size == 0  # one column of the gradient
    assert flow.start(pilot.app, DATA / "bakery.yaml", PRACTICE, seed=0)
    pilot.frame()
    assert draw._GRADIENTS.size == 0
    assert sum(c.size for c in cache._ALL if c.layers) <= layer // 2  # text, shadows, the speaker's banner


def test_a_new_window_size_keeps_nothing_made_for_the_old_one(make_app) -> None:
    pilot = make_app(typewriter=False)
    assert flow.start(pilot.app, DATA / "bakery.yaml", PRACTICE, seed=0)
    pilot.frame()
    before = [s for c in cache._ALL if c.layers for s in c._items.values()]  # held: no id is reused
    pilot.app.surface = pygame.display.set_mode((960, 540), pygame.RESIZABLE)
    pilot.app.resize((960, 540))
    pilot.frame()
    after = {id(s) for c in cache._ALL if c.layers for s in c._items.values()}
    assert after and not {id(s) for s in before} & after
