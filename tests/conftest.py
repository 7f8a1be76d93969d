"""Shared fixtures: paths, the small test scenario, headless SDL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SCENARIOS = ROOT / "game" / "scenarios"


@pytest.fixture
def bakery_path() -> Path:
    """The small test scenario (the annotated example of docs/scenario-format.md)."""
    return DATA / "bakery.yaml"
