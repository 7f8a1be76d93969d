"""Text that always fits its box: word wrapping, shrink-to-fit as a last resort, and an overflow log.

Every text a screen draws goes through ``layout`` / ``fit`` / ``fit_line``. They wrap at word
boundaries (breaking a word only when it is wider than the whole box), then, if the text is still too
tall or wide, shrink the type step by step down to ``MIN_SHRINK``. If even that does not fit, the
text is clipped and the box is written to ``OVERFLOWS`` — the layout tests fail on any entry there.

Reading text and one-line labels have a floor (``reading_floor``, ``label_floor``): the screens give them the
room to stay at or above it (wrapping a label, stacking buttons). A text drawn below it anyway (the last resort,
better than clipping) is written to ``BELOW_FLOOR``, which the layout tests read too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.core import linebreak
from game.ui.cache import SurfaceCache
from game.ui.theme import Color, Theme

MIN_SHRINK = 0.62
#: Long reading text (narrative, debrief, summaries) shrinks no further than this; below it, it scrolls.
READABLE = 0.76
_STEPS = (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.66, MIN_SHRINK)
#: Reading text (a scene's narrative and choices, an outcome, a debrief page, a scenario's description) keeps
#: at least this share of its size, and its body text at least ``MIN_BODY_PX`` pixels; what does not fit at
#: that size scrolls. At 1280×720 body text is 22 px, so it never goes below 19 px; at 960×540, 15 px.
READING_SHRINK = 0.88
MIN_BODY_PX = 14
#: The shrink steps, largest first (for callers that fit several texts to one size).
STEPS = _STEPS


def reading_floor(theme: Theme) -> float:
    """The smallest shrink step reading text may take in ``theme`` (see ``READING_SHRINK``, ``MIN_BODY_PX``)."""
    for step in reversed(_STEPS):
        if step >= READING_SHRINK and theme.font_size("body", step) >= MIN_BODY_PX:
            return step
    return 1.0


def label_floor(theme: Theme) -> float:
    """The smallest shrink step a one-line label may take in ``theme``: a button, a settings row, a gauge's
    label and value, the phase tracker, a speaker's name. It is the reading minimum (``reading_floor``): a
    layout that can't give a label that room wraps it to a second line or stacks its buttons
    (``game.ui.widgets.button_grid``) instead of shrinking it."""
    return reading_floor(theme)


def label_fits(theme: Theme, text: str, role: str, width: int) -> bool:
    """True when ``text`` fits on one line of ``width`` in ``role`` at the label floor (or larger)."""
    return width_of(theme.font(role, label_floor(theme)), text) <= width


#: Texts drawn smaller than the floor: (what, text) -> (the pixel size drawn, the floor's pixel size).
BELOW_FLOOR: dict[tuple[str, str], tuple[int, int]] = {}

#: Boxes whose text did not fit even at the smallest shrink: (what, text, box size).
OVERFLOWS: list[tuple[str, str, tuple[int, int]]] = []

_WRAP_CACHE: dict[tuple[str, int, int], list[str]] = {}
#: Rendered lines: a screen's text covers well under a window, so two layers hold a screen and the last.
_RENDER_CACHE: SurfaceCache[tuple[str, int, Color]] = SurfaceCache(layers=1)
_CACHE_LIMIT = 1200


@dataclass
class Block:
    """Wrapped text ready to draw: its lines, font, line height and size."""

    lines: list[str]
    font: pygame.font.Font
    line_h: int
    width: int
    height: int
    shrink: float = 1.0
    fits: bool = True
    extra: dict[str, int] = field(default_factory=dict)
    #: what the text is (for ``BELOW_FLOOR``), and (its pixel size, the floor's) when it is below the floor
    what: str = ""
    below: tuple[int, int] | None = None


def _below(theme: Theme, role: str, shrink: float) -> tuple[int, int] | None:
    """None when ``shrink`` is at or above the floor; else (the pixel size of ``role`` at ``shrink``, at the
    floor)."""
    if shrink >= 1.0:
        return None
    floor = reading_floor(theme)
    return (theme.font_size(role, shrink), theme.font_size(role, floor)) if shrink < floor - 1e-9 else None


def _break_word(font: pygame.font.Font, word: str, width: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for ch in word:
        if current and font.size(current + ch)[0] > width:
            parts.append(current)
            current = ch
        else:
            current += ch
    if current:
        parts.append(current)
    return parts or [""]


_WIDTHS: dict[tuple[int, str], int] = {}


def width_of(font: pygame.font.Font, text: str) -> int:
    """The width of ``text`` in ``font``, remembered (fonts live as long as the process, see ``get_font``):
    screens that redraw every frame measure the same labels again and again."""
    key = (id(font), text)
    width = _WIDTHS.get(key)
    if width is None:
        if len(_WIDTHS) > 4 * _CACHE_LIMIT:
            _WIDTHS.clear()
        width = _WIDTHS[key] = font.size(text)[0]
    return width


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """``text`` split into lines no wider than ``width`` (paragraphs kept, long words broken)."""
    key = (text, id(font), width)
    cached = _WRAP_CACHE.get(key)
    if cached is not None:
        return cached
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = linebreak.words(paragraph)  # a figure such as "20 %" is one word: never split at its space
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if font.size(candidate)[0] <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            if font.size(word)[0] <= width:
                current = word
            else:
                pieces = _break_word(font, word, width)
                lines.extend(pieces[:-1])
                current = pieces[-1]
        lines.append(current)
    if len(_WRAP_CACHE) > _CACHE_LIMIT:
        _WRAP_CACHE.clear()
    _WRAP_CACHE[key] = lines
    return lines


def layout(theme: Theme, text: str, role: str, width: int, shrink: float = 1.0, max_lines: int = 0) -> Block:
    """Wrap ``text`` in a role's font at a given shrink; ``height`` is what it needs."""
    font = theme.font(role, shrink)
    line_h = theme.line_height(role, shrink)
    lines = wrap(font, text, max(1, width))
    fits = True
    if max_lines and len(lines) > max_lines:
        fits = False
    widest = max((width_of(font, line) for line in lines), default=0)
    height = line_h * (len(lines) - 1) + font.get_height() if lines else 0
    below = _below(theme, role, shrink)
    return Block(lines, font, line_h, widest, height, shrink, fits and widest <= width, what=role, below=below)


def fit(theme: Theme, text: str, role: str, box: tuple[int, int], what: str = "", max_lines: int = 0) -> Block:
    """The largest shrink step at which ``text`` fits in ``box`` (w, h); logs an overflow if none does."""
    w, h = box
    block = layout(theme, text, role, w, 1.0, max_lines)
    block.what = what or role
    if block.fits and block.height <= h:
        return block
    for step in _STEPS[1:]:
        block = layout(theme, text, role, w, step, max_lines)
        block.what = what or role
        if block.fits and block.height <= h:
            return block
    block.fits = False
    OVERFLOWS.append((what or role, text, box))
    return block


def fits(theme: Theme, text: str, role: str, box: tuple[int, int], shrink: float = MIN_SHRINK) -> bool:
    """True when ``text`` fits ``box`` at ``shrink`` (by default at some shrink step; optional text is left out
    otherwise). Pass ``label_floor(theme)`` for text that must not go below the floor."""
    block = layout(theme, text, role, max(1, box[0]), shrink)
    return box[0] > 0 and block.fits and block.height <= box[1]


def fit_line(theme: Theme, text: str, role: str, width: int, what: str = "", shrink: float = 1.0) -> Block:
    """One line of text shrunk until it is no wider than ``width`` (never wrapped), starting at ``shrink``."""
    for step in (shrink, *(s for s in _STEPS if s < shrink)):
        font = theme.font(role, step)
        text_w = width_of(font, text)
        if text_w <= width:
            below = _below(theme, role, step)
            line_h = theme.line_height(role, step)
            return Block([text], font, line_h, text_w, font.get_height(), step, what=what or role, below=below)
    font = theme.font(role, MIN_SHRINK)
    OVERFLOWS.append((what or role, text, (width, font.get_height())))
    below = _below(theme, role, MIN_SHRINK)
    line_h = theme.line_height(role, MIN_SHRINK)
    return Block([text], font, line_h, width, font.get_height(), MIN_SHRINK, False, what=what or role, below=below)


def render(font: pygame.font.Font, text: str, color: Color) -> pygame.Surface:
    """A cached anti-aliased rendering of one line."""
    key = (text, id(font), color)
    surf = _RENDER_CACHE.get(key)
    if surf is None:
        surf = _RENDER_CACHE.put(key, font.render(text, True, color))
    return surf


def draw(
    surface: pygame.Surface,
    block: Block,
    pos: tuple[int, int],
    color: Color,
    align: str = "left",
    width: int = 0,
    chars: int | None = None,
    clip_height: int = 0,
) -> int:
    """Draw a block with its top-left at ``pos``; returns the height used.

    ``align`` is left, center or right within ``width``; ``chars`` shows only the first characters
    (the typewriter); ``clip_height`` clips what does not fit (only after an overflow was logged).
    """
    x, y = pos
    if block.below is not None:
        if len(BELOW_FLOOR) > _CACHE_LIMIT:
            BELOW_FLOOR.clear()
        BELOW_FLOOR[(block.what, " ".join(block.lines))] = block.below
    remaining = chars
    for index, line in enumerate(block.lines):
        top = y + index * block.line_h
        if clip_height and top + block.font.get_height() > y + clip_height:
            break
        shown = line
        if remaining is not None:
            if remaining <= 0:
                break
            shown = line[:remaining]
            remaining -= len(line) + 1
        if not shown:
            continue
        # The typewriter's line being written is a new text every frame: rendered, not kept.
        surf = block.font.render(shown, True, color) if len(shown) < len(line) else render(block.font, line, color)
        left = x
        if align == "center":
            left = x + (width - width_of(block.font, line)) // 2
        elif align == "right":
            left = x + width - surf.get_width()
        surface.blit(surf, (left, top))
    return block.height


def draw_fitted(
    surface: pygame.Surface,
    theme: Theme,
    text: str,
    role: str,
    rect: pygame.Rect,
    color: Color,
    align: str = "left",
    valign: str = "top",
    what: str = "",
) -> Block:
    """Fit ``text`` into ``rect`` and draw it there."""
    block = fit(theme, text, role, rect.size, what)
    y = rect.y
    if valign == "center":
        y = rect.y + (rect.h - block.height) // 2
    elif valign == "bottom":
        y = rect.bottom - block.height
    draw(surface, block, (rect.x, y), color, align, rect.w, clip_height=0 if block.fits else rect.h)
    return block


def draw_line(
    surface: pygame.Surface,
    theme: Theme,
    text: str,
    role: str,
    rect: pygame.Rect,
    color: Color,
    align: str = "left",
    what: str = "",
    shrink: float = 1.0,
) -> Block:
    """One line shrunk to fit ``rect``'s width (starting at ``shrink``), centred vertically in it."""
    block = fit_line(theme, text, role, rect.w, what, shrink)
    if block.height > rect.h + 2:
        OVERFLOWS.append((what or role, text, rect.size))
    y = rect.y + (rect.h - block.height) // 2
    draw(surface, block, (rect.x, y), color, align, rect.w)
    return block


def shrink_to_fit(measure: Callable[[float], int], available: int, what: str = "") -> float:
    """The largest shrink step at which ``measure(shrink)`` (a height) is within ``available``.

    Logs an overflow when even the smallest step is too tall.
    """
    for step in _STEPS:
        if measure(step) <= available:
            return step
    OVERFLOWS.append((what or "stack", f"needs {measure(MIN_SHRINK)} px", (0, available)))
    return MIN_SHRINK
