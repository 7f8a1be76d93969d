"""Conditions: a tiny, sandboxed expression language compiled to closures.

Authors write conditions such as ``staff_morale < 30 and not flags.deal_signed``. We parse them with
Python's ``ast`` module (parsing only: nothing is ever executed as Python), walk the tree against a
whitelist, and compile the allowed nodes into plain closures. Anything outside the whitelist — calls,
attribute access other than ``flags.name``, subscripts, comprehensions, lambdas, strings, dunder names,
huge powers, assignment — is rejected when the scenario loads, with a positioned message.

Why not simpleeval: its walker re-dispatches on every node at every evaluation and allows calls and
attribute access that we would have to switch off one by one; a whitelist compiler is shorter to audit,
rejects at load time rather than play time, and evaluates several times faster (it runs in the
explorer's inner loop).
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.core.conditionhints import corrected, explain
from game.core.source import did_you_mean

Env = Mapping[str, float]
Evaluator = Callable[[Env], object]

MAX_LENGTH = 500
MAX_NODES = 200


class ConditionError(Exception):
    """A condition that is not allowed; ``code`` is S401, S402 or S403 and ``offset`` 0-based."""

    def __init__(self, code: str, message: str, offset: int = 0, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.offset = offset
        self.hint = hint


@dataclass(frozen=True)
class Condition:
    """A compiled condition with its source text and the names it reads."""

    source: str
    names: frozenset[str]
    _fn: Evaluator = field(compare=False, repr=False)

    def __call__(self, env: Env) -> bool:
        """Evaluate against ``env`` (metric ids, flag ids as 0/1, ``turn``)."""
        return bool(self._fn(env))

    @property
    def evaluator(self) -> Evaluator:
        """The compiled function itself: truthy exactly when the condition holds. For inner loops, where the
        call through ``__call__`` and its ``bool`` cost as much as the comparison."""
        return self._fn


_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_BINARY: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: lambda a, b: a / b if b else 0.0,
    ast.Mod: lambda a, b: a % b if b else 0.0,
}
_FORBIDDEN_NAMES = {
    ast.Call: "calls",
    ast.Subscript: "indexing",
    ast.ListComp: "comprehensions",
    ast.SetComp: "comprehensions",
    ast.DictComp: "comprehensions",
    ast.GeneratorExp: "comprehensions",
    ast.Lambda: "lambdas",
    ast.NamedExpr: "assignment",
    ast.IfExp: "if-expressions",
    ast.Starred: "star expressions",
    ast.JoinedStr: "f-strings",
    ast.List: "lists",
    ast.Tuple: "tuples",
    ast.Dict: "dicts",
    ast.Set: "sets",
    ast.Await: "await",
}


def compile_condition(source: str, known: Mapping[str, str]) -> Condition:
    """Compile ``source``; ``known`` maps every readable name to its kind ("metric", "flag", "turn").

    Raises ConditionError with the offending offset when the condition is not allowed.
    """
    text = source.strip()
    if not text:
        raise ConditionError("S401", "the condition is empty")
    if len(text) > MAX_LENGTH:
        raise ConditionError("S402", f"the condition is longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        offset = max((exc.offset or 1) - 1, 0)
        if offset == 0 and exc.msg == "invalid syntax":
            offset = len(text)  # CPython reports an unfinished expression at offset 0: point at its end
        raise ConditionError("S401", f"cannot read the condition: {exc.msg}", offset, hint=explain(text)) from None
    except (ValueError, MemoryError, RecursionError):
        raise ConditionError("S402", "the condition is too complex") from None
    count = sum(1 for _ in ast.walk(tree))
    if count > MAX_NODES:
        raise ConditionError("S402", f"the condition has more than {MAX_NODES} parts")
    names: set[str] = set()
    try:
        for node in ast.walk(tree):  # `flag == True` reads as meant, but says the author misread flags
            if isinstance(node, ast.Compare) and any(
                isinstance(side, ast.Constant) and isinstance(side.value, bool)
                for side in (node.left, *node.comparators)
            ):
                raise ConditionError(
                    "S402",
                    "a flag is true or false by itself: do not compare it with True or False",
                    _offset(node),
                    hint="write the flag's name for true, 'not' and its name for false",
                )
        fn = _compile(tree.body, known, names)
    except ConditionError as exc:
        fixed = corrected(text)  # the corrected condition says it best, in the author's own names
        if fixed is not None:
            exc.hint = f"write: {fixed}"
        raise
    return Condition(text, frozenset(names), fn)


def _offset(node: ast.AST) -> int:
    return int(getattr(node, "col_offset", 0))


def _compile(node: ast.AST, known: Mapping[str, str], names: set[str]) -> Evaluator:
    if isinstance(node, ast.BoolOp):
        parts = [_compile(v, known, names) for v in node.values]
        return _conjunction(parts) if isinstance(node.op, ast.And) else _disjunction(parts)
    if isinstance(node, ast.UnaryOp):
        inner = _compile(node.operand, known, names)
        if isinstance(node.op, ast.Not):
            return lambda env: not inner(env)
        if isinstance(node.op, ast.USub):
            return lambda env: -_num(inner(env))
        if isinstance(node.op, ast.UAdd):
            return inner
        raise ConditionError("S402", "bitwise operators are not allowed", _offset(node))
    if isinstance(node, ast.Compare):
        first = _compile(node.left, known, names)
        ops = [_COMPARE.get(type(op)) for op in node.ops]
        if any(op is None for op in ops):
            raise ConditionError("S402", "only < <= > >= == != comparisons are allowed", _offset(node))
        rest = [_compile(c, known, names) for c in node.comparators]
        pairs = list(zip(ops, rest, strict=True))
        if len(pairs) == 1:  # the common case, kept lean: it runs in the explorer's inner loop
            single, right_fn = pairs[0]
            assert single is not None
            name, number = _read_name(node.left, known), _number(node.comparators[0])
            if name is not None and number is not None:
                return _name_against_number(type(node.ops[0]), name, number)
            return lambda env: single(first(env), right_fn(env))

        def compare(env: Env) -> bool:
            left = first(env)
            for op, right_fn in pairs:
                right = right_fn(env)
                if not op(left, right):  # type: ignore[misc]
                    return False
                left = right
            return True

        return compare
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Pow):
            raise ConditionError("S402", "powers (**) are not allowed", _offset(node), hint="write the number out")
        op = _BINARY.get(type(node.op))
        if op is None:
            raise ConditionError("S402", "only + - * / % are allowed on numbers", _offset(node))
        left_fn = _compile(node.left, known, names)
        right_fn = _compile(node.right, known, names)
        return lambda env: op(_num(left_fn(env)), _num(right_fn(env)))
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool) or value is None:
            constant = bool(value)
            return lambda env: constant
        if isinstance(value, (int, float)):
            try:
                number = float(value)
            except OverflowError:
                number = math.inf
            if not math.isfinite(number):
                raise ConditionError("S402", "the number is too large", _offset(node))
            return lambda env: number
        raise ConditionError(
            "S402", "text and other literals are not allowed; compare numbers and flags", _offset(node)
        )
    if isinstance(node, ast.Name):
        return _name(node.id, node, known, names)
    if isinstance(node, ast.Attribute):
        if isinstance(node.value, ast.Name) and node.value.id == "flags":
            if known.get(node.attr) != "flag":
                return _name(node.attr, node, known, names, want="flag")
            return _name(node.attr, node, known, names)
        raise ConditionError("S402", "attribute access is only allowed as flags.name", _offset(node))
    what = _FORBIDDEN_NAMES.get(type(node), type(node).__name__)
    hint = ""
    if isinstance(node, ast.Call):
        hint = "conditions cannot call functions: compare each value on its own, e.g. revenue > 5 and reputation > 5"
    raise ConditionError("S402", f"{what} are not allowed in conditions", _offset(node), hint=hint)


def _name_against_number(op: type, name: str, number: float) -> Evaluator:
    """``name OP number``, the commonest condition, as one lambda with the comparison written out (no call to
    an operator function: it runs in the explorer's inner loop)."""
    if op is ast.Lt:
        return lambda env: env.get(name, 0.0) < number
    if op is ast.LtE:
        return lambda env: env.get(name, 0.0) <= number
    if op is ast.Gt:
        return lambda env: env.get(name, 0.0) > number
    if op is ast.GtE:
        return lambda env: env.get(name, 0.0) >= number
    if op is ast.Eq:
        return lambda env: env.get(name, 0.0) == number
    return lambda env: env.get(name, 0.0) != number


def _conjunction(parts: list[Evaluator]) -> Evaluator:
    """``a and b and ...`` as a bool, stopping at the first false part."""
    if len(parts) == 2:
        first, second = parts
        return lambda env: True if first(env) and second(env) else False  # noqa: SIM210  (a bool, without bool())
    return lambda env: all(p(env) for p in parts)


def _disjunction(parts: list[Evaluator]) -> Evaluator:
    """``a or b or ...`` as a bool, stopping at the first true part."""
    if len(parts) == 2:
        first, second = parts
        return lambda env: True if first(env) or second(env) else False  # noqa: SIM210  (a bool, without bool())
    return lambda env: any(p(env) for p in parts)


def _read_name(node: ast.AST, known: Mapping[str, str]) -> str | None:
    """The name a plain ``name`` or ``flags.name`` node reads from the environment (already validated)."""
    if isinstance(node, ast.Name) and node.id in known:
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flags":
        return node.attr if known.get(node.attr) == "flag" else None
    return None


def _number(node: ast.AST) -> float | None:
    """The value of a number literal (already validated as finite), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    return None


def _name(name: str, node: ast.AST, known: Mapping[str, str], names: set[str], want: str | None = None) -> Evaluator:
    if name.startswith("__"):
        raise ConditionError("S402", f"'{name}': names starting with __ are not allowed", _offset(node))
    lowered = name.lower()
    if lowered in ("true", "false") and name not in known:
        constant = lowered == "true"
        return lambda env: constant
    if name not in known or (want is not None and known[name] != want):
        pool = [k for k, kind in known.items() if want is None or kind == want]
        hint = did_you_mean(name, pool)
        kind = "flag" if want == "flag" else "name"
        raise ConditionError("S403", f"unknown {kind} '{name}' in condition", _offset(node), hint=hint)
    names.add(name)
    return lambda env: env.get(name, 0.0)


def _num(value: object) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    return 0.0
