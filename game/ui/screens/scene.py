"""The scene: who speaks and where, the text, numbered choices, the phase tracker, the gauges, and after a
choice the outcome panel with animated changes. F5 reloads the scenario file and replays to the same place.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.core.debrief import build_debrief
from game.core.mood import reaction, scene_mood
from game.core.scoring import is_improvement, is_setback
from game.core.session import Outcome
from game.core.variants import env_after, shown_scene
from game.locale import tr
from game.ui import draw, hud, widgets
from game.ui import input as inp
from game.ui import text as txt
from game.ui.face import Face
from game.ui.focus import Item
from game.ui.screen_results import Finished, OpenHistory, OpenPause
from game.ui.screens.base import Host, Screen
from game.ui.screens.scene_draw import draw_scene
from game.ui.screens.scene_view import ChoiceLayout, layout_choices, layout_outcome, outcome_sections
from game.ui.scroll import Scroller

TYPE_SPEED = 90.0  # characters per second
GAUGE_SECONDS = 0.9


class SceneScreen(Screen):
    """One scene of the playthrough, in choosing or outcome state."""

    name = "scene"

    def __init__(self, app: Host, outcome: Outcome | None = None) -> None:
        super().__init__(app)
        assert app.playthrough is not None
        self.pt = app.playthrough
        self.outcome = outcome
        self.chars: float | None = None
        self.oscroll = Scroller()
        self.read_all = outcome is not None  # a screen opened on an outcome (a restored save) was read before
        self.continue_key = "continue"
        self.continue_icon = "arrow_right"
        self.cscroll = Scroller()
        self.anim = 1.0
        self._bg: tuple[tuple[object, ...], pygame.Surface] | None = None  # kept only for a cropped picture
        self._corners: list[tuple[pygame.Rect, pygame.Surface]] = []  # background round the animated cards
        self.before: dict[str, float] = dict(self.pt.session.metrics)
        self.face = Face()
        self._moved: list[pygame.Rect] = []  # what the last update moved (``moving_rects``)
        self._enter_scene()

    def release(self) -> None:
        self._bg = None
        self._corners = []

    # -- state -----------------------------------------------------------------------------------------
    def _enter_scene(self) -> None:
        self.chars = 0.0 if self.app.settings.typewriter and self.pt.session.scene is not None else None
        self.before = dict(self.pt.session.metrics)
        self.anim = 1.0
        self.cscroll = Scroller()
        self.focus.focused_id = None
        self._show_face()
        self.changed()

    def _show_face(self) -> None:
        """Point the speaker's face at the scene's mood, or on the outcome at the reaction to the choice."""
        scenario = self.pt.scenario
        if self.outcome is not None:
            scene = scenario.scene(self.outcome.scene_id)
            mood = reaction(scenario, self.outcome.choice_id, self.outcome.chance_index)
        else:
            scene = shown_scene(self.pt.session)
            mood = scene_mood(scene)
        self.face.show(scene.speaker if scene else None, mood, self.app.settings.reduced_motion)

    @property
    def typing(self) -> bool:
        """True while the typewriter is still writing the scene's text."""
        scene = shown_scene(self.pt.session)
        return self.outcome is None and self.chars is not None and scene is not None and self.chars < len(scene.text)

    def finish_typing(self) -> None:
        """Show the whole text at once."""
        self.chars = None
        self.changed()
        self.relayout()

    def choose(self, choice_id: str) -> None:
        """Make the choice through the playthrough and show what it did."""
        before = dict(self.pt.session.metrics)
        outcome = self.pt.choose(choice_id)
        self.outcome = outcome
        self.oscroll = Scroller()
        self.read_all = False
        self.before = before
        self.anim = 1.0 if self.app.settings.reduced_motion else 0.0
        self.focus.focused_id = None
        self._show_face()
        self.changed()
        total = outcome.total_deltas
        self.app.play("choice_confirm")
        if outcome.rules:
            self.app.play("event")
        news = sum(
            is_improvement(m, d) - is_setback(m, d) for m in self.pt.scenario.metrics if (d := total.get(m.id, 0.0))
        )
        self.app.play("outcome_good" if news > 0 else "outcome_bad" if news < 0 else "ui_select")
        self.relayout()

    def proceed(self) -> None:
        """From the outcome panel to the next scene or the ending."""
        if self.pt.session.finished:
            self.finish(Finished())
            return
        self.outcome = None
        self._enter_scene()
        self.relayout()

    def undo(self) -> None:
        """Take back the last choice (practice mode only)."""
        if self.pt.undo() is None:
            return
        self.outcome = None
        self._enter_scene()
        self.chars = None
        self.relayout()

    # -- layout ----------------------------------------------------------------------------------------
    def layout(self) -> None:
        t = self.theme
        w, h = self.size
        m = t.margin
        top_h = max(t.px(62), t.px(34) + t.line_height("label"))
        self.top = pygame.Rect(m, t.px(16), w - 2 * m, top_h)
        body_top = self.top.bottom + t.px(14)
        body = pygame.Rect(m, body_top, w - 2 * m, h - body_top - t.footer)
        left_w = max(t.px(300), body.w * 29 // 100)
        self.left = pygame.Rect(body.x, body.y, left_w, body.h)
        self.right = pygame.Rect(body.x + left_w + t.gap + t.px(8), body.y, body.w - left_w - t.gap - t.px(8), body.h)
        self.metrics = hud.shown_metrics(self.pt.scenario)
        metrics, count = self.metrics, max(3, len(self.metrics))
        self.gauge_columns = hud.gauge_columns(t, metrics, self.pt.session.metrics, self.left.w - 2 * t.pad)
        rows = -(-count // self.gauge_columns)
        self.gauge_compact = rows > 3  # more than three rows: bars beside the values, changes by the labels
        self.gauge_style: hud.GaugeStyle = "compact" if self.gauge_compact else "full"
        compact = self.gauge_compact
        one = hud.gauge_heights(t, 1.0, compact)
        # the speaker card keeps room for its name, role and place at the label floor
        speaking = self.pt.scenario.scene(self.outcome.scene_id) if self.outcome else self.pt.session.scene
        speaker_min = hud.speaker_min_height(
            t,
            self.pt.scenario,
            speaking.speaker if speaking else None,
            speaking.place if speaking else None,
            self.left.w,
        )
        gauges_h = min(self.left.h * 54 // 100, one * rows + 2 * t.pad + t.px(8) * rows)
        if compact:  # more gauges take more of the column
            gauges_h = one * rows + 2 * t.pad + t.px(4) * rows
        gauges_h = min(gauges_h, self.left.h - t.gap - speaker_min)
        inner_h = gauges_h - 2 * t.pad
        self.gauge_shrink = txt.shrink_to_fit(lambda s: rows * hud.gauge_heights(t, s, compact), inner_h, "gauges")
        if compact and self.gauge_shrink < txt.label_floor(t):
            gauges_h = self._slim_gauges(speaker_min)
        self.gauges = pygame.Rect(self.left.x, self.left.bottom - gauges_h, self.left.w, gauges_h)
        self.speaker = pygame.Rect(self.left.x, self.left.y, self.left.w, self.gauges.y - t.gap - self.left.y)
        items: list[Item] = []
        self.choices = self.pt.session.shown_choices()
        scene = shown_scene(self.pt.session)
        self.sections = []
        self.layout_c = ChoiceLayout()
        if self.outcome is None and scene is not None:
            self.layout_c = layout_choices(t, scene, self.choices, self.right, self.cscroll.offset)
            self.cscroll.set(self.right.inflate(-t.px(12), 0).move(-t.px(6), 0), self.layout_c.content_h)
            for index, (choice, rect) in enumerate(zip(self.choices, self.layout_c.cards, strict=True), 1):
                card = rect.clip(self.right) if self.layout_c.content_h else rect
                items.append(
                    Item(
                        f"c:{choice.id}",
                        card if card.h else pygame.Rect(rect.x, rect.y, rect.w, 1),
                        partial(self.choose, choice.id),
                        True,
                        index if index <= 9 else 0,
                    )
                )
        elif self.outcome is not None:
            turn = self.outcome.turn
            decision = None
            if self.pt.practice:  # the core's reading of this choice: was it the strongest, and what was?
                decision = next((d for d in build_debrief(self.pt.session).decisions if d.turn == turn), None)
            self.sections = outcome_sections(
                t, self.pt.scenario, self.outcome, self.pt.practice, env_after(self.pt.session, turn), decision
            )
            button_h = t.px(58)
            self.layout_o = layout_outcome(t, self.sections, self.right, button_h)
            if self.layout_o.content_h and decision is not None and not decision.chose_strongest:
                brief = outcome_sections(  # the strongest line would make the cards scroll: point to the debrief
                    t, self.pt.scenario, self.outcome, True, env_after(self.pt.session, turn), decision, brief=True
                )
                other = layout_outcome(t, brief, self.right, button_h)
                if not other.content_h:
                    self.sections, self.layout_o = brief, other
            self.oscroll.set(self.layout_o.columns[0][0], self.layout_o.content_h)
            self._note_read()
            bh = round(button_h * max(0.8, self.layout_o.shrink))
            label = tr("outcome.to_ending") if self.pt.session.finished else tr("outcome.continue")
            key, action, self.continue_icon = "continue", self.proceed, "arrow_right"
            if not self.read_all:  # the end of the cards (the coach's note) is not on screen yet: read on first
                label, key, action, self.continue_icon = tr("outcome.read_on"), "read_on", self.read_on, "arrow_down"
            width = min(self.right.w, max(t.px(260), widgets.button_width(t, label)))
            self.continue_rect = pygame.Rect(self.right.right - width, self.right.bottom - bh, width, bh)
            items.append(Item(key, self.continue_rect, action))
            self.continue_key = key
            self.continue_label = label
        self._layout_top(items)
        # no choice has the focus when a scene opens: Enter alone picks nothing, and no place is suggested;
        # on the outcome, Continue has it only once the learner has had the whole outcome (and its coach) on screen
        default = None if self.outcome is None else self.continue_key
        if self.focus.focused_id in ("read_on", "continue"):
            self.focus.focused_id = self.continue_key
        self.focus.set_items(items, default, may_be_none=True)

    def _slim_gauges(self, speaker_min: int) -> int:
        """Lay the gauges out slim (one line and a thin bar each) when compact ones would go below the label
        floor: many metrics, a large text size, a small window. Returns the height of the gauges card."""
        t = self.theme
        floor = txt.label_floor(t)
        width = self.left.w - 2 * t.pad
        self.gauge_style, self.gauge_columns = "slim", 1
        values = (self.before, self.pt.session.metrics)
        deltas = self.outcome.total_deltas if self.outcome is not None else {}

        def needed(shrink: float) -> int:
            return hud.gauges_height(t, self.metrics, "slim", shrink, width, 1, values, deltas)

        room = self.left.h - t.gap - speaker_min - 2 * t.pad
        self.gauge_shrink = floor if needed(floor) <= room else txt.shrink_to_fit(needed, room, "gauges")
        # all the room the speaker card leaves: the card keeps its size when a choice's changes put some labels
        # on lines of their own
        return room + 2 * t.pad

    def _note_read(self) -> None:
        """Remember when the end of the outcome's cards has been on screen (it stays read)."""
        if not self.oscroll.active or self.oscroll.offset >= self.oscroll.limit:
            self.read_all = True

    def read_on(self) -> None:
        """Scroll the outcome on by most of a screen; at its end, Continue takes the focus."""
        self.scroll_outcome(self.oscroll.view.h * 3 // 4)

    def _layout_top(self, items: list[Item]) -> None:
        t = self.theme
        buttons = [
            ("menu", tr("scene.menu"), "menu", self.open_pause),
            ("history", tr("scene.history"), "history", self.open_history),
        ]
        if self.pt.practice:
            buttons.append(("undo_top", tr("scene.undo"), "undo", self.undo))
        x = self.top.right
        self.top_buttons = []
        height = t.px(50)
        for key, label, icon, action in buttons:
            width = widgets.button_width(t, label) + t.px(40)
            x -= width
            rect = pygame.Rect(x, self.top.y + (self.top.h - height) // 2, width, height)
            enabled = key != "undo_top" or self.pt.can_undo
            self.top_buttons.append((key, label, icon, rect, enabled))
            items.append(Item(key, rect, action, enabled))
            x -= t.px(10)
        self.tracker = pygame.Rect(self.top.x, self.top.y, max(1, x - self.top.x - t.px(20)), self.top.h)

    def shows_outcome(self) -> bool:
        """True while the outcome panel shows what the last choice did."""
        return self.outcome is not None

    def notice_top(self) -> int:
        """Below the phase tracker and the Undo, History and Menu buttons."""
        return self.top.bottom + self.theme.px(6)

    # -- input -----------------------------------------------------------------------------------------
    def open_pause(self) -> None:
        """The pause menu over the scene."""
        self.finish(OpenPause())

    def open_history(self) -> None:
        """The conversation so far."""
        self.finish(OpenHistory())

    def handle(self, action: inp.Action) -> None:
        kind = action.kind
        if kind in (inp.BACK, inp.PAUSE):
            self.open_pause()
            return
        if kind == inp.RELOAD:
            super().handle(action)
            return
        if self.typing and kind in (inp.CONFIRM, inp.CLICK, inp.ANY, inp.PICK, inp.NEXT, inp.PREV, *inp.DIRECTIONS):
            self.finish_typing()
            return
        step = self.theme.px(80)
        if kind in (inp.UP, inp.DOWN) and self.scroll_outcome(step if kind == inp.DOWN else -step):
            return
        if kind == inp.SCROLL and (
            self.scroll_outcome(-action.value * step) or self.scroll_choices(-action.value * step)
        ):
            return
        if kind == inp.PAGE and self.scroll_choices(action.value * self.right.h * 3 // 4):
            return
        if kind == inp.PAGE and self.scroll_outcome(action.value * self.right.h * 3 // 4):
            return
        if kind == inp.HISTORY:
            self.open_history()
        elif kind == inp.UNDO:
            self.undo()
        else:
            super().handle(action)
            if kind in (*inp.DIRECTIONS, inp.NEXT, inp.PREV):
                self._reveal_focus()

    def hint(self) -> str:
        if self.outcome is not None and not self.read_all:
            return tr("hint.outcome_read")
        if self.outcome is not None:
            return tr("hint.outcome" if self.pt.practice else "hint.outcome_no_undo")
        if self.typing:
            return tr("hint.typing")
        return tr("hint.scene_undo" if self.pt.can_undo else "hint.scene", n=len(self.choices))

    # -- time ------------------------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        moved: list[pygame.Rect] = []
        if self.face.update(dt):
            moved.append(self.speaker)
        if self.typing and self.chars is not None:
            self.chars += dt * TYPE_SPEED
            moved.append(self.layout_c.narrative)
            if not self.typing:
                self.finish_typing()
        if self.anim < 1.0:
            self.anim = min(1.0, self.anim + dt / GAUGE_SECONDS)
            moved.append(self.gauges)
        self._moved = moved
        return bool(moved)

    def moving_rects(self) -> list[pygame.Rect] | None:
        """The speaker card while the face fades, the narrative card while the typewriter writes, the gauges
        card while they ease: all that moves on a scene (the rest changes only with a redraw asked for)."""
        return self._moved

    def shown_metrics(self) -> dict[str, float]:
        """Gauge values now: easing from before the choice to after it."""
        after = self.pt.session.metrics
        k = draw.ease(self.anim)
        return {
            key: self.before.get(key, value) + (value - self.before.get(key, value)) * k for key, value in after.items()
        }

    def draw(self, surface: pygame.Surface) -> None:
        draw_scene(self, surface)

    def scroll_choices(self, pixels: int) -> bool:
        """Scroll the narrative and choices when they don't fit; False when nothing moved."""
        if self.outcome is not None or not self.cscroll.by(pixels):
            return False
        self.relayout()
        return True

    def _reveal_focus(self) -> None:
        """Scroll so the focused choice card is fully visible."""
        focused = self.focus.focused_id or ""
        if self.outcome is not None or not self.cscroll.active or not focused.startswith("c:"):
            return
        rect = self.layout_c.cards[[f"c:{c.id}" for c in self.choices].index(focused)]
        if rect.top < self.right.top:
            self.scroll_choices(rect.top - self.right.top)
        elif rect.bottom > self.cscroll.clip(self.right, self.theme).bottom:  # not under the "more" arrow
            self.scroll_choices(rect.bottom - self.right.bottom + self.theme.px(40))

    def scroll_outcome(self, pixels: int) -> bool:
        """Scroll the outcome cards when they don't fit; False when there is nothing (more) to scroll."""
        if self.outcome is None or not self.oscroll.by(pixels):
            return False
        if not self.read_all:
            self._note_read()
            if self.read_all:  # the end has come on screen: Read on becomes Continue, with the focus
                self.relayout()
                self.focus.focus("continue")
                self.changed()
        return True
