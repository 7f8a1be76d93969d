"""`sticky schema`: print the JSON Schema of the scenario format for editors."""

from __future__ import annotations

import argparse
import json

from game.authoring.schema import scenario_schema


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `schema` subcommand."""
    parser = sub.add_parser("schema", help="print the JSON Schema of scenario files (for editor completion)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    print(json.dumps(scenario_schema(), indent=2, ensure_ascii=False))
    return 0
