"""Every text of a scenario as a flat table of stable keys, and putting a table back.

Keys follow the ids: ``title``, ``goals.0``, ``metrics.revenue.label``, ``characters.rick.role``,
``scenes.offer.text``, ``scenes.offer.choices.say_yes.feedback``, ``scenes.offer.choices.say_yes.chance.1.note``,
``rules.quits.text``, ``endings.deal.title``. Translations, the checker and ``sticky translate`` all use them.
"""

from __future__ import annotations

from dataclasses import replace

from game.core.model import Chance, Choice, Metric, Scenario

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
        out[f"scenes.{scene.id}.text"] = scene.text
        for choice in scene.choices:
            base = f"scenes.{scene.id}.choices.{choice.id}"
            out[f"{base}.text"] = choice.text
            out[f"{base}.feedback"] = choice.feedback
            if isinstance(choice.next, Chance):
                for i, outcome in enumerate(choice.next.outcomes):
                    out[f"{base}.chance.{i}.note"] = outcome.note
    for rule in scenario.rules:
        out[f"rules.{rule.id}.text"] = rule.text
    for ending in scenario.endings:
        out[f"endings.{ending.id}.title"] = ending.title
        out[f"endings.{ending.id}.text"] = ending.text
    return {k: v for k, v in out.items() if v}


def _choice_with(choice: Choice, base: str, texts: dict[str, str]) -> Choice:
    next_ = choice.next
    if isinstance(next_, Chance):
        next_ = Chance(
            tuple(replace(o, note=texts.get(f"{base}.chance.{i}.note", o.note)) for i, o in enumerate(next_.outcomes))
        )
    return replace(
        choice,
        text=texts.get(f"{base}.text", choice.text),
        feedback=texts.get(f"{base}.feedback", choice.feedback),
        next=next_,
    )


def apply_texts(scenario: Scenario, texts: dict[str, str], language: str) -> Scenario:
    """A copy of ``scenario`` with every text found in ``texts`` replaced; the rest keeps the original."""
    get = texts.get
    scenes = tuple(
        replace(
            scene,
            text=get(f"scenes.{scene.id}.text", scene.text),
            choices=tuple(_choice_with(c, f"scenes.{scene.id}.choices.{c.id}", texts) for c in scene.choices),
        )
        for scene in scenario.scenes
    )
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
        rules=tuple(replace(r, text=get(f"rules.{r.id}.text", r.text)) for r in scenario.rules),
        endings=tuple(
            replace(
                e,
                title=get(f"endings.{e.id}.title", e.title),
                text=get(f"endings.{e.id}.text", e.text),
            )
            for e in scenario.endings
        ),
    )
