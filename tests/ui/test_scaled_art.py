"""Scaled art made with less memory is the same art: card shadows built band by band and backgrounds scaled
straight into their surface have exactly the pixels of the whole-shadow and scale-then-copy ways (issue 12)."""

from __future__ import annotations

import pygame
import pytest

from game.paths import ASSETS
from game.ui import assets, draw

pytestmark = pytest.mark.ui


@pytest.mark.parametrize(
    ("w", "h", "radius", "blur", "drop"),
    [(2448, 1300, 16, 42, 12), (1691, 535, 9, 20, 6), (300, 200, 7, 10, 3), (77, 33, 4, 5, 1), (30, 900, 12, 19, 2)],
)
def test_a_shadow_s_bands_are_cut_from_the_whole_shadow(w: int, h: int, radius: int, blur: int, drop: int) -> None:
    bands = draw._shadow_bands(w, h, radius, blur, drop)
    whole = draw._shadow(w, h, radius, blur, 70)
    pieces = draw._shadow_pieces(w, h, radius, blur, 70, bands)
    assert len(pieces) == len(bands) >= 1
    for band, piece in zip(bands, pieces, strict=True):
        expected = whole.subsurface(band)
        assert piece.get_size() == band.size
        assert pygame.image.tobytes(piece, "RGBA") == pygame.image.tobytes(expected, "RGBA")


@pytest.mark.parametrize("size", [(2560, 1440), (1920, 1080), (960, 540), (1000, 700), (2560, 1080)])
def test_a_veiled_background_has_the_pixels_of_the_picture_scaled_then_veiled(size: tuple[int, int]) -> None:
    window = pygame.display.get_surface() or pygame.display.set_mode((64, 64))
    image = assets.load_image(ASSETS / "backgrounds" / "spa_office.png")
    assert image is not None
    veil = (244, 239, 230, 215)
    made = assets._veiled(image, size, (200, 180, 160), veil)
    scaled, crop = assets._cover_scaled(image, size)
    expected = pygame.Surface(size, 0, window)  # black: adding the picture gives its colours, alpha aside
    expected.blit(scaled, (0, 0), crop, special_flags=pygame.BLEND_RGB_ADD)
    shade = pygame.Surface(size, pygame.SRCALPHA)
    shade.fill(veil)
    expected.blit(shade, (0, 0))
    assert pygame.image.tobytes(made, "RGB") == pygame.image.tobytes(expected, "RGB")


@pytest.mark.parametrize(("w", "h", "radius", "blur", "drop"), [(1200, 300, 28, 28, 8), (300, 1200, 14, 14, 4)])
def test_a_squeezed_shadow_band_puts_down_the_same_pixels(w: int, h: int, radius: int, blur: int, drop: int) -> None:
    """A band whose uniform middle is kept as a strip puts down, strip after strip, the band's own pixels, in far
    fewer bytes."""
    bands = draw._shadow_bands(w, h, radius, blur, drop)
    squeezed_some = False
    for band, whole in zip(bands, draw._shadow_pieces(w, h, radius, blur, 70, bands), strict=True):
        kept, shape = draw._squeeze(whole)
        squeezed_some = squeezed_some or shape is not None
        assert kept.get_width() * kept.get_height() <= whole.get_width() * whole.get_height()
        for under in ((255, 253, 249), (30, 40, 50)):
            a = pygame.Surface((band.w + 10, band.h + 10))
            b = a.copy()
            a.fill(under)
            b.fill(under)
            a.blit(whole, (5, 5))
            draw._blit_squeezed(b, kept, (5, 5), shape)
            assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")
    assert squeezed_some
