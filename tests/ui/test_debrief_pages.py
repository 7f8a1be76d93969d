"""The debrief leaves the learner with words (issue 13, item 7): a page for every decision grouped by phase, read
from the core's debrief model; scores and pass or fail on the overview; the model line and technique; the
strongest choice on the practice outcome when missed; and a last page where a commitment is typed (text input,
an input method's composition, Backspace, Enter, the mouse), kept in the record and shown in the report."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.debrief import build_debrief
from game.locale import language, percent, technique_about, technique_name, tr
from game.training.record_store import open_records
from game.training.report import render_report
from game.ui import flow
from game.ui.playthrough import PRACTICE
from game.ui.screens.debrief import COMMITMENT, DebriefScreen
from game.ui.screens.debrief_view import score_line
from game.ui.screens.scene import SceneScreen
from game.ui.text import OVERFLOWS

pytestmark = pytest.mark.ui

SIX = Path(__file__).resolve().parents[1] / "data" / "gauges" / "six-gauges.yaml"
MISS_ALL = ["yes_at_once", "absorb_it", "snap", "cave"]


def _play(pilot, picks: list[str]) -> DebriefScreen:
    app = pilot.app
    assert flow.start(app, SIX, PRACTICE, seed=1)
    for pick in picks:
        screen = app.top
        assert isinstance(screen, SceneScreen)
        screen.choose(pick)
        pilot.frame()
        if pick is not picks[-1]:
            screen.proceed()
            pilot.frame()
    flow.open_debrief(app)
    pilot.frame()
    debrief = pilot.screen
    assert isinstance(debrief, DebriefScreen)
    return debrief


def _text(event_type: int, text: str) -> None:
    if event_type == pygame.TEXTEDITING:
        pygame.event.post(pygame.event.Event(pygame.TEXTEDITING, text=text, start=len(text), length=0))
    else:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_page_for_every_decision_grouped_by_phase(make_app, lang: str) -> None:
    pilot = make_app(lang=lang, size=(960, 540), typewriter=False)
    debrief = _play(pilot, MISS_ALL)
    model = build_debrief(pilot.app.playthrough.session)
    decisions = [p.decision for p in debrief.pages if p.decision is not None]
    assert decisions == list(model.decisions)  # every decision, the situation's too, in phase order
    assert [p.phase for p in debrief.pages[1:-1]] == ["situation", "cost", "limits", "power"]
    assert debrief.pages[-1].key == COMMITMENT
    assert [label for label, _rect in debrief.tabs] == [
        tr("debrief.overview"),
        *(tr(f"phase_short.{p}") for p in ("situation", "cost", "limits", "power")),
        tr("debrief.commitment_tab"),
    ]
    debrief.show(0)
    pilot.app.draw()
    assert score_line(model).startswith(tr("score.line", phases="", overall="", verdict="")[:4])
    assert tr("score.failed", mark=percent(language(), 0.6)) in score_line(model)  # missed all: not passed
    limits = next(i for i, p in enumerate(debrief.pages) if p.phase == "limits")
    debrief.show(limits)
    pilot.app.draw()
    cards = {card.label: card for card in debrief.cards}
    strongest = cards[tr("debrief.strongest")]
    assert strongest.text == model.decisions[2].strongest.text  # the coach's choice, as the model says
    line = cards[tr("model_line.title")].text.splitlines()
    assert line[0].endswith(": Costs rose eighteen percent.") or line[0].endswith(
        ": Los costos subieron un dieciocho por ciento."
    )
    assert len(line) == 3  # fact, limit, alternative: in the order written
    technique = cards[tr("technique.title")].text
    assert technique == f"{technique_name(lang, 'workable_compromise')}: {technique_about(lang, 'workable_compromise')}"
    mine = cards[tr("debrief.you_chose")]
    stress = next(delta for metric, delta in mine.rows if metric.id == "owner_stress")
    assert stress > 0 and tr("delta.worse") in debrief_delta(mine, "owner_stress")  # better: lower honoured
    assert not OVERFLOWS


def debrief_delta(card, metric_id: str) -> str:
    from game.ui.widgets import delta_text

    metric, delta = next((m, d) for m, d in card.rows if m.id == metric_id)
    return delta_text(delta, metric)


def test_practice_outcome_shows_the_strongest_line_when_missed(make_app) -> None:
    pilot = make_app(typewriter=False)
    assert flow.start(pilot.app, SIX, PRACTICE, seed=1)
    screen = pilot.screen
    for pick in ("ask_details", "count_it"):
        screen.choose(pick)
        screen.proceed()
    screen.choose("snap")
    coach = next(s for s in screen.sections if s.label == tr("outcome.coach"))
    assert coach.note.startswith(tr("outcome.strongest_note", choice=screen.pt.scenario.choice("new_price").text))
    assert "Costs rose eighteen percent." in coach.note  # its model line, in its parts
    screen.undo()
    screen.choose("new_price")
    coach = next(s for s in screen.sections if s.label == tr("outcome.coach"))
    assert coach.note == tr("outcome.best")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_commitment_is_typed_kept_and_reported(make_app, tmp_path: Path, lang: str) -> None:
    data = tmp_path / "learner"
    pilot = make_app(lang=lang, data=data, typewriter=False)
    debrief = _play(pilot, MISS_ALL)
    debrief.show(len(debrief.pages) - 1)
    pilot.frame()
    pilot.click("field")  # the mouse puts the keyboard in the field
    assert debrief.field.active and debrief.focus.focused_id == "field"
    for text in ("I will tell Ken", " on Monday", "x"):
        _text(pygame.TEXTINPUT, text)
    pilot.frame()
    pilot.key(pygame.K_BACKSPACE)  # the stray "x"
    _text(pygame.TEXTEDITING, "ñ")  # an input method composing: shown, not stored
    pilot.frame()
    assert debrief.field.text == "I will tell Ken on Monday" and debrief.field.shown().endswith("ñ")
    _text(pygame.TEXTINPUT, ".")  # the composition is committed (here as the full stop)
    pilot.key(pygame.K_1)  # a digit is typed text here, not a page number
    _text(pygame.TEXTINPUT, "1")
    pilot.frame()
    assert debrief.field.text == "I will tell Ken on Monday.1" and debrief.page == len(debrief.pages) - 1
    pilot.key(pygame.K_BACKSPACE)
    pilot.key(pygame.K_RETURN)  # Enter keeps it
    assert not debrief.field.active and debrief.kept
    assert pilot.app.playthrough.commitment == "I will tell Ken on Monday."
    pilot.app.draw()
    assert not OVERFLOWS
    pilot.app.recorder.close()
    with open_records(data, auto_send=False) as records:
        (record,) = records.playthroughs()
        assert record.commitment == "I will tell Ken on Monday."
        html = render_report([record], lang)
    assert "I will tell Ken on Monday." in html
    assert ("Commitments" if lang == "en" else "Compromisos") in html
    replay = next(i for i, p in enumerate(debrief.pages) if p.phase == "power")
    debrief.show(replay)
    pilot.frame()  # drawn first: a click counts only on a page already shown
    pilot.click("replay")  # a new playthrough from the last decision: its debrief asks again
    pilot.app.top.choose("know_value")
    flow.open_debrief(pilot.app)
    assert pilot.app.playthrough.commitment == "" and pilot.screen.field.text == ""


def test_keys_in_the_field_do_not_act_on_the_screen(make_app) -> None:
    pilot = make_app(typewriter=False)
    debrief = _play(pilot, MISS_ALL)
    debrief.show(len(debrief.pages) - 1)
    pilot.frame()
    pilot.key(pygame.K_TAB)
    while debrief.focus.focused_id != "field":
        pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_RETURN)  # Enter on the field: typing starts
    assert debrief.field.active
    for key in (pygame.K_h, pygame.K_u, pygame.K_3, pygame.K_LEFT, pygame.K_SPACE):
        pilot.key(key)  # history, undo, a tab number, a page turn: none of them, while typing
    assert isinstance(pilot.screen, DebriefScreen) and debrief.page == len(debrief.pages) - 1
    pilot.key(pygame.K_ESCAPE)  # Esc leaves the field, the text stays unsaved
    assert not debrief.field.active and isinstance(pilot.screen, DebriefScreen)
