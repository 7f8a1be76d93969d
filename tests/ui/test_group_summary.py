"""The group debrief opens on a one-page summary (dummy video driver): per decision the choice the room played,
its share of the votes and whether it was the coach's strongest, with the ending; Home comes back to it from
the detail pages. Measured like every projector page: read from the back, nothing cut, both languages."""

from __future__ import annotations

import pygame
import pytest

from game.core.debrief import build_debrief
from game.core.session import Session
from game.locale import percent, style_name
from game.training.facilitate_model import GroupPlay
from game.ui import text as txt
from game.ui.facilitate import summary
from game.ui.facilitate.app import handle_key
from game.ui.facilitate.view import View, projector_theme
from tests.ui.test_projector import LANGUAGES, SIZES, cap_height, scenario

pytestmark = pytest.mark.ui


@pytest.fixture(autouse=True)
def _headless() -> None:
    pygame.display.init()
    pygame.font.init()


def _played(name: str, language: str, pick_second_at: int = 0) -> GroupPlay:
    """A whole group session: 5, 2 and 1 votes for the choices in the order shown, the majority played
    (the second choice instead at decision ``pick_second_at``)."""
    play = GroupPlay(Session(scenario(name, language), seed=0))
    while play.step != "debrief":
        play.start_voting()
        for i, n in enumerate((5, 2, 1)[: len(play.choices)]):
            play.selected = i
            play.type_digit(str(n))
        play.reveal()
        if play.decision == pick_second_at:
            play.pick(2)
        assert play.play() is not None
        play.next()
    return play


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["spa-hotel", "workshop"])
def test_the_debrief_opens_on_a_one_page_summary(name: str, language: str, size: tuple[int, int]) -> None:
    overflows = len(txt.OVERFLOWS)
    play = _played(name, language)
    view = View(play, projector_theme(size), language)
    surface = pygame.Surface(size)
    view.draw(surface)
    assert view.summary_pages == 1 and view.page_count > 2  # the summary, then the details
    written = view.ink.written
    texts = [w.text for w in written]
    rounds = play.rounds
    decisions = f"{len(rounds)} decisions" if language == "en" else f"{len(rounds)} decisiones"
    assert any(decisions in text for text in texts)
    ending = build_debrief(play.session).ending_title
    assert any(ending in text for text in texts)
    assert [str(n) for n in range(1, len(rounds) + 1)] == [t for t in texts if t.isdigit()]  # every decision
    played = [next(c for c in r.choices if c.id == r.picked) for r in rounds]
    assert {style_name(language, c.style) for c in played} <= set(texts)
    shares = {percent(language, share / 100) for share in (71, 63)}  # 5 of 7 votes or 5 of 8
    assert {t for t in texts if "%" in t} <= shares
    screen = pygame.Rect((0, 0), size)
    for w in written:
        assert not w.room or cap_height(w.font) >= 0.03 * size[1], (w.text, size)
        assert screen.contains(w.rect) and w.bounds.contains(w.rect), w.text
    assert len(txt.OVERFLOWS) == overflows, txt.OVERFLOWS[overflows:]


def test_each_line_is_what_the_room_played_its_share_and_whether_it_was_the_strongest() -> None:
    play = _played("workshop", "en", pick_second_at=2)
    view = View(play, projector_theme((1280, 720)), "en")
    lines = summary.lines(view)
    assert [line.number for line in lines] == list(range(1, len(play.rounds) + 1))
    debrief = build_debrief(play.session).decisions
    for line, rnd, decision in zip(lines, play.rounds, debrief, strict=True):
        assert line.choice.id == rnd.picked
        assert line.strongest == (decision.chose_strongest if decision.strongest is not None else None)
    overruled = lines[1]
    assert overruled.votes == 2 and overruled.share == 25  # the facilitator's pick: 2 of the 8 votes
    assert lines[0].votes == 5 and lines[0].share == 71


def test_home_comes_back_to_the_summary_and_enter_goes_on() -> None:
    play = _played("spa-hotel", "en")
    view = View(play, projector_theme((1280, 720)), "en")
    surface = pygame.Surface((1280, 720))
    view.draw(surface)
    assert "Home: summary" not in view.hint_text()
    assert handle_key(play, view, pygame.K_RETURN)  # Enter continues into the details
    view.draw(surface)
    assert view.page == 1 and "Home: summary" in view.hint_text()
    for _ in range(3):
        handle_key(play, view, pygame.K_RIGHT)
    view.draw(surface)
    assert view.page == 4
    assert handle_key(play, view, pygame.K_HOME)
    view.draw(surface)
    assert view.page == 0 and any("11 decisions" in w.text for w in view.ink.written)
