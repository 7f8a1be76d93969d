"""Helpers for the training tests: play and record playthroughs, run `sticky` in a subprocess."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.core.session import Session
from game.training.record_store import Records
from tests.conftest import DATA, ROOT

BAKERY = DATA / "bakery.yaml"


def bakery(language: str | None = None) -> Scenario:
    """The small test scenario, optionally translated."""
    scenario = load_scenario(BAKERY).localized(language)
    assert scenario is not None
    return scenario


def play_and_record(
    records: Records,
    scenario: Scenario,
    learner: str = "anonymous",
    cohort: str | None = "W1",
    seed: int = 0,
    choices: list[int | str] | None = None,
    mode: str = "practice",
) -> tuple[int, Session]:
    """Play to the end (scripted choices: ids, or numbers as shown; else seeded random ones), recording every
    step."""
    rng = random.Random(seed)
    session = Session(scenario, seed=seed)
    pid = records.start(session, learner=learner, cohort=cohort, mode=mode, language=scenario.language)
    script = list(choices or [])
    while not session.finished:
        available = session.shown_choices()
        pick: int | str = script.pop(0) if script else rng.randint(1, len(available))
        outcome = session.choose(pick)
        records.choice(pid, outcome, decision_seconds=rng.uniform(3, 40))
    records.finish(pid, session)
    return pid, session


def sticky(*args: str, data: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python -m game [--data DATA] ARGS...` from the project root."""
    prefix = ["--data", str(data)] if data is not None else []
    return subprocess.run(
        [sys.executable, "-m", "game", *prefix, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_env(),
    )


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["STICKY_XAPI_AUTOSEND"] = "0"
    for name in ("STICKY_LRS_ENDPOINT", "STICKY_LRS_USERNAME", "STICKY_LRS_PASSWORD"):
        env.pop(name, None)
    return env


WORKSHOP = Path(__file__).resolve().parent / "data" / "workshop.yaml"


def workshop(language: str | None = None) -> Scenario:
    """The small training scenario with all three decision points (tests/training/data/workshop.yaml)."""
    scenario = load_scenario(WORKSHOP).localized(language)
    assert scenario is not None
    return scenario


def chromium() -> str | None:
    """Debian's Chromium (or another Chrome) on this machine, or None."""
    import shutil

    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def run_chromium(page: Path, *flags: str, timeout: float = 120) -> None:
    """Open ``page`` in real headless Chromium with ``flags`` (what to make of it), off the network and with a
    throw-away profile."""
    import tempfile

    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium() or "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                *flags,
                page.as_uri(),
            ],
            capture_output=True,
            timeout=timeout,
            check=False,
        )


def screenshot(page: Path, shot: Path, height: int) -> None:
    """A PNG of ``page`` as real headless Chromium draws it at 1280 x ``height``."""
    run_chromium(page, f"--screenshot={shot}", f"--window-size=1280,{height}")
