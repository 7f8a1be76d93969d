"""The moves between screens: start, continue, replay, try again, open a menu over the scene.

Which move follows which screen's result is declared in ``game.ui.screen_flow``; the screens themselves
never call these (they finish with a ``game.ui.screen_results`` value). Tools and tests may call them to
put the game in a given place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from game.locale import tr, tr_count
from game.ui.screens.base import Host, Screen

if TYPE_CHECKING:
    from game.core.model import Ending
    from game.ui.playthrough import Services
    from game.ui.screen_results import ScreenResult


class Game(Host, Protocol):
    """What the moves need of the game window (the app): what a screen may use, the screen stack and the
    services a playthrough writes to. Naming it here keeps the flow from importing the app."""

    running: bool

    @property
    def top(self) -> Screen | None:
        """The screen receiving input."""

    def push(self, screen: Screen) -> None:
        """Open a screen over the current one."""

    def pop(self) -> None:
        """Close the top screen."""

    def goto(self, screen: Screen) -> None:
        """Replace the whole stack with one screen."""

    def find(self, kind: type) -> Screen | None:
        """The topmost screen of a class, if open."""

    def services(self) -> Services:
        """What a playthrough writes to."""


def open_title(app: Game) -> None:
    """The title screen, alone on the stack."""
    from game.ui.screens.title import TitleScreen

    leave(app)
    app.goto(TitleScreen(app))


def leave(app: Game) -> None:
    """The learner leaves the playthrough being played, if any (see ``Playthrough.leave``)."""
    if app.playthrough is not None:
        app.playthrough.leave()
    app.playthrough = None


def open_picker(app: Game, select: str | Path | None = None, focus_modes: bool = False) -> None:
    """The scenario picker, optionally with one scenario selected (and the focus on its mode buttons)."""
    from game.ui.screens.picker import PickerScreen

    app.goto(PickerScreen(app, select=select, focus_modes=focus_modes))


def begin(app: Game, path: str | Path, mode: str) -> None:
    """The learner starts a scenario from the picker: when records are kept and nobody has said yet who is
    playing in this run, ask first (``WhoScreen``, which hands back ``Chosen(then)``), then start."""
    if app.recorder.enabled and app.player is None:
        from game.ui.screen_results import Picked

        open_who(app, then=Picked(str(path), mode))
        return
    start(app, path, mode)


def open_who(app: Game, then: ScreenResult | None = None) -> None:
    """The "who is playing" question over the current screen; ``then`` is routed once someone is chosen."""
    from game.ui.screens.who import WhoScreen

    app.push(WhoScreen(app, then=then))


def chosen(app: Game, then: ScreenResult | None) -> None:
    """Someone said who plays: close the question, show the new name on the screens below, go on."""
    app.pop()
    for screen in app.stack:
        screen.relayout()  # the title and picker show the new name
    if then is not None and app.top is not None:
        app.top.finish(then)


def open_settings(app: Game) -> None:
    """The settings over the current screen."""
    from game.ui.screens.settings import SettingsScreen

    app.push(SettingsScreen(app))


def open_pause(app: Game) -> None:
    """The pause menu over the scene."""
    from game.ui.screens.pause import PauseScreen

    app.push(PauseScreen(app))


def open_history(app: Game) -> None:
    """The conversation so far over the scene."""
    from game.ui.screens.history import HistoryScreen

    app.push(HistoryScreen(app))


def undo(app: Game) -> None:
    """Close the pause menu and take back the last choice on the scene below."""
    from game.ui.screens.scene import SceneScreen

    app.pop()
    scene = app.find(SceneScreen)
    if isinstance(scene, SceneScreen):
        scene.undo()


def start(app: Game, path: str | Path, mode: str, seed: int | None = None) -> bool:
    """Start a new playthrough of a scenario file; shows its errors and returns False when it has any."""
    from game.ui.playthrough import LoadFailed, Playthrough, load_ok

    try:
        result = load_ok(str(path))
    except LoadFailed as exc:
        app.show_notice("error", tr("picker.errors"), [d.format() for d in exc.errors])
        return False
    leave(app)
    app.playthrough = Playthrough(str(path), result, app.settings.language, mode, app.services(), seed=seed)
    app.playthrough.autosave()
    show_playthrough(app)
    tell_translation_problems(app)
    return True


def tell_translation_problems(app: Game) -> None:
    """When the playthrough's language comes from a translation with problems, say so once: what it can't
    give is shown in the scenario's own language (a translation never blocks the original)."""
    pt = app.playthrough
    if pt is None:
        return
    problems = pt.result.translation_problems.get(pt.language, [])
    if not problems:
        return
    from game.core.visible import visible

    own = pt.result.scenario.language if pt.result.scenario is not None else ""
    app.show_notice(
        "info",
        tr("translation.problems", original=tr("language_in_text." + own) if own in ("en", "es") else own),
        [visible(d.format()) for d in problems],
        seconds=12,
    )


def ending_sound(ending: Ending | None) -> str:
    """The cue an ending plays: a settled chord for a best or good ending, low falling notes otherwise."""
    return "ending_good" if ending is not None and ending.rating in ("best", "good") else "ending_bad"


def show_playthrough(app: Game) -> None:
    """The scene being played, or the ending when the playthrough is over."""
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.scene import SceneScreen

    pt = app.playthrough
    assert pt is not None
    app.goto(EndingScreen(app) if pt.session.finished else SceneScreen(app))
    if pt.session.finished:
        app.play(ending_sound(pt.session.ending))


def _reason(message: str) -> str:
    lowered = message.lower()
    for needle, key in (
        ("newer", "newer"),
        ("version", "newer"),
        ("changed", "changed"),
        ("gone", "missing"),
        ("errors", "errors"),
        ("damaged", "unreadable"),
        ("unreadable", "unreadable"),
        ("not a save", "other"),
        ("not '", "other"),
        ("does not have", "changed"),
    ):
        if needle in lowered:
            return tr(f"save.reason.{key}")
    return tr("save.reason.other")


def continue_game(app: Game) -> bool:
    """Resume the autosave exactly; a damaged or newer save is refused with a message and the backup used."""
    from game.core.session import SaveError
    from game.ui.playthrough import Playthrough

    problems: list[str] = []
    for which, payload, error in app.saves.candidates():
        if payload is None:
            problems.append(error)
            continue
        try:
            app.playthrough = Playthrough.from_save(payload, app.services())
        except (SaveError, KeyError, TypeError, ValueError) as exc:
            problems.append(str(exc))
            continue
        own = [tr(app.playthrough.notice)] if app.playthrough.notice else []
        if problems:
            refused = tr("save.refused", reason=_reason(problems[0])) + " " + tr("save.backup_used")
            app.show_notice("error", refused, own)
        elif own:
            app.show_notice("info", own[0])
        if app.playthrough.language != app.settings.language:
            app.playthrough.set_language(app.settings.language)
        show_playthrough(app)
        return which in ("save", "backup")
    reason = _reason(problems[0]) if problems else tr("save.reason.other")
    app.show_notice("error", tr("save.refused", reason=reason), [tr("save.nothing")])
    return False


def try_again(app: Game) -> None:
    """The same scenario again from the start, same mode, a new seed."""
    pt = app.playthrough
    assert pt is not None
    pt.leave()
    app.playthrough = pt.restart()
    app.playthrough.autosave()
    show_playthrough(app)


def replay_from(app: Game, turns: int) -> None:
    """Rewind to just before a decision (``turns`` choices made) and play on from there."""
    pt = app.playthrough
    assert pt is not None
    pt.rewind(turns)
    show_playthrough(app)


def reload(app: Game) -> None:
    """F5: read the scenario file again and replay the same choices with the same seed to the same place.

    If the file now has errors they are shown (path:line:col) and play goes on with the last good version.
    """
    pt = app.playthrough
    if pt is None:
        return
    from game.ui import assets

    assets.forget_files()
    report = pt.reload()
    name = Path(pt.path).name
    if not report.ok:
        app.show_notice(
            "error", tr_count("reload.errors", len(report.errors), file=name), [d.format() for d in report.errors]
        )
        return
    key = "reload.ok" if report.replayed == report.wanted else "reload.stopped"
    app.show_notice("info", tr(key, file=name, n=report.replayed, total=report.wanted), seconds=5.0)
    show_playthrough(app)


def open_debrief(app: Game) -> None:
    """The debrief of the finished playthrough."""
    from game.ui.screens.debrief import DebriefScreen

    app.goto(DebriefScreen(app))
