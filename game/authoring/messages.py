"""The authoring tools' words in the author's language: every diagnostic message and hint, in English and Spanish.

Messages are built in English where a problem is found (the checkers stay simple and the English output
stays exactly as it is). This catalogue gives each message a key, its English template and its Spanish
template; :func:`localize` recognizes a finished English message by its template, then rebuilds it in
Spanish, translating the parts it was built from (``scene 'hello'``, ``the text of choice 'bye'``) the same
way. Ids, codes, keys and the author's own text are never translated.

A message no template recognizes stays English; ``tests/authoring/test_spanish_tools.py`` runs every
documented example in Spanish and fails on any such message, so a new message needs its entry here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from string import Formatter

from game.authoring.diagnostics import Diagnostic
from game.authoring.messages_es import FRAGMENTS, MESSAGES, WORDS
from game.authoring.toolwords import COMMANDS, EXPLORE, GRAPH
from game.authoring.trainerwords import NESTED, TRAINER, TRAINER_MESSAGES
from game.core.format import format_number
from game.locale.plural_rules import CATEGORIES, form_keys

#: The placeholders that hold our own words (translated in turn); every other one holds the author's
#: words, ids or keys, which are never translated.
DESCRIBED = frozenset(("what", "owner", "problem", "detail", "reason", "got", "keys", "strategies", "block", "why"))

__all__ = [
    "FRAGMENTS",
    "MESSAGES",
    "WORDS",
    "counted",
    "localize",
    "localize_diagnostic",
    "percent_es",
    "phrase",
    "recognized",
    "trainer_message",
    "word",
]


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The English template as a regular expression that captures its placeholders (``{{`` is a brace)."""
    parts: list[str] = []
    seen: set[str] = set()
    for literal, name, _spec, _conversion in Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            lazy = "" if name == "what" else "?"  # "what" is the longest start: "variant 1 of scene 'a'"
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+{lazy})")
            seen.add(name)
    return re.compile("".join(parts), re.S)


def _match(text: str, table: dict[str, tuple[str, str]]) -> tuple[str, dict[str, str]] | None:
    """The key and placeholder values of the first template of ``table`` that ``text`` is written in."""
    for key, (english, _spanish) in table.items():
        found = _pattern(english).fullmatch(text)
        if found is not None:
            return key, found.groupdict()
    return None


def _part(value: str, lang: str) -> str:
    """A placeholder's value: a fragment ("scene 'hello'") in ``lang``, or the author's own words as written."""
    pieces = value.split("; ")
    if len(pieces) > 1 and all(_match(piece, FRAGMENTS) for piece in pieces):  # "asked is 0; reputation is 5"
        return "; ".join(_part(piece, lang) for piece in pieces)
    found = _match(value, FRAGMENTS)
    if found is None:
        for separator in ("; ", ", "):  # a list of parts ("asked is 0; reputation is 5")
            pieces = value.split(separator)
            if len(pieces) > 1 and any(_match(piece, FRAGMENTS) for piece in pieces):
                return separator.join(_part(piece, lang) for piece in pieces)
        return value
    key, values = found
    if key == "value_is" and not (_NAME.fullmatch(values["name"]) and _VALUE.fullmatch(values["value"])):
        return value  # "x is 5": a metric or flag and its value, one word each; anything else is not ours
    return FRAGMENTS[key][1].format(**_parts(values, lang))


_NAME = re.compile(r"[\w.]+")
_VALUE = re.compile(r"-?[\w.+∞]+|\[[^\]]*\]")  # 5, -2.5, 1e+06, ∞, [0, 100]

#: Placeholders that hold a figure of ours (never the author's text): written with the language's separators.
FIGURES = frozenset(("count", "n", "w", "h", "side", "total", "limit", "size"))
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
#: Placeholders that hold a computed decimal of ours (a sum of probabilities): a decimal comma in Spanish.
DECIMALS = frozenset(("sum",))
_DECIMAL = re.compile(r"-?\d+\.\d+")
_CHANCE = re.compile(r"\[chance (\d+)%\]")
_CHANCE_WORD = EXPLORE["x.chance"]


def _parts(values: dict[str, str], lang: str) -> dict[str, str]:
    """Placeholder values for the ``lang`` template: our own words translated, our figures written the
    language's way (``100 000``), the author's words kept."""
    out = {}
    for name, value in values.items():
        if name in DESCRIBED:
            value = _part(value, lang)
        elif name in FIGURES and _GROUPED.fullmatch(value):
            value = format_number(int(value.replace(",", "")), lang)
        elif name in DECIMALS and lang == "es" and _DECIMAL.fullmatch(value):
            value = value.replace(".", ",")
        elif name == "command" and lang == "es" and value.startswith("sticky "):  # keep the author in Spanish
            value = "sticky --lang es " + value.removeprefix("sticky ")
        elif "[chance " in value and lang == "es":  # a path: "a → b [chance 75%] → end" (ids hold no "[")
            value = _CHANCE.sub(lambda m: f"[{_CHANCE_WORD[1]} {m.group(1)} %]", value)
        out[name] = value
    return out


def recognized(text: str) -> bool:
    """True when the catalogue knows the message ``text`` (so it can be given in every language)."""
    return not text or _match(text, MESSAGES) is not None


def localize(text: str, lang: str | None) -> str:
    """``text`` (a message or hint built in English) in ``lang``; unchanged for English or an unknown message."""
    if not text or lang in (None, "en"):
        return text
    found = _match(text, MESSAGES)
    if found is None:
        return text
    key, values = found
    return _contract(_counted_form(key, values, lang).format(**_parts(values, lang)))


def _counted_form(key: str, values: dict[str, str], lang: str) -> str:
    """The ``lang`` template of ``key``; for a counted message (``s601.one``/``s601.other``), the form the
    language's own plural rule picks for its ``{n}``, not the English form the message was found in."""
    base, _, form = key.rpartition(".")
    figure = values.get("n", "").replace(",", "")
    if form in CATEGORIES and figure.isdigit():
        for candidate in form_keys(lang, int(figure), base):
            if candidate in MESSAGES:
                return MESSAGES[candidate][1]
    return MESSAGES[key][1]


def _contract(text: str) -> str:
    """Spanish contractions where a part was put after "de" or "a": "de el texto" is "del texto"."""
    return text.replace(" de el ", " del ").replace(" a el ", " al ")


def localize_diagnostic(diagnostic: Diagnostic, lang: str | None) -> Diagnostic:
    """The diagnostic with its message and hint in ``lang`` (code, place and severity unchanged)."""
    if lang in (None, "en"):
        return diagnostic
    return replace(diagnostic, message=localize(diagnostic.message, lang), hint=localize(diagnostic.hint, lang))


def phrase(text: str, lang: str | None) -> str:
    """A part of a message shown on its own (a strategy's name, "the text of scene 'a'") in ``lang``."""
    return text if lang in (None, "en") else _contract(_part(text, lang))


def word(key: str, lang: str | None, **values: object) -> str:
    """A fixed phrase of the tools (a heading, a summary line) in ``lang``, with ``values`` filled in."""
    table = next((t for t in (WORDS, EXPLORE, COMMANDS, TRAINER) if key in t), GRAPH)
    english, spanish = table.get(key) or (key.rsplit(".", 1)[-1],) * 2  # an unknown style or rating: as written
    return (spanish if lang == "es" else english).format(**values)


@cache
def _catalogue(lang: str) -> dict[str, str]:
    """Every template of the tools in ``lang`` ("en" or "es"), by key, looked up as :func:`word` does."""
    index = 1 if lang == "es" else 0
    view: dict[str, str] = {}
    for table in (
        TRAINER,
        GRAPH,
        COMMANDS,
        EXPLORE,
        WORDS,
        MESSAGES,
    ):  # a later table wins: word()'s order, then MESSAGES
        view.update((key, texts[index]) for key, texts in table.items())
    return view


def counted(key: str, lang: str | None, n: int, /, **values: object) -> str:
    """A phrase of the tools that counts ``n`` things, in ``lang``, in the form the language's plural rule
    (``game.locale.plural_rules``) picks: ``1 file checked``, ``2 files checked``, ``1 archivo revisado``.

    The forms are the catalogue's ``key.one`` and ``key.other``; ``{n}`` is the count written the language's
    way (``2,000`` in English, ``2000`` and ``12 345`` in Spanish)."""
    language = "es" if lang == "es" else "en"
    view = _catalogue(language)
    form = next(form for form in form_keys(language, n, key) if form in view)
    return view[form].format(n=format_number(n, language), **values)


def percent_es(value: float, digits: int = 1) -> str:
    """A share as a Spanish percentage, the RAE way: ``2,5 %``, ``100 %``."""
    return f"{format_number(value * 100, 'es', digits)} %"


_WHERE = "(?: in cohort .+?)?"  # the only {where} of the trainer's messages, or nothing


@cache
def _loose_pattern(template: str) -> re.Pattern[str]:
    """The English template as a regular expression; ``{where}`` may be empty (" in cohort B" or nothing)."""
    parts: list[str] = []
    for literal, name, _spec, _conversion in Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>{_WHERE if name == 'where' else '.+?'})")
    return re.compile("".join(parts), re.S)


#: The placeholders of the trainer's messages that hold a count, written the language's way in Spanish.
_COUNTS = frozenset(("n", "limit", "low", "high", "max"))


def trainer_message(text: str, lang: str | None) -> str:
    """A message built in English by ``game.training`` (a refused record, a damaged database) in ``lang``;
    unchanged for English or a message ``TRAINER_MESSAGES`` does not know."""
    if not text or lang in (None, "en"):
        return text
    for english, spanish in TRAINER_MESSAGES.values():
        found = _loose_pattern(english).fullmatch(text)
        if found is None:
            continue
        values = dict(found.groupdict())
        for name, value in values.items():
            if name in NESTED:
                values[name] = trainer_message(value, lang)
            elif name in _COUNTS and (value.isdigit() or _GROUPED.fullmatch(value)):
                values[name] = format_number(int(value.replace(",", "")), "es")
        return spanish.format(**values)
    return text
