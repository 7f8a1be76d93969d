"""Every text of the game window in English and Spanish.

``tr("key", name=...)`` returns the string for the current language with ``{name}`` filled in; the
tables live in ``en.py`` and ``es.py`` and hold the same keys (a test checks). Scenario text is not
here: it comes from the scenario files and their translations.
"""

from __future__ import annotations

from game.locale.en import STRINGS as EN
from game.locale.es import STRINGS as ES

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
    text = TABLES[_current].get(key) or EN.get(key) or key
    return text.format(**values) if values else text
