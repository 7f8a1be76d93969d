"""Typed reading of the positioned YAML tree, recording a diagnostic for every problem instead of raising."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from game.authoring.diagnostics import DiagnosticBag, Pos, did_you_mean
from game.authoring.yamlnodes import NULLS, YMap, YNode, YRaw, YScalar, YSeq

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
_NUMBER = re.compile(r"^[+-]?(\d[\d_]*)(\.\d+)?([eE][+-]?\d+)?$|^[+-]?\.\d+$")
_TRUE = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}
_FALSE = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}


# The values Reader accepts without a word, read without a method call or a message: the loader's fast path
# for valid files. Each returns None for anything else, and the caller then asks Reader, which says why.


def valid_text(raw: YRaw | None) -> str | None:
    """The text of a scalar that is not null (what ``Reader.text`` returns silently), else None."""
    if type(raw) is str:
        return None if raw in NULLS else raw
    if type(raw) is YScalar and not (raw.plain and raw.value in NULLS):
        return raw.value
    return None


def valid_ident(raw: YRaw | None) -> str | None:
    """A scalar that is a valid id (what ``Reader.ident`` returns silently), else None."""
    value = valid_text(raw)
    return value if value is not None and ID_PATTERN.match(value) else None


_NUMBERS_SEEN: dict[str, float] = {}  # texts already read as valid numbers: a scenario repeats its few deltas
_NUMBERS_KEPT = 4096


def valid_number(raw: YRaw | None) -> float | None:
    """A plain scalar that is a number below 1e15 (what ``Reader.number`` returns silently), else None."""
    text = raw if type(raw) is str else raw.value if type(raw) is YScalar and raw.plain else None
    if text is None:
        return None
    value = _NUMBERS_SEEN.get(text)
    if value is not None:
        return value
    if _NUMBER.match(text.strip()):
        value = float(text.replace("_", ""))
        if math.isfinite(value) and abs(value) < 1e15:
            if len(_NUMBERS_SEEN) < _NUMBERS_KEPT:
                _NUMBERS_SEEN[text] = value
            return value
    return None


def kind_of(node: YNode) -> str:
    """A reader-friendly name of a node's type."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return "empty" if node.is_null else f"'{node.value}'"


class Reader:
    """Reads values of the expected type from tree nodes; records S2xx diagnostics for the rest."""

    def __init__(self, bag: DiagnosticBag) -> None:
        self.bag = bag

    def mapping(self, node: YNode | None, what: str) -> YMap | None:
        """``node`` as a mapping, or None after an S201."""
        if node is None:
            return None
        if isinstance(node, YMap):
            return node
        if isinstance(node, YScalar) and node.is_null:
            return YMap.at(node.pos)
        self.bag.add("S201", f"{what} must be a mapping of 'key: value' lines, not {kind_of(node)}", node.pos)
        return None

    def sequence(self, node: YNode | None, what: str) -> YSeq | None:
        """``node`` as a list, or None after an S201."""
        if node is None:
            return None
        if isinstance(node, YSeq):
            return node
        if isinstance(node, YScalar) and node.is_null:
            return YSeq.at(node.pos)
        self.bag.add("S201", f"{what} must be a list ('- item' lines), not {kind_of(node)}", node.pos)
        return None

    def text(self, node: YNode | None, what: str) -> str | None:
        """The text exactly as written (``No`` stays ``No``), or None after an S201."""
        if node is None:
            return None
        if isinstance(node, YScalar):
            if node.is_null:
                self.bag.add("S201", f"{what} is empty; write some text", node.pos)
                return None
            return node.value
        self.bag.add("S201", f"{what} must be text, not {kind_of(node)}", node.pos)
        return None

    def number(self, node: YNode | None, what: str) -> float | None:
        """A number such as ``-1500``, ``+3``, ``12.5`` or ``48_000``; None after an S207."""
        if node is None:
            return None
        if isinstance(node, YScalar) and node.plain and _NUMBER.match(node.value.strip()):
            value = float(node.value.replace("_", ""))
            if math.isfinite(value) and abs(value) < 1e15:
                return value
            self.bag.add("S207", f"{what} '{node.value}' is too large", node.pos, hint="numbers must stay below 1e15")
            return None
        shown = node.value if isinstance(node, YScalar) else kind_of(node)
        self.bag.add("S207", f"{what} must be a number, not '{shown}'", node.pos, hint="e.g. -1500 or +5")
        return None

    def boolean(self, node: YNode | None, what: str) -> bool | None:
        """``true``/``false`` (``yes``/``no`` too); None after an S201."""
        if node is None:
            return None
        if isinstance(node, YScalar) and node.plain:
            if node.value in _TRUE:
                return True
            if node.value in _FALSE:
                return False
        self.bag.add("S201", f"{what} must be true or false", node.pos)
        return None

    def ident(self, node: YNode | None, what: str) -> str | None:
        """An id (lowercase letters, digits, '_' and '-', starting with a letter); None after S201/S206."""
        if node is None:
            return None
        if not isinstance(node, YScalar) or node.is_null:
            self.bag.add("S201", f"{what} must be an id, not {kind_of(node)}", node.pos)
            return None
        if ID_PATTERN.match(node.value):
            return node.value
        return self.check_id(node.value, node.pos, what)

    def check_id(self, value: str, pos: Pos, what: str) -> str | None:
        """``value`` if it is a valid id; None after an S206."""
        if ID_PATTERN.match(value):
            return value
        suggestion = re.sub(r"[^a-z0-9_-]+", "_", value.lower()).strip("_-")
        hint = f"try '{suggestion}'" if suggestion and ID_PATTERN.match(suggestion) else ""
        self.bag.add(
            "S206",
            f"{what} '{value}' is not a valid id: use lowercase letters, digits, '_' and '-', starting with a letter",
            pos,
            hint=hint,
        )
        return None

    def fields(self, node: YMap, what: str, allowed: Iterable[str], required: Iterable[str] = ()) -> None:
        """Record S203 for unknown keys (with did-you-mean) and S202 for missing required ones."""
        allowed_list = allowed if isinstance(allowed, (tuple, list)) else list(allowed)
        keys = node.keys
        previous: str | None = None
        for key in keys:
            if key not in allowed_list:
                hint = _split_text_hint(node, previous, key) or _choice_field_hint(what, key)
                hint = hint or did_you_mean(key, allowed_list)
                hint = hint or "allowed: " + ", ".join(allowed_list)
                self.bag.add("S203", f"{what} has no field '{key}'", node.key_pos(key), hint=hint)
            previous = key
        for key in required:
            if key not in keys:
                self.bag.add("S202", f"{what} is missing '{key}'", node.pos)

    def enum(self, node: YNode | None, what: str, options: Iterable[str], code: str) -> str | None:
        """One of ``options``; None after ``code`` with a did-you-mean."""
        value = self.text(node, what)
        if value is None or node is None:
            return None
        pool = list(options)
        if value in pool:
            return value
        hint = did_you_mean(value, pool)  # the message already lists the options
        self.bag.add(code, f"{what} '{value}' is not one of {', '.join(pool)}", node.pos, hint=hint)
        return None


#: Fields a choice has and a scene does not: written at the scene's level, they were meant for a choice.
_CHOICE_ONLY = frozenset(
    ("next", "chance", "effects", "set", "clear", "style", "feedback", "best", "score", "model_line", "technique")
)


def _choice_field_hint(what: str, key: str) -> str:
    """For ``next:`` (or another choice field) written at a scene's level: say where it belongs."""
    if not what.startswith("scene '") or key not in _CHOICE_ONLY:
        return ""
    return (
        f"'{key}' belongs to each choice, not to the scene: move it under the choice it is for, "
        f"lined up with that choice's 'text:'"
    )


def _split_text_hint(node: YMap, previous: str | None, key: str) -> str:
    """For ``{name: Harbor Point, the residents' lawn}``: a comma inside ``{…}`` ended the text, and the rest
    became a "field". Field names never hold a space, so a key that does is the rest of the text before it."""
    if previous is None or " " not in key.strip() or node.entries.get(key) not in (None, "", "~", "null"):
        return ""
    before = node.entries.get(previous)
    if not isinstance(before, str):
        return ""
    joined = f"{before}, {key}".replace("\\", "\\\\").replace('"', '\\"')
    return f'a comma inside {{…}} ends a text: put the whole text in quotes, {previous}: "{joined}"'
