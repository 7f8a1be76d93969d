"""Paths in a scenario stay inside its folder or the game's assets/: every escape is an S701 at the path.

Tried for both a character's ``portrait`` and a place's ``image``: ``../`` climbs (also hidden behind a
sub-folder or backslashes), absolute POSIX and Windows paths, UNC shares, drive-relative paths, URLs, NTFS
streams, Windows device names, NUL and control characters, absurdly long names, and symbolic links (to a
file, to a folder, to an absolute path, a loop) that lead outside. A translation file that is a link to a
file elsewhere is not read either.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from tests.core.scenario_text import MINIMAL
from tests.reliability.bad_images import png

ESCAPES = [
    "../secret.png",
    "../../../../etc/passwd",
    "..",
    "sub/../../secret.png",
    "./sub/../../secret.png",
    "..\\secret.png",
    "sub\\..\\..\\secret.png",
    "/etc/passwd",
    "//server/share/x.png",
    "\\\\server\\share\\x.png",
    "\\secret.png",
    "C:\\Windows\\win.ini",
    "C:/Windows/win.ini",
    "C:secret.png",
    "file:///etc/passwd",
    "https://example.com/x.png",
    "ok.png:hidden-stream",
    "CON",
    "nul.png",
    "sub/aux.png",
    "COM1",
    "lpt9.jpg",
    "NUL .png",
    ".",
    "ok\x00.png",
    "ok\n.png",
    "x" * 5000,
]
LINKS = ["link-to-file.png", "link-dir/secret.png", "link-absolute.png", "link-loop.png", "link-dir"]
INSIDE = ["ok.png", "./ok.png", "sub/ok.png", "sub/../ok.png", "sub\\ok.png", "link-inside.png"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """tmp/scenario/ (the scenario's folder, with ok.png, sub/ok.png and links) beside tmp/outside/secret.png."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"secret")
    scenario = tmp_path / "scenario"
    (scenario / "sub").mkdir(parents=True)
    (scenario / "ok.png").write_bytes(png(2, 2))  # a real picture: the checker reads its header (S703)
    (scenario / "sub" / "ok.png").write_bytes(png(2, 2))
    (scenario / "link-inside.png").symlink_to("ok.png")
    (scenario / "link-to-file.png").symlink_to("../outside/secret.png")
    (scenario / "link-dir").symlink_to("../outside", target_is_directory=True)
    (scenario / "link-absolute.png").symlink_to(outside / "secret.png")
    (scenario / "link-loop.png").symlink_to("link-loop.png")
    return scenario


AT = {  # where the path is written: line, and the column of its opening quote
    "portrait": (7, len("  kim: {name: Kim, role: Client, portrait: ") + 1),
    "image": (9, len("  office: {name: Office, image: ") + 1),
}


def _load(folder: Path, path: str, field: str) -> list[tuple[str, tuple[int, int], str]]:
    quoted = json.dumps(path)
    if field == "portrait":
        text = MINIMAL.replace("{name: Kim, role: Client}", f"{{name: Kim, role: Client, portrait: {quoted}}}")
    else:
        place = f"places:\n  office: {{name: Office, image: {quoted}}}\n"
        text = MINIMAL.replace("start: hello\n", place + "start: hello\n")
    (folder / "s.yaml").write_text(text, encoding="utf-8")
    result = load_scenario(folder / "s.yaml")
    return [(d.code, (d.pos.line, d.pos.col), d.message) for d in result.diagnostics]


@pytest.mark.parametrize("field", ["portrait", "image"])
@pytest.mark.parametrize("path", ESCAPES + LINKS)
def test_escaping_path_is_refused(folder: Path, path: str, field: str) -> None:
    diagnostics = _load(folder, path, field)
    refused = [(code, at) for code, at, _ in diagnostics if code != "S114"]  # S114: a NUL is also flagged as such
    assert refused == [("S701", AT[field])], diagnostics


@pytest.mark.parametrize("field", ["portrait", "image"])
@pytest.mark.parametrize("path", INSIDE)
def test_path_inside_the_folder_is_accepted(folder: Path, path: str, field: str) -> None:
    assert _load(folder, path, field) == []


def test_path_in_assets_is_accepted(folder: Path) -> None:
    assets = Path(__file__).resolve().parents[2] / "game" / "assets"
    shipped = sorted(p.relative_to(assets).as_posix() for p in assets.glob("*/*.png"))
    if not shipped:
        pytest.skip("no images under assets/ yet")
    assert _load(folder, shipped[0], "portrait") == []


def test_missing_file_is_only_a_warning(folder: Path) -> None:
    assert [code for code, _, _ in _load(folder, "sub/missing.png", "portrait")] == ["S702"]


def test_translation_that_links_outside_is_not_read(folder: Path) -> None:
    (folder / "s.yaml").write_text(MINIMAL, encoding="utf-8")
    elsewhere = folder.parent / "outside" / "private.yaml"
    elsewhere.write_text("translation_of: tiny\nlanguage: es\ntitle: secreto\n", encoding="utf-8")
    (folder / "s.es.yaml").symlink_to(elsewhere)
    result = load_scenario(folder / "s.yaml")
    assert [d.code for d in result.diagnostics] == ["S701"]
    assert "secreto" not in " ".join(d.format() for d in result.diagnostics)
    # the translation is not read, and the original still plays (a translation never blocks it)
    assert result.scenario is not None and "es" not in result.translations
    assert [d.code for d in result.translation_problems["es"]] == ["S701"]


pytestmark = pytest.mark.skipif(os.name == "nt", reason="creates symbolic links")
