"""What a screen can finish with: the only thing a screen hands back to the game (``Screen.finish``).

A screen says *what happened* (the learner picked a scenario, asked for the settings, pressed Esc); which
screen comes next is decided in one place, ``game.ui.screen_flow``, from the screen's name and the kind of
result. So no screen imports another screen, the flow or the app. Each result is a small frozen value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScreenResult:
    """The base of every result a screen can finish with."""


@dataclass(frozen=True)
class Back(ScreenResult):
    """Esc, Close or Resume: leave this screen the way its Back goes."""


@dataclass(frozen=True)
class Quit(ScreenResult):
    """Close the game."""


@dataclass(frozen=True)
class ToTitle(ScreenResult):
    """Leave the playthrough (if any) for the title screen."""


@dataclass(frozen=True)
class OpenPicker(ScreenResult):
    """The scenario list, optionally with one scenario selected and the focus on its mode buttons."""

    select: str | None = None
    focus_modes: bool = False


@dataclass(frozen=True)
class Picked(ScreenResult):
    """The learner chose a scenario file and a mode (practice or assessment) to play it in."""

    path: str
    mode: str


@dataclass(frozen=True)
class Continue(ScreenResult):
    """Resume the autosaved playthrough."""


@dataclass(frozen=True)
class OpenSettings(ScreenResult):
    """The settings, over this screen."""


@dataclass(frozen=True)
class OpenWho(ScreenResult):
    """The "who is playing" question, over this screen."""


@dataclass(frozen=True)
class Chosen(ScreenResult):
    """Someone said who is playing; ``then`` is what the screen below asked for before the question."""

    then: ScreenResult | None = None


@dataclass(frozen=True)
class OpenPause(ScreenResult):
    """The pause menu, over the scene."""


@dataclass(frozen=True)
class OpenHistory(ScreenResult):
    """The conversation so far, over the scene."""


@dataclass(frozen=True)
class Undo(ScreenResult):
    """Take back the last choice (practice mode)."""


@dataclass(frozen=True)
class Finished(ScreenResult):
    """The last outcome was read: the playthrough is over, show its ending."""


@dataclass(frozen=True)
class OpenDebrief(ScreenResult):
    """The debrief of the finished playthrough."""


@dataclass(frozen=True)
class TryAgain(ScreenResult):
    """The same scenario again from the start, same mode, a new seed."""


@dataclass(frozen=True)
class ReplayFrom(ScreenResult):
    """Rewind to just before a decision (``turns`` choices made) and play on from there."""

    turns: int


@dataclass(frozen=True)
class Reload(ScreenResult):
    """F5: read the scenario file again and replay the same choices to the same place."""
