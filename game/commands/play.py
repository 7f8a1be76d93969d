"""`sticky play PATH`: play a scenario headless (scripted `--choices`, `--json`, or `--text` in a terminal)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from game.authoring.messages import localize, word
from game.cli import add_lang_option, seed_number
from game.commands.common import load_for_play
from game.core.format import format_delta
from game.core.model import Chance, Scenario
from game.core.session import ChoiceNotAvailable, Session
from game.core.variants import ending_text, ending_title, env_after, feedback_text, rule_text, scene_text
from game.files import OutputError
from game.locale import rating_word, style_word
from game.terminal import play_in_terminal


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `play` subcommand."""
    parser = sub.add_parser(
        "play", help="play a scenario: in the window, in the terminal (--text) or scripted (--json)"
    )
    parser.add_argument("path", metavar="PATH", help="a scenario file")
    parser.add_argument(
        "--choices",
        default="",
        help="comma-separated choice ids (robust) or numbers as shown on screen (the seed's order) to play in order",
    )
    parser.add_argument(
        "--seed",
        type=seed_number,
        default=0,
        help="seed for chance outcomes and the order choices are shown in (default 0)",
    )
    add_lang_option(parser, "language of the text")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print one JSON object describing the playthrough")
    mode.add_argument("--text", action="store_true", help="interactive plain-terminal play (screen-reader friendly)")
    parser.add_argument(
        "--texts",
        action="store_true",
        help="with --json: add the texts shown (scene, choice, feedback, chance note, rules, ending) in the "
        "language played, each variant as the state picked it",
    )
    parser.add_argument(
        "--screenshots", metavar="DIR", help="render every screen of the scripted run to PNG files in DIR"
    )
    parser.add_argument("--size", metavar="WxH", help="with --screenshots: the window size (default 1280x720)")
    parser.add_argument(
        "--text-size", type=int, choices=(0, 1, 2), default=0, help="with --screenshots: the text size step (0-2)"
    )
    parser.add_argument("--high-contrast", action="store_true", help="with --screenshots: the high-contrast theme")
    parser.set_defaults(func=run)


def playthrough_json(session: Session) -> dict[str, Any]:
    """The JSON object `--json` prints."""
    scenario = session.scenario
    ending = session.ending
    return {
        "scenario": scenario.id,
        "title": scenario.title,
        "language": scenario.language,
        "seed": session.seed,
        "content_hash": scenario.content_hash,
        "path": [
            {
                "scene": o.scene_id,
                "choice": o.choice_id,
                "style": o.style,
                "deltas": o.to_json()["deltas"],
                "outcome_deltas": o.to_json()["outcome_deltas"],
                "rules": [
                    {"id": r.rule_id, "deltas": o.to_json()["rules"][i]["deltas"]} for i, r in enumerate(o.rules)
                ],
                "chance": o.chance_index,
                "shown": list(o.shown),
                "next": o.next_scene,
                "ending": o.ending_id,
            }
            for o in session.history
        ],
        "final_metrics": session.history[-1].to_json()["metrics"]
        if session.history
        else {k: (int(v) if float(v).is_integer() else v) for k, v in session.metrics.items()},
        "finished": session.finished,
        "ending": ending.id if ending else None,
        "rating": ending.rating if ending else None,
        "scene": None if session.finished else session.state.node,
        "available": [c.id for c in session.shown_choices()],
    }


def add_texts(session: Session, data: dict[str, Any]) -> None:
    """Add to ``playthrough_json``'s ``data`` the texts a player was shown: each step's ``texts`` (scene,
    choice, feedback, chance note, rules) and, at the end, the ``ending_texts`` or the ``available_texts``."""
    scenario = session.scenario
    for index, (step, outcome) in enumerate(zip(data["path"], session.history, strict=True)):
        before, after = env_after(session, index), env_after(session, index + 1)
        scene = scenario.scene(outcome.scene_id)
        choice = scenario.choice(outcome.choice_id)
        texts: dict[str, Any] = {
            "scene": scene_text(scene, before) if scene else "",
            "choice": choice.text if choice else "",
            "feedback": feedback_text(choice, after) if choice else "",
        }
        if choice is not None and isinstance(choice.next, Chance) and outcome.chance_index is not None:
            texts["chance_note"] = choice.next.outcomes[outcome.chance_index].note
        rules = {rule.id: rule for rule in scenario.rules}
        texts["rules"] = {r.rule_id: rule_text(rules[r.rule_id], after) for r in outcome.rules if r.rule_id in rules}
        step["texts"] = texts
    final = env_after(session, len(session.history))
    ending = session.ending
    if ending is not None:
        data["ending_texts"] = {"title": ending_title(ending, final), "text": ending_text(ending, final)}
    else:
        scene = session.scene
        data["available_texts"] = {
            "scene": scene_text(scene, final) if scene else "",
            "choices": {c.id: c.text for c in session.shown_choices()},
        }


def run(args: argparse.Namespace) -> int:
    """Play as asked; exit 1 if the file has errors or a choice is not available."""
    if args.texts and not args.json:
        print(word("p.texts_json", args.lang), file=sys.stderr)
        return 2
    if args.size is not None and _window_size(args.size) is None:
        print(word("p.size", args.lang), file=sys.stderr)
        return 2
    scenario, _result = load_for_play(args.path, args.lang)
    if scenario is None:
        return 1
    if args.screenshots:
        from game.ui.screenshots import render_run

        try:
            return render_run(args, scenario)
        except OutputError as exc:  # a full disk: the PNG is named, none is left empty
            print(f"error: {localize(str(exc), args.lang)}", file=sys.stderr)
            return 1
    session = Session(scenario, seed=args.seed)
    if args.text:
        return play_in_terminal(session, sys.stdin, sys.stdout, scripted=_split(args.choices))
    if not args.json and not args.choices:
        from game.ui.launch import launch

        return launch(args, scenario_path=args.path)
    for wanted in _split(args.choices):
        try:
            session.choose(wanted)
        except ChoiceNotAvailable as exc:
            print(f"{args.path}: error: {localize(str(exc), args.lang)}", file=sys.stderr)
            return 1
    if args.json:
        data = playthrough_json(session)
        if args.texts:
            add_texts(session, data)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for outcome in session.history:
            changes = delta_list(scenario, outcome.deltas_besides_chance)
            if outcome.outcome_deltas:
                changes += f"; {word('x.chance', args.lang)}: {delta_list(scenario, outcome.outcome_deltas)}"
            style = style_word(args.lang or "en", outcome.style)
            print(f"{outcome.turn:>2}. {outcome.scene_id}: {outcome.choice_id} ({style}) {changes}".rstrip())
        ending = session.ending
        if ending:
            print(word("p.ending", args.lang, id=ending.id, rating=rating_word(args.lang or "en", ending.rating)))
        else:
            print(word("p.stopped", args.lang, scene=session.state.node))
    return 0


def _window_size(text: str) -> tuple[int, int] | None:
    """``WxH`` as two whole numbers from 640x360 to 7680x4320; None for anything else."""
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        return None
    size = int(width), int(height)
    return size if 640 <= size[0] <= 7680 and 360 <= size[1] <= 4320 else None


def delta_list(scenario: Scenario, deltas: dict[str, float]) -> str:
    """``Revenue ▲ +1,200 €/month, Reputation ▼ −5%``: each change in ``deltas`` in the scenario's language."""
    return ", ".join(
        f"{metric.label} {format_delta(change, metric, scenario.language)}"
        for key, change in deltas.items()
        if (metric := scenario.metric(key)) is not None
    )


def _split(choices: str) -> list[str]:
    return [c.strip() for c in choices.split(",") if c.strip()]
