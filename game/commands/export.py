"""`sticky export --csv DIR`: playthroughs, choices and votes as CSV files for spreadsheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.authoring.messages import trainer_message, word
from game.cli import add_lang_option
from game.files import OutputError
from game.locale import plural
from game.training.cli_support import with_records
from game.training.csv_export import export_csv
from game.training.record_store import Records
from game.training.report_data import SelectionError, select


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `export` subcommand."""
    parser = sub.add_parser("export", help="export records as CSV files (playthroughs, choices, votes)")
    parser.add_argument("--csv", metavar="DIR", required=True, help="folder to write the CSV files into")
    parser.add_argument("--cohort", metavar="CODE", help="only this cohort")
    parser.add_argument(
        "--excel",
        action="store_true",
        help="for a spreadsheet set to --lang: a UTF-8 byte-order mark, ';' and decimal commas in Spanish, "
        "',' and decimal points in English",
    )
    add_lang_option(parser, "language of the texts and, with --excel, of the spreadsheet (default: as played)")
    parser.add_argument(
        "--scenarios",
        metavar="PATH",
        action="append",
        default=[],
        help="extra scenario files or folders to find the played versions in (scenarios/ is always searched)",
    )
    parser.set_defaults(func=with_records(run, read_only=True))


def run(args: argparse.Namespace, records: Records) -> int:
    """Write the three files and say how many rows each got."""
    lang = args.lang
    folder = Path(args.csv)
    if folder.exists() and not folder.is_dir():
        print(word("rec.not_a_folder", lang, path=folder), file=sys.stderr)
        return 1
    if args.cohort is not None:
        try:
            select(records.playthroughs(), args.cohort)
        except SelectionError as exc:
            print(word("rec.error", lang, why=trainer_message(str(exc), lang)), file=sys.stderr)
            return 2
    try:
        counts = export_csv(
            records,
            folder,
            args.cohort,
            excel=args.excel,
            language=args.lang,
            paths=[Path(p) for p in args.scenarios],
        )
    except OutputError as exc:
        print(word("rec.error", lang, why=trainer_message(str(exc), lang)), file=sys.stderr)
        return 1
    for name, rows in counts.items():
        print(f"{folder / name}: {plural(args.lang or 'en', rows, 'count.rows')}")
    return 0
