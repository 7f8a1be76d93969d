"""Benchmark of the scene-by-scene explorer on the shipped scenarios, in process (a benchmark, not a timed test).

For each scenario: CPU seconds of ``sweep`` (best of ``--repeat``), the moves made, how many of them arrive in
an ending, the distinct ending states, the process's peak memory so far, and a fingerprint of every figure of
the findings at full float precision. Run it in two checkouts to compare their speed and to see that the
figures are the same to the last bit (same fingerprint).

Run: ``python bench/bench_arrivals.py`` (all shipped scenarios) or ``python bench/bench_arrivals.py
scenarios/spa-hotel.yaml --repeat 3``; ``--max-states N`` to stop early. Peak memory is the whole process's
(every scenario run so far): give one scenario per run to compare it.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import resource
import sys
import time
from pathlib import Path
from typing import Any
from unittest.mock import patch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.authoring import explore_acyclic as sweep_module  # noqa: E402
from game.authoring.findings import Findings  # noqa: E402
from game.authoring.load import load_scenario  # noqa: E402
from game.authoring.translations import is_translation_file  # noqa: E402
from game.core.model import Scenario  # noqa: E402
from game.core.rules import play_out  # noqa: E402


def fingerprint(findings: Findings) -> str:
    """A short hash of every field of ``findings`` but the scenario, floats at full precision (``repr``)."""
    fields = {f.name: getattr(findings, f.name) for f in dataclasses.fields(findings) if f.name != "scenario"}
    return hashlib.sha256(repr(fields).encode()).hexdigest()[:16]


def timed(scenario: Scenario, max_states: int, repeat: int) -> tuple[float, Findings]:
    """Best CPU seconds of ``repeat`` sweeps, and the findings of the last."""
    best, findings = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        findings = sweep_module.sweep(scenario, max_states)
        best = min(best, time.process_time() - start)
    assert findings is not None, "the scenario has a loop: the sweep does not explore it"
    return best, findings


def counted(scenario: Scenario, max_states: int) -> tuple[int, int]:
    """(moves, arrivals in an ending) of one more, untimed sweep: ``play_out`` and ``_arrive`` are counted."""
    counts = [0, 0]
    arrive = sweep_module._Sweep._arrive

    def counting_play_out(*args: Any) -> Any:
        counts[0] += 1
        return play_out(*args)

    def counting_arrive(self: Any, *args: Any) -> None:
        counts[1] += 1
        arrive(self, *args)

    with (
        patch.object(sweep_module, "play_out", counting_play_out),
        patch.object(sweep_module._Sweep, "_arrive", counting_arrive),
    ):
        sweep_module.sweep(scenario, max_states)
    return counts[0], counts[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="scenario files (default: every shipped scenario)")
    parser.add_argument("--repeat", type=int, default=1, help="best of N (default 1)")
    parser.add_argument("--max-states", type=int, default=sweep_module.DEFAULT_SWEEP_STATES)
    parser.add_argument("--no-count", action="store_true", help="skip the untimed run that counts moves")
    args = parser.parse_args()
    paths = [Path(p) for p in args.paths] or [
        p for p in sorted((ROOT / "game" / "scenarios").glob("*.yaml")) if not is_translation_file(p)
    ]
    print(f"{'scenario':<16} {'cpu s':>7} {'moves':>10} {'arrivals':>10} {'endings':>9} {'peak MB':>8}  figures")
    for path in paths:
        scenario = load_scenario(path).scenario
        assert scenario is not None, f"{path} does not load"
        seconds, findings = timed(scenario, args.max_states, max(args.repeat, 1))
        states = sum(stats.states for stats in findings.endings.values())
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        moves, arrivals = ("-", "-") if args.no_count else counted(scenario, args.max_states)
        moves_text = moves if isinstance(moves, str) else f"{moves:,}"
        arrivals_text = arrivals if isinstance(arrivals, str) else f"{arrivals:,}"
        print(
            f"{scenario.id:<16} {seconds:>7.2f} {moves_text:>10} {arrivals_text:>10} {states:>9,} {peak:>8.0f}  "
            f"{fingerprint(findings)}"
        )


if __name__ == "__main__":
    main()
