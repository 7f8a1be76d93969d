"""Giving freed pictures back to the operating system (glibc's ``malloc``, on Linux).

glibc serves a large block with its own memory mapping, returned to the system when freed, but after the
first such block is freed it raises that threshold to the block's size (up to 32 MB): from then on,
window-sized surfaces (3.5 MB at 1280×720) come from the heap, where freed space between live blocks is
kept by the process. Over a playthrough that keeps several megabytes of dead pictures resident. Fixing the
threshold keeps every block of 256 KB or more in its own mapping, so memory follows what is alive.
"""

from __future__ import annotations

import sys

_M_MMAP_THRESHOLD = -3
THRESHOLD = 256 * 1024


def return_large_blocks() -> bool:
    """Ask glibc to map every block of ``THRESHOLD`` bytes or more on its own; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, THRESHOLD))
