"""Write docs/scenarios.md: the strategy table of `sticky explore` for every shipped scenario.

    python tools/strategy_tables.py            # full: explores every scenario (under a minute in all)
    python tools/strategy_tables.py --quick    # the strategy walks alone (a second), without random play
    python tools/strategy_tables.py -o FILE    # somewhere else than docs/scenarios.md

Run it from the repository's root after changing a scenario; the file is replaced atomically.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.authoring.explore import coach_line  # noqa: E402
from game.authoring.explore_report import to_json  # noqa: E402
from game.authoring.load import load_scenario  # noqa: E402
from game.authoring.strategy_report import path_text, percent, strategies, warnings  # noqa: E402
from game.commands.explore import find  # noqa: E402
from game.core.model import Scenario  # noqa: E402

SCENARIOS = ROOT / "game" / "scenarios"
HEAD = """# The shipped scenarios: can they be guessed?

For each shipped scenario, the strategy table of `sticky explore` (how to read it:
[Reading the strategy table](authoring.md#reading-the-strategy-table)): what a learner reaches by always
pressing the same option, always picking the longest text or always the first assertive choice; what random
play and, with the shown order shuffled, always pressing the same number reach; and whether each decision phase,
played badly while the rest is played as the coach would, can still reach a `best`-rated ending. A scenario
that cannot be guessed has `best` in no fixed strategy's row, *press k* no higher than random play, and *no* in
every phase's row.

This file is generated: run `python tools/strategy_tables.py` from the repository's root after changing a
scenario ({how}). Generated {when}.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def section(path: Path, scenario: Scenario, walks: dict[str, Any], found: list[dict[str, Any]]) -> list[str]:
    """The Markdown of one scenario."""
    out = [f"## {scenario.id}: {scenario.title}", "", f"`{path.relative_to(ROOT)}`", ""]
    out += ["| strategy | best | worst | P(best) | a path to its best |", "|---|---|---|---|---|"]
    for row in [*walks["fixed"].values(), walks["coach"]]:
        out.append(
            f"| {row['label']} | {row['best_rating'] or '-'} | {row['worst_rating'] or '-'} | "
            f"{percent(row['p_best'])} | `{_cell(path_text(row['path']))}` |"
        )
    if "random" in walks:
        out.append(f"| random play | | | {percent(walks['random']['p_best'])} | |")
    out.append("")
    if "shuffled" in walks:
        fixed = walks["shuffled"]["fixed_order_scenes"]
        how = f"fixed order in {', '.join(fixed)}" if fixed else "no scene fixes its order"
        out += [f"With the shown order shuffled ({how}), always pressing the same number:", ""]
        out += ["| press | P(best) | random play |", "|---|---|---|"]
        for row in walks["shuffled"]["press"]:
            note = "" if row["exact"] else f" (estimated, {row['runs']:,} runs)"
            out.append(f"| {row['k']} | {percent(row['p_best'])}{note} | {percent(walks['random']['p_best'])} |")
        out.append("")
    out += ["Each decision phase played badly (every other choice there), the rest as the coach:", ""]
    out += ["| phase | scenes | still reaches `best` | best | worst | e.g. |", "|---|---|---|---|---|---|"]
    for phase, row in walks["phases"].items():
        example = f"`{_cell(path_text(row['path']))}`" if row["best_reachable"] else ""
        out.append(
            f"| {phase} | {', '.join(row['scenes'])} | {'YES' if row['best_reachable'] else 'no'} | "
            f"{row['best_rating'] or '-'} | {row['worst_rating'] or '-'} | {example} |"
        )
    out.append("")
    if found:
        out += [f"- warning {w['code']}: {_cell(w['message'])}" for w in found]
        out.append("")
    return out


def tables(quick: bool) -> str:
    """docs/scenarios.md as text."""
    how = "add `--quick` for the strategy walks alone, in a second, without random play" if quick else "a few minutes"
    when = "with `--quick`: without random play and the shuffled order" if quick else "with the full exploration"
    lines = [HEAD.format(how=how, when=when)]
    for path in sorted(p for p in SCENARIOS.glob("*.yaml") if p.name.count(".") == 1):
        scenario = load_scenario(path).scenario
        if scenario is None:
            raise SystemExit(f"{path}: has errors; run sticky check")
        print(f"{path.name} ...", file=sys.stderr, flush=True)
        if quick:
            walks = strategies(scenario)
            found = [{"code": w.code, "message": w.message} for w in warnings(scenario, walks)]
        else:
            started = time.perf_counter()
            data = to_json(find(scenario), coach_line(scenario), time.perf_counter() - started)
            walks, found = data["strategies"], data["warnings"]
        lines += section(path, scenario, walks, found)
    return "\n".join(lines).rstrip() + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and ``os.replace``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main() -> int:
    """Parse the arguments, build the tables, write the file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the strategy walks alone, without exploring")
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "scenarios.md"), help="where to write")
    args = parser.parse_args()
    text = tables(args.quick)
    write_atomic(Path(args.output), text)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
