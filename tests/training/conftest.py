"""Fixtures for the training tests: a fresh records database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.training.record_store import Records, open_records


@pytest.fixture(autouse=True)
def _no_lrs(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test talks to an LRS unless it configures one itself."""
    names = ("STICKY_LRS_ENDPOINT", "STICKY_LRS_USERNAME", "STICKY_LRS_PASSWORD", "STICKY_XAPI_ACTIVITY_BASE")
    for name in (*names, "STICKY_XAPI_HOMEPAGE", "STICKY_XAPI_ACCOUNT_NAME", "STICKY_XAPI_MBOX"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def records(tmp_path: Path) -> Iterator[Records]:
    """An open, empty records database in a temporary data folder."""
    opened = open_records(tmp_path / "data")
    yield opened
    opened.close()
