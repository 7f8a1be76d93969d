"""xAPI 1.0.3 statements for a recorded playthrough, composed from the records whenever they are needed.

A playthrough's statements are named by *references*, in order: ``initialized`` (the scenario),
``answered/TURN/CHOICE`` per decision (the scene as a choice interaction), ``completed`` (the ending, once
reached); a playthrough left before its ending adds ``terminated/N`` (N decisions made), and one continued
after that adds ``resumed/N``. The outbox keeps only these references; ``compose`` builds the statement when
it is sent, from what the records hold then and the settings in force then.

Each answered statement carries what an LMS grades with: the coach's strongest choice as the interaction's
``correctResponsesPattern``, the decision point (``definition.extensions[.../decision-point]``), and the
decision's ``result.score`` and ``success``; the completed statement carries the playthrough's score and
success against the scenario's pass mark. Scores and strongest choices come from ``build_debrief``.

Every statement's id is a UUID5 over a canonical form of its stable parts: the playthrough, the reference,
the verb, the object, the response, the actor's identity and the identity settings. The same playthrough
sent from two laptops configured alike gives the same ids (and the same bodies: every time in a statement
comes from the records), and different identity settings never reuse an id.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from game.core.debrief import Debrief, Decision, build_debrief
from game.core.model import Scenario
from game.training.record_types import PlaythroughRecord, from_iso, iso
from game.training.xapi_identity import DEFAULT_BASE, DEFAULT_HOMEPAGE, XapiSettings, ifi

__all__ = [
    "DEFAULT_BASE",
    "DEFAULT_HOMEPAGE",
    "XAPI_VERSION",
    "Composer",
    "XapiSettings",
    "compose",
    "record_refs",
    "statement_id",
    "statements",
    "terminated_statement",
]

XAPI_VERSION = "1.0.3"
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://sticky-situations.example/xapi/statement-ids")

VERBS: dict[str, tuple[str, dict[str, str]]] = {
    "initialized": ("http://adlnet.gov/expapi/verbs/initialized", {"en-US": "initialized"}),
    "answered": ("http://adlnet.gov/expapi/verbs/answered", {"en-US": "answered"}),
    "completed": ("http://adlnet.gov/expapi/verbs/completed", {"en-US": "completed"}),
    "terminated": ("http://adlnet.gov/expapi/verbs/terminated", {"en-US": "terminated"}),
    "resumed": ("http://adlnet.gov/expapi/verbs/resumed", {"en-US": "resumed"}),
}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"


def statement_id(parts: dict[str, Any]) -> str:
    """The UUID5 of a canonical JSON form of ``parts`` (sorted keys, no spaces)."""
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return str(uuid.uuid5(ID_NAMESPACE, canonical))


def _ms(moment: float) -> float:
    """``moment`` as the records keep it after an export (whole milliseconds), so every laptop computes alike."""
    return from_iso(iso(moment)) or 0.0


def _duration(seconds: float | None) -> str | None:
    return None if seconds is None else f"PT{max(0.0, seconds):.2f}S"


def _lang(language: str) -> str:
    return "en-US" if language == "en" else language


def registration(record: PlaythroughRecord) -> str:
    """The playthrough's UUID as the statements' ``context.registration``."""
    try:
        return str(uuid.UUID(record.uuid))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"sticky-situations:{record.uuid}"))


def _numbers(values: dict[str, float] | None) -> dict[str, float | int]:
    return {k: int(v) if float(v).is_integer() else v for k, v in (values or {}).items()}


def _score(value: float) -> dict[str, float]:
    return {"scaled": round(value, 6), "raw": round(value, 6), "min": 0, "max": 1}


def record_refs(record: PlaythroughRecord) -> list[str]:
    """The references of the statements a record implies by itself: initialized, answered..., completed."""
    refs = ["initialized", *(f"answered/{c.turn}/{c.choice_id}" for c in record.choices)]
    if record.finished and record.ending_id:
        refs.append("completed")
    return refs


def _debrief(record: PlaythroughRecord, scenario: Scenario | None) -> Debrief | None:
    """The core's debrief of the record replayed on ``scenario``; None when it can't be replayed."""
    if scenario is None:
        return None
    from game.training.replay import replay

    try:
        return build_debrief(replay(record, scenario).session)
    except Exception:  # noqa: BLE001 - a record the engine can't replay keeps statements without scores
        return None


class Composer:
    """Builds any statement of one playthrough (the debrief is computed once for all of them)."""

    def __init__(
        self,
        record: PlaythroughRecord,
        settings: XapiSettings | None = None,
        scenario: Scenario | None = None,
        members: Sequence[str] = (),
    ) -> None:
        """``members``: the room's learners, for a group session's actor."""
        s = self.s = settings or XapiSettings()
        self.record, self.scenario = record, scenario
        self.lang = _lang(record.language)
        self.scenario_iri = f"{s.base}/scenarios/{record.scenario_id}"
        self.title = scenario.title if scenario is not None else record.scenario_id
        self.scenario_activity = {
            "objectType": "Activity",
            "id": self.scenario_iri,
            "definition": {"type": SIMULATION, "name": {self.lang: self.title}},
        }
        if record.mode == "group":
            self.actor = s.group(record.cohort, registration(record), members)
        else:
            self.actor = s.agent(record.learner, record.cohort)
        self.context_ext: dict[str, Any] = {
            s.ext("mode"): record.mode,
            s.ext("seed"): record.seed,
            s.ext("content-hash"): record.content_hash,
            s.ext("learner"): record.learner,
        }
        if record.cohort:
            self.context_ext[s.ext("cohort")] = record.cohort
        debrief = _debrief(record, scenario)
        self.debrief = debrief
        self.decisions: dict[int, Decision] = {d.turn: d for d in debrief.decisions} if debrief else {}

    def compose(self, ref: str) -> dict[str, Any]:
        """The statement named ``ref``; raises KeyError when the record doesn't have it (any more)."""
        kind, _, rest = ref.partition("/")
        if kind == "initialized":
            return self._initialized()
        if kind == "answered":
            turn, _, choice_id = rest.partition("/")
            choice = next((c for c in self.record.choices if c.turn == int(turn)), None)
            if choice is None or choice.choice_id != choice_id:
                raise KeyError(ref)
            return self._answered(choice.turn)
        if kind == "completed" and self.record.finished and self.record.ending_id:
            return self._completed()
        if kind == "terminated" and int(rest) <= len(self.record.choices):
            return self._terminated(int(rest))
        if kind == "resumed" and (int(rest) < len(self.record.choices) or self.record.finished):
            return self._resumed(int(rest))
        raise KeyError(ref)

    def _statement(self, ref: str, verb: str, obj: dict[str, Any], when: float, **extra: Any) -> dict[str, Any]:
        verb_id, display = VERBS[verb]
        context: dict[str, Any] = {
            "registration": registration(self.record),
            "language": self.lang,
            "extensions": self.context_ext,
        }
        if obj is not self.scenario_activity:
            context["contextActivities"] = {"parent": [{"objectType": "Activity", "id": self.scenario_iri}]}
        result = extra.get("result") or {}
        sid = statement_id(
            {
                "playthrough": self.record.uuid,
                "ref": ref,
                "verb": verb_id,
                "object": obj["id"],
                "response": result.get("response"),
                "actor": ifi(self.actor),
                "settings": self.s.identity(),
            }
        )
        body = {
            "id": sid,
            "actor": self.actor,
            "verb": {"id": verb_id, "display": display},
            "object": obj,
            "context": context,
            "timestamp": iso(when),
            "version": XAPI_VERSION,
        }
        body.update({k: v for k, v in extra.items() if v is not None})
        return body

    def _initialized(self) -> dict[str, Any]:
        result = {"extensions": {self.s.ext("start-metrics"): _numbers(self.record.start_metrics)}}
        return self._statement(
            "initialized", "initialized", self.scenario_activity, self.record.started_at, result=result
        )

    def _answered(self, turn: int) -> dict[str, Any]:
        s, record, lang = self.s, self.record, self.lang
        choice = next(c for c in record.choices if c.turn == turn)
        scene = self.scenario.scene(choice.scene_id) if self.scenario is not None else None
        decision = self.decisions.get(turn)
        definition: dict[str, Any] = {
            "type": INTERACTION,
            "interactionType": "choice",
            "name": {lang: f"{self.title}: {choice.scene_id}"},
        }
        if scene is not None:
            definition["description"] = {lang: scene.text}
            definition["choices"] = [{"id": c.id, "description": {lang: c.text}} for c in scene.choices]
            definition["extensions"] = {s.ext("decision-point"): scene.phase}
        if decision is not None and decision.strongest is not None:
            definition["correctResponsesPattern"] = [decision.strongest.choice_id]
        extensions: dict[str, Any] = {
            s.ext("style"): choice.style,
            s.ext("deltas"): _numbers(choice.deltas),
            s.ext("rules"): [r["id"] for r in choice.rules],
            s.ext("rule-deltas"): [_numbers(r.get("deltas", {})) for r in choice.rules],
            s.ext("metrics"): _numbers(choice.metrics),
            s.ext("turn"): choice.turn,
        }
        result: dict[str, Any] = {"response": choice.choice_id, "extensions": extensions}
        if decision is not None:
            extensions[s.ext("decision-point")] = decision.phase
            if decision.strongest is not None:
                result["score"] = _score(decision.score)
                result["success"] = decision.chose_strongest
        if choice.shown:
            extensions[s.ext("shown")] = list(choice.shown)
        cast = [v for v in record.votes if v.turn == choice.turn]
        if cast:
            extensions[s.ext("votes")] = {v.choice_id: v.count for v in cast}
            extensions[s.ext("picked")] = next((v.choice_id for v in cast if v.picked), None)
            if all(v.phones is not None for v in cast):  # left out when the split was not recorded
                extensions[s.ext("votes-from-phones")] = {v.choice_id: v.phones for v in cast}
        if choice.chance_index is not None:
            extensions[s.ext("chance-outcome")] = choice.chance_index
        if choice.roll is not None:
            extensions[s.ext("roll")] = choice.roll
        if choice.decision_seconds is not None:
            result["duration"] = _duration(choice.decision_seconds)
            extensions[s.ext("decision-seconds")] = choice.decision_seconds
        scene_activity = {
            "objectType": "Activity",
            "id": f"{self.scenario_iri}/scenes/{choice.scene_id}",
            "definition": definition,
        }
        ref = f"answered/{turn}/{choice.choice_id}"
        return self._statement(ref, "answered", scene_activity, choice.decided_at, result=result)

    def _scores(self) -> dict[str, Any] | None:
        if self.debrief is not None and self.debrief.finished:
            return self.debrief.scores_json()
        return self.record.scores

    def _completed(self) -> dict[str, Any]:
        s, record = self.s, self.record
        ending = self.scenario.ending(record.ending_id) if self.scenario and record.ending_id else None
        scores = self._scores()
        result: dict[str, Any] = {
            "completion": True,
            "success": bool(scores["success"]) if scores else record.rating in ("best", "good"),
            "response": record.ending_id,
            "duration": _duration(_ms(record.finished_at or record.started_at) - _ms(record.started_at)),
            "extensions": {
                s.ext("ending"): record.ending_id,
                s.ext("rating"): record.rating,
                s.ext("final-metrics"): _numbers(record.final_metrics),
                s.ext("answered"): [c.choice_id for c in record.choices],
            },
        }
        if scores:
            result["extensions"][s.ext("phase-scores")] = scores.get("phases", {})
            result["extensions"][s.ext("pass-mark")] = scores.get("pass_mark")
            if scores.get("overall") is not None:
                result["score"] = _score(float(scores["overall"]))
        if self.debrief is not None and self.debrief.ending_title:
            result["extensions"][s.ext("ending-title")] = self.debrief.ending_title
        elif ending is not None:
            result["extensions"][s.ext("ending-title")] = ending.title
        when = record.finished_at or record.started_at
        return self._statement("completed", "completed", self.scenario_activity, when, result=result)

    def _stopped_at(self, answered: int) -> float:
        """When the learner was last active before leaving after ``answered`` decisions (from the records)."""
        choices = self.record.choices
        return _ms(choices[answered - 1].decided_at if answered else self.record.started_at)

    def _scene_after(self, answered: int) -> str | None:
        if self.scenario is None:  # only the scenario can say it, the same way before and after going on
            return None
        from game.core.session import Session

        try:
            session = Session(self.scenario, seed=self.record.seed)
            for choice in self.record.choices[:answered]:
                session.choose(choice.choice_id)
        except Exception:  # noqa: BLE001 - the scene is left out when the record doesn't replay
            return None
        return None if session.finished else str(session.state.node)

    def _terminated(self, answered: int) -> dict[str, Any]:
        s, record = self.s, self.record
        done = record.choices[:answered]
        extensions: dict[str, Any] = {
            s.ext("answered"): [c.choice_id for c in done],
            s.ext("metrics"): _numbers(done[-1].metrics if done else record.start_metrics),
        }
        if (scene := self._scene_after(answered)) is not None:
            extensions[s.ext("scene")] = scene
        when = self._stopped_at(answered)
        duration = _duration(when - _ms(record.started_at))
        result = {"completion": False, "duration": duration, "extensions": extensions}
        return self._statement(f"terminated/{answered}", "terminated", self.scenario_activity, when, result=result)

    def _resumed(self, answered: int) -> dict[str, Any]:
        record = self.record
        if answered < len(record.choices):
            nxt = record.choices[answered]
            when = _ms(nxt.decided_at) - (nxt.decision_seconds or 0.0)
        else:
            when = _ms(record.finished_at or record.started_at)
        when = max(when, self._stopped_at(answered))
        result = {"extensions": {self.s.ext("answered-before"): answered}}
        return self._statement(f"resumed/{answered}", "resumed", self.scenario_activity, when, result=result)


def compose(
    record: PlaythroughRecord,
    ref: str,
    settings: XapiSettings | None = None,
    scenario: Scenario | None = None,
    members: Sequence[str] = (),
) -> dict[str, Any]:
    """The statement ``ref`` of ``record`` (see the module docstring); KeyError when it has none such."""
    return Composer(record, settings, scenario, members).compose(ref)


def statements(
    record: PlaythroughRecord,
    settings: XapiSettings | None = None,
    scenario: Scenario | None = None,
    members: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """The statements ``record`` implies by itself (initialized, answered..., completed), in order."""
    composer = Composer(record, settings, scenario, members)
    return [composer.compose(ref) for ref in record_refs(record)]


def terminated_statement(
    record: PlaythroughRecord, settings: XapiSettings | None = None, scenario: Scenario | None = None
) -> dict[str, Any]:
    """The *terminated* statement of ``record`` left after the decisions it holds now."""
    return Composer(record, settings, scenario).compose(f"terminated/{len(record.choices)}")
