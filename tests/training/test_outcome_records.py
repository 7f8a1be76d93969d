"""Records, exports, xAPI and replay keep their totals now that the game shows a chance outcome's changes
apart: a recorded choice's ``deltas`` are still the choice's and its outcome's together (as recorded before),
so every total a trainer sees is the live one."""

from __future__ import annotations

import json
from pathlib import Path

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.training.exchange import export_records, import_records
from game.training.record_store import Records, open_records
from game.training.replay import replay
from game.training.xapi import statements
from tests.conftest import DATA
from tests.training.helpers import play_and_record

RUSH = DATA / "outcome" / "rush-rate.yaml"


def rush() -> Scenario:
    scenario = load_scenario(RUSH).scenario
    assert scenario is not None
    return scenario


def test_a_recorded_choice_holds_the_choice_and_its_outcome_together_with_the_live_totals(records: Records) -> None:
    for seed, merged in ((0, {"reputation": 3.0, "revenue": 1200.0}), (1, {"reputation": 2.0, "revenue": -3000.0})):
        pid, session = play_and_record(records, rush(), seed=seed, choices=["raise_price"])
        live = session.history[0]
        recorded = records.get(pid).choices[0]
        assert recorded.deltas == merged
        assert {k: live.deltas.get(k, 0) + live.outcome_deltas.get(k, 0) for k in merged} == merged
        assert recorded.total_deltas == live.total_deltas
        assert replay(records.get(pid), rush()).ok
        statement = statements(records.get(pid), scenario=rush())[1]
        extensions = statement["result"]["extensions"]
        assert {k.rsplit("/", 1)[-1]: v for k, v in extensions.items()}["deltas"] == {
            k: int(v) for k, v in merged.items()
        }


def test_export_and_import_keep_the_totals(tmp_path: Path, records: Records) -> None:
    _pid, session = play_and_record(records, rush(), seed=1, choices=["raise_price"])
    exported = tmp_path / "out.jsonl"
    export_records(records, exported)
    line = json.loads(exported.read_text(encoding="utf-8").splitlines()[0])
    assert line["choices"][0]["deltas"] == {"reputation": 2, "revenue": -3000}
    with open_records(tmp_path / "other") as other:
        import_records(other, exported)
        (imported,) = other.playthroughs()
        assert imported.choices[0].total_deltas == session.history[0].total_deltas
        assert imported.final_metrics == session.metrics
