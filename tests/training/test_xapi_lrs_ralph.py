"""End to end with a real Ralph LRS: two laptops send, and `report --from-lrs` equals the merged local report."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from game.training.exchange import export_records, import_records
from game.training.lrs import LRSConfig
from game.training.lrs_read import fetch_statements
from game.training.record_store import open_records
from tests.training.helpers import play_and_record, sticky
from tests.training.ralph_lrs import PASSWORD, USER, Ralph
from tests.training.test_xapi_lrs import _left_after, spa
from tests.training.test_xapi_ralph import ralph  # noqa: F401 - the module-scoped Ralph fixture

pytestmark = pytest.mark.slow

IDENTITY = {"homepage": "https://lms.example.org", "account_name": "{cohort}.{learner_slug}"}


def _configure(folder: Path, endpoint: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    config = {"endpoint": endpoint, "username": USER, "password": PASSWORD, "actor": IDENTITY}
    (folder / "lrs.json").write_text(json.dumps(config), encoding="utf-8")


def test_two_laptops_send_and_the_lrs_report_equals_the_merged_one(tmp_path: Path, ralph: Ralph) -> None:  # noqa: F811
    laptops = [tmp_path / "room-a", tmp_path / "room-b"]
    trainer, office = tmp_path / "trainer", tmp_path / "office"
    for folder in [*laptops, office]:
        _configure(folder, ralph.endpoint)
    with open_records(laptops[0], auto_send=False) as records:
        play_and_record(records, spa(), learner="Ana", cohort="MON-AM", seed=1)
        play_and_record(records, spa("es"), learner="Bruno", cohort="MON-AM", seed=2)
        _left_after(records, spa(), 2, "Carmen", "MON-AM", 3)
        export_records(records, tmp_path / "a.jsonl")
    with open_records(laptops[1], auto_send=False) as records:
        play_and_record(records, spa(), learner="Ana", cohort="TUE-PM", seed=4)  # another Ana
        play_and_record(records, spa(), learner="Group", cohort="TUE-PM", seed=5, mode="group")
        export_records(records, tmp_path / "b.jsonl")
    with open_records(trainer, auto_send=False) as records:
        import_records(records, tmp_path / "a.jsonl")
        import_records(records, tmp_path / "b.jsonl")
    _configure(trainer, ralph.endpoint)
    for folder in [*laptops, trainer]:  # the trainer's laptop sends the same playthroughs again: no conflict
        result = sticky("xapi", "send", "--retries", "1", "--timeout", "10", data=folder)
        assert result.returncode == 0 and "conflict" not in result.stdout, result.stdout + result.stderr
    stored = ralph.stored_lines()
    assert max(Counter(str(s["id"]) for s in stored).values()) == 1
    anas = {s["actor"]["account"]["name"] for s in stored if s["actor"].get("name") == "Ana"}  # type: ignore[index, union-attr]
    assert anas == {"MON-AM.ana", "TUE-PM.ana"}, "two people called Ana stay two learners"
    config = LRSConfig(ralph.endpoint, USER, PASSWORD)
    paged = list(fetch_statements(config, limit=7))
    assert sorted(str(s["id"]) for s in paged) == sorted(str(s["id"]) for s in stored), "every page, once"
    local = sticky("report", "--out", str(tmp_path / "local.html"), data=trainer)
    remote = sticky("report", "--from-lrs", "--out", str(tmp_path / "lrs.html"), data=office)
    assert local.returncode == 0 and remote.returncode == 0, local.stderr + remote.stderr
    assert "5 playthroughs from the LRS, 2 cohorts" in remote.stdout
    assert (tmp_path / "lrs.html").read_text("utf-8") == (tmp_path / "local.html").read_text("utf-8")
    one = sticky("report", "--from-lrs", "--cohort", "TUE-PM", "--out", str(tmp_path / "tue.html"), data=office)
    assert one.returncode == 0 and "2 playthroughs from the LRS, 1 cohort" in one.stdout, one.stdout + one.stderr
