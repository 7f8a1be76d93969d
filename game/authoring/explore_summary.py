"""What the explored state graph says: per ending reachability, paths, probability and metrics; best and worst
paths; soft locks; loops with no way out; choices never offered; and the coach's path.

Probabilities are those of a uniformly random player (each available choice equally likely, chance outcomes
weighted by ``p``), computed exactly on the graph: in topological order when it has no cycle, and per
strongly connected component otherwise (mass circulating in a loop is iterated until what is left is below
1e-12; mass in a loop with no exit never ends). Paths are counted with big integers; a path that can pass
through a loop makes the count unbounded (``None``).
"""

from __future__ import annotations

from array import array

from game.authoring.explore import StateGraph
from game.authoring.findings import RATING_RANK, Findings, SoftLock, Terminal, new_endings, score

EPSILON = 1e-12


def topological(graph: StateGraph) -> list[int] | None:
    """States in an order where every edge goes forward, or None when the graph has a cycle."""
    count = len(graph.states)
    indegree = [0] * count
    children, offsets, expanded = graph.children, graph.offsets, graph.expanded
    for child in children[: offsets[expanded]]:
        indegree[child] += 1
    order = [s for s in range(count) if indegree[s] == 0]
    for state in order:  # the list grows while we walk it
        if state >= expanded:
            continue
        for child in children[offsets[state] : offsets[state + 1]]:
            indegree[child] -= 1
            if indegree[child] == 0:
                order.append(child)
    return order if len(order) == count else None


def components(graph: StateGraph) -> list[list[int]]:
    """Strongly connected components in topological order (Tarjan, iterative)."""
    count = len(graph.states)
    low = array("q", bytes(8 * count))
    number = array("q", [-1]) * count
    on_stack = bytearray(count)
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(count):
        if number[root] >= 0:
            continue
        work = [(root, iter(graph.edges(root)))]
        number[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        while work:
            node, edges = work[-1]
            advanced = False
            for edge in edges:
                child = graph.children[edge]
                if number[child] < 0:
                    number[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = 1
                    work.append((child, iter(graph.edges(child))))
                    advanced = True
                    break
                if on_stack[child]:
                    low[node] = min(low[node], number[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == number[node]:
                component: list[int] = []
                while True:
                    member = stack.pop()
                    on_stack[member] = 0
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
    found.reverse()
    return found


def flow(graph: StateGraph, order: list[int] | None) -> tuple[list[float], list[int | None], float]:
    """Probability of reaching each state, number of paths to it (None: unbounded), and mass lost in loops.

    ``order`` is ``topological(graph)`` (None when the graph has a cycle).
    """
    count = len(graph.states)
    prob = [0.0] * count
    paths: list[int | None] = [0] * count
    prob[0], paths[0] = 1.0, 1
    children, weights = graph.children, graph.weights
    if order is not None:
        offsets, expanded = graph.offsets, graph.expanded
        for state in order:
            if state >= expanded:
                continue
            p, n = prob[state], paths[state]
            for edge in range(offsets[state], offsets[state + 1]):
                child = children[edge]
                prob[child] += p * weights[edge]
                m = paths[child]
                paths[child] = None if m is None or n is None else m + n
        return prob, paths, 0.0
    lost = 0.0
    for component in components(graph):
        members = set(component)
        looping = len(component) > 1 or any(children[e] == component[0] for e in graph.edges(component[0]))
        if looping:
            for state in component:
                paths[state] = None
        inflow = {s: prob[s] for s in component}
        visits = dict.fromkeys(component, 0.0)
        wave = dict(inflow)
        exits = sum(1 for s in component for e in graph.edges(s) if children[e] not in members)
        if looping and exits == 0:
            if component[0] < graph.expanded and graph.edges(component[0]):
                lost += sum(inflow.values())  # a loop with no way out: this mass never ends
            continue
        for _round in range(100_000):
            if sum(wave.values()) < EPSILON:
                break
            following: dict[int, float] = {}
            for state, mass in wave.items():
                visits[state] += mass
                for edge in graph.edges(state):
                    child = children[edge]
                    if child in members:
                        following[child] = following.get(child, 0.0) + mass * weights[edge]
            wave = following
        leaving = 0.0
        for state in component:
            n = paths[state]
            for edge in graph.edges(state):
                child = children[edge]
                if child not in members:
                    share = visits[state] * weights[edge]
                    prob[child] += share
                    leaving += share
                    m = paths[child]
                    paths[child] = None if m is None or n is None else m + n
    return prob, paths, lost


def analyse(graph: StateGraph) -> Findings:
    """Compute every figure of the report from an explored graph."""
    scenario = graph.scenario
    order = topological(graph)
    prob, paths, lost = flow(graph, order)
    endings = new_endings(scenario)
    sums: dict[str, dict[str, float]] = {}
    best: tuple[float, float, int] | None = None  # (rating rank, score, -index): higher is better
    worst: tuple[float, float, int] | None = None  # (rating rank, score, index): lower is worse
    unexplored = 0.0
    for index, state in enumerate(graph.states):
        if not state.ended:
            if index >= graph.expanded:
                unexplored += prob[index]
            continue
        stats = endings[state.node]
        metrics = dict(state.metrics)
        if not stats.reachable:
            stats.reachable = True
            stats.shortest = graph.moves(graph.path_to(index))
            stats.metrics = {k: (v, 0.0, v) for k, v in metrics.items()}
            sums[stats.id] = dict.fromkeys(metrics, 0.0)
        stats.states += 1
        stats.probability += prob[index]
        n = paths[index]
        stats.paths = None if n is None or stats.paths is None else stats.paths + n
        for key, value in metrics.items():
            low, mean, high = stats.metrics[key]
            stats.metrics[key] = (min(low, value), mean, max(high, value))
            sums[stats.id][key] += value * prob[index]
        rating, points = RATING_RANK[stats.rating], score(scenario, metrics)
        if best is None or (rating, points, -index) > best:
            best = (rating, points, -index)
        if worst is None or (rating, points, index) < worst:
            worst = (rating, points, index)
    for stats in endings.values():
        if stats.reachable and stats.probability > 0:
            stats.metrics = {
                k: (low, sums[stats.id][k] / stats.probability, high) for k, (low, _m, high) in stats.metrics.items()
            }
    stuck = _stuck(graph, order)
    reached = {s.node for s in graph.states}
    position = {s.id: i for i, s in enumerate(scenario.scenes)}
    soft: dict[str, list[int]] = {}
    for index in sorted(graph.soft_locks, key=lambda i: position[graph.states[i].node]):
        soft.setdefault(graph.states[index].node, []).append(index)
    return Findings(
        scenario=scenario,
        method="graph",
        complete=graph.complete,
        max_states=graph.max_states,
        states=len(graph.states),
        expanded=sum(1 for state in graph.states[: graph.expanded] if not state.ended),
        endings=endings,
        best=None if best is None else _terminal(graph, -best[2]),
        worst=None if worst is None else _terminal(graph, worst[2]),
        soft_locks=[SoftLock(scene, len(found), graph.moves(graph.path_to(found[0]))) for scene, found in soft.items()],
        stuck_states=len(stuck),
        stuck_scenes=sorted({graph.states[i].node for i in stuck}),
        never_ends=lost + sum(prob[i] for i in graph.soft_locks),
        unexplored=unexplored,
        never_offered=[c.id for c in graph.choices if c.id not in graph.offered and graph.complete],
        scenes_never_reached=[s.id for s in scenario.scenes if s.id not in reached] if graph.complete else [],
        peak_states=len(graph.states),
        stopped_at="" if graph.complete else f"depth {len(graph.path_to(graph.expanded - 1)) if graph.expanded else 0}",
    )


def _terminal(graph: StateGraph, index: int) -> Terminal:
    state = graph.states[index]
    ending = graph.scenario.ending(state.node)
    return Terminal(state.node, ending.rating if ending else "", dict(state.metrics), graph.moves(graph.path_to(index)))


def _stuck(graph: StateGraph, order: list[int] | None) -> list[int]:
    """Soft locks, and the states caught in a loop from which no ending can be reached.

    States that merely lead only to those are not counted: the soft lock or the loop is the problem to fix.
    """
    if not graph.complete or order is not None:  # incomplete: loops unknown; no cycle: nothing caught in a loop
        return sorted(graph.soft_locks)
    parents: dict[int, list[int]] = {}
    for state in range(graph.expanded):
        for edge in graph.edges(state):
            parents.setdefault(graph.children[edge], []).append(state)
    good = bytearray(len(graph.states))
    queue = [i for i, s in enumerate(graph.states) if s.ended]
    for i in queue:
        good[i] = 1
    for state in queue:
        for prev in parents.get(state, ()):
            if not good[prev]:
                good[prev] = 1
                queue.append(prev)
    looping = set(graph.soft_locks)
    for component in components(graph):
        first = component[0]
        if len(component) > 1 or any(graph.children[e] == first for e in graph.edges(first)):
            looping.update(component)
    return [i for i in range(len(graph.states)) if not good[i] and i in looping]
