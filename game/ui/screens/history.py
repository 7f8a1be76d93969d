"""The history log: the conversation so far, every choice with what it did, scrollable."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.variants import env_after, rule_text, scene_text
from game.locale import tr
from game.ui import draw, widgets
from game.ui import input as inp
from game.ui import text as txt
from game.ui.focus import Item
from game.ui.screen_results import Back
from game.ui.screens.base import Host, Screen
from game.ui.sections import Section

if TYPE_CHECKING:
    from game.core.session import Outcome


class HistoryScreen(Screen):
    """A scrollable log over the scene; Esc closes it."""

    overlay = True
    name = "history"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.scroll = 0
        self._to_end = True

    def sections(self) -> list[Section]:
        """One card for each scene passed through, one for each choice made, and the scene now."""
        pt = self.app.playthrough
        assert pt is not None
        c = self.theme.colors
        scenario = pt.scenario
        out: list[Section] = []

        def scene_card(scene_id: str, label_prefix: str = "", turn: int = -1) -> None:
            scene = scenario.scene(scene_id)
            if scene is None:
                return
            speaker = scenario.character(scene.speaker)
            who = speaker.name if speaker else tr("scene.narration")
            label = f"{label_prefix}{tr('phase_short.' + scene.phase)} · {who}"
            text = scene_text(scene, env_after(pt.session, turn if turn >= 0 else pt.session.turn))
            out.append(Section(label=label, text=text, role="small", icon="speech", fill=c.panel))

        for outcome in pt.session.history:
            scene_card(outcome.scene_id, turn=outcome.turn - 1)
            choice = scenario.choice(outcome.choice_id)
            rows = [(m, v) for m in scenario.metrics if (v := outcome.total_deltas.get(m.id))]
            after = env_after(pt.session, outcome.turn)
            events = [
                text
                for f in outcome.rules
                for r in scenario.rules
                if r.id == f.rule_id and (text := rule_text(r, after))
            ]
            out.append(
                Section(
                    label=f"{tr('history.you')} · {tr('history.choice', n=_number_shown(outcome))}",
                    text=choice.text if choice else outcome.choice_id,
                    role="body",
                    style=outcome.style if pt.practice else "",
                    rows=rows,
                    note="\n".join(events),
                    accent=c.accent,
                    fill=c.accent_soft,
                )
            )
        if pt.session.scene is not None and not self._on_outcome():  # the next scene is not shown yet
            scene_card(pt.session.scene.id, f"{tr('history.now')} · ")
        if not out:
            out.append(Section(text=tr("history.empty"), flat=True))
        return out

    def _on_outcome(self) -> bool:
        """True while the scene below shows what the last choice did (the learner has not gone on yet)."""
        return any(screen.shows_outcome() for screen in self.app.stack)

    def layout(self) -> None:
        t = self.theme
        w, h = self.size
        width = min(w - 2 * t.margin, max(t.px(900), w * 70 // 100))
        self.card = pygame.Rect((w - width) // 2, t.px(24), width, h - t.px(24) - t.footer)
        title_h = t.line_height("h1")
        self.title_rect = pygame.Rect(self.card.x + t.pad, self.card.y + t.pad, width - 2 * t.pad - t.px(180), title_h)
        self.close_rect = pygame.Rect(self.card.right - t.pad - t.px(170), self.card.y + t.pad, t.px(170), t.px(48))
        top = self.title_rect.bottom + t.px(14)
        self.viewport = pygame.Rect(self.card.x + t.pad, top, width - 2 * t.pad, self.card.bottom - t.pad - top)
        self.items_ = self.sections()
        self.heights = [s.measure(t, self.viewport.w - t.px(12), 1.0) for s in self.items_]
        self.total = sum(self.heights) + t.px(12) * max(0, len(self.heights) - 1)
        if self._to_end:
            self.scroll = max(0, self.total - self.viewport.h)
            self._to_end = False
        self._clamp()
        self.focus.set_items([Item("close", self.close_rect, lambda: self.finish(Back()))], "close")

    def _clamp(self) -> None:
        self.scroll = max(0, min(self.scroll, max(0, self.total - self.viewport.h)))

    def hint(self) -> str:
        return tr("hint.scroll")

    def back(self) -> bool:
        self.finish(Back())
        return True

    def handle(self, action: inp.Action) -> None:
        step = self.theme.px(70)
        kind = action.kind
        if kind in (inp.UP, inp.DOWN):
            self.scroll += step if kind == inp.DOWN else -step
        elif kind == inp.SCROLL:
            self.scroll -= action.value * step
        elif kind == inp.PAGE:
            self.scroll += action.value * self.viewport.h * 9 // 10
        elif kind == inp.HISTORY:
            self.finish(Back())
            return
        else:
            super().handle(action)
            return
        self._clamp()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        draw.scrim(surface, c.scrim)
        draw.card(surface, t, self.card, elevation=2.0)
        txt.draw_line(surface, t, tr("history.title"), "h1", self.title_rect, c.text, what="history title")
        widgets.button(surface, t, self.close_rect, tr("common.close"), self.is_focused("close"), icon_name="close")
        surface.set_clip(self.viewport)
        y = self.viewport.y - self.scroll
        for section, height in zip(self.items_, self.heights, strict=True):
            if y + height >= self.viewport.y - t.px(20) and y <= self.viewport.bottom:
                section.draw(
                    surface, t, pygame.Rect(self.viewport.x + t.px(6), y, self.viewport.w - t.px(12), height), 1.0
                )
            y += height + t.px(12)
        surface.set_clip(None)
        if self.total > self.viewport.h:
            track = pygame.Rect(self.card.right - t.px(12), self.viewport.y, t.px(5), self.viewport.h)
            pygame.draw.rect(surface, c.panel_alt, track, border_radius=3)
            thumb_h = max(t.px(30), track.h * self.viewport.h // self.total)
            thumb_y = track.y + (track.h - thumb_h) * self.scroll // max(1, self.total - self.viewport.h)
            pygame.draw.rect(surface, c.muted, pygame.Rect(track.x, thumb_y, track.w, thumb_h), border_radius=3)


def _number_shown(outcome: Outcome) -> int:
    """The number the choice had on screen (the key the learner pressed), else its turn."""
    return outcome.shown.index(outcome.choice_id) + 1 if outcome.choice_id in outcome.shown else outcome.turn
