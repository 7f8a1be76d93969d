"""Who is playing: asked before the first scenario of a run when records are kept.

A learner types a name (and a cohort, prefilled from the trainer's setting), or picks theirs from the list a
trainer set up for the room (`sticky records learners --cohort CODE NAME…`), or plays without a name. What is
chosen becomes this laptop's learner profile, so every playthrough from now on is recorded under it, and the
title and picker show it. "Someone else" on the title screen opens this screen again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pygame

from game.files import OutputError
from game.locale import tr
from game.training.identity import NAME_MAX, BadName, clean_name, read_profile, read_room, write_profile
from game.ui import draw, widgets
from game.ui import input as inp
from game.ui import text as txt
from game.ui.focus import Item
from game.ui.screen_results import Chosen, ScreenResult
from game.ui.screens.base import Host, Screen
from game.ui.textfield import TextField

FIELDS = ("name", "cohort")


class WhoScreen(Screen):
    """A modal card over the current screen; once someone is chosen it finishes with ``Chosen(then)``."""

    overlay = True
    name = "who"

    def __init__(self, app: Host, then: ScreenResult | None = None) -> None:
        super().__init__(app)
        self.then = then
        self.room = read_room(app.folder)
        profile = read_profile(app.folder)
        self.previous = profile.get("learner", "")
        cohort = self.room.cohort if self.room else profile.get("cohort", "")
        self.fields = {
            "name": TextField("", NAME_MAX, lambda _text: self._after_field("name")),
            "cohort": TextField(cohort, NAME_MAX, lambda _text: self._after_field("cohort")),
        }
        self.problem = ""
        self.page = 0
        self._first_layout = True

    # -- what can be chosen ----------------------------------------------------------------------------
    @property
    def listed(self) -> tuple[str, ...]:
        """The room's names, when a trainer listed them (then no name is typed)."""
        return self.room.learners if self.room else ()

    @property
    def cohort_locked(self) -> bool:
        """True when the trainer set the cohort for this laptop."""
        return self.room is not None

    def choose(self, name: str | None) -> None:
        """Record ``name`` (None: play without a name) as who plays now, then go on."""
        cohort = self.room.cohort if self.room else self.fields["cohort"].text
        try:
            learner = clean_name(name) if name is not None else None
            team = clean_name(cohort, "cohort") if cohort.strip() else None
        except BadName as exc:
            self.problem = tr("who.problem", problem=str(exc))
            self.changed()
            return
        try:
            write_profile(self.app.folder, learner, team)
        except OutputError as exc:  # the folder can't be written: this run still records under the name
            self.app.show_notice("error", tr("who.not_kept"), [str(exc)])
        self.app.player = (learner or "", team or "")
        self._stop_fields()
        self.finish(Chosen(self.then))

    def _start(self) -> None:
        self.choose(self.fields["name"].text)

    def _after_field(self, key: str) -> None:
        """Enter in a field: the name moves on to the cohort (when it can be typed), the cohort starts."""
        if key == "name" and not self.cohort_locked:
            self._focus_field("cohort")
        else:
            self._start()

    # -- layout ----------------------------------------------------------------------------------------
    def layout(self) -> None:
        t = self.theme
        w, h = self.size
        width = min(w - 2 * t.margin, max(t.px(640), w * 50 // 100))
        inner = width - 2 * t.pad
        self.inner = inner
        gap = t.px(10)
        button_h = max(t.px(52), t.line_height("button") + t.px(16))
        head = txt.layout(t, tr("who.title"), "h2", inner).height
        about = txt.layout(t, tr("who.about"), "small", inner).height
        line = t.line_height("small")
        room = h - t.footer - 2 * t.px(12)
        items: list[Item] = []
        self.rows: list[tuple[str, str, pygame.Rect, bool]] = []  # (id, label, rect, primary)
        self.labels: list[tuple[str, pygame.Rect]] = []
        self.field_rects: dict[str, pygame.Rect] = {}
        y = t.pad + head + gap + about + gap
        if self.cohort_locked:
            self.labels.append(
                (tr("who.cohort_locked", cohort=self.room.cohort if self.room else ""), pygame.Rect(0, y, inner, line))
            )
            y += line + gap
        if self.listed:
            widest = max(widgets.button_width(t, name) for name in self.listed)
            columns = max(1, min(3, (inner + gap) // (widest + gap)))
            col_w = (inner - (columns - 1) * gap) // columns
            fit_rows = max(1, (room - y - 2 * t.pad - 2 * (button_h + gap)) // (button_h + gap))
            per_page = columns * fit_rows
            pages = max(1, -(-len(self.listed) // per_page))
            self.page %= pages
            shown = self.listed[self.page * per_page : (self.page + 1) * per_page]
            for index, name in enumerate(shown):
                col, row = index % columns, index // columns
                rect = pygame.Rect(col * (col_w + gap), y + row * (button_h + gap), col_w, button_h)
                self.rows.append((f"pick:{name}", name, rect, False))
            y += -(-len(shown) // columns) * (button_h + gap)
            if pages > 1:
                self.rows.append(
                    ("more", tr("who.more", page=self.page + 1, pages=pages), pygame.Rect(0, y, inner, button_h), False)
                )
                y += button_h + gap
        else:
            if self.previous:
                label = tr("who.previous", name=self.previous)
                self.rows.append(("previous", label, pygame.Rect(0, y, inner, button_h), False))
                y += button_h + gap
            field_h = 2 * t.px(12) + t.line_height("body")
            for key in FIELDS if not self.cohort_locked else ("name",):
                self.labels.append((tr(f"who.{key}_label"), pygame.Rect(0, y, inner, line)))
                y += line + t.px(4)
                self.field_rects[key] = pygame.Rect(0, y, inner, field_h)
                y += field_h + gap
            self.rows.append(("start", tr("who.start"), pygame.Rect(0, y, inner, button_h), True))
            y += button_h + gap
        self.rows.append(("anonymous", tr("who.anonymous"), pygame.Rect(0, y, inner, button_h), False))
        y += button_h
        problem_h = line if self.problem else 0
        height = y + problem_h + t.pad
        top = max(t.px(8), (h - t.footer - height) // 2)
        self.card = pygame.Rect((w - width) // 2, top, width, height)
        self.problem_rect = pygame.Rect(self.card.x + t.pad, self.card.y + y + t.px(4), inner, problem_h)
        dx, dy = self.card.x + t.pad, self.card.y
        self.head_xy = (dx, dy + t.pad)
        self.about_xy = (dx, dy + t.pad + head + gap)
        self.labels = [(text, rect.move(dx, dy)) for text, rect in self.labels]
        self.field_rects = {key: rect.move(dx, dy) for key, rect in self.field_rects.items()}
        self.rows = [(key, label, rect.move(dx, dy), primary) for key, label, rect, primary in self.rows]
        number = 1
        for key in FIELDS:
            if key in self.field_rects:
                items.append(Item(f"field:{key}", self.field_rects[key], partial(self._focus_field, key)))
        for key, _label, rect, _primary in self.rows:
            items.append(Item(key, rect, self._action(key), True, number if number <= 9 else 0))
            number += 1
        first = "field:name" if "name" in self.field_rects else (self.rows[0][0] if self.rows else None)
        keep = self.focus.focused_id if not self._first_layout else None
        self.focus.set_items(items, keep or first)
        if self._first_layout:
            self._first_layout = False
            if first == "field:name":
                self._focus_field("name")

    def _action(self, key: str) -> Callable[[], None]:
        if key.startswith("pick:"):
            return lambda: self.choose(key[5:])
        actions: dict[str, Callable[[], None]] = {
            "more": self._next_page,
            "previous": lambda: self.choose(self.previous),
            "start": self._start,
            "anonymous": lambda: self.choose(None),
        }
        return actions[key]

    def _next_page(self) -> None:
        self.page += 1
        self.relayout()
        self.focus.focus("more")
        self.changed()

    # -- fields ----------------------------------------------------------------------------------------
    def _focus_field(self, key: str) -> None:
        self._stop_fields()
        self.focus.focus(f"field:{key}")
        self.fields[key].start(self.field_rects.get(key))
        self.changed()

    def _stop_fields(self) -> None:
        for field in self.fields.values():
            if field.active:
                field.stop()

    def _active(self) -> TextField | None:
        focused = self.focus.focused_id or ""
        field = self.fields.get(focused[6:]) if focused.startswith("field:") else None
        return field if field is not None and field.active else None

    def takes_text(self, event: pygame.event.Event) -> bool:
        field = self._active()
        return field is not None and field.takes(event)

    def text_event(self, event: pygame.event.Event) -> None:
        field = self._active()
        if field is not None and field.handle(event):
            self.problem = ""
            self.app.invalidate()

    def handle(self, action: inp.Action) -> None:
        before = self.focus.focused_id
        super().handle(action)
        after = self.focus.focused_id or ""
        if after != before:  # the focus moved: a field it lands on takes the keyboard, the one it left lets go
            self._stop_fields()
            if after.startswith("field:") and action.kind != inp.CLICK:
                self.fields[after[6:]].start(self.field_rects.get(after[6:]))

    def back(self) -> bool:
        """Esc: the question stays until someone is chosen (or "play without a name")."""
        self._stop_fields()
        self.focus.focus("anonymous")
        self.changed()
        return True

    def hint(self) -> str:
        return tr("hint.who_typing") if self._active() is not None else tr("hint.who")

    def release(self) -> None:
        self._stop_fields()

    # -- drawing ---------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colors
        draw.scrim(surface, c.scrim)
        draw.card(surface, t, self.card, elevation=2.0)
        txt.draw(surface, txt.layout(t, tr("who.title"), "h2", self.inner), self.head_xy, c.text)
        txt.draw(surface, txt.layout(t, tr("who.about"), "small", self.inner), self.about_xy, c.muted)
        for text, rect in self.labels:
            txt.draw_line(surface, t, text, "small", rect, c.text, what="who label")
        for key, rect in self.field_rects.items():
            placeholder = tr(f"who.{key}_placeholder")
            self.fields[key].draw(surface, t, rect, placeholder, self.is_focused(f"field:{key}"))
        for key, label, rect, primary in self.rows:
            icon = {"start": "play", "anonymous": "close", "more": "arrow_right"}.get(key, "speech")
            widgets.button(surface, t, rect, label, self.is_focused(key), primary=primary, icon_name=icon, align="left")
        if self.problem:
            txt.draw_line(surface, t, self.problem, "small", self.problem_rect, c.bad, what="who problem")
