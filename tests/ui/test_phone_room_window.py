"""A whole facilitated session as a room runs it: `sticky facilitate --serve` in a real X window (a private
Xvfb), the trainer's keys pressed with xdotool, two phones voting in real headless Chromium at every decision
beside the show of hands the trainer types. The session ends on its debrief and is recorded with, for every
choice, how many votes came from the phones."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.core.session import Session
from game.training.record_store import open_records
from tests.training.helpers import WORKSHOP, workshop
from tests.ui.test_phone_browser import WebDriverException, _tap, _wait_for, phones  # noqa: F401  (the fixture)
from tests.ui.xvfb import private_display

ROOT = Path(__file__).resolve().parents[2]
#: per decision: the choices the two phones tap (numbers as shown) and the hands typed per row (number: count)
PLAN: list[tuple[tuple[int, int], dict[int, int]]] = [
    ((1, 2), {2: 3}),
    ((2, 2), {1: 1}),
    ((1, 1), {2: 3}),
    ((3, 1), {3: 4}),
]


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb for this test."""
    with private_display("xdotool", "xwininfo") as name:
        yield name


def _vote(phone: object, number: int) -> None:
    """Tap choice ``number``; again when the page was being reloaded under the tap (it follows the projector on
    its own). A second tap on the same choice changes nothing."""
    for _attempt in range(4):
        try:
            _tap(phone, number)
            return
        except WebDriverException:
            time.sleep(0.5)
    _tap(phone, number)


def _line(child: subprocess.Popen[str], pattern: str, timeout: float = 120) -> re.Match[str]:
    """The first line the child prints that matches ``pattern`` (a guard against a hang, not a measure)."""
    assert child.stdout is not None
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([child.stdout], [], [], max(0.0, end - time.monotonic()))
        line = child.stdout.readline() if ready else ""
        found = re.search(pattern, line)
        if found:
            return found
        if not line and child.poll() is not None:
            break
    child.kill()
    pytest.fail(f"the projector did not print {pattern!r}: {child.communicate()[1][-3000:]}")


@pytest.mark.slow  # a real window, two Chromiums and four decisions: about a minute on a shared machine
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_room_votes_with_phones_and_hands_in_a_real_window(
    display: str,
    phones: Callable[[], object],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    language: str,
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SDL_VIDEODRIVER"}
    env.update(DISPLAY=display, SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT), STICKY_XAPI_AUTOSEND="0")
    data = tmp_path / "data"
    command = [sys.executable, "-m", "game", "--data", str(data), "facilitate", str(WORKSHOP), "--lang", language]
    command += ["--serve", "--host", "127.0.0.1", "--port", "0", "--cohort", "ROOM"]
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        served = _line(  # the trainer's console speaks the session's language
            child,
            r"phones: open (\S+) and type room code (\w+)"
            if language == "en"
            else r"teléfonos: abran (\S+) y escriban el código de sala (\w+)",
        )
        for _ in range(200):  # the window is mapped: keys go to it (no window manager: focus follows the pointer)
            tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True).stdout
            if "Sticky Situations" in tree:
                break
            time.sleep(0.1)
        subprocess.run(["xdotool", "mousemove", "640", "360"], env=env, check=True, timeout=30)

        def keys(*names: str) -> None:
            subprocess.run(["xdotool", "key", "--delay", "150", *names], env=env, check=True, timeout=30)

        room = [phones(), phones()]
        for phone in room:
            phone.get(f"{served.group(1)}/?room={served.group(2)}")  # type: ignore[attr-defined]  # as the QR code
        session = Session(workshop(language), seed=0)  # the same session, to know what each number means
        expected: list[dict[str, tuple[int, int]]] = []
        heading = "Decision" if language == "en" else "Decisión"
        for number, (taps, typed) in enumerate(PLAN, 1):
            shown = [c.id for c in session.shown_choices()]
            for phone, tap in zip(room, taps, strict=True):
                _wait_for(phone, f"{heading} {number} ·")  # the phone has followed the projector here
                _vote(phone, tap)
            keys("Right", "Right", "Right", "Return")  # the discussion's last page, then the votes
            for row, count in typed.items():
                keys(*["Down"] * (row - 1), *str(count), *["Up"] * (row - 1))
            keys("Return")  # reveal: the phones' votes and the hands together
            keys("Right", "Right", "Right", "Return")  # play the majority
            keys("Right", "Right", "Right", "Return")  # read the outcome to its last page, go on
            from_phones = Counter(shown[tap - 1] for tap in taps)
            hands = {shown[row - 1]: count for row, count in typed.items()}
            votes = {cid: from_phones[cid] + hands.get(cid, 0) for cid in shown}
            expected.append({cid: (votes[cid], from_phones[cid]) for cid in shown})
            session.choose(max(votes, key=lambda cid: votes[cid]))
            if session.finished:
                break
        assert session.finished and len(expected) == len(PLAN)
        keys("Escape")  # from the debrief: the window closes
        out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err[-3000:]
    said = "group session: {} decisions, ending {}" if language == "en" else "sesión grupal: {} decisiones, final {}"
    assert said.format(len(PLAN), session.ending.id) in out  # type: ignore[union-attr]
    with open_records(data, auto_send=False) as records:
        [record] = records.playthroughs(cohort="ROOM")
    assert record.mode == "group" and record.finished
    for turn, split in enumerate(expected, 1):
        assert {v.choice_id: (v.count, v.phones) for v in record.votes if v.turn == turn} == split, turn
