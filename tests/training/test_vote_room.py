"""Phone voting without a network: the room's rules (code, token, one vote per device), the request limits,
and how the room follows a real facilitated session (phone votes add to the typed counts)."""

from __future__ import annotations

from game.core.session import Session
from game.training.facilitate_model import GroupPlay
from game.training.vote_limits import Limits, RateLimiter
from game.training.vote_room import CODE_ALPHABET, CODE_LENGTH, Ballot, VoteResult, VoteRoom
from game.training.vote_sync import decision_key, phone_votes, sync
from tests.training.helpers import workshop

BALLOT = Ballot("0:start", 1, "Decision 1 · Situation", "What would you say?", (("a", "Yes"), ("b", "No")))


def test_a_device_has_one_vote_per_decision_and_can_change_it_until_the_reveal() -> None:
    room = VoteRoom("K7P3")
    token = room.open(BALLOT)
    assert room.vote("k7p3", token, "phone-1", "a") is VoteResult.COUNTED  # the code is not case-sensitive
    assert room.vote("K7P3", token, "phone-1", "a") is VoteResult.SAME
    assert room.vote("K7P3", token, "phone-1", "b") is VoteResult.CHANGED
    assert room.vote("K7P3", token, "phone-2", "b") is VoteResult.COUNTED
    assert room.tally() == {"a": 0, "b": 2} and room.voters() == 2
    assert room.view("phone-1").mine == "b" and room.view("phone-3").mine is None
    room.close()
    assert room.vote("K7P3", token, "phone-1", "a") is VoteResult.CLOSED
    assert room.tally() == {"a": 0, "b": 2}
    assert room.open(BALLOT) == token and room.tally() == {"a": 0, "b": 2}  # back to the votes: nothing lost


def test_a_vote_needs_the_room_code_the_current_token_and_a_choice_on_the_ballot() -> None:
    room = VoteRoom("K7P3")
    old = room.open(BALLOT)
    new = room.open(Ballot("1:next", 2, "Decision 2", "", (("c", "Maybe"),)))
    assert new != old
    assert room.vote("AAAA", new, "p", "c") is VoteResult.BAD_CODE
    assert room.vote("K7P3", old, "p", "a") is VoteResult.STALE  # a page left open from the last decision
    assert room.vote("K7P3", new, "p", "a") is VoteResult.UNKNOWN_CHOICE
    assert room.tally() == {"c": 0} and room.tally("0:start") == {}


def test_room_codes_are_short_and_readable() -> None:
    codes = {VoteRoom().code for _ in range(50)}
    assert len(codes) > 40
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("O0I1L5S2Z8B") & set(CODE_ALPHABET)  # nothing to confuse on a projector


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_rate_limits_per_device_and_for_the_room() -> None:
    clock = Clock()
    limiter = RateLimiter(Limits(device_rate=1, device_burst=3, room_rate=10, room_burst=5, max_devices=3), clock)
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b") and limiter.allow("b")
    assert not limiter.allow("c")  # the room's burst of 5 is spent
    clock.now += 1.0
    assert limiter.allow("a") and not limiter.allow("a")  # one more a second for a device
    for device in "defgh":
        limiter.allow(device)
    assert len(limiter._devices) == 3  # the table of devices stays bounded (the oldest forgotten first)


def test_the_room_follows_the_projector_and_phone_votes_add_to_typed_counts() -> None:
    play = GroupPlay(Session(workshop(), seed=0))
    room = VoteRoom()
    play.phone_votes = phone_votes(room, play)
    sync(room, play)
    view = room.view(None)
    assert view.stage == "open" and view.ballot is not None
    assert [cid for cid, _text in view.ballot.choices] == [c.id for c in play.choices]  # the room's order
    assert view.ballot.key == decision_key(play)
    first, second = (c.id for c in play.choices[:2])
    for device in range(5):
        room.vote(room.code, view.token, f"phone-{device}", first)
    room.vote(room.code, view.token, "phone-9", second)
    play.start_voting()
    play.selected = 1
    play.type_digit("3")  # a show of hands for the second choice, typed by the trainer
    assert play.counts()[first] == 5 and play.counts()[second] == 4
    play.reveal()
    sync(room, play)
    assert room.view(None).stage == "closed"
    assert room.vote(room.code, view.token, "phone-late", second) is VoteResult.CLOSED
    play.play()
    assert play.rounds[-1].votes[first] == 5 and play.rounds[-1].votes[second] == 4
    sync(room, play)
    shown = room.view("phone-1")
    assert shown.stage == "result" and shown.result is not None
    assert shown.result.played == next(c.text for c in play.rounds[-1].choices if c.id == first)
    assert dict(shown.result.counts)[shown.result.played] == 5
    play.next()
    sync(room, play)
    again = room.view("phone-1")
    assert again.stage == "open" and again.token != view.token and again.mine is None
    assert sum(play.counts().values()) == 0  # the new decision starts from nothing


def test_the_phones_show_the_ending_when_the_room_reaches_it() -> None:
    play = GroupPlay(Session(workshop(), seed=0))
    room = VoteRoom()
    play.phone_votes = phone_votes(room, play)
    turns = 0
    while play.step != "debrief" and turns < 20:
        sync(room, play)
        view = room.view(None)
        assert view.stage == "open" and view.ballot is not None and view.ballot.number == turns + 1
        room.vote(room.code, view.token, "phone", view.ballot.choices[-1][0])  # one phone decides
        play.start_voting()
        play.reveal()
        play.play()
        sync(room, play)
        assert room.view("phone").stage == "result"
        play.next()
        turns += 1
    sync(room, play)
    ended = room.view("phone")
    assert ended.stage == "ended" and ended.ending and play.session.ending is not None
    assert [r.votes[r.picked] for r in play.rounds] == [1] * turns  # every decision: the phone's one vote
