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
        tree = _TreeReader(text, shown, bag, _Loader).read()
        if tree is _DEEPER and _Loader is not yaml.SafeLoader:
            # Some libyaml builds refuse deep flow nesting themselves, ahead of our own limit, since their
            # scanner reads far ahead inside brackets. The pure parser reads one event at a time, so our
            # check (S106, where the nesting passes the limit) fires as it does on every other build.
            del bag.items[before:]
            tree = _TreeReader(text, shown, bag, yaml.SafeLoader).read()
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


class _Stop(Exception):
    """Ends a read early; ``result`` is what the read returns (None: the errors are recorded)."""

    def __init__(self, result: YNode | None = None) -> None:
        super().__init__()
        self.result = result


class _TreeReader:
    """One read of a text's libyaml events into the positioned tree (``read``).

    The open container's state is kept in attributes: ``append`` and ``marked`` for a list (None while a
    mapping is open); ``entries``, ``marks`` and ``keys`` for a mapping; the ``pending`` key waiting for its
    value (None: the next node is a key). Each open container is on ``stack`` with its parent's state, which is
    restored when it ends. A plain scalar is kept as its text and its mark (see yamlnodes); others become
    ``YScalar`` nodes. Scalars and ends, most of the events, are handled in ``_events``'s loop with that state
    in local variables; the rarer events by a method each, which works on the attributes.
    """

    def __init__(self, text: str, shown: str, bag: DiagnosticBag, loader_class: type) -> None:
        self.text, self.shown, self.bag, self.loader_class = text, shown, bag, loader_class
        self.max_nodes = node_budget(len(text))
        self.top: list[YRaw] = []
        self.top_marks: list[Mark] = []
        self.append: Callable[[YRaw], None] | None = self.top.append
        self.marked: Callable[[Mark], None] = self.top_marks.append
        self.entries: dict[str, YRaw] = _NOWHERE
        self.marks: dict[str, Mark] = _NOWHERE
        self.keys: dict[str, Mark] = _NOWHERE
        self.pending: str | None = None
        self.stack: list[_Frame] = []
        self.anchors: dict[str, YNode] = {}
        self.nodes = 0
        self.alias_nodes = 0
        self.documents = 0
        self.failed = False

    def read(self) -> YNode | None:
        """The tree; None after recording errors, ``_DEEPER`` when libyaml itself refused deep nesting."""
        loader = self.loader_class(self.text)
        try:
            self._events(loader.get_event)
        except _Stop as stop:
            return stop.result
        except yaml.MarkedYAMLError as exc:
            if self.loader_class is not yaml.SafeLoader and _flow_depth_reaches(
                self.text, _offset(self.text, exc.problem_mark), MAX_DEPTH - len(self.stack)
            ):
                return _DEEPER
            report_syntax_error(exc, self.shown, self.text, self.bag)
            return None
        except yaml.reader.ReaderError as exc:  # a forbidden control character: no mark, but its offset
            report_reader_error(exc, self.shown, self.text, self.bag, c_parser=_Loader is not yaml.SafeLoader)
            return None
        except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports other errors with marks
            self.bag.add("S101", str(exc).splitlines()[0] if str(exc) else "invalid YAML", Pos(self.shown))
            return None
        finally:
            loader.dispose()
        if self.failed:
            return None
        if not self.top:
            message = "the file has no content; a scenario needs at least id, title and scenes"
            self.bag.add("S104", message, Pos(self.shown))
            return None
        return YSeq(self.top, self.top_marks, self.shown, 0, 0).item(0)

    def _events(self, get_event: Callable[[], Any]) -> None:
        """The loop: one iteration per event, to the end of the stream."""
        shown, max_nodes, anchors, pop = self.shown, self.max_nodes, self.anchors, self.stack.pop
        others = {
            _MAP_START: self._open,
            _SEQ_START: self._open,
            _ALIAS: self._alias,
            _DOC_START: self._document,
            _STREAM_START: _ignore,
            _DOC_END: _ignore,
        }
        append, marked, entries, marks, keys, pending = self.append, self.marked, _NOWHERE, _NOWHERE, _NOWHERE, None
        nodes = 0
        new_tuple = tuple.__new__
        while True:
            event = get_event()
            kind = type(event)
            if kind is _SCALAR:
                tag = event.tag
                if tag and tag not in _SAFE_TAGS:
                    self._refuse_tag(event)
                mark = event.start_mark
                nodes += 1
                if nodes > max_nodes:
                    self._too_many(mark)
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
                        pending = _duplicate(keys, value, mark_pos(shown, mark), self.bag)
                    else:
                        keys[value] = mark
                        pending = value
                else:  # a value
                    if pending is not _DUPLICATE:
                        entries[pending] = raw
                        marks[pending] = mark
                    pending = None
            elif kind is _MAP_END or kind is _SEQ_END:
                append, marked, entries, marks, keys, _ = pop()
                pending = None
            elif kind is _STREAM_END:
                return
            else:  # the open container's state goes to the attributes for the method, and comes back after it
                self.append, self.marked, self.entries, self.marks, self.keys = append, marked, entries, marks, keys
                self.pending, self.nodes = pending, nodes
                others[kind](event)
                append, marked, entries, marks, keys = self.append, self.marked, self.entries, self.marks, self.keys
                pending, nodes = self.pending, self.nodes

    def _open(self, event: Any) -> None:
        """A mapping or a list starts: it is counted, placed in the open container, and becomes the open one."""
        if event.tag and event.tag not in _SAFE_TAGS:
            self._refuse_tag(event)
        mark = event.start_mark
        self.nodes += 1
        if self.nodes > self.max_nodes:
            self._too_many(mark)
        if len(self.stack) >= MAX_DEPTH:
            self.bag.add("S106", f"nesting is deeper than {MAX_DEPTH} levels", mark_pos(self.shown, mark))
            raise _Stop
        node: YMap | YSeq
        if type(event) is _MAP_START:
            node = tuple.__new__(YMap, ({}, {}, {}, self.shown, mark.line, mark.column))
        else:
            node = tuple.__new__(YSeq, ([], [], self.shown, mark.line, mark.column))
        if event.anchor:
            self.anchors[event.anchor] = node
        self._place(node, mark)
        self.stack.append((self.append, self.marked, self.entries, self.marks, self.keys, node))
        if isinstance(node, YMap):
            self.append, self.entries, self.marks, self.keys = None, node.entries, node.marks, node.keys
        else:
            self.append, self.marked = node.raw.append, node.marks.append

    def _alias(self, event: Any) -> None:
        """``*name``: the anchored node is placed again, unless it is unknown, contains itself, or the aliases
        of the file expand to too many nodes (an alias bomb)."""
        mark = event.start_mark
        target = self.anchors.get(event.anchor or "")
        if target is None:
            self.bag.add("S101", f"unknown alias '*{event.anchor}'", mark_pos(self.shown, mark))
            raise _Stop
        if any(frame[5] is target for frame in self.stack):  # `&a [*a]`: a cycle would hang every reader
            message = f"alias '*{event.anchor}' refers to the node that contains it (endless expansion)"
            self.bag.add("S107", message, mark_pos(self.shown, mark))
            raise _Stop
        self.alias_nodes += _count_nodes(target, MAX_ALIAS_NODES)
        if self.alias_nodes > MAX_ALIAS_NODES:
            message = f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes (an alias bomb?)"
            self.bag.add("S107", message, mark_pos(self.shown, mark))
            raise _Stop
        self._place(target, mark)

    def _place(self, node: YNode, mark: Mark) -> None:
        """Put a container, or a node reached through an alias, in the open container: as a list item, a key
        (only a scalar can be one) or the pending key's value."""
        if self.append is not None:
            self.append(node)
            self.marked(mark)
        elif self.pending is None:
            if not isinstance(node, YScalar):
                self.bag.add("S201", "a key must be plain text, not a list or a mapping", node.pos)
                self.failed = True
            elif node.value in self.keys:
                self.pending = _duplicate(self.keys, node.value, node.pos, self.bag)
            else:
                self.keys[node.value] = At(node.line0, node.col0)
                self.pending = node.value
        else:
            if self.pending is not _DUPLICATE:
                self.entries[self.pending] = node
                self.marks[self.pending] = mark
            self.pending = None

    def _document(self, event: Any) -> None:
        """A document starts: only one is allowed."""
        self.documents += 1
        if self.documents > 1:
            message = "only one YAML document per file ('---' starts a second)"
            self.bag.add("S112", message, mark_pos(self.shown, event.start_mark))
            raise _Stop

    def _refuse_tag(self, event: Any) -> None:
        """Record a tag that is not allowed; the read goes on (to report more) but the file fails."""
        self.failed = _bad_tag(event.tag, mark_pos(self.shown, event.start_mark), self.bag)

    def _too_many(self, mark: Mark) -> None:
        self.bag.add("S107", f"more than {self.max_nodes:,} YAML nodes", mark_pos(self.shown, mark))
        raise _Stop


def _ignore(_event: Any) -> None:
    """Events with nothing to do: the stream's start and a document's end."""


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
