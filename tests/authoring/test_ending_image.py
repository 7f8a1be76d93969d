"""An ending may name its own picture (``image:``, issue 20): checked like a place's image, with the same codes
at the path's line: S701 (leaves the folder), S702 (not found), S703 (not a picture the game can show)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.authoring.lint import check_file
from game.authoring.load import load_scenario
from tests.reliability.bad_images import png_bomb

DATA = Path(__file__).resolve().parents[1] / "data" / "ending-image"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the ending-image scenario and its picture, to edit."""
    for name in ("ending-image.yaml", "shop-closed.png"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "ending-image.yaml"


def _with_image(path: Path, image: str) -> int:
    """The scenario with ``image`` as the closed ending's picture; the line number of that path."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if "image: shop-closed.png" in line)
    lines[index] = lines[index].replace("image: shop-closed.png", f"image: {image}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def test_an_endings_own_picture_is_loaded_and_the_others_have_none() -> None:
    result = load_scenario(DATA / "ending-image.yaml")
    assert result.scenario is not None
    assert not [d for d in result.diagnostics if d.code.startswith("S7")]
    images = {ending.id: ending.image for ending in result.scenario.endings}
    assert images == {"closed": "shop-closed.png", "done": None}
    spanish = result.localized("es")  # no translation: the picture is the same in every language
    assert spanish is not None and spanish.endings[0].image == "shop-closed.png"


@pytest.mark.parametrize(
    ("image", "code"),
    [("../shop-closed.png", "S701"), ("/etc/passwd", "S701"), ("gone.png", "S702"), ("bomb.png", "S703")],
)
def test_a_bad_ending_picture_is_reported_at_its_path(folder: Path, image: str, code: str) -> None:
    (folder.parent / "bomb.png").write_bytes(png_bomb())
    line = _with_image(folder, image)
    found = [d for d in check_file(folder).diagnostics if d.code == code]
    assert found and found[0].pos.line == line
    assert f"image '{image}'" in found[0].message


def test_a_translation_cannot_change_an_endings_picture(folder: Path) -> None:
    folder.with_name("ending-image.es.yaml").write_text(
        "translation_of: ending-image\nlanguage: es\nendings:\n  closed:\n    image: otra.png\n",
        encoding="utf-8",
    )
    codes = {d.code for d in check_file(folder).diagnostics}
    assert "S604" in codes
