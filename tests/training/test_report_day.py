"""The trainer's report on a realistic workshop day (tests/training/report_fixture.py): 28 playthroughs, two
cohorts, one room of eight voting. Learners are people, rooms are not; a room's votes are one group answer;
cohorts side by side, a page per learner, a roll-up per decision point; unknown selections are errors."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.core.debrief import build_debrief
from game.locale import phase_name
from game.training.record_store import Records, open_records
from game.training.replay import replay
from game.training.report import SelectionError, render_report
from game.training.report_data import build
from tests.training.helpers import sticky
from tests.training.report_fixture import MONDAY, ROOM, ROOM_SIZE, TUESDAY, scenario_paths, shipped, workshop_day


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Records]:
    """The recorded workshop day (built once for the module)."""
    records = open_records(tmp_path_factory.mktemp("day") / "data", auto_send=False)
    workshop_day(records)
    yield records
    records.close()


def text_of(page: str) -> str:
    """The page's visible text, tags dropped and entities decoded, spaces collapsed."""
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_day_has_28_playthroughs_and_one_room(day: Records) -> None:
    runs = day.playthroughs()
    assert len(runs) == 28 and sum(r.mode == "group" for r in runs) == 1


def test_rooms_are_not_learners(day: Records) -> None:
    report = build(day.playthroughs(), "en", scenario_paths())
    spa = next(s for s in report.scenarios if s.scenario_id == "spa-hotel")
    assert ROOM not in spa.learners and len(spa.learners) == 14  # six on Monday, eight on Tuesday
    assert ROOM not in [x.name for x in report.learners] and len(report.learners) == 14
    page = text_of(render_report(day.playthroughs(), "en", None, scenario_paths()))
    assert "14 Learners 1 Group sessions 2 Cohorts" in page  # the overview's tiles
    assert "16 Playthroughs 14 Learners 1 Group sessions" in page  # the spa scenario's: 8 + 8 individual


def test_a_room_is_one_group_answer_with_its_distribution(day: Records) -> None:
    report = build(day.playthroughs(), "en", scenario_paths())
    spa = next(s for s in report.scenarios if s.scenario_id == "spa-hotel")
    voted = [s for s in spa.scenes if s.room_votes]
    assert voted
    for scene in voted:
        assert scene.total_votes == ROOM_SIZE and [a.room for a in scene.room_votes] == [ROOM]
        assert scene.answers == scene.total + 1  # the room of eight is one answer, not eight or nine
        assert scene.total == sum(1 for v in spa.individual for c in v.record.choices if c.scene_id == scene.scene_id)
        best = scene.best
        assert best is not None
        expected = (best.count + best.votes / ROOM_SIZE) / (scene.total + 1)
        assert scene.best_share == pytest.approx(expected)
    page = text_of(render_report(day.playthroughs(), "en", MONDAY, scenario_paths(), "spa-hotel"))
    struggles = page.split("Where the group struggled most")[1].split("Average metrics")[0]
    found = re.findall(r"of (\d+) answers \((\d+) individual, (\d+) group\)", struggles)
    assert found and all(int(n) == int(i) + int(g) and g in "01" for n, i, g in found)
    assert all(int(n) <= 9 for n, _i, _g in found)  # eight learners' attempts on Monday, at most, plus the room
    assert f"{ROOM} (group, {ROOM_SIZE} votes):" in struggles


def test_cohorts_side_by_side_read_the_core_debrief(day: Records) -> None:
    runs = day.playthroughs()
    page = render_report(runs, "en", None, scenario_paths(), "broken-word")
    compare = text_of(page.split("Cohorts side by side")[1].split("</section>")[0])
    assert MONDAY in compare and TUESDAY in compare
    for row in ("Playthroughs 3 8", "Learners 3 8", "Overall score", "Define the cost", "Set the limits"):
        assert row in compare, row
    scenario = shipped("broken-word")
    for cohort in (MONDAY, TUESDAY):  # the mean overall score, straight from build_debrief
        debriefs = [
            build_debrief(replay(r, scenario).session)
            for r in runs
            if r.cohort == cohort and r.scenario_id == "broken-word"
        ]
        scores = [d.overall_score for d in debriefs if d.overall_score is not None]
        assert f"{round(100 * sum(scores) / len(scores))}%" in compare


def test_a_page_per_learner_with_attempts_and_commitments(day: Records) -> None:
    page = render_report(day.playthroughs(), "en", None, scenario_paths())
    ana = page.split('id="s-learner-ana"')[1].split("</section>")[0]
    rows = re.findall(r"<tr><td class=\"d\">", ana)
    assert len(rows) == 3  # two attempts at the spa scenario, one at the broken-word one
    text = text_of(ana)
    assert "Cohort MON-AM" in text and "The hotel wants a private wing 2" in text
    chart = ana.split('<div class="progress">')[1]  # a second attempt at a scenario: its progress chart
    assert chart.startswith('<p class="cap">The hotel wants a private wing</p><svg')
    assert "overall score at each attempt" in chart
    assert "The hotel wants a private wing (2): Tell the hotel on Friday that the quiet hours stay, in writing." in text
    assert page.count('class="card learner"') == 14


def test_a_rollup_per_decision_point_across_scenarios(day: Records) -> None:
    page = render_report(day.playthroughs(), "es", None, scenario_paths())
    rollup = text_of(page.split("Los momentos de decisión en todos los escenarios")[1].split("</section>")[0])
    for phase in (phase_name("es", p) for p in ("cost", "limits", "power")):
        assert phase in rollup
    assert "Todos los escenarios" in rollup and re.search(r"mejor opción \d+ de \d+", rollup)


def test_unknown_cohort_or_scenario_is_an_error_that_lists_what_exists(day: Records, tmp_path: Path) -> None:
    with pytest.raises(SelectionError, match="MON-AM, TUE-PM"):
        render_report(day.playthroughs(), "en", "MON")
    out = tmp_path / "r.html"
    result = sticky("report", "--cohort", "MONAM", "--out", str(out), data=day.data_dir)
    assert result.returncode == 2 and not out.exists()
    assert "no cohort 'MONAM'; the cohorts with playthroughs are: MON-AM, TUE-PM" in result.stderr
    assert "Traceback" not in result.stderr
    result = sticky("report", "--scenario", "spa", "--out", str(out), data=day.data_dir)
    assert result.returncode == 2 and "broken-word, spa-hotel" in result.stderr
    result = sticky("report", "--cohort", TUESDAY, "--scenario", "spa-hotel", "--out", str(out), data=day.data_dir)
    assert result.returncode == 0 and "8 playthroughs, 1 cohort" in result.stdout


def test_two_rooms_are_two_group_answers_each_with_its_own_votes(tmp_path: Path) -> None:
    from game.core.session import Session
    from tests.training.helpers import WORKSHOP, play_and_record, workshop

    with open_records(tmp_path / "data", auto_send=False) as records:
        for name, second in (("Ana", "count_it"), ("Ben", "absorb_it")):
            play_and_record(records, workshop(), learner=name, cohort="W1", choices=["ask_details", second])
        for room, counts, pick in (
            ("Room A", {"count_it": 2, "absorb_it": 6, "blame_dora": 0}, "absorb_it"),
            ("Room B", {"count_it": 9, "absorb_it": 0, "blame_dora": 1}, "count_it"),
        ):
            session = Session(workshop())
            pid = records.start(session, learner=room, cohort="W1", mode="group")
            records.choice(pid, session.choose("ask_details"), 30)
            records.votes(pid, 2, "the_cost", counts, pick)
            records.choice(pid, session.choose(pick), 60)
        runs = records.playthroughs()
    report = build(runs, "en", [WORKSHOP.parent])
    [stat] = report.scenarios
    cost = next(s for s in stat.scenes if s.scene_id == "the_cost")
    assert cost.total == 2 and cost.answers == 4 and cost.total_votes == 18
    assert [(a.room, a.played) for a in cost.room_votes] == [("Room A", "absorb_it"), ("Room B", "count_it")]
    assert cost.best_share == pytest.approx((1 + 2 / 8 + 9 / 10) / 4)
    assert stat.learners == ["Ana", "Ben"] and set(stat.room_styles) == {"Room A", "Room B"}
    page = text_of(render_report(runs, "en", None, [WORKSHOP.parent]))
    assert "of 4 answers (2 individual, 2 group) took the coach's best choice" in page
    assert "Room A (group, 8 votes): 25% for the coach's choice; the room played: It's only one night." in page
    assert "Room B (group, 10 votes): 90% for the coach's choice; the room played: Write it down:" in page
