"""Generate the scene backgrounds of Sticky Situations (calm, flat, softly coloured interiors).

Usage (from the repository root)::

    python tools/art/make_backgrounds.py                 # (re)generate every background
    python tools/art/make_backgrounds.py --only-missing  # only the ones not on disk yet
    python tools/art/make_backgrounds.py --sheet /tmp/backgrounds.png --extra kitchen_night

For every place in ``scenarios/*.yaml`` (translations ``*.<lang>.yaml`` are skipped) whose
``image`` is ``backgrounds/<x>.png`` it draws ``assets/backgrounds/<x>.png`` (1280x720, opaque).
The setting is suggested by the words in ``<x>`` (``kitchen``, ``reception``, ``office``,
``night``...); the small details are seeded by ``<x>`` so the result is stable between runs.
``default.png`` and ``title.png`` are always made. Colours are kept muted on purpose: the UI
lays text panels over these pictures.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

import drawkit as dk
from drawkit import Canvas, Color, Point, hex_color, mix, quad, shade

W, H = 1280, 720
OUT_DIR = os.path.join(dk.ASSETS_DIR, "backgrounds")
CALM = hex_color("#ece6dc")  # everything is pulled a little towards this warm neutral
NIGHT_TINT = hex_color("#3c4866")

ACCENTS = [
    hex_color(c)
    for c in (
        "#2f7470",
        "#c26a4f",
        "#d3a04a",
        "#7f9e74",
        "#76506f",
        "#4f6d8f",
        "#b08a5f",
        "#d9806c",
        "#8a3f4c",
        "#5b7fa6",
    )
]
BOOKS = [
    hex_color(c)
    for c in ("#c26a4f", "#d3a04a", "#7f9e74", "#4f6d8f", "#8a3f4c", "#efe3cf", "#5c6b7a", "#b08a5f", "#2f7470")
]


@dataclass
class Palette:
    wall: Color
    wall2: Color
    floor: Color
    wood: Color
    accent: Color
    accent2: Color


@dataclass
class Scene:
    cv: Canvas
    rng: random.Random
    pal: Palette
    night: bool
    floor_y: float = 520.0
    key: str = ""


# ------------------------------------------------------------------------------------------
# Generic helpers
# ------------------------------------------------------------------------------------------


def vgradient(cv: Canvas, x: float, y: float, w: float, h: float, top: Color, bottom: Color) -> None:
    s = cv.ss
    for i in range(round(h * s)):
        t = i / max(1, h * s - 1)
        c = mix(top, bottom, t)
        y0 = round(y * s) + i
        cv.surface.fill(c, (round(x * s), y0, round(w * s), 1))


def glow(sc: Scene, cx: float, cy: float, rx: float, ry: float, color: Color, alpha: int) -> None:
    """A soft radial light: concentric ellipses whose alpha eases out from the centre."""
    radial(sc.cv, cx, cy, rx, ry, color, alpha, inverse=False)


def radial(cv: Canvas, cx: float, cy: float, rx: float, ry: float, color: Color, alpha: int, inverse: bool) -> None:
    """Radial gradient of ``color`` (opaque centre to clear edge, or the other way round)."""
    lay = cv.layer()
    steps = 48
    if inverse:
        lay.fill((*color[:3], alpha))
    for i in range(steps + 1):
        t = i / steps  # 0 at the rim, 1 at the centre
        ease = t * t * (3 - 2 * t)
        a = alpha * (1 - ease) if inverse else alpha * ease
        f = 1 - t
        lay.ellipse((*color[:3], round(a)), cx, cy, max(1.0, rx * f), max(1.0, ry * f))
    cv.blit(lay)


def leaf(cv: Canvas, color: Color, x: float, y: float, length: float, width: float, angle: float) -> None:
    """A pointed leaf whose base is at (x, y), pointing at ``angle`` degrees (0 = right, -90 = up)."""
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    pts: list[Point] = []
    n = 16
    for i in range(n + 1):
        t = i / n
        pts.append((t * length, math.sin(math.pi * t) * width / 2))
    for i in range(n, -1, -1):
        t = i / n
        pts.append((t * length, -math.sin(math.pi * t) * width / 2))
    cv.poly(color, [(x + px * ca - py * sa, y + px * sa + py * ca) for px, py in pts])


def contact_shadow(sc: Scene, cx: float, y: float, half_w: float, alpha: int = 46) -> None:
    """A soft shadow where something stands on the floor."""
    radial(sc.cv, cx, y, half_w * 1.1, max(6.0, half_w * 0.12), (70, 55, 50), alpha, inverse=False)


def plant(sc: Scene, x: float, base: float, size: float = 1.0, kind: str = "leafy", pot: Color | None = None) -> None:
    cv, rng = sc.cv, sc.rng
    if base > sc.floor_y:
        contact_shadow(sc, x, base, 44 * size)
    pot = pot or mix(sc.pal.accent2, (240, 232, 220), 0.35)
    greens = [hex_color("#6f9468"), hex_color("#5d8560"), hex_color("#7fa677"), hex_color("#4f7558")]
    pw, ph = 70 * size, 74 * size
    top = base - ph
    if kind == "tall":
        for i in range(9):
            ang = -90 + rng.uniform(-38, 38)
            ln = rng.uniform(120, 200) * size
            leaf(cv, greens[i % 4], x + rng.uniform(-8, 8), top + 6, ln, 34 * size, ang)
    elif kind == "snake":
        for i in range(7):
            ang = -90 + (i - 3) * 7 + rng.uniform(-3, 3)
            leaf(cv, greens[i % 4], x + (i - 3) * 7 * size, top + 6, rng.uniform(110, 170) * size, 26 * size, ang)
    elif kind == "round":
        for i in range(14):
            a = rng.uniform(0, math.tau)
            r = rng.uniform(0, 38) * size
            cv.circle(
                greens[i % 4], x + math.cos(a) * r, top - 46 * size + math.sin(a) * r * 0.8, rng.uniform(20, 30) * size
            )
        cv.line(shade(sc.pal.wood, -0.2), (x, top), (x, top - 30 * size), 6 * size)
    else:  # leafy
        for i in range(12):
            ang = -90 + rng.uniform(-75, 75)
            ln = rng.uniform(60, 110) * size
            leaf(cv, greens[i % 4], x + rng.uniform(-6, 6), top + 8, ln, 36 * size, ang)
    cv.poly(pot, [(x - pw / 2, top), (x + pw / 2, top), (x + pw / 2 - 8 * size, base), (x - pw / 2 + 8 * size, base)])
    cv.rect(shade(pot, -0.1), x - pw / 2 - 3, top - 2, pw + 6, 12 * size, radius=4)


def window(
    sc: Scene, x: float, y: float, w: float, h: float, panes: int = 2, curtains: bool = True, view: str = "city"
) -> None:
    cv, rng = sc.cv, sc.rng
    frame = mix(sc.pal.wall, (255, 255, 255), 0.55)
    if sc.night:
        vgradient(cv, x, y, w, h, hex_color("#27324d"), hex_color("#4a5679"))
    else:
        vgradient(cv, x, y, w, h, hex_color("#b9d3df"), hex_color("#e6eef0"))
    # the view: soft rounded hills, trees or buildings
    clip = cv.layer()
    if view == "city":
        bx = x - 10
        while bx < x + w:
            bw = rng.uniform(40, 90)
            bh = rng.uniform(0.25, 0.6) * h
            col = hex_color("#34405e") if sc.night else hex_color("#a9bcc6")
            clip.rect(shade(col, rng.uniform(-0.08, 0.08)), bx, y + h - bh, bw - 6, bh)
            for wy in range(int(y + h - bh + 12), int(y + h - 10), 22):
                for wx in range(int(bx + 8), int(bx + bw - 16), 16):
                    if sc.night and rng.random() < 0.45:
                        clip.rect(hex_color("#e8c97a"), wx, wy, 7, 10)
                    elif not sc.night and rng.random() < 0.5:
                        clip.rect(hex_color("#c7d6dc"), wx, wy, 7, 10)
            bx += bw
    elif view == "sea":
        sea = hex_color("#2e3d5c") if sc.night else hex_color("#9cc0cc")
        clip.rect(sea, x, y + h * 0.62, w, h)
        for i in range(5):
            yy = y + h * 0.68 + i * 14
            clip.line(shade(sea, 0.15), (x + rng.uniform(0, w * 0.5), yy), (x + rng.uniform(w * 0.5, w), yy), 2)
    else:  # garden
        hill = hex_color("#3d5049") if sc.night else hex_color("#a9c2a0")
        clip.ellipse(hill, x + w * 0.3, y + h * 0.95, w * 0.6, h * 0.35)
        clip.ellipse(shade(hill, -0.06), x + w * 0.85, y + h, w * 0.5, h * 0.3)
        for _ in range(3):
            tx = x + rng.uniform(0.1, 0.9) * w
            clip.circle(shade(hill, -0.15), tx, y + h * 0.68, rng.uniform(18, 30))
    if sc.night:
        clip.circle(hex_color("#f3ead2"), x + w * 0.72, y + h * 0.24, min(w, h) * 0.09)
        clip.circle(hex_color("#2b3652"), x + w * 0.72 + min(w, h) * 0.045, y + h * 0.22, min(w, h) * 0.085)
        for _ in range(int(w * h / 4000)):
            clip.circle((235, 232, 220), x + rng.uniform(0, w), y + rng.uniform(0, h * 0.5), rng.uniform(0.8, 1.8))
    else:
        for _ in range(2):
            cx, cy = x + rng.uniform(0.15, 0.85) * w, y + rng.uniform(0.12, 0.35) * h
            for dx, r in ((-22, 16), (0, 24), (24, 17)):
                clip.circle((250, 250, 248), cx + dx, cy, r)
            clip.rect((250, 250, 248), cx - 38, cy, 80, 14, radius=7)
    mask = cv.layer()
    mask.rect((255, 255, 255), x, y, w, h)
    clip.mask_with(mask)
    cv.blit(clip)
    # frame and mullions
    fw = 12
    cv.rect_outline(frame, x - fw, y - fw, w + 2 * fw, h + 2 * fw, fw + 2, radius=4)
    for i in range(1, panes):
        cv.rect(frame, x + w * i / panes - 4, y, 8, h)
    cv.rect(shade(frame, -0.06), x - fw - 10, y + h + fw - 2, w + 2 * fw + 20, 14, radius=4)
    if curtains:
        cur = mix(sc.pal.accent, sc.pal.wall, 0.45)
        for side in (-1, 1):
            cx0 = x - fw - 30 if side < 0 else x + w + fw - 26
            cv.rect(cur, cx0, y - 34, 56, h + 70, radius=8)
            for k in range(3):
                cv.line(shade(cur, -0.1), (cx0 + 12 + k * 16, y - 20), (cx0 + 12 + k * 16, y + h + 28), 3)
        cv.rect(shade(sc.pal.wood, -0.2), x - fw - 50, y - 44, w + 2 * fw + 100, 8, radius=4)


def picture(sc: Scene, x: float, y: float, w: float, h: float) -> None:
    cv, rng = sc.cv, sc.rng
    frame = shade(sc.pal.wood, -0.15) if rng.random() < 0.5 else hex_color("#f7f3ec")
    cv.rect(frame, x, y, w, h, radius=3)
    inner = (x + 10, y + 10, w - 20, h - 20)
    bg = mix(rng.choice(ACCENTS), (245, 240, 232), 0.7)
    cv.rect(bg, *inner)
    lay = cv.layer()
    style = rng.choice(["hills", "sun", "shapes"])
    ix, iy, iw, ih = inner
    if style == "hills":
        lay.ellipse(mix(rng.choice(ACCENTS), bg, 0.3), ix + iw * 0.3, iy + ih, iw * 0.6, ih * 0.45)
        lay.ellipse(mix(rng.choice(ACCENTS), bg, 0.2), ix + iw * 0.8, iy + ih, iw * 0.5, ih * 0.35)
        lay.circle(hex_color("#f2d59a"), ix + iw * 0.7, iy + ih * 0.3, min(iw, ih) * 0.12)
    elif style == "sun":
        lay.circle(mix(rng.choice(ACCENTS), bg, 0.2), ix + iw / 2, iy + ih * 0.55, min(iw, ih) * 0.3)
        lay.rect(mix(rng.choice(ACCENTS), bg, 0.1), ix, iy + ih * 0.7, iw, ih)
    else:
        lay.circle(mix(rng.choice(ACCENTS), bg, 0.2), ix + iw * 0.35, iy + ih * 0.4, min(iw, ih) * 0.22)
        lay.rect(mix(rng.choice(ACCENTS), bg, 0.2), ix + iw * 0.45, iy + ih * 0.45, iw * 0.35, ih * 0.35)
    mask = cv.layer()
    mask.rect((255, 255, 255), *inner)
    lay.mask_with(mask)
    cv.blit(lay)


def shelf_with_things(sc: Scene, x: float, y: float, w: float, kind: str = "books") -> None:
    cv, rng = sc.cv, sc.rng
    board = shade(sc.pal.wood, 0.05)
    px = x + 6
    while px < x + w - 20:
        if kind == "books" or (kind == "mixed" and rng.random() < 0.55):
            n = rng.randint(3, 7)
            for _ in range(n):
                bw = rng.uniform(10, 18)
                bh = rng.uniform(42, 62)
                if px + bw > x + w - 6:
                    break
                cv.rect(rng.choice(BOOKS), px, y - bh, bw, bh, radius=2)
                px += bw + 1.5
            px += rng.uniform(10, 30)
        elif kind == "jars":
            jw = rng.uniform(26, 36)
            jh = rng.uniform(34, 52)
            glass = mix(hex_color("#dfe9e6"), sc.pal.wall, 0.3)
            cv.rect(glass, px, y - jh, jw, jh, radius=6)
            cv.rect(rng.choice(BOOKS), px + 3, y - jh * 0.6, jw - 6, jh * 0.6 - 3, radius=4)
            cv.rect(shade(sc.pal.wood, -0.1), px + 2, y - jh - 6, jw - 4, 8, radius=2)
            px += jw + rng.uniform(8, 16)
        elif kind == "bottles":
            bw = rng.uniform(16, 22)
            bh = rng.uniform(50, 72)
            col = rng.choice(
                [
                    hex_color("#6f8f74"),
                    hex_color("#9a6a4a"),
                    hex_color("#c9b48a"),
                    hex_color("#7a5a6e"),
                    hex_color("#d7d2c4"),
                ]
            )
            cv.rect(col, px, y - bh, bw, bh, radius=5)
            cv.rect(col, px + bw * 0.3, y - bh - 18, bw * 0.4, 20, radius=2)
            cv.rect(mix(col, (255, 255, 255), 0.6), px + 2, y - bh * 0.6, bw - 4, bh * 0.25, radius=2)
            px += bw + rng.uniform(6, 12)
        elif kind == "towels":
            tw = rng.uniform(60, 80)
            col = rng.choice([hex_color("#d9cbb8"), hex_color("#bfd0c6"), hex_color("#dcc3b6")])
            for k in range(3):
                cv.rect(shade(col, -0.04 * k), px, y - 16 * (k + 1), tw, 15, radius=7)
            px += tw + 14
        elif kind == "boxes":
            bw = rng.uniform(60, 110)
            bh = rng.uniform(40, 70)
            if px + bw > x + w - 4:
                bw = x + w - 4 - px
                if bw < 36:
                    break
            col = mix(hex_color("#c9a57a"), sc.pal.wall, rng.uniform(0, 0.2))
            cv.rect(col, px, y - bh, bw, bh, radius=3)
            cv.rect(shade(col, -0.1), px + bw * 0.4, y - bh, bw * 0.2, bh * 0.35)
            px += bw + rng.uniform(4, 12)
        elif kind == "cups":
            for _ in range(rng.randint(3, 5)):
                cv.rect(hex_color("#f4efe6"), px, y - 26, 24, 26, radius=5)
                px += 28
            px += 24
        else:  # mixed decor: a vase or a box
            if rng.random() < 0.5:
                col = rng.choice(ACCENTS)
                cv.ellipse(mix(col, (245, 240, 232), 0.3), px + 18, y - 24, 18, 24)
                cv.rect(mix(col, (245, 240, 232), 0.3), px + 10, y - 56, 16, 14)
                px += 46
            else:
                col = mix(rng.choice(ACCENTS), (245, 240, 232), 0.4)
                cv.rect(col, px, y - 34, 46, 34, radius=3)
                px += 56
    cv.rect(board, x, y, w, 12, radius=3)
    cv.rect(shade(board, -0.15), x, y + 10, w, 4)


def bookcase(sc: Scene, x: float, y: float, w: float, h: float, rows: int = 4, kind: str = "mixed") -> None:
    cv = sc.cv
    wood = sc.pal.wood
    cv.rect(shade(wood, -0.1), x, y, w, h, radius=4)
    cv.rect(shade(wood, -0.28), x + 10, y + 10, w - 20, h - 20)
    step = (h - 20) / rows
    for r in range(rows):
        sy = y + 10 + step * (r + 1) - 12
        shelf_with_things(sc, x + 10, sy, w - 20, kind)


def desk(sc: Scene, x: float, top: float, w: float, color: Color | None = None) -> None:
    cv = sc.cv
    col = color or sc.pal.wood
    contact_shadow(sc, x + w / 2, sc.floor_y + 8, w / 2, 36)
    cv.rect(col, x, top, w, 18, radius=4)
    cv.rect(shade(col, -0.12), x + 20, top + 18, w * 0.32, sc.floor_y - top - 10)
    cv.rect(shade(col, -0.2), x + w - 34, top + 18, 14, sc.floor_y - top - 10)
    for k in range(3):
        yy = top + 30 + k * (sc.floor_y - top - 30) / 3
        cv.line(shade(col, -0.2), (x + 30, yy), (x + 20 + w * 0.32 - 10, yy), 2)
        cv.circle(shade(col, 0.2), x + 20 + w * 0.16, yy + 18, 3)


def monitor(sc: Scene, cx: float, base: float, w: float = 190, screen: str = "doc") -> None:
    cv = sc.cv
    h = w * 0.6
    dark = hex_color("#3c4149")
    cv.rect(dark, cx - 8, base - 40, 16, 40)
    cv.rect(dark, cx - 40, base - 6, 80, 8, radius=3)
    cv.rect(dark, cx - w / 2, base - 40 - h, w, h, radius=8)
    scr = hex_color("#dfe9ee") if not sc.night else hex_color("#b9c9dd")
    cv.rect(scr, cx - w / 2 + 8, base - 40 - h + 8, w - 16, h - 16, radius=4)
    sx, sy = cx - w / 2 + 8, base - 40 - h + 8
    sw, sh = w - 16, h - 16
    if screen == "video":
        tiles = [(0, 0), (1, 0)]
        for tx, ty in tiles:
            bx, by = sx + 6 + tx * (sw / 2 - 3), sy + 6 + ty
            bw, bh = sw / 2 - 9, sh - 12
            cv.rect(mix(ACCENTS[tx * 3], (240, 236, 230), 0.55), bx, by, bw, bh, radius=4)
            cv.circle(hex_color("#f3e4d6") if tx else hex_color("#c99a74"), bx + bw / 2, by + bh * 0.42, bh * 0.17)
            cv.ellipse(ACCENTS[tx * 2 + 1], bx + bw / 2, by + bh * 0.92, bw * 0.32, bh * 0.3)
    else:
        cv.rect(mix(sc.pal.accent, scr, 0.4), sx + 10, sy + 10, sw * 0.4, 10, radius=3)
        for k in range(4):
            cv.rect(shade(scr, -0.15), sx + 10, sy + 30 + k * 14, sw * (0.8 - 0.1 * (k % 2)), 6, radius=3)


def desk_lamp(sc: Scene, x: float, base: float, color: Color | None = None) -> None:
    cv = sc.cv
    col = color or sc.pal.accent
    cv.rect(shade(col, -0.2), x - 24, base - 8, 48, 8, radius=4)
    cv.line(shade(col, -0.2), (x, base - 8), (x + 20, base - 80), 6)
    cv.line(shade(col, -0.2), (x + 20, base - 80), (x - 16, base - 120), 6)
    cv.poly(col, [(x - 40, base - 136), (x + 4, base - 134), (x + 14, base - 102), (x - 56, base - 104)])
    if sc.night:
        glow(sc, x - 20, base - 70, 120, 90, hex_color("#ffe2a8"), 120)


def mug(sc: Scene, x: float, base: float, color: Color | None = None) -> None:
    col = color or hex_color("#f4efe6")
    sc.cv.rect(col, x, base - 30, 26, 30, radius=5)
    sc.cv.ring(col, x + 28, base - 16, 9, 4)


def papers(sc: Scene, x: float, base: float) -> None:
    for k in range(3):
        sc.cv.rect(shade(hex_color("#faf7f1"), -0.03 * k), x + k * 3, base - 6 - k * 5, 80, 6, radius=2)


def pendant(sc: Scene, x: float, y: float, color: Color | None = None, lit: bool | None = None) -> None:
    cv = sc.cv
    col = color or sc.pal.accent
    cv.line(hex_color("#4a4a4a"), (x, 0), (x, y - 40), 2.5)
    cv.poly(col, [(x - 14, y - 42), (x + 14, y - 42), (x + 46, y), (x - 46, y)])
    cv.ellipse(hex_color("#fff1cf"), x, y + 1, 30, 6)
    if lit if lit is not None else sc.night:
        glow(sc, x, y + 40, 110, 80, hex_color("#ffe6b0"), 110)


def clock(sc: Scene, x: float, y: float, r: float = 34) -> None:
    cv = sc.cv
    cv.circle(shade(sc.pal.wood, -0.15), x, y, r + 6)
    cv.circle(hex_color("#fbf8f2"), x, y, r)
    for i in range(12):
        a = math.radians(i * 30)
        cv.circle(hex_color("#6b6e73"), x + math.cos(a) * r * 0.8, y + math.sin(a) * r * 0.8, 2)
    cv.line(hex_color("#3c4149"), (x, y), (x + r * 0.45, y - r * 0.3), 3.5)
    cv.line(hex_color("#3c4149"), (x, y), (x - r * 0.1, y - r * 0.7), 2.5)


def chair_back(sc: Scene, x: float, seat_y: float, color: Color, w: float = 70) -> None:
    """A dining chair seen from the front (back rest above the table line)."""
    cv = sc.cv
    cv.rect(color, x - w / 2, seat_y - 110, w, 96, radius=14)
    cv.rect(shade(color, -0.1), x - w / 2 + 10, seat_y - 100, w - 20, 76, radius=10)
    cv.rect(shade(color, -0.2), x - w / 2 + 6, seat_y - 14, 8, sc.floor_y - seat_y + 40)
    cv.rect(shade(color, -0.2), x + w / 2 - 14, seat_y - 14, 8, sc.floor_y - seat_y + 40)


def office_chair(sc: Scene, x: float, seat_y: float, color: Color) -> None:
    cv = sc.cv
    cv.rect(color, x - 50, seat_y - 150, 100, 120, radius=24)
    cv.rect(shade(color, -0.15), x - 56, seat_y - 26, 112, 22, radius=10)
    cv.rect(hex_color("#5a5e66"), x - 5, seat_y - 4, 10, 50)
    cv.line(hex_color("#5a5e66"), (x - 44, seat_y + 56), (x + 44, seat_y + 56), 7)


def table(sc: Scene, x: float, top: float, w: float, cloth: Color | None = None) -> None:
    cv = sc.cv
    contact_shadow(sc, x + w / 2, sc.floor_y + (30 if cloth is not None else 26), w / 2, 36)
    if cloth is not None:
        cv.rect(cloth, x, top, w, 70, radius=6)
        cv.rect(shade(cloth, -0.08), x, top + 56, w, 14, radius=4)
        cv.rect(shade(sc.pal.wood, -0.2), x + 18, top + 70, 10, sc.floor_y - top - 40)
        cv.rect(shade(sc.pal.wood, -0.2), x + w - 28, top + 70, 10, sc.floor_y - top - 40)
    else:
        cv.rect(sc.pal.wood, x, top, w, 16, radius=4)
        cv.rect(shade(sc.pal.wood, -0.2), x + 18, top + 16, 10, sc.floor_y - top + 10)
        cv.rect(shade(sc.pal.wood, -0.2), x + w - 28, top + 16, 10, sc.floor_y - top + 10)


def sofa(sc: Scene, x: float, base: float, w: float, color: Color) -> None:
    cv = sc.cv
    contact_shadow(sc, x + w / 2, base, w / 2 + 10)
    cv.rect(shade(color, -0.05), x + 20, base - 150, w - 40, 90, radius=22)
    cv.rect(color, x + 30, base - 80, w - 60, 46, radius=14)
    cv.rect(shade(color, -0.12), x, base - 110, 44, 90, radius=16)
    cv.rect(shade(color, -0.12), x + w - 44, base - 110, 44, 90, radius=16)
    cv.rect(shade(color, -0.2), x + 10, base - 36, w - 20, 22, radius=8)
    cv.rect(shade(sc.pal.wood, -0.3), x + 26, base - 14, 10, 14)
    cv.rect(shade(sc.pal.wood, -0.3), x + w - 36, base - 14, 10, 14)
    cv.rect(mix(sc.pal.accent2, (245, 240, 232), 0.3), x + 56, base - 132, 60, 50, radius=14)


def counter(
    sc: Scene, x: float, top: float, w: float, front: Color, slab: Color | None = None, h: float | None = None
) -> None:
    cv = sc.cv
    slab = slab or hex_color("#f1ece4")
    height = h if h is not None else sc.floor_y - top + 40
    contact_shadow(sc, x + w / 2, top + height + 8, w / 2 + 10, 40)
    cv.rect(front, x, top + 10, w, height, radius=6)
    for k in range(1, int(w // 120)):
        cv.line(
            shade(front, -0.08),
            (x + k * w / int(w // 120), top + 30),
            (x + k * w / int(w // 120), top + height - 10),
            3,
        )
    cv.rect(slab, x - 14, top, w + 28, 18, radius=5)
    cv.rect(shade(front, -0.18), x, top + height - 6, w, 16)


def floor_and_wall(sc: Scene, tiles: bool = False, skirting: bool = True, wainscot: bool = False) -> None:
    cv, pal = sc.cv, sc.pal
    vgradient(cv, 0, 0, W, sc.floor_y, shade(pal.wall, 0.06), pal.wall)
    if wainscot:
        cv.rect(pal.wall2, 0, sc.floor_y - 190, W, 190)
        cv.rect(shade(pal.wall2, 0.12), 0, sc.floor_y - 196, W, 10)
        for k in range(0, W, 80):
            cv.rect_outline(shade(pal.wall2, -0.05), k + 12, sc.floor_y - 170, 56, 140, 3, radius=4)
    vgradient(cv, 0, sc.floor_y, W, H - sc.floor_y, pal.floor, shade(pal.floor, -0.08))
    if tiles:
        for k in range(-10, 24):
            x0 = W / 2 + k * 90
            cv.line(
                shade(pal.floor, -0.06), (W / 2 + (x0 - W / 2) * 0.6, sc.floor_y), (W / 2 + (x0 - W / 2) * 1.6, H), 2
            )
        y = sc.floor_y + 30
        step = 34.0
        while y < H:
            cv.line(shade(pal.floor, -0.06), (0, y), (W, y), 2)
            step *= 1.25
            y += step
    else:
        y = sc.floor_y + 26
        step = 22.0
        while y < H:
            cv.line(shade(pal.floor, -0.05), (0, y), (W, y), 2)
            step *= 1.3
            y += step
    if skirting:
        cv.rect(shade(pal.wall, -0.1), 0, sc.floor_y - 14, W, 16)


def rug(sc: Scene, cx: float, cy: float, rx: float, ry: float, color: Color) -> None:
    sc.cv.ellipse(color, cx, cy, rx, ry)
    sc.cv.ellipse(shade(color, 0.12), cx, cy, rx - 18, ry - 8)


# ------------------------------------------------------------------------------------------
# Scenes
# ------------------------------------------------------------------------------------------


def scene_default(sc: Scene) -> None:
    floor_and_wall(sc)
    window(sc, 150, 110, 330, 290, view="garden")
    picture(sc, 640, 150, 150, 190)
    shelf_with_things(sc, 860, 250, 280, "mixed")
    shelf_with_things(sc, 860, 380, 280, "books")
    plant(sc, 560, sc.floor_y + 40, 1.3, "tall")
    plant(sc, 1160, sc.floor_y + 60, 1.1, "leafy")


def scene_office(sc: Scene) -> None:
    floor_and_wall(sc)
    window(sc, 90, 100, 300, 300, view="city")
    bookcase(sc, 960, 110, 250, 420, rows=4)
    clock(sc, 560, 150)
    picture(sc, 680, 120, 130, 160)
    office_chair(sc, 640, 520, shade(sc.pal.accent, -0.1))
    desk(sc, 430, 452, 440)
    monitor(sc, 560, 452)
    desk_lamp(sc, 800, 452)
    mug(sc, 690, 452)
    papers(sc, 440, 452)
    plant(sc, 460, 452, 0.6, "snake")
    plant(sc, 1230, sc.floor_y + 50, 1.0, "tall")


def scene_video(sc: Scene) -> None:
    floor_and_wall(sc)
    window(sc, 90, 100, 300, 300, view="garden")
    bookcase(sc, 980, 110, 230, 420, rows=4)
    desk(sc, 350, 440, 600)
    monitor(sc, 650, 440, w=330, screen="video")
    desk_lamp(sc, 880, 440)
    mug(sc, 440, 440)
    papers(sc, 780, 440)
    plant(sc, 1240, sc.floor_y + 50, 1.0, "leafy")


def scene_phone(sc: Scene) -> None:
    """A close view of a desk with a phone, a notebook and a cup."""
    floor_y = 420.0
    sc.floor_y = floor_y
    cv = sc.cv
    vgradient(cv, 0, 0, W, floor_y, shade(sc.pal.wall, 0.06), sc.pal.wall)
    window(sc, 140, 60, 380, 280, view="city")
    picture(sc, 760, 90, 150, 180)
    shelf_with_things(sc, 960, 230, 250, "mixed")
    # desk surface fills the bottom
    vgradient(cv, 0, floor_y, W, H - floor_y, shade(sc.pal.wood, 0.1), shade(sc.pal.wood, -0.05))
    cv.rect(shade(sc.pal.wood, -0.18), 0, floor_y - 6, W, 12)
    # notebook
    cv.poly(hex_color("#faf7f1"), [(300, 520), (560, 500), (590, 660), (320, 690)])
    for k in range(6):
        cv.line(hex_color("#cfd8dc"), (318 + k * 2, 548 + k * 22), (566 + k * 2, 530 + k * 22), 2)
    cv.line(sc.pal.accent, (610, 520), (660, 650), 7)
    # desk phone
    dark = hex_color("#3c4149")
    cv.rect(dark, 760, 520, 240, 120, radius=22)
    cv.rect(hex_color("#b9c9d2"), 790, 540, 90, 44, radius=6)
    for r in range(3):
        for c in range(3):
            cv.rect(hex_color("#e8e4dc"), 900 + c * 28, 540 + r * 26, 20, 18, radius=5)
    cv.rect(shade(dark, 0.15), 760, 470, 240, 54, radius=26)
    cv.line(dark, (1000, 600), (1090, 700), 6)
    # cup and plant
    cv.rect(hex_color("#f4efe6"), 1090, 470, 70, 84, radius=12)
    cv.ring(hex_color("#f4efe6"), 1164, 505, 22, 9)
    plant(sc, 160, 560, 1.0, "round")


def scene_kitchen(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    sc.floor_y = 560
    floor_and_wall(sc, tiles=True, skirting=False)
    # tiled splashback
    tile = mix(pal.wall, (255, 255, 255), 0.35)
    cv.rect(tile, 0, 250, W, 220)
    for yy in range(250, 470, 36):
        cv.line(shade(tile, -0.07), (0, yy), (W, yy), 2)
    for xx in range(0, W, 72):
        cv.line(shade(tile, -0.07), (xx, 250), (xx, 470), 2)
    # extractor hood and range
    steel = hex_color("#c4c9cc")
    cv.poly(steel, [(520, 250), (760, 250), (720, 170), (560, 170)])
    cv.rect(shade(steel, -0.05), 600, 0, 80, 172)
    cv.rect(shade(steel, -0.1), 510, 244, 260, 14, radius=4)
    counter(sc, 0, 460, W, hex_color("#8fa3a8") if not sc.night else hex_color("#7c8f96"), hex_color("#e9e4da"))
    cv.rect(hex_color("#3c4149"), 540, 478, 200, 110, radius=8)
    cv.rect(hex_color("#5b616a"), 556, 506, 168, 68, radius=6)
    for kx in (570, 600, 680, 710):
        cv.circle(hex_color("#d0d4d8"), kx, 492, 5)
    # pots on the range
    cv.rect(hex_color("#b9c0c4"), 560, 400, 90, 60, radius=8)
    cv.rect(hex_color("#a5adb2"), 552, 396, 106, 10, radius=4)
    cv.rect(shade(pal.accent, 0.05), 672, 420, 80, 40, radius=8)
    cv.line(hex_color("#3c4149"), (752, 430), (800, 420), 6)
    # hanging rail with utensils
    cv.line(hex_color("#8d9296"), (140, 290), (440, 290), 5)
    for i, kind in enumerate(["ladle", "spatula", "whisk", "ladle", "pan"]):
        ux = 170 + i * 60
        cv.line(hex_color("#8d9296"), (ux, 290), (ux, 350), 4)
        if kind == "ladle":
            cv.circle(hex_color("#9aa0a4"), ux, 360, 14)
        elif kind == "spatula":
            cv.rect(hex_color("#6b5a4a"), ux - 10, 344, 20, 34, radius=4)
        elif kind == "whisk":
            cv.ellipse(hex_color("#aab0b4"), ux, 366, 11, 22)
        else:
            cv.circle(hex_color("#4d5157"), ux, 370, 26)
    # shelves with jars
    shelf_with_things(sc, 860, 200, 360, "jars")
    shelf_with_things(sc, 860, 120, 360, "cups")
    # chopping board with vegetables
    cv.rect(hex_color("#c79a6a"), 900, 430, 200, 30, radius=8)
    cv.circle(hex_color("#d9806c"), 950, 420, 16)
    cv.circle(hex_color("#7f9e74"), 990, 422, 14)
    cv.ellipse(hex_color("#e5c15a"), 1040, 424, 24, 11)
    plant(sc, 90, 460, 0.7, "leafy")
    # window pass (serving hatch) to the dining room
    cv.rect(hex_color("#f4efe6"), 90, 60, 340, 150, radius=6)
    cv.rect(mix(pal.accent2, (245, 240, 232), 0.5), 104, 74, 312, 122, radius=4)
    for k in range(3):
        cv.rect(hex_color("#fbf8f2"), 130 + k * 96, 90, 70, 90, radius=3)
    if sc.night:
        glow(sc, 640, 330, 240, 120, hex_color("#ffe2a8"), 70)


def scene_dining(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc, wainscot=True)
    window(sc, 80, 90, 260, 250, view="garden")
    window(sc, 940, 90, 260, 250, view="garden")
    picture(sc, 560, 120, 160, 120)
    for x in (300, 640, 980):
        pendant(sc, x, 250, pal.accent, lit=True)
    cloth = hex_color("#f6f1e8")
    for tx in (190, 760):
        chair_back(sc, tx + 70, 520, shade(pal.wood, -0.05))
        chair_back(sc, tx + 250, 520, shade(pal.wood, -0.05))
        table(sc, tx, 470, 320, cloth)
        cv.ellipse(hex_color("#e9e4da"), tx + 110, 470, 36, 7)
        cv.ellipse(hex_color("#e9e4da"), tx + 210, 470, 36, 7)
        cv.rect(hex_color("#dfe9e6"), tx + 150, 430, 14, 40, radius=4)
        cv.circle(pal.accent2, tx + 157, 424, 9)
    plant(sc, 640, sc.floor_y + 70, 1.2, "tall")


def scene_bar(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc)
    # back bar shelves with bottles and a mirror panel
    cv.rect(shade(pal.wood, -0.25), 120, 80, 1040, 340, radius=8)
    cv.rect(mix(pal.wall, (255, 255, 255), 0.25), 140, 100, 1000, 300, radius=6)
    for sy in (200, 300, 390):
        shelf_with_things(sc, 150, sy, 980, "bottles" if sy != 300 else "mixed")
    for x in (260, 640, 1020):
        pendant(sc, x, 190, pal.accent, lit=True)
    counter(sc, 60, 440, 1160, shade(pal.wood, -0.12), hex_color("#e6dfd3"))
    # stools
    for x in (220, 470, 810, 1060):
        cv.ellipse(pal.accent2, x, 540, 46, 14)
        cv.rect(hex_color("#5a5e66"), x - 4, 546, 8, 160)
        cv.line(hex_color("#5a5e66"), (x - 30, 640), (x + 30, 640), 5)
    # glasses and a coffee machine on the counter
    cv.rect(hex_color("#c4c9cc"), 900, 360, 130, 80, radius=10)
    cv.rect(hex_color("#3c4149"), 920, 400, 90, 30, radius=4)
    for gx in (300, 340, 600):
        cv.rect(hex_color("#e4ece9"), gx, 410, 24, 30, radius=4)


def scene_cafe(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc, wainscot=False)
    window(sc, 60, 90, 480, 300, panes=3, curtains=False, view="city")
    # awning-striped valance over the window
    for k in range(12):
        cv.rect(pal.accent if k % 2 else hex_color("#f4efe6"), 48 + k * 42, 60, 42, 40)
    cv.poly(shade(pal.accent, -0.1), [(48, 100), (552, 100), (552, 110), (48, 110)])
    # chalkboard
    cv.rect(shade(pal.wood, -0.2), 600, 90, 210, 170, radius=6)
    cv.rect(hex_color("#45514d"), 612, 102, 186, 146, radius=4)
    for k in range(4):
        cv.line(hex_color("#d9ddd6"), (632, 130 + k * 30), (632 + 100 - k * 12, 130 + k * 30), 3)
        cv.circle(hex_color("#d9ddd6"), 770, 130 + k * 30, 4)
    shelf_with_things(sc, 960, 230, 240, "cups")
    shelf_with_things(sc, 960, 320, 240, "jars")
    counter(sc, 700, 430, 520, shade(pal.wood, -0.05))
    cv.rect(hex_color("#c4c9cc"), 1030, 350, 120, 80, radius=10)
    cv.rect(hex_color("#3c4149"), 1048, 388, 84, 30, radius=4)
    # small round table with two chairs
    chair_back(sc, 180, 560, pal.accent2, 64)
    chair_back(sc, 460, 560, pal.accent2, 64)
    cv.ellipse(hex_color("#f1ece4"), 320, 506, 110, 16)
    cv.rect(hex_color("#5a5e66"), 314, 516, 12, 150)
    cv.line(hex_color("#5a5e66"), (270, 666), (370, 666), 6)
    mug(sc, 290, 502)
    mug(sc, 340, 502, hex_color("#e9ddd3"))
    for x in (900, 1120):
        pendant(sc, x, 150, pal.accent, lit=True)
    plant(sc, 620, sc.floor_y + 50, 1.0, "tall")


def scene_reception(sc: Scene, hotel: bool = False) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc, tiles=hotel)
    if hotel:
        for px in (80, 1150):
            cv.rect(shade(pal.wall, 0.2), px, 0, 60, sc.floor_y)
            cv.rect(shade(pal.wall, -0.06), px + 44, 0, 16, sc.floor_y)
        window(sc, 190, 90, 280, 300, view="sea", curtains=True)
        # key rack
        cv.rect(shade(pal.wood, -0.15), 780, 120, 240, 150, radius=6)
        for r in range(3):
            for c in range(6):
                cv.circle(hex_color("#d8b45a"), 810 + c * 36, 150 + r * 44, 5)
                cv.rect(hex_color("#f4efe6"), 805 + c * 36, 160 + r * 44, 10, 16, radius=2)
        picture(sc, 530, 160, 190, 140)
        # chandelier-like pendant
        cv.line(hex_color("#8d9296"), (640, 0), (640, 80), 3)
        for k in range(5):
            cv.circle(hex_color("#f4e2b5"), 600 + k * 20, 96 + (k % 2) * 10, 9)
        cv.ellipse(hex_color("#d8b45a"), 640, 86, 56, 8)
        glow(sc, 640, 110, 200, 90, hex_color("#ffe6b0"), 90)
    else:
        window(sc, 90, 100, 300, 280, view="garden")
        # a calm logo plaque: a circle with a leaf
        cv.circle(mix(pal.accent, pal.wall, 0.3), 760, 190, 74)
        cv.circle(mix(pal.accent, pal.wall, 0.75), 760, 190, 62)
        leaf(cv, mix(pal.accent, pal.wall, 0.1), 742, 226, 90, 46, -60)
        shelf_with_things(sc, 930, 270, 260, "towels" if "spa" in sc.key else "mixed")
        shelf_with_things(sc, 930, 170, 260, "mixed")
    counter(sc, 420, 420, 680, pal.accent2 if hotel else mix(pal.wood, pal.wall, 0.2), hex_color("#f3eee6"))
    # things on the desk
    # the back of the receptionist's screen
    cv.rect(hex_color("#6b7078"), 520, 344, 130, 72, radius=8)
    cv.rect(hex_color("#5e636b"), 560, 366, 50, 28, radius=6)
    cv.rect(hex_color("#5e636b"), 577, 414, 16, 8)
    if hotel:
        cv.ellipse(hex_color("#d8b45a"), 900, 412, 24, 8)
        cv.ellipse(hex_color("#e2c27a"), 900, 400, 18, 16)
        cv.rect(hex_color("#e2c27a"), 882, 400, 36, 12)
        cv.circle(hex_color("#d8b45a"), 900, 384, 4)
    else:
        cv.rect(hex_color("#dfe9e6"), 880, 370, 26, 50, radius=6)
        for k in range(3):
            leaf(cv, hex_color("#7fa677"), 893, 372, 50, 18, -90 + (k - 1) * 28)
        for k in range(3):
            cv.ellipse(hex_color("#9a968f"), 980, 414 - k * 10, 26 - k * 6, 7)
    plant(sc, 300, sc.floor_y + 60, 1.3, "tall")
    plant(sc, 1210, sc.floor_y + 60, 1.1, "leafy")


def scene_boardroom(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc)
    # a wide window wall
    window(
        sc,
        60,
        80,
        560,
        300,
        panes=4,
        curtains=False,
        view="sea" if any(w in sc.key for w in ("harbo", "sea", "port", "beach")) else "city",
    )
    # screen
    cv.rect(hex_color("#3c4149"), 760, 100, 380, 220, radius=8)
    cv.rect(hex_color("#dfe6ea") if not sc.night else hex_color("#b9c9dd"), 772, 112, 356, 196, radius=4)
    for k, hgt in enumerate((60, 100, 80, 140)):
        cv.rect(mix(ACCENTS[k], (240, 236, 230), 0.3), 820 + k * 70, 290 - hgt, 40, hgt, radius=3)
    # long table with chairs behind it
    for x in (180, 380, 580, 780, 980):
        office_chair(sc, x + 60, 520, shade(pal.accent2, -0.1))
    cv.poly(shade(pal.wood, -0.05), [(80, 470), (1200, 470), (1260, 540), (20, 540)])
    cv.rect(shade(pal.wood, -0.2), 20, 540, 1240, 18, radius=4)
    for x in (200, 600, 1000):
        papers(sc, x, 500)
    for x in (380, 800):
        cv.rect(hex_color("#dfe9e6"), x, 462, 18, 36, radius=4)
    plant(sc, 1230, sc.floor_y + 40, 0.9, "snake")


def scene_spa(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc, tiles=False)
    # wood slat wall panel
    for k in range(14):
        cv.rect(shade(pal.wood, 0.08 if k % 2 else 0.0), 760 + k * 34, 60, 28, sc.floor_y - 60)
    window(sc, 120, 90, 420, 300, panes=2, view="garden")
    # lounger
    lounger = hex_color("#f3eee6")
    cv.poly(shade(pal.wood, -0.1), [(600, 560), (1100, 560), (1100, 580), (600, 580)])
    cv.rect(lounger, 640, 500, 420, 60, radius=20)
    cv.poly(lounger, [(600, 520), (660, 420), (720, 430), (680, 540)])
    cv.rect(mix(pal.accent, (245, 240, 232), 0.5), 900, 486, 140, 26, radius=13)  # rolled towel
    for lx in (630, 1060):
        cv.rect(shade(pal.wood, -0.2), lx, 580, 10, 70)
    # stones, candles and a bowl
    for k, (rx, ry) in enumerate(((52, 14), (40, 12), (28, 10))):
        cv.ellipse(shade(hex_color("#8f8b85"), 0.1 * k), 260, 600 - k * 22, rx, ry)
    for cx in (340, 380, 420):
        h = 40 + (cx % 3) * 12
        cv.rect(hex_color("#f6f1e8"), cx - 12, 620 - h, 24, h, radius=4)
        cv.ellipse(hex_color("#f2c26a"), cx, 612 - h, 5, 9)
        glow(sc, cx, 606 - h, 40, 40, hex_color("#ffe2a8"), 90)
    plant(sc, 1210, sc.floor_y + 60, 1.2, "tall")
    plant(sc, 80, sc.floor_y + 70, 1.0, "snake")
    glow(sc, 330, 240, 300, 200, hex_color("#fff4dc"), 60)


def scene_staff_room(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc)
    # lockers
    lock = mix(pal.accent2, pal.wall, 0.45)
    for k in range(4):
        x = 860 + k * 92
        cv.rect(lock, x, 120, 86, 410, radius=4)
        for s in range(3):
            cv.line(shade(lock, -0.12), (x + 20, 150 + s * 10), (x + 66, 150 + s * 10), 3)
        cv.rect(shade(lock, -0.25), x + 68, 300, 6, 40, radius=3)
    # noticeboard
    cv.rect(shade(pal.wood, -0.1), 460, 110, 300, 190, radius=6)
    cv.rect(hex_color("#c9a57a"), 472, 122, 276, 166, radius=4)
    rng = sc.rng
    for k in range(6):
        nx = 490 + (k % 3) * 86 + rng.uniform(-6, 6)
        ny = 136 + (k // 3) * 72 + rng.uniform(-4, 4)
        cv.rect(
            rng.choice([hex_color("#faf7f1"), hex_color("#f2e3a0"), hex_color("#dfe9ee")]), nx, ny, 64, 56, radius=2
        )
        cv.circle(rng.choice(ACCENTS), nx + 32, ny + 6, 4)
    # kitchenette: counter, kettle, coffee machine
    counter(sc, 60, 420, 360, shade(pal.wall2, -0.05), hex_color("#ece6dc"))
    cv.rect(hex_color("#c4c9cc"), 100, 330, 90, 90, radius=10)
    cv.rect(hex_color("#3c4149"), 112, 370, 66, 26, radius=4)
    cv.ellipse(hex_color("#f4efe6"), 270, 388, 34, 32)
    cv.rect(hex_color("#f4efe6"), 246, 388, 48, 30)
    cv.line(hex_color("#f4efe6"), (300, 380), (318, 368), 7)
    mug(sc, 350, 420, pal.accent)
    shelf_with_things(sc, 70, 250, 330, "cups")
    clock(sc, 620, 380, 30)
    # table and chairs
    chair_back(sc, 520, 540, pal.accent, 66)
    chair_back(sc, 700, 540, pal.accent, 66)
    table(sc, 450, 500, 320)
    mug(sc, 560, 500)
    papers(sc, 640, 500)


def scene_back_room(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc, wainscot=True)
    # heavy curtains on both sides and framed pictures
    cur = mix(pal.accent, pal.wall, 0.3)
    for x in (0, 1150):
        cv.rect(cur, x, 0, 130, sc.floor_y + 60)
        for k in range(4):
            cv.line(shade(cur, -0.12), (x + 18 + k * 30, 0), (x + 18 + k * 30, sc.floor_y + 60), 4)
    picture(sc, 360, 100, 180, 140)
    picture(sc, 740, 100, 180, 140)
    pendant(sc, 640, 340, hex_color("#d8b45a"), lit=True)
    cloth = hex_color("#f3ece2")
    for x in (360, 540, 740, 920):
        chair_back(sc, x, 540, shade(pal.wood, -0.1), 72)
    table(sc, 280, 490, 720, cloth)
    for x in (400, 640, 880):
        cv.ellipse(hex_color("#e9e4da"), x, 490, 40, 8)
    cv.rect(hex_color("#f6f1e8"), 628, 446, 24, 44, radius=4)
    cv.ellipse(hex_color("#f2c26a"), 640, 438, 6, 10)
    glow(sc, 640, 430, 60, 60, hex_color("#ffe2a8"), 120)


def scene_print(sc: Scene) -> None:
    cv = sc.cv
    floor_and_wall(sc, tiles=True)
    # high factory windows
    for x in (80, 420, 760, 1100):
        window(sc, x, 60, 120, 130, panes=2, curtains=False, view="city")
    # a large printer
    body = hex_color("#dfe1de")
    cv.rect(body, 140, 300, 520, 250, radius=16)
    cv.rect(shade(body, -0.1), 140, 470, 520, 80, radius=12)
    cv.rect(hex_color("#3c4149"), 180, 330, 140, 60, radius=6)
    cv.rect(hex_color("#9cd1c5"), 190, 340, 80, 40, radius=4)
    for k, col in enumerate(("#3fb0c9", "#d9569a", "#e8cf4a", "#3c4149")):
        cv.rect(hex_color(col), 360 + k * 36, 346, 22, 28, radius=4)
    cv.rect(hex_color("#faf7f1"), 520, 420, 160, 18, radius=3)
    cv.rect(hex_color("#faf7f1"), 530, 404, 150, 18, radius=3)
    # paper rolls and stacks
    for k in range(3):
        cv.circle(hex_color("#f4efe6"), 780 + k * 64, 520, 30)
        cv.circle(hex_color("#c9c2b4"), 780 + k * 64, 520, 10)
    for k in range(5):
        cv.rect(shade(hex_color("#faf7f1"), -0.04 * (k % 2)), 1010, 520 - k * 22, 160, 22, radius=2)
    # shelving with boxes
    for sy in (250, 350, 450):
        shelf_with_things(sc, 720, sy, 480, "boxes")
    # pinned proofs
    for k in range(4):
        cv.rect(mix(ACCENTS[k + 2], (245, 240, 232), 0.55), 720 + k * 110, 110, 90, 110, radius=2)
        cv.circle(hex_color("#c26a4f"), 765 + k * 110, 118, 4)


def scene_warehouse(sc: Scene) -> None:
    cv = sc.cv
    floor_and_wall(sc, tiles=True)
    steel = hex_color("#6f8a9a")
    for x0 in (60, 460, 860):
        cv.rect(steel, x0, 80, 14, 470)
        cv.rect(steel, x0 + 346, 80, 14, 470)
        for sy in (200, 320, 440, 540):
            cv.rect(hex_color("#d39a4a"), x0, sy, 360, 12)
            shelf_with_things(sc, x0 + 16, sy, 330, "boxes")
    # pallet with boxes in front
    cv.rect(hex_color("#b99b7e"), 520, 640, 260, 24, radius=3)
    for k in range(3):
        cv.rect(hex_color("#c9a57a"), 530 + k * 82, 570, 78, 70, radius=3)
        cv.rect(hex_color("#b58e62"), 560 + k * 82, 570, 18, 22)


def scene_salon(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc, tiles=True)
    for k, x in enumerate((180, 560, 940)):
        cv.rect(shade(pal.wood, -0.05), x, 100, 200, 300, radius=100)
        vgradient(cv, x + 12, 112, 176, 276, hex_color("#dfe9ee"), hex_color("#f2f5f4"))
        cv.rect_outline(shade(pal.wood, -0.05), x, 100, 200, 300, 14, radius=100)
        cv.line((255, 255, 255), (x + 50, 150), (x + 90, 120), 6)
        # salon chair
        cv.rect(pal.accent if k != 1 else pal.accent2, x + 40, 410, 120, 110, radius=26)
        cv.rect(hex_color("#5a5e66"), x + 92, 520, 16, 70)
        cv.ellipse(hex_color("#5a5e66"), x + 100, 600, 60, 10)
    shelf_with_things(sc, 80, 470, 80, "bottles")
    plant(sc, 1200, sc.floor_y + 60, 1.0, "tall")


def scene_shop(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc, tiles=True)
    for sy in (170, 270, 370):
        shelf_with_things(sc, 120, sy, 500, "jars" if sy == 170 else "mixed")
    window(sc, 780, 90, 380, 280, panes=2, curtains=False, view="city")
    counter(sc, 60, 440, 1160, pal.accent2, hex_color("#f3eee6"))
    # display case with bread/cakes
    cv.rect(hex_color("#e4ece9"), 160, 360, 420, 82, radius=8)
    for k in range(5):
        cv.ellipse(hex_color("#d7a867"), 210 + k * 80, 418, 30, 16)
        cv.ellipse(hex_color("#e8c38a"), 210 + k * 80, 412, 22, 9)
    cv.rect(hex_color("#3c4149"), 860, 380, 110, 60, radius=6)
    cv.rect(hex_color("#dfe9ee"), 868, 388, 94, 36, radius=4)


def scene_home(sc: Scene) -> None:
    cv, pal = sc.cv, sc.pal
    floor_and_wall(sc)
    window(sc, 120, 100, 320, 300, view="garden")
    picture(sc, 600, 130, 200, 150)
    sofa(sc, 500, sc.floor_y + 70, 420, mix(pal.accent2, pal.wall, 0.2))
    # floor lamp
    cv.line(hex_color("#5a5e66"), (1020, 620), (1020, 300), 6)
    cv.poly(mix(pal.accent, (245, 240, 232), 0.5), [(980, 300), (1060, 300), (1044, 240), (996, 240)])
    cv.ellipse(hex_color("#5a5e66"), 1020, 622, 40, 8)
    if sc.night:
        glow(sc, 1020, 320, 200, 160, hex_color("#ffe2a8"), 130)
    bookcase(sc, 1090, 130, 170, 400, rows=4)
    rug(sc, 700, 660, 380, 50, mix(pal.accent, pal.floor, 0.5))
    plant(sc, 460, sc.floor_y + 40, 1.1, "tall")


def scene_studio(sc: Scene) -> None:
    cv = sc.cv
    floor_and_wall(sc)
    window(sc, 70, 80, 520, 320, panes=4, curtains=False, view="city")
    # pinboard with swatches
    cv.rect(hex_color("#c9a57a"), 700, 100, 300, 200, radius=6)
    rng = sc.rng
    for k in range(8):
        cv.rect(
            mix(rng.choice(ACCENTS), (245, 240, 232), 0.2), 716 + (k % 4) * 70, 116 + (k // 4) * 92, 58, 76, radius=2
        )
    # drawing table and stool
    cv.poly(hex_color("#f4efe6"), [(640, 420), (1000, 400), (1010, 440), (650, 460)])
    cv.line(hex_color("#5a5e66"), (700, 460), (680, 600), 8)
    cv.line(hex_color("#5a5e66"), (960, 440), (980, 600), 8)
    monitor(sc, 260, 470, 200)
    desk(sc, 100, 470, 420)
    desk_lamp(sc, 460, 470)
    bookcase(sc, 1060, 120, 180, 410, rows=4, kind="mixed")
    plant(sc, 610, sc.floor_y + 60, 1.0, "leafy")


def scene_street(sc: Scene) -> None:
    sc.floor_y = 600
    draw_street(sc, golden=False)


def draw_street(sc: Scene, golden: bool) -> None:
    """Small shops side by side on a quiet high street (golden hour, day or night)."""
    cv, rng = sc.cv, sc.rng
    if sc.night:
        vgradient(cv, 0, 0, W, 600, hex_color("#3d4868"), hex_color("#7a84a0"))
        cv.circle(hex_color("#f3ead2"), 1000, 140, 34)
        cv.circle(mix(hex_color("#3d4868"), hex_color("#7a84a0"), 132 / 600), 1016, 132, 32)
        for _ in range(60):
            cv.circle((235, 232, 220), rng.uniform(0, W), rng.uniform(0, 300), rng.uniform(0.8, 1.8))
    elif golden:
        vgradient(cv, 0, 0, W, 600, hex_color("#f6dcc4"), hex_color("#f5ebdc"))
        glow(sc, 980, 250, 260, 200, hex_color("#fff1d6"), 200)
        cv.circle(hex_color("#f8e3b8"), 980, 250, 60)
    else:
        vgradient(cv, 0, 0, W, 600, hex_color("#c9dde6"), hex_color("#eef1ee"))
        for cx, cy in ((300, 120), (860, 90)):
            for dx, r in ((-30, 22), (0, 32), (32, 24)):
                cv.circle((250, 250, 248), cx + dx, cy, r)
            cv.rect((250, 250, 248), cx - 52, cy, 108, 20, radius=10)
    # distant hills
    hill = hex_color("#e3cdb6") if golden else hex_color("#b9c9b0")
    if sc.night:
        hill = hex_color("#46506b")
    cv.ellipse(hill, 300, 470, 520, 160)
    cv.ellipse(shade(hill, -0.04), 1100, 480, 480, 150)
    # the street
    vgradient(cv, 0, 600, W, 120, hex_color("#d8cbbb"), hex_color("#cbbba7"))
    cv.rect(hex_color("#e6dccd"), 0, 590, W, 18)
    shops = [
        (40, 230, "#c98f6f", "awning"),
        (280, 260, "#8fa89a", "flat"),
        (550, 200, "#d9b77a", "awning"),
        (760, 250, "#9fb0bf", "flat"),
        (1020, 230, "#b9917e", "awning"),
    ]
    for i, (x, w, col_hex, kind) in enumerate(shops):
        col = hex_color(col_hex)
        h = rng.uniform(300, 360)
        top = 590 - h
        cv.rect(col, x, top, w, h)
        cv.rect(shade(col, -0.12), x - 6, top - 12, w + 12, 18, radius=3)
        # upper windows
        for k in range(2 if w < 240 else 3):
            wx = x + 24 + k * (w - 48) / (2 if w < 240 else 3)
            cv.rect(hex_color("#f5ead9"), wx, top + 36, 50, 64, radius=25)
            cv.rect(hex_color("#c7d7dc"), wx + 6, top + 42, 38, 52, radius=19)
        # shop window and door
        cv.rect(hex_color("#f3eee6"), x + 16, 430, w - 32, 160, radius=4)
        cv.rect(hex_color("#f1dba4") if sc.night else hex_color("#cfdfe2"), x + 26, 446, w - 110, 130, radius=3)
        cv.rect(shade(col, -0.25), x + w - 76, 446, 50, 144, radius=3)
        cv.circle(hex_color("#e9d8a6"), x + w - 36, 520, 3)
        # little goods in the window
        for k in range(3):
            cv.circle(mix(ACCENTS[(i + k) % len(ACCENTS)], (245, 240, 232), 0.35), x + 50 + k * 32, 560, 12)
        if kind == "awning":
            stripe = ACCENTS[(i * 3) % len(ACCENTS)]
            n = max(4, int((w - 10) // 34))
            sw = (w - 10) / n
            for k in range(n):
                c = stripe if k % 2 == 0 else hex_color("#f6f1e8")
                cv.poly(
                    c,
                    [
                        (x + 5 + k * sw, 396),
                        (x + 5 + (k + 1) * sw, 396),
                        (x + 5 + (k + 1) * sw + 4, 430),
                        (x + 5 + k * sw + 4, 430),
                    ],
                )
                cv.circle(c, x + 5 + k * sw + sw / 2 + 4, 430, sw / 2)
        else:
            cv.rect(shade(col, -0.2), x + 10, 400, w - 20, 26, radius=4)
        plant(sc, x + 30, 600, 0.55, "round", pot=hex_color("#e8dccb"))
    # trees and lamp posts on the pavement
    for tx in (250, 740):
        cv.rect(hex_color("#8d7560"), tx - 6, 470, 12, 130)
        for _ in range(7):
            cv.circle(
                mix(hex_color("#8aa67f"), (245, 240, 232), rng.uniform(0, 0.2)),
                tx + rng.uniform(-50, 50),
                430 + rng.uniform(-40, 30),
                rng.uniform(34, 48),
            )
    for lx in (520, 1000):
        cv.line(hex_color("#5f6a70"), (lx, 600), (lx, 400), 6)
        cv.rect(hex_color("#5f6a70"), lx - 14, 380, 28, 24, radius=6)
        cv.rect(hex_color("#f4e2b5"), lx - 9, 386, 18, 14, radius=4)
        if sc.night:
            glow(sc, lx, 420, 90, 120, hex_color("#ffe2a8"), 90)
    if sc.night:
        return
    # birds
    for bx, by in ((420, 150), (450, 170), (640, 120)):
        cv.stroke(
            hex_color("#9c8f86"),
            [
                *quad((bx - 12, by), (bx - 6, by - 8), (bx, by), 6),
                *quad((bx, by), (bx + 6, by - 8), (bx + 12, by), 6)[1:],
            ],
            2.5,
        )


def scene_garden(sc: Scene) -> None:
    """A garden centre / greenhouse: big glazed wall, benches of potted plants."""
    cv, rng = sc.cv, sc.rng
    floor_and_wall(sc, tiles=True, skirting=False)
    frame = hex_color("#f4f1ea")
    vgradient(cv, 0, 40, W, sc.floor_y - 40, hex_color("#cfe0e4"), hex_color("#e9efe6"))
    cv.ellipse(hex_color("#b7cbb0"), 300, sc.floor_y, 520, 150)
    cv.ellipse(hex_color("#aac2a4"), 1050, sc.floor_y, 520, 120)
    for x in range(0, W + 1, 160):
        cv.rect(frame, x - 6, 40, 12, sc.floor_y - 40)
    for y in (40, 250):
        cv.rect(frame, 0, y - 6, W, 12)
    cv.rect(frame, 0, sc.floor_y - 20, W, 20)
    for bx in (80, 700):
        cv.rect(shade(sc.pal.wood, -0.05), bx, 470, 500, 18, radius=4)
        for lx in (bx + 20, bx + 470):
            cv.rect(shade(sc.pal.wood, -0.25), lx, 488, 12, 130)
        for k in range(6):
            plant(sc, bx + 45 + k * 82, 470, rng.uniform(0.45, 0.6), rng.choice(["leafy", "round", "snake"]))
    for k in range(3):
        cv.rect(mix(ACCENTS[k + 1], (245, 240, 232), 0.3), 560 + k * 40, 620 - k * 4, 34, 40, radius=4)
    plant(sc, 620, 700, 1.2, "tall")


# word -> scene. A place id is split into words ("restaurant_back_room" -> restaurant, back, room);
# the first rule with a word that starts one of them wins, so the kind of room ("office",
# "kitchen") comes before the kind of business ("restaurant", "spa", "hotel").
SceneFn = Callable[[Scene], None]


def scene_lobby(sc: Scene) -> None:
    scene_reception(sc, hotel=True)


RULES: list[tuple[tuple[str, ...], SceneFn]] = [
    (("video", "zoom", "online", "remote"), scene_video),
    (("phone", "call", "telefon", "llamada"), scene_phone),
    (("kitchen", "cocina"), scene_kitchen),
    (("boardroom", "meeting", "conference", "reunion"), scene_boardroom),
    (("staff", "break", "locker", "personal"), scene_staff_room),
    (("relax", "thermal", "treatment", "massage", "sauna", "pool", "wellness"), scene_spa),
    (("lobby", "vestibulo"), scene_lobby),
    (("reception", "recepcion", "frontdesk", "front", "entrance", "entrada"), scene_reception),
    (("back", "private", "backroom", "privado"), scene_back_room),
    (("salon", "hair", "barber", "beauty", "peluquer"), scene_salon),
    (("bar", "pub", "barra"), scene_bar),
    (("cafe", "coffee", "bakery", "corner", "panaderia", "cafeteria"), scene_cafe),
    (("dining", "comedor", "terrace", "terraza"), scene_dining),
    (("print", "workshop", "production", "taller", "imprenta"), scene_print),
    (("warehouse", "depot", "storage", "stock", "almacen", "garage", "loading"), scene_warehouse),
    (("street", "outside", "outdoor", "parking", "van", "car", "delivery", "calle", "exterior"), scene_street),
    (("shop", "store", "counter", "tienda", "market", "boutique", "mostrador"), scene_shop),
    (("office", "despacho", "oficina", "study", "desk"), scene_office),
    (("home", "living", "house", "casa", "flat", "apartment", "night"), scene_home),
    (("studio", "design", "atelier", "estudio"), scene_studio),
    (("clinic", "dentist", "vet", "medical", "consult", "showroom", "dealership", "gym"), scene_reception),
    (("garden", "nursery", "greenhouse", "florist", "vivero", "jardin", "plant"), scene_garden),
    (("classroom", "school", "training", "aula", "seminar"), scene_boardroom),
    (("hotel",), scene_lobby),
    (("restaurant", "restaurante", "diner"), scene_dining),
    (("spa",), scene_spa),
]

WALLS = ["#ece3d6", "#e2e7e0", "#e7ddd3", "#dde4e8", "#eadfd0", "#e6e0e8"]
FLOORS = ["#c8ab8c", "#bda286", "#d6cdbf", "#b7aa98", "#c9b9a4"]
WOODS = ["#b58e62", "#a98462", "#c29c72", "#9c7b5c"]


def palette_for(key: str, rng: random.Random) -> Palette:
    wall = hex_color(rng.choice(WALLS))
    if any(w in key for w in ("spa", "relax", "thermal")):
        wall = hex_color(rng.choice(["#e2ebe6", "#e6ece8", "#ece6dc"]))
    return Palette(
        wall=wall,
        wall2=mix(wall, hex_color(rng.choice(["#9fb3a8", "#b7a48e", "#9fb0bf"])), 0.35),
        floor=hex_color(rng.choice(FLOORS)),
        wood=hex_color(rng.choice(WOODS)),
        accent=mix(rng.choice(ACCENTS), wall, 0.15),
        accent2=mix(rng.choice(ACCENTS), wall, 0.2),
    )


def pick_scene(key: str) -> SceneFn:
    tokens = [t for t in re.split(r"[^a-z0-9]+", key.lower()) if t]
    for words, fn in RULES:
        if any(t.startswith(w) for t in tokens for w in words):
            return fn
    return scene_default


def finish(sc: Scene) -> None:
    """Pull everything towards a calm neutral (and a dusky blue at night)."""
    tint = sc.cv.layer()
    tint.fill((*(NIGHT_TINT if sc.night else CALM), 255))
    sc.cv.blit(tint, 60 if sc.night else 36)
    # a soft vignette keeps the edges quiet
    radial(sc.cv, W / 2, H / 2, W * 0.85, H * 0.95, (60, 50, 50), 38, inverse=True)


def render_background(key: str) -> Canvas:
    rng = dk.seeded_rng("background", key)
    cv = Canvas(W, H, ss=2)
    night = any(w in key.lower() for w in ("night", "evening", "late", "noche"))
    sc = Scene(cv=cv, rng=rng, pal=palette_for(key.lower(), rng), night=night, key=key.lower())
    cv.fill((*sc.pal.wall, 255))
    pick_scene(key)(sc)
    finish(sc)
    if rng.random() < 0.5:  # mirror half of the rooms: the same kind of room looks less repeated
        cv.surface = dk.pygame.transform.flip(cv.surface, True, False)
    return cv


def render_title() -> Canvas:
    """A calm high street at golden hour: small shops side by side, room for the title above."""
    cv = Canvas(W, H, ss=2)
    rng = dk.seeded_rng("background", "title")
    pal = Palette(
        hex_color("#ece3d6"), hex_color("#d9cbb8"), hex_color("#cdbba6"), hex_color("#b58e62"), ACCENTS[0], ACCENTS[1]
    )
    sc = Scene(cv=cv, rng=rng, pal=pal, night=False, floor_y=600)
    draw_street(sc, golden=True)
    tint = cv.layer()
    tint.fill((*CALM, 255))
    cv.blit(tint, 30)
    return cv


# ------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------


def wanted_backgrounds() -> list[str]:
    out: list[str] = []
    for path, data in dk.load_scenarios():
        places = data.get("places")
        if not isinstance(places, dict):
            continue
        for pid, place in places.items():
            if not isinstance(place, dict):
                continue
            ref = place.get("image")
            key = dk.asset_stem(ref, "backgrounds")
            if key is None:
                if ref is not None:
                    print(f"  - {os.path.basename(path)}: {pid}: image {ref!r} is not backgrounds/<x>.png, skipped")
                continue
            if key not in out:
                out.append(key)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--only-missing", action="store_true", help="skip backgrounds that already exist")
    ap.add_argument("--sheet", metavar="PNG", help="also write a contact sheet")
    ap.add_argument("--extra", nargs="*", default=[], metavar="KEY", help="also draw these keys (for review)")
    ap.add_argument("--out", default=OUT_DIR, help="output folder (default: game/assets/backgrounds)")
    args = ap.parse_args(argv)

    dk.init()
    os.makedirs(args.out, exist_ok=True)
    keys = ["title", "default", *wanted_backgrounds(), *args.extra]
    made: list[str] = []
    for key in dict.fromkeys(keys):
        path = os.path.join(args.out, f"{key}.png")
        if args.only_missing and os.path.exists(path):
            continue
        cv = render_title() if key == "title" else render_background(key)
        surf = dk.pygame.Surface((W, H))  # opaque 24-bit: smaller files
        surf.blit(cv.result(), (0, 0))
        dk.pygame.image.save(surf, path)
        made.append(path)
        fn = "title" if key == "title" else pick_scene(key).__name__
        print(f"  background {key}.png  ({fn})")
    print(f"{len(made)} background(s) written to {os.path.relpath(args.out)}")
    if args.sheet:
        shown = [os.path.join(args.out, f"{k}.png") for k in dict.fromkeys(keys)]
        dk.contact_sheet([p for p in shown if os.path.exists(p)], args.sheet, thumb=420, cols=3)
        print(f"contact sheet: {args.sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
