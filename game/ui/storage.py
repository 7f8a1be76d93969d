"""Files in the data folder: atomic JSON writes, the autosave with its backup, settings and progress.

A save is first written whole as ``save.next.json`` (atomically: a temporary file, flushed, fsynced, renamed);
only then does the current save become ``save.bak.json`` and the new one ``save.json``. A full disk leaves the
save and its backup as they were; a process killed at any moment leaves the new save (as ``save.next.json`` or
``save.json``) or the old save plus its backup, never half a file. Saves are read bounded in size and depth
(``game.files.read_json_file``) and checked (``check_payload``; the session itself by ``Session.from_json``).
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid as uuidlib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from game.files import OutputError, read_json_file, write_atomic

SAVE_NAME = "save.json"
NEXT_NAME = "save.next.json"
BACKUP_NAME = "save.bak.json"
SETTINGS_NAME = "settings.json"
PROGRESS_NAME = "progress.json"
SAVE_FORMAT = "sticky-situations-save"
SAVE_FORMAT_VERSION = 1


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to ``path`` atomically (see ``game.files.write_atomic``), making its folder if needed.

    Raises OSError when it can't (a full disk, a read-only folder): the window's callers catch that and go on.
    """
    try:
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1), create_parents=True)
    except OutputError as exc:
        raise OSError(str(exc)) from None


def read_json(path: Path) -> Any:
    """Parsed JSON from ``path``, bounded in size and depth, only from a regular file (``game.files``);
    raises OSError or ValueError."""
    return read_json_file(path)


class SaveSlot:
    """The autosave and its backup in the data folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / SAVE_NAME
        self.next = folder / NEXT_NAME
        self.backup = folder / BACKUP_NAME
        self.paused = False  # True while another game holds the data folder: this one does not autosave

    def exists(self) -> bool:
        """True when there is anything to continue from."""
        return self.path.exists() or self.next.exists() or self.backup.exists()

    def write(self, payload: dict[str, Any]) -> None:
        """Write ``payload`` whole, then keep the current save as the backup and put the new one in its place.

        Raises OSError with the old save and backup intact.
        Does nothing while ``paused``.
        """
        if self.paused:
            return
        data = {"format": SAVE_FORMAT, "version": SAVE_FORMAT_VERSION} | payload
        write_json_atomic(self.next, data)
        if self.path.exists():
            os.replace(self.path, self.backup)
        os.replace(self.next, self.path)

    def candidates(self) -> list[tuple[str, dict[str, Any] | None, str]]:
        """(which, payload or None, error) for the newest save first, then the backup."""
        out: list[tuple[str, dict[str, Any] | None, str]] = []
        for which, path in (("save", self.next), ("save", self.path), ("backup", self.backup)):
            if not path.exists():
                continue
            try:
                data = read_json(path)
            except (OSError, ValueError, RecursionError, MemoryError) as exc:
                out.append((which, None, f"unreadable ({exc.__class__.__name__})"))
                continue
            problem = check_payload(data)
            out.append((which, None if problem else data, problem))
        return out

    def clear(self) -> None:
        """Forget the autosave and its backup."""
        for path in (self.next, self.path, self.backup):
            with contextlib.suppress(OSError):
                path.unlink()


def check_payload(data: Any) -> str:
    """Why a save payload can't be used, or "" when it looks right."""
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        return "not a save of this game"
    version = data.get("version")
    if type(version) is not int or version < 0:
        return "damaged (no version)"
    if version > SAVE_FORMAT_VERSION:
        return f"made by a newer version of the game (save format {version})"
    if not isinstance(data.get("session"), dict) or not isinstance(data.get("scenario_path"), str):
        return "damaged (missing parts)"
    record = data.get("record_uuid")
    if record is not None and not _is_uuid(record):
        return "damaged (its record is not named by a UUID)"
    pid = data.get("pid")
    if pid is not None and (type(pid) is not int or pid < 1):
        return "damaged (its record number is not a positive whole number)"
    return ""


def _is_uuid(value: object) -> bool:
    """True for a UUID written the usual way (36 characters)."""
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        return str(uuidlib.UUID(value)) == value.lower()
    except ValueError:
        return False


#: The longest path and file name the systems the game runs on accept (Linux: 4,096 and 255 bytes).
MAX_PATH_BYTES = 4096
MAX_NAME_BYTES = 255


def usable_path(text: str) -> bool:
    """True when ``text`` can name a file at all: no NUL, no lone surrogate, not longer than a system takes.
    A path read back from settings or progress that fails this is forgotten, never handed to the system (which
    would raise on it while the window opens)."""
    if "\x00" in text:
        return False
    try:
        raw = os.fsencode(text)
    except UnicodeError:
        return False
    return len(raw) <= MAX_PATH_BYTES and all(len(part) <= MAX_NAME_BYTES for part in raw.split(b"/"))


def _read_state(path: Path) -> tuple[Any, str]:
    """The JSON of a settings or progress file and "" — or None and the file's name when it exists but can't be
    read (damaged, too large or deep, not a regular file); None and "" when there is none yet."""
    try:
        return read_json(path), ""
    except FileNotFoundError:
        return None, ""
    except (OSError, ValueError, RecursionError, MemoryError):
        return None, path.name


@dataclass
class Settings:
    """The player's settings, kept between runs in ``settings.json``."""

    language: str = "en"
    text_size: int = 0
    high_contrast: bool = False
    reduced_motion: bool = False
    typewriter: bool = True
    volume: int = 60
    fullscreen: bool = False
    scenarios_folder: str = ""  # the trainer's own scenarios, listed in the picker beside the shipped ones

    def __post_init__(self) -> None:
        self.problem: str = ""  # the file's name when it could not be read and the defaults are used

    @classmethod
    def load(cls, folder: Path) -> Settings:
        """The saved settings, defaults for anything missing or invalid."""
        settings = cls()
        data, settings.problem = _read_state(folder / SETTINGS_NAME)
        if not isinstance(data, dict):
            settings.problem = settings.problem or ("" if data is None else SETTINGS_NAME)
            return settings
        for item in fields(cls):
            value = data.get(item.name)
            default = getattr(settings, item.name)
            if isinstance(value, type(default)) and not (isinstance(value, bool) and not isinstance(default, bool)):
                setattr(settings, item.name, value)
        settings.language = settings.language if settings.language in ("en", "es") else "en"
        settings.text_size = max(0, min(2, settings.text_size))
        settings.volume = max(0, min(100, settings.volume))
        if not usable_path(settings.scenarios_folder):
            settings.scenarios_folder = ""
        return settings

    def save(self, folder: Path) -> None:
        """Write the settings atomically."""
        write_json_atomic(folder / SETTINGS_NAME, asdict(self))


@dataclass
class Progress:
    """What the player has found so far: endings per scenario, and the last scenario played."""

    endings: dict[str, list[str]] = field(default_factory=dict)
    last_path: str = ""
    last_title: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.problem: str = ""  # the file's name when it could not be read and the progress starts empty

    @classmethod
    def load(cls, folder: Path) -> Progress:
        """The saved progress (empty when missing or damaged)."""
        data, problem = _read_state(folder / PROGRESS_NAME)
        try:
            if data is not None:
                endings = {str(k): [str(e) for e in v] for k, v in data.get("endings", {}).items()}
                titles = {str(k): str(v) for k, v in data.get("last_title", {}).items()}
                last = str(data.get("last_path", ""))
                return cls(endings, last if usable_path(last) else "", titles)
        except (ValueError, AttributeError, TypeError):
            problem = PROGRESS_NAME
        progress = cls()
        progress.problem = problem
        return progress

    def found(self, scenario_id: str) -> list[str]:
        """The endings found in a scenario."""
        return self.endings.get(scenario_id, [])

    def add_ending(self, scenario_id: str, ending_id: str) -> None:
        """Remember an ending reached."""
        found = self.endings.setdefault(scenario_id, [])
        if ending_id not in found:
            found.append(ending_id)

    def save(self, folder: Path) -> None:
        """Write the progress atomically."""
        write_json_atomic(folder / PROGRESS_NAME, asdict(self))
