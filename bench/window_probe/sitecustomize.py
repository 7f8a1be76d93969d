"""A probe that ``bench/bench_window.py`` puts on its children's ``PYTHONPATH`` (benchmarks only).

Python imports ``sitecustomize`` at start-up, before the program runs. This one changes nothing in the
program: when ``pygame.display`` is first imported it wraps ``pygame.display.flip``,
``pygame.display.update`` (a frame put on screen in parts) and ``pygame.time.Clock.tick`` to note the time
of each call, so the benchmark can tell, from outside, when the first frame reached the window and how long
each frame took; when ``game.ui.app`` is imported it wraps
``App.show`` to note which screen is on top, so the benchmark knows where its key presses have led.
Controlled by environment variables:

* ``STICKY_PROBE_LOG``: a file that receives one line per event: ``first T`` (``time.monotonic()`` at
  the end of the first flip); ``screen NAME TURNS WxH ANSWERED TYPING`` when the top screen, the number
  of choices made, the window size, whether a scene shows an outcome or whether it is typing changes;
  ``frames`` and a JSON list of [flip start, flip end, tick end, thread CPU at flip end, thread CPU at
  tick end] (``perf_counter`` and ``thread_time`` seconds) when sent SIGUSR1 or at exit;
* ``STICKY_PROBE_EXIT=first``: leave the process right after the first flip (start-up runs).
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import time
from typing import Any

_LOG = os.environ.get("STICKY_PROBE_LOG")
_EXIT_FIRST = os.environ.get("STICKY_PROBE_EXIT") == "first"
_FRAMES: list[list[float]] = []


def _write(line: str) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as out:
            out.write(line + "\n")


def _noted(real: Any) -> Any:
    """``real`` (``flip`` or ``update``: a frame put on screen, whole or in parts) noting each call."""

    def put(*args: Any) -> Any:
        began = time.perf_counter()
        result = real(*args)
        ended = time.perf_counter()
        if not _FRAMES:
            _write(f"first {time.monotonic()!r}")
            if _EXIT_FIRST:
                os._exit(0)
        _FRAMES.append([began, ended, 0.0, time.thread_time(), 0.0])
        return result

    return put


def _patch(display: Any) -> None:
    display.flip = _noted(display.flip)
    display.update = _noted(display.update)  # the game puts frames where only animations moved in parts
    import pygame.time

    real_clock = pygame.time.Clock

    class Clock:
        """``pygame.time.Clock`` noting when each ``tick`` returns."""

        def __init__(self) -> None:
            self._clock = real_clock()

        def tick(self, framerate: float = 0) -> int:
            result = self._clock.tick(framerate)
            if _FRAMES:
                _FRAMES[-1][2] = time.perf_counter()
                _FRAMES[-1][4] = time.thread_time()
            return result

        def __getattr__(self, name: str) -> Any:
            return getattr(self._clock, name)

    pygame.time.Clock = Clock  # type: ignore[misc]


def _patch_app(module: Any) -> None:
    real_show = module.App.show
    last: list[str] = [""]

    def show(self: Any) -> None:
        real_show(self)
        top = self.top
        turns = len(self.playthrough.session.history) if self.playthrough is not None else -1
        w, h = self.surface.get_size()
        answered = int(getattr(top, "outcome", None) is not None)
        typing = int(bool(getattr(top, "typing", False)))
        line = f"screen {getattr(top, 'name', '-')} {turns} {w}x{h} {answered} {typing}"
        if line != last[0]:
            last[0] = line
            _write(line)

    module.App.show = show


_PATCHES = {"pygame.display": _patch, "game.ui.app": _patch_app}


class _Loader:
    """A module loader that runs ``patch`` on the module once the real loader has executed it."""

    def __init__(self, real: Any, patch: Any) -> None:
        self.real, self.patch = real, patch

    def create_module(self, spec: Any) -> Any:
        return self.real.create_module(spec)

    def exec_module(self, module: Any) -> None:
        self.real.exec_module(module)
        self.patch(module)


class _Finder:
    """Wraps the loaders of the modules in ``_PATCHES`` so each is patched right after it loads."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        patch = _PATCHES.get(name)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _Loader(spec.loader, patch)
                return spec
        return None


def _dump(*_: Any) -> None:
    _write("frames " + json.dumps(_FRAMES))
    _FRAMES.clear()


if _LOG:
    import signal

    sys.meta_path.insert(0, _Finder())
    atexit.register(_dump)
    signal.signal(signal.SIGUSR1, _dump)
