"""The projector of group play judges every metric change by the metric's ``better:`` and shows every metric.

Played on tests/data/gauges/six-gauges.yaml (six metrics; owner's stress and cash at risk: lower is better),
drawn headless with the dummy video driver onto real pygame surfaces.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.core.session import Session
from game.core.variants import shown_scene
from game.training.facilitate_model import GroupPlay
from game.ui.facilitate.results import flow
from game.ui.facilitate.view import View, projector_theme
from tests.conftest import DATA
from tests.training.helpers import sticky
from tests.training.test_facilitate import PAGES

GAUGES = DATA / "gauges" / "six-gauges.yaml"
SIZE = (1280, 720)
BODY = pygame.Rect(28, 110, 1224, 550)  # below the header band, above the key hints


def _scenario(language: str) -> Scenario:
    scenario = load_scenario(GAUGES).localized(language)
    assert scenario is not None
    return scenario


def _play_round(play: GroupPlay, choice_id: str) -> None:
    """The whole room votes for ``choice_id``, which is then played."""
    play.start_voting()
    play.selected = [c.id for c in play.choices].index(choice_id)
    play.type_digit("7")
    play.reveal()
    assert play.play() is not None


def _colour_count(surface: pygame.Surface, colour: tuple[int, int, int], area: pygame.Rect) -> int:
    return sum(
        1
        for x in range(area.left, area.right, 2)
        for y in range(area.top, area.bottom, 2)
        if tuple(surface.get_at((x, y)))[:3] == colour
    )


@pytest.fixture(autouse=True)
def _headless() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.init()


@pytest.mark.parametrize("language", ["en", "es"])
def test_outcome_colours_and_words_follow_better(language: str) -> None:
    play = GroupPlay(Session(_scenario(language), seed=0), None, cohort="ROOM")
    view = View(play, projector_theme(SIZE), language)
    better, worse = ("better", "worse") if language == "en" else ("mejor", "peor")
    _play_round(play, "yes_at_once")
    decision = view.decision(-1)
    assert decision is not None
    lines = view.deltas(decision.changes)
    # A rise of the owner's stress (lower is better): the arrow goes up, the word and the flag say worse.
    assert [good for _t, good, _d in lines] == [False, False]
    assert all(direction == 1 and f"({worse})" in text for text, _g, direction in lines)
    play.next()
    _play_round(play, "count_it")
    decision = view.decision(-1)
    assert decision is not None
    lines = view.deltas(decision.changes)
    # Falls of stress and cash at risk: arrows down, good news.
    assert [good for _t, good, _d in lines] == [True, True]
    assert all(direction == -1 and f"({better})" in text for text, _g, direction in lines)
    surface = pygame.Surface(SIZE)
    view.draw(surface)
    left = BODY
    colours = view.t.colors
    assert _colour_count(surface, colours.good, left) > 200  # the two changes, drawn in the good colour
    assert _colour_count(surface, colours.bad, left) == 0  # nothing here is bad news, though both fell
    play.next()
    _play_round(play, "new_price")  # revenue up (better) and stress down (better): both good, one ▲ one ▼
    decision = view.decision(-1)
    assert decision is not None
    lines = view.deltas(decision.changes)
    assert [good for _t, good, _d in lines] == [True, True, True]
    assert [direction for _t, _g, direction in lines] == [1, 1, -1]


@pytest.mark.parametrize("language", ["en", "es"])
def test_group_debrief_shows_every_metric_judged(language: str) -> None:
    play = GroupPlay(Session(_scenario(language), seed=0), None, cohort="ROOM")
    view = View(play, projector_theme(SIZE), language)
    for choice_id in ("ask_details", "count_it", "new_price", "cave"):
        _play_round(play, choice_id)
        play.next()
    assert play.step == "debrief"
    debrief = view.debrief()
    assert debrief.ending_title  # the title as resolved for the final state
    surface = pygame.Surface(SIZE)
    view.draw(surface)
    colours = view.t.colors
    bad = good = 0
    for page in range(view.page_count):  # the ending, the card of every metric, then every decision
        view.page = page
        view.draw(surface)
        if any(w.text.startswith("Revenue" if language == "en" else "Ingresos") for w in view.ink.written):
            bad, good = _colour_count(surface, colours.bad, BODY), _colour_count(surface, colours.good, BODY)
            break
    # Over the game: revenue +200 and reputation +3 (good news), owner's stress +1, cash at risk +1,000 and
    # sleep -2 (bad news), staff morale unchanged; the card of every metric shows both kinds.
    totals = {c.metric: c.improvement for c in debrief.totals}
    assert totals == {
        "revenue": True,
        "reputation": True,
        "owner_stress": False,
        "cash_at_risk": False,
        "sleep": False,
    }
    assert bad > 100 and good > 50
    assert view.page_count > 1  # the decisions follow on the next pages


def test_chips_and_bars_wrap_instead_of_running_off_the_card() -> None:
    spots = flow([300, 250, 400, 200, 500], 900, 20)
    assert spots == [(0, 0), (320, 0), (0, 1), (420, 1), (0, 2)]
    assert all(x + w <= 900 for (x, _line), w in zip(spots, [300, 250, 400, 200, 500], strict=True))


@pytest.mark.ui
@pytest.mark.parametrize("language", ["es", pytest.param("en", marks=pytest.mark.slow)])
def test_six_metric_projector_screens(tmp_path: Path, language: str) -> None:
    """Drive the real projector on six-gauges and keep its screens for a person to look at."""
    keys = ["space"]
    for row, n in ((1, 9), (0, 8), (1, 6), (1, 5)):  # the row the room votes for (fixed order), and how many
        keys += [*PAGES, "enter", *(["down"] * row), *str(n), "enter", *PAGES, "enter", *PAGES, "enter"]
    shots = tmp_path / "shots"
    result = sticky(
        "facilitate",
        str(GAUGES),
        "--lang",
        language,
        "--keys",
        ",".join([*keys, "down", "down"]),
        "--screenshots",
        str(shots),
        data=tmp_path / "data",
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in shots.glob("*.png"))
    assert any(n.endswith("outcome.png") for n in names) and names[-1].endswith("debrief.png")
    theme = projector_theme(SIZE)
    # the first page of every outcome: an outcome screenshot that follows another step's
    steps = [n.split("-", 1)[1] for n in names]
    firsts = [n for i, n in enumerate(names) if steps[i] == "outcome.png" and steps[i - 1] != "outcome.png"]
    outcomes = [pygame.image.load(str(shots / n)) for n in firsts]
    left = BODY
    # The cost decision (count_it) lowered stress and cash at risk: good news only.
    assert _colour_count(outcomes[1], theme.colors.good, left) > 200
    assert _colour_count(outcomes[1], theme.colors.bad, left) == 0
    # The first (yes at once) raised them: bad news only.
    assert _colour_count(outcomes[0], theme.colors.bad, left) > 200
    keep = Path(os.environ.get("TMPDIR", "/tmp")) / f"sticky-facilitate-six-{language}"
    keep.mkdir(exist_ok=True)
    for name in names:
        (keep / name).write_bytes((shots / name).read_bytes())


def test_projector_shows_the_variants_the_room_saw(tmp_path: Path) -> None:
    """Scene text, coach's note and ending title written as variants: the projector resolves each one in the
    state the room is in, as the game does."""
    text = GAUGES.read_text(encoding="utf-8")
    text = text.replace(
        "    text: Food prices rose eighteen percent since last year, and Friday is already the busiest day.\n",
        "    text:\n"
        "      - when: owner_stress > 40\n"
        "        text: Your stomach tightens. Food prices rose eighteen percent.\n"
        "      - text: Food prices rose eighteen percent since last year, and Friday is already the busiest day.\n",
    )
    text = text.replace(
        "        feedback: Absorbing a rise every week is a price cut nobody asked you for.\n",
        "        feedback:\n"
        "          - when: owner_stress > 50\n"
        "            text: Absorbing it on top of a hasty yes leaves you carrying both.\n"
        "          - text: Absorbing a rise every week is a price cut nobody asked you for.\n",
    )
    text = text.replace(
        "    title: A contract you can keep\n",
        "    title:\n"
        "      - when: owner_stress > 50\n"
        "        text: A contract that costs you sleep\n"
        "      - text: A contract you can keep\n",
    )
    path = tmp_path / "six-gauges.yaml"
    path.write_text(text, encoding="utf-8")
    scenario = load_scenario(path).scenario
    assert scenario is not None
    play = GroupPlay(Session(scenario, seed=0), None, cohort="ROOM")
    view = View(play, projector_theme(SIZE), "en")
    surface = pygame.Surface(SIZE)
    _play_round(play, "yes_at_once")  # stress 45
    play.next()
    shown = shown_scene(play.session)
    assert shown is not None and shown.text.startswith("Your stomach tightens.")
    _play_round(play, "absorb_it")  # stress 53
    view.draw(surface)
    decision = view.decision(-1)
    assert decision is not None
    assert decision.coach_note == "Absorbing it on top of a hasty yes leaves you carrying both."
    play.next()
    for choice_id in ("snap", "know_value"):
        _play_round(play, choice_id)
        play.next()
    view.draw(surface)
    assert view.debrief().ending_title == "A contract that costs you sleep"
