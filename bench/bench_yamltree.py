"""Benchmark of the positioned YAML reader against another version of it (a benchmark, not a timed test).

Loads ``game/authoring/yamltree.py`` of this tree and of ``--base`` side by side in one process, checks that
both build the same tree (every node, key and mark) with the same diagnostics, then times ``parse_tree`` on
the generated scenario (``bench/bench_authoring.py``'s ``generate``) in alternating runs: CPU time, minimum and
median of ``--rounds``. The collector is paused around each run, as ``load_scenario_text`` pauses it around
``parse_tree``: otherwise the first collection after a run's own pause, which walks the whole new tree once,
falls inside the timing of one version and outside the other's, by where each turns the collector back on.

Run: ``python bench/bench_yamltree.py --base /tmp/base --scenes 5000`` (/tmp/base: e.g. ``git archive main |
tar -x -C /tmp/base``). Results are in docs/performance.md, "Session state machine".
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_authoring import generate  # noqa: E402
from game.authoring.diagnostics import DiagnosticBag  # noqa: E402
from game.authoring.yamlnodes import YMap, YSeq  # noqa: E402


def module_at(path: Path, name: str) -> ModuleType:
    """The module in the file at ``path``, under ``name`` (its own imports come from this tree)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shape(node: Any) -> Any:
    """A comparable copy of a tree: every container with its position, keys and the marks of its items."""
    if isinstance(node, YMap):
        return (
            "map",
            node.line0,
            node.col0,
            [
                (key, (node.keys[key].line, node.keys[key].column), (node.marks[key].line, node.marks[key].column))
                + (shape(value),)
                for key, value in node.entries.items()
            ],
        )
    if isinstance(node, YSeq):
        items = zip(node.raw, node.marks, strict=True)
        return ("seq", node.line0, node.col0, [((m.line, m.column), shape(v)) for v, m in items])
    return node


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the code tree to compare against")
    parser.add_argument("--scenes", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    text = generate(args.scenes)
    readers = {
        "before": module_at(args.base / "game" / "authoring" / "yamltree.py", "yamltree_before"),
        "after": module_at(ROOT / "game" / "authoring" / "yamltree.py", "yamltree_after"),
    }
    bags = {name: DiagnosticBag() for name in readers}
    trees = {name: shape(reader.parse_tree(text, "bench.yaml", bags[name])) for name, reader in readers.items()}
    assert trees["before"] == trees["after"], "the two readers build different trees"
    assert [d.format() for d in bags["before"].items] == [d.format() for d in bags["after"].items]
    del trees
    times: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(args.rounds):
        for name, reader in readers.items():
            gc.collect()
            gc.disable()
            started = time.process_time()
            tree = reader.parse_tree(text, "bench.yaml", DiagnosticBag())
            times[name].append(time.process_time() - started)
            del tree
            gc.enable()
    for name, found in times.items():
        print(f"{name:>6}: min {min(found):.3f} s, median {statistics.median(found):.3f} s CPU")
    ratio_min = min(times["after"]) / min(times["before"])
    ratio_median = statistics.median(times["after"]) / statistics.median(times["before"])
    print(f" after/before: {ratio_min:.3f} (min), {ratio_median:.3f} (median)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
