"""xAPI 1.0.3 statements for a recorded playthrough.

One playthrough becomes, in order: *initialized* (the scenario), one *answered* per choice (the scene as
a choice interaction, the choice id as ``result.response``, the style, deltas, rules and decision time as
result extensions), and *completed* (the ending, its rating and the final metrics) once an ending is
reached. Statement ids are UUID5s of the playthrough's UUID and the statement's index, so the same
playthrough always yields the same ids, on any machine: an LRS can recognise a statement it already has.

A playthrough left before its ending (the window closed, another scenario started) gets a *terminated*
statement instead (``terminated_statement``): what was answered so far, where the learner stopped and the
metrics there. Its id depends on how many choices had been made, so leaving twice at the same point adds
nothing, and the *initialized* and *answered* statements queued with it keep the ids they get at the end.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from game.core.model import Scenario
from game.core.scoring import score_summary
from game.training.recorddata import PlaythroughRecord, iso

XAPI_VERSION = "1.0.3"
DEFAULT_BASE = "https://sticky-situations.example/xapi"
DEFAULT_HOMEPAGE = "https://sticky-situations.example/learners"

VERBS: dict[str, tuple[str, dict[str, str]]] = {
    "initialized": ("http://adlnet.gov/expapi/verbs/initialized", {"en-US": "initialized"}),
    "answered": ("http://adlnet.gov/expapi/verbs/answered", {"en-US": "answered"}),
    "completed": ("http://adlnet.gov/expapi/verbs/completed", {"en-US": "completed"}),
    "terminated": ("http://adlnet.gov/expapi/verbs/terminated", {"en-US": "terminated"}),
}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"


@dataclass(frozen=True)
class XapiSettings:
    """Where statement IRIs point: the activity IRI base and the learners' account home page."""

    base: str = DEFAULT_BASE
    homepage: str = DEFAULT_HOMEPAGE

    def ext(self, name: str) -> str:
        """The IRI of one of our extensions."""
        return f"{self.base}/extensions/{name}"


def statement_id(playthrough_uuid: str, index: int | str) -> str:
    """The stable id of statement ``index`` of a playthrough (an int, or a name such as ``terminated/3``)."""
    try:
        namespace = uuid.UUID(playthrough_uuid)
    except ValueError:
        namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"sticky-situations:{playthrough_uuid}")
    return str(uuid.uuid5(namespace, f"statement/{index}"))


def _duration(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return f"PT{max(0.0, seconds):.2f}S"


def _lang(language: str) -> str:
    return "en-US" if language == "en" else language


def _registration(record: PlaythroughRecord) -> str:
    try:
        return str(uuid.UUID(record.uuid))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"sticky-situations:{record.uuid}"))


def _numbers(values: dict[str, float] | None) -> dict[str, float | int]:
    return {k: int(v) if float(v).is_integer() else v for k, v in (values or {}).items()}


class _Builder:
    """The parts every statement of one playthrough shares: actor, context, the scenario activity."""

    def __init__(self, record: PlaythroughRecord, settings: XapiSettings | None, scenario: Scenario | None) -> None:
        s = self.s = settings or XapiSettings()
        self.record = record
        self.lang = _lang(record.language)
        self.scenario_iri = f"{s.base}/scenarios/{record.scenario_id}"
        self.title = scenario.title if scenario is not None else record.scenario_id
        self.scenario_activity = {
            "objectType": "Activity",
            "id": self.scenario_iri,
            "definition": {"type": SIMULATION, "name": {self.lang: self.title}},
        }
        self.actor = {
            "objectType": "Agent",
            "name": record.learner,
            "account": {"homePage": s.homepage, "name": record.learner},
        }
        self.context_ext: dict[str, Any] = {
            s.ext("mode"): record.mode,
            s.ext("seed"): record.seed,
            s.ext("content-hash"): record.content_hash,
        }
        if record.cohort:
            self.context_ext[s.ext("cohort")] = record.cohort

    def statement(self, index: int | str, verb: str, obj: dict[str, Any], when: float, **extra: Any) -> dict[str, Any]:
        """One statement of the playthrough; ``extra`` (e.g. ``result``) is added when not None."""
        verb_id, display = VERBS[verb]
        context: dict[str, Any] = {
            "registration": _registration(self.record),
            "language": self.lang,
            "extensions": self.context_ext,
        }
        if obj is not self.scenario_activity:
            context["contextActivities"] = {"parent": [{"objectType": "Activity", "id": self.scenario_iri}]}
        body = {
            "id": statement_id(self.record.uuid, index),
            "actor": self.actor,
            "verb": {"id": verb_id, "display": display},
            "object": obj,
            "context": context,
            "timestamp": iso(when),
            "version": XAPI_VERSION,
        }
        body.update({k: v for k, v in extra.items() if v is not None})
        return body


def statements(
    record: PlaythroughRecord, settings: XapiSettings | None = None, scenario: Scenario | None = None
) -> list[dict[str, Any]]:
    """Every xAPI statement of ``record``, in order, as JSON-ready dicts."""
    b = _Builder(record, settings, scenario)
    s, lang, title, scenario_iri = b.s, b.lang, b.title, b.scenario_iri
    statement, scenario_activity = b.statement, b.scenario_activity
    out = [statement(0, "initialized", scenario_activity, record.started_at)]
    for choice in record.choices:
        scene = scenario.scene(choice.scene_id) if scenario is not None else None
        definition: dict[str, Any] = {
            "type": INTERACTION,
            "interactionType": "choice",
            "name": {lang: f"{title}: {choice.scene_id}"},
        }
        if scene is not None:
            definition["description"] = {lang: scene.text}
            definition["choices"] = [{"id": c.id, "description": {lang: c.text}} for c in scene.choices]
        result: dict[str, Any] = {
            "response": choice.choice_id,
            "extensions": {
                s.ext("style"): choice.style,
                s.ext("deltas"): _numbers(choice.deltas),
                s.ext("rules"): [r["id"] for r in choice.rules],
                s.ext("metrics"): _numbers(choice.metrics),
                s.ext("turn"): choice.turn,
            },
        }
        if scenario is not None and scene is not None and (best := scenario.best_choice(scene.id)) is not None:
            result["success"] = best.id == choice.choice_id
        votes = {v.choice_id: v.count for v in record.votes if v.turn == choice.turn}
        if votes:
            result["extensions"][s.ext("votes")] = votes
        if choice.chance_index is not None:
            result["extensions"][s.ext("chance-outcome")] = choice.chance_index
        if choice.decision_seconds is not None:
            result["duration"] = _duration(choice.decision_seconds)
        scene_activity = {
            "objectType": "Activity",
            "id": f"{scenario_iri}/scenes/{choice.scene_id}",
            "definition": definition,
        }
        out.append(statement(choice.turn, "answered", scene_activity, choice.decided_at, result=result))
    if record.finished and record.ending_id:
        ending = scenario.ending(record.ending_id) if scenario is not None else None
        scores = _scores(record, scenario)
        result = {
            "completion": True,
            "success": bool(scores["success"]) if scores else record.rating in ("best", "good"),
            "response": record.ending_id,
            "duration": _duration((record.finished_at or record.started_at) - record.started_at),
            "extensions": {
                s.ext("ending"): record.ending_id,
                s.ext("rating"): record.rating,
                s.ext("final-metrics"): _numbers(record.final_metrics),
            },
        }
        if scores and scores.get("overall") is not None:  # issue 13: what was decided, against the pass mark
            result["score"] = {"scaled": scores["overall"], "raw": scores["overall"], "min": 0, "max": 1}
            result["extensions"][s.ext("phase-scores")] = scores.get("phases", {})
            result["extensions"][s.ext("pass-mark")] = scores.get("pass_mark")
        if ending is not None:
            result["extensions"][s.ext("ending-title")] = ending.title
        out.append(
            statement(len(record.choices) + 1, "completed", scenario_activity, record.finished_at or 0.0, result=result)
        )
    return out


def _scores(record: PlaythroughRecord, scenario: Scenario | None) -> dict[str, Any] | None:
    """The playthrough's recorded scores, or, for a record made before scores existed, the scores its choices
    earn in ``scenario``; None when neither is known."""
    if record.scores is not None:
        return record.scores
    if scenario is None:
        return None
    return score_summary(scenario, ((c.scene_id, c.choice_id) for c in record.choices))


def terminated_statement(
    record: PlaythroughRecord,
    when: float,
    scene_id: str | None = None,
    settings: XapiSettings | None = None,
    scenario: Scenario | None = None,
) -> dict[str, Any]:
    """The *terminated* statement of a playthrough left before its ending, at ``when``, in ``scene_id``.

    ``result.completion`` is false; the extensions hold the choices answered so far (in order), the scene
    the learner stopped in and the metrics there. The id is the same for every stop after the same number
    of choices.
    """
    b = _Builder(record, settings, scenario)
    answered = len(record.choices)
    metrics = record.choices[-1].metrics if record.choices else record.start_metrics
    extensions: dict[str, Any] = {
        b.s.ext("answered"): [c.choice_id for c in record.choices],
        b.s.ext("metrics"): _numbers(metrics),
    }
    if scene_id:
        extensions[b.s.ext("scene")] = scene_id
    result = {
        "completion": False,
        "duration": _duration(max(0.0, when - record.started_at)),
        "extensions": extensions,
    }
    return b.statement(f"terminated/{answered}", "terminated", b.scenario_activity, when, result=result)
