"""libyaml's errors as diagnostics: S101 syntax errors (naming where an unclosed construct starts), S111 tabs."""

from __future__ import annotations

from typing import Any

import yaml

from game.authoring.diagnostics import DiagnosticBag, Pos
from game.authoring.yamlhints import Hint, colon_in_text, odd_indentation, unbalanced_quote, unclosed


def mark_pos(path: str, mark: Any) -> Pos:
    """The 1-based position of a libyaml mark (1:1 when there is none)."""
    if mark is None:
        return Pos(path, 1, 1)
    return Pos(path, mark.line + 1, mark.column + 1)


def report_syntax_error(exc: yaml.MarkedYAMLError, shown: str, text: str, bag: DiagnosticBag) -> None:
    """Record a YAML syntax error: S111 when a tab is to blame, S101 otherwise."""
    mark = exc.problem_mark or exc.context_mark
    pos = mark_pos(shown, mark)
    problem = (exc.problem or "invalid YAML").strip()
    lines = text.splitlines()
    line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in problem or "\\t" in problem or "\t" in indent or line[pos.col - 1 : pos.col] == "\t":
        bag.add(
            "S111",
            "a tab is used for indentation; YAML allows only spaces",
            pos,
            hint="replace tabs by spaces",
        )
        return
    context = f" {exc.context}" if exc.context else ""
    start = exc.context_mark
    if context and start is not None and mark is not None and start.line != mark.line:
        context += f" that starts at line {start.line + 1}, column {start.column + 1}"  # e.g. an unclosed '{'
    hint = _hint_for(lines, pos, start)
    if hint is not None and hint.line != pos.line:  # the mistake is on another line: point there
        pos = Pos(pos.path, hint.line, hint.col)
    bag.add("S101", f"{problem}{context}".strip(), pos, hint=hint.text if hint else _GENERIC)


_GENERIC = "look at this line and the one above it: quotes around texts with ': ' or '#', and keys lined up"


def _hint_for(lines: list[str], pos: Pos, start: Any) -> Hint | None:
    """What most likely went wrong, found from the source (see ``yamlhints``)."""
    if start is not None:
        found = unclosed(lines, start.line + 1, start.column + 1)
        if found is not None and start.line + 1 != pos.line:
            return found
    found = colon_in_text(lines, pos.line)
    if found is not None:
        return found
    first = start.line + 1 if start is not None else max(pos.line - 20, 1)
    return unbalanced_quote(lines, first, pos.line) or odd_indentation(lines, first, pos.line)


def report_reader_error(
    exc: yaml.reader.ReaderError, shown: str, text: str, bag: DiagnosticBag, c_parser: bool
) -> None:
    """Record a forbidden control character (S101) at its line:col; the error has no mark, only an offset.

    libyaml (``c_parser``) counts the offset in UTF-8 bytes, the pure reader in characters.
    """
    at = max(int(exc.position), 0)
    if c_parser:
        at = len(text.encode("utf-8")[:at].decode("utf-8", "ignore"))
    at = min(at, len(text))
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    bag.add("S101", f"character U+{int(exc.character):04X} is not allowed in YAML text", Pos(shown, line, col))
