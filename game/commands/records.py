"""`sticky records ...`: list, record headless playthroughs, and export/import records between machines."""

from __future__ import annotations

import argparse
import json
import math
import stat
import sys
import time
from pathlib import Path

from game.authoring.messages import counted, trainer_message, word
from game.cli import add_lang_option, seed_number
from game.commands.common import load_for_play
from game.core.format import format_number
from game.core.session import ChoiceNotAvailable, Session
from game.core.visible import clip, visible
from game.files import OutputError
from game.locale import plural
from game.training.cli_support import with_records
from game.training.exchange import ImportReport, export_records, import_records
from game.training.identity import (
    PROFILE_NAME,
    BadName,
    clean_name,
    clear_room,
    make_room,
    read_profile,
    read_room,
    write_profile,
    write_room,
)
from game.training.record_store import Records, RecordsError
from game.training.record_types import iso


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `records` with its actions."""
    parser = sub.add_parser("records", help="learner records: list, play and record, export, import")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help="list recorded playthroughs")
    ls.add_argument("--cohort", metavar="CODE", help="only this cohort")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=with_records(run_list, read_only=True))
    play = actions.add_parser("play", help="play a scenario headless with scripted choices and record it")
    play.add_argument("path", metavar="PATH", help="a scenario file")
    play.add_argument(
        "--choices", required=True, help="comma-separated choice ids, or numbers as shown on screen (the seed's order)"
    )
    play.add_argument("--seconds", default="", help="comma-separated decision times in seconds, one per choice")
    play.add_argument(
        "--seed",
        type=seed_number,
        default=0,
        help="seed for chance outcomes and the order choices are shown in (default 0)",
    )
    add_lang_option(play, "language played in")
    play.add_argument("--learner", default="anonymous", help="the learner's name (default: anonymous)")
    play.add_argument("--cohort", metavar="CODE", help="cohort or workshop code")
    play.add_argument("--mode", default="practice", choices=MODES, help="practice (default), assessment or group")
    play.set_defaults(func=with_records(run_play, auto_send=True))
    who = actions.add_parser("learner", help="set who plays on this laptop (name and cohort for the game's records)")
    who.add_argument("name", nargs="?", help="the learner's name (omit to show the current one)")
    who.add_argument("--cohort", metavar="CODE", help="cohort or workshop code")
    who.add_argument("--clear", action="store_true", help="forget the name and cohort")
    who.set_defaults(func=with_records(run_learner))
    room = actions.add_parser(
        "learners", help="set up a room: lock the cohort and list who may play (the window offers the names)"
    )
    room.add_argument("names", nargs="*", metavar="NAME", help="the learners' names (none: any name may be typed)")
    room.add_argument("--cohort", metavar="CODE", help="the cohort every playthrough here is recorded in")
    room.add_argument("--clear", action="store_true", help="remove the room set-up")
    room.set_defaults(func=with_records(run_learners))
    export = actions.add_parser("export", help="write records to a JSON lines file (.json: one JSON array)")
    export.add_argument("file", metavar="FILE")
    export.add_argument("--cohort", metavar="CODE", help="only this cohort")
    export.set_defaults(func=with_records(run_export, read_only=True))
    imp = actions.add_parser(
        "import", help="add records from export files (checked; newer copies replace older); twice adds nothing"
    )
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.set_defaults(func=with_records(run_import))
    rescue = actions.add_parser(
        "recover", help="save what can still be read from a damaged records database into a new one beside it"
    )
    rescue.add_argument("--out", metavar="FILE", help="the new database (default: beside the old, dated)")
    rescue.set_defaults(func=run_recover)


#: The kinds of playthrough: alone (practice or assessment) or a group's (`sticky facilitate`).
MODES = ("practice", "assessment", "group")
#: The longest decision time a record keeps (as `records import` checks): ten years.
MAX_DECISION_SECONDS = 10 * 365 * 86400


def run_list(args: argparse.Namespace, records: Records) -> int:
    """One line per playthrough."""
    lang = args.lang
    rows = records.playthroughs(args.cohort)
    if args.json:
        print(json.dumps([r.to_json() | {"id": r.id} for r in rows], ensure_ascii=False, indent=2))
        return 0
    wide = len(word("rec.list.choices.other", lang))  # "1 choice " lines up with "2 choices"
    for r in rows:
        state = f"{r.ending_id} ({r.rating})" if r.finished else word("rec.unfinished", lang)
        print(  # every field visible: an imported name may hold a newline that would forge a row
            f"{r.id:>4}  {visible(r.uuid[:8])}  {(iso(r.started_at) or '')[:16]}  {visible(r.cohort or '-'):<10} "
            f"{visible(clip(r.learner, 40)):<16} {visible(r.scenario_id):<16} {visible(r.mode):<9} "
            f"{len(r.choices):>2} {counted('rec.list.choices', lang, len(r.choices)):<{wide}}  {visible(state)}"
        )
    found = plural(lang or "en", len(rows), "count.playthroughs")
    print(word("rec.list.in", lang, count=found, path=records.path), file=sys.stderr)
    return 0


def run_play(args: argparse.Namespace, records: Records) -> int:
    """Play the choices, recording each, and finish when an ending is reached."""
    lang = args.lang
    scenario, _ = load_for_play(args.path, lang)
    if scenario is None:
        return 1
    wanted = [c.strip() for c in args.choices.split(",") if c.strip()]
    try:
        seconds = [float(s) for s in args.seconds.split(",") if s.strip()]
    except ValueError:
        seconds = [math.nan]
    if not all(0 <= s <= MAX_DECISION_SECONDS for s in seconds):  # NaN and infinity too: never into the records
        print(word("rec.seconds_range", lang, max=format_number(MAX_DECISION_SECONDS, lang or "en")), file=sys.stderr)
        return 1
    try:  # the same rules as the window's and `records learner`: no control characters, not too long
        learner = clean_name(args.learner)
        cohort = clean_name(args.cohort, "cohort") if args.cohort is not None else None
    except BadName as exc:
        print(word("rec.error", lang, why=trainer_message(str(exc), lang)), file=sys.stderr)
        return 1
    session = Session(scenario, seed=args.seed)
    pid = records.start(session, learner=learner, cohort=cohort, mode=args.mode, language=scenario.language)
    for i, choice in enumerate(wanted):
        if session.finished:  # more choices than the playthrough had: it ended, and stays recorded as ended
            return _ended_early(args.path, records, pid, session, wanted[i:], lang)
        began = time.monotonic()
        try:
            outcome = session.choose(choice)
        except ChoiceNotAvailable as exc:
            why = trainer_message(str(exc), lang)
            print(word("rec.choice_refused", lang, path=args.path, why=why, pid=pid), file=sys.stderr)
            return 1
        records.choice(pid, outcome, seconds[i] if i < len(seconds) else time.monotonic() - began)
    if session.finished:
        records.finish(pid, session)
        ending = session.ending
        name = f"{ending.id if ending else '?'} ({ending.rating if ending else '?'})"
        print(word("rec.finished", lang, pid=pid, ending=name))
    else:
        print(word("rec.unfinished_in", lang, pid=pid, scene=session.state.node))
    return 0


def _ended_early(path: str, records: Records, pid: int, session: Session, left: list[str], lang: str | None) -> int:
    """Record the ending reached before the last choices asked for, say which were not played; exit 1."""
    records.finish(pid, session)
    ending = session.ending
    name = f"{ending.id} ({ending.rating})" if ending else "?"
    print(word("rec.finished", lang, pid=pid, ending=name))
    after = counted("rec.after", lang, len(session.history))
    key, more = ("rec.ended_early_more", len(left) - 1) if len(left) > 1 else ("rec.ended_early", 0)
    print(word(key, lang, path=path, after=after, first=repr(left[0]), more=more, pid=pid), file=sys.stderr)
    return 1


def run_learner(args: argparse.Namespace, records: Records) -> int:
    """Show, set or clear this laptop's learner profile."""
    path = records.data_dir / PROFILE_NAME
    if args.clear:
        path.unlink(missing_ok=True)
        print(word("rec.profile_cleared", args.lang))
        return 0
    if args.name or args.cohort:
        profile = read_profile(records.data_dir)
        try:
            name = clean_name(args.name) if args.name else profile.get("learner")
            cohort = clean_name(args.cohort, "cohort") if args.cohort else profile.get("cohort")
            write_profile(records.data_dir, name, cohort)
        except (BadName, OutputError) as exc:
            print(word("rec.error", args.lang, why=trainer_message(str(exc), args.lang)), file=sys.stderr)
            return 1
    profile = read_profile(records.data_dir)
    learner, cohort = profile.get("learner", "anonymous"), profile.get("cohort", "-")
    print(word("rec.learner_line", args.lang, learner=visible(learner), cohort=visible(cohort)))
    return 0


def run_learners(args: argparse.Namespace, records: Records) -> int:
    """Set up, show or clear the room on this laptop: its cohort, locked, and the names the window offers."""
    folder = records.data_dir
    if args.clear:
        print(word("rec.room_cleared" if clear_room(folder) else "rec.no_room_was", args.lang))
        return 0
    if args.cohort:
        try:
            write_room(folder, make_room(args.cohort, args.names))
        except (BadName, OutputError) as exc:
            print(word("rec.error", args.lang, why=trainer_message(str(exc), args.lang)), file=sys.stderr)
            return 1
    elif args.names:
        print(word("rec.room_needs_cohort", args.lang), file=sys.stderr)
        return 2
    room = read_room(folder)
    if room is None:
        print(word("rec.no_room", args.lang))
        return 0
    names = ", ".join(visible(n) for n in room.learners) if room.learners else word("rec.any_name", args.lang)
    print(word("rec.room_line", args.lang, cohort=visible(room.cohort), names=names))
    return 0


def run_export(args: argparse.Namespace, records: Records) -> int:
    """Write the export file."""
    try:
        count = export_records(records, Path(args.file), args.cohort)
    except OutputError as exc:
        print(word("rec.error", args.lang, why=trainer_message(str(exc), args.lang)), file=sys.stderr)
        return 1
    where = word("rec.stdout", args.lang) if args.file == "-" else args.file
    print(counted("rec.exported", args.lang, count, where=where), file=sys.stderr if args.file == "-" else sys.stdout)
    return 0


def run_import(args: argparse.Namespace, records: Records) -> int:
    """Import each file: good records go in, each refused one and each conflict is reported as file:line: why;
    exit 1 when any record was refused or in conflict."""
    lang, status = args.lang, 0
    for name in args.files:
        path = Path(name)
        problem = _not_importable(path, lang)
        if problem:
            print(word("rec.file_error", lang, path=visible(name), why=problem), file=sys.stderr)
            status = 1
            continue
        try:
            report = import_records(records, path)
        except RecordsError as exc:  # this file can't be read as a whole: say so and go on with the next
            print(word("rec.error", lang, why=visible(trainer_message(str(exc), lang))), file=sys.stderr)
            status = 1
            continue
        for line in report.warnings + report.refused + report.conflicts:
            print(visible(trainer_message(line, lang)), file=sys.stderr)
        if report.unlisted():
            print(counted("rec.unlisted", lang, report.unlisted(), path=visible(name)), file=sys.stderr)
        print(visible(import_summary(report, name, lang)))
        if not report.ok:
            status = 1
    return status


def import_summary(report: ImportReport, name: str, lang: str | None) -> str:
    """One line in ``lang``: how many were added, already here, updated, in conflict and refused."""
    text = counted("rec.added", lang, report.added, path=name) + counted("rec.here", lang, report.skipped)
    if report.updated:
        text += counted("rec.updated", lang, report.updated)
    if report.conflict_count:
        text += word("rec.in_conflict", lang, n=format_number(report.conflict_count, lang or "en"))
    if report.refused_count:
        text += counted("rec.refused", lang, report.refused_count)
    return text


def _not_importable(path: Path, lang: str | None) -> str:
    """Why ``path`` can't be an export file ("" when it may be), in ``lang``: missing, a folder, a device or a
    pipe (never opened, so a FIFO can't block the import)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return word("rec.no_such_file", lang)
    except OSError as exc:
        return word("rec.cant_read", lang, why=exc.strerror or exc)
    if stat.S_ISDIR(info.st_mode):
        return word("rec.is_folder", lang)
    if not stat.S_ISREG(info.st_mode):
        return word("rec.not_regular", lang)
    return ""


def run_recover(args: argparse.Namespace) -> int:
    """Save the readable playthroughs of the records database into a new file; the old one is kept as it is."""
    from game.paths import data_dir
    from game.training.record_store import DB_NAME
    from game.training.recover import recover

    lang = args.lang
    damaged = data_dir(getattr(args, "data", None)) / DB_NAME  # DataFolderError: the command line says why
    try:
        report = recover(damaged, Path(args.out) if args.out else None)
    except (RecordsError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        where = f"{exc.filename}: " if isinstance(exc, OSError) and exc.filename else ""  # which file it could not
        print(word("rec.error", lang, why=visible(trainer_message(where + reason, lang))), file=sys.stderr)
        return 1
    lost = counted("rec.dropped", lang, report.dropped) if report.dropped else ""
    if report.partial:
        lost += counted("rec.partial", lang, report.partial)
    print(counted("rec.saved", lang, report.saved, path=visible(str(report.target))) + lost)
    if report.unreadable_tables:
        print(word("rec.unreadable_tables", lang, tables=", ".join(report.unreadable_tables)), file=sys.stderr)
    print(word("rec.kept", lang, path=visible(str(damaged)), name=DB_NAME))
    return 0 if report.saved or not report.dropped else 1
