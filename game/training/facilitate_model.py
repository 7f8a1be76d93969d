"""Facilitated group play, without any drawing: the steps of one decision, the votes, what gets recorded.

At every scene the room discusses (the scenario's reflection question for the decision point, an
optional countdown), the votes are counted (typed by the facilitator, and fed by any other source such
as phones through ``set_votes`` / ``add_votes``), the distribution is revealed, and the majority choice
(or the facilitator's pick) is played through ``Session.choose``. Votes, the played choice and its timing
go to the records as one ``mode="group"`` playthrough, each choice's votes with how many came from phones
(the rest were counted in the room). The steps are the declared machine of
``game.training.facilitate_steps``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from game.core.model import Choice, Scenario, Scene
from game.core.session import Outcome, Session
from game.training.facilitate_steps import Steps
from game.training.record_store import Records

#: The source of the counts the facilitator types on the projector (a show of hands).
TYPED = "typed"
#: The source of the votes read live from the room's phones (``GroupPlay.phone_votes``).
PHONES = "phones"


def percentages(counts: Mapping[str, int]) -> dict[str, int]:
    """Whole percentages of ``counts`` that add up to exactly 100 (all 0 when nobody voted).

    The largest remainder method: every share is rounded down, then the points still missing go one each to
    the shares with the largest remainders (ties to the one listed first), so 5/8 + 2/8 + 1/8 reads
    63 + 25 + 12, never 62 + 25 + 12 = 99.
    """
    total = sum(counts.values())
    if total <= 0:
        return dict.fromkeys(counts, 0)
    exact = {key: 100 * n / total for key, n in counts.items()}
    shares = {key: int(value) for key, value in exact.items()}
    order = sorted(counts, key=lambda key: -(exact[key] - shares[key]))
    for key in order[: 100 - sum(shares.values())]:
        shares[key] += 1
    return shares


@dataclass
class Round:
    """One decision taken by the group: the votes and what playing the chosen answer did."""

    scene: Scene
    choices: list[Choice]
    votes: dict[str, int]
    picked: str
    majority: list[str]
    outcome: Outcome
    #: the same votes by where they came from: source (``TYPED``, ``PHONES``, ...) -> choice id -> count
    by_source: dict[str, dict[str, int]] = field(default_factory=dict)

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
    selected: int = 0
    typed: dict[str, str] = field(default_factory=dict)
    #: votes from other sources for the current decision (e.g. ``"phones"``): source -> choice id -> count
    sources: dict[str, dict[str, int]] = field(default_factory=dict)
    picked: str | None = None
    rounds: list[Round] = field(default_factory=list)
    pid: int | None = None
    timer_started: float | None = None
    scene_started: float = 0.0
    steps: Steps = field(init=False, repr=False)
    #: votes read live from another source when counted (phone voting: ``vote_sync.phone_votes``)
    phone_votes: Callable[[], dict[str, int]] | None = None
    #: held while votes change or are read: a vote server feeds them from another thread
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.records is not None:
            self.pid = self.records.start(
                self.session, learner="Group", cohort=self.cohort, mode="group", language=self.session.scenario.language
            )
        self.steps = Steps(
            has_pick=lambda: self.picked is not None,
            finished=lambda: self.session.finished,
            on_discuss=self._enter_scene,
        )
        self._enter_scene()

    @property
    def step(self) -> str:
        """The step the session is in: discuss, vote, reveal, outcome or debrief (see ``Steps``)."""
        return self.steps.state

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

    def counts_by_source(self) -> dict[str, dict[str, int]]:
        """The votes for the current decision kept apart by where they came from: ``TYPED`` (always there),
        then every other source that fed votes, and ``PHONES`` while phones vote; each maps every choice
        id, in the order shown, to its count (0 when nobody voted for it)."""
        with self._lock:
            typed = {cid: int(text or 0) for cid, text in self.typed.items()}
            fed = [(source, dict(votes)) for source, votes in self.sources.items()]
        if self.phone_votes is not None:
            fed.append((PHONES, self.phone_votes()))
        ids = [c.id for c in self.choices]
        result = {TYPED: {cid: typed.get(cid, 0) for cid in ids}}
        for source, votes in fed:
            current = result.setdefault(source, dict.fromkeys(ids, 0))
            for cid in ids:
                current[cid] += votes.get(cid, 0)
        return result

    def counts(self) -> dict[str, int]:
        """The votes for the current decision per choice id, in the order shown: the typed counts plus every
        other source's (0 when nobody voted for a choice)."""
        return self.total(self.counts_by_source())

    def total(self, by_source: Mapping[str, Mapping[str, int]]) -> dict[str, int]:
        """The sum of votes kept by source (as ``counts_by_source`` gives them), per choice id in the order
        shown."""
        return {c.id: sum(votes.get(c.id, 0) for votes in by_source.values()) for c in self.choices}

    def counts_except(self, source: str) -> dict[str, int]:
        """The votes for the current decision from every source but ``source`` (e.g. all but the typed ones:
        what the phones added beside the count the trainer types)."""
        return self.total({name: votes for name, votes in self.counts_by_source().items() if name != source})

    def shares(self) -> dict[str, int]:
        """The counts as whole percentages that add up to 100 (see ``percentages``)."""
        return percentages(self.counts())

    @property
    def voting_open(self) -> bool:
        """Votes may still come in or change: until the reveal."""
        return self.step in ("discuss", "vote")

    @property
    def decision(self) -> int:
        """The number of the decision being voted on (1 for the first), for sources that tag their votes."""
        return self.session.turn + 1

    # -- votes from any source (the keyboard, phones, ...) --------------------------------------------------
    def set_votes(self, counts: Mapping[str, int], source: str, decision: int | None = None) -> bool:
        """Replace ``source``'s votes for the current decision with ``counts`` (choice id -> votes).

        Another source's votes (and the typed ones, source ``TYPED``) are kept: the projector shows the sum.
        Returns False, changing nothing, once the votes are revealed, or when ``decision`` is given and is
        not the decision being voted on (votes that arrive late). Unknown choice ids and negative counts are
        a ``ValueError``. Safe to call from another thread than the projector's.
        """
        with self._lock:
            if not self.voting_open or (decision is not None and decision != self.decision):
                return False
            clean = self._checked(counts)
            if source == TYPED:
                self.typed = {cid: str(n) for cid, n in clean.items()}
            else:
                self.sources[source] = clean
            return True

    def add_votes(self, counts: Mapping[str, int], source: str, decision: int | None = None) -> bool:
        """Add ``counts`` to ``source``'s votes for the current decision (as ``set_votes`` otherwise)."""
        with self._lock:
            clean = self._checked(counts)
            if source == TYPED:
                current = {cid: int(text or 0) for cid, text in self.typed.items()}
            else:
                current = dict(self.sources.get(source, {}))
            for cid, n in clean.items():
                current[cid] = current.get(cid, 0) + n
            return self.set_votes(current, source, decision)

    def _checked(self, counts: Mapping[str, int]) -> dict[str, int]:
        known = {c.id for c in self.choices}
        for cid, n in counts.items():
            if cid not in known:
                raise ValueError(f"'{cid}' is not one of the choices of this decision ({', '.join(sorted(known))})")
            if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                raise ValueError(f"the votes for '{cid}' must be a whole number of at least 0, not {n!r}")
        return dict(counts)

    def majority(self, counts: Mapping[str, int] | None = None) -> list[str]:
        """The choice ids with the most votes (several on a tie; none when nobody voted); of ``counts`` when
        given, else of the current counts."""
        counts = self.counts() if counts is None else counts
        top = max(counts.values(), default=0)
        return [cid for cid, n in counts.items() if n == top] if top > 0 else []

    # -- acting ----------------------------------------------------------------------------------------
    def _enter_scene(self) -> None:
        with self._lock:
            self.typed = {}
            self.sources = {}
        self.selected = 0
        self.picked = None
        self.timer_started = None
        self.scene_started = self.clock()

    def toggle_timer(self) -> None:
        """Start the countdown (or restart it once it has run out)."""
        if self.countdown > 0 and (self.timer_started is None or self.remaining() == 0):
            self.timer_started = self.clock()

    def start_voting(self) -> bool:
        """From the discussion to entering the votes; False when that is not the next step."""
        return self.steps.fire("start_voting")

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

    def reveal(self) -> bool:
        """Show the distribution; the single majority choice is preselected (a tie needs a pick)."""
        with self._lock:  # no vote slips in between the last count and the reveal
            if not self.steps.fire("reveal"):
                return False
        top = self.majority()
        self.picked = top[0] if len(top) == 1 else None
        return True

    def pick(self, number: int) -> None:
        """The facilitator picks choice ``number`` (1-based) to play instead."""
        if self.step == "reveal" and 1 <= number <= len(self.choices):
            self.picked = self.choices[number - 1].id

    def back(self) -> bool:
        """One step back: from the reveal to the votes, from the votes to the discussion (the votes stay)."""
        return self.steps.fire("back")

    def play(self) -> Outcome | None:
        """Play the picked choice, record votes and choice; returns the outcome (None without a pick)."""
        if not self.steps.allowed("play"):
            return None
        scene, picked = self.scene, self.picked
        assert scene is not None and picked is not None  # the step allows play only with a pick
        choices = self.choices
        by_source = self.counts_by_source()
        counts = self.total(by_source)
        majority = self.majority(counts)
        seconds = self.clock() - self.scene_started
        outcome = self.session.choose(picked)
        if self.records is not None and self.pid is not None:
            phones = by_source.get(PHONES, {})
            self.records.votes(self.pid, outcome.turn, scene.id, counts, picked, phones)
            self.records.choice(self.pid, outcome, seconds)
        self.rounds.append(Round(scene, choices, counts, picked, majority, outcome, by_source))
        self.steps.fire("play")
        if self.session.finished and self.records is not None and self.pid is not None:
            self.records.finish(self.pid, self.session)
        return outcome

    def leave(self) -> None:
        """The session ends before the scenario does: queue its xAPI statements so far and *terminated*."""
        if self.records is not None and self.pid is not None and not self.session.finished:
            self.records.terminate(self.pid, self.session)

    def next(self) -> bool:
        """From an outcome to the next scene's discussion (its votes cleared), or to the group debrief."""
        return self.steps.fire("next")
