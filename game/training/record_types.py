"""Plain, immutable views of recorded playthroughs, and their JSON form (used by export, import and xAPI)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from game.core.deltas import total_deltas

EXPORT_FORMAT = "sticky-records"
EXPORT_VERSION = 1


def iso(timestamp: float | None) -> str | None:
    """A UNIX time as ISO 8601 UTC with milliseconds, e.g. ``2026-11-27T09:30:00.125Z``."""
    if timestamp is None:
        return None
    moment = _dt.datetime.fromtimestamp(timestamp, tz=_dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def from_iso(text: str | None) -> float | None:
    """The inverse of ``iso``."""
    if text is None:
        return None
    return _dt.datetime.fromisoformat(str(text).replace("Z", "+00:00")).timestamp()


@dataclass(frozen=True)
class ChoiceRecord:
    """One recorded choice."""

    turn: int
    scene_id: str
    choice_id: str
    style: str
    decided_at: float
    decision_seconds: float | None
    deltas: dict[str, float]
    rules: list[dict[str, Any]]
    metrics: dict[str, float]
    chance_index: int | None = None
    roll: float | None = None
    shown: tuple[str, ...] = ()  # the choices offered, in the order shown (empty when recorded before that)

    @property
    def total_deltas(self) -> dict[str, float]:
        """The choice's deltas plus those of every rule it triggered."""
        return total_deltas(self.deltas, (rule.get("deltas", {}) for rule in self.rules))

    def to_json(self) -> dict[str, Any]:
        """Plain data for export."""
        return {
            "turn": self.turn,
            "scene": self.scene_id,
            "choice": self.choice_id,
            "style": self.style,
            "decided_at": iso(self.decided_at),
            "decision_seconds": self.decision_seconds,
            "deltas": self.deltas,
            "rules": self.rules,
            "metrics": self.metrics,
            "chance": self.chance_index,
            "roll": self.roll,
            "shown": list(self.shown),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ChoiceRecord:
        """The inverse of ``to_json``; raises KeyError/TypeError/ValueError on bad data."""
        seconds = data.get("decision_seconds")
        return cls(
            turn=int(data["turn"]),
            scene_id=str(data["scene"]),
            choice_id=str(data["choice"]),
            style=str(data["style"]),
            decided_at=float(from_iso(data["decided_at"]) or 0.0),
            decision_seconds=None if seconds is None else float(seconds),
            deltas={str(k): float(v) for k, v in dict(data["deltas"]).items()},
            rules=[
                {"id": str(r["id"]), "deltas": {str(k): float(v) for k, v in dict(r.get("deltas", {})).items()}}
                for r in data["rules"]
            ],
            metrics={str(k): float(v) for k, v in dict(data["metrics"]).items()},
            chance_index=None if data.get("chance") is None else int(data["chance"]),
            roll=None if data.get("roll") is None else float(data["roll"]),
            shown=tuple(str(i) for i in list(data.get("shown") or [])),
        )


@dataclass(frozen=True)
class VoteRecord:
    """How many people in a group voted for one choice at one turn, and how many of them from a phone."""

    turn: int
    scene_id: str
    choice_id: str
    count: int
    picked: bool
    #: how many of ``count`` came from the room's phones (the rest were counted in the room: hands typed in);
    #: None when that was not recorded (votes recorded before the split was kept): unknown, not zero
    phones: int | None = None

    @property
    def in_room(self) -> int | None:
        """The votes counted in the room (hands the trainer typed): ``count`` less the phones' (None when the
        split is unknown)."""
        return None if self.phones is None else self.count - self.phones

    def to_json(self) -> dict[str, Any]:
        """Plain data for export (``phones`` is null when the split is unknown)."""
        return {
            "turn": self.turn,
            "scene": self.scene_id,
            "choice": self.choice_id,
            "count": self.count,
            "phones": self.phones,
            "picked": self.picked,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VoteRecord:
        """The inverse of ``to_json`` (an export made before the split was kept has no ``phones``: unknown)."""
        count = int(data["count"])
        if count < 0:
            raise ValueError("a vote count can't be negative")
        phones = data.get("phones")
        if phones is not None:
            if isinstance(phones, bool) or int(phones) != phones or not 0 <= int(phones) <= count:
                raise ValueError("the votes from phones must be a whole number from 0 to the vote count")
            phones = int(phones)
        return cls(int(data["turn"]), str(data["scene"]), str(data["choice"]), count, bool(data.get("picked")), phones)


@dataclass(frozen=True)
class PlaythroughRecord:
    """One recorded playthrough with its choices and (for group play) votes."""

    id: int
    uuid: str
    learner: str
    cohort: str | None
    scenario_id: str
    content_hash: str
    language: str
    mode: str
    seed: int
    started_at: float
    finished_at: float | None
    ending_id: str | None
    rating: str | None
    start_metrics: dict[str, float]
    final_metrics: dict[str, float] | None
    choices: tuple[ChoiceRecord, ...] = ()
    votes: tuple[VoteRecord, ...] = field(default=())
    scores: dict[str, Any] | None = None  # issue 13: ``game.core.scoring.score_summary``; None before scores existed
    commitment: str | None = None  # issue 13: what the learner committed to on the debrief's last page

    @property
    def score(self) -> float | None:
        """The overall score (0-1), or None when none was recorded."""
        overall = (self.scores or {}).get("overall")
        return None if overall is None else float(overall)

    @property
    def finished(self) -> bool:
        """True once the playthrough reached an ending and was finished."""
        return self.finished_at is not None

    def trajectory(self, metric: str) -> list[float]:
        """The metric's value at the start and after every choice."""
        values = [self.start_metrics.get(metric, 0.0)]
        values.extend(c.metrics.get(metric, values[-1]) for c in self.choices)
        return values

    def to_json(self) -> dict[str, Any]:
        """Plain data for ``sticky records export`` (one JSON object per playthrough)."""
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "uuid": self.uuid,
            "learner": self.learner,
            "cohort": self.cohort,
            "scenario": self.scenario_id,
            "content_hash": self.content_hash,
            "language": self.language,
            "mode": self.mode,
            "seed": self.seed,
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
            "ending": self.ending_id,
            "rating": self.rating,
            "start_metrics": self.start_metrics,
            "final_metrics": self.final_metrics,
            "choices": [c.to_json() for c in self.choices],
            "votes": [v.to_json() for v in self.votes],
            "scores": self.scores,
            "commitment": self.commitment,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlaythroughRecord:
        """The inverse of ``to_json`` (``id`` is 0: the importing database assigns its own)."""
        if data.get("format") != EXPORT_FORMAT:
            raise ValueError(f"not a Sticky Situations record (format {data.get('format')!r})")
        if not isinstance(data.get("version"), int) or data["version"] > EXPORT_VERSION:
            raise ValueError(f"record version {data.get('version')!r} is newer than this game reads")
        final = data.get("final_metrics")
        return cls(
            id=0,
            uuid=str(data["uuid"]),
            learner=str(data["learner"]),
            cohort=None if data.get("cohort") is None else str(data["cohort"]),
            scenario_id=str(data["scenario"]),
            content_hash=str(data["content_hash"]),
            language=str(data["language"]),
            mode=str(data["mode"]),
            seed=int(data["seed"]),
            started_at=float(from_iso(data["started_at"]) or 0.0),
            finished_at=from_iso(data.get("finished_at")),
            ending_id=data.get("ending"),
            rating=data.get("rating"),
            start_metrics={str(k): float(v) for k, v in dict(data["start_metrics"]).items()},
            final_metrics=None if final is None else {str(k): float(v) for k, v in dict(final).items()},
            choices=tuple(ChoiceRecord.from_json(c) for c in data["choices"]),
            votes=tuple(VoteRecord.from_json(v) for v in data.get("votes", [])),
            scores=_scores(data.get("scores")),
            commitment=_commitment(data.get("commitment")),
        )


#: The longest commitment kept, in characters (the window's field stops there too).
COMMITMENT_MAX = 400


def _commitment(data: Any) -> str | None:
    """A commitment read from an export: text up to ``COMMITMENT_MAX`` characters, or None; else ValueError."""
    if data is None:
        return None
    if not isinstance(data, str) or len(data) > COMMITMENT_MAX:
        raise ValueError(f"commitment must be text of at most {COMMITMENT_MAX} characters")
    return data


def _scores(data: Any) -> dict[str, Any] | None:
    """Scores read from an export, checked: numbers from 0 to 1 and a true/false success; else ValueError."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ValueError("scores must be an object")
    phases = {str(k): float(v) for k, v in dict(data.get("phases") or {}).items()}
    overall = None if data.get("overall") is None else float(data["overall"])
    mark = float(data.get("pass_mark", 0.6))
    if not all(0 <= v <= 1 for v in [*phases.values(), mark, *([] if overall is None else [overall])]):
        raise ValueError("a score must be between 0 and 1")
    return {"phases": phases, "overall": overall, "pass_mark": mark, "success": bool(data.get("success"))}
