"""`sticky explore` output: a readable table for authors, and plain data for tools (``--json``)."""

from __future__ import annotations

from typing import Any

from game.authoring.explore import CoachLine
from game.authoring.findings import Findings, Terminal
from game.authoring.strategy_report import lines as strategy_lines
from game.authoring.strategy_report import strategies, warnings
from game.core.format import format_value
from game.core.model import Scenario


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 6)


def _terminal(found: Terminal | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "ending": found.ending,
        "rating": found.rating,
        "metrics": {k: _number(v) for k, v in found.metrics.items()},
        "path": found.path,
    }


def to_json(findings: Findings, coach: CoachLine, seconds: float) -> dict[str, Any]:
    """Everything as plain data; ``strategies`` and ``warnings`` are the strategy walks and what they warn of
    (``game.authoring.strategy_report``)."""
    scenario = findings.scenario
    p_random = sum(e.probability for e in findings.endings.values() if e.rating == "best")
    walks = strategies(scenario, p_random)
    found = warnings(scenario, walks)
    return {
        "scenario": findings.scenario.id,
        "method": findings.method,
        "complete": findings.complete,
        "max_states": findings.max_states,
        "states": findings.states,
        "expanded": findings.expanded,
        "peak_states": findings.peak_states,
        "stopped_at": findings.stopped_at or None,
        "seconds": round(seconds, 3),
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
                "shortest": e.shortest if e.reachable else None,
            }
            for e in findings.endings.values()
        },
        "best": _terminal(findings.best),
        "worst": _terminal(findings.worst),
        "soft_locks": [{"scene": lock.scene, "states": lock.states, "path": lock.path} for lock in findings.soft_locks],
        "stuck_states": findings.stuck_states,
        "stuck_scenes": findings.stuck_scenes,
        "never_ends": round(findings.never_ends, 9),
        "unexplored": round(findings.unexplored, 9),
        "never_offered": findings.never_offered,
        "scenes_never_reached": findings.scenes_never_reached,
        "coach": {
            "path": coach.moves,
            "ending": coach.ending,
            "metrics": {k: _number(v) for k, v in coach.metrics.items()},
            "endings": {k: round(v, 9) for k, v in coach.endings.items()},
            "unguided": coach.unguided,
        },
        "strategies": walks,
        "warnings": [{"code": w.code, "message": w.message, "hint": w.hint} for w in found],
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
    how = (
        f"scene by scene, at most {data['peak_states']:,} held at once"
        if data["method"] == "scenes"
        else "the whole state graph in memory, since a choice can lead back to an earlier scene"
    )
    lines.append(f"  {data['states']:,} distinct states ({how}), {data['seconds']:.2f} s, {status}")
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
    if "strategies" in data:
        lines.extend(strategy_lines(data["strategies"], data["warnings"]))
        lines.append("")
    problems = 0
    for lock in data["soft_locks"]:
        problems += 1
        lines.append(f"  SOFT LOCK in scene '{lock['scene']}' ({lock['states']} state(s)): no choice is available")
        lines.append(f"    shortest way there: {_path_text(lock['path'])}")
    trapped = data["stuck_states"] - sum(lock["states"] for lock in data["soft_locks"])
    if trapped > 0:
        problems += 1
        locked = {lock["scene"] for lock in data["soft_locks"]}
        looping = [scene for scene in data["stuck_scenes"] if scene not in locked] or data["stuck_scenes"]
        lines.append(
            f"  LOOP WITH NO WAY OUT: {trapped} state(s) can never reach an ending, in scenes {', '.join(looping)}"
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
        where = (
            f"every path up to {data['stopped_at'][6:]} choices was followed"
            if str(data["stopped_at"]).startswith("depth ")
            else f"scene by scene, in an order where every choice leads forward: it stopped in '{data['stopped_at']}'"
        )
        lines.append(
            f"  INCOMPLETE: the search stopped at {data['max_states']:,} states ({where}); the figures cover "
            f"only that part and {data['unexplored']:.1%} of random play went further. Raise --max-states to go on."
        )
    return "\n".join(lines)
