"""The room's phone votes, without any networking or drawing: one decision at a time, one vote per device.

The projector opens a decision (its key, number, heading, question and choices in the room's order) and a
fresh random token goes with it; a phone's vote counts only with the room code and that token, so a page
left open from an earlier decision cannot vote on the next one. A device has one vote per decision and can
change it until the projector closes voting for the reveal. After the reveal the phones see what the room
played. Every method is safe to call from the web server's threads and the projector's loop at once.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from enum import Enum

# Letters and digits that can't be mistaken for one another when read off a projector.
CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
CODE_LENGTH = 4
MAX_DEVICES = 5000  # votes kept per decision: more than any room, fewer than would fill the memory


class VoteResult(str, Enum):
    """What happened to one vote."""

    COUNTED = "counted"
    CHANGED = "changed"
    SAME = "same"
    BAD_CODE = "bad_code"
    STALE = "stale"
    CLOSED = "closed"
    UNKNOWN_CHOICE = "unknown_choice"
    FULL = "full"

    @property
    def ok(self) -> bool:
        """True when the device's vote now stands."""
        return self in (VoteResult.COUNTED, VoteResult.CHANGED, VoteResult.SAME)


@dataclass(frozen=True)
class Ballot:
    """One decision as the phones see it: choices as (id, text) in the order the projector shows them."""

    key: str
    number: int
    heading: str
    question: str
    choices: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Result:
    """What the phones see after the reveal: the choice the room played and a line about what it did."""

    played: str
    note: str
    counts: tuple[tuple[str, int], ...] = ()  # (choice text, votes) in the room's order


@dataclass
class _Decision:
    ballot: Ballot
    token: str
    votes: dict[str, str] = field(default_factory=dict)  # device -> choice id


@dataclass(frozen=True)
class PhoneView:
    """A snapshot of the room for one device: what its page should show."""

    stage: str  # "waiting" | "open" | "closed" | "result" | "ended"
    version: int
    ballot: Ballot | None
    token: str
    mine: str | None
    result: Result | None
    ending: str


def new_code() -> str:
    """A random room code, short enough to read off the projector and type on a phone."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class VoteRoom:
    """The voting state of one facilitated session (see the module docstring)."""

    def __init__(self, code: str | None = None) -> None:
        self.code = (code or new_code()).upper()
        self._lock = threading.Lock()
        self._decision: _Decision | None = None
        self._stage = "waiting"
        self._result: Result | None = None
        self._ending = ""
        self._version = 0
        self.synced: object = None  # what vote_sync last pushed at the outcome or the end (to skip repeats)

    # -- the projector's side --------------------------------------------------------------------------
    def open(self, ballot: Ballot) -> str:
        """Open voting on ``ballot`` and return its token; the same key again reopens it with its votes kept."""
        with self._lock:
            current = self._decision
            if current is None or current.ballot.key != ballot.key:
                current = self._decision = _Decision(ballot, secrets.token_urlsafe(9))
            elif current.ballot != ballot:
                current.ballot = ballot
            if self._stage != "open":
                self._stage = "open"
                self._result = None
                self._version += 1
            return current.token

    def close(self) -> None:
        """Stop taking votes (the projector reveals the distribution)."""
        with self._lock:
            if self._stage == "open":
                self._stage = "closed"
                self._version += 1

    def show_result(self, result: Result) -> None:
        """The room played a choice: the phones show it until the next decision opens."""
        with self._lock:
            if self._stage != "result" or self._result != result:
                self._stage = "result"
                self._result = result
                self._version += 1

    def end(self, ending: str) -> None:
        """The scenario is over: the phones show the ending's title."""
        with self._lock:
            if self._stage != "ended" or self._ending != ending:
                self._stage = "ended"
                self._ending = ending
                self._version += 1

    def tally(self, key: str | None = None) -> dict[str, int]:
        """Phone votes per choice id for the open decision (or for ``key`` only; empty for any other)."""
        with self._lock:
            current = self._decision
            if current is None or (key is not None and current.ballot.key != key):
                return {}
            counts = {cid: 0 for cid, _text in current.ballot.choices}
            for cid in current.votes.values():
                counts[cid] += 1
            return counts

    def voters(self, key: str | None = None) -> int:
        """How many devices have voted on the current decision (or on ``key``)."""
        return sum(self.tally(key).values())

    # -- the phones' side ------------------------------------------------------------------------------
    def vote(self, code: str, token: str, device: str, choice_id: str) -> VoteResult:
        """Record ``device``'s vote for ``choice_id``; the code and the decision's token must match."""
        with self._lock:
            if not secrets.compare_digest(code.strip().upper().encode(), self.code.encode()):
                return VoteResult.BAD_CODE
            current = self._decision
            if current is None or not secrets.compare_digest(token.encode(), current.token.encode()):
                return VoteResult.STALE
            if self._stage != "open":
                return VoteResult.CLOSED
            if choice_id not in {cid for cid, _text in current.ballot.choices}:
                return VoteResult.UNKNOWN_CHOICE
            before = current.votes.get(device)
            if before is None and len(current.votes) >= MAX_DEVICES:
                return VoteResult.FULL
            current.votes[device] = choice_id
            if before is None:
                return VoteResult.COUNTED
            return VoteResult.SAME if before == choice_id else VoteResult.CHANGED

    def view(self, device: str | None) -> PhoneView:
        """What ``device``'s page shows now."""
        with self._lock:
            current = self._decision
            return PhoneView(
                stage=self._stage,
                version=self._version,
                ballot=current.ballot if current is not None else None,
                token=current.token if current is not None else "",
                mine=current.votes.get(device) if current is not None and device else None,
                result=self._result,
                ending=self._ending,
            )

    def version(self) -> int:
        """A number that changes whenever the phones' page should change (not on every vote)."""
        with self._lock:
            return self._version
