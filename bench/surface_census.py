"""Which surfaces the game holds, by owner, over a whole spa-hotel playthrough (a benchmark tool, not a test).

``python bench/surface_census.py [--sizes 1280x720,2560x1440] [--driver dummy]`` plays spa-hotel from the
title to the last debrief page at each window size, each in a fresh process, with the same key presses as
``bench/bench_window.py`` (typewriter on, every scene's text, choice 1 and its outcome, the ending, every
debrief page), driving the real loop step (``App.pump``). After every step it counts every live
``pygame.Surface`` (found through the objects that refer to them) by owner: each cache of ``game.ui.cache``,
the scene's background, the rounded banner, icons, the window itself, and "other" (named by the type that
holds it); and it notes the process's resident memory (``VmRSS``) and where its peak (``VmHWM``) rose.

It prints, for each size, the census at the moment the surfaces held were largest and at the end, where the
resident peak rose, and then the growth from the first size to the second by owner, in MB and in extra
window pixels (one layer: width × height × 4 bytes).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SPA = ROOT / "game" / "scenarios" / "spa-hotel.yaml"
MB = 2**20


def _status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def census(app: object) -> dict[str, tuple[int, int]]:
    """Every live surface's bytes and count, by owner."""
    import pygame

    from game.ui import assets, cache, draw, text

    named: dict[int, str] = {}
    caches: dict[str, cache.SurfaceCache[Any]] = {
        "decoded pictures (assets._IMAGES)": assets._IMAGES,
        "scaled pictures (assets._SCALED)": assets._SCALED,
        "shadow bands (draw._SHADOWS)": draw._SHADOWS,
        "gradients (draw._GRADIENTS)": draw._GRADIENTS,
        "rendered text (text._RENDER_CACHE)": text._RENDER_CACHE,
    }
    for label, kept in caches.items():
        for surface in kept._items.values():
            named.setdefault(id(surface), label)
    for other in cache._ALL:
        if other not in caches.values():
            for surface in other._items.values():
                named.setdefault(id(surface), f"cache made in {type(other).__module__}")
    for entry in draw._ROUNDED:
        named.setdefault(id(entry[2]), "rounded banner (draw._ROUNDED)")
    for icon in assets._ICONS.values():
        if icon is not None:
            named.setdefault(id(icon), "icons (assets._ICONS)")
    window = pygame.display.get_surface()
    if window is not None:
        named[id(window)] = "the window"
    for screen in getattr(app, "stack", []):
        bg = getattr(screen, "_bg", None)
        if bg is not None:
            named.setdefault(id(bg[1]), f"{screen.name} screen's own background (_bg)")
    seen: dict[int, pygame.Surface] = {}
    owner: dict[int, str] = {}
    for holder in gc.get_objects():
        for ref in gc.get_referents(holder):
            if isinstance(ref, pygame.Surface) and id(ref) not in seen:
                seen[id(ref)] = ref
                owner[id(ref)] = type(holder).__name__
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, surface in seen.items():
        label = named.get(key) or f"other (held by a {owner[key]})"
        parent = surface.get_parent()
        size = 0 if parent is not None else surface.get_pitch() * surface.get_height()
        out[label][0] += size
        out[label][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def play(size: tuple[int, int]) -> dict[str, object]:
    """One playthrough at ``size``: the census at its largest and at the end, and where the RSS peak rose."""
    import pygame

    from game.ui import flow
    from game.ui.app import App

    steps: list[dict[str, Any]] = []
    rises: list[tuple[str, float]] = []
    trace: list[tuple[str, float, float, float]] = []
    hwm = [0.0]
    with tempfile.TemporaryDirectory(prefix="sticky-census-") as data:
        app = App(data=data, lang="en", size=size, records=False)
        app.player = ("", "")
        app.settings.typewriter = True
        flow.open_title(app)

        def where() -> str:
            top = app.top
            name = top.name if top is not None else "-"
            if name == "scene":
                name += " outcome" if getattr(top, "outcome", None) is not None else " choosing"
                turns = len(app.playthrough.session.history) if app.playthrough is not None else -1
                name += f" #{turns}"
            return name

        def step(note: str) -> None:
            app.pump(1 / 60)
            now = _status("VmHWM")
            if now > hwm[0] + 0.05:
                rises.append((f"{where()} ({note})", now))
                hwm[0] = now
            found = census(app)
            rss = _status("VmRSS")
            steps.append({"where": where(), "note": note, "census": found, "rss": rss})
            held = sum(b for b, _ in found.values()) / MB
            if not trace or trace[-1][0] != f"{where()} ({note})":
                trace.append((f"{where()} ({note})", rss, now, held))

        def key(k: int, note: str) -> None:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode="", scancode=0))
            step(note)

        def settle(note: str, frames: int = 120) -> None:
            for _ in range(frames):
                step(note)

        step("title")
        settle("title", 10)
        app.catalogue.load_async()
        if app.catalogue._thread is not None:
            app.catalogue._thread.join()
        key(pygame.K_3, "to picker")
        settle("picker", 10)
        shipped = sorted(p for p in SPA.parent.glob("*.yaml") if len(p.name.split(".")) < 3)
        key(pygame.K_0 + shipped.index(SPA) + 1, "pick spa")
        key(pygame.K_RETURN, "start")
        settle("start", 10)
        for _ in range(60):
            top = app.top
            if top is None or top.name != "scene":
                break
            if getattr(top, "outcome", None) is None:
                while getattr(top, "typing", False):
                    step("typing")
                settle("text written", 5)
                key(pygame.K_1, "choice 1")
            else:
                settle("gauges", 60)
                key(pygame.K_RETURN, "continue")
        settle("ending", 60)
        key(pygame.K_RETURN, "to debrief")
        settle("debrief", 30)
        for _ in range(4):
            key(pygame.K_RIGHT, "debrief page")
            settle("debrief page", 20)
        app.close()
    largest = max(steps, key=lambda s: sum(b for b, _ in s["census"].values()))
    return {
        "size": f"{size[0]}x{size[1]}",
        "largest": largest,
        "end": steps[-1],
        "rises": rises,
        "trace": trace,
        "peak": _status("VmHWM"),
    }


def _table(census_: dict[str, list[int]], layer: int) -> list[str]:
    rows = sorted(census_.items(), key=lambda kv: -kv[1][0])
    lines = [f"      {'owner':58} {'MB':>7} {'layers':>7} {'count':>6}"]
    for label, (size, count) in rows:
        lines.append(f"      {label:58} {size / MB:7.2f} {size / layer:7.2f} {count:6d}")
    total = sum(v[0] for v in census_.values())
    lines.append(f"      {'total':58} {total / MB:7.2f} {total / layer:7.2f}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1280x720,2560x1440")
    parser.add_argument("--driver", default="dummy", help="SDL_VIDEODRIVER for the children (dummy or x11)")
    parser.add_argument(
        "--trace", action="store_true", help="also print RSS, its peak and the surfaces held at every step"
    )
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        w, h = (int(v) for v in args.child.split("x"))
        print(json.dumps(play((w, h))))
        return 0
    results = []
    for size in args.sizes.split(","):
        env = dict(os.environ, SDL_VIDEODRIVER=args.driver, SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT))
        done = subprocess.run(
            [sys.executable, __file__, "--child", size], env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    for result in results:
        w, h = (int(v) for v in str(result["size"]).split("x"))
        layer = w * h * 4
        print(f"\n{result['size']} (one layer {layer / MB:.1f} MB), peak RSS {result['peak']:.1f} MB")
        for moment in ("largest", "end"):
            at = result[moment]
            print(f"   surfaces held, {moment}: {at['where']} ({at['note']}), RSS then {at['rss']:.1f} MB")
            print("\n".join(_table(at["census"], layer)))
        if args.trace:
            for label, rss, peak, held in result["trace"]:
                print(f"      {label:40} RSS {rss:6.1f}  peak {peak:6.1f}  surfaces {held:6.1f} MB")
        print(
            "   where the resident peak rose (last 8): "
            + "; ".join(f"{w_} {mb:.1f}" for w_, mb in result["rises"][-8:])
        )
    if len(results) >= 2:
        a, b = results[0], results[1]
        (aw, ah), (bw, bh) = ((int(v) for v in str(r["size"]).split("x")) for r in (a, b))
        extra = (bw * bh - aw * ah) * 4
        print(f"\ngrowth {a['size']} -> {b['size']} (extra pixels of one layer: {extra / MB:.1f} MB)")
        print(f"   peak RSS: {b['peak'] - a['peak']:+.1f} MB = {(b['peak'] - a['peak']) * MB / extra:.2f} x")
        for moment in ("largest", "end"):
            ca, cb = a[moment]["census"], b[moment]["census"]
            print(f"   surfaces held, {moment}:")
            for label in sorted(set(ca) | set(cb), key=lambda k: -(cb.get(k, [0])[0] - ca.get(k, [0])[0])):
                grow = cb.get(label, [0])[0] - ca.get(label, [0])[0]
                if abs(grow) >= 0.05 * MB:
                    print(f"      {label:58} {grow / MB:+7.2f} MB = {grow / extra:+.2f} x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
