"""Focusable items and keyboard/controller focus: spatial arrow moves, Tab order, hover and click.

A screen lists its items (id, rect, what to do) every time it lays itself out; the focus survives by
id, so resizing or changing the text size keeps the player's place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui import input as inp


@dataclass
class Item:
    """Something the player can focus and activate."""

    id: str
    rect: pygame.Rect
    activate: Callable[[], None]
    enabled: bool = True
    number: int = 0  # the key that picks it directly (1–9), 0 for none
    adjust: Callable[[int], None] | None = None  # left/right change a value (settings rows)


class FocusGroup:
    """The items of one screen and which one has the focus."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.focused_id: str | None = None
        self.visible = True  # the focus ring is always shown (keyboard and controller players need it)

    def set_items(self, items: list[Item], default: str | None = None, *, may_be_none: bool = False) -> None:
        """Replace the items, keeping the focus on the same id when it still exists; otherwise focus ``default``,
        or the first item unless ``may_be_none`` (then nothing has the focus until an arrow key or Tab)."""
        self.items = items
        ids = [i.id for i in items if i.enabled]
        if self.focused_id not in ids:
            fallback = None if may_be_none else (ids[0] if ids else None)
            self.focused_id = default if default in ids else fallback

    @property
    def focused(self) -> Item | None:
        """The focused item, if any."""
        return next((i for i in self.items if i.id == self.focused_id), None)

    def focus(self, item_id: str, show: bool = True) -> None:
        """Move the focus to an item."""
        if any(i.id == item_id and i.enabled for i in self.items):
            self.focused_id = item_id
            self.visible = self.visible or show

    def _enabled(self) -> list[Item]:
        return [i for i in self.items if i.enabled]

    def step(self, delta: int) -> bool:
        """Tab order: the next (or previous) enabled item, wrapping around."""
        items = self._enabled()
        if not items:
            return False
        ids = [i.id for i in items]
        index = ids.index(self.focused_id) if self.focused_id in ids else -1
        self.focused_id = ids[(index + delta) % len(ids)]
        self.visible = True
        return True

    def move(self, direction: str) -> bool:
        """Arrow keys and d-pad: the nearest item in that direction; up/down fall back to Tab order."""
        current = self.focused
        if current is None:
            return self.step(1)
        if not self.visible:
            self.visible = True
            return True
        cx, cy = current.rect.center
        best: tuple[float, Item] | None = None
        for item in self._enabled():
            if item is current:
                continue
            x, y = item.rect.center
            dx, dy = x - cx, y - cy
            main, side = {
                inp.RIGHT: (dx, dy),
                inp.LEFT: (-dx, dy),
                inp.DOWN: (dy, dx),
                inp.UP: (-dy, dx),
            }[direction]
            overlap = _overlaps(current.rect, item.rect, direction)
            if main <= 0 or (main < 4 and not overlap):
                continue
            score = main + (0 if overlap else 3 * abs(side))
            if best is None or score < best[0]:
                best = (score, item)
        if best is not None:
            self.focused_id = best[1].id
            return True
        if direction in (inp.UP, inp.DOWN):
            return self.step(1 if direction == inp.DOWN else -1)
        return False

    def at(self, pos: tuple[int, int]) -> Item | None:
        """The enabled item under the mouse."""
        return next((i for i in self._enabled() if i.rect.collidepoint(pos)), None)

    def hover(self, pos: tuple[int, int]) -> bool:
        """Focus the item under the mouse; True when the focus changed."""
        item = self.at(pos)
        if item is not None and item.id != self.focused_id:
            self.focused_id = item.id
            return True
        return False

    def handle(self, action: inp.Action) -> bool:
        """Standard focus handling; True when the action was used."""
        kind = action.kind
        if kind in inp.DIRECTIONS:
            focused = self.focused
            if kind in (inp.LEFT, inp.RIGHT) and focused is not None and focused.adjust is not None:
                focused.adjust(1 if kind == inp.RIGHT else -1)
                self.visible = True
                return True
            return self.move(kind)
        if kind in (inp.NEXT, inp.PREV):
            return self.step(1 if kind == inp.NEXT else -1)
        if kind == inp.CONFIRM:
            focused = self.focused
            if focused is not None:
                focused.activate()
                return True
            return False
        if kind == inp.PICK:
            item = next((i for i in self._enabled() if i.number == action.value), None)
            if item is not None:
                self.focused_id = item.id
                item.activate()
                return True
            return False
        if kind == inp.HOVER:
            return self.hover(action.pos)
        if kind == inp.CLICK:
            item = self.at(action.pos)
            if item is not None:
                self.focused_id = item.id
                item.activate()
                return True
        return False


def _overlaps(a: pygame.Rect, b: pygame.Rect, direction: str) -> bool:
    """True when ``b`` lies in ``a``'s row (left/right) or column (up/down)."""
    if direction in (inp.LEFT, inp.RIGHT):
        return a.top < b.bottom and b.top < a.bottom
    return a.left < b.right and b.left < a.right
