"""Plural rules: which form of a counted word a number takes, per language (CLDR's cardinal rules).

A text that counts something has one entry per form in the locale tables, with the form's CLDR name as the
last part of the key: ``count.votes.one`` = ``{n} vote`` and ``count.votes.other`` = ``{n} votes``. The
rule below picks the form; ``game.locale.plural`` fills it in.

Why a small table and not Babel or gettext: the game speaks two languages whose rules are two lines each
(from the Unicode CLDR plural rules, which Babel and gettext also follow), and Babel would add about 30 MB of
locale data to an installer that ships none; gettext's ``ngettext`` would move every text into ``.po``/``.mo``
catalogues and a compile step, for the same two rules. A third language adds its rule here and its forms
to its table (a missing form falls back to ``other``).

The rules, for a whole number ``n`` (counts are whole):

* English: ``one`` for 1; ``other`` for everything else (0 votes, 2 votes).
* Spanish: ``one`` for 1; ``many`` for a non-zero multiple of a million (``1 000 000 de votos``);
  ``other`` for everything else (0 votos, 2 votos). The tables need not spell ``many``: it falls back to
  ``other``.

A number with decimals (``1.5``) is ``other`` in both languages.
"""

from __future__ import annotations

from collections.abc import Callable

#: The CLDR plural categories, in CLDR's order.
CATEGORIES: tuple[str, ...] = ("zero", "one", "two", "few", "many", "other")


def _english(n: int) -> str:
    return "one" if n == 1 else "other"


def _spanish(n: int) -> str:
    if n == 1:
        return "one"
    if n != 0 and n % 1_000_000 == 0:
        return "many"
    return "other"


#: language -> the rule for a whole number
RULES: dict[str, Callable[[int], str]] = {"en": _english, "es": _spanish}


def category(language: str, n: float) -> str:
    """The CLDR plural category of ``n`` in ``language`` (English's rule for an unknown language)."""
    if not float(n).is_integer():
        return "other"
    return RULES.get(language, _english)(abs(int(n)))


def form_keys(language: str, n: float, key: str) -> tuple[str, ...]:
    """The keys to try, in order, for ``key`` counted ``n`` times: its own form, then ``other``."""
    own = f"{key}.{category(language, n)}"
    other = f"{key}.other"
    return (own,) if own == other else (own, other)
