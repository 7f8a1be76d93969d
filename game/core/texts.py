"""Every text of a scenario as a flat table of stable keys, and putting a table back.

Keys follow the ids: ``title``, ``goals.0``, ``metrics.revenue.label``, ``characters.rick.role``,
``scenes.offer.text``, ``scenes.offer.choices.say_yes.feedback``, ``scenes.offer.choices.say_yes.chance.1.note``,
``rules.quits.text``, ``endings.deal.title``. Translations, the checker and ``sticky translate`` all use them.

A text written as variants has one key per variant, by its index in the list: ``scenes.offer.text.0``,
``scenes.offer.text.1`` (conditions are never translated). A model line's parts are
``scenes.offer.choices.say_yes.model_line.fact``...; a scene's question for the room is ``scenes.offer.discuss``.
"""

from __future__ import annotations

from dataclasses import replace

from game.core.model import Chance, Choice, Ending, Metric, Rule, Scenario, Scene, Variants

#: Built-in label and unit of the three core metrics, per language, used when an author does not set them.
DEFAULT_METRIC_TEXT: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "revenue": ("Revenue", "€/month"),
        "staff_morale": ("Staff morale", "%"),
        "reputation": ("Reputation", "%"),
    },
    "es": {
        "revenue": ("Ingresos", "€/mes"),
        "staff_morale": ("Moral del equipo", "%"),
        "reputation": ("Reputación", "%"),
    },
}


def default_metric_text(metric_id: str, language: str) -> tuple[str, str] | None:
    """The built-in (label, unit) of a core metric in ``language`` (English when unknown)."""
    table = DEFAULT_METRIC_TEXT.get(language, DEFAULT_METRIC_TEXT["en"])
    return table.get(metric_id)


def _metric_with(metric: Metric, texts: dict[str, str], language: str) -> Metric:
    if metric.default_text:
        builtin = default_metric_text(metric.id, language)
        if builtin is not None:
            return replace(metric, label=builtin[0], unit=builtin[1])
    return replace(
        metric,
        label=texts.get(f"metrics.{metric.id}.label", metric.label),
        unit=texts.get(f"metrics.{metric.id}.unit", metric.unit),
    )


def _put(out: dict[str, str], key: str, plain: str, variants: Variants) -> None:
    """One key for a plain text, one per variant (``key.0``, ``key.1``...) for a text with variants."""
    if variants:
        for index, variant in enumerate(variants):
            out[f"{key}.{index}"] = variant.text
    else:
        out[key] = plain


def _take(texts: dict[str, str], key: str, plain: str, variants: Variants) -> tuple[str, Variants]:
    """A text and its variants with the translations found in ``texts``; the plain text follows the last variant."""
    if not variants:
        return texts.get(key, plain), variants
    changed = tuple(replace(v, text=texts.get(f"{key}.{i}", v.text)) for i, v in enumerate(variants))
    return changed[-1].text, changed


def extract_texts(scenario: Scenario) -> dict[str, str]:
    """Every translatable text of ``scenario`` keyed by its stable key, in file order."""
    out: dict[str, str] = {
        "title": scenario.title,
        "business": scenario.business,
        "summary": scenario.summary,
    }
    for i, goal in enumerate(scenario.goals):
        out[f"goals.{i}"] = goal
    for metric in scenario.metrics:
        if not metric.default_text:
            out[f"metrics.{metric.id}.label"] = metric.label
            if metric.unit.strip("% "):
                out[f"metrics.{metric.id}.unit"] = metric.unit
    for character in scenario.characters:
        out[f"characters.{character.id}.name"] = character.name
        out[f"characters.{character.id}.role"] = character.role
    for place in scenario.places:
        out[f"places.{place.id}.name"] = place.name
    for phase, question in scenario.reflection:
        out[f"reflection.{phase}"] = question
    for scene in scenario.scenes:
        _put(out, f"scenes.{scene.id}.text", scene.text, scene.text_variants)
        out[f"scenes.{scene.id}.discuss"] = scene.discuss
        for choice in scene.choices:
            base = f"scenes.{scene.id}.choices.{choice.id}"
            out[f"{base}.text"] = choice.text
            _put(out, f"{base}.feedback", choice.feedback, choice.feedback_variants)
            if isinstance(choice.next, Chance):
                for i, outcome in enumerate(choice.next.outcomes):
                    out[f"{base}.chance.{i}.note"] = outcome.note
            for part, line in choice.model_line:
                out[f"{base}.model_line.{part}"] = line
    for rule in scenario.rules:
        _put(out, f"rules.{rule.id}.text", rule.text, rule.text_variants)
    for ending in scenario.endings:
        _put(out, f"endings.{ending.id}.title", ending.title, ending.title_variants)
        _put(out, f"endings.{ending.id}.text", ending.text, ending.text_variants)
    return {k: v for k, v in out.items() if v}


def _choice_with(choice: Choice, base: str, texts: dict[str, str]) -> Choice:
    next_ = choice.next
    if isinstance(next_, Chance):
        next_ = Chance(
            tuple(replace(o, note=texts.get(f"{base}.chance.{i}.note", o.note)) for i, o in enumerate(next_.outcomes))
        )
    feedback, feedback_variants = _take(texts, f"{base}.feedback", choice.feedback, choice.feedback_variants)
    return replace(
        choice,
        text=texts.get(f"{base}.text", choice.text),
        feedback=feedback,
        feedback_variants=feedback_variants,
        next=next_,
        model_line=tuple((part, texts.get(f"{base}.model_line.{part}", line)) for part, line in choice.model_line),
    )


def _scene_with(scene: Scene, texts: dict[str, str]) -> Scene:
    text, variants = _take(texts, f"scenes.{scene.id}.text", scene.text, scene.text_variants)
    return replace(
        scene,
        text=text,
        text_variants=variants,
        discuss=texts.get(f"scenes.{scene.id}.discuss", scene.discuss),
        choices=tuple(_choice_with(c, f"scenes.{scene.id}.choices.{c.id}", texts) for c in scene.choices),
    )


def _rule_with(rule: Rule, texts: dict[str, str]) -> Rule:
    text, variants = _take(texts, f"rules.{rule.id}.text", rule.text, rule.text_variants)
    return replace(rule, text=text, text_variants=variants)


def _ending_with(ending: Ending, texts: dict[str, str]) -> Ending:
    title, title_variants = _take(texts, f"endings.{ending.id}.title", ending.title, ending.title_variants)
    text, text_variants = _take(texts, f"endings.{ending.id}.text", ending.text, ending.text_variants)
    return replace(ending, title=title, title_variants=title_variants, text=text, text_variants=text_variants)


def apply_texts(scenario: Scenario, texts: dict[str, str], language: str) -> Scenario:
    """A copy of ``scenario`` with every text found in ``texts`` replaced; the rest keeps the original."""
    get = texts.get
    scenes = tuple(_scene_with(scene, texts) for scene in scenario.scenes)
    return scenario.evolve(
        language=language,
        title=get("title", scenario.title),
        business=get("business", scenario.business),
        summary=get("summary", scenario.summary),
        goals=tuple(get(f"goals.{i}", g) for i, g in enumerate(scenario.goals)),
        metrics=tuple(_metric_with(m, texts, language) for m in scenario.metrics),
        characters=tuple(
            replace(
                c,
                name=get(f"characters.{c.id}.name", c.name),
                role=get(f"characters.{c.id}.role", c.role),
            )
            for c in scenario.characters
        ),
        places=tuple(replace(p, name=get(f"places.{p.id}.name", p.name)) for p in scenario.places),
        reflection=tuple((phase, get(f"reflection.{phase}", q)) for phase, q in scenario.reflection),
        scenes=scenes,
        rules=tuple(_rule_with(r, texts) for r in scenario.rules),
        endings=tuple(_ending_with(e, texts) for e in scenario.endings),
    )
