"""The one theme module: colours (warm and high-contrast), type roles, fonts and spacing.

The colours of styles, ratings and chart lines are the shared palette's (``game.locale.palette``), which the
trainer's report also reads; the rest of the window's colours are here.

Everything that has a size is computed from the window: ``scale`` is 1.0 at 1280×720 and grows or
shrinks with the window (the smaller of width/1280 and height/720). The player's text size multiplies
the type sizes on top of that. Screens ask the theme for fonts by *role* ("body", "h1", …), never by
file or pixel size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from game.locale import palette
from game.paths import ASSETS

Color = tuple[int, int, int]

REFERENCE_SIZE = (1280, 720)
MIN_SIZE = (960, 540)

#: Multipliers of the three text-size steps (standard, large, largest).
TEXT_SCALES: tuple[float, ...] = (1.0, 1.15, 1.3)

#: Type roles: base pixel size at 1280×720 and font face.
ROLES: dict[str, tuple[float, str]] = {
    "display": (58, "bold"),
    "h1": (36, "bold"),
    "h2": (27, "semibold"),
    "h3": (23, "semibold"),
    "body": (22, "regular"),
    "quote": (22, "italic"),
    "small": (19, "regular"),
    "label": (18, "semibold"),
    "button": (22, "semibold"),
    "number": (22, "bold"),
}

FACES: dict[str, str] = {
    "regular": "OpenSans-Regular.ttf",
    "italic": "OpenSans-Italic.ttf",
    "semibold": "OpenSans-Semibold.ttf",
    "bold": "OpenSans-Bold.ttf",
}


@dataclass(frozen=True)
class Palette:
    """Every colour a screen may use."""

    bg: Color
    bg2: Color
    panel: Color
    panel_alt: Color
    border: Color
    text: Color
    muted: Color
    accent: Color
    on_accent: Color
    accent_soft: Color
    highlight: Color
    focus: Color
    focus_inner: Color
    good: Color
    bad: Color
    neutral: Color
    shadow_alpha: int
    scrim: tuple[int, int, int, int]
    disabled: Color
    styles: dict[str, Color]  # the shared palette's (game.locale.palette), never a copy
    ratings: dict[str, Color]
    series: tuple[Color, ...]  # one per chart line: six, for up to six metrics
    border_width: int


WARM = Palette(
    bg=(244, 239, 230),
    bg2=(232, 222, 206),
    panel=(255, 253, 249),
    panel_alt=(247, 242, 234),
    border=(226, 216, 200),
    text=(43, 38, 34),
    muted=(104, 96, 88),
    accent=(38, 104, 99),
    on_accent=(255, 255, 255),
    accent_soft=(222, 236, 233),
    highlight=(196, 104, 62),
    focus=(214, 142, 36),
    focus_inner=(255, 255, 255),
    good=(36, 120, 72),
    bad=(178, 62, 44),
    neutral=(110, 104, 98),
    shadow_alpha=70,
    scrim=(40, 30, 20, 150),
    disabled=(180, 172, 162),
    styles=palette.STYLE_COLOURS["normal"],
    ratings=palette.RATING_COLOURS["normal"],
    series=palette.SERIES_COLOURS["normal"],
    border_width=1,
)

HIGH_CONTRAST = Palette(
    bg=(0, 0, 0),
    bg2=(0, 0, 0),
    panel=(0, 0, 0),
    panel_alt=(20, 20, 20),
    border=(255, 255, 255),
    text=(255, 255, 255),
    muted=(235, 235, 235),
    accent=(255, 221, 0),
    on_accent=(0, 0, 0),
    accent_soft=(40, 40, 0),
    highlight=(255, 221, 0),
    focus=(0, 229, 255),
    focus_inner=(0, 0, 0),
    good=(110, 255, 140),
    bad=(255, 130, 120),
    neutral=(235, 235, 235),
    shadow_alpha=0,
    scrim=(0, 0, 0, 210),
    disabled=(150, 150, 150),
    styles=palette.STYLE_COLOURS["high_contrast"],
    ratings=palette.RATING_COLOURS["high_contrast"],
    series=palette.SERIES_COLOURS["high_contrast"],
    border_width=2,
)


class Theme:
    """Colours, fonts and spacing for one window size, text size and contrast setting."""

    def __init__(self, size: tuple[int, int], text_step: int = 0, high_contrast: bool = False) -> None:
        self.size = size
        self.text_step = max(0, min(text_step, len(TEXT_SCALES) - 1))
        self.high_contrast = high_contrast
        self.colors: Palette = HIGH_CONTRAST if high_contrast else WARM
        w, h = size
        self.scale = min(w / REFERENCE_SIZE[0], h / REFERENCE_SIZE[1])
        self.text_scale = TEXT_SCALES[self.text_step]

    # -- spacing ---------------------------------------------------------------------------------------
    def px(self, value: float) -> int:
        """A length given at 1280×720, scaled to this window (at least 1 px when positive)."""
        scaled = value * self.scale
        return max(1, round(scaled)) if value > 0 else round(scaled)

    @property
    def margin(self) -> int:
        """The outer margin of screens."""
        return self.px(28)

    @property
    def gap(self) -> int:
        """The space between cards."""
        return self.px(16)

    @property
    def pad(self) -> int:
        """The inner padding of cards."""
        return self.px(18)

    @property
    def footer(self) -> int:
        """The band along the bottom edge kept for the key hints."""
        return self.line_height("small") + self.px(14)

    @property
    def radius(self) -> int:
        """The corner radius of cards."""
        return self.px(14)

    # -- type ------------------------------------------------------------------------------------------
    def font_size(self, role: str, shrink: float = 1.0) -> int:
        """The pixel size of a type role (after window scale, text size and any shrink-to-fit)."""
        base, _face = ROLES[role]
        return max(9, round(base * self.scale * self.text_scale * shrink))

    def font(self, role: str, shrink: float = 1.0) -> pygame.font.Font:
        """The font for a type role."""
        return get_font(ROLES[role][1], self.font_size(role, shrink))

    def line_height(self, role: str, shrink: float = 1.0) -> int:
        """The distance between baselines for a role."""
        return round(self.font(role, shrink).get_linesize() * 1.08)

    def style_color(self, style: str) -> Color:
        """The colour of an assertiveness style (always shown with its name too)."""
        return self.colors.styles.get(style, self.colors.neutral)

    def rating_color(self, rating: str) -> Color:
        """The colour of an ending rating (always shown with its name too)."""
        return self.colors.ratings.get(rating, self.colors.neutral)


_FONTS: dict[tuple[str, int], pygame.font.Font] = {}
_NARROW = str.maketrans({"\u202f": "\u2009"})


class _Font(pygame.font.Font):
    """A font that draws the narrow no-break space of Spanish numbers (``85 000``, U+202F), which Open Sans
    lacks, as its thin space (U+2009) instead of an empty box."""

    def render(self, text: str | bytes | None, *args: object, **kwargs: object) -> pygame.Surface:  # type: ignore[override, unused-ignore]
        if isinstance(text, str):
            text = text.translate(_NARROW)
        return super().render(text, *args, **kwargs)  # type: ignore[arg-type]

    def size(self, text: str | bytes, /) -> tuple[int, int]:
        if isinstance(text, str):
            text = text.translate(_NARROW)
        return super().size(text)


def font_path(face: str) -> Path | None:
    """The file of a font face, or None when the asset is missing."""
    path = ASSETS / "fonts" / FACES.get(face, FACES["regular"])
    return path if path.exists() else None


def get_font(face: str, size: int) -> pygame.font.Font:
    """A cached font object (pygame's default font when the asset is missing)."""
    key = (face, size)
    font = _FONTS.get(key)
    if font is None:
        if not pygame.font.get_init():
            pygame.font.init()
        path = font_path(face)
        font = _Font(str(path) if path else None, size)
        if path is None and face in ("bold", "semibold"):
            font.set_bold(True)
        if path is None and face == "italic":
            font.set_italic(True)
        _FONTS[key] = font
    return font
