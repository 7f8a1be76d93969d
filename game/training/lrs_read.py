"""Reading playthroughs back from an LRS: the statements resource, page by page, into playthrough records.

``fetch_statements`` asks the standard xAPI statements resource (``GET .../statements`` with ``activity``,
``related_activities``, ``since`` and ``limit``, the ``X-Experience-API-Version`` header) and follows each
answer's ``more`` link; it is a generator that holds one page at a time. ``Rebuilder`` folds statements into
compact per-playthrough parts (keyed by ``context.registration``) and ``records`` turns those into the
``PlaythroughRecord`` objects the report takes, so a report from the LRS is built exactly like one from the
local records. Statements that are not ours (no Sticky Situations context) are skipped.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from game.training.lrs import LRSConfig, Opener, _default_open, headers
from game.training.record_types import ChoiceRecord, PlaythroughRecord, VoteRecord, from_iso

PAGE = 500


class ReadError(Exception):
    """The LRS could not be read; the message says why, for people."""


def _get(config: LRSConfig, url: str, timeout: float, opener: Opener) -> dict[str, Any]:
    request = urllib.request.Request(url, headers=headers(config), method="GET")
    try:
        with opener(request, timeout) as response:
            data = json.loads(response.read())
    except urllib.error.HTTPError as exc:
        hint = ": check the endpoint and credentials" if exc.code in (401, 403, 404) else ""
        raise ReadError(f"the LRS answered {exc.code} {exc.reason}{hint}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
        raise ReadError(f"the LRS at {config.endpoint} can't be reached ({getattr(exc, 'reason', exc)})") from None
    except ValueError:
        raise ReadError("the LRS answered something that is not a JSON statement result") from None
    if not isinstance(data, dict) or not isinstance(data.get("statements"), list):
        raise ReadError("the LRS answered something that is not a statement result")
    return data


def fetch_statements(
    config: LRSConfig,
    *,
    activity: str | None = None,
    since: str | None = None,
    limit: int = PAGE,
    timeout: float = 30.0,
    opener: Opener = _default_open,
) -> Iterator[dict[str, Any]]:
    """Every statement the LRS returns for the query, one page in memory at a time (``more`` followed).

    ``activity`` also matches statements whose context names it (``related_activities``); ``since`` is an
    ISO 8601 time. Raises ReadError when the LRS can't be read.
    """
    base = config.statements_url("").split("?", 1)[0]
    query: dict[str, str] = {"limit": str(max(1, limit))}
    if activity:
        query.update(activity=activity, related_activities="true")
    if since:
        query["since"] = since
    url: str | None = f"{base}?{urllib.parse.urlencode(query)}"
    seen: set[str] = set()
    while url:
        page = _get(config, url, timeout, opener)
        yield from page["statements"]
        more = page.get("more")
        url = urllib.parse.urljoin(base, more) if isinstance(more, str) and more else None
        if url in seen:  # an LRS that hands out the same page again would loop forever
            break
        if url:
            seen.add(url)


def _ext(extensions: dict[str, Any] | None, name: str) -> Any:
    """An extension of ours by its name, whatever the organisation's IRI base."""
    for key, value in (extensions or {}).items():
        if key.endswith(f"/extensions/{name}"):
            return value
    return None


def _floats(values: Any) -> dict[str, float]:
    return {str(k): float(v) for k, v in dict(values or {}).items()}


@dataclass
class _Parts:
    """What the statements of one playthrough said so far (a few small dicts, never the statements)."""

    head: dict[str, Any] | None = None
    answers: dict[tuple[int, str], tuple[str, ChoiceRecord, dict[str, int], str | None]] = field(default_factory=dict)
    end: dict[str, Any] | None = None
    stopped: tuple[int, str, list[str]] | None = None  # the latest *terminated*: (answered, time, choice ids)


class Rebuilder:
    """Folds statements into playthroughs; ``add`` each statement, then ``records``."""

    def __init__(self) -> None:
        """Start empty."""
        self.parts: dict[str, _Parts] = {}
        self.skipped = 0

    def add(self, statement: dict[str, Any]) -> None:
        """Take one statement into account (ours only; anything else is counted in ``skipped``)."""
        try:
            context = statement.get("context") or {}
            registration = context.get("registration")
            extensions = context.get("extensions") or {}
            if not registration or _ext(extensions, "content-hash") is None:
                self.skipped += 1
                return
            verb = str(statement["verb"]["id"]).rsplit("/", 1)[-1]
            parts = self.parts.setdefault(str(registration), _Parts())
            result = statement.get("result") or {}
            when = str(statement.get("timestamp") or "")
            if verb == "initialized":
                parts.head = self._head(statement, context, result)
            elif verb == "answered":
                self._answer(parts, statement, result, when)
            elif verb == "completed":
                parts.end = self._end(result, when)
            elif verb == "terminated":
                answered = [str(c) for c in _ext(result.get("extensions"), "answered") or []]
                if parts.stopped is None or (len(answered), when) > parts.stopped[:2]:
                    parts.stopped = (len(answered), when, answered)
        except (KeyError, TypeError, ValueError, AttributeError):
            self.skipped += 1

    @staticmethod
    def _head(statement: dict[str, Any], context: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        ext = context.get("extensions") or {}
        language = str(context.get("language") or "en")
        return {
            "learner": str(_ext(ext, "learner") or statement["actor"].get("name") or "anonymous"),
            "cohort": _ext(ext, "cohort"),
            "scenario": str(statement["object"]["id"]).rsplit("/scenarios/", 1)[-1],
            "content_hash": str(_ext(ext, "content-hash")),
            "language": "en" if language == "en-US" else language,
            "mode": str(_ext(ext, "mode") or "practice"),
            "seed": int(_ext(ext, "seed") or 0),
            "started_at": from_iso(statement["timestamp"]),
            "start_metrics": _floats(_ext(result.get("extensions"), "start-metrics")),
        }

    @staticmethod
    def _answer(parts: _Parts, statement: dict[str, Any], result: dict[str, Any], when: str) -> None:
        ext = result.get("extensions") or {}
        turn = int(_ext(ext, "turn"))
        choice_id = str(result["response"])
        rules = _ext(ext, "rules") or []
        rule_deltas = _ext(ext, "rule-deltas") or [{} for _ in rules]
        seconds = _ext(ext, "decision-seconds")
        chance = _ext(ext, "chance-outcome")
        roll = _ext(ext, "roll")
        choice = ChoiceRecord(
            turn=turn,
            scene_id=str(statement["object"]["id"]).rsplit("/scenes/", 1)[-1],
            choice_id=choice_id,
            style=str(_ext(ext, "style") or ""),
            decided_at=from_iso(statement["timestamp"]) or 0.0,
            decision_seconds=None if seconds is None else float(seconds),
            deltas=_floats(_ext(ext, "deltas")),
            rules=[{"id": str(r), "deltas": _floats(d)} for r, d in zip(rules, rule_deltas, strict=False)],
            metrics=_floats(_ext(ext, "metrics")),
            chance_index=None if chance is None else int(chance),
            roll=None if roll is None else float(roll),
            shown=tuple(str(c) for c in _ext(ext, "shown") or ()),
        )
        votes = {str(k): int(v) for k, v in dict(_ext(ext, "votes") or {}).items()}
        picked = _ext(ext, "picked")
        key = (turn, choice_id)
        if key not in parts.answers or when > parts.answers[key][0]:
            parts.answers[key] = (when, choice, votes, None if picked is None else str(picked))

    @staticmethod
    def _end(result: dict[str, Any], when: str) -> dict[str, Any]:
        ext = result.get("extensions") or {}
        score = (result.get("score") or {}).get("scaled")
        pass_mark = _ext(ext, "pass-mark")
        scores = None
        if pass_mark is not None:
            scores = {
                "phases": _floats(_ext(ext, "phase-scores")),
                "overall": None if score is None else float(score),
                "pass_mark": float(pass_mark),
                "success": bool(result.get("success")),
            }
        return {
            "finished_at": from_iso(when),
            "ending": _ext(ext, "ending"),
            "rating": _ext(ext, "rating"),
            "final_metrics": _floats(_ext(ext, "final-metrics")),
            "answered": [str(c) for c in _ext(ext, "answered") or []],
            "scores": scores,
        }

    def records(self) -> list[PlaythroughRecord]:
        """The playthroughs read, oldest first, numbered from 1; those whose start never arrived are left out."""
        built = [self._record(reg, parts) for reg, parts in self.parts.items() if parts.head is not None]
        built.sort(key=lambda r: (r.started_at, r.uuid))
        return [_renumber(record, i) for i, record in enumerate(built, 1)]

    @staticmethod
    def _record(registration: str, parts: _Parts) -> PlaythroughRecord:
        head, end = parts.head or {}, parts.end
        if end is not None:
            final = end["answered"]
        elif parts.stopped is not None:
            final = parts.stopped[2]
        else:  # neither an ending nor a stop: the latest answer of every turn
            latest: dict[int, tuple[str, str]] = {}
            for (turn, choice_id), (when, *_rest) in parts.answers.items():
                if turn not in latest or when > latest[turn][0]:
                    latest[turn] = (when, choice_id)
            final = [latest[t][1] for t in sorted(latest)]
        choices: list[ChoiceRecord] = []
        votes: list[VoteRecord] = []
        for turn, choice_id in enumerate(final, 1):
            found = parts.answers.get((turn, choice_id))
            if found is None:
                break  # the rest never arrived
            _when, choice, counts, picked = found
            choices.append(choice)
            votes.extend(VoteRecord(turn, choice.scene_id, c, n, c == picked) for c, n in counts.items())
        return PlaythroughRecord(
            id=0,
            uuid=registration,
            learner=head["learner"],
            cohort=None if head.get("cohort") is None else str(head["cohort"]),
            scenario_id=head["scenario"],
            content_hash=head["content_hash"],
            language=head["language"],
            mode=head["mode"],
            seed=head["seed"],
            started_at=float(head["started_at"] or 0.0),
            finished_at=end["finished_at"] if end else None,
            ending_id=end["ending"] if end else None,
            rating=end["rating"] if end else None,
            start_metrics=head["start_metrics"],
            final_metrics=end["final_metrics"] if end else None,
            choices=tuple(choices),
            votes=tuple(votes),
            scores=end["scores"] if end else None,
        )


def _renumber(record: PlaythroughRecord, number: int) -> PlaythroughRecord:
    from dataclasses import replace

    return replace(record, id=number)


def read_playthroughs(statements: Iterable[dict[str, Any]]) -> tuple[list[PlaythroughRecord], int]:
    """The playthroughs in ``statements`` (any iterable, consumed once) and how many statements were skipped."""
    rebuilder = Rebuilder()
    for statement in statements:
        rebuilder.add(statement)
    return rebuilder.records(), rebuilder.skipped
