"""The one vocabulary: every word of the game window, terminal play, the projector and the trainer's report
that is not scenario text, in English and Spanish.

``tr("key", name=...)`` returns the string for the current language with ``{name}`` filled in; the
tables live in ``en.py`` and ``es.py`` and hold the same keys (a test checks). ``tr_in(lang, "key")`` reads
the same tables in a given language, for the terminal, the command line, the projector and the report.
Scenario text is not here: it comes from the scenario files and their translations.

The names of the decision points, styles and ratings (:func:`phase_name`, :func:`style_name`,
:func:`rating_name` and their lower-case forms), counted words (:func:`plural`, with the rules of
``plural_rules.py``) and percentages (:func:`percent`) are read through the functions below by every front end;
none keeps a table of its own (tests/test_vocabulary.py checks). Their colours are in ``palette.py``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from game.locale import plural_rules as _plural
from game.locale.en import STRINGS as EN
from game.locale.es import STRINGS as ES

if TYPE_CHECKING:  # the title screen reads strings long before any scenario is loaded
    from game.core.model import Metric

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
TABLES: dict[str, dict[str, str]] = {"en": EN, "es": ES}

_current = "en"


def set_language(language: str) -> None:
    """Switch all UI text to ``language`` (English when unknown)."""
    global _current
    _current = language if language in TABLES else "en"


def language() -> str:
    """The current UI language."""
    return _current


def tr(key: str, **values: object) -> str:
    """The UI string for ``key`` in the current language, with ``{placeholders}`` filled in."""
    return tr_in(_current, key, **values)


def tr_in(language: str, key: str, **values: object) -> str:
    """The string for ``key`` in ``language`` (English when unknown), filled in; the current language is
    left alone. For output that follows a scenario's language rather than the window's: the terminal
    (`sticky play --text`) and `sticky replay`."""
    table = TABLES.get(language, EN)
    text = table.get(key) or EN.get(key) or key
    return text.format(**values) if values else text


def plural(language: str, n: float, key: str, *, table: Mapping[str, str] | None = None, **values: object) -> str:
    """The form of ``key`` for the count ``n`` in ``language``, filled in: ``plural("en", 1, "count.votes")``
    is ``1 vote``, ``plural("es", 2, "count.votes")`` is ``2 votos``. ``{n}`` is the count written the
    language's way (``1 000 000`` in Spanish); other ``{placeholders}`` come from ``values``. The forms are
    ``key.one``, ``key.other`` (see ``game.locale.plural_rules``) in the locale tables, or in ``table`` when given
    (a front end's own sentences, such as the report's)."""
    tables = [table] if table is not None else [TABLES.get(language, EN), EN]
    return _counted(tables, language, n, key, values)


def tr_count(key: str, n: float, **values: object) -> str:
    """:func:`plural` in the current language."""
    return _counted([TABLES.get(_current, EN), EN], _current, n, key, values)


def _counted(tables: Sequence[Mapping[str, str]], language: str, n: float, key: str, values: dict[str, object]) -> str:
    from game.core.format import format_number

    for form in _plural.form_keys(language, n, key):
        for source in tables:
            text = source.get(form)
            if text:
                return text.format(n=format_number(n, language), **values)
    return key


def percent(language: str, share: float) -> str:
    """A share of 0..1 as a whole percentage, written the language's way: ``45%``, ``45 %`` in Spanish."""
    from game.core.format import format_number, with_unit

    return with_unit(format_number(round(share * 100), language), "%", language)


def phase_name(language: str, phase: str) -> str:
    """A decision point's full name: ``Set the limits`` (English), ``Marcar los límites`` (Spanish)."""
    return tr_in(language, f"phase.{phase}")


def phase_short(language: str, phase: str) -> str:
    """A decision point's one-word name, for tabs and headings: ``Limits``, ``Límites``."""
    return tr_in(language, f"phase_short.{phase}")


def style_name(language: str, style: str) -> str:
    """A choice's assertiveness style as a label: ``Assertive`` (English), ``Asertiva`` (Spanish)."""
    return tr_in(language, f"style.{style}")


def rating_name(language: str, rating: str) -> str:
    """An ending's rating as a label: ``Best`` (English), ``Excelente`` (Spanish)."""
    word = rating_word(language, rating)
    return word[:1].upper() + word[1:]


def rating_title(language: str, rating: str) -> str:
    """An ending's rating as a heading: ``Best outcome`` (English), ``Un resultado excelente`` (Spanish); it
    holds the rating's name (:func:`rating_name`), as every front end words it."""
    return tr_in(language, f"rating.{rating}")


def news_word(language: str, metric: Metric, delta: float) -> str:
    """``better`` or ``worse`` for a change of ``metric`` (its ``better:`` honoured), empty for no change."""
    if not delta:
        return ""
    from game.core.scoring import is_improvement

    return tr_in(language, "delta.better" if is_improvement(metric, delta) else "delta.worse")


def judged_change(language: str, text: str, metric: Metric, delta: float) -> str:
    """A formatted change (or any text about it) with the word that says whether it is good news for the
    metric: ``▲ +15 % (worse)`` for a rise of a ``better: lower`` metric; the text alone for no change."""
    word = news_word(language, metric, delta)
    return tr_in(language, "delta.judged", delta=text, verdict=word) if word else text


def phase_word(language: str, phase: str) -> str:
    """A decision point's short name in lower case, for plain text: ``cost`` (English), ``costo`` (Spanish)."""
    return phase_short(language, phase).lower()


def style_word(language: str, style: str) -> str:
    """A choice's style in lower case, for plain text: ``assertive`` (English), ``asertiva`` (Spanish)."""
    return style_name(language, style).lower()


def rating_word(language: str, rating: str) -> str:
    """An ending's rating as one word, for plain text: ``best`` (English), ``excelente`` (Spanish)."""
    return tr_in(language, f"rating_word.{rating}")


def technique_name(language: str, technique: str) -> str:
    """A glossary technique's name: ``Broken record`` (English), ``Técnica del disco rayado`` (Spanish)."""
    return tr_in(language, f"technique.{technique}")


def technique_about(language: str, technique: str) -> str:
    """A glossary technique's one-line definition in ``language``."""
    return tr_in(language, f"technique.{technique}.about")


def model_line_part(language: str, part: str) -> str:
    """The name of a model line's part: ``Limit`` (English), ``Límite`` (Spanish)."""
    return tr_in(language, f"model_line.{part}")
