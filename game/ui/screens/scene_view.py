"""Laying out and drawing the scene's right-hand column: narrative and choices, or the outcome panel."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.core.debrief import Decision
from game.core.expr import Env
from game.core.model import Chance, Choice, Metric, Scenario, Scene
from game.core.session import Outcome
from game.core.variants import feedback_text, rule_text
from game.locale import tr
from game.ui import draw, widgets
from game.ui import text as txt
from game.ui.screens.debrief_view import model_line_text
from game.ui.sections import Section, stack_height
from game.ui.theme import Theme


@dataclass
class ChoiceLayout:
    """Where the narrative and each choice card go, and at what shrink."""

    shrink: float = 1.0
    narrative: pygame.Rect = field(default_factory=pygame.Rect)
    question: pygame.Rect = field(default_factory=pygame.Rect)
    cards: list[pygame.Rect] = field(default_factory=list)
    content_h: int = 0  # > 0: everything scrolls inside ``view`` (last resort)
    view: pygame.Rect = field(default_factory=pygame.Rect)


def _badge(theme: Theme, shrink: float) -> int:
    return round(theme.px(40) * max(0.75, shrink))


def narrative_height(theme: Theme, scene: Scene, width: int, shrink: float) -> int:
    """The narrative card's height."""
    pad = theme.pad
    label = theme.line_height("label", shrink) + theme.px(6)
    return 2 * pad + label + txt.layout(theme, scene.text, "body", width - 2 * pad - theme.px(8), shrink).height


def choice_height(theme: Theme, choice: Choice, width: int, shrink: float) -> int:
    """One choice card's height."""
    pad_v = theme.px(14)
    badge = _badge(theme, shrink)
    text_w = width - 3 * theme.px(16) - badge
    return 2 * pad_v + max(badge, txt.layout(theme, choice.text, "body", text_w, shrink).height)


def layout_choices(
    theme: Theme, scene: Scene, choices: list[Choice], column: pygame.Rect, scroll: int = 0
) -> ChoiceLayout:
    """Narrative on top, the question, then the choice cards anchored to the bottom; shrunk if needed.

    When even the smallest type does not fit, the text stays readable and the column scrolls by ``scroll``.
    """
    gap = theme.px(12)

    def measure(shrink: float, width: int = column.w) -> int:
        total = narrative_height(theme, scene, width, shrink) + theme.gap
        total += theme.line_height("h3", shrink) + gap
        total += sum(choice_height(theme, c, width, shrink) for c in choices) + gap * max(0, len(choices) - 1)
        return total

    floor = txt.reading_floor(theme)
    if measure(floor) > column.h:  # never smaller than reading size: scroll instead
        return _scrolling_choices(theme, scene, choices, column, scroll, measure(floor, column.w - theme.px(14)))
    shrink = txt.shrink_to_fit(measure, column.h, "scene column")
    out = ChoiceLayout(shrink)
    heights = [choice_height(theme, c, column.w, shrink) for c in choices]
    y = column.bottom - sum(heights) - gap * max(0, len(heights) - 1)
    for height in heights:
        out.cards.append(pygame.Rect(column.x, y, column.w, height))
        y += height + gap
    question_h = theme.line_height("h3", shrink)
    first = out.cards[0].y if out.cards else column.bottom
    out.question = pygame.Rect(column.x + theme.px(4), first - gap - question_h, column.w, question_h)
    narrative_h = narrative_height(theme, scene, column.w, shrink)
    room = out.question.y - theme.gap - column.y
    out.narrative = pygame.Rect(column.x, column.y, column.w, max(narrative_h, min(room, narrative_h + theme.px(40))))
    return out


def _scrolling_choices(
    theme: Theme, scene: Scene, choices: list[Choice], column: pygame.Rect, scroll: int, content_h: int
) -> ChoiceLayout:
    shrink, gap = txt.reading_floor(theme), theme.px(12)
    width = column.w - theme.px(14)
    scroll = max(0, min(scroll, content_h - column.h))
    out = ChoiceLayout(shrink, content_h=content_h, view=column)
    y = column.y - scroll
    height = narrative_height(theme, scene, width, shrink)
    out.narrative = pygame.Rect(column.x, y, width, height)
    y += height + theme.gap
    out.question = pygame.Rect(column.x + theme.px(4), y, width, theme.line_height("h3", shrink))
    y += out.question.h + gap
    for choice in choices:
        height = choice_height(theme, choice, width, shrink)
        out.cards.append(pygame.Rect(column.x, y, width, height))
        y += height + gap
    return out


def draw_narrative(
    surface: pygame.Surface, theme: Theme, rect: pygame.Rect, scene: Scene, shrink: float, chars: int | None
) -> None:
    """The scene's text in a card, headed by the decision point; ``chars`` limits it for the typewriter."""
    c = theme.colors
    draw.card(surface, theme, rect)
    draw.stripe(surface, theme, rect, c.highlight)
    pad = theme.pad
    x = rect.x + pad + theme.px(8)
    inner_w = rect.w - 2 * pad - theme.px(8)
    label_h = theme.line_height("label", shrink)
    txt.draw_line(
        surface,
        theme,
        tr(f"phase.{scene.phase}").upper(),
        "label",
        pygame.Rect(x, rect.y + pad, inner_w, label_h),
        c.highlight,
        what="scene phase label",
        shrink=shrink,
    )
    block = txt.layout(theme, scene.text, "body", inner_w, shrink)
    txt.draw(surface, block, (x, rect.y + pad + label_h + theme.px(6)), c.text, chars=chars)


def draw_choice(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    number: int,
    choice: Choice,
    shrink: float,
    focused: bool,
    faded: bool = False,
) -> None:
    """A large numbered choice card."""
    c = theme.colors
    fill = c.accent_soft if focused else c.panel
    draw.card(surface, theme, rect, fill=fill, elevation=0.8 if not focused else 1.2)
    badge = _badge(theme, shrink)
    pad_h = theme.px(16)
    center = (rect.x + pad_h + badge // 2, rect.y + theme.px(14) + badge // 2)
    widgets.number_badge(surface, theme, center, badge, number, c.on_accent, c.accent if not faded else c.disabled)
    x = rect.x + 2 * pad_h + badge
    width = rect.right - pad_h - x
    block = txt.layout(theme, choice.text, "body", width, shrink)
    y = rect.y + (rect.h - block.height) // 2
    txt.draw(surface, block, (x, y), c.text if not faded else c.disabled)
    if focused:
        draw.focus_ring(surface, theme, rect)


def metric_rows(scenario: Scenario, deltas: dict[str, float]) -> list[tuple[Metric, float]]:
    """The metrics ``deltas`` changed, in the scenario's order, with their change."""
    return [(m, v) for m in scenario.metrics if (v := deltas.get(m.id))]


def chance_section(theme: Theme, scenario: Scenario, outcome: Outcome, label: str, rows_label: str) -> Section | None:
    """Chance's card: the outcome's note (or a plain line) and, under ``rows_label``, what its own effects did;
    None when chance did not decide."""
    choice = scenario.choice(outcome.choice_id)
    if not outcome.chance or choice is None or not isinstance(choice.next, Chance):
        return None
    index = outcome.chance_index or 0
    note = choice.next.outcomes[index].note if index < len(choice.next.outcomes) else ""
    return Section(
        label=label,
        icon="chance",
        text=note or tr("outcome.chance_plain"),
        rows=metric_rows(scenario, outcome.outcome_deltas),
        rows_label=rows_label,
        accent=theme.colors.series[2],
    )


def outcome_sections(
    theme: Theme,
    scenario: Scenario,
    outcome: Outcome,
    practice: bool,
    env: Env | None = None,
    decision: Decision | None = None,
    brief: bool = False,
) -> list[Section]:
    """What a choice did, as cards: the choice, its own effects, chance (its note and what its outcome did),
    events, and the coach (practice); in practice, when the learner missed the strongest choice, that choice
    with its model line (``decision`` is the core debrief's reading of this choice). ``brief``: without it, for
    the rare outcome whose cards would otherwise have to scroll (the debrief page shows it)."""
    c = theme.colors
    choice = scenario.choice(outcome.choice_id)
    sections = [
        Section(
            label=tr("outcome.you_chose"),
            icon="speech",
            text=choice.text if choice else outcome.choice_id,
            role="quote",
            style=outcome.style if practice else "",
        )
    ]
    rows = metric_rows(scenario, outcome.deltas)
    nothing = "outcome.no_change_chance" if outcome.outcome_deltas else "outcome.no_change"
    sections.append(
        Section(
            label=tr("outcome.effects"), icon="scale", rows=rows, note="" if rows else tr(nothing), note_role="body"
        )
    )
    chance = chance_section(theme, scenario, outcome, tr("outcome.chance"), tr("outcome.what_happened"))
    if chance is not None:  # before the events: the rules fire after the outcome's effects, and may answer them
        sections.append(chance)
    for firing in outcome.rules:
        rule = next((r for r in scenario.rules if r.id == firing.rule_id), None)
        sections.append(
            Section(
                label=tr("outcome.event"),
                icon="event",
                text=(rule.text if env is None else rule_text(rule, env)) if rule else firing.rule_id,
                rows=metric_rows(scenario, firing.deltas),
                accent=c.highlight,
            )
        )
    feedback = "" if choice is None else choice.feedback if env is None else feedback_text(choice, env)
    strongest = decision.strongest if decision is not None and not decision.chose_strongest else None
    if practice and choice is not None and (feedback or strongest):
        note = tr("outcome.best") if choice.best else ""
        if strongest is not None and not brief:  # missed: the coach's card ends with the strongest choice
            note = tr("outcome.strongest_note", choice=strongest.text)
            if strongest.model_line:
                note += "\n" + model_line_text(strongest.model_line)
        sections.append(
            Section(
                label=tr("outcome.coach"), icon="coach", text=feedback, accent=c.accent, note=note, fill=c.accent_soft
            )
        )
    elif not practice:
        sections.append(Section(note=tr("outcome.held"), flat=True))
    return sections


@dataclass
class OutcomeLayout:
    """The outcome cards in one or two columns, at a shrink, with the button row below."""

    shrink: float
    columns: list[tuple[pygame.Rect, list[Section]]]
    content_h: int = 0  # > 0: the cards scroll inside the first column's rect (last resort)


def _split(theme: Theme, sections: list[Section], width: int, shrink: float, gap: int) -> int:
    """Where to cut the cards into two columns so the taller column is as short as possible."""
    best, best_h = 1, 10**9
    for cut in range(1, len(sections)):
        tall = max(
            stack_height(theme, sections[:cut], width, shrink, gap),
            stack_height(theme, sections[cut:], width, shrink, gap),
        )
        if tall < best_h:
            best, best_h = cut, tall
    return best


def layout_outcome(theme: Theme, sections: list[Section], column: pygame.Rect, button_h: int) -> OutcomeLayout:
    """One column when it fits well; otherwise two side by side (many events at once); shrunk if needed.

    The cards keep the order of what happened (chance's card before the events its outcome may have set off),
    unless only that order would make the cards scroll: then chance's card goes after the events, just before
    the coach, which often lets two columns hold everything (a learner should not have to scroll to read the
    coach)."""
    found = _layout_outcome(theme, sections, column, button_h)
    if found.content_h:
        moved = _chance_after_events(sections)
        if moved != sections:
            other = _layout_outcome(theme, moved, column, button_h)
            if not other.content_h:
                return other
    return found


def _chance_after_events(sections: list[Section]) -> list[Section]:
    """The cards with chance's card moved after the last event (the same list when there is nothing to move)."""
    chance = next((i for i, s in enumerate(sections) if s.icon == "chance"), -1)
    last_event = max((i for i, s in enumerate(sections) if s.icon == "event"), default=-1)
    if chance < 0 or last_event < chance:
        return sections
    rest = sections[:chance] + sections[chance + 1 :]
    return rest[:last_event] + [sections[chance]] + rest[last_event:]


def _layout_outcome(theme: Theme, sections: list[Section], column: pygame.Rect, button_h: int) -> OutcomeLayout:
    gap = theme.px(12)

    def buttons(shrink: float) -> int:
        return theme.gap + round(button_h * max(0.8, shrink))

    def one(shrink: float) -> int:
        return stack_height(theme, sections, column.w, shrink, gap) + buttons(shrink)

    half = (column.w - theme.gap) // 2

    def two(shrink: float) -> int:
        cut = _split(theme, sections, half, shrink, gap)
        return max(
            stack_height(theme, sections[:cut], half, shrink, gap),
            stack_height(theme, sections[cut:], half, shrink, gap),
        ) + buttons(shrink)

    floor = txt.reading_floor(theme)
    if one(floor) <= column.h or len(sections) < 2:
        if one(floor) <= column.h:
            shrink = txt.shrink_to_fit(one, column.h, "outcome column")
            return OutcomeLayout(shrink, [(column, sections)])
    elif two(floor) <= column.h:
        shrink = txt.shrink_to_fit(two, column.h, "outcome columns")
        cut = _split(theme, sections, half, shrink, gap)
        left = pygame.Rect(column.x, column.y, half, column.h)
        right = pygame.Rect(column.x + half + theme.gap, column.y, column.w - half - theme.gap, column.h)
        return OutcomeLayout(shrink, [(left, sections[:cut]), (right, sections[cut:])])
    # Too much for the window at this text size: keep the text readable and let the cards scroll.
    shrink = floor
    viewport = pygame.Rect(column.x, column.y, column.w - theme.px(14), column.h - buttons(shrink))
    return OutcomeLayout(shrink, [(viewport, sections)], stack_height(theme, sections, viewport.w, shrink, gap))
