"""spa-hotel keeps every fact of the seed article's worked example, in English and in Spanish.

tests/plans/spa-hotel.seed-facts.yaml lists each fact of the example (Mary's day spa, Rick's hotel, his ask, her
limit, the three decision points as the article applies them) with, per language, the text keys that tell it and
the words each of those texts must contain. A rewrite that drops a fact, or a translation that loses it, fails
here with the fact's id and the missing words.
"""

from __future__ import annotations

from functools import cache

import pytest

from game.core.texts import extract_texts
from game.paths import SCENARIOS
from tests.library.shipped import PLANS, loaded, read_plans

FACTS_FILE = PLANS / "spa-hotel.seed-facts.yaml"
LANGUAGES = ("en", "es")


@cache
def _facts() -> list[dict[str, object]]:
    data = read_plans(FACTS_FILE)
    assert data["scenario"] == "spa-hotel"
    facts = data["facts"]
    assert isinstance(facts, list)
    return facts


@cache
def _texts(language: str) -> dict[str, str]:
    result = loaded(SCENARIOS / "spa-hotel.yaml")
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    if language == result.scenario.language:
        return extract_texts(result.scenario)
    return result.translations[language]


def _plain(text: str) -> str:
    """Case and line breaks do not matter; narrow and ordinary spaces are one space."""
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split()).casefold()


def test_the_list_is_complete_and_well_formed() -> None:
    facts = _facts()
    ids = [f["id"] for f in facts]
    assert len(ids) == len(set(ids)), "fact ids are unique"
    assert len(facts) >= 20, "every fact of the worked example is listed"
    for fact in facts:
        assert fact.get("fact"), f"{fact['id']}: says which fact it is"
        for language in LANGUAGES:
            carriers = fact.get(language)
            assert isinstance(carriers, dict) and carriers, f"{fact['id']}: no {language} text carries it"
            for key, words in carriers.items():
                assert isinstance(words, list) and words, f"{fact['id']}: {language} {key} lists no words"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fact", _facts(), ids=[str(f["id"]) for f in _facts()])
def test_the_fact_is_told(fact: dict[str, object], language: str) -> None:
    texts = _texts(language)
    carriers = fact[language]
    assert isinstance(carriers, dict)
    for key, words in carriers.items():
        assert key in texts, f"{fact['id']}: spa-hotel has no {language} text {key!r}"
        text = _plain(texts[key])
        missing = [w for w in words if _plain(w) not in text]
        assert not missing, f"{fact['id']}: {language} {key} no longer says {missing}: {texts[key]!r}"
