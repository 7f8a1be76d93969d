"""`sticky translate PATH --to es`: create or update the translation file beside a scenario.

New texts are added as to-do copies of the source text (marked ``# TODO``), existing translations are kept,
and translations whose source text changed are marked ``# STALE``; ``sticky check`` reports both at their line.
"""

from __future__ import annotations

import argparse
import sys

from game.authoring.load import LANGUAGES
from game.authoring.messages import counted, localize, word
from game.authoring.snippet import one_line
from game.authoring.translate import TranslationFileError, TranslationOutputError, update_translation
from game.commands.common import load_for_play
from game.files import OutputError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `translate` subcommand."""
    parser = sub.add_parser(
        "translate",
        help="create or update a scenario's translation file (new texts as to-do, stale ones marked)",
        description="Write <stem>.<lang>.yaml beside the scenario: every text of the scenario, translated or "
        "marked # TODO, with stale translations marked # STALE and source fingerprints in source_hashes.",
    )
    parser.add_argument("path", metavar="PATH", help="the main scenario file")
    parser.add_argument("--to", required=True, choices=LANGUAGES, metavar="LANG", help="language: en or es")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Update the translation and say what changed."""
    lang = args.lang
    scenario, _result = load_for_play(args.path, None, lang=lang)
    if scenario is None:
        return 1
    if args.to == scenario.language:
        print(f"{args.path}: {word('t.same_language', lang, to=args.to)}", file=sys.stderr)
        return 1
    try:
        update = update_translation(scenario, args.to, lang)
    except TranslationOutputError as exc:
        for diagnostic in exc.diagnostics:
            print(one_line(diagnostic, lang), file=sys.stderr)
        print(f"{args.path}: {word('t.not_written', lang)}", file=sys.stderr)
        return 1
    except TranslationFileError as exc:
        for diagnostic in exc.diagnostics:
            print(one_line(diagnostic, lang), file=sys.stderr)
        print(f"{args.path}: {word('t.not_changed', lang)}", file=sys.stderr)
        return 1
    except OutputError as exc:
        print(f"error: {localize(str(exc), lang)}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{args.path}: {word('t.cannot_write', lang, why=exc.strerror or exc)}", file=sys.stderr)
        return 1
    counts = {
        name: counted(f"t.{name}", lang, len(keys))
        for name, keys in (
            ("kept", update.kept),
            ("added", update.added),
            ("todo", update.todo),
            ("stale", update.stale),
            ("dropped", update.dropped),
        )
    }
    print(word("t.wrote", lang, path=update.path, **counts))
    if update.added or update.todo or update.stale:
        print(word("t.next", lang))
        print(word("t.then", lang, path=args.path))
    return 0
