"""Hints for the YAML mistakes people who are not programmers make, found from the text itself.

libyaml says what it expected ("mapping values are not allowed in this context", "did not find expected
key"); a trainer needs to know what to type. Each helper looks at the source lines around the error (never at
libyaml's wording, which changes between versions) and, when it recognises the mistake, returns where it most
likely is and a hint that shows the line written right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLAIN_VALUE_WITH_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):[ \t]+(?![\"'\[{|>&*!])(.*?:(?:\s.*)?)\s*$")


@dataclass(frozen=True)
class Hint:
    """Where the mistake most likely is (1-based line and column) and what to do."""

    line: int
    col: int
    text: str


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_COMMENT = re.compile(r"\s+#\s.*$")


def without_comment(text: str) -> str:
    """``text`` without a trailing comment (`` # like this``): the fixed line a hint shows leaves it out."""
    return _COMMENT.sub("", text)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def colon_in_text(lines: list[str], line: int) -> Hint | None:
    """``text: Note: hello.`` — a colon and a space inside unquoted text."""
    if not 0 < line <= len(lines):
        return None
    found = _PLAIN_VALUE_WITH_COLON.match(lines[line - 1])
    if found is None or found.group(3).lstrip().startswith("#"):
        return None
    lead, key, value = found.groups()
    fixed = f"{lead}{key}: {_quoted(without_comment(value).strip())}"
    return Hint(line, len(lead) + 1, f"text holding ': ' must be in quotes; write: {fixed.strip()}")


def _meaningful(lines: list[str], index: int, step: int) -> int | None:
    """The nearest line from ``index`` (0-based) in direction ``step`` that is not blank or a comment."""
    index += step
    while 0 <= index < len(lines):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index
        index += step
    return None


def odd_indentation(lines: list[str], first: int, last: int) -> Hint | None:
    """The line between ``first`` and ``last`` (1-based, inclusive) whose indentation differs from the lines on
    both sides of it while they agree with each other: the key indented one or two spaces off."""
    for index in range(max(first - 1, 0), min(last, len(lines))):
        stripped = lines[index].strip()
        if not stripped or stripped.startswith("#"):
            continue
        before, after = _meaningful(lines, index, -1), _meaningful(lines, index, 1)
        if before is None or after is None:
            continue
        here, above, below = _indent(lines[index]), _indent(lines[before]), _indent(lines[after])
        sibling_above = not lines[before].rstrip().endswith(":")  # not the line that opens this block
        if above == below and here != above and sibling_above and abs(here - above) <= 3:
            fixed = " " * above + without_comment(stripped)
            return Hint(
                index + 1,
                here + 1,
                f"this line is indented {here} spaces and the lines around it {above}; keys of one block line up "
                f"exactly: write '{fixed}'",
            )
        item = _item_above(lines, index)
        if stripped.startswith("- ") and item is not None and 0 < abs(here - item) <= 3:
            fixed = " " * item + without_comment(stripped)
            return Hint(
                index + 1,
                here + 1,
                f"this list item is indented {here} spaces and the item above it {item}; the items of one list line "
                f"up exactly: write '{fixed}'",
            )
    return None


def _item_above(lines: list[str], index: int) -> int | None:
    """The indentation of the nearest list item (``- ...``) above line ``index`` (0-based), skipping the lines
    that belong to that item (indented further); None when a line less indented comes first."""
    here = _indent(lines[index])
    at = _meaningful(lines, index, -1)
    while at is not None:
        stripped = lines[at].strip()
        if stripped.startswith("- ") and abs(_indent(lines[at]) - here) <= 3:
            return _indent(lines[at])
        if _indent(lines[at]) < here - 3:
            return None
        at = _meaningful(lines, at, -1)
    return None


def unclosed(lines: list[str], line: int, col: int) -> Hint | None:
    """A quote or bracket opened at ``line``:``col`` and never closed."""
    if not 0 < line <= len(lines) or not 0 < col <= len(lines[line - 1]):
        return None
    text = lines[line - 1]
    opener = text[col - 1]
    closer = {"[": "]", "{": "}", '"': '"', "'": "'"}.get(opener)
    if closer is None:
        return None
    if opener in "\"'":
        return Hint(line, col, f"this quoted text is never closed: end it with {closer} where the text ends")
    fixed = without_comment(text).rstrip() + closer
    return Hint(
        line,
        col,
        f"the {opener} opened here is not closed: write '{fixed.strip()}' (and put any text with a comma or a "
        "colon in quotes)",
    )


_OPENS_QUOTED = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?([\"'])")


def unbalanced_quote(lines: list[str], first: int, last: int) -> Hint | None:
    """A line between ``first`` and ``last`` (1-based) whose value opens a quote it never closes: YAML then reads
    on into the next lines, and the error shows up further down."""
    for index in range(max(first - 1, 0), min(last, len(lines))):
        line = lines[index]
        found = _OPENS_QUOTED.match(line)
        if found is None:
            continue
        mark = found.group(1)
        rest = line[found.end() :]
        closes = rest.replace('\\"', "").count('"') if mark == '"' else rest.replace("''", "").count("'")
        if closes == 0:
            return Hint(
                index + 1,
                found.end(),
                f"the quoted text that starts here is never closed: end it with {mark} where the text ends",
            )
    return None
