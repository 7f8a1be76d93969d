"""The nodes of the positioned YAML tree: ``YScalar``, ``YSeq`` and ``YMap``.

A file of 50,000 scenes has millions of scalars, so a container keeps a plain scalar (unquoted, no anchor)
as its bare text, with libyaml's mark (0-based line and column) beside it: no object is made per scalar
while the file is read. ``YMap.get``, ``YMap.items``, ``YSeq.items`` and ``YSeq.item`` hand out full
``YScalar`` nodes; the loader's fast path reads the bare values (``entries``, ``raw``) and asks for a node
only when it needs a position. Quoted and anchored scalars are ``YScalar`` nodes from the start.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from game.authoring.diagnostics import Pos

_new = tuple.__new__  # builds a named tuple without its Python-level __new__ (positions are made often)
NULLS = frozenset(("", "~", "null", "Null", "NULL"))  # what an unquoted empty value may be written as


class Mark(Protocol):
    """Where something starts, 0-based: libyaml's marks, and ``At``."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class At(NamedTuple):
    """A mark made by us (for a key reached through an alias, or an empty value made into a container)."""

    line: int
    column: int


class YScalar(NamedTuple):
    """A scalar exactly as written; ``plain`` is False when it was quoted or a block scalar."""

    value: str
    plain: bool
    path: str
    line0: int  # 0-based, as libyaml counts
    col0: int

    @property
    def pos(self) -> Pos:
        """Where the scalar starts (1-based)."""
        return _new(Pos, (self.path, self.line0 + 1, self.col0 + 1))

    @property
    def is_null(self) -> bool:
        """True for an unquoted empty value, ``~`` or ``null``."""
        return self.plain and self.value in NULLS


def _node(raw: YRaw, path: str, mark: Mark) -> YNode:
    """``raw`` as a node: a plain scalar's text becomes a ``YScalar`` at ``mark``."""
    if type(raw) is str:
        return YScalar(raw, True, path, mark.line, mark.column)
    return raw  # type: ignore[return-value]


class YSeq(NamedTuple):
    """A YAML sequence: its items as held (``raw``) and where each starts (``marks``)."""

    raw: list[YRaw]
    marks: list[Mark]
    path: str
    line0: int
    col0: int

    @property
    def pos(self) -> Pos:
        """Where the sequence starts (1-based)."""
        return _new(Pos, (self.path, self.line0 + 1, self.col0 + 1))

    @property
    def items(self) -> list[YNode]:
        """The items as nodes."""
        path = self.path
        return [_node(raw, path, mark) for raw, mark in zip(self.raw, self.marks, strict=True)]

    def item(self, index: int) -> YNode:
        """Item ``index`` as a node."""
        return _node(self.raw[index], self.path, self.marks[index])

    @classmethod
    def at(cls, pos: Pos) -> YSeq:
        """An empty sequence at ``pos`` (what an empty value reads as when a list is expected)."""
        return cls([], [], pos.path, pos.line - 1, pos.col - 1)


class YMap(NamedTuple):
    """A YAML mapping: values as held (``entries``), where each value and each key starts, in file order.

    A key written twice keeps its first value (the second is reported as S110 and dropped), so ``entries``,
    ``marks`` and ``keys`` hold the same keys in the same order.
    """

    entries: dict[str, YRaw]  # key -> value
    marks: dict[str, Mark]  # key -> where its value starts
    keys: dict[str, Mark]  # key -> where the key is written
    path: str
    line0: int
    col0: int

    @property
    def pos(self) -> Pos:
        """Where the mapping starts (1-based)."""
        return _new(Pos, (self.path, self.line0 + 1, self.col0 + 1))

    @classmethod
    def at(cls, pos: Pos) -> YMap:
        """An empty mapping at ``pos`` (what an empty value reads as when a mapping is expected)."""
        return cls({}, {}, {}, pos.path, pos.line - 1, pos.col - 1)

    def get(self, key: str) -> YNode | None:
        """The value under ``key``, or None."""
        raw = self.entries.get(key)
        if type(raw) is str:
            mark = self.marks[key]
            return YScalar(raw, True, self.path, mark.line, mark.column)
        return raw  # type: ignore[return-value]

    def items(self) -> list[tuple[str, Pos, YNode]]:
        """(key, key position, value) triples in file order."""
        path, marks = self.path, self.marks
        return [
            (key, _new(Pos, (path, mark.line + 1, mark.column + 1)), _node(raw, path, marks[key]))
            for (key, mark), raw in zip(self.keys.items(), self.entries.values(), strict=True)
        ]

    def key_pos(self, key: str) -> Pos:
        """Where ``key`` is written, or where the mapping starts."""
        mark = self.keys.get(key)
        return self.pos if mark is None else _new(Pos, (self.path, mark.line + 1, mark.column + 1))


YNode = YScalar | YSeq | YMap
YRaw = str | YScalar | YSeq | YMap  # what a container holds: a node, or the text of a plain scalar
