"""The first two screens of a decision as page pieces: the discussion (the scene, the question for the room and
every choice) and the vote (every choice with the box its count is typed into)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.model import Choice
from game.core.variants import shown_scene
from game.training.facilitate_model import TYPED
from game.ui import draw
from game.ui import text as txt
from game.ui.facilitate.pages import CAPTION, ROOM, Piece, Sheet, votes_phrase

if TYPE_CHECKING:
    from game.ui.facilitate.view import View


def discuss(view: View, sheet: Sheet) -> list[Piece]:
    """The scene, the question for the room, then every choice with its number."""
    play = view.play
    scene = shown_scene(play.session)  # the scene's text as it applies now (variants resolved)
    assert scene is not None
    speaker = play.scenario.character(scene.speaker)
    who = f"{speaker.name} · {speaker.role}" if speaker is not None else ""
    pieces = sheet.text_cards(scene.text, caption=who, key="scene")
    question = play.reflection() or view.say("facilitate.no_question")
    pieces += sheet.text_cards(
        question, caption=view.say("facilitate.question"), fill=view.t.colors.accent_soft, key="question"
    )
    rows = [choice_row(view, sheet, i, c) for i, c in enumerate(play.choices)]
    for row in rows:
        row.group = "choices"  # the room sees the choices together whenever they fit on one page
    return pieces + rows


def vote(view: View, sheet: Sheet) -> list[Piece]:
    """The total so far (at the top of every page when the rows take more than one), then every choice with
    the box its typed count goes into and, while phones (or any other source) vote, what they added beside it."""
    play = view.play
    total = sum(play.counts().values())
    heading = votes_phrase(view.lang, total)
    others = fed_votes(view)
    if others is not None:
        heading = view.say("facilitate.votes_with_phones", votes=heading, n=sum(others.values()))
    pieces = [sheet.heading(heading, key="total")]
    pieces[0].running = True  # the total stays in sight on every page of rows
    right = view.t.px(170) + (phone_width(view) + view.t.px(16) if others is not None else 0)
    for i, choice in enumerate(play.choices):
        pieces.append(choice_row(view, sheet, i, choice, right=right, selected=i == play.selected))
    return pieces


def fed_votes(view: View) -> dict[str, int] | None:
    """The votes of every source but the typed one, per choice id (None when only typed votes count)."""
    play = view.play
    if play.phone_votes is None and not play.sources:
        return None
    return play.counts_except(TYPED)


def phone_width(view: View) -> int:
    """The width of the column beside a vote box that shows what the phones added."""
    t = view.t
    caption = txt.width_of(t.font(CAPTION), view.say("facilitate.from_phones").upper())
    return max(caption, txt.width_of(t.font(ROOM), "+8888"))


def choice_row(view: View, sheet: Sheet, index: int, choice: Choice, right: int = 0, selected: bool = False) -> Piece:
    """A card with a choice's number and its whole text at room size (and the vote box when ``right``)."""
    t, pad = view.t, sheet.pad
    badge = sheet.badge_size()
    text_w = sheet.width - 2 * pad - badge - t.px(16) - (right + t.px(16) if right else 0)
    block = sheet.block(choice.text, text_w)
    box_h = t.font("h1").get_height() + t.px(8) if right else 0
    if right > t.px(170):  # the phones' column: a caption over a room-size count
        box_h = max(box_h, t.font(CAPTION).get_height() + t.px(4) + t.font(ROOM).get_height())
    height = max(badge, block.height, box_h) + 2 * pad

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        draw.card(surface, t, rect, border=t.colors.highlight if selected else None)
        if selected:
            pygame.draw.rect(surface, t.colors.highlight, rect, width=max(3, t.px(3)), border_radius=t.radius)
        inner = rect.inflate(-2 * pad, -2 * pad)
        top = inner.y + max(0, (inner.h - block.height) // 2)  # beside the taller vote box: centred
        sheet.badge(
            surface, index + 1, inner.x, max(inner.y, top - (badge - block.font.get_height()) // 2), t.colors.accent
        )
        x = inner.x + badge + t.px(16)
        sheet.ink.write(surface, block, (x, top), t.colors.text, pygame.Rect(x, inner.y, text_w, inner.h))
        if right:
            box_w = t.px(170)
            box = pygame.Rect(inner.right - box_w, inner.y, box_w, inner.h)
            count_box(view, sheet, surface, choice, box, selected)
            if right > box_w:
                column = pygame.Rect(inner.right - right, inner.y, right - box_w - t.px(16), inner.h)
                phone_count(view, sheet, surface, choice, column)

    return Piece(height, paint, key=f"choice:{index}")


def count_box(
    view: View, sheet: Sheet, surface: pygame.Surface, choice: Choice, box: pygame.Rect, selected: bool
) -> None:
    """The votes typed for ``choice`` (the trainer's count of hands), with a cursor when selected."""
    t, play = view.t, view.play
    pygame.draw.rect(surface, t.colors.bg, box, border_radius=t.px(10))
    edge = t.colors.highlight if selected else t.colors.border
    pygame.draw.rect(surface, edge, box, max(2, t.px(3 if selected else 1)), border_radius=t.px(10))
    n = int(play.typed.get(choice.id) or 0)
    block = txt.layout(t, str(n), "h1", box.width)
    spot = pygame.Rect(0, 0, block.width, block.height)
    spot.center = box.center
    sheet.ink.write(surface, block, spot.topleft, t.colors.text if n else t.colors.muted, box)
    if selected:  # a typing cursor
        x = spot.right + t.px(4)
        pygame.draw.line(surface, t.colors.highlight, (x, spot.top + t.px(6)), (x, spot.bottom - t.px(6)), 3)


def phone_count(view: View, sheet: Sheet, surface: pygame.Surface, choice: Choice, column: pygame.Rect) -> None:
    """What the phones (and any other source) added to ``choice``: a caption over ``+n``, centred in ``column``."""
    t = view.t
    others = fed_votes(view) or {}
    n = others.get(choice.id, 0)
    caption = txt.layout(t, view.say("facilitate.from_phones").upper(), CAPTION, column.width)
    count = txt.layout(t, f"+{n}", ROOM, column.width)
    top = column.y + max(0, (column.h - caption.height - t.px(4) - count.height) // 2)
    spot = (column.centerx - caption.width // 2, top)
    sheet.ink.write(surface, caption, spot, t.colors.muted, column, room=False)
    spot = (column.centerx - count.width // 2, top + caption.height + t.px(4))
    sheet.ink.write(surface, count, spot, t.colors.accent if n else t.colors.muted, column)
