"""What a playthrough meant, as one pure model every front end can read.

``build_debrief(session)`` turns a session's history into a ``Debrief``: every choice made, grouped by phase,
with what it did to each metric (``better:`` honoured), the coach's note, the strongest choice and why, the
model line and technique where the author gave them, and the score; then the score of each decision phase,
the overall score and success against the scenario's pass mark, the style profile and the totals.

Texts are resolved to the variant that applied (see ``game.core.variants``): the scene's text in the state it
was shown in, the coach's note and the events in the state after the choice, the strongest choice's note in
the state the decision was made in, the ending's title and text in the final state. Nothing here formats or
translates: the words and numbers stay for the front ends.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.core.model import PHASES, STYLES, Chance, Choice, Scenario
from game.core.rules import State
from game.core.scoring import choice_score, is_improvement, overall_score, passed, phase_scores, summary
from game.core.session import Outcome, Session
from game.core.variants import ending_text, ending_title, feedback_text, rule_text, scene_text, state_env


@dataclass(frozen=True, slots=True)
class MetricChange:
    """How much one metric moved, and whether that is good news for it (``better:`` honoured)."""

    metric: str
    delta: float
    improvement: bool  # True: good news (a rise, or a fall where lower is better); False: bad news or none
    better: str = "higher"  # the metric's ``better``: "higher" or "lower"


@dataclass(frozen=True, slots=True)
class Strongest:
    """The coach's strongest choice in a scene, and why."""

    choice_id: str
    text: str
    style: str
    why: str  # its coach's note
    score: float
    model_line: tuple[tuple[str, str], ...] = ()
    technique: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """One choice the learner made, and what it meant."""

    turn: int  # 1-based
    phase: str
    scene_id: str
    scene_text: str
    choice_id: str
    choice_text: str
    style: str
    score: float
    changes: tuple[MetricChange, ...]  # all the choice set off (effects, chance, rules), in metric order
    own_changes: tuple[MetricChange, ...]  # ``changes`` without chance's part: the choice's effects and its rules'
    chance_changes: tuple[MetricChange, ...]  # what chance's outcome did by its own effects (empty without chance)
    coach_note: str
    events: tuple[str, ...] = ()  # the texts of the rules it set off
    chance_note: str = ""  # chance's note when chance decided
    model_line: tuple[tuple[str, str], ...] = ()  # of the choice made, when the author gave one
    technique: str | None = None  # of the choice made
    strongest: Strongest | None = None  # None when the scene marks no best choice
    chose_strongest: bool = False


@dataclass(frozen=True, slots=True)
class PhaseDebrief:
    """The decisions of one phase, in the order made; ``score`` only for decision phases (cost, limits, power)."""

    phase: str
    decisions: tuple[Decision, ...]
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Debrief:
    """The whole meaning of one playthrough."""

    scenario_id: str
    language: str
    phases: tuple[PhaseDebrief, ...]  # the phases played, in PHASES order
    phase_scores: Mapping[str, float]  # decision phase -> score, for the decision phases played
    overall_score: float | None  # mean of ``phase_scores``; None when no decision phase was played
    pass_mark: float
    success: bool
    styles: Mapping[str, int]  # style -> how many choices had it, every style of STYLES listed
    totals: tuple[MetricChange, ...]  # from the start to now, the metrics that moved, in metric order
    start_metrics: Mapping[str, float]
    final_metrics: Mapping[str, float]
    finished: bool
    ending_id: str | None = None
    rating: str | None = None
    ending_title: str = ""
    ending_text: str = ""
    strongest_chosen: int = 0  # decisions where the learner made the coach's strongest choice
    scored_decisions: int = 0  # decisions in scenes that mark a strongest choice

    @property
    def decisions(self) -> tuple[Decision, ...]:
        """Every decision in the order made."""
        return tuple(d for phase in self.phases for d in phase.decisions)

    def scores_json(self) -> dict[str, object]:
        """The scores as plain data, for records, exports and statements."""
        return summary(dict(self.phase_scores), self.overall_score, self.pass_mark, self.success)


def changes_of(scenario: Scenario, deltas: Mapping[str, float]) -> tuple[MetricChange, ...]:
    """The non-zero ``deltas`` as metric changes in the scenario's metric order, good news flagged."""
    out = []
    for metric in scenario.metrics:
        delta = deltas.get(metric.id, 0.0)
        if delta:
            out.append(MetricChange(metric.id, delta, is_improvement(metric, delta), metric.better))
    return tuple(out)


def _strongest(choice: Choice | None, env: Mapping[str, float]) -> Strongest | None:
    if choice is None:
        return None
    return Strongest(
        choice.id,
        choice.text,
        choice.style,
        feedback_text(choice, env),
        choice_score(choice),
        choice.model_line,
        choice.technique,
    )


def _decision(scenario: Scenario, outcome: Outcome, before: State, after: State) -> Decision:
    scene = scenario.scene(outcome.scene_id)
    choice = scene.choice(outcome.choice_id) if scene is not None else None
    env_before, env_after = state_env(scenario, before), state_env(scenario, after)
    rules = {r.id: r for r in scenario.rules}
    events = tuple(
        text for text in (rule_text(rules[f.rule_id], env_after) for f in outcome.rules if f.rule_id in rules) if text
    )
    chance_note = ""
    if choice is not None and isinstance(choice.next, Chance) and outcome.chance_index is not None:
        outcomes = choice.next.outcomes
        chance_note = outcomes[outcome.chance_index].note if outcome.chance_index < len(outcomes) else ""
    best = scenario.best_choice(outcome.scene_id)
    return Decision(
        turn=outcome.turn,
        phase=scene.phase if scene is not None else "situation",
        scene_id=outcome.scene_id,
        scene_text=scene_text(scene, env_before) if scene is not None else "",
        choice_id=outcome.choice_id,
        choice_text=choice.text if choice is not None else outcome.choice_id,
        style=outcome.style,
        score=choice_score(choice) if choice is not None else 0.0,
        changes=changes_of(scenario, outcome.total_deltas),
        own_changes=changes_of(scenario, outcome.deltas_besides_chance),
        chance_changes=changes_of(scenario, outcome.outcome_deltas),
        coach_note=feedback_text(choice, env_after) if choice is not None else "",
        events=events,
        chance_note=chance_note,
        model_line=choice.model_line if choice is not None else (),
        technique=choice.technique if choice is not None else None,
        strongest=_strongest(best, env_before),
        chose_strongest=best is not None and best.id == outcome.choice_id,
    )


def build_debrief(session: Session) -> Debrief:
    """The debrief of ``session`` as it stands (finished or not), in its scenario's language."""
    scenario = session.scenario
    states = session.states
    decisions = [
        _decision(scenario, outcome, states[index], states[index + 1]) for index, outcome in enumerate(session.history)
    ]
    phases = tuple(
        PhaseDebrief(phase, tuple(d for d in decisions if d.phase == phase))
        for phase in PHASES
        if any(d.phase == phase for d in decisions)
    )
    scores = phase_scores(scenario, ((o.scene_id, o.choice_id) for o in session.history))
    phases = tuple(PhaseDebrief(p.phase, p.decisions, scores.get(p.phase)) for p in phases)
    overall = overall_score(scores)
    styles = {style: 0 for style in STYLES}
    for decision in decisions:
        styles[decision.style] = styles.get(decision.style, 0) + 1
    start, final = states[0].metric_dict(), session.state.metric_dict()
    ending = session.ending
    final_env = state_env(scenario, session.state)
    return Debrief(
        scenario_id=scenario.id,
        language=scenario.language,
        phases=phases,
        phase_scores=scores,
        overall_score=overall,
        pass_mark=scenario.pass_mark,
        success=passed(scenario, overall),
        styles=styles,
        totals=changes_of(scenario, {k: final[k] - start.get(k, 0.0) for k in final}),
        start_metrics=start,
        final_metrics=final,
        finished=session.finished,
        ending_id=ending.id if ending is not None else None,
        rating=ending.rating if ending is not None else None,
        ending_title=ending_title(ending, final_env) if ending is not None else "",
        ending_text=ending_text(ending, final_env) if ending is not None else "",
        strongest_chosen=sum(d.chose_strongest for d in decisions),
        scored_decisions=sum(d.strongest is not None for d in decisions),
    )
