"""One-line labels never go below the reading minimum (issue 20): buttons, settings rows, gauges, the phase
tracker, a speaker's name. Every screen of a played run (title, scenarios, scene, pause, settings, outcome,
history, ending, each debrief page) is drawn at 960x540 with the largest text in English and in Spanish, and no
text may be drawn below the label floor: ``text.BELOW_FLOOR`` notes every one that is. The layouts give the room
instead: labels wrap, button rows go in two rows, the speaker card's banner gives way, the ending's text column
widens and its gauges put their bars beside the values; with six metrics the gauges go slim (one line and a
thin bar each) and the debrief chart's legend widens its card, or the chart takes the whole width."""

from __future__ import annotations

import argparse
from pathlib import Path

import pygame
import pytest

from game.authoring.load import load_scenario
from game.core.model import STYLES
from game.locale import tr
from game.paths import SCENARIOS
from game.ui import text as txt
from game.ui import widgets
from game.ui.screenshots import render_run
from game.ui.theme import Theme
from tests.ui.conftest import DATA

pytestmark = pytest.mark.ui

#: More choices than any scenario has: the run plays on to the ending and every debrief page.
CHOICES = ",".join(["1"] * 20)


def below_floor(tmp_path: Path, scenario: Path, lang: str, size: str = "960x540", text_size: int = 2) -> list[str]:
    """Play ``scenario`` through every screen (as `sticky play --screenshots` does); the texts drawn below the
    label floor, as "what: text (drawn px < floor px)"."""
    txt.BELOW_FLOOR.clear()
    args = argparse.Namespace(
        path=str(scenario),
        screenshots=str(tmp_path / "shots"),
        choices=CHOICES,
        lang=lang,
        size=size,
        text_size=text_size,
        high_contrast=False,
    )
    loaded = load_scenario(scenario).localized(lang)
    assert loaded is not None
    assert render_run(args, loaded) == 0
    assert any(p.name.endswith("-ending.png") for p in (tmp_path / "shots").iterdir())  # it got to the end
    found = [f"{what}: {text!r} ({px} px < {floor} px)" for (what, text), (px, floor) in txt.BELOW_FLOOR.items()]
    txt.BELOW_FLOOR.clear()
    return sorted(found)


SHIPPED = sorted(p for p in SCENARIOS.glob("*.yaml") if p.stem.count(".") == 0)
#: the longest Spanish labels (settings, debrief commitment, speaker roles) by default; the rest in the slow step
DEFAULT = {("broken-word", "es"), ("broken-word", "en"), ("spa-hotel", "es")}
CASES = [
    pytest.param(path, lang, id=f"{path.stem}-{lang}", marks=() if (path.stem, lang) in DEFAULT else pytest.mark.slow)
    for path in SHIPPED
    for lang in ("en", "es")
]


@pytest.mark.parametrize(("scenario", "lang"), CASES)
def test_no_label_below_the_floor_at_960x540_largest_text(tmp_path: Path, scenario: Path, lang: str) -> None:
    assert below_floor(tmp_path, scenario, lang) == []


#: Six metrics (three of the author's own) at every text size, in both languages, at the smallest window, the
#: reference size and a large one: the scene's and the ending's gauges go slim (one line and a thin bar each)
#: instead of shrinking, and the debrief chart's legend widens its card, or the chart takes the whole width with
#: its legend beside the plot and the overview scrolls to the profile.
SIX_CASES = [
    pytest.param(size, lang, step, id=f"{size}-{lang}-{step}", marks=() if fast else pytest.mark.slow)
    for size in ("960x540", "1280x720", "2560x1440")
    for lang in ("en", "es")
    for step in (0, 1, 2)
    for fast in [size == "960x540" and step == 2]
]


@pytest.mark.parametrize(("size", "lang", "text_size"), SIX_CASES)
def test_six_gauges_keep_their_labels_at_the_floor(tmp_path: Path, size: str, lang: str, text_size: int) -> None:
    assert below_floor(tmp_path, DATA / "gauges" / "six-gauges.yaml", lang, size, text_size) == []


def _overview_at_960x540_largest_text(make_app, monkeypatch: pytest.MonkeyPatch, scenario: Path, lang: str):  # type: ignore[no-untyped-def]
    """Play ``scenario`` to its end (first choices) and open the debrief's overview at 960x540 with the largest
    text; the app, the screen and where each one-line text is drawn (refreshed by ``app.draw()``)."""
    from game.ui import flow
    from game.ui.playthrough import PRACTICE
    from game.ui.screens.debrief import DebriefScreen

    drawn: dict[str, tuple[str, pygame.Rect]] = {}  # each one-line text: what it is and where it was last drawn

    def spy(surface, theme, text, role, rect, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn[text] = (str(kwargs.get("what", args[2] if len(args) > 2 else "")), pygame.Rect(rect))
        return real(surface, theme, text, role, rect, *args, **kwargs)

    real = txt.draw_line
    monkeypatch.setattr(txt, "draw_line", spy)
    pilot = make_app(lang=lang, size=(960, 540), typewriter=False)
    app = pilot.app
    app.settings.text_size = 2
    app.retheme()
    assert flow.start(app, scenario, PRACTICE, seed=1)
    pt = app.playthrough
    while not pt.session.finished:
        pt.session.choose(pt.session.available_choices()[0].id)
    flow.open_debrief(app)
    screen = app.top
    assert isinstance(screen, DebriefScreen)
    txt.BELOW_FLOOR.clear()
    app.draw()
    return app, screen, drawn


@pytest.mark.parametrize(
    ("scenario", "lang"),
    [
        (SCENARIOS / "spa-hotel.yaml", "es"),
        (SCENARIOS / "berated-staff.yaml", "en"),
        (DATA / "gauges" / "six-gauges.yaml", "es"),
    ],
    ids=lambda v: getattr(v, "stem", v),
)
def test_the_overview_draws_its_chart_at_960x540_largest_text(make_app, monkeypatch, scenario: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The chart's card is never left empty: one legend line per metric, at the floor (its plot used to be given
    up when a legend of long lines left it no room)."""
    app, _screen, drawn = _overview_at_960x540_largest_text(make_app, monkeypatch, scenario, lang)
    legend = [text for text, (what, _rect) in drawn.items() if what == "chart legend"]
    assert len(legend) == len(app.playthrough.scenario.metrics)
    assert txt.BELOW_FLOOR == {}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_six_metrics_overview_scrolls_to_the_profile(make_app, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """At 960x540 with the largest text the chart takes the overview's width; the profile is below it, reached by
    scrolling, its style names at the floor."""
    from game.ui import input as inp

    app, screen, drawn = _overview_at_960x540_largest_text(
        make_app, monkeypatch, DATA / "gauges" / "six-gauges.yaml", lang
    )
    profile = [widgets.style_label(style) for style in STYLES]
    view = screen.scroller.view
    assert screen.scroller.active and all(drawn[name][1].top >= view.bottom for name in profile)  # below the chart
    for _ in range(20):
        screen.handle(inp.Action(inp.DOWN))
    drawn.clear()
    app.draw()
    assert all(view.contains(drawn[name][1]) for name in profile)
    assert txt.BELOW_FLOOR == {}


def test_a_button_row_goes_in_two_rows_when_one_is_too_narrow() -> None:
    pygame.font.init()
    theme = Theme((960, 540), text_step=2)
    labels = ["Guardar mi compromiso", "Repetir desde aquí", "Volver a intentarlo", "Otro escenario", "Inicio"]
    area = pygame.Rect(20, 0, 900, 500)
    rects = widgets.button_grid(theme, area, labels, 40, 10)
    assert len({r.y for r in rects}) == 2  # 3 on top, 2 below
    assert [r.y for r in rects] == [rects[0].y] * 3 + [rects[3].y] * 2
    assert rects[-1].bottom == area.bottom and all(area.contains(r) for r in rects)
    for rect, label in zip(rects, labels, strict=True):
        assert rect.w >= widgets.least_button_width(theme, label)
    roomy = widgets.button_grid(Theme((1920, 1080), text_step=0), pygame.Rect(0, 0, 1800, 900), labels[2:], 60, 16)
    assert len({r.y for r in roomy}) == 1  # one row when every label fits
    narrow = widgets.button_grid(theme, pygame.Rect(0, 0, 200, 500), labels[:2], 40, 10)
    assert narrow[0].x == narrow[1].x and narrow[0].bottom < narrow[1].y  # a column


def test_a_label_drawn_below_the_floor_is_noted() -> None:
    pygame.font.init()
    theme = Theme((960, 540), text_step=2)
    surface = pygame.Surface((400, 100))
    txt.BELOW_FLOOR.clear()
    txt.draw_line(surface, theme, tr("settings.typewriter"), "body", pygame.Rect(0, 0, 300, 40), (0, 0, 0))
    assert txt.BELOW_FLOOR == {}
    txt.draw_line(surface, theme, tr("settings.typewriter"), "body", pygame.Rect(0, 0, 90, 40), (0, 0, 0), what="x")
    [(what, _text)] = txt.BELOW_FLOOR
    (px, floor) = txt.BELOW_FLOOR[(what, _text)]
    assert what == "x" and px < floor == theme.font_size("body", txt.label_floor(theme))
    txt.BELOW_FLOOR.clear()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_who_is_playing_keeps_its_labels_at_the_floor(make_app, lang: str) -> None:
    """The screen a run opens with when records are kept (not part of a scripted run above)."""
    from game.ui.screens.who import WhoScreen

    pilot = make_app(lang=lang, size=(960, 540), asked=False)
    pilot.app.settings.text_size = 2
    pilot.app.retheme()
    pilot.app.push(WhoScreen(pilot.app, then=lambda: None))
    txt.BELOW_FLOOR.clear()
    pilot.settle(0.2)
    pilot.app.draw()
    assert isinstance(pilot.screen, WhoScreen)
    assert txt.BELOW_FLOOR == {}


#: Labels as long as `sticky check` allows without S813, on three of six metrics, in ordinary words (one is a
#: shipped Spanish label): the smallest window by default; the other sizes, where 21 characters were seen to
#: shrink at 1920x1080, in the slow step.
LIMIT_SIZES = [
    "960x540",
    pytest.param("1280x720", marks=pytest.mark.slow),
    pytest.param("1920x1080", marks=pytest.mark.slow),
    pytest.param("2560x1440", marks=pytest.mark.slow),
]


@pytest.mark.parametrize("size", LIMIT_SIZES)
@pytest.mark.parametrize("text_size", [1, 2])
def test_labels_as_long_as_check_allows_stay_at_the_floor(tmp_path: Path, size: str, text_size: int) -> None:
    from game.authoring.lint import LABEL_LIMIT

    longest = ("Noches interrumpidas", "Overtime hours a day", "Clients lost in June")
    assert {len(label) for label in longest} == {LABEL_LIMIT}
    source = (DATA / "gauges" / "six-gauges.yaml").read_text(encoding="utf-8")
    for label, long in zip(("Owner's stress", "Cash at risk", "Hours of sleep"), longest, strict=True):
        source = source.replace(f"label: {label}", f'label: "{long}"')
    scenario = tmp_path / "six-long.yaml"
    scenario.write_text(source, encoding="utf-8")
    assert below_floor(tmp_path, scenario, "en", size, text_size) == []
