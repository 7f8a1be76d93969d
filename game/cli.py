"""The `sticky` command (also `python -m game`): a thin argparse front, one module per subcommand.

Each module in ``COMMANDS`` provides ``register(subparsers)``, which adds its parser and sets
``func`` to a function taking the parsed arguments and returning the exit status.
With no subcommand, `sticky` opens the game window.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS: tuple[str, ...] = (
    "game.commands.check",
    "game.commands.play",
    "game.commands.schema",
    "game.commands.explore",
    "game.commands.graph",
    "game.commands.new",
    "game.commands.translate",
    "game.commands.records",
    "game.commands.replay",
    "game.commands.export",
    "game.commands.report",
    "game.commands.xapi",
    "game.commands.facilitate",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="sticky",
        description="Sticky Situations: practise difficult client conversations. With no command, opens the game.",
    )
    parser.add_argument("--lang", choices=("en", "es"), help="language for the game window (default: your setting)")
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="folder for settings, saves and records (default: your user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    try:
        if func is None:
            from game.ui.launch import launch

            return launch(args)
        return int(func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
