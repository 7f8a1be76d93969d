"""The window's loose ends (issue 20), each played through the real window by the pilot: notices, focus,
text sizes, scrolling, hints, history, titles, numbers, icons, records across reloads, full screen."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.locale import tr
from game.ui import text as txt
from game.ui.screens.debrief_view import percent
from game.ui.screens.ending import EndingScreen
from game.ui.screens.history import HistoryScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.picker import PickerScreen
from game.ui.screens.scene import SceneScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.screens.title import TitleScreen
from game.ui.text import OVERFLOWS

pytestmark = pytest.mark.ui


def _to_scene(pilot) -> SceneScreen:  # type: ignore[no-untyped-def]
    pilot.key(pygame.K_3)  # Scenarios
    pilot.key(pygame.K_1)
    pilot.key(pygame.K_RETURN)  # Practice
    screen = pilot.screen
    assert isinstance(screen, SceneScreen)
    return screen


def test_a_reload_notice_hides_itself_while_nothing_moves(make_app) -> None:
    """The real main loop, idle: no animation runs, yet the notice goes after its seconds."""
    pilot = make_app(typewriter=False)
    _to_scene(pilot)
    pilot.settle(1.0)  # nothing moves any more
    pilot.app.show_notice("info", "Reloaded.", seconds=0.3)
    pygame.time.set_timer(pygame.QUIT, 1200, loops=1)
    pilot.app.run()  # sleeps while idle; the timer's QUIT ends it
    assert pilot.app.notice is None


def test_a_notice_covers_neither_the_top_bar_nor_the_pause_menu(make_app) -> None:
    pilot = make_app(typewriter=False)
    scene = _to_scene(pilot)
    pilot.app.show_notice("info", "The scenario was reloaded from its file.", seconds=5.0)
    pilot.frame()
    rect = pilot.app.notice_rect
    assert rect is not None
    assert not rect.colliderect(scene.tracker)
    for key, _label, _icon, button, _enabled in scene.top_buttons:
        assert not rect.colliderect(button), key
    pilot.key(pygame.K_ESCAPE)
    pause = pilot.screen
    assert isinstance(pause, PauseScreen)
    pilot.app.draw()
    with_notice = pilot.app.surface.copy()
    pilot.app.notice = None
    pilot.app.draw()
    area = pause.card.clip(pilot.app.surface.get_rect())  # the menu looks the same with the notice up
    assert pygame.image.tobytes(with_notice.subsurface(area), "RGB") == pygame.image.tobytes(
        pilot.app.surface.subsurface(area), "RGB"
    )


def _start(pilot, path: Path, seed: int = 0) -> SceneScreen:  # type: ignore[no-untyped-def]
    from game.ui import flow

    assert flow.start(pilot.app, path, "practice", seed=seed)
    pilot.frame()
    screen = pilot.screen
    assert isinstance(screen, SceneScreen)
    return screen


def test_every_hint_that_offers_esc_means_it(make_app) -> None:
    """A screen's hint names Esc only where Esc does something: the ending's Esc goes back to the scenarios."""
    pilot = make_app(typewriter=False)
    assert "Esc" not in pilot.screen.hint()  # the title: Esc does nothing there, and no hint says it does
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.screen, TitleScreen)
    _to_scene(pilot)
    while isinstance(pilot.screen, SceneScreen):
        pilot.key(pygame.K_1)
        pilot.key(pygame.K_RETURN)
    ending = pilot.screen
    assert isinstance(ending, EndingScreen)
    assert "Esc" in ending.hint()
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.screen, PickerScreen)


def test_history_numbers_choices_as_shown_and_keeps_the_next_scene_back(make_app) -> None:
    pilot = make_app(typewriter=False)
    scene = _to_scene(pilot)
    pt = pilot.app.playthrough
    first_scene = pt.session.scene.id
    pilot.key(pygame.K_2)  # the second choice on screen
    assert scene.outcome is not None
    pilot.key(pygame.K_h)
    history = pilot.screen
    assert isinstance(history, HistoryScreen)
    labels = [s.label for s in history.sections()]
    assert any(label.endswith(tr("history.choice", n=2)) for label in labels), labels
    assert not any(label.startswith(tr("history.now")) for label in labels)  # the next scene is not shown yet
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_RETURN)  # on to the next scene: now History shows it
    assert pt.session.scene.id != first_scene
    pilot.key(pygame.K_h)
    assert any(s.label.startswith(tr("history.now")) for s in pilot.screen.sections())


def test_the_spanish_title_screen_names_the_scenario_in_spanish(make_app, tmp_path: Path) -> None:
    from game.paths import SCENARIOS

    data = tmp_path / "shared"
    english = make_app(typewriter=False, folder=SCENARIOS, data=data)
    _start(english, SCENARIOS / "broken-word.yaml")
    english.key(pygame.K_1)
    assert english.app.playthrough.scenario.title == "The deposit that never came"
    spanish = make_app(lang="es", typewriter=False, folder=SCENARIOS, data=data)  # the next day, in Spanish
    title = spanish.screen
    assert isinstance(title, TitleScreen)
    assert title.save_title == "El anticipo que nunca llegó"
    hint = title._new_hint()
    assert "El anticipo que nunca llegó" in hint and "deposit" not in hint
    assert hint.count("«") == 1 and hint.count("»") == 1  # no quotes inside quotes


@pytest.mark.parametrize(("lang", "shown"), [("en", "60%"), ("es", "60 %")])
def test_percentages_follow_the_language(make_app, lang: str, shown: str) -> None:
    pilot = make_app(lang=lang)
    pilot.key(pygame.K_4)  # Settings
    settings = pilot.screen
    assert isinstance(settings, SettingsScreen)
    volume = next(row for row in settings.rows() if row.key == "volume")
    assert shown in volume.options
    assert percent(0.6) == shown  # the debrief's scores alike


def test_f5_keeps_one_record_for_the_playthrough(make_app, bakery_copy: Path) -> None:
    pilot = make_app(typewriter=False)
    _start(pilot, bakery_copy, seed=3)
    pt = pilot.app.playthrough
    pilot.choose("explain_policy")
    pilot.key(pygame.K_RETURN)
    records = pilot.app.recorder._open()
    assert len(records.playthroughs()) == 1
    for _ in range(3):
        pilot.key(pygame.K_F5)
        assert pilot.app.notice is not None and pilot.app.notice.kind == "info"
    fixed = bakery_copy.read_text(encoding="utf-8").replace("effects: {reputation: +2}", "effects: {reputation: +4}")
    bakery_copy.write_text(fixed, encoding="utf-8")
    pilot.key(pygame.K_F5)  # the file changed what the first choice did: the record says so now
    kept = records.playthroughs()
    assert len(kept) == 1 and not kept[0].finished
    assert [c.choice_id for c in kept[0].choices] == ["explain_policy"]
    assert pt.session.history[0].deltas.get("reputation") == 4
    while not pt.session.finished:
        if isinstance(pilot.screen, SceneScreen) and pilot.screen.outcome is None:
            pilot.key(pygame.K_1)
        else:
            pilot.key(pygame.K_RETURN)
    pilot.key(pygame.K_F5)  # reloading at the ending changes nothing recorded
    kept = records.playthroughs()
    assert len(kept) == 1 and kept[0].finished


def test_the_keyboard_works_after_leaving_full_screen(make_app) -> None:
    pilot = make_app(typewriter=False)
    pilot.key(pygame.K_DOWN)
    assert pilot.screen.focus.focused_id == "scenarios"
    pilot.key(pygame.K_F11)
    pilot.key(pygame.K_F11)
    assert not pilot.app.settings.fullscreen
    assert pilot.screen.focus.focused_id == "scenarios" and pilot.screen.focus.visible
    pilot.key(pygame.K_DOWN)
    assert pilot.screen.focus.focused_id == "settings"
    pilot.key(pygame.K_RETURN)
    assert isinstance(pilot.screen, SettingsScreen)


@pytest.mark.parametrize("size", [(960, 540), (1280, 720)])
def test_enter_never_skips_the_coach(make_app, size: tuple[int, int]) -> None:
    """At the largest text size the outcome's cards scroll; Enter reads on until their end (the coach's note)
    has been on screen, and only then does Continue take the focus."""
    from game.paths import SCENARIOS

    pilot = make_app(size=size, typewriter=False, folder=SCENARIOS)
    pilot.app.settings.text_size = 2
    pilot.app.retheme()
    scene = _start(pilot, SCENARIOS / "broken-word.yaml", seed=1)
    pt = pilot.app.playthrough
    scrolled = 0
    while isinstance(pilot.screen, SceneScreen):
        pilot.key(pygame.K_1)
        assert scene.outcome is not None
        turn = len(pt.session.history)
        presses = 0
        while scene.focus.focused_id != "continue":
            assert scene.focus.focused_id == "read_on" and scene.oscroll.offset < scene.oscroll.limit
            assert "Enter" in scene.hint() and tr("outcome.continue") not in scene.hint()
            pilot.key(pygame.K_RETURN)  # reads on: the same outcome, further down
            presses += 1
            assert scene.outcome is not None and len(pt.session.history) == turn
        scrolled += presses > 0
        assert scene.oscroll.offset == scene.oscroll.limit  # the end, with the coach, is on screen
        assert any(s.label == tr("outcome.coach") for s in scene.sections)
        pilot.key(pygame.K_RETURN)
    if size == (960, 540):
        assert scrolled, "no outcome scrolled: the test shows nothing at this size"


SIZES = [(960, 540), (1280, 720), (2560, 1440)]


@pytest.mark.parametrize("size", SIZES)
# the largest text size is the hard case (the default run); the default size runs in the slow step
@pytest.mark.parametrize("text_size", [pytest.param(0, marks=pytest.mark.slow), 2])
def test_reading_text_never_shrinks_below_its_minimum(make_app, size: tuple[int, int], text_size: int) -> None:
    """Scene after scene, the narrative, the choices and the outcome keep reading size; long ones scroll."""
    from game.paths import SCENARIOS

    pilot = make_app(size=size, typewriter=False, folder=SCENARIOS)
    pilot.app.settings.text_size = text_size
    pilot.app.retheme()
    theme = pilot.app.theme
    floor = txt.reading_floor(theme)
    assert floor >= txt.READING_SHRINK and theme.font_size("body", floor) >= txt.MIN_BODY_PX
    for name in ("broken-word", "spa-hotel"):
        scene = _start(pilot, SCENARIOS / f"{name}.yaml", seed=2)
        pt = pilot.app.playthrough
        while not pt.session.finished:
            assert scene.layout_c.shrink >= floor, (name, pt.session.scene.id)
            pilot.key(pygame.K_1)
            assert scene.layout_o.shrink >= floor, (name, pt.session.history[-1].choice_id)
            while scene.focus.focused_id == "read_on":
                pilot.key(pygame.K_RETURN)
            pilot.key(pygame.K_RETURN)
    assert not OVERFLOWS


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", [0, 2])
def test_every_choice_can_be_reached_and_seen(make_app, size: tuple[int, int], text_size: int) -> None:
    """broken-word's first scene: the keyboard brings the fourth choice wholly into view, never under the
    "more below" arrow, and its number picks it."""
    from game.paths import SCENARIOS

    pilot = make_app(size=size, typewriter=False, folder=SCENARIOS)
    pilot.app.settings.text_size = text_size
    pilot.app.retheme()
    scene = _start(pilot, SCENARIOS / "broken-word.yaml")
    shown = pilot.app.playthrough.session.shown_choices()
    assert len(shown) >= 4
    for index, choice in enumerate(shown):
        pilot.key(pygame.K_DOWN)
        assert scene.focus.focused_id == f"c:{choice.id}"
        card = scene.layout_c.cards[index]
        visible = scene.cscroll.clip(scene.right, pilot.app.theme) if scene.cscroll.active else scene.right
        assert visible.contains(card), (index, card, visible)
    fourth = shown[3].id
    pilot.key(pygame.K_4)
    assert scene.outcome is not None and scene.outcome.choice_id == fourth


def test_undo_and_start_again_have_different_icons(make_app) -> None:
    from game.ui import assets

    pilot = make_app(typewriter=False)
    scene = _to_scene(pilot)
    undo_icon = next(icon for key, _l, icon, _r, _e in scene.top_buttons if key == "undo_top")
    pilot.key(pygame.K_ESCAPE)
    pause = pilot.screen
    assert isinstance(pause, PauseScreen)
    icons = {key: icon for key, _label, icon, _enabled, _rect in pause.entries}
    assert undo_icon == icons["undo"] == "undo" and icons["restart"] == "restart"
    white = (255, 255, 255)
    drawn = [assets.icon(name, 48, white) for name in ("undo", "restart")]
    assert all(d is not None for d in drawn)
    assert pygame.image.tobytes(drawn[0], "RGBA") != pygame.image.tobytes(drawn[1], "RGBA")


def test_the_picker_shows_which_mode_is_chosen(make_app) -> None:
    pilot = make_app(typewriter=False)
    pilot.key(pygame.K_3)
    picker = pilot.screen
    assert isinstance(picker, PickerScreen)
    pilot.key(pygame.K_1)
    assert picker.focus.focused_id == "practice" and picker.selected_mode == "practice"
    pilot.key(pygame.K_RIGHT)
    assert picker.selected_mode == "assessment"

    def fill(mode: str) -> tuple[int, int, int]:
        pilot.app.draw()
        rect = picker.mode_rects[mode]
        return tuple(pilot.app.surface.get_at((rect.x + rect.w // 2, rect.bottom - pilot.app.theme.px(6))))[:3]

    accent = pilot.app.theme.colors.accent
    assert fill("assessment") == accent and fill("practice") != accent  # one filled: the chosen one
    pilot.key(pygame.K_TAB)  # the focus leaves the mode buttons: the choice stays shown
    assert picker.focus.focused_id not in ("practice", "assessment")
    assert fill("assessment") == accent and fill("practice") != accent
    pilot.key(pygame.K_2)  # another scenario: the focus comes back to the mode chosen
    assert picker.focus.focused_id == "assessment"


def test_a_quoted_title_is_not_quoted_twice() -> None:
    from game.ui.screens.title import _unquoted

    assert _unquoted("«Sí» a todo") == "“Sí” a todo"
    assert _unquoted("«El anticipo»") == "El anticipo"


def test_a_notice_on_the_picker_leaves_its_back_button_free(make_app) -> None:
    pilot = make_app(typewriter=False)
    pilot.key(pygame.K_3)
    picker = pilot.screen
    assert isinstance(picker, PickerScreen)
    pilot.app.show_notice("error", "The scenario has errors.", ["a.yaml:3:1: error S101: no start scene"])
    pilot.frame()
    assert pilot.app.notice_rect is not None and not pilot.app.notice_rect.colliderect(picker.back_rect)


def test_the_more_arrow_sits_in_a_band_free_of_text_in_high_contrast(make_app) -> None:
    from game.paths import SCENARIOS

    pilot = make_app(size=(960, 540), typewriter=False, folder=SCENARIOS)
    pilot.app.settings.text_size = 2
    pilot.app.settings.high_contrast = True
    pilot.app.retheme()
    scene = _start(pilot, SCENARIOS / "broken-word.yaml")
    assert scene.cscroll.more_below()
    pilot.app.draw()
    theme = pilot.app.theme
    clip = scene.cscroll.clip(scene.right, theme)
    band = pygame.Rect(scene.cscroll.view.x, clip.bottom, scene.cscroll.view.w, scene.right.bottom - clip.bottom)
    assert band.h >= theme.px(20)
    text = theme.colors.text
    surface = pilot.app.surface
    inked = [
        (x, y)
        for x in range(band.left, band.right)
        for y in range(band.top, band.bottom)
        if tuple(surface.get_at((x, y)))[:3] == text
    ]
    assert not inked, inked[:5]  # only the arrow (in the accent colour) and the background there
