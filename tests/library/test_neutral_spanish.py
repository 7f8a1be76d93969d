"""Spanish for the whole Spanish-speaking world: no peninsular markers, one number style, unambiguous money.

Every Spanish text of the game — the scenario translations and the interface strings — is read here. The
markers are the ones a reader in Mexico, Bogotá or Buenos Aires trips over: the «vosotros» forms, words that
are vulgar or unknown in much of Latin America, and calques from English that a native speaker would not write.
"""

from __future__ import annotations

import re

import pytest

from game.locale import es
from tests.conftest import ROOT

SPANISH_FILES = sorted((ROOT / "game" / "scenarios").glob("*.es.yaml"))

#: (pattern, why) — whole words, case-insensitive.
MARKERS: list[tuple[str, str]] = [
    (r"vosotr[oa]s|vuestr[oa]s?", "«vosotros»: write «ustedes»"),
    (r"\b(?!(?:dieci|veinti)séis\b)\w+(?:áis|éis)\b", "a «vosotros» verb form: write the «ustedes» form"),
    (r"\b(?:sois|os)\b", "«vosotros»: write «ustedes» / «les»"),
    (
        r"\bcog(?:er|e|es|emos|en|ió|iste|ido|iendo|ía)\b",
        "«coger» is vulgar in much of Latin America: «tomar», «agarrar»",
    ),
    (r"\bvale\b[.,!?]", "«vale» as «OK» is peninsular: «de acuerdo», «bien»"),
    (r"\bchaval", "peninsular slang"),
    (r"\bcalderilla\b", "peninsular slang: «monedas», «cambio»"),
    (r"\bpillad[oa]\b", "peninsular slang"),
    (r"\bapaño\b", "peninsular slang: «arreglo»"),
    (r"\bescuece\b", "peninsular: «duele», «arde»"),
    (r"\bmóvil(?:es)?\b", "peninsular: «celular» or «teléfono»"),
    (r"\bordenador(?:es)?\b", "peninsular: «computadora»"),
    (r"pasarse de frenada", "peninsular slang"),
    (r"aporta[sn]? a la mesa", "a calque of «bring to the table»: «lo que ofreces», «lo que pones de tu parte»"),
    (r"con (?:el|la|los|las) que (?:puede|puedes|pueden) vivir", "a calque of «can live with»: «que puede aceptar»"),
    (r"en su mejor versión", "a calque of «at its best»"),
    (r"\bcostes?\b", "peninsular: «costo», «costos»"),
]
#: A number in the old style (85.000 or 6.000): the RAE writes 85 000 (narrow no-break space) and 6000.
OLD_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d])")
#: A bare dollar sign reads as pesos in much of Latin America: write US$.
BARE_DOLLAR = re.compile(r"(?<!US)\$")


def _texts() -> list[tuple[str, int, str]]:
    found = []
    for path in SPANISH_FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.lstrip().startswith("#"):
                found.append((path.name, number, line))
    for key, value in vars(es).items():
        if isinstance(value, dict):
            for inner, text in value.items():
                if isinstance(text, str):
                    found.append((f"game/locale/es.py {key}[{inner}]", 0, text))
    return found


def test_there_are_spanish_texts_to_read() -> None:
    assert len(SPANISH_FILES) >= 5 and len(_texts()) > 1000


@pytest.mark.parametrize(("pattern", "why"), MARKERS, ids=[m[0][:24] for m in MARKERS])
def test_no_peninsular_markers(pattern: str, why: str) -> None:
    marker = re.compile(pattern, re.IGNORECASE)
    hits = [f"{where}:{line}: {text.strip()[:90]}" for where, line, text in _texts() if marker.search(text)]
    assert not hits, f"{why}:\n" + "\n".join(hits[:20])


def test_one_number_style_and_unambiguous_money() -> None:
    old = [f"{w}:{n}: {m.group()}" for w, n, t in _texts() if (m := OLD_NUMBER.search(t))]
    why = "numbers in the old style (write 85 000 with a narrow no-break space, and 6000):\n"
    assert not old, why + "\n".join(old[:20])
    dollars = [f"{w}:{n}: {t.strip()[:90]}" for w, n, t in _texts() if BARE_DOLLAR.search(t)]
    assert not dollars, "a bare $ reads as pesos: write US$\n" + "\n".join(dollars[:20])
