"""The window and keyboard of facilitated group play (`sticky facilitate`), with a scripted headless mode.

Keys: Space starts the discussion timer; Enter turns to the next page of a screen that has several, then
moves on (to the votes, the reveal, playing the choice, the next scene); Right/Left (and Page Down/Up) turn
pages and Home goes back to the first (the debrief's summary); Up/Down pick the row whose votes you type
(and turn the debrief's pages); digits type a count, + and − adjust it, Backspace deletes; at the reveal a
number plays that choice instead of the majority; Esc goes back (or quits from the discussion and the
debrief). ``keys`` replays a comma-separated list of these (``enter``, ``space``, ``up``, ``down``,
``left``, ``right``, ``home``, ``back``, ``esc``, ``+``, ``-`` or digits) and can save a screenshot after
each, for tests and documentation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.core.model import Scenario
from game.core.session import Session
from game.locale import tr_in
from game.training.facilitate_model import GroupPlay
from game.training.record_store import Records
from game.ui.facilitate.view import Aside, View, projector_theme
from game.ui.screenshots import save_png

_NAMED = {
    "enter": pygame.K_RETURN,
    "space": pygame.K_SPACE,
    "up": pygame.K_UP,
    "down": pygame.K_DOWN,
    "back": pygame.K_BACKSPACE,
    "esc": pygame.K_ESCAPE,
    "left": pygame.K_LEFT,
    "right": pygame.K_RIGHT,
    "home": pygame.K_HOME,
    "+": pygame.K_PLUS,
    "-": pygame.K_MINUS,
}


def handle_key(play: GroupPlay, view: View, key: int, text: str = "") -> bool:
    """Apply one key press; returns False when the facilitator quits."""
    step = play.step
    digit = text if text.isdigit() else ""
    if not digit and pygame.K_KP0 <= key <= pygame.K_KP9:
        digit = str(key - pygame.K_KP0)
    if not digit and pygame.K_0 <= key <= pygame.K_9:
        digit = str(key - pygame.K_0)
    if key == pygame.K_ESCAPE:
        if step in ("discuss", "debrief"):
            return False
        play.back()
    elif key in (pygame.K_RIGHT, pygame.K_PAGEDOWN) or (key == pygame.K_DOWN and step == "debrief"):
        view.next_page()
    elif key in (pygame.K_LEFT, pygame.K_PAGEUP) or (key == pygame.K_UP and step == "debrief"):
        view.previous_page()
    elif key == pygame.K_HOME:
        view.first_page()
    elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
        if step == "vote" or not view.next_page():  # every page is seen before moving on
            {"discuss": play.start_voting, "vote": play.reveal, "reveal": play.play, "outcome": play.next}.get(
                step, lambda: None
            )()
    elif key == pygame.K_SPACE and step == "discuss":
        play.toggle_timer()
    elif key in (pygame.K_UP, pygame.K_DOWN) and step == "vote":
        play.move(-1 if key == pygame.K_UP else 1)
    elif digit and step == "vote":
        play.type_digit(digit)
    elif digit and step == "reveal":
        play.pick(int(digit))
    elif key == pygame.K_BACKSPACE:
        play.backspace() if step == "vote" else play.back()
    elif key in (pygame.K_PLUS, pygame.K_KP_PLUS, pygame.K_EQUALS) or text == "+":
        play.bump(1)
    elif key in (pygame.K_MINUS, pygame.K_KP_MINUS) or text == "-":
        play.bump(-1)
    return True


def _token_key(token: str) -> tuple[int, str]:
    token = token.strip().lower()
    if token in _NAMED:
        return _NAMED[token], token if token in "+-" else ""
    if token.isdigit() and len(token) == 1:
        return pygame.K_0 + int(token), token
    raise ValueError(
        f"unknown key '{token}' (use enter, space, up, down, left, right, home, back, esc, +, - or a digit)"
    )


def run(
    scenario: Scenario,
    records: Records | None,
    *,
    seed: int = 0,
    cohort: str | None = None,
    countdown: float = 0.0,
    size: tuple[int, int] = (1280, 720),
    fullscreen: bool = False,
    keys: str | None = None,
    screenshots: Path | None = None,
    aside: Aside | None = None,
    play: GroupPlay | None = None,
    phones: tuple[Any, str, str] | None = None,
) -> GroupPlay:
    """Run a facilitated session (interactive, or scripted by ``keys``); returns its final state.

    ``play`` is a group-play model made by the caller (for instance one a vote server also feeds); by
    default one is made here. ``aside`` draws a column beside the pages (see ``View``). ``phones`` (room,
    address, link) lets the room vote from their phones (``sticky facilitate --serve``): its panel is the aside.
    """
    tokens = [_token_key(k) for k in keys.split(",") if k.strip()] if keys is not None else None
    pygame.display.init()
    pygame.font.init()
    flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
    surface = pygame.display.set_mode((0, 0) if fullscreen else size, flags)
    pygame.display.set_caption(f"{tr_in(scenario.language, 'app.title')} — {scenario.title}")
    if play is None:
        play = GroupPlay(Session(scenario, seed=seed), records, cohort=cohort, countdown=countdown)
    if phones is not None:  # the phones' votes add to the typed counts; their panel is drawn beside the pages
        from game.ui.facilitate.phone_panel import PhoneAside

        aside = PhoneAside(play, *phones)
    view = View(play, projector_theme(surface.get_size()), scenario.language, aside)
    if screenshots is not None:
        screenshots.mkdir(parents=True, exist_ok=True)
    try:
        if tokens is not None:
            for index, (key, text) in enumerate([(0, "")] + tokens):
                if key and not handle_key(play, view, key, text):
                    break
                view.draw(surface)
                if screenshots is not None:
                    save_png(surface, screenshots / f"{index:02d}-{play.step}.png")
            return play
        clock = pygame.time.Clock()
        running = True
        while running:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    running = False
                elif event.type == pygame.VIDEORESIZE and not fullscreen:
                    surface = pygame.display.set_mode(event.size, pygame.RESIZABLE)
                    view.t = projector_theme(surface.get_size())
                elif event.type == pygame.KEYDOWN:
                    running = handle_key(play, view, event.key, event.unicode)
            view.draw(surface)
            pygame.display.flip()
            clock.tick(30)
        return play
    finally:
        play.leave()
        pygame.display.quit()
