"""The outcome screen and the debrief show what the choice did apart from what chance did, in the real window
(headless), in both languages, at the smallest and the largest window; the cards only show what the Session
reported and, added up, give exactly what the gauges show."""

from __future__ import annotations

import pygame
import pytest

from game.authoring.load import load_scenario_text
from game.core.session import Session
from game.locale import tr
from game.ui import flow
from game.ui.playthrough import PRACTICE
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.scene import SceneScreen
from game.ui.screens.scene_view import outcome_sections
from game.ui.sections import Section
from game.ui.text import OVERFLOWS
from tests.core.test_session import OUTCOME_EFFECTS
from tests.ui.conftest import DATA

pytestmark = pytest.mark.ui

FOLDER = DATA / "outcome"
RUSH = FOLDER / "rush-rate.yaml"
NOTE = {"en": "He takes his orders elsewhere.", "es": "Se lleva sus pedidos a otra parte."}


def _rows(section: Section) -> list[tuple[str, float]]:
    return [(metric.id, value) for metric, value in section.rows]


def _added(sections: list[Section]) -> dict[str, float]:
    total: dict[str, float] = {}
    for section in sections:
        for metric_id, value in _rows(section):
            total[metric_id] = total.get(metric_id, 0.0) + value
    return total


@pytest.mark.parametrize("size", [(960, 540), (2560, 1440)], ids=["960x540", "2560x1440"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_outcome_screen_shows_the_choice_and_chance_apart(make_app, lang: str, size: tuple[int, int]) -> None:
    pilot = make_app(lang=lang, size=size, folder=FOLDER, typewriter=False)
    assert flow.start(pilot.app, RUSH, PRACTICE, seed=1)  # seed 1: he walks, and a rule answers the lost revenue
    pilot.frame()
    screen = pilot.screen
    assert isinstance(screen, SceneScreen)
    before = dict(pilot.app.playthrough.session.metrics)
    pilot.choose("raise_price")
    outcome = screen.outcome
    assert outcome is not None and outcome.chance_index == 1
    sections = screen.sections
    assert [s.label for s in sections] == [
        tr("outcome.you_chose"),
        tr("outcome.effects"),
        tr("outcome.chance"),
        tr("outcome.event"),
        tr("outcome.coach"),
    ]
    _chose, effects, chance, event, _coach = sections
    assert _rows(effects) == [("reputation", 2.0)] and not effects.note  # what the choice itself did
    assert chance.text == NOTE[lang] and chance.rows_label == tr("outcome.what_happened")
    assert _rows(chance) == [("revenue", -3000.0)]  # what chance did, beside its note
    assert _rows(event) == [("staff_morale", -5.0)]
    after = pilot.app.playthrough.session.metrics
    assert _added(sections) == outcome.total_deltas == {k: after[k] - before[k] for k in after if after[k] != before[k]}
    pilot.settle(1.5)
    pilot.app.draw()
    assert OVERFLOWS == []
    assert screen.layout_o.content_h == 0  # everything fits without scrolling
    assert screen.layout_o.shrink >= 0.88 if size == (960, 540) else screen.layout_o.shrink == 1.0


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_debrief_decision_page_shows_chance_apart(make_app, lang: str) -> None:
    pilot = make_app(lang=lang, size=(960, 540), folder=FOLDER, typewriter=False)
    assert flow.start(pilot.app, RUSH, PRACTICE, seed=0)  # seed 0: he pays; +10 reputation clamped to +1
    pilot.frame()
    pilot.choose("raise_price")
    session = pilot.app.playthrough.session
    assert session.finished
    flow.open_debrief(pilot.app)
    debrief = pilot.screen
    assert isinstance(debrief, DebriefScreen)
    index = next(i for i, page in enumerate(debrief.pages) if page.turn == 0)
    debrief.show(index)
    pilot.app.draw()
    by_label = {card.label: card for card in debrief.cards}
    mine = by_label[tr("debrief.you_chose")]
    assert mine.rows_label == tr("debrief.effect") and _rows(mine) == [("reputation", 2.0)]
    chance = by_label[tr("debrief.chance")]
    assert chance.rows_label == tr("debrief.what_happened")
    assert _rows(chance) == [("revenue", 1200.0), ("reputation", 1.0)]
    assert _added(debrief.cards) == session.history[0].total_deltas == {"reputation": 3.0, "revenue": 1200.0}
    assert OVERFLOWS == []


def test_a_choice_with_no_effects_of_its_own_says_chance_decided(make_app) -> None:
    pilot = make_app()
    scenario = load_scenario_text(OUTCOME_EFFECTS, "t.yaml").scenario
    assert scenario is not None
    session = Session(scenario, seed=0)
    session.choose("greet")
    outcome = session.choose("gamble")  # no effects of its own; its outcome has some
    assert outcome.deltas == {} and outcome.outcome_deltas
    effects = outcome_sections(pilot.app.theme, scenario, outcome, practice=True)[1]
    assert effects.rows == [] and effects.note == tr("outcome.no_change_chance")
    session.undo()
    plain = session.choose("count")  # nothing at all changes
    effects = outcome_sections(pilot.app.theme, scenario, plain, practice=True)[1]
    assert effects.note == tr("outcome.no_change")


SPA = DATA.parent.parent / "game" / "scenarios" / "spa-hotel.yaml"
# seed 423: the passive-aggressive workaround at the resolution; chance sends a guest to complain and two rules
# fire after it (Noor resigns, a one-star review): six cards
TWO_EVENTS = [
    "drop_everything",
    "not_in_contract_snap",
    "brush_off_lucia",
    "deny_everything",
    "fear_losing_contract",
    "nothing_to_discuss",
    "agree_then_fudge",
    "tell_him_yes",
    "he_has_the_cards",
    "offer_fudge",
    "fudge_bookings",
]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_chance_and_two_events_fit_without_scrolling_in_the_usual_window(make_app, lang: str) -> None:
    """In the order of what happened the six cards only fit by scrolling at 1280x720, hiding the coach; chance's
    card then goes after the events and two columns hold everything (English). Where even that needs text below
    reading size (Spanish), the cards scroll, and Enter reads on to the coach before Continue has the focus."""
    pilot = make_app(lang=lang, size=(1280, 720), folder=SPA.parent, typewriter=False)
    assert flow.start(pilot.app, SPA, PRACTICE, seed=423)
    pilot.frame()
    screen = pilot.screen
    assert isinstance(screen, SceneScreen)
    for choice_id in TWO_EVENTS:
        if screen.outcome is not None:
            while screen.focus.focused_id == "read_on":
                pilot.key(pygame.K_RETURN)
            pilot.key(pygame.K_RETURN)
            pilot.frame()
            screen = pilot.screen
            assert isinstance(screen, SceneScreen)
        pilot.choose(choice_id)
    outcome = screen.outcome
    assert outcome is not None and outcome.chance and len(outcome.rules) == 2
    pilot.settle(1.5)
    pilot.app.draw()
    layout = screen.layout_o
    if lang == "en":
        assert layout.content_h == 0 and len(layout.columns) == 2  # no scrolling: the coach is in view
        shown = [s.icon for _rect, column in layout.columns for s in column]
        assert shown == ["speech", "scale", "event", "event", "chance", "coach"]
    else:
        assert layout.content_h > 0 and screen.focus.focused_id == "read_on"
        assert [s.icon for s in layout.columns[0][1]][-1] == "coach"
        while screen.focus.focused_id == "read_on":
            pilot.key(pygame.K_RETURN)
        assert screen.oscroll.offset == screen.oscroll.limit and screen.focus.focused_id == "continue"
    assert OVERFLOWS == []
