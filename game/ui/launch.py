"""Opening the game window: ``sticky`` (title screen) and ``sticky play PATH`` (straight to that scenario)."""

from __future__ import annotations

import argparse


def launch(args: argparse.Namespace, scenario_path: str | None = None) -> int:
    """Open the game window and run it until the player quits; returns the exit status.

    ``args.lang`` sets the language for this run and ``args.data`` the data folder, when present.
    With ``scenario_path`` the picker opens with that scenario selected, ready to start.
    """
    from game.ui import flow
    from game.ui.app import App

    app = App(data=getattr(args, "data", None), lang=getattr(args, "lang", None))
    if scenario_path:
        flow.open_picker(app, select=scenario_path, focus_modes=True)
    else:
        flow.open_title(app)
    return app.run()
