"""Scrolling as the last resort for text that can't fit even when shrunk: an offset, a bar, a "more" hint."""

from __future__ import annotations

import pygame

from game.ui import widgets
from game.ui.theme import Theme


class Scroller:
    """The scroll state of one area: ``view`` on the screen, ``content_h`` of content behind it."""

    def __init__(self) -> None:
        self.offset = 0
        self.content_h = 0
        self.view = pygame.Rect(0, 0, 0, 0)

    def set(self, view: pygame.Rect, content_h: int) -> None:
        """Update the area and the content height (keeping the offset in range)."""
        self.view = view
        self.content_h = content_h
        self.offset = max(0, min(self.offset, self.limit))

    @property
    def limit(self) -> int:
        """The largest offset."""
        return max(0, self.content_h - self.view.h)

    @property
    def active(self) -> bool:
        """True when there is more content than room."""
        return self.limit > 0

    def by(self, pixels: int) -> bool:
        """Scroll; True when the offset changed."""
        before = self.offset
        self.offset = max(0, min(self.offset + pixels, self.limit))
        return self.offset != before

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        """The scroll bar at the right edge and, when more lies below, a soft fade with an arrow."""
        if not self.active:
            return
        c = theme.colors
        view = self.view
        track = pygame.Rect(view.right + theme.px(4), view.y, theme.px(6), view.h)
        pygame.draw.rect(surface, c.panel_alt, track, border_radius=3)
        thumb_h = max(theme.px(30), track.h * view.h // max(1, self.content_h))
        thumb_y = track.y + (track.h - thumb_h) * self.offset // max(1, self.limit)
        pygame.draw.rect(surface, c.muted, pygame.Rect(track.x, thumb_y, track.w, thumb_h), border_radius=3)
        if self.offset < self.limit:
            widgets.more_below(surface, theme, view)
