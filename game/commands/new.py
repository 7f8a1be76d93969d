"""`sticky new PATH`: write a small, complete scenario to start from (it passes `sticky check` and plays)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.authoring.messages import localize, word
from game.authoring.newscenario import new_scenario
from game.files import OutputError, write_atomic


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `new` subcommand."""
    parser = sub.add_parser(
        "new",
        help="start a new scenario from a small complete example",
        description="Write a small, complete scenario (three decision points, a rule, a chance outcome, three "
        "endings) that passes `sticky check` and plays; then make it your own.",
    )
    parser.add_argument("path", metavar="PATH", help="the file to write, e.g. scenarios/late-payer.yaml")
    parser.add_argument("--title", help="the scenario's title (default: from the file name)")
    parser.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the file unless it exists (or --force)."""
    path = Path(args.path)
    lang = args.lang
    if path.suffix not in (".yaml", ".yml"):
        print(f"{path}: {word('n.suffix', lang)}", file=sys.stderr)
        return 1
    if args.title is not None and (not args.title.strip() or not args.title.isprintable()):
        print(f"{path}: {word('n.title', lang)}", file=sys.stderr)  # the file would fail `sticky check`
        return 1
    if path.exists() and not args.force:
        print(f"{path}: {word('n.exists', lang)}", file=sys.stderr)
        return 1
    try:  # the tutorial's `sticky new scenarios/late-payer.yaml` makes scenarios/ (documented)
        write_atomic(path, new_scenario(path, args.title, lang), create_parents=True)
    except OutputError as exc:
        print(f"error: {localize(str(exc), lang)}", file=sys.stderr)
        return 1
    print(word("n.wrote", lang, path=path))
    print(word("n.next", lang, path=path))
    return 0
