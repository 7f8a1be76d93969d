"""The game's screen flow as one declared table: (the screen that finished, its result) -> the move.

A screen finishes with a ``game.ui.screen_results`` value (``Screen.finish``); the app hands it here.
``ROUTES`` lists every allowed pair and where it leads; a pair not listed is refused with ``UnknownMove``,
so a screen cannot take the game somewhere nobody declared. The moves themselves are ``game.ui.flow``'s.
docs/screen-flow.md shows the same table (a test keeps the two equal) and says why this is a plain table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.ui import flow
from game.ui.screen_results import (
    Back,
    Chosen,
    Continue,
    Finished,
    OpenDebrief,
    OpenHistory,
    OpenPause,
    OpenPicker,
    OpenSettings,
    OpenWho,
    Picked,
    Quit,
    Reload,
    ReplayFrom,
    ScreenResult,
    ToTitle,
    TryAgain,
    Undo,
)

if TYPE_CHECKING:
    from game.ui.flow import Game

#: The screen name that stands for "any screen" in ``ROUTES``.
ANY = "*"

Move = Callable[["Game", ScreenResult], None]


class UnknownMove(LookupError):
    """A screen finished with a result that ``ROUTES`` does not allow from it."""

    def __init__(self, screen: str, result: ScreenResult) -> None:
        allowed = sorted(kind.__name__ for name, kind in ROUTES if name in (screen, ANY))
        super().__init__(
            f"the {screen!r} screen cannot finish with {type(result).__name__}; "
            f"it can finish with: {', '.join(allowed) or 'nothing'}"
        )
        self.screen = screen
        self.result = result


@dataclass(frozen=True)
class Route:
    """Where one (screen, result) pair leads: ``to`` in words (as docs/screen-flow.md lists it), and the move."""

    to: str
    move: Move


# -- the moves: each takes the app and the result (its fields, where it has any) ------------------------


def _close(app: Game, result: ScreenResult) -> None:
    app.pop()


def _quit(app: Game, result: ScreenResult) -> None:
    app.running = False


def _title(app: Game, result: ScreenResult) -> None:
    flow.open_title(app)


def _picker(app: Game, result: ScreenResult) -> None:
    if isinstance(result, OpenPicker):
        flow.open_picker(app, select=result.select, focus_modes=result.focus_modes)
    else:
        flow.open_picker(app)


def _begin(app: Game, result: ScreenResult) -> None:
    assert isinstance(result, Picked)
    flow.begin(app, result.path, result.mode)


def _chosen(app: Game, result: ScreenResult) -> None:
    assert isinstance(result, Chosen)
    flow.chosen(app, result.then)


def _continue(app: Game, result: ScreenResult) -> None:
    flow.continue_game(app)


def _settings(app: Game, result: ScreenResult) -> None:
    flow.open_settings(app)


def _who(app: Game, result: ScreenResult) -> None:
    flow.open_who(app)


def _pause(app: Game, result: ScreenResult) -> None:
    flow.open_pause(app)


def _history(app: Game, result: ScreenResult) -> None:
    flow.open_history(app)


def _pause_to_history(app: Game, result: ScreenResult) -> None:
    app.pop()
    flow.open_history(app)


def _undo(app: Game, result: ScreenResult) -> None:
    flow.undo(app)


def _playthrough(app: Game, result: ScreenResult) -> None:
    flow.show_playthrough(app)


def _debrief(app: Game, result: ScreenResult) -> None:
    flow.open_debrief(app)


def _again(app: Game, result: ScreenResult) -> None:
    flow.try_again(app)


def _replay(app: Game, result: ScreenResult) -> None:
    assert isinstance(result, ReplayFrom)
    flow.replay_from(app, result.turns)


def _reload(app: Game, result: ScreenResult) -> None:
    flow.reload(app)


BELOW = "the screen below"

#: Every allowed move: (screen name, result type) -> where it leads. Overlays (settings, who, pause,
#: history, busy-folder) open over the screen that asked; "the screen below" is the one they covered.
ROUTES: dict[tuple[str, type[ScreenResult]], Route] = {
    ("title", Continue): Route("scene or ending (title, when the save is refused)", _continue),
    ("title", OpenPicker): Route("picker", _picker),
    ("title", OpenSettings): Route("settings", _settings),
    ("title", OpenWho): Route("who", _who),
    ("title", Quit): Route("(the game closes)", _quit),
    ("busy-folder", Back): Route(BELOW, _close),
    ("picker", Picked): Route("who (when nobody said who plays), else scene", _begin),
    ("picker", Back): Route("title", _title),
    ("who", Chosen): Route(BELOW + ", which then finishes with `then`", _chosen),
    ("settings", Back): Route(BELOW, _close),
    ("scene", OpenPause): Route("pause", _pause),
    ("scene", OpenHistory): Route("history", _history),
    ("scene", Finished): Route("ending", _playthrough),
    ("pause", Back): Route("scene", _close),
    ("pause", OpenHistory): Route("history (in place of the pause menu)", _pause_to_history),
    ("pause", Undo): Route("scene", _undo),
    ("pause", OpenSettings): Route("settings", _settings),
    ("pause", TryAgain): Route("scene", _again),
    ("pause", ToTitle): Route("title", _title),
    ("history", Back): Route(BELOW, _close),
    ("ending", OpenDebrief): Route("debrief", _debrief),
    ("ending", TryAgain): Route("scene", _again),
    ("ending", OpenPicker): Route("picker", _picker),
    ("ending", Back): Route("picker", _picker),
    ("debrief", ReplayFrom): Route("scene", _replay),
    ("debrief", TryAgain): Route("scene", _again),
    ("debrief", OpenPicker): Route("picker", _picker),
    ("debrief", ToTitle): Route("title", _title),
    ("debrief", Back): Route("ending", _playthrough),
    (ANY, Reload): Route("the same place, the file read again (when a scenario is being played)", _reload),
}


def route_for(screen: str, result: ScreenResult) -> Route:
    """The declared route for ``screen`` finishing with ``result``; ``UnknownMove`` when there is none."""
    found = ROUTES.get((screen, type(result))) or ROUTES.get((ANY, type(result)))
    if found is None:
        raise UnknownMove(screen, result)
    return found


def route(app: Game, screen: str, result: ScreenResult) -> None:
    """Make the move declared for ``screen`` finishing with ``result`` (``UnknownMove`` when none is)."""
    route_for(screen, result).move(app, result)
