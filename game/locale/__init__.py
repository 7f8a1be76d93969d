"""Every text of the game window and of terminal play in English and Spanish.

``tr("key", name=...)`` returns the string for the current language with ``{name}`` filled in; the
tables live in ``en.py`` and ``es.py`` and hold the same keys (a test checks). ``tr_in(lang, "key")`` reads
the same tables in a given language, for the terminal and the command line. Scenario text is not here: it
comes from the scenario files and their translations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    """A decision point's short name in lower case, for plain text: ``cost`` (English), ``coste`` (Spanish)."""
    return tr_in(language, f"phase_short.{phase}").lower()


def style_word(language: str, style: str) -> str:
    """A choice's style in lower case, for plain text: ``assertive`` (English), ``asertiva`` (Spanish)."""
    return tr_in(language, f"style.{style}").lower()


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
