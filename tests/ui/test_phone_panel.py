"""The projector's phone-voting panel (dummy video driver): the QR code drawn is exactly the code segno makes
for the room's link, at 1280x720 and 1920x1080 in both languages; it gives way at the reveal. Screenshots go
to $STICKY_PHONE_SHOTS when it is set (to look at them), else to a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest
import segno

from game.core.session import Session
from game.training.facilitate_model import GroupPlay
from game.training.vote_room import VoteRoom
from game.ui.facilitate.phone_panel import attach
from game.ui.facilitate.view import View, projector_theme
from tests.training.helpers import workshop

pytestmark = pytest.mark.ui
ADDRESS = "http://192.168.1.20:8765"


@pytest.fixture(autouse=True)
def _display() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.display.init()
    pygame.font.init()


def _modules(surface: pygame.Surface, rect: pygame.Rect, count: int) -> list[list[bool]]:
    """Read the QR code's modules back from the pixels: dark or light at the centre of each cell."""
    cell = rect.width / count
    spots = [round((i + 0.5) * cell) for i in range(count)]
    return [[surface.get_at((rect.x + x, rect.y + y))[0] < 128 for x in spots] for y in spots]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_panel_shows_the_rooms_qr_code_while_the_room_votes(
    size: tuple[int, int], language: str, tmp_path: Path
) -> None:
    shots = Path(os.environ.get("STICKY_PHONE_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    play = GroupPlay(Session(workshop(language), seed=0))
    room = VoteRoom("K7P3")
    view = View(play, projector_theme(size), language)
    link = f"{ADDRESS}/?room={room.code}"
    panel = attach(play, view, room, ADDRESS, link)
    surface = pygame.Surface(size)
    token = room.view(None).token
    for device in range(7):
        room.vote(room.code, token, f"phone-{device}", play.choices[0].id)
    view.draw(surface)
    pygame.image.save(surface, str(shots / f"projector-{language}-{size[0]}-discuss.png"))
    assert panel.qr_rect is not None
    expected = [[bool(v) for v in row] for row in segno.make(link, error="m", boost_error=False).matrix_iter(border=4)]
    assert _modules(surface, panel.qr_rect, len(expected)) == expected  # the drawn code is the room's link
    assert panel.qr_rect.width >= size[1] * 0.25  # big enough to scan from the front rows
    play.start_voting()
    view.draw(surface)
    pygame.image.save(surface, str(shots / f"projector-{language}-{size[0]}-vote.png"))
    assert panel.qr_rect is not None and sum(play.counts().values()) == 7  # phone votes counted live
    play.reveal()
    view.draw(surface)
    pygame.image.save(surface, str(shots / f"projector-{language}-{size[0]}-reveal.png"))
    assert panel.qr_rect is None and room.view(None).stage == "closed"  # the reveal has the whole screen
