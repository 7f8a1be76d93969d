"""Where a line of scenario text may break, for every screen that wraps it (the window and the terminal).

Spanish writes a space between a number and its percent or currency sign (``un 20 %``, ``85.000 €/mes``), and
so do the numbers the game formats. A line must not break inside such a figure: ``20`` at the end of one line
and ``%`` at the start of the next reads as a typo. ``words`` splits a paragraph at its spaces, except between
a number and a sign that follows it.
"""

from __future__ import annotations

import re

#: A token starting with one of these stays on the line of the number before it.
UNIT_SIGNS = ("%", "‰", "€", "$", "£", "¥")
NO_BREAK_SPACE = "\u00a0"
#: Spaces a line may break at: any whitespace but the no-break ones (U+00A0, U+2007, U+202F) and the thin space
#: (U+2009), which the game only puts inside numbers (``85 000``).
_BREAKING = re.compile(r"[^\S\u00a0\u2007\u2009\u202f]+")
_FIGURE_SPACE = re.compile(r"(?<=\d)[ \t]+(?=[" + re.escape("".join(UNIT_SIGNS)) + "])")


def words(paragraph: str) -> list[str]:
    """The paragraph's words in order, split at whitespace; a sign after a number is kept with the number
    (``"un 20 % más"`` gives ``["un", "20 %", "más"]``)."""
    found: list[str] = []
    for token in _BREAKING.split(paragraph.strip()) if paragraph.strip() else []:
        if found and token.startswith(UNIT_SIGNS) and found[-1][-1:].isdigit():
            found[-1] = f"{found[-1]} {token}"
        else:
            found.append(token)
    return found


def glued(paragraph: str) -> str:
    """The paragraph with a no-break space inside each figure ``words`` keeps together (everything else as it
    was), for wrappers that break only at ordinary spaces (such as ``textwrap``)."""
    return _FIGURE_SPACE.sub(NO_BREAK_SPACE, paragraph)
