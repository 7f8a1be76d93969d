"""Pages of the projector: a screen's content as pieces of known height, packed into pages that fit.

Text the room reads is set at one size (``ROOM``, the game's ``h2`` at its largest text step: a capital
letter at least 3 % of the screen height) and is never shrunk; when a screen holds more than fits, it
gets more pages instead. Every text drawn is written down in ``Ink`` so tests can measure what the room
sees: its size, where it is, and that nothing was cut.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.locale import plural
from game.ui import draw
from game.ui import text as txt
from game.ui.theme import Color, Theme

#: The type role of every text the room must read.
ROOM = "h2"
#: The type role of the small captions above a card (a help for the eye, not something to read from afar).
CAPTION = "label"

Paint = Callable[[pygame.Surface, pygame.Rect], None]


@dataclass
class Written:
    """One block of text as drawn: its words, where, in which font, and whether the room must read it."""

    text: str
    rect: pygame.Rect
    font: pygame.font.Font
    room: bool
    bounds: pygame.Rect  # the box it had to stay in


@dataclass
class Ink:
    """Everything written on the current frame."""

    written: list[Written] = field(default_factory=list)

    def write(
        self,
        surface: pygame.Surface,
        block: txt.Block,
        pos: tuple[int, int],
        colour: Color,
        bounds: pygame.Rect,
        room: bool = True,
    ) -> int:
        """Draw ``block`` at ``pos`` and note it; returns its height."""
        txt.draw(surface, block, pos, colour)
        rect = pygame.Rect(pos[0], pos[1], block.width, block.height)
        self.written.append(Written(" ".join(line for line in block.lines if line), rect, block.font, room, bounds))
        return block.height


@dataclass
class Piece:
    """Part of a page: its height at the page's width and how to paint it into the rectangle it gets."""

    height: int
    paint: Paint
    key: str = ""
    keep_with_next: bool = False
    group: str = ""  # pieces of one group (e.g. the choices) share a page whenever they fit on one
    new_page: bool = False  # starts a page of its own (e.g. the debrief's details after its summary)
    running: bool = False  # first piece only: heads every page, not just the first (e.g. the vote's total)


def paginate(pieces: list[Piece], height: int, gap: int) -> list[list[Piece]]:
    """The pieces packed in order onto pages no taller than ``height``: a heading stays with what follows, a
    group that fits on one page starts a new page rather than being split, and a ``new_page`` piece starts one.
    A ``running`` first piece (the vote's total, a tie's note) heads every page, and a group that fits under
    it starts a page with it rather than leaving it alone on one."""
    head = pieces[0] if pieces and pieces[0].running else None
    under = height - (head.height + gap if head is not None else 0)  # what a page holds below the head
    pages: list[list[Piece]] = [[head] if head is not None else []]
    used = head.height if head is not None else 0
    for index, piece in enumerate(pieces):
        if piece is head:
            continue
        need = piece.height
        if piece.keep_with_next and index + 1 < len(pieces):
            need += gap + pieces[index + 1].height
        if piece.group and (index == 0 or pieces[index - 1].group != piece.group):
            members = [p.height for p in pieces[index:] if p.group == piece.group]
            whole = sum(members) + gap * (len(members) - 1)
            if whole <= under:
                need = max(need, whole)
        fresh = len(pages[-1]) == (head is not None)  # nothing on the page yet but the head
        if not fresh and (piece.new_page or used + gap + need > height):
            pages.append([head] if head is not None else [])
            used = head.height if head is not None else 0
        used += (gap if pages[-1] else 0) + piece.height
        pages[-1].append(piece)
    return pages


def paint_page(surface: pygame.Surface, page: list[Piece], body: pygame.Rect, gap: int) -> None:
    """Paint one page's pieces from the top of ``body`` down."""
    y = body.y
    for piece in page:
        piece.paint(surface, pygame.Rect(body.x, y, body.width, piece.height))
        y += piece.height + gap


def votes_phrase(language: str, n: int) -> str:
    """``1 vote`` / ``2 votes`` (``1 voto`` / ``2 votos``), by the locale's plural rules."""
    return plural(language, n, "count.votes")


class Sheet:
    """Builds pieces for one projector frame: the theme, the language, the width and the ink to write with."""

    def __init__(self, theme: Theme, language: str, width: int, page_height: int, ink: Ink) -> None:
        self.t = theme
        self.lang = language
        self.width = width
        self.page_height = page_height
        self.ink = ink

    @property
    def pad(self) -> int:
        """Inner padding of a card."""
        return self.t.px(14)

    def block(self, text: str, width: int, role: str = ROOM) -> txt.Block:
        """``text`` wrapped to ``width`` at its role's full size (never shrunk)."""
        return txt.layout(self.t, text, role, width)

    def text_cards(
        self,
        text: str,
        caption: str = "",
        fill: Color | None = None,
        colour: Color | None = None,
        key: str = "",
        indent: int = 0,
        marker: Callable[[pygame.Surface, tuple[int, int], int], None] | None = None,
    ) -> list[Piece]:
        """A card with an optional caption and ``text`` at room size; a text taller than a page is split at
        line breaks over several cards (continued on the next page), never cut."""
        t, pad = self.t, self.pad
        inner_w = self.width - 2 * pad - indent
        block = self.block(text, inner_w)
        cap = self.block(caption.upper(), inner_w, CAPTION) if caption else None
        cap_h = cap.height + t.px(8) if cap else 0
        room = self.page_height - 2 * pad - cap_h
        per_card = max(1, (room - block.font.get_height()) // block.line_h + 1)
        chunks = [block.lines[i : i + per_card] for i in range(0, len(block.lines), per_card)] or [[]]
        pieces: list[Piece] = []
        for number, lines in enumerate(chunks):
            part = txt.Block(lines, block.font, block.line_h, block.width, 0)
            part.height = block.line_h * (len(lines) - 1) + block.font.get_height() if lines else 0
            head = cap if number == 0 else None
            height = 2 * pad + (cap_h if head else 0) + part.height

            def paint(
                surface: pygame.Surface, rect: pygame.Rect, part: txt.Block = part, head: txt.Block | None = head
            ) -> None:
                draw.card(surface, t, rect, fill=fill)
                inner = rect.inflate(-2 * pad, -2 * pad)
                y = inner.y
                if head is not None:
                    y += self.ink.write(surface, head, (inner.x, y), t.colors.accent, inner, room=False) + t.px(8)
                if marker is not None:
                    marker(surface, (inner.x + indent // 2, y + part.font.get_height() // 2), indent)
                self.ink.write(surface, part, (inner.x + indent, y), colour or t.colors.text, inner)

            pieces.append(Piece(height, paint, key=key if number == 0 else f"{key}+{number}"))
        return pieces

    def heading(self, text: str, key: str = "") -> Piece:
        """A section heading in room size, kept on the page of what follows it."""
        block = self.block(text, self.width)
        colour = self.t.colors.accent

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            self.ink.write(surface, block, rect.topleft, colour, rect)

        return Piece(block.height, paint, key=key, keep_with_next=True)

    def badge(self, surface: pygame.Surface, number: int, x: int, y: int, colour: Color) -> int:
        """A round badge with a choice's number at the room's size; returns its diameter."""
        t = self.t
        block = self.block(str(number), self.width)
        size = block.font.get_height() + t.px(6)
        pygame.draw.circle(surface, colour, (x + size // 2, y + size // 2), size // 2)
        bounds = pygame.Rect(x, y, size, size)
        self.ink.write(
            surface, block, (x + (size - block.width) // 2, y + (size - block.height) // 2), t.colors.on_accent, bounds
        )
        return size

    def badge_size(self) -> int:
        """The diameter of a choice's number badge."""
        return int(self.t.font(ROOM).get_height() + self.t.px(2))

    def chip(self, surface: pygame.Surface, label: str, x: int, y: int, colour: Color, filled: bool = False) -> int:
        """A pill (the game's chip) with a room-size label; returns its right edge."""
        t = self.t
        width = draw.chip_width(t, label, ROOM)
        rect = pygame.Rect(x, y, width, self.chip_height())
        fg, bg = (t.colors.on_accent, colour) if filled else (colour, t.colors.panel)
        draw.chip(surface, t, rect, label, fg, bg, ROOM)
        if not filled:
            pygame.draw.rect(surface, colour, rect, width=max(2, t.px(2)), border_radius=rect.h // 2)
        font = t.font(ROOM)
        text_rect = pygame.Rect(0, 0, txt.width_of(font, label), font.get_height())
        text_rect.center = rect.center
        self.ink.written.append(Written(label, text_rect, font, True, rect.inflate(2, 2)))
        return rect.right + t.px(12)

    def chip_height(self) -> int:
        """The height of a chip."""
        return int(self.t.font(ROOM).get_height() + self.t.px(2))
