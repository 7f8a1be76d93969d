"""What counts as good: a metric's good news, a choice's score, and the scores of a playthrough.

Scores measure *what* the learner decided, apart from *how* they said it (the style profile). A choice
scores its ``score:`` (0-1), or 1 when it is the coach's best and 0 otherwise; a decision phase (cost,
limits, power) scores the mean of the choices made in its scenes; the overall score is the mean of the phases
played; success is an overall score at or above the scenario's ``pass_mark``.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.core.model import DECISION_PHASES, Choice, Metric, Scenario


def is_improvement(metric: Metric, delta: float) -> bool:
    """True when a change of ``delta`` is good news for ``metric`` (a rise, or a fall where lower is better).

    No change is no news: False. Front ends colour with this and keep the arrow truthful (up is up).
    """
    if metric.better == "lower":
        return delta < 0
    return delta > 0


def is_setback(metric: Metric, delta: float) -> bool:
    """True when a change of ``delta`` is bad news for ``metric``; no change is False."""
    return delta != 0 and not is_improvement(metric, delta)


def choice_score(choice: Choice) -> float:
    """The choice's score: its ``score:``, else 1 for the coach's best and 0 for the others."""
    if choice.score is not None:
        return choice.score
    return 1.0 if choice.best else 0.0


def phase_scores(scenario: Scenario, picks: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Decision phase -> mean score of the choices made in its scenes, for the phases played, in phase order.

    ``picks`` are ``(scene_id, choice_id)`` pairs, as in a session's history or a record.
    """
    found: dict[str, list[float]] = {}
    for scene_id, choice_id in picks:
        scene = scenario.scene(scene_id)
        choice = scene.choice(choice_id) if scene is not None else None
        if scene is None or choice is None or scene.phase not in DECISION_PHASES:
            continue
        found.setdefault(scene.phase, []).append(choice_score(choice))
    return {phase: sum(found[phase]) / len(found[phase]) for phase in DECISION_PHASES if phase in found}


def overall_score(scores: dict[str, float]) -> float | None:
    """The mean of the phase scores; None when no decision phase was played."""
    return sum(scores.values()) / len(scores) if scores else None


def passed(scenario: Scenario, overall: float | None) -> bool:
    """True when ``overall`` reaches the scenario's pass mark (never when nothing was scored)."""
    return overall is not None and overall >= scenario.pass_mark - 1e-9


def score_summary(scenario: Scenario, picks: Iterable[tuple[str, str]]) -> dict[str, object]:
    """The scores of a playthrough as plain data (records, exports, statements):
    ``{"phases": {phase: score}, "overall": score or None, "pass_mark": mark, "success": bool}``."""
    scores = phase_scores(scenario, picks)
    overall = overall_score(scores)
    return summary(scores, overall, scenario.pass_mark, passed(scenario, overall))


def summary(scores: dict[str, float], overall: float | None, pass_mark: float, success: bool) -> dict[str, object]:
    """The plain-data form of scores (rounded to 6 decimals) that ``score_summary`` and the debrief share."""
    return {
        "phases": {phase: round(score, 6) for phase, score in scores.items()},
        "overall": None if overall is None else round(overall, 6),
        "pass_mark": pass_mark,
        "success": success,
    }
