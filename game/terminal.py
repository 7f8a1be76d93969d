"""A plain-terminal front end for `sticky play --text`: numbered choices, words not colours.

It works over SSH and with a screen reader: no cursor tricks, one line per fact, everything typed. Its own
words (labels, prompts, messages) come from ``game.locale`` in the scenario's language, like the story.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import TextIO

from game.core.format import format_delta, format_value
from game.core.linebreak import NO_BREAK_SPACE, glued
from game.core.rules import initial_state
from game.core.session import ChoiceNotAvailable, Outcome, Session
from game.core.valence import verdict
from game.locale import judged, phase_word, rating_word, style_word, tr_in

_WIDTH = 78


def _say(out: TextIO, text: str = "") -> None:
    for paragraph in text.split("\n") if text else [""]:
        # no-break spaces keep a figure such as "20 %" on one line; the terminal prints them as spaces
        out.write(textwrap.fill(glued(paragraph), _WIDTH).replace(NO_BREAK_SPACE, " ") + "\n" if paragraph else "\n")


def _t(session: Session, key: str, **values: object) -> str:
    """A terminal string in the language of the scenario being played."""
    return tr_in(session.scenario.language, key, **values)


def unavailable_message(exc: ChoiceNotAvailable, language: str) -> str:
    """Why a typed choice was refused, in ``language``, naming what can be typed now by its number (as the
    choices are shown); the engine's own message (``str(exc)``) also names the choice ids, for authors."""
    listed = ", ".join(str(number) for number in range(1, len(exc.available) + 1))
    return tr_in(
        language,
        f"terminal.choice.{exc.kind}",
        asked=exc.asked,
        count=len(exc.available),
        listed=listed or tr_in(language, "terminal.choice.none"),
    )


def _show_scene(session: Session, out: TextIO) -> None:
    scene = session.scene
    assert scene is not None
    scenario = session.scenario
    speaker = scenario.character(scene.speaker)
    place = scenario.place(scene.place)
    _say(out)
    header = f"[{phase_word(scenario.language, scene.phase).upper()}]"
    if place:
        header += f" {place.name}"
    _say(out, header)
    if speaker:
        _say(out, f"{speaker.name} ({speaker.role}):" if speaker.role else f"{speaker.name}:")
    _say(out, scene.text)
    question = scenario.reflection_for(scene.phase)
    if question:
        _say(out, _t(session, "terminal.reflect", question=question))
    _say(out)
    for number, choice in enumerate(session.available_choices(), 1):
        _say(out, f"  {number}. {choice.text}")
    _say(out, _t(session, "terminal.prompt"))


def _show_deltas(session: Session, deltas: dict[str, float], indent: str, out: TextIO) -> None:
    """One line per change, its arrow following the number and its word following the metric's ``better:``."""
    scenario = session.scenario
    for metric_id, delta in deltas.items():
        metric = scenario.metric(metric_id)
        if metric:
            change = judged(scenario.language, format_delta(delta, metric, scenario.language), verdict(metric, delta))
            _say(out, f"{indent}{metric.label}: {change}")


def _show_outcome(session: Session, outcome: Outcome, out: TextIO) -> None:
    """The choice's own changes, chance's note with what its outcome changed (under it), the events with
    theirs, and the coach: in the order they happened."""
    scenario = session.scenario
    _show_deltas(session, outcome.deltas, "  ", out)
    choice = scenario.choice(outcome.choice_id)
    if outcome.chance and choice is not None:
        from game.core.model import Chance

        if isinstance(choice.next, Chance) and outcome.chance_index is not None:
            note = choice.next.outcomes[outcome.chance_index].note
            _say(out, "  " + _t(session, "terminal.chance", note=note).rstrip())
            _show_deltas(session, outcome.outcome_deltas, "    ", out)
    for firing in outcome.rules:
        rule = next((r for r in scenario.rules if r.id == firing.rule_id), None)
        _say(out, "  " + _t(session, "terminal.event", text=rule.text if rule else firing.rule_id))
        _show_deltas(session, firing.deltas, "    ", out)
    if choice and choice.feedback:
        _say(out, "  " + _t(session, "terminal.coach", text=choice.feedback))


def _show_metrics(session: Session, out: TextIO) -> None:
    """Every metric the scenario declares, with its change since the start and whether that is better."""
    language = session.scenario.language
    start = initial_state(session.scenario).metric_dict()
    for metric in session.scenario.metrics:
        now = session.metrics[metric.id]
        value = format_value(now, metric, language)
        change = now - start.get(metric.id, now)
        if not change:
            _say(out, f"  {metric.label}: {value}")
            continue
        word = tr_in(language, "delta.better" if verdict(metric, change) > 0 else "delta.worse")
        delta = format_delta(change, metric, language)
        _say(
            out,
            "  "
            + tr_in(language, "terminal.metric_change", label=metric.label, value=value, delta=delta, verdict=word),
        )


def _show_ending(session: Session, out: TextIO) -> None:
    ending = session.ending
    assert ending is not None
    scenario = session.scenario
    language = scenario.language
    _say(out)
    _say(out, _t(session, "terminal.ending", rating=rating_word(language, ending.rating), title=ending.title))
    _say(out, ending.text)
    _show_metrics(session, out)
    for outcome in session.history:
        scene = scenario.scene(outcome.scene_id)
        if scene is None or scene.phase not in ("cost", "limits", "power"):
            continue
        best = scenario.best_choice(scene.id)
        chosen = scenario.choice(outcome.choice_id)
        _say(
            out,
            _t(
                session,
                "terminal.you_chose",
                phase=phase_word(language, scene.phase),
                choice=chosen.text if chosen else outcome.choice_id,
                style=style_word(language, outcome.style),
            ),
        )
        if best and best.id != outcome.choice_id:
            _say(out, "  " + _t(session, "terminal.strongest", choice=best.text, why=best.feedback))


def play_in_terminal(session: Session, stdin: TextIO, out: TextIO, scripted: Iterable[str] = ()) -> int:
    """Play interactively on a text terminal; scripted answers are used first. Returns the exit status."""
    answers = list(scripted)
    _say(out, f"{session.scenario.title}")
    _say(out, session.scenario.summary)
    while not session.finished:
        _show_scene(session, out)
        if answers:
            line = answers.pop(0)
            _say(out, f"> {line}")
        else:
            out.flush()
            raw = stdin.readline()
            if not raw:
                _say(out, _t(session, "terminal.input_ended"))
                return 0
            line = raw.strip()
        if line.lower() in ("q", "quit", "exit"):
            return 0
        if line.lower() in ("m", "metrics"):
            _show_metrics(session, out)
            continue
        if line.lower() in ("u", "undo"):
            _say(out, _t(session, "terminal.undone" if session.undo() else "terminal.nothing_to_undo"))
            continue
        try:
            outcome = session.choose(line)
        except ChoiceNotAvailable as exc:
            _say(out, unavailable_message(exc, session.scenario.language))
            continue
        _show_outcome(session, outcome, out)
    _show_ending(session, out)
    return 0
