"""Benchmark: 100,000 xAPI statements sent to a real Ralph LRS and read back (issue 16), on 127.0.0.1.

Builds a records database of played playthroughs (the shipped flagship, seeded random choices) until its
outbox holds ``--statements`` statements, then measures four runs, each in a forked process of its own, with
its statements per second and the peak resident memory it added (Linux ``VmHWM`` above the start):

* send, baseline: the statements composed beforehand and POSTed in batches by a bare loop (Ralph's own bulk
  POST, nothing of ours on the way);
* send, ours: ``send_pending(batch=N)`` composes each statement from the records when it is sent, POSTs the
  batch and marks the outbox (into a second, empty Ralph, so both start alike);
* read, baseline: every page of ``GET /statements`` collected in one list (what holding everything costs);
* read, ours: ``fetch_statements`` + ``Rebuilder``, one page at a time, into playthrough records.

Ralph runs with its file-system backend (what the tests use); ``RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT`` is
raised to the page size. Run: ``python bench/bench_lrs.py`` (100,000 statements; several minutes) or
``python bench/bench_lrs.py --statements 2000`` for a quick look. Needs the Ralph venv of the tests
(tests/training/ralph_lrs.py builds it on first use).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.authoring.load import load_scenario  # noqa: E402
from game.core.session import Session  # noqa: E402
from game.paths import SCENARIOS  # noqa: E402
from game.training.lrs import LRSConfig, send_pending  # noqa: E402
from game.training.lrs_read import Rebuilder, fetch_statements  # noqa: E402
from game.training.outbox import counts, pending  # noqa: E402
from game.training.record_store import Records, open_records  # noqa: E402
from tests.training.ralph_lrs import PASSWORD, USER, Ralph, ensure_venv  # noqa: E402


def _kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def measure(name: str, count: int, run: Callable[[], Any], setup: Callable[[], Any] = lambda: None) -> dict[str, Any]:
    """Run ``setup`` then ``run`` once in a forked child that holds nothing else of the benchmark's; the row has
    ``run``'s wall time and statements per second, and the child's peak resident memory above its start (setup
    included: a sender that composes everything first pays for it)."""
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        os.close(reader)
        before = _kib("VmRSS")
        state = setup()
        start = time.perf_counter()
        result = run() if state is None else run(state)  # type: ignore[call-arg]
        seconds = time.perf_counter() - start
        answer = {"seconds": seconds, "peak": max(0, _kib("VmHWM") - before), "result": result}
        os.write(writer, json.dumps(answer).encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    _pid, status = os.waitpid(child, 0)
    if status != 0 or not data:
        raise RuntimeError(f"{name}: the measuring process failed (status {status})")
    answer = json.loads(data)
    seconds = float(answer["seconds"])
    row = {"run": name, "statements": count, "seconds": round(seconds, 1), "per_second": round(count / seconds)}
    row["peak_mib"] = round(answer["peak"] / 1024, 1)
    print(json.dumps(row), flush=True)
    return {"row": row, "result": answer["result"]}


def build_records(folder: Path, wanted: int) -> Records:
    """A records database whose outbox holds at least ``wanted`` statements (learners across 20 cohorts)."""
    scenario = load_scenario(SCENARIOS / "spa-hotel.yaml").localized(None)
    assert scenario is not None
    records = open_records(folder, auto_send=False)
    records.db.execute("PRAGMA synchronous=OFF")  # a benchmark's throwaway database: no need to wait for disk
    rng = random.Random(16)
    made = 0
    while made < wanted:
        for _ in range(100):
            session = Session(scenario, seed=rng.randrange(1 << 30))
            n = rng.randrange(10_000)
            pid = records.start(session, learner=f"Learner {n}", cohort=f"C{n % 20:02d}", language="en")
            while not session.finished:
                outcome = session.choose(rng.randint(1, len(session.shown_choices())))
                records.choice(pid, outcome, rng.uniform(3, 40))
            records.finish(pid, session)
        made = counts(records.db)["queued"]
    return records


def _auth() -> dict[str, str]:
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}


def post_all(endpoint: str, bodies: list[dict[str, Any]], batch: int) -> int:
    """The baseline sender: POST ready statements in batches, nothing else."""
    url = endpoint.rstrip("/") + "/statements"
    for i in range(0, len(bodies), batch):
        data = json.dumps(bodies[i : i + batch]).encode()
        request = urllib.request.Request(url, data=data, headers=_auth(), method="POST")
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()
    return len(bodies)


def read_all_at_once(endpoint: str, page: int) -> int:
    """The baseline reader: every page into one list."""
    everything: list[dict[str, Any]] = []
    url: str | None = endpoint.rstrip("/") + f"/statements?limit={page}"
    while url:
        request = urllib.request.Request(url, headers=_auth())
        with urllib.request.urlopen(request, timeout=600) as response:
            answer = json.loads(response.read())
        everything.extend(answer["statements"])
        more = answer.get("more")
        url = urllib.parse.urljoin(endpoint, more) if more else None
    return len(everything)


def read_ours(endpoint: str, page: int) -> int:
    """Ours: one page at a time into playthrough records."""
    rebuilder = Rebuilder()
    for statement in fetch_statements(LRSConfig(endpoint, USER, PASSWORD), limit=page, timeout=600):
        rebuilder.add(statement)
    return len(rebuilder.records())


def main() -> int:
    """Run the benchmark and print one JSON line per run, then a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=100_000, help="how many statements (default 100,000)")
    parser.add_argument("--batch", type=int, default=1000, help="statements per POST (default 1000)")
    parser.add_argument("--page", type=int, default=1000, help="statements per GET page (default 1000)")
    args = parser.parse_args()
    python, why = ensure_venv()
    if python is None:
        print(f"Ralph is not available: {why}", file=sys.stderr)
        return 1
    os.environ["RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT"] = str(args.page)
    with tempfile.TemporaryDirectory(prefix="bench-lrs-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        records = build_records(folder / "data", args.statements)
        total = counts(records.db)["queued"]
        print(f"{total} statements queued in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        records.close()
        path = folder / "data" / "records.sqlite3"
        baseline_lrs, our_lrs = Ralph(python, folder / "ralph-a"), Ralph(python, folder / "ralph-b")
        rows = []

        def composed_first() -> list[dict[str, Any]]:
            with Records(path) as opened:
                return [p.body for p in pending(opened.db)]

        def send_ours() -> int:
            config = LRSConfig(our_lrs.endpoint, USER, PASSWORD)
            with Records(path) as opened:
                return send_pending(opened, config=config, batch=args.batch, timeout=600, retries=1).sent

        try:
            baseline_lrs.start()
            our_lrs.start()
            baseline = measure(
                "send, baseline: composed first, bare bulk POST",
                total,
                lambda bodies: post_all(baseline_lrs.endpoint, bodies, args.batch),
                composed_first,
            )
            rows.append(baseline["row"])
            sent = measure("send, ours: composed when sent, batched POST, outbox marked", total, send_ours)
            rows.append(sent["row"])
            assert sent["result"] == total, sent["result"]
            all_at_once = measure(
                "read, baseline: every page in one list", total, lambda: read_all_at_once(our_lrs.endpoint, args.page)
            )
            rows.append(all_at_once["row"])
            read = measure(
                "read, ours: one page at a time into records", total, lambda: read_ours(our_lrs.endpoint, args.page)
            )
            rows.append(read["row"])
            with Records(path) as opened:
                playthroughs = len(opened.playthroughs())
            assert read["result"] == playthroughs, (read["result"], playthroughs)
        finally:
            baseline_lrs.stop()
            our_lrs.stop()
    print("\n| run | statements | seconds | statements/s | peak memory added (MiB) |\n|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['run']} | {row['statements']:,} | {row['seconds']} | {row['per_second']:,} | {row['peak_mib']} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
