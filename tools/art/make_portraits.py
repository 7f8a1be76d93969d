"""Generate the character portraits of Sticky Situations (flat, friendly illustrated busts).

Usage (from the repository root)::

    python tools/art/make_portraits.py                # (re)generate every portrait
    python tools/art/make_portraits.py --only-missing # only the ones not on disk yet
    python tools/art/make_portraits.py --sheet /tmp/portraits.png  # also write a contact sheet

For every character in ``scenarios/*.yaml`` (translations ``*.<lang>.yaml`` are skipped) whose
``portrait`` is ``portraits/<x>.png`` it draws ``assets/portraits/<x>.png``. The look is chosen
deterministically from ``<x>`` (so a character keeps its face between runs), nudged by the
character's name and role (an apron for a baker, a blazer for a manager...). ``coach.png``,
``narrator.png`` and ``default.png`` (a neutral silhouette) are always made. Output: 512x512
RGBA PNG, a soft circular backdrop with transparency outside it. Pure pygame drawing, headless.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from dataclasses import dataclass, field, replace

import drawkit as dk
from drawkit import Canvas, Color, Point, bezier, hex_color, mirror, mix, quad, shade

SIZE = 512
OUT_DIR = os.path.join(dk.ASSETS_DIR, "portraits")

# ------------------------------------------------------------------------------------------
# Palettes (muted, warm, inclusive)
# ------------------------------------------------------------------------------------------

SKIN = [
    "#f6d5c0",
    "#f0c4a4",
    "#e7b08a",
    "#d69c70",
    "#c0845a",
    "#a56a44",
    "#87522f",
    "#6a3f25",
]
HAIR_NATURAL = {
    "black": "#2a2424",
    "espresso": "#3b2a22",
    "brown": "#5e3f2c",
    "chestnut": "#83553a",
    "auburn": "#96482e",
    "blond": "#d3ad68",
    "ash": "#b79b74",
}
HAIR_AGED = {"grey": "#a6a19c", "silver": "#d6d2cc"}
CLOTHES = [
    "#2f4a6d",  # navy
    "#2f7470",  # teal
    "#c26a4f",  # terracotta
    "#d3a04a",  # mustard
    "#7f9e74",  # sage
    "#76506f",  # plum
    "#56687a",  # slate
    "#8a3f4c",  # burgundy
    "#4f6d8f",  # denim
    "#3e6752",  # forest
    "#d9806c",  # coral
    "#3c4149",  # charcoal
    "#b08a5f",  # camel
    "#5b7fa6",  # cornflower
]
LIGHT_CLOTHES = ["#efe7da", "#e4ecf2", "#f3e6e2", "#e6eee3", "#ffffff", "#f2ead0"]
BACKDROPS = [
    "#f2dfcc",  # peach
    "#d8e6dc",  # sage
    "#d8e3ef",  # sky
    "#e5dcec",  # lavender
    "#f1e4c6",  # sand
    "#f0d8d8",  # rose
    "#d3e9e6",  # mint
    "#e9e2d6",  # linen
]
SCARVES = ["#2f7470", "#c26a4f", "#d3a04a", "#7f9e74", "#76506f", "#4f6d8f", "#b08a5f", "#d9806c"]
GLASSES = ["#2d2a2e", "#5a3b2a", "#8a6a4a", "#3f5c7a", "#7a3d45"]
EYE = hex_color("#2b2326")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FEMININE_NAMES = _words(
    """
    adriana agnes ainhoa aisha alba alice amina amparo amy ana andrea anne astrid beatriz begona beth
    camila carla carmen charlotte chloe claire clara consuelo cristina daniela diana dolores doris
    eleanor elena ellen emily emma esther eva fatima gabriela gloria grace greta hannah harriet helen
    hilda imelda ines ingrid irene iris isabel jane joan judith julia karen kate laura lauren leila
    linda lola louise lourdes lucia lucy maeve maite margaret maria marisela marisol marta mary megan
    mei mercedes mia monica natalia noelia nora nuria olivia patricia paula philippa pilar priya raquel
    renata rocio rosa rose ruth sara sarah silvia sofia sophie susan susana teodora teresa valeria
    veronica ximena yolanda yuki zoe
    """
)
MASCULINE_NAMES = _words(
    """
    adrian ahmed alberto alejandro alvaro andres antonio arjun arthur ben benjamin bruno carlos cesar
    charlie daniel david diego eduardo edward emilio enrique erik ethan felipe felix fernando francisco
    frank gabriel george gerard gonzalo gustavo harlan harry hector henry hiroshi hugo ignacio ivan
    jack james javier joaquin john jonas jorge jose joseph juan julian karim ken kenji kofi kwame lars
    leo liam lucas luis malik manuel marco marcos mario mark martin mateo michael miguel nicolas noah
    oliver omar oscar pablo paco paul pedro pepe peter rafael raj ramon raul ravi ricardo richard rick
    robert roberto rodrigo ruben sam samuel santiago sebastian sergio simon stefan tariq thomas tobias
    tom tomas vicente victor walter wei william yusuf
    """
)
ROLE_APRON = (
    "bak",
    "chef",
    "cook",
    "kitchen",
    "panader",
    "pasteler",
    "cocin",
    "barista",
    "camarer",
    "waiter",
    "waitress",
    "florist",
    "florist",
    "butcher",
    "carnicer",
    "cafe",
    "café",
)
ROLE_FORMAL = (
    "manager",
    "director",
    "lawyer",
    "abogad",
    "gerente",
    "consult",
    "ceo",
    "accountant",
    "contable",
    "banker",
    "banquer",
    "inspector",
    "agent",
    "agente",
    "executive",
    "ejecutiv",
    "organizer",
    "organizador",
    "planner",
    "jefe",
    "jefa",
    "corporate",
    "event",
    "evento",
)
ROLE_CASUAL = (
    "student",
    "estudiant",
    "courier",
    "mensajer",
    "driver",
    "conductor",
    "repartidor",
    "warehouse",
    "almac",
    "technician",
    "técnic",
    "tecnic",
    "mechanic",
    "mecánic",
)
ROLE_YOUNG = (
    "nineteen",
    "eighteen",
    "twenty",
    "student",
    "estudiant",
    "intern",
    "becari",
    "apprentice",
    "aprendiz",
    "junior",
    "trainee",
    "young",
    "joven",
    "teen",
    "diecinueve",
    "dieciocho",
    "veinte",
)
ROLE_OWNER = ("owner", "dueñ", "duen", "propietari", "founder", "fundador")
ROLE_OLDER = ("retired", "jubilad", "grandmother", "grandfather", "abuel", "pensioner", "pensionist")


# ------------------------------------------------------------------------------------------
# Look description
# ------------------------------------------------------------------------------------------


@dataclass
class Look:
    skin: Color
    hair: Color
    hair_style: str
    clothes: str
    top: Color
    inner: Color
    backdrop: Color
    expression: str = "smile"
    beard: str = "none"
    glasses: Color | None = None
    glasses_shape: str = "round"
    earrings: Color | None = None
    older: bool = False
    freckles: bool = False
    scarf: Color | None = None
    extra: dict[str, object] = field(default_factory=dict)
    mood: str = "neutral"  # issue 20: the face's mood; "neutral" is the look's own resting expression


#: The expressions every person portrait has; ``<x>.png`` is neutral, ``<x>-<mood>.png`` the others.
MOODS = ("neutral", "pleased", "annoyed", "worried")


def _presentation(name: str, rng: random.Random) -> str:
    first = name.strip().split(" ")[0].lower() if name.strip() else ""
    first = first.translate(str.maketrans("áéíóúüñ", "aeiouun"))
    if first in FEMININE_NAMES:
        return "f"
    if first in MASCULINE_NAMES:
        return "m"
    if first.endswith("a") and len(first) > 2:
        return "f"
    if first.endswith(("o", "os", "el")) and len(first) > 2:
        return "m"
    if first.endswith(("e", "y", "i")):
        return "f" if rng.random() < 0.6 else "m"
    return "m" if rng.random() < 0.7 else "f"


def choose_look(key: str, name: str = "", role: str = "") -> Look:
    """Pick a deterministic look for a character from its portrait key, name and role."""
    rng = dk.seeded_rng("portrait", key)
    pres = _presentation(name or key, rng)
    role_l = role.lower()
    older = rng.random() < 0.18 or any(w in role_l for w in ROLE_OLDER)
    young = any(w in role_l for w in ROLE_YOUNG)
    if young:
        older = False

    skin_index = rng.randrange(len(SKIN))
    skin = hex_color(SKIN[skin_index])
    if older:
        hair = hex_color(rng.choice(list(HAIR_AGED.values())))
    else:
        names = list(HAIR_NATURAL)
        # darker skin tones mostly with dark hair, lighter with any
        if skin_index >= 4:
            names = ["black", "espresso", "espresso", "brown", "black"]
        hair = hex_color(HAIR_NATURAL[rng.choice(names)])

    if pres == "f":
        styles = ["long", "bob", "bun", "wavy", "curly", "pony", "long", "pixie", "bob"]
    else:
        styles = ["short", "side", "crop", "curly_short", "short", "side", "bald", "swept"]
    hair_style = rng.choice(styles)
    if older and pres == "m" and rng.random() < 0.35:
        hair_style = "bald"

    scarf = None
    if pres == "f" and rng.random() < 0.06:
        scarf = hex_color(rng.choice(SCARVES))
        hair_style = "none"

    if any(w in role_l for w in ROLE_APRON):
        clothes = "apron"
    elif any(w in role_l for w in ROLE_FORMAL):
        clothes = rng.choice(["blazer", "blazer", "collar", "blazer_tee"])
    elif any(w in role_l for w in ROLE_OWNER):
        clothes = rng.choice(["blazer", "blazer_tee", "cardigan", "collar", "vneck", "turtleneck"])
    elif any(w in role_l for w in ROLE_CASUAL):
        clothes = rng.choice(["hoodie", "crew", "crew", "collar"])
    else:
        clothes = rng.choice(["crew", "vneck", "collar", "blazer", "cardigan", "turtleneck", "blazer_tee", "hoodie"])

    top = hex_color(rng.choice(CLOTHES))
    inner = hex_color(rng.choice(LIGHT_CLOTHES))
    if clothes == "apron":
        inner = hex_color(rng.choice(CLOTHES))  # shirt under apron
        top = hex_color(rng.choice(["#efe6d6", "#3f5a6e", "#7d9a78", "#c9a27a", "#e9ddc8"]))
    backdrop = hex_color(rng.choice(BACKDROPS))

    beard = "none"
    if pres == "m" and hair_style != "none" and not young:
        beard = rng.choices(["none", "full", "short", "stubble", "moustache"], [5, 2, 2, 2, 1])[0]

    glasses = hex_color(rng.choice(GLASSES)) if rng.random() < (0.45 if older else 0.28) else None
    earrings = None
    if pres == "f" and (rng.random() < 0.55 or hair_style == "pixie"):
        earrings = hex_color(rng.choice(["#d8b45a", "#e8e4dc", "#c98a6a"]))
    expression = rng.choices(["smile", "open", "neutral", "soft"], [4, 3, 2, 2])[0]

    return Look(
        skin=skin,
        hair=hair,
        hair_style=hair_style,
        clothes=clothes,
        top=top,
        inner=inner,
        backdrop=backdrop,
        expression=expression,
        beard=beard,
        glasses=glasses,
        glasses_shape=rng.choice(["round", "rect", "round"]),
        earrings=earrings,
        older=older,
        freckles=rng.random() < 0.12 and skin_index <= 2,
        scarf=scarf,
        extra={"flip": rng.random() < 0.5, "brow_lift": rng.uniform(-2, 2)},
    )


# ------------------------------------------------------------------------------------------
# Drawing
# ------------------------------------------------------------------------------------------

CX = 256.0
CY = 222.0  # head centre
RX = 74.0
RY = 90.0
BACK_R = 246.0


def face_outline(cx: float = CX, cy: float = CY, rx: float = RX, ry: float = RY) -> list[Point]:
    """A head shape: round cranium, gently tapering jaw and soft chin."""
    pts: list[Point] = []
    n = 96
    import math

    for i in range(n):
        a = 2 * math.pi * i / n
        s = math.sin(a)
        c = math.cos(a)
        taper = 1.0 - (0.2 * s**2 if s > 0 else 0.0)
        stretch = 1.04 if s > 0 else 1.0
        pts.append((cx + rx * c * taper, cy + ry * s * stretch))
    return pts


def draw_backdrop(cv: Canvas, look: Look) -> None:
    cv.circle(look.backdrop, 256, 256, BACK_R)
    # a soft lighter disc for depth, slightly above centre
    cv.translucent(110, lambda lay: lay.circle(shade(look.backdrop, 0.45), 256, 216, 178))


def body_outline(shoulder: float = 168.0, top: float = 372.0) -> list[Point]:
    """Shoulders and chest; the part below the backdrop circle is clipped later."""
    left = [
        (CX - 44, top - 14),
        *bezier((CX - 44, top - 14), (CX - 80, top + 2), (CX - shoulder + 30, top + 8), (CX - shoulder, top + 52))[1:],
        *bezier(
            (CX - shoulder, top + 52),
            (CX - shoulder - 18, top + 80),
            (CX - shoulder - 28, top + 130),
            (CX - shoulder - 30, 560),
        )[1:],
    ]
    return left + [(CX + shoulder + 30, 560)] + mirror(left, CX)[1:-1] + [(CX + 44, top - 14)]


def draw_back_hair(cv: Canvas, look: Look) -> None:
    hair = look.hair
    st = look.hair_style
    if st in ("long", "wavy"):
        length = 408 if st == "long" else 396
        w = RX + 20
        left = [
            *bezier((CX, CY - RY - 12), (CX - w - 10, CY - RY - 8), (CX - w - 8, CY - 20), (CX - w - 2, CY + 40)),
            *bezier((CX - w - 2, CY + 40), (CX - w + 4, CY + 120), (CX - w - 8, length - 30), (CX - w + 24, length)),
        ]
        if st == "wavy":
            import math

            wav: list[Point] = []
            for i, (x, y) in enumerate(left):
                off = 6 * math.sin(i / 3.0) if y > CY - 10 else 0
                wav.append((x + off, y))
            left = wav
        pts = left + [(CX - 20, length - 6), (CX + 20, length - 6)] + mirror(left, CX)
        cv.poly(hair, pts)
        # inner shadow behind neck
        cv.ellipse(shade(hair, -0.22), CX, CY + 120, RX - 6, 110)
    elif st == "bob":
        w = RX + 22
        left = [
            *bezier((CX, CY - RY - 14), (CX - w - 8, CY - RY - 10), (CX - w - 6, CY - 10), (CX - w, CY + 60)),
            *quad((CX - w, CY + 60), (CX - w + 2, CY + 86), (CX - w + 26, CY + 84)),
        ]
        cv.poly(hair, left + mirror(left, CX))
        cv.ellipse(shade(hair, -0.22), CX, CY + 70, RX - 10, 30)
    elif st == "curly":
        rng = dk.seeded_rng("curls", str(look.hair))
        import math

        cv.ellipse(hair, CX, CY - 14, RX + 38, RY + 30)
        for i in range(34):
            a = math.radians(-200 + 220 * i / 33)
            r = rng.uniform(20, 28)
            cv.circle(hair, CX + (RX + 32) * math.cos(a), CY - 14 + (RY + 22) * math.sin(a), r)
        # falls to the shoulders
        for i in range(9):
            y = CY + 10 + i * 11
            for sx in (-1, 1):
                cv.circle(hair, CX + sx * (RX + 22 - i * 1.2), y, 24 - i * 0.6)
    elif st == "pixie":
        # short at the nape, soft around the ears
        cv.ellipse(hair, CX, CY - 6, RX + 14, RY + 4)
        cv.poly(hair, [(CX - RX - 14, CY - 6), (CX + RX + 14, CY - 6), (CX + RX + 4, CY + 34), (CX - RX - 4, CY + 34)])
    elif st == "pony":
        # ponytail peeking out on one side
        flip = -1 if look.extra.get("flip") else 1
        cv.ellipse(hair, CX + flip * (RX + 2), CY + 46, 19, 62)


def draw_neck_and_body(cv: Canvas, look: Look) -> None:
    skin = look.skin
    neck_shadow = shade(skin, -0.22)
    top = look.top
    cl = look.clothes

    body_color = look.inner if cl in ("blazer", "blazer_tee", "cardigan", "apron") else top
    if cl == "apron":
        body_color = look.inner

    # neck
    neck = [(CX - 31, CY + 40), (CX + 31, CY + 40), (CX + 33, 392), (CX - 33, 392)]
    cv.poly(skin, neck)
    # shadow under the jaw
    cv.poly(
        neck_shadow,
        [
            *bezier((CX - 32, CY + 60), (CX - 10, CY + 112), (CX + 10, CY + 112), (CX + 32, CY + 60)),
            (CX + 32, CY + 40),
            (CX - 32, CY + 40),
        ],
    )

    body = body_outline()
    cv.poly(body_color, body)
    if cl == "hoodie":
        hood = shade(top, -0.14)
        cv.stroke(hood, bezier((CX - 96, 384), (CX - 70, 330), (CX + 70, 330), (CX + 96, 384), 24), 30)
        cv.stroke(shade(top, -0.25), bezier((CX - 80, 376), (CX - 56, 342), (CX + 56, 342), (CX + 80, 376), 24), 6)
        cv.poly(skin, neck)
        cv.poly(
            neck_shadow,
            [
                *bezier((CX - 32, CY + 60), (CX - 10, CY + 112), (CX + 10, CY + 112), (CX + 32, CY + 60)),
                (CX + 32, CY + 40),
                (CX - 32, CY + 40),
            ],
        )

    # necklines -------------------------------------------------------------------------
    if cl in ("crew", "cardigan", "apron", "blazer_tee", "hoodie"):
        neckline = bezier((CX - 40, 357), (CX - 30, 392), (CX + 30, 392), (CX + 40, 357), 20)
        cv.poly(skin, [(CX - 33, 340), *neckline, (CX + 33, 340)])
        cv.stroke(shade(body_color, -0.18), neckline, 7)
    elif cl == "vneck":
        cv.poly(skin, [(CX - 40, 356), (CX, 420), (CX + 40, 356), (CX + 33, 340), (CX - 33, 340)])
        cv.stroke(shade(body_color, -0.18), [(CX - 41, 357), (CX, 421), (CX + 41, 357)], 7)
    elif cl in ("collar", "blazer"):
        shirt = look.inner if cl == "blazer" else top
        cv.poly(skin, [(CX - 34, 352), (CX, 404), (CX + 34, 352), (CX + 33, 340), (CX - 33, 340)])
        if cl == "collar":
            # placket and buttons
            cv.line(shade(shirt, -0.15), (CX, 404), (CX, 520), 3)
            for y in (436, 474, 512):
                cv.circle(shade(shirt, -0.25), CX + 6, y, 3.2)
        collar_l = [(CX - 36, 346), (CX - 58, 356), (CX - 46, 398), (CX - 2, 408)]
        collar_col = shade(shirt, 0.25) if cl == "collar" else shirt
        cv.poly(shade(collar_col, -0.12), [(x + 1, y + 3) for x, y in collar_l])
        cv.poly(collar_col, collar_l)
        cv.poly(shade(collar_col, -0.12), [(x + 1, y + 3) for x, y in mirror(collar_l, CX)])
        cv.poly(collar_col, mirror(collar_l, CX))
    elif cl == "turtleneck":
        tn = shade(top, -0.06)
        cv.rect(tn, CX - 41, CY + 92, 82, 66, radius=12)
        cv.rect(tn, CX - 41, CY + 128, 82, 40)
        for i in range(7):
            x = CX - 30 + i * 10
            cv.line(shade(top, -0.16), (x, CY + 102), (x, CY + 150), 2)
        cv.stroke(shade(top, -0.2), quad((CX - 44, CY + 160), (CX, CY + 176), (CX + 44, CY + 160), 12), 4)

    # overlays -----------------------------------------------------------------------------
    if cl in ("blazer", "blazer_tee"):
        jacket = top
        lapel_dark = shade(jacket, -0.18)
        left_panel = [
            (CX - 50, 350),
            *bezier((CX - 50, 350), (CX - 80, 360), (CX - 130, 372), (CX - 168, 424))[1:],
            (CX - 200, 560),
            (CX - 12, 560),
            (CX - 14, 470),
        ]
        cv.poly(jacket, left_panel)
        cv.poly(jacket, mirror(left_panel, CX))
        lapel = [(CX - 50, 350), (CX - 14, 470), (CX - 40, 430), (CX - 74, 414), (CX - 56, 392)]
        cv.poly(lapel_dark, lapel)
        cv.poly(lapel_dark, mirror(lapel, CX))
        cv.circle(shade(jacket, -0.3), CX - 6, 508, 4)
    elif cl == "cardigan":
        knit = top
        panel = [
            (CX - 48, 352),
            *bezier((CX - 48, 352), (CX - 80, 360), (CX - 130, 372), (CX - 168, 424))[1:],
            (CX - 200, 560),
            (CX - 22, 560),
            (CX - 30, 410),
        ]
        cv.poly(knit, panel)
        cv.poly(knit, mirror(panel, CX))
        cv.stroke(shade(knit, -0.15), [(CX - 48, 352), (CX - 30, 410), (CX - 22, 560)], 6)
        cv.stroke(shade(knit, -0.15), [(CX + 48, 352), (CX + 30, 410), (CX + 22, 560)], 6)
        for y in (440, 486):
            cv.circle(shade(knit, 0.35), CX - 34, y, 4.5)
    elif cl == "apron":
        apron = top
        strap = shade(apron, -0.12)
        cv.line(strap, (CX - 62, 430), (CX - 40, 362), 10, caps=False)
        cv.line(strap, (CX + 62, 430), (CX + 40, 362), 10, caps=False)
        cv.rect(apron, CX - 78, 428, 156, 160, radius=16)
        cv.rect(shade(apron, -0.1), CX - 36, 470, 72, 40, radius=8)  # pocket
        cv.line(shade(apron, -0.18), (CX - 36, 478), (CX + 36, 478), 2.5)
    elif cl == "hoodie":
        cv.line(shade(top, 0.55), (CX - 20, 392), (CX - 24, 470), 4)
        cv.line(shade(top, 0.55), (CX + 20, 392), (CX + 24, 470), 4)
        cv.circle(shade(top, 0.55), CX - 24, 472, 5)
        cv.circle(shade(top, 0.55), CX + 24, 472, 5)

    # soft shading: the side away from the light
    shade_col = (30, 20, 40)
    outline = body_outline()

    def side_shadow(lay: Canvas) -> None:
        lay.poly(shade_col, outline)
        lay.poly(dk.TRANSPARENT, [(x - 26, y + 4) for x, y in outline])
        lay.poly(dk.TRANSPARENT, [(0, 0), (CX + 48, 0), (CX + 48, 600), (0, 600)])

    cv.translucent(30, side_shadow)


def draw_ears(cv: Canvas, look: Look) -> None:
    skin = look.skin
    for sx in (-1, 1):
        x = CX + sx * (RX - 2)
        cv.ellipse(skin, x, CY + 14, 15, 21)
        cv.ellipse(shade(skin, -0.16), x + sx * 3, CY + 15, 7, 12)
        if look.earrings is not None:
            cv.circle(look.earrings, x + sx * 2, CY + 38, 5.5)


def draw_face(cv: Canvas, look: Look) -> None:
    skin = look.skin
    cv.poly(skin, face_outline())
    # gentle shading on the far side of the face
    outline = face_outline()

    def cheek_shadow(lay: Canvas) -> None:
        lay.poly(shade(skin, -0.3), outline)
        lay.ellipse(dk.TRANSPARENT, CX - 12, CY - 6, RX + 4, RY + 6)

    cv.translucent(70, cheek_shadow)

    ey = CY + 14
    ex = 30.0
    lift = float(look.extra.get("brow_lift", 0.0))  # type: ignore[arg-type]

    # blush
    def blush(lay: Canvas) -> None:
        for sx in (-1, 1):
            lay.ellipse((231, 128, 120), CX + sx * 46, ey + 30, 15, 9)

    cv.translucent(60, blush)
    if look.freckles:
        fr = shade(skin, -0.25)
        for dx, dy in ((-50, 24), (-42, 30), (-56, 32), (-46, 38), (50, 24), (42, 30), (56, 32), (46, 38)):
            cv.circle(fr, CX + dx, ey + dy, 1.6)

    # eyes
    mood = look.mood
    for sx in (-1, 1):
        x = CX + sx * ex
        if mood == "pleased" or (mood == "neutral" and look.expression == "soft"):
            cv.stroke(EYE, quad((x - 8, ey + 1), (x, ey - 7), (x + 8, ey + 1), 10), 4.2)
        elif mood == "annoyed":
            # narrowed: a flatter eye under a heavy upper lid
            cv.ellipse(EYE, x, ey + 1.5, 6.8, 5.6)
            cv.stroke(shade(skin, -0.35), [(x - 10, ey - 4 + sx * 1.2), (x + 10, ey - 4 - sx * 1.2)], 3.2)
            cv.circle((255, 255, 255), x + 2.2, ey - 0.5, 1.8)
        elif mood == "worried":
            # wide open: a larger eye, a bigger catch-light
            cv.ellipse(EYE, x, ey, 7.4, 9.6)
            cv.circle((255, 255, 255), x + 2.4, ey - 3.4, 2.8)
        else:
            cv.ellipse(EYE, x, ey, 6.8, 8.4)
            cv.circle((255, 255, 255), x + 2.2, ey - 3, 2.2)
        if look.older:
            cv.stroke(
                shade(skin, -0.22), quad((x + sx * 14, ey + 2), (x + sx * 19, ey + 6), (x + sx * 17, ey + 11), 8), 1.8
            )

    # eyebrows
    brow = shade(look.hair, -0.35) if look.hair_style != "none" else shade(skin, -0.5)
    if sum(look.hair[:3]) > 480:  # very light hair: keep brows visible
        brow = shade(look.hair, -0.5)
    for sx in (-1, 1):
        x = CX + sx * ex
        y0 = ey - 20 - lift * (1 if sx < 0 else 0.4)
        if mood == "pleased":  # lifted and round
            pts = quad((x - sx * 13, y0 - 1), (x - sx * 1, y0 - 11), (x + sx * 13, y0 - 3), 12)
        elif mood == "annoyed":  # drawn down and in, towards the nose
            pts = quad((x - sx * 14, y0 + 9), (x - sx * 2, y0 + 1), (x + sx * 13, y0 - 1), 12)
        elif mood == "worried":  # inner ends raised
            pts = quad((x - sx * 13, y0 - 7), (x - sx * 1, y0 - 7), (x + sx * 13, y0 + 4), 12)
        else:
            pts = quad((x - sx * 13, y0 + 3), (x - sx * 1, y0 - 5), (x + sx * 13, y0 + 1), 12)
        cv.stroke(brow, pts, 5.8 if mood == "annoyed" else 5.2)

    # nose
    nose = shade(skin, -0.2)
    cv.stroke(nose, bezier((CX + 3, ey + 16), (CX + 10, ey + 32), (CX + 11, ey + 40), (CX - 3, ey + 41), 14), 4)

    # mouth
    my = ey + 60
    lip = hex_color("#9b4a47")
    if mood != "neutral":
        draw_mood_mouth(cv, mood, my)
    elif look.expression == "open":
        pts = [
            *quad((CX - 25, my - 4), (CX, my + 0), (CX + 25, my - 4), 12),
            *quad((CX + 25, my - 4), (CX, my + 32), (CX - 25, my - 4), 16)[1:],
        ]

        mouth = cv.layer()
        mouth.poly(hex_color("#7c3237"), pts)
        inside = mouth.layer()
        inside.ellipse(hex_color("#d97b78"), CX, my + 19, 13, 7)
        inside.rect((255, 255, 255), CX - 30, my - 12, 60, 15)
        shape = mouth.layer()
        shape.poly((255, 255, 255), pts)
        inside.mask_with(shape)
        mouth.blit(inside)
        cv.blit(mouth)
    elif look.expression == "neutral":
        cv.stroke(lip, quad((CX - 15, my + 2), (CX, my + 6), (CX + 15, my + 2), 10), 4.2)
    else:
        cv.stroke(lip, quad((CX - 19, my - 1), (CX, my + 12), (CX + 19, my - 1), 14), 4.6)

    # beards ------------------------------------------------------------------------------
    if look.beard in ("full", "short", "stubble"):
        hair = look.hair
        top_y = CY + 28 if look.beard == "full" else CY + 44

        def beard(lay: Canvas) -> None:
            lay.poly(
                hair,
                face_outline(
                    CX, CY + (6 if look.beard == "full" else 2), RX + 1.5, RY + (4 if look.beard == "full" else 1)
                ),
            )
            lay.poly(
                dk.TRANSPARENT,
                [
                    (0, 0),
                    (512, 0),
                    (512, top_y),
                    *quad((CX + RX - 10, top_y), (CX, top_y + 34), (CX - RX + 10, top_y), 16),
                    (0, top_y),
                ],
            )
            # keep the mouth clear
            lay.ellipse(dk.TRANSPARENT, CX, my + 3, 24, 11)

        cv.translucent(255 if look.beard != "stubble" else 80, beard)
        if mood != "neutral":
            draw_mood_mouth(cv, mood, my, small=look.beard != "stubble")
        elif look.beard != "stubble":
            cv.stroke(lip, quad((CX - 15, my + 1), (CX, my + 8), (CX + 15, my + 1), 10), 4.2)
    if look.beard in ("full", "short", "moustache"):
        cv.poly(
            look.hair,
            [
                *quad((CX - 24, my - 1), (CX, my - 24), (CX + 24, my - 1), 16),
                *quad((CX + 24, my - 1), (CX, my - 9), (CX - 24, my - 1), 16)[1:],
            ],
        )


def draw_mood_mouth(cv: Canvas, mood: str, my: float, small: bool = False) -> None:
    """The mouth of a mood other than neutral; ``small`` keeps it inside a beard's opening."""
    lip = hex_color("#9b4a47")
    k = 0.72 if small else 1.0
    if mood == "pleased":
        w, depth = 24 * k, 26 * k
        pts = [
            *quad((CX - w, my - 4), (CX, my + 1), (CX + w, my - 4), 12),
            *quad((CX + w, my - 4), (CX, my + depth), (CX - w, my - 4), 16)[1:],
        ]
        mouth = cv.layer()
        mouth.poly(hex_color("#7c3237"), pts)
        inside = mouth.layer()
        inside.ellipse(hex_color("#d97b78"), CX, my + depth * 0.62, 12 * k, 6 * k)
        inside.rect((255, 255, 255), CX - 30, my - 12, 60, 8 + 6 * k)
        shape = mouth.layer()
        shape.poly((255, 255, 255), pts)
        inside.mask_with(shape)
        mouth.blit(inside)
        cv.blit(mouth)
    elif mood == "annoyed":
        # pressed flat, the corners pulled down
        w = 17 * k
        cv.stroke(
            lip,
            [
                (CX - w, my + 7),
                *quad((CX - w * 0.7, my + 2), (CX, my + 1), (CX + w * 0.7, my + 2), 8),
                (CX + w, my + 7),
            ],
            4.6,
        )
    elif mood == "worried":
        # a small uneasy frown with a wobble
        w = 15 * k
        pts = bezier((CX - w, my + 8), (CX - w * 0.4, my - 1), (CX + w * 0.2, my + 6), (CX + w, my + 4), 14)
        cv.stroke(lip, pts, 4.2)


def _front_hair_cap(cv: Canvas, look: Look, hairline: list[Point], grow: float = 8.0, lift: float = 14.0) -> None:
    """Hair ellipse over the head top, cut along ``hairline`` (from left temple to right temple)."""
    hair = look.hair

    def cap(lay: Canvas) -> None:
        lay.ellipse(hair, CX, CY - lift, RX + grow, RY + 2)
        x0 = hairline[0][0]
        x1 = hairline[-1][0]
        lay.poly(
            dk.TRANSPARENT,
            [(x0 - 60, hairline[0][1]), *hairline, (x1 + 60, hairline[-1][1]), (x1 + 60, 600), (x0 - 60, 600)],
        )

    cv.translucent(255, cap)


def draw_front_hair(cv: Canvas, look: Look) -> None:
    hair = look.hair
    hi = shade(hair, 0.18)
    st = look.hair_style
    flip = bool(look.extra.get("flip"))

    def fx(points: list[Point]) -> list[Point]:
        return mirror(points, CX)[::-1] if flip else points

    if st in ("short", "crop", "curly_short"):
        top = CY - 50 if st != "crop" else CY - 56
        line = [*bezier((CX - RX - 4, CY - 8), (CX - RX + 2, top - 6), (CX - 30, top + 2), (CX, top))]
        line += bezier((CX, top), (CX + 30, top + 2), (CX + RX - 2, top - 6), (CX + RX + 4, CY - 8))[1:]
        if st == "short":
            # a small fringe that breaks the line of the forehead
            line = [*bezier((CX - RX - 4, CY - 8), (CX - RX + 4, CY - 56), (CX - 40, CY - 58), (CX - 22, CY - 52))]
            line += bezier((CX - 22, CY - 52), (CX - 10, CY - 46), (CX + 2, CY - 40), (CX + 10, CY - 44))[1:]
            line += bezier((CX + 10, CY - 44), (CX + 30, CY - 60), (CX + RX - 2, CY - 58), (CX + RX + 4, CY - 8))[1:]
            if flip:
                line = mirror(line, CX)
        if st == "crop":
            # close-cropped: the skin shows through a little
            look = Look(**{**look.__dict__, "hair": mix(hair, look.skin, 0.22)})
            hair = look.hair
        _front_hair_cap(cv, look, line, grow=6 if st != "crop" else 3, lift=12 if st != "crop" else 8)
        if st == "curly_short":
            import math

            for i in range(22):
                a = math.radians(-180 + 180 * i / 21)
                cv.circle(hair, CX + (RX + 2) * math.cos(a), CY - 14 + (RY - 2) * math.sin(a), 15)
        else:
            cv.stroke(hi, fx(quad((CX - 30, CY - RY + 2), (CX - 6, CY - RY - 6), (CX + 26, CY - RY + 4), 12)), 4)
        # sideburns
        for sx in (-1, 1):
            cv.poly(
                hair,
                [
                    (CX + sx * (RX + 1), CY - 18),
                    (CX + sx * (RX - 7), CY - 18),
                    (CX + sx * (RX - 2), CY + 8),
                    (CX + sx * (RX + 1), CY + 4),
                ],
            )
    elif st in ("side", "swept"):
        part = CX - 34
        line = [*bezier((CX - RX - 4, CY - 4), (CX - RX, CY - 50), (part - 20, CY - 66), (part, CY - 70))]
        if st == "side":
            line += bezier((part, CY - 70), (part + 30, CY - 42), (CX + 40, CY - 52), (CX + RX + 4, CY - 10))[1:]
        else:
            line += bezier((part, CY - 70), (part + 40, CY - 64), (CX + 50, CY - 60), (CX + RX + 4, CY - 10))[1:]
        if flip:
            line = mirror(line, CX)
        _front_hair_cap(cv, look, line, grow=8, lift=16)
        if st == "swept":
            # volume swept up and back
            cv.poly(
                hair,
                fx(
                    [
                        *bezier(
                            (CX - 50, CY - 78),
                            (CX - 30, CY - RY - 34),
                            (CX + 40, CY - RY - 30),
                            (CX + RX + 4, CY - 40),
                            20,
                        ),
                        (CX + 20, CY - 60),
                    ]
                ),
            )
        cv.stroke(hi, fx(quad((part + 6, CY - RY - 2), (part + 40, CY - RY - 8), (CX + 50, CY - 80), 12)), 4)
        for sx in (-1, 1):
            cv.poly(
                hair,
                [
                    (CX + sx * (RX + 1), CY - 18),
                    (CX + sx * (RX - 7), CY - 18),
                    (CX + sx * (RX - 2), CY + 8),
                    (CX + sx * (RX + 1), CY + 4),
                ],
            )
    elif st in ("long", "wavy"):
        line = [*bezier((CX - RX - 2, CY + 40), (CX - RX + 6, CY - 20), (CX - 40, CY - 72), (CX - 4, CY - 76))]
        line += [
            (CX + 4, CY - 76),
            *bezier((CX + 4, CY - 76), (CX + 40, CY - 72), (CX + RX - 6, CY - 20), (CX + RX + 2, CY + 40))[1:],
        ]
        if flip:
            # side part instead of a centre part
            line = [*bezier((CX - RX - 2, CY + 40), (CX - RX + 10, CY - 40), (CX - 30, CY - 78), (CX + 22, CY - 74))]
            line += bezier((CX + 22, CY - 74), (CX + 60, CY - 60), (CX + RX - 4, CY - 20), (CX + RX + 2, CY + 40))[1:]
        _front_hair_cap(cv, look, line, grow=10, lift=10)
        cv.stroke(hi, quad((CX - 46, CY - RY + 6), (CX - 20, CY - RY - 6), (CX - 4, CY - RY - 2), 10), 4)
    elif st == "bob":
        fringe = CY - 34
        line = [
            (CX - RX - 6, CY + 20),
            *quad((CX - RX + 4, fringe - 6), (CX, fringe + 6), (CX + RX - 4, fringe - 6), 20),
            (CX + RX + 6, CY + 20),
        ]
        if flip:
            line = [
                (CX - RX - 6, CY + 20),
                *bezier((CX - RX + 2, CY - 40), (CX - 30, CY - 76), (CX + 10, CY - 40), (CX + RX - 4, CY - 30), 20),
                (CX + RX + 6, CY + 20),
            ]
        _front_hair_cap(cv, look, line, grow=12, lift=12)
        cv.stroke(hi, quad((CX - 40, CY - RY + 4), (CX - 10, CY - RY - 8), (CX + 26, CY - RY + 2), 12), 4)
    elif st in ("bun", "pony", "pixie"):
        line = [*bezier((CX - RX - 4, CY - 2), (CX - RX + 4, CY - 56), (CX - 30, CY - 64), (CX, CY - 66))]
        line += bezier((CX, CY - 66), (CX + 30, CY - 64), (CX + RX - 4, CY - 56), (CX + RX + 4, CY - 2))[1:]
        if st == "bun":
            cv.circle(hair, CX, CY - RY - 22, 34)
            cv.stroke(hi, quad((CX - 20, CY - RY - 40), (CX, CY - RY - 50), (CX + 18, CY - RY - 40), 8), 4)
        if st == "pixie":
            line = [*bezier((CX - RX - 4, CY - 6), (CX - RX + 4, CY - 40), (CX - 40, CY - 40), (CX - 10, CY - 46))]
            line += bezier((CX - 10, CY - 46), (CX + 30, CY - 70), (CX + RX - 4, CY - 56), (CX + RX + 4, CY - 10))[1:]
            if flip:
                line = mirror(line, CX)
        _front_hair_cap(cv, look, line, grow=7 if st != "pixie" else 9, lift=12)
        if st == "pixie":
            # a soft swept fringe
            fringe = [
                *bezier((CX + 40, CY - 84), (CX + 10, CY - 60), (CX - 30, CY - 44), (CX - RX + 2, CY - 20), 16),
                *bezier(
                    (CX - RX + 2, CY - 20), (CX - RX - 2, CY - 60), (CX - 20, CY - RY - 10), (CX + 40, CY - 84), 16
                )[1:],
            ]
            cv.poly(hair, fx(fringe))
            cv.stroke(hi, fx(quad((CX + 20, CY - RY + 4), (CX - 20, CY - RY + 10), (CX - 50, CY - 50), 12)), 4)
        if st != "pixie":
            cv.stroke(hi, fx(quad((CX - 36, CY - RY + 4), (CX - 6, CY - RY - 6), (CX + 24, CY - RY + 4), 12)), 4)
        if st == "pony":
            tie = shade(hair, -0.3)
            s = -1 if flip else 1
            cv.circle(tie, CX + s * (RX + 4), CY - 22, 7)
    elif st == "curly":
        import math

        line = [*quad((CX - RX - 8, CY + 10), (CX - RX + 10, CY - 70), (CX, CY - 62), 16)]
        line += quad((CX, CY - 62), (CX + RX - 10, CY - 70), (CX + RX + 8, CY + 10), 16)[1:]
        _front_hair_cap(cv, look, line, grow=12, lift=12)
        for i in range(13):
            a = math.radians(-175 + 170 * i / 12)
            cv.circle(hair, CX + (RX - 6) * math.cos(a), CY - 46 + 30 * math.sin(a), 15)
    elif st == "bald":
        for sx in (-1, 1):
            cv.poly(
                hair,
                [
                    *quad(
                        (CX + sx * (RX + 2), CY + 8), (CX + sx * (RX + 8), CY - 30), (CX + sx * (RX - 18), CY - 54), 10
                    ),
                    (CX + sx * (RX - 6), CY - 20),
                    (CX + sx * (RX - 4), CY + 6),
                ],
            )
        cv.translucent(60, lambda lay: lay.ellipse((255, 255, 255), CX - 24, CY - RY + 22, 22, 10))


def draw_scarf(cv: Canvas, look: Look, front: bool) -> None:
    col = look.scarf
    if col is None:
        return
    fold = shade(col, -0.14)
    if not front:
        drape = [
            *bezier(
                (CX - RX - 30, CY - 10), (CX - RX - 32, CY + 60), (CX - RX - 20, CY + 110), (CX - RX - 40, CY + 140)
            ),
            *bezier((CX - RX - 40, CY + 140), (CX - 140, CY + 160), (CX - 160, 390), (CX - 158, 430))[1:],
            *bezier((CX - 158, 430), (CX - 100, 462), (CX + 100, 462), (CX + 158, 430), 24)[1:],
            *bezier((CX + 158, 430), (CX + 160, 390), (CX + 140, CY + 160), (CX + RX + 40, CY + 140))[1:],
            *bezier(
                (CX + RX + 40, CY + 140), (CX + RX + 20, CY + 110), (CX + RX + 32, CY + 60), (CX + RX + 30, CY - 10)
            )[1:],
        ]
        cv.poly(col, drape)
        cv.ellipse(col, CX, CY - 6, RX + 30, RY + 30)
        cv.stroke(fold, bezier((CX - 96, 330), (CX - 60, 380), (CX + 10, 404), (CX + 70, 396), 20), 4)
        cv.stroke(fold, bezier((CX - 60, 300), (CX - 30, 336), (CX + 30, 350), (CX + 92, 340), 20), 3)
        return

    def frame(lay: Canvas) -> None:
        lay.ellipse(col, CX, CY - 6, RX + 30, RY + 30)
        lay.poly(col, [(CX - RX - 30, CY), (CX + RX + 30, CY), (CX + 80, CY + 130), (CX - 80, CY + 130)])
        lay.poly(dk.TRANSPARENT, face_outline(CX, CY + 8, RX - 8, RY - 16))

    cv.translucent(255, frame)
    cv.stroke(fold, quad((CX - RX + 2, CY - 40), (CX, CY - 100), (CX + RX - 2, CY - 40), 20), 4)
    cv.stroke(shade(col, 0.2), quad((CX - 60, CY - RY - 14), (CX - 10, CY - RY - 30), (CX + 40, CY - RY - 18), 14), 4)


def draw_glasses(cv: Canvas, look: Look) -> None:
    if look.glasses is None:
        return
    col = look.glasses
    ey = CY + 14
    for sx in (-1, 1):
        x = CX + sx * 30

        def lens(lay: Canvas, x: float = x) -> None:
            if look.glasses_shape == "round":
                lay.circle((255, 255, 255), x, ey + 1, 19)
            else:
                lay.rect((255, 255, 255), x - 21, ey - 14, 42, 30, radius=9)

        cv.translucent(50, lens)
        if look.glasses_shape == "round":
            cv.ring(col, x, ey + 1, 20, 4.2)
        else:
            cv.rect_outline(col, x - 22, ey - 15, 44, 32, 4.2, radius=10)
        cv.line(col, (x + sx * 20, ey - 4), (x + sx * (RX - 28), ey - 8), 3.5)
    cv.stroke(col, quad((CX - 10, ey - 2), (CX, ey - 8), (CX + 10, ey - 2), 8), 3.5)


def mood_file(key: str, mood: str) -> str:
    """The file name of ``key``'s portrait in ``mood``: ``<key>.png`` for neutral, ``<key>-<mood>.png`` else."""
    return f"{key}.png" if mood == "neutral" else f"{key}-{mood}.png"


def render_person(look: Look) -> Canvas:
    cv = Canvas(SIZE, SIZE)
    draw_backdrop(cv, look)

    fig = cv.layer()
    if look.scarf is None:
        draw_back_hair(fig, look)
    draw_neck_and_body(fig, look)
    if look.hair_style in ("long", "wavy", "curly"):
        # hair falling in front of the shoulders
        over = fig.layer()
        draw_back_hair(over, look)
        over.poly(dk.TRANSPARENT, [(CX - RX + 10, 0), (CX + RX - 10, 0), (CX + RX - 10, 600), (CX - RX + 10, 600)])
        over.poly(dk.TRANSPARENT, [(0, 0), (512, 0), (512, 340), (0, 340)])
        fig.blit(over)
    if look.scarf is not None:
        draw_scarf(fig, look, front=False)
    else:
        draw_ears(fig, look)
    draw_face(fig, look)
    if look.scarf is not None:
        draw_scarf(fig, look, front=True)
    else:
        draw_front_hair(fig, look)
    draw_glasses(fig, look)

    # clip the figure to the backdrop circle, but let the head rise a little above it
    mask = cv.layer()
    mask.circle((255, 255, 255), 256, 256, BACK_R)
    mask.rect((255, 255, 255), 0, 0, 512, 250)
    fig.mask_with(mask)
    cv.blit(fig)
    return cv


def render_narrator() -> Canvas:
    """A neutral emblem for narration: an open book on a soft backdrop."""
    cv = Canvas(SIZE, SIZE)
    back = hex_color("#e9e2d6")
    cv.circle(back, 256, 256, BACK_R)
    cv.translucent(110, lambda lay: lay.circle(shade(back, 0.45), 256, 216, 178))
    ink = hex_color("#4a5a6a")
    page = hex_color("#fbf8f2")
    cover = hex_color("#5f7f8f")
    # cover
    cv.poly(cover, [(96, 196), (256, 232), (416, 196), (430, 372), (256, 404), (82, 372)])
    # pages
    left = [
        (110, 170),
        *quad((110, 170), (190, 160), (256, 204), 16),
        (256, 380),
        *quad((256, 380), (190, 340), (104, 350), 16),
    ]
    cv.poly(shade(page, -0.06), [(x, y + 8) for x, y in left])
    cv.poly(page, left)
    right = mirror(left, 256)
    cv.poly(shade(page, -0.06), [(x, y + 8) for x, y in right])
    cv.poly(page, right)
    cv.line(shade(page, -0.2), (256, 204), (256, 380), 3)
    # lines of text
    for i in range(5):
        y = 214 + i * 28
        w = 96 if i != 4 else 60
        cv.stroke(mix(ink, page, 0.45), quad((134, y), (180, y - 6 + i * 0.5), (134 + w, y + 6 + i), 8), 6)
        cv.stroke(mix(ink, page, 0.45), quad((282, y + 10), (320, y + 2), (282 + w, y + 2), 8), 6)
    # a small bookmark ribbon
    cv.poly(hex_color("#c7705a"), [(330, 176), (350, 176), (350, 250), (340, 240), (330, 250)])
    return cv


def render_default() -> Canvas:
    """A neutral silhouette for a character without a portrait of its own."""
    cv = Canvas(SIZE, SIZE)
    back = hex_color("#e3e6e8")
    cv.circle(back, 256, 256, BACK_R)
    cv.translucent(110, lambda lay: lay.circle(shade(back, 0.45), 256, 216, 178))
    fig = cv.layer()
    ink = hex_color("#a9b3bb")
    fig.poly(ink, body_outline())
    fig.rect(ink, CX - 31, CY + 40, 62, 120)
    fig.poly(ink, face_outline(CX, CY - 4, RX + 4, RY + 2))
    mask = cv.layer()
    mask.circle((255, 255, 255), 256, 256, BACK_R)
    fig.mask_with(mask)
    cv.blit(fig)
    return cv


def coach_look() -> Look:
    return Look(
        skin=hex_color("#d69c70"),
        hair=hex_color("#d6d2cc"),
        hair_style="wavy",
        clothes="blazer_tee",
        top=hex_color("#2f7470"),
        inner=hex_color("#f2ead0"),
        backdrop=hex_color("#f1e4c6"),
        expression="open",
        glasses=hex_color("#5a3b2a"),
        glasses_shape="round",
        earrings=hex_color("#d8b45a"),
        older=True,
        extra={"flip": True, "brow_lift": 1.5},
    )


# ------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------


def wanted_portraits() -> dict[str, tuple[str, str]]:
    """Map portrait key -> (name, role) for every scenario character with portraits/<x>.png."""
    out: dict[str, tuple[str, str]] = {}
    for path, data in dk.load_scenarios():
        chars = data.get("characters")
        if not isinstance(chars, dict):
            continue
        for cid, ch in chars.items():
            if not isinstance(ch, dict):
                continue
            ref = ch.get("portrait")
            key = dk.asset_stem(ref, "portraits")
            if key is None:
                if ref is not None:
                    print(f"  - {os.path.basename(path)}: {cid}: portrait {ref!r} is not portraits/<x>.png, skipped")
                continue
            out.setdefault(key, (str(ch.get("name", cid)), str(ch.get("role", ""))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--only-missing", action="store_true", help="skip portraits that already exist")
    ap.add_argument("--sheet", metavar="PNG", help="also write a contact sheet of all portraits")
    ap.add_argument("--demo", type=int, default=0, metavar="N", help="also draw N sample characters (for review)")
    ap.add_argument("--neutral-only", action="store_true", help="draw only the neutral face of each character")
    ap.add_argument("--out", default=OUT_DIR, help="output folder (default: game/assets/portraits)")
    args = ap.parse_args(argv)

    dk.init()
    os.makedirs(args.out, exist_ok=True)
    jobs: dict[str, tuple[str, str]] = {"coach": ("Coach", "coach"), "narrator": ("", ""), "default": ("", "")}
    jobs.update(wanted_portraits())
    for i in range(args.demo):
        jobs[f"demo_{i:02d}"] = ("", "")

    made: list[str] = []
    for key, (name, role) in jobs.items():
        # the narrator's book and the default silhouette have no face, so one picture each
        moods = ("neutral",) if key in ("narrator", "default") or args.neutral_only else MOODS
        for mood in moods:
            path = os.path.join(args.out, mood_file(key, mood))
            if args.only_missing and os.path.exists(path):
                continue
            if key == "coach":
                cv = render_person(replace(coach_look(), mood=mood))
            elif key == "narrator":
                cv = render_narrator()
            elif key == "default":
                cv = render_default()
            else:
                cv = render_person(replace(choose_look(key, name, role), mood=mood))
            cv.save(path)
            made.append(path)
            print(f"  portrait {mood_file(key, mood)}  ({name or '-'}; {role or '-'})")
    print(f"{len(made)} portrait(s) written to {os.path.relpath(args.out)}")
    if args.sheet:
        every = sorted(os.path.join(args.out, f) for f in os.listdir(args.out) if f.endswith(".png"))
        dk.contact_sheet(every, args.sheet, thumb=200, cols=6)
        print(f"contact sheet: {args.sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
