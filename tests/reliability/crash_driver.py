"""A headless player for the crash test: plays a scenario forever through the game's own save and records code.

    python tests/reliability/crash_driver.py DATA_DIR SCENARIO SEED

It builds the same ``Services`` as the game window (``SaveSlot`` autosave with backup, ``Progress``, the
``Recorder`` that writes learner records to SQLite) and drives ``Playthrough`` exactly as the screens do:
``choose`` (records the choice, then autosaves), ``undo`` in practice mode, ``restart`` after an ending.
On start it continues from the autosave like the title screen's Continue (the save, else the backup).

Every line it prints is one JSON object, flushed before the next step starts:
``{"event": "resumed"|"new"|"saved", "pid": ..., "seed": ..., "choices": [...], "finished": ...}``
A "saved" line means the autosave for that state has returned. The test kills this process with SIGKILL
at random moments and checks what is on disk against the last line printed.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from game.core.session import SaveError
from game.ui.playthrough import PRACTICE, Playthrough, Services, load_ok
from game.ui.recorder import Recorder
from game.ui.storage import Progress, SaveSlot


def services(folder: Path, recording: bool = True) -> Services:
    """What the game window builds for a data folder."""
    return Services(folder, SaveSlot(folder), Progress.load(folder), Recorder(folder, enabled=recording))


def resume(svc: Services) -> tuple[Playthrough | None, list[str]]:
    """Continue as the title screen does: the save, else the backup; with the reasons for refusing any."""
    problems: list[str] = []
    for which, payload, error in svc.saves.candidates():
        if payload is None:
            problems.append(f"{which}: {error}")
            continue
        try:
            return Playthrough.from_save(payload, svc), problems
        except (SaveError, KeyError, TypeError, ValueError) as exc:
            problems.append(f"{which}: {exc}")
    return None, problems


def state(event: str, pt: Playthrough) -> dict[str, object]:
    """What the test compares: the playthrough's record id, seed and choices so far."""
    session = pt.session
    return {
        "event": event,
        "pid": pt.pid,
        "seed": session.seed,
        "choices": [o.choice_id for o in session.history],
        "finished": session.finished,
    }


def say(data: dict[str, object]) -> None:
    print(json.dumps(data), flush=True)


def main(argv: list[str]) -> int:
    folder, scenario_path, seed = Path(argv[0]), argv[1], int(argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    svc = services(folder)
    rng = random.Random(seed)
    pt, problems = resume(svc)
    if pt is None:
        pt = Playthrough(scenario_path, load_ok(scenario_path), rng.choice(["en", "es"]), PRACTICE, svc, seed=seed)
        pt.autosave()
        say(state("new", pt) | {"problems": problems})
    else:
        say(state("resumed", pt) | {"problems": problems})
    while True:
        if pt.session.finished:
            pt = pt.restart()
            pt.autosave()
        elif pt.session.history and rng.random() < 0.1:
            pt.undo()
        else:
            pt.choose(rng.choice(pt.session.available_choices()).id)
        say(state("saved", pt))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
