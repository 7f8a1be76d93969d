"""The debrief's cards, made from the core's debrief model (``game.core.debrief``): the screen only lays them
out. Nothing here decides what a choice meant; it only chooses words, icons and colours for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game import locale
from game.core.debrief import Debrief, Decision, MetricChange
from game.core.model import Metric, Scenario
from game.locale import language, model_line_part, technique_about, technique_name, tr
from game.ui.sections import Section
from game.ui.theme import Theme


@dataclass
class DecisionCards:
    """A decision page: the moment (the scene's text), the learner's side and the coach's side."""

    moment: Section
    mine: list[Section]
    coach: list[Section]


def rows(scenario: Scenario, changes: tuple[MetricChange, ...]) -> list[tuple[Metric, float]]:
    """The model's metric changes as rows the delta widgets draw (their colour and word follow ``better:``)."""
    out = []
    for change in changes:
        metric = scenario.metric(change.metric)
        if metric is not None:
            out.append((metric, change.delta))
    return out


def model_line_text(parts: tuple[tuple[str, str], ...]) -> str:
    """A model line, one part a line: ``Fact: ...`` / ``Limit: ...`` in the order the author wrote them."""
    return "\n".join(f"{model_line_part(language(), part)}: {text}" for part, text in parts)


def technique_text(technique: str) -> str:
    """A technique's name and its one-line definition from the glossary."""
    return f"{technique_name(language(), technique)}: {technique_about(language(), technique)}"


def _teaching(theme: Theme, model_line: tuple[tuple[str, str], ...], technique: str | None) -> list[Section]:
    c = theme.colors
    out = []
    if model_line:
        out.append(
            Section(
                label=tr("model_line.title"),
                icon="speech",
                text=model_line_text(model_line),
                role="body",
                accent=c.accent,
            )
        )
    if technique:
        out.append(Section(label=tr("technique.title"), icon="info", text=technique_text(technique), role="small"))
    return out


def decision_cards(theme: Theme, scenario: Scenario, decision: Decision, speaker: str, question: str) -> DecisionCards:
    """The cards of one decision page."""
    c = theme.colors
    own = rows(scenario, decision.own_changes)
    nothing = "outcome.no_change_chance" if decision.chance_changes else "outcome.no_change"
    mine = [
        Section(
            label=tr("debrief.you_chose"),
            icon="speech",
            text=decision.choice_text,
            role="quote",
            style=decision.style,
            accent=c.accent,
            rows=own,
            rows_label=tr("debrief.effect"),
            note="" if own else tr(nothing),
            note_role="body",
        )
    ]
    if decision.chance_note or decision.chance_changes:
        mine.append(
            Section(
                label=tr("debrief.chance"),
                icon="chance",
                text=decision.chance_note or tr("outcome.chance_plain"),
                rows=rows(scenario, decision.chance_changes),
                rows_label=tr("debrief.what_happened"),
                accent=c.series[2],
            )
        )
    for event in decision.events:
        mine.append(Section(label=tr("outcome.event"), icon="event", text=event, role="small", accent=c.highlight))
    if decision.coach_note:
        mine.append(
            Section(label=tr("debrief.coach"), icon="coach", text=decision.coach_note, role="body", fill=c.accent_soft)
        )
    strongest = decision.strongest
    coach: list[Section]
    if strongest is None:
        coach = [Section(label=tr("debrief.strongest"), icon="info", text=tr("debrief.no_best"), role="body")]
        coach += _teaching(theme, decision.model_line, decision.technique)
    elif decision.chose_strongest:
        coach = [
            Section(
                label=tr("debrief.strongest"), icon="check", text=tr("debrief.was_best"), role="body", accent=c.good
            )
        ]
        coach += _teaching(theme, strongest.model_line or decision.model_line, strongest.technique)
    else:
        coach = [
            Section(
                label=tr("debrief.strongest"),
                icon="target",
                text=strongest.text,
                role="quote",
                style=strongest.style,
                accent=c.highlight,
                note=f"{tr('debrief.why')}: {strongest.why}" if strongest.why else "",
                note_role="body",
            )
        ]
        coach += _teaching(theme, strongest.model_line, strongest.technique)
    if question:
        coach.append(Section(label=tr("debrief.reflect"), icon="info", text=question, role="small", fill=c.panel_alt))
    moment = Section(
        label=tr("debrief.moment", who=speaker), icon="book", text=decision.scene_text, role="small", fill=c.panel_alt
    )
    return DecisionCards(moment, mine, coach)


def percent(score: float) -> str:
    """A 0-1 score as a whole percentage in the UI language (``75%``, ``75 %``)."""
    return locale.percent(language(), score)


def score_line(debrief: Debrief) -> str:
    """Per-phase scores, the overall score and whether it passes, in one line for the overview."""
    parts = [f"{tr(f'phase_short.{phase}')} {percent(score)}" for phase, score in debrief.phase_scores.items()]
    if debrief.overall_score is None:
        return tr("score.none")
    verdict = tr("score.passed" if debrief.success else "score.failed", mark=percent(debrief.pass_mark))
    return tr("score.line", phases=" · ".join(parts), overall=percent(debrief.overall_score), verdict=verdict)
