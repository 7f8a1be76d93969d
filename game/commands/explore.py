"""`sticky explore PATH`: visit every distinct reachable state and report endings, paths and problems.

``--strategies`` prints only the strategy walks (``game.authoring.strategy_report``), without the exploration.
Exit status: 0 when the analysis is complete, 1 when the file has errors, 2 when the state limit stopped
the search (the report then covers only the states visited).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from typing import TextIO

from game.authoring.explore import DEFAULT_MAX_STATES, coach_line, explore
from game.authoring.explore_acyclic import DEFAULT_SWEEP_STATES, sweep
from game.authoring.explore_report import table, to_json
from game.authoring.explore_summary import analyse
from game.authoring.findings import Findings, Progress
from game.authoring.messages import word
from game.authoring.strategy_report import lines as strategy_lines
from game.authoring.strategy_report import strategies, warnings
from game.commands.common import load_for_play
from game.core.model import Scenario


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `explore` subcommand."""
    parser = sub.add_parser(
        "explore",
        help="try every choice in every reachable state: endings, odds, paths, soft locks",
        description="Exhaustively explore a scenario: every distinct reachable state (scene, metrics, flags, "
        "rules fired), every choice, every chance outcome weighted by its probability.",
    )
    parser.add_argument("path", metavar="PATH", help="a scenario file")
    parser.add_argument("--json", action="store_true", help="print plain data instead of the table")
    parser.add_argument(
        "--strategies",
        action="store_true",
        help="only the strategy table (fixed strategies, each decision phase played badly): a fraction of a second, "
        "without the full exploration, so without random play and the shuffled-order rows",
    )
    parser.add_argument(
        "--max-states",
        type=_positive,
        default=None,
        metavar="N",
        help=f"stop after N distinct states (default {DEFAULT_SWEEP_STATES:,}; {DEFAULT_MAX_STATES:,} when a choice "
        "can lead back to an earlier scene, since the whole state graph is then kept in memory)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Explore and print the report."""
    scenario, _result = load_for_play(args.path, None, lang=args.lang)
    if scenario is None:
        return 1
    if args.strategies:
        return _strategies_only(scenario, args.path, args.json, args.lang)
    started = time.perf_counter()
    line = ProgressLine(sys.stderr) if sys.stderr.isatty() else None  # a long search says how far it has got
    try:
        findings = find(scenario, args.max_states, line)
    finally:
        if line is not None:
            line.clear()
    coach = coach_line(scenario)
    data = to_json(findings, coach, time.perf_counter() - started)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(table(data, scenario, args.path, args.lang))
    if not findings.complete:
        print(f"{args.path}: {word('x.note_stopped', args.lang, limit=f'{findings.max_states:,}')}", file=sys.stderr)
        return 2
    return 0


def _strategies_only(scenario: Scenario, path: str, as_json: bool, lang: str | None = None) -> int:
    """`sticky explore --strategies`: the strategy walks alone, as a table or (``as_json``) plain data with the
    ``scenario``, ``strategies`` and ``warnings`` keys of the full report."""
    walks = strategies(scenario)
    found = [{"code": w.code, "message": w.message, "hint": w.hint} for w in warnings(scenario, walks)]
    if as_json:
        print(
            json.dumps({"scenario": scenario.id, "strategies": walks, "warnings": found}, ensure_ascii=False, indent=2)
        )
    else:
        print("\n".join([f"{path}: {scenario.title}", *strategy_lines(walks, found, lang)]))
    return 0


def _positive(text: str) -> int:
    """``--max-states``: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of states, at least 1 (got {text!r})")
    return value


def find(scenario: Scenario, max_states: int | None = None, progress: Progress | None = None) -> Findings:
    """Explore scene by scene when the scenario has no loop, else the whole state graph."""
    found = sweep(scenario, DEFAULT_SWEEP_STATES if max_states is None else max_states, progress)
    if found is not None:
        return found
    return analyse(explore(scenario, DEFAULT_MAX_STATES if max_states is None else max_states, progress))


class ProgressLine:
    """How far the search has got, as one line on a terminal rewritten in place: at most every ``interval``
    seconds, and only once a search has run that long (a quick one prints nothing). ``clear`` removes it."""

    def __init__(self, stream: TextIO, interval: float = 0.5, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.interval = interval
        self.clock = clock
        self.started = clock()
        self.due = self.started + interval
        self.shown = False

    def __call__(self, states: int, expanded: int, scenes_taken: int, scenes: int) -> None:
        """A ``Progress``: rewrite the line when it is due."""
        now = self.clock()
        if now < self.due:
            return
        self.due = now + self.interval
        where = f"scene {scenes_taken + 1:,} of {scenes:,}, " if scenes and scenes_taken < scenes else ""
        self.stream.write(f"\rexploring: {where}{states:,} states, {now - self.started:.0f} s\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Remove the line, if one was written."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
