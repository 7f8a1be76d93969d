"""Interval reasoning over conditions: can a condition ever hold, or does it always hold?

Every metric lives in an interval: its start value, widened to its lower bound if any effect lowers it and
to its upper bound if any effect raises it. A flag is 0, or 0..1 if something sets it. ``turn`` is 0 or more.
A condition is evaluated over those intervals (re-parsed with ``ast``; nothing is run) to one of three answers:
always true, never true, or "it depends". Conjunctions narrow a name as they go, so
``reputation > 80 and reputation < 50`` is found impossible. The answers are sound: "never" means never,
whatever the player does; a condition this reasoning can't decide is left alone.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Mapping
from dataclasses import dataclass

from game.core.model import Scenario

INF = math.inf


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of numbers; booleans are 0 (false) and 1 (true)."""

    lo: float
    hi: float

    def __str__(self) -> str:
        def show(value: float) -> str:
            if math.isinf(value):
                return "-∞" if value < 0 else "∞"
            return f"{value:g}"

        return show(self.lo) if self.lo == self.hi else f"[{show(self.lo)}, {show(self.hi)}]"


TRUE = Interval(1, 1)
FALSE = Interval(0, 0)
UNKNOWN_BOOL = Interval(0, 1)
ANY = Interval(-INF, INF)


def truth(value: Interval) -> bool | None:
    """True or False when the interval decides truthiness, None when it does not."""
    if value.lo == 0 and value.hi == 0:
        return False
    if value.lo > 0 or value.hi < 0:
        return True
    return None


def _bool(answer: bool | None) -> Interval:
    return UNKNOWN_BOOL if answer is None else (TRUE if answer else FALSE)


def ranges(scenario: Scenario) -> dict[str, Interval]:
    """The interval every readable name can take during any playthrough."""
    raises: set[str] = set()
    lowers: set[str] = set()
    set_flags: set[str] = set()
    effects = scenario.all_effects()
    for effect in effects:
        for metric_id, delta in effect.deltas:
            (raises if delta > 0 else lowers if delta < 0 else set()).add(metric_id)
        set_flags.update(effect.set_flags)
    out: dict[str, Interval] = {}
    for metric in scenario.metrics:
        start = metric.clamp(metric.start)
        lo = (-INF if metric.minimum is None else metric.minimum) if metric.id in lowers else start
        hi = (INF if metric.maximum is None else metric.maximum) if metric.id in raises else start
        out[metric.id] = Interval(lo, hi)
    for flag in scenario.flags:
        out[flag] = UNKNOWN_BOOL if flag in set_flags else FALSE
    out["turn"] = Interval(0, INF)
    return out


def judge(source: str, env: Mapping[str, Interval]) -> bool | None:
    """True if ``source`` always holds over ``env``, False if it never does, None if it depends."""
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    try:
        return truth(_eval(tree.body, dict(env)))
    except (_Undecided, RecursionError, OverflowError, ValueError):
        return None


class _Undecided(Exception):
    """Raised on anything the reasoning does not model; the answer is then "it depends"."""


def _name_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flags":
        return node.attr
    return None


def _eval(node: ast.AST, env: dict[str, Interval]) -> Interval:
    if isinstance(node, ast.BoolOp):
        return _boolop(node, env)
    if isinstance(node, ast.UnaryOp):
        inner = _eval(node.operand, env)
        if isinstance(node.op, ast.Not):
            answer = truth(inner)
            return _bool(None if answer is None else not answer)
        if isinstance(node.op, ast.USub):
            return Interval(-inner.hi, -inner.lo)
        return inner
    if isinstance(node, ast.Compare):
        return _compare(node, env, narrow=False)
    if isinstance(node, ast.BinOp):
        return _binop(node, env)
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool) or value is None:
            return TRUE if value else FALSE
        if isinstance(value, (int, float)):
            return Interval(float(value), float(value))
        raise _Undecided
    name = _name_of(node)
    if name is not None:
        if name in env:
            return env[name]
        if name.lower() in ("true", "false"):
            return TRUE if name.lower() == "true" else FALSE
        return ANY
    raise _Undecided


def _boolop(node: ast.BoolOp, env: dict[str, Interval]) -> Interval:
    answers: list[bool | None] = []
    if isinstance(node.op, ast.And):
        scope = dict(env)
        for value in node.values:
            answer = truth(
                _compare(value, scope, narrow=True) if isinstance(value, ast.Compare) else _eval(value, scope)
            )
            if answer is False:
                return FALSE
            answers.append(answer)
        return TRUE if all(a is True for a in answers) else UNKNOWN_BOOL
    for value in node.values:
        answer = truth(_eval(value, env))
        if answer is True:
            return TRUE
        answers.append(answer)
    return FALSE if all(a is False for a in answers) else UNKNOWN_BOOL


def _compare_pair(op: ast.cmpop, a: Interval, b: Interval) -> bool | None:
    if isinstance(op, ast.Lt):
        return True if a.hi < b.lo else False if a.lo >= b.hi else None
    if isinstance(op, ast.LtE):
        return True if a.hi <= b.lo else False if a.lo > b.hi else None
    if isinstance(op, ast.Gt):
        return _compare_pair(ast.Lt(), b, a)
    if isinstance(op, ast.GtE):
        return _compare_pair(ast.LtE(), b, a)
    if isinstance(op, (ast.Eq, ast.NotEq)):
        if a.lo == a.hi == b.lo == b.hi:
            equal: bool | None = True
        elif a.hi < b.lo or a.lo > b.hi:
            equal = False
        else:
            equal = None
        if isinstance(op, ast.NotEq) and equal is not None:
            return not equal
        return equal
    raise _Undecided


def _narrowed(op: ast.cmpop, value: Interval, bound: Interval, left: bool) -> Interval:
    """``value`` (the left operand when ``left``) narrowed by knowing ``value op bound`` holds."""
    if isinstance(op, ast.Eq):
        return Interval(max(value.lo, bound.lo), min(value.hi, bound.hi))
    upper = isinstance(op, (ast.Lt, ast.LtE)) == left  # does the comparison cap the value from above?
    if isinstance(op, ast.NotEq):
        return value
    if upper:
        return Interval(value.lo, min(value.hi, bound.hi))
    return Interval(max(value.lo, bound.lo), value.hi)


def _compare(node: ast.Compare, env: dict[str, Interval], narrow: bool) -> Interval:
    operands = [node.left, *node.comparators]
    answers: list[bool | None] = []
    if not narrow:  # a chain like ``40 <= x < 30`` is a conjunction of its own: narrow a private copy
        env, narrow = dict(env), True
    for op, left, right in zip(node.ops, operands[:-1], operands[1:], strict=True):
        a, b = _eval(left, env), _eval(right, env)
        answer = _compare_pair(op, a, b)
        if answer is False:
            return FALSE
        answers.append(answer)
        if narrow:  # in a conjunction, what follows may assume this part holds
            for side, own, other, is_left in ((left, a, b, True), (right, b, a, False)):
                name = _name_of(side)
                if name is not None and name in env:
                    narrowed = _narrowed(op, own, other, is_left)
                    if narrowed.lo > narrowed.hi:
                        return FALSE
                    env[name] = narrowed
    return TRUE if all(a is True for a in answers) else UNKNOWN_BOOL


def _binop(node: ast.BinOp, env: dict[str, Interval]) -> Interval:
    a, b = _eval(node.left, env), _eval(node.right, env)
    if isinstance(node.op, ast.Add):
        return _span(a.lo + b.lo, a.hi + b.hi)
    if isinstance(node.op, ast.Sub):
        return _span(a.lo - b.hi, a.hi - b.lo)
    if isinstance(node.op, ast.Mult):
        return _span(a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi)
    if isinstance(node.op, ast.Div):
        if b.lo <= 0 <= b.hi:
            return ANY  # x / 0 is 0 in conditions, and near zero anything goes
        return _span(a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi)
    if isinstance(node.op, ast.Mod) and a.lo == a.hi and b.lo == b.hi:
        return Interval(a.lo % b.lo if b.lo else 0.0, a.lo % b.lo if b.lo else 0.0)
    return ANY


def _span(*values: float) -> Interval:
    if any(math.isnan(v) for v in values):
        return ANY
    return Interval(min(values), max(values))
