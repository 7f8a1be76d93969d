"""Shared bits of the training subcommands: opening the records database with clear errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from game.training._schema import RecordsError
from game.training.records import Records, open_records


def with_records(
    body: Callable[[argparse.Namespace, Records], int], auto_send: bool = False
) -> Callable[[argparse.Namespace], int]:
    """Wrap a subcommand: open the records in ``--data``, print RecordsError/OSError as one line, exit 1.

    With ``auto_send`` finished playthroughs are sent to a configured LRS in the background.
    """

    def run(args: argparse.Namespace) -> int:
        try:
            records = open_records(getattr(args, "data", None), auto_send=auto_send)
        except RecordsError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        try:
            return body(args, records)
        except RecordsError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
            return 1
        finally:
            records.close()

    return run
