"""Waiting for the next event while nothing on screen moves, without waking the processor for nothing.

pygame-ce's ``event.wait(timeout)`` looks at the event queue every millisecond: about 1,000 wake-ups a
second, 3 % of a core on an idle title screen. SDL itself can sleep in the operating system until an
event arrives (``SDL_WaitEventTimeout``, on X11, Wayland, Windows and macOS since SDL 2.0.16), and it
wakes that sleep when another thread posts an event (pygame's key repeat and timers do). pygame-ce does
not offer it, so :class:`IdleWait` calls it through ``ctypes`` on the SDL library pygame-ce has already
loaded ("os" wait).

Where that library is not found, or SDL would itself poll (a video driver without its own wait, such as
the dummy driver; or a joystick is open: SDL then looks at it every millisecond), the wait wakes once a
frame ("frame" wait): at most 60 wake-ups a second, and input is still answered within one frame at 60 Hz.
On X11 it sleeps in ``poll`` on the connection to the X server for up to a frame (a key or a window event
wakes it at once), and when the server sent nothing it only looks at the queue other threads post to
(pygame's key repeat and timers) instead of running SDL's whole event pump, which reads the X connection
several times and checks for new controllers; the whole pump still runs every quarter of a second (for a
controller plugged in, or SDL's own signal handlers' quit), and every frame while a joystick is open.
Elsewhere (the dummy driver of tests) it sleeps a frame and pumps.
``STICKY_IDLE_WAIT=frame`` (or ``os``) in the environment chooses one, for measuring both.
"""

from __future__ import annotations

import ctypes
import math
import os
import select
import stat
import sys
import time
from pathlib import Path

import pygame

FRAME_SECONDS = 1 / 60
#: In the frame wait on X11, SDL's whole event pump runs every this many frames even when nothing came.
PUMP_EVERY = 15
_SDL_INIT_VIDEO = 0x20
#: SDL video drivers whose ``WaitEventTimeout`` sleeps in the operating system; with any other (the
#: dummy and offscreen drivers of tests and screenshots) SDL's own wait polls every millisecond.
OS_WAIT_DRIVERS = frozenset({"x11", "wayland", "windows", "cocoa"})


def _candidates() -> list[Path]:
    """Files that may be the SDL 2 library pygame-ce uses: the one mapped into this process (Linux),
    then the copies pygame-ce's wheels carry beside the package (Windows, macOS)."""
    found: list[Path] = []
    maps = Path("/proc/self/maps")
    if maps.exists():
        try:
            for line in maps.read_text(encoding="utf-8", errors="replace").splitlines():
                name = line.rsplit("/", 1)[-1]
                if "/" in line and name.startswith("libSDL2") and not name.startswith("libSDL2_") and ".so" in name:
                    path = Path("/" + line.split("/", 1)[1].strip())
                    if path not in found:
                        found.append(path)
        except OSError:
            pass
    package = Path(pygame.__file__).parent
    found += [package / "SDL2.dll", *sorted(package.glob(".dylibs/libSDL2-2*.dylib"))]
    return found


def _load_sdl() -> ctypes.CDLL | None:
    """The SDL library this process's pygame-ce runs on, or None when it cannot be told for sure."""
    for path in _candidates():
        if not path.exists():
            continue
        try:
            library = ctypes.CDLL(str(path))
            was_init = library.SDL_WasInit
            wait = library.SDL_WaitEventTimeout
        except (OSError, AttributeError):
            continue
        was_init.argtypes, was_init.restype = [ctypes.c_uint32], ctypes.c_uint32
        # The same copy as pygame's has its video subsystem running; another copy would not.
        if not was_init(_SDL_INIT_VIDEO) & _SDL_INIT_VIDEO:
            continue
        wait.argtypes, wait.restype = [ctypes.c_void_p, ctypes.c_int], ctypes.c_int
        return library
    return None


def _x_connection() -> int | None:
    """The file descriptor of the window's connection to the X server, or None (not X11, not found).

    pygame-ce gives the X display (``get_wm_info``); libX11, which SDL has loaded, tells its connection."""
    try:
        if pygame.display.get_driver() != "x11":
            return None
        capsule = pygame.display.get_wm_info().get("display")
    except pygame.error:
        return None
    if capsule is None:
        return None
    get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
    get_pointer.argtypes, get_pointer.restype = [ctypes.py_object, ctypes.c_char_p], ctypes.c_void_p
    for name in ("libX11.so.6", "libX11.so"):
        try:
            number = ctypes.CDLL(name).XConnectionNumber
            pointer = get_pointer(capsule, b"display")
        except (OSError, AttributeError, ValueError):
            continue
        number.argtypes, number.restype = [ctypes.c_void_p], ctypes.c_int
        fd = int(number(pointer)) if pointer else -1
        try:
            return fd if fd >= 0 and stat.S_ISSOCK(os.fstat(fd).st_mode) else None
        except OSError:
            return None
    return None


def _joystick_open() -> bool:
    try:
        return bool(pygame.joystick.get_init() and pygame.joystick.get_count() > 0)
    except pygame.error:
        return False


class IdleWait:
    """Blocks until an event arrives or a timeout passes, and returns the events queued by then.

    Create it after the window is open (the video subsystem must be running to recognise SDL).
    ``kind`` says which wait it uses: "os" (SDL sleeps in the operating system) or "frame".
    ``wakeups`` counts the times it woke up, for tests and benchmarks.
    """

    def __init__(self, kind: str | None = None) -> None:
        wanted = kind or os.environ.get("STICKY_IDLE_WAIT", "")
        try:
            driver = pygame.display.get_driver()
        except pygame.error:
            driver = ""
        self._sdl = _load_sdl() if wanted != "frame" and driver in OS_WAIT_DRIVERS else None
        self.kind = "os" if self._sdl is not None else "frame"
        if wanted == "os" and self._sdl is None:
            print("sticky: SDL's own wait is not available here; waiting a frame at a time", file=sys.stderr)
        self._listen: select.poll | None = None
        connection = _x_connection() if self.kind == "frame" and hasattr(select, "poll") else None
        if connection is not None:
            self._listen = select.poll()
            self._listen.register(connection, select.POLLIN)
        self.wakeups = 0
        #: the longest the frame wait slept between two looks at the queue, in seconds
        self.longest_nap = 0.0

    def wait(self, timeout_ms: int) -> list[pygame.event.Event]:
        """The queued events, after waiting up to ``timeout_ms`` milliseconds for the first one."""
        events = pygame.event.get()
        if events or timeout_ms <= 0:
            return events
        joystick = _joystick_open()
        if self._sdl is not None and not joystick:
            return self._wait_os(timeout_ms)
        return self._wait_frames(timeout_ms, None if joystick else self._listen)

    def _wait_os(self, timeout_ms: int) -> list[pygame.event.Event]:
        assert self._sdl is not None
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            woke = self._sdl.SDL_WaitEventTimeout(None, max(1, timeout_ms))
            self.wakeups += 1
            events = pygame.event.get()
            left = deadline - time.monotonic()
            if events or not woke or left <= 0:
                return events
            # SDL saw an event that pygame keeps to itself: never spin on it, wait a frame instead.
            time.sleep(min(FRAME_SECONDS, left))
            timeout_ms = int(left * 1000)

    def _wait_frames(self, timeout_ms: int, listen: select.poll | None) -> list[pygame.event.Event]:
        deadline = time.monotonic() + timeout_ms / 1000
        looks = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return []
            nap = min(FRAME_SECONDS, left)
            self.longest_nap = max(self.longest_nap, nap)
            looks += 1
            if listen is None:
                time.sleep(nap)
                self.wakeups += 1
                events = pygame.event.get()
            else:
                # ``wait`` began with a whole pump, which left nothing unread in Xlib; nothing else reads
                # the connection until this returns, so what the server sends next makes it readable.
                heard = listen.poll(math.ceil(nap * 1000))
                self.wakeups += 1
                if heard or looks % PUMP_EVERY == 0:
                    events = pygame.event.get()
                elif pygame.event.peek(pump=False):  # posted by another thread: key repeat, a timer
                    events = pygame.event.get(pump=False)
                else:
                    continue
            if events:
                return events
