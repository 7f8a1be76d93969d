"""The report printed by real headless Chromium: a 28-playthrough workshop day on at most 15 pages, on Letter
and on A4, with the choice column wide enough to read (no choice squeezed to a few words a line).

The PDF and PNGs of its pages are kept in the temporary folder (sticky-report-print/) for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from game.training.record_store import open_records
from game.training.report import render_report
from tests.training.helpers import chromium, run_chromium
from tests.training.report_fixture import scenario_paths, shipped, workshop_day

pytestmark = pytest.mark.skipif(
    chromium() is None or shutil.which("pdftotext") is None,
    reason="needs Chromium and poppler-utils (apt-get install chromium poppler-utils)",
)

MAX_PAGES = 15


def print_pdf(page: Path, pdf: Path) -> None:
    """Print ``page`` to ``pdf`` as headless Chromium does (no header or footer, off the network)."""
    run_chromium(page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", timeout=180)


def pages_and_size(pdf: Path) -> tuple[int, str]:
    """The page count and page size pdfinfo reports."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
    size = re.search(r"^Page size:\s+(.*)$", info, re.M)
    assert pages and size, info
    return int(pages.group(1)), size.group(1)


@pytest.mark.parametrize(
    ("language", "paper"),
    # Spanish on Letter (the longer text on the shorter page) by default; the others in the slow step
    [
        ("es", "letter"),
        pytest.param("en", "letter", marks=pytest.mark.slow),
        pytest.param("en", "A4", marks=pytest.mark.slow),
    ],
)
def test_a_workshop_day_prints_on_at_most_15_pages(tmp_path: Path, language: str, paper: str) -> None:
    with open_records(tmp_path / "data", auto_send=False) as records:
        workshop_day(records)
        html = render_report(records.playthroughs(), language, None, scenario_paths())
    if paper == "A4":  # what a printer set to A4 asks for; the report itself leaves the size to the printer
        html = html.replace("<style>", "<style>@page{size:A4}", 1)
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    print_pdf(page, pdf)
    count, size = pages_and_size(pdf)
    assert ("letter" if paper == "letter" else "A4") in size
    assert count <= MAX_PAGES, f"{count} {paper} pages in {language}"
    keep = Path(tempfile.gettempdir()) / "sticky-report-print"
    keep.mkdir(exist_ok=True)
    shutil.copy(pdf, keep / f"report-{language}-{paper}.pdf")
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(pdf), str(keep / f"{language}-{paper}")], check=False, timeout=120
        )
    # The choice column keeps its width: a long choice's first printed line holds a good part of it.
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    spa = shipped("spa-hotel", language)
    long_choices = [c.text for s in spa.scenes for c in s.choices if len(c.text.split()) >= 14]
    checked = 0
    for choice in long_choices:
        start = " ".join(choice.split()[:3])
        at_cell = re.compile(r"(?:^\s*|\s{3,}|★ )" + re.escape(start))
        line = next((ln for ln in text.splitlines() if at_cell.search(ln)), None)
        if line is None:
            continue
        cell = re.split(r"\s{3,}", line[line.index(start) :])[0]
        assert len(cell.split()) >= 6, f"choice column squeezed: {cell!r} of {choice!r}"
        checked += 1
    assert checked >= 5
