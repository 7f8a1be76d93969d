"""S114: text that holds control, bidi or zero-width characters.

YAML lets a quoted string spell any character (``"\\e[2J"``, ``"\\u202e"``), and a file may hold bidi
overrides as they are. Shown in the game they are invisible or garble the line; printed by a tool they could
drive the terminal (every command prints them as escapes, see ``game.core.visible``). The author almost
never means them, so each is reported where its text starts.
"""

from __future__ import annotations

from game.authoring.diagnostics import DiagnosticBag, Pos
from game.authoring.yamlnodes import YMap, YNode, YScalar, YSeq
from game.core.visible import has_unsafe, visible

MAX_REPORTED = 20


def report_unsafe_text(tree: YNode, text: str, bag: DiagnosticBag) -> None:
    """Add S114 for every key or text in ``tree`` holding such a character (at most MAX_REPORTED)."""
    if "\\" not in text and not has_unsafe(text):  # nothing can spell one: the usual case, one scan
        return
    found = 0
    stack: list[YNode] = [tree]
    while stack and found < MAX_REPORTED:
        node = stack.pop()
        if isinstance(node, YScalar):
            candidates = [(node.value, node.pos)]
        elif isinstance(node, YMap):
            candidates = [(key, pos) for key, pos, _ in node.items()]
            stack.extend(value for _, _, value in reversed(node.items()))
        else:
            assert isinstance(node, YSeq)
            candidates = []
            stack.extend(reversed(node.items))
        for value, pos in candidates:
            if has_unsafe(value) and found < MAX_REPORTED:
                found += 1
                _add(bag, value, pos)


def _add(bag: DiagnosticBag, value: str, pos: Pos) -> None:
    first = next(c for c in value if has_unsafe(c))
    bag.add(
        "S114",
        f"the text holds an invisible control or direction character ({visible(first)})",
        pos,
        hint="delete it: players would not see it, and it can garble the line; write line breaks as new lines",
    )
