"""A plain-terminal front end for `sticky play --text`: numbered choices, words not colours.

It works over SSH and with a screen reader: no cursor tricks, one line per fact, everything typed. Its own
words (labels, prompts, messages) come from ``game.locale`` in the scenario's language, like the story.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import TextIO

from game.core.debrief import Debrief, build_debrief
from game.core.format import format_delta, format_value
from game.core.linebreak import NO_BREAK_SPACE, glued
from game.core.rules import initial_state
from game.core.session import ChoiceNotAvailable, Outcome, Session
from game.core.variants import ending_text, ending_title, feedback_text, rule_text, scene_text, state_env
from game.core.visible import visible
from game.locale import (
    judged_change,
    model_line_part,
    news_word,
    percent,
    phase_word,
    rating_word,
    style_word,
    technique_about,
    technique_name,
    tr_in,
)

_WIDTH = 78
#: The longest answer read in one line: a longer one (or one holding a NUL) is not someone typing, and reading
#: on would never end on ``/dev/zero``.
MAX_ANSWER = 4096


class _NotTyped(Exception):
    """Standard input holds something no one typed: play stops rather than read it without end."""


def _read_answer(stdin: TextIO | None) -> str | None:
    """One typed line; None when the input has ended (or there is none: ``<&-``, or it can't be read)."""
    if stdin is None:
        return None
    try:
        raw = stdin.readline(MAX_ANSWER + 1)
    except UnicodeDecodeError:  # bytes no keyboard in the input's encoding sends
        raise _NotTyped from None
    except (OSError, ValueError):  # a closed stream
        return None
    if "\x00" in raw or (len(raw) > MAX_ANSWER and not raw.endswith("\n")):
        raise _NotTyped
    return raw or None


def _say(out: TextIO, text: str = "") -> None:
    text = visible(text, newlines=True)  # a scenario's text may hold escape sequences; never send them raw
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
    _say(out, scene_text(scene, state_env(scenario, session.state)))
    question = scenario.reflection_for(scene.phase)
    if question:
        _say(out, _t(session, "terminal.reflect", question=question))
    _say(out)
    for number, choice in enumerate(session.shown_choices(), 1):
        _say(out, f"  {number}. {choice.text}")
    _say(out, _t(session, "terminal.prompt"))


def _show_deltas(session: Session, deltas: dict[str, float], indent: str, out: TextIO) -> None:
    """One line per change, its arrow following the number and its word following the metric's ``better:``."""
    scenario = session.scenario
    for metric_id, delta in deltas.items():
        metric = scenario.metric(metric_id)
        if metric:
            change = judged_change(scenario.language, format_delta(delta, metric, scenario.language), metric, delta)
            _say(out, f"{indent}{metric.label}: {change}")


def _show_outcome(session: Session, outcome: Outcome, out: TextIO) -> None:
    """The choice's own changes, chance's note with what its outcome changed (under it), the events with
    theirs, and the coach: in the order they happened."""
    scenario = session.scenario
    after = state_env(scenario, session.states[outcome.turn])  # texts follow the state after the choice
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
        _say(out, "  " + _t(session, "terminal.event", text=rule_text(rule, after) if rule else firing.rule_id))
        _show_deltas(session, firing.deltas, "    ", out)
    feedback = feedback_text(choice, after) if choice else ""
    if feedback:
        _say(out, "  " + _t(session, "terminal.coach", text=feedback))


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
        word = news_word(language, metric, change)
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
    final = state_env(scenario, session.state)
    title = ending_title(ending, final)
    _say(out, _t(session, "terminal.ending", rating=rating_word(language, ending.rating), title=title))
    _say(out, ending_text(ending, final))
    _show_metrics(session, out)
    _show_debrief(build_debrief(session), session, out)


def _percent(language: str, score: float) -> str:
    return percent(language, score)


def _scores(language: str, model: Debrief) -> str:
    """Per-phase scores, overall and pass or fail, in one line (the window's overview says the same)."""
    if model.overall_score is None:
        return tr_in(language, "score.none")
    phases = " · ".join(
        f"{tr_in(language, f'phase_short.{phase}')} {_percent(language, score)}"
        for phase, score in model.phase_scores.items()
    )
    verdict = tr_in(
        language, "score.passed" if model.success else "score.failed", mark=_percent(language, model.pass_mark)
    )
    return tr_in(
        language, "score.line", phases=phases, overall=_percent(language, model.overall_score), verdict=verdict
    )


def _show_debrief(model: Debrief, session: Session, out: TextIO) -> None:
    """Every decision, grouped by phase, as the core's debrief model reads it: the choice and its style, what
    it did (better or worse), the coach's note, the strongest choice and why, its model line and technique."""
    scenario = session.scenario
    language = scenario.language
    _say(out)
    _say(out, _t(session, "terminal.debrief", scores=_scores(language, model)))
    for phase in model.phases:
        for index, decision in enumerate(phase.decisions, 1):
            _say(out)
            heading = phase_word(language, phase.phase).upper()
            if len(phase.decisions) > 1:
                heading = _t(session, "terminal.decision", phase=heading, i=index, n=len(phase.decisions))
            _say(out, f"[{heading}]")
            style = style_word(language, decision.style)
            _say(out, "  " + _t(session, "terminal.decision_chose", choice=decision.choice_text, style=style))
            if decision.changes:
                _say(out, "  " + _t(session, "terminal.decision_did"))
                _show_deltas(session, {c.metric: c.delta for c in decision.changes}, "    ", out)
            if decision.coach_note:
                _say(out, "  " + _t(session, "terminal.coach", text=decision.coach_note))
            strongest = decision.strongest
            if strongest is None:
                continue
            if decision.chose_strongest:
                _say(out, "  " + _t(session, "terminal.found"))
            else:
                _say(out, "  " + _t(session, "terminal.strongest", choice=strongest.text, why=strongest.why))
            if strongest.model_line:
                _say(out, "  " + _t(session, "terminal.model_line"))
                for part, text in strongest.model_line:
                    _say(out, f"    {model_line_part(language, part)}: {text}")
            if strongest.technique:
                name, about = (
                    technique_name(language, strongest.technique),
                    technique_about(language, strongest.technique),
                )
                _say(out, "  " + _t(session, "terminal.technique", name=name, about=about))


def ask_commitment(session: Session, stdin: TextIO | None, out: TextIO) -> str:
    """The debrief's last question: one commitment, typed on one line (empty when skipped or input ended)."""
    _say(out)
    _say(out, _t(session, "terminal.commitment_prompt"))
    out.flush()
    try:
        text = " ".join((_read_answer(stdin) or "").split())
    except _NotTyped:
        text = ""
    if text:
        _say(out, _t(session, "terminal.commitment_kept", text=text))
    return text


def play_in_terminal(session: Session, stdin: TextIO | None, out: TextIO, scripted: Iterable[str] = ()) -> int:
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
            try:
                raw = _read_answer(stdin)
            except _NotTyped:
                _say(out, _t(session, "terminal.input_not_typed"))
                return 1
            if raw is None:
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
    ask_commitment(session, stdin, out)
    return 0
