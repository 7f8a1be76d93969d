"""The result screens of group play as page pieces: the vote reveal, the outcome of the played choice, and
the group debrief. Every choice is shown whole at the room's size; what does not fit goes on another page."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.debrief import changes_of
from game.core.format import format_value
from game.core.model import Choice
from game.locale import percent
from game.training.facilitate_model import percentages
from game.ui import draw
from game.ui.facilitate import summary
from game.ui.facilitate.pages import ROOM, Piece, Sheet, votes_phrase
from game.ui.theme import Color

if TYPE_CHECKING:
    from game.ui.facilitate.view import View

#: A chip on a vote row: its words, its colour, and whether it is filled.
Chip = tuple[str, Color, bool]


def share_text(view: View, n: int, share: int) -> str:
    """``5 votes · 63%`` (``5 votos · 63 %``): the count and its share, in the game's number format."""
    return view.say("facilitate.votes_share", votes=votes_phrase(view.lang, n), share=percent(view.lang, share / 100))


def flow(widths: list[int], width: int, gap: int) -> list[tuple[int, int]]:
    """Where items of ``widths`` go when they run left to right and wrap at ``width``: (x, line number)."""
    spots: list[tuple[int, int]] = []
    x = line = 0
    for w in widths:
        if x and x + w > width:
            x, line = 0, line + 1
        spots.append((x, line))
        x += w + gap
    return spots


def vote_row(
    view: View,
    sheet: Sheet,
    index: int,
    choice: Choice,
    n: int,
    share: int,
    chips: list[Chip],
    emphasis: bool = False,
    muted: bool = False,
) -> Piece:
    """A choice with its number and whole text, and below it a bar of its share, ``n votes · p %`` and chips."""
    t, pad = view.t, sheet.pad
    badge = sheet.badge_size()
    text_w = sheet.width - 2 * pad - badge - t.px(16)
    block = sheet.block(choice.text, text_w)
    label = sheet.block(share_text(view, n, share), text_w)
    line_h = sheet.chip_height()
    chip_ws = [_chip_width(sheet, words) for words, _c, _f in chips]
    gap = t.px(14)
    track_w = max(t.px(140), min(t.px(420), text_w - label.width - sum(chip_ws) - gap * (1 + len(chips))))
    spots = flow([track_w, label.width, *chip_ws], text_w, gap)
    bars_h = (spots[-1][1] + 1) * (line_h + t.px(4)) - t.px(4)
    height = 2 * pad + max(badge, block.height + t.px(6) + bars_h)

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        draw.card(surface, t, rect)
        if emphasis:
            pygame.draw.rect(surface, t.colors.highlight, rect, width=max(3, t.px(3)), border_radius=t.radius)
        inner = rect.inflate(-2 * pad, -2 * pad)
        sheet.badge(surface, index + 1, inner.x, inner.y, t.colors.muted if muted else t.colors.accent)
        x = inner.x + badge + t.px(16)
        colour = t.colors.muted if muted else t.colors.text
        sheet.ink.write(surface, block, (x, inner.y), colour, pygame.Rect(x, inner.y, text_w, inner.h))
        top = inner.y + block.height + t.px(6)
        for item, (dx, line) in enumerate(spots):
            y = top + line * (line_h + t.px(4))
            if item == 0:
                track = pygame.Rect(x + dx, y + line_h // 2 - t.px(12), track_w, t.px(24))
                pygame.draw.rect(surface, t.colors.border, track, border_radius=t.px(6))
                filled = track.copy()
                filled.width = round(track_w * share / 100)
                if filled.width:
                    bar = t.colors.highlight if emphasis else t.colors.accent
                    pygame.draw.rect(surface, bar, filled, border_radius=t.px(6))
            elif item == 1:
                spot = (x + dx, y + (line_h - label.height) // 2)
                sheet.ink.write(surface, label, spot, t.colors.text, pygame.Rect(x, top, text_w, inner.bottom - top))
            else:
                words, chip_colour, filled_chip = chips[item - 2]
                sheet.chip(surface, words, x + dx, y, chip_colour, filled_chip)

    return Piece(height, paint, key=f"choice:{index}")


def _chip_width(sheet: Sheet, words: str) -> int:
    return draw.chip_width(sheet.t, words, ROOM)


def chips_piece(sheet: Sheet, chips: list[Chip], key: str = "chips") -> Piece:
    """A line of chips (wrapping when they don't fit)."""
    t = sheet.t
    gap = t.px(12)
    spots = flow([_chip_width(sheet, words) for words, _c, _f in chips], sheet.width, gap)
    line_h = sheet.chip_height() + t.px(6)
    height = (spots[-1][1] + 1) * line_h if spots else 0

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        for (words, colour, filled), (dx, line) in zip(chips, spots, strict=True):
            sheet.chip(surface, words, rect.x + dx, rect.y + line * line_h, colour, filled)

    return Piece(height, paint, key=key)


def changes_piece(view: View, sheet: Sheet, lines: list[tuple[str, bool, int]], caption: str, key: str) -> Piece:
    """A card of judged changes, one a line with an arrow shape before it (``No change`` when there are none)."""
    t, pad = view.t, sheet.pad
    arrow = sheet.t.font("h2").get_height()
    inner_w = sheet.width - 2 * pad - arrow
    rows = lines or [(view.say("facilitate.no_change"), True, 0)]
    blocks = [sheet.block(text, inner_w) for text, _g, _d in rows]
    cap = sheet.block(caption.upper(), sheet.width - 2 * pad, "label")
    height = 2 * pad + cap.height + t.px(8) + sum(b.height + t.px(6) for b in blocks)

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        draw.card(surface, t, rect)
        inner = rect.inflate(-2 * pad, -2 * pad)
        y = inner.y + sheet.ink.write(surface, cap, inner.topleft, t.colors.accent, inner, room=False) + t.px(8)
        for block, (_text, good, direction) in zip(blocks, rows, strict=True):
            colour = view.news_colour(good) if direction else t.colors.muted
            centre = (inner.x + arrow // 2, y + block.font.get_height() // 2)
            if direction:
                draw.triangle(surface, centre, arrow // 2, direction > 0, colour)
            else:
                draw.dash(surface, centre, arrow // 2, colour)
            y += sheet.ink.write(surface, block, (inner.x + arrow, y), colour, inner) + t.px(6)

    return Piece(height, paint, key=key)


def reveal(view: View, sheet: Sheet) -> list[Piece]:
    """Every choice with its votes, its share, and the majority and the choice to be played marked in words."""
    t, play = view.t, view.play
    counts, shares, top = play.counts(), play.shares(), set(play.majority())
    pieces: list[Piece] = []
    if play.picked is None:
        note = view.say("facilitate.tie" if sum(counts.values()) else "facilitate.no_votes")
        pieces += sheet.text_cards(note, colour=t.colors.bad, key="note")
        pieces[0].running = len(pieces) == 1  # over the choices on every page: never a page of its own
    for i, choice in enumerate(play.choices):
        chips: list[Chip] = []
        if choice.id == play.picked:
            chips.append((view.say("facilitate.to_play"), t.colors.highlight, True))
        if choice.id in top:
            chips.append((view.say("facilitate.majority"), t.colors.accent, False))
        n, share = counts[choice.id], shares[choice.id]
        pieces.append(vote_row(view, sheet, i, choice, n, share, chips, choice.id == play.picked))
        pieces[-1].group = "choices"
    return pieces


def outcome(view: View, sheet: Sheet) -> list[Piece]:
    """What the played choice did: its style, the changes with arrows, rules that fired, the coach's note and,
    when the room missed it, the coach's choice."""
    t, play = view.t, view.play
    last = play.rounds[-1]
    choice = next(c for c in last.choices if c.id == last.picked)
    decision = view.decision(len(play.rounds) - 1)  # what the choice meant, texts as shown
    pieces = sheet.text_cards(decision.choice_text if decision else choice.text, view.say("facilitate.played"))
    chips: list[Chip] = [(view.style(choice.style), t.style_color(choice.style), True)]
    if choice.best:
        chips.append((view.say("facilitate.coach_best"), t.colors.good, True))
    if last.overruled and last.majority:
        chips.append((view.say("facilitate.overruled"), t.colors.highlight, False))
    pieces.append(chips_piece(sheet, chips))
    changes = decision.changes if decision else changes_of(play.scenario, last.outcome.total_deltas)
    pieces.append(changes_piece(view, sheet, view.deltas(changes), view.say("facilitate.did"), "changes"))
    for number, text in enumerate(t for t in (decision.events if decision else ()) if t):
        pieces += sheet.text_cards(text, view.say("facilitate.events") if number == 0 else "", key=f"event:{number}")
    note = decision.coach_note if decision else choice.feedback
    if note:
        pieces += sheet.text_cards(note, view.say("facilitate.coach"), fill=t.colors.accent_soft, key="coach")
    strongest = decision.strongest if decision else None
    if strongest is not None and not choice.best:
        pieces += sheet.text_cards(strongest.text, view.say("facilitate.not_best"), key="strongest")
    return pieces


def debrief(view: View, sheet: Sheet) -> list[Piece]:
    """The summary (see ``summary``), then from a new page the details: the ending, where every metric
    ended, then every decision: the votes beside each choice, the one played and the coach's marked, and
    what it did."""
    first = summary.pieces(view, sheet)
    details = debrief_details(view, sheet)
    if details:
        details[0].new_page = True
    return first + details


def debrief_details(view: View, sheet: Sheet) -> list[Piece]:
    """The debrief's detail pages, as ``debrief`` describes them."""
    t, play = view.t, view.play
    result = view.debrief()  # the ending's title and text as shown (variants resolved in the final state)
    pieces: list[Piece] = []
    ending = play.session.ending
    if ending is not None:
        pieces.append(sheet.heading(view.say("facilitate.ending", title=result.ending_title), key="ending"))
        pieces.append(chips_piece(sheet, [(view.rating(ending.rating), t.colors.accent, True)], key="rating"))
        pieces += sheet.text_cards(result.ending_text, fill=t.colors.accent_soft, key="ending_text")
    lines = []
    totals = {c.metric: c for c in result.totals}
    for metric in play.scenario.metrics:
        began = format_value(result.start_metrics.get(metric.id, metric.start), metric, view.lang)
        end = format_value(result.final_metrics.get(metric.id, metric.start), metric, view.lang)
        text = view.say("facilitate.from_to", label=metric.label, start=began, end=end)
        change = totals.get(metric.id)
        judged = view.deltas((change,)) if change is not None else []
        if judged:
            words, good, direction = judged[0]
            lines.append((f"{text} · {words[len(metric.label) + 1 :]}", good, direction))
        else:
            lines.append((text, True, 0))
    if lines:
        pieces.append(changes_piece(view, sheet, lines, view.say("facilitate.metrics"), "metrics"))
    decisions = result.decisions
    for number, rnd in enumerate(play.rounds, 1):
        decision = decisions[number - 1] if number <= len(decisions) else None
        start = len(pieces)
        head = view.say("facilitate.decision", n=number, phase=view.phase(rnd.scene.phase))
        pieces.append(sheet.heading(head, key=f"decision:{number}"))
        shares = percentages(rnd.votes)
        top = set(rnd.majority)
        for i, choice in enumerate(rnd.choices):
            played = choice.id == rnd.picked
            chips: list[Chip] = []
            if played:
                chips.append((view.style(choice.style), t.style_color(choice.style), True))
            if choice.best:
                chips.append((view.say("facilitate.coach_best"), t.colors.good, not played))
            if choice.id in top and not played:
                chips.append((view.say("facilitate.majority"), t.colors.accent, False))
            n = rnd.votes.get(choice.id, 0)
            pieces.append(vote_row(view, sheet, i, choice, n, shares.get(choice.id, 0), chips, played, not played))
        changes = decision.changes if decision else changes_of(play.scenario, rnd.outcome.total_deltas)
        pieces.append(changes_piece(view, sheet, view.deltas(changes), view.say("facilitate.did"), f"did:{number}"))
        for piece in pieces[start:]:
            piece.group = f"decision:{number}"  # a decision on one page whenever it fits
    return pieces
