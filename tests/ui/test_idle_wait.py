"""The idle loop answers a key at once, in a real X window (Xvfb), with both of its waits.

While nothing moves the game sleeps (``game.ui.idle``): in the operating system through SDL's own wait
("os"), or a frame at a time ("frame"). These tests run the real main loop (``App.run``) of the real game
in a child process on a private Xvfb, press a real key with ``xdotool`` while the title screen is idle,
and check what the player sees (the focus moved to the next button) and how the loop got there: with
the "os" wait the loop's own timeout is ten minutes, so only the key can have woken it, and it woke a
handful of times, not once a millisecond; with the "frame" wait it never slept more than one frame
(1/60 s) between looks at the queue (on X11 it sleeps in ``poll`` on the X connection, which the key
wakes). Nothing here measures time.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.xvfb import private_display

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys
import pygame
from game.ui import app as app_module, flow
from game.ui.app import App

app_module.IDLE_WAIT_MS = 600_000  # ten minutes: no timeout can explain an answer, only the key
app = App(data=sys.argv[1], records=False)
flow.open_title(app)
waiter = app.idle_wait()
waits = []
real_wait = waiter.wait


def wait(timeout_ms):
    before = waiter.wakeups
    print("idle", flush=True)
    events = real_wait(timeout_ms)
    waits.append({"wakeups": waiter.wakeups - before, "keys": [e.key for e in events if e.type == pygame.KEYDOWN]})
    return events


waiter.wait = wait
start_focus = []
real_handle = app.handle_event


def handle(event):
    if event.type == pygame.KEYDOWN and not start_focus:
        start_focus.append(app.top.focus.focused_id)
    real_handle(event)
    if event.type == pygame.KEYDOWN:
        app.running = False  # answered: leave after this frame is drawn


app.handle_event = handle
app.run()
print(json.dumps({
    "kind": waiter.kind, "waits": waits, "longest_nap": waiter.longest_nap, "before": start_focus[0],
    "after": app.stack[-1].focus.focused_id if app.stack else None, "down": pygame.K_DOWN,
}), flush=True)
"""


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A private Xvfb for these tests."""
    with private_display("xdotool") as name:
        yield name


def _press_down_while_idle(display: str, kind: str, data: Path) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k not in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER")}
    env.update(
        DISPLAY=display,
        SDL_AUDIODRIVER="dummy",
        STICKY_IDLE_WAIT=kind,
        PYTHONPATH=str(ROOT),
        PYGAME_HIDE_SUPPORT_PROMPT="1",
    )
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        # A guard against a hang, not a measure: the game normally idles within seconds.
        ready, _, _ = select.select([child.stdout], [], [], 120)
        line = child.stdout.readline() if ready else ""
        if line.strip() != "idle":
            child.kill()
            pytest.fail(f"the game did not reach its idle loop: {line!r} {child.communicate()[1][-3000:]}")
        subprocess.run(["xdotool", "key", "Down"], env=env, check=True, timeout=30)
        # A guard against a hang, not a measure: the loop's own timeout is ten minutes.
        out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    return dict(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize("kind", ["os", "frame"])
def test_an_idle_title_answers_a_key(display: str, tmp_path: Path, kind: str) -> None:
    result = _press_down_while_idle(display, kind, tmp_path / "data")
    assert result["kind"] == kind
    assert result["before"] != result["after"]  # the player sees the focus move to the next button
    waits = result["waits"]
    assert isinstance(waits, list) and waits
    last = waits[-1]
    assert last["keys"] == [result["down"]]  # the wait that ended brought the key
    if kind == "os":
        # Woken by the key (or a window event just before it), not by polling nor by its timeout.
        assert last["wakeups"] <= 5, waits
    else:
        nap = result["longest_nap"]
        assert isinstance(nap, float)
        assert 0 < nap <= 1 / 60  # never more than one frame between looks at the queue
