"""Reading an export file of records one playthrough at a time, with the line each starts on.

A ``.jsonl`` file is read line by line (a line longer than a record may be is skipped, never held whole); a
``.json`` array is split into its elements without parsing the whole. Each playthrough is parsed on its own,
bounded in size and nesting (counted before parsing, so 200,000 nested brackets can't exhaust the stack),
with NaN and Infinity refused; the result is an :class:`Entry` holding the data or why it can't be read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Largest playthrough read (one line of a .jsonl file, or one element of a .json array).
MAX_RECORD_BYTES = 2 * 1024 * 1024
#: Largest export file read as a whole (.json arrays; .jsonl files are read line by line).
MAX_ARRAY_FILE_BYTES = 256 * 1024 * 1024
#: Deepest nesting of lists and objects in one record (a real one nests 4 deep).
MAX_DEPTH = 12
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_TEXT_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class BadRecord(ValueError):
    """A record that can't be imported; the message is the reason, for people."""


@dataclass
class Entry:
    """One playthrough of an export file: its line, its data when it parsed, else why not."""

    line: int
    data: dict[str, Any] | None = None
    error: str | None = None


def _too_deep(raw: bytes) -> bool:
    """True when lists and objects nest deeper than MAX_DEPTH (strings ignored), without parsing."""
    depth = 0
    for byte in _STRING.sub(b'""', raw).translate(None, _NOT_BRACKETS):
        depth += 1 if byte in b"[{" else -1
        if depth > MAX_DEPTH:
            return True
    return False


def _reject_constant(name: str) -> Any:
    raise BadRecord(f"{name} is not a number a record can hold")


def parse_record(raw: bytes) -> dict[str, Any]:
    """One record's JSON, or BadRecord: bounded size and depth, strict numbers, UTF-8."""
    if len(raw) > MAX_RECORD_BYTES:
        raise BadRecord(f"the record is {len(raw):,} bytes; at most {MAX_RECORD_BYTES:,} are read")
    if _too_deep(raw):
        raise BadRecord(f"nested more than {MAX_DEPTH} levels deep")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRecord("not UTF-8 text") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except BadRecord:
        raise
    except json.JSONDecodeError as exc:
        raise BadRecord(f"not valid JSON ({exc.msg})") from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer of thousands of digits
        raise BadRecord(f"not valid JSON ({str(exc)[:80]})") from None
    if not isinstance(data, dict):
        raise BadRecord("expected a playthrough object")
    return data


def _lines(handle: Any) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of a .jsonl file; None for a line longer than a record may be (never kept whole)."""
    number = 0
    while True:
        raw = handle.readline(MAX_RECORD_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, raw


def _array_entries(data: bytes) -> Iterator[Entry]:
    """The elements of a JSON array file, each with the line it starts on."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        yield Entry(1, error="not UTF-8 text")
        return
    at = text.index("[") + 1
    while True:
        while at < len(text) and text[at] in " \t\r\n,":
            at += 1
        line = text.count("\n", 0, at) + 1
        if at >= len(text):
            yield Entry(line, error="not valid JSON (the array is not closed)")
            return
        if text[at] == "]":
            return
        end = _element_end(text, at)
        if end is None:
            yield Entry(line, error="not valid JSON (an element does not end)")
            return
        try:
            yield Entry(line, data=parse_record(text[at:end].encode("utf-8")))
        except BadRecord as exc:
            yield Entry(line, error=str(exc))
        at = end


def _element_end(text: str, start: int) -> int | None:
    """Where the array element starting at ``start`` ends (balanced brackets, strings skipped)."""
    depth = 0
    i = start
    string = _TEXT_STRING
    while i < len(text):
        ch = text[i]
        if ch == '"':
            found = string.match(text, i)
            if found is None:
                return None
            i = found.end()
            if depth == 0:
                return i
            continue
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            if depth == 0:
                return i
            depth -= 1
            if depth == 0:
                return i + 1
        elif ch == "," and depth == 0:
            return i
        i += 1
    return None


def _wide_text(head: bytes) -> bool:
    """True when a file starting with ``head`` is text in UTF-16 or UTF-32 (a spreadsheet's "Unicode text"):
    a byte-order mark of those, or a NUL in the first pair of bytes, which no UTF-8 JSON has."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return b"\x00" in head[:2]


def read_entries(path: Path) -> Iterator[Entry]:
    """Every playthrough of an export file (JSON lines, or a JSON array), parsed on its own. Raises OSError,
    or ValueError when the file as a whole can't be an export (not a regular file, too large)."""
    import stat

    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"{path}: is not a regular file")
    with open(path, "rb") as handle:
        head = handle.read(4096).lstrip()
        handle.seek(0)
        if _wide_text(head):
            raise ValueError(f"{path}: is UTF-16 or UTF-32 text, not UTF-8; save it as UTF-8 and import it again")
        if head.startswith(b"\xef\xbb\xbf"):
            head = head[3:].lstrip()
        if head.startswith(b"["):
            if info.st_size > MAX_ARRAY_FILE_BYTES:
                raise ValueError(
                    f"{path}: is {info.st_size:,} bytes; a .json array is read up to {MAX_ARRAY_FILE_BYTES:,} "
                    "(export as .jsonl to move more)"
                )
            yield from _array_entries(handle.read(MAX_ARRAY_FILE_BYTES + 1))
            return
        for number, raw in _lines(handle):
            if raw is None:
                yield Entry(number, error=f"the line is longer than {MAX_RECORD_BYTES:,} bytes")
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                yield Entry(number, data=parse_record(raw))
            except BadRecord as exc:
                yield Entry(number, error=str(exc))
