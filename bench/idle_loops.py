"""What a frame-by-frame idle loop costs in a real X window, by what it does per wake-up (a benchmark).

``python bench/idle_loops.py [--rounds 3] [--seconds 4] [--subsystems display|game]`` starts its own Xvfb
and, in alternating child processes, runs a bare pygame-ce window (1280×720) whose loop wakes 60 times a
second and does, per wake-up:

* ``sleep``: ``time.sleep(1/60)`` and nothing else (the cost of waking alone);
* ``get``: ``time.sleep(1/60)`` + ``pygame.event.get()`` (SDL's whole event pump: the game's frame wait
  before it polled the X connection);
* ``peek``: ``time.sleep(1/60)`` + ``pygame.event.peek(pump=False)`` (the queue only, no pump);
* ``poll``: ``poll`` on the X connection for up to 17 ms, and nothing else;
* ``pollpeek``: what the game's frame wait does on X11 (``game.ui.idle``): ``poll`` on the X connection,
  the whole pump when it is readable or every 15th wake-up, else a peek at the queue.

It prints each loop's CPU (all threads, ``/proc/PID/task/*/schedstat``) as a share of one core and its
wake-ups a second, min and median over the rounds. ``--subsystems game`` also opens what the game opens
(fonts, the game-controller subsystem), which makes SDL's pump look for new controllers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_window import idle, xvfb  # noqa: E402

LOOP = """
import ctypes, select, sys, time
import pygame
variant, subsystems = sys.argv[1], sys.argv[2]
pygame.display.init()
if subsystems == "game":
    pygame.font.init()
    from pygame._sdl2 import controller
    controller.init()
screen = pygame.display.set_mode((1280, 720))
screen.fill((244, 239, 230))
pygame.display.flip()
capsule = pygame.display.get_wm_info()["display"]
get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
get_pointer.argtypes, get_pointer.restype = [ctypes.py_object, ctypes.c_char_p], ctypes.c_void_p
number = ctypes.CDLL("libX11.so.6").XConnectionNumber
number.argtypes, number.restype = [ctypes.c_void_p], ctypes.c_int
listen = select.poll()
listen.register(number(get_pointer(capsule, b"display")), select.POLLIN)
print("ready", flush=True)
looks = 0
while True:
    looks += 1
    if variant == "sleep":
        time.sleep(1 / 60)
    elif variant == "get":
        time.sleep(1 / 60)
        pygame.event.get()
    elif variant == "peek":
        time.sleep(1 / 60)
        pygame.event.peek(pump=False)
    elif variant == "poll":
        listen.poll(17)
    elif variant == "pollpeek":
        if listen.poll(17) or looks % 15 == 0:
            pygame.event.get()
        elif pygame.event.peek(pump=False):
            pygame.event.get(pump=False)
"""
VARIANTS = ("sleep", "get", "peek", "poll", "pollpeek")


def measure(display: str, variant: str, subsystems: str, seconds: float) -> tuple[float, float]:
    env = dict(os.environ, DISPLAY=display, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("SDL_VIDEODRIVER", None)
    child = subprocess.Popen([sys.executable, "-c", LOOP, variant, subsystems], stdout=subprocess.PIPE, env=env)
    try:
        assert child.stdout is not None
        child.stdout.readline()
        time.sleep(1.0)
        return idle(child.pid, seconds)
    finally:
        child.kill()  # SDL catches SIGTERM and turns it into a quit event, which ``sleep`` never reads
        child.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--subsystems", choices=("display", "game"), default="display")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args()
    variants = [v for v in args.variants.split(",") if v in VARIANTS]
    results: dict[str, list[tuple[float, float]]] = {v: [] for v in variants}
    with xvfb() as display:
        for index in range(args.rounds):
            for variant in variants if index % 2 == 0 else variants[::-1]:
                results[variant].append(measure(display, variant, args.subsystems, args.seconds))
    print(f"load average {os.getloadavg()[0]:.1f}; subsystems: {args.subsystems}")
    for variant, runs in results.items():
        cpu = [r[0] for r in runs]
        woke = [r[1] for r in runs]
        print(
            f"   {variant:9} min {min(cpu):.2f} / median {statistics.median(cpu):.2f} % of a core, "
            f"median {statistics.median(woke):.0f} wake-ups/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
