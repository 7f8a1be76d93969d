"""The strategy table of `sticky explore` and the guessability warnings both `explore` and `check` give.

``strategies`` runs the cheap walks of ``game.authoring.strategies`` and returns plain data (the ``strategies``
key of ``sticky explore --json``); ``lines`` prints it as the table's section; ``warnings`` turns it into the
S823 (a fixed strategy reaches the best ending) and S824 (a decision phase cannot change the ending) findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.authoring.messages import localize, percent_es, phrase, word
from game.authoring.strategies import (
    DEFAULT_MAX_STATES,
    Policy,
    Reach,
    coach,
    decision_phases,
    fixed_order_scenes,
    fixed_strategies,
    has_best_ending,
    phase_badly,
    press_k,
    walk,
    widest,
)
from game.core.format import format_number
from game.core.model import Scenario


def _reach(reach: Reach, label: str) -> dict[str, Any]:
    return {
        "label": label,
        "endings": {k: round(v, 9) for k, v in reach.endings.items()},
        "best_rating": reach.best_rating,
        "worst_rating": reach.worst_rating,
        "p_best": round(reach.p_best, 9),
        "path": reach.path,
        "never_ends": round(reach.never_ends, 9),
        "complete": reach.complete,
    }


def strategies(
    scenario: Scenario,
    p_random: float | None = None,
    max_states: int = DEFAULT_MAX_STATES,
    total: int | None = None,
) -> dict[str, Any]:
    """Every strategy walk as plain data. ``p_random``: random play's probability of a ``best``-rated ending,
    from full exploration (``None`` leaves out the random and shuffled rows: `sticky check` does not explore);
    ``max_states``: the state limit of each walk; ``total``, when given, of all the walks together (a scene with
    hundreds of choices means hundreds of "always option k" walks)."""
    left = [total]

    def run(policy: Policy) -> Reach:
        limit = max_states if left[0] is None else min(max_states, left[0])
        reach = walk(scenario, policy, limit)
        if left[0] is not None:
            left[0] = max(left[0] - reach.states, 0)
        return reach

    data: dict[str, Any] = {"fixed": {}}
    for key, (label, policy) in fixed_strategies(scenario).items():
        data["fixed"][key] = _reach(run(policy), label)
    data["coach"] = _reach(run(coach), "coach's best")
    if p_random is not None:
        data["random"] = {"p_best": round(p_random, 9)}
        data["shuffled"] = {
            "fixed_order_scenes": sorted(fixed_order_scenes(scenario)),
            "press": [
                {"k": found.k, "p_best": round(found.p_best, 9), "exact": found.exact, "runs": found.runs}
                for found in (press_k(scenario, k, p_random, max_states) for k in range(1, widest(scenario) + 1))
            ],
        }
    data["phases"] = {}
    for phase in decision_phases(scenario):
        reach = run(phase_badly(phase))
        row = _reach(reach, f"{phase} played badly, the rest as the coach")
        row["scenes"] = [s.id for s in scenario.scenes if s.phase == phase]
        row["bad_moves"] = reach.bad_moves
        row["best_reachable"] = reach.best_rating == "best"
        data["phases"][phase] = row
    return data


@dataclass(frozen=True)
class Warning:
    """One guessability warning: its code, message and hint, and what it is about (``ending`` or ``scene``,
    and an id) so that `sticky check` can point at it."""

    code: str
    message: str
    hint: str
    kind: str
    id: str


def path_text(moves: list[dict[str, object]], lang: str | None = None) -> str:
    """A path as its choice ids and where it ends: ``a → b [chance 75%] → ending`` (``[azar 75 %]`` in
    Spanish)."""
    parts = [str(m["choice"]) + (f" [{_chance(float(str(m['p'])), lang)}]" if "chance" in m else "") for m in moves]
    return " → ".join(parts + ([str(moves[-1]["to"])] if moves else [])) if moves else "-"


def _chance(p: float, lang: str | None) -> str:
    return f"chance {p:.0%}" if lang in (None, "en") else f"{word('x.chance', lang)} {percent_es(p, 0)}"


def warnings(scenario: Scenario, data: dict[str, Any]) -> list[Warning]:
    """S823 for the fixed strategies that can reach a ``best``-rated ending, S824 for each decision phase that can
    be played badly and still reach one. Nothing when the scenario has no ``best``-rated ending."""
    if not has_best_ending(scenario):
        return []
    found = []
    winners = [row for row in data["fixed"].values() if row["best_rating"] == "best"]
    if winners:
        ending = str(winners[0]["path"][-1]["to"])
        names = ", ".join(str(row["label"]) for row in winners)
        found.append(
            Warning(
                "S823",
                f"a strategy that needs no thought reaches the best-rated ending '{ending}': {names}; "
                f"e.g. {path_text(winners[0]['path'])}",
                "make the strongest choice impossible to guess from its place, length or tone; "
                "`sticky explore` shows every strategy",
                "ending",
                ending,
            )
        )
    for phase, row in data["phases"].items():
        if row["best_reachable"]:
            ending = row["path"][-1]["to"]
            message = (
                f"playing every '{phase}' scene badly (the rest as the coach) still reaches the best-rated ending "
                f"'{ending}': {path_text(row['path'])}"
                if row["bad_moves"]
                else f"no '{phase}' scene the coach's way passes offers anything but the best choice, so '{phase}' "
                f"cannot change the ending: {path_text(row['path'])}"
            )
            found.append(
                Warning(
                    "S824",
                    message,
                    f"make what the learner decides at '{phase}' set state that the best ending requires",
                    "scene",
                    row["scenes"][0],
                )
            )
    return found


def percent(value: float, lang: str | None = None) -> str:
    """A probability as a percentage: one decimal, or two significant digits below 1 % (0.063%), so that a small
    figure is not rounded into another one; in Spanish the RAE way (``0,063 %``)."""
    text = f"{value * 100:.2g}%" if 0 < value < 0.01 else f"{value:.1%}"
    if lang in (None, "en"):
        return text
    return text.replace(",", "\u202f").replace(".", ",").replace("%", " %")


def lines(data: dict[str, Any], found: list[dict[str, Any]], lang: str | None = None) -> list[str]:
    """The strategy section of `sticky explore`'s table: ``data`` as ``strategies`` gives it, ``found`` the
    warnings as plain data (``code``, ``message``); the words in ``lang`` (ids and figures as they are)."""

    def w(key: str, **values: object) -> str:
        return word(key, lang, **values)

    rows = [*data["fixed"].values(), data["coach"]]
    labels = [phrase(str(row["label"]), lang) for row in rows]
    heads = [w("s.h_strategy"), w("s.h_best"), w("s.h_worst")]
    width = max(len(label) for label in [*labels, heads[0]])
    out = [w("s.title")]
    out.append(f"    {heads[0]:<{width}}  {heads[1]:<6}  {heads[2]:<6}  P(best)  {w('s.h_path')}")
    for row, label in zip(rows, labels, strict=True):
        best, worst = row["best_rating"] or "-", row["worst_rating"] or "-"
        chance = percent(row["p_best"], lang)
        out.append(f"    {label:<{width}}  {best:<6}  {worst:<6}  {chance:>7}  {path_text(row['path'], lang)}")
    if "random" in data:
        out.append(f"    {w('s.random'):<{width}}  {'':<6}  {'':<6}  {percent(data['random']['p_best'], lang):>7}")
    if "shuffled" in data:
        fixed = data["shuffled"]["fixed_order_scenes"]
        how = w("s.fixed_in", scenes=", ".join(fixed)) if fixed else w("s.no_fixed")
        out.append(w("s.shuffled", how=how))
        for row in data["shuffled"]["press"]:
            note = "" if row["exact"] else w("s.estimated", runs=format_number(row["runs"], lang or "en"))
            diff = row["p_best"] - data["random"]["p_best"]
            compared = w("s.same") if abs(diff) < 5e-10 else w("s.above") if diff > 0 else w("s.below")
            out.append(
                w(
                    "s.press",
                    k=row["k"],
                    p=percent(row["p_best"], lang),
                    note=note,
                    compared=compared,
                    random=percent(data["random"]["p_best"], lang),
                )
            )
    if data["phases"]:
        out.append(w("s.phases"))
        pad = max(len(p) for p in data["phases"])
        for phase, row in data["phases"].items():
            verdict = w("s.YES") if row["best_reachable"] else w("s.no")
            reached = w("s.reached", best=row["best_rating"] or w("x.no_ending"), worst=row["worst_rating"] or "-")
            tail = w("s.eg", path=path_text(row["path"], lang)) if row["best_reachable"] else ""
            out.append(w("s.phase_row", phase=f"{phase:<{pad}}", verdict=f"{verdict:<3}", reached=reached, tail=tail))
    for warning in found:
        out.append(w("s.warning", code=warning["code"], message=localize(warning["message"], lang)))
    return out
