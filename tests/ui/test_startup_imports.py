"""`sticky` with no command brings up the title screen without importing what only later screens need.

Run in a fresh interpreter (the test process has imported everything already): parse the command line as
`sticky` does, open the window and draw the title's first frame, then list the modules loaded so far.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FIRST_FRAME = """
import json, sys
from game.cli import parse_args
args = parse_args([])
assert args.command is None
from game.ui import flow
from game.ui.app import App
app = App(data=sys.argv[1], records=False)
flow.open_title(app)
app.draw()
print(json.dumps(sorted(sys.modules)))
"""

#: Modules the title screen's first frame must not wait for (subcommands, the YAML loader, the scenario
#: model and engine, records and reports, the LRS client).
LATER = ("game.commands", "game.authoring", "game.training", "game.core.model", "game.core.session", "yaml")


def test_the_title_frame_imports_no_subcommand_nor_the_scenario_machinery(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    early = [m for m in loaded if any(m == name or m.startswith(name + ".") for name in LATER)]
    assert early == []
    assert "game.ui.screens.title" in loaded  # the frame was really drawn by the title screen
