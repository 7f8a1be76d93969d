"""Writing the files the project makes: always atomically, never over something that is not a file.

Every file the game and its tools write — translations, maps, new scenarios, settings, saves, the learner
profile, reports, exports and spreadsheets — goes through :func:`write_atomic`: the data goes to a temporary
file in the target's own folder, is flushed and fsynced, and is then renamed over the target, so a full
disk, a kill or a crash leaves the old file whole. An existing target that is not a regular file (a folder,
``/dev/full``, a FIFO, ``/dev/stdout``) is refused, never replaced; a missing parent folder is an error unless
the caller asks for it to be made. :func:`write_output` also takes ``-`` for standard output.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO


class OutputError(Exception):
    """A file could not be written; the message says which and why, in words for the person who asked."""


def _refuse_odd_target(path: Path) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"{path}: cannot write there: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{path}: is a folder; give a file name inside it")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(
            f"{path}: is not a regular file (a device or a pipe); it is left alone (use - for the screen)"
        )


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, create_parents: bool = False) -> None:
    """Write ``data`` (text is UTF-8) to ``path`` atomically; raises :class:`OutputError` and leaves any old file
    whole when it can't. The file keeps the permissions of the one it replaces."""
    target = Path(path)
    _refuse_odd_target(target)
    folder = target.parent
    if not folder.is_dir():
        if not create_parents:
            raise OutputError(f"{target}: the folder {folder} does not exist")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{target}: cannot make the folder {folder}: {exc.strerror or exc}") from None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(
            f"{target}: cannot write the file: {exc.strerror or exc} (the old file, if any, is intact)"
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)


def write_output(target: str, data: str, *, create_parents: bool = False) -> None:
    """:func:`write_atomic`, or standard output when ``target`` is ``-``."""
    if target == "-":
        sys.stdout.write(data)
        sys.stdout.flush()
        return
    write_atomic(target, data, create_parents=create_parents)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders can't be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class StandardOutputError(OSError):
    """Writing to the standard output failed (a full disk behind ``> file``, ``/dev/full``, a closed stream): told
    apart from the failures of files so the command line can say which output it could not write. ``closed`` is
    True when there was no standard output at all (``>&-``)."""

    def __init__(self, code: int | None, strerror: str, closed: bool = False) -> None:
        super().__init__(code, strerror)
        self.closed = closed


class GuardedOutput:
    """The standard output as the commands see it: the same stream, whose write and flush failures (other than a
    reader that went away, ``BrokenPipeError``) are raised as :class:`StandardOutputError`. ``stream`` None is a
    standard output that was closed before the program started: every write fails, so no output is lost
    silently."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        #: the first failure, kept for callers that swallow the exception (argparse's ``--help``)
        self.failure: StandardOutputError | None = None

    def _failed(self, exc: OSError | None) -> StandardOutputError:
        if exc is None:
            failure = StandardOutputError(errno.EBADF, "it is closed", closed=True)
        else:
            failure = StandardOutputError(exc.errno, exc.strerror or str(exc))
        self.failure = self.failure or failure
        return failure

    def write(self, text: str) -> int:
        """Write ``text``; StandardOutputError when the stream can't take it."""
        if self.stream is None:
            raise self._failed(None)
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._failed(exc) from None

    def flush(self) -> None:
        """Flush the stream; StandardOutputError when it can't."""
        if self.stream is None:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._failed(exc) from None

    def isatty(self) -> bool:
        """True when the standard output is a terminal."""
        return self.stream is not None and self.stream.isatty()

    def __getattr__(self, name: str) -> Any:
        if self.stream is None:
            raise AttributeError(name)
        return getattr(self.stream, name)


class InputError(ValueError):
    """A file could not be read as what it should be; the message names the file and the reason."""


MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_JSON_DEPTH = 64


def read_json_file(
    path: str | os.PathLike[str], max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_JSON_DEPTH
) -> object:
    """JSON from a file the user or another program may have left in any state: only a regular file (never a
    FIFO that would block, nor ``/dev/zero`` that never ends), at most ``max_bytes``, UTF-8, nested at most
    ``max_depth`` deep. Raises :class:`InputError` (a ValueError) or OSError."""
    source = Path(path)
    info = source.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{source}: is not a regular file")
    if info.st_size > max_bytes:
        raise InputError(f"{source}: is {info.st_size:,} bytes; at most {max_bytes:,} are read")
    with open(source, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{source}: grew past {max_bytes:,} bytes while being read")
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{source}: is not UTF-8 text") from None
    except RecursionError:
        raise InputError(f"{source}: is nested too deeply") from None
    except ValueError as exc:
        raise InputError(f"{source}: is not valid JSON ({exc})") from None
    if _depth_exceeds(value, max_depth):
        raise InputError(f"{source}: is nested more than {max_depth} levels deep")
    return value


def _depth_exceeds(value: object, limit: int) -> bool:
    """True when lists and objects in ``value`` nest more than ``limit`` deep (walked without recursion)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False
