"""Graph checks on a loaded scenario: unreachable scenes, dead ends, endings never reached, traps."""

from __future__ import annotations

from collections import deque

from game.authoring.diagnostics import DiagnosticBag
from game.core.model import Scenario


def successors(scenario: Scenario) -> dict[str, set[str]]:
    """Scene id -> every scene or ending its choices can lead to (ignoring conditions)."""
    return {scene.id: {t for c in scene.choices for t in c.targets()} for scene in scenario.scenes}


def reachable(scenario: Scenario) -> set[str]:
    """Every scene and ending some path from the start can reach, ignoring conditions."""
    graph = successors(scenario)
    seen = {scenario.start}
    queue = deque([scenario.start])
    while queue:
        node = queue.popleft()
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    # An ending with a condition can end the game after any choice.
    seen.update(e.id for e in scenario.conditional_endings)
    return seen


def check_graph(scenario: Scenario, bag: DiagnosticBag) -> None:
    """Record S501-S504 for the scenario's graph."""
    graph = successors(scenario)
    seen = reachable(scenario)
    for scene in scenario.scenes:
        if scene.id not in seen:
            bag.add(
                "S501",
                f"scene '{scene.id}' can't be reached from the start '{scenario.start}'",
                scene.pos,
                hint="lead a choice to it, or delete it",
            )
        if not scene.choices:
            bag.add(
                "S502",
                f"scene '{scene.id}' has no choices and is not an ending",
                scene.pos,
                hint="add choices, or move it under endings:",
            )
    targeted = {t for targets in graph.values() for t in targets}
    for ending in scenario.endings:
        if ending.when is None and ending.id not in targeted:
            bag.add(
                "S503",
                f"ending '{ending.id}' is never reached: no choice leads to it and it has no condition",
                ending.pos,
            )
    # Scenes from which no ending can be reached (cycles with no exit).
    reverse: dict[str, set[str]] = {}
    for source, targets in graph.items():
        for target in targets:
            reverse.setdefault(target, set()).add(source)
    can_end = {e.id for e in scenario.endings}
    queue = deque(can_end)
    while queue:
        node = queue.popleft()
        for prev in reverse.get(node, ()):
            if prev not in can_end:
                can_end.add(prev)
                queue.append(prev)
    for scene in scenario.scenes:
        if scene.choices and scene.id not in can_end and scene.id in seen:
            bag.add(
                "S504",
                f"no ending can be reached from scene '{scene.id}': its choices only loop",
                scene.pos,
                hint="give the loop a way out to an ending",
            )
