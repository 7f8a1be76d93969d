"""Small drawing kit shared by the Sticky Situations asset generators.

Everything is drawn with plain pygame primitives on an oversized canvas and scaled down with
``smoothscale`` at the end, which gives clean anti-aliased edges without any extra dependency.
Coordinates passed to :class:`Canvas` are in *design units* (the final pixel size); the canvas
multiplies them by its supersampling factor.
"""

from __future__ import annotations

import hashlib
import math
import os
import random
from collections.abc import Callable, Iterable, Sequence

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

Color = tuple[int, int, int] | tuple[int, int, int, int]
Point = tuple[float, float]

TRANSPARENT = (0, 0, 0, 0)


def init() -> None:
    """Initialise pygame headless (no window is opened)."""
    pygame.display.init()
    pygame.font.init()


def seeded_rng(*parts: str) -> random.Random:
    """Return a random generator whose seed depends only on ``parts`` (stable across runs)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def hex_color(value: str, alpha: int | None = None) -> Color:
    """Convert ``#rrggbb`` to an RGB(A) tuple."""
    value = value.lstrip("#")
    rgb = (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))
    return rgb if alpha is None else (*rgb, alpha)


def mix(a: Color, b: Color, t: float) -> tuple[int, int, int]:
    """Linear mix of two colours (``t=0`` gives ``a``)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def shade(c: Color, f: float) -> tuple[int, int, int]:
    """Darken (``f<0``) towards a warm near-black or lighten (``f>0``) towards white."""
    if f < 0:
        return mix(c, (40, 30, 35), -f)
    return mix(c, (255, 255, 255), f)


def with_alpha(c: Color, a: int) -> tuple[int, int, int, int]:
    return (c[0], c[1], c[2], a)


def bezier(p0: Point, p1: Point, p2: Point, p3: Point, n: int = 24) -> list[Point]:
    """Points along a cubic Bézier curve, both ends included."""
    pts: list[Point] = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
        y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
        pts.append((x, y))
    return pts


def quad(p0: Point, p1: Point, p2: Point, n: int = 20) -> list[Point]:
    """Points along a quadratic Bézier curve."""
    pts: list[Point] = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        pts.append(
            (
                u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
                u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1],
            )
        )
    return pts


def arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 48) -> list[Point]:
    """Points on an elliptical arc from angle ``a0`` to ``a1`` (degrees, y grows downwards)."""
    pts: list[Point] = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        pts.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return pts


def mirror(points: Sequence[Point], cx: float) -> list[Point]:
    """Mirror points around the vertical line ``x=cx`` (order reversed so outlines stay closed)."""
    return [(2 * cx - x, y) for x, y in reversed(points)]


class Canvas:
    """A supersampled SRCALPHA surface addressed in design units."""

    def __init__(self, width: int, height: int, ss: int = 3) -> None:
        self.width = width
        self.height = height
        self.ss = ss
        self.surface = pygame.Surface((width * ss, height * ss), pygame.SRCALPHA)

    # -- conversion -------------------------------------------------------------------------
    def _p(self, p: Point) -> tuple[float, float]:
        return (p[0] * self.ss, p[1] * self.ss)

    def _pts(self, pts: Iterable[Point]) -> list[tuple[float, float]]:
        return [self._p(p) for p in pts]

    def layer(self) -> Canvas:
        """A new empty canvas of the same size (for masking or translucent shapes)."""
        return Canvas(self.width, self.height, self.ss)

    # -- primitives --------------------------------------------------------------------------
    def fill(self, color: Color) -> None:
        self.surface.fill(color)

    def poly(self, color: Color, pts: Sequence[Point]) -> None:
        if len(pts) >= 3:
            pygame.draw.polygon(self.surface, color, self._pts(pts))

    def ellipse(self, color: Color, cx: float, cy: float, rx: float, ry: float) -> None:
        s = self.ss
        rect = pygame.Rect(round((cx - rx) * s), round((cy - ry) * s), round(2 * rx * s), round(2 * ry * s))
        pygame.draw.ellipse(self.surface, color, rect)

    def circle(self, color: Color, cx: float, cy: float, r: float) -> None:
        pygame.draw.circle(self.surface, color, self._p((cx, cy)), r * self.ss)

    def ring(self, color: Color, cx: float, cy: float, r: float, width: float) -> None:
        pygame.draw.circle(self.surface, color, self._p((cx, cy)), r * self.ss, max(1, round(width * self.ss)))

    def rect(self, color: Color, x: float, y: float, w: float, h: float, radius: float = 0) -> None:
        s = self.ss
        r = pygame.Rect(round(x * s), round(y * s), round(w * s), round(h * s))
        pygame.draw.rect(self.surface, color, r, border_radius=round(radius * s) if radius else -1)

    def rect_outline(
        self, color: Color, x: float, y: float, w: float, h: float, width: float, radius: float = 0
    ) -> None:
        s = self.ss
        r = pygame.Rect(round(x * s), round(y * s), round(w * s), round(h * s))
        pygame.draw.rect(
            self.surface,
            color,
            r,
            max(1, round(width * s)),
            border_radius=round(radius * s) if radius else -1,
        )

    def stroke(self, color: Color, pts: Sequence[Point], width: float, caps: bool = True) -> None:
        """A thick polyline with round joints and (optionally) round caps."""
        w = width * self.ss
        sp = self._pts(pts)
        for (x0, y0), (x1, y1) in zip(sp, sp[1:], strict=False):
            dx, dy = x1 - x0, y1 - y0
            length = math.hypot(dx, dy)
            if length == 0:
                continue
            nx, ny = -dy / length * w / 2, dx / length * w / 2
            pygame.draw.polygon(
                self.surface,
                color,
                [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)],
            )
        inner = sp if caps else sp[1:-1]
        for x, y in inner:
            pygame.draw.circle(self.surface, color, (x, y), w / 2)

    def line(self, color: Color, a: Point, b: Point, width: float, caps: bool = True) -> None:
        self.stroke(color, [a, b], width, caps)

    # -- compositing -------------------------------------------------------------------------
    def blit(self, other: Canvas, alpha: int = 255) -> None:
        src = other.surface
        if alpha < 255:
            src = src.copy()
            src.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        self.surface.blit(src, (0, 0))

    def translucent(self, alpha: int, draw: Callable[[Canvas], None]) -> None:
        """Draw with ``draw`` on a scratch layer and composite it at ``alpha``."""
        lay = self.layer()
        draw(lay)
        self.blit(lay, alpha)

    def mask_with(self, mask: Canvas) -> None:
        """Multiply this canvas' alpha by the mask's alpha (mask drawn in opaque white)."""
        self.surface.blit(mask.surface, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)

    def blur(self, radius: float) -> None:
        """Gaussian-blur the whole canvas in place (radius in design units)."""
        r = max(1, round(radius * self.ss))
        # Blurring at a reduced size is much faster and looks the same for soft glows.
        small_factor = 4 if r > 16 else 1
        if small_factor > 1:
            size = self.surface.get_size()
            small = pygame.transform.smoothscale(self.surface, (size[0] // small_factor, size[1] // small_factor))
            small = pygame.transform.gaussian_blur(small, max(1, r // small_factor))
            self.surface = pygame.transform.smoothscale(small, size)
        else:
            self.surface = pygame.transform.gaussian_blur(self.surface, r)

    def result(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        """The final, downscaled (anti-aliased) surface.

        ``smoothscale`` averages colours without weighting them by alpha, so transparent pixels
        (stored as black) would leave a dark fringe on every outer edge. The colours of the
        opaque pixels are therefore first "bled" a few pixels outwards, under the original alpha.
        """
        src = self.surface
        bled = pygame.Surface(src.get_size(), pygame.SRCALPHA)
        reach = self.ss * 2
        for step in range(reach, 0, -1):
            for dx, dy in (
                (step, 0),
                (-step, 0),
                (0, step),
                (0, -step),
                (step, step),
                (-step, -step),
                (step, -step),
                (-step, step),
            ):
                bled.blit(src, (dx, dy))
        bled.blit(src, (0, 0))
        alpha = src.copy()
        alpha.fill((255, 255, 255, 0), special_flags=pygame.BLEND_RGBA_MAX)
        # bled keeps its RGB; its alpha becomes that of the source
        bled.blit(alpha, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        return pygame.transform.smoothscale(bled, size or (self.width, self.height))

    def save(self, path: str) -> None:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        folder, name = os.path.split(path)
        part = os.path.join(folder, f".{name}.part.png")  # written whole, then renamed over the old file
        pygame.image.save(self.result(), part)
        os.replace(part, path)


def contact_sheet(paths: Sequence[str], out: str, thumb: int = 256, cols: int = 6, bg: Color = (236, 232, 226)) -> None:
    """Tile images into one PNG (handy for reviewing the output)."""
    imgs = [pygame.image.load(p) for p in paths]
    if not imgs:
        return
    ratio = imgs[0].get_height() / imgs[0].get_width()
    tw, th = thumb, round(thumb * ratio)
    rows = (len(imgs) + cols - 1) // cols
    sheet = pygame.Surface((cols * (tw + 8) + 8, rows * (th + 8) + 8))
    sheet.fill(bg)
    for i, img in enumerate(imgs):
        x = 8 + (i % cols) * (tw + 8)
        y = 8 + (i // cols) * (th + 8)
        sheet.blit(pygame.transform.smoothscale(img, (tw, th)), (x, y))
    pygame.image.save(sheet, out)


# -- scenario scanning ------------------------------------------------------------------------

REPO_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ASSETS_DIR = os.path.join(REPO_DIR, "game", "assets")
SCENARIOS_DIR = os.path.join(REPO_DIR, "game", "scenarios")


def scenario_files(folder: str = SCENARIOS_DIR) -> list[str]:
    """Main scenario files (``*.yaml``), skipping translations named ``<stem>.<lang>.yaml``."""
    if not os.path.isdir(folder):
        return []
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yaml", ".yml")):
            continue
        stem = name.rsplit(".", 1)[0]
        if "." in stem:  # e.g. spa-hotel.es.yaml
            continue
        out.append(os.path.join(folder, name))
    return out


def load_scenarios(folder: str = SCENARIOS_DIR) -> list[tuple[str, dict[str, object]]]:
    """Parse every main scenario file; files that fail to parse are reported and skipped."""
    import yaml  # local import: only the generators that read scenarios need PyYAML

    result: list[tuple[str, dict[str, object]]] = []
    for path in scenario_files(folder):
        try:
            with open(path, encoding="utf-8") as fh:
                data = yaml.safe_load(fh)
        except (OSError, yaml.YAMLError) as exc:
            print(f"  ! skipped {os.path.basename(path)}: {exc.__class__.__name__}")
            continue
        if isinstance(data, dict):
            result.append((path, data))
    return result


def asset_stem(ref: object, folder: str) -> str | None:
    """``'portraits/luis.png'`` -> ``'luis'`` when ``ref`` points into ``folder``; else None."""
    if not isinstance(ref, str):
        return None
    ref = ref.strip().replace("\\", "/")
    prefix = folder.rstrip("/") + "/"
    if not ref.startswith(prefix) or not ref.endswith(".png"):
        return None
    stem = ref[len(prefix) : -4]
    if not stem or "/" in stem or stem.startswith("."):
        return None
    return stem
