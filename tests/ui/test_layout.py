"""Every text fits its box: every screen, and every scene of every shipped scenario, at the smallest and the
largest window, every text size and both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from game.core.session import Session
from game.paths import SCENARIOS
from game.ui import flow
from game.ui.catalogue import scenario_files
from game.ui.playthrough import PRACTICE, Playthrough
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.history import HistoryScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.scene import SceneScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.text import OVERFLOWS

pytestmark = pytest.mark.ui

DATA = Path(__file__).resolve().parents[1] / "data"
SIZES = [(960, 540), (2560, 1440)]
FILES = scenario_files(SCENARIOS) + [DATA / "bakery.yaml", DATA / "gauges" / "six-gauges.yaml"]  # six: every gauge


def paths_to_every_scene(path: Path) -> dict[str, list[str]]:
    """For each reachable scene, the choice ids that lead there first (depth-first with undo)."""
    result = load_scenario(path)
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    session = Session(result.scenario, seed=1)
    found: dict[str, list[str]] = {}

    def walk() -> None:
        scene = session.scene
        if scene is None or scene.id in found:
            return
        found[scene.id] = [o.choice_id for o in session.history]
        for choice in session.available_choices():
            session.choose(choice.id)
            walk()
            session.undo()

    walk()
    return found


def _render(app, what: str) -> None:
    app.update(0.0)
    app.draw()
    assert not OVERFLOWS, f"{what}: {OVERFLOWS[:3]}"


#: every scene of every scenario takes 10-40 s a language and window: the default suite keeps the hardest case
#: (the smallest window at the largest text), CI's slow step runs the rest
SCENE_SIZES = [SIZES[0], pytest.param(SIZES[1], marks=pytest.mark.slow)]
TEXT_STEPS = [2, pytest.param(0, marks=pytest.mark.slow), pytest.param(1, marks=pytest.mark.slow)]
#: every other screen at the largest window: CI's slow step
SCREEN_SIZES = [SIZES[0], pytest.param(SIZES[1], marks=pytest.mark.slow)]
#: Spanish runs longer than English, so the default run checks Spanish and the slow step English too
LANGS = ["es", pytest.param("en", marks=pytest.mark.slow)]


@pytest.mark.parametrize("step", TEXT_STEPS, ids=lambda s: f"text{s}")
@pytest.mark.parametrize("size", SCENE_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_every_scene_fits(make_app, size: tuple[int, int], lang: str, step: int) -> None:
    pilot = make_app(lang=lang, size=size, folder=SCENARIOS, typewriter=False)
    app = pilot.app
    app.settings.text_size = step
    app.retheme()
    for path in FILES:
        routes = paths_to_every_scene(path)
        assert flow.start(app, path, PRACTICE, seed=1)
        pt = app.playthrough
        for scene_id, route in routes.items():
            pt.session.rewind(0)
            for choice_id in route:
                pt.session.choose(choice_id)
            app.goto(SceneScreen(app))
            what = f"{path.name}:{scene_id} text size {step}"
            _render(app, what)
            screen = app.top
            for choice in pt.session.available_choices():
                screen.outcome = pt.session.choose(choice.id)  # as SceneScreen.choose, without saving
                screen.relayout()
                _render(app, f"{what} after {choice.id}")
                pt.session.undo()
                screen.outcome = None
                screen.relayout()


@pytest.mark.parametrize("size", SCREEN_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_every_screen_fits(make_app, size: tuple[int, int], lang: str) -> None:
    pilot = make_app(lang=lang, size=size, folder=SCENARIOS, typewriter=False)
    app = pilot.app
    for step in range(3):
        app.settings.text_size = step
        app.settings.high_contrast = step == 2
        app.retheme()
        flow.open_title(app)
        _render(app, f"title {step}")
        for path in FILES:
            flow.open_picker(app, select=path)
            _render(app, f"picker {path.name} {step}")
            routes = paths_to_every_scene(path)
            assert flow.start(app, path, PRACTICE, seed=1)
            pt: Playthrough = app.playthrough
            for screen in (PauseScreen(app), SettingsScreen(app), HistoryScreen(app)):
                app.push(screen)
                _render(app, f"{screen.name} {path.name} {step}")
                app.pop()
            # a long path to an ending: the longest route found, then the first choices
            longest = max(routes.values(), key=len)
            for choice_id in longest:
                pt.session.choose(choice_id)
            while not pt.session.finished:
                pt.session.choose(pt.session.available_choices()[-1].id)
            app.push(HistoryScreen(app))
            _render(app, f"history {path.name} {step}")
            app.goto(EndingScreen(app))
            _render(app, f"ending {path.name} {step}")
            app.goto(DebriefScreen(app))
            debrief = app.top
            for index in range(len(debrief.pages)):
                debrief.show(index)
                _render(app, f"debrief {path.name} page {index} {step}")
