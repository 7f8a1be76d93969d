"""Formatting numbers and deltas for people: signs and words, never colour alone, in the reader's language.

English writes ``85,000 $/month``, ``2.5%`` and ``▲ +3,000 $/month``. Spanish follows the RAE, the same from
Mexico to Madrid: no separator in a number of four digits (``7100``), a narrow no-break space between groups
of three in longer ones (``85\u202f000``), a decimal comma (``2,5 %``) and a space before ``%``. The window
draws the narrow space with the font's thin space and never breaks a line there. Any other language is
written the English way.
"""

from __future__ import annotations

from game.core.model import Metric

#: language -> (thousands separator, decimal separator, text between a number and ``%``)
_CONVENTIONS: dict[str, tuple[str, str, str]] = {
    "en": (",", ".", ""),
    "es": ("\u202f", ",", " "),
}


def _conventions(language: str) -> tuple[str, str, str]:
    return _CONVENTIONS.get(language, _CONVENTIONS["en"])


def format_number(value: float, language: str = "en", digits: int | None = None) -> str:
    """A number with the language's separators, e.g. ``85,000`` / ``2.5`` (``85\u202f000`` / ``2,5`` in Spanish).

    With ``digits`` None, whole numbers and numbers of 100 or more get no decimals and others get one.
    """
    if digits is None:
        digits = 0 if float(value).is_integer() or abs(value) >= 100 else 1
    english = f"{value:,.{digits}f}"
    thousands, decimal, _ = _conventions(language)
    if (thousands, decimal) == (",", "."):
        return english
    whole = english.split(".")[0].lstrip("-")
    if len(whole.replace(",", "")) <= 4:  # RAE: 7100, not 7 100
        english = english.replace(",", "")
    return english.translate({ord(","): thousands, ord("."): decimal})


def with_unit(number: str, unit: str, language: str = "en") -> str:
    """A formatted number followed by its unit: ``72%`` / ``72 %`` (Spanish), ``85,000 $/month``."""
    if not unit:
        return number
    if unit.strip() == "%":
        return f"{number}{_conventions(language)[2]}%"
    return f"{number} {unit}"


def format_value(value: float, metric: Metric, language: str = "en") -> str:
    """A metric value with thousands separators and its unit, e.g. ``85,000 $/month`` or ``72%``.

    In Spanish (``language="es"``): ``85\u202f000 $/mes``, ``7100 $/mes``, ``72 %``, ``2,5 %``.
    """
    return with_unit(format_number(value, language), metric.unit, language)


def format_delta(delta: float, metric: Metric, language: str = "en", *, arrow: bool = True) -> str:
    """A signed change with an arrow, e.g. ``▲ +3,000 $/month`` or ``▼ −12%`` (``▼ −12 %`` in Spanish).

    ``arrow=False`` leaves the arrow out (``+3,000 $/month``), for screens that draw it as a shape.
    """
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    text = f"{sign}{format_value(abs(delta), metric, language)}"
    if not arrow:
        return text
    return f"{'▲' if delta > 0 else '▼' if delta < 0 else '='} {text}"
