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
    """The place's picture under a veil (a plain fill in high contrast).

    A whole redraw paints it straight into the window, holding no window-sized copy (``assets.paint_background``)
    and keeping only the corners of the cards that animate, where the picture shows round their rounded
    corners. A redraw of only those cards (``moving_rects``) then needs no more: their insides are opaque and
    drawn again over whatever is under them. When the window has another shape than the picture, the cropped,
    veiled picture is kept and blitted as before."""
    t = self.theme
    c = t.colors
    if t.high_contrast:
        surface.fill(c.bg)
        return
    clip = surface.get_clip()
    whole = clip == surface.get_rect()
    if not whole and _corners_cover(self, clip):
        for rect, piece in self._corners:
            surface.blit(piece, rect)
        return
    scene = self.pt.session.scene
    place = self.pt.scenario.place(scene.place if scene else None)
    image = place.image if place else None
    veil = (*c.bg, 215)
    key = (surface.get_size(), place.id if place else None)
    if self._bg is not None and self._bg[0] != key:  # another place or size: its picture goes first
        assets.forget_picture(self._bg[1])
        self._bg = None
    if self._bg is None and assets.paint_background(surface, image, self.pt.scenario_dir, c.bg2, veil):
        _keep_corners(self, surface)
        return
    if self._bg is None and whole:  # another shape than the picture: the cropped picture is kept
        self._bg = (key, assets.background(image, self.pt.scenario_dir, surface.get_size(), c.bg2, veil=veil))
    if self._bg is not None:
        surface.blit(self._bg[1], (0, 0))
    else:  # a part of the window no kept corner covers (the text scrolled under a moving card): made, not kept
        surface.blit(
            assets.background(image, self.pt.scenario_dir, surface.get_size(), c.bg2, veil, keep=False), (0, 0)
        )
    if whole:
        _keep_corners(self, surface)


def opaque_cards(self: SceneScreen) -> list[tuple[pygame.Rect, pygame.Rect]]:
    """The cards a redraw paints that can animate (speaker, gauges, the narrative while choosing), each with
    the part of the window it is drawn within: the same conditions as ``draw_scene``."""
    session = self.pt.session
    scene = variants.shown_scene(session)
    shown_scene = scene if self.outcome is None else self.pt.scenario.scene(self.outcome.scene_id)
    window = pygame.Rect((0, 0), self.app.surface.get_size())
    cards = [(self.gauges, window)]
    if shown_scene is not None:
        cards.append((self.speaker, window))
    if self.outcome is None and scene is not None:
        lay = self.layout_c
        area = self.cscroll.clip(self.right.inflate(self.theme.px(20), 0), self.theme) if lay.content_h else window
        cards.append((lay.narrative, area))
    return cards


def _keep_corners(self: SceneScreen, surface: pygame.Surface) -> None:
    """Keep the background in the corners of each card that can animate (``opaque_cards``)."""
    radius = self.theme.radius
    bounds = surface.get_rect()
    kept: list[tuple[pygame.Rect, pygame.Surface]] = []
    for card, _ in opaque_cards(self):
        for corner in draw.rounded_corners(card, radius):
            corner = corner.clip(bounds)
            if corner.w and corner.h:
                kept.append((corner, surface.subsurface(corner).copy()))
    self._corners = kept


def _corners_cover(self: SceneScreen, clip: pygame.Rect) -> bool:
    """True when, inside ``clip``, every pixel of background that shows is in a kept corner: the rest is
    under the opaque inside of a card drawn over it."""
    radius = self.theme.radius
    insides = [part.clip(area) for card, area in opaque_cards(self) for part in draw.rounded_inside(card, radius)]
    return all(any(rect.contains(left) for rect, _ in self._corners) for left in draw.uncovered(clip, insides))


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
