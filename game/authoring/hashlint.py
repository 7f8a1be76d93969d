"""S115: a text cut short by ``#``. In YAML, `` #`` starts a comment, so ``name: Suite #4`` reads as ``Suite``.

The loader cannot see it (a comment is not an error), so ``sticky check`` looks at the lines themselves: a plain,
unquoted value followed by `` #`` and a character that is not a space (``#4``, ``#1``, ``#hashtag``) is most
likely text, since people write comments as ``# note``. Block texts (``>-``, ``|``) keep ``#`` as text and
are skipped.
"""

from __future__ import annotations

import re

from game.authoring.diagnostics import DiagnosticBag, Pos
from game.authoring.yamlhints import without_comment

_CUT = re.compile(r"^(\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?)([^\s\"'|>&*!\[{#-][^#]*?)\s+#(\S.*)$")
_BLOCK = re.compile(r":\s*[|>][+-]?\d*\s*(?:#.*)?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def cut_texts(path: str, lines: list[str], bag: DiagnosticBag) -> None:
    """S115 at each line where a ``#`` most likely cut a text short, with the line written in quotes."""
    block_at: int | None = None  # the indentation of the key that opened a block text
    for number, line in enumerate(lines, 1):
        if block_at is not None:
            if not line.strip() or _indent(line) > block_at:
                continue
            block_at = None
        if _BLOCK.search(line):
            block_at = _indent(line)
            continue
        found = _CUT.match(line)
        if found is None or line.lstrip().startswith("#"):
            continue
        lead, kept, rest = found.group(1), found.group(2), without_comment(found.group(3))
        whole = f"{kept} #{rest}".replace("\\", "\\\\").replace('"', '\\"')
        key = f"{lead.strip()} " if lead.strip() else ""
        bag.add(
            "S115",
            f"the text stops at '#': YAML reads ' #{rest}' as a comment, so only '{kept}' is kept",
            Pos(path, number, line.find("#", len(lead) + len(kept)) + 1),
            hint=f"a text holding ' #' must be in quotes; write: {key}\"{whole}\"",
        )
