"""Metric values in the trainer's outputs follow the language: `sticky replay`, the HTML report and its charts."""

from __future__ import annotations

from pathlib import Path

from game.training import _svg
from game.training.record_store import Records, open_records
from game.training.report import render_report
from tests.training.helpers import BAKERY, WORKSHOP, bakery, play_and_record, sticky, workshop


def test_replay_prints_numbers_in_the_recorded_language(tmp_path: Path) -> None:
    with open_records(tmp_path) as records:
        spanish, _ = play_and_record(records, bakery("es"), learner="Ana", choices=["explain_policy", "hold_the_line"])
        english, _ = play_and_record(records, bakery(), learner="Ben", choices=["explain_policy", "hold_the_line"])
    es = sticky("replay", str(spanish), "--scenario", str(BAKERY), data=tmp_path)
    assert es.returncode == 0, es.stderr
    assert " · Reputación ▲ +2 %" in es.stdout
    assert "  Ingresos: 18\u202f000 €/mes · Moral del equipo: 70 % · Reputación: 77 %" in es.stdout
    en = sticky("replay", str(english), "--scenario", str(BAKERY), data=tmp_path)
    assert en.returncode == 0, en.stderr
    assert " · Reputation ▲ +2%" in en.stdout
    assert "  Revenue: 18,000 €/month · Staff morale: 70% · Reputation: 77%" in en.stdout
    # --lang overrides the recorded language
    forced = sticky("replay", str(english), "--scenario", str(BAKERY), "--lang", "es", data=tmp_path)
    assert "  Ingresos: 18\u202f000 €/mes" in forced.stdout


def test_report_metric_values_follow_the_report_language(records: Records) -> None:
    for seed in range(3):
        play_and_record(
            records,
            workshop(),
            learner="Ana",
            cohort="W1",
            seed=seed,
            choices=["ask_details", "count_it", "rush_fee", "know_your_worth"],
        )
    spanish = render_report(records.playthroughs(), "es", "W1", [WORKSHOP.parent])
    english = render_report(records.playthroughs(), "en", "W1", [WORKSHOP.parent])
    # the trajectory titles: the starting value, with the language's separators and unit spacing
    assert "Ingresos: 12\u202f000 €/mes → " in spanish and "Moral del equipo: 70 % → " in spanish
    assert "Revenue: 12,000 €/month → " in english and "Staff morale: 70% → " in english
    # shares: "100 %" in Spanish, "100%" in English
    assert ">100 %<" in spanish and ">100 %" not in english and ">100%<" in english


def test_chart_labels_use_the_language_separators() -> None:
    assert _svg._tick(5500, 250, "es") == "5,5k" and _svg._tick(5500, 250, "en") == "5.5k"
    assert _svg._tick(2.25, 0.05, "es") == "2,25" and _svg._tick(950, 50, "en") == "950"
    assert _svg._short(12345, "es") == "12k" and _svg._short(1250, "es") == "1,2k"
    assert _svg._short(72.34, "es") == "72,3" and _svg._short(72.0, "en") == "72"
    chart = _svg.line_chart("t", [(0, 70.0), (1, 72.5)], unit="%", language="es")
    assert ">72,5 %</text>" in chart
    assert ">72.5%</text>" in _svg.line_chart("t", [(0, 70.0), (1, 72.5)], unit="%", language="en")
