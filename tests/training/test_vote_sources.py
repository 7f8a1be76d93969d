"""Votes by source in the records: a group session's phone votes kept apart from the ones counted in the room.

A facilitated session where phones vote and the trainer types a show of hands is recorded with, for every
choice, how many of its votes came from phones; the JSON export, the CSV, the xAPI statements and the report
carry that split. A database written before the split was kept opens, and what it cannot know is shown as
unknown, never as zero.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from game.core.session import Session
from game.training._schema import SCHEMA_VERSION, migrate
from game.training.csv_export import export_csv
from game.training.exchange import export_records, import_records
from game.training.facilitate_model import PHONES, TYPED, GroupPlay
from game.training.record_store import Records, RecordsError, open_records
from game.training.record_types import PlaythroughRecord
from game.training.report import render_report
from game.training.xapi import statements
from tests.training.helpers import WORKSHOP, workshop

DATA = WORKSHOP.parent

#: per decision of the workshop scenario: (votes from phones, votes typed by the trainer), by choice id
ROUNDS: list[tuple[dict[str, int], dict[str, int]]] = [
    ({"ask_details": 6, "say_yes_now": 2}, {"ask_details": 1, "say_yes_now": 3}),
    ({"count_it": 5, "absorb_it": 1}, {"absorb_it": 2, "blame_dora": 1}),
    ({"rush_fee": 9}, {}),  # every vote from a phone
    ({}, {"know_your_worth": 4, "cave": 1}),  # the phones were put away
]


def play_with_phones(records: Records, room: str = "Group", cohort: str = "W1") -> int:
    """A whole facilitated session of the workshop scenario, phones and typed hands voting at each decision;
    returns its playthrough number."""
    play = GroupPlay(Session(workshop(), seed=0), records, cohort=cohort)
    for phones, typed in ROUNDS:
        play.start_voting()
        if phones:
            assert play.set_votes(phones, PHONES)
        if typed:
            assert play.add_votes(typed, TYPED)
        assert play.reveal()
        assert play.play() is not None
        play.next()
    assert play.session.finished and play.pid is not None
    if room != "Group":
        records.db.execute(
            "UPDATE learners SET name = ? WHERE id = (SELECT learner_id FROM playthroughs WHERE id = ?)",
            (room, play.pid),
        )
    return play.pid


def split(record: PlaythroughRecord, turn: int) -> dict[str, tuple[int, int | None]]:
    """Choice id -> (votes, of them from phones) at ``turn``."""
    return {v.choice_id: (v.count, v.phones) for v in record.votes if v.turn == turn}


def test_the_record_keeps_how_many_votes_came_from_phones(records: Records) -> None:
    record = records.get(play_with_phones(records))
    assert split(record, 1) == {"ask_details": (7, 6), "say_yes_now": (5, 2)}
    assert split(record, 2) == {"count_it": (5, 5), "absorb_it": (3, 1), "blame_dora": (1, 0)}
    assert split(record, 3) == {"rush_fee": (9, 9), "fine_eight": (0, 0), "shout": (0, 0)}
    assert split(record, 4) == {"know_your_worth": (4, 0), "cave": (1, 0), "go_then": (0, 0)}
    assert {v.choice_id: v.in_room for v in record.votes if v.turn == 1} == {"ask_details": 1, "say_yes_now": 3}


def test_votes_from_phones_cannot_outnumber_the_votes(records: Records) -> None:
    session = Session(workshop())
    pid = records.start(session, learner="Room", mode="group")
    with pytest.raises(RecordsError, match="from 0 to its votes"):
        records.votes(pid, 1, "the_call", {"ask_details": 2}, "ask_details", {"ask_details": 3})
    records.votes(pid, 1, "the_call", {"ask_details": 2, "say_yes_now": 1}, "ask_details", {"ask_details": 2})
    assert split(records.get(pid), 1) == {"ask_details": (2, 2), "say_yes_now": (1, 0)}


def test_an_export_from_before_the_split_imports_as_unknown(records: Records, tmp_path: Path) -> None:
    play_with_phones(records)
    export_records(records, tmp_path / "out.jsonl")
    data = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    for vote in data["votes"]:
        del vote["phones"]
    (tmp_path / "old.jsonl").write_text(json.dumps(data) + "\n", encoding="utf-8")
    with open_records(tmp_path / "laptop", auto_send=False) as other:
        assert import_records(other, tmp_path / "old.jsonl").added == 1
        assert {v.phones for v in other.playthroughs()[0].votes} == {None}


def test_exports_carry_the_split(records: Records, tmp_path: Path) -> None:
    pid = play_with_phones(records)
    export_records(records, tmp_path / "out.jsonl")
    [line] = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    first = sorted((v["choice"], v["count"], v["phones"]) for v in json.loads(line)["votes"] if v["turn"] == 1)
    assert first == [("ask_details", 7, 6), ("say_yes_now", 5, 2)]
    with open_records(tmp_path / "laptop", auto_send=False) as other:  # the trainer's laptop imports it
        report = import_records(other, tmp_path / "out.jsonl")
        assert report.added == 1
        assert other.playthroughs()[0].votes == records.get(pid).votes
    export_csv(records, tmp_path / "csv", paths=[DATA])
    with (tmp_path / "csv" / "votes.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted((r["turn"], r["choice"], r["votes"], r["from_phones"], r["in_room"]) for r in rows)[:2] == [
        ("1", "ask_details", "7", "6", "1"),
        ("1", "say_yes_now", "5", "2", "3"),
    ]
    answered = [s for s in statements(records.get(pid)) if s["verb"]["id"].endswith("/answered")]
    extensions = answered[0]["result"]["extensions"]
    from_phones = [v for k, v in extensions.items() if k.endswith("/votes-from-phones")]
    assert from_phones == [{"ask_details": 6, "say_yes_now": 2}]


def test_an_export_that_claims_more_phone_votes_than_votes_is_refused(records: Records, tmp_path: Path) -> None:
    play_with_phones(records)
    export_records(records, tmp_path / "out.jsonl")
    data = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    data["votes"][0]["phones"] = data["votes"][0]["count"] + 1
    (tmp_path / "bad.jsonl").write_text(json.dumps(data) + "\n", encoding="utf-8")
    with open_records(tmp_path / "laptop", auto_send=False) as other:
        report = import_records(other, tmp_path / "bad.jsonl")
    assert report.added == 0 and len(report.refused) == 1 and "'phones'" in report.refused[0]


@pytest.mark.parametrize(
    ("language", "sources", "first", "struggled"),
    [
        (
            "en",
            "Where the votes came from",
            "Group: 12 votes: 8 from phones, 4 counted in the room",
            "Group (group, 9 votes: 6 from phones, 3 counted in the room): 56% for the coach",
        ),
        (
            "es",
            "De dónde vinieron los votos",
            "Group: 12 votos: 8 por teléfono, 4 contados en la sala",
            "Group (en grupo, 9 votos: 6 por teléfono, 3 contados en la sala): 56 % para la opción del coach",
        ),
    ],
)
def test_the_report_says_where_each_decisions_votes_came_from(
    records: Records, language: str, sources: str, first: str, struggled: str
) -> None:
    play_with_phones(records)
    html = render_report(records.playthroughs(), language, paths=[DATA])
    assert sources in html and first in html  # under the choices of the first decision
    assert struggled in html  # the room's line where the group struggled (the cost)
    assert html.count(sources) == 3  # decisions 1-3 had phone votes; the fourth, only hands: nothing to say


def test_a_session_without_phones_reports_as_before(records: Records) -> None:
    play = GroupPlay(Session(workshop(), seed=0), records, cohort="W1")
    while not play.session.finished:
        play.start_voting()
        play.add_votes({play.choices[0].id: 3}, TYPED)
        play.reveal()
        play.play()
        play.next()
    record = records.get(play.pid or 0)
    assert all(v.phones == 0 for v in record.votes)  # known: none came from phones
    html = render_report(records.playthroughs(), "en", paths=[DATA])
    assert "Where the votes came from" not in html and "from phones" not in html


def _version_6_copy(records: Records, path: Path) -> None:
    """The records as a game from before the split would have kept them: a schema-6 database."""
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=6)
    db.execute("ATTACH DATABASE ? AS new", (str(records.path),))
    for table in ("learners", "playthroughs", "choices"):
        columns = ", ".join(r[1] for r in db.execute(f"PRAGMA main.table_info({table})"))
        db.execute(f"INSERT INTO main.{table}({columns}) SELECT {columns} FROM new.{table}")
    db.execute(
        "INSERT INTO main.votes(id, playthrough_id, turn, scene_id, choice_id, count, picked)"
        " SELECT id, playthrough_id, turn, scene_id, choice_id, count, picked FROM new.votes"
    )
    db.execute("DETACH DATABASE new")
    db.close()


def test_an_old_database_opens_and_reports_the_split_as_unknown(records: Records, tmp_path: Path) -> None:
    play_with_phones(records, room="Room A")
    old = tmp_path / "old" / "records.sqlite3"
    old.parent.mkdir()
    _version_6_copy(records, old)
    with Records(old) as migrated:
        assert migrated.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [record] = migrated.playthroughs()
        assert {v.phones for v in record.votes} == {None} and {v.in_room for v in record.votes} == {None}
        assert split(record, 1) == {"ask_details": (7, None), "say_yes_now": (5, None)}
        html = render_report([record], "en", paths=[DATA])
        assert "Room A" in html and "Group votes" in html  # the votes are there...
        assert "Where the votes came from" not in html and "from phones" not in html  # ...the split, unknown
        export_csv(migrated, tmp_path / "csv", paths=[DATA])
        with (tmp_path / "csv" / "votes.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert {(r["votes"], r["from_phones"], r["in_room"]) for r in rows if r["turn"] == "1"} == {
            ("7", "", ""),
            ("5", "", ""),
        }
        export_records(migrated, tmp_path / "old.jsonl")
        assert {v["phones"] for v in json.loads((tmp_path / "old.jsonl").read_text())["votes"]} == {None}
        answered = [s for s in statements(record) if s["verb"]["id"].endswith("/answered")]
        assert not any(k.endswith("/votes-from-phones") for s in answered for k in s["result"]["extensions"])
        # beside a newer session that kept the split, the old room's line says the split is not known
        play_with_phones(migrated, room="Room B")
        for language, unknown, known in (
            ("en", "Room A: 12 votes: not recorded how many came from phones", "Room B: 12 votes: 8 from phones"),
            ("es", "Room A: 12 votos: no se registró cuántos llegaron por teléfono", "Room B: 12 votos: 8 por"),
        ):
            html = render_report(migrated.playthroughs(), language, paths=[DATA])
            assert unknown in html and known in html
