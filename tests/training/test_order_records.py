"""Records keep the order each choice was shown in, and a replay reproduces it (tests/data/order/choices.yaml)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from game.authoring.load import load_scenario
from game.core.session import Session
from game.training._schema import MIGRATIONS, migrate, schema_version
from game.training.record_store import Records
from game.training.record_types import ChoiceRecord
from game.training.replay import replay
from tests.conftest import DATA

CHOICES = DATA / "order" / "choices.yaml"


def test_a_record_keeps_the_shown_order_and_a_replay_reproduces_it(tmp_path: Path) -> None:
    scenario = load_scenario(CHOICES).scenario
    assert scenario is not None
    session = Session(scenario, 13)
    with Records(tmp_path / "records.sqlite") as records:
        pid = records.start(session, learner="Bo")
        records.choice(pid, session.choose("2"), 3.0)  # the second on screen
        records.choice(pid, session.choose("1"), 2.0)
        records.finish(pid, session)
        record = records.get(pid)
    assert [c.shown for c in record.choices] == [o.shown for o in session.history]
    assert record.choices[0].shown[1] == record.choices[0].choice_id
    assert record.choices[1].shown == ("first", "second", "third")  # `order: fixed`
    assert ChoiceRecord.from_json(record.choices[0].to_json()).shown == record.choices[0].shown  # export, import
    result = replay(record, scenario)
    assert result.ok, result.mismatches
    assert [o.shown for o in result.session.history] == [o.shown for o in session.history]


def test_a_replay_says_when_the_order_differs_from_the_record(tmp_path: Path) -> None:
    scenario = load_scenario(CHOICES).scenario
    assert scenario is not None
    session = Session(scenario, 13)
    with Records(tmp_path / "records.sqlite") as records:
        pid = records.start(session, learner="Bo")
        records.choice(pid, session.choose("say_no"), 3.0)
        records.db.execute('UPDATE choices SET shown = \'["sigh", "snap", "give_in", "ask_time", "say_no"]\'')
        record = records.get(pid)
    result = replay(record, scenario)
    assert len(result.mismatches) == 1 and "choices shown as" in result.mismatches[0]


def test_a_database_from_before_orders_gains_the_column_and_keeps_its_choices(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=len(MIGRATIONS) - 1)
    db.execute("INSERT INTO learners(name, created_at) VALUES ('Bo', 0)")
    db.execute(
        "INSERT INTO playthroughs(uuid, learner_id, cohort, scenario_id, content_hash, language, mode, seed,"
        " started_at, start_metrics) VALUES ('u1', 1, NULL, 'choice-order', 'x', 'en', 'practice', 0, 0, '{}')"
    )
    db.execute(
        "INSERT INTO choices(playthrough_id, turn, scene_id, choice_id, style, decided_at, decision_seconds,"
        " deltas, rules, metrics) VALUES (1, 1, 'discount', 'say_no', 'assertive', 0, 1, '{}', '[]', '{}')"
    )
    db.close()
    with Records(path) as records:
        assert schema_version(records.db) == len(MIGRATIONS)
        assert records.get(1).choices[0].shown == ()
