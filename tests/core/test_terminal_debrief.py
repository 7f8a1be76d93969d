"""Terminal play ends with the debrief the window shows, read from the core's debrief model: every decision
grouped by phase, what it did (better or worse by the metric's ``better:``), the coach's note, the strongest
choice with its model line and technique, the scores with pass or fail; then it asks for one commitment."""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from tests.core.test_terminal_language import play_text

SIX = DATA / "gauges" / "six-gauges.yaml"


def test_the_terminal_debrief_and_commitment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = "2\n2\n2\n2\nI will tell Ken on Monday that the new price starts in March.\n"
    out = play_text(["play", str(SIX), "--text"], answers, monkeypatch, capsys)
    debrief = out[out.index("DEBRIEF") :]
    assert debrief.startswith("DEBRIEF · Scores: Cost 0% · Limits 0% · Power 0% · overall 0%: not passed yet")
    lines = debrief.splitlines()
    assert [line for line in lines if line.startswith("[")] == ["[SITUATION]", "[COST]", "[LIMITS]", "[POWER]"]
    assert "    Owner's stress: ▲ +6% (worse)" in lines  # a rise of a better: lower metric is bad news
    assert "    Revenue: ▼ −3,000 $/month (worse)" in lines
    assert "    Alternative: Or we start in a month, when you have the budget." in lines
    assert "  Technique: BATNA: Know your best alternative if there is no agreement; it" in lines
    assert lines[-1] == "Your commitment: I will tell Ken on Monday that the new price starts in March."


def test_the_commitment_may_be_skipped_in_spanish(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = play_text(["play", str(SIX), "--text", "--lang", "es"], "1\n1\n1\n1\n\n", monkeypatch, capsys)
    flat = " ".join(out.split())  # as read, whatever the line wrapping
    assert "ANÁLISIS · Puntuación: Costo 100 % · Límites 100 % · Poder 100 % · total 100 %: aprobado" in flat
    assert "  Encontraste la opción más sólida." in out
    assert "Tu compromiso" not in out  # an empty line skips it
    assert out.rstrip().endswith("omitir):")
