"""`sticky play PATH --choices ... --screenshots DIR`: every screen of a scripted run as numbered PNGs.

The run uses a throw-away data folder (your saves, settings and records are not touched), no
typewriter and no motion, so the pictures are the same on every machine.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from game.core.model import Scenario
from game.core.session import ChoiceNotAvailable
from game.files import write_atomic


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def save_png(surface: Any, path: Path) -> None:
    """Write ``surface`` to ``path`` as a PNG, encoded in memory and then written whole and atomically
    (``game.files.write_atomic``): a full disk is an OutputError naming the file, never a silent empty PNG
    (SDL's own writer leaves one and reports nothing)."""
    import pygame

    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "shot.png")
    write_atomic(path, buffer.getvalue())


def render_run(args: argparse.Namespace, scenario: Scenario) -> int:
    """Render title, picker, each scene before and after its choice, pause, settings, history, ending and
    every debrief page to ``args.screenshots``; returns the exit status."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

    from game.ui import flow
    from game.ui.app import App
    from game.ui.playthrough import ASSESSMENT, PRACTICE
    from game.ui.screens.debrief import DebriefScreen
    from game.ui.screens.history import HistoryScreen
    from game.ui.screens.pause import PauseScreen
    from game.ui.screens.scene import SceneScreen
    from game.ui.screens.settings import SettingsScreen

    out = Path(args.screenshots)
    out.mkdir(parents=True, exist_ok=True)
    wanted = [c.strip() for c in (getattr(args, "choices", "") or "").split(",") if c.strip()]
    language = getattr(args, "lang", None) or scenario.language
    size = _size(getattr(args, "size", None) or "1280x720")
    mode = ASSESSMENT if getattr(args, "assessment", False) else PRACTICE
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="sticky-shots-") as tmp:
        app = App(data=tmp, lang=language, size=size, records=False)
        app.settings.typewriter = False
        app.settings.reduced_motion = True
        app.settings.text_size = int(getattr(args, "text_size", 0) or 0)
        app.settings.high_contrast = bool(getattr(args, "high_contrast", False))
        app.retheme()

        def shot(name: str) -> None:
            app.update(0.0)
            app.draw()
            path = out / f"{len(written) + 1:02d}-{name}.png"
            save_png(app.surface, path)
            written.append(path)

        flow.open_title(app)
        shot("title")
        flow.open_picker(app, select=args.path, focus_modes=True)
        shot("picker")
        if not flow.start(app, args.path, mode, seed=int(getattr(args, "seed", 0) or 0)):
            print(f"{args.path}: cannot be played", file=sys.stderr)
            return 1
        pt = app.playthrough
        assert pt is not None
        for number, choice_text in enumerate(wanted, 1):
            screen = app.top
            if not isinstance(screen, SceneScreen) or pt.session.finished:
                print(f"{args.path}: the playthrough ended before choice {number}", file=sys.stderr)
                break
            try:
                choice = pt.session.resolve_choice(choice_text)
            except ChoiceNotAvailable as exc:
                print(f"{args.path}: error: {exc}", file=sys.stderr)
                app.close()
                return 1
            shot(f"scene-{number:02d}")
            if number == 1:
                app.push(PauseScreen(app))
                shot("pause")
                app.push(SettingsScreen(app))
                shot("settings")
                app.pop()
                app.pop()
            screen.choose(choice.id)
            shot(f"scene-{number:02d}-outcome")
            if number == max(1, len(wanted) // 2):
                app.push(HistoryScreen(app))
                shot("history")
                app.pop()
            screen.proceed()
        if pt.session.finished:
            shot("ending")
            flow.open_debrief(app)
            debrief = app.top
            assert isinstance(debrief, DebriefScreen)
            for index, page in enumerate(debrief.pages):
                debrief.show(index)
                shot(f"debrief-{index + 1:02d}-{page.key.replace(':', '-')}")
        else:
            shot("scene-last")
        app.close()
    for path in written:
        print(path)
    return 0
