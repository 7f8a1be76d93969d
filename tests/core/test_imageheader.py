"""The image header reader and the pixel budget (``game.core.imageheader``, ``game.core.imagecheck``): pure,
no decoder. That the headers agree with the decoder, and what the window does with each file, is in
``tests/reliability/test_image_memory.py``."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest

from game.core.imagecheck import MAX_PIXELS, MAX_SIDE, check_image
from game.core.imageheader import ImageHeaderError, ImageInfo, read_image_header
from tests.conftest import ROOT
from tests.reliability.bad_images import bad_images, bmp_header, gif, jpeg_header, png, webp_vp8x


@pytest.mark.parametrize("name", sorted(bad_images()))
def test_every_bad_file_gets_its_verdict_and_reason(name: str, tmp_path: Path) -> None:
    data, verdict, words = bad_images()[name]
    path = tmp_path / name
    path.write_bytes(data)
    check = check_image(path)
    assert (check.verdict, check.ok) == (verdict, False)
    assert words in check.problem
    if verdict == "too-large":
        assert check.info is not None and check.info.pixels > 0


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (png(5, 3), ImageInfo("PNG", 5, 3)),
        (jpeg_header(640, 480), ImageInfo("JPEG", 640, 480)),
        (gif(7, 5), ImageInfo("GIF", 7, 5)),
        (gif(2, 2, screen=(300, 200)), ImageInfo("GIF", 300, 200)),
        (bmp_header(320, -240), ImageInfo("BMP", 320, 240)),
        (webp_vp8x(1280, 720), ImageInfo("WebP", 1280, 720)),
    ],
)
def test_headers_give_format_and_size(data: bytes, expected: ImageInfo) -> None:
    assert read_image_header(io.BytesIO(data)) == expected


def test_webp_simple_headers() -> None:
    frame = b"\x00\x00\x00\x9d\x01\x2a" + (640).to_bytes(2, "little") + (480).to_bytes(2, "little")
    lossy = b"RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00" + frame
    assert read_image_header(io.BytesIO(lossy)) == ImageInfo("WebP", 640, 480)
    bits = (800 - 1) | ((600 - 1) << 14)
    lossless = b"RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2f" + bits.to_bytes(4, "little") + b"\x00" * 8
    assert read_image_header(io.BytesIO(lossless)) == ImageInfo("WebP", 800, 600)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "truncated: the JPEG ends before its frame header"),
        (b"\xff\xd8\xff\xda\x00\x08" + b"\x00" * 20, "image data starts before its frame header"),
        (jpeg_header(640, 0), "height after the image data (DNL)"),
        (b"\x89PNG\n\x1a\n" + b"\x00" * 40, "PNG signature is wrong"),  # CR LF made LF by a text transfer
        (b"GIF89a\x10\x00\x10\x00\x00\x00\x00;", "the GIF holds no image"),
        (b"GIF89a\x10\x00\x10\x00\x00\x00\x00", "truncated: the GIF ends before its first image"),
        (bmp_header(0, 10), "size of 0×10 pixels"),
        (b"BM" + b"\x00" * 12 + b"\x05\x00\x00\x00" + b"\x00" * 20, "unknown BMP header size 5"),
        (b"RIFF\x00\x00\x00\x00WEBPVP9 " + b"\x00" * 20, "unknown WebP chunk"),
    ],
)
def test_damaged_headers_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(ImageHeaderError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        read_image_header(io.BytesIO(data))


def test_the_budget_edges(tmp_path: Path) -> None:
    assert MAX_PIXELS == 4096 * 4096 and MAX_SIDE == 8192
    cases = {
        "square.png": (bmp_header(4096, 4096), "ok"),
        "over.png": (bmp_header(4097, 4096), "too-large"),
        "long.png": (bmp_header(MAX_SIDE, 1), "ok"),
        "longer.png": (bmp_header(MAX_SIDE + 1, 1), "too-large"),
    }
    for name, (data, verdict) in cases.items():
        (tmp_path / name).write_bytes(data)
        assert check_image(tmp_path / name).verdict == verdict, name
    assert check_image(tmp_path / "over.png", max_pixels=5000 * 5000).ok


def test_missing_folder_fifo_and_unreadable(tmp_path: Path) -> None:
    assert check_image(tmp_path / "nowhere.png").verdict == "missing"
    assert "not a regular file" in check_image(tmp_path).problem
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert "not a regular file" in check_image(fifo).problem  # and it does not wait for a writer
    assert time.monotonic() - started < 1
    assert check_image(Path("/dev/zero")).verdict == "unreadable"
    assert check_image("bad\0name.png").verdict == "unreadable"
    locked = tmp_path / "locked.png"
    locked.write_bytes(png(2, 2))
    locked.chmod(0)
    try:
        if os.geteuid() != 0:  # root reads it anyway
            assert "cannot be read (Permission denied)" in check_image(locked).problem
    finally:
        locked.chmod(0o600)


def test_every_shipped_image_is_within_the_budget() -> None:
    images = sorted((ROOT / "game" / "assets").rglob("*.png"))
    assert len(images) > 100
    for path in images:
        check = check_image(path)
        assert check.ok, (path, check.problem)
        assert check.info is not None and check.info.format == "PNG"


def test_reading_a_bomb_header_reads_a_few_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(bad_images()["real-bomb.png"][0])

    class Counting(io.FileIO):
        read_bytes = 0

        def read(self, size: int | None = -1) -> bytes:
            data = super().read(size)
            Counting.read_bytes += len(data)
            return data

    with Counting(path, "rb") as handle:
        info = read_image_header(handle)
    assert (info.width, info.height) == (6000, 6000)
    assert Counting.read_bytes <= 64 + 4096  # the head and the tail, not the 140 KB between
