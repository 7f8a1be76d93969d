"""Render the projector screenshots of docs/trainers.md again: docs/screenshots/projector-*.png.

Usage (from the repository root; look at every picture before committing it)::

    python tools/projector_screenshots.py              # rewrite docs/screenshots/projector-*.png
    python tools/projector_screenshots.py --out DIR    # write them somewhere else, to compare

Each picture is one state of a scripted group session, drawn headless by the projector's own view at
1280x720: the discussion (the workshop scenario, with a countdown), a reveal in Spanish, the vote screen with
phones voting beside typed counts (Spanish; the room code and address are made up), the group debrief's
summary (spa-hotel, eleven decisions) and a decision page of the debrief. The votes are fixed, so the
pictures change only when the projector does.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when used: the game's folder goes on the path first
    import pygame

    from game.core.model import Scenario
    from game.training.facilitate_model import GroupPlay
    from game.ui.facilitate.view import View

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 720)
WORKSHOP = ROOT / "tests" / "training" / "data" / "workshop.yaml"
ADDRESS = "http://192.168.1.20:8765"


def main(argv: list[str] | None = None) -> int:
    """Write every projector screenshot; print the paths written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="the folder to write into")
    args = parser.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    sys.path.insert(0, str(ROOT))
    import pygame

    pygame.display.init()
    pygame.font.init()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, render in SHOTS.items():
        path = args.out / f"{name}.png"
        pygame.image.save(render(), str(path))
        print(path)
    return 0


def _scenario(language: str, spa: bool = False) -> Scenario:
    from game.authoring.load import load_scenario
    from game.paths import SCENARIOS

    shown = load_scenario(SCENARIOS / "spa-hotel.yaml" if spa else WORKSHOP).localized(language)
    assert shown is not None
    return shown


def _session(language: str, spa: bool = False, countdown: float = 0.0) -> tuple[GroupPlay, View]:
    """A group-play model and its projector view, recording nothing."""
    from game.core.session import Session
    from game.training.facilitate_model import GroupPlay
    from game.ui.facilitate.view import View, projector_theme

    scenario = _scenario(language, spa)
    play = GroupPlay(Session(scenario, seed=0), countdown=countdown, clock=lambda: 100.0)
    return play, View(play, projector_theme(SIZE), language)


def _typed(play: GroupPlay, votes: dict[str, int]) -> None:
    """Type the room's votes and reveal them (choice id -> votes)."""
    from game.training.facilitate_model import TYPED

    play.start_voting()
    play.add_votes(votes, TYPED)
    play.reveal()


def _draw(view: View) -> pygame.Surface:
    import pygame

    surface = pygame.Surface(SIZE)
    view.draw(surface)
    return surface


def discuss() -> pygame.Surface:
    """The first decision's discussion, the countdown set."""
    _play, view = _session("en", countdown=90)
    return _draw(view)


def reveal_es() -> pygame.Surface:
    """The second decision revealed, in Spanish."""
    play, view = _session("es")
    _typed(play, {"ask_details": 6, "say_yes_now": 2})
    play.play()
    play.next()
    _typed(play, {"absorb_it": 5, "blame_dora": 2, "count_it": 1})
    return _draw(view)


def phones_es() -> pygame.Surface:
    """The vote screen with phones voting (5 phones) beside a typed show of hands (12), in Spanish."""
    from game.training.vote_room import VoteRoom
    from game.ui.facilitate.phone_panel import attach

    play, view = _session("es")
    room = VoteRoom("K7P3")
    attach(play, view, room, ADDRESS, f"{ADDRESS}/?room={room.code}")
    token = room.view(None).token
    for device, choice in enumerate(["say_yes_now"] * 3 + ["ask_details"] * 2):
        room.vote(room.code, token, f"phone-{device}", choice)
    play.start_voting()
    shown = [c.id for c in play.choices]
    play.selected = shown.index("ask_details")
    play.type_digit("1")
    play.type_digit("2")
    play.selected = shown.index("say_yes_now")
    play.type_digit("0")
    play.selected = shown.index("ask_details")
    return _draw(view)


#: the votes at each decision of a finished session, in the order of the choices (turned round each time)
SPLITS = [(9, 4, 2, 1), (6, 5, 3, 2), (11, 3, 2, 0), (5, 4, 4, 3), (8, 7, 1, 0)]


def _finished(language: str, spa: bool, first: dict[str, int] | None = None) -> View:
    """A session played to its end: ``first`` at the first decision when given, and a fixed split at every
    other (``SPLITS`` in turn, turning round the choices shown so the majority is not always the first)."""
    play, view = _session(language, spa)
    turn = 0
    while not play.session.finished:
        ids = [c.id for c in play.choices]
        shift = turn % len(ids)
        split = dict(zip(ids[shift:] + ids[:shift], SPLITS[turn % len(SPLITS)], strict=False))
        _typed(play, first if turn == 0 and first else split)
        play.play()
        play.next()
        turn += 1
    return view


def summary() -> pygame.Surface:
    """The group debrief's first page: the summary of spa-hotel's decisions."""
    view = _finished("en", True)
    return _draw(view)


def debrief() -> pygame.Surface:
    """The group debrief's page of the first decision: after the summary and where every metric ended."""
    view = _finished("en", False, {"say_yes_now": 5, "ask_details": 2})
    _draw(view)
    view.page = view.summary_pages + 1
    return _draw(view)


SHOTS: dict[str, Callable[[], pygame.Surface]] = {
    "projector-discuss": discuss,
    "projector-reveal-es": reveal_es,
    "projector-phones-es": phones_es,
    "projector-summary": summary,
    "projector-debrief": debrief,
}


if __name__ == "__main__":
    sys.exit(main())
