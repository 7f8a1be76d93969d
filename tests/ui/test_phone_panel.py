"""The projector's phone-voting panel (dummy video driver): the QR code drawn is exactly the code segno makes
for the room's link and a real decoder (zxing-cpp) reads that link back from the screen's pixels, at
1280x720 and 1920x1080 in both languages; every text on the panel reads from the back of the room; it gives
way at the reveal; typed and phone votes are shown apart. Screenshots go to $STICKY_PHONE_SHOTS when it is
set (to look at them), else to a temporary folder."""

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
from tests.ui.test_projector import cap_height

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


def _decoded(surface: pygame.Surface) -> list[str]:
    """Every QR code a real decoder finds on the screen, from its pixels as a grey image array."""
    zxingcpp = pytest.importorskip("zxingcpp")
    width, height = surface.get_size()
    grey = pygame.image.tobytes(pygame.transform.grayscale(surface), "RGB")[::3]  # one byte a pixel
    image = memoryview(grey).cast("B", (height, width))
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def _room_panel(language: str, size: tuple[int, int]) -> tuple[GroupPlay, View, VoteRoom, str]:
    play = GroupPlay(Session(workshop(language), seed=0))
    room = VoteRoom("K7P3")
    view = View(play, projector_theme(size), language)
    link = f"{ADDRESS}/?room={room.code}"
    attach(play, view, room, ADDRESS, link)
    return play, view, room, link


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_real_decoder_reads_the_served_address_off_the_projector(size: tuple[int, int], language: str) -> None:
    play, view, _room, link = _room_panel(language, size)
    surface = pygame.Surface(size)
    for step in ("discuss", "vote"):
        assert play.step == step
        view.draw(surface)
        assert _decoded(surface) == [link]
        play.start_voting()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (960, 540), (2560, 1440), (1024, 768)])
def test_the_panel_reads_from_the_back_and_its_code_scans(size: tuple[int, int], language: str) -> None:
    play, view, room, _link = _room_panel(language, size)
    token = room.view(None).token
    for device in range(12):
        room.vote(room.code, token, f"phone-{device}", play.choices[0].id)
    surface = pygame.Surface(size)
    screen = pygame.Rect((0, 0), size)
    for _step in ("discuss", "vote"):
        view.draw(surface)
        qr = view.aside.panel.qr_rect  # type: ignore[union-attr]
        assert qr is not None and qr.height >= 0.25 * size[1]  # scans from the front rows
        texts = [w for w in view.ink.written if w.bounds.contains(qr)]  # the panel's: its box holds the code
        shown = [w.text for w in texts]
        title = "VOTE HERE" if language == "en" else "VOTEN AQUÍ"
        voted = "12 have voted" if language == "en" else "12 ya votaron"
        assert shown == [title, "192.168.1.20:8765", shown[2], "K 7 P 3", voted]
        for written in texts:
            assert written.room and cap_height(written.font) >= 0.03 * size[1], (written.text, size)
            assert written.bounds.contains(written.rect) and screen.contains(written.rect), written.text
            assert not qr.colliderect(written.rect), written.text
        play.start_voting()


@pytest.mark.parametrize("language", ["en", "es"])
def test_typed_votes_and_phone_votes_are_shown_apart(language: str) -> None:
    play, view, room, _link = _room_panel(language, (1280, 720))
    token = room.view(None).token
    for device in range(5):
        room.vote(room.code, token, f"phone-{device}", play.choices[0].id)
    play.start_voting()
    play.selected = 0
    play.type_digit("2")  # two hands up in the room, typed by the trainer
    surface = pygame.Surface((1280, 720))
    view.draw(surface)
    written = view.ink.written
    texts = [w.text for w in written]
    heading = "7 votes · 5 from phones" if language == "en" else "7 votos · 5 por teléfono"
    assert heading in texts  # the total, which the room reads
    first_row = [w for w in written if w.bounds.top < written[texts.index("+5")].rect.centery < w.bounds.bottom]
    row_texts = {w.text for w in first_row}
    assert {"2", "+5"} <= row_texts and "7" not in row_texts  # the typed count in its box, the phones' beside it
    box = next(w for w in first_row if w.text == "2")
    phones = next(w for w in first_row if w.text == "+5")
    assert phones.rect.right <= box.bounds.left  # beside the box, not in it
    assert all(cap_height(w.font) >= 0.03 * 720 for w in (box, phones))
    play.reveal()
    view.draw(surface)
    reveal = {w.text for w in view.ink.written}
    assert ("7 votes · 100%" if language == "en" else "7 votos · 100 %") in reveal  # the reveal shows the total


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_total_stays_in_sight_on_every_page_of_the_vote(language: str) -> None:
    """Beside the panel, the last decision's long choices take two pages at 1280x720: the trainer typing the
    last row still reads the total, with the phones' part, at the top of its page."""
    play, view, room, _link = _room_panel(language, (1280, 720))
    for _decision in range(3):  # on to the fourth decision, whose first choice is long
        play.start_voting()
        play.add_votes({play.choices[0].id: 1}, "typed")
        play.reveal()
        play.play()
        play.next()
    surface = pygame.Surface((1280, 720))
    view.draw(surface)  # the room follows the projector to the fourth decision
    token = room.view(None).token
    for device in range(2):
        room.vote(room.code, token, f"phone-{device}", play.choices[0].id)
    play.start_voting()
    heading = "2 votes · 2 from phones" if language == "en" else "2 votos · 2 por teléfono"
    pages: set[int] = set()
    for row in range(len(play.choices)):
        play.selected = row
        view.draw(surface)
        pages.add(view.page)
        texts = [w.text for w in view.ink.written]
        assert heading in texts, (row, texts)
    assert len(pages) > 1  # the case this is about: the rows are on more than one page
