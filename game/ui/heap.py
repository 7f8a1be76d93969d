"""Giving freed pictures back to the operating system (glibc's ``malloc``, on Linux).

glibc serves a large block with its own memory mapping, returned to the system when freed, but after the
first such block is freed it raises that threshold to the block's size (up to 32 MB): from then on,
window-sized surfaces (3.5 MB at 1280×720) come from the heap, where freed space between live blocks is
kept by the process. Over a playthrough that keeps several megabytes of dead pictures resident. Fixing the
threshold keeps every block of 256 KB or more in its own mapping, so memory follows what is alive.

Smaller blocks (rendered lines of text, shadow bands) still come from the heap, and the free space they
leave between live blocks stays resident; ``give_back`` returns those free pages to the system when the
screens have changed (glibc's ``malloc_trim``).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

_M_MMAP_THRESHOLD = -3
THRESHOLD = 64 * 1024


def return_large_blocks() -> bool:
    """Ask glibc to map every block of ``THRESHOLD`` bytes or more on its own; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, THRESHOLD))


_TRIM: list[Callable[[int], int] | None] = []


def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def give_back() -> bool:
    """Return the heap's free pages to the operating system (glibc); False where it cannot."""
    if not _TRIM:
        _TRIM.append(_malloc_trim())
    trim = _TRIM[0]
    return bool(trim(0)) if trim is not None else False
