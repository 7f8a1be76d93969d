"""One game per data folder: a lock file held with an operating-system lock while a window is open.

The first window on a data folder holds ``game.lock`` there (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows). The operating system releases the lock when the process ends in any way, a crash or a kill included,
so a stale lock file never blocks anyone. A second window on the same folder finds the lock held: it runs
without autosave (the two would otherwise overwrite each other's save) and says so once.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

LOCK_NAME = "game.lock"


class DataFolderLock:
    """The lock of one data folder; ``acquire`` once, ``release`` when the window closes."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this process holds the lock."""
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting: False when another process holds it.

        True as well when the lock file can't be made at all (a read-only folder): nothing can be autosaved
        there anyway, and no other game can be told apart, so nobody is blocked for it.
        """
        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return True
        if not _try_lock(fd):
            os.close(fd)
            return False
        with contextlib.suppress(OSError):  # for a person looking at the folder: which process holds it
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd
        return True

    def release(self) -> None:
        """Let the lock go (closing the file releases it); nothing when not held."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.close(fd)


def _try_lock(fd: int) -> bool:
    """Lock ``fd`` exclusively without waiting; False when another process holds it."""
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True  # a file system without locks (some network shares): don't block the game for it
    return True
