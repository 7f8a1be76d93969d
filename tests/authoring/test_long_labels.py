"""S813: an author's metric label longer than the gauges show at reading size, in the scenario or a translation.

The limit is the one the window keeps: ``tests/ui/test_label_floor.py`` plays a scenario with six metrics whose
own labels are this long and finds no label drawn below the floor.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from game.authoring.lint import LABEL_LIMIT
from game.cli import main
from tests.conftest import ROOT

SIX = ROOT / "tests" / "data" / "gauges"


def _copy(tmp_path: Path, english: str, spanish: str) -> Path:
    for name in ("six-gauges.yaml", "six-gauges.es.yaml"):
        shutil.copy(SIX / name, tmp_path / name)
    source = tmp_path / "six-gauges.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("label: Cash at risk,", f"label: {english},"))
    es = tmp_path / "six-gauges.es.yaml"
    es.write_text(es.read_text(encoding="utf-8").replace("label: Dinero en riesgo,", f"label: {spanish},"))
    return source


def test_a_label_at_the_limit_is_quiet_and_a_longer_one_is_named_in_both_files(tmp_path: Path, capsys) -> None:
    quiet = _copy(tmp_path, "x" * LABEL_LIMIT, "y" * LABEL_LIMIT)
    assert main(["check", str(quiet)]) == 0
    assert "S813" not in capsys.readouterr().out

    loud = _copy(tmp_path, "Cash we could lose this month", "Dinero que podemos perder este mes")
    assert main(["check", str(loud)]) == 0  # a warning, not an error
    out = capsys.readouterr().out
    assert f"{loud}:18:" in out and "warning S813: the label of metric 'cash_at_risk' has 29 characters" in out
    assert f"{tmp_path / 'six-gauges.es.yaml'}:12:" in out and "has 34 characters" in out
    assert "shorten it to 20 characters or fewer" in out


def test_the_warning_in_spanish(tmp_path: Path, capsys) -> None:
    loud = _copy(tmp_path, "Cash we could lose this month", "Dinero en riesgo")
    main(["--lang", "es", "check", str(loud)])
    out = capsys.readouterr().out
    assert "aviso S813: la etiqueta de la métrica 'cash_at_risk' tiene 29 caracteres" in out
    assert "acórtala a 20 caracteres o menos" in out
