"""Drawing primitives shared by every screen: cards with soft shadows, gradients, chips, focus rings, shapes.

Shapes stand in for symbols the UI font lacks (▲ ▼ ★ ✓), so meaning never depends on a missing glyph.
Expensive pieces (blurred shadows, gradients, scaled pictures) are cached by size, within a budget of
window-sized layers (``game.ui.cache``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import pygame

from game.ui import text as txt
from game.ui.cache import SurfaceCache
from game.ui.theme import Color, Theme

#: Card shadows, kept as the bands around each card that show (the card covers the rest): a screen's bands
#: together take well under a window layer.
_SHADOWS: SurfaceCache[tuple[int, int, int, int, int, int, int]] = SurfaceCache(layers=1.5)
_GRADIENTS: SurfaceCache[tuple[int, int, Color, Color, bool]] = SurfaceCache(layers=1.5)
#: The one column (or row) each gradient is scaled from: a few kilobytes each.
_STRIPS: SurfaceCache[tuple[int, int, Color, Color, bool]] = SurfaceCache(layers=0, floor=2**18)
_QUARTER = 4  # shadows are blurred at a quarter of their size
_STRIPE = 128  # columns of a shadow scaled at once (``_shadow_pieces``)
#: The last picture given rounded top corners (the speaker card's banner), the radius, and the result.
_ROUNDED: list[tuple[pygame.Surface, int, pygame.Surface]] = []


def _shadow_small(w: int, h: int, radius: int, blur: int, alpha: int) -> pygame.Surface:
    """A card's soft shadow at a quarter size, blurred (cheap and smooth); scaled up, it is the shadow."""
    f = _QUARTER
    sw, sh = max(1, (w + 2 * blur) // f), max(1, (h + 2 * blur) // f)
    small = pygame.Surface((sw, sh), pygame.SRCALPHA)
    pygame.draw.rect(
        small,
        (60, 40, 20, alpha),
        pygame.Rect(blur // f, blur // f, max(1, w // f), max(1, h // f)),
        border_radius=max(0, radius // f),
    )
    if blur >= f:
        small = pygame.transform.gaussian_blur(small, max(1, blur // f // 2))
    return small


def _shadow(w: int, h: int, radius: int, blur: int, alpha: int) -> pygame.Surface:
    """A card's whole soft shadow: ``w`` × ``h`` grown by ``blur`` on every side."""
    return pygame.transform.smoothscale(_shadow_small(w, h, radius, blur, alpha), (w + 2 * blur, h + 2 * blur))


def _shadow_pieces(
    w: int, h: int, radius: int, blur: int, alpha: int, bands: list[pygame.Rect]
) -> list[pygame.Surface]:
    """The ``bands`` of a card's shadow (rectangles in the shadow's own coordinates), each exactly as cut
    from ``_shadow``, without making the whole shadow: at 2560×1440 a full-window card's whole shadow was a
    window layer, and scaling it up needed a quarter more.

    ``smoothscale`` scales across, then down: the rows of the first pass do not depend on each other, nor do
    the columns of the second, so the picture scaled across (a quarter of the height) is scaled down a
    stripe of columns at a time, and each band takes its part of each stripe."""
    small = _shadow_small(w, h, radius, blur, alpha)
    size = (w + 2 * blur, h + 2 * blur)
    across = pygame.transform.smoothscale(small, (size[0], small.get_height()))
    del small
    pieces = [pygame.Surface(band.size, pygame.SRCALPHA) for band in bands]
    work = pygame.Surface((min(_STRIPE, size[0]), size[1]), pygame.SRCALPHA, across)  # one for every stripe
    for x in range(0, size[0], _STRIPE):
        columns = pygame.Rect(x, 0, min(_STRIPE, size[0] - x), across.get_height())
        stripe = work if columns.w == work.get_width() else work.subsurface((0, 0, columns.w, size[1]))
        pygame.transform.smoothscale(across.subsurface(columns), (columns.w, size[1]), stripe)
        for band, piece in zip(bands, pieces, strict=True):
            part = band.clip(pygame.Rect(x, 0, columns.w, size[1]))
            if part.w and part.h:  # onto the piece's zeros: an exact copy, alpha included
                piece.blit(stripe, (part.x - band.x, part.y - band.y), part.move(-x, 0), pygame.BLEND_RGBA_ADD)
    return pieces


def _shadow_bands(w: int, h: int, radius: int, blur: int, drop: int) -> list[pygame.Rect]:
    """The parts of a card's shadow that show, in the shadow's own coordinates: the band around the card
    shrunk by ``radius`` (which keeps the rounded corners), the shadow being ``drop`` pixels lower than the
    card. The card is opaque: blending the whole shadow under it was most of a scene frame's work."""
    shade = pygame.Rect(0, 0, w + 2 * blur, h + 2 * blur)
    hole = pygame.Rect(blur, blur - drop, w, h).inflate(-2 * radius, -2 * radius).clip(shade)
    if hole.w <= 0 or hole.h <= 0:
        return [shade]
    sw, sh = shade.size
    bands = (
        pygame.Rect(0, 0, sw, hole.top),
        pygame.Rect(0, hole.bottom, sw, sh - hole.bottom),
        pygame.Rect(0, hole.top, hole.left, hole.h),
        pygame.Rect(hole.right, hole.top, sw - hole.right, hole.h),
    )
    return [band for band in bands if band.w > 0 and band.h > 0]


def _draw_shadow(surface: pygame.Surface, rect: pygame.Rect, radius: int, blur: int, alpha: int, drop: int) -> None:
    """The shadow of a card at ``rect``, band by band; the bands are cached (their uniform middles cut down,
    ``_squeeze``), the whole shadow is never made. Nothing is done when the window is being redrawn elsewhere."""
    x, y = rect.x - blur, rect.y - blur + drop
    if not surface.get_clip().colliderect(pygame.Rect(x, y, rect.w + 2 * blur, rect.h + 2 * blur)):
        return
    bands = _shadow_bands(rect.w, rect.h, radius, blur, drop)
    keys = [(rect.w, rect.h, radius, blur, alpha, drop, index) for index in range(len(bands))]
    pieces = [_SHADOWS.get(key) for key in keys]
    if any(piece is None or key not in _SQUEEZED for piece, key in zip(pieces, keys, strict=True)):
        made = _shadow_pieces(rect.w, rect.h, radius, blur, alpha, bands)
        if len(_SQUEEZED) > 4096:  # the shapes of bands long dropped
            _SQUEEZED.clear()
        pieces = []
        for key, whole in zip(keys, made, strict=True):
            squeezed, shape = _squeeze(whole)
            _SQUEEZED[key] = shape
            pieces.append(_SHADOWS.put(key, squeezed))
    for band, piece, key in zip(bands, pieces, keys, strict=True):
        assert piece is not None
        _blit_squeezed(surface, piece, (x + band.x, y + band.y), _SQUEEZED[key])


#: How a kept shadow band was squeezed (``_squeeze``): None when it is whole.
_SQUEEZED: dict[tuple[int, int, int, int, int, int, int], tuple[bool, int, int] | None] = {}
_KEPT_STRIP = 128  # columns (rows) kept of a band's uniform middle


def _line(piece: pygame.Surface, index: int, across: bool) -> pygame.Rect:
    """Column ``index`` of ``piece`` (``across``), else its row ``index``."""
    w, h = piece.get_size()
    return pygame.Rect(index, 0, 1, h) if across else pygame.Rect(0, index, w, 1)


def _squeeze(piece: pygame.Surface) -> tuple[pygame.Surface, tuple[bool, int, int] | None]:
    """``piece`` (a shadow band) with the run of identical columns in its middle (rows, in a band taller than
    wide) cut down to ``_KEPT_STRIP`` of them, and how: (across, where the run starts, its length); or the
    piece itself and None when it has no such run worth cutting. Between a card's rounded corners every column
    of a top or bottom band is the same (every row of a side band), so most of a wide card's shadow is one
    line; ``_blit_squeezed`` puts the strip down as many times as the run needs, the same pixels."""
    across = piece.get_width() >= piece.get_height()
    length = piece.get_width() if across else piece.get_height()
    if length < 3 * _KEPT_STRIP:
        return piece, None

    def same(index: int) -> bool:
        return pygame.image.tobytes(piece.subsurface(_line(piece, index, across)), "RGBA") == reference

    middle = length // 2
    reference = pygame.image.tobytes(piece.subsurface(_line(piece, middle, across)), "RGBA")
    low, high = 0, middle  # the first line of the run (the run is taken to be one stretch; checked below)
    while low < high:
        low, high = (low, (low + high) // 2) if same((low + high) // 2) else ((low + high) // 2 + 1, high)
    start = low
    low, high = middle, length - 1  # its last line
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if same(mid) else (low, mid - 1)
    run = low + 1 - start
    if run < 2 * _KEPT_STRIP:
        return piece, None
    w, h = piece.get_size()
    region = pygame.Rect(start, 0, run, h) if across else pygame.Rect(0, start, w, run)
    stretched = pygame.transform.scale(piece.subsurface(_line(piece, middle, across)), region.size)
    if pygame.image.tobytes(piece.subsurface(region), "RGBA") != pygame.image.tobytes(stretched, "RGBA"):
        return piece, None  # not one stretch after all: kept whole
    cut = run - _KEPT_STRIP
    kept = pygame.Surface((w - cut, h) if across else (w, h - cut), pygame.SRCALPHA)
    head = pygame.Rect(0, 0, start + _KEPT_STRIP, h) if across else pygame.Rect(0, 0, w, start + _KEPT_STRIP)
    tail = (
        pygame.Rect(start + run, 0, w - start - run, h) if across else pygame.Rect(0, start + run, w, h - start - run)
    )
    kept.blit(piece, (0, 0), head, pygame.BLEND_RGBA_ADD)  # onto zeros: an exact copy, alpha included
    kept.blit(piece, (head.w, 0) if across else (0, head.h), tail, pygame.BLEND_RGBA_ADD)
    return kept, (across, start, run)


def _blit_squeezed(
    surface: pygame.Surface, piece: pygame.Surface, at: tuple[int, int], shape: tuple[bool, int, int] | None
) -> None:
    """Put a band kept by ``_squeeze`` down at ``at``: its head, its strip as often as the run needs, its tail."""
    if shape is None:
        surface.blit(piece, at)
        return
    across, start, run = shape
    x, y = at
    w, h = piece.get_size()
    if across:
        surface.blit(piece, at, (0, 0, start, h))
        for offset in range(0, run, _KEPT_STRIP):
            surface.blit(piece, (x + start + offset, y), (start, 0, min(_KEPT_STRIP, run - offset), h))
        surface.blit(piece, (x + start + run, y), (start + _KEPT_STRIP, 0, w - start - _KEPT_STRIP, h))
    else:
        surface.blit(piece, at, (0, 0, w, start))
        for offset in range(0, run, _KEPT_STRIP):
            surface.blit(piece, (x, y + start + offset), (0, start, w, min(_KEPT_STRIP, run - offset)))
        surface.blit(piece, (x, y + start + run), (0, start + _KEPT_STRIP, w, h - start - _KEPT_STRIP))


def card(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    fill: Color | None = None,
    radius: int | None = None,
    shadow: bool = True,
    border: Color | None = None,
    elevation: float = 1.0,
) -> None:
    """A rounded card with a soft shadow (no shadow in high contrast, a border instead)."""
    colors = theme.colors
    radius = theme.radius if radius is None else radius
    if shadow and colors.shadow_alpha and rect.w > 2 and rect.h > 2:
        blur = theme.px(14 * elevation)
        _draw_shadow(surface, rect, radius, blur, colors.shadow_alpha, theme.px(4 * elevation))
    pygame.draw.rect(surface, fill or colors.panel, rect, border_radius=radius)
    edge = border or colors.border
    width = colors.border_width
    if width:
        pygame.draw.rect(surface, edge, rect, width=width, border_radius=radius)


def rounded_corners(rect: pygame.Rect, radius: int) -> list[pygame.Rect]:
    """The four squares at the corners of a card drawn with ``radius``, where what is under it shows."""
    r = max(0, min(radius, rect.w // 2, rect.h // 2))
    if not r:
        return []
    return [
        pygame.Rect(rect.left, rect.top, r, r),
        pygame.Rect(rect.right - r, rect.top, r, r),
        pygame.Rect(rect.left, rect.bottom - r, r, r),
        pygame.Rect(rect.right - r, rect.bottom - r, r, r),
    ]


def rounded_inside(rect: pygame.Rect, radius: int) -> list[pygame.Rect]:
    """Two rectangles that together are all of a card drawn with ``radius`` but its corners
    (``rounded_corners``): where an opaque card covers whatever was under it."""
    r = max(0, min(radius, rect.w // 2, rect.h // 2))
    return [rect.inflate(-2 * r, 0), rect.inflate(0, -2 * r)]


def uncovered(rect: pygame.Rect, covers: list[pygame.Rect]) -> list[pygame.Rect]:
    """The parts of ``rect`` that none of ``covers`` covers, as rectangles that do not overlap."""
    parts = [rect] if rect.w and rect.h else []
    for cover in covers:
        left: list[pygame.Rect] = []
        for part in parts:
            inter = part.clip(cover)
            if not (inter.w and inter.h):
                left.append(part)
                continue
            if inter.top > part.top:
                left.append(pygame.Rect(part.left, part.top, part.w, inter.top - part.top))
            if inter.bottom < part.bottom:
                left.append(pygame.Rect(part.left, inter.bottom, part.w, part.bottom - inter.bottom))
            if inter.left > part.left:
                left.append(pygame.Rect(part.left, inter.top, inter.left - part.left, inter.h))
            if inter.right < part.right:
                left.append(pygame.Rect(inter.right, inter.top, part.right - inter.right, inter.h))
        parts = left
    return parts


@contextmanager
def clipped(surface: pygame.Surface, rect: pygame.Rect) -> Iterator[None]:
    """Draw only inside ``rect`` and inside whatever clip the surface already has (the window may be redrawing
    one part); the clip before comes back afterwards."""
    before = surface.get_clip()
    surface.set_clip(rect.clip(before))
    try:
        yield
    finally:
        surface.set_clip(before)


def top_rounded(picture: pygame.Surface, radius: int) -> pygame.Surface:
    """``picture`` with its top corners rounded by ``radius`` (transparent outside them); the last one is kept
    while the same picture comes again (pictures from ``game.ui.assets`` are never drawn on)."""
    if _ROUNDED and _ROUNDED[0][0] is picture and _ROUNDED[0][1] == radius:
        return _ROUNDED[0][2]
    shaped = pygame.Surface(picture.get_size(), pygame.SRCALPHA)
    pygame.draw.rect(
        shaped, (255, 255, 255, 255), shaped.get_rect(), border_top_left_radius=radius, border_top_right_radius=radius
    )
    shaped.blit(picture, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    _ROUNDED[:] = [(picture, radius, shaped)]
    return shaped


def stripe(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, color: Color, width: int = 8) -> None:
    """A card's accent: a bar ``width`` (unscaled) pixels wide down its left edge, rounded like the card."""
    pygame.draw.rect(
        surface,
        color,
        pygame.Rect(rect.x, rect.y, theme.px(width), rect.h),
        border_top_left_radius=theme.radius,
        border_bottom_left_radius=theme.radius,
    )


def _gradient_strip(
    steps: int, top: Color, bottom: Color, horizontal: bool, like: pygame.Surface | None
) -> pygame.Surface:
    """One row (or column) of a two-colour gradient, ``steps`` pixels long, in ``like``'s format (cached)."""
    key = (steps, 0 if like is None else like.get_bitsize(), top, bottom, horizontal)
    strip = _STRIPS.get(key)
    if strip is None:
        shape = (steps, 1) if horizontal else (1, steps)
        strip = pygame.Surface(shape, 0, like) if like is not None else pygame.Surface(shape)
        for i in range(steps):
            t = i / (steps - 1)
            c = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
            strip.set_at((i, 0) if horizontal else (0, i), c)
        _STRIPS.put(key, strip)
    return strip


def gradient(size: tuple[int, int], top: Color, bottom: Color, horizontal: bool = False) -> pygame.Surface:
    """A cached two-colour gradient."""
    w, h = size
    key = (w, h, top, bottom, horizontal)
    surf = _GRADIENTS.get(key)
    if surf is None:
        strip = _gradient_strip(max(2, w if horizontal else h), top, bottom, horizontal, None)
        surf = _GRADIENTS.put(key, pygame.transform.scale(strip, (max(1, w), max(1, h))))
    return surf


def paint_gradient(surface: pygame.Surface, top: Color, bottom: Color) -> None:
    """A top-to-bottom two-colour gradient over ``surface``: the pixels ``gradient`` gives, scaled from its one
    column straight into ``surface`` when nothing clips it (no window-sized copy kept), else blitted."""
    w, h = surface.get_size()
    if surface.get_clip() != surface.get_rect() or surface.get_bytesize() != 4 or w < 1 or h < 1:
        surface.blit(gradient((w, h), top, bottom), (0, 0))
        return
    strip = _gradient_strip(max(2, h), top, bottom, False, surface)
    if strip.get_size() != (1, h):  # a window one row high
        surface.blit(gradient((w, h), top, bottom), (0, 0))
        return
    pygame.transform.scale(strip, (w, h), surface)


def focus_ring(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, radius: int | None = None) -> None:
    """A thick two-tone ring around ``rect``, visible on light and dark backgrounds."""
    radius = theme.radius if radius is None else radius
    grow = theme.px(5)
    outer = rect.inflate(grow * 2, grow * 2)
    width = max(3, theme.px(4))
    pygame.draw.rect(surface, theme.colors.focus, outer, width=width, border_radius=radius + grow)
    inner = rect.inflate(grow * 2 - 2 * width, grow * 2 - 2 * width)
    pygame.draw.rect(surface, theme.colors.focus_inner, inner, width=max(1, width // 3), border_radius=radius)


def triangle(surface: pygame.Surface, center: tuple[int, int], size: int, up: bool, color: Color) -> None:
    """A filled arrow triangle (▲ when ``up``, ▼ otherwise)."""
    cx, cy = center
    half = size / 2
    if up:
        points = [(cx, cy - half), (cx + half, cy + half * 0.8), (cx - half, cy + half * 0.8)]
    else:
        points = [(cx, cy + half), (cx + half, cy - half * 0.8), (cx - half, cy - half * 0.8)]
    pygame.draw.polygon(surface, color, points)


def dash(surface: pygame.Surface, center: tuple[int, int], size: int, color: Color) -> None:
    """A short bar meaning "no change"."""
    cx, cy = center
    pygame.draw.rect(surface, color, pygame.Rect(cx - size // 2, cy - max(1, size // 8), size, max(2, size // 4)))


def star(surface: pygame.Surface, center: tuple[int, int], size: int, color: Color, filled: bool = True) -> None:
    """A five-pointed star; an outline when not ``filled``."""
    cx, cy = center
    outer, inner = size / 2, size / 4.6
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    pygame.draw.polygon(surface, color, points, 0 if filled else max(2, size // 12))


def check(surface: pygame.Surface, center: tuple[int, int], size: int, color: Color) -> None:
    """A check mark."""
    cx, cy = center
    s = size / 2
    width = max(2, size // 6)
    points = [(cx - s * 0.7, cy), (cx - s * 0.15, cy + s * 0.55), (cx + s * 0.75, cy - s * 0.6)]
    pygame.draw.lines(surface, color, False, points, width)


def marker(surface: pygame.Surface, kind: int, center: tuple[int, int], size: int, color: Color) -> None:
    """Chart markers that differ by shape: 0 circle, 1 square, 2 diamond, 3 ring, 4 open square, 5 cross (no
    triangles: on a chart they would read as up and down arrows)."""
    cx, cy = center
    r = max(3, size // 2)
    line = max(2, r // 3)
    kind %= 6
    if kind == 0:
        pygame.draw.circle(surface, color, center, r)
    elif kind == 1:
        pygame.draw.rect(surface, color, pygame.Rect(cx - r + 1, cy - r + 1, 2 * r - 2, 2 * r - 2))
    elif kind == 2:
        pygame.draw.polygon(surface, color, [(cx, cy - r - 1), (cx + r + 1, cy), (cx, cy + r + 1), (cx - r - 1, cy)])
    elif kind == 3:
        pygame.draw.circle(surface, color, center, r, line)
    elif kind == 4:
        pygame.draw.rect(surface, color, pygame.Rect(cx - r + 1, cy - r + 1, 2 * r - 2, 2 * r - 2), line)
    else:
        pygame.draw.line(surface, color, (cx - r, cy - r), (cx + r, cy + r), line + 1)
        pygame.draw.line(surface, color, (cx - r, cy + r), (cx + r, cy - r), line + 1)


def chip(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    label: str,
    fg: Color,
    bg: Color,
    role: str = "label",
    what: str = "chip",
    shrink: float = 1.0,
) -> None:
    """A pill with a one-line label."""
    pygame.draw.rect(surface, bg, rect, border_radius=rect.h // 2)
    if theme.high_contrast:
        pygame.draw.rect(surface, fg, rect, width=2, border_radius=rect.h // 2)
    inner = rect.inflate(-rect.h, 0)
    txt.draw_line(surface, theme, label, role, inner, fg, "center", what, shrink)


def chip_width(theme: Theme, label: str, role: str = "label", shrink: float = 1.0) -> int:
    """The width a chip needs for ``label``."""
    font = theme.font(role, shrink)
    return font.size(label)[0] + font.get_height() + theme.px(8)


def mix(a: Color, b: Color, t: float) -> Color:
    """A colour ``t`` of the way from ``a`` to ``b``."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def scrim(surface: pygame.Surface, rgba: tuple[int, int, int, int]) -> None:
    """Darken everything behind a modal."""
    w, h = surface.get_size()
    band = pygame.Surface((w, min(h, 64)), pygame.SRCALPHA)  # a band at a time: the same blend, not a window's
    band.fill(rgba)  # worth of memory every frame
    clip = surface.get_clip()
    for y in range(clip.top - clip.top % band.get_height(), clip.bottom, band.get_height()):
        surface.blit(band, (0, y))


def ease(t: float) -> float:
    """Ease-out cubic on [0, 1]."""
    t = max(0.0, min(1.0, t))
    return 1 - (1 - t) ** 3
