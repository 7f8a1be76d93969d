"""Loading a scenario file into the immutable model, collecting every problem as a diagnostic.

``load_scenario(path)`` never raises for anything an author can write: it returns a ``LoadResult``
whose ``scenario`` is None when there are errors, and whose ``diagnostics`` list all problems found.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from game.authoring.diagnostics import Diagnostic, DiagnosticBag, Pos, did_you_mean
from game.authoring.graphcheck import check_graph
from game.authoring.reader import ID_PATTERN
from game.authoring.scene_builder import BRANCH_FIELDS as BRANCH_FIELDS
from game.authoring.scene_builder import CHANCE_FIELDS as CHANCE_FIELDS
from game.authoring.scene_builder import CHOICE_FIELDS as CHOICE_FIELDS
from game.authoring.scene_builder import SCENE_FIELDS as SCENE_FIELDS
from game.authoring.scene_builder import SceneBuilder
from game.authoring.translations import find_translations, load_translation
from game.authoring.unsafetext import report_unsafe_text
from game.authoring.yamltree import YMap, YNode, parse_tree, read_text
from game.core.gcpause import gc_paused
from game.core.imagecheck import MAX_PIXELS, MAX_SIDE, check_image
from game.core.model import (
    BETTER,
    CORE_METRICS,
    DECISION_PHASES,
    RATINGS,
    Character,
    Ending,
    Metric,
    Place,
    Rule,
    Scenario,
    Variants,
)
from game.core.source import suggestion_budget
from game.core.texts import default_metric_text
from game.paths import ASSETS as ASSETS_DIR

LANGUAGES = ("en", "es")

TOP_FIELDS = (
    "format",
    "id",
    "title",
    "language",
    "business",
    "summary",
    "goals",
    "player",
    "metrics",
    "flags",
    "characters",
    "places",
    "start",
    "reflection",
    "scenes",
    "rules",
    "endings",
    "pass_mark",
)
METRIC_FIELDS = ("start", "min", "max", "unit", "label", "better")
CHARACTER_FIELDS = ("name", "role", "portrait")
PLACE_FIELDS = ("name", "image")
RULE_FIELDS = ("id", "when", "once", "effects", "set", "clear", "text")
ENDING_FIELDS = ("rating", "title", "text", "when", "image")

_METRIC_BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "revenue": (0, None),
    "staff_morale": (0, 100),
    "reputation": (0, 100),
}


@dataclass
class LoadResult:
    """A loaded scenario (None when there were errors) and every diagnostic found."""

    scenario: Scenario | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    #: language -> the problems of that translation file (also in ``diagnostics``); they never stop the
    #: scenario from loading: the language falls back to the original text for what it can't give
    translation_problems: dict[str, list[Diagnostic]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the scenario loaded without errors."""
        return self.scenario is not None

    def localized(self, language: str | None) -> Scenario | None:
        """The scenario with its text in ``language`` (the file's own language when None or unknown)."""
        if self.scenario is None:
            return None
        if language is None or language == self.scenario.language or language not in self.translations:
            return self.scenario
        return self.scenario.with_texts(self.translations[language], language)


_WINDOWS_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)\s*(\..*)?$", re.IGNORECASE)


def _inside(path: Path, folder: Path) -> bool:
    """True when ``path``, links followed, stays inside ``folder`` (links followed too)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):  # a link loop, an unusable name
        return False


def content_hash(data: bytes) -> str:
    """The short content hash saves and records use to recognise a scenario version."""
    return hashlib.sha256(data).hexdigest()[:16]


def load_scenario(path: str | os.PathLike[str], with_translations: bool = True) -> LoadResult:
    """Load the scenario at ``path`` and, by default, its ``<stem>.<lang>.yaml`` translations."""
    shown = str(path)
    bag = DiagnosticBag()
    text = read_text(shown, bag)
    if text is None:
        return LoadResult(None, bag.sorted())
    return load_scenario_text(text, shown, bag, with_translations=with_translations)


def load_scenario_text(
    text: str, shown: str, bag: DiagnosticBag | None = None, with_translations: bool = False
) -> LoadResult:
    """Load a scenario from text; ``shown`` is the path used in diagnostics and to find assets.

    The cyclic garbage collector is paused meanwhile (the tree and the model are acyclic; its walks over
    them would cost about as much as building them).
    """
    with gc_paused(), suggestion_budget():
        return _load_text(text, shown, bag or DiagnosticBag(), with_translations)


def _load_text(text: str, shown: str, bag: DiagnosticBag, with_translations: bool) -> LoadResult:
    tree = parse_tree(text, shown, bag)
    if tree is None:
        return LoadResult(None, bag.sorted())
    report_unsafe_text(tree, text, bag)
    builder = _Builder(bag, shown, content_hash(text.encode("utf-8")))
    scenario = builder.build(tree)
    translations: dict[str, dict[str, str]] = {}
    problems: dict[str, list[Diagnostic]] = {}
    if scenario is not None:
        check_graph(scenario, bag)
        if with_translations and os.path.exists(shown):
            translations, problems = _load_translations(shown, scenario)
    ok = scenario is not None and not bag.has_errors  # a translation's errors never block the original
    for found in problems.values():
        bag.extend(found)
    result = LoadResult(scenario if ok else None, bag.sorted(), translations if ok else {}, problems if ok else {})
    if result.scenario is not None and translations:  # the builder's scenario already has its own language
        result.scenario = result.scenario.evolve(languages=(result.scenario.language, *sorted(translations)))
    return result


def _load_translations(shown: str, scenario: Scenario) -> tuple[dict[str, dict[str, str]], dict[str, list[Diagnostic]]]:
    """Every translation beside the scenario, each checked in a bag of its own: language -> text table (what
    could be read of it), and language -> its problems. A file that can't be read at all gives no table."""
    translations: dict[str, dict[str, str]] = {}
    problems: dict[str, list[Diagnostic]] = {}
    for language, tpath in find_translations(shown).items():
        own = DiagnosticBag()
        if not _inside(Path(tpath), Path(shown).parent):
            own.add("S701", f"'{tpath}' links to a file outside the scenario's folder; not read", Pos(tpath))
        else:
            ttext = read_text(tpath, own)
            table = None if ttext is None else load_translation(ttext, tpath, scenario, language, own)
            if table is not None:
                translations[language] = table
        if own.items:
            problems[language] = list(own.items)
    return translations, problems


class _Builder(SceneBuilder):
    """Builds a Scenario from the tree in one pass, recording diagnostics."""

    def __init__(self, bag: DiagnosticBag, path: str, digest: str) -> None:
        super().__init__(bag, path)
        self.digest = digest
        self.language: str | None = None

    # -- helpers -------------------------------------------------------------------------------------
    def asset_path(self, node: YNode | None, what: str) -> str | None:
        value = self.read.text(node, what)
        if value is None or node is None:
            return None

        def refuse(problem: str, hint: str) -> None:
            self.bag.add("S701", f"{what} '{value}' {problem}", node.pos, hint=hint)

        if os.path.isabs(value) or value.startswith(("/", "\\")):
            refuse("is an absolute path", "use a path relative to the scenario's folder")
            return None
        if ":" in value:
            refuse("contains ':' (a drive letter, a URL or a stream name)", "use a path relative to the scenario")
            return None
        if len(value) > 1024 or any(ord(ch) < 32 for ch in value):
            refuse("is not a usable file path", "a short relative path such as portraits/ana.png")
            return None
        norm = os.path.normpath(value.replace("\\", "/")).replace("\\", "/")
        if norm == ".." or norm.startswith("../"):
            refuse("leaves the scenario's folder", "keep images beside the scenario or in assets/")
            return None
        if norm == "." or any(_WINDOWS_DEVICE.match(part.rstrip(" .")) for part in norm.split("/")):
            refuse("does not name a file", "a file name such as portraits/ana.png")
            return None
        if not os.path.exists(self.path):  # loaded from text: there is no folder to look in
            return norm
        for root in (Path(self.path).resolve().parent, ASSETS_DIR):
            candidate = root / norm
            try:
                present = candidate.is_symlink() or candidate.exists()
            except (OSError, ValueError):  # e.g. a name too long for this system
                refuse("is not a usable file path", "a short relative path such as portraits/ana.png")
                return None
            if present:
                if not _inside(candidate, root):
                    refuse("is a link to a file outside the scenario's folder", "copy the image into the folder")
                    return None
                image = check_image(candidate)  # its header only: nothing is decoded
                if image.verdict in ("unreadable", "too-large"):
                    self.bag.add(
                        "S703",
                        f"{what} '{value}' cannot be shown: {image.problem}",
                        node.pos,
                        hint=f"save it again as a PNG or JPEG of at most {MAX_SIDE} pixels a side and "
                        f"{MAX_PIXELS // 1_000_000} megapixels",
                    )
                return norm
        self.bag.add("S702", f"{what} '{value}' was not found beside the scenario or in assets/", node.pos)
        return norm

    # -- sections ------------------------------------------------------------------------------------
    def build(self, tree: YNode) -> Scenario | None:
        top = self.read.mapping(tree, "a scenario file")
        if top is None:
            return None
        if top.get("translation_of") is not None:
            self.bag.add("S203", "this is a translation file; check the main scenario file instead", top.pos)
            return None
        self.read.fields(
            top,
            "the scenario",
            TOP_FIELDS,
            ("id", "title", "language", "summary", "characters", "start", "scenes", "endings"),
        )
        fmt = top.get("format")
        if fmt is not None:
            version = self.read.number(fmt, "format")
            if version is not None and version != 1:
                self.bag.add("S208", f"format {version:g} is not supported; this game reads format 1", fmt.pos)
        scenario_id = self.read.ident(top.get("id"), "scenario id")
        title = self.read.text(top.get("title"), "title")
        language = self.read.enum(top.get("language"), "language", LANGUAGES, "S204")
        self.language = language
        summary = self.read.text(top.get("summary"), "summary")
        for name, value in (("title", title), ("summary", summary)):
            node = top.get(name)
            if value is not None and node is not None and not value.strip():  # `title: ""` or `summary: >-` alone
                self.bag.add("S201", f"{name} is empty; write some text", node.pos)
        business = self.read.text(top.get("business"), "business") if top.get("business") is not None else ""
        goals = self.text_list(top.get("goals"), "goal")
        metrics = self.metrics(top.get("metrics"))
        self.flags(top.get("flags"))
        characters = self.characters(top.get("characters"))
        places = self.places(top.get("places"))
        char_ids = [c.id for c in characters]
        player = self.ref(top.get("player"), "player", char_ids, "S303") if top.get("player") is not None else None
        scenes_node = self.read.mapping(top.get("scenes"), "scenes")
        endings_node = self.read.mapping(top.get("endings"), "endings")
        self.collect_targets(scenes_node, endings_node)
        endings = self.endings(endings_node)
        scenes = self.scenes(scenes_node, char_ids, [p.id for p in places])
        rules = self.rules(top.get("rules"))
        reflection = self.reflection(top.get("reflection"))
        pass_mark = None if top.get("pass_mark") is None else self.score(top.get("pass_mark"), "pass_mark")
        start_node = top.get("start")
        start = self.read.ident(start_node, "start")
        if start is not None and start_node is not None and start not in {s.id for s in scenes}:
            hint = did_you_mean(start, [s.id for s in scenes])
            self.bag.add("S301", f"start '{start}' is not a scene", start_node.pos, hint=hint)
            start = None
        if scenes_node is not None and not scenes and top.get("scenes") is not None:
            self.bag.add("S202", "scenes is empty: a scenario needs at least one scene", scenes_node.pos)
        if endings_node is not None and not endings and top.get("endings") is not None:
            self.bag.add("S202", "endings is empty: a scenario needs at least one ending", endings_node.pos)
        if None in (scenario_id, title, language, summary, start) or self.bag.has_errors:
            return None
        assert scenario_id and title and language and summary and start
        scenario = Scenario(
            id=scenario_id,
            title=title,
            language=language,
            summary=summary,
            metrics=metrics,
            characters=tuple(characters),
            scenes=tuple(scenes),
            endings=tuple(endings),
            start=start,
            flags=tuple(self.flag_ids),
            rules=tuple(rules),
            places=tuple(places),
            goals=goals,
            business=business or "",
            player=player,
            reflection=reflection,
            content_hash=self.digest,
            source_path=self.path,
            languages=(language,),
            pos=top.pos,
        )
        if pass_mark is not None:  # issue 13
            scenario = scenario.evolve(pass_mark=pass_mark)
        return scenario

    def text_list(self, node: YNode | None, what: str) -> tuple[str, ...]:
        seq = self.read.sequence(node, f"{what}s")
        if seq is None:
            return ()
        return tuple(t for t in (self.read.text(item, what) for item in seq.items) if t is not None)

    def metrics(self, node: YNode | None) -> tuple[Metric, ...]:
        declared = self.read.mapping(node, "metrics")
        entries: dict[str, tuple[YMap | None, Pos]] = {m: (None, Pos(self.path)) for m in CORE_METRICS}
        if declared is not None:
            for key, kpos, value in declared.items():
                if self.read.check_id(key, kpos, "metric") is None:
                    continue
                entries[key] = (self.read.mapping(value, f"metric '{key}'") or YMap.at(kpos), kpos)
        self.metric_ids = list(entries)
        out = []
        language = self.language or "en"
        for metric_id, (spec, kpos) in entries.items():
            low, high = _METRIC_BOUNDS.get(metric_id, (None, None))
            label, unit = default_metric_text(metric_id, language) or (
                metric_id.replace("_", " ").capitalize(),
                "",
            )
            builtin_text = metric_id in CORE_METRICS and (
                spec is None or (spec.get("unit") is None and spec.get("label") is None)
            )
            start: float | None = 0.0
            better = "higher"
            if spec is not None:
                self.read.fields(spec, f"metric '{metric_id}'", METRIC_FIELDS)
                start = self.read.number(spec.get("start"), f"{metric_id} start") if spec.get("start") else 0.0
                if spec.get("min") is not None:
                    low = self.read.number(spec.get("min"), f"{metric_id} min")
                if spec.get("max") is not None:
                    high = self.read.number(spec.get("max"), f"{metric_id} max")
                if spec.get("unit") is not None:
                    unit = self.read.text(spec.get("unit"), f"{metric_id} unit") or unit
                if spec.get("label") is not None:
                    label = self.read.text(spec.get("label"), f"{metric_id} label") or label
                if spec.get("better") is not None:  # issue 13
                    better = self.read.enum(spec.get("better"), f"{metric_id} better", BETTER, "S204") or better
            if start is None:
                start = 0.0
            if (
                (low is not None and high is not None and low > high)
                or (low is not None and start < low)
                or (high is not None and start > high)
            ):
                self.bag.add("S211", f"metric '{metric_id}' needs min <= start <= max", kpos)
            out.append(Metric(metric_id, start, low, high, unit or "", label or metric_id, kpos, builtin_text, better))
        for metric in out:
            self.known[metric.id] = "metric"
        return tuple(out)

    def flags(self, node: YNode | None) -> None:
        seq = self.read.sequence(node, "flags")
        if seq is None:
            return
        for item in seq.items:
            flag = self.read.ident(item, "flag")
            if flag is None:
                continue
            if flag in self.flag_ids or flag in self.metric_ids or flag == "turn":
                self.bag.add("S205", f"flag '{flag}' is declared twice or clashes with a metric", item.pos)
                continue
            self.flag_ids.append(flag)
            self.known[flag] = "flag"

    def characters(self, node: YNode | None) -> list[Character]:
        table = self.read.mapping(node, "characters")
        out: list[Character] = []
        if table is None:
            return out
        for key, kpos, value in table.items():
            spec = self.read.mapping(value, f"character '{key}'")
            if self.read.check_id(key, kpos, "character") is None or spec is None:
                continue
            self.read.fields(spec, f"character '{key}'", CHARACTER_FIELDS, ("name",))
            name = self.read.text(spec.get("name"), f"{key} name") or key
            role = self.read.text(spec.get("role"), f"{key} role") if spec.get("role") else ""
            portrait = self.asset_path(spec.get("portrait"), "portrait") if spec.get("portrait") else None
            out.append(Character(key, name, role or "", portrait, kpos))
        return out

    def places(self, node: YNode | None) -> list[Place]:
        table = self.read.mapping(node, "places")
        out: list[Place] = []
        if table is None:
            return out
        for key, kpos, value in table.items():
            spec = self.read.mapping(value, f"place '{key}'")
            if self.read.check_id(key, kpos, "place") is None or spec is None:
                continue
            self.read.fields(spec, f"place '{key}'", PLACE_FIELDS, ("name",))
            name = self.read.text(spec.get("name"), f"{key} name") or key
            image = self.asset_path(spec.get("image"), "image") if spec.get("image") else None
            out.append(Place(key, name, image, kpos))
        return out

    def collect_targets(self, scenes: YMap | None, endings: YMap | None) -> None:
        for table, kind in ((scenes, "scene"), (endings, "ending")):
            if table is None:
                continue
            for key in table.keys:
                if not ID_PATTERN.match(key) and self.read.check_id(key, table.key_pos(key), kind) is None:
                    continue
                if key in self.targets:
                    self.bag.add("S205", f"'{key}' is used both as a scene and as an ending id", table.key_pos(key))
                    continue
                self.targets[key] = kind

    def endings(self, table: YMap | None) -> list[Ending]:
        out: list[Ending] = []
        if table is None:
            return out
        for key, kpos, value in table.items():
            spec = self.read.mapping(value, f"ending '{key}'")
            if spec is None or self.targets.get(key) != "ending":
                continue
            self.read.fields(spec, f"ending '{key}'", ENDING_FIELDS, ("rating", "text"))
            rating = self.read.enum(spec.get("rating"), "rating", RATINGS, "S308")
            title, title_variants = (
                self.varied_text(spec.get("title"), f"ending '{key}' title")
                if spec.get("title")
                else (key.replace("_", " ").capitalize(), ())
            )
            text, text_variants = self.varied_text(spec.get("text"), f"ending '{key}' text")
            when = self.condition(spec.get("when"), f"ending '{key}' condition") if spec.get("when") else None
            image = self.asset_path(spec.get("image"), "image") if spec.get("image") else None
            ending = Ending(key, rating or "fair", title or key, text or "", when, kpos, image=image)
            if title_variants or text_variants:  # issue 13
                ending = replace(ending, title_variants=title_variants, text_variants=text_variants)
            out.append(ending)
        return out

    def rules(self, node: YNode | None) -> list[Rule]:
        seq = self.read.sequence(node, "rules")
        out: list[Rule] = []
        seen: set[str] = set()
        for item in seq.items if seq else []:
            spec = self.read.mapping(item, "a rule")
            if spec is None:
                continue
            rule_id = self.read.ident(spec.get("id"), "rule id")
            self.read.fields(spec, f"rule '{rule_id or '?'}'", RULE_FIELDS, ("id", "when"))
            if rule_id in seen:
                self.bag.add("S205", f"rule id '{rule_id}' is used twice", spec.key_pos("id"))
            when = self.condition(spec.get("when"), f"rule '{rule_id}' condition")
            once = self.read.boolean(spec.get("once"), "once") if spec.get("once") is not None else True
            text: str | None = ""
            variants: Variants = ()
            if spec.get("text") is not None:
                text, variants = self.varied_text(spec.get("text"), f"rule '{rule_id}' text")
            effects = self.effects(spec, f"rule '{rule_id}'")
            if rule_id is not None and when is not None:
                seen.add(rule_id)
                out.append(Rule(rule_id, when, effects, text or "", once is not False, spec.pos, variants))
        return out

    def reflection(self, node: YNode | None) -> tuple[tuple[str, str], ...]:
        table = self.read.mapping(node, "reflection")
        out = []
        for key, kpos, value in table.items() if table else []:
            if key not in DECISION_PHASES:
                hint = did_you_mean(key, DECISION_PHASES) or "use cost, limits or power"
                self.bag.add("S307", f"reflection is for a decision point; '{key}' is not one", kpos, hint=hint)
                continue
            text = self.read.text(value, f"reflection on {key}")
            if text is not None:
                out.append((key, text))
        return tuple(out)
