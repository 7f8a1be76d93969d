"""A realistic workshop day for the report tests: 28 playthroughs of two shipped scenarios by two cohorts.

Cohort MON-AM: six learners play the spa scenario (two of them twice, the second attempt better) and three
play the broken-word scenario; one room of eight plays the spa scenario in facilitated group play.
Cohort TUE-PM: eight learners play each scenario. 27 individual
playthroughs and one group session in all, with a few commitments.
"""

from __future__ import annotations

import random
from pathlib import Path

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.core.session import Session
from game.training.record_store import Records
from tests.conftest import ROOT
from tests.training.helpers import play_and_record

SCENARIOS = ROOT / "game" / "scenarios"
MONDAY, TUESDAY = "MON-AM", "TUE-PM"
ROOM = "Room 2"
#: How many people voted in the room at each decision.
ROOM_SIZE = 8


def shipped(scenario_id: str, language: str | None = None) -> Scenario:
    """A shipped scenario, optionally translated."""
    scenario = load_scenario(SCENARIOS / f"{scenario_id}.yaml").localized(language)
    assert scenario is not None
    return scenario


def _best_script(scenario: Scenario, session: Session) -> str:
    """The coach's best choice shown now, else the first one."""
    shown = session.shown_choices()
    best = scenario.best_choice(session.scene.id)
    ids = [c.id for c in shown]
    return best.id if best is not None and best.id in ids else ids[0]


def play_best(records: Records, scenario: Scenario, learner: str, cohort: str, seed: int) -> int:
    """A playthrough that takes the coach's best choice wherever one is shown."""
    rng = random.Random(seed)
    session = Session(scenario, seed=seed)
    pid = records.start(session, learner=learner, cohort=cohort, mode="practice", language=scenario.language)
    while not session.finished:
        records.choice(pid, session.choose(_best_script(scenario, session)), rng.uniform(5, 30))
    records.finish(pid, session)
    return pid


def play_room(records: Records, scenario: Scenario, cohort: str, seed: int = 3) -> int:
    """A facilitated group session: ROOM_SIZE people vote at every scene, the most voted choice is played."""
    rng = random.Random(seed)
    session = Session(scenario, seed=seed)
    pid = records.start(session, learner=ROOM, cohort=cohort, mode="group", language=scenario.language)
    while not session.finished:
        ids = [c.id for c in session.shown_choices()]
        counts = dict.fromkeys(ids, 0)
        for _ in range(ROOM_SIZE):
            counts[rng.choice(ids)] += 1
        pick = max(ids, key=lambda i: counts[i])
        records.votes(pid, session.turn + 1, session.scene.id, counts, pick)
        records.choice(pid, session.choose(pick), 90)
    records.finish(pid, session)
    return pid


def workshop_day(records: Records) -> None:
    """Record the whole day (see the module's docstring)."""
    spa, word = shipped("spa-hotel"), shipped("broken-word")
    monday = ["Ana", "Bruno", "Carmen", "Diego", "Elena", "Farid"]
    for i, name in enumerate(monday):
        pid, _ = play_and_record(records, spa, learner=name, cohort=MONDAY, seed=10 + i)
        if i < 2:  # a second, better attempt
            pid = play_best(records, spa, name, MONDAY, seed=40 + i)
        if i % 2 == 0:
            records.commit(pid, "Tell the hotel on Friday that the quiet hours stay, in writing.")
    for i, name in enumerate(monday[:3]):
        play_and_record(records, word, learner=name, cohort=MONDAY, seed=20 + i)
    play_room(records, spa, MONDAY)
    tuesday = ["Gema", "Hugo", "Inés", "Jon", "Karen", "Luis", "Marta", "Nico"]
    for i, name in enumerate(tuesday):
        play_and_record(records, spa, learner=name, cohort=TUESDAY, seed=60 + i)
    for i, name in enumerate(tuesday):
        pid, _ = play_and_record(records, word, learner=name, cohort=TUESDAY, seed=80 + i)
        if i == 0:
            records.commit(pid, "Ask for the deposit before the next order, by Monday.")


def scenario_paths() -> list[Path]:
    """Where the report finds the scenarios of the day."""
    return [SCENARIOS]
