"""Conditions are a sandbox: every escape below is refused when the scenario loads, with a positioned S40x
diagnostic, and nothing is executed.

Proof of "nothing executed": while the scenarios load (and the good ones play), a Python audit hook records
every audited event. Loading and playing raise only ``compile`` (``ast.parse``: parsing, no code object is
run); an escape that ran would raise ``exec``, ``import``, ``open``, ``os.system``, ``subprocess.Popen`` or
``object.__getattr__`` on a dunder. The escapes also aim at sentinel files, which must not appear.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from game.core.expr import compile_condition
from game.core.session import Session
from tests.core.scenario_text import MINIMAL, load_bytes

SENTINEL = "SENTINEL"  # replaced by a path in the test's tmp folder

# (what is tried, the condition, the code expected)
ESCAPES: list[tuple[str, str, str]] = [
    # calls of every kind
    ("call a builtin", "open('SENTINEL', 'w')", "S402"),
    ("import and run a shell", "__import__('os').system('touch SENTINEL')", "S402"),
    ("exec", "exec(\"open('SENTINEL', 'w')\")", "S402"),
    ("eval", "eval('1') > 0", "S402"),
    ("compile", "compile('1', 'x', 'eval')", "S402"),
    ("breakpoint", "breakpoint()", "S402"),
    ("globals", "globals()", "S402"),
    ("getattr on flags", "getattr(flags, '__dict__')", "S402"),
    ("vars on flags", "vars(flags)", "S402"),
    ("exit", "exit()", "S402"),
    ("call a metric", "revenue()", "S402"),
    ("call through a flag", "flags.asked()", "S402"),
    # dunder names and attribute chains
    ("bare __import__", "__import__", "S402"),
    ("bare __builtins__", "__builtins__", "S402"),
    ("__debug__", "__debug__", "S402"),
    ("__class__ through flags", "flags.__class__", "S402"),
    ("__dict__ through flags", "flags.__dict__", "S402"),
    ("flags.__dict__ subscripted", "flags.__dict__['asked']", "S402"),
    ("subclasses chain", "flags.__class__.__base__.__subclasses__()", "S402"),
    ("tuple class chain", "().__class__.__bases__[0].__subclasses__()", "S402"),
    ("int class", "(1).__class__", "S402"),
    ("True class", "True.__class__", "S402"),
    ("attribute of a metric", "revenue.real > 0", "S402"),
    ("method of turn", "turn.__add__", "S402"),
    ("attribute chain on a flag", "flags.asked.__class__", "S402"),
    ("two-level flags", "flags.x.y", "S402"),
    ("fullwidth dunder (NFKC)", "__ｉmport__('os')", "S402"),
    ("fullwidth underscores", "＿＿import＿＿", "S401"),
    # subscripts, literals, containers
    ("subscript a metric", "revenue[0]", "S402"),
    ("subscript flags", "flags['asked']", "S402"),
    ("slice", "revenue[::-1]", "S402"),
    ("string", "reputation == 'high'", "S402"),
    ("string multiplied", "'a' * 1000000000", "S402"),
    ("bytes", "b'x' == b'x'", "S402"),
    ("f-string", "f'{revenue}'", "S402"),
    ("f-string running code", "f\"{__import__('os').system('touch SENTINEL')}\"", "S402"),
    ("complex number", "1j > 0", "S402"),
    ("ellipsis", "...", "S402"),
    ("list", "[revenue]", "S402"),
    ("tuple", "(revenue, 1)", "S402"),
    ("dict", "{1: revenue}", "S402"),
    ("set", "{revenue}", "S402"),
    ("starred", "*flags", "S401"),
    ("starred in a list", "[*flags]", "S402"),
    # functions, comprehensions, assignment, control flow
    ("lambda", "lambda: 1", "S402"),
    ("lambda called", "(lambda: __import__('os'))()", "S402"),
    ("list comprehension", "[x for x in (1,)]", "S402"),
    ("set comprehension", "{x for x in ()}", "S402"),
    ("dict comprehension", "{k: 1 for k in ()}", "S402"),
    ("generator", "(x for x in ())", "S402"),
    ("walrus", "(revenue := 0) == 0", "S402"),
    ("if-expression", "1 if revenue else 0", "S402"),
    ("await", "await revenue", "S402"),
    ("yield", "(yield)", "S402"),
    ("assignment statement", "revenue = 1", "S401"),
    ("import statement", "import os", "S401"),
    ("second statement on a new line", "revenue > 1\n__import__('os')", "S401"),
    ("NUL byte", "revenue\x00", "S401"),
    ("zero-width space", "\u200brevenue > 1", "S401"),
    # operators and resource exhaustion
    ("power", "revenue ** 2 > 1", "S402"),
    ("power tower", "9**9**9", "S402"),
    ("huge power", "10**1000 > revenue", "S402"),
    ("huge shift", "1 << 100000000", "S402"),
    ("bitwise and", "revenue & 1", "S402"),
    ("bitwise not", "~revenue", "S402"),
    ("membership", "revenue in (1, 2)", "S402"),
    ("identity", "revenue is 1", "S402"),
    ("400-digit literal", "revenue < 1" + "0" * 400, "S402"),
    ("infinite float literal", "revenue < 1e999", "S402"),
    ("201 nested parentheses", "(" * 201 + "revenue" + ")" * 201 + " > 1", "S401"),
    ("300 unary minus", "-" * 300 + "revenue > 1", "S402"),
    ("a very long expression", " or ".join(["revenue > 1"] * 60), "S402"),
    ("a 10,000-character expression", "revenue" + " " * 10_000 + "> 1", "S402"),
    ("201 parts", " + ".join(["revenue"] * 67) + " > 1", "S402"),
    # names that do not exist
    ("os", "os", "S403"),
    ("open as a name", "open", "S403"),
    ("flags alone", "flags", "S403"),
    ("a metric read as a flag", "flags.revenue", "S403"),
]

ALLOWED_EVENTS = {"compile"}  # ast.parse raises it; parsing runs nothing


class _Recorder:
    """A process-wide audit hook (hooks can't be removed) that records only inside ``with recorder:``."""

    def __init__(self) -> None:
        self.active = False
        self.events: list[tuple[str, str]] = []
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[object, ...]) -> None:
        if self.active:
            self.events.append((event, repr(args)[:200]))

    def __enter__(self) -> _Recorder:
        self.active = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.active = False

    @property
    def forbidden(self) -> list[tuple[str, str]]:
        """Every recorded event but ``compile``."""
        return [e for e in self.events if e[0] not in ALLOWED_EVENTS]


_RECORDER: list[_Recorder] = []


@pytest.fixture
def audit() -> _Recorder:
    """The audit recorder, emptied, with the loader's imports already done."""
    if not _RECORDER:
        _RECORDER.append(_Recorder())
    load_bytes(MINIMAL.encode(), "warm-up.yaml")
    _RECORDER[0].events.clear()
    return _RECORDER[0]


def _scenario_with(condition: str) -> tuple[bytes, int, int]:
    """MINIMAL with ``condition`` on the gamble choice; also its 1-based line and the column of its first char."""
    line_text = '        when: "asked"'
    lines = MINIMAL.split("\n")
    index = lines.index(line_text)
    lines[index] = "        when: " + json.dumps(condition)  # a JSON string is a YAML double-quoted scalar
    return "\n".join(lines).encode("utf-8"), index + 1, len("        when: ") + 2


@pytest.mark.parametrize(("what", "source", "code"), ESCAPES, ids=[e[0] for e in ESCAPES])
def test_escape_is_refused_at_load_time_and_never_runs(
    what: str, source: str, code: str, tmp_path: Path, audit: _Recorder
) -> None:
    sentinel = tmp_path / "pwned"
    source = source.replace(SENTINEL, str(sentinel))
    data, line, first_col = _scenario_with(source)
    with audit:
        result = load_bytes(data, "escape.yaml")
    assert result.scenario is None, f"{what}: the scenario loaded, so the game could play it"
    found = [d for d in result.diagnostics if d.code.startswith("S4")]
    assert [d.code for d in found] == [code], [d.format() for d in result.diagnostics]
    [diagnostic] = found
    assert diagnostic.pos.line == line, diagnostic.format()
    # inside the quoted condition (a multi-line one is pointed at by its opening quote)
    assert first_col - 1 <= diagnostic.pos.col <= first_col + len(json.dumps(source)), diagnostic.format()
    assert not sentinel.exists()
    assert audit.forbidden == []


def test_the_list_is_long_and_covers_the_brief() -> None:
    assert len(ESCAPES) >= 60
    sources = " ".join(source for _, source, _ in ESCAPES)
    for needle in ("__import__", "__class__", "lambda", " for ", ":=", "f'", "9**9**9", "10**1000", "*flags", "b'"):
        assert needle in sources, needle


def test_the_same_escapes_are_refused_by_the_compiler_itself() -> None:
    known = {"revenue": "metric", "reputation": "metric", "asked": "flag", "turn": "turn"}
    for what, source, code in ESCAPES:
        with pytest.raises(Exception) as info:
            compile_condition(source, known)
        assert getattr(info.value, "code", None) == code, what


def test_allowed_conditions_run_no_code_and_never_raise(audit: _Recorder) -> None:
    allowed = [
        "asked",
        "not asked and turn >= 1",
        "flags.asked or reputation > 3",
        "0 <= reputation < 80 == 80",
        "(revenue + reputation) * 2 / 0 == 0",  # division by zero is 0, not an error
        "revenue % 0 == 0",
        "1e308 * 1e308 > revenue",  # inf, still a comparison
        "-reputation < +turn",
        "(" * 150 + "turn" + ")" * 150 + " >= 0",
        "true and not false",
    ]
    text = MINIMAL
    for i, condition in enumerate(allowed):
        data, _line, _col = _scenario_with(condition)
        with audit:
            result = load_bytes(data, f"allowed-{i}.yaml")
            assert result.scenario is not None
            session = Session(result.scenario, seed=i)
            session.choose("greet")
            offered = [c.id for c in session.available_choices()]  # evaluates the condition
        assert result.scenario is not None and "count" in offered, [d.format() for d in result.diagnostics]
    assert text == MINIMAL
    assert audit.forbidden == []
