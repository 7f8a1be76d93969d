"""Benchmark of the game in a real X window (Xvfb), through its real entry point (a benchmark, not a test).

Starts its own Xvfb (2560×1440, 24-bit), then measures, each against a bare pygame-ce window in the same
run, alternating the two:

1. **start-up**: from starting ``sticky`` (the console script, or ``python -m game``) to the end of the
   first flip of the title screen, against a fresh ``python -c`` doing ``import pygame; pygame.init();
   set_mode; fill; flip``, same window size;
2. **idle**: CPU time (all threads, from ``/proc/PID/task/*/schedstat``) and wake-ups (voluntary context
   switches of all threads, ``/proc/PID/task/*/status``) per second while the title, the scene and the
   debrief sit still, with the game's idle wait in the operating system ("os") and a frame at a time
   ("frame"); against a bare window sleeping in ``pygame.event.wait()``, and one that sleeps a frame at
   a time between ``pygame.event.get()`` calls (what the "frame" wait does, with nothing of the game's);
3. **peak RSS** (``VmHWM``) over a whole spa-hotel playthrough driven with ``xdotool`` key presses (start,
   every scene's text, choice and outcome, the ending, every debrief page), at 1280×720 and full screen
   at 2560×1440, against a bare window of each size;
4. **frame times while animating**: the interval between consecutive flips while the typewriter and the
   gauges move, and the work of each frame (from the end of the previous frame's wait to the end of its
   flip), against a bare ``fill + flip + clock.tick(60)`` loop.

``bench/window_probe/sitecustomize.py`` is put on the children's ``PYTHONPATH``: it notes the time of
every flip and the screen on top, and changes nothing else (the bare baseline loads it too).

Run: ``python bench/bench_window.py`` (``--runs N`` start-ups and idle rounds, default 7; ``--quick`` for
one short round of everything). Needs ``Xvfb`` and ``xdotool`` (Debian: ``apt-get install xvfb xdotool``).
It uses about one core for a few minutes; on a shared machine, expect its figures to move by 10–20 %.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "bench" / "window_probe"
SPA = ROOT / "game" / "scenarios" / "spa-hotel.yaml"
SCREEN = (2560, 1440)
SIZE = (1280, 720)
FRAME_MS = 1000 / 60

BARE_START = """
import pygame
pygame.init()
screen = pygame.display.set_mode(({w}, {h}))
screen.fill((244, 239, 230))
pygame.display.flip()
"""

BARE_IDLE = """
import pygame, sys
pygame.init()
screen = pygame.display.set_mode(({w}, {h}))
screen.fill((244, 239, 230))
pygame.display.flip()
print("ready", flush=True)
while True:
    event = pygame.event.wait()
    if event.type == pygame.QUIT:
        break
"""

BARE_FRAME_IDLE = """
import time, pygame
pygame.display.init()
screen = pygame.display.set_mode(({w}, {h}))
screen.fill((244, 239, 230))
pygame.display.flip()
print("ready", flush=True)
while not any(event.type == pygame.QUIT for event in pygame.event.get()):
    time.sleep(1 / 60)
"""

BARE_ANIMATE = """
import pygame
pygame.init()
screen = pygame.display.set_mode(({w}, {h}))
clock = pygame.time.Clock()
for frame in range({frames}):
    pygame.event.get()
    screen.fill((244, 239, 230 - frame % 60))
    pygame.display.flip()
    clock.tick(60)
"""


# -- the X server --------------------------------------------------------------------------------------
@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb for the run; yields its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    with os.fdopen(read, "rb") as pipe:
        while not number.endswith(b"\n"):
            chunk = pipe.read(1)
            if not chunk:
                raise SystemExit("Xvfb did not start")
            number += chunk
    try:
        yield f":{number.decode().strip()}"
    finally:
        server.terminate()
        server.wait(10)


# -- the processes under test ---------------------------------------------------------------------------
@dataclass
class Child:
    """A process under test and its probe log."""

    proc: subprocess.Popen[bytes]
    log: Path
    started: float
    env: dict[str, str]
    lines_seen: int = 0
    screens: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        try:
            text = self.log.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return text[: text.rfind("\n") + 1].splitlines()  # whole lines only: the probe may be writing one

    def first_frame(self, timeout: float = 30) -> float:
        """Seconds from start to the end of the first flip."""
        until = time.monotonic() + timeout
        while time.monotonic() < until:
            for line in self.lines():
                if line.startswith("first "):
                    return float(line.split()[1]) - self.started
            if self.proc.poll() is not None and not any(x.startswith("first ") for x in self.lines()):
                raise SystemExit(f"the process ended before its first frame: {self.proc.args}")
            time.sleep(0.005)
        raise SystemExit("no first frame")

    def screen(self) -> tuple[str, int, str, int, int]:
        """The last screen the probe saw: its name, the choices made so far, the window size, 1 when it is
        a scene showing the outcome of a choice, 1 while a scene's text is being typed."""
        last = [line for line in self.lines() if line.startswith("screen ")]
        if not last:
            return ("-", -1, "", 0, 0)
        _, name, turns, size, answered, typing = last[-1].split()
        return (name, int(turns), size, int(answered), int(typing))

    def wait_screen(
        self, name: str, turns: int | None = None, answered: int | None = None, timeout: float = 30
    ) -> None:
        """Wait until the screen ``name`` is on top (with that many choices made, showing an outcome or
        not) and not typing."""
        until = time.monotonic() + timeout
        while time.monotonic() < until:
            now, done, _, shown, typing = self.screen()
            if now == name and turns in (None, done) and answered in (None, shown) and not typing:
                return
            time.sleep(0.02)
        raise SystemExit(f"expected the {name} screen, the game shows {self.screen()}")

    def frames(self) -> list[list[float]]:
        """The probe's frame records (start, end of flip, end of tick), asked for with SIGUSR1."""
        import json
        import signal

        before = len(self.lines())
        self.proc.send_signal(signal.SIGUSR1)
        until = time.monotonic() + 10
        while time.monotonic() < until:
            for line in self.lines()[before:]:
                if line.startswith("frames "):
                    return list(json.loads(line[7:]))
            time.sleep(0.02)
        raise SystemExit("the probe did not answer")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def game_command() -> list[str]:
    """The real entry point: the ``sticky`` console script beside this Python, else ``python -m game``."""
    script = Path(sys.executable).with_name("sticky")
    return [str(script)] if script.exists() else [sys.executable, "-m", "game"]


def spawn(display: str, argv: list[str], tmp: Path, extra: dict[str, str] | None = None) -> Child:
    log = Path(tempfile.mktemp(prefix="probe-", suffix=".log", dir=tmp))
    env = dict(os.environ)
    for name in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    env.update(
        DISPLAY=display,
        SDL_AUDIODRIVER="dummy",  # no sound card here; the same for the bare window and the game
        PYTHONPATH=os.pathsep.join([str(PROBE), str(ROOT)]),
        STICKY_PROBE_LOG=str(log),
        # Compiled bytecode, as an installed package has (pip compiles it): kept out of the source tree.
        PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
    )
    env.update(extra or {})
    started = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return Child(proc, log, started, env)


def bare(display: str, tmp: Path, code: str, **fmt: int) -> Child:
    return spawn(display, [sys.executable, "-c", code.format(**fmt)], tmp)


# -- /proc ----------------------------------------------------------------------------------------------
def per_thread(pid: int) -> dict[str, tuple[int, int]]:
    """Each thread's CPU nanoseconds and voluntary context switches so far."""
    out: dict[str, tuple[int, int]] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError, ValueError, IndexError):
            cpu = int((task / "schedstat").read_text().split()[0])
            woke = next(
                int(line.split()[1])
                for line in (task / "status").read_text().splitlines()
                if line.startswith("voluntary_ctxt_switches:")
            )
            out[task.name] = (cpu, woke)
    return out


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def idle(pid: int, seconds: float) -> tuple[float, float]:
    """Per cent of a core and wake-ups per second over ``seconds``."""
    before = per_thread(pid)
    began = time.monotonic()
    time.sleep(seconds)
    after = per_thread(pid)
    wall = time.monotonic() - began
    # Threads that started meanwhile count from zero; a thread that ended is not seen (its last moments
    # are lost, which the steady idle this measures does not have).
    cpu = sum(c - before.get(t, (0, 0))[0] for t, (c, _) in after.items())
    woke = sum(w - before.get(t, (0, 0))[1] for t, (_, w) in after.items())
    return cpu / 1e9 / wall * 100, woke / wall


def keys(display: str, *names: str, pause: float = 0.25) -> None:
    """Press keys in the focused window, one at a time, like a person."""
    for name in names:
        subprocess.run(["xdotool", "key", name], env=dict(os.environ, DISPLAY=display), check=True)
        time.sleep(pause)


def press(display: str, key: str, done: Callable[[], bool], tries: int = 5) -> None:
    """Press ``key`` until ``done()`` (a key pressed while something still unfolds only completes it)."""
    for _ in range(tries):
        keys(display, key, pause=0)
        until = time.monotonic() + 8
        while time.monotonic() < until:
            if done():
                return
            time.sleep(0.02)
    raise SystemExit(f"pressing {key} {tries} times did not have its effect")


# -- the four measurements ------------------------------------------------------------------------------
def start_ups(display: str, tmp: Path, runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"bare": [], "game": []}
    bare(display, tmp, BARE_START, w=SIZE[0], h=SIZE[1]).proc.wait()  # untimed: compiles the bytecode
    spawn(display, [*game_command(), "--data", str(tmp / "warm")], tmp, {"STICKY_PROBE_EXIT": "first"}).proc.wait()
    for index in range(runs):
        for kind in ("bare", "game") if index % 2 == 0 else ("game", "bare"):
            if kind == "bare":
                child = bare(display, tmp, BARE_START, w=SIZE[0], h=SIZE[1])
                child.proc.wait()
            else:
                data = tmp / f"start-{index}"
                child = spawn(display, [*game_command(), "--data", str(data)], tmp, {"STICKY_PROBE_EXIT": "first"})
                child.proc.wait()
            out[kind].append(child.first_frame() * 1000)
    return out


@dataclass
class Play:
    """What one playthrough in the window measured."""

    peak_mb: float
    frames: list[list[float]]
    size: str


def _to_spa(display: str, child: Child) -> None:
    """From the title to spa-hotel's first scene, its text written out."""
    keys(display, "3")
    child.wait_screen("picker")
    keys(display, str(picker_number()), "Return")
    _past_who(display, child)
    child.wait_screen("scene")


def _past_who(display: str, child: Child, timeout: float = 30) -> None:
    """When "who is playing?" asks (records are kept, nobody said yet), play without a name (Esc, Enter)."""
    until = time.monotonic() + timeout
    while child.screen()[0] not in ("who", "scene") and time.monotonic() < until:
        time.sleep(0.02)
    if child.screen()[0] == "who":
        keys(display, "Escape", "Return")


def idle_round(display: str, tmp: Path, kind: str, seconds: float) -> dict[str, tuple[float, float]]:
    """Idle CPU % and wake-ups a second on the title, the picker and a scene, with one idle wait."""
    data = tmp / f"idle-{kind}-{time.monotonic_ns()}"
    child = spawn(display, [*game_command(), "--data", str(data)], tmp, {"STICKY_IDLE_WAIT": kind})
    settle = 3.5  # the audio device closes 3 s after the last sound (a key press plays one)
    out: dict[str, tuple[float, float]] = {}
    try:
        child.wait_screen("title")
        time.sleep(settle)  # the scenario list loads in the background meanwhile
        out["title"] = idle(child.proc.pid, seconds)
        keys(display, "3")
        child.wait_screen("picker")
        time.sleep(settle)
        out["picker"] = idle(child.proc.pid, seconds)
        keys(display, str(picker_number()), "Return")
        _past_who(display, child)
        child.wait_screen("scene")
        time.sleep(settle)
        out["scene"] = idle(child.proc.pid, seconds)
    finally:
        child.stop()
    return out


def playthrough(display: str, tmp: Path, fullscreen: bool) -> Play:
    """Play spa-hotel from the title to the last debrief page with key presses."""
    data = tmp / f"play-{fullscreen}-{time.monotonic_ns()}"
    child = spawn(display, [*game_command(), "--data", str(data)], tmp)
    try:
        child.wait_screen("title")
        if fullscreen:
            keys(display, "F11")
            until = time.monotonic() + 10
            while child.screen()[2] != f"{SCREEN[0]}x{SCREEN[1]}" and time.monotonic() < until:
                time.sleep(0.05)
        time.sleep(1.0)
        _to_spa(display, child)
        child.frames()  # forget the frames so far: from here on, the scene screens
        # Driven by what the screen shows, not by counting: under load a key can repeat (pygame repeats a
        # key whose release it has not yet seen), which makes a choice or continues once more.
        until = time.monotonic() + 600
        while time.monotonic() < until:
            name, turns, _, answered, typing = child.screen()
            if name != "scene":
                break
            if typing:
                time.sleep(0.05)  # the typewriter writes the scene (animating frames)
            elif not answered:
                press(display, "1", lambda t=turns: child.screen()[0] != "scene" or child.screen()[1] > t)
            else:
                time.sleep(1.5)  # the gauges move to the new values
                press(display, "Return", lambda: child.screen()[0] != "scene" or child.screen()[3] == 0)
        frames = child.frames()
        child.wait_screen("ending")
        time.sleep(1.5)
        keys(display, "Return")
        child.wait_screen("debrief")
        keys(display, *["Right"] * 4, pause=0.6)
        time.sleep(0.5)
        peak = peak_rss_mb(child.proc.pid)
        size = child.screen()[2]
    finally:
        child.stop()
    return Play(peak, frames, size)


def picker_number() -> int:
    """spa-hotel's number in the picker: the shipped scenarios in file order."""
    shipped = sorted(p for p in SPA.parent.glob("*.yaml") if len(p.name.split(".")) < 3)
    return shipped.index(SPA) + 1


def bare_window(
    display: str, tmp: Path, size: tuple[int, int], idle_seconds: float, code: str = BARE_IDLE
) -> tuple[float, float, float]:
    """A bare window's peak RSS and its idle CPU % and wake-ups per second in ``pygame.event.wait()`` (or
    ``BARE_FRAME_IDLE``: a look at the queue a frame at a time, as the game's "frame" wait does)."""
    child = bare(display, tmp, code, w=size[0], h=size[1])
    try:
        assert child.proc.stdout is not None
        child.proc.stdout.readline()
        time.sleep(0.5)
        cpu, woke = idle(child.proc.pid, idle_seconds)
        return peak_rss_mb(child.proc.pid), cpu, woke
    finally:
        child.stop()


def bare_frames(display: str, tmp: Path, frames: int) -> list[list[float]]:
    child = bare(display, tmp, BARE_ANIMATE, w=SIZE[0], h=SIZE[1], frames=frames)
    child.proc.wait()
    import json

    line = next(x for x in child.lines() if x.startswith("frames "))
    return list(json.loads(line[7:]))


def frame_stats(records: list[list[float]]) -> dict[str, float]:
    """Intervals between consecutive animated flips and the work of each animated frame, in ms."""
    intervals, work, cpu = [], [], []
    for before, after in zip(records, records[1:], strict=False):
        if before[2] <= 0:  # the frame before was not followed by a tick: the loop then waited for input
            continue
        intervals.append((after[1] - before[1]) * 1000)
        work.append((after[1] - before[2]) * 1000)
        cpu.append((after[3] - before[4]) * 1000)
    if not intervals:
        return {"n": 0}
    intervals.sort()
    work.sort()
    cpu.sort()

    def pct(values: list[float], q: float) -> float:
        return values[min(len(values) - 1, int(len(values) * q))]

    return {
        "n": len(intervals),
        "on_time": sum(1 for x in intervals if x <= FRAME_MS) / len(intervals) * 100,
        "on_time_work": sum(1 for x in work if x <= FRAME_MS) / len(work) * 100,
        "p50": pct(intervals, 0.5),
        "p99": pct(intervals, 0.99),
        "max": intervals[-1],
        "work_p99": pct(work, 0.99),
        "work_max": work[-1],
        "on_time_cpu": sum(1 for x in cpu if x <= FRAME_MS) / len(cpu) * 100,
        "cpu_p50": pct(cpu, 0.5),
        "cpu_p99": pct(cpu, 0.99),
    }


def summary(values: list[float], unit: str, digits: int = 0) -> str:
    return f"min {min(values):.{digits}f} / median {statistics.median(values):.{digits}f} {unit}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="start-ups (each) and idle rounds (each wait)")
    parser.add_argument("--plays", type=int, default=3, help="whole playthroughs at each window size")
    parser.add_argument("--idle-seconds", type=float, default=4.0, help="length of each idle measurement")
    parser.add_argument("--quick", action="store_true", help="one short round of everything")
    parser.add_argument("--skip", default="", help="comma-separated parts to leave out: start,idle,play")
    opts = parser.parse_args()
    if opts.quick:
        opts.runs, opts.plays, opts.idle_seconds = 1, 1, 2.0
    skip = set(filter(None, opts.skip.split(",")))
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (Debian: apt-get install xvfb xdotool)")
    print(
        f"CPython {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPU(s), "
        f"load average {os.getloadavg()[0]:.1f}; entry point: {' '.join(game_command())}"
    )
    with tempfile.TemporaryDirectory() as name, xvfb() as display:
        tmp = Path(name)
        if "start" not in skip:
            starts = start_ups(display, tmp, opts.runs)
            ratio = [g / b for g, b in zip(starts["game"], starts["bare"], strict=True)]
            print("\n1. start-up to the first frame (ms), 1280x720:")
            print(f"   bare pygame-ce init + set_mode + flip: {summary(starts['bare'], 'ms')}")
            print(f"   sticky -> title, interactive:          {summary(starts['game'], 'ms')}")
            print(
                f"   ratio: min/min {min(starts['game']) / min(starts['bare']):.2f}x, "
                f"median/median {statistics.median(starts['game']) / statistics.median(starts['bare']):.2f}x "
                f"(per pair: {summary(ratio, 'x', 2)})"
            )
        if "idle" not in skip:
            bare_idle = [bare_window(display, tmp, SIZE, opts.idle_seconds) for _ in range(opts.runs)]
            bare_frame: list[tuple[float, float, float]] = []
            rounds: dict[str, list[dict[str, tuple[float, float]]]] = {"os": [], "frame": []}
            for index in range(opts.runs):
                for kind in ("os", "frame") if index % 2 == 0 else ("frame", "os"):
                    rounds[kind].append(idle_round(display, tmp, kind, opts.idle_seconds))
                    if kind == "frame":  # the same wait in a bare window, right after
                        bare_frame.append(bare_window(display, tmp, SIZE, opts.idle_seconds, BARE_FRAME_IDLE))
            print(
                f"\n2. idle ({opts.idle_seconds:g} s a screen, nothing moving, {opts.runs} rounds): "
                "% of one core, wake-ups a second (all threads)"
            )
            print(
                f"   bare window in pygame.event.wait():  {summary([b[1] for b in bare_idle], '%', 2)}, "
                f"{summary([b[2] for b in bare_idle], '/s')}"
            )
            print(
                f"   bare window, sleep 1/60 + event.get: {summary([b[1] for b in bare_frame], '%', 2)}, "
                f"{summary([b[2] for b in bare_frame], '/s')}"
            )
            for kind, runs in rounds.items():
                for screen in ("title", "picker", "scene"):
                    cpu = [r[screen][0] for r in runs]
                    woke = [r[screen][1] for r in runs]
                    print(
                        f"   game, {kind:5} wait, {screen:7}: {summary(cpu, '%', 2)}, {summary(woke, '/s')}"
                        f"  (max {max(cpu):.2f} %, {max(woke):.0f}/s)"
                    )
        if "play" in skip:
            return 0
        bare_small = [bare_window(display, tmp, SIZE, 0.5) for _ in range(opts.plays)]
        bare_big = [bare_window(display, tmp, SCREEN, 0.5) for _ in range(opts.plays)]
        small: list[Play] = []
        big: list[Play] = []
        for _ in range(opts.plays):
            small.append(playthrough(display, tmp, False))
            big.append(playthrough(display, tmp, True))
        small_peaks = [p.peak_mb for p in small]
        big_peaks = [p.peak_mb for p in big]
        print(f"\n3. peak RSS over a whole spa-hotel playthrough ({opts.plays} of each, MB):")
        print(f"   bare window 1280x720:            {summary([b[0] for b in bare_small], 'MB')}")
        print(f"   game 1280x720:                   {summary(small_peaks, 'MB')}")
        extra = statistics.median(small_peaks) - statistics.median(b[0] for b in bare_small)
        print(f"   game - bare, 1280x720:           {extra:.0f} MB (medians)")
        print(f"   bare window 2560x1440:           {summary([b[0] for b in bare_big], 'MB')}")
        print(f"   game full screen {big[0].size}:  {summary(big_peaks, 'MB')}")
        grow_game = statistics.median(big_peaks) - statistics.median(small_peaks)
        grow_bare = statistics.median(b[0] for b in bare_big) - statistics.median(b[0] for b in bare_small)
        layer = (SCREEN[0] * SCREEN[1] - SIZE[0] * SIZE[1]) * 4 / 2**20
        print(
            f"   growth 1280x720 -> 2560x1440: game {grow_game:.0f} MB, bare {grow_bare:.0f} MB; the game's own "
            f"{grow_game - grow_bare:.0f} MB = {(grow_game - grow_bare) / layer:.1f} x the extra pixels of one "
            f"window layer ({layer:.1f} MB at 4 bytes a pixel)"
        )
        print("\n4. frames while animating (scene screens: typewriter, gauges):")
        base = frame_stats(bare_frames(display, tmp, 300))
        for label, stats in (
            ("bare fill + flip + tick(60)", base),
            ("game 1280x720", frame_stats([f for p in small for f in p.frames])),
            ("game 2560x1440", frame_stats([f for p in big for f in p.frames])),
        ):
            print(
                f"   {label:28}: {stats['n']:.0f} frames, {stats['on_time']:.1f} % of intervals <= 16.7 ms "
                f"(p50 {stats['p50']:.1f}, p99 {stats['p99']:.1f}, max {stats['max']:.1f} ms); "
                f"work {stats['on_time_work']:.1f} % <= 16.7 ms (p99 {stats['work_p99']:.1f}, "
                f"max {stats['work_max']:.1f} ms); main thread CPU {stats['on_time_cpu']:.1f} % <= 16.7 ms "
                f"(p50 {stats['cpu_p50']:.1f}, p99 {stats['cpu_p99']:.1f} ms)"
            )
        print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
