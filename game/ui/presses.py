"""Nothing is chosen unseen: which key and button presses may act on what the window shows.

A press counts only if it went down after the view it acts on was drawn in full. A *view* is one screen in
one state (the scene's text being written, the same scene with its text complete, its outcome, ...): a screen
says it changed with ``Screen.changed()``, and the window draws the view before it is *armed*. Rules:

- a key, mouse button or controller button that goes down while the view is not armed does nothing, and
  neither do its repeats until it is released: a held key never carries over from one view to the next;
- a key repeat (pygame's own timer, or an event that says ``repeat``) never activates anything; it may only
  keep moving (arrows, Tab, Page Up/Down) on the view where its key first went down and was accepted;
- mouse motion, the wheel and a controller's stick move the focus or scroll; they are never gated.
"""

from __future__ import annotations

from collections.abc import Hashable

import pygame

from game.ui import input as inp

View = Hashable

_MOVES = frozenset((*inp.DIRECTIONS, inp.NEXT, inp.PREV, inp.PAGE))
_PRESSES = (pygame.MOUSEBUTTONDOWN, pygame.CONTROLLERBUTTONDOWN, pygame.JOYBUTTONDOWN)


class PressGate:
    """Keeps which keys are held, since which view, and which view the window has drawn."""

    def __init__(self) -> None:
        self.armed: View | None = None
        self._held: dict[int | None, View | None] = {}  # key -> the view its press was accepted on (None: refused)
        self.refused = 0  # presses and repeats refused so far (for tests and diagnostics)

    def drawn(self, view: View) -> None:
        """The window has just drawn ``view`` in full: presses that go down from now on may act on it."""
        self.armed = view

    def release_all(self) -> None:
        """Forget held keys (the window lost the keyboard focus: their key-up may never arrive)."""
        self._held.clear()

    def admit(
        self, event: pygame.event.Event, actions: list[inp.Action], view: View, typing: bool = False
    ) -> list[inp.Action]:
        """The actions of ``event`` that may act on ``view`` (the view on top when the event is handled).

        ``typing``: the event goes to a text field, where a repeat of a key pressed on this view acts too
        (holding Backspace deletes on), and typed text counts only once the view is drawn."""
        kind = event.type
        if typing and kind in (pygame.TEXTINPUT, pygame.TEXTEDITING):
            return actions if self.armed == view else []
        if kind == pygame.KEYUP:
            self._held.pop(getattr(event, "key", None), None)
            return actions
        if kind == pygame.KEYDOWN:
            key = getattr(event, "key", None)
            if key in self._held or getattr(event, "repeat", False):
                accepted_on = self._held.get(key)
                kept = []
                if accepted_on == view and view == self.armed:
                    kept = actions if typing else [a for a in actions if a.kind in _MOVES]
                self.refused += len(actions) - len(kept)
                return kept
            fresh = self.armed == view
            self._held[key] = view if fresh else None
            if not fresh:
                self.refused += len(actions)
            return actions if fresh else []
        if kind in _PRESSES and self.armed != view:
            self.refused += len(actions)
            return []
        return actions
