"""Text made safe to show in a terminal, a log or an editor's problem list.

A scenario, a translation or an imported record may hold any character. Printed raw, an escape sequence
can retitle or clear the terminal, a newline can forge a second diagnostic line (``fake.yaml:1:1: error
S999``) that editors and CI parse as real, and a bidi override can make text read backwards. ``visible``
shows every such character as an escape (``\\x1b``, ``\\n``, ``\\u202e``) instead; ``clip`` caps a long quote.
"""

from __future__ import annotations

import re

#: C0 and C1 controls, DEL, zero-width and bidi formatting characters, line and paragraph separators, BOM.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_UNSAFE_BUT_NEWLINE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """``text`` with control, bidi and zero-width characters written as escapes; with ``newlines`` a line
    break is kept as it is (for multi-line texts printed as paragraphs)."""
    pattern = _UNSAFE_BUT_NEWLINE if newlines else _UNSAFE
    return pattern.sub(_escape, text) if pattern.search(text) else text


def has_unsafe(text: str) -> bool:
    """True when ``text`` holds a control (other than a line break or tab), bidi or zero-width character."""
    return _UNSAFE_BUT_NEWLINE.search(text.replace("\t", " ")) is not None


def clip(text: str, limit: int = 300) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
