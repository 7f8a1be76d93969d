"""The one palette: the colours of the assertiveness styles, the ending ratings and the chart lines.

Every front end takes these colours from here: the game window and the projector through
``game.ui.theme`` (which builds its palettes from these tables), the trainer's report as CSS variables
(:func:`css_variables`, e.g. ``--style-assertive: #266863``) and as SVG fills (:func:`hex_colour`), and the
scenario map (``sticky graph``) as light node fills. The module is plain data with no import of pygame or
of the UI, so the training and authoring layers may read it.

There are two sets: ``normal`` (dark colours on the warm light background of the game and the white of
the report) and ``high_contrast`` (light colours on black). A style colour may colour its name, so it has a
contrast of at least 4.4:1 on the game's background and 5:1 on white (8:1 on black); a rating colour fills a
bar beside its name, so it has at least 3:1 (8:1 on black). tests/test_vocabulary.py checks both.
A style is always shown with its name too, never by colour alone.

Passive-aggressive is purple in both sets: amber (the report's old colour) read as 3:1 on white, too faint
for a label, and sat too close to the "fair" rating and the coach's star.
"""

from __future__ import annotations

from typing import Literal

RGB = tuple[int, int, int]
Contrast = Literal["normal", "high_contrast"]

#: The colour of each assertiveness style, per contrast setting.
STYLE_COLOURS: dict[Contrast, dict[str, RGB]] = {
    "normal": {
        "assertive": (38, 104, 99),
        "passive": (96, 112, 130),
        "aggressive": (178, 62, 44),
        "passive-aggressive": (128, 84, 146),
    },
    "high_contrast": {
        "assertive": (110, 255, 140),
        "passive": (170, 210, 255),
        "aggressive": (255, 130, 120),
        "passive-aggressive": (240, 170, 255),
    },
}

#: The colour of each ending rating, from best (the assertive teal) to bad (the aggressive red).
RATING_COLOURS: dict[Contrast, dict[str, RGB]] = {
    "normal": {
        "best": (38, 104, 99),
        "good": (72, 124, 62),
        "fair": (150, 114, 20),
        "poor": (196, 104, 62),
        "bad": (178, 62, 44),
    },
    "high_contrast": {
        "best": (110, 255, 140),
        "good": (200, 240, 120),
        "fair": (255, 221, 0),
        "poor": (255, 170, 90),
        "bad": (255, 130, 120),
    },
}

#: One colour per chart line (a metric's trajectory): six, for up to six metrics.
SERIES_COLOURS: dict[Contrast, tuple[RGB, ...]] = {
    "normal": ((38, 104, 99), (196, 104, 62), (86, 96, 170), (150, 114, 20), (140, 72, 128), (70, 70, 70)),
    "high_contrast": (
        (110, 255, 140),
        (255, 221, 0),
        (120, 200, 255),
        (255, 160, 220),
        (255, 255, 255),
        (255, 150, 60),
    ),
}

#: The colour for a style or rating that is not in the tables (an id from a newer scenario format).
UNKNOWN: dict[Contrast, RGB] = {"normal": (110, 104, 98), "high_contrast": (235, 235, 235)}

#: Light fills for the nodes of the scenario map, one per decision point and one per rating, dark text on top.
PHASE_FILLS: dict[str, str] = {
    "situation": "#e8edf4",
    "cost": "#fde3c8",
    "limits": "#d9efd9",
    "power": "#e2dbf7",
    "resolution": "#f6f0c4",
}
RATING_FILLS: dict[str, str] = {
    "best": "#b7e1b0",
    "good": "#d8eecf",
    "fair": "#f2ecc7",
    "poor": "#f7d6c2",
    "bad": "#f2b8b5",
}

#: The mark beside a rating on the scenario map, so that a rating never rests on its colour alone.
RATING_MARKS: dict[str, str] = {"best": "★★", "good": "★", "fair": "◐", "poor": "▽", "bad": "✖"}

#: How much of the accent colour tints each decision point's band behind the debrief's chart (0..1).
PHASE_SHADES: dict[str, float] = {"cost": 0.06, "limits": 0.12, "power": 0.18}


def style_colour(style: str, contrast: Contrast = "normal") -> RGB:
    """The colour of an assertiveness style (a neutral grey for an unknown one)."""
    return STYLE_COLOURS[contrast].get(style, UNKNOWN[contrast])


def rating_colour(rating: str, contrast: Contrast = "normal") -> RGB:
    """The colour of an ending rating (a neutral grey for an unknown one)."""
    return RATING_COLOURS[contrast].get(rating, UNKNOWN[contrast])


def series_colour(index: int, contrast: Contrast = "normal") -> RGB:
    """The colour of the ``index``-th chart line (the six colours repeat)."""
    colours = SERIES_COLOURS[contrast]
    return colours[index % len(colours)]


def hex_colour(colour: RGB) -> str:
    """A colour as CSS writes it: ``(38, 104, 99)`` -> ``#266863``."""
    return "#{:02x}{:02x}{:02x}".format(*colour)


def css_variables(contrast: Contrast = "normal") -> str:
    """The palette as CSS custom properties for ``:root``: ``--style-assertive:#266863;`` for each style,
    ``--rating-best:…`` for each rating and ``--series-1:…`` for each chart line (no braces, no selector)."""
    names = [(f"style-{s}", c) for s, c in STYLE_COLOURS[contrast].items()]
    names += [(f"rating-{r}", c) for r, c in RATING_COLOURS[contrast].items()]
    names += [(f"series-{i}", c) for i, c in enumerate(SERIES_COLOURS[contrast], 1)]
    names.append(("unknown", UNKNOWN[contrast]))
    return "".join(f"--{name}:{hex_colour(colour)};" for name, colour in names)
