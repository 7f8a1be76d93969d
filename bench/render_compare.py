"""Compare every screen of scripted runs, pixel for pixel, between this tree and another (a check, not a test).

``python bench/render_compare.py --base DIR`` renders the same scripted spa-hotel runs (``sticky play
--screenshots``: title, picker, every scene before and after its choice, pause, settings, history, the
ending and every debrief page) with this tree and with the tree in ``DIR`` (e.g. ``git worktree add DIR
main`` or ``git archive main | tar -x -C DIR``), each in its own process with SDL's dummy drivers, at several
window sizes, both languages, the largest text size and high contrast, and reports every screen whose
pixels differ. Changes meant to alter nothing on screen (caching, memory) must report none.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHOICES = ",".join(["1"] * 16)
#: (window size, language, extra options)
RUNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("1280x720", "en", ()),
    ("2560x1440", "en", ()),
    ("1920x1080", "es", ()),
    ("960x540", "en", ("--text-size", "2")),
    ("960x540", "es", ("--text-size", "2")),
    ("1000x700", "en", ()),
    ("2560x1080", "es", ()),
    ("1280x720", "en", ("--high-contrast",)),
)


def render(tree: Path, out: Path, size: str, lang: str, extra: tuple[str, ...]) -> list[Path]:
    """The screenshots of one run with the code in ``tree``."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(tree))
    scenario = tree / "game" / "scenarios" / "spa-hotel.yaml"
    command = [sys.executable, "-m", "game", "play", str(scenario), "--choices", CHOICES, "--seed", "1"]
    command += ["--lang", lang, "--size", size, "--screenshots", str(out), *extra]
    subprocess.run(command, env=env, cwd=tree, check=False, capture_output=True)
    return sorted(out.glob("*.png"))


def pixels(path: Path) -> bytes:
    import pygame

    return pygame.image.tobytes(pygame.image.load(str(path)), "RGB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, type=Path, help="the other tree")
    parser.add_argument("--only", default="", help="comma-separated sizes to run (default: all)")
    args = parser.parse_args()
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    wanted = set(filter(None, args.only.split(",")))
    differ = compared = 0
    with tempfile.TemporaryDirectory(prefix="sticky-compare-") as name:
        tmp = Path(name)
        for index, (size, lang, extra) in enumerate(RUNS):
            if wanted and size not in wanted:
                continue
            label = f"{size} {lang} {' '.join(extra)}".strip()
            mine = render(ROOT, tmp / f"{index}-mine", size, lang, extra)
            theirs = render(args.base.resolve(), tmp / f"{index}-base", size, lang, extra)
            if [p.name for p in mine] != [p.name for p in theirs] or not mine:
                print(f"{label}: the runs showed different screens ({len(mine)} and {len(theirs)})")
                differ += 1
                continue
            bad = [a.name for a, b in zip(mine, theirs, strict=True) if pixels(a) != pixels(b)]
            compared += len(mine)
            differ += len(bad)
            print(f"{label}: {len(mine)} screens, {len(bad)} differ {' '.join(bad)}".rstrip(), flush=True)
    print(f"{compared} screens compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
