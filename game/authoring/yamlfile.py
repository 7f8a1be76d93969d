"""Reading a scenario file as text: bounded in size, and refused clearly when empty, binary or not UTF-8."""

from __future__ import annotations

import os
import stat

from game.authoring.diagnostics import DiagnosticBag, Pos

MAX_BYTES = 40 * 1024 * 1024


def read_text(path: str, bag: DiagnosticBag, display: str | None = None) -> str | None:
    """Read a scenario file as UTF-8 text, or record why it can't be and return None."""
    shown = display or path
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # /dev/zero or a FIFO (say, a symlink in a zip) never ends
            bag.add("S113", "cannot read the file: it is not a regular file", Pos(shown))
            return None
        size = info.st_size
        if size <= MAX_BYTES:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)  # bounded even if the file grows meanwhile
            size = max(size, len(data))
        if size > MAX_BYTES:
            bag.add(
                "S105",
                f"file is {size / 1_048_576:.1f} MB; scenario files may be at most {MAX_BYTES // 1_048_576} MB",
                Pos(shown),
            )
            return None
    except FileNotFoundError:
        bag.add("S113", "cannot read the file: there is no such file", Pos(shown), hint=_missing_hint(path))
        return None
    except OSError as exc:
        bag.add("S113", f"cannot read the file: {exc.strerror or exc}", Pos(shown))
        return None
    return decode_text(data, shown, bag)


def _missing_hint(path: str) -> str:
    """What to type instead: a shipped scenario is named by its id, anything else by its file's path."""
    from game.paths import shipped_ids

    return f"give a scenario file's path, or a shipped scenario's id: {', '.join(shipped_ids())}"


def decode_text(data: bytes, shown: str, bag: DiagnosticBag) -> str | None:
    """Decode bytes as UTF-8 scenario text, recording empty, binary and encoding problems."""
    if not data.strip():
        bag.add("S104", "the file is empty; a scenario needs at least id, title and scenes", Pos(shown))
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # before the NUL check: UTF-16 text is not binary
        bag.add("S102", "the file is UTF-16 text, not UTF-8", Pos(shown), hint="save the file as UTF-8 in your editor")
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        col = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        bag.add(
            "S103",
            "the file contains NUL bytes: it looks binary, not a YAML text file",
            Pos(shown, line, col),
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bag.add(
            "S102",
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
            Pos(shown, line, col),
            hint="save the file as UTF-8 in your editor",
        )
        return None
    return text[1:] if text.startswith("\ufeff") else text
