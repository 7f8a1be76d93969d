"""`sticky records play` with more choices than the playthrough has: it says so, and the ending stays recorded."""

from __future__ import annotations

import json
from pathlib import Path

from tests.training.helpers import BAKERY, sticky


def test_one_choice_too_many_keeps_the_playthrough_finished(tmp_path: Path) -> None:
    played = sticky("records", "play", str(BAKERY), "--choices", "2,1,1", data=tmp_path)
    assert played.returncode == 1
    assert "the playthrough ended after 2 choices" in played.stderr
    assert "recorded as finished" in played.stderr and "unfinished" not in played.stderr
    assert "Traceback" not in played.stderr
    [row] = json.loads(sticky("records", "list", "--json", data=tmp_path).stdout)
    assert row["ending"] == "deal" and row["finished_at"] and len(row["choices"]) == 2
    exact = sticky("records", "play", str(BAKERY), "--choices", "2,1", data=tmp_path)
    assert exact.returncode == 0 and "finished" in exact.stdout
