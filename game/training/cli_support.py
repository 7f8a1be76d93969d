"""Shared bits of the training subcommands: opening the records database with clear errors.

Every command that opens the records goes through :func:`with_records`: it waits at most
:data:`BUSY_SECONDS` for another program's lock, checks the whole file for damage before the command runs,
opens a read-only folder read-only for the commands that only read, and turns every SQLite or disk error
into one line naming the file and what to do (``game.training._dberrors``).
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from game.authoring.messages import trainer_message, word
from game.files import StandardOutputError
from game.training._dberrors import check_health, describe, folder_is_read_only
from game.training._schema import RecordsError
from game.training.record_store import DB_NAME, Records, open_records

#: How long a command waits for another program that is writing to the records.
BUSY_SECONDS = 2.0


def _open(args: argparse.Namespace, auto_send: bool, read_only: bool) -> Records:
    """The records of ``--data``: checked for damage, read-only when the command only reads and must."""
    from game.paths import data_dir

    folder = data_dir(getattr(args, "data", None))  # DataFolderError: the command line says why, in its language
    path = Path(folder) / DB_NAME
    only_read = read_only and folder_is_read_only(path)
    if only_read and not path.exists():
        raise RecordsError(f"{path}: there are no records yet (and the folder {folder} is read-only)")
    records = open_records(folder, auto_send=auto_send, busy_timeout=BUSY_SECONDS, read_only=only_read)
    try:
        check_health(records.db, records.path)
    except RecordsError:
        records.close()
        raise
    return records


def _error(text: str, args: argparse.Namespace) -> str:
    """``error: text``, the text in the language of the command line when the catalogue knows it."""
    lang = getattr(args, "lang", None)
    return word("rec.error", lang, why=trainer_message(text, lang))


def with_records(
    body: Callable[[argparse.Namespace, Records], int], auto_send: bool = False, read_only: bool = False
) -> Callable[[argparse.Namespace], int]:
    """Wrap a subcommand: open the records in ``--data``, print RecordsError/OSError/SQLite errors as one line,
    exit 1. ``read_only`` commands (list, export, report, replay) also work in a read-only data folder.

    With ``auto_send`` finished playthroughs are sent to a configured LRS in the background.
    """

    def run(args: argparse.Namespace) -> int:
        try:
            records = _open(args, auto_send, read_only)
        except RecordsError as exc:
            print(_error(str(exc), args), file=sys.stderr)
            return 1
        try:
            return body(args, records)
        except RecordsError as exc:
            print(_error(str(exc), args), file=sys.stderr)
            return 1
        except sqlite3.Error as exc:
            print(_error(str(describe(records.path, exc)), args), file=sys.stderr)
            return 1
        except (BrokenPipeError, StandardOutputError):  # the screen, not a file: the command line words it
            raise
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            why = exc.strerror or exc
            if isinstance(exc, (FileExistsError, NotADirectoryError)):  # a folder was to be made, or looked into
                why = word("cli.not_a_folder", getattr(args, "lang", None))
            print(_error(f"{where}{why}", args), file=sys.stderr)
            return 1
        finally:
            with contextlib.suppress(sqlite3.Error):
                records.close()

    return run
