"""The projector screens of facilitated group play: discuss, vote, reveal, outcome and the group debrief.

Large type (the game's theme at its largest text size), one idea per screen, and nothing that relies
on colour alone: numbers, labels, arrows and ★ carry the meaning.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.debrief import Debrief, Decision, MetricChange, build_debrief
from game.core.format import format_delta
from game.core.variants import shown_scene
from game.locale import judged_change
from game.training import facilitate_draw as d
from game.training.facilitate_model import GroupPlay
from game.training.facilitate_text import words
from game.training.report_text import PHASE_NAMES, RATING_NAMES, STYLE_NAMES, name_of


class View:
    """Draws a ``GroupPlay`` onto a surface; ``scroll`` moves the debrief."""

    def __init__(self, play: GroupPlay, theme: Any, language: str) -> None:
        self.play = play
        self.t = theme
        self.lang = language
        self.w = words(language)
        self.scroll = 0
        self.max_scroll = 0
        self.phones: Any = None  # phone voting hook: a game.ui.facilitate.phone_panel.PhonePanel with --serve

    # -- frame ---------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the current step."""
        t, play = self.t, self.play
        surface.fill(t.colors.bg)
        body = self.header(surface)
        if self.phones is not None:  # phone voting hook: sync the phones' room, QR panel at the right
            body = self.phones.frame(surface, t, body, play)
        step = play.step
        getattr(self, f"draw_{step}")(surface, body)
        d.hints(surface, t, self.w[f"keys_{step}"])

    def header(self, surface: pygame.Surface) -> pygame.Rect:
        """The title band: scenario, decision point, step; returns the body area below it."""
        t, play = self.t, self.play
        w, h = surface.get_size()
        band = t.px(92)
        pygame.draw.rect(surface, t.colors.accent, pygame.Rect(0, 0, w, band))
        margin = t.px(36)
        title = t.font("h2").render(play.scenario.title, True, t.colors.on_accent)
        surface.blit(title, (margin, t.px(12)))
        scene = play.scene
        if play.step == "debrief":
            sub = self.w["debrief"]
        elif play.step == "outcome" and play.rounds:  # the decision just played, not the scene after it
            last = play.rounds[-1]
            sub = f"{self.w['turn'].format(n=last.outcome.turn)} · {name_of(PHASE_NAMES, self.lang, last.scene.phase)}"
        else:
            phase = name_of(PHASE_NAMES, self.lang, scene.phase) if scene else ""
            sub = f"{self.w['turn'].format(n=play.session.turn + 1)} · {phase}"
        surface.blit(t.font("h3").render(sub, True, t.colors.accent_soft), (margin, t.px(52)))
        x = w - margin
        for step in reversed(("discuss", "vote", "reveal", "outcome")):
            if play.step == "debrief":
                break
            label = t.font("label").render(self.w[step], True, t.colors.on_accent)
            x -= label.get_width() + t.px(26)
            rect = pygame.Rect(x, t.px(30), label.get_width() + t.px(20), label.get_height() + t.px(8))
            if step == play.step:
                pygame.draw.rect(surface, t.colors.highlight, rect, border_radius=rect.height // 2)
            else:
                pygame.draw.rect(surface, t.colors.on_accent, rect, max(1, t.px(1)), border_radius=rect.height // 2)
            surface.blit(label, (rect.x + t.px(10), rect.y + t.px(4)))
        footer = t.font("small").get_height() + t.px(16)
        return pygame.Rect(margin, band + t.px(24), w - 2 * margin, h - band - t.px(40) - footer)

    # -- steps ---------------------------------------------------------------------------------------
    def scene_card(self, surface: pygame.Surface, rect: pygame.Rect) -> int:
        """The speaker and the scene text; returns the y below the card."""
        t, play = self.t, self.play
        scene = shown_scene(play.session)  # the scene's text as it applies now (variants resolved)
        assert scene is not None
        speaker = play.scenario.character(scene.speaker)
        inner = rect.inflate(-2 * t.px(22), -2 * t.px(18))
        y = inner.y
        if speaker is not None:
            who = t.font("label").render(f"{speaker.name} · {speaker.role}".upper(), True, t.colors.accent)
            surface.blit(who, (inner.x, y))
            y += who.get_height() + t.px(8)
        font = d.fit_font(t, "body", scene.text, inner.width, inner.bottom - y)
        d.card(surface, t, rect)
        if speaker is not None:
            surface.blit(who, (inner.x, inner.y))
        d.text_block(surface, scene.text, font, t.colors.text, inner.x, y, inner.width)
        return rect.bottom

    def draw_discuss(self, surface: pygame.Surface, body: pygame.Rect) -> None:
        t, play = self.t, self.play
        left = pygame.Rect(body.x, body.y, round(body.width * 0.6) - t.px(12), body.height)
        right = pygame.Rect(left.right + t.px(24), body.y, body.right - left.right - t.px(24), body.height)
        scene = shown_scene(play.session)
        assert scene is not None
        font = t.font("body", 0.85)
        need = len(d.wrap(scene.text, font, left.width - 2 * t.px(22))) * font.get_linesize() * 1.12 + t.px(80)
        height = round(min(max(need, left.height * 0.36), left.height * 0.5))
        top = self.scene_card(surface, pygame.Rect(left.x, left.y, left.width, height))
        self.choice_list(surface, pygame.Rect(left.x, top + t.px(18), left.width, left.bottom - top - t.px(18)))
        q_rect = pygame.Rect(right.x, right.y, right.width, round(right.height * 0.6))
        d.card(surface, t, q_rect, fill=t.colors.accent_soft, border=t.colors.accent, width=2)
        inner = q_rect.inflate(-2 * t.px(24), -2 * t.px(20))
        label = t.font("label").render(self.w["question"].upper(), True, t.colors.accent)
        surface.blit(label, inner.topleft)
        question = play.reflection() or self.w["no_question"]
        y = inner.y + label.get_height() + t.px(12)
        font = d.fit_font(t, "h2", question, inner.width, inner.bottom - y)
        d.text_block(surface, question, font, t.colors.text, inner.x, y, inner.width)
        self.timer(
            surface,
            pygame.Rect(right.x, q_rect.bottom + t.px(20), right.width, right.bottom - q_rect.bottom - t.px(20)),
        )

    def timer(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        t, play = self.t, self.play
        left = play.remaining()
        if left is None:
            return
        d.card(surface, t, rect)
        if play.timer_started is None:
            minutes = f"{int(play.countdown) // 60}:{int(play.countdown) % 60:02d}"
            d.text_block(
                surface,
                self.w["timer_hint"].format(time=minutes),
                t.font("h3"),
                t.colors.muted,
                rect.x + t.px(24),
                rect.y + t.px(20),
                rect.width - t.px(48),
            )
            return
        seconds = int(left + 0.999)
        text = f"{seconds // 60}:{seconds % 60:02d}" if seconds else self.w["time_up"]
        colour = t.colors.bad if seconds <= 10 else t.colors.text
        label = t.font("display").render(text, True, colour)
        surface.blit(label, label.get_rect(center=(rect.centerx, rect.centery - t.px(8))))
        track = pygame.Rect(rect.x + t.px(24), rect.bottom - t.px(26), rect.width - t.px(48), t.px(10))
        d.bar(surface, t, track, left / play.countdown if play.countdown else 0, t.colors.accent)

    def choice_list(self, surface: pygame.Surface, rect: pygame.Rect, with_counts: bool = False) -> None:
        t, play = self.t, self.play
        choices = play.choices
        if not choices:
            return
        gap = t.px(12)
        row_h = min(t.px(120), (rect.height - gap * (len(choices) - 1)) // len(choices))
        counts_w = t.px(170) if with_counts else 0
        text_w = rect.width - t.px(40) - t.font("h2").get_height() - t.px(16) - counts_w
        fonts = [d.fit_font(t, "body", c.text, text_w, row_h - t.px(16)) for c in choices]
        font = min(fonts, key=lambda f: f.get_height())  # one size for every row
        for i, choice in enumerate(choices):
            row = pygame.Rect(rect.x, rect.y + i * (row_h + gap), rect.width, row_h)
            selected = with_counts and i == play.selected
            d.card(surface, t, row, border=t.colors.highlight if selected else None, width=3 if selected else 1)
            size = d.number_badge(surface, t, i + 1, row.x + t.px(14), row.centery - t.px(22), t.colors.accent)
            text_x = row.x + t.px(24) + size
            width = row.right - text_x - t.px(16) - counts_w
            lines = d.wrap(choice.text, font, width)
            height = len(lines) * round(font.get_linesize() * 1.12)
            d.text_block(surface, choice.text, font, t.colors.text, text_x, row.centery - height // 2, width)
            if with_counts:
                box = pygame.Rect(row.right - counts_w, row.y + t.px(12), counts_w - t.px(16), row_h - t.px(24))
                pygame.draw.rect(surface, t.colors.bg, box, border_radius=t.px(10))
                pygame.draw.rect(
                    surface,
                    t.colors.highlight if selected else t.colors.border,
                    box,
                    max(2, t.px(3 if selected else 1)),
                    border_radius=t.px(10),
                )
                typed = play.typed.get(choice.id, "")
                label = t.font("h1").render(typed or "0", True, t.colors.text if typed else t.colors.muted)
                spot = label.get_rect(center=box.center)
                surface.blit(label, spot)
                if selected:  # a typing cursor
                    pygame.draw.line(
                        surface,
                        t.colors.highlight,
                        (spot.right + t.px(4), spot.top + t.px(6)),
                        (spot.right + t.px(4), spot.bottom - t.px(6)),
                        max(2, t.px(3)),
                    )

    def draw_vote(self, surface: pygame.Surface, body: pygame.Rect) -> None:
        t, play = self.t, self.play
        total = sum(play.counts().values())
        label = t.font("h3").render(self.w["votes_total"].format(n=total), True, t.colors.muted)
        surface.blit(label, (body.x, body.y))
        top = body.y + label.get_height() + t.px(14)
        self.choice_list(surface, pygame.Rect(body.x, top, body.width, body.bottom - top), with_counts=True)

    def draw_reveal(self, surface: pygame.Surface, body: pygame.Rect) -> None:
        from game.training.facilitate_results import draw_reveal

        draw_reveal(self, surface, body)

    def draw_outcome(self, surface: pygame.Surface, body: pygame.Rect) -> None:
        from game.training.facilitate_results import draw_outcome

        draw_outcome(self, surface, body)

    def draw_debrief(self, surface: pygame.Surface, body: pygame.Rect) -> None:
        from game.training.facilitate_results import draw_debrief

        draw_debrief(self, surface, body)

    # -- names ---------------------------------------------------------------------------------------
    def style(self, style: str) -> str:
        """A style's name in the screen's language."""
        return name_of(STYLE_NAMES, self.lang, style)

    def rating(self, rating: str) -> str:
        """A rating's name in the screen's language."""
        return name_of(RATING_NAMES, self.lang, rating)

    def debrief(self) -> Debrief:
        """What the group's playthrough meant so far (texts resolved to the variants shown)."""
        return build_debrief(self.play.session)

    def decision(self, index: int) -> Decision | None:
        """The debrief's account of the ``index``-th round played (None if the session has no such turn)."""
        decisions = self.debrief().decisions
        return decisions[index] if -len(decisions) <= index < len(decisions) else None

    def deltas(self, changes: tuple[MetricChange, ...]) -> list[tuple[str, bool]]:
        """('Label ▲ +3 % (worse)', good news?) for every changed metric: the arrow says which way it moved,
        the word and the flag whether that is good news for the metric (its ``better:`` honoured)."""
        out = []
        for change in changes:
            metric = self.play.scenario.metric(change.metric)
            if metric is not None and change.delta:
                text = judged_change(self.lang, format_delta(change.delta, metric, self.lang), metric, change.delta)
                out.append((f"{metric.label} {text}", change.improvement))
        return out
