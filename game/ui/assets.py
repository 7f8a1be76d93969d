"""Pictures, icons and sounds, with graceful fallbacks when a file is missing or the audio device is absent.

A character's ``portrait`` and a place's ``image`` are looked up relative to the scenario's folder, then
to ``assets/``. Missing portraits become an initials disc, missing backgrounds a calm gradient, missing
icons are simply not drawn, and without an audio device the game runs silently. An image that is unreadable
or over the pixel budget counts as missing; its header is read before it is decoded.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

import pygame

from game.core.imagecheck import check_image
from game.paths import ASSETS
from game.ui import draw
from game.ui.cache import SurfaceCache
from game.ui.theme import Color, get_font

#: Decoded pictures as read from disk (the title's and a scene's picture, portraits, icons): 16 MB at most,
#: whatever the window size; a picture dropped here is read again if a screen needs it at a new size.
_IMAGES: SurfaceCache[str] = SurfaceCache(layers=0, floor=6 * 2**20)
_UNREADABLE: set[str] = set()
#: Pictures scaled for the window: about two window-sized pictures and the small ones beside them.
_SCALED: SurfaceCache[tuple[str, int, int, str]] = SurfaceCache(layers=2)
_ICONS: dict[tuple[str, int, Color], pygame.Surface | None] = {}
_STRIPE = 256  # columns scaled at once by ``_scale_into`` (a working stripe of 1.5 MB at 1440 rows)


_RESOLVED: dict[tuple[str, Path | None], Path | None] = {}


def resolve(relative: str | None, scenario_dir: Path | None) -> Path | None:
    """The file a scenario path names: in the scenario's folder first, then in ``assets/``.

    Remembered (screens ask every frame) until ``forget_files``, which F5 calls."""
    if not relative:
        return None
    key = (relative, scenario_dir)
    if key in _RESOLVED:
        return _RESOLVED[key]
    found = None
    for base in (scenario_dir, ASSETS):
        if base is None:
            continue
        candidate = (base / relative).resolve()
        if candidate.is_file():
            found = candidate
            break
    _RESOLVED[key] = found
    return found


def forget_files() -> None:
    """Look for pictures on disk again (F5: the author may have added, fixed or replaced one)."""
    _RESOLVED.clear()
    _UNREADABLE.clear()
    _IMAGES.clear()
    _SCALED.clear()


def load_image(path: Path | None) -> pygame.Surface | None:
    """A cached image, or None (the caller draws its placeholder) when missing, unreadable or too large.

    The file's header is read first (``game.core.imagecheck``): an image over the pixel budget, or one that
    is not a whole PNG, JPEG, GIF, BMP or WebP, is never handed to the decoder. Each refusal is logged once.
    """
    if path is None:
        return None
    key = str(path)
    if key in _UNREADABLE:
        return None
    image = _IMAGES.get(key)
    if image is None:
        image = _decode(key)
        if image is None:
            _UNREADABLE.add(key)
            return None
        _IMAGES.put(key, image)
    return image


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
        surf = _SCALED.put(ck, _cover(image, (w, h)))
    return surf


def _cover(image: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    w, h = size
    iw, ih = image.get_size()
    if (iw, ih) == (w, h):  # already the size (the title picture in a 1280x720 window): nothing to scale
        return image.copy()
    scaled_size, crop = _cover_size((iw, ih), size)
    if scaled_size == size:  # the same shape as the window: scaled, not cropped
        surf = pygame.Surface(size, image.get_flags() & pygame.SRCALPHA, image)
        _scale_into(image, surf)
        return surf
    scaled, crop = _cover_scaled(image, size)
    return scaled.subsurface(crop).copy()


def _cover_size(image: tuple[int, int], size: tuple[int, int]) -> tuple[tuple[int, int], pygame.Rect]:
    """The size a picture of size ``image`` is scaled to so it covers ``size``, and the centred part of it
    that ``size`` shows."""
    w, h = size
    iw, ih = image
    factor = max(w / iw, h / ih)
    scaled = (max(w, round(iw * factor)), max(h, round(ih * factor)))
    return scaled, pygame.Rect((scaled[0] - w) // 2, (scaled[1] - h) // 2, w, h)


def _cover_scaled(image: pygame.Surface, size: tuple[int, int]) -> tuple[pygame.Surface, pygame.Rect]:
    """``image`` scaled to cover ``size``, and the centred part of it that ``size`` shows."""
    scaled, crop = _cover_size(image.get_size(), size)
    return pygame.transform.smoothscale(image, scaled), crop


def _scales_into(image: pygame.Surface, surf: pygame.Surface) -> bool:
    """True when ``image`` scaled to ``surf``'s size covers it without cropping and ``smoothscale`` can write
    it straight into ``surf`` with the same colours (both 32-bit, red, green and blue in the same places; the
    fourth byte, alpha in one and unused in the other, is never shown)."""
    w, h = surf.get_size()
    scaled, _ = _cover_size(image.get_size(), (w, h))
    return (
        scaled == (w, h)
        and image.get_bytesize() == surf.get_bytesize() == 4
        and image.get_masks()[:3] == surf.get_masks()[:3]
    )


def _scale_into(image: pygame.Surface, surf: pygame.Surface) -> None:
    """``smoothscale(image, surf.get_size(), surf)``, the same pixels, without SDL's working copy.

    Growing both ways, ``smoothscale`` scales across into a working copy (the window's width by the
    picture's height: half a window layer for a 1280×720 picture at 2560×1440), then down into ``surf``.
    Here the first pass is written into the bottom of ``surf`` itself, and the second is made ``_STRIPE``
    columns at a time (its columns do not depend on each other), each stripe put in place once its columns of the
    first pass are used."""
    w, h = surf.get_size()
    iw, ih = image.get_size()
    if w == iw or h == ih or ih > h:  # one pass only, or shrinking: no working copy worth avoiding
        pygame.transform.smoothscale(image, (w, h), surf)
        return
    across = surf.subsurface(pygame.Rect(0, h - ih, w, ih))
    pygame.transform.smoothscale(image, (w, ih), across)
    opaque = not surf.get_flags() & pygame.SRCALPHA  # a plain blit copies; with alpha it would blend
    # One working stripe for them all: a new one each time is a fresh mapping of fresh pages (glibc maps blocks
    # this large on their own, see ``game.ui.heap``), and touching those pages cost more than the scaling.
    work = pygame.Surface((min(_STRIPE, w), h), 0, across)
    for x in range(0, w, _STRIPE):
        columns = pygame.Rect(x, 0, min(_STRIPE, w - x), ih)
        stripe = work if columns.w == work.get_width() else work.subsurface((0, 0, columns.w, h))
        pygame.transform.smoothscale(across.subsurface(columns), (columns.w, h), stripe)
        if opaque:
            surf.blit(stripe, (x, 0))
        else:
            surf.fill((0, 0, 0, 0), pygame.Rect(x, 0, columns.w, h))
            surf.blit(stripe, (x, 0), special_flags=pygame.BLEND_RGBA_ADD)  # onto zeros: an exact copy


def fitted(image: pygame.Surface, size: int, key: str) -> pygame.Surface:
    """``image`` scaled to a square of ``size`` (cached)."""
    ck = (key, size, size, "fit")
    surf = _SCALED.get(ck)
    if surf is None:
        surf = _SCALED.put(ck, pygame.transform.smoothscale(image, (size, size)))
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
        _SCALED.put(key, surf)
    return surf


def mood_portrait(path: str | None, mood: str, scenario_dir: Path | None) -> str | None:
    """The portrait to show for ``mood``: ``<stem>-<mood>.<ext>`` beside ``path`` when that file exists
    (the shipped art has one per mood), else ``path`` itself (one picture for every mood)."""
    if not path or mood == "neutral":
        return path
    stem, dot, ext = path.rpartition(".")
    if not dot or "/" in ext:
        return path
    candidate = f"{stem}-{mood}.{ext}"
    return candidate if resolve(candidate, scenario_dir) is not None else path


def _place_picture(path: str | None, scenario_dir: Path | None) -> tuple[Path | None, pygame.Surface | None]:
    """The file a place's picture comes from (``backgrounds/default.png`` when the place names none), and the
    picture, or None when it is missing."""
    resolved = resolve(path, scenario_dir) if path else resolve("backgrounds/default.png", None)
    return resolved, load_image(resolved)


def background(
    path: str | None,
    scenario_dir: Path | None,
    size: tuple[int, int],
    tint: Color,
    veil: tuple[int, int, int, int] | None = None,
    keep: bool = True,
) -> pygame.Surface:
    """A place's picture filling ``size``; ``backgrounds/default.png`` when the place names none;
    a gradient when the file is missing. With ``veil`` (an RGBA colour) the picture comes under that
    veil, and only the veiled picture is cached (not at all with ``keep=False``)."""
    resolved, image = _place_picture(path, scenario_dir)
    if veil is None:
        if image is not None:
            return cover(image, size, str(resolved))
        return draw.gradient(size, draw.mix(tint, (255, 255, 255), 0.35), tint)
    key = (f"{resolved}|{tint}|{veil}", max(1, size[0]), max(1, size[1]), "veiled")
    surf = _SCALED.get(key)
    if surf is None:
        surf = _veiled(image, (key[1], key[2]), tint, veil)
        if keep:
            _SCALED.put(key, surf)
    return surf


def paint_cover(surface: pygame.Surface, image: pygame.Surface) -> bool:
    """Paint ``image`` over the whole of ``surface`` (scaled to cover it) straight into its pixels, holding no
    scaled copy: the same pixels ``cover`` gives. Only when ``surface`` has the picture's shape (the shipped
    pictures are 16:9, so every 16:9 window) and is not clipped; False, with nothing drawn, otherwise (the
    caller then blits ``cover``, which keeps the cropped picture). Scaling 1280×720 to 2560×1440 this way
    costs about 4 ms a whole redraw, against a 14 MB layer held."""
    if surface.get_clip() != surface.get_rect():
        return False
    if image.get_size() == surface.get_size():
        surface.fill((0, 0, 0))
        surface.blit(image, (0, 0), special_flags=pygame.BLEND_RGB_ADD)  # onto black: the colours, alpha aside
        return True
    if not _scales_into(image, surface):
        return False
    _scale_into(image, surface)
    return True


def paint_background(
    surface: pygame.Surface,
    path: str | None,
    scenario_dir: Path | None,
    tint: Color,
    veil: tuple[int, int, int, int],
) -> bool:
    """Paint a place's picture under ``veil`` over the whole of ``surface``, holding no window-sized copy: the
    same pixels as ``background(..., veil=veil)``. False, with nothing drawn, when ``paint_cover`` can't (a
    clip, another shape): the caller blits ``background`` then."""
    _, image = _place_picture(path, scenario_dir)
    if image is None:
        if surface.get_clip() != surface.get_rect():
            return False
        draw.paint_gradient(surface, draw.mix(tint, (255, 255, 255), 0.35), tint)
    elif not paint_cover(surface, image):
        return False
    _put_veil(surface, veil)
    return True


def _put_veil(surface: pygame.Surface, veil: tuple[int, int, int, int]) -> None:
    """``veil`` (an RGBA colour) over the whole of ``surface``, a band of 64 rows at a time."""
    w, h = surface.get_size()
    band = pygame.Surface((w, min(h, 64)), pygame.SRCALPHA)
    band.fill(veil)
    for y in range(0, h, band.get_height()):
        surface.blit(band, (0, y))


def _veiled(
    image: pygame.Surface | None, size: tuple[int, int], tint: Color, veil: tuple[int, int, int, int]
) -> pygame.Surface:
    """``image`` covering ``size`` (or the tint's gradient) under ``veil``, opaque, in the window's format
    (the fastest to blit every frame). Made straight into that surface: the picture scaled (into it when the
    picture has the window's shape, see ``_scale_into``: then only a stripe of 128 columns is made beside
    it), then the veil a band at a time."""
    shown = pygame.display.get_surface()
    surf = pygame.Surface(size, 0, shown) if shown is not None else pygame.Surface(size)
    if image is None:
        surf.blit(draw.gradient(size, draw.mix(tint, (255, 255, 255), 0.35), tint), (0, 0))
    elif image.get_size() == size:
        surf.blit(image, (0, 0), special_flags=pygame.BLEND_RGB_ADD)  # onto black: the colours, alpha aside
    elif _scales_into(image, surf):
        _scale_into(image, surf)  # the same shape: scaled straight into it
    else:
        scaled, crop = _cover_scaled(image, size)
        surf.blit(scaled, (0, 0), crop, special_flags=pygame.BLEND_RGB_ADD)
        del scaled
    _put_veil(surf, veil)
    return surf


def forget_picture(surface: pygame.Surface) -> None:
    """Drop a scaled picture (a screen's old background) from the cache before its replacement is made: the
    two at once would be two window-sized pictures for nothing."""
    _SCALED.discard(surface)


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
    """Short UI sounds; silent when there is no audio device or the volume is zero.

    An open audio device wakes the process for every buffer it plays, sound or silence (86 times a
    second here), so after ``REST_SECONDS`` without a sound the device is closed (``rest_if_quiet``),
    and the next sound opens it again.
    """

    REST_SECONDS = 3.0

    def __init__(self, volume: float) -> None:
        self.volume = volume
        self.ok = False
        self._cache: dict[str, pygame.mixer.Sound | None] = {}
        self._tried = False
        self._last = 0.0

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
        self._last = time.monotonic()

    def rest_if_quiet(self) -> None:
        """Close the audio device when it has played nothing for ``REST_SECONDS`` (reopened on demand)."""
        if not self.ok or time.monotonic() - self._last < self.REST_SECONDS:
            return
        with contextlib.suppress(pygame.error):
            if pygame.mixer.get_busy():
                return
        self.close()

    def close(self) -> None:
        """Release the audio device."""
        if self.ok:
            with contextlib.suppress(pygame.error):
                pygame.mixer.quit()
        self.ok = False
        self._tried = False
        self._cache.clear()
