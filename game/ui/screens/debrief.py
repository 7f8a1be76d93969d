"""The debrief: an overview (ending, metrics chart, assertiveness profile), then one page per decision:
what the player chose, its style, what it did, the coach's explanation, and the strongest choice and why.
Any decision can be replayed from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.core.model import DECISION_PHASES
from game.core.session import Outcome
from game.locale import tr
from game.ui import charts, draw, flow, hud, widgets
from game.ui import input as inp
from game.ui import text as txt
from game.ui.focus import Item
from game.ui.screens.base import Screen
from game.ui.screens.ending import stars_for
from game.ui.screens.scene_view import chance_section, metric_rows
from game.ui.scroll import Scroller
from game.ui.sections import Section, stack_height

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.playthrough import Playthrough


@dataclass
class Page:
    """A debrief page: the overview, a decision (turn index into history), or a phase not reached."""

    key: str
    tab: str
    phase: str = ""
    turn: int = -1  # index in history of the decision shown
    index: int = 0
    count: int = 0


def pages_for(history: list[Outcome], phase_of: dict[str, str]) -> list[Page]:
    """The overview and every decision, grouped by decision point in the order cost, limits, power."""
    pages = [Page("overview", tr("debrief.overview"))]
    for phase in DECISION_PHASES:
        turns = [i for i, o in enumerate(history) if phase_of.get(o.scene_id) == phase]
        if not turns:
            pages.append(Page(f"{phase}:none", tr(f"phase_short.{phase}"), phase))
        for n, turn in enumerate(turns, 1):
            tab = tr(f"phase_short.{phase}") + (f" {n}" if len(turns) > 1 else "")
            pages.append(Page(f"{phase}:{n}", tab, phase, turn, n, len(turns)))
    return pages


class DebriefScreen(Screen):
    """What each decision point asked of the player."""

    name = "debrief"

    def __init__(self, app: App, page: int = 0) -> None:
        super().__init__(app)
        self.page = page
        self.scroller = Scroller()
        self.cards: list[Section] = []  # the decision page's cards as last drawn, left column first

    @property
    def pt(self) -> Playthrough:
        """The finished playthrough."""
        assert self.app.playthrough is not None
        return self.app.playthrough

    def layout(self) -> None:
        t = self.theme
        w, h = self.size
        m = t.margin
        session = self.pt.session
        self.pages = pages_for(session.history, {s.id: s.phase for s in self.pt.scenario.scenes})
        self.page = max(0, min(self.page, len(self.pages) - 1))
        self.title_rect = pygame.Rect(m, t.px(16), w - 2 * m, t.line_height("h1"))
        tab_y = self.title_rect.bottom + t.px(8)
        tab_h = t.px(46)
        font = t.font("label")
        widths = [font.size(p.tab)[0] + t.px(36) for p in self.pages]
        scale = min(1.0, (w - 2 * m - t.px(8) * (len(widths) - 1)) / max(1, sum(widths)))
        x = m
        items: list[Item] = []
        self.tabs = []
        for index, (page, width) in enumerate(zip(self.pages, widths, strict=True)):
            rect = pygame.Rect(x, tab_y, int(width * scale), tab_h)
            self.tabs.append((page, rect))
            items.append(Item(f"tab:{index}", rect, partial(self.show, index), True, index + 1 if index < 9 else 0))
            x = rect.right + t.px(8)
        button_h = t.px(56)
        self.buttons_y = h - t.footer - button_h
        self.body = pygame.Rect(m, tab_y + tab_h + t.gap, w - 2 * m, self.buttons_y - t.gap - tab_y - tab_h - t.gap)
        current = self.pages[self.page]
        buttons = []
        if current.turn >= 0:
            turn = current.turn
            buttons.append(("replay", tr("debrief.replay"), "restart", lambda: flow.replay_from(self.app, turn)))
        buttons += [
            ("again", tr("debrief.again"), "restart", lambda: flow.try_again(self.app)),
            ("other", tr("debrief.other"), "book", lambda: flow.open_picker(self.app)),
            ("title", tr("debrief.title_screen"), "arrow_left", lambda: flow.open_title(self.app)),
        ]
        width = (w - 2 * m - t.gap * (len(buttons) - 1)) // len(buttons)
        self.buttons = []
        for index, (key, label, icon, action) in enumerate(buttons):
            rect = pygame.Rect(m + index * (width + t.gap), self.buttons_y, width, button_h)
            self.buttons.append((key, label, icon, rect))
            items.append(Item(key, rect, action))
        self.focus.set_items(items, f"tab:{self.page}")

    def show(self, index: int) -> None:
        """Switch to a page (the tab keeps the focus)."""
        if index != self.page:
            self.scroller = Scroller()
            self.changed()
        self.page = index
        self.relayout()
        self.focus.focus(f"tab:{index}")

    def handle(self, action: inp.Action) -> None:
        step = self.theme.px(70)
        kind = action.kind
        if kind == inp.SCROLL and self.scroller.by(-action.value * step):
            return
        if kind == inp.PAGE and self.scroller.by(action.value * self.scroller.view.h * 3 // 4):
            return
        if kind in (inp.UP, inp.DOWN) and self.scroller.by(step if kind == inp.DOWN else -step):
            return
        if action.kind == inp.PAGE:
            self.show((self.page + action.value) % len(self.pages))
            return
        before = self.focus.focused_id
        super().handle(action)
        after = self.focus.focused_id or ""
        if after != before and after.startswith("tab:") and action.kind in (inp.LEFT, inp.RIGHT):
            self.show(int(after[4:]))

    def hint(self) -> str:
        return tr("hint.debrief")

    def back(self) -> bool:
        flow.show_playthrough(self.app)
        return True

    # -- drawing ---------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        widgets.screen_background(surface, t)
        title = f"{tr('debrief.title')} · {self.pt.scenario.title}"
        txt.draw_line(surface, t, title, "h1", self.title_rect, c.text, what="debrief title")
        for index, (page, rect) in enumerate(self.tabs):
            chosen = index == self.page
            fill = c.accent if chosen else c.panel
            draw.card(surface, t, rect, fill=fill, elevation=0.4, radius=t.px(10))
            txt.draw_line(
                surface,
                t,
                page.tab,
                "label",
                rect.inflate(-t.px(12), 0),
                c.on_accent if chosen else c.text,
                "center",
                "debrief tab",
            )
            if self.is_focused(f"tab:{index}"):
                draw.focus_ring(surface, t, rect, t.px(10))
        page = self.pages[self.page]
        if page.key == "overview":
            self._overview(surface)
        else:
            self._decision(surface, page)
        for key, label, icon, rect in self.buttons:
            widgets.button(surface, t, rect, label, self.is_focused(key), primary=key == "replay", icon_name=icon)

    def _overview(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        ending = self.pt.session.ending
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
        top = body.y + head_h + t.px(10)
        left = pygame.Rect(body.x, top, body.w * 60 // 100, body.bottom - top)
        right = pygame.Rect(left.right + t.gap, top, body.right - left.right - t.gap, left.h)
        for rect, title, note in (
            (left, tr("debrief.chart"), tr("debrief.chart_note")),
            (right, tr("debrief.profile"), tr("debrief.profile_note")),
        ):
            draw.card(surface, t, rect)
            inner = rect.inflate(-2 * t.pad, -2 * t.pad)
            title_h = t.line_height("h3")
            txt.draw_line(
                surface, t, title, "h3", pygame.Rect(inner.x, inner.y, inner.w, title_h), c.text, what="chart title"
            )
            note_block = txt.layout(t, note, "small", inner.w)
            room = inner.h - title_h - note_block.height
            lines = len(hud.shown_metrics(self.pt.scenario)) if rect is left else 0
            wanted = inner.h * 62 // 100 if lines <= 3 else t.px(320)  # six lines need a taller chart
            note_h = note_block.height if room > wanted else 0
            if note_h:  # the note gives way to the chart when room is short
                txt.draw(surface, note_block, (inner.x, inner.y + title_h), c.muted)
            chart = pygame.Rect(
                inner.x,
                inner.y + title_h + note_h + t.px(10),
                inner.w,
                inner.bottom - inner.y - title_h - note_h - t.px(10),
            )
            if rect is left:
                charts.line_chart(surface, t, chart, self.pt.session)
            else:
                charts.profile_chart(surface, t, chart, self.pt.session)

    def _decision(self, surface: pygame.Surface, page: Page) -> None:
        t = self.theme
        c = t.colors
        scenario = self.pt.scenario
        body = self.body
        heading = tr(f"phase.{page.phase}")
        if page.count:
            heading = tr("debrief.decision", phase=heading, i=page.index, n=page.count)
        head_h = t.line_height("h2")
        txt.draw_line(
            surface, t, heading, "h2", pygame.Rect(body.x, body.y, body.w, head_h), c.text, what="decision heading"
        )
        question = scenario.reflection_for(page.phase)
        top = body.y + head_h + t.px(8)
        area = pygame.Rect(body.x, top, body.w, body.bottom - top)
        if page.turn < 0:
            sections = [Section(text=tr("debrief.missed"), role="body", flat=True)]
            if question:
                sections.append(Section(label=tr("debrief.reflect"), icon="info", text=question, role="quote"))
            self._column(surface, area, sections)
            self.cards = sections
            return
        outcome = self.pt.session.history[page.turn]
        choice = scenario.choice(outcome.choice_id)
        best = scenario.best_choice(outcome.scene_id)
        rows = metric_rows(scenario, outcome.deltas_besides_chance)  # its rules' too; chance's go below
        nothing = "outcome.no_change_chance" if outcome.outcome_deltas else "outcome.no_change"
        mine = [
            Section(
                label=tr("debrief.you_chose"),
                icon="speech",
                text=choice.text if choice else outcome.choice_id,
                role="quote",
                style=outcome.style,
                accent=c.accent,
                rows=rows,
                rows_label=tr("debrief.effect"),
                note="" if rows else tr(nothing),
                note_role="body",
            ),
            Section(
                label=tr("debrief.coach"),
                icon="coach",
                text=choice.feedback if choice else "",
                role="body",
                fill=c.accent_soft,
            ),
        ]

        scene = scenario.scene(outcome.scene_id)
        speaker = scenario.character(scene.speaker) if scene else None
        moment = Section(
            label=tr("debrief.moment", who=speaker.name if speaker else tr("scene.narration")),
            icon="book",
            text=scene.text if scene else "",
            role="small",
            fill=c.panel_alt,
        )
        if best is not None and choice is not None and best.id == choice.id:
            strongest = [
                Section(
                    label=tr("debrief.strongest"), icon="check", text=tr("debrief.was_best"), role="body", accent=c.good
                )
            ]
        elif best is not None:
            strongest = [
                Section(
                    label=tr("debrief.strongest"),
                    icon="target",
                    text=best.text,
                    role="quote",
                    style=best.style,
                    accent=c.highlight,
                    note=f"{tr('debrief.why')}: {best.feedback}",
                    note_role="body",
                )
            ]
        else:
            strongest = [Section(label=tr("debrief.strongest"), icon="info", text=tr("debrief.no_best"), role="body")]
        chance = chance_section(t, scenario, outcome, tr("debrief.chance"), tr("debrief.what_happened"))
        if chance is not None:  # beside the choice, level with it: what chance did, apart from what it did
            strongest.insert(0, chance)
        if question:
            strongest.append(
                Section(label=tr("debrief.reflect"), icon="info", text=question, role="small", fill=c.panel_alt)
            )
        self.cards = [*mine, *strongest]
        half = (area.w - t.gap) // 2
        gap = t.px(10)

        def columns(shrink: float) -> int:
            return max(stack_height(t, mine, half, shrink, gap), stack_height(t, strongest, half, shrink, gap))

        def measure(shrink: float) -> int:
            return (moment.measure(t, area.w, shrink) + gap if show_moment else 0) + columns(shrink)

        # The scene's own text is context: shown when there is room for it at nearly full size.
        show_moment = moment.measure(t, area.w, 0.9) + gap + columns(0.9) <= area.h
        scrolling = measure(txt.READABLE) > area.h
        if not scrolling:
            shrink = txt.shrink_to_fit(measure, area.h, "debrief decision")
            self.scroller.set(area, 0)
        else:  # last resort: readable text that scrolls (wheel, Page Up/Down, Up/Down)
            shrink = 0.88
            self.scroller.set(area.inflate(-t.px(12), 0).move(-t.px(6), 0), measure(shrink))
            surface.set_clip(area.inflate(t.px(8), 0))
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
