"""The first two screens of a decision as page pieces: the discussion (the scene, the question for the room and
every choice) and the vote (every choice with the box its count is typed into)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.model import Choice
from game.core.variants import shown_scene
from game.ui import draw
from game.ui import text as txt
from game.ui.facilitate.pages import Piece, Sheet, votes_phrase

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
    """The total so far, then every choice with the box its count is typed into."""
    play = view.play
    total = sum(play.counts().values())
    pieces = [sheet.heading(votes_phrase(view.lang, total), key="total")]
    box_w = view.t.px(170)
    for i, choice in enumerate(play.choices):
        pieces.append(choice_row(view, sheet, i, choice, right=box_w, selected=i == play.selected))
    return pieces


def choice_row(view: View, sheet: Sheet, index: int, choice: Choice, right: int = 0, selected: bool = False) -> Piece:
    """A card with a choice's number and its whole text at room size (and the vote box when ``right``)."""
    t, pad = view.t, sheet.pad
    badge = sheet.badge_size()
    text_w = sheet.width - 2 * pad - badge - t.px(16) - (right + t.px(16) if right else 0)
    block = sheet.block(choice.text, text_w)
    box_h = t.font("h1").get_height() + t.px(8) if right else 0
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
            box = pygame.Rect(inner.right - right, inner.y, right, inner.h)
            count_box(view, sheet, surface, choice, box, selected)

    return Piece(height, paint, key=f"choice:{index}")


def count_box(
    view: View, sheet: Sheet, surface: pygame.Surface, choice: Choice, box: pygame.Rect, selected: bool
) -> None:
    """The votes counted for ``choice`` (typed and from any other source), with a cursor when selected."""
    t, play = view.t, view.play
    pygame.draw.rect(surface, t.colors.bg, box, border_radius=t.px(10))
    edge = t.colors.highlight if selected else t.colors.border
    pygame.draw.rect(surface, edge, box, max(2, t.px(3 if selected else 1)), border_radius=t.px(10))
    n = play.counts().get(choice.id, 0)
    block = txt.layout(t, str(n), "h1", box.width)
    spot = pygame.Rect(0, 0, block.width, block.height)
    spot.center = box.center
    sheet.ink.write(surface, block, spot.topleft, t.colors.text if n else t.colors.muted, box)
    if selected:  # a typing cursor
        x = spot.right + t.px(4)
        pygame.draw.line(surface, t.colors.highlight, (x, spot.top + t.px(6)), (x, spot.bottom - t.px(6)), 3)
