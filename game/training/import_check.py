"""Checking every record of an export file before it is imported: the schema, its bounds and its sanity.

An export file may come from another laptop, an older or newer game, a spreadsheet, or someone hostile. Each
playthrough in it is read on its own (``game.training.export_reader``) and checked here: finite numbers inside
the bounds of the scenario's metrics when the scenario is known here (else a warning), real UUIDs, ISO dates,
bounded strings, choices with distinct turns, a seed that is an integer SQLite can hold, no lone surrogates.
A bad record gets one reason; the caller reports it as ``file:line: reason`` and imports the rest.
"""

from __future__ import annotations

import datetime as _dt
import math
import uuid as uuidlib
from dataclasses import dataclass, field
from typing import Any

from game.core.model import Scenario
from game.training.export_reader import BadRecord
from game.training.record_types import COMMITMENT_MAX, EXPORT_FORMAT, EXPORT_VERSION

#: Longest name, id or code.
MAX_NAME = 200
MAX_CHOICES = 1000
MAX_VOTES = 10_000
MAX_KEYS = 64
#: Seeds are stored as SQLite integers: 64-bit signed.
SEED_LIMIT = 2**63
#: Numbers of a scenario not known here, and deltas of a metric without bounds, stay below this.
LOOSE_BOUND = 1e9
_EARLIEST = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc).timestamp()
_LATEST = _dt.datetime(2200, 1, 1, tzinfo=_dt.timezone.utc).timestamp()


@dataclass
class Checked:
    """What checking one record found: warnings (it still imports)."""

    warnings: list[str] = field(default_factory=list)


def _walk_strings_and_numbers(value: Any) -> None:
    """Every string has no lone surrogate, every number is finite (walked without recursion)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _text(item)
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, float) and not math.isfinite(item):
            raise BadRecord(f"the number {item} is not finite")
        elif isinstance(item, dict):
            for key, child in item.items():
                _text(key)
                stack.append(child)
        elif isinstance(item, list):
            stack.extend(item)


def _text(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadRecord(f"the text {value[:40]!r} holds a lone surrogate (not valid Unicode)") from None


def _name(data: dict[str, Any], key: str, optional: bool = False, limit: int = MAX_NAME) -> str | None:
    if key not in data:
        if optional:
            return None
        raise BadRecord(f"missing field '{key}'")
    value = data[key]
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise BadRecord(f"'{key}' must be text, not {type(value).__name__} ({str(value)[:40]})")
    if len(value) > limit:
        raise BadRecord(f"'{key}' is {len(value):,} characters long; at most {limit} are allowed")
    return value


def _date(data: dict[str, Any], key: str, optional: bool = False) -> float | None:
    value = data.get(key)
    if value is None:
        if optional:
            return None
        raise BadRecord(f"missing field '{key}'")
    if not isinstance(value, str) or len(value) > 40:
        raise BadRecord(f"'{key}' must be an ISO date such as 2026-11-27T09:30:00.000Z")
    try:
        moment = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadRecord(f"'{key}' is not an ISO date ({value[:40]!r})") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    stamp = moment.timestamp()
    if not _EARLIEST <= stamp < _LATEST:
        raise BadRecord(f"'{key}' is {value[:40]}, outside the years 2000-2199")
    return stamp


def _int(value: Any, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRecord(f"{what} must be a whole number, not {str(value)[:40]}")
    if not low <= value <= high:
        shown = str(value) if len(str(value)) <= 30 else f"a {len(str(value))}-digit number"
        raise BadRecord(f"{what} is {shown}; it must be from {low} to {high}")
    return value


def _number(value: Any, what: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadRecord(f"{what} must be a number, not {str(value)[:40]}")
    number = float(value) if abs(value) < 1e300 else math.inf
    if not math.isfinite(number) or not low <= number <= high:
        shown = f"{value:g}" if isinstance(value, float) and math.isfinite(value) else str(value)[:40]
        raise BadRecord(f"{what} is {shown}; it must be from {low:g} to {high:g}")
    return number


def _bounds(scenario: Scenario | None, metric: str) -> tuple[float, float, float]:
    """(lowest, highest, largest change) a metric may show."""
    if scenario is None:
        return -LOOSE_BOUND, LOOSE_BOUND, 2 * LOOSE_BOUND
    for m in scenario.metrics:
        if m.id == metric:
            low = -LOOSE_BOUND if m.minimum is None else m.minimum
            high = LOOSE_BOUND if m.maximum is None else m.maximum
            return low, high, high - low
    return -LOOSE_BOUND, LOOSE_BOUND, 2 * LOOSE_BOUND  # a metric of another version of the scenario


def _metrics(value: Any, what: str, scenario: Scenario | None, change: bool = False) -> None:
    if not isinstance(value, dict):
        raise BadRecord(f"{what} must be an object of metric: number")
    if len(value) > MAX_KEYS:
        raise BadRecord(f"{what} has {len(value)} metrics; at most {MAX_KEYS}")
    for key, number in value.items():
        if len(key) > MAX_NAME:
            raise BadRecord(f"{what} has a metric name of {len(key):,} characters")
        low, high, span = _bounds(scenario, key)
        if change:
            _number(number, f"{what} '{key}'", -span, span)
        else:
            _number(number, f"{what} '{key}'", low, high)


def _choice(item: Any, index: int, scenario: Scenario | None) -> int:
    where = f"choice {index}"
    if not isinstance(item, dict):
        raise BadRecord(f"{where} must be an object")
    turn = _int(item.get("turn"), f"{where}: 'turn'", 1, MAX_CHOICES)
    for key in ("scene", "choice", "style"):
        _name(item, key)
    shown = item.get("shown")
    if shown is not None and (
        not isinstance(shown, list) or len(shown) > 50 or not all(isinstance(i, str) and len(i) <= 64 for i in shown)
    ):
        raise BadRecord(f"{where}: 'shown' must be a short list of choice ids")
    _date(item, "decided_at")
    if item.get("decision_seconds") is not None:
        _number(item["decision_seconds"], f"{where}: 'decision_seconds'", 0, 10 * 365 * 86400)
    _metrics(item.get("deltas"), f"{where}: 'deltas'", scenario, change=True)
    _metrics(item.get("metrics"), f"{where}: 'metrics'", scenario)
    rules = item.get("rules")
    if not isinstance(rules, list) or len(rules) > MAX_KEYS:
        raise BadRecord(f"{where}: 'rules' must be a list of at most {MAX_KEYS} rules")
    for rule in rules:
        if not isinstance(rule, dict):
            raise BadRecord(f"{where}: a rule must be an object")
        _name(rule, "id")
        _metrics(rule.get("deltas", {}), f"{where}: rule deltas", scenario, change=True)
    if item.get("chance") is not None:
        _int(item["chance"], f"{where}: 'chance'", 0, 1000)
    if item.get("roll") is not None:
        _number(item["roll"], f"{where}: 'roll'", 0, 1)
    return turn


def _vote(item: Any, index: int) -> None:
    if not isinstance(item, dict):
        raise BadRecord(f"vote {index} must be an object")
    _int(item.get("turn"), f"vote {index}: 'turn'", 1, MAX_CHOICES)
    _name(item, "scene")
    _name(item, "choice")
    _int(item.get("count"), f"vote {index}: 'count'", 0, 1_000_000)
    if item.get("phones") is not None:  # absent or null in exports made before the split was kept
        _int(item["phones"], f"vote {index}: 'phones'", 0, item["count"])


def _scores(value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise BadRecord("'scores' must be an object")
    phases = value.get("phases") or {}
    if not isinstance(phases, dict) or len(phases) > MAX_KEYS:
        raise BadRecord("'scores' phases must be an object of phase: number")
    for key, number in phases.items():
        _number(number, f"score of '{key[:40]}'", 0, 1)
    for key in ("overall", "pass_mark"):
        if value.get(key) is not None:
            _number(value[key], f"'{key}' score", 0, 1)


def check_record(data: dict[str, Any], scenarios: ScenarioLookup) -> Checked:
    """Raise BadRecord with the first reason ``data`` can't be imported; else return its warnings."""
    checked = Checked()
    if data.get("format") != EXPORT_FORMAT:
        raise BadRecord(f"not a Sticky Situations record (format {str(data.get('format'))[:40]!r})")
    _int(data.get("version"), "'version'", 1, EXPORT_VERSION)
    for key in ("uuid", "learner", "scenario", "content_hash", "language", "mode", "seed", "started_at"):
        if key not in data:
            raise BadRecord(f"missing field '{key}'")
    _walk_strings_and_numbers(data)
    raw_uuid = _name(data, "uuid") or ""
    try:
        canonical = str(uuidlib.UUID(raw_uuid))
    except ValueError:
        raise BadRecord(f"'uuid' is not a UUID ({raw_uuid[:40]!r})") from None
    if canonical != raw_uuid.lower():
        raise BadRecord(f"'uuid' is not written as a UUID ({raw_uuid[:40]!r})")
    _name(data, "learner")
    _name(data, "cohort", optional=True)
    scenario_id = _name(data, "scenario") or ""
    _name(data, "content_hash", limit=64)
    _name(data, "language", limit=16)
    _name(data, "mode", limit=32)
    _name(data, "ending", optional=True)
    _name(data, "rating", optional=True)
    _int(data.get("seed"), "'seed'", -SEED_LIMIT, SEED_LIMIT - 1)
    started = _date(data, "started_at") or 0.0
    finished = _date(data, "finished_at", optional=True)
    if finished is not None and finished + 1 < started:
        raise BadRecord("'finished_at' is before 'started_at'")
    scenario = scenarios.find(scenario_id, str(data.get("content_hash")))
    if scenario is None:
        checked.warnings.append(
            f"scenario '{scenario_id[:60]}' is not known here: its numbers were checked only for being finite"
        )
    _metrics(data.get("start_metrics"), "'start_metrics'", scenario)
    if data.get("final_metrics") is not None:
        _metrics(data["final_metrics"], "'final_metrics'", scenario)
    choices = data.get("choices")
    if not isinstance(choices, list) or len(choices) > MAX_CHOICES:
        raise BadRecord(f"'choices' must be a list of at most {MAX_CHOICES} choices")
    turns: set[int] = set()
    for index, item in enumerate(choices, 1):
        turn = _choice(item, index, scenario)
        if turn in turns:
            raise BadRecord(f"two choices have turn {turn}")
        turns.add(turn)
    votes = data.get("votes", [])
    if not isinstance(votes, list) or len(votes) > MAX_VOTES:
        raise BadRecord(f"'votes' must be a list of at most {MAX_VOTES} votes")
    voted: set[tuple[int, str]] = set()
    for index, item in enumerate(votes, 1):
        _vote(item, index)
        if (item["turn"], item["choice"]) in voted:
            raise BadRecord(f"two votes count choice '{item['choice'][:40]}' at turn {item['turn']}")
        voted.add((item["turn"], item["choice"]))
    _scores(data.get("scores"))
    _name(data, "commitment", optional=True, limit=COMMITMENT_MAX)
    return checked


class ScenarioLookup:
    """The scenarios known here (shipped ones), by id, looked up once per id."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], Scenario | None] = {}

    def find(self, scenario_id: str, content_hash: str) -> Scenario | None:
        """The version played (same content hash), else any version with that id, else None."""
        from game.training.library import scenario_versions

        key = (scenario_id, content_hash)
        if key not in self._found:
            versions = [r.scenario for r in scenario_versions(scenario_id) if r.scenario is not None]
            same = [s for s in versions if s.content_hash == content_hash]
            self._found[key] = (same or versions)[0] if (same or versions) else None
        return self._found[key]
