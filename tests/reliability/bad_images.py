"""Hostile and broken image files, written at test time with the standard library only.

Each maker returns the bytes of one file; ``bad_images()`` names every bad one with the verdict and the
words ``game.core.imagecheck`` must give it. Measured without the header check (pygame-ce 2.5.8, SDL_image
2.8): ``bomb.bmp`` (54 bytes) decodes to 30000×30000 at a peak of 3.4 GB, a 1.5 MB real PNG bomb of
20000×20000 to 1.5 GB; ``real-bomb.png`` here is the same at 6000×6000, to stay cheap to write.
"""

from __future__ import annotations

import functools
import random
import shutil
import struct
import zlib
from pathlib import Path

from tests.conftest import DATA


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk with its length and a correct CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, rows: bytes | None = None) -> bytes:
    """An RGBA PNG; ``rows`` defaults to a real, decodable image of ``width`` × ``height``."""
    if rows is None:
        row = bytes([0]) + bytes([200, 120, 40, 255]) * width  # filter byte 0, then orange pixels
        rows = row * height
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(rows))
        + png_chunk(b"IEND", b"")
    )


def png_bomb(side: int = 100_000) -> bytes:
    """A 100-odd-byte PNG whose header (with a valid CRC) claims ``side`` × ``side`` pixels: 40 GB decoded."""
    return png(side, side, rows=b"\x00" * 64)


def png_bomb_real(side: int = 20_000) -> bytes:
    """A real decompression bomb: ``side`` × ``side`` black pixels that are all there, compressed (~1.6 MB)."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + 4 * side)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", body) + png_chunk(b"IEND", b"")


def png_bad_crc() -> bytes:
    """A small PNG whose header checksum is wrong."""
    data = bytearray(png(4, 4))
    data[29] ^= 0xFF
    return bytes(data)


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a baseline JPEG up to and including its frame header (SOF0), then EOI."""
    app0 = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    exif = b"Exif\x00\x00" + b"\x00" * 3000  # a long APP1 segment the reader must seek over
    sof = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return (
        b"\xff\xd8"
        + b"\xff\xe0"
        + struct.pack(">H", len(app0) + 2)
        + app0
        + b"\xff\xe1"
        + struct.pack(">H", len(exif) + 2)
        + exif
        + b"\xff\xff\xc0"
        + struct.pack(">H", len(sof) + 2)
        + sof  # with a fill byte before the marker
        + b"\xff\xd9"
    )


def gif(width: int, height: int, screen: tuple[int, int] | None = None) -> bytes:
    """A one-colour GIF89a (decodable) of ``width`` × ``height`` on a logical screen of ``screen``."""
    sw, sh = screen or (width, height)
    comment = b"\x21\xfe\x05hello\x00"  # an extension the reader must walk over
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    pixels = _lzw_zeros(width * height)
    return (
        b"GIF89a"
        + struct.pack("<HHBBB", sw, sh, 0x80, 0, 0)
        + b"\xff\x80\x00\x00\x00\x00"
        + comment
        + image
        + b"\x02"
        + pixels
        + b"\x00\x3b"
    )


def _lzw_zeros(count: int) -> bytes:
    """GIF LZW data (minimum code size 2) for ``count`` pixels of colour 0: clear, one code per pixel, end.

    A clear code every two pixels keeps the table from growing, so every code stays 3 bits wide.
    """
    codes: list[int] = []
    for i in range(count):
        if i % 2 == 0:
            codes.append(4)  # clear
        codes.append(0)
    codes.append(5)  # end of information
    bits = 0
    nbits = 0
    out = bytearray()
    for code in codes:
        bits |= code << nbits
        nbits += 3
        while nbits >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            nbits -= 8
    if nbits:
        out.append(bits & 0xFF)
    blocks = b"".join(bytes([len(out[i : i + 255])]) + out[i : i + 255] for i in range(0, len(out), 255))
    return blocks


def bmp_header(width: int, height: int) -> bytes:
    """A BITMAPINFOHEADER BMP header (no pixels): enough for the reader, not for a decoder."""
    return (
        b"BM"
        + struct.pack("<IHHI", 54, 0, 0, 54)
        + struct.pack("<IiiHHIIiiII", 40, width, height, 1, 32, 0, 0, 0, 0, 0, 0)
    )


def webp_vp8x(width: int, height: int) -> bytes:
    """An extended WebP header (VP8X) claiming ``width`` × ``height``."""
    body = (
        b"VP8X"
        + struct.pack("<I", 10)
        + b"\x00\x00\x00\x00"
        + (width - 1).to_bytes(3, "little")
        + (height - 1).to_bytes(3, "little")
    )
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def noise(size: int = 4096, seed: int = 7) -> bytes:
    """Random bytes (seeded), the kind of file a broken download leaves."""
    return random.Random(seed).randbytes(size)


@functools.cache
def bad_images() -> dict[str, tuple[bytes, str, str]]:
    """Every bad file: name -> (bytes, the verdict of ``check_image``, words its problem must contain)."""
    whole = png(64, 64)
    return {
        "bomb.png": (png_bomb(), "too-large", "100,000×100,000 pixels"),
        "real-bomb.png": (png_bomb_real(6000), "too-large", "6,000×6,000 pixels"),
        "wide.png": (png(9000, 1), "too-large", "9,000×1 pixels"),
        "cut-in-half.png": (whole[: len(whole) // 2], "unreadable", "truncated: the PNG has no end"),
        "cut-in-header.png": (whole[:20], "unreadable", "truncated: the file ends inside its IHDR header"),
        "bad-crc.png": (png_bad_crc(), "unreadable", "checksum is wrong"),
        "bomb.jpg": (jpeg_header(60_000, 60_000), "too-large", "60,000×60,000 pixels"),
        "bomb.gif": (gif(2, 2, screen=(65_535, 65_535)), "too-large", "65,535×65,535 pixels"),
        "bomb.bmp": (bmp_header(30_000, -30_000), "too-large", "30,000×30,000 pixels"),
        "bomb.webp": (webp_vp8x(16_000, 16_000), "too-large", "16,000×16,000 pixels"),
        "noise.png": (noise(), "unreadable", "not a PNG, JPEG, GIF, BMP or WebP image"),
        "text.png": (b"this is not an image, just a renamed note\n", "unreadable", "not a PNG, JPEG, GIF, BMP or WebP"),
        "empty.png": (b"", "unreadable", "the file is empty"),
    }


def scenario_with(folder: Path, portrait: str, background: str) -> Path:
    """The test scenario copied to ``folder``, Luis's portrait and the counter's picture set to these paths."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("bakery.yaml", "bakery.es.yaml"):
        shutil.copy(DATA / name, folder / name)
    path = folder / "bakery.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("portrait: luis.png", f"portrait: {portrait}")
    place = f"counter: {{name: The shop counter, image: {background}}}"
    text = text.replace("counter: {name: The shop counter}", place)
    path.write_text(text, encoding="utf-8")
    return path


def with_bad_images(folder: Path, name: str) -> Path:
    """A scenario whose portrait and background are both the bad file ``name``."""
    for sub in ("portraits", "backgrounds"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        (folder / sub / name).write_bytes(bad_images()[name][0])
    return scenario_with(folder, f"portraits/{name}", f"backgrounds/{name}")


def many_bad_images(folder: Path, present: bool) -> tuple[Path, int]:
    """A scenario of one scene per bad file: its speaker's portrait and its place's picture are that file
    (left out when not ``present``, for the baseline). Returns the path and the number of scenes."""
    names = sorted(bad_images())
    for sub in ("portraits", "backgrounds"):
        (folder / sub).mkdir(parents=True)
        for name in names if present else ():
            (folder / sub / name).write_bytes(bad_images()[name][0])
    lines = [
        "id: bad-images",
        "title: Bad images",
        "language: en",
        "summary: Every scene shows bad files.",
        "characters:",
    ]
    lines += [f"  c{i}: {{name: Guest {i}, role: Critic, portrait: portraits/{n}}}" for i, n in enumerate(names)]
    lines += ["places:"] + [f"  p{i}: {{name: Room {i}, image: backgrounds/{n}}}" for i, n in enumerate(names)]
    lines += ["start: s0", "scenes:"]
    for i in range(len(names)):
        target = f"s{i + 1}" if i + 1 < len(names) else "done"
        lines.append(
            f"  s{i}: {{phase: situation, speaker: c{i}, place: p{i}, text: Scene {i}., choices: "
            f"[{{id: go{i}, text: On., style: assertive, feedback: Fine., next: {target}}}]}}"
        )
    lines += ["endings:", "  done: {rating: good, title: Done, text: Done.}", ""]
    path = folder / "bad-images.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, len(names)
