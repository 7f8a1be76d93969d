"""How the speaker looks: a scene's mood, and the reaction a choice's outcome shows (issue 20).

A mood is presentation only (it picks the portrait's expression; it changes no number and is never
translated). The author may name it with ``mood:`` on a scene, a choice or a chance outcome; when a choice
or its outcome names none, the reaction follows the choice's written effects (``default_mood``):

* every metric the effects move counts once, +1 when it moves the good way (up, or down for a metric whose
  ``better`` is ``lower``) and -1 when it moves the bad way; how far it moves does not matter, since the
  metrics have different units;
* more good than bad: ``pleased``; more bad than good: ``worried`` when revenue or a ``better: lower``
  metric (stress, cash at risk) got worse, ``annoyed`` otherwise (morale or reputation fell); as many of
  each, or nothing moved: ``neutral``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from game.core.model import MOODS, Chance, Choice, Metric, Scenario, Scene

NEUTRAL = MOODS[0]
#: Metrics whose fall worries rather than annoys (money; the ``better: lower`` ones are added per metric).
MONEY_METRICS: frozenset[str] = frozenset({"revenue"})


def default_mood(deltas: Iterable[tuple[str, float]], metrics: Mapping[str, Metric]) -> str:
    """The reaction to ``deltas`` (metric id, change) by the rule in this module's docstring.

    A metric id missing from ``metrics`` counts as one that is better higher. Changes to the same metric are
    added up first."""
    total: dict[str, float] = {}
    for metric_id, delta in deltas:
        total[metric_id] = total.get(metric_id, 0.0) + delta
    good = 0
    bad: list[str] = []
    for metric_id, delta in total.items():
        if delta == 0:
            continue
        metric = metrics.get(metric_id)
        lower_is_better = metric is not None and metric.better == "lower"
        if (delta > 0) != lower_is_better:
            good += 1
        else:
            bad.append(metric_id)
    if good > len(bad):
        return "pleased"
    if len(bad) > good:
        if any(m in MONEY_METRICS or (metrics.get(m) is not None and metrics[m].better == "lower") for m in bad):
            return "worried"
        return "annoyed"
    return NEUTRAL


def scene_mood(scene: Scene | None) -> str:
    """How the speaker looks while ``scene`` is shown: its ``mood:``, or neutral."""
    return scene.mood if scene is not None and scene.mood else NEUTRAL


def choice_effect_deltas(choice: Choice, chance_index: int | None = None) -> list[tuple[str, float]]:
    """The deltas the author wrote for ``choice``, with those of the chance outcome picked, if any."""
    deltas = list(choice.effects.deltas)
    if chance_index is not None and isinstance(choice.next, Chance) and 0 <= chance_index < len(choice.next.outcomes):
        deltas.extend(choice.next.outcomes[chance_index].effects.deltas)
    return deltas


def reaction(scenario: Scenario, choice_id: str, chance_index: int | None = None) -> str:
    """The speaker's mood on the outcome of ``choice_id``: the chance outcome's ``mood:``, else the choice's,
    else ``default_mood`` of the effects written for both; neutral for an unknown choice."""
    choice = scenario.choice(choice_id)
    if choice is None:
        return NEUTRAL
    if chance_index is not None and isinstance(choice.next, Chance) and 0 <= chance_index < len(choice.next.outcomes):
        picked = choice.next.outcomes[chance_index].mood
        if picked:
            return picked
    if choice.mood:
        return choice.mood
    metrics = {m.id: m for m in scenario.metrics}
    return default_mood(choice_effect_deltas(choice, chance_index), metrics)
