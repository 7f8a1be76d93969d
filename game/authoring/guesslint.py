"""The guessability warnings of `sticky check` (S820-S824): can a learner find the coach's best without thinking?

Three look at the text alone, over the *decision scenes* (a cost, limits or power scene with two or more
choices, one of them marked ``best: true``), and only when a scenario has at least ``MIN_SCENES`` of them (in
fewer, one scene's accident is not yet a pattern a learner can learn):

- S820: the best is the longest text (strictly longer than every other choice) in more than half of them;
- S821: the best has the same style in every one of them, and is the only choice in that style in more than
  half of them (where wrong answers share its tone, the tone gives nothing away);
- S822: the best is the first choice in the written order in more than half of them.

Two play the scenario with cheap strategy walks (``game.authoring.strategy_report``), when some ending is
rated ``best``: S823, a fixed strategy (always option k, always the longest, always the first assertive) can
reach a best-rated ending; S824, playing one decision phase badly while playing the rest as the coach can still
reach one. A walk that stops at its state limit can only miss a warning, never give a false one: each warning
comes with the path that proves it.
"""

from __future__ import annotations

from game.authoring.diagnostics import DiagnosticBag, Pos
from game.authoring.strategies import has_best_ending
from game.authoring.strategy_report import strategies, warnings
from game.core.model import DECISION_PHASES, Scenario, Scene

#: the fewest decision scenes in which S820-S822 look for a pattern: in three (one per phase, the least a
#: scenario has) two alike happen by accident about one time in four; from four on, "more than half" is three
MIN_SCENES = 4
#: the state limit of each strategy walk `sticky check` makes (explore's own walks go further), and of all of them
CHECK_STATES = 20_000
CHECK_TOTAL = 200_000


def decision_scenes(scenario: Scenario) -> list[Scene]:
    """Scenes of a decision phase with two or more choices, one of them the coach's best."""
    return [
        s
        for s in scenario.scenes
        if s.phase in DECISION_PHASES and len(s.choices) >= 2 and any(c.best for c in s.choices)
    ]


def _listed(scenes: list[Scene], limit: int = 6) -> str:
    shown = ", ".join(s.id for s in scenes[:limit])
    return shown + (", …" if len(scenes) > limit else "")


def best_is_longest(scene: Scene) -> bool:
    """True when the best choice's text is strictly longer than every other choice's."""
    best = next(c for c in scene.choices if c.best)
    return all(len(best.text.strip()) > len(c.text.strip()) for c in scene.choices if c is not best)


def _only_one_of_its_style(scene: Scene) -> bool:
    """True when no other choice of the scene has the best's style: its tone alone gives it away."""
    best = next(c for c in scene.choices if c.best)
    return all(c.style != best.style for c in scene.choices if c is not best)


def text_patterns(scenario: Scenario, at: Pos, bag: DiagnosticBag) -> None:
    """S820, S821 and S822, reported at ``at`` (the ``scenes:`` key)."""
    scenes = decision_scenes(scenario)
    if len(scenes) < MIN_SCENES:
        return
    total = len(scenes)
    longest = [s for s in scenes if best_is_longest(s)]
    if len(longest) * 2 > total:
        bag.add(
            "S820",
            f"the coach's best is the longest choice in {len(longest)} of {total} decision scenes "
            f"({_listed(longest)}): a learner can pick it by its length",
            at,
            hint="give the other choices as much substance and polish as the best, or make the best the short one",
        )
    styles = {next(c for c in s.choices if c.best).style for s in scenes}
    alone = [s for s in scenes if _only_one_of_its_style(s)]
    if len(styles) == 1 and len(alone) * 2 > total:
        bag.add(
            "S821",
            f"the coach's best is '{styles.pop()}' in all {total} decision scenes, and the only choice in that "
            f"style in {len(alone)} of them ({_listed(alone)}): a learner can pick it by its tone",
            at,
            hint="let a scene's strongest move be a question, a pause or a concession, and give another style's "
            "wording to a choice that is wrong in substance",
        )
    first = [s for s in scenes if s.choices[0].best]
    if len(first) * 2 > total:
        bag.add(
            "S822",
            f"the coach's best is written first in {len(first)} of {total} decision scenes ({_listed(first)}): "
            "where the order is fixed ('order: fixed') or read aloud to a room, its place gives it away",
            at,
            hint="vary where the best is written among the choices",
        )


def strategy_walks(scenario: Scenario, bag: DiagnosticBag) -> None:
    """S823 at the best-rated ending a fixed strategy reaches, S824 at the first scene of a phase that can be
    played badly and still reach a best-rated ending."""
    if not has_best_ending(scenario):
        return  # nothing to warn of: skip the walks
    data = strategies(scenario, max_states=CHECK_STATES, total=CHECK_TOTAL)
    for found in warnings(scenario, data):
        item = scenario.ending(found.id) if found.kind == "ending" else scenario.scene(found.id)
        if item is not None:
            bag.add(found.code, found.message, item.pos, hint=found.hint)
