"""Diagnostics for people: the message, the offending source line with a caret under the spot, and the hint.

```
scenarios/bakery.yaml:21:15: error S301: next 'cost_scen' is neither a scene nor an ending
    |
 21 |         next: cost_scen
    |               ^^^^^^^^^
    = hint: did you mean 'cost_scene'?
    = docs: docs/diagnostics.md#s301
```
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from game.authoring.diagnostics import Diagnostic
from game.authoring.messages import localize_diagnostic, word
from game.core.visible import visible

_TOKEN_END = re.compile(r"[\s,\]}#]|:(?=\s|$)")
DOCS = "docs/diagnostics.md"


def _underline(line: str, col: int) -> int:
    """How many carets: the quoted string or the word that starts at ``col`` (1-based), at least one."""
    rest = line[col - 1 :]
    if not rest:
        return 1
    if rest[0] in "\"'":
        end = rest.find(rest[0], 1)
        return end + 1 if end > 0 else len(rest.rstrip())
    found = _TOKEN_END.search(rest)
    length = found.start() if found else len(rest.rstrip())
    return max(length, 1)


EXCERPT = 300  # characters of a source line shown around the column (a line may be 40 MB long)


def _excerpt(line: str, col: int) -> tuple[str, int]:
    """The part of ``line`` around ``col`` (at most EXCERPT characters, "…" where cut), made visible, and
    the column of the same spot in it."""
    start = max(0, min(col - 1 - EXCERPT // 3, len(line) - EXCERPT)) if len(line) > EXCERPT else 0
    end = start + EXCERPT
    before = ("…" if start else "") + visible(line[start : max(col - 1, start)])
    rest = visible(line[max(col - 1, start) : end]) + ("…" if end < len(line) else "")
    return before + rest, len(before) + 1


def render(diagnostic: Diagnostic, lines: Sequence[str] | None, lang: str | None = None) -> str:
    """The multi-line form; without ``lines`` (or past their end) the source part is left out.
    With ``lang``, the message, the hint and the labels are in that language (the code stays)."""
    diagnostic = localize_diagnostic(diagnostic, lang)
    severity = word(diagnostic.severity.value, lang)
    head = f"{visible(str(diagnostic.pos))}: {severity} {diagnostic.code}: {visible(diagnostic.message)}"
    out = [head]
    number, col = diagnostic.pos.line, diagnostic.pos.col
    if lines is not None and 0 < number <= len(lines):
        line, col = _excerpt(lines[number - 1].replace("\t", " "), col)
        width = len(str(number))
        gutter = " " * (width + 1)
        col = min(max(col, 1), len(line) + 1)
        out.append(f"{gutter} |")
        out.append(f" {number} | {line}")
        out.append(f"{gutter} | {' ' * (col - 1)}{'^' * _underline(line, col)}")
        pad = gutter
    else:
        pad = "   "
    if diagnostic.hint:
        out.append(f"{pad} = {word('hint', lang)}: {visible(diagnostic.hint)}")
    out.append(f"{pad} = {word('docs', lang)}: {DOCS}#{diagnostic.code.lower()}")
    return "\n".join(out)


def one_line(diagnostic: Diagnostic, lang: str | None = None) -> str:
    """``path:line:col: error CODE: message (hint)``, in ``lang``: the form of ``sticky check --format short``."""
    if lang in (None, "en"):
        return diagnostic.format()
    shown = localize_diagnostic(diagnostic, lang)
    text = f"{visible(str(shown.pos))}: {word(shown.severity.value, lang)} {shown.code}: {visible(shown.message)}"
    return f"{text} ({visible(shown.hint)})" if shown.hint else text
