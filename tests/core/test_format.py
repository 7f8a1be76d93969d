"""Numbers for people in English and Spanish: the core formatter and the terminal front end that uses it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from game.core.format import format_delta, format_number, format_value, with_unit
from game.core.model import Metric
from game.core.session import Session
from game.terminal import play_in_terminal

REVENUE_EN = Metric("revenue", 85000, 0, None, "$/month", "Revenue")
REVENUE_ES = Metric("revenue", 85000, 0, None, "$/mes", "Ingresos")
MARGIN = Metric("margin", 2.5, -20, 40, "%", "Margin")
PLAIN = Metric("score", 0, None, None, "", "Score")


@pytest.mark.parametrize(
    ("value", "metric", "english", "spanish"),
    [
        (85000, REVENUE_EN, "85,000 $/month", "85\u202f000 $/month"),
        (85000, REVENUE_ES, "85,000 $/mes", "85\u202f000 $/mes"),
        (2.5, MARGIN, "2.5%", "2,5 %"),
        (72, MARGIN, "72%", "72 %"),
        (-12.5, MARGIN, "-12.5%", "-12,5 %"),
        (5000, PLAIN, "5,000", "5000"),  # four digits are grouped too, as the game always showed
        (1234567.0, PLAIN, "1,234,567", "1\u202f234\u202f567"),
        (150.4, PLAIN, "150", "150"),  # 100 or more: no decimals
        (5.5, Metric("sleep", 5.5, 3, 8, "h/night", "Sleep"), "5.5 h/night", "5,5 h/night"),
    ],
)
def test_format_value_in_both_languages(value: float, metric: Metric, english: str, spanish: str) -> None:
    assert format_value(value, metric) == english  # English is the default
    assert format_value(value, metric, "en") == english
    assert format_value(value, metric, "es") == spanish


@pytest.mark.parametrize(
    ("delta", "metric", "english", "spanish"),
    [
        (3000, REVENUE_EN, "▲ +3,000 $/month", "▲ +3000 $/month"),
        (-3000, REVENUE_ES, "▼ −3,000 $/mes", "▼ −3000 $/mes"),
        (-12, MARGIN, "▼ −12%", "▼ −12 %"),
        (0.5, MARGIN, "▲ +0.5%", "▲ +0,5 %"),
        (0, MARGIN, "= ±0%", "= ±0 %"),
    ],
)
def test_format_delta_in_both_languages(delta: float, metric: Metric, english: str, spanish: str) -> None:
    assert format_delta(delta, metric, "en") == english
    assert format_delta(delta, metric, "es") == spanish
    assert format_delta(delta, metric, "es", arrow=False) == spanish[2:]
    assert format_delta(delta, metric, arrow=False) == english[2:]


def test_numbers_with_fixed_digits_and_units() -> None:
    assert format_number(5.54, "en", 1) == "5.5" and format_number(5.54, "es", 1) == "5,5"
    assert format_number(12345.678, "es", 2) == "12\u202f345,68"
    assert format_number(12345.678, "en", 2) == "12,345.68"
    assert with_unit("45", "%", "es") == "45 %" and with_unit("45", "%", "en") == "45%"
    assert with_unit("7", "", "es") == "7"


def test_an_unknown_language_is_written_the_english_way() -> None:
    assert format_value(85000.5, REVENUE_EN, "fr") == "85,000 $/month"
    assert format_delta(-2.5, MARGIN, "de") == "▼ −2.5%"


def _terminal(path: Path, language: str, answers: str) -> str:
    scenario = load_scenario(path).localized(language)
    assert scenario is not None and scenario.language == language
    out = io.StringIO()
    assert play_in_terminal(Session(scenario), io.StringIO(answers), out) == 0
    return out.getvalue()


def test_the_terminal_writes_numbers_in_the_scenario_language(bakery_path: Path) -> None:
    spanish = _terminal(bakery_path, "es", "explain_policy\nm\nq\n").splitlines()
    assert "  Reputación: ▲ +2 % (mejor)" in spanish
    assert (
        "  Ingresos: 18\u202f000 €/mes" in spanish and "  Reputación: 77 % (▲ +2 % desde el inicio, mejor)" in spanish
    )
    english = _terminal(bakery_path, "en", "explain_policy\nm\nq\n").splitlines()
    assert "  Reputation: ▲ +2% (better)" in english
    assert "  Revenue: 18,000 €/month" in english and "  Reputation: 77% (▲ +2% since the start, better)" in english
