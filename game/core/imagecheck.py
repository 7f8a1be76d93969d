"""May this image file be decoded? Missing, unreadable or too large for the game's pixel budget, or fine.

The window calls ``check_image`` before ``pygame.image.load`` and shows its placeholder for anything that is
not fine; `sticky check` can call it for every ``portrait`` and place ``image`` a scenario names.

The budget: at most ``MAX_SIDE`` = 8192 pixels a side and ``MAX_PIXELS`` = 4096 × 4096 = 16,777,216
pixels (16 megapixels). Decoded at 4 bytes a pixel that is 64 MiB, and the window keeps a converted copy
too. The game draws pictures at most full-screen: a 4K screen is 3840 × 2160 = 8.3 megapixels, so the
budget leaves twice that, and admits a 12-megapixel phone photo (4032 × 3024), while a claimed
100000 × 100000 (40 GB to decode) is refused before a byte of it is decoded. Shipped art is 1280 × 720
backgrounds and 512 × 512 portraits.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import Literal

from game.core.imageheader import ImageHeaderError, ImageInfo, read_image_header

MAX_SIDE = 8192
MAX_PIXELS = 4096 * 4096

Verdict = Literal["ok", "missing", "unreadable", "too-large"]


@dataclass(frozen=True)
class ImageCheck:
    """The verdict on one image file; ``problem`` says why it may not be decoded (empty when ``ok``)."""

    verdict: Verdict
    problem: str = ""
    info: ImageInfo | None = None

    @property
    def ok(self) -> bool:
        """True when the image may be decoded."""
        return self.verdict == "ok"


def check_image(path: str | os.PathLike[str], max_pixels: int = MAX_PIXELS, max_side: int = MAX_SIDE) -> ImageCheck:
    """Inspect the image at ``path`` from its header only: never decodes it, never blocks on a pipe."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return ImageCheck("missing", "the file does not exist")
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        return ImageCheck("unreadable", f"it cannot be read ({_reason(exc)})")
    if not stat.S_ISREG(mode):
        return ImageCheck("unreadable", "it is not a regular file (a folder, a device or a pipe)")
    try:
        with open(path, "rb") as handle:
            info = read_image_header(handle)
    except ImageHeaderError as exc:
        return ImageCheck("unreadable", str(exc))
    except OSError as exc:
        return ImageCheck("unreadable", f"it cannot be read ({_reason(exc)})")
    if max(info.width, info.height) > max_side or info.pixels > max_pixels:
        return ImageCheck(
            "too-large",
            f"it is {info.width:,}×{info.height:,} pixels; the game shows images of at most {max_side:,} pixels "
            f"a side and {max_pixels:,} pixels in all ({_megapixels(max_pixels)} megapixels)",
            info,
        )
    return ImageCheck("ok", "", info)


def _reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1_048_576:g}"
