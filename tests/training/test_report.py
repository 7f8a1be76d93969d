"""The trainer's report: content in both languages, self-contained, and a real screenshot in Chromium."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest

from game.core.session import Session
from game.training.record_store import Records
from game.training.report import render_report
from tests.training.helpers import WORKSHOP, chromium, play_and_record, screenshot, sticky, workshop

DATA = WORKSHOP.parent

LEARNERS = ("Ana", "Bruno", "Carmen")


def _cohort(records: Records) -> None:
    for i, name in enumerate(LEARNERS):
        for k in range(3):
            play_and_record(records, workshop(), learner=name, cohort="W1", seed=i * 3 + k)
    play_and_record(records, workshop(), learner="Zed", cohort="W2", seed=50)
    session = Session(workshop())
    pid = records.start(session, learner="Room", cohort="W1", mode="group")
    for counts in (
        {"ask_details": 3, "say_yes_now": 9},
        {"count_it": 2, "absorb_it": 8, "blame_dora": 2},
        {"rush_fee": 10, "fine_eight": 1, "shout": 1},
        {"know_your_worth": 12, "cave": 0, "go_then": 0},
    ):
        pick = max(counts, key=lambda k: counts[k])
        records.votes(pid, session.turn + 1, session.scene.id, counts, pick)
        records.choice(pid, session.choose(pick), 120)
    records.finish(pid, session)


def test_report_content_in_english(records: Records) -> None:
    _cohort(records)
    html = render_report(records.playthroughs(), "en", "W1", [DATA])
    assert "The rush order" in html and "Trainer&#x27;s report" in html
    assert ">Zed<" not in html  # another cohort
    for name in LEARNERS:
        assert f">{name}<" in html
    assert "Endings reached" in html and "Where the group struggled most" in html
    assert (
        "Write it down: about €300 of overtime and a late delivery to someone else." in html
    )  # choice text, with the best-choice star
    assert "★" in html and "Group votes" in html
    assert html.count("<svg") > 10 and "<script" not in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "the report must not load anything"


def test_report_in_spanish(records: Records) -> None:
    _cohort(records)
    html = render_report(records.playthroughs(), "es", None, [DATA])
    assert 'lang="es"' in html and "Informe para quien facilita" in html
    assert "Sticky Situations" not in html  # the product is named in Spanish too
    assert "Perfil de asertividad" in html and "Asertiva" in html
    assert "El encargo urgente" in html  # the scenario's Spanish text
    assert "Grupo" in html and "W2" in html


def test_report_with_nothing_recorded_and_cli_errors(tmp_path: Path) -> None:
    result = sticky("report", "--out", str(tmp_path / "r.html"), data=tmp_path / "data")
    assert result.returncode == 0 and "0 playthroughs" in result.stdout
    assert "No playthroughs recorded yet." in (tmp_path / "r.html").read_text()
    folder = sticky("report", "--out", str(tmp_path), data=tmp_path / "data")
    assert folder.returncode == 1 and "Traceback" not in folder.stderr


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (apt-get install chromium)")
def test_report_renders_in_headless_chromium(tmp_path: Path, records: Records) -> None:
    _cohort(records)
    out = tmp_path / "report.html"
    result = sticky("report", "--cohort", "W1", "--out", str(out), "--scenarios", str(DATA), data=records.data_dir)
    assert result.returncode == 0, result.stderr
    shot = tmp_path / "report.png"
    screenshot(out, shot, 2000)
    assert shot.exists() and shot.stat().st_size > 20_000
    keep = Path(tempfile.gettempdir()) / "sticky-report-screenshot.png"
    shutil.copy(shot, keep)  # for a person to look at
    import pygame

    image = pygame.image.load(str(shot))
    assert image.get_size() == (1280, 2000)
    # The header band is dark blue-green; the style bars put their colours on the page.
    header = image.get_at((40, 40))
    assert header.b > header.r
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, 1280, 7) for y in range(300, 2000, 7)}
    assert (46, 125, 107) in colours  # the assertive style's green
