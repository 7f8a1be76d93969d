"""Strategies and checks for fuzzing the loader and the engine (used by test_fuzz.py and test_soak.py).

Three kinds of documents:
* mutations of real scenario text (shipped scenarios, their translations, the test scenarios): lines deleted,
  duplicated, swapped, re-indented; characters flipped; YAML's special characters and tokens inserted;
  values swapped for other words of the same file;
* random YAML trees over the scenario vocabulary;
* generated scenarios that are mostly valid, so that many load and the engine is exercised too.

The only outcomes allowed: a scenario (and then a playthrough that ends or stops cleanly) or diagnostics.
"""

from __future__ import annotations

import json
import math
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from hypothesis import strategies as st

from game.authoring.diagnostics import CODES, DiagnosticBag, Severity
from game.authoring.load import (
    CHARACTER_FIELDS,
    CHOICE_FIELDS,
    ENDING_FIELDS,
    RULE_FIELDS,
    SCENE_FIELDS,
    TOP_FIELDS,
    LoadResult,
)
from game.authoring.translations import is_translation_file, load_translation
from game.core.model import PHASES, RATINGS, STYLES, Scenario
from game.core.session import Session
from tests.conftest import DATA, ROOT
from tests.core.scenario_text import MINIMAL, load_bytes

MAX_STEPS = 200

# -- seeds --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Seed:
    """A document to mutate; ``main`` is the scenario a translation belongs to."""

    name: str
    text: str
    main: str | None = None


def _seeds() -> list[Seed]:
    out = [Seed("minimal.yaml", MINIMAL)]
    for folder in (ROOT / "game" / "scenarios", DATA):
        for path in sorted(folder.glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            if is_translation_file(path):
                main = path.with_name(path.name.split(".")[0] + ".yaml")
                if main.exists():
                    out.append(Seed(path.name, text, main.read_text(encoding="utf-8")))
            else:
                out.append(Seed(path.name, text))
    return out


SEEDS = _seeds()
MAIN_SEEDS = [s for s in SEEDS if s.main is None]
TRANSLATION_SEEDS = [s for s in SEEDS if s.main is not None]

SPECIALS = [
    *":-?[]{}#&*!|>'\"%@`,\\",
    "\t",
    "\n",
    "  ",
    ": ",
    "- ",
    "---\n",
    "...\n",
    "&a ",
    "*a",
    "<<: ",
    "? ",
    "!!python/object/apply:os.system ",
    "!!str ",
    "!custom ",
    "~",
    "null",
    "0x1F",
    "1e999",
    "-.inf",
    ".nan",
    "é",
    "ñ",
    "\u2028",
    "\x85",
    "\ufeff",
    "\u200b",
    "{{",
    "}}",
    "%YAML 1.2\n",
    "__import__('os')",
    "flags.__class__",
    "9**9**9",
    "(" * 30,
]

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*|[-+]?\d+(?:\.\d+)?")


@st.composite
def mutated_text(draw: st.DrawFn, pool: list[Seed]) -> tuple[Seed, str]:
    """A seed and its text after 1 to 8 random edits."""
    seed = draw(st.sampled_from(pool))
    lines = seed.text.split("\n")
    words = _WORD.findall(seed.text[:20000]) or ["x"]
    index = st.integers(0, 10**9)
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            lines = [""]
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "flip", "insert", "indent", "dedent", "truncate", "word", "value"]
            )
        )
        i = draw(index) % len(lines)
        line = lines[i]
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "swap":
            j = draw(index) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "flip":
            at = draw(index) % (len(line) + 1)
            char = draw(st.characters(blacklist_categories=("Cs",)) | st.sampled_from(SPECIALS[:24]))
            lines[i] = line[:at] + char + line[at + 1 :]
        elif op == "insert":
            at = draw(index) % (len(line) + 1)
            lines[i] = line[:at] + draw(st.sampled_from(SPECIALS)) + line[at:]
        elif op == "indent":
            lines[i] = draw(st.sampled_from([" ", "  ", "    ", "\t"])) + line
        elif op == "dedent":
            lines[i] = line[draw(st.integers(1, 4)) :] if line.startswith(" ") else line
        elif op == "truncate":
            lines = lines[: i + 1]
            lines[-1] = line[: draw(index) % (len(line) + 1)]
        elif op == "word":  # a word of the file in place of another: keeps YAML valid, breaks references
            found = list(_WORD.finditer(line))
            if found:
                match = found[draw(index) % len(found)]
                lines[i] = line[: match.start()] + draw(st.sampled_from(words)) + line[match.end() :]
        elif op == "value" and ": " in line:  # a value of another type after "key: "
            head = line.split(": ", 1)[0]
            value = draw(
                st.sampled_from(["", "[]", "{}", "[a, b]", "{a: 1}", "yes", "'1'", "-3", "0.5", '"x > 1"', "|"])
            )
            lines[i] = f"{head}: {value}"
    return seed, "\n".join(lines)


_KEYS = sorted(
    {*TOP_FIELDS, *CHOICE_FIELDS, *SCENE_FIELDS, *RULE_FIELDS, *ENDING_FIELDS, *CHARACTER_FIELDS, "p", "a", "b"}
)
_SCALARS = st.one_of(
    st.sampled_from(["tiny", "hello", "happy", "kim", "en", "es", "cost", "assertive", "best", "true", "1", "0.5"]),
    st.sampled_from(["revenue > 1", "asked", "not asked", "turn >= 2", "x ==", "", "null", "~", "-1e999"]),
    st.text(max_size=20),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)


def yaml_trees() -> st.SearchStrategy[str]:
    """Random YAML documents whose keys come from the scenario format."""
    tree = st.recursive(
        _SCALARS,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=8), children, max_size=6)
        ),
        max_leaves=40,
    )
    top = st.dictionaries(st.sampled_from(_KEYS), tree, max_size=len(TOP_FIELDS))
    return st.tuples(top | tree, st.booleans()).map(
        lambda pair: yaml.safe_dump(pair[0], default_flow_style=pair[1], allow_unicode=True, sort_keys=False)
    )


# -- generated scenarios (mostly valid) -------------------------------------------------------------------


@st.composite
def scenarios(draw: st.DrawFn) -> str:
    """A scenario with random structure, references, numbers, chance, rules and conditions."""
    n_scenes = draw(st.integers(1, 6))
    scenes = [f"s{i}" for i in range(n_scenes)]
    endings = [f"e{i}" for i in range(draw(st.integers(1, 3)))]
    flags = [f"f{i}" for i in range(draw(st.integers(0, 3)))]
    extra = [f"m{i}" for i in range(draw(st.integers(0, 2)))]
    metrics_ = ["revenue", "staff_morale", "reputation", *extra]
    readable = [*metrics_, *flags, "turn"] + [f"flags.{f}" for f in flags]
    targets = scenes + endings
    bad = draw(st.integers(0, 9)) == 0  # now and then, one reference that does not exist

    def number() -> float:
        return draw(st.integers(-(10**6), 10**6) | st.floats(-1e6, 1e6, allow_nan=False) | st.sampled_from([0, 1, -1]))

    def condition(depth: int = 0) -> str:
        kind = draw(st.integers(0, 5 if depth < 3 else 1))
        if kind == 0:
            return draw(st.sampled_from(readable))
        if kind == 1:
            op = draw(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]))
            return f"{draw(st.sampled_from(readable))} {op} {number():g}"
        if kind == 2:
            return f"{condition(depth + 1)} {draw(st.sampled_from(['and', 'or']))} {condition(depth + 1)}"
        if kind == 3:
            return f"not ({condition(depth + 1)})"
        if kind == 4:
            a, b = draw(st.sampled_from(readable)), draw(st.sampled_from(readable))
            op = draw(st.sampled_from(["+", "-", "*", "/", "%"]))
            return f"({a} {op} {b}) > {number():g}"
        return f"{number():g} <= {draw(st.sampled_from(readable))} < {number():g}"

    def effects() -> dict[str, float]:
        return {m: number() for m in draw(st.lists(st.sampled_from(metrics_), max_size=3, unique=True))}

    def target() -> str:
        return draw(st.sampled_from(targets + (["nowhere"] if bad else [])))

    choice_no = 0
    scene_map: dict[str, object] = {}
    for scene_id in scenes:
        choices = []
        for _ in range(draw(st.integers(0 if bad else 1, 3))):
            choice_no += 1
            choice: dict[str, object] = {
                "id": f"c{choice_no}",
                "text": draw(st.text(min_size=1, max_size=30).filter(lambda t: t.strip())),
                "style": draw(st.sampled_from(STYLES)),
            }
            if draw(st.booleans()):
                choice["effects"] = effects()
            if flags and draw(st.booleans()):
                choice[draw(st.sampled_from(["set", "clear"]))] = draw(st.lists(st.sampled_from(flags), max_size=2))
            if draw(st.integers(0, 3)) == 0:
                choice["when"] = condition()
            routing = draw(st.integers(0, 4))
            if routing == 0:
                cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=0, max_size=3, unique=True)))
                bounds = [0, *cuts, 100]
                choice["chance"] = [
                    {"p": (hi - lo) / 100, "next": target(), "note": "n"}
                    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True)
                ]
            elif routing == 1:
                branches: list[dict[str, object]] = [
                    {"when": condition(), "next": target()} for _ in range(draw(st.integers(1, 3)))
                ]
                branches.append({"next": target()})
                choice["next"] = branches
            else:
                choice["next"] = target()
            choices.append(choice)
        scene_map[scene_id] = {
            "phase": draw(st.sampled_from(PHASES)),
            "speaker": "kim",
            "text": draw(st.text(min_size=1, max_size=40).filter(lambda t: t.strip())),
            "choices": choices,
        }
    rules = [
        {"id": f"r{i}", "when": condition(), "once": draw(st.booleans()), "effects": effects(), "text": "Rule."}
        for i in range(draw(st.integers(0, 3)))
    ]
    ending_map = {}
    for ending_id in endings:
        ending: dict[str, object] = {"rating": draw(st.sampled_from(RATINGS)), "text": "The end."}
        if draw(st.integers(0, 3)) == 0:
            ending["when"] = condition()
        ending_map[ending_id] = ending
    metric_specs = {}
    for metric in extra:
        low = draw(st.integers(-100, 0))
        metric_specs[metric] = {"start": 0, "min": low, "max": draw(st.integers(0, 100))}
    doc = {
        "id": "fuzz",
        "title": "Fuzz",
        "language": "en",
        "summary": "Generated.",
        "metrics": metric_specs,
        "flags": flags,
        "characters": {"kim": {"name": "Kim", "role": "Client"}},
        "start": "s0",
        "scenes": scene_map,
        "rules": rules,
        "endings": ending_map,
    }
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=200)


# -- the checks ---------------------------------------------------------------------------------------------


def check_diagnostics(result: LoadResult) -> None:
    """Every diagnostic is well-formed; a scenario comes with no errors, no scenario with at least one."""
    for diagnostic in result.diagnostics:
        assert diagnostic.code in CODES, diagnostic
        assert diagnostic.pos.line >= 1 and diagnostic.pos.col >= 1, diagnostic
        assert diagnostic.format()
    has_errors = any(d.severity is Severity.ERROR for d in result.diagnostics)
    assert has_errors == (result.scenario is None), [d.format() for d in result.diagnostics]


def play(scenario: Scenario, seed: int, max_steps: int = MAX_STEPS) -> Session:
    """Random choices (and the odd undo) until an ending, no choice left, or ``max_steps``."""
    rng = random.Random(seed)
    session = Session(scenario, seed=seed)
    for _ in range(max_steps):
        if session.finished:
            assert session.ending is not None and not session.available_choices()
            break
        choices = session.available_choices()
        if not choices:  # every choice's condition is false: an authoring problem, not a crash
            break
        if session.history and rng.random() < 0.05:
            session.undo()
            continue
        outcome = session.choose(rng.choice(choices).id)
        assert all(math.isfinite(v) for v in outcome.metrics.values()), outcome
    saved = json.loads(json.dumps(session.to_json(), allow_nan=False))
    restored = Session.from_json(scenario, saved)
    assert restored.state == session.state and len(restored.history) == len(session.history)
    return session


def exercise(data: bytes, seed: int = 0, name: str = "fuzz.yaml") -> LoadResult:
    """Load ``data``; when it loads, play it. Raises only when a rule of the game is broken."""
    result = load_bytes(data, name)
    check_diagnostics(result)
    if result.scenario is not None:
        play(result.scenario, seed)
    return result


@cache
def _main_scenario(text: str) -> Scenario:
    scenario = load_bytes(text.encode("utf-8"), "main.yaml").scenario
    assert scenario is not None
    return scenario


def exercise_translation(main_text: str, text: str, seed: int = 0) -> None:
    """Check a (mutated) translation against its scenario; when it reads, play the translated scenario."""
    main = _main_scenario(main_text)
    bag = DiagnosticBag()
    table = load_translation(text, "main.es.yaml", main, "es", bag)
    for diagnostic in bag.items:
        assert diagnostic.code in CODES and diagnostic.pos.line >= 1 and diagnostic.pos.col >= 1
    if table is not None:
        play(main.with_texts(table, "es"), seed)


def shipped_paths() -> list[Path]:
    """Main scenario files under scenarios/."""
    return sorted(p for p in (ROOT / "game" / "scenarios").glob("*.yaml") if not is_translation_file(p))
