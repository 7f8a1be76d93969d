"""The projector screens of facilitated group play: discuss, vote, reveal, outcome and the group debrief.

Drawn with the game's own theme, text and drawing modules, and worded from the game's locale. Every text
the room reads is set at one large size (``pages.ROOM``) and a screen that holds more than fits gets more
pages; nothing relies on colour alone (numbers, words, arrows and stars carry the meaning).
"""

from __future__ import annotations

from typing import Protocol

import pygame

from game.core.debrief import Debrief, Decision, MetricChange, build_debrief
from game.core.format import format_delta
from game.locale import judged_change, phase_name, rating_title, style_name, tr_in
from game.training.facilitate_model import GroupPlay
from game.ui import draw
from game.ui import text as txt
from game.ui.facilitate import asking, results
from game.ui.facilitate.pages import CAPTION, ROOM, Ink, Piece, Sheet, Written, paginate, paint_page
from game.ui.theme import Color, Theme


def projector_theme(size: tuple[int, int]) -> Theme:
    """The game's theme at its largest text size, for a projector window of ``size``.

    The type follows the screen's height, which is what a reader at the back of the room sees: on a 4:3
    projector (1024x768) it is as large as on a 16:9 one of the same height, and the narrower lines give
    more pages rather than smaller text.
    """
    width, height = size
    return Theme((max(width, round(height * 16 / 9)), height), text_step=2)


class Aside(Protocol):
    """A column drawn beside the pages (for instance the phone-voting panel: QR code, address, room code)."""

    def width(self, theme: Theme, step: str) -> int:
        """How wide the column is on ``step`` (0: no column on that step)."""

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, step: str, ink: Ink) -> None:
        """Draw the column into ``rect`` (the full height of the page area), writing its texts in ``ink``."""


class View:
    """Draws a ``GroupPlay`` onto a surface, one page at a time; ``ink`` holds what the last frame wrote.

    ``aside`` (optional) gets a column at the right of every page of the steps it asks for; the pages
    narrow to make room for it.
    """

    def __init__(self, play: GroupPlay, theme: Theme, language: str, aside: Aside | None = None) -> None:
        self.play = play
        self.t = theme
        self.lang = language
        self.aside = aside
        self.page = 0
        self.page_count = 1
        self.summary_pages = 0  # at the debrief: how many pages its summary takes (the details follow)
        self.ink = Ink()
        self._shown: tuple[str, int] | None = None  # the step and turn the page number belongs to

    # -- frame ---------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the current page of the current step."""
        t, play = self.t, self.play
        self.ink = Ink()
        surface.fill(t.colors.bg)
        top = self.header(surface)
        w, h = surface.get_size()
        gap = t.px(12)
        column = self.aside.width(t, play.step) if self.aside is not None else 0
        column = column + t.px(16) if column > 0 else 0
        hint: txt.Block | None = None
        for lines in (1, 2):  # the key hints take a second line only on a screen too narrow for one
            footer = self.footer_height(lines)
            body = pygame.Rect(t.margin, top + t.px(14), w - 2 * t.margin - column, h - footer - top - t.px(26))
            sheet = Sheet(t, self.lang, body.width, body.height, self.ink)
            pages = paginate(self.pieces(sheet), body.height, gap)
            where = (play.step, play.session.turn)
            if where != self._shown:
                self._shown, self.page = where, 0
            if play.step == "vote":  # the page of the row being typed
                key = f"choice:{play.selected}"
                self.page = next((i for i, page in enumerate(pages) if any(p.key == key for p in page)), self.page)
            self.page_count = len(pages)
            starts = [i for i, page in enumerate(pages) if page and page[0].new_page]
            self.summary_pages = starts[0] if play.step == "debrief" and starts else 0
            self.page = max(0, min(self.page, self.page_count - 1))
            hint = self.hint_block(w - 2 * t.margin, lines)
            if hint is not None:
                break
        paint_page(surface, pages[self.page], body, gap)
        if self.aside is not None and column:
            self.aside.draw(
                surface,
                pygame.Rect(body.right + t.px(16), body.y, column - t.px(16), body.height),
                play.step,
                self.ink,
            )
        self.hints(surface, hint or txt.fit(t, self.hint_text(), "small", (w - 2 * t.margin, footer), "hints"))

    def pieces(self, sheet: Sheet) -> list[Piece]:
        """The content of the current step, in reading order."""
        step = self.play.step
        if step == "discuss":
            return asking.discuss(self, sheet)
        if step == "vote":
            return asking.vote(self, sheet)
        if step == "reveal":
            return results.reveal(self, sheet)
        if step == "outcome":
            return results.outcome(self, sheet)
        return results.debrief(self, sheet)

    def next_page(self) -> bool:
        """Turn to the next page of this step; False on the last page."""
        if self.page + 1 < self.page_count:
            self.page += 1
            return True
        return False

    def first_page(self) -> None:
        """Back to this step's first page (at the debrief: its summary)."""
        self.page = 0

    def previous_page(self) -> bool:
        """Turn back a page; False on the first."""
        if self.page > 0:
            self.page -= 1
            return True
        return False

    def say(self, key: str, **values: object) -> str:
        """A projector string in the room's language."""
        return tr_in(self.lang, key, **values)

    def header(self, surface: pygame.Surface) -> int:
        """The band along the top: the scenario, the steps, and the decision (or the debrief); returns its
        bottom. On the outcome it names the decision just played, not the one that follows."""
        t, play = self.t, self.play
        w = surface.get_width()
        margin = t.margin
        cap = t.font(CAPTION)
        line = t.font(ROOM)
        band = t.px(12) + cap.get_height() + t.px(4) + line.get_height() + t.px(12)
        pygame.draw.rect(surface, t.colors.accent, pygame.Rect(0, 0, w, band))
        chips_w = 0 if play.step == "debrief" else self.step_chips(surface, w - margin, t.px(12))
        title = txt.fit_line(t, play.scenario.title.upper(), CAPTION, w - 2 * margin - chips_w - t.px(16), "title")
        bounds = pygame.Rect(margin, t.px(12), w - 2 * margin - chips_w, cap.get_height())
        self.ink.write(surface, title, (margin, t.px(12)), t.colors.accent_soft, bounds, room=False)
        y = t.px(12) + cap.get_height() + t.px(4)
        clock = self.clock_text()
        clock_w = txt.width_of(line, clock) + t.px(24) if clock else 0
        room = pygame.Rect(margin, y, w - 2 * margin - clock_w, line.get_height())
        heading = txt.layout(t, self.subtitle(), ROOM, room.width)
        if len(heading.lines) > 1:  # a very long name: the next size down rather than a cut
            heading = txt.fit_line(t, self.subtitle(), ROOM, room.width, "decision")
        self.ink.write(surface, heading, room.topleft, t.colors.on_accent, room)
        if clock:
            block = txt.layout(t, clock, ROOM, clock_w)
            colour = t.colors.on_accent if (play.remaining() or 0) > 10 else t.colors.focus
            spot = pygame.Rect(w - margin - block.width, y, block.width, block.height)
            self.ink.write(surface, block, spot.topleft, colour, spot)
        return band

    def subtitle(self) -> str:
        """The decision on screen, as the header names it."""
        play = self.play
        if play.step == "debrief":
            return self.say("facilitate.debrief")
        if play.step == "outcome" and play.rounds:
            last = play.rounds[-1]
            return self.say("facilitate.decision", n=last.outcome.turn, phase=self.phase(last.scene.phase))
        scene = play.scene
        phase = self.phase(scene.phase) if scene else ""
        return self.say("facilitate.decision", n=play.session.turn + 1, phase=phase)

    def step_chips(self, surface: pygame.Surface, right: int, y: int) -> int:
        """The four steps as small pills, the current one filled; returns the width they take."""
        t = self.t
        x = right
        height = t.font(CAPTION).get_height() + t.px(4)
        for step in reversed(("discuss", "vote", "reveal", "outcome")):
            label = self.say(f"facilitate.step.{step}")
            width = draw.chip_width(t, label)
            x -= width
            rect = pygame.Rect(x, y, width, height)
            current = step == self.play.step
            fg, bg = (t.colors.on_accent, t.colors.highlight) if current else (t.colors.on_accent, t.colors.accent)
            draw.chip(surface, t, rect, label, fg, bg)
            if not current:
                pygame.draw.rect(surface, t.colors.on_accent, rect, width=max(1, t.px(1)), border_radius=height // 2)
            x -= t.px(8)
        return right - x

    def clock_text(self) -> str:
        """The discussion timer as the room sees it ("1:30", "Time's up"); empty without a countdown."""
        left = self.play.remaining()
        if self.play.step != "discuss" or left is None:
            return ""
        seconds = int(left + 0.999)
        return f"{seconds // 60}:{seconds % 60:02d}" if seconds else self.say("facilitate.time_up")

    def footer_height(self, lines: int = 1) -> int:
        """The height of the key hints along the bottom, on one line or two."""
        t = self.t
        return int(t.line_height("small") * (lines - 1) + t.font("small").get_height() + t.px(14))

    def hint_block(self, width: int, lines: int) -> txt.Block | None:
        """The key hints fitted into ``lines`` lines of ``width`` (shrunk a little if need be); None when
        they need more lines."""
        t = self.t
        box = (width, self.footer_height(lines) - t.px(14))
        if not txt.fits(t, self.hint_text(), "small", box):
            return None
        return txt.fit(t, self.hint_text(), "small", box, "hints")

    def hints(self, surface: pygame.Surface, block: txt.Block) -> None:
        """What the keys do now, along the bottom edge (for the facilitator)."""
        t = self.t
        w, h = surface.get_size()
        band = block.height + t.px(14)
        pygame.draw.rect(surface, t.colors.panel, pygame.Rect(0, h - band, w, band))
        pygame.draw.line(surface, t.colors.border, (0, h - band), (w, h - band), max(1, t.px(1)))
        rect = pygame.Rect(t.margin, h - band, w - 2 * t.margin, band)
        y = rect.y + (band - block.height) // 2
        txt.draw(surface, block, (rect.x, y), t.colors.muted, "center", rect.width)
        for number, line in enumerate(block.lines):  # noted line by line, each where it is centred
            line_w = txt.width_of(block.font, line)
            spot = pygame.Rect(
                rect.x + (rect.width - line_w) // 2, y + number * block.line_h, line_w, block.font.get_height()
            )
            self.ink.written.append(Written(line, spot, block.font, False, rect))

    def hint_text(self) -> str:
        """The key hints for the current step and page."""
        play, say = self.play, self.say
        parts: list[str] = []
        if self.page_count > 1:
            parts.append(say("facilitate.page", n=self.page + 1, total=self.page_count))
            if self.page + 1 < self.page_count and play.step != "vote":
                parts.append(say("facilitate.key.next_page"))
            if self.page:
                parts.append(say("facilitate.key.prev_page"))
        step = play.step
        last = self.page + 1 >= self.page_count
        if step == "discuss":
            if play.countdown > 0 and (play.timer_started is None or play.remaining() == 0):
                parts.append(say("facilitate.key.timer"))
            if last:
                parts.append(say("facilitate.key.to_votes"))
            parts.append(say("facilitate.key.quit"))
        elif step == "vote":
            keys = ("rows", "type", "adjust", "reveal", "to_discussion")
            parts += [say(f"facilitate.key.{k}") for k in keys]
        elif step == "reveal":
            if last and play.picked is not None:
                parts.append(say("facilitate.key.play"))
            pick = "facilitate.key.pick" if play.picked is not None else "facilitate.key.pick_tie"  # a tie: none yet
            parts += [say(pick, n=len(play.choices)), say("facilitate.key.change_votes")]
        elif step == "outcome" and last:
            parts.append(say("facilitate.key.to_debrief" if play.session.finished else "facilitate.key.next_decision"))
        elif step == "debrief":
            if self.page >= self.summary_pages > 0:
                parts.append(say("facilitate.key.summary"))
            parts.append(say("facilitate.key.quit"))
        return "  ·  ".join(parts)

    # -- names ---------------------------------------------------------------------------------------
    def phase(self, phase: str) -> str:
        """A decision point's name in the room's language (the locale's words)."""
        return phase_name(self.lang, phase)

    def style(self, style: str) -> str:
        """A style's name in the room's language (the locale's words)."""
        return style_name(self.lang, style)

    def rating(self, rating: str) -> str:
        """A rating as a heading in the room's language (the locale's words: it holds the rating's name)."""
        return rating_title(self.lang, rating)

    def debrief(self) -> Debrief:
        """What the group's playthrough meant so far (texts resolved to the variants shown)."""
        return build_debrief(self.play.session)

    def decision(self, index: int) -> Decision | None:
        """The debrief's account of the ``index``-th round played (None if the session has no such turn)."""
        decisions = self.debrief().decisions
        return decisions[index] if -len(decisions) <= index < len(decisions) else None

    def deltas(self, changes: tuple[MetricChange, ...]) -> list[tuple[str, bool, int]]:
        """('Revenue +3 % (worse)', good news?, direction) for every changed metric: the direction (1 up,
        -1 down) is drawn as an arrow, the word and the flag say whether it is good news for the metric (its
        ``better:`` honoured)."""
        out = []
        for change in changes:
            metric = self.play.scenario.metric(change.metric)
            if metric is not None and change.delta:
                amount = format_delta(change.delta, metric, self.lang, arrow=False)
                text = judged_change(self.lang, amount, metric, change.delta)
                out.append((f"{metric.label} {text}", change.improvement, 1 if change.delta > 0 else -1))
        return out

    def news_colour(self, good: bool) -> Color:
        """The colour of good or bad news (always with a word that says which)."""
        return self.t.colors.good if good else self.t.colors.bad
