"""A cache of surfaces that holds a budget of pixels, not a count of entries.

Scaled pictures, card shadows, gradients and rendered text are made on demand and kept while they are
used. A count limit let a few window-sized pictures (3.5 MB each at 1280×720, 14 MB at 2560×1440) pile
up to hundreds of megabytes; a byte budget keeps memory in step with what the screens show. Budgets are
given in *window layers* (one layer: the window's width × height at 4 bytes a pixel), so the cache grows
with the window as the pixels it holds do, and no more. The least recently used surfaces go first; the
newest always stays, whatever its size.

What no screen shows is not kept either: when the screens change (another screen, new text, a new window
size), the window calls ``watch`` before drawing the new state and ``drop_unseen`` after it, and every cache
forgets the surfaces that frame did not use.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, Generic, TypeVar

import pygame

from game.ui.theme import REFERENCE_SIZE

K = TypeVar("K", bound=Hashable)

#: Every cache made, for ``watch``, ``drop_unseen`` and ``clear_all``.
_ALL: list[SurfaceCache[Any]] = []


def surface_bytes(surface: pygame.Surface) -> int:
    """The bytes a surface's pixels take."""
    return surface.get_pitch() * surface.get_height()


def window_layer() -> int:
    """The bytes of one window-sized 32-bit layer (1280×720 when no window is open)."""
    shown = pygame.display.get_surface() if pygame.display.get_init() else None
    w, h = shown.get_size() if shown is not None else REFERENCE_SIZE
    return max(w, REFERENCE_SIZE[0] // 2) * max(h, REFERENCE_SIZE[1] // 2) * 4


class SurfaceCache(Generic[K]):
    """Surfaces by key, within ``layers`` window layers plus ``floor`` bytes; least recently used out first."""

    def __init__(self, layers: float, floor: int = 0) -> None:
        self.layers = layers
        self.floor = floor
        self._items: OrderedDict[K, pygame.Surface] = OrderedDict()
        self._bytes = 0
        self._seen: set[K] | None = None  # the keys used since ``watch``; None: not watching
        _ALL.append(self)

    def budget(self) -> int:
        """The bytes this cache may hold for the window now open."""
        return int(self.layers * window_layer()) + self.floor

    def get(self, key: K) -> pygame.Surface | None:
        """The surface for ``key`` (now the most recently used), or None."""
        surface = self._items.get(key)
        if surface is not None:
            self._items.move_to_end(key)
            if self._seen is not None:
                self._seen.add(key)
        return surface

    def put(self, key: K, surface: pygame.Surface) -> pygame.Surface:
        """Keep ``surface`` under ``key``, dropping the least recently used over the budget; returns it."""
        old = self._items.pop(key, None)
        if old is not None:
            self._bytes -= surface_bytes(old)
        self._items[key] = surface
        self._bytes += surface_bytes(surface)
        if self._seen is not None:
            self._seen.add(key)
        budget = self.budget()
        while self._bytes > budget and len(self._items) > 1:
            _, dropped = self._items.popitem(last=False)
            self._bytes -= surface_bytes(dropped)
        return surface

    def clear(self) -> None:
        """Forget every surface."""
        self._items.clear()
        self._bytes = 0

    def discard(self, surface: pygame.Surface) -> None:
        """Forget ``surface`` wherever it is kept (its owner is about to replace it)."""
        for key in [k for k, v in self._items.items() if v is surface]:
            self._bytes -= surface_bytes(self._items.pop(key))

    def keep_only(self, keys: set[K]) -> None:
        """Forget every surface but those under ``keys``."""
        for key in [k for k in self._items if k not in keys]:
            self._bytes -= surface_bytes(self._items.pop(key))

    @property
    def size(self) -> int:
        """The bytes held now."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items


def watch() -> None:
    """Start noting which surfaces each cache hands out (a new state of the screens is about to be drawn)."""
    for cache in _ALL:
        cache._seen = set()


def drop_unseen() -> None:
    """Forget, in every cache, the surfaces not used since ``watch``: no screen shows them now."""
    for cache in _ALL:
        if cache._seen is not None:
            cache.keep_only(cache._seen)
            cache._seen = None


def clear_all() -> None:
    """Forget every surface made for the window (its size or look changed: none of them fits it any more);
    pictures as read from disk stay."""
    for cache in _ALL:
        if cache.layers:
            cache.clear()
