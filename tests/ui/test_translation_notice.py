"""A translation with problems plays, and the window says so: what it can't give is in the original language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from game.locale import tr_in
from game.ui import flow
from game.ui.playthrough import PRACTICE

pytestmark = pytest.mark.ui


def _stale(bakery_copy: Path) -> None:
    """The Spanish file translates a scene the scenario no longer has (it was renamed)."""
    spanish = bakery_copy.with_name("bakery.es.yaml")
    text = spanish.read_text(encoding="utf-8")
    text = text.replace("scenes:\n", "scenes:\n  renamed_away:\n    text: Una escena que ya no existe.\n", 1)
    spanish.write_text(text, encoding="utf-8")


def test_spanish_with_a_stale_key_plays_and_the_notice_says_why(make_app: Any, bakery_copy: Path) -> None:
    _stale(bakery_copy)
    pilot = make_app(lang="es", typewriter=False)
    assert flow.start(pilot.app, bakery_copy, PRACTICE, seed=3)
    notice = pilot.app.notice
    assert notice is not None and notice.kind == "info"
    assert notice.message == tr_in("es", "translation.problems", original="inglés")
    assert any("S602" in line and "renamed_away" in line for line in notice.lines)
    assert pilot.app.playthrough.language == "es"
    pilot.frame()  # drawn without trouble
    pilot.frame(13.0)  # and gone on its own, without a key
    assert pilot.app.notice is None


def test_english_says_nothing_and_switching_to_spanish_tells(make_app: Any, bakery_copy: Path) -> None:
    _stale(bakery_copy)
    pilot = make_app(lang="en", typewriter=False)
    assert flow.start(pilot.app, bakery_copy, PRACTICE, seed=3)
    assert pilot.app.notice is None
    pilot.app.settings.language = "es"
    pilot.app.apply_settings()
    notice = pilot.app.notice
    assert notice is not None and notice.message == tr_in("es", "translation.problems", original="inglés")
