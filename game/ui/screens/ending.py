"""The ending: its rating (stars and words), its text, where the business stands, and what next."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.core.debrief import build_debrief
from game.core.model import RATINGS, Ending
from game.core.rules import initial_state
from game.core.variants import shown_ending
from game.locale import tr
from game.ui import assets, draw, hud, numbers, widgets
from game.ui import text as txt
from game.ui.focus import Item
from game.ui.screen_results import Back, OpenDebrief, OpenPicker, TryAgain
from game.ui.screens.base import Screen
from game.ui.screens.debrief_view import score_line
from game.ui.theme import Theme


def stars_for(rating: str) -> int:
    """5 stars for "best" down to 1 for "bad"."""
    return len(RATINGS) - RATINGS.index(rating) if rating in RATINGS else 3


#: The ending pictures (``assets/endings/<rating>.png``) are wide: 1280x400; an author's own ``image:`` is cropped
#: to the same shape.
PICTURE_RATIO = 400 / 1280


def picture_rect(theme: Theme, free: pygame.Rect) -> pygame.Rect | None:
    """Where the ending's picture goes in the room the text leaves below it, or None when too little is
    left (the text never gives way to the picture): as wide as the column, at the bottom of the room."""
    gap = theme.px(12)
    height = min(free.h - gap, round(free.w * PICTURE_RATIO))
    if height < theme.px(90):
        return None
    return pygame.Rect(free.x, free.bottom - height, free.w, height)


def picture_of(ending: Ending, scenario_dir: Path | None) -> tuple[pygame.Surface, Path] | None:
    """The ending's own ``image`` when it has one that can be shown, else its rating's picture (or None)."""
    for path in (assets.resolve(ending.image, scenario_dir), assets.resolve(f"endings/{ending.rating}.png", None)):
        image = assets.load_image(path)
        if image is not None and path is not None:
            return image, path
    return None


def draw_picture(
    surface: pygame.Surface, theme: Theme, ending: Ending, rect: pygame.Rect, scenario_dir: Path | None = None
) -> None:
    """The picture of ``ending`` (the business and its people as it ended): the author's ``image`` or the
    rating's, cropped to ``rect``, rounded."""
    found = picture_of(ending, scenario_dir)
    if found is None:
        return
    image, path = found
    picture = assets.cover(image, rect.size, str(path))
    shaped = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.rect(shaped, (255, 255, 255, 255), shaped.get_rect(), border_radius=theme.radius)
    shaped.blit(picture, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    surface.blit(shaped, rect.topleft)


class EndingScreen(Screen):
    """Shown when the playthrough reaches an ending."""

    name = "ending"
    picture: pygame.Rect | None = None  # where the ending's picture was drawn last, if it was

    def layout(self) -> None:
        t = self.theme
        w, h = self.size
        m = t.margin
        self.card = pygame.Rect(m, m, w - 2 * m, h - m - t.footer)
        pad = t.pad * 2
        button_h = t.px(60)
        self.buttons_y = self.card.bottom - pad - button_h
        labels = [
            ("debrief", tr("ending.debrief"), "book"),
            ("again", tr("ending.again"), "restart"),
            ("other", tr("ending.other"), "arrow_left"),
        ]
        actions = {
            "debrief": lambda: self.finish(OpenDebrief()),
            "again": lambda: self.finish(TryAgain()),
            "other": lambda: self.finish(OpenPicker()),
        }
        width = (self.card.w - 2 * pad - 2 * t.gap) // 3
        self.buttons = []
        items = []
        for index, (key, label, icon) in enumerate(labels):
            rect = pygame.Rect(self.card.x + pad + index * (width + t.gap), self.buttons_y, width, button_h)
            self.buttons.append((key, label, icon, rect))
            items.append(Item(key, rect, actions[key], True, index + 1))
        body_h = self.buttons_y - t.gap - self.card.y - pad
        for share in (58, 63, 68, 73):  # the ending's text takes more of the card rather than go below reading size
            left_w = (self.card.w - 2 * pad) * share // 100
            self.left = pygame.Rect(self.card.x + pad, self.card.y + pad, left_w, body_h)
            if self._text_fits(txt.reading_floor(t)):
                break
        self.right = pygame.Rect(
            self.left.right + pad, self.left.y, self.card.right - pad - self.left.right - pad, body_h
        )
        self.focus.set_items(items, "debrief")

    def _text_top(self) -> int:
        """Where the ending's title begins: below the stars and the "ending" label."""
        t = self.theme
        return self.left.y + t.px(34) + t.px(16) + t.line_height("label")

    def _text_room(self) -> tuple[pygame.Rect, txt.Block]:
        """The room for the ending's title and text (above the scores), and the scores' block."""
        t = self.theme
        pt = self.app.playthrough
        assert pt is not None
        scores = txt.layout(t, score_line(build_debrief(pt.session)), "small", self.left.w)
        y = self._text_top()
        return pygame.Rect(self.left.x, y, self.left.w, self.left.bottom - y - scores.height - t.px(10)), scores

    def _text_height(self, width: int, shrink: float) -> int:
        """The height of the ending's title and text at ``width`` and ``shrink``."""
        t = self.theme
        pt = self.app.playthrough
        assert pt is not None
        ending = shown_ending(pt.session)
        assert ending is not None
        return (
            txt.layout(t, ending.title, "h1", width, shrink).height
            + t.px(12)
            + txt.layout(t, ending.text, "body", width, shrink).height
        )

    def _text_fits(self, shrink: float) -> bool:
        """True when the ending's title and text fit the left column at ``shrink``."""
        rest, _scores = self._text_room()
        return self._text_height(rest.w, shrink) <= rest.h

    def hint(self) -> str:
        return tr("hint.ending")

    def back(self) -> bool:
        """Esc leaves the ending for the scenario list, as "Another scenario" does."""
        self.finish(Back())
        return True

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        pt = self.app.playthrough
        assert pt is not None
        ending = shown_ending(pt.session)
        assert ending is not None
        widgets.screen_background(surface, t)
        draw.card(surface, t, self.card, elevation=1.5)
        # left: rating, title, text
        star = t.px(34)
        count = stars_for(ending.rating)
        y = self.left.y
        for i in range(5):
            center = (self.left.x + star // 2 + i * (star + t.px(6)), y + star // 2)
            draw.star(surface, center, star, c.highlight, filled=i < count)
        rating_x = self.left.x + 5 * (star + t.px(6)) + t.px(10)
        rating_label = f"{tr('rating.' + ending.rating)} · {tr('ending.stars', stars=count)}"
        txt.draw_line(
            surface,
            t,
            rating_label,
            "label",
            pygame.Rect(rating_x, y, self.left.right - rating_x, star),
            c.highlight,
            what="rating",
        )
        y += star + t.px(16)
        label_h = t.line_height("label")
        txt.draw_line(
            surface,
            t,
            tr("ending.heading").upper(),
            "label",
            pygame.Rect(self.left.x, y, self.left.w, label_h),
            c.muted,
            what="ending label",
        )
        y += label_h
        model = build_debrief(pt.session)
        rest, scores = self._text_room()
        passed = model.success if model.overall_score is not None else None
        tone = c.text if passed is None or t.high_contrast else c.good if passed else c.bad
        txt.draw(surface, scores, (self.left.x, self.left.bottom - scores.height), tone)
        shrink = txt.shrink_to_fit(lambda s: self._text_height(rest.w, s), rest.h, "ending text")
        block = txt.layout(t, ending.title, "h1", rest.w, shrink)
        y += txt.draw(surface, block, (rest.x, y), c.text) + t.px(12)
        y += txt.draw(surface, txt.layout(t, ending.text, "body", rest.w, shrink), (rest.x, y), c.text)
        self.picture = picture_rect(t, pygame.Rect(rest.x, y, rest.w, rest.bottom - y))
        if self.picture is not None:
            draw_picture(surface, t, ending, self.picture, pt.scenario_dir)
        self._draw_metrics(surface)
        for key, label, icon, rect in self.buttons:
            widgets.button(surface, t, rect, label, self.is_focused(key), primary=key == "debrief", icon_name=icon)

    def _draw_metrics(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        pt = self.app.playthrough
        assert pt is not None
        scenario = pt.scenario
        area = self.right
        pygame.draw.rect(surface, c.panel_alt, area.inflate(t.px(24), t.px(24)), border_radius=t.radius)
        floor = txt.label_floor(t)
        head = txt.layout(t, tr("ending.final"), "h3", area.w)  # on two lines when the column is narrow
        head_h = max(t.line_height("h3"), head.height)
        txt.draw(surface, head, (area.x, area.y), c.text)
        start = initial_state(scenario).metric_dict()
        now = pt.session.metrics
        metrics = hud.shown_metrics(scenario)
        found = len(pt.services.progress.found(scenario.id))
        foot_h = t.line_height("small") * 2
        top = area.y + head_h + t.px(10)
        columns = hud.gauge_columns(t, metrics, now, area.w)
        rows = -(-len(metrics) // columns)
        cell_w = (area.w - t.gap * (columns - 1)) // columns
        slot = (area.bottom - foot_h - top) // max(1, rows)
        note_h = t.line_height("small")
        # more than three rows, or a column too narrow for a value beside its change: bars beside the values;
        # when even those would go below the label floor, slim gauges (one line and a thin bar each)
        shrink, compact = 1.0, rows > 3 or hud.gauge_width(t, metrics, now, floor) > cell_w
        style: hud.GaugeStyle = "compact" if compact else "full"
        if compact:
            shrink = txt.shrink_to_fit(lambda s: hud.gauge_heights(t, s, compact), slot, "ending gauges")
        changes = {m.id: now[m.id] - start[m.id] for m in metrics}

        def slim(s: float) -> int:
            return max(hud.gauges_height(t, [m], "slim", s, cell_w, 1, (now,), changes) for m in metrics)

        if compact and shrink < floor:
            style = "slim"
            shrink = floor if slim(floor) <= slot else txt.shrink_to_fit(slim, slot, "ending gauges")
        one = slim(shrink) if style == "slim" else hud.gauge_heights(t, shrink, compact)
        for index, metric in enumerate(metrics):
            row, column = divmod(index, columns)
            x, y = area.x + column * (cell_w + t.gap), top + row * slot
            deltas = {metric.id: changes[metric.id]}
            hud.draw_gauges(
                surface,
                t,
                pygame.Rect(x, y, cell_w, one),
                [metric],
                {metric.id: now[metric.id]},
                deltas,
                shrink,
                style=style,
            )
            note = tr("ending.from", value=numbers.value(start[metric.id], metric))
            if y + one + note_h <= top + (row + 1) * slot:  # the start value, when there is room for it
                txt.draw_line(
                    surface,
                    t,
                    note,
                    "small",
                    pygame.Rect(x, y + one, cell_w, note_h),
                    c.muted,
                    what="ending start value",
                )
        found_rect = pygame.Rect(area.x, area.bottom - foot_h, area.w, foot_h)
        txt.draw_fitted(
            surface,
            t,
            tr("ending.found", found=found, total=len(scenario.endings)),
            "small",
            found_rect,
            c.muted,
            valign="bottom",
            what="endings found",
        )
