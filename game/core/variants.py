"""Texts that follow the state: picking the variant of a text to show.

A scene's text, a choice's feedback, a rule's text and an ending's title and text may be written as a list
of variants, each with a ``when`` condition except the last; the first whose condition holds is shown. The
model keeps the plain field (``Scene.text`` ...) equal to the last variant, the one shown otherwise, so a
front end that does not resolve still shows sensible text.

Which state a text is resolved against:

* a scene's text: the state in which the scene is shown;
* a choice's feedback and the text of the rules it set off: the state after the choice (its effects, chance's
  outcome and the rules);
* an ending's title and text: the final state.
"""

from __future__ import annotations

from dataclasses import replace

from game.core.expr import Env
from game.core.model import Choice, Ending, Rule, Scenario, Scene, Variants
from game.core.rules import State, env_of
from game.core.session import Session


def resolve(plain: str, variants: Variants, env: Env) -> str:
    """The text to show: the first variant whose condition holds in ``env``; ``plain`` when there are none."""
    for variant in variants:
        if variant.when is None or variant.when(env):
            return variant.text
    return plain


def state_env(scenario: Scenario, state: State) -> dict[str, float]:
    """The names a variant's condition reads (metrics, flags as 0/1, ``turn``) in ``state``."""
    return env_of(state, scenario.flags)


def scene_text(scene: Scene, env: Env) -> str:
    """The text of ``scene`` to show in ``env``."""
    return resolve(scene.text, scene.text_variants, env)


def feedback_text(choice: Choice, env: Env) -> str:
    """The coach's feedback on ``choice`` in ``env`` (the state after the choice)."""
    return resolve(choice.feedback, choice.feedback_variants, env)


def rule_text(rule: Rule, env: Env) -> str:
    """The text of ``rule`` in ``env`` (the state after the choice that set it off)."""
    return resolve(rule.text, rule.text_variants, env)


def ending_title(ending: Ending, env: Env) -> str:
    """The title of ``ending`` in ``env`` (the final state)."""
    return resolve(ending.title, ending.title_variants, env)


def ending_text(ending: Ending, env: Env) -> str:
    """The text of ``ending`` in ``env`` (the final state)."""
    return resolve(ending.text, ending.text_variants, env)


# -- for front ends that hold a Session: the texts as they are shown now -------------------------------------


def env_after(session: Session, turn: int) -> dict[str, float]:
    """The names a condition reads after ``turn`` choices of ``session`` (0: at the start)."""
    states = session.states
    return state_env(session.scenario, states[min(max(turn, 0), len(states) - 1)])


def shown_scene(session: Session) -> Scene | None:
    """The current scene with its text resolved in the current state (None after the ending)."""
    scene = session.scene
    if scene is None or not scene.text_variants:
        return scene
    return replace(scene, text=scene_text(scene, state_env(session.scenario, session.state)))


def shown_ending(session: Session) -> Ending | None:
    """The ending reached with its title and text resolved in the final state (None while playing)."""
    ending = session.ending
    if ending is None or not (ending.title_variants or ending.text_variants):
        return ending
    env = state_env(session.scenario, session.state)
    return replace(ending, title=ending_title(ending, env), text=ending_text(ending, env))
