"""Drawing the scene screen: background, phase tracker, speaker, gauges, and the right-hand column."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core import variants
from game.locale import tr
from game.ui import assets, draw, hud, widgets
from game.ui import text as txt
from game.ui.screens.scene_view import draw_choice, draw_narrative
from game.ui.sections import draw_stack

if TYPE_CHECKING:
    from game.ui.screens.scene import SceneScreen


def _background(self: SceneScreen, surface: pygame.Surface) -> None:
    t = self.theme
    scene = self.pt.session.scene
    place = self.pt.scenario.place(scene.place if scene else None)
    key = (surface.get_size(), place.id if place else None, t.high_contrast)
    if self._bg is None or self._bg[0] != key:
        if self._bg is not None:  # another place: its picture goes before the new one is made
            assets.forget_picture(self._bg[1])
            self._bg = None
        c = t.colors
        if t.high_contrast:
            base = pygame.Surface(surface.get_size())
            base.fill(c.bg)
        else:
            image = place.image if place else None
            base = assets.background(image, self.pt.scenario_dir, surface.get_size(), c.bg2, veil=(*c.bg, 215))
        self._bg = (key, base)
    surface.blit(self._bg[1], (0, 0))


def draw_scene(self: SceneScreen, surface: pygame.Surface) -> None:
    """Draw the whole scene screen (state and input live in ``scene.py``)."""
    t = self.theme
    c = t.colors
    session = self.pt.session
    _background(self, surface)
    scene = variants.shown_scene(session)
    shown_scene = scene
    if self.outcome is not None:
        shown_scene = self.pt.scenario.scene(self.outcome.scene_id)
    hud.draw_phase_tracker(surface, t, self.tracker, shown_scene.phase if shown_scene else "resolution")
    for key, label, icon, rect, enabled in self.top_buttons:
        widgets.button(surface, t, rect, label, self.is_focused(key), enabled=enabled, icon_name=icon)
    if shown_scene is not None:
        hud.draw_speaker(
            surface,
            t,
            self.speaker,
            self.pt.scenario,
            shown_scene.speaker,
            shown_scene.place,
            self.pt.scenario_dir,
            self.face.drawn,
        )
    draw.card(surface, t, self.gauges)
    inner = self.gauges.inflate(-2 * t.pad, -2 * t.pad)
    deltas = self.outcome.total_deltas if self.outcome is not None else {}
    hud.draw_gauges(
        surface,
        t,
        inner,
        self.metrics,
        self.shown_metrics(),
        deltas,
        self.gauge_shrink,
        self.gauge_columns,
        style=self.gauge_style,
        settled=(self.before, session.metrics),
    )
    if self.outcome is None and scene is not None:
        lay = self.layout_c
        area = self.cscroll.clip(self.right.inflate(t.px(20), 0), t) if lay.content_h else surface.get_rect()
        with draw.clipped(surface, area):
            chars = None if self.chars is None else int(self.chars)
            draw_narrative(surface, t, lay.narrative, scene, lay.shrink, chars)
            if not self.typing:
                txt.draw_line(
                    surface,
                    t,
                    tr("scene.question"),
                    "h3",
                    lay.question,
                    c.text,
                    what="scene question",
                    shrink=lay.shrink,
                )
            for index, (choice, rect) in enumerate(zip(self.choices, lay.cards, strict=True), 1):
                draw_choice(
                    surface, t, rect, index, choice, lay.shrink, self.is_focused(f"c:{choice.id}"), faded=self.typing
                )
        if lay.content_h:
            self.cscroll.draw(surface, t)
    elif self.outcome is not None:
        _draw_outcome(self, surface)
        widgets.button(
            surface,
            t,
            self.continue_rect,
            self.continue_label,
            self.is_focused(self.continue_key),
            primary=self.continue_key == "continue",
            icon_name=self.continue_icon,
        )


def _draw_outcome(self: SceneScreen, surface: pygame.Surface) -> None:
    t = self.theme
    lay = self.layout_o
    if not lay.content_h:
        for rect, sections in lay.columns:
            draw_stack(surface, t, rect.x, rect.y, rect.w, sections, lay.shrink, t.px(12))
        return
    view, sections = lay.columns[0]
    with draw.clipped(surface, self.oscroll.clip(view.inflate(t.px(20), 0), t)):
        draw_stack(surface, t, view.x, view.y - self.oscroll.offset, view.w, sections, lay.shrink, t.px(12))
    self.oscroll.draw(surface, t)
