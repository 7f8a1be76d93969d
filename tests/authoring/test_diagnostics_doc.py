"""Every code in CODES is documented in docs/diagnostics.md with an example, and each example raises its code
at the line marked ``# <- CODE`` when run through the checker (load + graph checks + lint)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.authoring.diagnostics import CODES
from game.authoring.lint import check_file
from game.authoring.yamltree import MAX_BYTES
from tests.conftest import ROOT
from tests.reliability.bad_images import png_bomb

DOC = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
EXAMPLE = re.compile(r"<!-- example: (S\d{3})([^>]*)-->\n```yaml\n(.*?)```", re.S)
BASE = re.compile(r"<!-- example-base: (\S+) -->\n```yaml\n(.*?)```", re.S)
EXAMPLES = [(m.group(1), m.group(2).split(), m.group(3)) for m in EXAMPLE.finditer(DOC)]


def write_example(tmp_path: Path, options: list[str], text: str) -> Path:
    """The example as a file (or folder) in ``tmp_path``; returns the scenario path to check."""
    base = BASE.search(DOC)
    assert base is not None
    path = tmp_path / base.group(1)
    if "translation" in options:
        path.write_text(base.group(2), encoding="utf-8")
        path.with_name(f"{path.stem}.es.yaml").write_text(text, encoding="utf-8")
        return path
    if "folder" in options:
        path.mkdir()
        return path
    data = text.encode("latin-1" if "encoding=latin-1" in options else "utf-8")
    data = data.replace("␀".encode(), b"\0").replace("␉".encode(), b"\t")
    path.write_bytes(data)
    for option in options:  # file=NAME:KIND puts a file beside the example: "bomb" (a huge PNG header) or "empty"
        if option.startswith("file="):
            name, kind = option[len("file=") :].split(":")
            (tmp_path / name).write_bytes(png_bomb() if kind == "bomb" else b"")
    if "grow" in options:  # written in chunks: 40 MB in this process would raise the RSS its children inherit
        with open(path, "ab") as handle:
            chunk = b"# padding\n" * 100_000
            for _ in range(MAX_BYTES // len(chunk) + 1):
                handle.write(chunk)
    return path


@pytest.mark.parametrize(("code", "options", "text"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_example_raises_its_code_on_the_marked_line(code: str, options: list[str], text: str, tmp_path: Path) -> None:
    marked = [i for i, line in enumerate(text.splitlines(), 1) if f"# <- {code}" in line]
    assert len(marked) == 1, f"the example of {code} must mark exactly one line with '# <- {code}'"
    path = write_example(tmp_path, options, text)
    diagnostics = check_file(path).diagnostics
    hits = [d for d in diagnostics if d.code == code]
    shown = "\n".join(d.format() for d in diagnostics)
    assert hits, f"{code} did not fire; got:\n{shown}"
    if "folder" in options:
        return
    where = "demo.es.yaml" if "translation" in options else path.name
    assert any(d.pos.line == marked[0] and d.pos.path.endswith(where) for d in hits), shown
    assert all(d.severity == CODES[code][0] for d in hits)


def test_every_code_has_exactly_one_example_and_a_section() -> None:
    documented = [code for code, _options, _text in EXAMPLES]
    assert sorted(documented) == sorted(CODES), set(documented) ^ set(CODES)
    for code, (severity, title) in CODES.items():
        assert f'<a id="{code.lower()}"></a>\n### {code}: {title} ({severity.value})' in DOC


def test_the_base_scenario_is_clean_apart_from_missing_decision_points(tmp_path: Path) -> None:
    base = BASE.search(DOC)
    assert base is not None
    path = tmp_path / "demo.yaml"
    path.write_text(base.group(2), encoding="utf-8")
    assert {d.code for d in check_file(path).diagnostics} == {"S809"}


MISTAKE = re.compile(r"<!-- mistake: (S\d{3}) \| (.*?) -->\n```yaml\n(.*?)```", re.S)
MISTAKES = [(m.group(1), m.group(2), m.group(3)) for m in MISTAKE.finditer(DOC)]


@pytest.mark.parametrize(("code", "hint", "text"), MISTAKES, ids=[f"{e[0]}-{i}" for i, e in enumerate(MISTAKES)])
def test_a_common_mistake_gets_its_hint_on_the_marked_line(code: str, hint: str, text: str, tmp_path: Path) -> None:
    from game.authoring.messages import localize, recognized

    marked = [i for i, line in enumerate(text.splitlines(), 1) if f"# <- {code}" in line]
    assert len(marked) == 1
    path = tmp_path / "demo.yaml"
    path.write_text(text, encoding="utf-8")
    hits = [d for d in check_file(path).diagnostics if d.code == code and d.pos.line == marked[0]]
    assert hits, [d.format() for d in check_file(path).diagnostics]
    assert hint in hits[0].hint, hits[0].format()
    assert recognized(hits[0].hint) and localize(hits[0].hint, "es") != hits[0].hint  # and it is said in Spanish


def test_the_mistakes_cover_the_issue_list() -> None:
    assert len(MISTAKES) >= 17
