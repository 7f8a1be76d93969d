"""Render the main screens again and replace the image snapshots in tests/ui/snapshots/.

Usage (from the repository root, after looking at what changed)::

    python tools/update_snapshots.py            # rewrite every snapshot
    python tools/update_snapshots.py --check    # only say which screens differ from their snapshot

The snapshot test (tests/ui/test_snapshots.py) never writes them: a layout change is accepted only by
running this command and committing the new pictures.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Update (or with ``--check`` compare) the snapshots; exit 1 when ``--check`` finds a change."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    args = parser.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    sys.path.insert(0, str(ROOT))
    import pygame

    from tests.ui import snapshot_screens as shots

    if not args.check:
        for path in shots.update():
            print(path.relative_to(ROOT))
        return 0
    changed = 0
    for name, surface in shots.render_all():
        path = shots.SNAPSHOTS / f"{name}.png"
        if not path.exists():
            print(f"{name}: no snapshot yet")
            changed += 1
            continue
        share = shots.difference(pygame.image.load(str(path)), surface)
        if share > shots.CHANGED_SHARE:
            print(f"{name}: {share:.2%} of the picture changed")
            changed += 1
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
