"""`sticky report --from-lrs`: the trainer's report built from the organisation's LRS instead of this laptop.

The statements are read back page by page (``game.training.lrs_read``), turned into playthrough records and
given to the same report builder as local records, with the same cohort, scenario and language options.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from game.files import OutputError, write_output
from game.locale import plural
from game.training.lrs import lrs_config
from game.training.lrs_read import ReadError, fetch_statements, read_playthroughs
from game.training.outbox import xapi_settings
from game.training.record_types import PlaythroughRecord


def add_lrs_options(parser: argparse.ArgumentParser) -> None:
    """``--from-lrs`` and ``--since`` for `report`."""
    parser.add_argument(
        "--from-lrs",
        action="store_true",
        help="build the report from the statements in the configured LRS (every room that sent there)",
    )
    parser.add_argument(
        "--since", metavar="TIME", help="with --from-lrs: only statements after TIME (ISO 8601, e.g. 2026-11-27)"
    )


def from_lrs_or(local: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """The `report` action: from the LRS with ``--from-lrs``, else ``local``."""

    def run(args: argparse.Namespace) -> int:
        if getattr(args, "from_lrs", False):
            return run_from_lrs(args)
        if getattr(args, "since", None):
            print("error: --since goes with --from-lrs", file=sys.stderr)
            return 2
        return local(args)

    return run


def lrs_playthroughs(
    data_dir: Path, scenario: str | None = None, since: str | None = None
) -> tuple[list[PlaythroughRecord], int]:
    """The playthroughs in the LRS configured for ``data_dir`` (of one scenario, after ``since``) and how many
    statements were not ours. Raises ReadError or ValueError (no or a broken configuration)."""
    config = lrs_config(data_dir)
    if config is None:
        raise ValueError("no LRS configured: set STICKY_LRS_ENDPOINT or run `sticky xapi config --endpoint URL`")
    settings = xapi_settings(data_dir, strict=True)
    activity = f"{settings.base}/scenarios/{scenario}" if scenario else None
    runs, skipped = read_playthroughs(fetch_statements(config, activity=activity, since=_since(since)))
    if scenario:
        runs = [r for r in runs if r.scenario_id == scenario]
    return runs, skipped


def _since(text: str | None) -> str | None:
    if not text:
        return None
    from datetime import datetime, timezone

    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"--since '{text}' is not a date or time like 2026-11-27 or 2026-11-27T09:00") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat()


def run_from_lrs(args: argparse.Namespace) -> int:
    """Write the report from the LRS and say what it covers."""
    from game.paths import data_dir
    from game.training.report import render_report

    scenario = getattr(args, "scenario", None)  # `report --scenario`, where the report command has it
    try:
        runs, skipped = lrs_playthroughs(data_dir(args.data), scenario, args.since)
    except (ReadError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.cohort:
        runs = [r for r in runs if r.cohort == args.cohort]
    html = render_report(runs, args.lang or "en", args.cohort, [Path(p) for p in args.scenarios])
    try:
        write_output(args.out, html)
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    where = "(standard output)" if args.out == "-" else args.out
    note = f"; {plural('en', skipped, 'count.statements')} of other sources skipped" if skipped else ""
    cohorts = plural("en", len({r.cohort for r in runs}), "count.cohorts")
    summary = f"{where}: {plural('en', len(runs), 'count.playthroughs')} from the LRS, {cohorts}{note}"
    print(summary, file=sys.stderr if args.out == "-" else sys.stdout)
    return 0
