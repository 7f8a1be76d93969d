"""The issue's "done when", end to end through the `sticky` command: a facilitated session for a cohort,
three learners on their own laptops, their records merged, one report, and every statement in an LRS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.training.record_store import open_records
from game.training.xapi import statements
from tests.training.fake_lrs import FakeLRS
from tests.training.helpers import WORKSHOP, sticky
from tests.training.test_facilitate import KEYS


@pytest.mark.ui
def test_a_workshop_day(tmp_path: Path) -> None:
    trainer = tmp_path / "trainer"
    room = sticky("facilitate", str(WORKSHOP), "--cohort", "DAY1", "--keys", KEYS, data=trainer)
    assert room.returncode == 0, room.stderr
    for i, (name, choices) in enumerate([("Ana", "1,1,1,1"), ("Bruno", "2,2,2,2"), ("Carmen", "1,3,3,3")]):
        laptop = tmp_path / name
        assert sticky("records", "learner", name, "--cohort", "DAY1", data=laptop).returncode == 0
        played = sticky("records", "play", str(WORKSHOP), "--choices", choices, "--seed", str(i), data=laptop)
        assert played.returncode == 0 and "finished" in played.stdout, played.stderr
        assert sticky("records", "export", str(tmp_path / f"{name}.jsonl"), data=laptop).returncode == 0
    files = [str(tmp_path / f"{n}.jsonl") for n in ("Ana", "Bruno", "Carmen")]
    assert sticky("records", "import", *files, data=trainer).returncode == 0
    again = sticky("records", "import", *files, data=trainer)
    assert again.stdout.count("0 playthroughs added") == 3
    report = tmp_path / "day1.html"
    made = sticky("report", "--cohort", "DAY1", "--out", str(report), "--scenarios", str(WORKSHOP), data=trainer)
    assert made.returncode == 0 and "4 playthroughs" in made.stdout
    html = report.read_text(encoding="utf-8")
    for name in ("Ana", "Bruno", "Carmen"):
        assert f">{name}<" in html
    assert "Group votes" in html and "Where the group struggled most" in html
    lrs = FakeLRS()
    try:
        (trainer / "lrs.json").write_text(json.dumps({"endpoint": lrs.endpoint}), encoding="utf-8")
        sent = sticky("xapi", "send", data=trainer)
        assert sent.returncode == 0, sent.stderr
    finally:
        lrs.stop()
    with open_records(trainer, auto_send=False) as records:
        expected = {s["id"] for r in records.playthroughs() for s in statements(r)}
        assert len(records.playthroughs()) == 4
    assert set(lrs.store) == expected and lrs.puts == len(expected)
