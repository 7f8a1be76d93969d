"""Every metric a scenario declares is drawn: six of them (three of the author's own) in the gauges, on the
ending screen and in the debrief chart, fitting at the smallest and largest window in both languages at every
text size (issue 13, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ui import flow
from game.ui import text as txt
from game.ui.playthrough import PRACTICE
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.scene import SceneScreen
from game.ui.text import OVERFLOWS

pytestmark = pytest.mark.ui

SIX = Path(__file__).resolve().parents[1] / "data" / "gauges" / "six-gauges.yaml"
SIZES = [(960, 540), (2560, 1440)]


def _render(app, what: str) -> None:
    app.update(0.0)
    app.draw()
    assert not OVERFLOWS, f"{what}: {OVERFLOWS[:3]}"


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every one-line text the screens draw (labels, values, legends), in order."""
    seen: list[str] = []
    real = txt.draw_line

    def spy(surface, theme, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(text)
        return real(surface, theme, text, *args, **kwargs)

    monkeypatch.setattr(txt, "draw_line", spy)
    return seen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "es"])
def test_six_metrics_fit_everywhere(make_app, size: tuple[int, int], lang: str) -> None:
    pilot = make_app(lang=lang, size=size, typewriter=False)
    app = pilot.app
    for step in range(3):
        app.settings.text_size = step
        app.retheme()
        assert flow.start(app, SIX, PRACTICE, seed=1)
        pt = app.playthrough
        while not pt.session.finished:
            screen = app.top
            assert isinstance(screen, SceneScreen)
            _render(app, f"{pt.session.scene.id} text size {step}")
            choices = pt.session.available_choices()
            for choice in choices:  # every outcome panel, then on with the last choice
                screen.outcome = pt.session.choose(choice.id)
                screen.relayout()
                _render(app, f"after {choice.id} text size {step}")
                if choice is not choices[-1]:
                    pt.session.undo()
            if not pt.session.finished:
                app.goto(SceneScreen(app))
        app.goto(EndingScreen(app))
        _render(app, f"ending text size {step}")
        app.goto(DebriefScreen(app))
        debrief = app.top
        for index in range(len(debrief.pages)):
            debrief.show(index)
            _render(app, f"debrief page {index} text size {step}")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_metric_is_drawn(make_app, drawn: list[str], lang: str) -> None:
    pilot = make_app(lang=lang, size=(960, 540), typewriter=False)
    app = pilot.app
    assert flow.start(app, SIX, PRACTICE, seed=1)
    pt = app.playthrough
    labels = [m.label for m in pt.scenario.metrics]
    assert len(labels) == 6
    drawn.clear()
    _render(app, "first scene")
    assert all(label in drawn for label in labels), (labels, drawn)  # the gauges
    while not pt.session.finished:
        pt.session.choose(pt.session.available_choices()[-1].id)
    app.goto(EndingScreen(app))
    drawn.clear()
    _render(app, "ending")
    assert all(label in drawn for label in labels), (labels, drawn)
    flow.open_debrief(app)
    drawn.clear()
    _render(app, "debrief overview")
    legend = [line for line in drawn if any(line.startswith(label + ":") for label in labels)]
    assert len(legend) == 6, drawn  # one legend line per metric in the chart


def test_colour_and_word_follow_better_lower_while_arrows_follow_the_number(make_app) -> None:
    from game.ui import widgets

    pilot = make_app()
    assert flow.start(pilot.app, SIX, PRACTICE, seed=1)
    scenario = pilot.app.playthrough.scenario
    stress, revenue = scenario.metric("owner_stress"), scenario.metric("revenue")
    theme = pilot.app.theme
    assert stress is not None and revenue is not None and stress.better == "lower"
    assert widgets.delta_color(theme, 6, stress) == theme.colors.bad  # a rise of stress: red, ▲ still up
    assert widgets.delta_color(theme, -6, stress) == theme.colors.good
    assert widgets.delta_color(theme, 6, revenue) == theme.colors.good
    assert widgets.delta_text(6, stress).endswith("(worse)") and widgets.delta_text(-6, stress).endswith("(better)")
