"""The projector's phone-voting panel: a QR code, the short address, the room code and how many phones voted.

While the room discusses and votes, the panel takes a strip at the right of the screen; during the reveal,
the outcome and the debrief it takes nothing (the votes are in the counts by then). Each frame it also
brings the phones' room to the projector's step (``vote_sync.sync``). The QR code is made by segno; this
module only paints its modules as squares.
"""

from __future__ import annotations

from typing import Any

import pygame
import segno

from game.locale import tr_in
from game.training.facilitate_model import GroupPlay
from game.training.vote_room import VoteRoom
from game.training.vote_sync import decision_key, phone_votes, sync

DARK = (20, 20, 20)
LIGHT = (255, 255, 255)


def qr_surface(data: str, size: int) -> pygame.Surface:
    """``data`` as a QR code (with its quiet zone) on a white square at most ``size`` pixels wide."""
    code = segno.make(data, error="m", boost_error=False)
    rows = [list(row) for row in code.matrix_iter(scale=1, border=4)]
    modules = len(rows)
    scale = max(1, size // modules)
    side = scale * modules
    surface = pygame.Surface((side, side))
    surface.fill(LIGHT)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                surface.fill(DARK, pygame.Rect(x * scale, y * scale, scale, scale))
    return surface


class PhonePanel:
    """Draws the panel for one ``VoteRoom`` reached at ``address`` (shown) and ``link`` (in the QR code)."""

    STEPS = ("discuss", "vote")

    def __init__(self, room: VoteRoom, address: str, link: str, language: str) -> None:
        self.room = room
        self.address = address
        self.link = link
        self.lang = language
        self._qr: tuple[int, pygame.Surface] | None = None
        self.qr_rect: pygame.Rect | None = None  # where the QR code was last drawn (None: not drawn)

    def _words(self, key: str, **values: object) -> str:
        return tr_in(self.lang, f"phone.{key}", **values)

    @staticmethod
    def _fitted(theme: Any, role: str, text: str, width: int, colour: tuple[int, int, int]) -> pygame.Surface:
        """``text`` in ``role``'s font, made smaller (to 60 % at most) until it is no wider than ``width``."""
        shrink = 1.0
        label = theme.font(role).render(text, True, colour)
        while label.get_width() > width and shrink > 0.6:
            shrink -= 0.05
            label = theme.font(role, shrink).render(text, True, colour)
        return label  # type: ignore[no-any-return]

    def _code_image(self, size: int) -> pygame.Surface:
        if self._qr is None or self._qr[0] != size:
            self._qr = (size, qr_surface(self.link, size))
        return self._qr[1]

    def frame(self, surface: pygame.Surface, theme: Any, body: pygame.Rect, play: GroupPlay) -> pygame.Rect:
        """Sync the room, draw the panel if this step shows it; returns the body area left for the screen."""
        sync(self.room, play)
        self.qr_rect = None
        if play.step not in self.STEPS:
            return body
        width = self.width_in(theme, body.width)
        self.draw_in(surface, theme, pygame.Rect(body.right - width, body.y, width, body.height), play)
        return pygame.Rect(body.x, body.y, body.width - width - theme.px(24), body.height)

    @staticmethod
    def width_in(theme: Any, body_width: int) -> int:
        """The panel's width beside a body ``body_width`` wide."""
        return max(int(theme.px(250)), round(body_width * 0.24))

    def draw_in(self, surface: pygame.Surface, theme: Any, panel: pygame.Rect, play: GroupPlay) -> None:
        """Draw the panel in ``panel``: title, QR code, address, room code and how many phones voted."""
        t = theme
        radius = t.px(14)
        pygame.draw.rect(surface, t.colors.panel, panel, border_radius=radius)
        pygame.draw.rect(surface, t.colors.accent, panel, max(2, t.px(2)), border_radius=radius)
        inner = panel.inflate(-2 * t.px(16), -2 * t.px(14))
        y = inner.y
        title = self._fitted(t, "label", self._words("panel_title").upper(), inner.width, t.colors.accent)
        surface.blit(title, title.get_rect(midtop=(inner.centerx, y)))
        y += title.get_height() + t.px(8)
        code_font = t.font("display")
        address_font = t.font("h3")
        label_font = t.font("label")
        voted_font = t.font("h3")
        below = (
            address_font.get_linesize()
            + label_font.get_linesize()
            + code_font.get_linesize()
            + voted_font.get_linesize()
            + t.px(28)
        )
        side = min(inner.width, inner.bottom - y - below)
        if side >= t.px(96):
            image = self._code_image(side)
            self.qr_rect = surface.blit(image, image.get_rect(midtop=(inner.centerx, y)))
            y += image.get_height() + t.px(8)
        address = self.address.removeprefix("http://")
        shown = self._fitted(t, "h3", address, inner.width, t.colors.text)
        surface.blit(shown, shown.get_rect(midtop=(inner.centerx, y)))
        y += address_font.get_linesize() + t.px(6)
        label = label_font.render(self._words("panel_code").upper(), True, t.colors.muted)
        surface.blit(label, label.get_rect(midtop=(inner.centerx, y)))
        y += label_font.get_linesize()
        code = code_font.render(" ".join(self.room.code), True, t.colors.text)
        surface.blit(code, code.get_rect(midtop=(inner.centerx, y)))
        y += code_font.get_linesize() + t.px(6)
        voters = self.room.voters(decision_key(play))
        key = "panel_voted_one" if voters == 1 else "panel_voted_many"
        voted = self._fitted(t, "h3", self._words(key, n=voters), inner.width, t.colors.accent)
        surface.blit(voted, voted.get_rect(midtop=(inner.centerx, min(y, inner.bottom - voted.get_height()))))


class PhoneAside:
    """The phone panel as the projector view's aside column (``game.ui.facilitate.view.Aside``): it keeps the
    room in step with the projector every frame and adds the phones' votes to the room's counts."""

    def __init__(self, play: GroupPlay, room: VoteRoom, address: str, link: str) -> None:
        self.play = play
        self.panel = PhonePanel(room, address, link, play.scenario.language)
        play.phone_votes = phone_votes(room, play)
        self._theme: Any = None

    def width(self, theme: Any, step: str) -> int:
        """The column's width on this step (0 where the panel is not shown); syncs the room."""
        sync(self.panel.room, self.play)
        self._theme = theme
        self.panel.qr_rect = None
        return PhonePanel.width_in(theme, theme.size[0]) if step in PhonePanel.STEPS else 0

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, step: str) -> None:
        """Draw the panel in the column the view gives it."""
        if step in PhonePanel.STEPS and self._theme is not None:
            self.panel.draw_in(surface, self._theme, rect, self.play)


def attach(play: GroupPlay, view: Any, room: VoteRoom, address: str, link: str) -> PhonePanel:
    """Connect phone voting to a projector view: its votes add to ``play``'s counts, the view draws the panel."""
    aside = PhoneAside(play, room, address, link)
    view.aside = aside
    sync(room, play)
    return aside.panel
