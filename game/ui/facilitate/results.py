"""The result screens of group play: the vote reveal, the outcome of the played choice, the group debrief."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.debrief import Debrief, changes_of
from game.core.format import format_value
from game.training.report_text import PHASE_NAMES, name_of
from game.ui.facilitate import shapes as d

if TYPE_CHECKING:
    from game.ui.facilitate.view import View


def draw_reveal(view: View, surface: pygame.Surface, body: pygame.Rect) -> None:
    """Bars of the votes per choice, the majority and the choice to be played marked with words."""
    t, play = view.t, view.play
    counts = play.counts()
    total = sum(counts.values())
    top = set(play.majority())
    choices = play.choices
    y = body.y
    if play.picked is None:
        note = view.w["tie"] if total else view.w["no_votes"]
        label = t.font("h3").render(note, True, t.colors.bad)
        surface.blit(label, (body.x, y))
        y += label.get_height() + t.px(12)
    gap = t.px(12)
    row_h = min(t.px(118), (body.bottom - y - gap * (len(choices) - 1)) // max(1, len(choices)))
    text_w = round(body.width * 0.45)
    badge = t.font("h2").get_height() + t.px(8)
    fonts = [d.fit_font(t, "small", c.text, text_w - badge, row_h - t.px(14)) for c in choices]
    font = min(fonts, key=lambda f: f.get_height()) if fonts else t.font("small")
    for i, choice in enumerate(choices):
        row = pygame.Rect(body.x, y + i * (row_h + gap), body.width, row_h)
        picked = choice.id == play.picked
        d.card(surface, t, row, border=t.colors.highlight if picked else None, width=3 if picked else 1)
        size = d.number_badge(surface, t, i + 1, row.x + t.px(14), row.centery - t.px(22), t.colors.accent)
        x = row.x + t.px(24) + size
        lines = d.wrap(choice.text, font, text_w - size)
        height = len(lines) * round(font.get_linesize() * 1.12)
        d.text_block(surface, choice.text, font, t.colors.text, x, row.centery - height // 2, text_w - size)
        n = counts.get(choice.id, 0)
        share = n / total if total else 0.0
        bar_x = row.x + text_w + t.px(40)
        chips_w = t.px(250)
        track = pygame.Rect(bar_x, row.centery - t.px(14), row.right - bar_x - chips_w - t.px(130), t.px(28))
        d.bar(
            surface, t, track, share, t.colors.highlight if choice.id in top else t.colors.accent, f"{n} · {share:.0%}"
        )
        chip_y = row.centery - t.font("label").get_height() // 2 - t.px(3)
        cx = row.right - chips_w
        if picked:
            cx = d.chip(surface, t, view.w["to_play"], cx, chip_y, t.colors.highlight, filled=True).right + t.px(8)
        if choice.id in top:
            d.chip(surface, t, view.w["majority"], cx, chip_y, t.colors.accent)


def draw_outcome(view: View, surface: pygame.Surface, body: pygame.Rect) -> None:
    """What the played choice did: style, metric changes with arrows, rules that fired, the coach's note."""
    t, play = view.t, view.play
    last = play.rounds[-1]
    choice = next(c for c in last.choices if c.id == last.picked)
    scenario = play.scenario
    rect = pygame.Rect(body.x, body.y, round(body.width * 0.62), body.height)
    d.card(surface, t, rect)
    inner = rect.inflate(-2 * t.px(26), -2 * t.px(22))
    y = inner.y
    surface.blit(t.font("label").render(view.w["played"].upper(), True, t.colors.accent), (inner.x, y))
    y += t.font("label").get_height() + t.px(8)
    y = d.text_block(surface, choice.text, t.font("h3"), t.colors.text, inner.x, y, inner.width, max_lines=4)
    x = d.chip(surface, t, view.style(choice.style), inner.x, y + t.px(6), t.style_color(choice.style)).right
    if choice.best:
        best_chip = d.chip(
            surface, t, "     " + view.w["coach_best"], x + t.px(10), y + t.px(6), t.colors.good, filled=True
        )
        d.star(surface, best_chip.x + t.px(18), best_chip.centery, t.px(9), t.colors.on_accent)
        x = best_chip.right
    if last.overruled and last.majority:
        d.chip(surface, t, view.w["overruled"], x + t.px(10), y + t.px(6), t.colors.highlight)
    y += t.font("label").get_height() + t.px(28)
    decision = view.decision(len(play.rounds) - 1)  # what the choice meant, texts as shown
    changes = decision.changes if decision else changes_of(scenario, last.outcome.total_deltas)
    lines = view.deltas(changes)
    font = t.font("h2" if len(lines) <= 4 else "h3")
    for line, good in lines:
        d.delta_line(surface, font, line, inner.x, y, t.colors.good if good else t.colors.bad)
        y += font.get_linesize() + t.px(4)
    rules = {r.id: r for r in scenario.rules}
    plain = tuple(rules[f.rule_id].text for f in last.outcome.rules if f.rule_id in rules)
    events = decision.events if decision else plain
    for text in events:
        if text:
            y = d.text_block(
                surface, f"• {text}", t.font("body"), t.colors.text, inner.x, y + t.px(6), inner.width, max_lines=3
            )
    side = pygame.Rect(rect.right + t.px(24), body.y, body.right - rect.right - t.px(24), body.height)
    d.card(surface, t, side, fill=t.colors.accent_soft, border=t.colors.accent, width=2)
    inner = side.inflate(-2 * t.px(22), -2 * t.px(20))
    y = inner.y
    if not choice.best:
        best = scenario.best_choice(last.scene.id)
        if best is not None:
            surface.blit(t.font("label").render(view.w["not_best"].upper(), True, t.colors.accent), (inner.x, y))
            y += t.font("label").get_height() + t.px(6)
            d.star(surface, inner.x + t.px(10), y + t.font("body").get_height() // 2, t.px(10), t.colors.highlight)
            y = d.text_block(
                surface,
                best.text,
                t.font("body"),
                t.colors.text,
                inner.x + t.px(28),
                y,
                inner.width - t.px(28),
                max_lines=4,
            ) + t.px(14)
    note = decision.coach_note if decision else choice.feedback
    font = d.fit_font(t, "quote", note, inner.width, inner.bottom - y)
    d.text_block(surface, note, font, t.colors.text, inner.x, y, inner.width)


def draw_debrief(view: View, surface: pygame.Surface, body: pygame.Rect) -> None:
    """The ending, then every decision: votes beside the played choice and what it did."""
    t, play = view.t, view.play
    ending = play.session.ending
    debrief = view.debrief()  # the ending's title and text as shown (variants resolved in the final state)
    clip = surface.get_clip()
    surface.set_clip(body)
    y = body.y - view.scroll
    if ending is not None:
        rect = pygame.Rect(body.x, y, body.width, t.px(120))
        d.card(surface, t, rect, fill=t.colors.accent_soft, border=t.colors.accent, width=2)
        x = rect.x + t.px(24)
        title = t.font("h2").render(f"{view.w['ending']}: {debrief.ending_title}", True, t.colors.text)
        surface.blit(title, (x, rect.y + t.px(14)))
        d.chip(
            surface,
            t,
            view.rating(ending.rating),
            x + title.get_width() + t.px(16),
            rect.y + t.px(18),
            t.colors.accent,
            filled=True,
        )
        d.text_block(
            surface,
            debrief.ending_text,
            t.font("body"),
            t.colors.text,
            x,
            rect.y + t.px(62),
            rect.width - t.px(48),
            max_lines=2,
        )
        y = rect.bottom + t.px(18)
    y = _metrics(view, surface, body, y, debrief) + t.px(14)
    decisions = debrief.decisions
    for number, rnd in enumerate(play.rounds, 1):
        total = sum(rnd.votes.values()) or 1
        decision = decisions[number - 1] if number <= len(decisions) else None
        lines = view.deltas(decision.changes if decision else changes_of(play.scenario, rnd.outcome.total_deltas))
        small = t.font("small")
        spots = _flow(lines, small, body.width - t.px(84), t.px(28))
        flow_h = (max((row for _x, row in spots), default=-1) + 1) * small.get_linesize()
        rect = pygame.Rect(body.x, y, body.width, t.px(50) + len(rnd.choices) * t.px(36) + flow_h + t.px(8))
        d.card(surface, t, rect)
        phase = name_of(PHASE_NAMES, view.lang, rnd.scene.phase)
        head = t.font("label").render(f"{number} · {phase}".upper(), True, t.colors.accent)
        surface.blit(head, (rect.x + t.px(20), rect.y + t.px(12)))
        played_choice = next(c for c in rnd.choices if c.id == rnd.picked)
        x = rect.x + round(rect.width * 0.46) + t.px(30)
        style = t.font("label").render(view.style(played_choice.style), True, t.style_color(played_choice.style))
        surface.blit(style, (x, rect.y + t.px(12)))
        text_w = round(rect.width * 0.46)
        below = rect.y + t.px(50) + len(rnd.choices) * t.px(36)
        for (line, good), (dx, row) in zip(lines, spots, strict=True):  # what it did, under the votes
            colour = t.colors.good if good else t.colors.bad
            d.delta_line(surface, small, line, rect.x + t.px(64) + dx, below + row * small.get_linesize(), colour)
        cy = rect.y + t.px(46)
        for choice in rnd.choices:
            played = choice.id == rnd.picked
            font = t.font("label" if played else "small")
            mid = cy + font.get_height() / 2
            if played:
                d.triangle(surface, rect.x + t.px(28), mid, t.px(14), t.colors.highlight, "right")
            if choice.best:
                d.star(surface, rect.x + t.px(50), mid, t.px(9), t.colors.highlight)
            label = choice.text
            room = text_w - t.px(60)
            while font.size(label)[0] > room and len(label) > 8:
                label = label[:-2]
            label = label if label == choice.text else label.rstrip() + "…"
            surface.blit(font.render(label, True, t.colors.text if played else t.colors.muted), (rect.x + t.px(64), cy))
            n = rnd.votes.get(choice.id, 0)
            track = pygame.Rect(rect.x + text_w + t.px(30), cy + t.px(4), t.px(200), t.px(18))
            d.bar(surface, t, track, n / total, t.colors.highlight if played else t.colors.accent)
            surface.blit(
                t.font("small").render(f"{n} {view.w['votes']}", True, t.colors.text), (track.right + t.px(10), cy)
            )
            cy += t.px(36)
        y = rect.bottom + t.px(14)
    view.max_scroll = max(0, y + view.scroll - body.bottom)
    surface.set_clip(clip)


def _flow(lines: list[tuple[str, bool]], font: pygame.font.Font, width: int, gap: int) -> list[tuple[int, int]]:
    """Where each judged change goes when they run left to right and wrap at ``width``: (x, line number)."""
    out: list[tuple[int, int]] = []
    x = row = 0
    for line, _good in lines:
        label, _, rest = line.partition(" ▲ ") if " ▲ " in line else line.partition(" ▼ ")
        w = font.size(label)[0] + font.get_height() + font.size(rest)[0]  # as shapes.delta_line draws it
        if x and x + w > width:
            x, row = 0, row + 1
        out.append((x, row))
        x += w + gap
    return out


def _metrics(view: View, surface: pygame.Surface, body: pygame.Rect, y: int, debrief: Debrief) -> int:
    """Every metric the scenario declares: where it started, where it ended and whether that change is good
    news for it (colour and word follow ``better:``, the arrow shows the direction); returns the y below."""
    t, metrics = view.t, view.play.scenario.metrics
    if not metrics:
        return y
    small, label = t.font("small"), t.font("label")
    values = {
        m.id: tuple(
            format_value(v, m, view.lang)
            for v in (debrief.start_metrics.get(m.id, m.start), debrief.final_metrics.get(m.id, m.start))
        )
        for m in metrics
    }
    widest = max(sum(small.size(text)[0] for text in pair) + small.get_height() for pair in values.values())
    columns = 3 if widest < (body.width - t.px(48)) // 3 - t.px(16) else 2  # long units need wider cells
    cell_h = 2 * small.get_linesize() + label.get_linesize() + t.px(14)
    rows = -(-len(metrics) // columns)
    head = t.font("label").get_height() + t.px(10)
    rect = pygame.Rect(body.x, y, body.width, t.px(28) + head + rows * cell_h)
    d.card(surface, t, rect)
    inner = rect.inflate(-2 * t.px(24), -2 * t.px(14))
    surface.blit(t.font("label").render(view.w["metrics"].upper(), True, t.colors.accent), inner.topleft)
    cell_w = inner.width // columns
    totals = {c.metric: c for c in debrief.totals}
    for i, metric in enumerate(metrics):
        x = inner.x + (i % columns) * cell_w
        cy = inner.y + head + (i // columns) * cell_h
        surface.blit(small.render(metric.label, True, t.colors.muted), (x, cy))
        cy += small.get_linesize()
        texts = values[metric.id]
        font = label if sum(label.size(x)[0] for x in texts) + label.get_height() < cell_w - t.px(16) else small
        first = font.render(texts[0], True, t.colors.text)
        surface.blit(first, (x, cy))
        size = font.get_height() * 0.4
        ax = x + first.get_width() + size * 1.2
        d.triangle(surface, ax, cy + font.get_height() / 2, size, t.colors.muted, "right")  # from ... to
        surface.blit(font.render(texts[1], True, t.colors.text), (ax + size * 1.4, cy))
        cy += label.get_linesize() + t.px(2)
        change = totals.get(metric.id)
        if change is None:
            continue
        [(line, good)] = view.deltas((change,))
        line = line[len(metric.label) + 1 :]  # the label is above
        d.delta_line(surface, small, " " + line, x, cy, t.colors.good if good else t.colors.bad)
    return rect.bottom
