"""The projector's phone-voting panel: a QR code, the short address, the room code and how many phones voted.

While the room discusses and votes, the panel takes a strip at the right of the screen; during the reveal,
the outcome and the debrief it takes nothing (the votes are in the counts by then). Each frame it also
brings the phones' room to the projector's step (``vote_sync.sync``). The QR code is made by segno; this
module only paints its modules as squares.
"""

from __future__ import annotations

import math
from typing import Any

import pygame
import segno

from game.locale import plural, tr_in
from game.training.facilitate_model import GroupPlay
from game.training.vote_room import VoteRoom
from game.training.vote_sync import decision_key, phone_votes, sync
from game.ui import text as txt
from game.ui.facilitate.pages import ROOM, Ink
from game.ui.theme import Color, Theme

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
    """Draws the panel for one ``VoteRoom`` reached at ``address`` (shown) and ``link`` (in the QR code).

    Every text on it is set at the room's size (``pages.ROOM``, the room code larger still) and written down in
    the view's ``Ink``; the panel is as wide as its widest text or the smallest QR code a phone scans from the
    front rows (a quarter of the screen's height), whichever is wider.
    """

    STEPS = ("discuss", "vote")
    #: The QR code's smallest side, as a share of the screen height.
    QR_SHARE = 0.25
    #: The widest the panel gets, as a share of the screen width (a very long address is shrunk instead).
    MOST = 0.4

    def __init__(self, room: VoteRoom, address: str, link: str, language: str) -> None:
        self.room = room
        self.address = address
        self.link = link
        self.lang = language
        self.modules = int(segno.make(link, error="m", boost_error=False).symbol_size(scale=1, border=4)[0])
        self._qr: tuple[int, pygame.Surface] | None = None
        self.qr_rect: pygame.Rect | None = None  # where the QR code was last drawn (None: not drawn)

    def _words(self, key: str, **values: object) -> str:
        return tr_in(self.lang, f"phone.{key}", **values)

    def _voted(self, n: int) -> str:
        return plural(self.lang, n, "count.phone_voters")

    def _code_image(self, size: int) -> pygame.Surface:
        if self._qr is None or self._qr[0] != size:
            self._qr = (size, qr_surface(self.link, size))
        return self._qr[1]

    def qr_side(self, theme: Theme) -> int:
        """The smallest side of the QR code: whole pixels per module, at least ``QR_SHARE`` of the height."""
        return math.ceil(theme.size[1] * self.QR_SHARE / self.modules) * self.modules

    def texts(self, voters: int) -> list[tuple[str, str]]:
        """The panel's lines under and over the QR code as (role, text): title, address, label, code, voters."""
        return [
            (ROOM, self._words("panel_title").upper()),
            (ROOM, self.address.removeprefix("http://")),
            (ROOM, self._words("panel_code")),
            ("h1", " ".join(self.room.code)),
            (ROOM, self._voted(voters)),
        ]

    def width(self, theme: Theme) -> int:
        """The panel's width: its widest line (the voters counted up to 8888) or QR code, and its padding."""
        widest = max(txt.width_of(theme.font(role), text) for role, text in self.texts(8888))
        inner = max(widest, self.qr_side(theme))
        return min(inner + 2 * theme.px(16), round(theme.size[0] * self.MOST))

    def draw(self, surface: pygame.Surface, theme: Theme, panel: pygame.Rect, play: GroupPlay, ink: Ink) -> None:
        """Draw the panel in ``panel``: title, QR code, address, room code and how many phones voted."""
        t = theme
        radius = t.px(14)
        pygame.draw.rect(surface, t.colors.panel, panel, border_radius=radius)
        pygame.draw.rect(surface, t.colors.accent, panel, max(2, t.px(2)), border_radius=radius)
        inner = panel.inflate(-2 * t.px(16), -2 * t.px(14))
        lines = self.texts(self.room.voters(decision_key(play)))
        colours = [t.colors.accent, t.colors.text, t.colors.muted, t.colors.text, t.colors.accent]
        blocks = [txt.fit_line(t, text, role, inner.width, "phone panel") for role, text in lines]
        gap = t.px(6)
        below = sum(b.height + gap for b in blocks[1:])
        y = inner.y
        y += self._line(surface, ink, blocks[0], inner, y, colours[0]) + t.px(8)
        room_for = min(inner.width, inner.bottom - y - below - t.px(8))
        side = max(self.qr_side(t), room_for // self.modules * self.modules)
        image = self._code_image(side)
        self.qr_rect = surface.blit(image, image.get_rect(midtop=(inner.centerx, y)))
        y += image.get_height() + t.px(8)
        for block, colour in zip(blocks[1:], colours[1:], strict=True):
            y += self._line(surface, ink, block, inner, y, colour) + gap

    @staticmethod
    def _line(surface: pygame.Surface, ink: Ink, block: txt.Block, inner: pygame.Rect, y: int, colour: Color) -> int:
        """One line centred in ``inner`` at ``y``, written down in ``ink``; returns its height."""
        return ink.write(surface, block, (inner.centerx - block.width // 2, y), colour, inner)


class PhoneAside:
    """The phone panel as the projector view's aside column (``game.ui.facilitate.view.Aside``): it keeps the
    room in step with the projector every frame and adds the phones' votes to the room's counts."""

    def __init__(self, play: GroupPlay, room: VoteRoom, address: str, link: str) -> None:
        self.play = play
        self.panel = PhonePanel(room, address, link, play.scenario.language)
        play.phone_votes = phone_votes(room, play)
        self._theme: Theme | None = None

    def width(self, theme: Theme, step: str) -> int:
        """The column's width on this step (0 where the panel is not shown); syncs the room."""
        sync(self.panel.room, self.play)
        self._theme = theme
        self.panel.qr_rect = None
        return self.panel.width(theme) if step in PhonePanel.STEPS else 0

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, step: str, ink: Ink) -> None:
        """Draw the panel in the column the view gives it, its texts written down in ``ink``."""
        if step in PhonePanel.STEPS and self._theme is not None:
            self.panel.draw(surface, self._theme, rect, self.play, ink)


def attach(play: GroupPlay, view: Any, room: VoteRoom, address: str, link: str) -> PhonePanel:
    """Connect phone voting to a projector view: its votes add to ``play``'s counts, the view draws the panel."""
    aside = PhoneAside(play, room, address, link)
    view.aside = aside
    sync(room, play)
    return aside.panel
