"""The debrief: an overview (ending, scores per decision point and overall with pass or fail, metrics chart,
assertiveness profile), then a page for every decision, grouped by phase (what the learner chose and its
style, what it did, the coach's note, the strongest choice and why, its model line and technique), and a last
page that asks for one commitment. Any decision can be replayed from its page.

Every meaning comes from the core's debrief model (``game.core.debrief``); this screen lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.core.debrief import Debrief, Decision, build_debrief
from game.core.model import DECISION_PHASES, PHASES, STYLES
from game.core.variants import shown_ending
from game.locale import tr
from game.training.record_types import COMMITMENT_MAX
from game.ui import charts, draw, hud, widgets
from game.ui import input as inp
from game.ui import text as txt
from game.ui.focus import Item
from game.ui.screen_results import Back, OpenPicker, ReplayFrom, ToTitle, TryAgain
from game.ui.screens.base import Host, Screen
from game.ui.screens.debrief_view import decision_cards, score_line
from game.ui.screens.ending import stars_for
from game.ui.scroll import Scroller
from game.ui.sections import Section, stack_height
from game.ui.textfield import TextField

if TYPE_CHECKING:
    from game.ui.playthrough import Playthrough

OVERVIEW, COMMITMENT = "overview", "commitment"


@dataclass
class Page:
    """A debrief page: the overview, a decision, a decision point not reached, or the commitment."""

    key: str
    group: int  # which tab it belongs to
    phase: str = ""
    decision: Decision | None = None
    index: int = 0  # its number within its phase (1-based) and how many the phase has
    count: int = 0

    @property
    def turn(self) -> int:
        """How many choices came before this decision (where "replay from here" rewinds to); -1 for none."""
        return self.decision.turn - 1 if self.decision is not None else -1


def pages_for(model: Debrief) -> tuple[list[Page], list[str]]:
    """The pages in order and the tab labels: the overview, every decision grouped by phase in the order of the
    story (a decision point not reached gets a page saying so), then the commitment."""
    pages = [Page(OVERVIEW, 0)]
    tabs = [tr("debrief.overview")]
    played = {p.phase: p.decisions for p in model.phases}
    for phase in PHASES:
        decisions = played.get(phase, ())
        if not decisions and phase not in DECISION_PHASES:
            continue
        group = len(tabs)
        tabs.append(tr(f"phase_short.{phase}") + (f" ({len(decisions)})" if len(decisions) > 1 else ""))
        if not decisions:
            pages.append(Page(f"{phase}:none", group, phase))
        for n, decision in enumerate(decisions, 1):
            pages.append(Page(f"{phase}:{n}", group, phase, decision, n, len(decisions)))
    pages.append(Page(COMMITMENT, len(tabs)))
    tabs.append(tr("debrief.commitment_tab"))
    return pages, tabs


class DebriefScreen(Screen):
    """What each decision asked of the learner, and what they take away."""

    name = "debrief"

    def __init__(self, app: Host, page: int = 0) -> None:
        super().__init__(app)
        self.page = page
        self.scroller = Scroller()
        self.cards: list[Section] = []  # the decision page's cards as last drawn, left column first
        self.field = TextField(self.pt.commitment, COMMITMENT_MAX, self.keep_commitment)
        self.kept = bool(self.pt.commitment)

    @property
    def pt(self) -> Playthrough:
        """The finished playthrough."""
        assert self.app.playthrough is not None
        return self.app.playthrough

    @property
    def model(self) -> Debrief:
        """What the playthrough meant (built once per layout)."""
        return self._model

    @property
    def pages_count(self) -> int:
        """How many pages there are."""
        return len(self.pages)

    def layout(self) -> None:
        t = self.theme
        w, h = self.size
        m = t.margin
        self._model = build_debrief(self.pt.session)
        self.pages, labels = pages_for(self._model)
        self.page = max(0, min(self.page, len(self.pages) - 1))
        current = self.pages[self.page]
        self.title_rect = pygame.Rect(m, t.px(16), w - 2 * m, t.line_height("h1"))
        tab_y = self.title_rect.bottom + t.px(8)
        tab_h = t.px(46)
        font = t.font("label")
        widths = [font.size(label)[0] + t.px(36) for label in labels]
        scale = min(1.0, (w - 2 * m - t.px(8) * (len(widths) - 1)) / max(1, sum(widths)))
        x = m
        items: list[Item] = []
        self.tabs: list[tuple[str, pygame.Rect]] = []
        for group, (label, width) in enumerate(zip(labels, widths, strict=True)):
            rect = pygame.Rect(x, tab_y, int(width * scale), tab_h)
            self.tabs.append((label, rect))
            first = next(i for i, p in enumerate(self.pages) if p.group == group)
            items.append(Item(f"tab:{group}", rect, partial(self.show, first), True, group + 1 if group < 9 else 0))
            x = rect.right + t.px(8)
        buttons = []
        if current.key == COMMITMENT:
            buttons.append(("keep", tr("commitment.save"), "check", self.keep_from_button))
        if current.turn >= 0:
            turn = current.turn
            buttons.append(("replay", tr("debrief.replay"), "undo", lambda: self.finish(ReplayFrom(turn))))
        buttons += [
            ("again", tr("debrief.again"), "restart", lambda: self.finish(TryAgain())),
            ("other", tr("debrief.other"), "book", lambda: self.finish(OpenPicker())),
            ("title", tr("debrief.title_screen"), "arrow_left", lambda: self.finish(ToTitle())),
        ]
        area = pygame.Rect(m, 0, w - 2 * m, h - t.footer)  # one row along the bottom, two when labels need it
        rects = widgets.button_grid(t, area, [label for _key, label, _icon, _action in buttons], t.px(56), t.gap)
        self.buttons_y = rects[0].y
        self.body = pygame.Rect(m, tab_y + tab_h + t.gap, w - 2 * m, self.buttons_y - t.gap - tab_y - tab_h - t.gap)
        self.buttons = []
        for (key, label, icon, action), rect in zip(buttons, rects, strict=True):
            self.buttons.append((key, label, icon, rect))
            items.append(Item(key, rect, action))
        if current.key == COMMITMENT:
            self._layout_commitment(items)
        elif self.field.active:
            self.field.stop()
        self.focus.set_items(items, f"tab:{current.group}")

    # -- the commitment page ---------------------------------------------------------------------------
    def _layout_commitment(self, items: list[Item]) -> None:
        t = self.theme
        body = self.body
        width = min(body.w, t.px(900))
        self.commit_box = pygame.Rect(body.x + (body.w - width) // 2, body.y, width, body.h)
        heading_h = t.line_height("h2") + t.px(8)
        prompt = txt.layout(t, tr("commitment.prompt"), "body", width)
        top = body.y + heading_h + prompt.height + t.px(14)
        field_h = min(self.field.measure(t, width), max(t.px(60), body.bottom - top - t.line_height("small") * 3))
        self.field_rect = pygame.Rect(self.commit_box.x, top, width, field_h)
        items.append(Item("field", self.field_rect, self.edit))

    def edit(self) -> None:
        """Put the keyboard in the commitment field."""
        self.focus.focus("field")
        if not self.field.active:
            self.field.start(self.field_rect)
        self.app.invalidate()

    def keep_commitment(self, text: str) -> None:
        """Enter in the field, or the button: keep the commitment in the playthrough and its record."""
        self.pt.commit(text)
        self.field.text = self.pt.commitment
        self.kept = True
        if self.field.active:
            self.field.stop()
        self.focus.focus("keep")
        self.changed()

    def keep_from_button(self) -> None:
        """The "keep" button."""
        self.keep_commitment(self.field.text)

    def takes_text(self, event: pygame.event.Event) -> bool:
        """True when the commitment field has the keyboard and wants this event (see ``App.handle_event``)."""
        return self.field.takes(event) and self.focus.focused_id == "field"

    def text_event(self, event: pygame.event.Event) -> None:
        """A typed character, an input method's composition, Backspace or Enter, for the field."""
        if self.field.handle(event) and self.kept and self.field.text != self.pt.commitment:
            self.kept = False

    # -- navigation ------------------------------------------------------------------------------------
    def show(self, index: int) -> None:
        """Switch to a page; the focus goes to its tab."""
        index %= len(self.pages)
        if index != self.page:
            self.scroller = Scroller()
            self.changed()
        self.page = index
        self.relayout()
        self.focus.focus(f"tab:{self.pages[index].group}")

    def handle(self, action: inp.Action) -> None:
        step = self.theme.px(70)
        kind = action.kind
        if self.field.active and kind in (inp.BACK, inp.NEXT, inp.PREV, inp.UP, inp.DOWN):
            self.field.stop()  # Esc, Tab or an arrow leave the field (the text stays, not yet kept)
            if kind == inp.BACK:
                self.focus.focus("keep")
                return
        if kind == inp.SCROLL and self.scroller.by(-action.value * step):
            return
        if kind == inp.PAGE and self.scroller.by(action.value * self.scroller.view.h * 3 // 4):
            return
        if kind in (inp.UP, inp.DOWN) and self.scroller.by(step if kind == inp.DOWN else -step):
            return
        if kind == inp.PAGE:
            self.show(self.page + action.value)
            return
        focused = self.focus.focused_id or ""
        if kind in (inp.LEFT, inp.RIGHT) and (focused.startswith("tab:") or focused == ""):
            self.show(self.page + (1 if kind == inp.RIGHT else -1))
            return
        if kind == inp.CLICK and self.field.active and not self.field_rect.collidepoint(action.pos):
            self.field.stop()
        super().handle(action)

    def hint(self) -> str:
        if self.field.active:
            return tr("commitment.hint")
        return tr("hint.debrief")

    def back(self) -> bool:
        self.finish(Back())
        return True

    # -- drawing ---------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        widgets.screen_background(surface, t)
        title = f"{tr('debrief.title')} · {self.pt.scenario.title}"
        txt.draw_line(surface, t, title, "h1", self.title_rect, c.text, what="debrief title")
        current = self.pages[self.page]
        for group, (label, rect) in enumerate(self.tabs):
            chosen = group == current.group
            fill = c.accent if chosen else c.panel
            draw.card(surface, t, rect, fill=fill, elevation=0.4, radius=t.px(10))
            txt.draw_line(
                surface,
                t,
                label,
                "label",
                rect.inflate(-t.px(12), 0),
                c.on_accent if chosen else c.text,
                "center",
                "debrief tab",
            )
            if self.is_focused(f"tab:{group}"):
                draw.focus_ring(surface, t, rect, t.px(10))
        if current.key == OVERVIEW:
            self._overview(surface)
        elif current.key == COMMITMENT:
            self._commitment(surface)
        else:
            self._decision(surface, current)
        for key, label, icon, rect in self.buttons:
            primary = key == ("keep" if current.key == COMMITMENT else "replay")
            widgets.button(surface, t, rect, label, self.is_focused(key), primary=primary, icon_name=icon)

    def _commitment(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        box = self.commit_box
        heading_h = t.line_height("h2")
        txt.draw_line(
            surface,
            t,
            tr("commitment.heading"),
            "h2",
            pygame.Rect(box.x, box.y, box.w, heading_h),
            c.text,
            what="commitment heading",
        )
        y = box.y + heading_h + t.px(8)
        y += txt.draw(surface, txt.layout(t, tr("commitment.prompt"), "body", box.w), (box.x, y), c.text)
        focused = self.is_focused("field")
        self.field.draw(surface, t, self.field_rect, tr("commitment.placeholder"), focused)
        if self.kept and self.pt.commitment:
            note = pygame.Rect(box.x, self.field_rect.bottom + t.px(10), box.w, self.buttons_y - self.field_rect.bottom)
            txt.draw_fitted(
                surface,
                t,
                tr("commitment.saved"),
                "small",
                note,
                c.good if not t.high_contrast else c.text,
                what="commitment saved",
            )

    def _overview(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        ending = shown_ending(self.pt.session)
        body = self.body
        head_h = t.px(44)
        if ending is not None:
            star = t.px(28)
            for i in range(5):
                draw.star(
                    surface,
                    (body.x + star // 2 + i * (star + t.px(4)), body.y + head_h // 2),
                    star,
                    c.highlight,
                    i < stars_for(ending.rating),
                )
            x = body.x + 5 * (star + t.px(4)) + t.px(12)
            label = f"{tr('rating.' + ending.rating)}: {ending.title}"
            txt.draw_line(
                surface, t, label, "h3", pygame.Rect(x, body.y, body.right - x, head_h), c.text, what="debrief ending"
            )
        score_h = t.line_height("body")
        verdict = self.model.success if self.model.overall_score is not None else None
        color = c.text if verdict is None else c.good if verdict else c.bad
        txt.draw_line(
            surface,
            t,
            score_line(self.model),
            "body",
            pygame.Rect(body.x, body.y + head_h, body.w, score_h),
            color if not t.high_contrast else c.text,
            what="debrief scores",
        )
        top = body.y + head_h + score_h + t.px(10)
        area = pygame.Rect(body.x, top, body.w, body.bottom - top)
        left_w = self._chart_width(area)
        if left_w:  # side by side: the chart and its legend fit beside the profile
            self.scroller.set(area, 0)
            left = pygame.Rect(area.x, area.y, left_w, area.h)
            right = pygame.Rect(left.right + t.gap, area.y, area.right - left.right - t.gap, area.h)
            self._overview_card(surface, left, tr("debrief.chart"), tr("debrief.chart_note"), True)
            self._overview_card(surface, right, tr("debrief.profile"), tr("debrief.profile_note"), False)
            return
        # the chart's legend fits at the label floor only across the whole width: the chart above the profile,
        # scrolling (wheel, Page Up/Down, Up/Down) when the two are taller than the room
        view = area.inflate(-t.px(12), 0).move(-t.px(6), 0)
        chart_h, legend = self._stacked_chart(view)
        profile_h = self._card_height(view.w, tr("debrief.profile_note"), t.line_height("small") * 3 // 2 * len(STYLES))
        self.scroller.set(view, chart_h + t.gap + profile_h)
        y = view.y - self.scroller.offset
        with draw.clipped(surface, self.scroller.clip(area.inflate(t.px(8), t.px(8)), t)):
            chart = pygame.Rect(view.x, y, view.w, chart_h)
            self._overview_card(surface, chart, tr("debrief.chart"), tr("debrief.chart_note"), True, legend)
            profile = pygame.Rect(view.x, chart.bottom + t.gap, view.w, profile_h)
            self._overview_card(surface, profile, tr("debrief.profile"), tr("debrief.profile_note"), False)
        self.scroller.draw(surface, t)

    def _chart_inner(self, card: pygame.Rect, note: str, lines: int) -> tuple[pygame.Rect, int]:
        """Where a card of the overview draws its chart, below its title and (room allowing) its note; and the
        note's height (0 when it gives way to the chart: ``lines``, how many the line chart has, or 0 for the
        profile)."""
        t = self.theme
        inner = card.inflate(-2 * t.pad, -2 * t.pad)
        title_h = t.line_height("h3")
        note_block = txt.layout(t, note, "small", inner.w)
        room = inner.h - title_h - note_block.height
        wanted = inner.h * 62 // 100 if lines <= 3 else t.px(320)  # six lines need a taller chart
        note_h = note_block.height if room > wanted else 0
        top = inner.y + title_h + note_h + t.px(10)
        if note_h and lines and not charts.legend_for(t, self.pt.session, inner.w, inner.bottom - top).fits:
            note_h, top = 0, inner.y + title_h + t.px(10)  # the chart's legend needs the note's room too
        return pygame.Rect(inner.x, top, inner.w, inner.bottom - top), note_h

    def _chart_width(self, area: pygame.Rect) -> int:
        """The width of the chart's card beside the profile's: 60 % of ``area``, more when its legend needs it
        to stay at the label floor (the profile keeps the width its style names need at the floor); 0 when no
        width beside the profile will do."""
        t = self.theme
        lines = len(hud.shown_metrics(self.pt.scenario))
        title = txt.width_of(t.font("h3", txt.label_floor(t)), tr("debrief.profile"))
        least = max(charts.profile_width(t), title) + 2 * t.pad
        widths: list[int] = [
            area.w * 60 // 100,
            *range(area.w * 60 // 100 + t.px(40), area.w - t.gap - least + 1, t.px(40)),
        ]
        for width in widths:
            chart, _note = self._chart_inner(
                pygame.Rect(area.x, area.y, width, area.h), tr("debrief.chart_note"), lines
            )
            if charts.legend_for(t, self.pt.session, chart.w, chart.h).fits:
                return width
        return 0

    def _stacked_chart(self, view: pygame.Rect) -> tuple[int, charts.Legend]:
        """The chart card's height across ``view`` and its legend: the card in the view above the "more below"
        band with the legend beside the plot when it fits there; else as tall as a good plot and the legend
        under it need."""
        t = self.theme
        lines = len(hud.shown_metrics(self.pt.scenario))
        card_h = view.h - widgets.more_band(t)
        chart, _note = self._chart_inner(pygame.Rect(view.x, view.y, view.w, card_h), tr("debrief.chart_note"), lines)
        beside = charts.legend_beside(t, self.pt.session, chart.w, chart.h)
        if beside is not None:
            return card_h, beside
        legend = charts.legend_for(t, self.pt.session, chart.w, t.px(2000), short=True)
        chart_h = t.px(150) + legend.height(t) + t.line_height("small") + t.px(18)
        return max(card_h, self._card_height(view.w, tr("debrief.chart_note"), chart_h)), legend

    def _card_height(self, width: int, note: str, chart_h: int) -> int:
        """The height of an overview card across ``width`` with its title, note and a chart of ``chart_h``."""
        t = self.theme
        note_h = txt.layout(t, note, "small", width - 2 * t.pad).height
        return 2 * t.pad + t.line_height("h3") + note_h + t.px(10) + chart_h

    def _overview_card(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        title: str,
        note: str,
        line: bool,
        legend: charts.Legend | None = None,
    ) -> None:
        """One card of the overview: its title, its note when there is room, and the line chart (``line``) or
        the assertiveness profile."""
        t = self.theme
        c = t.colors
        draw.card(surface, t, rect)
        inner = rect.inflate(-2 * t.pad, -2 * t.pad)
        title_h = t.line_height("h3")
        txt.draw_line(
            surface, t, title, "h3", pygame.Rect(inner.x, inner.y, inner.w, title_h), c.text, what="chart title"
        )
        lines = len(hud.shown_metrics(self.pt.scenario)) if line else 0
        chart, note_h = self._chart_inner(rect, note, lines)
        if note_h:  # the note gives way to the chart when room is short
            txt.draw(surface, txt.layout(t, note, "small", inner.w), (inner.x, inner.y + title_h), c.muted)
        if line:
            legend = legend or charts.legend_for(t, self.pt.session, chart.w, chart.h)
            charts.line_chart(surface, t, chart, self.pt.session, legend)
        else:
            charts.profile_chart(surface, t, chart, self.model.styles)

    def _decision(self, surface: pygame.Surface, page: Page) -> None:
        t = self.theme
        c = t.colors
        scenario = self.pt.scenario
        body = self.body
        heading = tr(f"phase.{page.phase}")
        if page.count > 1:
            heading = tr("debrief.decision", phase=heading, i=page.index, n=page.count)
        head_h = t.line_height("h2")
        txt.draw_line(
            surface, t, heading, "h2", pygame.Rect(body.x, body.y, body.w, head_h), c.text, what="decision heading"
        )
        question = scenario.reflection_for(page.phase) if page.phase in DECISION_PHASES else ""
        top = body.y + head_h + t.px(8)
        area = pygame.Rect(body.x, top, body.w, body.bottom - top)
        decision = page.decision
        if decision is None:
            sections = [Section(text=tr("debrief.missed"), role="body", flat=True)]
            if question:
                sections.append(Section(label=tr("debrief.reflect"), icon="info", text=question, role="quote"))
            self._column(surface, area, sections)
            self.cards = sections
            return
        scene = scenario.scene(decision.scene_id)
        speaker = scenario.character(scene.speaker) if scene else None
        cards = decision_cards(t, scenario, decision, speaker.name if speaker else tr("scene.narration"), question)
        mine, strongest, moment = cards.mine, cards.coach, cards.moment
        self.cards = [*mine, *strongest]
        half = (area.w - t.gap) // 2
        gap = t.px(10)

        def columns(shrink: float) -> int:
            return max(stack_height(t, mine, half, shrink, gap), stack_height(t, strongest, half, shrink, gap))

        def measure(shrink: float) -> int:
            return (moment.measure(t, area.w, shrink) + gap if show_moment else 0) + columns(shrink)

        # The scene's own text is context: shown when there is room for it at nearly full size.
        show_moment = moment.measure(t, area.w, 0.9) + gap + columns(0.9) <= area.h
        floor = txt.reading_floor(t)  # never smaller than reading size: scroll instead
        scrolling = measure(floor) > area.h
        if not scrolling:
            shrink = txt.shrink_to_fit(measure, area.h, "debrief decision")
            self.scroller.set(area, 0)
        else:  # last resort: readable text that scrolls (wheel, Page Up/Down, Up/Down)
            shrink = floor
            self.scroller.set(area.inflate(-t.px(12), 0).move(-t.px(6), 0), measure(shrink))
            surface.set_clip(self.scroller.clip(area.inflate(t.px(8), 0), t))
        y = area.y - self.scroller.offset
        if show_moment:
            moment_h = moment.measure(t, area.w, shrink)
            moment.draw(surface, t, pygame.Rect(area.x, y, area.w, moment_h), shrink)
            y += moment_h + gap
        self._column(surface, pygame.Rect(area.x, y, half, area.h), mine, shrink)
        self._column(surface, pygame.Rect(area.x + half + t.gap, y, area.w - half - t.gap, area.h), strongest, shrink)
        if scrolling:
            surface.set_clip(None)
            self.scroller.draw(surface, t)

    def _column(self, surface: pygame.Surface, rect: pygame.Rect, sections: list[Section], shrink: float = 0) -> None:
        t = self.theme
        gap = t.px(10)
        if not shrink:
            shrink = txt.shrink_to_fit(lambda s: stack_height(t, sections, rect.w, s, gap), rect.h, "debrief column")
        y = rect.y
        for section in sections:
            height = section.measure(t, rect.w, shrink)
            section.draw(surface, t, pygame.Rect(rect.x, y, rect.w, height), shrink)
            y += height + gap
