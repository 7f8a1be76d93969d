"""Generate the UI icons of Sticky Situations: white shapes on transparency, 64x64 and 128x128.

Usage (from the repository root)::

    python tools/art/make_icons.py                      # writes assets/icons/<name>.png (64 px)
                                                           # and assets/icons/128/<name>.png
    python tools/art/make_icons.py --sheet /tmp/icons.png

Every icon is pure white (RGB 255,255,255) with the shape in the alpha channel, so the UI can tint
it to any colour, e.g. ``icon.fill(color, special_flags=pygame.BLEND_RGBA_MULT)``. Icons are drawn
in a 128-unit box with a consistent 10-unit stroke and about 10 units of margin.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable

import drawkit as dk
from drawkit import Canvas, Point, arc, bezier, quad

OUT_DIR = os.path.join(dk.ASSETS_DIR, "icons")
WHITE = (255, 255, 255)
CLEAR = dk.TRANSPARENT
S = 10.0  # stroke width (design units)

IconFn = Callable[[Canvas], None]
ICONS: dict[str, IconFn] = {}


def icon(name: str) -> Callable[[IconFn], IconFn]:
    def deco(fn: IconFn) -> IconFn:
        ICONS[name] = fn
        return fn

    return deco


def star_points(cx: float, cy: float, r_out: float, r_in: float, n: int = 5, rot: float = -90) -> list[Point]:
    pts: list[Point] = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot + i * 180 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def rounded_poly(pts: list[Point], radius: float, steps: int = 8) -> list[Point]:
    """Round the corners of a polygon (simple quadratic fillets)."""
    out: list[Point] = []
    n = len(pts)
    for i in range(n):
        p0, p1, p2 = pts[i - 1], pts[i], pts[(i + 1) % n]
        d0 = math.dist(p0, p1)
        d2 = math.dist(p1, p2)
        r = min(radius, d0 / 2, d2 / 2)
        a = (p1[0] + (p0[0] - p1[0]) * r / d0, p1[1] + (p0[1] - p1[1]) * r / d0)
        b = (p1[0] + (p2[0] - p1[0]) * r / d2, p1[1] + (p2[1] - p1[1]) * r / d2)
        out.extend(quad(a, p1, b, steps))
    return out


def rotate(pts: list[Point], cx: float, cy: float, deg: float) -> list[Point]:
    a = math.radians(deg)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def person(cv: Canvas, cx: float, top: float, scale: float, color: tuple[int, ...] = WHITE) -> None:
    cv.circle(color, cx, top + 17 * scale, 17 * scale)
    body = [
        *arc(cx, top + 80 * scale, 34 * scale, 36 * scale, 180, 360, 32),
    ]
    cv.poly(color, [*body, (cx + 34 * scale, top + 80 * scale), (cx - 34 * scale, top + 80 * scale)])


# ------------------------------------------------------------------------------------------
# Icons
# ------------------------------------------------------------------------------------------


def coin_stack(cv: Canvas, cx: float, bottom: float, coins: int) -> None:
    """A stack of ``coins`` coins seen slightly from above, its lowest edge at ``bottom``.

    Each coin is a thick disc (24 units) cut from the one below by a clear 7-unit line; the top face
    has a clear rim, so the stack reads as money rather than as a plain cylinder.
    """
    rx, ry, th = 32.0, 11.0, 24.0
    top = bottom - coins * th
    for i in reversed(range(coins)):
        y = top + i * th
        cv.poly(WHITE, [*arc(cx, y, rx, ry, 180, 360, 32), *arc(cx, y + th, rx, ry, 0, 180, 32)])
        if i > 0:
            cv.stroke(CLEAR, arc(cx, y, rx + 2, ry, 0, 180, 32), 7)
    cv.stroke(CLEAR, arc(cx, top, rx - 9, ry - 9 * ry / rx, 0, 360, 48), 5)


@icon("revenue")
def _revenue(cv: Canvas) -> None:
    """Money without a currency sign: a tall stack of coins behind a short one.

    Scenarios may count revenue in any currency, so the icon shows coins, never a symbol or a letter.
    """
    coin_stack(cv, 42, 100, 3)
    # a clear halo around the front stack keeps the two stacks apart at small sizes
    top = 108 - 2 * 24
    cv.poly(CLEAR, [*arc(86, top, 39, 18, 180, 360, 32), *arc(86, 108, 39, 18, 0, 180, 32)])
    coin_stack(cv, 86, 108, 2)


@icon("staff_morale")
def _staff(cv: Canvas) -> None:
    person(cv, 42, 22, 0.9)
    # the front person, separated from the back one by a clear gap
    cv.circle(CLEAR, 80, 41, 22)
    cv.poly(CLEAR, [*arc(80, 116, 42, 44, 180, 360, 32), (122, 116), (38, 116)])
    person(cv, 80, 26, 1.05)
    cv.rect(CLEAR, 0, 112, 128, 20)


@icon("reputation")
def _reputation(cv: Canvas) -> None:
    cv.poly(WHITE, rounded_poly(star_points(64, 68, 58, 25), 6))


@icon("arrow_up")
def _arrow_up(cv: Canvas) -> None:
    cv.poly(WHITE, rounded_poly([(64, 14), (112, 64), (82, 64), (82, 114), (46, 114), (46, 64), (16, 64)], 5))


@icon("arrow_down")
def _arrow_down(cv: Canvas) -> None:
    cv.poly(WHITE, rounded_poly([(64, 114), (112, 64), (82, 64), (82, 14), (46, 14), (46, 64), (16, 64)], 5))


@icon("arrow_right")
def _arrow_right(cv: Canvas) -> None:
    cv.poly(WHITE, rounded_poly([(114, 64), (64, 112), (64, 82), (14, 82), (14, 46), (64, 46), (64, 16)], 5))


@icon("arrow_left")
def _arrow_left(cv: Canvas) -> None:
    cv.poly(WHITE, rounded_poly([(14, 64), (64, 112), (64, 82), (114, 82), (114, 46), (64, 46), (64, 16)], 5))


@icon("no_change")
def _no_change(cv: Canvas) -> None:
    cv.rect(WHITE, 18, 52, 92, 24, radius=8)


@icon("chance")
def _chance(cv: Canvas) -> None:
    lay = cv.layer()
    lay.rect(WHITE, 20, 20, 88, 88, radius=20)
    for px, py in ((42, 42), (86, 42), (64, 64), (42, 86), (86, 86)):
        lay.circle(CLEAR, px, py, 8.5)
    lay.surface = dk.pygame.transform.rotate(lay.surface, 12)
    w, h = lay.surface.get_size()
    cv.surface.blit(lay.surface, ((cv.surface.get_width() - w) // 2, (cv.surface.get_height() - h) // 2))


@icon("event")
def _event(cv: Canvas) -> None:
    # a bell
    left = [*bezier((64, 18), (36, 18), (30, 44), (30, 62)), *bezier((30, 62), (30, 80), (24, 88), (16, 96))[1:]]
    cv.poly(WHITE, [*left, (112, 96), *dk.mirror(left, 64)[:-1]])
    cv.rect(WHITE, 14, 90, 100, 12, radius=6)
    cv.circle(WHITE, 64, 110, 12)
    cv.circle(WHITE, 64, 16, 8)
    cv.stroke(CLEAR, arc(64, 58, 22, 26, 200, 250, 10), 5)


@icon("rule")
def _rule(cv: Canvas) -> None:
    cv.circle(WHITE, 64, 64, 54)
    cv.poly(CLEAR, rounded_poly([(56, 28), (72, 28), (69, 78), (59, 78)], 4))
    cv.circle(CLEAR, 64, 94, 8)


@icon("coach")
def _coach(cv: Canvas) -> None:
    # a light bulb with rays
    bulb = [*arc(64, 50, 32, 32, 140, 400, 48), (78, 86), (50, 86)]
    cv.poly(WHITE, bulb)
    cv.rect(WHITE, 48, 84, 32, 10, radius=3)
    cv.rect(WHITE, 50, 97, 28, 9, radius=3)
    cv.rect(WHITE, 56, 109, 16, 8, radius=4)
    cv.stroke(CLEAR, arc(64, 50, 20, 20, 200, 262, 16), 6)
    for ang in (-150, -120, -90, -60, -30):
        a = math.radians(ang)
        cv.line(
            WHITE, (64 + 42 * math.cos(a), 50 + 42 * math.sin(a)), (64 + 54 * math.cos(a), 50 + 54 * math.sin(a)), 7
        )


@icon("check")
def _check(cv: Canvas) -> None:
    cv.stroke(WHITE, [(20, 66), (50, 96), (108, 34)], 16)


@icon("close")
def _close(cv: Canvas) -> None:
    cv.line(WHITE, (28, 28), (100, 100), 16)
    cv.line(WHITE, (100, 28), (28, 100), 16)


@icon("lock")
def _lock(cv: Canvas) -> None:
    cv.stroke(WHITE, arc(64, 52, 26, 30, 180, 360, 32), 12, caps=False)
    cv.rect(WHITE, 32, 48, 12, 14)
    cv.rect(WHITE, 84, 48, 12, 14)
    cv.rect(WHITE, 22, 58, 84, 60, radius=12)
    cv.circle(CLEAR, 64, 82, 9)
    cv.rect(CLEAR, 60, 84, 8, 18, radius=3)


@icon("unlock")
def _unlock(cv: Canvas) -> None:
    cv.stroke(WHITE, arc(84, 40, 22, 26, 180, 360, 32), 12, caps=False)
    cv.rect(WHITE, 56, 38, 12, 22)
    cv.rect(WHITE, 22, 58, 84, 60, radius=12)
    cv.circle(CLEAR, 64, 82, 9)
    cv.rect(CLEAR, 60, 84, 8, 18, radius=3)


@icon("settings")
def _settings(cv: Canvas) -> None:
    teeth = 8
    pts: list[Point] = []
    for i in range(teeth * 4):
        a = math.radians(i * 360 / (teeth * 4) - 90 + 360 / teeth / 8)
        r = 56 if (i % 4) in (0, 1) else 42
        pts.append((64 + r * math.cos(a), 64 + r * math.sin(a)))
    cv.poly(WHITE, rounded_poly(pts, 3, 4))
    cv.circle(CLEAR, 64, 64, 17)


@icon("history")
def _history(cv: Canvas) -> None:
    cv.stroke(WHITE, arc(66, 64, 46, 46, 200, 500, 60), 11)
    cv.poly(WHITE, [(8, 48), (34, 48), (20, 72)])
    cv.poly(WHITE, rotate([(4, 52), (38, 52), (21, 76)], 21, 60, 10))
    cv.stroke(WHITE, [(66, 38), (66, 66), (86, 78)], 10)


@icon("pause")
def _pause(cv: Canvas) -> None:
    cv.rect(WHITE, 30, 22, 24, 84, radius=7)
    cv.rect(WHITE, 74, 22, 24, 84, radius=7)


@icon("play")
def _play(cv: Canvas) -> None:
    cv.poly(WHITE, rounded_poly([(38, 20), (108, 64), (38, 108)], 8))


@icon("restart")
def _restart(cv: Canvas) -> None:
    cv.stroke(WHITE, arc(64, 66, 42, 42, -30, 245, 60), 11)
    # arrow head at the 245 degree end, pointing along the circle (clockwise)
    a = math.radians(245)
    ex, ey = 64 + 42 * math.cos(a), 66 + 42 * math.sin(a)
    dx, dy = -math.sin(a), math.cos(a)
    cv.poly(
        WHITE,
        rounded_poly([(ex + dx * 22, ey + dy * 22), (ex - dy * 18, ey + dx * 18), (ex + dy * 18, ey - dx * 18)], 3),
    )


@icon("undo")
def _undo(cv: Canvas) -> None:
    """Take back one step: a hook that turns back on itself, unlike "restart"'s full circle."""
    shaft = [(44, 42), (78, 42), *arc(78, 70, 28, 28, -90, 90, 40), (78, 98), (40, 98)]
    cv.stroke(WHITE, shaft, 11)
    cv.poly(WHITE, rounded_poly([(12, 42), (46, 18), (46, 66)], 4))


@icon("info")
def _info(cv: Canvas) -> None:
    cv.circle(WHITE, 64, 64, 54)
    cv.circle(CLEAR, 64, 36, 8.5)
    cv.rect(CLEAR, 56, 54, 16, 46, radius=5)


@icon("sound_on")
def _sound_on(cv: Canvas) -> None:
    cv.poly(WHITE, rounded_poly([(14, 48), (36, 48), (64, 22), (64, 106), (36, 80), (14, 80)], 4))
    cv.stroke(WHITE, arc(66, 64, 22, 24, -50, 50, 20), 9)
    cv.stroke(WHITE, arc(66, 64, 44, 46, -50, 50, 24), 9)


@icon("sound_off")
def _sound_off(cv: Canvas) -> None:
    cv.poly(WHITE, rounded_poly([(14, 48), (36, 48), (64, 22), (64, 106), (36, 80), (14, 80)], 4))
    cv.line(WHITE, (80, 48), (112, 80), 10)
    cv.line(WHITE, (112, 48), (80, 80), 10)


@icon("menu")
def _menu(cv: Canvas) -> None:
    for y in (32, 64, 96):
        cv.line(WHITE, (22, y), (106, y), 12)


@icon("speech")
def _speech(cv: Canvas) -> None:
    cv.rect(WHITE, 12, 18, 104, 74, radius=24)
    cv.poly(WHITE, [(34, 84), (62, 84), (30, 114)])
    for x in (42, 64, 86):
        cv.circle(CLEAR, x, 55, 7)


@icon("book")
def _book(cv: Canvas) -> None:
    left = [(10, 30), *quad((10, 30), (40, 20), (60, 34), 12), (60, 106), *quad((60, 106), (40, 94), (10, 102), 12)]
    cv.poly(WHITE, left)
    cv.poly(WHITE, dk.mirror(left, 64))


@icon("target")
def _target(cv: Canvas) -> None:
    cv.ring(WHITE, 64, 64, 52, 10)
    cv.ring(WHITE, 64, 64, 30, 10)
    cv.circle(WHITE, 64, 64, 10)


@icon("scale")
def _scale(cv: Canvas) -> None:
    # balance scale: for "limits" / fairness
    cv.rect(WHITE, 59, 20, 10, 84, radius=3)
    cv.rect(WHITE, 34, 100, 60, 12, radius=5)
    cv.line(WHITE, (18, 34), (110, 34), 9)
    for x in (26, 102):
        cv.line(WHITE, (x, 34), (x - 14, 70), 4)
        cv.line(WHITE, (x, 34), (x + 14, 70), 4)
        cv.poly(WHITE, arc(x, 68, 20, 14, 0, 180, 20))
    cv.circle(WHITE, 64, 20, 8)


@icon("stress")
def _stress(cv: Canvas) -> None:
    # a lightning bolt, for an author's own "stress" metric
    cv.poly(WHITE, rounded_poly([(76, 8), (26, 72), (58, 72), (48, 120), (102, 52), (68, 52)], 4))


@icon("clock")
def _clock(cv: Canvas) -> None:
    cv.ring(WHITE, 64, 64, 52, 11)
    cv.stroke(WHITE, [(64, 34), (64, 66), (86, 78)], 10)


def render_icon(fn: IconFn) -> Canvas:
    cv = Canvas(128, 128, ss=4)
    fn(cv)
    return cv


def white(surface: dk.pygame.Surface) -> dk.pygame.Surface:
    """Force RGB to pure white everywhere, keeping only the alpha."""
    surface.fill((255, 255, 255, 0), special_flags=dk.pygame.BLEND_RGBA_MAX)
    return surface


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--sheet", metavar="PNG", help="also write a contact sheet (icons tinted on panels)")
    ap.add_argument("--out", default=OUT_DIR, help="output folder (default: game/assets/icons)")
    args = ap.parse_args(argv)

    dk.init()
    os.makedirs(os.path.join(args.out, "128"), exist_ok=True)
    for name, fn in ICONS.items():
        cv = render_icon(fn)
        dk.pygame.image.save(white(cv.result((64, 64))), os.path.join(args.out, f"{name}.png"))
        dk.pygame.image.save(white(cv.result((128, 128))), os.path.join(args.out, "128", f"{name}.png"))
    print(f"{len(ICONS)} icons written to {os.path.relpath(args.out)} (64 px) and {os.path.relpath(args.out)}/128")
    if args.sheet:
        pg = dk.pygame
        cols = 8
        rows = (len(ICONS) + cols - 1) // cols
        sheet = pg.Surface((cols * 200, rows * 110 * 2))
        sheet.fill((246, 241, 234))
        font = pg.font.Font(os.path.join(dk.ASSETS_DIR, "fonts", "OpenSans-Regular.ttf"), 13)
        for i, name in enumerate(ICONS):
            x, y = (i % cols) * 200, (i // cols) * 220
            pg.draw.rect(sheet, (44, 62, 80), (x + 10, y + 10, 180, 96), border_radius=10)
            big = pg.image.load(os.path.join(args.out, "128", f"{name}.png"))
            small = pg.image.load(os.path.join(args.out, f"{name}.png"))
            sheet.blit(small, (x + 20, y + 26))
            tinted = big.copy()
            tinted.fill((47, 116, 112, 255), special_flags=pg.BLEND_RGBA_MULT)
            sheet.blit(pg.transform.smoothscale(tinted, (96, 96)), (x + 96, y + 110))
            sheet.blit(pg.transform.smoothscale(small, (32, 32)), (x + 100, y + 42))
            sheet.blit(font.render(name, True, (40, 44, 52)), (x + 12, y + 190))
        pg.image.save(sheet, args.sheet)
        print(f"contact sheet: {args.sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
