"""The scenario picker: a list of scenario cards and a detail card with the summary, goals and the two modes."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pygame

from game.locale import LANGUAGES, tr, tr_count
from game.ui import draw, widgets
from game.ui import input as inp
from game.ui import text as txt
from game.ui.catalogue import Entry
from game.ui.focus import Item
from game.ui.playthrough import ASSESSMENT, PRACTICE
from game.ui.screen_results import Back, Picked
from game.ui.screens.base import Host, Screen
from game.ui.scroll import Scroller


def length_text(entry: Entry) -> str:
    """ "6–9 choices" for a scenario card."""
    if entry.shortest == entry.longest:
        return tr_count("picker.length_one", entry.longest)
    return tr("picker.length", low=entry.shortest, high=entry.longest)


class PickerScreen(Screen):
    """Choose a scenario and a mode."""

    name = "picker"

    def __init__(self, app: Host, select: str | Path | None = None, focus_modes: bool = False) -> None:
        super().__init__(app)
        if select is not None:
            app.catalogue.add(Path(select))
        self.entries = app.catalogue.entries()
        self.selected = 0
        if select is not None:
            target = Path(select).resolve()
            for index, entry in enumerate(self.entries):
                if entry.path.resolve() == target:
                    self.selected = index
        self.scroll = 0
        self.detail_scroll = Scroller()
        self._initial_focus = PRACTICE if focus_modes else f"s:{self.selected}"
        self.mode = PRACTICE  # the mode shown as chosen: the last mode button the focus was on

    @property
    def selected_mode(self) -> str:
        """The mode Enter on a mode button starts, shown filled and ticked (the focused one, else the last)."""
        focused = self.focus.focused_id
        return focused if focused in (PRACTICE, ASSESSMENT) else self.mode

    # -- layout ----------------------------------------------------------------------------------------
    def layout(self) -> None:
        t = self.theme
        w, h = self.size
        m = t.margin
        self.header = pygame.Rect(m, t.px(18), w - 2 * m - t.px(180), t.line_height("h1") + t.line_height("small"))
        self.back_rect = pygame.Rect(w - m - t.px(160), m + t.px(8), t.px(160), t.px(52))
        body_top = self.header.bottom + t.gap
        body_h = h - body_top - t.footer
        list_w = (w - 2 * m - t.gap) * 38 // 100
        self.viewport = pygame.Rect(m, body_top, list_w, body_h)
        self.detail = pygame.Rect(m + list_w + t.gap, body_top, w - 2 * m - list_w - t.gap, body_h)
        self.card_hs = [self._card_height(e) for e in self.entries]
        items: list[Item] = []
        for index, _entry in enumerate(self.entries):
            rect = self._card_rect(index)
            items.append(Item(f"s:{index}", rect, partial(self._open, index), True, index + 1 if index < 9 else 0))
        pad = t.pad
        half = (self.detail.w - 2 * pad - t.gap) // 2
        hint_h = max(
            txt.layout(t, tr(f"picker.{m}_hint"), "small", half - 2 * t.px(16)).height for m in (PRACTICE, ASSESSMENT)
        )
        button_h = min(t.line_height("button") + hint_h + 2 * t.px(10), self.detail.h // 2)
        y = self.detail.bottom - pad - button_h
        self.mode_rects = {
            PRACTICE: pygame.Rect(self.detail.x + pad, y, half, button_h),
            ASSESSMENT: pygame.Rect(self.detail.x + pad + half + t.gap, y, half, button_h),
        }
        items.append(Item(PRACTICE, self.mode_rects[PRACTICE], lambda: self._start(PRACTICE)))
        items.append(Item(ASSESSMENT, self.mode_rects[ASSESSMENT], lambda: self._start(ASSESSMENT)))
        items.append(Item("back", self.back_rect, lambda: self.finish(Back())))
        self.focus.set_items(items, self._initial_focus)
        self._keep_visible()

    def _card_texts(self, entry: Entry) -> tuple[str, str, str]:
        scenario = entry.scenario(self.app.settings.language)
        assert scenario is not None
        found = len(self.app.progress.found(scenario.id))
        langs = " · ".join(code.upper() for code in scenario.languages)
        meta = f"{length_text(entry)}  ·  {tr('picker.endings', found=found, total=len(scenario.endings))}  ·  {langs}"
        return scenario.title, scenario.business, meta

    def _card_inner_w(self) -> int:
        t = self.theme
        return self.viewport.w - 2 * t.pad - t.px(34) - t.px(12)

    def _card_height(self, entry: Entry) -> int:
        t = self.theme
        title, business, meta = self._card_texts(entry)
        w = self._card_inner_w()
        height = txt.layout(t, title, "h3", w).height + t.px(4)
        if business:
            height += txt.layout(t, business, "small", w).height + t.px(2)
        return 2 * t.pad + height + txt.layout(t, meta, "small", w).height

    def _card_rect(self, index: int) -> pygame.Rect:
        y = self.viewport.y + sum(h + self.theme.gap for h in self.card_hs[:index]) - self.scroll
        return pygame.Rect(self.viewport.x, y, self.viewport.w, self.card_hs[index])

    def _total(self) -> int:
        return sum(self.card_hs) + self.theme.gap * max(0, len(self.card_hs) - 1)

    def _keep_visible(self) -> None:
        focused = self.focus.focused_id or ""
        if focused.startswith("s:") and int(focused[2:]) != self.selected:
            self.selected = int(focused[2:])
            self.detail_scroll.offset = 0
        if not self.entries:
            return
        rect = self._card_rect(self.selected)
        if rect.top < self.viewport.top:
            self.scroll -= self.viewport.top - rect.top
        elif rect.bottom > self.viewport.bottom:
            self.scroll += rect.bottom - self.viewport.bottom
        self._keep_visible_scroll_only()

    # -- actions ---------------------------------------------------------------------------------------
    def _open(self, index: int) -> None:
        if index != self.selected:
            self.detail_scroll.offset = 0
            self.changed()
        self.selected = index
        self.focus.focus(self.mode)  # the mode last chosen here (Practice at first)

    def _start(self, mode: str) -> None:
        if self.entries:
            self.finish(Picked(str(self.entries[self.selected].path), mode))

    def notice_top(self) -> int:
        """Below the Back button."""
        return self.back_rect.bottom + self.theme.px(6)

    def back(self) -> bool:
        self.finish(Back())
        return True

    def handle(self, action: inp.Action) -> None:
        step = self.theme.px(60)
        if action.kind == inp.SCROLL and self.viewport.collidepoint(pygame.mouse.get_pos()):
            self.scroll -= action.value * step
            self._keep_visible_scroll_only()
            return
        if action.kind == inp.SCROLL and self.detail_scroll.by(-action.value * step):
            return
        if action.kind == inp.PAGE and self.detail_scroll.by(action.value * self.detail_scroll.view.h * 3 // 4):
            return
        on_modes = self.focus.focused_id in (PRACTICE, ASSESSMENT)
        if (
            on_modes
            and action.kind in (inp.UP, inp.DOWN)
            and self.detail_scroll.by(step if action.kind == inp.DOWN else -step)
        ):
            return
        super().handle(action)
        self.mode = self.selected_mode
        self._keep_visible()

    def _keep_visible_scroll_only(self) -> None:
        self.scroll = max(0, min(self.scroll, max(0, self._total() - self.viewport.h)))
        for index, item in enumerate(i for i in self.focus.items if i.id.startswith("s:")):
            item.rect = self._card_rect(index).clip(self.viewport)

    # -- drawing ---------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        widgets.screen_background(surface, t)
        player = self.app.player
        subtitle = tr("picker.subtitle")
        if player is not None and player[0]:
            subtitle = tr("picker.playing_as", name=player[0]) + "  ·  " + subtitle
        widgets.heading(surface, t, self.header, tr("picker.title"), subtitle)
        widgets.button(surface, t, self.back_rect, tr("common.back"), self.is_focused("back"), icon_name="arrow_left")
        if not self.entries:
            txt.draw_fitted(surface, t, tr("picker.empty", folder="scenarios/"), "body", self.detail, c.text)
            return
        surface.set_clip(
            self.viewport.inflate(t.px(24), t.px(8))
            if self._total() > self.viewport.h
            else self.viewport.inflate(t.px(24), t.px(24))
        )
        for index, entry in enumerate(self.entries):
            rect = self._card_rect(index)
            if rect.bottom < self.viewport.top - t.px(20) or rect.top > self.viewport.bottom + t.px(20):
                continue
            self._draw_card(surface, entry, index, rect)
        surface.set_clip(None)
        self._draw_detail(surface, self.entries[self.selected])

    def _draw_card(self, surface: pygame.Surface, entry: Entry, index: int, rect: pygame.Rect) -> None:
        t = self.theme
        c = t.colors
        title, business, meta = self._card_texts(entry)
        selected = index == self.selected
        draw.card(surface, t, rect, fill=c.accent_soft if selected else c.panel, elevation=0.8)
        if selected:
            draw.stripe(surface, t, rect, c.accent)
        pad = t.pad
        badge = t.px(34)
        widgets.number_badge(
            surface, t, (rect.x + pad + badge // 2, rect.y + pad + badge // 2), badge, index + 1, c.on_accent, c.accent
        )
        x = rect.x + pad + badge + t.px(12)
        w = self._card_inner_w()
        y = rect.y + pad
        y += txt.draw(surface, txt.layout(t, title, "h3", w), (x, y), c.text) + t.px(4)
        if business:
            y += txt.draw(surface, txt.layout(t, business, "small", w), (x, y), c.highlight) + t.px(2)
        txt.draw(surface, txt.layout(t, meta, "small", w), (x, y), c.muted)
        if self.is_focused(f"s:{index}"):
            draw.focus_ring(surface, t, rect)

    def _draw_detail(self, surface: pygame.Surface, entry: Entry) -> None:
        t = self.theme
        c = t.colors
        language = self.app.settings.language
        scenario = entry.scenario(language)
        assert scenario is not None
        draw.card(surface, t, self.detail)
        pad = t.pad
        inner = pygame.Rect(
            self.detail.x + pad,
            self.detail.y + pad,
            self.detail.w - 2 * pad,
            self.mode_rects[PRACTICE].y - self.detail.y - pad - t.gap,
        )
        names = ", ".join(LANGUAGES.get(code, code) for code in scenario.languages)
        meta = [
            length_text(entry),
            tr("picker.endings", found=len(self.app.progress.found(scenario.id)), total=len(scenario.endings)),
            tr("picker.languages", names=names),
        ]
        if language not in scenario.languages:
            meta.append(tr("picker.not_translated", name=LANGUAGES.get(scenario.language, scenario.language)))
        goals = [f"•  {g}" for g in scenario.goals]
        blocks: list[tuple[str, str, tuple[int, int, int], int]] = [
            (scenario.title, "h2", c.text, 0),
            (scenario.business, "label", c.highlight, t.px(4)),
            (scenario.summary, "body", c.text, t.px(12)),
            ("  ·  ".join(meta), "small", c.muted, t.px(10)),
        ]
        if goals:
            blocks.append((tr("picker.goals"), "label", c.accent, t.px(14)))
            blocks.extend((g, "small", c.text, t.px(4)) for g in goals)

        def measure(shrink: float, width: int = inner.w) -> int:
            return sum(gap + txt.layout(t, s, role, width, shrink).height for s, role, _c, gap in blocks if s)

        self.detail_scroll.set(pygame.Rect(inner.x, inner.y, inner.w - t.px(10), inner.h), 0)
        floor = txt.reading_floor(t)  # never smaller than reading size: scroll instead
        if measure(floor) <= inner.h:
            shrink = txt.shrink_to_fit(measure, inner.h, "picker detail")
            scrolling = False
        else:  # last resort: readable text that scrolls (mouse wheel, Page Up/Down, Up/Down on the buttons)
            shrink = floor
            self.detail_scroll.set(self.detail_scroll.view, measure(shrink, self.detail_scroll.view.w))
            scrolling = True
            surface.set_clip(self.detail_scroll.clip(self.detail_scroll.view.inflate(0, t.px(4)), t))
        width = self.detail_scroll.view.w if scrolling else inner.w
        y = inner.y - self.detail_scroll.offset
        for string, role, color, gap in blocks:
            if not string:
                continue
            y += gap
            block = txt.layout(t, string, role, width, shrink)
            y += txt.draw(surface, block, (inner.x, y), color)
        if scrolling:
            surface.set_clip(None)
            self.detail_scroll.draw(surface, t)
        self._draw_mode_buttons(surface)

    def _draw_mode_buttons(self, surface: pygame.Surface) -> None:
        t = self.theme
        for mode, rect in self.mode_rects.items():
            hint = tr(f"picker.{mode}_hint")
            primary = mode == self.selected_mode
            c = t.colors
            fill = c.accent if primary else c.panel
            fg = c.on_accent if primary else c.text
            draw.card(surface, t, rect, fill=fill, elevation=0.6, radius=t.px(12))
            inner = rect.inflate(-2 * t.px(16), -2 * t.px(10))
            label_h = t.line_height("button")
            mark = t.px(26)  # a radio mark, not colour alone: ticked for the chosen mode, an empty ring for the other
            centre = (inner.right - mark // 2, inner.y + label_h // 2)
            pygame.draw.circle(surface, fg, centre, mark // 2, 0 if primary else max(2, t.px(3)))
            if primary:
                draw.check(surface, centre, mark * 2 // 3, fill)
            txt.draw_line(
                surface,
                t,
                tr(f"picker.{mode}"),
                "button",
                pygame.Rect(inner.x, inner.y, inner.w - mark - t.px(8), label_h),
                fg,
                what="mode button",
            )
            txt.draw_fitted(
                surface,
                t,
                hint,
                "small",
                pygame.Rect(inner.x, inner.y + label_h, inner.w, inner.h - label_h),
                fg if primary else c.muted,
                what="mode hint",
            )
            if self.is_focused(mode):
                draw.focus_ring(surface, t, rect, t.px(12))
