"""`sticky export --csv`: what a trainer reads in every row (decision point, choice text, style, score, ending
title and rating), read back with the csv module; `--excel` for a spreadsheet in English or Spanish."""

from __future__ import annotations

import csv
from pathlib import Path

from game.core.session import Session
from game.training.csv_export import export_csv
from game.training.record_store import Records
from tests.training.helpers import WORKSHOP, play_and_record, sticky, workshop

DATA = WORKSHOP.parent
BEST = ["ask_details", "count_it", "rush_fee", "know_your_worth"]
MIXED = ["say_yes_now", "absorb_it", "rush_fee", "cave"]
NAUGHTY = '=HYPERLINK("http://x","y")'


def read(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    """The rows of a CSV file as a spreadsheet reads them (a leading byte-order mark dropped)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _day(records: Records) -> None:
    play_and_record(records, workshop(), learner="Ana", cohort="W1", choices=list(BEST))
    play_and_record(records, workshop(), learner=NAUGHTY, cohort="W1", choices=list(MIXED))
    session = Session(workshop())
    pid = records.start(session, learner="Room 1", cohort="W1", mode="group")
    records.votes(pid, 1, "the_call", {"ask_details": 5, "say_yes_now": 3}, "ask_details")
    records.choice(pid, session.choose("ask_details"), 60)


def test_every_row_says_what_a_trainer_reads(records: Records, tmp_path: Path) -> None:
    _day(records)
    counts = export_csv(records, tmp_path, paths=[DATA])
    assert counts == {"playthroughs.csv": 3, "choices.csv": 9, "votes.csv": 2}
    plays = read(tmp_path / "playthroughs.csv")
    assert [p["learner"] for p in plays] == ["Ana", "'" + NAUGHTY, "Room 1"]  # the formula is neutralised
    ana = plays[0]
    assert (ana["ending"], ana["ending_title"], ana["rating"]) == ("good_deal", "Paid for the rush", "best")
    assert ana["scenario_title"] == "The rush order" and ana["score"] == "1" and ana["success"] == "true"
    assert plays[2]["mode"] == "group" and plays[2]["ending_title"] == ""  # the room hasn't finished
    choices = read(tmp_path / "choices.csv")
    first = choices[0]
    for column in ("phase", "choice_text", "style", "score", "coach_best"):
        assert column in first
    assert (first["turn"], first["phase"], first["choice"]) == ("1", "situation", "ask_details")
    assert first["choice_text"] == "Tell me exactly what you need and I'll check the machines."
    assert (first["style"], first["score"], first["coach_best"]) == ("assertive", "1", "true")
    cost = [c for c in choices if c["learner"] == "'" + NAUGHTY and c["phase"] == "cost"]
    assert [(c["choice"], c["choice_text"], c["style"], c["score"], c["coach_best"]) for c in cost] == [
        ("absorb_it", "It's only one night. We'll manage.", "passive", "0", "false")
    ]
    assert [c["phase"] for c in choices[:4]] == ["situation", "cost", "limits", "power"]
    votes = read(tmp_path / "votes.csv")
    assert [(v["phase"], v["choice"], v["choice_text"], v["style"], v["votes"], v["played"]) for v in votes] == [
        (
            "situation",
            "ask_details",
            "Tell me exactly what you need and I'll check the machines.",
            "assertive",
            "5",
            "yes",
        ),
        ("situation", "say_yes_now", "Of course, Dora, anything for you.", "passive", "3", "no"),
    ]


def test_excel_in_spanish_has_a_bom_semicolons_and_decimal_commas(records: Records, tmp_path: Path) -> None:
    _day(records)
    result = sticky(
        "export",
        "--csv",
        str(tmp_path / "es"),
        "--excel",
        "--lang",
        "es",
        "--scenarios",
        str(DATA),
        data=records.data_dir,
    )
    assert result.returncode == 0, result.stderr
    raw = (tmp_path / "es" / "choices.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    header = raw[3:].split(b"\r\n")[0].decode("utf-8")
    assert header.startswith("playthrough_id;uuid;learner;") and "," not in header
    choices = read(tmp_path / "es" / "choices.csv", ";")
    assert choices[1]["choice_text"] == "Apúntalo: unos 300 € de horas extra y una entrega tardía a otra persona."
    seconds = [c["decision_seconds"] for c in choices]
    assert all("," in s and "." not in s for s in seconds if not s.isdigit())  # 12,345 in a Spanish sheet
    assert any("," in s for s in seconds)
    plays = read(tmp_path / "es" / "playthroughs.csv", ";")
    assert (plays[0]["ending_title"], plays[0]["rating"]) == ("Urgencia cobrada", "best")
    assert plays[1]["learner"] == "'" + NAUGHTY and plays[1]["final_revenue"].lstrip("-").isdigit()


def test_excel_in_english_and_plain_csv(records: Records, tmp_path: Path) -> None:
    _day(records)
    export_csv(records, tmp_path / "en", excel=True, language="en", paths=[DATA])
    raw = (tmp_path / "en" / "choices.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw[3:].startswith(b"playthrough_id,uuid,")
    seconds = [c["decision_seconds"] for c in read(tmp_path / "en" / "choices.csv")]
    assert any("." in s for s in seconds) and not any("," in s for s in seconds)
    export_csv(records, tmp_path / "plain", paths=[DATA])
    assert (tmp_path / "plain" / "choices.csv").read_bytes().startswith(b"playthrough_id,")


def test_an_unknown_cohort_is_an_error_that_lists_the_cohorts(records: Records, tmp_path: Path) -> None:
    _day(records)
    result = sticky("export", "--csv", str(tmp_path / "out"), "--cohort", "W2", data=records.data_dir)
    assert result.returncode == 2 and "no cohort 'W2'; the cohorts with playthroughs are: W1" in result.stderr
    assert not (tmp_path / "out").exists() and "Traceback" not in result.stderr
