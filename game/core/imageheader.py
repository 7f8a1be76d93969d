"""An image file's format and pixel size, read from its header without decoding a single pixel.

Decoders allocate width × height × 4 bytes from the header before they read any pixel data, so a tiny file
that claims 100000×100000 pixels (a "decompression bomb") costs 40 GB the moment it is decoded. This
module reads only the header: the first bytes of the file, plus, for JPEG, the segment headers up to the
frame header (seeking over their contents) and, for PNG, the last few bytes to see that the file is whole.

The formats are the ones the game shows: PNG, JPEG, GIF, BMP and WebP, recognised by their first bytes,
never by the file's name. Anything else is refused with a reason. Pure Python, standard library only.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from typing import BinaryIO

#: The formats the game decodes, as named in messages.
FORMATS: tuple[str, ...] = ("PNG", "JPEG", "GIF", "BMP", "WebP")

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_IEND = b"\x00\x00\x00\x00IEND\xaeB`\x82"
_PNG_TAIL = 4096  # bytes searched for IEND at the end (some tools append a little after it)
_HEAD = 64  # bytes every format's header fits in (except JPEG's and GIF's walks, which read on)
_JPEG_SEGMENTS = 1024  # segments walked before the frame header at most
_GIF_BLOCKS = 65536  # extension sub-blocks walked before the first image at most
_JPEG_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_PNG_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}


class ImageHeaderError(ValueError):
    """The file is not an image the game can read; the message says why (e.g. ``truncated: ...``)."""


@dataclass(frozen=True)
class ImageInfo:
    """What an image's header says: its format (one of ``FORMATS``) and its size in pixels."""

    format: str
    width: int
    height: int

    @property
    def pixels(self) -> int:
        """Width × height: what decoding it allocates, at 4 bytes a pixel."""
        return self.width * self.height


def read_image_header(handle: BinaryIO) -> ImageInfo:
    """The format and size of the image in ``handle`` (a seekable binary file at its start).

    Raises ``ImageHeaderError`` for an empty, truncated, damaged or unknown file.
    """
    head = handle.read(_HEAD)
    if not head:
        raise ImageHeaderError("the file is empty")
    if head.startswith(_PNG_SIGNATURE[:4]):
        return _png(head, handle)
    if head.startswith(b"\xff\xd8"):
        return _jpeg(handle)
    if head.startswith(b"GIF8"):
        return _gif(head, handle)
    if head.startswith(b"BM"):
        return _bmp(head)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _webp(head)
    raise ImageHeaderError(f"not a {', '.join(FORMATS[:-1])} or {FORMATS[-1]} image")


def _need(data: bytes, size: int, what: str) -> None:
    if len(data) < size:
        raise ImageHeaderError(f"truncated: the file ends inside its {what}")


def _positive(info: ImageInfo) -> ImageInfo:
    if info.width <= 0 or info.height <= 0:
        raise ImageHeaderError(f"damaged: its header gives a size of {info.width}×{info.height} pixels")
    return info


def _png(head: bytes, handle: BinaryIO) -> ImageInfo:
    _need(head, 8, "signature")
    if not head.startswith(_PNG_SIGNATURE):
        raise ImageHeaderError("damaged: the PNG signature is wrong (a text-mode transfer?)")
    _need(head, 33, "IHDR header")
    length, kind = struct.unpack(">I4s", head[8:16])
    if kind != b"IHDR" or length != 13:
        raise ImageHeaderError("damaged: a PNG must start with its IHDR header")
    body, (crc,) = head[16:29], struct.unpack(">I", head[29:33])
    if zlib.crc32(b"IHDR" + body) != crc:
        raise ImageHeaderError("damaged: the PNG header's checksum is wrong")
    width, height, depth, color = struct.unpack(">IIBB", body[:10])
    if width > 2**31 - 1 or height > 2**31 - 1:
        raise ImageHeaderError(f"damaged: its header gives a size of {width}×{height} pixels")
    if depth not in _PNG_DEPTHS.get(color, ()):
        raise ImageHeaderError(f"damaged: bit depth {depth} with colour type {color} is not a PNG")
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(max(33, size - _PNG_TAIL))
    if _PNG_IEND not in handle.read(_PNG_TAIL):
        raise ImageHeaderError("truncated: the PNG has no end (IEND) chunk; the file was cut short")
    return _positive(ImageInfo("PNG", width, height))


def _jpeg(handle: BinaryIO) -> ImageInfo:
    handle.seek(2)
    for _ in range(_JPEG_SEGMENTS):
        byte = handle.read(1)
        if byte != b"\xff":
            if not byte:
                raise ImageHeaderError("truncated: the JPEG ends before its frame header")
            raise ImageHeaderError("damaged: a JPEG segment does not start with a marker")
        marker = 0xFF
        while marker == 0xFF:  # fill bytes
            read = handle.read(1)
            if not read:
                raise ImageHeaderError("truncated: the JPEG ends before its frame header")
            marker = read[0]
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            continue
        if marker in (0xD9, 0xDA):
            raise ImageHeaderError("damaged: the JPEG's image data starts before its frame header")
        field = handle.read(2)
        _need(field, 2, "segment header")
        (length,) = struct.unpack(">H", field)
        if length < 2:
            raise ImageHeaderError("damaged: a JPEG segment has an impossible length")
        if marker in _JPEG_SOF:
            frame = handle.read(5)
            _need(frame, 5, "frame header")
            _precision, height, width = struct.unpack(">BHH", frame)
            if height == 0:
                raise ImageHeaderError("unsupported: the JPEG gives its height after the image data (DNL)")
            return _positive(ImageInfo("JPEG", width, height))
        handle.seek(length - 2, 1)
    raise ImageHeaderError(f"damaged: no JPEG frame header in its first {_JPEG_SEGMENTS} segments")


def _gif(head: bytes, handle: BinaryIO) -> ImageInfo:
    _need(head, 13, "header")
    if head[:6] not in (b"GIF87a", b"GIF89a"):
        raise ImageHeaderError("damaged: unknown GIF version")
    screen_w, screen_h, packed = struct.unpack("<HHB", head[6:11])
    colour_table = 3 << ((packed & 7) + 1) if packed & 0x80 else 0
    handle.seek(13 + colour_table)
    blocks = 0
    while blocks < _GIF_BLOCKS:
        introducer = handle.read(1)
        if introducer == b",":
            descriptor = handle.read(8)
            _need(descriptor, 8, "image descriptor")
            left, top, width, height = struct.unpack("<HHHH", descriptor)
            if width == 0 or height == 0:
                raise ImageHeaderError("damaged: the GIF's first image is empty")
            return ImageInfo("GIF", max(screen_w, left + width), max(screen_h, top + height))
        if introducer == b"!":
            handle.read(1)  # the extension's label
            while blocks < _GIF_BLOCKS:
                blocks += 1
                size = handle.read(1)
                _need(size, 1, "extension")
                if size[0] == 0:
                    break
                handle.seek(size[0], 1)
            continue
        if introducer == b";":
            raise ImageHeaderError("damaged: the GIF holds no image")
        if not introducer:
            raise ImageHeaderError("truncated: the GIF ends before its first image")
        raise ImageHeaderError("damaged: unknown GIF block")
    raise ImageHeaderError("damaged: too many GIF extension blocks before the first image")


def _bmp(head: bytes) -> ImageInfo:
    _need(head, 26, "header")
    (header_size,) = struct.unpack("<I", head[14:18])
    if header_size == 12:
        width, height = struct.unpack("<HH", head[18:22])
    elif 40 <= header_size <= 256:
        width, height = struct.unpack("<ii", head[18:26])
        height = abs(height)  # negative: stored top-down
    else:
        raise ImageHeaderError(f"damaged: unknown BMP header size {header_size}")
    return _positive(ImageInfo("BMP", width, height))


def _webp(head: bytes) -> ImageInfo:
    _need(head, 30, "header")
    chunk = head[12:16]
    if chunk == b"VP8 ":
        if head[23:26] != b"\x9d\x01\x2a":
            raise ImageHeaderError("damaged: the WebP frame has no start code")
        width, height = struct.unpack("<HH", head[26:30])
        return _positive(ImageInfo("WebP", width & 0x3FFF, height & 0x3FFF))
    if chunk == b"VP8L":
        if head[20] != 0x2F:
            raise ImageHeaderError("damaged: the lossless WebP has no signature")
        (bits,) = struct.unpack("<I", head[21:25])
        return ImageInfo("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return ImageInfo("WebP", width, height)
    raise ImageHeaderError("damaged: unknown WebP chunk")
