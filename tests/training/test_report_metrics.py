"""The trainer's report shows every declared metric, judged by its ``better:``, and the texts learners saw.

Played on tests/data/gauges/six-gauges.yaml: six metrics, two of them (owner's stress, cash at risk) where
lower is better. The arrows stay truthful (up is up); the colour class and the word follow ``better:``.
"""

from __future__ import annotations

import html as html_lib
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.training.record_store import Records
from game.training.report import render_report
from tests.conftest import DATA
from tests.training.helpers import chromium, play_and_record, screenshot

GAUGES = DATA / "gauges"
BEST = ["ask_details", "count_it", "new_price", "know_value"]
WORST = ["yes_at_once", "absorb_it", "snap", "cave"]
LABELS = {
    "en": ("Revenue", "Staff morale", "Reputation", "Owner's stress", "Cash at risk", "Hours of sleep"),
    "es": ("Ingresos", "Moral del equipo", "Reputación", "Estrés de la dueña", "Dinero en riesgo", "Horas de sueño"),
}


def load(path: Path) -> Scenario:
    """The scenario at ``path``, which must load without errors."""
    scenario = load_scenario(path).scenario
    assert scenario is not None
    return scenario


def _play(records: Records, scenario: Scenario, scripts: list[list[str]]) -> None:
    for i, script in enumerate(scripts):
        play_and_record(records, scenario, learner=f"L{i}", cohort="W1", seed=i, choices=list(script))


def _changes(page: str) -> list[tuple[str, str]]:
    """Every judged change on the page as (news class, text), the text unescaped."""
    found = re.findall(r'<p class="change (\w+)">(.*?)</p>', page)
    return [(news, html_lib.unescape(re.sub(r"<[^>]+>", "", text))) for news, text in found]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_metric_is_charted_and_judged_by_its_better(records: Records, language: str) -> None:
    _play(records, load(GAUGES / "six-gauges.yaml"), [WORST, WORST, BEST])
    page = render_report(records.playthroughs(), language, None, [GAUGES])
    text = html_lib.unescape(page)
    for label in LABELS[language]:
        assert f"{label}: " in text, f"no chart for {label}"
    changes = _changes(page)
    worse, better = ("worse", "better") if language == "en" else ("peor", "mejor")
    stress = LABELS[language][3]
    # Two of three learners made the owner more stressed: the average rose, which is bad news.
    rise = [t for news, t in changes if t.startswith("▲") and news == "worse"]
    assert any(f"({worse})" in t for t in rise)
    # At the cost scene, counting the loss lowers stress: a fall, drawn down, judged better.
    assert any(news == "better" and t.startswith(f"{stress} ▼ −5") and f"({better})" in t for news, t in changes)
    # Absorbing the rise costs revenue and sleep (higher is better): falls, judged worse.
    revenue = LABELS[language][0]
    assert any(news == "worse" and t.startswith(f"{revenue} ▼") and f"({worse})" in t for news, t in changes)
    sleep = LABELS[language][5]
    assert any(news == "better" and t.startswith(f"{sleep} ▲") and f"({better})" in t for news, t in changes)
    # Every arrow is truthful and every judgement matches its class.
    for news, t in changes:
        if news == "better":
            assert f"({better})" in t and f"({worse})" not in t
        elif news == "worse":
            assert f"({worse})" in t and f"({better})" not in t
    assert not any(("▲" in t and "−" in t.split("(")[0]) or ("▼" in t and "+" in t) for _n, t in changes)
    lower = "lower is better" if language == "en" else "cuanto menos, mejor"
    assert text.count(lower) >= 2  # said beside the two metrics where lower is better


def _variant_copy(folder: Path) -> Path:
    """six-gauges with an ending title and a coach's note that follow the owner's stress."""
    text = (GAUGES / "six-gauges.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    title: A contract you can keep\n",
        "    title:\n"
        "      - when: owner_stress > 50\n"
        "        text: A contract that costs you sleep\n"
        "      - text: A contract you can keep\n",
    )
    text = text.replace(
        "        feedback: Counting the loss turns a feeling into a figure you can state.\n",
        "        feedback:\n"
        "          - when: owner_stress > 40\n"
        "            text: Even after a hasty yes, counting the loss gives you a figure to state.\n"
        "          - text: Counting the loss turns a feeling into a figure you can state.\n",
    )
    text = text.replace(
        "    text: Food prices rose eighteen percent since last year, and Friday is already the busiest day.\n",
        "    text:\n"
        "      - when: owner_stress > 40\n"
        "        text: Your stomach tightens. Food prices rose eighteen percent, and Friday is already full.\n"
        "      - text: Food prices rose eighteen percent since last year, and Friday is already the busiest day.\n",
    )
    path = folder / "six-gauges.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_report_shows_the_variant_each_learner_saw(records: Records, tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    scenario = load(_variant_copy(folder))
    _play(records, scenario, [WORST, BEST, BEST])
    page = html_lib.unescape(render_report(records.playthroughs(), "en", None, [folder]))
    # One learner ended stressed and saw the other title; each title is counted with its own learners.
    assert "A contract that costs you sleep · Good" in page and "A contract you can keep · Good" in page
    assert "1 (33%)" in page and "2 (67%)" in page
    # The strongest choice's note, in the state the decision was made in, as each learner was shown it.
    assert "Even after a hasty yes, counting the loss gives you a figure to state." in page
    assert "Counting the loss turns a feeling into a figure you can state." in page
    # The scene's text as most learners were shown it (two of three arrived calm).
    assert "Food prices rose eighteen percent since last year" in page and "stomach tightens" not in page


def test_report_shows_plain_titles_when_nobody_saw_a_variant(records: Records, tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    _play(records, load(_variant_copy(folder)), [BEST])
    page = html_lib.unescape(render_report(records.playthroughs(), "en", None, [folder]))
    assert "A contract you can keep" in page and "costs you sleep" not in page
    assert "Even after a hasty yes" not in page
    _play(records, load(folder / "six-gauges.yaml"), [WORST, WORST])
    page = html_lib.unescape(render_report(records.playthroughs(), "en", None, [folder]))
    assert "Your stomach tightens." in page  # now most learners arrived stressed


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("language", ["en", "es"])
def test_six_metric_report_in_headless_chromium(records: Records, tmp_path: Path, language: str) -> None:
    _play(records, load(GAUGES / "six-gauges.yaml"), [WORST, BEST, BEST, ["yes_at_once", *BEST[1:]]])
    out = tmp_path / f"report-{language}.html"
    out.write_text(render_report(records.playthroughs(), language, None, [GAUGES]), encoding="utf-8")
    shot = tmp_path / f"report-{language}.png"
    screenshot(out, shot, 3400)
    assert shot.exists() and shot.stat().st_size > 20_000
    shutil.copy(shot, Path(tempfile.gettempdir()) / f"sticky-report-six-metrics-{language}.png")  # to look at
    import pygame

    image = pygame.image.load(str(shot))
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, 1280, 3) for y in range(1400, 3400, 3)}
    assert (46, 125, 107) in colours  # good news in green
    assert (178, 60, 60) in colours  # bad news in red
