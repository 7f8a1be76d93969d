"""The scene: who speaks and where, the text, numbered choices, the phase tracker, the gauges, and after a
choice the outcome panel with animated changes. F5 reloads the scenario file and replays to the same place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.core.session import Outcome
from game.locale import tr
from game.ui import assets, draw, flow, hud, widgets
from game.ui import input as inp
from game.ui.focus import Item
from game.ui.screens.base import Screen
from game.ui.screens.scene_view import (
    ChoiceLayout,
    draw_choice,
    draw_narrative,
    layout_choices,
    layout_outcome,
    outcome_sections,
)
from game.ui.sections import draw_stack

if TYPE_CHECKING:
    from game.ui.app import App

TYPE_SPEED = 90.0  # characters per second
GAUGE_SECONDS = 0.9


class SceneScreen(Screen):
    """One scene of the playthrough, in choosing or outcome state."""

    name = "scene"

    def __init__(self, app: App, outcome: Outcome | None = None) -> None:
        super().__init__(app)
        assert app.playthrough is not None
        self.pt = app.playthrough
        self.outcome = outcome
        self.chars: float | None = None
        self.oscroll = 0
        self.cscroll = 0
        self.anim = 1.0
        self.before: dict[str, float] = dict(self.pt.session.metrics)
        self._bg: tuple[tuple[object, ...], pygame.Surface] | None = None
        self._enter_scene()

    # -- state -----------------------------------------------------------------------------------------
    def _enter_scene(self) -> None:
        self.chars = 0.0 if self.app.settings.typewriter and self.pt.session.scene is not None else None
        self.before = dict(self.pt.session.metrics)
        self.anim = 1.0
        self.cscroll = 0
        self.focus.focused_id = None

    @property
    def typing(self) -> bool:
        """True while the typewriter is still writing the scene's text."""
        scene = self.pt.session.scene
        return self.outcome is None and self.chars is not None and scene is not None and self.chars < len(scene.text)

    def finish_typing(self) -> None:
        """Show the whole text at once."""
        self.chars = None
        self.relayout()

    def choose(self, choice_id: str) -> None:
        """Make the choice through the playthrough and show what it did."""
        before = dict(self.pt.session.metrics)
        outcome = self.pt.choose(choice_id)
        self.outcome = outcome
        self.oscroll = 0
        self.before = before
        self.anim = 1.0 if self.app.settings.reduced_motion else 0.0
        self.focus.focused_id = None
        total = outcome.total_deltas
        self.app.play("choice_confirm")
        if outcome.rules:
            self.app.play("event")
        core = sum((1 if v > 0 else -1) for k, v in total.items() if k in ("revenue", "staff_morale", "reputation"))
        self.app.play("outcome_good" if core > 0 else "outcome_bad" if core < 0 else "ui_select")
        self.relayout()

    def proceed(self) -> None:
        """From the outcome panel to the next scene or the ending."""
        if self.pt.session.finished:
            flow.show_playthrough(self.app)
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

    def reload(self) -> None:
        """F5: reload the file, replay the same choices; on errors keep the last good version and show them."""
        report = self.pt.reload()
        name = Path(self.pt.path).name
        if not report.ok:
            self.app.show_notice("error", tr("reload.errors", file=name, n=len(report.errors)),
                                 [d.format() for d in report.errors])
            return
        message = (tr("reload.ok", file=name, n=report.replayed, total=report.wanted)
                   if report.replayed == report.wanted
                   else tr("reload.stopped", file=name, n=report.replayed, total=report.wanted))
        self.app.show_notice("info", message, seconds=5.0)
        if self.pt.session.finished:
            flow.show_playthrough(self.app)
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
        gauges_h = min(self.left.h * 48 // 100, hud.gauge_heights(t, 1.0) * 3 + 2 * t.pad + t.px(24))
        self.gauges = pygame.Rect(self.left.x, self.left.bottom - gauges_h, self.left.w, gauges_h)
        self.speaker = pygame.Rect(self.left.x, self.left.y, self.left.w, self.gauges.y - t.gap - self.left.y)
        items: list[Item] = []
        self.choices = self.pt.session.available_choices()
        scene = self.pt.session.scene
        self.sections = []
        self.layout_c = ChoiceLayout()
        if self.outcome is None and scene is not None:
            self.layout_c = layout_choices(t, scene, self.choices, self.right, self.cscroll)
            if self.layout_c.content_h:
                self.cscroll = max(0, min(self.cscroll, self.layout_c.content_h - self.right.h))
            for index, (choice, rect) in enumerate(zip(self.choices, self.layout_c.cards, strict=True), 1):
                shown = rect.clip(self.right) if self.layout_c.content_h else rect
                items.append(Item(f"c:{choice.id}", shown if shown.h else pygame.Rect(rect.x, rect.y, rect.w, 1),
                                  lambda cid=choice.id: self.choose(cid), True, index if index <= 9 else 0))
        elif self.outcome is not None:
            self.sections = outcome_sections(t, self.pt.scenario, self.outcome, self.pt.practice)
            button_h = t.px(58)
            self.layout_o = layout_outcome(t, self.sections, self.right, button_h)
            bh = round(button_h * max(0.8, self.layout_o.shrink))
            label = tr("outcome.to_ending") if self.pt.session.finished else tr("outcome.continue")
            width = min(self.right.w, max(t.px(260), widgets_width(t, label)))
            self.continue_rect = pygame.Rect(self.right.right - width, self.right.bottom - bh, width, bh)
            items.append(Item("continue", self.continue_rect, self.proceed))
            self.continue_label = label
        self._layout_top(items)
        default = "continue" if self.outcome is not None else (f"c:{self.choices[0].id}" if self.choices else None)
        self.focus.set_items(items, default)

    def _layout_top(self, items: list[Item]) -> None:
        t = self.theme
        buttons = [("menu", tr("scene.menu"), "menu", self.open_pause),
                   ("history", tr("scene.history"), "history", self.open_history)]
        if self.pt.practice:
            buttons.append(("undo_top", tr("scene.undo"), "restart", self.undo))
        x = self.top.right
        self.top_buttons = []
        height = t.px(50)
        for key, label, icon, action in buttons:
            width = widgets_width(t, label) + t.px(40)
            x -= width
            rect = pygame.Rect(x, self.top.y + (self.top.h - height) // 2, width, height)
            enabled = key != "undo_top" or self.pt.can_undo
            self.top_buttons.append((key, label, icon, rect, enabled))
            items.append(Item(key, rect, action, enabled))
            x -= t.px(10)
        self.tracker = pygame.Rect(self.top.x, self.top.y, max(1, x - self.top.x - t.px(20)), self.top.h)

    # -- input -----------------------------------------------------------------------------------------
    def open_pause(self) -> None:
        """The pause menu over the scene."""
        from game.ui.screens.pause import PauseScreen

        self.app.push(PauseScreen(self.app))

    def open_history(self) -> None:
        """The conversation so far."""
        from game.ui.screens.history import HistoryScreen

        self.app.push(HistoryScreen(self.app))

    def handle(self, action: inp.Action) -> None:
        kind = action.kind
        if kind in (inp.BACK, inp.PAUSE):
            self.open_pause()
            return
        if kind == inp.RELOAD:
            self.reload()
            return
        if self.typing and kind in (inp.CONFIRM, inp.CLICK, inp.ANY, inp.PICK, inp.NEXT, inp.PREV, *inp.DIRECTIONS):
            self.finish_typing()
            return
        step = self.theme.px(80)
        if kind in (inp.UP, inp.DOWN) and self.scroll_outcome(step if kind == inp.DOWN else -step):
            return
        if kind == inp.SCROLL and (self.scroll_outcome(-action.value * step)
                                   or self.scroll_choices(-action.value * step)):
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
        if self.outcome is not None:
            return tr("hint.outcome" if self.pt.practice else "hint.outcome_no_undo")
        if self.typing:
            return tr("hint.typing")
        return tr("hint.scene_undo" if self.pt.can_undo else "hint.scene", n=len(self.choices))

    # -- time ------------------------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        moving = False
        if self.typing and self.chars is not None:
            self.chars += dt * TYPE_SPEED
            moving = True
            if not self.typing:
                self.finish_typing()
        if self.anim < 1.0:
            self.anim = min(1.0, self.anim + dt / GAUGE_SECONDS)
            moving = True
        return moving

    def shown_metrics(self) -> dict[str, float]:
        """Gauge values now: easing from before the choice to after it."""
        after = self.pt.session.metrics
        k = draw.ease(self.anim)
        return {key: self.before.get(key, value) + (value - self.before.get(key, value)) * k
                for key, value in after.items()}

    # -- drawing ---------------------------------------------------------------------------------------
    def _background(self, surface: pygame.Surface) -> None:
        t = self.theme
        scene = self.pt.session.scene
        place = self.pt.scenario.place(scene.place if scene else None)
        key = (surface.get_size(), place.id if place else None, t.high_contrast)
        if self._bg is None or self._bg[0] != key:
            c = t.colors
            base = pygame.Surface(surface.get_size())
            if t.high_contrast:
                base.fill(c.bg)
            else:
                image = place.image if place else None
                picture = assets.background(image, self.pt.scenario_dir, base.get_size(), c.bg2)
                base.blit(picture, (0, 0))
                veil = pygame.Surface(base.get_size(), pygame.SRCALPHA)
                veil.fill((*c.bg, 215))
                base.blit(veil, (0, 0))
            self._bg = (key, base)
        surface.blit(self._bg[1], (0, 0))

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        session = self.pt.session
        self._background(surface)
        scene = session.scene
        shown_scene = scene
        if self.outcome is not None:
            shown_scene = self.pt.scenario.scene(self.outcome.scene_id)
        hud.draw_phase_tracker(surface, t, self.tracker, shown_scene.phase if shown_scene else "resolution")
        for key, label, icon, rect, enabled in self.top_buttons:
            widgets.button(surface, t, rect, label, self.is_focused(key), enabled=enabled, icon_name=icon)
        if shown_scene is not None:
            hud.draw_speaker(surface, t, self.speaker, self.pt.scenario, shown_scene.speaker, shown_scene.place,
                             self.pt.scenario_dir)
        draw.card(surface, t, self.gauges)
        inner = self.gauges.inflate(-2 * t.pad, -2 * t.pad)
        deltas = self.outcome.total_deltas if self.outcome is not None else {}
        hud.draw_gauges(surface, t, inner, hud.core_metrics(self.pt.scenario), self.shown_metrics(), deltas, 1.0)
        if self.outcome is None and scene is not None:
            lay = self.layout_c
            if lay.content_h:
                surface.set_clip(self.right.inflate(t.px(20), 0))
            chars = None if self.chars is None else int(self.chars)
            draw_narrative(surface, t, lay.narrative, scene, lay.shrink, chars)
            if not self.typing:
                from game.ui import text as txt

                txt.draw_line(surface, t, tr("scene.question"), "h3", lay.question, c.text, what="scene question",
                              shrink=lay.shrink)
            for index, (choice, rect) in enumerate(zip(self.choices, lay.cards, strict=True), 1):
                draw_choice(surface, t, rect, index, choice, lay.shrink, self.is_focused(f"c:{choice.id}"),
                            faded=self.typing)
            if lay.content_h:
                surface.set_clip(None)
                self._scrollbar(surface, self.right, lay.content_h, self.cscroll)
                if self.cscroll < lay.content_h - self.right.h:
                    widgets.more_below(surface, t, self.right)
        elif self.outcome is not None:
            self._draw_outcome(surface)
            widgets.button(surface, t, self.continue_rect, self.continue_label, self.is_focused("continue"),
                           primary=True, icon_name="arrow_right")


    def _draw_outcome(self, surface: pygame.Surface) -> None:
        t = self.theme
        lay = self.layout_o
        if not lay.content_h:
            for rect, sections in lay.columns:
                draw_stack(surface, t, rect.x, rect.y, rect.w, sections, lay.shrink, t.px(12))
            return
        view, sections = lay.columns[0]
        surface.set_clip(view.inflate(t.px(20), 0))
        draw_stack(surface, t, view.x, view.y - self.oscroll, view.w, sections, lay.shrink, t.px(12))
        surface.set_clip(None)
        self._scrollbar(surface, view.inflate(t.px(24), 0), lay.content_h, self.oscroll)
        if self.oscroll < lay.content_h - view.h:
            widgets.more_below(surface, t, view)

    def _scrollbar(self, surface: pygame.Surface, view: pygame.Rect, content_h: int, offset: int) -> None:
        t = self.theme
        c = t.colors
        track = pygame.Rect(view.right - t.px(6), view.y, t.px(6), view.h)
        pygame.draw.rect(surface, c.panel_alt, track, border_radius=3)
        thumb_h = max(t.px(30), track.h * view.h // content_h)
        thumb_y = track.y + (track.h - thumb_h) * offset // max(1, content_h - view.h)
        pygame.draw.rect(surface, c.muted, pygame.Rect(track.x, thumb_y, track.w, thumb_h), border_radius=3)

    def scroll_choices(self, pixels: int) -> bool:
        """Scroll the narrative and choices when they don't fit; False when nothing moved."""
        lay = self.layout_c
        if self.outcome is not None or not lay.content_h:
            return False
        before = self.cscroll
        self.cscroll = max(0, min(self.cscroll + pixels, lay.content_h - self.right.h))
        if self.cscroll != before:
            self.relayout()
        return self.cscroll != before

    def _reveal_focus(self) -> None:
        """Scroll so the focused choice card is fully visible."""
        lay = self.layout_c
        focused = self.focus.focused_id or ""
        if self.outcome is not None or not lay.content_h or not focused.startswith("c:"):
            return
        ids = [f"c:{c.id}" for c in self.choices]
        rect = lay.cards[ids.index(focused)]
        if rect.top < self.right.top:
            self.scroll_choices(rect.top - self.right.top)
        elif rect.bottom > self.right.bottom:
            self.scroll_choices(rect.bottom - self.right.bottom + self.theme.px(40))

    def scroll_outcome(self, pixels: int) -> bool:
        """Scroll the outcome cards when they don't fit; False when there is nothing (more) to scroll."""
        lay = getattr(self, "layout_o", None)
        if self.outcome is None or lay is None or not lay.content_h:
            return False
        view = lay.columns[0][0]
        before = self.oscroll
        self.oscroll = max(0, min(self.oscroll + pixels, lay.content_h - view.h))
        return self.oscroll != before


def widgets_width(theme: object, label: str) -> int:
    """The width a button needs for its label and icon."""
    from game.ui.theme import Theme

    assert isinstance(theme, Theme)
    return theme.font("button").size(label)[0] + theme.px(30) + 2 * theme.px(16) + theme.px(12)
