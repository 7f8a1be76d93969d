"""The Session: a playthrough of one scenario, driven by a ``transitions`` state machine.

Scenes and endings are the machine's states, and its current state is the playthrough's current scene (one
copy: see ``_Driver``). Every choice is a trigger whose transitions are guarded by the choice's own condition
and tried in order: the endings with a condition, then the choice's branches, chance outcomes or single
destination. ``prepare_event`` settles the move (its effects, the chance outcome's, the rules: the pure
``rules.prepare_move`` the explorers use too), the conditions route it, and ``before`` commits it. The API is
pull-based, like ink's runtime: read ``scene`` and ``shown_choices()``, call ``choose(id)``, get an ``Outcome``
back. It draws nothing.

Choices are shown in an order drawn from the seed (``game.core.order``); the order of every state is kept with
the state, saved, and given with each ``Outcome`` (``shown``), so a number always means the place on screen.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from transitions import Machine

from game.core.deltas import total_deltas
from game.core.expr import Condition
from game.core.model import Branches, Chance, Choice, Ending, Goto, Scenario, Scene
from game.core.order import is_order_of, shown_order
from game.core.rules import Move, RuleFiring, State, arrive, choice_available, initial_state, prepare_move, step

# 2: a chance outcome's own deltas are saved apart (``outcome_deltas``); a version 1 save holds them added into
# ``deltas`` and is split when read. A build that reads only version 1 refuses a version 2 save, rather than
# showing totals without chance's part.
# 3: the order choices are shown in is saved (``orders``, one per state; ``shown`` in each history entry); an
# older save gets the order drawn from its seed, which is the order it showed.
SAVE_VERSION = 3

#: The longest history a save may hold: far beyond any real playthrough (the longest shipped scenario ends in
#: well under 50 choices), small enough that restoring it is instant. A 100,000-step save is refused, not read.
MAX_SAVED_STEPS = 2_000
#: The largest seed a save may hold (seeds are drawn below 2**31; a 5,000-digit one is damage).
MAX_SEED = 2**63
#: No metric a playthrough can make is this large: scenario numbers stay below 1e15 and a save holds at most
#: ``MAX_SAVED_STEPS`` steps, each adding a few of them.
MAX_METRIC = 1e15 * (MAX_SAVED_STEPS + 1) * 8


class ChoiceNotAvailable(ValueError):
    """The player asked for a choice that is not offered now; ``available`` lists the ones that are.

    ``kind`` says why, for front ends that word it themselves: ``"ended"`` (the playthrough is over),
    ``"range"`` (a number outside 1..len(available)), ``"unavailable"`` (the choice's condition does not
    hold) or ``"unknown"`` (no such choice in the current scene).
    """

    def __init__(self, asked: str, available: Sequence[str], reason: str, kind: str = "unknown") -> None:
        listed = ", ".join(f"{i}={cid}" for i, cid in enumerate(available, 1)) or "none: the playthrough has ended"
        super().__init__(f"choice '{asked}' {reason}; available now: {listed}")
        self.asked = asked
        self.available = list(available)
        self.kind = kind


class SaveError(ValueError):
    """A save that can't be restored: another scenario, changed content, newer version, or corrupt."""


@dataclass(frozen=True)
class Outcome:
    """What one choice did; the UI shows this and changes nothing itself.

    ``deltas`` is what the choice's own effects did, ``outcome_deltas`` what the chance outcome's effects did
    (empty when chance did not decide or its outcome has no effects), and each rule fired carries its own.
    ``shown`` is the ids of the choices offered when it was made, in the order they were shown.
    """

    turn: int
    scene_id: str
    choice_id: str
    style: str
    deltas: dict[str, float]
    rules: tuple[RuleFiring, ...]
    metrics: dict[str, float]
    next_scene: str | None
    ending_id: str | None
    chance_index: int | None = None
    roll: float | None = None
    decided_at: float = field(default=0.0, compare=False)
    outcome_deltas: dict[str, float] = field(default_factory=dict)
    shown: tuple[str, ...] = ()

    @property
    def chance(self) -> bool:
        """True when chance decided where this choice led."""
        return self.chance_index is not None

    @property
    def total_deltas(self) -> dict[str, float]:
        """Deltas of the choice, of the chance outcome and of every rule it triggered, added up."""
        return total_deltas(self.deltas, (self.outcome_deltas, *(firing.deltas for firing in self.rules)))

    @property
    def deltas_besides_chance(self) -> dict[str, float]:
        """``total_deltas`` without the chance outcome's part: the choice's own deltas and its rules', added up."""
        return total_deltas(self.deltas, (firing.deltas for firing in self.rules))

    def to_json(self) -> dict[str, Any]:
        """Plain data for saves, records and ``sticky play --json``."""
        return {
            "turn": self.turn,
            "scene": self.scene_id,
            "choice": self.choice_id,
            "style": self.style,
            "deltas": _numbers(self.deltas),
            "outcome_deltas": _numbers(self.outcome_deltas),
            "rules": [{"id": r.rule_id, "deltas": _numbers(r.deltas)} for r in self.rules],
            "metrics": _numbers(self.metrics),
            "next": self.next_scene,
            "ending": self.ending_id,
            "chance": self.chance_index,
            "roll": self.roll,
            "shown": list(self.shown),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        """The inverse of ``to_json``. Data written before outcomes had deltas of their own (no
        ``outcome_deltas``) holds the chance outcome's part inside ``deltas``; ``Session.from_json`` splits it."""
        return cls(
            turn=int(data["turn"]),
            scene_id=str(data["scene"]),
            choice_id=str(data["choice"]),
            style=str(data["style"]),
            deltas={str(k): float(v) for k, v in data["deltas"].items()},
            rules=tuple(
                RuleFiring(str(r["id"]), {str(k): float(v) for k, v in r["deltas"].items()}) for r in data["rules"]
            ),
            metrics={str(k): float(v) for k, v in data["metrics"].items()},
            next_scene=data["next"],
            ending_id=data["ending"],
            chance_index=data["chance"],
            roll=data["roll"],
            outcome_deltas={str(k): float(v) for k, v in data.get("outcome_deltas", {}).items()},
            shown=_ids(data.get("shown", [])),
        )


def _ids(value: object) -> tuple[str, ...]:
    """A list of ids read from JSON; TypeError for anything else (a save's damage is reported as such)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError("a list of choice ids was expected")
    return tuple(value)


def _sound_outcome(outcome: Outcome) -> bool:
    """True when every number an outcome holds is finite (a save could carry ``Infinity`` or ``NaN``) and its
    chance index and destinations have the right types."""
    if not all(v is None or isinstance(v, str) for v in (outcome.next_scene, outcome.ending_id)):
        return False
    if outcome.chance_index is not None and (type(outcome.chance_index) is not int or outcome.chance_index < 0):
        return False
    numbers = [
        *outcome.deltas.values(),
        *outcome.outcome_deltas.values(),
        *outcome.metrics.values(),
        outcome.decided_at,
    ]
    numbers += [value for firing in outcome.rules for value in firing.deltas.values()]
    if outcome.roll is not None:
        numbers.append(outcome.roll)
    return all(isinstance(n, (int, float)) and math.isfinite(n) for n in numbers)


def _numbers(values: dict[str, float]) -> dict[str, float | int]:
    """Whole numbers as ints, so JSON reads ``-1500`` rather than ``-1500.0``."""
    return {k: int(v) if float(v).is_integer() else round(v, 6) for k, v in values.items()}


class _Driver:
    """The model the ``transitions`` machine drives; kept apart so choice ids never clash with Session names.

    Its ``state`` (the machine's current state: a scene or an ending) is read from the playthrough's last
    ``State``, the one copy of where the player is. The machine changes it only by committing a step (its
    ``before`` callback appends the new state); undo, rewind and restore change the list of states and so the
    machine's state with it, with nothing to keep in sync.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def state(self) -> str:
        """The node of the session's current state."""
        return self._session._states[-1].node

    @state.setter
    def state(self, value: str) -> None:
        if value != self._session._states[-1].node:  # the machine moves only where the committed step went
            raise RuntimeError(f"the state machine moved to '{value}' without a step that leads there")


#: The trigger of a choice: ``choose_<choice id>`` (so ``may_choose_<id>`` asks whether it is offered now).
TRIGGER_PREFIX = "choose_"


class Session:
    """One playthrough: current scene, available choices, ``choose``, undo, and JSON saves."""

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        self.scenario = scenario
        self.seed = int(seed)
        self._states: list[State] = [initial_state(scenario)]
        self._orders: list[tuple[str, ...]] = [self._order_of(self._states[0])]  # one per state
        self.history: list[Outcome] = []
        self._move: Move | None = None  # the move being made: settled by prepare_event, routed by conditions
        self._driver = _Driver(self)
        self._built: set[str] = set()  # the nodes whose transitions the machine has
        self._machine = Machine(
            model=self._driver,
            states=[self._states[0].node],
            initial=self._states[0].node,
            auto_transitions=False,
            send_event=True,
            prepare_event=self._settle,
            finalize_event=self._forget,
        )

    # -- the machine ---------------------------------------------------------------------------------
    # Scenes and endings are its states, added as the playthrough reaches them (a scenario can have 20,000
    # scenes; a playthrough visits a few dozen). Each choice of a scene is a trigger whose transitions are
    # tried in order: the endings with a condition, then the choice's routing (one per branch, in order, or
    # one per chance outcome, or its single destination). Every transition is guarded by the choice's own
    # condition; the routing ones also by the branch's condition or the outcome drawn. ``prepare_event``
    # settles the move (effects, chance outcome, rules: ``rules.prepare_move``), so the conditions read the
    # values after it, as ``rules.route`` does for the explorers; ``before`` commits the step.
    def _ensure(self, node: str) -> None:
        """Give the machine the transitions out of ``node`` (and the states they lead to), once."""
        if node in self._built:
            return
        self._built.add(node)
        machine, scenario = self._machine, self.scenario
        if node not in machine.states:  # a restored save's state
            machine.add_states([node])
        scene = scenario.scene(node)
        if scene is None:  # an ending: nothing leaves it
            return
        conditional = [(e.id, e.when) for e in scenario.endings if e.when is not None]
        targets = (t for c in scene.choices for t in c.targets())
        reached = dict.fromkeys([*(e for e, _ in conditional), *targets])
        machine.add_states([n for n in reached if n not in machine.states])
        for choice in scene.choices:
            guard = self._guard(choice.id)
            trigger = TRIGGER_PREFIX + choice.id
            routes: list[tuple[str, Any]] = [(ending_id, self._holds(when)) for ending_id, when in conditional]
            next_ = choice.next
            if isinstance(next_, Goto):
                routes.append((next_.target, None))
            elif isinstance(next_, Branches):
                last = len(next_.branches) - 1
                routes += [
                    (b.target, None if b.when is None or k == last else self._holds(b.when))
                    for k, b in enumerate(next_.branches)
                ]
            else:
                routes += [(o.target, self._drawn(k)) for k, o in enumerate(next_.outcomes)]
            for dest, condition in routes:
                machine.add_transition(
                    trigger,
                    node,
                    dest,
                    conditions=[guard] if condition is None else [guard, condition],
                    before=self._commit,
                )

    def _guard(self, choice_id: str) -> Any:
        """The condition every transition of a choice carries: the choice's own, on the state before it."""

        def offered(_event: Any) -> bool:
            choice = self.scenario.choice(choice_id)
            return choice is not None and self._offered(choice)

        return offered

    def _offered(self, choice: Choice) -> bool:
        """True when ``choice``'s condition holds now: the machine's guard (``_guard``) and the choice lists."""
        return choice_available(self.scenario, self._states[-1], choice)

    def _holds(self, when: Condition) -> Any:
        """A routing condition: ``when`` (a branch's or a conditional ending's) on the values after the move."""

        def holds(_event: Any) -> bool:
            assert self._move is not None
            return bool(when(self._move.env))

        return holds

    def _drawn(self, index: int) -> Any:
        """A routing condition: chance drew outcome ``index``."""

        def drawn(_event: Any) -> bool:
            assert self._move is not None
            return self._move.chance_index == index

        return drawn

    def _settle(self, event: Any) -> None:
        """``prepare_event``: the move's effects, chance outcome and rules, before any condition routes it."""
        choice = self.scenario.choice(event.event.name[len(TRIGGER_PREFIX) :])
        assert choice is not None
        state = self._states[-1]
        move = self._move
        if move is None or move.before is not state or move.choice is not choice:  # ``may_`` prepares per route
            self._move = prepare_move(self.scenario, state, choice, self.seed)

    def _forget(self, _event: Any) -> None:
        """``finalize_event``: the move is made or refused; nothing of it is kept."""
        self._move = None

    def _commit(self, event: Any) -> None:
        """``before`` of every transition: the routed move becomes the next state and an ``Outcome``."""
        move = self._move
        assert move is not None
        dest = event.transition.dest
        taken = arrive(move, dest, dest if self.scenario.ending(dest) is not None else None)
        choice = move.choice
        shown = tuple(c.id for c in self.shown_choices())
        self._states.append(taken.state)
        self._orders.append(self._order_of(taken.state))
        self.history.append(
            Outcome(
                turn=taken.state.turn,
                scene_id=move.before.node,
                choice_id=choice.id,
                style=choice.style,
                deltas=taken.deltas,
                rules=taken.rules,
                metrics=taken.state.metric_dict(),
                next_scene=None if taken.ending_id else taken.state.node,
                ending_id=taken.ending_id,
                chance_index=taken.chance_index,
                roll=taken.roll,
                decided_at=time.time(),
                outcome_deltas=taken.outcome_deltas,
                shown=shown,
            )
        )

    def _order_of(self, state: State) -> tuple[str, ...]:
        """The order the choices of ``state``'s scene are shown in (nothing after an ending)."""
        scene = None if state.ended else self.scenario.scene(state.node)
        return () if scene is None else shown_order(scene, self.seed, state.turn)

    # -- reading -------------------------------------------------------------------------------------
    @property
    def state(self) -> State:
        """The current state (immutable)."""
        return self._states[-1]

    @property
    def finished(self) -> bool:
        """True once an ending is reached."""
        return self.state.ended

    @property
    def scene(self) -> Scene | None:
        """The scene the player is in, or None after the ending."""
        return None if self.finished else self.scenario.scene(self.state.node)

    @property
    def ending(self) -> Ending | None:
        """The ending reached, or None while playing."""
        return self.scenario.ending(self.state.node) if self.finished else None

    @property
    def metrics(self) -> dict[str, float]:
        """Current metric values."""
        return self.state.metric_dict()

    @property
    def flags(self) -> frozenset[str]:
        """Flags set now."""
        return self.state.flags

    @property
    def turn(self) -> int:
        """How many choices have been made."""
        return self.state.turn

    @property
    def states(self) -> tuple[State, ...]:
        """Every state of the playthrough: the start, then the state after each choice of ``history``."""
        return tuple(self._states)

    def available_choices(self) -> list[Choice]:
        """The choices offered now, in file order (what the rules see; a front end shows ``shown_choices``):
        those whose transitions' guard holds."""
        scene = self.scene
        if scene is None:
            return []
        return [c for c in scene.choices if self._offered(c)]

    def shown_choices(self) -> list[Choice]:
        """The choices offered now, in the order they are shown: number ``n`` on screen is item ``n - 1``."""
        scene = self.scene
        if scene is None:
            return []
        found = (scene.choice(choice_id) for choice_id in self._orders[-1])
        return [c for c in found if c is not None and self._offered(c)]

    def allows(self, choice_id: str) -> bool:
        """Asks the state machine whether ``choice_id`` can be made now (its ``may_`` trigger): False for a
        choice of another scene, one whose condition does not hold, or after the ending."""
        self._ensure(self.state.node)
        may = getattr(self._driver, f"may_{TRIGGER_PREFIX}{choice_id}", None)
        return bool(may is not None and may())

    @property
    def order(self) -> tuple[str, ...]:
        """The ids of every choice of the current scene in shown order, offered now or not (empty after the end)."""
        return self._orders[-1]

    def resolve_choice(self, wanted: str | int) -> Choice:
        """A choice from its id or its 1-based number in the shown order (``shown_choices``)."""
        choice = self._find(wanted)
        if not self._offered(choice):
            raise self._not_offered(choice.id)
        return choice

    def _find(self, wanted: str | int) -> Choice:
        """The choice ``wanted`` names in the current scene (a number counts among those shown), offered now or
        not; ChoiceNotAvailable when there is none."""
        if self.finished:
            raise ChoiceNotAvailable(str(wanted), [], "cannot be made", "ended")
        text = str(wanted).strip()
        if text.isdigit():
            available = self.shown_choices()
            number = int(text)
            if 1 <= number <= len(available):
                return available[number - 1]
            ids = [c.id for c in available]
            raise ChoiceNotAvailable(text, ids, f"is not a number between 1 and {len(available)}", "range")
        scene = self.scene
        found = None if scene is None else scene.choice(text)
        if found is None:
            ids = [c.id for c in self.shown_choices()]
            raise ChoiceNotAvailable(text, ids, f"does not exist in scene '{self.state.node}'", "unknown")
        return found

    def _not_offered(self, choice_id: str) -> ChoiceNotAvailable:
        ids = [c.id for c in self.shown_choices()]
        return ChoiceNotAvailable(choice_id, ids, "is not available now (its condition does not hold)", "unavailable")

    # -- acting --------------------------------------------------------------------------------------
    def choose(self, wanted: str | int) -> Outcome:
        """Make a choice (by id or 1-based number) and return what it did. The state machine makes it: a
        choice whose condition does not hold is refused by its transitions' guard."""
        choice = self._find(wanted)
        self._ensure(self.state.node)
        if not self._driver.trigger(TRIGGER_PREFIX + choice.id):  # type: ignore[attr-defined]
            raise self._not_offered(choice.id)
        return self.history[-1]

    def undo(self) -> Outcome | None:
        """Take back the last choice; returns it, or None at the start. The machine's state follows: it is the
        last state's scene."""
        if not self.history:
            return None
        self._states.pop()
        self._orders.pop()
        return self.history.pop()

    def rewind(self, turns: int) -> None:
        """Go back to the state after ``turns`` choices (0 = the start)."""
        while len(self.history) > max(turns, 0):
            self.undo()

    def with_scenario(self, scenario: Scenario) -> Session:
        """The same playthrough shown with another version of the scenario (e.g. another language).

        The scenario must have the same content hash: only its text may differ.
        """
        if scenario.content_hash != self.scenario.content_hash or scenario.id != self.scenario.id:
            raise SaveError("the scenario's rules differ; only its language may change during play")
        self.scenario = scenario
        return self

    # -- saves ---------------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """Versioned JSON of the state only: scenario id and hash, seed, states and history."""
        return {
            "save_version": SAVE_VERSION,
            "scenario": self.scenario.id,
            "content_hash": self.scenario.content_hash,
            "seed": self.seed,
            "states": [_state_json(s) for s in self._states],
            "orders": [list(order) for order in self._orders],
            "history": [o.to_json() | {"decided_at": o.decided_at} for o in self.history],
        }

    @classmethod
    def from_json(cls, scenario: Scenario, data: dict[str, Any]) -> Session:
        """Restore a session saved by ``to_json``; raises SaveError with a clear reason."""
        if not isinstance(data, dict):
            raise SaveError("the save is not a JSON object")
        version = data.get("save_version")
        if type(version) is not int or version < 0 or version > SAVE_VERSION:
            raise SaveError(f"the save has version {version!r}; this game reads up to version {SAVE_VERSION}")
        if data.get("scenario") != scenario.id:
            raise SaveError(f"the save is for scenario '{data.get('scenario')}', not '{scenario.id}'")
        if data.get("content_hash") != scenario.content_hash:
            raise SaveError("the scenario file changed since this save was made")
        seed = data.get("seed")
        if type(seed) is not int or not -MAX_SEED < seed < MAX_SEED:
            raise SaveError("the save is damaged (its seed is not a whole number of a sane size)")
        raw_states, raw_history = data.get("states"), data.get("history")
        if not isinstance(raw_states, list) or not isinstance(raw_history, list):
            raise SaveError("the save is damaged (no states or history)")
        if len(raw_history) > MAX_SAVED_STEPS or len(raw_states) > MAX_SAVED_STEPS + 1:
            raise SaveError(f"the save is damaged (more than {MAX_SAVED_STEPS:,} steps)")  # checked before reading
        try:
            session = cls(scenario, seed)
            states = [_state_from_json(s) for s in raw_states]
            history = [Outcome.from_json(h) for h in raw_history]
            for outcome, raw in zip(history, raw_history, strict=True):
                object.__setattr__(outcome, "decided_at", float(raw.get("decided_at", 0.0)))
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:  # Overflow: "seed": Infinity
            raise SaveError(f"the save is damaged ({exc.__class__.__name__}: {exc})") from None
        if len(states) != len(history) + 1 or not states:
            raise SaveError("the save is damaged (history and states disagree)")
        if not all(_sound_outcome(outcome) for outcome in history) or not all(
            _metric_possible(scenario, k, v) for outcome in history for k, v in outcome.metrics.items()
        ):
            raise SaveError("the save is damaged (its history holds a value that cannot be right)")
        metric_ids = [m.id for m in scenario.metrics]
        flag_ids, rule_ids = set(scenario.flags), {r.id for r in scenario.rules}
        for state in states:
            if scenario.scene(state.node) is None and scenario.ending(state.node) is None:
                raise SaveError(f"the save refers to '{state.node}', which the scenario does not have")
            # a state the rules could not have made would fail later, in play (an effect on a missing metric)
            if sorted(k for k, _ in state.metrics) != sorted(metric_ids) or not all(
                _metric_possible(scenario, k, v) for k, v in state.metrics
            ):
                raise SaveError("the save is damaged (its metrics do not match the scenario or are out of bounds)")
            if state.ended != (scenario.ending(state.node) is not None):
                raise SaveError("the save is damaged (it says ended where the scenario does not, or the reverse)")
            if not (state.flags <= flag_ids and state.fired <= rule_ids):
                raise SaveError("the save is damaged (it names flags or rules the scenario does not have)")
        session._states = states
        session._orders = _orders_of(session, data.get("orders") if version >= 3 else None)
        session.history = [
            outcome if version >= 2 else _split_chance_part(scenario, session.seed, before, outcome)
            for outcome, raw, before in zip(history, data["history"], states, strict=False)
        ]
        session.history = [  # saved before orders were: what each choice was offered among, in the drawn order
            outcome if outcome.shown else dataclasses.replace(outcome, shown=_shown_at(scenario, before, order))
            for outcome, before, order in zip(session.history, states, session._orders, strict=False)
        ]
        return session


def _metric_possible(scenario: Scenario, metric_id: str, value: float) -> bool:
    """True when a playthrough of ``scenario`` could hold ``value`` for the metric: finite, inside the metric's
    bounds (values are clamped to them), and not absurdly large."""
    metric = scenario.metric(metric_id)
    if metric is None or not isinstance(value, (int, float)) or not math.isfinite(value) or abs(value) > MAX_METRIC:
        return False
    return metric.clamp(value) == value


def _orders_of(session: Session, saved: object) -> list[tuple[str, ...]]:
    """The shown order of each of ``session``'s states: as saved, or drawn from the seed when the save has none
    (an older save: the drawn order is the one it showed). SaveError when a saved order does not fit its state."""
    if saved is None:
        return [session._order_of(state) for state in session._states]
    if not isinstance(saved, list) or len(saved) != len(session._states):
        raise SaveError("the save is damaged (its choice orders do not match its states)")
    orders = []
    for state, order in zip(session._states, saved, strict=True):
        scene = None if state.ended else session.scenario.scene(state.node)
        if not (order == [] if scene is None else is_order_of(scene, order)):
            raise SaveError(f"the save is damaged (its order of the choices in '{state.node}' is not theirs)")
        orders.append(tuple(order))
    return orders


def _shown_at(scenario: Scenario, state: State, order: tuple[str, ...]) -> tuple[str, ...]:
    """The ids of the choices offered in ``state``, in ``order``."""
    choices = (scenario.choice(choice_id) for choice_id in order)
    return tuple(c.id for c in choices if c is not None and choice_available(scenario, state, c))


def _split_chance_part(scenario: Scenario, seed: int, before: State, outcome: Outcome) -> Outcome:
    """An outcome saved before chance outcomes had deltas of their own holds the choice's and the outcome's
    added up in ``deltas``: the step is made again from the saved state before it, with the saved outcome, to
    tell them apart. The outcome stays as saved unless the two parts add up to what was saved."""
    choice = scenario.choice(outcome.choice_id)
    index = outcome.chance_index
    if choice is None or index is None or not isinstance(choice.next, Chance) or before.node != outcome.scene_id:
        return outcome
    if index >= len(choice.next.outcomes) or not choice.next.outcomes[index].effects:
        return outcome
    again = step(scenario, before, choice, seed, choice.next.outcomes[index].target, index)
    added = total_deltas(again.deltas, (again.outcome_deltas,))
    saved = {k: v for k, v in outcome.deltas.items() if v}
    if added.keys() != saved.keys() or any(abs(added[k] - saved[k]) > 1e-6 for k in saved):
        return outcome
    return dataclasses.replace(outcome, deltas=again.deltas, outcome_deltas=again.outcome_deltas)


def _state_json(state: State) -> dict[str, Any]:
    return {
        "node": state.node,
        # exact, not _numbers' 6 decimals: 0.1 + 0.2 saved as 0.3 made `x > 0.3` change its mind after a load
        "metrics": {k: int(v) if float(v).is_integer() else v for k, v in state.metrics},
        "flags": sorted(state.flags),
        "fired": sorted(state.fired),
        "turn": state.turn,
        "ended": state.ended,
    }


def _state_from_json(data: dict[str, Any]) -> State:
    return State(
        node=str(data["node"]),
        metrics=tuple((str(k), float(v)) for k, v in data["metrics"].items()),
        flags=frozenset(str(f) for f in data["flags"]),
        fired=frozenset(str(f) for f in data["fired"]),
        turn=int(data["turn"]),
        ended=bool(data["ended"]),
    )
