"""Benchmark of the authoring tools at scale (a benchmark, not a timed test).

Generates scenarios of 500, 5,000 and 50,000 scenes and measures, in the same run and on the same file:

* the floor: the bare libyaml event parse, ``yaml.parse(text, Loader=yaml.CSafeLoader)`` consumed fully;
* ``check``: the full load (tree, model, graph checks) plus the lint checks, as `sticky check` runs them;
* ``explore``: distinct states per second of the exhaustive exploration as `sticky explore` runs it (scene by
  scene, figures included), against the whole-graph explorer with its analysis in the same run (the baseline:
  what `sticky explore` did before, and still does for scenarios with loops);
* with ``--shipped``: `sticky explore --json` of every shipped scenario to the end, as a child process (wall and
  CPU time, distinct states, peak memory of that process);
* hot reload: ``load_scenario`` of every shipped scenario (what F5 in the game does).

Run: ``python bench/bench_authoring.py`` (``--sizes 500,5000`` to choose, ``--repeat N`` for best of N).
Targets: check of the 5,000-scene file within 3x the bare parse and linear; explore >= 100,000 states/s;
hot reload under 50 ms. Results are written up in docs/performance.md ("Authoring tools").
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.authoring.explore import explore  # noqa: E402
from game.authoring.explore_acyclic import sweep  # noqa: E402
from game.authoring.explore_summary import analyse  # noqa: E402
from game.authoring.lint import check_file  # noqa: E402
from game.authoring.load import load_scenario  # noqa: E402
from game.authoring.translations import is_translation_file  # noqa: E402

PHASES = ("situation", "cost", "limits", "power")


def generate(scenes: int) -> str:
    """A valid scenario of ``scenes`` scenes (about 650 bytes each) whose state space grows linearly.

    A chain of scenes, three choices each: an assertive and a passive one that move reputation by 25 (so it
    takes five values), and an aggressive one, offered only while reputation is at least 75, that costs
    staff morale and leaves the next step to chance. Two rules and a conditional ending watch the metrics.
    About 20 distinct states per scene.
    """
    out = [
        "# yaml-language-server: $schema=../game/authoring/scenario.schema.json",
        "id: bench",
        "title: A very long week at the print shop",
        "language: en",
        "summary: A generated scenario for the authoring benchmark.",
        "metrics:",
        "  revenue: {start: 40000, min: 0, unit: '€/month'}",
        "  staff_morale: {start: 60}",
        "  reputation: {start: 50}",
        "flags: [warned]",
        "characters:",
        "  ana: {name: Ana, role: Owner of the print shop}",
        "  rob: {name: Rob, role: Client}",
        "start: s0",
        "scenes:",
    ]
    for i in range(scenes):
        one = f"s{i + 1}" if i + 1 < scenes else "deal"
        two = f"s{i + 2}" if i + 2 < scenes else "deal"
        out += [
            f"  s{i}:",
            f"    phase: {PHASES[i % 4]}",
            "    speaker: rob",
            f"    text: Day {i}. Rob is back with another rush order and a reason the usual terms should not apply.",
            "    choices:",
            f"      - {{id: c{i}_firm, text: Rush orders need the deposit first., style: assertive,"
            f" effects: {{reputation: +25}}, feedback: You kept the terms and the client., best: true, next: {one}}}",
            f"      - {{id: c{i}_give, text: Fine. Just this once., style: passive, effects: {{reputation: -25}},"
            f" set: [warned], feedback: Just this once is how terms disappear., next: {one}}}",
            f"      - {{id: c{i}_snap, text: Take it or leave it., style: aggressive, when: 'reputation >= 75',"
            f" effects: {{staff_morale: -20}}, feedback: The team hears you snap.,"
            f" chance: [{{p: 0.5, next: {one}}}, {{p: 0.5, next: {two}, note: Rob storms out}}]}}",
        ]
    out += [
        "rules:",
        "  - id: team_worried",
        '    when: "staff_morale < 30"',
        "    effects: {revenue: -2000}",
        "    text: Two of the team ask for a word about the atmosphere.",
        "  - id: word_spreads",
        '    when: "reputation >= 100 and warned"',
        "    effects: {revenue: +3000}",
        "    text: Word spreads that you are fair and firm.",
        "endings:",
        "  deal: {rating: good, title: Done, text: The week is over.}",
        '  walkout: {rating: bad, title: Walkout, text: The team walks out., when: "staff_morale <= 0"}',
    ]
    return "\n".join(out) + "\n"


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in CPU seconds of this process (garbage collected before each).

    CPU time rather than wall time: on a shared machine other processes change the wall time of every run,
    much less its CPU time. Parse, check and explore are all measured the same way.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def bare_parse(text: str) -> None:
    """The floor: every libyaml event, nothing built."""
    for _event in yaml.parse(text, Loader=yaml.CSafeLoader):
        pass


def run(sizes: list[int], repeat: int, max_states: int, full_shipped: bool = False) -> None:
    """Measure and print the shipped scenarios' full exploration (when asked), one table row per size, then the
    hot reloads. The shipped scenarios go first: Linux carries a process's memory high-water mark into the
    children it forks, so they must start while this process is still small."""
    shipped_files = [p for p in sorted((ROOT / "game" / "scenarios").glob("*.yaml")) if not is_translation_file(p)]
    if full_shipped:
        for path in shipped_files:
            explore_shipped(path)
        print()
    print(
        f"{'scenes':>7} {'MB':>6} {'parse s':>8} {'check s':>8} {'ratio':>6} {'states':>10} "
        f"{'explore/s':>10} {'graph/s':>10} {'x':>5}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"bench-{size}.yaml"
            text = generate(size)
            path.write_text(text, encoding="utf-8")
            parse = best_of(repeat, lambda text=text: bare_parse(text))
            check = best_of(repeat, lambda path=path: check_file(path))
            result = check_file(path)
            assert result.errors == 0, [d.format() for d in result.diagnostics][:5]
            scenario = result.load.scenario
            assert scenario is not None
            found = sweep(scenario, max_states)
            assert found is not None and found.complete
            scenes = best_of(repeat, lambda scenario=scenario: sweep(scenario, max_states))
            whole = best_of(repeat, lambda scenario=scenario: analyse(explore(scenario, max_states)))
            states = found.states
            print(
                f"{size:>7,} {len(text.encode()) / 1e6:>6.2f} {parse:>8.3f} {check:>8.3f} {check / parse:>5.2f}x "
                f"{states:>10,} {states / scenes:>10,.0f} {states / whole:>10,.0f} {whole / scenes:>4.1f}x"
            )
            del found, result, scenario
    print()
    for shipped in shipped_files:
        cpu = best_of(max(repeat, 5), lambda shipped=shipped: load_scenario(shipped))
        wall = min(_wall(lambda shipped=shipped: load_scenario(shipped)) for _ in range(max(repeat, 5)))
        print(f"hot reload {shipped.name:<24} {cpu * 1000:6.1f} ms CPU, {wall * 1000:6.1f} ms wall (with translations)")


def explore_shipped(path: Path) -> None:
    """`sticky explore --json PATH` to the end, in a child process: its wall and CPU time and peak memory."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "game", "explore", "--json", str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    out = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    data = json.loads(out)
    cpu = usage.ru_utime + usage.ru_stime
    print(
        f"explore {path.name:<22} {data['states']:>10,} states ({'complete' if data['complete'] else 'LIMIT'}, "
        f"exit {os.waitstatus_to_exitcode(status)}), at most {data['peak_states']:,} held; {wall:5.1f} s wall, "
        f"{cpu:5.1f} s CPU, {data['states'] / cpu:,.0f} states/s, peak RSS {usage.ru_maxrss / 1024:,.0f} MB"
    )


def _wall(work: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    """Command line: sizes, repeats and the explorer's state limit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="500,5000,50000", help="comma-separated scene counts")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs for parse and check")
    parser.add_argument("--max-states", type=int, default=5_000_000, help="explorer state limit")
    parser.add_argument("--shipped", action="store_true", help="also explore every shipped scenario (~3 minutes)")
    args = parser.parse_args()
    run([int(s) for s in args.sizes.split(",")], args.repeat, args.max_states, args.shipped)


if __name__ == "__main__":
    main()
