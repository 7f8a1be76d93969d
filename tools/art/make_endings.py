"""Draw the ending pictures of Sticky Situations: the business and its people as a playthrough ended.

Usage (from the repository root)::

    python tools/art/make_endings.py                 # writes game/assets/endings/<rating>.png
    python tools/art/make_endings.py --sheet /tmp/endings.png

One wide picture (1280x400, opaque) per rating, ``best`` to ``bad``: the high street of the title screen with
the shop in the middle and its people in front of it. The light, the shop and the faces follow the rating:
a golden afternoon with bunting and a cheerful team for ``best``, a plain day for ``good``, an overcast day
for ``fair``, a grey dusk with a worried pair for ``poor``, and a closed shop at night with one person left
for ``bad``. The faces use the portraits' four moods. The ending screen crops the middle band to the room it
has, so the shop windows and the faces sit there.
"""

from __future__ import annotations

import argparse
import os
import sys

import drawkit as dk
import make_backgrounds as mb
from drawkit import Canvas, Color, hex_color, quad, shade

W, H = 1280, 720
TOP, BOTTOM = 300, 700  # the band kept: 1280x400
OUT_DIR = os.path.join(dk.ASSETS_DIR, "endings")
RATINGS = ("best", "good", "fair", "poor", "bad")
SKINS = ["#f0c4a4", "#c0845a", "#e7b08a", "#87522f", "#d69c70", "#a56a44"]
HAIRS = ["#3b2a22", "#2a2424", "#83553a", "#d3ad68", "#5e3f2c", "#a6a19c"]
TOPS = ["#2f7470", "#c26a4f", "#4f6d8f", "#d3a04a", "#76506f", "#7f9e74"]
EYE = hex_color("#2b2326")
LIP = hex_color("#9b4a47")

#: Per rating: (sky: golden/day/night, tint colour or None and its strength, people's moods, arms up, shut).
LOOKS: dict[str, tuple[str, tuple[Color, int] | None, tuple[str, ...], bool, bool]] = {
    "best": ("golden", None, ("pleased", "pleased", "pleased", "pleased", "pleased"), True, False),
    "good": ("day", None, ("pleased", "neutral", "pleased", "pleased"), False, False),
    "fair": ("day", (hex_color("#9aa3a8"), 70), ("neutral", "worried", "neutral"), False, False),
    "poor": ("golden", (hex_color("#6f7890"), 105), ("worried", "annoyed"), False, False),
    "bad": ("night", None, ("worried",), False, True),
}


def face(cv: Canvas, x: float, y: float, r: float, mood: str) -> None:
    """Eyes, brows and mouth of a small round head centred at (x, y)."""
    ex, ey = r * 0.36, y + r * 0.05
    for sx in (-1, 1):
        cx = x + sx * ex
        if mood == "pleased":
            cv.stroke(EYE, quad((cx - 4, ey + 1), (cx, ey - 4), (cx + 4, ey + 1), 8), 2.4)
        else:
            cv.ellipse(EYE, cx, ey, 3.0, 3.8 if mood != "annoyed" else 2.6)
        by = ey - r * 0.3
        if mood == "annoyed":
            cv.line(EYE, (cx - sx * 6, by + 4), (cx + sx * 6, by - 2), 2.4)
        elif mood == "worried":
            cv.line(EYE, (cx - sx * 6, by - 3), (cx + sx * 6, by + 2), 2.4)
    my = y + r * 0.48
    if mood == "pleased":
        cv.stroke(LIP, quad((x - 9, my - 2), (x, my + 9), (x + 9, my - 2), 10), 3)
    elif mood == "neutral":
        cv.line(LIP, (x - 6, my + 1), (x + 6, my + 1), 2.6)
    else:
        cv.stroke(LIP, quad((x - 8, my + 5), (x, my - 3), (x + 8, my + 5), 10), 2.8)


def person(cv: Canvas, x: float, base: float, index: int, mood: str, arms_up: bool, scale: float = 1.0) -> None:
    """A standing person in the portraits' flat style, feet on ``base``."""
    skin = hex_color(SKINS[index % len(SKINS)])
    hair = hex_color(HAIRS[(index * 2) % len(HAIRS)])
    top = hex_color(TOPS[index % len(TOPS)])
    s = scale
    cv.ellipse((60, 50, 50, 60), x, base, 46 * s, 9 * s)
    if arms_up:
        for sx in (-1, 1):
            cv.stroke(top, [(x + sx * 30 * s, base - 118 * s), (x + sx * 52 * s, base - 170 * s)], 16 * s)
            cv.circle(skin, x + sx * 54 * s, base - 176 * s, 9 * s)
    cv.rect(shade(top, -0.3), x - 26 * s, base - 60 * s, 52 * s, 60 * s, radius=10 * s)  # trousers
    cv.rect(top, x - 40 * s, base - 130 * s, 80 * s, 84 * s, radius=30 * s)  # body
    cv.rect(skin, x - 9 * s, base - 146 * s, 18 * s, 20 * s)  # neck
    hy, r = base - 172 * s, 30 * s
    cv.ellipse(hair, x, hy - 6 * s, r + 4 * s, r + 2 * s)
    cv.ellipse(skin, x, hy + 4 * s, r * 0.92, r)
    cv.poly(hair, [*quad((x - r, hy - 2 * s), (x, hy - r * 1.1), (x + r, hy - 2 * s), 12)])
    face(cv, x, hy + 4 * s, r, mood)


def render_ending(rating: str) -> Canvas:
    """The wide picture of one rating."""
    sky, tint, moods, arms_up, shut = LOOKS[rating]
    cv = Canvas(W, H, ss=2)
    pal = mb.Palette(
        hex_color("#ece3d6"),
        hex_color("#d9cbb8"),
        hex_color("#cdbba6"),
        hex_color("#b58e62"),
        mb.ACCENTS[0],
        mb.ACCENTS[1],
    )
    sc = mb.Scene(cv=cv, rng=dk.seeded_rng("ending", "street"), pal=pal, night=sky == "night", floor_y=600)
    mb.draw_street(sc, golden=sky == "golden")
    if rating == "best":  # bunting across the street
        for k in range(26):
            x0 = k * 50
            y0 = 330 + 18 * ((k % 2) - 0.5)
            cv.poly(mb.ACCENTS[k % len(mb.ACCENTS)], [(x0, y0), (x0 + 40, y0), (x0 + 20, y0 + 34)])
        cv.line(hex_color("#8d7560"), (0, 330), (W, 330), 2)
    if shut:  # the shop in the middle closed: shutter down, a sign on it
        cv.rect(hex_color("#7d8490"), 566, 430, 168, 160, radius=4)
        for k in range(12):
            cv.line(hex_color("#6a707b"), (566, 440 + k * 13), (734, 440 + k * 13), 2)
        cv.rect(hex_color("#f3eee6"), 610, 480, 80, 40, radius=4)
        cv.line(hex_color("#a14b45"), (622, 500), (678, 500), 5)
    if tint is not None:
        veil = cv.layer()
        veil.fill((*tint[0], 255))
        cv.blit(veil, tint[1])
    count = len(moods)
    gap = 150
    start = W / 2 - gap * (count - 1) / 2
    for index, mood in enumerate(moods):
        person(cv, start + index * gap, 688, index + (2 if rating == "bad" else 0), mood, arms_up, 1.05)
    finish = cv.layer()
    finish.fill((*(mb.NIGHT_TINT if sc.night else mb.CALM), 255))
    cv.blit(finish, 40 if sc.night else 24)
    return cv


def crop(cv: Canvas) -> dk.pygame.Surface:
    """The 1280x400 band kept from the full picture."""
    full = cv.result()
    return full.subsurface(dk.pygame.Rect(0, TOP, W, BOTTOM - TOP)).copy()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--out", default=OUT_DIR, help="output folder (default: game/assets/endings)")
    ap.add_argument("--sheet", metavar="PNG", help="also write a contact sheet of the five pictures")
    args = ap.parse_args(argv)
    dk.init()
    os.makedirs(args.out, exist_ok=True)
    made = []
    for rating in RATINGS:
        path = os.path.join(args.out, f"{rating}.png")
        part = os.path.join(args.out, f".{rating}.part.png")
        dk.pygame.image.save(crop(render_ending(rating)), part)  # written whole, then renamed
        os.replace(part, path)
        made.append(path)
        print(f"  ending {rating}.png")
    if args.sheet:
        dk.contact_sheet(made, args.sheet, thumb=640, cols=1)
        print(f"contact sheet: {args.sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
