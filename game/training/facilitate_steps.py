"""The steps of one decision in facilitated group play, declared in one place as a ``transitions`` machine.

discuss -> vote -> reveal -> outcome -> (the next scene's) discuss, or the debrief after the last decision;
``back`` undoes a step before anything is played (reveal -> vote -> discuss). Any other move is refused:
the triggers raise ``transitions.MachineError`` from a step where they are not allowed, ``play`` does
nothing without a choice to play, and ``fire`` answers False instead of raising (for key handlers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from transitions import Machine

#: Every step, in the order a decision goes through them.
STEPS: tuple[str, ...] = ("discuss", "vote", "reveal", "outcome", "debrief")

#: Every allowed move: trigger, from, to, and the condition that must hold (a name of ``Steps``).
TRANSITIONS: list[dict[str, Any]] = [
    {"trigger": "start_voting", "source": "discuss", "dest": "vote"},
    {"trigger": "reveal", "source": "vote", "dest": "reveal"},
    {"trigger": "back", "source": "vote", "dest": "discuss"},
    {"trigger": "back", "source": "reveal", "dest": "vote"},
    {"trigger": "play", "source": "reveal", "dest": "outcome", "conditions": "has_pick"},
    {"trigger": "next", "source": "outcome", "dest": "debrief", "conditions": "finished"},
    {"trigger": "next", "source": "outcome", "dest": "discuss", "unless": "finished"},
]

#: The triggers, for callers that check a name before firing it.
TRIGGERS: frozenset[str] = frozenset(t["trigger"] for t in TRANSITIONS)


class Steps:
    """Where one facilitated session is: ``state`` is one of ``STEPS``; the triggers are the names in
    ``TRANSITIONS`` (``start_voting()``, ``reveal()``, ``back()``, ``play()``, ``next()``), each with a
    ``may_<trigger>()`` that says whether it is allowed now."""

    state: str

    def __init__(
        self,
        has_pick: Callable[[], bool],
        finished: Callable[[], bool],
        on_discuss: Callable[[], None] | None = None,
    ) -> None:
        self._has_pick = has_pick
        self._finished = finished
        self._on_discuss = on_discuss
        Machine(
            model=self,
            states=list(STEPS),
            transitions=TRANSITIONS,
            initial="debrief" if finished() else "discuss",
            auto_transitions=False,
            ignore_invalid_triggers=False,
            after_state_change="_entered",
        )

    def has_pick(self) -> bool:
        """A choice has been picked to play (the single majority or the facilitator's pick)."""
        return self._has_pick()

    def finished(self) -> bool:
        """The scenario has reached an ending: no decision is left."""
        return self._finished()

    def _entered(self) -> None:
        if self.state == "discuss" and self._on_discuss is not None:
            self._on_discuss()

    def allowed(self, trigger: str) -> bool:
        """True when ``trigger`` may be fired now (its step and its condition)."""
        return trigger in TRIGGERS and bool(getattr(self, f"may_{trigger}")())

    def fire(self, trigger: str) -> bool:
        """Fire ``trigger`` if it is allowed now; returns whether the step moved (a refused move is no error)."""
        if not self.allowed(trigger):
            return False
        return bool(getattr(self, trigger)())
