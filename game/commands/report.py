"""`sticky report --out FILE.html`: the trainer's report, one self-contained HTML file."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli import add_lang_option
from game.training.cli_support import with_records
from game.training.records import Records
from game.training.report import render_report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `report` subcommand."""
    parser = sub.add_parser("report", help="write the trainer's report (HTML, works offline)")
    parser.add_argument("--out", metavar="FILE.html", required=True, help="the HTML file to write")
    parser.add_argument("--cohort", metavar="CODE", help="only this cohort (default: every cohort)")
    add_lang_option(parser, "language of the report (default en)")
    parser.add_argument(
        "--scenarios",
        metavar="PATH",
        action="append",
        default=[],
        help="extra scenario files or folders to find the played versions in (scenarios/ is always searched)",
    )
    parser.set_defaults(func=with_records(run))


def run(args: argparse.Namespace, records: Records) -> int:
    """Write the report and say what it covers."""
    runs = records.playthroughs(args.cohort)
    html = render_report(runs, args.lang or "en", args.cohort, [Path(p) for p in args.scenarios])
    out = Path(args.out)
    if out.is_dir():
        print(f"error: {out} is a folder; give a file name such as {out / 'report.html'}")
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(out)
    cohorts = {r.cohort for r in runs}
    print(f"{out}: {len(runs)} playthrough(s), {len(cohorts)} cohort(s), {out.stat().st_size // 1024} KiB")
    return 0
