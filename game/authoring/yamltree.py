"""A safe, positioned YAML reader built on the libyaml event stream.

We never let PyYAML construct Python objects. Instead we read its parse events (one flat stream, the
cheapest thing a YAML tool can do) and build a tiny tree of ``YMap``/``YSeq``/``YScalar`` nodes that
remember their line and column. This gives us, in one pass and without recursion:

* duplicate keys as errors (PyYAML silently keeps the last one);
* scalars kept as the text the author wrote, so ``No``/``on``/``off``/``Sí`` stay strings;
* tags refused: ``!!python/...`` is reported and never executed;
* bounded depth, node count and alias expansion, so alias bombs and 5,000-deep nesting fail fast;
* limits on file size, and clear errors for empty, binary and non-UTF-8 files.
"""

from __future__ import annotations

import gc
import os
import stat
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from game.authoring.diagnostics import DiagnosticBag, Pos

try:  # libyaml's C parser when present (it is in the manylinux wheels); the pure parser otherwise.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

MAX_BYTES = 40 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 250_000  # ~150x the largest shipped scenario (1,700); parsing this many takes ~2 s, <300 MB
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


class YScalar(NamedTuple):
    """A scalar exactly as written; ``plain`` is False when it was quoted or a block scalar.

    A named tuple: the loader makes one for most YAML events, and a tuple is built faster than a dataclass.
    """

    value: str
    pos: Pos
    plain: bool = True

    @property
    def is_null(self) -> bool:
        """True for an unquoted empty value, ``~`` or ``null``."""
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


@dataclass(slots=True)
class YSeq:
    """A YAML sequence."""

    items: list[YNode]
    pos: Pos


@dataclass(slots=True)
class YMap:
    """A YAML mapping; keys are the scalar text, in file order, each with its own position."""

    pos: Pos
    keys: list[tuple[str, Pos]] = field(default_factory=list)
    values: list[YNode] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)  # key -> position

    def items(self) -> list[tuple[str, Pos, YNode]]:
        """(key, key position, value) triples in file order."""
        return [(k, p, v) for (k, p), v in zip(self.keys, self.values, strict=True)]

    def _indexed(self) -> dict[str, int]:
        """``index``, rebuilt if keys were added without it (the first of equal keys wins, as in a scan)."""
        index = self.index
        if len(index) != len(self.keys):
            index.clear()
            for position, (key, _pos) in enumerate(self.keys):
                index.setdefault(key, position)
        return index

    def get(self, key: str) -> YNode | None:
        """The value under ``key``, or None."""
        position = self.index.get(key)
        if position is None:
            if len(self.index) == len(self.keys):
                return None
            position = self._indexed().get(key)
            if position is None:
                return None
        return self.values[position]

    def key_pos(self, key: str) -> Pos:
        """Where ``key`` is written, or where the mapping starts."""
        position = self._indexed().get(key)
        return self.pos if position is None else self.keys[position][1]


YNode = YScalar | YSeq | YMap


def _pos(path: str, mark: Any) -> Pos:
    if mark is None:
        return Pos(path, 1, 1)
    return Pos(path, mark.line + 1, mark.column + 1)


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
            stack.extend(current.values)
        elif isinstance(current, YSeq):
            stack.extend(current.items)
    return total


def read_text(path: str, bag: DiagnosticBag, display: str | None = None) -> str | None:
    """Read a scenario file as UTF-8 text, or record why it can't be and return None."""
    shown = display or path
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # /dev/zero or a FIFO (say, a symlink in a zip) never ends
            bag.add("S113", "cannot read the file: it is not a regular file", Pos(shown))
            return None
        size = info.st_size
        if size <= MAX_BYTES:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)  # bounded even if the file grows meanwhile
            size = max(size, len(data))
        if size > MAX_BYTES:
            bag.add(
                "S105",
                f"file is {size / 1_048_576:.1f} MB; scenario files may be at most {MAX_BYTES // 1_048_576} MB",
                Pos(shown),
            )
            return None
    except OSError as exc:
        bag.add("S113", f"cannot read the file: {exc.strerror or exc}", Pos(shown))
        return None
    return decode_text(data, shown, bag)


def decode_text(data: bytes, shown: str, bag: DiagnosticBag) -> str | None:
    """Decode bytes as UTF-8 scenario text, recording empty, binary and encoding problems."""
    if not data.strip():
        bag.add("S104", "the file is empty; a scenario needs at least id, title and scenes", Pos(shown))
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # before the NUL check: UTF-16 text is not binary
        bag.add("S102", "the file is UTF-16 text, not UTF-8", Pos(shown), hint="save the file as UTF-8 in your editor")
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        col = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        bag.add(
            "S103",
            "the file contains NUL bytes: it looks binary, not a YAML text file",
            Pos(shown, line, col),
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bag.add(
            "S102",
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
            Pos(shown, line, col),
            hint="save the file as UTF-8 in your editor",
        )
        return None
    return text[1:] if text.startswith("\ufeff") else text


def _syntax_error(exc: yaml.MarkedYAMLError, shown: str, text: str, bag: DiagnosticBag) -> None:
    mark = exc.problem_mark or exc.context_mark
    pos = _pos(shown, mark)
    problem = (exc.problem or "invalid YAML").strip()
    lines = text.splitlines()
    line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in problem or "\\t" in problem or "\t" in indent or line[pos.col - 1 : pos.col] == "\t":
        bag.add(
            "S111",
            "a tab is used for indentation; YAML allows only spaces",
            pos,
            hint="replace tabs by spaces",
        )
        return
    context = f" {exc.context}" if exc.context else ""
    start = exc.context_mark
    if context and start is not None and mark is not None and start.line != mark.line:
        context += f" that starts at line {start.line + 1}, column {start.column + 1}"  # e.g. an unclosed '{'
    bag.add("S101", f"{problem}{context}".strip(), pos)


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


def _parse_tree(text: str, shown: str, bag: DiagnosticBag) -> YNode | None:
    # Each stack frame: [container, pending key (for maps), pending key pos, key index (maps) or None (lists)]
    stack: list[list[Any]] = []
    anchors: dict[str, YNode] = {}
    root: YNode | None = None
    nodes = 0
    alias_nodes = 0
    documents = 0
    failed = False

    def attach(node: YNode) -> bool:
        nonlocal root
        if not stack:
            root = node
            return True
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, YSeq):
            container.items.append(node)
            return True
        assert isinstance(container, YMap)
        if frame[1] is None:
            if not isinstance(node, YScalar):
                bag.add("S201", "a key must be plain text, not a list or a mapping", _node_pos(node))
                return False
            return _key(frame, node, bag)
        if frame[1] is not _DUPLICATE:
            container.index[frame[1]] = len(container.values)
            container.keys.append((frame[1], frame[2]))
            container.values.append(node)
        frame[1] = None
        return True

    loader = _Loader(text)
    get_event = loader.get_event
    new_tuple = tuple.__new__
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is _SCALAR:  # the most common event, kept lean: the same steps as the general path below
                tag = event.tag
                if tag and tag not in _SAFE_TAGS:
                    failed = _bad_tag(tag, _pos(shown, event.start_mark), bag) or failed
                nodes += 1
                if nodes > MAX_NODES:
                    bag.add("S107", f"more than {MAX_NODES:,} YAML nodes", _pos(shown, event.start_mark))
                    return None
                mark = event.start_mark  # named tuples built with tuple.__new__: no Python-level __new__ call
                pos = new_tuple(Pos, (shown, mark.line + 1, mark.column + 1))
                scalar = new_tuple(YScalar, (event.value, pos, not event.style))
                if event.anchor:
                    anchors[event.anchor] = scalar
                if not stack:
                    root = scalar
                    continue
                frame = stack[-1]
                index = frame[3]
                if index is None:  # a list item
                    frame[0].items.append(scalar)
                elif frame[1] is None:  # a key
                    if event.value in index:
                        _key(frame, scalar, bag)  # a duplicate: reported there
                    else:
                        frame[1] = event.value
                        frame[2] = pos
                else:  # a value
                    if frame[1] is not _DUPLICATE:
                        mapping = frame[0]
                        index[frame[1]] = len(mapping.values)
                        mapping.keys.append((frame[1], frame[2]))
                        mapping.values.append(scalar)
                    frame[1] = None
                continue
            if kind is _MAP_END or kind is _SEQ_END:
                stack.pop()
                continue
            if kind is _STREAM_END:
                break
            if kind is _DOC_START:
                documents += 1
                if documents > 1:
                    bag.add(
                        "S112",
                        "only one YAML document per file ('---' starts a second)",
                        _pos(shown, event.start_mark),
                    )
                    return None
                continue
            if kind is _STREAM_START or kind is _DOC_END:
                continue
            tag = getattr(event, "tag", None)
            if tag and tag not in _SAFE_TAGS:
                failed = _bad_tag(tag, _pos(shown, event.start_mark), bag) or failed
            if kind is _ALIAS:
                target = anchors.get(event.anchor or "")
                if target is None:
                    bag.add("S101", f"unknown alias '*{event.anchor}'", _pos(shown, event.start_mark))
                    return None
                if any(frame[0] is target for frame in stack):  # `&a [*a]`: a cycle would hang every reader
                    bag.add(
                        "S107",
                        f"alias '*{event.anchor}' refers to the node that contains it (endless expansion)",
                        _pos(shown, event.start_mark),
                    )
                    return None
                alias_nodes += _count_nodes(target, MAX_ALIAS_NODES)
                if alias_nodes > MAX_ALIAS_NODES:
                    bag.add(
                        "S107",
                        f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes (an alias bomb?)",
                        _pos(shown, event.start_mark),
                    )
                    return None
                if not attach(target):
                    failed = True
                continue
            nodes += 1
            if nodes > MAX_NODES:
                bag.add("S107", f"more than {MAX_NODES:,} YAML nodes", _pos(shown, event.start_mark))
                return None
            pos = _pos(shown, event.start_mark)
            if kind is _MAP_START or kind is _SEQ_START:
                if len(stack) >= MAX_DEPTH:
                    bag.add("S106", f"nesting is deeper than {MAX_DEPTH} levels", pos)
                    return None
                container: YNode = YMap(pos) if kind is _MAP_START else YSeq([], pos)
                if event.anchor:
                    anchors[event.anchor] = container
                if not attach(container):
                    failed = True
                stack.append([container, None, None, container.index if isinstance(container, YMap) else None])
    except yaml.MarkedYAMLError as exc:
        _syntax_error(exc, shown, text, bag)
        return None
    except yaml.reader.ReaderError as exc:  # a forbidden control character: no mark, but its offset
        at = max(int(exc.position), 0)
        if _Loader is not yaml.SafeLoader:  # libyaml counts UTF-8 bytes, the pure reader characters
            at = len(text.encode("utf-8")[:at].decode("utf-8", "ignore"))
        at = min(at, len(text))
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        bag.add("S101", f"character U+{int(exc.character):04X} is not allowed in YAML text", Pos(shown, line, col))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports other errors with marks
        bag.add("S101", str(exc).splitlines()[0] if str(exc) else "invalid YAML", Pos(shown))
        return None
    finally:
        loader.dispose()
    if failed:
        return None
    if root is None:
        bag.add("S104", "the file has no content; a scenario needs at least id, title and scenes", Pos(shown))
    return root


class _Duplicate:
    """Marker for a duplicated key whose value is dropped."""


_DUPLICATE = _Duplicate()
_SCALAR = yaml.ScalarEvent
_MAP_START, _MAP_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQ_START, _SEQ_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_ALIAS = yaml.AliasEvent
_STREAM_START, _STREAM_END = yaml.StreamStartEvent, yaml.StreamEndEvent
_DOC_START, _DOC_END = yaml.DocumentStartEvent, yaml.DocumentEndEvent


def _bad_tag(tag: str, pos: Pos, bag: DiagnosticBag) -> bool:
    """Record S108 (a tag that could run code) or S109 (an unsupported tag); returns True (the file fails)."""
    if "python" in tag:
        bag.add("S108", f"tag '{tag}' could run code; it is refused and never executed", pos)
    else:
        bag.add("S109", f"tag '{tag}' is not supported in scenario files", pos)
    return True


def _key(frame: list[Any], node: YScalar, bag: DiagnosticBag) -> bool:
    """``node`` read as the next key of the mapping in ``frame``; a key seen before is S110 and its value dropped."""
    key = node.value
    container = frame[0]
    if key in frame[3]:  # a dict: a linear scan made a map with many keys quadratic (minutes for 1 MB)
        first = container.key_pos(key)
        bag.add(
            "S110",
            f"key '{key}' appears twice in this mapping (first at line {first.line})",
            node.pos,
            hint="YAML would silently keep only the last one",
        )
        frame[1] = _DUPLICATE
        return True
    frame[1] = key
    frame[2] = node.pos
    return True


def _node_pos(node: YNode) -> Pos:
    return node.pos
