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

import gc
from collections.abc import Callable
from typing import Any

import yaml

from game.authoring.diagnostics import DiagnosticBag, Pos
from game.authoring.yamlerrors import mark_pos, report_reader_error, report_syntax_error
from game.authoring.yamlfile import MAX_BYTES, decode_text, read_text
from game.authoring.yamlnodes import YMap, YNode, YScalar, YSeq

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
    stack = [node]
    while stack:
        current = stack.pop()
        total += 1
        if total > budget:
            return total
        if isinstance(current, YMap):
            stack.extend(current.entries.values())
        elif isinstance(current, YSeq):
            stack.extend(current.items)
    return total


def parse_tree(text: str, shown: str, bag: DiagnosticBag) -> YNode | None:
    """Build the positioned tree of the single document in ``text``; None after recording errors.

    The cyclic garbage collector is paused meanwhile: the tree is acyclic, and the collector's repeated walks
    over hundreds of thousands of new nodes would otherwise cost as much as building them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_tree(text, shown, bag)
    finally:
        if enabled:
            gc.enable()


class _Duplicate(str):
    """Marker for a duplicated key whose value is dropped."""


_DUPLICATE = _Duplicate("duplicate")
_NOWHERE: dict[Any, Any] = {}  # the open mapping's dicts while a list is open (never written: lists come first)
_SCALAR = yaml.ScalarEvent
_MAP_START, _MAP_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQ_START, _SEQ_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_ALIAS = yaml.AliasEvent
_STREAM_START, _STREAM_END = yaml.StreamStartEvent, yaml.StreamEndEvent
_DOC_START, _DOC_END = yaml.DocumentStartEvent, yaml.DocumentEndEvent


def _parse_tree(text: str, shown: str, bag: DiagnosticBag) -> YNode | None:  # noqa: C901 - one loop, kept flat
    # The hot loop: one iteration per libyaml event, with the open container's state in local variables
    # (``append`` for a list; ``entries``, ``keys`` and the ``pending`` key for a mapping). Each open container
    # is on ``stack`` with the state of its parent, restored when it ends.
    max_nodes = node_budget(len(text))
    top: list[YNode] = []
    append: Callable[[YNode], None] | None = top.append
    entries: dict[str, YNode] = _NOWHERE
    keys: dict[str, YScalar] = _NOWHERE
    pending: str | None = None  # the key waiting for its value (None: the next scalar is a key)
    stack: list[tuple[Callable[[YNode], None] | None, dict[str, YNode], dict[str, YScalar], YNode]] = []
    anchors: dict[str, YNode] = {}
    nodes = 0
    alias_nodes = 0
    documents = 0
    failed = False
    loader = _Loader(text)
    get_event = loader.get_event
    new_tuple = tuple.__new__
    node: YNode
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
                value = event.value
                scalar = new_tuple(YScalar, (value, not event.style, shown, mark.line, mark.column))
                if event.anchor:
                    anchors[event.anchor] = scalar
                if append is not None:  # a list item (or the whole document)
                    append(scalar)
                elif pending is None:  # a key
                    if value in keys:
                        pending = _duplicate(keys, scalar, bag)
                    else:
                        keys[value] = scalar
                        pending = value
                else:  # a value
                    if pending is not _DUPLICATE:
                        entries[pending] = scalar
                    pending = None
                continue
            if kind is _MAP_END or kind is _SEQ_END:
                append, entries, keys, _ = stack.pop()
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
            if kind is _ALIAS:
                target = anchors.get(event.anchor or "")
                if target is None:
                    bag.add("S101", f"unknown alias '*{event.anchor}'", mark_pos(shown, event.start_mark))
                    return None
                if any(frame[3] is target for frame in stack):  # `&a [*a]`: a cycle would hang every reader
                    bag.add(
                        "S107",
                        f"alias '*{event.anchor}' refers to the node that contains it (endless expansion)",
                        mark_pos(shown, event.start_mark),
                    )
                    return None
                alias_nodes += _count_nodes(target, MAX_ALIAS_NODES)
                if alias_nodes > MAX_ALIAS_NODES:
                    bag.add(
                        "S107",
                        f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes (an alias bomb?)",
                        mark_pos(shown, event.start_mark),
                    )
                    return None
                node = target
            else:  # a mapping or a list starts
                nodes += 1
                mark = event.start_mark
                if nodes > max_nodes:
                    bag.add("S107", f"more than {max_nodes:,} YAML nodes", mark_pos(shown, mark))
                    return None
                if len(stack) >= MAX_DEPTH:
                    bag.add("S106", f"nesting is deeper than {MAX_DEPTH} levels", mark_pos(shown, mark))
                    return None
                if kind is _MAP_START:
                    node = new_tuple(YMap, ({}, {}, shown, mark.line, mark.column))
                else:
                    node = new_tuple(YSeq, ([], shown, mark.line, mark.column))
                if event.anchor:
                    anchors[event.anchor] = node
            if append is not None:
                append(node)
            elif pending is None:  # a key: only a scalar (through an alias) can be one
                if not isinstance(node, YScalar):
                    bag.add("S201", "a key must be plain text, not a list or a mapping", node.pos)
                    failed = True
                elif node.value in keys:
                    pending = _duplicate(keys, node, bag)
                else:
                    keys[node.value] = node
                    pending = node.value
            else:
                if pending is not _DUPLICATE:
                    entries[pending] = node
                pending = None
            if kind is not _ALIAS:  # the new container is open until its end event
                stack.append((append, entries, keys, node))
                if isinstance(node, YMap):
                    append, entries, keys = None, node.entries, node.keys
                else:
                    assert isinstance(node, YSeq)
                    append = node.items.append
    except yaml.MarkedYAMLError as exc:
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
    return top[0]


def _duplicate(keys: dict[str, YScalar], key: YScalar, bag: DiagnosticBag) -> str:
    """Record S110 for ``key``, already in ``keys``; returns the marker that drops its value."""
    first = keys[key.value]
    bag.add(
        "S110",
        f"key '{key.value}' appears twice in this mapping (first at line {first.line0 + 1})",
        key.pos,
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
