"""`sticky graph PATH`: the scenario map as Mermaid (default) or Graphviz DOT, optionally with a path drawn on it.

``--highlight`` takes a comma list of choice ids (``explain_policy,hold_the_line``) or the JSON file written by
``sticky play --json`` (which also knows where chance sent each choice). ``-o FILE`` writes to a file; a
Mermaid map written to a ``.md`` file is wrapped in a ```mermaid block so GitHub renders it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.authoring.diagnostics import did_you_mean
from game.authoring.graph import dot, highlighted, mermaid
from game.authoring.messages import localize, word
from game.commands.common import load_for_play
from game.core.model import Scenario
from game.core.visible import clip, visible
from game.files import OutputError, read_json_file, write_output


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `graph` subcommand."""
    parser = sub.add_parser(
        "graph",
        help="draw the scenario map (Mermaid for GitHub, or DOT for Graphviz)",
        description="Print the scenario map: scenes coloured by phase, endings with their rating, choices as "
        "labelled arrows, chance as dashed arrows with probabilities.",
    )
    parser.add_argument("path", metavar="PATH", help="a scenario file")
    parser.add_argument("--format", choices=("mermaid", "dot"), default="mermaid", help="output format")
    parser.add_argument(
        "--highlight",
        metavar="PATH_OR_IDS",
        help="draw a playthrough: comma-separated choice ids, or a JSON file from `sticky play --json`",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the screen")
    parser.set_defaults(func=run)


def _is_file(spec: str) -> bool:
    """True when ``spec`` names an existing file; a list of ids too long to be a file name is not one."""
    try:
        return Path(spec).is_file()
    except (OSError, ValueError):
        return False


def _steps(scenario: Scenario, spec: str) -> list[tuple[str, str, str | None]] | str:
    """The recorded path as (scene, choice, target) steps, or an error message."""
    if spec.endswith(".json") or _is_file(spec):
        try:
            data: Any = read_json_file(spec)
            return [(str(s["scene"]), str(s["choice"]), s.get("ending") or s.get("next")) for s in data["path"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            return f"{spec}: not a playthrough from `sticky play --json` ({exc.__class__.__name__}: {exc})"
    ids = [part.strip() for part in spec.split(",") if part.strip()]
    steps: list[tuple[str, str, str | None]] = []
    for index, choice_id in enumerate(ids):
        scene = scenario.scene_of_choice(choice_id)
        if scene is None:
            every = [c.id for s in scenario.scenes for c in s.choices]
            hint = did_you_mean(choice_id, every)
            shown = visible(clip(choice_id, 80))
            return f"--highlight: no choice '{shown}' in this scenario" + (f" ({hint})" if hint else "")
        following = scenario.scene_of_choice(ids[index + 1]) if index + 1 < len(ids) else None
        steps.append((scene.id, choice_id, following.id if following else None))
    return steps


def run(args: argparse.Namespace) -> int:
    """Print or write the map."""
    scenario, _result = load_for_play(args.path, None, lang=args.lang)
    if scenario is None:
        return 1
    path = None
    if args.highlight:
        steps = _steps(scenario, args.highlight)
        if isinstance(steps, str):
            print(f"{args.path}: error: {steps}", file=sys.stderr)
            return 1
        path = highlighted(scenario, steps)
    text = dot(scenario, path, args.lang) if args.format == "dot" else mermaid(scenario, path, args.lang)
    if args.output:
        if args.format == "mermaid" and args.output.endswith(".md"):
            text = f"# {scenario.title}\n\n```mermaid\n{text}```\n"
        try:
            write_output(args.output, text)
        except OutputError as exc:
            print(f"error: {localize(str(exc), args.lang)}", file=sys.stderr)
            return 1
        print(word("n.wrote", args.lang, path=args.output), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
