"""A safe, positioned YAML reader built on the libyaml event stream.

We never let PyYAML construct Python objects. Instead we read its parse events (one flat stream, the
cheapest thing a YAML tool can do) and build a tiny tree of ``YMap``/``YSeq``/``YScalar`` nodes
(``yamlnodes``) that remember their line and column. This gives us, in one pass and without recursion:

* duplicate keys as errors (PyYAML silently keeps the last one);
* scalars kept as the text the author wrote, so ``No``/``on``/``off``/``Sí`` stay strings;
* tags refused: ``!!python/...`` is reported and never executed;
* bounded depth, node count and alias expansion, so alias bombs and 5,000-deep nesting fail fast;
* limits on file size, and clear errors for empty, binary and non-UTF-8 files (``yamlfile``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from game.authoring.diagnostics import DiagnosticBag, Pos
from game.authoring.yamlerrors import mark_pos, report_reader_error, report_syntax_error
from game.authoring.yamlfile import MAX_BYTES, decode_text, read_text
from game.authoring.yamlnodes import At, Mark, YMap, YNode, YRaw, YScalar, YSeq
from game.core.gcpause import gc_paused

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "NODE_CHARS",
    "YMap",
    "YNode",
    "YScalar",
    "YSeq",
    "decode_text",
    "node_budget",
    "parse_tree",
    "read_text",
]

try:  # libyaml's C parser when present (it is in the manylinux wheels); the pure parser otherwise.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

MAX_DEPTH = 64
MAX_NODES = 250_000  # the node budget of any file: ~150x the largest shipped scenario (1,700 nodes)
NODE_CHARS = 8  # a larger file may have one node per this many characters (scenarios have 12 to 25)
MAX_ALIAS_NODES = 100_000

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
}


def node_budget(chars: int) -> int:
    """How many YAML nodes a text of ``chars`` characters may have: ``MAX_NODES``, or one per ``NODE_CHARS``.

    The file size is capped (S105), so the budget is too: a real scenario has 12 to 25 characters per node,
    while a hostile ``[0,0,0,...]`` has 2, and is stopped at the size of tree a real scenario of its size builds.
    """
    return max(MAX_NODES, chars // NODE_CHARS)


def _count_nodes(node: YNode, budget: int) -> int:
    """How many nodes ``node`` expands to, stopping as soon as ``budget`` is exceeded."""
    total = 0
    stack: list[YRaw] = [node]
    while stack:
        current = stack.pop()
        total += 1
        if total > budget:
            return total
        if isinstance(current, YMap):
            stack.extend(current.entries.values())
        elif isinstance(current, YSeq):
            stack.extend(current.raw)
    return total


def parse_tree(text: str, shown: str, bag: DiagnosticBag) -> YNode | None:
    """Build the positioned tree of the single document in ``text``; None after recording errors.

    The cyclic garbage collector is paused meanwhile: the tree is acyclic, and the collector's repeated walks
    over hundreds of thousands of new nodes would otherwise cost as much as building them.
    """
    with gc_paused():
        before = len(bag.items)
        tree = _parse_tree(text, shown, bag, _Loader)
        if tree is _DEEPER and _Loader is not yaml.SafeLoader:
            # Some libyaml builds refuse deep flow nesting themselves, ahead of our own limit, since their
            # scanner reads far ahead inside brackets. The pure parser reads one event at a time, so our
            # check (S106, where the nesting passes the limit) fires as it does on every other build.
            del bag.items[before:]
            tree = _parse_tree(text, shown, bag, yaml.SafeLoader)
        return None if tree is _DEEPER else tree


def _flow_depth_reaches(text: str, end: int, limit: int) -> bool:
    """True when brackets (``[`` ``{``) in ``text[:end]`` ever stand ``limit`` deep; quotes are not parsed,
    so the answer may be a false alarm (the caller then only pays for a slower second parse)."""
    depth = 0
    for match in _BRACKETS.finditer(text, 0, end):
        depth += 1 if match.group() in "[{" else -1
        if depth >= limit:
            return True
    return False


def _offset(text: str, mark: Any) -> int:
    """The character offset of a libyaml mark (whose ``index`` counts characters or bytes by build)."""
    if mark is None:
        return len(text)
    starts = [0]
    for match in _NEWLINE.finditer(text, 0, len(text)):
        starts.append(match.end())
        if len(starts) > mark.line:
            break
    line, column = int(mark.line), int(mark.column)
    return min(len(text), (starts[line] if line < len(starts) else len(text)) + column)


class _Duplicate(str):
    """Marker for a duplicated key whose value is dropped."""


_DUPLICATE = _Duplicate("duplicate")
_DEEPER = YScalar("", True, "", 0, 0)  # returned when libyaml stopped deep nesting itself (see parse_tree)
_BRACKETS = re.compile(r"[\[\]{}]")
_NEWLINE = re.compile(r"\n")
_Frame = tuple[
    Callable[[YRaw], None] | None, Callable[[Mark], None], dict[str, YRaw], dict[str, Mark], dict[str, Mark], YNode
]
_NOWHERE: dict[Any, Any] = {}  # the open mapping's dicts while a list is open (never written: lists come first)
_SCALAR = yaml.ScalarEvent
_MAP_START, _MAP_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQ_START, _SEQ_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_ALIAS = yaml.AliasEvent
_STREAM_START, _STREAM_END = yaml.StreamStartEvent, yaml.StreamEndEvent
_DOC_START, _DOC_END = yaml.DocumentStartEvent, yaml.DocumentEndEvent


def _parse_tree(text: str, shown: str, bag: DiagnosticBag, loader_class: type) -> YNode | None:  # noqa: C901 - one loop, kept flat
    # The hot loop: one iteration per libyaml event, with the open container's state in local variables
    # (``append`` and ``marked`` for a list; ``entries``, ``marks``, ``keys`` and the ``pending`` key for a
    # mapping). Each open container is on ``stack`` with the state of its parent, restored when it ends.
    # A plain scalar is kept as its text and its mark (see yamlnodes); others become YScalar nodes.
    max_nodes = node_budget(len(text))
    top: list[YRaw] = []
    top_marks: list[Mark] = []
    append: Callable[[YRaw], None] | None = top.append
    marked: Callable[[Mark], None] = top_marks.append
    entries: dict[str, YRaw] = _NOWHERE
    marks: dict[str, Mark] = _NOWHERE
    keys: dict[str, Mark] = _NOWHERE
    pending: str | None = None  # the key waiting for its value (None: the next scalar is a key)
    stack: list[_Frame] = []
    anchors: dict[str, YNode] = {}
    nodes = 0
    alias_nodes = 0
    documents = 0
    failed = False
    loader = loader_class(text)
    get_event = loader.get_event
    new_tuple = tuple.__new__
    node: YNode
    raw: YRaw
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is _SCALAR:  # the most common event, kept lean
                tag = event.tag
                if tag and tag not in _SAFE_TAGS:
                    failed = _bad_tag(tag, mark_pos(shown, event.start_mark), bag) or failed
                nodes += 1
                if nodes > max_nodes:
                    bag.add("S107", f"more than {max_nodes:,} YAML nodes", mark_pos(shown, event.start_mark))
                    return None
                mark = event.start_mark
                value = raw = event.value
                if event.style or event.anchor:
                    raw = new_tuple(YScalar, (value, not event.style, shown, mark.line, mark.column))
                    if event.anchor:
                        anchors[event.anchor] = raw
                if append is not None:  # a list item (or the whole document)
                    append(raw)
                    marked(mark)
                elif pending is None:  # a key
                    if value in keys:
                        pending = _duplicate(keys, value, mark_pos(shown, mark), bag)
                    else:
                        keys[value] = mark
                        pending = value
                else:  # a value
                    if pending is not _DUPLICATE:
                        entries[pending] = raw
                        marks[pending] = mark
                    pending = None
                continue
            if kind is _MAP_END or kind is _SEQ_END:
                append, marked, entries, marks, keys, _ = stack.pop()
                pending = None
                continue
            if kind is _STREAM_END:
                break
            if kind is _DOC_START:
                documents += 1
                if documents > 1:
                    bag.add(
                        "S112",
                        "only one YAML document per file ('---' starts a second)",
                        mark_pos(shown, event.start_mark),
                    )
                    return None
                continue
            if kind is _STREAM_START or kind is _DOC_END:
                continue
            tag = getattr(event, "tag", None)
            if tag and tag not in _SAFE_TAGS:
                failed = _bad_tag(tag, mark_pos(shown, event.start_mark), bag) or failed
            mark = event.start_mark
            if kind is _ALIAS:
                target = anchors.get(event.anchor or "")
                if target is None:
                    bag.add("S101", f"unknown alias '*{event.anchor}'", mark_pos(shown, mark))
                    return None
                if any(frame[5] is target for frame in stack):  # `&a [*a]`: a cycle would hang every reader
                    bag.add(
                        "S107",
                        f"alias '*{event.anchor}' refers to the node that contains it (endless expansion)",
                        mark_pos(shown, mark),
                    )
                    return None
                alias_nodes += _count_nodes(target, MAX_ALIAS_NODES)
                if alias_nodes > MAX_ALIAS_NODES:
                    bag.add(
                        "S107",
                        f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes (an alias bomb?)",
                        mark_pos(shown, mark),
                    )
                    return None
                node = target
            else:  # a mapping or a list starts
                nodes += 1
                if nodes > max_nodes:
                    bag.add("S107", f"more than {max_nodes:,} YAML nodes", mark_pos(shown, mark))
                    return None
                if len(stack) >= MAX_DEPTH:
                    bag.add("S106", f"nesting is deeper than {MAX_DEPTH} levels", mark_pos(shown, mark))
                    return None
                if kind is _MAP_START:
                    node = new_tuple(YMap, ({}, {}, {}, shown, mark.line, mark.column))
                else:
                    node = new_tuple(YSeq, ([], [], shown, mark.line, mark.column))
                if event.anchor:
                    anchors[event.anchor] = node
            if append is not None:
                append(node)
                marked(mark)
            elif pending is None:  # a key: only a scalar (through an alias) can be one
                if not isinstance(node, YScalar):
                    bag.add("S201", "a key must be plain text, not a list or a mapping", node.pos)
                    failed = True
                elif node.value in keys:
                    pending = _duplicate(keys, node.value, node.pos, bag)
                else:
                    keys[node.value] = At(node.line0, node.col0)
                    pending = node.value
            else:
                if pending is not _DUPLICATE:
                    entries[pending] = node
                    marks[pending] = mark
                pending = None
            if kind is not _ALIAS:  # the new container is open until its end event
                stack.append((append, marked, entries, marks, keys, node))
                if isinstance(node, YMap):
                    append, entries, marks, keys = None, node.entries, node.marks, node.keys
                else:
                    assert isinstance(node, YSeq)
                    append, marked = node.raw.append, node.marks.append
    except yaml.MarkedYAMLError as exc:
        if loader_class is not yaml.SafeLoader and _flow_depth_reaches(
            text, _offset(text, exc.problem_mark), MAX_DEPTH - len(stack)
        ):
            return _DEEPER
        report_syntax_error(exc, shown, text, bag)
        return None
    except yaml.reader.ReaderError as exc:  # a forbidden control character: no mark, but its offset
        report_reader_error(exc, shown, text, bag, c_parser=_Loader is not yaml.SafeLoader)
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports other errors with marks
        bag.add("S101", str(exc).splitlines()[0] if str(exc) else "invalid YAML", Pos(shown))
        return None
    finally:
        loader.dispose()
    if failed:
        return None
    if not top:
        bag.add("S104", "the file has no content; a scenario needs at least id, title and scenes", Pos(shown))
        return None
    return YSeq(top, top_marks, shown, 0, 0).item(0)


def _duplicate(keys: dict[str, Mark], key: str, pos: Pos, bag: DiagnosticBag) -> str:
    """Record S110 for ``key`` at ``pos``, already in ``keys``; returns the marker that drops its value."""
    bag.add(
        "S110",
        f"key '{key}' appears twice in this mapping (first at line {keys[key].line + 1})",
        pos,
        hint="YAML would silently keep only the last one",
    )
    return _DUPLICATE


def _bad_tag(tag: str, pos: Pos, bag: DiagnosticBag) -> bool:
    """Record S108 (a tag that could run code) or S109 (an unsupported tag); returns True (the file fails)."""
    if "python" in tag:
        bag.add("S108", f"tag '{tag}' could run code; it is refused and never executed", pos)
    else:
        bag.add("S109", f"tag '{tag}' is not supported in scenario files", pos)
    return True
