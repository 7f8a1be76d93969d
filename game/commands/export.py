"""`sticky export --csv DIR`: playthroughs, choices and votes as CSV files for spreadsheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.files import OutputError
from game.training.cli_support import with_records
from game.training.exchange import export_csv
from game.training.records import Records


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `export` subcommand."""
    parser = sub.add_parser("export", help="export records as CSV files (playthroughs, choices, votes)")
    parser.add_argument("--csv", metavar="DIR", required=True, help="folder to write the CSV files into")
    parser.add_argument("--cohort", metavar="CODE", help="only this cohort")
    parser.set_defaults(func=with_records(run, read_only=True))


def run(args: argparse.Namespace, records: Records) -> int:
    """Write the three files and say how many rows each got."""
    folder = Path(args.csv)
    if folder.exists() and not folder.is_dir():
        print(f"error: {folder} exists and is not a folder")
        return 1
    try:
        counts = export_csv(records, folder, args.cohort)
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name, rows in counts.items():
        print(f"{folder / name}: {rows} row(s)")
    return 0
