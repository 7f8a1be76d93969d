"""The declared steps of group play, the vote API other sources feed (phones), and shares that add up to 100."""

from __future__ import annotations

import pytest
from transitions import MachineError

from game.core.session import Session
from game.training.facilitate_model import PHONES, TYPED, GroupPlay, percentages
from game.training.facilitate_steps import STEPS, TRANSITIONS, Steps
from tests.training.helpers import workshop


def _steps(pick: bool = True, finished: bool = False) -> Steps:
    return Steps(has_pick=lambda: pick, finished=lambda: finished)


def test_the_steps_are_declared_in_one_place() -> None:
    assert STEPS == ("discuss", "vote", "reveal", "outcome", "debrief")
    moves = {(t["trigger"], t["source"], t["dest"]) for t in TRANSITIONS}
    assert moves == {
        ("start_voting", "discuss", "vote"),
        ("reveal", "vote", "reveal"),
        ("back", "vote", "discuss"),
        ("back", "reveal", "vote"),
        ("play", "reveal", "outcome"),
        ("next", "outcome", "debrief"),
        ("next", "outcome", "discuss"),
    }


def test_a_decision_goes_round_and_invalid_moves_are_refused() -> None:
    done = False
    steps = Steps(has_pick=lambda: True, finished=lambda: done)
    assert steps.state == "discuss"
    for trigger in ("reveal", "play", "next", "back"):
        assert not steps.allowed(trigger) and not steps.fire(trigger)
        with pytest.raises(MachineError):
            getattr(steps, trigger)()
        assert steps.state == "discuss"
    assert steps.fire("start_voting") and steps.state == "vote"
    assert not steps.fire("play") and steps.state == "vote"  # nothing is played before the reveal
    assert steps.fire("back") and steps.state == "discuss"
    assert steps.fire("start_voting") and steps.fire("reveal") and steps.state == "reveal"
    assert steps.fire("back") and steps.state == "vote"
    assert steps.fire("reveal") and steps.fire("play") and steps.state == "outcome"
    assert not steps.fire("back") and not steps.fire("reveal") and steps.state == "outcome"  # played is played
    assert steps.fire("next") and steps.state == "discuss"
    steps.fire("start_voting"), steps.fire("reveal"), steps.fire("play")
    done = True
    assert steps.fire("next") and steps.state == "debrief"
    assert not any(steps.fire(t) for t in ("start_voting", "reveal", "back", "play", "next", "jump"))
    assert steps.state == "debrief"


def test_play_needs_a_pick_and_a_finished_session_starts_at_the_debrief() -> None:
    steps = _steps(pick=False)
    steps.fire("start_voting"), steps.fire("reveal")
    assert not steps.allowed("play") and not steps.fire("play") and steps.state == "reveal"
    assert _steps(finished=True).state == "debrief"


def test_the_model_follows_the_machine() -> None:
    play = GroupPlay(Session(workshop(), seed=0))
    assert play.step == "discuss"
    assert not play.reveal() and play.play() is None and not play.next() and play.step == "discuss"
    assert play.start_voting() and not play.start_voting() and play.step == "vote"
    play.type_digit("4")
    assert play.reveal() and play.picked == play.choices[0].id
    assert play.back() and play.step == "vote" and play.counts()[play.choices[0].id] == 4  # votes are kept
    play.reveal()
    assert play.play() is not None and play.step == "outcome"
    assert play.next() and play.step == "discuss" and play.typed == {} and play.sources == {}


def test_votes_from_other_sources_add_to_the_typed_ones() -> None:
    play = GroupPlay(Session(workshop(), seed=0))
    first, second = (c.id for c in play.choices[:2])
    assert play.set_votes({first: 5, second: 2}, "phones")
    assert play.counts() == {first: 5, second: 2}
    assert play.set_votes({first: 4}, "phones")  # a phone changed its vote: the source's counts are replaced
    assert play.counts() == {first: 4, second: 0}
    assert play.add_votes({second: 3}, TYPED)  # a show of hands, typed in
    assert play.add_votes({second: 1}, TYPED)
    assert play.counts() == {first: 4, second: 4} and play.typed == {second: "4"}
    play.start_voting()
    play.selected = 0
    play.bump(1)  # the keyboard adds to the same typed counts
    assert play.counts() == {first: 5, second: 4}
    with pytest.raises(ValueError, match="not one of the choices"):
        play.set_votes({"nope": 1}, "phones")
    with pytest.raises(ValueError, match="whole number"):
        play.add_votes({first: -1}, "phones")
    play.reveal()
    assert play.picked == first
    assert not play.set_votes({second: 50}, "phones") and play.counts() == {first: 5, second: 4}  # after the reveal
    outcome = play.play()
    assert outcome is not None and play.rounds[-1].votes == {first: 5, second: 4}


def test_typed_and_phone_votes_are_kept_apart() -> None:
    play = GroupPlay(Session(workshop(), seed=0))
    first, second = (c.id for c in play.choices[:2])
    phones = {first: 5}
    play.phone_votes = lambda: dict(phones)  # the phones' live tally, as ``vote_sync.phone_votes`` gives it
    play.start_voting()
    play.selected = 1
    play.type_digit("3")  # the hands the trainer counted
    assert play.counts_by_source() == {TYPED: {first: 0, second: 3}, PHONES: {first: 5, second: 0}}
    assert play.counts_except(TYPED) == {first: 5, second: 0}
    assert play.counts() == {first: 5, second: 3}
    phones[second] = 2  # two more phones vote
    assert play.counts_by_source()[TYPED] == {first: 0, second: 3}  # what was typed stays what was typed
    assert play.counts() == {first: 5, second: 5}
    play.reveal()
    play.pick(1)
    assert play.play() is not None
    last = play.rounds[-1]
    assert last.votes == {first: 5, second: 5}
    assert last.by_source == {TYPED: {first: 0, second: 3}, PHONES: {first: 5, second: 2}}


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"a": 5, "b": 2, "c": 1}, {"a": 63, "b": 25, "c": 12}),  # 62.5 + 25 + 12.5: a tie, the first gets it
        ({"a": 1, "b": 1, "c": 1}, {"a": 34, "b": 33, "c": 33}),
        ({"a": 2, "b": 1, "c": 0}, {"a": 67, "b": 33, "c": 0}),
        ({"a": 7}, {"a": 100}),
        ({"a": 0, "b": 0}, {"a": 0, "b": 0}),
        ({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1, "g": 1}, {k: 15 if k < "c" else 14 for k in "abcdefg"}),
    ],
)
def test_percentages_add_up_to_100(counts: dict[str, int], expected: dict[str, int]) -> None:
    shares = percentages(counts)
    assert shares == expected
    assert sum(shares.values()) in (0, 100)


def test_percentages_never_stray_more_than_a_point() -> None:
    for total in range(1, 40):
        for first in range(total + 1):
            for second in range(total - first + 1):
                counts = {"a": first, "b": second, "c": total - first - second}
                shares = percentages(counts)
                assert sum(shares.values()) == 100
                assert all(abs(shares[k] - 100 * n / total) < 1 for k, n in counts.items())


def test_late_votes_are_refused_and_threads_are_safe() -> None:
    import threading

    play = GroupPlay(Session(workshop(), seed=0))
    first, second = (c.id for c in play.choices[:2])
    assert play.decision == 1
    assert not play.set_votes({first: 3}, "phones", decision=2)  # tagged for another decision
    assert play.set_votes({first: 3}, "phones", decision=1) and play.counts()[first] == 3

    stop = threading.Event()

    def feed(source: str) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            play.set_votes({first: n % 7, second: n % 5}, source)

    feeders = [threading.Thread(target=feed, args=(f"phones{i}",)) for i in range(4)]
    for thread in feeders:
        thread.start()
    try:
        for _ in range(2000):  # reading while four sources write: no error, never a negative or torn count
            counts = play.counts()
            assert 0 <= counts[first] <= 4 * 6 + 3 and 0 <= counts[second] <= 4 * 4
    finally:
        stop.set()
        for thread in feeders:
            thread.join()
    play.start_voting()
    assert play.reveal()
    frozen = play.counts()
    assert not play.set_votes({first: 99}, "phones0") and play.counts() == frozen
