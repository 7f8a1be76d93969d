"""The nodes of the positioned YAML tree: ``YScalar``, ``YSeq`` and ``YMap``.

All three are named tuples (built with ``tuple.__new__``, the cheapest object the loader can make per YAML
node) that keep where they start as libyaml's 0-based line and column. The 1-based ``Pos`` that diagnostics
and the model use is made only when ``pos`` is asked for, which the loader does for a few nodes only.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from game.authoring.diagnostics import Pos

NULLS = frozenset(("", "~", "null", "Null", "NULL"))  # what an unquoted empty value may be written as


class _Positioned(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def line0(self) -> int: ...
    @property
    def col0(self) -> int: ...


def _start(node: _Positioned) -> Pos:
    """Where ``node`` starts (1-based)."""
    return Pos(node.path, node.line0 + 1, node.col0 + 1)


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
        return _start(self)

    @property
    def is_null(self) -> bool:
        """True for an unquoted empty value, ``~`` or ``null``."""
        return self.plain and self.value in NULLS

    @classmethod
    def at(cls, value: str, pos: Pos, plain: bool = True) -> YScalar:
        """A scalar written at ``pos``."""
        return cls(value, plain, pos.path, pos.line - 1, pos.col - 1)


class YSeq(NamedTuple):
    """A YAML sequence."""

    items: list[YNode]
    path: str
    line0: int
    col0: int

    @property
    def pos(self) -> Pos:
        """Where the sequence starts (1-based)."""
        return _start(self)

    @classmethod
    def at(cls, pos: Pos) -> YSeq:
        """An empty sequence at ``pos`` (what an empty value reads as when a list is expected)."""
        return cls([], pos.path, pos.line - 1, pos.col - 1)


class YMap(NamedTuple):
    """A YAML mapping: its values and its keys as written, both by key text and in file order.

    A key written twice keeps its first value (the second is reported as S110 and dropped), so ``entries``
    and ``keys`` hold the same keys in the same order.
    """

    entries: dict[str, YNode]  # key -> value
    keys: dict[str, YScalar]  # key -> the key itself (where it is written)
    path: str
    line0: int
    col0: int

    @property
    def pos(self) -> Pos:
        """Where the mapping starts (1-based)."""
        return _start(self)

    @classmethod
    def at(cls, pos: Pos) -> YMap:
        """An empty mapping at ``pos`` (what an empty value reads as when a mapping is expected)."""
        return cls({}, {}, pos.path, pos.line - 1, pos.col - 1)

    def get(self, key: str) -> YNode | None:
        """The value under ``key``, or None."""
        return self.entries.get(key)

    def items(self) -> list[tuple[str, Pos, YNode]]:
        """(key, key position, value) triples in file order."""
        return [
            (key, node.pos, value) for node, (key, value) in zip(self.keys.values(), self.entries.items(), strict=True)
        ]

    def key_pos(self, key: str) -> Pos:
        """Where ``key`` is written, or where the mapping starts."""
        node = self.keys.get(key)
        return self.pos if node is None else node.pos


YNode = YScalar | YSeq | YMap
