"""`sticky xapi ...`: see and send the xAPI statements queued for the learning record store (LRS)."""

from __future__ import annotations

import argparse
import json
import sys

from game.authoring.messages import counted, trainer_message, word
from game.cli import number_from
from game.files import OutputError
from game.locale import plural
from game.training.cli_support import with_records
from game.training.lrs import LRSConfig, SendReport, lrs_config, send_pending
from game.training.lrs_config import configure
from game.training.outbox import counts, room_learners, xapi_settings
from game.training.record_store import Records
from game.training.replay import scenario_for
from game.training.xapi import statements


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `xapi` with its actions."""
    parser = sub.add_parser("xapi", help="xAPI statements: status, send to the LRS, show")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="how many statements are queued, sent or refused")
    status.set_defaults(func=with_records(run_status, read_only=True))
    send = actions.add_parser("send", help="send queued statements to the configured LRS, with retries")
    send.add_argument(
        "--retries", type=number_from(0, 20), default=3, help="retries per statement (default 3; at most 20)"
    )
    send.add_argument(
        "--timeout",
        type=number_from(0.1, 600, whole=False),
        default=10.0,
        help="seconds to wait for each answer (default 10; from 0.1 to 600)",
    )
    send.add_argument("--all", action="store_true", help="also retry statements the LRS refused before")
    send.add_argument(
        "--batch",
        type=number_from(1, 1000),
        default=1,
        metavar="N",
        help="post N statements per request (a large backlog; default 1; at most 1,000)",
    )
    send.set_defaults(func=with_records(run_send))
    show = actions.add_parser("show", help="print the statements of one playthrough as JSON")
    show.add_argument("id", metavar="ID", help="playthrough number or UUID")
    show.set_defaults(func=with_records(run_show, read_only=True))
    config = actions.add_parser(
        "config",
        help="show or change the LRS and how learners are identified (written to lrs.json in the data folder)",
    )
    config.add_argument("--endpoint", help="the LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/")
    config.add_argument("--username", help="the LRS key (Basic authentication)")
    config.add_argument("--password", help="the LRS secret")
    config.add_argument("--homepage", help="the learners' account home page (your LMS's address)")
    config.add_argument(
        "--account-name", metavar="TEMPLATE", help="the account name, e.g. '{cohort}/{learner}' (the default)"
    )
    config.add_argument("--mbox", metavar="TEMPLATE", help="identify by email instead: 'mailto:{learner_slug}@org'")
    config.add_argument("--activity-base", metavar="IRI", help="the base of activity and extension IRIs")
    config.set_defaults(func=run_config)


def _config_or_error(records: Records, lang: str | None) -> tuple[bool, LRSConfig | None]:
    try:
        return True, lrs_config(records.data_dir)
    except ValueError as exc:
        print(_error(exc, lang), file=sys.stderr)
        return False, None


def run_status(args: argparse.Namespace, records: Records) -> int:
    """Print the outbox counts and where statements would go."""
    lang = args.lang
    ok, config = _config_or_error(records, lang)
    if not ok:
        return 1
    numbers = counts(records.db)
    print(" · ".join(f"{word('rec.status.' + k, lang)}: {v}" for k, v in numbers.items()))
    print(word("rec.lrs", lang, endpoint=config.endpoint) if config else word("rec.lrs_none", lang))
    return 0


def run_send(args: argparse.Namespace, records: Records) -> int:
    """Send; exit 0 when nothing is left queued, 1 otherwise."""
    lang = args.lang
    ok, config = _config_or_error(records, lang)
    if not ok:
        return 1
    if config is None:
        print(word("rec.no_lrs", lang, folder=records.data_dir), file=sys.stderr)
        return 1
    report = send_pending(
        records,
        config=config,
        retries=int(args.retries),
        timeout=float(args.timeout),
        include_failed=args.all,
        batch=int(args.batch),
    )
    for error in dict.fromkeys(report.errors):
        print(word("rec.warning", lang, why=trainer_message(error, lang)), file=sys.stderr)
    print(send_summary(report, lang))
    return 0 if report.left == 0 and not report.rejected and not report.conflicts else 1


def run_config(args: argparse.Namespace) -> int:
    """Change the settings given (an empty value removes one), then print the settings in force."""
    from game.paths import data_dir

    folder = data_dir(getattr(args, "data", None))
    try:
        settings = configure(folder, _changes(args))
        print("\n".join(trainer_message(line, args.lang) for line in settings.splitlines()))
    except (ValueError, OutputError) as exc:
        print(_error(exc, args.lang), file=sys.stderr)
        return 1
    return 0


def _error(exc: Exception, lang: str | None) -> str:
    return word("rec.error", lang, why=trainer_message(str(exc), lang))


def send_summary(report: SendReport, lang: str | None) -> str:
    """One line in ``lang``: how many statements were sent, are still queued, in conflict or rejected."""
    text = counted("rec.sent", lang, report.sent, sent=report.sent, left=report.left)
    if report.conflicts:
        text += word("rec.lrs_conflicts", lang, conflicts=plural(lang or "en", report.conflicts, "count.conflicts"))
    if report.rejected:
        text += counted("rec.lrs_rejected", lang, report.rejected)
    return text


def _changes(args: argparse.Namespace) -> dict[str, str | None]:
    names = ("endpoint", "username", "password", "homepage", "account_name", "mbox", "activity_base")
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def run_show(args: argparse.Namespace, records: Records) -> int:
    """Print the statements (as they are built now; queued copies are identical)."""
    record = records.get(args.id)
    try:
        scenario = scenario_for(record)
    except Exception:  # noqa: BLE001 - statements are still complete without the scenario's text
        scenario = None
    try:
        settings = xapi_settings(records.data_dir, strict=True)
        shown = statements(record, settings, scenario, room_learners(records.data_dir, record.cohort))
    except ValueError as exc:
        print(_error(exc, args.lang), file=sys.stderr)
        return 1
    print(json.dumps(shown, ensure_ascii=False, indent=2))
    return 0
