"""Leaving a playthrough in the window (title screen, closing) queues its xAPI with a *terminated* statement."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.training.record_store import open_records
from game.ui import flow
from game.ui.playthrough import PRACTICE

pytestmark = pytest.mark.ui

TERMINATED = "http://adlnet.gov/expapi/verbs/terminated"


def _verbs(data: Path, pid: int) -> list[str]:
    with open_records(data, auto_send=False) as records:
        rows = records.db.execute("SELECT ref FROM xapi_outbox WHERE playthrough_id = ? ORDER BY seq", (pid,))
        return [str(r[0]).split("/", 1)[0] for r in rows]


def test_title_screen_then_closing_the_window_marks_the_playthrough_left(
    make_app, tmp_path: Path, bakery_copy: Path
) -> None:
    data = tmp_path / "data"
    pilot = make_app(typewriter=False, data=data)
    assert flow.start(pilot.app, bakery_copy, PRACTICE, seed=0)
    pt = pilot.app.playthrough
    pt.choose(pt.session.available_choices()[0].id)
    first = pt.pid
    flow.open_title(pilot.app)  # back to the title: the playthrough is left (and can be continued)
    assert _verbs(data, first) == ["initialized", "answered", "terminated"]
    assert flow.start(pilot.app, bakery_copy, PRACTICE, seed=1)
    second = pilot.app.playthrough.pid
    assert second != first
    pilot.app.close()  # the window closes mid-scenario
    assert _verbs(data, second) == ["initialized", "terminated"]
    assert _verbs(data, first) == ["initialized", "answered", "terminated"]  # nothing added twice
