"""The title screen: continue, new game, scenarios, settings, quit."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.locale import tr
from game.paths import ASSETS
from game.ui import assets, draw, widgets
from game.ui import text as txt
from game.ui.focus import Item
from game.ui.screen_results import Continue, OpenPicker, OpenSettings, OpenWho, Quit
from game.ui.screens.base import Host, Screen
from game.ui.storage import read_json


class TitleScreen(Screen):
    """Where the game opens."""

    name = "title"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self._veil: tuple[tuple[int, int, bool], pygame.Surface] | None = None
        self.save_title = self._saved_title()

    def _saved_title(self) -> str:
        for path in (self.app.saves.path, self.app.saves.backup):
            try:
                data = read_json(path)
                if not isinstance(data, dict):
                    return ""
                titles = data.get("titles")
                own = titles.get(self.app.settings.language) if isinstance(titles, dict) else None
                return str(own or data.get("title", ""))
            except (OSError, ValueError):
                continue
        return ""

    def _new_hint(self) -> str:
        progress = self.app.progress
        title = progress.last_title.get(self.app.settings.language) or next(iter(progress.last_title.values()), "")
        if not title or not progress.last_path:
            return tr("title.new_hint_first")
        return tr("title.new_hint", title=_unquoted(title))

    def hint(self) -> str:
        return tr("hint.title")  # Esc does nothing here: the hint does not offer it

    def layout(self) -> None:
        self.save_title = self._saved_title()  # in the language now chosen
        t = self.theme
        w, h = self.size
        width = max(t.px(440), min(w * 40 // 100, t.px(560)))
        x = t.margin * 2
        gap = t.px(12)
        self.title_rect = pygame.Rect(
            x, max(t.px(16), h * 7 // 100), min(w - 2 * x, t.px(760)), t.line_height("display")
        )
        tag_top = self.title_rect.bottom + t.px(22)
        self.subs = True
        button_h = max(t.px(70), t.line_height("button") + t.line_height("small") + t.px(12))
        n = 5  # the buttons below
        top = min(h * 40 // 100, h - t.footer - n * button_h - (n - 1) * gap)
        if top < tag_top + t.line_height("h3"):
            self.subs = False  # no room for the hint lines under the labels: plain buttons
            button_h = max(t.px(50), t.line_height("button") + t.px(16))
            top = min(h * 40 // 100, h - t.footer - n * button_h - (n - 1) * gap)
        self.tag_rect = pygame.Rect(x, tag_top, self.title_rect.w, max(0, top - t.px(14) - tag_top))
        has_save = self.app.saves.exists()
        entries = [
            (
                "continue",
                tr("title.continue"),
                self.save_title if has_save else tr("title.continue_none"),
                has_save,
                self._continue,
            ),
            ("new", tr("title.new"), self._new_hint(), True, self._new_game),
            ("scenarios", tr("title.scenarios"), tr("title.scenarios_hint"), True, self._scenarios),
            ("settings", tr("title.settings"), tr("title.settings_hint"), True, self._settings),
            ("quit", tr("title.quit"), "", True, self._quit),
        ]
        if self.subs:  # wider buttons for hint lines at the label floor (a longer language), up to 60 % of the window
            needed = max(widgets.least_button_width(t, sub, role="small") for _k, _l, sub, _e, _a in entries)
            width = max(width, min(needed, w * 60 // 100))
        self.entries = []
        items = []
        for index, (key, label, sub, enabled, action) in enumerate(entries):
            rect = pygame.Rect(x, top + index * (button_h + gap), width, button_h)
            fits = widgets.least_button_width(t, sub, role="small") <= width  # else the label alone, not a tiny hint
            self.entries.append((key, label, sub if self.subs and fits else "", enabled, rect))
            items.append(Item(key, rect, action, enabled, index + 1))
        for key, label, sub, enabled, action in self._who_entry():  # top right: who plays, "someone else"
            sub_w = t.font("small").size(sub)[0] + t.px(30) + 2 * t.px(16) + t.px(12)
            who_w = min(w - 2 * x - width - gap, max(widgets.button_width(t, label), sub_w, t.px(300)))
            who_h = t.line_height("button") + t.line_height("small") + t.px(16)
            if who_w >= t.px(200):
                rect = pygame.Rect(w - t.margin - who_w, t.margin, who_w, who_h)
            else:  # a narrow window: under the menu's last button
                rect = pygame.Rect(x, top + len(entries) * (button_h + gap), width, button_h)
            self.entries.append((key, label, sub, enabled, rect))
            items.append(Item(key, rect, action, enabled, 0))
        self.focus.set_items(items, "continue" if has_save else "new")

    def _who_entry(self) -> list[tuple[str, str, str, bool, Callable[[], None]]]:
        """With records kept: who is playing, and "someone else" to change it."""
        if not self.app.recorder.enabled:
            return []
        player = self.app.player
        if player is None:
            return [("who", tr("title.who"), tr("title.who_hint"), True, self._who)]
        name, cohort = player
        if not name:
            sub = tr("title.playing_anonymous")
        elif cohort:
            sub = tr("title.playing_as_cohort", name=name, cohort=cohort)
        else:
            sub = tr("title.playing_as", name=name)
        return [("who", tr("title.someone_else"), sub, True, self._who)]

    def _who(self) -> None:
        self.finish(OpenWho())

    def _continue(self) -> None:
        self.finish(Continue())

    def _new_game(self) -> None:
        self.finish(OpenPicker(select=self.app.progress.last_path or None, focus_modes=True))

    def _scenarios(self) -> None:
        self.finish(OpenPicker())

    def _settings(self) -> None:
        self.finish(OpenSettings())

    def _quit(self) -> None:
        self.finish(Quit())

    def release(self) -> None:
        self._veil = None

    def _shade(self, size: tuple[int, int]) -> pygame.Surface:
        """A band of the warm veil over the left of the picture so the menu reads well (cached per size).
        Every row of the veil is the same: a band of at most 64 rows, put down the window, is the same
        blend as a window-high veil, which took 0.62 of a window layer (9 MB at 2560×1440)."""
        key = (size[0], size[1], self.theme.high_contrast)
        if self._veil is None or self._veil[0] != key:
            c = self.theme.colors
            width = size[0] * 62 // 100
            strip = pygame.Surface((width, 1), pygame.SRCALPHA)
            for x in range(width):
                alpha = round(235 * (1 - (x / width) ** 2.2))
                strip.set_at((x, 0), (*draw.mix(c.bg, c.bg2, x / width), alpha))
            self._veil = (key, pygame.transform.scale(strip, (width, min(size[1], 64))))
        return self._veil[1]

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        w, h = surface.get_size()
        if t.high_contrast:
            surface.fill(c.bg)
        else:
            picture = assets.load_image(ASSETS / "backgrounds" / "title.png")
            if picture is not None:
                if not assets.paint_cover(surface, picture):  # painted straight in when it has the window's shape
                    surface.blit(assets.cover(picture, (w, h), "title"), (0, 0))
            else:
                widgets.screen_background(surface, t)
            band = self._shade((w, h))
            clip = surface.get_clip()
            for y in range(clip.top - clip.top % band.get_height(), min(h, clip.bottom), band.get_height()):
                surface.blit(band, (0, y))
        title_rect = self.title_rect
        txt.draw_line(surface, t, tr("app.title"), "display", title_rect, c.text, "left", "title")
        pygame.draw.rect(
            surface,
            c.highlight,
            pygame.Rect(title_rect.x, title_rect.bottom + t.px(6), t.px(90), t.px(5)),
            border_radius=t.px(3),
        )
        tagline = tr("app.tagline")
        if txt.fits(t, tagline, "h3", self.tag_rect.size, txt.label_floor(t)):  # else left out, not shrunk
            txt.draw_fitted(surface, t, tagline, "h3", self.tag_rect, c.muted, what="tagline")
        for key, label, sub, enabled, rect in self.entries:
            icon = {
                "continue": "play",
                "new": "restart",
                "scenarios": "book",
                "who": "speech",
                "settings": "settings",
                "quit": "close",
            }[key]
            widgets.button(
                surface,
                t,
                rect,
                label,
                self.is_focused(key),
                primary=key == self.focus.focused_id,
                enabled=enabled,
                sub=sub,
                icon_name=icon,
                align="left",
            )


def _unquoted(title: str) -> str:
    """A title ready to go inside the hint's own quotes: no quotes around it, and quotes inside it in the
    second level (“…”), never quotes inside the same quotes."""
    title = title.strip()
    for first, last in (("«", "»"), ("“", "”"), ('"', '"')):
        inner = title[1:-1]
        if len(title) > 1 and title[0] == first and title[-1] == last and first not in inner and last not in inner:
            title = inner
            break
    return title.replace("«", "“").replace("»", "”")
