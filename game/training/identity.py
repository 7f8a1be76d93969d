"""Who plays on this laptop: the learner profile the game records under, and a room a trainer has set up.

The profile (``learner.json`` in the data folder) holds the name and cohort the records use when a playthrough
names nobody; the window writes it when a learner says who is playing, and `sticky records learner` when a
trainer does. A room (``room.json``), written by `sticky records learners --cohort CODE NAME…`, locks the
cohort for every playthrough on this laptop and, when it lists names, makes the window offer a pick list of
them instead of a free text field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from game.files import read_json_file, write_atomic

PROFILE_NAME = "learner.json"
ROOM_NAME = "room.json"
NAME_MAX = 80
ROOM_MAX = 200  # names in one room's list


class BadName(ValueError):
    """A name or cohort that can't be recorded (empty, too long, or with control characters)."""


def clean_name(text: str, what: str = "name") -> str:
    """``text`` as a learner name or cohort code: spaces collapsed; refused when empty, longer than
    ``NAME_MAX`` characters, or holding characters that are not printable."""
    name = " ".join(str(text).split())
    if not name:
        raise BadName(f"the {what} is empty")
    if len(name) > NAME_MAX:
        raise BadName(f"the {what} is longer than {NAME_MAX} characters")
    if not name.isprintable():
        raise BadName(f"the {what} holds characters that are not printable")
    return name


def read_profile(data_dir: Path) -> dict[str, str]:
    """This laptop's learner name and cohort; {} when unset or unreadable."""
    try:
        data = read_json_file(Path(data_dir) / PROFILE_NAME, max_bytes=65_536)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    profile: dict[str, str] = {}
    for key in ("learner", "cohort"):  # by the rules a typed name follows: a hand-edited file gets no further
        value = data.get(key)
        if isinstance(value, str):
            try:
                profile[key] = clean_name(value, "name" if key == "learner" else "cohort")
            except BadName:
                continue
    return profile


def write_profile(data_dir: Path, learner: str | None, cohort: str | None) -> None:
    """Record ``learner`` and ``cohort`` as who plays here now (None or "" leaves a field out); atomic."""
    profile = {key: value for key, value in (("learner", learner), ("cohort", cohort)) if value}
    write_atomic(Path(data_dir) / PROFILE_NAME, json.dumps(profile, ensure_ascii=False))


@dataclass(frozen=True)
class Room:
    """A trainer's set-up for this laptop: the cohort every playthrough is recorded in, and who may play."""

    cohort: str
    learners: tuple[str, ...] = ()


def read_room(data_dir: Path) -> Room | None:
    """The room set up on this laptop, or None (none set up, or a file that can't be used)."""
    try:
        data = read_json_file(Path(data_dir) / ROOM_NAME, max_bytes=262_144)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("cohort"), str):
        return None
    try:
        cohort = clean_name(data["cohort"], "cohort")
        names = data.get("learners", [])
        learners = tuple(clean_name(n) for n in names if isinstance(n, str)) if isinstance(names, list) else ()
    except BadName:
        return None
    return Room(cohort, tuple(dict.fromkeys(learners))[:ROOM_MAX])


def write_room(data_dir: Path, room: Room) -> None:
    """Set up (or replace) the room on this laptop; atomic."""
    body = {"cohort": room.cohort, "learners": list(room.learners)}
    write_atomic(Path(data_dir) / ROOM_NAME, json.dumps(body, ensure_ascii=False, indent=1) + "\n")


def clear_room(data_dir: Path) -> bool:
    """Remove the room set-up; True when there was one."""
    path = Path(data_dir) / ROOM_NAME
    existed = path.exists()
    path.unlink(missing_ok=True)
    return existed


def make_room(cohort: str, names: list[str]) -> Room:
    """A room from a trainer's command line: a cohort code and names (duplicates dropped, order kept)."""
    if len(names) > ROOM_MAX:
        raise BadName(f"a room lists at most {ROOM_MAX} names")
    return Room(clean_name(cohort, "cohort"), tuple(dict.fromkeys(clean_name(n) for n in names)))
