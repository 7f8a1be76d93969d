"""`sticky explore` output: a readable table for authors, and plain data for tools (``--json``)."""

from __future__ import annotations

from typing import Any

from game.authoring.explore import CoachLine, StateGraph
from game.authoring.paths import Analysis
from game.core.format import format_value
from game.core.model import Scenario


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 6)


def _moves(graph: StateGraph, edges: list[int]) -> list[dict[str, object]]:
    out = []
    for edge in edges:
        move = graph.step_of(edge)
        if "chance" in move:
            choice = graph.choices[graph.labels[edge]]
            move["p"] = choice.next.outcomes[graph.outcomes[edge]].probability  # type: ignore[union-attr]
        out.append(move)
    return out


def _terminal(analysis: Analysis, index: int | None) -> dict[str, Any] | None:
    if index is None:
        return None
    graph = analysis.graph
    state = graph.states[index]
    ending = graph.scenario.ending(state.node)
    return {
        "ending": state.node,
        "rating": ending.rating if ending else None,
        "metrics": {k: _number(v) for k, v in state.metrics},
        "path": _moves(graph, graph.path_to(index)),
    }


def to_json(analysis: Analysis, coach: CoachLine, seconds: float) -> dict[str, Any]:
    """Everything as plain data."""
    graph = analysis.graph
    soft: dict[str, list[int]] = {}
    for index in graph.soft_locks:
        soft.setdefault(graph.states[index].node, []).append(index)
    return {
        "scenario": graph.scenario.id,
        "complete": graph.complete,
        "max_states": graph.max_states,
        "states": len(graph.states),
        "expanded": graph.expanded,
        "seconds": round(seconds, 3),
        "depth": len(graph.path_to(graph.expanded - 1)) if graph.expanded else 0,
        "endings": {
            e.id: {
                "rating": e.rating,
                "reachable": e.reachable,
                "paths": e.paths,
                "paths_unbounded": e.paths is None,
                "probability": round(e.probability, 9),
                "states": e.states,
                "metrics": {
                    k: {"min": _number(lo), "mean": round(mean, 3), "max": _number(hi)}
                    for k, (lo, mean, hi) in e.metrics.items()
                },
                "shortest": _moves(graph, e.shortest) if e.reachable else None,
            }
            for e in analysis.endings.values()
        },
        "best": _terminal(analysis, analysis.best),
        "worst": _terminal(analysis, analysis.worst),
        "soft_locks": [
            {"scene": scene, "states": len(found), "path": _moves(graph, graph.path_to(found[0]))}
            for scene, found in soft.items()
        ],
        "stuck_states": len(analysis.stuck),
        "stuck_scenes": sorted({graph.states[i].node for i in analysis.stuck}),
        "never_ends": round(analysis.never_ends, 9),
        "unexplored": round(analysis.unexplored, 9),
        "never_offered": analysis.never_offered,
        "scenes_never_reached": analysis.scenes_never_reached,
        "coach": {
            "path": coach.moves,
            "ending": coach.ending,
            "metrics": {k: _number(v) for k, v in coach.metrics.items()},
            "endings": {k: round(v, 9) for k, v in coach.endings.items()},
            "unguided": coach.unguided,
        },
    }


def _path_text(moves: list[dict[str, object]]) -> str:
    parts = []
    for move in moves:
        text = str(move["choice"])
        if "chance" in move:
            text += f" [chance {float(str(move.get('p', 0))):.0%}]"
        parts.append(text)
    return " → ".join(parts) + f" → {moves[-1]['to']}" if moves else "(no choice)"


def _metrics_text(scenario: Scenario, values: dict[str, Any]) -> str:
    shown = []
    for metric in scenario.metrics:
        if metric.id in values:
            shown.append(f"{metric.id} {format_value(float(values[metric.id]), metric)}")
    return ", ".join(shown)


def table(data: dict[str, Any], scenario: Scenario, path: str) -> str:
    """The readable report of ``to_json``'s data."""
    lines = [f"{path}: {scenario.title}"]
    status = "complete" if data["complete"] else f"STOPPED at the limit of {data['max_states']:,} states"
    lines.append(f"  {data['states']:,} distinct states, {data['seconds']:.2f} s, {status}")
    lines.append("")
    width = max([len(e) for e in data["endings"]] + [6])
    lines.append(f"  {'ending':<{width}}  rating  reached  paths        random play  shortest path")
    for ending_id, e in data["endings"].items():
        paths = "unbounded" if e["paths_unbounded"] else f"{e['paths']:,}"
        reached = "yes" if e["reachable"] else "NO" if data["complete"] else "not yet"
        shortest = f"{len(e['shortest'])} choice(s): {_path_text(e['shortest'])}" if e["reachable"] else "-"
        lines.append(
            f"  {ending_id:<{width}}  {e['rating']:<6}  {reached:<7}  {paths:<11}  {e['probability']:>10.1%}"
            f"   {shortest}"
        )
    lines.append("")
    lines.append("  metrics at each ending (min / mean under random play / max):")
    for ending_id, e in data["endings"].items():
        if not e["reachable"]:
            continue
        parts = []
        for metric in scenario.metrics:
            m = e["metrics"].get(metric.id)
            if m:
                low, mean, high = (format_value(float(m[k]), metric) for k in ("min", "mean", "max"))
                parts.append(f"{metric.id} {low} / {mean} / {high}")
        lines.append(f"    {ending_id}: " + "; ".join(parts))
    lines.append("")
    for label in ("best", "worst"):
        found = data[label]
        if found:
            lines.append(f"  {label} path ({found['ending']}, {found['rating']}): {_path_text(found['path'])}")
            lines.append(f"    ends with {_metrics_text(scenario, found['metrics'])}")
    coach = data["coach"]
    lines.append(f"  coach's path: {_path_text(coach['path'])}")
    odds = ", ".join(f"{k} {v:.0%}" for k, v in coach["endings"].items())
    lines.append(f"    ends with {_metrics_text(scenario, coach['metrics'])}; with chance: {odds or 'no ending'}")
    if coach["unguided"]:
        lines.append(f"    no best choice offered in: {', '.join(coach['unguided'])}")
    lines.append("")
    problems = 0
    for lock in data["soft_locks"]:
        problems += 1
        lines.append(f"  SOFT LOCK in scene '{lock['scene']}' ({lock['states']} state(s)): no choice is available")
        lines.append(f"    shortest way there: {_path_text(lock['path'])}")
    if data["stuck_states"] > len(data["soft_locks"]) and data["stuck_scenes"]:
        problems += 1
        lines.append(
            f"  LOOP WITH NO WAY OUT: {data['stuck_states']} state(s) can never reach an ending, in scenes "
            + ", ".join(data["stuck_scenes"])
        )
    if data["never_ends"] > 0:
        lines.append(f"  a random player never finishes {data['never_ends']:.1%} of the time")
    if data["never_offered"]:
        problems += 1
        lines.append(f"  choices never offered: {', '.join(data['never_offered'])}")
    if data["scenes_never_reached"]:
        problems += 1
        lines.append(f"  scenes never reached: {', '.join(data['scenes_never_reached'])}")
    unreached = [k for k, e in data["endings"].items() if not e["reachable"] and data["complete"]]
    if unreached:
        problems += 1
        lines.append(f"  endings never reached: {', '.join(unreached)}")
    if not problems and data["complete"]:
        lines.append("  no soft locks, every scene, ending and choice is reachable")
    if not data["complete"]:
        lines.append(
            f"  INCOMPLETE: the search stopped at {data['max_states']:,} states (every path up to "
            f"{data['depth']} choices was followed); the figures cover only that part. Raise --max-states to go "
            "further (about 1 GB of memory per million states)."
        )
    return "\n".join(lines)
