"""Exhaustive exploration of a scenario's rules: every distinct reachable state, visited once.

A state is the scene (or ending), the metric values, the flags, the rules already fired (only those with
``once: true`` matter) and, when a condition reads it, the turn. Identical states are merged, so loops
terminate. From every state each available choice is taken; a chance choice is taken once per outcome, with
``rules.step(..., target, outcome)`` forcing that outcome (its own effects included). The result is a
``StateGraph``: states in breadth-first order (so the parent chain of any state is a shortest path to it), and
the edges with the probability a uniformly random player takes them (each available choice equally likely,
chance outcomes weighted by ``p``).
``game.authoring.explore_summary`` analyses the graph; ``game.authoring.explore_report`` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.authoring.findings import Move, Progress, move, outcomes_of, reads_turn
from game.authoring.findings import menus as scene_menus
from game.core.gcpause import gc_paused
from game.core.model import Choice, Scenario
from game.core.rules import State, env_of, initial_state, next_state, step

DEFAULT_MAX_STATES = 1_000_000
_NONE: frozenset[str] = frozenset()


@dataclass
class StateGraph:
    """Every distinct reachable state and the moves between them.

    ``edges`` of state ``i`` are at ``offsets[i]:offsets[i + 1]`` of ``children``, ``weights`` (probability
    under uniformly random play), ``labels`` (index into ``choices``) and ``outcomes`` (chance outcome index,
    or -1). Only the first ``expanded`` states were expanded; when ``complete`` is False the state limit
    stopped the search and the rest are a frontier with unknown futures.
    """

    scenario: Scenario
    choices: list[Choice]
    states: list[State] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    via: list[int] = field(default_factory=list)  # edge index that first reached the state
    offsets: list[int] = field(default_factory=lambda: [0])
    children: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    outcomes: list[int] = field(default_factory=list)
    soft_locks: list[int] = field(default_factory=list)
    offered: set[str] = field(default_factory=set)
    complete: bool = True
    max_states: int = DEFAULT_MAX_STATES

    @property
    def expanded(self) -> int:
        """How many states had their moves explored."""
        return len(self.offsets) - 1

    def edges(self, index: int) -> range:
        """The edge indices leaving state ``index`` (empty for endings and unexplored states)."""
        if index >= self.expanded:
            return range(0)
        return range(self.offsets[index], self.offsets[index + 1])

    def path_to(self, index: int) -> list[int]:
        """The edge indices of the shortest path from the start to state ``index``."""
        path: list[int] = []
        while self.parent[index] >= 0:
            path.append(self.via[index])
            index = self.parent[index]
        path.reverse()
        return path

    def moves(self, edges: list[int]) -> list[Move]:
        """A path of edge indices as plain data: each choice, its chance outcome, and where it led."""
        return [
            move(self.choices[self.labels[edge]], self.outcomes[edge], self.states[self.children[edge]].node)
            for edge in edges
        ]


def explore(
    scenario: Scenario, max_states: int = DEFAULT_MAX_STATES, progress: Progress | None = None, every: int = 65_536
) -> StateGraph:
    """Visit every distinct reachable state of ``scenario`` (up to ``max_states``) breadth first; ``progress``,
    when given, is told every ``every`` states expanded.

    The cyclic garbage collector is paused meanwhile: the search only adds long-lived, acyclic objects, and
    the collector's repeated walks over millions of them would otherwise take as long as the search itself.
    """
    with gc_paused():
        return _explore(scenario, max_states, progress, max(every, 1))


def _explore(scenario: Scenario, max_states: int, progress: Progress | None, every: int) -> StateGraph:
    """The search. A state is its own key: when no condition reads ``turn``, every state is stored with turn 0
    (its parent is stepped from turn -1), and rules that may fire again are dropped from ``fired``."""
    choices = [c for s in scenario.scenes for c in s.choices]
    graph = StateGraph(scenario, choices, max_states=max_states)
    keep_turn = reads_turn(scenario)
    repeatable = frozenset(r.id for r in scenario.rules if not r.once)
    flag_ids = scenario.flags
    menus = scene_menus(scenario)
    offered = bytearray(len(choices))
    start = initial_state(scenario)
    states = graph.states
    states.append(start)
    index: dict[State, int] = {start: 0}
    parent, via, offsets = graph.parent, graph.via, graph.offsets
    children, weights, labels, outcomes = graph.children, graph.weights, graph.labels, graph.outcomes
    parent.append(-1)
    via.append(-1)
    current = 0
    while current < len(states):
        if progress is not None and current % every == 0:
            progress(len(states), current, 0, 0)
        state = states[current]
        menu = None if state.ended else menus.get(state.node)
        if menu is not None:
            env = env_of(state, flag_ids)
            available = [item for item in menu if item[2] is None or item[2](env)]
            if not available:
                graph.soft_locks.append(current)
            share = 1.0 / len(available) if available else 0.0
            base = state if keep_turn else state._replace(turn=-1)
            for choice, number, _when, moves in available:
                offered[number] = 1
                for target, p, outcome in moves:
                    child = next_state(scenario, base, choice, target, outcome=outcome)
                    if child.ended:  # nothing follows an ending: it is its ending and its metrics
                        child = child._replace(flags=_NONE, fired=_NONE, turn=0)
                    elif repeatable and child.fired & repeatable:
                        child = child._replace(fired=child.fired - repeatable)
                    found = index.get(child)
                    if found is None:
                        if len(states) >= max_states:
                            graph.complete = False
                            graph.offered = {c.id for c, flag in zip(choices, offered, strict=True) if flag}
                            return graph
                        found = len(states)
                        index[child] = found
                        states.append(child)
                        parent.append(current)
                        via.append(len(children))
                    children.append(found)
                    weights.append(share * p)
                    labels.append(number)
                    outcomes.append(outcome)
        offsets.append(len(children))
        current += 1
    graph.offered = {c.id for c, flag in zip(choices, offered, strict=True) if flag}
    return graph


@dataclass
class CoachLine:
    """The coach's path: the ``best: true`` choice wherever one is offered (else the first offered one).

    ``moves`` follow the likeliest outcome of each chance; ``endings`` is the probability of each ending when
    the coach's choices are played and chance decides the rest. ``unguided`` lists scenes where no best
    choice was offered.
    """

    moves: list[dict[str, object]] = field(default_factory=list)
    ending: str | None = None
    metrics: dict[str, float] = field(default_factory=dict)
    endings: dict[str, float] = field(default_factory=dict)
    unguided: list[str] = field(default_factory=list)


def _coach_choice(scenario: Scenario, state: State) -> tuple[Choice | None, bool]:
    scene = scenario.scene(state.node)
    if scene is None or state.ended:
        return None, False
    env = env_of(state, scenario.flags)
    available = [c for c in scene.choices if c.when is None or c.when(env)]
    best = next((c for c in available if c.best), None)
    return (best, True) if best else (available[0] if available else None, False)


def coach_line(scenario: Scenario, max_turns: int = 1_000) -> CoachLine:
    """Play the coach's choices: the likeliest line, and the chance of each ending under the coach."""
    line = CoachLine()
    state = initial_state(scenario)
    for _turn in range(max_turns):
        choice, guided = _coach_choice(scenario, state)
        if choice is None:
            break
        if not guided and state.node not in line.unguided:
            line.unguided.append(state.node)
        target, p, outcome = max(outcomes_of(choice), key=lambda move: move[1])  # first of the likeliest
        state = step(scenario, state, choice, 0, target, outcome).state
        move: dict[str, object] = {"scene": scenario.scene_of_choice(choice.id).id, "choice": choice.id}  # type: ignore[union-attr]
        move |= {"style": choice.style, "best": guided, "to": state.node}
        if outcome >= 0:
            move |= {"chance": outcome, "p": p}
        line.moves.append(move)
        if state.ended:
            break
    line.ending = state.node if state.ended else None
    line.metrics = state.metric_dict()
    layer: dict[State, float] = {initial_state(scenario): 1.0}
    for _turn in range(max_turns):
        following: dict[State, float] = {}
        for current, mass in layer.items():
            choice, _guided = _coach_choice(scenario, current)
            if choice is None:
                continue
            for target, p, k in outcomes_of(choice):
                child = step(scenario, current, choice, 0, target, k).state
                if child.ended:
                    line.endings[child.node] = line.endings.get(child.node, 0.0) + mass * p
                else:
                    following[child] = following.get(child, 0.0) + mass * p
        layer = following
        if not layer:
            break
    return line
