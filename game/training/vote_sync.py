"""Keeps the phones' room in step with the projector: what ``GroupPlay`` shows, the phones show.

``sync`` is called once a frame by the projector. While the room discusses or enters votes, the current
decision is open on the phones (same choices, same order); the reveal closes it; the outcome and the
debrief show the phones what the room played and how the scenario ended. ``phone_votes`` gives
``GroupPlay`` the phone tally of the decision on screen, which it adds to the counts the trainer types.
No drawing and no networking here.
"""

from __future__ import annotations

from collections.abc import Callable

from game.core.debrief import build_debrief
from game.locale import tr_in
from game.training.facilitate_model import GroupPlay
from game.training.vote_room import Ballot, Result, VoteRoom


def decision_key(play: GroupPlay) -> str:
    """The key of the decision on screen: its turn and scene (unique within one session)."""
    scene = play.scene
    return f"{play.session.turn}:{scene.id}" if scene is not None else ""


def ballot_of(play: GroupPlay) -> Ballot | None:
    """The decision on screen as the phones see it (None at the debrief)."""
    scene = play.scene
    if scene is None or play.session.finished:
        return None
    lang = play.scenario.language
    number = play.session.turn + 1
    heading = tr_in(lang, "phone.heading", n=number, phase=tr_in(lang, f"phase.{scene.phase}"))
    return Ballot(
        key=decision_key(play),
        number=number,
        heading=heading,
        question=play.reflection(),
        choices=tuple((c.id, c.text) for c in play.choices),
    )


def result_of(play: GroupPlay) -> Result | None:
    """What the room just played, with the coach's note and the votes per choice (None before any round)."""
    if not play.rounds:
        return None
    last = play.rounds[-1]
    played = next(c for c in last.choices if c.id == last.picked)
    decisions = build_debrief(play.session).decisions
    note = decisions[len(play.rounds) - 1].coach_note if len(decisions) >= len(play.rounds) else played.feedback
    counts = tuple((c.text, last.votes.get(c.id, 0)) for c in last.choices)
    return Result(played=played.text, note=note, counts=counts)


def sync(room: VoteRoom, play: GroupPlay) -> None:
    """Bring the room to the projector's step (cheap when nothing changed: call it every frame)."""
    step = play.step
    if step in ("discuss", "vote"):
        ballot = ballot_of(play)
        if ballot is not None:
            room.open(ballot)
    elif step == "reveal":
        room.close()
    elif step in ("outcome", "debrief"):
        pushed = (step, len(play.rounds))
        if room.synced == pushed and room.view(None).stage in ("result", "ended"):
            return  # already shown: don't rebuild the debrief every frame
        room.synced = pushed
        if step == "outcome":
            result = result_of(play)
            if result is not None:
                room.show_result(result)
        else:
            room.end(build_debrief(play.session).ending_title)


def phone_votes(room: VoteRoom, play: GroupPlay) -> Callable[[], dict[str, int]]:
    """A function that returns the phone votes of the decision on screen (for ``GroupPlay.phone_votes``)."""
    return lambda: room.tally(decision_key(play))
