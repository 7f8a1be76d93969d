"""Facilitated group play, without any drawing: the steps of one decision and what gets recorded.

At every scene the room discusses (the scenario's reflection question for the decision point, an
optional countdown), the facilitator types how many people voted for each choice, the distribution is
revealed, and the majority choice (or the facilitator's pick) is played through ``Session.choose``.
Votes, the played choice and its timing go to the records as one ``mode="group"`` playthrough.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from game.core.model import Choice, Scenario, Scene
from game.core.session import Outcome, Session
from game.training.records import Records

STEPS = ("discuss", "vote", "reveal", "outcome", "debrief")


@dataclass
class Round:
    """One decision taken by the group: the votes and what playing the chosen answer did."""

    scene: Scene
    choices: list[Choice]
    votes: dict[str, int]
    picked: str
    majority: list[str]
    outcome: Outcome

    @property
    def overruled(self) -> bool:
        """True when the facilitator played something other than the (single) majority choice."""
        return self.picked not in self.majority


@dataclass
class GroupPlay:
    """The state of a facilitated session; the view reads it, key handlers call its methods."""

    session: Session
    records: Records | None = None
    cohort: str | None = None
    countdown: float = 0.0
    clock: Callable[[], float] = time.monotonic
    step: str = "discuss"
    selected: int = 0
    typed: dict[str, str] = field(default_factory=dict)
    picked: str | None = None
    rounds: list[Round] = field(default_factory=list)
    pid: int | None = None
    timer_started: float | None = None
    scene_started: float = 0.0
    phone_votes: Callable[[], dict[str, int]] | None = None  # phone voting hook (vote_sync.phone_votes)

    def __post_init__(self) -> None:
        if self.records is not None:
            self.pid = self.records.start(
                self.session, learner="Group", cohort=self.cohort, mode="group", language=self.session.scenario.language
            )
        self._enter_scene()

    # -- reading ---------------------------------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        """The scenario played."""
        return self.session.scenario

    @property
    def scene(self) -> Scene | None:
        """The scene being decided (None at the debrief)."""
        return self.session.scene

    @property
    def choices(self) -> list[Choice]:
        """The choices open to the group now, in the order shown (the session's: the same for the whole room)."""
        return self.session.shown_choices()

    def reflection(self) -> str:
        """The reflection question for this scene's decision point ("" outside the three points)."""
        scene = self.scene
        return self.scenario.reflection_for(scene.phase) if scene is not None else ""

    def remaining(self) -> float | None:
        """Seconds left on the discussion countdown (None when there is none)."""
        if self.countdown <= 0:
            return None
        if self.timer_started is None:
            return self.countdown
        return max(0.0, self.countdown - (self.clock() - self.timer_started))

    def counts(self) -> dict[str, int]:
        """The vote counts typed so far, per choice id (0 when empty), plus the phones' votes when they vote."""
        phones = self.phone_votes() if self.phone_votes is not None else {}  # phone voting hook: counts add up
        return {c.id: int(self.typed.get(c.id) or 0) + phones.get(c.id, 0) for c in self.choices}

    def majority(self) -> list[str]:
        """The choice ids with the most votes (several on a tie; none when nobody voted)."""
        counts = self.counts()
        top = max(counts.values(), default=0)
        return [cid for cid, n in counts.items() if n == top] if top > 0 else []

    # -- acting ----------------------------------------------------------------------------------------
    def _enter_scene(self) -> None:
        self.step = "discuss" if not self.session.finished else "debrief"
        self.selected = 0
        self.typed = {}
        self.picked = None
        self.timer_started = None
        self.scene_started = self.clock()

    def toggle_timer(self) -> None:
        """Start the countdown (or restart it once it has run out)."""
        if self.countdown > 0 and (self.timer_started is None or self.remaining() == 0):
            self.timer_started = self.clock()

    def start_voting(self) -> None:
        """From the discussion to entering the votes."""
        if self.step == "discuss":
            self.step = "vote"

    def move(self, delta: int) -> None:
        """Move the highlighted choice row."""
        if self.choices:
            self.selected = (self.selected + delta) % len(self.choices)

    def type_digit(self, digit: str) -> None:
        """Append a digit to the highlighted row's count (at most 4 digits)."""
        if self.step != "vote" or not digit.isdigit() or not self.choices:
            return
        cid = self.choices[self.selected].id
        text = (self.typed.get(cid, "") + digit).lstrip("0") or "0"
        self.typed[cid] = text[:4]

    def backspace(self) -> None:
        """Delete the last digit of the highlighted row's count."""
        if self.step == "vote" and self.choices:
            cid = self.choices[self.selected].id
            self.typed[cid] = self.typed.get(cid, "")[:-1]

    def bump(self, delta: int) -> None:
        """Add or take one vote on the highlighted row."""
        if self.step == "vote" and self.choices:
            cid = self.choices[self.selected].id
            self.typed[cid] = str(max(0, int(self.typed.get(cid) or 0) + delta))

    def reveal(self) -> None:
        """Show the distribution; the single majority choice is preselected (a tie needs a pick)."""
        if self.step != "vote":
            return
        self.step = "reveal"
        top = self.majority()
        self.picked = top[0] if len(top) == 1 else None

    def pick(self, number: int) -> None:
        """The facilitator picks choice ``number`` (1-based) to play instead."""
        if self.step == "reveal" and 1 <= number <= len(self.choices):
            self.picked = self.choices[number - 1].id

    def back(self) -> None:
        """One step back: from the reveal to the votes, from the votes to the discussion."""
        self.step = {"reveal": "vote", "vote": "discuss"}.get(self.step, self.step)

    def play(self) -> Outcome | None:
        """Play the picked choice, record votes and choice; returns the outcome (None without a pick)."""
        if self.step != "reveal" or self.picked is None:
            return None
        scene = self.scene
        assert scene is not None
        choices = self.choices
        counts = self.counts()
        majority = self.majority()
        seconds = self.clock() - self.scene_started
        outcome = self.session.choose(self.picked)
        if self.records is not None and self.pid is not None:
            self.records.votes(self.pid, outcome.turn, scene.id, counts, self.picked)
            self.records.choice(self.pid, outcome, seconds)
        self.rounds.append(Round(scene, choices, counts, self.picked, majority, outcome))
        self.step = "outcome"
        if self.session.finished and self.records is not None and self.pid is not None:
            self.records.finish(self.pid, self.session)
        return outcome

    def leave(self) -> None:
        """The session ends before the scenario does: queue its xAPI statements so far and *terminated*."""
        if self.records is not None and self.pid is not None and not self.session.finished:
            self.records.terminate(self.pid, self.session)

    def next(self) -> None:
        """From an outcome to the next scene's discussion, or to the group debrief."""
        if self.step == "outcome":
            self._enter_scene()
