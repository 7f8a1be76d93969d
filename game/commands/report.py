"""`sticky report --out FILE.html`: the trainer's report, one self-contained HTML file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.authoring.messages import trainer_message, word
from game.cli import add_lang_option
from game.core.format import format_number
from game.files import OutputError, write_output
from game.locale import plural
from game.training.cli_support import with_records
from game.training.lrs_report import add_lrs_options, from_lrs_or
from game.training.record_store import Records
from game.training.report import SelectionError, render_report
from game.training.report_data import select


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `report` subcommand."""
    parser = sub.add_parser("report", help="write the trainer's report (HTML, works offline)")
    parser.add_argument("--out", metavar="FILE.html", required=True, help="the HTML file to write")
    parser.add_argument("--cohort", metavar="CODE", help="only this cohort (default: every cohort)")
    parser.add_argument("--scenario", metavar="ID", help="only this scenario (default: every scenario played)")
    add_lang_option(parser, "language of the report (default en)")
    parser.add_argument(
        "--scenarios",
        metavar="PATH",
        action="append",
        default=[],
        help="extra scenario files or folders to find the played versions in (scenarios/ is always searched)",
    )
    add_lrs_options(parser)
    parser.set_defaults(func=from_lrs_or(with_records(run, read_only=True)))


def run(args: argparse.Namespace, records: Records) -> int:
    """Write the report and say what it covers."""
    lang = args.lang
    runs = records.playthroughs()
    try:
        html = render_report(runs, args.lang or "en", args.cohort, [Path(p) for p in args.scenarios], args.scenario)
    except SelectionError as exc:
        print(word("rec.error", lang, why=trainer_message(str(exc), lang)), file=sys.stderr)
        return 2
    runs = select(runs, args.cohort, args.scenario)
    out = Path(args.out)
    try:
        write_output(args.out, html)
    except OutputError as exc:
        print(word("rec.error", lang, why=trainer_message(str(exc), lang)), file=sys.stderr)
        return 1
    cohorts = {r.cohort for r in runs}
    size = format_number(len(html.encode("utf-8")) // 1024, lang or "en")
    where = word("rec.stdout", lang) if args.out == "-" else str(out)
    played = plural(lang or "en", len(runs), "count.playthroughs")
    summary = word(
        "rec.report",
        lang,
        where=where,
        runs=played,
        cohorts=plural(lang or "en", len(cohorts), "count.cohorts"),
        size=size,
    )
    print(summary, file=sys.stderr if args.out == "-" else sys.stdout)  # the report itself may be on stdout
    return 0
