"""Scrolling as the last resort for text that can't fit even when shrunk: an offset, a bar, a "more" arrow
in a band of its own along the bottom."""

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

    def more_below(self) -> bool:
        """True when content lies below the view."""
        return self.active and self.offset < self.limit

    def clip(self, rect: pygame.Rect, theme: Theme) -> pygame.Rect:
        """``rect`` (where the caller draws the scrolled content) without the band along the view's bottom
        where the "more below" arrow goes: the arrow is never drawn over text."""
        if not self.more_below():
            return rect
        bottom = min(rect.bottom, self.view.bottom - widgets.more_band(theme))
        return pygame.Rect(rect.x, rect.y, rect.w, max(0, bottom - rect.y))

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        """The scroll bar at the right edge and, when more lies below, an arrow in the band kept free of text
        (``clip``)."""
        if not self.active:
            return
        c = theme.colors
        view = self.view
        track = pygame.Rect(view.right + theme.px(4), view.y, theme.px(6), view.h)
        pygame.draw.rect(surface, c.panel_alt, track, border_radius=3)
        thumb_h = max(theme.px(30), track.h * view.h // max(1, self.content_h))
        thumb_y = track.y + (track.h - thumb_h) * self.offset // max(1, self.limit)
        pygame.draw.rect(surface, c.muted, pygame.Rect(track.x, thumb_y, track.w, thumb_h), border_radius=3)
        if self.more_below():
            widgets.more_below(surface, theme, view)
