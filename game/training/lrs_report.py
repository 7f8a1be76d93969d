"""`sticky report --from-lrs`: the trainer's report built from the organisation's LRS instead of this laptop.

The statements are read back page by page (``game.training.lrs_read``), turned into playthrough records and
given to the same report builder as local records, with the same cohort, scenario and language options.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from game.authoring.messages import trainer_message, word
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
            print(word("rec.since_alone", getattr(args, "lang", None)), file=sys.stderr)
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

    lang = args.lang
    scenario = getattr(args, "scenario", None)  # `report --scenario`, where the report command has it
    try:
        runs, skipped = lrs_playthroughs(data_dir(args.data), scenario, args.since)
    except (ReadError, ValueError) as exc:
        print(word("rec.error", lang, why=trainer_message(str(exc), lang)), file=sys.stderr)
        return 1
    if args.cohort:
        runs = [r for r in runs if r.cohort == args.cohort]
    html = render_report(runs, args.lang or "en", args.cohort, [Path(p) for p in args.scenarios])
    try:
        write_output(args.out, html)
    except OutputError as exc:
        print(word("rec.error", lang, why=trainer_message(str(exc), lang)), file=sys.stderr)
        return 1
    said = lang or "en"
    where = word("rec.stdout", lang) if args.out == "-" else args.out
    skipped_ones = plural(said, skipped, "count.statements")
    note = word("rec.other_sources", lang, statements=skipped_ones) if skipped else ""
    cohorts = plural(said, len({r.cohort for r in runs}), "count.cohorts")
    runs_in = plural(said, len(runs), "count.playthroughs")
    summary = word("rec.from_lrs", lang, where=where, runs=runs_in, cohorts=cohorts, note=note)
    print(summary, file=sys.stderr if args.out == "-" else sys.stdout)
    return 0
