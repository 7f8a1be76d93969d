"""Lint checks that run after a scenario loads cleanly: the S8xx warnings of `sticky check`.

The loader makes sure a file *can* be played; these checks ask whether it teaches well and is free of dead
content: coach feedback on every choice, no empty text, every metric and flag doing something, no condition
that can never (or always) hold, all three decision points, one best choice per decision scene, a best choice
that cannot be guessed (``game.authoring.guesslint``), and no translation left marked ``# TODO``.
``check_file`` is what `sticky check` runs on one file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from game.authoring.diagnostics import Diagnostic, DiagnosticBag, Pos, Severity
from game.authoring.guesslint import strategy_walks, text_patterns
from game.authoring.hashlint import cut_texts
from game.authoring.intervals import Interval, judge, ranges
from game.authoring.load import LoadResult, load_scenario
from game.authoring.translate import MARKER, Entry, read_entries
from game.authoring.translations import find_translations, quoted_text
from game.authoring.yamlfile import read_text
from game.core.expr import Condition
from game.core.gcpause import gc_paused
from game.core.model import DECISION_PHASES, Branches, Scenario, Variants
from game.core.texts import extract_texts

PLACEHOLDERS = re.compile(r"^\s*(todo|tbd|fixme|xxx+|\.\.\.|…|lorem ipsum.*)?\s*[.!:]?\s*$", re.IGNORECASE)


@dataclass
class CheckResult:
    """Everything `sticky check` found in one scenario file."""

    path: str
    load: LoadResult
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """How many errors."""
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)


def check_file(path: str | Path) -> CheckResult:
    """Load ``path`` (with its translations, graph checks) and, when it loads, lint it."""
    result = load_scenario(path)
    diagnostics = list(result.diagnostics)
    if result.scenario is not None:
        text = Path(path).read_text(encoding="utf-8-sig")
        with gc_paused():  # as while loading: the model is acyclic and large, the collector's walks are waste
            diagnostics.extend(lint(result.scenario, text))
    diagnostics.sort(key=lambda d: (d.pos.path, d.pos.line, d.pos.col, d.code))
    return CheckResult(str(path), result, diagnostics)


class Source:
    """The lines of a file, to find where something the model does not position was written."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def find(self, needle: str, start: Pos, span: int = 60) -> Pos:
        """Where ``needle`` is first written at or after ``start`` (within ``span`` lines), else ``start``."""
        first = max(start.line - 1, 0)
        for number in range(first, min(first + span, len(self.lines))):
            line = self.lines[number]
            col = line.find(needle, start.col - 1 if number == first else 0)
            if col >= 0:
                return Pos(self.path, number + 1, col + 1)
        return start

    def find_word(self, word: str, after_key: str) -> Pos:
        """Where ``word`` is first written as a whole word after the top-level line ``after_key:``."""
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
        started = False
        for number, line in enumerate(self.lines):
            if line.startswith(f"{after_key}:"):
                started = True
                line = line[len(after_key) + 1 :]
                offset = len(after_key) + 1
            else:
                offset = 0
                if started and line[:1] not in (" ", "-", "\t", "#", ""):
                    break
            if started:
                found = pattern.search(line.split("#", 1)[0])
                if found:
                    return Pos(self.path, number + 1, offset + found.start() + 1)
        return self.key(after_key)

    def key(self, key: str) -> Pos:
        """Where the top-level ``key:`` is written, or 1:1."""
        for number, line in enumerate(self.lines):
            if line.startswith(f"{key}:"):
                return Pos(self.path, number + 1, 1)
        return Pos(self.path, 1, 1)


def varied_texts(scenario: Scenario) -> Iterator[tuple[str, Variants]]:
    """Every text written as variants, with a description of it, in file order."""
    for scene in scenario.scenes:
        if scene.text_variants:
            yield f"the text of scene '{scene.id}'", scene.text_variants
        for choice in scene.choices:
            if choice.feedback_variants:
                yield f"the feedback of choice '{choice.id}'", choice.feedback_variants
    for rule in scenario.rules:
        if rule.text_variants:
            yield f"the text of rule '{rule.id}'", rule.text_variants
    for ending in scenario.endings:
        if ending.title_variants:
            yield f"the title of ending '{ending.id}'", ending.title_variants
        if ending.text_variants:
            yield f"the text of ending '{ending.id}'", ending.text_variants


def conditions(scenario: Scenario) -> Iterator[tuple[str, Condition, Pos]]:
    """Every condition with a description of its owner and the position of that owner."""
    yield from _variant_conditions(scenario)
    for scene in scenario.scenes:
        for choice in scene.choices:
            if choice.when is not None:
                yield f"choice '{choice.id}'", choice.when, choice.pos
            if isinstance(choice.next, Branches):
                for branch in choice.next.branches:
                    if branch.when is not None:
                        yield f"a branch of choice '{choice.id}'", branch.when, branch.pos
    for rule in scenario.rules:
        yield f"rule '{rule.id}'", rule.when, rule.pos
    for ending in scenario.endings:
        if ending.when is not None:
            yield f"ending '{ending.id}'", ending.when, ending.pos


def _variant_conditions(scenario: Scenario) -> Iterator[tuple[str, Condition, Pos]]:
    for what, variants in varied_texts(scenario):
        for index, variant in enumerate(variants):
            if variant.when is not None:
                yield f"variant {index + 1} of {what}", variant.when, variant.pos


def lint(scenario: Scenario, text: str) -> list[Diagnostic]:
    """Every S8xx warning for a loaded scenario (``text`` is its source, for positions), and TODO markers."""
    bag = DiagnosticBag()
    source = Source(scenario.source_path, text)
    cut_texts(scenario.source_path, source.lines, bag)
    _texts(scenario, source, bag)
    _usage(scenario, source, bag)
    _conditions(scenario, source, bag)
    _decisions(scenario, source, bag)
    _shadowed_variants(scenario, bag)
    _long_labels(scenario, source, bag)
    text_patterns(scenario, source.key("scenes"), bag)
    strategy_walks(scenario, bag)
    if scenario.source_path and Path(scenario.source_path).exists():
        for tpath in find_translations(scenario.source_path).values():
            translation = read_text(tpath, DiagnosticBag())  # bounded, never a FIFO or /dev/zero
            if translation is None:
                continue  # the loader reports unreadable translations
            entries, _hashes = read_entries(translation, tpath)
            if MARKER.search(translation):
                _markers(entries, bag, extract_texts(scenario))
            _long_translated_labels(entries, bag)
    return bag.items


def _texts(scenario: Scenario, source: Source, bag: DiagnosticBag) -> None:
    """S801 (no feedback) and S802 (empty or placeholder text, pointed at where it is written)."""

    def blank(text: str, template: str, name: str, owner: Pos) -> None:  # formatted only when reported
        if PLACEHOLDERS.match(text):
            what = template.format(name)
            shown = text.strip()
            pos = source.find(shown, owner, span=20) if shown else owner
            bag.add(
                "S802",
                f"{what} is {f'a placeholder ({shown})' if shown else 'empty'}",
                pos,
                hint="write what the player sees",
            )

    for scene in scenario.scenes:
        blank(scene.text, "the text of scene '{}'", scene.id, scene.pos)
        for choice in scene.choices:
            blank(choice.text, "the text of choice '{}'", choice.id, choice.pos)
            if not choice.feedback.strip():
                bag.add(
                    "S801",
                    f"choice '{choice.id}' has no feedback: the debrief has nothing to say about it",
                    choice.pos,
                    hint="add 'feedback:', the coach's note on which cost, limit or power it shows or misses",
                )
            else:
                blank(choice.feedback, "the feedback of choice '{}'", choice.id, choice.pos)
    for ending in scenario.endings:
        blank(ending.text, "the text of ending '{}'", ending.id, ending.pos)
    for what, variants in varied_texts(scenario):
        for index, variant in enumerate(variants[:-1]):  # the last is the plain text, checked above where it is
            blank(variant.text, f"variant {index + 1} of {what.replace('{', '{{').replace('}', '}}')}", "", variant.pos)


def _usage(scenario: Scenario, source: Source, bag: DiagnosticBag) -> None:
    """S803 (metric never used), S804 (flag never used), S805 (read, never set), S806 (set, never read)."""
    read: set[str] = set()
    for _what, condition, _pos in conditions(scenario):
        read |= condition.names
    changed: set[str] = set()
    set_flags: set[str] = set()
    cleared: set[str] = set()
    effects = scenario.all_effects()
    for effect in effects:
        changed.update(m for m, delta in effect.deltas if delta)
        set_flags.update(effect.set_flags)
        cleared.update(effect.clear_flags)
    core = {"revenue", "staff_morale", "reputation"}
    for metric in scenario.metrics:
        if metric.id not in core and metric.id not in changed and metric.id not in read:
            bag.add(
                "S803",
                f"metric '{metric.id}' is declared but no effect changes it and no condition reads it",
                metric.pos,
                hint="use it in an effect or a condition, or delete it",
            )
    for flag in scenario.flags:
        pos = source.find_word(flag, "flags")
        if flag not in read and flag not in set_flags and flag not in cleared:
            bag.add(
                "S804",
                f"flag '{flag}' is declared but never set, cleared or read",
                pos,
                hint="set it in a choice ('set: [...]') and read it in a condition, or delete it",
            )
        elif flag in read and flag not in set_flags:
            bag.add(
                "S805",
                f"flag '{flag}' is read by a condition but nothing ever sets it, so it is always false",
                pos,
                hint=f"add 'set: [{flag}]' to the choice or rule that should make it true",
            )
        elif flag in set_flags and flag not in read:
            bag.add(
                "S806",
                f"flag '{flag}' is set but no condition ever reads it",
                pos,
                hint="read it in a 'when:' condition, or delete it",
            )


def _reason(names: frozenset[str], env: dict[str, Interval]) -> str:
    shown = [f"{name} is {env[name]}" for name in sorted(names) if name in env]
    return "; ".join(shown) if shown else "the values it reads never change"


def _conditions(scenario: Scenario, source: Source, bag: DiagnosticBag) -> None:
    """S807 (can never be true) and S808 (always true), by interval reasoning."""
    env = ranges(scenario)
    never_set = {f for f in scenario.flags if env.get(f) == Interval(0, 0)}
    answers: dict[str, bool | None] = {}  # the same condition text gets the same answer
    for what, condition, owner in conditions(scenario):
        if condition.source not in answers:
            answers[condition.source] = judge(condition.source, env)
        answer = answers[condition.source]
        if answer is None:
            continue
        pos = source.find(condition.source, owner)
        reason = _reason(condition.names, env)
        if answer is False:
            bag.add(
                "S807",
                f"the condition of {what} '{condition.source}' can never be true: {reason}",
                pos,
                hint="check the numbers against the metric's start, min, max and the effects that change it",
            )
        elif not condition.names & never_set:  # a flag nothing sets is reported once, as S805
            bag.add(
                "S808",
                f"the condition of {what} '{condition.source}' is always true: {reason}",
                pos,
                hint="remove the condition, or fix the numbers",
            )


def _decisions(scenario: Scenario, source: Source, bag: DiagnosticBag) -> None:
    """S809 (a decision point missing), S810 (no best choice), S811 (more than one)."""
    phases = {s.phase for s in scenario.scenes}
    for phase in DECISION_PHASES:
        if phase not in phases:
            bag.add(
                "S809",
                f"no scene has phase '{phase}': the scenario skips a decision point",
                source.key("scenes"),
                hint="every scenario walks through cost, limits and power; add a scene with this phase",
            )
    for scene in scenario.scenes:
        if scene.phase not in DECISION_PHASES or not scene.choices:
            continue
        best = [c for c in scene.choices if c.best]
        if not best:
            bag.add(
                "S810",
                f"decision scene '{scene.id}' has no choice marked 'best: true'",
                scene.pos,
                hint="mark the coach's strongest answer with 'best: true'; the debrief shows it",
            )
        for extra in best[1:]:
            bag.add(
                "S811",
                f"scene '{scene.id}' marks more than one choice 'best: true' (also '{best[0].id}')",
                extra.pos,
                hint="keep 'best: true' on the single strongest answer",
            )


#: A guide, not a guarantee: with six metrics, three labelled this long in ordinary words, the gauges keep every
#: label at reading size from 960x540 to 2560x1440 at every text size (tests/ui/test_label_floor.py). Longer
#: labels wrap above their values, and with several of them, changes shown and the largest text size, the gauges
#: can need more height than the window has and draw below the label floor (21 characters already did at
#: 1920x1080; how wide depends on the letters).
LABEL_LIMIT = 20


def _long_label(bag: DiagnosticBag, metric: str, label: str, pos: Pos) -> None:
    if len(label) > LABEL_LIMIT:
        bag.add(
            "S813",
            f"the label of metric '{metric}' has {len(label)} characters: over {LABEL_LIMIT}, the gauges may "
            "have to draw it below reading size on small windows",
            pos,
            hint=f"shorten it to {LABEL_LIMIT} characters or fewer; the choice's feedback can say the rest",
        )


def _long_labels(scenario: Scenario, source: Source, bag: DiagnosticBag) -> None:
    """S813: an author's metric label longer than the gauges show at reading size (built-in labels are ours)."""
    for metric in scenario.metrics:
        if not metric.default_text and len(metric.label) > LABEL_LIMIT:
            _long_label(bag, metric.id, metric.label, source.find(metric.label, metric.pos))


def _long_translated_labels(entries: dict[str, Entry], bag: DiagnosticBag) -> None:
    """S813 for the metric labels of a translation file's ``entries``, pointed at the line in the translation."""
    for key, entry in entries.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "metrics" and parts[2] == "label":
            _long_label(bag, parts[1], entry.text, entry.pos)


def _shadowed_variants(scenario: Scenario, bag: DiagnosticBag) -> None:
    """S812: a variant that is never shown because the variants before it always cover the state.

    A variant is shadowed when an earlier one has the same condition, or when, by interval reasoning over
    every value the scenario can reach, the earlier conditions together always hold. (A variant whose own
    condition can never hold is S807, like every condition.)
    """
    env = ranges(scenario)
    for what, variants in varied_texts(scenario):
        earlier: list[str] = []
        for index, variant in enumerate(variants):
            own = variant.when.source.strip() if variant.when is not None else None
            covering = " or ".join(f"({source})" for source in earlier)
            if earlier and (own in earlier or judge(covering, env) is True):
                shown = f"'{own}'" if own is not None else "(the last, without 'when')"
                bag.add(
                    "S812",
                    f"variant {index + 1} of {what} {shown} is never shown: the variants before it always apply",
                    variant.pos,
                    hint="make the earlier conditions narrower, or put this variant before them",
                )
            if own is not None:
                earlier.append(own)


def _markers(entries: dict[str, Entry], bag: DiagnosticBag, source: dict[str, str]) -> None:
    """S601/S605 at every text of a translation's ``entries`` still marked ``# TODO`` or ``# STALE`` by
    ``sticky translate`` (``source`` holds the scenario's texts: a stale one's hint shows the new source text)."""
    for key, entry in entries.items():
        if entry.marker == "TODO":
            bag.add(
                "S601",
                f"'{key}' is marked # {entry.written}: it still holds the source text",
                entry.pos,
                hint=f"translate it, then delete the '# {entry.written}' marker",
            )
        elif entry.marker == "STALE":
            bag.add(
                "S605",
                f"'{key}' is marked # {entry.written}: the source text changed since it was translated",
                entry.pos,
                hint=(
                    f"the source text is now: {quoted_text(source[key])}; check the translation against it, "
                    f"then delete the '# {entry.written}' marker"
                    if key in source
                    else f"check the translation against the new source text, then delete the '# {entry.written}' "
                    "marker"
                ),
            )
