"""Strategy walks and the guessability warnings (S820-S824) on two small scenarios whose figures are worked out
by hand: tests/data/guessable.yaml and tests/data/well-designed.yaml (the same story, four decision scenes:
cost_hours, cost_others, limit, power; endings top (best), fine (good), bust (bad)).

guessable: the best is written first, is the longest and the only assertive choice in every decision scene.
name_value (power, only when 'limited', set by state_limit) leads to top 75 % / fine 25 %; hedge -> fine;
storm -> bust. The cost scenes change nothing that matters. Random play: 1/3 (state_limit) * 1/3 (name_value
among three) * 3/4 = 1/12.

well-designed: name_value needs 'limited' and 'counted' (set by count_hours or ask_team) and is written last;
random play: P(counted) = 1 - 2/3 * 1/2 = 2/3, then 1/3 * 1/3 * 3/4: 1/18.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.authoring.guesslint import decision_scenes
from game.authoring.lint import check_file
from game.authoring.strategies import (
    assertive,
    coach,
    longest,
    option_k,
    phase_badly,
    press_k,
    walk,
)
from game.authoring.strategy_report import strategies, warnings
from game.core.model import Scenario
from tests.authoring.scenarios import load, replay
from tests.conftest import ROOT, SCENARIOS

DATA = ROOT / "tests" / "data"
GUESSABLE = DATA / "guessable.yaml"
WELL = DATA / "well-designed.yaml"


def scenario_of(path: Path) -> Scenario:
    return load(path.read_text(encoding="utf-8"), str(path))


def ids(path: list[dict[str, object]]) -> list[str]:
    return [str(m["choice"]) for m in path]


def sticky(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


WIN = ["count_hours", "weigh_others", "state_limit", "name_value"]


def test_guessable_fixed_strategies_every_figure() -> None:
    scenario = scenario_of(GUESSABLE)
    for policy in (option_k(1), longest, assertive, coach):
        reach = walk(scenario, policy)
        assert reach.endings == pytest.approx({"top": 0.75, "fine": 0.25})
        assert (reach.best_rating, reach.worst_rating, reach.p_best) == ("best", "good", 0.75)
        assert ids(reach.path) == WIN and reach.path[-1]["to"] == "top" and reach.path[-1]["p"] == 0.75
        assert reach.complete and reach.never_ends == 0
        assert replay(scenario, reach.path).node == "top"
    two = walk(scenario, option_k(2))  # shrug, forget, give_in; name_value is not offered: hedge, storm -> storm
    assert two.endings == {"bust": 1.0} and (two.best_rating, two.worst_rating, two.p_best) == ("bad", "bad", 0.0)
    assert ids(two.path) == ["shrug", "forget", "give_in", "storm"]
    three = walk(scenario, option_k(3))  # snap, forget (the last of two), threaten, storm (the last of two)
    assert ids(three.path) == ["snap", "forget", "threaten", "storm"] and three.endings == {"bust": 1.0}


def test_guessable_phases_played_badly() -> None:
    scenario = scenario_of(GUESSABLE)
    cost = walk(scenario, phase_badly("cost"))  # shrug|snap, then forget: the cost counts for nothing
    assert cost.endings == pytest.approx({"top": 0.75, "fine": 0.25}) and cost.best_rating == "best"
    assert ids(cost.path) == ["shrug", "forget", "state_limit", "name_value"] and cost.bad_moves == 3
    limits = walk(scenario, phase_badly("limits"))  # give_in|threaten, then the coach's fallback: hedge
    assert limits.endings == {"fine": 1.0} and (limits.best_rating, limits.worst_rating) == ("good", "good")
    assert limits.bad_moves == 2
    power = walk(scenario, phase_badly("power"))  # hedge or storm, each half the time
    assert power.endings == pytest.approx({"fine": 0.5, "bust": 0.5})
    assert (power.best_rating, power.worst_rating, power.p_best) == ("good", "bad", 0.0)


def test_well_designed_no_strategy_wins_and_every_phase_counts() -> None:
    scenario = scenario_of(WELL)
    expected = {
        1: (["snap", "ask_team", "give_in", "hedge"], {"fine": 1.0}),
        2: (["count_hours", "forget", "threaten", "storm"], {"bust": 1.0}),
        3: (["bluster", "forget", "state_limit", "storm"], {"bust": 1.0}),  # not counted: name_value not offered
    }
    for k, (path, endings) in expected.items():
        reach = walk(scenario, option_k(k))
        assert (ids(reach.path), reach.endings, reach.p_best) == (path, endings, 0.0), k
    assert ids(walk(scenario, longest).path) == ["bluster", "forget", "threaten", "hedge"]
    assert ids(walk(scenario, assertive).path) == ["count_hours", "forget", "threaten", "hedge"]
    best = walk(scenario, coach)
    assert ids(best.path) == ["count_hours", "ask_team", "state_limit", "name_value"] and best.p_best == 0.75
    for phase, worst in (("cost", "good"), ("limits", "good"), ("power", "bad")):
        reach = walk(scenario, phase_badly(phase))
        assert (reach.best_rating, reach.worst_rating, reach.p_best) == ("good", worst, 0.0), phase


def test_pressing_k_in_a_shuffled_order_is_random_play_unless_the_order_is_fixed() -> None:
    scenario = scenario_of(GUESSABLE)
    assert press_k(scenario, 1, 1 / 12).p_best == 1 / 12  # no scene fixes its order: any place is a random pick
    every = frozenset(s.id for s in scenario.scenes)
    assert [press_k(scenario, k, 1 / 12, fixed=every).p_best for k in (1, 2, 3)] == [0.75, 0.0, 0.0]
    # only 'limit' fixed: press 1 there (state_limit), a uniform pick elsewhere: 1/3 (name_value) * 3/4
    one = press_k(scenario, 1, 1 / 12, fixed=frozenset({"limit"}))
    assert one.exact and one.p_best == pytest.approx(0.25)
    assert press_k(scenario, 2, 1 / 12, fixed=frozenset({"limit"})).p_best == 0.0
    estimated = press_k(scenario, 1, 1 / 12, max_states=1, runs=2_000, fixed=frozenset({"limit"}))
    assert not estimated.exact and estimated.runs == 2_000 and estimated.p_best == pytest.approx(0.25, abs=0.04)


def test_check_warns_on_the_guessable_scenario_only() -> None:
    found = [(d.code, d.pos.line) for d in check_file(GUESSABLE).diagnostics]
    lines = GUESSABLE.read_text(encoding="utf-8").splitlines()

    def line_of(start: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if line.startswith(start))

    scenes, first, top = line_of("scenes:"), line_of("  cost_hours:"), line_of("  top: {rating: best")
    expected = [("S820", scenes), ("S821", scenes), ("S822", scenes), ("S823", top), ("S824", first)]
    assert sorted(found) == sorted(expected)
    messages = {d.code: d.message for d in check_file(GUESSABLE).diagnostics}
    assert "longest choice in 4 of 4 decision scenes" in messages["S820"]
    assert "'assertive' in all 4 decision scenes" in messages["S821"]
    assert "written first in 4 of 4 decision scenes" in messages["S822"]
    assert messages["S823"].startswith(
        "a strategy that needs no thought reaches the best-rated ending 'top': always option 1 (written order), "
        "always the longest text, always the first assertive; e.g. count_hours → weigh_others → state_limit → "
        "name_value [chance 75%] → top"
    )
    assert messages["S824"].startswith("playing every 'cost' scene badly (the rest as the coach) still reaches")
    assert check_file(WELL).diagnostics == []
    assert len(decision_scenes(scenario_of(WELL))) == 4


def test_explore_json_and_table_on_both(tmp_path: Path) -> None:
    data = json.loads(sticky("explore", "--json", str(GUESSABLE)).stdout)
    walks = data["strategies"]
    assert set(walks) == {"fixed", "coach", "random", "shuffled", "phases"}
    assert list(walks["fixed"]) == ["option_1", "option_2", "option_3", "longest", "assertive"]
    row = walks["fixed"]["option_1"]
    assert row["label"] == "always option 1 (written order)" and row["endings"] == {"top": 0.75, "fine": 0.25}
    assert (row["best_rating"], row["worst_rating"], row["p_best"], row["complete"]) == ("best", "good", 0.75, True)
    assert walks["random"]["p_best"] == pytest.approx(1 / 12, abs=1e-9)
    assert walks["shuffled"]["fixed_order_scenes"] == []
    assert [(p["k"], p["exact"], p["runs"]) for p in walks["shuffled"]["press"]] == [
        (1, True, 0),
        (2, True, 0),
        (3, True, 0),
    ]
    assert all(p["p_best"] == walks["random"]["p_best"] for p in walks["shuffled"]["press"])
    cost = walks["phases"]["cost"]
    assert cost["best_reachable"] is True and cost["scenes"] == ["cost_hours", "cost_others"] and cost["bad_moves"] == 3
    assert [walks["phases"][p]["best_reachable"] for p in ("limits", "power")] == [False, False]
    assert [w["code"] for w in data["warnings"]] == ["S823", "S824"]
    well = json.loads(sticky("explore", "--json", str(WELL)).stdout)
    assert well["warnings"] == [] and well["strategies"]["random"]["p_best"] == pytest.approx(1 / 18, abs=1e-9)
    assert all(r["best_rating"] != "best" for r in well["strategies"]["fixed"].values())
    table = sticky("explore", str(GUESSABLE)).stdout.splitlines()
    for line in (
        "    strategy                         best    worst   P(best)  a path to its best",
        "    always option 1 (written order)  best    good      75.0%  count_hours → weigh_others → state_limit → "
        "name_value [chance 75%] → top",
        "    always option 2 (written order)  bad     bad        0.0%  shrug → forget → give_in → storm → bust",
        "    random play                                         8.3%",
        "  with the shown order shuffled (no scene fixes its order), always pressing the same number:",
        "    press 1: P(best) 8.3%, the same as random play (8.3%)",
        "    limits  still reaches a best-rated ending: no   (best reachable: good, worst: good)",
    ):
        assert line in table, "\n".join(table)
    assert any(line.startswith("  warning S824: playing every 'cost' scene badly") for line in table)


def test_strategies_only_is_the_same_walks_without_exploring() -> None:
    quick = json.loads(sticky("explore", "--strategies", "--json", str(GUESSABLE)).stdout)
    full = json.loads(sticky("explore", "--json", str(GUESSABLE)).stdout)
    assert set(quick) == {"scenario", "strategies", "warnings"} and quick["warnings"] == full["warnings"]
    assert quick["strategies"]["fixed"] == full["strategies"]["fixed"]
    assert quick["strategies"]["phases"] == full["strategies"]["phases"]
    assert "random" not in quick["strategies"] and "shuffled" not in quick["strategies"]
    text = sticky("explore", "--strategies", str(GUESSABLE)).stdout.splitlines()
    assert text[0] == f"{GUESSABLE}: The rush job (guessable)" and "random play" not in "\n".join(text)


SHIPPED = sorted(p for p in SCENARIOS.glob("*.yaml") if p.name.count(".") == 1)


def well_formed(walks: dict[str, Any], scenario: Scenario) -> None:
    """A strategy table as the JSON promises, whatever today's verdicts: the writers are changing them."""
    widest = max(len(s.choices) for s in scenario.scenes)
    assert list(walks["fixed"]) == [f"option_{k}" for k in range(1, widest + 1)] + ["longest", "assertive"]
    ratings = {e.id: e.rating for e in scenario.endings}
    for row in [*walks["fixed"].values(), walks["coach"], *walks["phases"].values()]:
        assert (
            row["complete"] and row["endings"] and sum(row["endings"].values()) == pytest.approx(1 - row["never_ends"])
        )
        assert row["best_rating"] in ratings.values() and row["worst_rating"] in ratings.values()
        best = sum(p for e, p in row["endings"].items() if ratings[e] == "best")
        assert row["p_best"] == pytest.approx(best, abs=1e-8)
        end = replay(scenario, row["path"])
        assert end.ended and ratings[end.node] == row["best_rating"]
    assert list(walks["phases"]) == ["cost", "limits", "power"]
    for phase, row in walks["phases"].items():
        assert row["best_reachable"] == (row["best_rating"] == "best") and row["scenes"]
        assert all(scenario.scene(s).phase == phase for s in row["scenes"])  # type: ignore[union-attr]


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_strategy_table_on_every_shipped_scenario(path: Path) -> None:
    """Today's verdicts are not asserted: the scenario writers are rewriting the scenarios to change them."""
    result = sticky("explore", "--strategies", "--json", str(path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    scenario = scenario_of(path)
    well_formed(data["strategies"], scenario)
    assert data["warnings"] == [
        {"code": w.code, "message": w.message, "hint": w.hint} for w in warnings(scenario, strategies(scenario))
    ]
    table = sticky("explore", "--strategies", str(path))
    assert table.returncode == 0 and "always option 1 (written order)" in table.stdout


def test_the_docs_tables_can_be_regenerated(tmp_path: Path) -> None:
    """tools/strategy_tables.py --quick writes a section per shipped scenario (the full run explores each one)."""
    out = tmp_path / "scenarios.md"
    result = subprocess.run(
        [sys.executable, "tools/strategy_tables.py", "--quick", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    for path in SHIPPED:
        scenario = scenario_of(path)
        assert f"## {scenario.id}: {scenario.title}\n" in text
    assert text.count("| strategy | best | worst | P(best) | a path to its best |") == len(SHIPPED)
    assert text.count("| phase | scenes | still reaches `best` | best | worst | e.g. |") == len(SHIPPED)


def test_a_phase_with_nothing_but_the_best_cannot_change_the_ending(tmp_path: Path) -> None:
    text = GUESSABLE.read_text(encoding="utf-8")
    only = text.replace(
        "      - {id: forget, text: They will not notice., style: passive, feedback: They will., next: limit}\n", ""
    )
    start = only.index("      - {id: shrug,")
    only = only[:start] + only[only.index("  cost_others:") :]  # cost_hours keeps count_hours alone
    path = tmp_path / "only.yaml"
    path.write_text(only, encoding="utf-8")
    messages = [d.message for d in check_file(path).diagnostics if d.code == "S824"]
    assert messages == [
        "no 'cost' scene the coach's way passes offers anything but the best choice, so 'cost' cannot change the "
        "ending: count_hours → weigh_others → state_limit → name_value [chance 75%] → top"
    ]
