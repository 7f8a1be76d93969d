"""Profile animating scene frames (typewriter, then gauges after a choice) at a window size (a benchmark
tool, not a test): ``python bench/profile_scene.py [--size 2560x1440] [--frames 240] [--out FILE]``.

Runs spa-hotel's first scene through ``App.pump`` (the loop's own step: update, draw, put on screen) under
cProfile with the current SDL video driver (``SDL_VIDEODRIVER=dummy`` for no window) and prints the top
functions by cumulative and own time, plus the mean and 99th percentile wall time of a frame.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPA = ROOT / "game" / "scenarios" / "spa-hotel.yaml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="2560x1440")
    parser.add_argument("--frames", type=int, default=240)
    parser.add_argument("--out", default="", help="also save the profile here (pstats format)")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))

    from game.ui import flow
    from game.ui.app import App
    from game.ui.playthrough import PRACTICE
    from game.ui.screens.scene import SceneScreen

    with tempfile.TemporaryDirectory(prefix="sticky-profile-") as data:
        app = App(data=data, lang="en", size=(w, h), records=False)
        app.player = ("", "")
        app.settings.typewriter = True
        flow.open_title(app)
        app.pump()
        assert flow.start(app, SPA, PRACTICE, seed=1)
        app.notice = None
        for _ in range(3):  # the first frames fill the caches (background, shadows): not animation
            app.pump(0.0)
        scene = app.top
        assert isinstance(scene, SceneScreen)
        times: list[float] = []
        profile = cProfile.Profile()

        def run(frames: int) -> None:
            for _ in range(frames):
                began = time.perf_counter()
                profile.enable()
                app.pump(1 / 60)
                profile.disable()
                times.append(time.perf_counter() - began)

        run(args.frames // 2)  # typing
        scene.finish_typing()
        app.pump(0.0)
        scene.choose(app.playthrough.session.shown_choices()[0].id)  # type: ignore[union-attr]
        app.pump(0.0)
        run(args.frames // 2)  # gauges moving on the outcome
        app.close()
    ms = sorted(t * 1000 for t in times)
    p99 = ms[min(len(ms) - 1, len(ms) * 99 // 100)]
    on_time = sum(t <= 1000 / 60 for t in ms) / len(ms)
    print(
        f"{len(ms)} frames at {w}x{h}: mean {statistics.mean(ms):.2f} ms, p50 {ms[len(ms) // 2]:.2f}, "
        f"p99 {p99:.2f}, within 16.7 ms {on_time:.1%}"
    )
    stats = pstats.Stats(profile)
    if args.out:
        stats.dump_stats(args.out)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
