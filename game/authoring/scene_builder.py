"""Building the model's scenes, choices and their effects and destinations from the tree (the bulk of a file).

``SceneBuilder`` holds what the loader knows while it builds (declared metrics, flags, targets, compiled
conditions) and the helpers every section uses; ``load._Builder`` adds the other sections. The code here
runs once per choice of a file that may have hundreds of thousands, so valid values are read on a fast
path (``valid_text`` and friends, no message formatted) and anything else goes to ``Reader``, which says
what is wrong. Diagnostics are the same either way.
"""

from __future__ import annotations

from dataclasses import replace

from game.authoring.diagnostics import DiagnosticBag, Pos, did_you_mean
from game.authoring.reader import Reader, valid_ident, valid_number, valid_text
from game.authoring.yamlnodes import NULLS, Mark, YMap, YNode, YScalar, YSeq
from game.core.expr import Condition, ConditionError, compile_condition
from game.core.model import (
    MODEL_LINE_PARTS,
    MOODS,
    ORDERS,
    PHASES,
    STYLES,
    TECHNIQUES,
    Branch,
    Branches,
    Chance,
    Choice,
    Effects,
    Goto,
    Outcome,
    Scene,
    TextVariant,
    Variants,
)

SCENE_FIELDS = ("phase", "speaker", "place", "text", "choices", "discuss", "order", "mood")
CHOICE_FIELDS = (
    "id",
    "text",
    "style",
    "effects",
    "set",
    "clear",
    "when",
    "feedback",
    "best",
    "next",
    "chance",
    "score",
    "model_line",
    "technique",
    "mood",
)
VARIANT_FIELDS = ("when", "text")
BRANCH_FIELDS = ("when", "next")
CHANCE_FIELDS = ("p", "next", "note", "effects", "set", "clear", "mood")

_SCENE_KEYS, _SCENE_REQUIRED = frozenset(SCENE_FIELDS), frozenset(("phase", "text"))
_CHOICE_KEYS, _CHOICE_REQUIRED = frozenset(CHOICE_FIELDS), frozenset(("id", "text", "style"))
_CHANCE_KEYS, _CHANCE_REQUIRED = frozenset(CHANCE_FIELDS), frozenset(("p", "next"))


def _fields_ok(node: YMap, allowed: frozenset[str], required: frozenset[str]) -> bool:
    """True when ``node`` has only ``allowed`` keys and every ``required`` one (``Reader.fields`` is silent)."""
    keys = node.keys.keys()
    return keys <= allowed and keys >= required


class SceneBuilder:
    """The builder's state and shared helpers, and the scenes section."""

    def __init__(self, bag: DiagnosticBag, path: str) -> None:
        self.bag = bag
        self.read = Reader(bag)
        self.path = path
        self.metric_ids: list[str] = []
        self.flag_ids: list[str] = []
        self.targets: dict[str, str] = {}  # id -> "scene" | "ending"
        self.choice_ids: dict[str, Mark] = {}  # choice id -> where it is first written
        self.known: dict[str, str] = {"turn": "turn"}
        self.compiled: dict[tuple[str, int], Condition] = {}

    # -- helpers -------------------------------------------------------------------------------------
    def condition(self, node: YNode | None, what: str) -> Condition | None:
        """The compiled condition in ``node`` (compiled once per text); None after S4xx."""
        source = valid_text(node)
        if source is None:
            source = self.read.text(node, what)
        if source is None or node is None:
            return None
        key = (source, len(self.known))  # the same text over the same names compiles to the same condition
        cached = self.compiled.get(key)
        if cached is not None:
            return cached
        try:
            compiled = compile_condition(source, self.known)
            self.compiled[key] = compiled
            return compiled
        except ConditionError as exc:
            pos = node.pos
            shift = 0 if isinstance(node, YScalar) and node.plain else 1
            lead = len(source) - len(source.lstrip())
            at = Pos(pos.path, pos.line, pos.col + shift + lead + exc.offset) if "\n" not in source else pos
            self.bag.add(exc.code, f"{what}: {exc.message}", at, hint=exc.hint)
            return None

    # -- issue 13: texts with variants, scores, model lines, techniques -----------------------------------
    def varied_text(self, node: YNode | None, what: str) -> tuple[str | None, Variants]:
        """A text that may be a list of ``{when, text}`` variants: (the text shown otherwise, the variants).

        A plain text gives no variants. In a list, every variant but the last needs ``when`` and the last has
        none (S212); the text returned is the last variant's.
        """
        if type(node) is not YSeq:
            return self.read.text(node, what), ()
        items = node.items
        if not items:
            self.bag.add(
                "S212", f"{what} is an empty list", node.pos, hint="write a text, or a list of {when, text} variants"
            )
            return None, ()
        out: list[TextVariant] = []
        for index, item in enumerate(items):
            name = f"variant {index + 1} of {what}"
            spec = self.read.mapping(item, name)
            if spec is None:
                continue
            self.read.fields(spec, name, VARIANT_FIELDS, ("text",))
            has_when = spec.get("when") is not None
            when = self.condition(spec.get("when"), f"{name}: condition") if has_when else None
            text = self.read.text(spec.get("text"), f"{name}: text") if spec.get("text") is not None else None
            last = index == len(items) - 1
            if last and has_when:
                self.bag.add(
                    "S212",
                    f"the last variant of {what} has a condition: nothing would be shown when it does not hold",
                    spec.key_pos("when"),
                    hint="end the list with a variant without 'when', the text shown otherwise",
                )
            elif not last and not has_when:
                self.bag.add(
                    "S212",
                    f"{name} has no 'when' but is not the last: the variants after it could never be shown",
                    spec.pos,
                    hint="give it a 'when:' condition, or move it to the end of the list",
                )
            if text is not None:
                out.append(TextVariant(text, when, spec.pos))
        if len(out) != len(items):
            return None, ()
        return out[-1].text, tuple(out)

    def score(self, node: YNode | None, what: str) -> float | None:
        """A score from 0 to 1; None after S207 or S213."""
        value = self.read.number(node, what)
        if value is not None and node is not None and not 0 <= value <= 1:
            self.bag.add("S213", f"{what} {value:g} is outside 0-1", node.pos, hint="e.g. 0.5 for a half-right choice")
            return None
        return value

    def model_line(self, node: YNode | None, what: str) -> tuple[tuple[str, str], ...]:
        """The parts of a model line, in the order written; S309 for a part not in MODEL_LINE_PARTS."""
        spec = self.read.mapping(node, f"{what} model_line")
        if spec is None:
            return ()
        out = []
        for key, kpos, value in spec.items():
            if key not in MODEL_LINE_PARTS:
                hint = did_you_mean(key, MODEL_LINE_PARTS) or "parts: " + ", ".join(MODEL_LINE_PARTS)
                self.bag.add("S309", f"'{key}' is not a part of a model line", kpos, hint=hint)
                continue
            text = self.read.text(value, f"model line part '{key}'")
            if text is not None:
                out.append((key, text))
        if not out and not spec.keys:
            self.bag.add("S201", f"{what} model_line is empty; write its parts, e.g. fact: and limit:", spec.pos)
        return tuple(out)

    def technique(self, node: YNode | None) -> str | None:
        """A technique id from the glossary; None after S310."""
        value = self.read.text(node, "technique")
        if value is None or node is None:
            return None
        if value not in TECHNIQUES:
            hint = did_you_mean(value, TECHNIQUES) or "one of: " + ", ".join(TECHNIQUES)
            self.bag.add("S310", f"technique '{value}' is not in the glossary", node.pos, hint=hint)
            return None
        return value

    def mood(self, node: YNode | None) -> str | None:
        """A speaker's mood (``MOODS``); None after S311."""
        value = self.read.text(node, "mood")
        if value is None or node is None:
            return None
        if value not in MOODS:
            hint = did_you_mean(value, MOODS)  # the message already lists the moods
            self.bag.add("S311", f"mood '{value}' is not one of {', '.join(MOODS)}", node.pos, hint=hint)
            return None
        return value

    def ref(self, node: YNode | None, what: str, pool: list[str], code: str) -> str | None:
        """An id that must be one of ``pool``; None after ``code``."""
        value = self.read.ident(node, what)
        if value is None or node is None:
            return None
        if value not in pool:
            hint = did_you_mean(value, pool) or ("none are declared" if not pool else "")
            self.bag.add(code, f"{what} '{value}' is not declared", node.pos, hint=hint)
            return None
        return value

    def target(self, node: YNode | None, what: str) -> str | None:
        """A scene or ending id; None after S301."""
        value = valid_ident(node)
        if value is not None and value in self.targets:
            return value
        value = self.read.ident(node, what)
        if value is None or node is None:
            return None
        if value not in self.targets:
            hint = did_you_mean(value, self.targets) or (
                f"to end the game here, add '{value}' under 'endings:' (with its rating and text); "
                "to go on, write the id of a scene"
            )
            self.bag.add("S301", f"{what} '{value}' is neither a scene nor an ending", node.pos, hint=hint)
            return None
        return value

    def effects(self, node: YMap, what: str) -> Effects:
        """The ``effects``, ``set`` and ``clear`` of a choice or a rule."""
        get = node.entries.get
        effects = get("effects")
        deltas: list[tuple[str, float]] = []
        eff = (
            effects
            if type(effects) is YMap or effects is None
            else self.read.mapping(node.get("effects"), f"{what} effects")
        )
        if eff is not None:
            metric_ids = self.metric_ids
            for key, value in eff.entries.items():
                if key not in metric_ids:
                    hint = did_you_mean(key, metric_ids) or "declare it under metrics:"
                    self.bag.add("S302", f"unknown metric '{key}' in {what} effects", eff.key_pos(key), hint=hint)
                    continue
                number = valid_number(value)
                if number is None:
                    number = self.read.number(eff.get(key), f"effect on {key}")
                if number is not None:
                    deltas.append((key, number))
        return Effects(
            tuple(deltas),
            () if get("set") is None else self.flag_list(node.get("set"), what),
            () if get("clear") is None else self.flag_list(node.get("clear"), what),
        )

    def flag_list(self, node: YNode | None, what: str) -> tuple[str, ...]:
        """Declared flags: one, or a list of them."""
        flag_ids = self.flag_ids
        out = []
        if type(node) is YSeq:
            for index, raw in enumerate(node.raw):
                flag = valid_ident(raw)
                if flag is None or flag not in flag_ids:
                    flag = self.ref(node.item(index), "flag", flag_ids, "S304")
                if flag is not None:
                    out.append(flag)
            return tuple(out)
        items: list[YNode]
        if isinstance(node, YScalar) and not node.is_null:
            items = [node]
        else:
            seq = self.read.sequence(node, f"{what} flags")
            items = seq.items if seq is not None else []
        for item in items:
            flag = self.ref(item, "flag", flag_ids, "S304")
            if flag is not None:
                out.append(flag)
        return tuple(out)

    # -- scenes --------------------------------------------------------------------------------------
    def scenes(self, table: YMap | None, char_ids: list[str], place_ids: list[str]) -> list[Scene]:
        """Every scene of ``table`` whose id was accepted as a scene."""
        out: list[Scene] = []
        if table is None:
            return out
        read = self.read
        targets = self.targets
        for key, kpos, value in table.items():
            spec = value if type(value) is YMap else read.mapping(value, f"scene '{key}'")
            if spec is None or targets.get(key) != "scene":
                continue
            if not _fields_ok(spec, _SCENE_KEYS, _SCENE_REQUIRED):
                read.fields(spec, f"scene '{key}'", SCENE_FIELDS, ("phase", "text"))
            get = spec.entries.get
            phase = valid_text(get("phase"))
            if phase not in PHASES:
                phase = read.enum(spec.get("phase"), "phase", PHASES, "S307")
            raw = get("speaker")
            speaker = valid_ident(raw)
            if speaker is None or speaker not in char_ids:
                speaker = self.ref(spec.get("speaker"), "speaker", char_ids, "S303") if raw is not None else None
            place = self.ref(spec.get("place"), "place", place_ids, "S305") if get("place") is not None else None
            text = valid_text(get("text"))
            text_variants: Variants = ()
            if text is None:
                text, text_variants = self.varied_text(spec.get("text"), f"scene '{key}' text")
            discuss = "" if get("discuss") is None else read.text(spec.get("discuss"), f"scene '{key}' discuss")
            raw = get("choices")
            choices_seq = raw if type(raw) is YSeq else read.sequence(spec.get("choices"), f"scene '{key}' choices")
            choices = [c for c in (self.choice(item, key) for item in (choices_seq.items if choices_seq else [])) if c]
            order = ORDERS[0] if get("order") is None else read.enum(spec.get("order"), "order", ORDERS, "S204")
            scene = Scene(
                key, phase or "situation", text or "", tuple(choices), speaker, place, kpos, order=order or ORDERS[0]
            )
            if text_variants or discuss:
                scene = replace(scene, text_variants=text_variants, discuss=discuss or "")
            if get("mood") is not None:
                scene = replace(scene, mood=self.mood(spec.get("mood")))
            out.append(scene)
        return out

    def choice(self, node: YNode, scene_id: str) -> Choice | None:
        """One choice of scene ``scene_id``; None after errors."""
        read = self.read
        spec = node if type(node) is YMap else read.mapping(node, f"a choice in scene '{scene_id}'")
        if spec is None:
            return None
        get = spec.entries.get
        choice_id = valid_ident(get("id"))
        if choice_id is None:
            choice_id = read.ident(spec.get("id"), "choice id")
        what = f"choice '{choice_id or '?'}'"
        if not _fields_ok(spec, _CHOICE_KEYS, _CHOICE_REQUIRED):
            read.fields(spec, what, CHOICE_FIELDS, ("id", "text", "style"))
        if choice_id is not None:
            first = self.choice_ids.get(choice_id)
            if first is not None:
                self.bag.add(
                    "S205",
                    f"choice id '{choice_id}' is already used at line {first.line + 1}",
                    spec.key_pos("id"),
                )
            else:
                self.choice_ids[choice_id] = spec.keys["id"]
        text = valid_text(get("text"))
        if text is None:
            text = read.text(spec.get("text"), f"{what} text")
        style = valid_text(get("style"))
        if style not in STYLES:
            style = read.enum(spec.get("style"), "style", STYLES, "S306")
        raw = get("feedback")
        feedback = "" if raw is None else valid_text(raw)
        feedback_variants: Variants = ()
        if feedback is None:
            feedback, feedback_variants = self.varied_text(spec.get("feedback"), f"{what} feedback")
        when = None if get("when") is None else self.condition(spec.get("when"), f"{what} condition")
        best = False if get("best") is None else read.boolean(spec.get("best"), "best")
        effects = self.effects(spec, what)
        next_ = self.next(spec, what)
        if choice_id is None or text is None or next_ is None:
            return None
        made = Choice(choice_id, text, style or "assertive", effects, next_, feedback or "", when, bool(best), spec.pos)
        if feedback_variants or any(get(name) is not None for name in ("score", "model_line", "technique")):
            made = self.teaching(made, spec, what, feedback_variants)
        if get("mood") is not None:
            made = replace(made, mood=self.mood(spec.get("mood")))
        return made

    def teaching(self, choice: Choice, spec: YMap, what: str, feedback_variants: Variants) -> Choice:
        """``choice`` with its issue-13 fields read: feedback variants, score, model line, technique."""
        get = spec.entries.get
        return replace(
            choice,
            feedback_variants=feedback_variants,
            score=None if get("score") is None else self.score(spec.get("score"), f"{what} score"),
            model_line=() if get("model_line") is None else self.model_line(spec.get("model_line"), what),
            technique=None if get("technique") is None else self.technique(spec.get("technique")),
        )

    def next(self, spec: YMap, what: str) -> Goto | Branches | Chance | None:
        """Where a choice leads: ``next`` (one target or branches) or ``chance``; None after errors."""
        get = spec.entries.get
        raw = get("next")
        if type(raw) is str and raw in self.targets and raw not in NULLS and get("chance") is None:
            mark = spec.marks["next"]  # the usual `next: scene_id` (every target is a valid id; `null` reads as empty)
            return Goto(raw, Pos(spec.path, mark.line + 1, mark.column + 1))
        if (raw is None) == (get("chance") is None):
            self.bag.add("S209", f"{what} needs exactly one of 'next' or 'chance'", spec.pos)
            return None
        chance = spec.get("chance")
        if chance is not None:
            return self.chance(chance, what)
        node = spec.get("next")
        assert node is not None
        if isinstance(node, YScalar):
            target = self.target(node, "next")
            return Goto(target, node.pos) if target else None
        return self.branches(node, what)

    def branches(self, node: YNode, what: str) -> Branches | None:
        """A list of conditional branches; S505 when the last one has a condition."""
        seq = self.read.sequence(node, f"{what} next")
        if seq is None:
            return None
        branches = []
        for item in seq.items:
            branch = self.read.mapping(item, "a branch")
            if branch is None:
                continue
            self.read.fields(branch, "a branch", BRANCH_FIELDS, ("next",))
            when = self.condition(branch.get("when"), "branch condition") if branch.get("when") is not None else None
            target = self.target(branch.get("next"), "next")
            if target is not None:
                branches.append(Branch(when, target, branch.pos))
        if not branches:
            return None
        if branches[-1].when is not None:
            self.bag.add(
                "S505",
                f"{what}: the last branch has a condition; add a branch without 'when' as fallback",
                seq.pos,
            )
        return Branches(tuple(branches))

    def chance(self, node: YNode, what: str) -> Chance | None:
        """Chance outcomes whose probabilities add up to 1; None after S210 or other errors."""
        read = self.read
        seq = node if type(node) is YSeq else read.sequence(node, f"{what} chance")
        if seq is None:
            return None
        outcomes = []
        for item in seq.items:
            spec = item if type(item) is YMap else read.mapping(item, "a chance outcome")
            if spec is None:
                continue
            if not _fields_ok(spec, _CHANCE_KEYS, _CHANCE_REQUIRED):
                read.fields(spec, "a chance outcome", CHANCE_FIELDS, ("p", "next"))
            get = spec.entries.get
            p = valid_number(get("p"))
            if p is None:
                p = read.number(spec.get("p"), "p")
            target = get("next")
            if type(target) is not str or target not in self.targets or target in NULLS:  # usual: a plain id
                target = self.target(spec.get("next"), "next")
            raw = get("note")
            note = "" if raw is None else valid_text(raw)
            if note is None:
                note = read.text(spec.get("note"), "note")
            if p is not None and not 0 < p <= 1:
                self.bag.add("S210", f"probability {p:g} must be above 0 and at most 1", spec.key_pos("p"))
                p = None
            changes = Effects()
            if get("effects") is not None or get("set") is not None or get("clear") is not None:
                changes = self.effects(spec, "a chance outcome's")
            mood = None if get("mood") is None else self.mood(spec.get("mood"))
            if p is not None and target is not None:
                outcomes.append(Outcome(p, target, note or "", spec.pos, changes, mood))
        if len(outcomes) != len(seq.items):
            return None
        total = sum(o.probability for o in outcomes)
        if abs(total - 1.0) > 1e-6:
            self.bag.add("S210", f"{what}: chance probabilities add up to {total:g}, not 1", node.pos)
            return None
        return Chance(tuple(outcomes))
