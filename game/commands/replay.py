"""`sticky replay ID`: play a recorded playthrough again, exactly, and check it matches the record."""

from __future__ import annotations

import argparse
import json

from game.authoring.messages import trainer_message
from game.cli import add_lang_option
from game.commands.play import delta_list, playthrough_json
from game.core.format import format_value
from game.core.model import Chance
from game.core.variants import shown_ending
from game.core.visible import visible
from game.locale import phase_word, rating_word, style_word, tr_in
from game.training.cli_support import with_records
from game.training.record_store import Records
from game.training.replay import replay, scenario_for


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `replay` subcommand."""
    parser = sub.add_parser("replay", help="replay a recorded playthrough exactly and verify its metrics")
    parser.add_argument("id", metavar="ID", help="playthrough number or UUID (see `sticky records list`)")
    parser.add_argument("--scenario", metavar="PATH", help="the scenario file it was played with (default: find it)")
    add_lang_option(parser, "language of the text shown (default: the one it was played in)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=with_records(run, read_only=True))


def run(args: argparse.Namespace, records: Records) -> int:
    """Replay; exit 0 when everything matches the record, 1 otherwise."""
    record = records.get(args.id)
    scenario = scenario_for(record, args.scenario, args.lang)
    result = replay(record, scenario)
    session = result.session
    if args.json:
        data = playthrough_json(session) | {
            "playthrough": record.id,
            "uuid": record.uuid,
            "learner": record.learner,
            "cohort": record.cohort,
            "verified": result.ok,
            "mismatches": result.mismatches,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0 if result.ok else 1
    language = scenario.language
    heading = tr_in(language, "replay.heading", id=record.id, learner=record.learner)
    _line(heading + (f" · {record.cohort}" if record.cohort else ""))
    _line(tr_in(language, "replay.title", title=scenario.title, seed=record.seed) + "\n")
    for outcome, choice in zip(session.history, record.choices, strict=False):
        scene = scenario.scene(outcome.scene_id)
        picked = scenario.choice(outcome.choice_id)
        seconds = f" · {choice.decision_seconds:.0f} s" if choice.decision_seconds is not None else ""
        phase = phase_word(language, scene.phase) if scene else "?"
        _line(f"{outcome.turn:>2}. [{phase}] {picked.text if picked else outcome.choice_id}")
        changes = delta_list(scenario, outcome.deltas_besides_chance)
        _line(f"    {style_word(language, outcome.style)}{seconds}" + (f" · {changes}" if changes else ""))
        if picked is not None and isinstance(picked.next, Chance) and outcome.chance_index is not None:
            note = picked.next.outcomes[outcome.chance_index].note  # and, apart, what chance's outcome did
            line = tr_in(language, "terminal.chance", note=note).rstrip()
            changes = delta_list(scenario, outcome.outcome_deltas)
            _line(f"    {line}" + (f" · {changes}" if changes else ""))
    ending = shown_ending(session)
    if ending is not None:
        rating = rating_word(language, ending.rating)
        _line("\n" + tr_in(language, "replay.ending", title=ending.title, rating=rating))
    final = (f"{m.label}: {format_value(session.metrics[m.id], m, scenario.language)}" for m in scenario.metrics)
    _line("  " + " · ".join(final))
    if result.ok:
        _line("\n" + tr_in(language, "replay.verified"))
        return 0
    _line("\n" + tr_in(language, "replay.mismatch"))
    for line in result.mismatches:
        _line(f"  {trainer_message(line, args.lang)}")
    return 1


def _line(text: str = "") -> None:
    """Print one line of the replay, its fields made visible (a learner's name may hold a newline or an
    escape sequence from an imported record); blank lines before or after it are kept."""
    body = text.strip("\n")
    lead = len(text) - len(text.lstrip("\n"))
    print("\n" * lead + visible(body) + "\n" * (len(text) - lead - len(body)))
