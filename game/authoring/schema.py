"""The JSON Schema of scenario files, for editor completion and checking (`sticky schema`).

The shipped copy ``scenario.schema.json`` beside this module is kept equal to ``scenario_schema()``
by a test; regenerate it with ``sticky schema > game/authoring/scenario.schema.json``.
"""

from __future__ import annotations

from typing import Any

from game.core.model import (
    BETTER,
    DECISION_PHASES,
    MODEL_LINE_PARTS,
    MOODS,
    ORDERS,
    PHASES,
    RATINGS,
    STYLES,
    TECHNIQUES,
)

ID = {"type": "string", "pattern": "^[a-z][a-z0-9_-]{0,63}$"}
TEXT = {"type": "string", "minLength": 1}
NUMBER = {"type": "number"}
CONDITION = {
    "type": "string",
    "description": 'A condition over metrics, flags and turn, e.g. "staff_morale < 30 and not deal_signed"',
}


def _varied(text: dict[str, Any]) -> dict[str, Any]:
    """A text that may also be written as a list of ``{when, text}`` variants (the last without ``when``)."""
    variant = _obj({"when": CONDITION, "text": TEXT}, ("text",))
    variants = {
        "type": "array",
        "items": variant,
        "minItems": 1,
        "description": "variants: the first whose 'when' holds is shown; the last has no 'when'",
    }
    return {"oneOf": [text, variants]}


SCORE = {"type": "number", "minimum": 0, "maximum": 1}


def _obj(properties: dict[str, Any], required: tuple[str, ...] = (), description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    if description:
        schema["description"] = description
    return schema


def scenario_schema() -> dict[str, Any]:
    """The schema as a dict."""
    mood = {
        "enum": list(MOODS),
        "description": "the speaker's expression (presentation only); a choice's defaults from its effects",
    }
    effects = {
        "type": "object",
        "additionalProperties": NUMBER,
        "description": "metric id -> delta, e.g. {revenue: -1500}",
    }
    flag_list = {"type": "array", "items": ID}
    target = dict(ID, description="a scene id or an ending id")
    branch = _obj({"when": CONDITION, "next": target}, ("next",))
    outcome = _obj(
        {
            "p": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
            "next": target,
            "note": TEXT,
            "effects": effects,
            "set": flag_list,
            "clear": flag_list,
            "mood": mood,
        },
        ("p", "next"),
    )
    choice = _obj(
        {
            "id": ID,
            "text": TEXT,
            "style": {"enum": list(STYLES)},
            "effects": effects,
            "set": flag_list,
            "clear": flag_list,
            "when": CONDITION,
            "feedback": _varied(
                dict(TEXT, description="the coach's note: the cost, limit or power this choice shows or misses")
            ),
            "best": {"type": "boolean"},
            "score": dict(SCORE, description="0-1; default 1 for the best choice, 0 for the others"),
            "model_line": {
                "type": "object",
                "propertyNames": {"enum": list(MODEL_LINE_PARTS)},
                "additionalProperties": TEXT,
                "description": "the strongest line in its parts, in the order written",
            },
            "technique": {"enum": list(TECHNIQUES), "description": "a technique of the glossary (docs/techniques.md)"},
            "next": {"oneOf": [target, {"type": "array", "items": branch, "minItems": 1}]},
            "chance": {"type": "array", "items": outcome, "minItems": 1},
            "mood": mood,
        },
        ("id", "text", "style"),
    )
    choice["oneOf"] = [{"required": ["next"]}, {"required": ["chance"]}]
    scene = _obj(
        {
            "phase": {"enum": list(PHASES)},
            "speaker": ID,
            "place": ID,
            "text": _varied(TEXT),
            "choices": {"type": "array", "items": choice},
            "discuss": dict(TEXT, description="a question for the room in group play"),
            "order": {
                "enum": list(ORDERS),
                "description": "fixed: choices shown in the order written; shuffled (default): in a seeded order",
            },
            "mood": mood,
        },
        ("phase", "text"),
    )
    metric = _obj(
        {
            "start": NUMBER,
            "min": NUMBER,
            "max": NUMBER,
            "unit": {"type": "string"},
            "label": TEXT,
            "better": {"enum": list(BETTER), "description": "which way is good news (default higher)"},
        }
    )
    rule = _obj(
        {
            "id": ID,
            "when": CONDITION,
            "once": {"type": "boolean"},
            "effects": effects,
            "set": flag_list,
            "clear": flag_list,
            "text": _varied(TEXT),
        },
        ("id", "when"),
    )
    ending = _obj(
        {
            "rating": {"enum": list(RATINGS)},
            "title": _varied(TEXT),
            "text": _varied(TEXT),
            "when": CONDITION,
            "image": dict(TEXT, description="the ending's own picture (else the rating's)"),
        },
        ("rating", "text"),
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://sticky-situations.example/scenario.schema.json",
        "title": "Sticky Situations scenario (format 1)",
        **_obj(
            {
                "format": {"const": 1},
                "id": ID,
                "title": TEXT,
                "language": {"enum": ["en", "es"]},
                "business": TEXT,
                "summary": TEXT,
                "goals": {"type": "array", "items": TEXT},
                "player": ID,
                "metrics": {"type": "object", "propertyNames": ID, "additionalProperties": metric},
                "flags": flag_list,
                "characters": {
                    "type": "object",
                    "propertyNames": ID,
                    "additionalProperties": _obj({"name": TEXT, "role": TEXT, "portrait": TEXT}, ("name",)),
                },
                "places": {
                    "type": "object",
                    "propertyNames": ID,
                    "additionalProperties": _obj({"name": TEXT, "image": TEXT}, ("name",)),
                },
                "start": ID,
                "reflection": _obj({phase: TEXT for phase in DECISION_PHASES}),
                "scenes": {
                    "type": "object",
                    "propertyNames": ID,
                    "additionalProperties": scene,
                    "minProperties": 1,
                },
                "rules": {"type": "array", "items": rule},
                "endings": {
                    "type": "object",
                    "propertyNames": ID,
                    "additionalProperties": ending,
                    "minProperties": 1,
                },
                "pass_mark": dict(SCORE, description="the overall score needed for success (default 0.6)"),
            },
            ("id", "title", "language", "summary", "characters", "start", "scenes", "endings"),
        ),
    }
