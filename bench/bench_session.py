"""Benchmark of the Session's state machine (a benchmark, not a timed test).

Measures two code trees in the same run, in alternating child processes (so both see the same machine load):

* ``build``: ``Session(scenario, seed)`` on spa-hotel, and ``play``: one whole playthrough from a new Session
  (build included; the first choice shown each time), each the best of many in a child; over ``--rounds``
  children per tree, the minimum and median of those;
* with ``--big FILE``: ``sticky play FILE --choices 1 --json`` and ``sticky check FILE`` as child processes,
  CPU time of each child (the start-up of play against the check of the same file).

Run: ``python bench/bench_session.py --base /tmp/base`` where /tmp/base holds the code to compare against (e.g.
``git worktree add /tmp/base main``, or ``git archive main | tar -x -C /tmp/base``); ``--big`` takes a file
made by ``bench/bench_authoring.py``'s ``generate`` (see docs/performance.md, "Session state machine").
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, sys, time
from game.authoring.load import load_scenario
from game.core.session import Session
scenario = load_scenario(sys.argv[1]).scenario
builds, plays = [], []
for i in range(int(sys.argv[2])):
    started = time.perf_counter()
    Session(scenario, seed=i)
    builds.append(time.perf_counter() - started)
    started = time.perf_counter()
    session = Session(scenario, seed=i)
    while not session.finished:
        session.choose(1)
    plays.append(time.perf_counter() - started)
print(json.dumps({"build": min(builds), "play": min(plays)}))
"""


def child(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``args`` with ``tree``'s code first on the import path."""
    env = dict(os.environ, PYTHONPATH=str(tree), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, *args], cwd=tree, env=env, capture_output=True, text=True, check=True)


def cpu(tree: Path, *args: str) -> float:
    """CPU seconds (user and system) a child process takes: steadier than wall time on a shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    child(tree, *args)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the code tree to compare against")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=200, help="builds and playthroughs per child")
    parser.add_argument("--big", type=Path, help="a generated scenario for `sticky play` and `sticky check`")
    args = parser.parse_args()
    spa = str(ROOT / "game" / "scenarios" / "spa-hotel.yaml")
    trees = {"before": args.base.resolve(), "after": ROOT}
    found: dict[str, dict[str, list[float]]] = {name: {"build": [], "play": []} for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            result = json.loads(child(tree, "-c", CHILD, spa, str(args.runs)).stdout)
            for key, value in result.items():
                found[name][key].append(value)
    if args.big:
        big = str(args.big.resolve())
        for _ in range(max(1, args.rounds // 2)):
            for name, tree in trees.items():
                found[name].setdefault("sticky play", []).append(
                    cpu(tree, "-m", "game", "play", big, "--choices", "1", "--json")
                )
                found[name].setdefault("sticky check", []).append(cpu(tree, "-m", "game", "check", big))
    for key in found["before"]:
        rows = []
        for name in trees:
            values = found[name][key]
            unit, scale = ("ms", 1000.0) if key in ("build", "play") else ("s CPU", 1.0)
            rows.append(f"{name} min {min(values) * scale:.3f} {unit}, median {statistics.median(values) * scale:.3f}")
        print(f"{key:>13}: " + " | ".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
