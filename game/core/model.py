"""The scenario model: immutable plain data, every part knowing where it was written.

A loaded scenario never changes. Translation produces a new ``Scenario`` with other text and the same
rules, numbers and ids (see ``Scenario.with_texts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.core.expr import Condition
from game.core.source import Pos

PHASES: tuple[str, ...] = ("situation", "cost", "limits", "power", "resolution")
DECISION_PHASES: tuple[str, ...] = ("cost", "limits", "power")
STYLES: tuple[str, ...] = ("assertive", "passive", "aggressive", "passive-aggressive")
RATINGS: tuple[str, ...] = ("best", "good", "fair", "poor", "bad")
CORE_METRICS: tuple[str, ...] = ("revenue", "staff_morale", "reputation")
ORDERS: tuple[str, ...] = ("shuffled", "fixed")  # a scene's `order`: how its choices are shown (default first)
#: How the speaker looks (issue 20): a scene's or a choice's `mood:`; presentation only, never translated.
MOODS: tuple[str, ...] = ("neutral", "pleased", "annoyed", "worried")

# -- issue 13: the teaching fields (scores, model lines, techniques, better) --------------------------------
#: Which way a metric improves (``Metric.better``).
BETTER: tuple[str, ...] = ("higher", "lower")
#: The parts a model line may be broken into, in the order they are usually said.
MODEL_LINE_PARTS: tuple[str, ...] = ("fact", "impact", "limit", "request", "alternative", "consequence", "question")
#: The ids of the technique glossary (names and definitions per language live in ``game.locale``).
TECHNIQUES: tuple[str, ...] = (
    "broken_record",
    "fogging",
    "negative_inquiry",
    "workable_compromise",
    "desc",
    "i_statement",
    "batna",
    "asking_for_time",
    "empathic_assertion",
    "escalating_assertion",
)
#: The overall score a playthrough needs for ``success`` when the scenario sets no ``pass_mark``.
DEFAULT_PASS_MARK = 0.6

_NOWHERE = Pos("<builtin>", 1, 1)


@dataclass(frozen=True, slots=True)
class Metric:
    """A measure of the business; values are clamped to ``[minimum, maximum]``."""

    id: str
    start: float
    minimum: float | None
    maximum: float | None
    unit: str
    label: str
    pos: Pos = field(default=_NOWHERE, compare=False)
    default_text: bool = False  # label and unit are the built-in ones, shown in the player's language
    better: str = "higher"  # "lower" when a fall is good news (owner stress, cash at risk)

    def clamp(self, value: float) -> float:
        """``value`` held inside this metric's bounds."""
        if self.minimum is not None and value < self.minimum:
            return self.minimum
        if self.maximum is not None and value > self.maximum:
            return self.maximum
        return value


@dataclass(frozen=True, slots=True)
class Character:
    """Someone in the story."""

    id: str
    name: str
    role: str
    portrait: str | None = None
    pos: Pos = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a scene happens."""

    id: str
    name: str
    image: str | None = None
    pos: Pos = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class TextVariant:
    """One variant of a text that follows the state: shown when ``when`` holds; ``when`` None (the last
    variant of a list) is shown otherwise. See ``game.core.variants`` for the resolution."""

    text: str
    when: Condition | None = None
    pos: Pos = field(default=_NOWHERE, compare=False)


#: The variants of one text in the order written; empty when the text is a plain string.
Variants = tuple[TextVariant, ...]


@dataclass(frozen=True, slots=True)
class Effects:
    """Metric deltas and flag changes applied together."""

    deltas: tuple[tuple[str, float], ...] = ()
    set_flags: tuple[str, ...] = ()
    clear_flags: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.deltas or self.set_flags or self.clear_flags)


@dataclass(frozen=True, slots=True)
class Goto:
    """A choice that always leads to one scene or ending."""

    target: str
    pos: Pos = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Branch:
    """One conditional branch; ``when`` None means "otherwise"."""

    when: Condition | None
    target: str
    pos: Pos = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Branches:
    """A choice whose destination depends on the state: the first branch that holds."""

    branches: tuple[Branch, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One possible result of a chance choice."""

    probability: float
    target: str
    note: str = ""
    pos: Pos = field(default=_NOWHERE, compare=False)
    effects: Effects = Effects()  # applied when chance picks this outcome, after the choice's own effects
    mood: str | None = None  # the speaker's reaction when chance picks this outcome (MOODS); None: the choice's


@dataclass(frozen=True, slots=True)
class Chance:
    """A choice whose destination is drawn from the session's seeded generator."""

    outcomes: tuple[Outcome, ...]


Next = Goto | Branches | Chance


@dataclass(frozen=True, slots=True)
class Choice:
    """An answer the player may give in a scene."""

    id: str
    text: str
    style: str
    effects: Effects
    next: Next
    feedback: str = ""
    when: Condition | None = None
    best: bool = False
    pos: Pos = field(default=_NOWHERE, compare=False)
    # issue 13: variants of the feedback (``feedback`` holds the last, the fallback) and the teaching fields
    feedback_variants: Variants = ()
    score: float | None = None  # 0-1; None: 1 for the best choice, 0 for the others (``game.core.scoring``)
    model_line: tuple[tuple[str, str], ...] = ()  # (part, text) in the order written; parts: MODEL_LINE_PARTS
    technique: str | None = None  # a glossary id from TECHNIQUES
    mood: str | None = None  # the speaker's reaction on the outcome (MOODS); None: from the effects (game.core.mood)

    def targets(self) -> tuple[str, ...]:
        """Every scene or ending this choice can lead to."""
        if isinstance(self.next, Goto):
            return (self.next.target,)
        if isinstance(self.next, Branches):
            return tuple(b.target for b in self.next.branches)
        return tuple(o.target for o in self.next.outcomes)


@dataclass(frozen=True, slots=True)
class Scene:
    """One moment of the story and the choices it offers."""

    id: str
    phase: str
    text: str
    choices: tuple[Choice, ...]
    speaker: str | None = None
    place: str | None = None
    pos: Pos = field(default=_NOWHERE, compare=False)
    order: str = "shuffled"  # "shuffled": shown in the session's seeded order; "fixed": in the order written
    # issue 13: variants of the text (``text`` holds the last, the fallback), a question for the room
    text_variants: Variants = ()
    discuss: str = ""
    mood: str | None = None  # how the speaker looks while the scene is shown (MOODS); None: neutral

    def choice(self, choice_id: str) -> Choice | None:
        """The choice with this id, or None."""
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        return None


@dataclass(frozen=True, slots=True)
class Rule:
    """Fires after a choice when its condition holds."""

    id: str
    when: Condition
    effects: Effects
    text: str = ""
    once: bool = True
    pos: Pos = field(default=_NOWHERE, compare=False)
    text_variants: Variants = ()  # issue 13: ``text`` holds the last variant, the fallback


@dataclass(frozen=True, slots=True)
class Ending:
    """How a playthrough can end."""

    id: str
    rating: str
    title: str
    text: str
    when: Condition | None = None
    pos: Pos = field(default=_NOWHERE, compare=False)
    # issue 13: ``title`` and ``text`` hold the last variant of each, the fallback
    title_variants: Variants = ()
    text_variants: Variants = ()
    #: the author's own picture of this ending (a path like a place's ``image``); None: the rating's picture
    image: str | None = None


@dataclass(frozen=True, slots=True)
class Scenario:
    """A whole scenario: immutable, with every text in one language."""

    id: str
    title: str
    language: str
    summary: str
    metrics: tuple[Metric, ...]
    characters: tuple[Character, ...]
    scenes: tuple[Scene, ...]
    endings: tuple[Ending, ...]
    start: str
    flags: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    places: tuple[Place, ...] = ()
    goals: tuple[str, ...] = ()
    business: str = ""
    player: str | None = None
    reflection: tuple[tuple[str, str], ...] = ()
    content_hash: str = ""
    source_path: str = ""
    languages: tuple[str, ...] = ()
    pos: Pos = field(default=_NOWHERE, compare=False)
    pass_mark: float = DEFAULT_PASS_MARK  # issue 13: the overall score needed for success
    lookup: Lookup = field(init=False, compare=False, repr=False)  # built from the fields above, never changed

    def __post_init__(self) -> None:
        object.__setattr__(self, "lookup", Lookup.of(self))

    def scene(self, scene_id: str) -> Scene | None:
        """The scene with this id, or None."""
        return self.lookup.scenes.get(scene_id)

    def ending(self, ending_id: str) -> Ending | None:
        """The ending with this id, or None."""
        return self.lookup.endings.get(ending_id)

    def metric(self, metric_id: str) -> Metric | None:
        """The metric with this id, or None."""
        return self.lookup.metrics.get(metric_id)

    def character(self, character_id: str | None) -> Character | None:
        """The character with this id, or None."""
        return None if character_id is None else self.lookup.characters.get(character_id)

    def place(self, place_id: str | None) -> Place | None:
        """The place with this id, or None."""
        return None if place_id is None else self.lookup.places.get(place_id)

    def choice(self, choice_id: str) -> Choice | None:
        """The choice with this id (unique in the scenario), or None."""
        return self.lookup.choices.get(choice_id)

    def scene_of_choice(self, choice_id: str) -> Scene | None:
        """The scene that offers this choice."""
        return self.lookup.choice_scenes.get(choice_id)

    def reflection_for(self, phase: str) -> str:
        """The trainer's reflection question for a decision point, or ""."""
        return dict(self.reflection).get(phase, "")

    def all_effects(self) -> list[Effects]:
        """Every ``Effects`` in the scenario: each choice's, each chance outcome's and each rule's."""
        found = []
        for scene in self.scenes:
            for choice in scene.choices:
                found.append(choice.effects)
                if isinstance(choice.next, Chance):
                    found.extend(o.effects for o in choice.next.outcomes)
        return found + [r.effects for r in self.rules]

    @property
    def conditional_endings(self) -> tuple[Ending, ...]:
        """Endings that end the game as soon as their condition holds, in file order."""
        return tuple(e for e in self.endings if e.when is not None)

    def best_choice(self, scene_id: str) -> Choice | None:
        """The coach's strongest choice in a scene, if the author marked one."""
        scene = self.scene(scene_id)
        if scene is None:
            return None
        return next((c for c in scene.choices if c.best), None)

    def with_texts(self, texts: dict[str, str], language: str) -> Scenario:
        """A copy with text replaced from a flat ``key -> text`` table (see ``game.core.texts``)."""
        from game.core.texts import apply_texts

        return apply_texts(self, texts, language)

    def evolve(self, **changes: object) -> Scenario:
        """A copy with some fields changed (its lookup tables are built anew)."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Lookup:
    """A scenario's parts by id, built once with the scenario (``Scenario.lookup``) and never changed."""

    scenes: dict[str, Scene]
    endings: dict[str, Ending]
    metrics: dict[str, Metric]
    characters: dict[str, Character]
    places: dict[str, Place]
    choices: dict[str, Choice]
    choice_scenes: dict[str, Scene]  # choice id -> the scene that offers it

    @classmethod
    def of(cls, scenario: Scenario) -> Lookup:
        """The tables of ``scenario``; where two parts share an id (a scenario with errors), the last wins."""
        return cls(
            {s.id: s for s in scenario.scenes},
            {e.id: e for e in scenario.endings},
            {m.id: m for m in scenario.metrics},
            {c.id: c for c in scenario.characters},
            {p.id: p for p in scenario.places},
            {c.id: c for s in scenario.scenes for c in s.choices},
            {c.id: s for s in scenario.scenes for c in s.choices},
        )
