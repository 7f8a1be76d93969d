"""The first page of the group debrief: the ending, then one cell per decision with the choice the room
played (its style), the share of the room's votes it had and a star when it was the coach's strongest
choice. The details of every decision follow on the debrief's next pages; a long scenario's summary still
fits on one page (cells side by side when the screen is wide enough) and gets more pages only if it must."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.core.model import Choice
from game.locale import percent, plural
from game.training.facilitate_model import percentages
from game.ui import draw
from game.ui.facilitate.pages import ROOM, Piece, Sheet
from game.ui.theme import Color

if TYPE_CHECKING:
    from game.ui.facilitate.view import View

#: An item on a summary line: what it is (``text``, ``chip`` or ``star``), its words, colour, filled or not.
Item = tuple[str, str, Color, bool]


@dataclass(frozen=True)
class Line:
    """One decision as the summary shows it."""

    number: int  # 1 for the first decision
    phase: str
    choice: Choice  # the choice the room played
    votes: int  # the votes it had
    share: int  # its share of the room's votes, in whole percent
    strongest: bool | None  # it was the coach's strongest choice (None: the scene marks none)


def lines(view: View) -> list[Line]:
    """Every decision the room took, in order: what it played, its share of the votes, whether it was the
    strongest."""
    play = view.play
    decisions = view.debrief().decisions
    out: list[Line] = []
    for number, rnd in enumerate(play.rounds, 1):
        choice = next(c for c in rnd.choices if c.id == rnd.picked)
        decision = decisions[number - 1] if number <= len(decisions) else None
        if decision is not None:
            strongest = decision.chose_strongest if decision.strongest is not None else None
        else:
            strongest = choice.best if any(c.best for c in rnd.choices) else None
        share = percentages(rnd.votes).get(choice.id, 0)
        out.append(Line(number, rnd.scene.phase, choice, rnd.votes.get(choice.id, 0), share, strongest))
    return out


def pieces(view: View, sheet: Sheet) -> list[Piece]:
    """The summary: the ending and its rating, a heading with the legend of the star, then the cells."""
    t, play = view.t, view.play
    result: list[Piece] = []
    ending = play.session.ending
    if ending is not None:
        title = view.say("facilitate.ending", title=view.debrief().ending_title)
        items: list[Item] = [("text", title, t.colors.accent, False)]
        items.append(("chip", view.rating(ending.rating), t.colors.accent, True))
        result.append(line_piece(sheet, items, key="summary:ending"))
    rows = lines(view)
    heading = view.say("facilitate.summary", decisions=plural(view.lang, len(rows), "count.decisions"))
    legend: list[Item] = [("text", heading, t.colors.accent, False)]
    if any(row.strongest is not None for row in rows):
        legend += [("star", "", t.colors.good, True), ("text", view.say("facilitate.coach_best"), t.colors.text, False)]
    result.append(line_piece(sheet, legend, key="summary:heading"))
    result += grid(view, sheet, rows)
    for piece in result:
        piece.group = "summary"  # on one page whenever it fits
    return result


def cell_items(view: View, row: Line) -> list[Item]:
    """A decision's cell after its number: the style of the choice played, its share, the star."""
    t = view.t
    items: list[Item] = [("chip", view.style(row.choice.style), t.style_color(row.choice.style), True)]
    items.append(("text", percent(view.lang, row.share / 100), t.colors.text, False))
    if row.strongest:
        items.append(("star", "", t.colors.good, True))
    return items


def grid(view: View, sheet: Sheet, rows: list[Line]) -> list[Piece]:
    """The decisions' cells, as many side by side as fit on one line each (at most three), a piece a row."""
    t = view.t
    gap = t.px(28)
    badge = sheet.badge_size()
    needs = [badge + t.px(12) + _width(sheet, cell_items(view, row), t.px(12)) for row in rows]
    widest = max(needs, default=0)
    columns = max(1, min(3, (sheet.width + gap) // (widest + gap) if widest else 1))
    cell_w = (sheet.width - gap * (columns - 1)) // columns
    out: list[Piece] = []
    for start in range(0, len(rows), columns):
        chunk = rows[start : start + columns]
        laid = [(row, _layout(sheet, cell_items(view, row), cell_w - badge - t.px(12))) for row in chunk]
        height = max(max(badge, h) for _row, (_spots, h) in laid)

        def paint(
            surface: pygame.Surface,
            rect: pygame.Rect,
            laid: list[tuple[Line, tuple[list[tuple[int, int]], int]]] = laid,
        ) -> None:
            for column, (row, (spots, _h)) in enumerate(laid):
                x = rect.x + column * (cell_w + gap)
                sheet.badge(surface, row.number, x, rect.y, t.colors.accent)
                inner = pygame.Rect(x + badge + t.px(12), rect.y, cell_w - badge - t.px(12), rect.h)
                _paint_items(sheet, surface, cell_items(view, row), spots, inner)

        out.append(Piece(height, paint, key=f"summary:{chunk[0].number}"))
    return out


def line_piece(sheet: Sheet, items: list[Item], key: str) -> Piece:
    """Items running left to right across the page, wrapping when they don't fit on one line."""
    spots, height = _layout(sheet, items, sheet.width)

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        _paint_items(sheet, surface, items, spots, rect)

    return Piece(height, paint, key=key)


def _size(sheet: Sheet, item: Item, width: int) -> tuple[int, int]:
    kind, words, _colour, _filled = item
    t = sheet.t
    if kind == "chip":
        return draw.chip_width(t, words, ROOM), sheet.chip_height()
    if kind == "star":
        size = t.font(ROOM).get_height()
        return size, size
    block = sheet.block(words, width)
    return block.width, block.height


def _width(sheet: Sheet, items: list[Item], gap: int) -> int:
    """The width of ``items`` on one line."""
    sizes = [_size(sheet, item, 10**6)[0] for item in items]
    return sum(sizes) + gap * max(0, len(sizes) - 1)


def _layout(sheet: Sheet, items: list[Item], width: int) -> tuple[list[tuple[int, int]], int]:
    """Where each item goes in a box ``width`` wide, (x, y), and the height they take."""
    t = sheet.t
    gap = t.px(12)
    spots: list[tuple[int, int]] = []
    x = y = line_h = 0
    for item in items:
        w, h = _size(sheet, item, width)
        if x and x + w > width:
            x, y, line_h = 0, y + line_h + t.px(6), 0
        spots.append((x, y))
        x += w + gap
        line_h = max(line_h, h)
    return spots, y + line_h


def _paint_items(
    sheet: Sheet, surface: pygame.Surface, items: list[Item], spots: list[tuple[int, int]], box: pygame.Rect
) -> None:
    t = sheet.t
    line = sheet.chip_height()
    for item, (dx, dy) in zip(items, spots, strict=True):
        kind, words, colour, filled = item
        x, y = box.x + dx, box.y + dy
        if kind == "chip":
            sheet.chip(surface, words, x, y, colour, filled)
        elif kind == "star":
            size = t.font(ROOM).get_height()
            draw.star(surface, (x + size // 2, y + line // 2), size, colour, filled)
        else:
            block = sheet.block(words, box.width)
            top = y + max(0, (line - block.font.get_height()) // 2)
            sheet.ink.write(surface, block, (x, top), colour, box.inflate(0, t.px(8)))
