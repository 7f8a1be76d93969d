"""Fixtures for the training tests: a fresh records database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.training.records import Records, open_records


@pytest.fixture(autouse=True)
def _no_lrs(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test talks to an LRS unless it configures one itself."""
    for name in ("STICKY_LRS_ENDPOINT", "STICKY_LRS_USERNAME", "STICKY_LRS_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def records(tmp_path: Path) -> Iterator[Records]:
    """An open, empty records database in a temporary data folder."""
    opened = open_records(tmp_path / "data")
    yield opened
    opened.close()
