"""`sticky explore` output: a readable table for authors, and plain data for tools (``--json``)."""

from __future__ import annotations

from typing import Any

from game.authoring.explore import CoachLine
from game.authoring.findings import Findings, Terminal
from game.authoring.messages import counted, percent_es, word
from game.authoring.strategy_report import lines as strategy_lines
from game.authoring.strategy_report import strategies, warnings
from game.core.format import format_number, format_value
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


def _path_text(moves: list[dict[str, object]], lang: str | None = None) -> str:
    parts = []
    for move in moves:
        text = str(move["choice"])
        if "chance" in move:
            p = float(str(move.get("p", 0)))
            text += f" [{word('x.chance', lang)} {f'{p:.0%}' if lang in (None, 'en') else percent_es(p, 0)}]"
        parts.append(text)
    return " → ".join(parts) + f" → {moves[-1]['to']}" if moves else word("x.no_choice", lang)


def _metrics_text(scenario: Scenario, values: dict[str, Any], lang: str | None = None) -> str:
    shown = []
    for metric in scenario.metrics:
        if metric.id in values:
            shown.append(f"{metric.id} {format_value(float(values[metric.id]), metric, lang or 'en')}")
    return ", ".join(shown)


def table(data: dict[str, Any], scenario: Scenario, path: str, lang: str | None = None) -> str:
    """The readable report of ``to_json``'s data, its words in ``lang`` (ids and figures as they are)."""

    def w(key: str, **values: object) -> str:
        return word(key, lang, **values)

    def route(moves: list[dict[str, object]]) -> str:
        return _path_text(moves, lang)

    def n(value: float) -> str:
        return f"{value:,}" if lang in (None, "en") else format_number(value, lang)

    def pct(value: float, digits: int = 1) -> str:
        return f"{value:.{digits}%}" if lang in (None, "en") else percent_es(value, digits)

    lines = [f"{path}: {scenario.title}"]
    status = w("x.complete") if data["complete"] else w("x.stopped", limit=n(data["max_states"]))
    how = w("x.by_scene", peak=n(data["peak_states"])) if data["method"] == "scenes" else w("x.whole_graph")
    seconds = f"{data['seconds']:.2f}" if lang in (None, "en") else format_number(data["seconds"], lang, 2)
    lines.append(w("x.states", states=n(data["states"]), how=how, seconds=seconds, status=status))
    lines.append("")
    heads = [w(k) for k in ("x.h_ending", "x.h_rating", "x.h_reached", "x.h_paths", "x.h_random", "x.h_shortest")]
    width = max([len(e) for e in data["endings"]] + [len(heads[0])])
    cols = [max(len(heads[1]), 6), max(len(heads[2]), 7), max(len(heads[3]), 11), max(len(heads[4]), 11)]
    lines.append(
        f"  {heads[0]:<{width}}  {heads[1]:<{cols[0]}}  {heads[2]:<{cols[1]}}  {heads[3]:<{cols[2]}}  "
        f"{heads[4]:<{cols[3]}}  {heads[5]}"
    )
    for ending_id, e in data["endings"].items():
        paths = w("x.unbounded") if e["paths_unbounded"] else n(e["paths"])
        reached = w("x.yes") if e["reachable"] else w("x.NO") if data["complete"] else w("x.not_yet")
        shortest = counted("x.choices", lang, len(e["shortest"]), path=route(e["shortest"])) if e["reachable"] else "-"
        lines.append(
            f"  {ending_id:<{width}}  {e['rating']:<{cols[0]}}  {reached:<{cols[1]}}  {paths:<{cols[2]}}  "
            f"{pct(e['probability']):>{cols[3] - 1}}   {shortest}"
        )
    lines.append("")
    lines.append(w("x.metrics_at"))
    for ending_id, e in data["endings"].items():
        if not e["reachable"]:
            continue
        parts = []
        for metric in scenario.metrics:
            m = e["metrics"].get(metric.id)
            if m:
                low, mean, high = (format_value(float(m[k]), metric, lang or "en") for k in ("min", "mean", "max"))
                parts.append(f"{metric.id} {low} / {mean} / {high}")
        lines.append(f"    {ending_id}: " + "; ".join(parts))
    lines.append("")
    for label in ("best", "worst"):
        found = data[label]
        if found:
            lines.append(
                w(f"x.{label}_path", ending=found["ending"], rating=found["rating"], path=route(found["path"]))
            )
            lines.append(w("x.ends_with", metrics=_metrics_text(scenario, found["metrics"], lang)))
    coach = data["coach"]
    lines.append(w("x.coach_path", path=route(coach["path"])))
    odds = ", ".join(f"{k} {pct(v, 0)}" for k, v in coach["endings"].items())
    lines.append(
        w("x.coach_ends", metrics=_metrics_text(scenario, coach["metrics"], lang), odds=odds or w("x.no_ending"))
    )
    if coach["unguided"]:
        lines.append(w("x.unguided", scenes=", ".join(coach["unguided"])))
    lines.append("")
    if "strategies" in data:
        lines.extend(strategy_lines(data["strategies"], data["warnings"], lang))
        lines.append("")
    problems = 0
    for lock in data["soft_locks"]:
        problems += 1
        lines.append(w("x.soft_lock", scene=lock["scene"], states=counted("x.states", lang, lock["states"])))
        lines.append(w("x.way_there", path=route(lock["path"])))
    trapped = data["stuck_states"] - sum(lock["states"] for lock in data["soft_locks"])
    if trapped > 0:
        problems += 1
        locked = {lock["scene"] for lock in data["soft_locks"]}
        looping = [scene for scene in data["stuck_scenes"] if scene not in locked] or data["stuck_scenes"]
        lines.append(counted("x.loop", lang, trapped, scenes=", ".join(looping)))
    if data["never_ends"] > 0:
        lines.append(w("x.never_ends", share=pct(data["never_ends"])))
    if data["never_offered"]:
        problems += 1
        lines.append(w("x.never_offered", choices=", ".join(data["never_offered"])))
    if data["scenes_never_reached"]:
        problems += 1
        lines.append(w("x.scenes_never", scenes=", ".join(data["scenes_never_reached"])))
    unreached = [k for k, e in data["endings"].items() if not e["reachable"] and data["complete"]]
    if unreached:
        problems += 1
        lines.append(w("x.endings_never", endings=", ".join(unreached)))
    if not problems and data["complete"]:
        lines.append(w("x.all_well"))
    if not data["complete"]:
        where = (
            w("x.depth", depth=data["stopped_at"][6:])
            if str(data["stopped_at"]).startswith("depth ")
            else w("x.stopped_in", scene=data["stopped_at"])
        )
        lines.append(w("x.incomplete", limit=n(data["max_states"]), where=where, share=pct(data["unexplored"])))
    return "\n".join(lines)
