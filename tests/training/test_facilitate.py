"""Facilitated group play: the voting logic, what gets recorded, and the projector screens (headless)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.core.session import Session
from game.training.facilitate_model import GroupPlay
from game.training.record_store import Records, open_records
from game.training.replay import replay
from tests.training.helpers import WORKSHOP, sticky, workshop


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _vote(play: GroupPlay, counts: dict[str, int]) -> None:
    """The room's votes, by choice id: typed on the row where each choice is shown."""
    play.start_voting()
    shown = [c.id for c in play.choices]
    for choice_id, n in counts.items():
        play.selected = shown.index(choice_id)
        for digit in str(n):
            play.type_digit(digit)
    play.reveal()


def _number(play: GroupPlay, choice_id: str) -> int:
    """The number the facilitator presses for ``choice_id``: its place in the order shown."""
    return [c.id for c in play.choices].index(choice_id) + 1


def test_majority_tie_and_the_facilitators_pick_are_recorded(records: Records) -> None:
    clock = FakeClock()
    play = GroupPlay(Session(workshop(), seed=0), records, cohort="W1", countdown=60, clock=clock)
    assert play.step == "discuss" and "cost" not in play.reflection()  # situation: no question
    play.toggle_timer()
    clock.now += 45
    assert play.remaining() == pytest.approx(15)
    _vote(play, {"ask_details": 9, "say_yes_now": 3})
    assert play.step == "reveal" and play.picked == "ask_details"
    clock.now += 30
    outcome = play.play()
    assert outcome is not None and outcome.choice_id == "ask_details" and play.step == "outcome"
    play.next()
    assert play.scene is not None and play.reflection().startswith("What does this order cost")
    _vote(play, {"count_it": 4, "absorb_it": 4, "blame_dora": 1})
    assert play.picked is None and play.play() is None  # a tie needs the facilitator's pick
    play.pick(_number(play, "count_it"))
    play.play()
    play.next()
    _vote(play, {"rush_fee": 10, "fine_eight": 1, "shout": 0})
    play.pick(_number(play, "shout"))  # the facilitator overrules the room
    play.play()
    assert play.rounds[-1].overruled and play.rounds[-1].picked == "shout"
    play.next()
    play.start_voting()
    play.typed = {}
    play.bump(1)
    play.bump(1)
    play.backspace()
    play.type_digit("7")
    play.reveal()
    play.play()
    play.next()
    assert play.step == "debrief" and play.session.finished
    record = records.get(play.pid or 0)
    assert record.mode == "group" and record.cohort == "W1" and record.finished
    assert sorted((v.choice_id, v.count, v.picked) for v in record.votes if v.turn == 3) == [
        ("fine_eight", 1, False),
        ("rush_fee", 10, False),
        ("shout", 0, True),
    ]
    assert record.choices[0].decision_seconds == pytest.approx(75)
    assert [v.count for v in record.votes if v.turn == 4] == [7, 0, 0]
    assert replay(record, workshop()).ok


#: per decision, the room's votes by choice id and the facilitator's pick (None: the majority is played)
VOTES: list[tuple[dict[str, int], str | None]] = [
    ({"ask_details": 9, "say_yes_now": 3}, None),
    ({"count_it": 3, "absorb_it": 8}, None),
    ({"fine_eight": 9, "shout": 1}, "shout"),
    ({"know_your_worth": 4, "cave": 4, "go_then": 1}, "know_your_worth"),
]


#: Right arrows before an Enter: Enter turns to a screen's next page before it moves on, and a Right on the
#: last page does nothing, so these reach the last page of any screen that has up to four.
PAGES = ["right"] * 3


def keys_for(votes: list[tuple[dict[str, int], str | None]], seed: int = 0) -> str:
    """The projector's key presses that enter ``votes`` where the choices are shown for ``seed``: to the last
    page of the discussion, Enter; arrow down to each choice's row, type its count, reveal, press the
    facilitator's pick's number, play, go on."""
    session = Session(workshop(), seed=seed)
    keys = ["space"]
    for counts, pick in votes:
        shown = [c.id for c in session.shown_choices()]
        keys += [*PAGES, "enter"]
        row = 0
        for choice_id, count in counts.items():
            keys += ["down"] * ((shown.index(choice_id) - row) % len(shown)) + list(str(count))
            row = shown.index(choice_id)
        keys.append("enter")
        if pick is not None:
            keys.append(str(shown.index(pick) + 1))
        keys += [*PAGES, "enter", *PAGES, "enter"]
        session.choose(pick or max(counts, key=lambda choice_id: counts[choice_id]))
    return ",".join([*keys, "down"])


KEYS = keys_for(VOTES)


@pytest.mark.ui
@pytest.mark.parametrize("language", ["en", "es"])
def test_projector_screens_headless(tmp_path: Path, language: str) -> None:
    shots = tmp_path / "shots"
    result = sticky(
        "facilitate",
        str(WORKSHOP),
        "--lang",
        language,
        "--cohort",
        "ROOM",
        "--countdown",
        "90",
        "--keys",
        KEYS,
        "--screenshots",
        str(shots),
        data=tmp_path / "data",
    )
    assert result.returncode == 0, result.stderr
    said = {
        "en": "group session: 4 decisions, ending good_deal (best), recorded as playthrough 1",
        "es": "sesión grupal: 4 decisiones, final good_deal (best), registrada como partida 1",
    }
    assert said[language] in result.stdout
    names = sorted(p.name for p in shots.glob("*.png"))
    steps = {n.split("-", 1)[1].removesuffix(".png") for n in names}
    assert steps == {"discuss", "vote", "reveal", "outcome", "debrief"}
    import pygame

    for name in (names[1], names[-1]):
        image = pygame.image.load(str(shots / name))
        assert image.get_size() == (1280, 720)
        assert image.get_at((20, 20))[:3] != image.get_at((20, 400))[:3]  # a header band above the body
    keep = Path(os.environ.get("TMPDIR", "/tmp")) / f"sticky-facilitate-{language}"
    keep.mkdir(exist_ok=True)
    for name in names:
        (keep / name).write_bytes((shots / name).read_bytes())
    with open_records(tmp_path / "data", auto_send=False) as records:
        [record] = records.playthroughs(cohort="ROOM")
        assert record.mode == "group" and len(record.votes) == 11 and record.ending_id == "good_deal"


def test_bad_input_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    for args in (
        ["--window", "huge"],
        ["--window", "100000x100000"],  # was opened: 16384 x 16384, a gigabyte of pixels
        ["--keys", "enter,jump"],
        ["--countdown", "-5"],
        ["--countdown", "nan"],  # was "cannot convert float NaN to integer"
        ["--countdown", "inf"],  # was a traceback
        ["--cohort", "\x1b[31mRED"],  # a terminal escape into the records
    ):
        headless = [] if "--keys" in args else ["--keys", "esc,esc"]  # never a window, should one open
        result = sticky("facilitate", str(WORKSHOP), *args, *headless, data=tmp_path)
        assert result.returncode == 1 and "error" in result.stderr and "Traceback" not in result.stderr, args
    huge_seed = sticky("facilitate", str(WORKSHOP), "--seed", "9" * 30, "--keys", "esc,esc", data=tmp_path)
    assert huge_seed.returncode == 2 and "64-bit" in huge_seed.stderr and "Traceback" not in huge_seed.stderr
    missing = sticky("facilitate", "no/such.yaml", data=tmp_path)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    left = sticky("facilitate", str(WORKSHOP), "--keys", "enter,esc,esc", "--no-record", data=tmp_path)
    assert left.returncode == 0 and "group session: 0 decisions, stopped in scene the_call" in left.stdout
