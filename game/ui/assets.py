"""Pictures, icons and sounds, with graceful fallbacks when a file is missing or the audio device is absent.

A character's ``portrait`` and a place's ``image`` are looked up relative to the scenario's folder, then
to ``assets/``. Missing portraits become an initials disc, missing backgrounds a calm gradient, missing
icons are simply not drawn, and without an audio device the game runs silently. An image that is unreadable
or over the pixel budget counts as missing; its header is read before it is decoded.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pygame

from game.core.imagecheck import check_image
from game.paths import ASSETS
from game.ui import draw
from game.ui.theme import Color, get_font

_IMAGES: dict[str, pygame.Surface | None] = {}
_SCALED: dict[tuple[str, int, int, str], pygame.Surface] = {}
_ICONS: dict[tuple[str, int, Color], pygame.Surface | None] = {}


def resolve(relative: str | None, scenario_dir: Path | None) -> Path | None:
    """The file a scenario path names: in the scenario's folder first, then in ``assets/``."""
    if not relative:
        return None
    for base in (scenario_dir, ASSETS):
        if base is None:
            continue
        candidate = (base / relative).resolve()
        if candidate.is_file():
            return candidate
    return None


def load_image(path: Path | None) -> pygame.Surface | None:
    """A cached image, or None (the caller draws its placeholder) when missing, unreadable or too large.

    The file's header is read first (``game.core.imagecheck``): an image over the pixel budget, or one that
    is not a whole PNG, JPEG, GIF, BMP or WebP, is never handed to the decoder. Each refusal is logged once.
    """
    if path is None:
        return None
    key = str(path)
    if key not in _IMAGES:
        _IMAGES[key] = _decode(key)
    return _IMAGES[key]


def _decode(key: str) -> pygame.Surface | None:
    check = check_image(key)
    if not check.ok:
        if check.verdict != "missing":  # a missing file is expected (icon sizes) and `sticky check` says S702
            print(f"sticky: image {key} not shown: {check.problem}", file=sys.stderr)
        return None
    try:
        image = pygame.image.load(key)
        return image.convert_alpha() if pygame.display.get_surface() else image
    except (pygame.error, OSError, MemoryError) as exc:
        print(f"sticky: image {key} not shown: it could not be decoded ({exc})", file=sys.stderr)
        return None


def cover(image: pygame.Surface, size: tuple[int, int], key: str) -> pygame.Surface:
    """``image`` scaled and cropped to fill ``size`` (cached)."""
    w, h = max(1, size[0]), max(1, size[1])
    ck = (key, w, h, "cover")
    surf = _SCALED.get(ck)
    if surf is None:
        if len(_SCALED) > 48:
            _SCALED.clear()
        iw, ih = image.get_size()
        factor = max(w / iw, h / ih)
        scaled = pygame.transform.smoothscale(image, (max(w, round(iw * factor)), max(h, round(ih * factor))))
        x = (scaled.get_width() - w) // 2
        y = (scaled.get_height() - h) // 2
        surf = scaled.subsurface(pygame.Rect(x, y, w, h)).copy()
        _SCALED[ck] = surf
    return surf


def fitted(image: pygame.Surface, size: int, key: str) -> pygame.Surface:
    """``image`` scaled to a square of ``size`` (cached)."""
    ck = (key, size, size, "fit")
    surf = _SCALED.get(ck)
    if surf is None:
        surf = pygame.transform.smoothscale(image, (size, size))
        _SCALED[ck] = surf
    return surf


def _hue(seed: str) -> Color:
    import hashlib  # only initials discs need it, never the title screen

    digest = hashlib.md5(seed.encode()).digest()
    palette = [(196, 120, 88), (86, 132, 128), (120, 110, 170), (176, 140, 72), (110, 146, 96), (150, 96, 120)]
    return palette[digest[0] % len(palette)]


def initials(name: str) -> str:
    """Up to two initials of a name."""
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalpha()]
    return "".join(p[0] for p in parts[:2]).upper() or "?"


def portrait(path: str | None, scenario_dir: Path | None, name: str, size: int) -> pygame.Surface:
    """A round portrait of ``size`` px: the picture, or an initials disc when there is none."""
    image = load_image(resolve(path, scenario_dir))
    if image is not None:
        return fitted(image, size, str(path))
    key = (f"initials:{name}", size, size, "disc")
    surf = _SCALED.get(key)
    if surf is None:
        surf = pygame.Surface((size, size), pygame.SRCALPHA)
        color = _hue(name)
        pygame.draw.circle(surf, draw.mix(color, (255, 255, 255), 0.15), (size // 2, size // 2), size // 2)
        pygame.draw.circle(surf, color, (size // 2, size // 2), size // 2 - max(2, size // 30))
        font = get_font("bold", max(10, size * 2 // 5))
        label = font.render(initials(name), True, (255, 255, 255))
        surf.blit(label, label.get_rect(center=(size // 2, size // 2)))
        _SCALED[key] = surf
    return surf


def background(path: str | None, scenario_dir: Path | None, size: tuple[int, int], tint: Color) -> pygame.Surface:
    """A place's picture filling ``size``; ``backgrounds/default.png`` when the place names none;
    a gradient when the file is missing."""
    resolved = resolve(path, scenario_dir) if path else resolve("backgrounds/default.png", None)
    image = load_image(resolved)
    if image is not None:
        return cover(image, size, str(resolved))
    return draw.gradient(size, draw.mix(tint, (255, 255, 255), 0.35), tint)


def icon(name: str, size: int, color: Color) -> pygame.Surface | None:
    """A white-on-transparent icon tinted to ``color`` at ``size`` px, or None when missing."""
    key = (name, size, color)
    if key in _ICONS:
        return _ICONS[key]
    folder = ASSETS / "icons" / ("128" if size > 64 else "")
    image = load_image(folder / f"{name}.png") or load_image(ASSETS / "icons" / f"{name}.png")
    surf: pygame.Surface | None = None
    if image is not None:
        surf = (
            pygame.transform.smoothscale(image, (size, size)).convert_alpha()
            if pygame.display.get_surface()
            else (pygame.transform.smoothscale(image, (size, size)))
        )
        surf = surf.copy()
        surf.fill((*color, 255), special_flags=pygame.BLEND_RGBA_MULT)
    _ICONS[key] = surf
    return surf


class Sounds:
    """Short UI sounds; silent when there is no audio device or the volume is zero."""

    def __init__(self, volume: float) -> None:
        self.volume = volume
        self.ok = False
        self._cache: dict[str, pygame.mixer.Sound | None] = {}
        self._tried = False

    def _init(self) -> None:
        self._tried = True
        try:
            pygame.mixer.init(frequency=44100, size=-16, channels=1, buffer=512)
            self.ok = True
        except pygame.error as exc:
            print(f"sticky: no audio ({exc}); running silently", file=sys.stderr)
            self.ok = False

    def play(self, name: str) -> None:
        """Play a sound from ``assets/sounds`` by name (without extension)."""
        if self.volume <= 0:
            return
        if not self._tried:
            self._init()
        if not self.ok:
            return
        if name not in self._cache:
            path = ASSETS / "sounds" / f"{name}.wav"
            try:
                self._cache[name] = pygame.mixer.Sound(str(path)) if path.exists() else None
            except pygame.error:
                self._cache[name] = None
        sound = self._cache[name]
        if sound is not None:
            sound.set_volume(self.volume)
            sound.play()

    def close(self) -> None:
        """Release the audio device."""
        if self.ok:
            with contextlib.suppress(pygame.error):
                pygame.mixer.quit()
        self.ok = False
        self._tried = False
        self._cache.clear()
