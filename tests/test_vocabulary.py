"""One vocabulary and one palette: every front end says and colours a style, phase or rating the same way.

The game window, the projector, the terminal and the trainer's report are each run for real on the same
playthrough, in English and Spanish; what they show is compared with ``game.locale`` (the words) and
``game.locale.palette`` (the colours). The words the two pygame front ends draw are read as they are drawn
(every string the game's fonts render). A scan of every module under game/ fails when a front end keeps a
word or colour table of its own.
"""

from __future__ import annotations

import ast
import fnmatch
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.core.model import PHASES, RATINGS, STYLES
from game.core.session import Session
from game.locale import (
    TABLES,
    palette,
    phase_name,
    phase_short,
    phase_word,
    plural,
    rating_name,
    rating_title,
    rating_word,
    style_name,
    style_word,
)
from game.locale.plural_rules import category
from tests.conftest import ROOT
from tests.training.helpers import WORKSHOP, play_and_record, workshop

LANGUAGES = ("en", "es")
#: The playthrough every front end shows: the first choice on screen at each decision (seed 0).
PICKS = ["1"] * 4


def _played(language: str) -> Session:
    session = Session(workshop(language), seed=0)
    for pick in PICKS:
        session.choose(pick)
    assert session.finished and session.ending is not None
    return session


def _expected(language: str) -> tuple[set[str], set[str], str]:
    """The style names, phase names and the ending's rating of the playthrough, from the locale layer."""
    session = _played(language)
    styles = {style_name(language, o.style) for o in session.history}
    phases = {session.scenario.scene(o.scene_id).phase for o in session.history}
    assert session.ending is not None
    return styles, phases, session.ending.rating


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


# -- the words ------------------------------------------------------------------------------------------


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every string the game's fonts render while the test runs (the render cache emptied first)."""
    from game.ui import text, theme

    seen: list[str] = []
    original = theme._Font.render

    def render(self: theme._Font, value: str | bytes | None, *args: object, **kwargs: object) -> object:
        if isinstance(value, str):
            seen.append(value)
        return original(self, value, *args, **kwargs)

    text._RENDER_CACHE.clear()
    monkeypatch.setattr(theme._Font, "render", render)
    yield seen
    text._RENDER_CACHE.clear()


def _shows(seen: list[str], words: str) -> bool:
    """True when ``words`` were drawn, on one line or wrapped over consecutive ones (case aside)."""
    return _squash(words) in _squash(" ".join(seen))


@pytest.mark.ui
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_game_window_uses_the_locale_words(tmp_path: Path, drawn: list[str], language: str) -> None:
    from game.cli import main

    shots = tmp_path / "shots"
    args = ["--data", str(tmp_path / "data"), "play", str(WORKSHOP), "--lang", language]
    assert main([*args, "--choices", ",".join(PICKS), "--screenshots", str(shots)]) == 0
    assert any(p.name.endswith("overview.png") for p in shots.iterdir())  # the debrief was drawn
    styles, phases, rating = _expected(language)
    for name in styles:
        assert name in drawn, f"the game's debrief does not show the style {name!r}"
    for phase in phases:
        assert _shows(drawn, phase_name(language, phase)), phase
        assert phase_short(language, phase) in drawn or any(t.startswith(phase_short(language, phase)) for t in drawn)
    assert _shows(drawn, rating_title(language, rating))


@pytest.mark.ui
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_projector_uses_the_locale_words(tmp_path: Path, drawn: list[str], language: str) -> None:
    from game.cli import main

    session = Session(workshop(language), seed=0)
    keys = ["space"]
    pages = ["right"] * 3  # to the last page of a screen: Enter shows every page before it moves on
    while not session.finished:  # vote 5 for the first choice shown, reveal, play it, go on
        keys += [*pages, "enter", "5", "enter", *pages, "enter", *pages, "enter"]
        session.choose(1)
    args = ["--data", str(tmp_path / "data"), "facilitate", str(WORKSHOP), "--lang", language, "--cohort", "ROOM"]
    assert main([*args, "--keys", ",".join([*keys, "down"]), "--screenshots", str(tmp_path / "shots")]) == 0
    styles, phases, rating = _expected(language)
    for name in styles:
        assert _shows(drawn, name), f"the projector does not show the style {name!r}"
    for phase in phases - {"situation", "resolution"}:
        assert _shows(drawn, phase_name(language, phase)), phase
    assert _shows(drawn, rating_name(language, rating))
    assert not any(re.search(r"\w\((?:s|es)\)", t) for t in drawn), [t for t in drawn if "(s)" in t]
    assert _shows(drawn, plural(language, 5, "count.votes"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_terminal_uses_the_locale_words(language: str) -> None:
    from game.terminal import play_in_terminal

    out = io.StringIO()
    session = Session(workshop(language), seed=0)
    assert play_in_terminal(session, io.StringIO(""), out, scripted=PICKS) == 0
    text = " ".join(out.getvalue().split())
    _styles, phases, rating = _expected(language)
    for outcome in session.history:
        assert f"({style_word(language, outcome.style)})." in text
        assert style_word(language, outcome.style) == style_name(language, outcome.style).lower()
    for phase in phases - {"situation", "resolution"}:
        assert f"[{phase_word(language, phase).upper()}]" in text
    assert f"({rating_word(language, rating)}):" in text
    assert rating_word(language, rating) == rating_name(language, rating).lower()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_uses_the_locale_words_and_the_palette(tmp_path: Path, language: str) -> None:
    from game.training.record_store import open_records
    from game.training.report import render_report

    with open_records(tmp_path / "data", auto_send=False) as records:
        play_and_record(records, workshop(language), learner="Ana", choices=list(PICKS))
        html = render_report(records.playthroughs(), language, None, [WORKSHOP.parent])
    _styles, phases, rating = _expected(language)
    for style in STYLES:  # the profile's legend names every style
        assert f">{style_name(language, style)}<" in html
    for phase in phases - {"situation", "resolution"}:
        assert f">{phase_name(language, phase)}<" in html
    assert rating_name(language, rating) in html
    assert ":root{" + palette.css_variables() + "}" in html
    for style in STYLES:
        assert f"var(--style-{style})" in html
        assert f"--style-{style}:{palette.hex_colour(palette.style_colour(style))};" in html
    played = plural(language, 1, "generated", table=_report_words(language), date="")
    assert played.split()[-1].rstrip(".") in html and "(s)" not in html and "(es)" not in html


def _report_words(language: str) -> dict[str, str]:
    from game.training.report_text import words

    return words(language)


def test_every_front_end_shares_the_names() -> None:
    """The report's and projector's name views and the terminal's words are the locale's, in both languages."""
    from game.training.report_text import PHASE_NAMES, RATING_NAMES, STYLE_NAMES, name_of

    for language in LANGUAGES:
        for style in STYLES:
            assert name_of(STYLE_NAMES, language, style) == style_name(language, style)
            assert style_word(language, style) == style_name(language, style).lower()
        for phase in PHASES:
            assert name_of(PHASE_NAMES, language, phase) == phase_name(language, phase)
        for rating in RATINGS:
            assert name_of(RATING_NAMES, language, rating) == rating_name(language, rating)
        for rating in RATINGS:  # the ending screen's heading names the rating as the other front ends do
            stem = rating_name(language, rating).casefold()[:3]  # bueno -> "un buen resultado", malo -> "mal"
            assert stem in rating_title(language, rating).casefold(), (language, rating)
    # the wording the product uses (the game's; neutral Spanish)
    assert [style_name("es", s) for s in STYLES] == ["Asertiva", "Pasiva", "Agresiva", "Pasivo-agresiva"]
    assert phase_name("es", "limits") == "Marcar los límites"
    assert phase_name("en", "power") == "Determine the sources of power"
    assert phase_name("es", "cost") == "Definir el costo" and phase_short("es", "cost") == "Costo"
    assert phase_name("en", "cost") == "Define the cost" and phase_short("en", "cost") == "Cost"


def test_spanish_says_costo_everywhere() -> None:
    """Neutral Spanish, read from Mexico to Madrid: «costo», never the peninsular spelling ending in -e, in the
    game's words, the scenarios, the authoring tools' words and the docs."""
    peninsular = re.compile(r"\bcost[e]s?\b", re.IGNORECASE)  # [e]: so that a grep for the word finds nothing here
    places = [
        *(ROOT / "game").rglob("*.py"),
        *(ROOT / "game" / "scenarios").glob("*.es.yaml"),
        *(ROOT / "docs").glob("*.md"),
    ]
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in places
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if peninsular.search(line)
    ]
    assert not found, "write «costo»:\n" + "\n".join(found)
    assert all("costo" in TABLES["es"][key].lower() for key in ("phase.cost", "phase_short.cost", "picker.subtitle"))


# -- the colours ----------------------------------------------------------------------------------------


def _contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    def luminance(colour: tuple[int, int, int]) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_game_and_the_report_take_their_colours_from_the_palette() -> None:
    from game.training.report_text import METRIC_COLOURS, RATING_COLOURS, STYLE_COLOURS
    from game.ui.theme import Theme

    for high_contrast, contrast in ((False, "normal"), (True, "high_contrast")):
        theme = Theme((1280, 720), high_contrast=high_contrast)
        for style in STYLES:
            assert theme.style_color(style) == palette.style_colour(style, contrast)  # type: ignore[arg-type]
        for rating in RATINGS:
            assert theme.rating_color(rating) == palette.rating_colour(rating, contrast)  # type: ignore[arg-type]
        assert theme.colors.series == palette.SERIES_COLOURS[contrast]  # type: ignore[index]
    assert {s: palette.hex_colour(palette.style_colour(s)) for s in STYLES} == STYLE_COLOURS
    assert {r: palette.hex_colour(palette.rating_colour(r)) for r in RATINGS} == RATING_COLOURS
    assert tuple(palette.hex_colour(c) for c in palette.SERIES_COLOURS["normal"]) == METRIC_COLOURS
    assert palette.style_colour("passive-aggressive") == (128, 84, 146)  # purple everywhere, not amber


def test_palette_colours_are_readable_in_both_themes() -> None:
    from game.ui.theme import HIGH_CONTRAST, WARM

    for style in STYLES:  # a style's colour may colour its name
        colour = palette.style_colour(style)
        assert _contrast(colour, WARM.bg) >= 4.4 and _contrast(colour, (255, 255, 255)) >= 5, style
        assert _contrast(palette.style_colour(style, "high_contrast"), HIGH_CONTRAST.bg) >= 8, style
    for rating in RATINGS:  # a rating's colour fills a bar beside its name
        assert _contrast(palette.rating_colour(rating), WARM.bg) >= 3, rating
        assert _contrast(palette.rating_colour(rating, "high_contrast"), HIGH_CONTRAST.bg) >= 8, rating
    assert len(set(palette.STYLE_COLOURS["normal"].values())) == len(STYLES)
    assert len(set(palette.STYLE_COLOURS["high_contrast"].values())) == len(STYLES)


# -- plurals --------------------------------------------------------------------------------------------


def test_plural_rules() -> None:
    assert [category("en", n) for n in (0, 1, 2, 1.5, 1_000_000)] == ["other", "one", "other", "other", "other"]
    assert [category("es", n) for n in (0, 1, 2, 1.5, 1_000_000)] == ["other", "one", "other", "other", "many"]
    assert plural("en", 1, "count.votes") == "1 vote" and plural("en", 2, "count.votes") == "2 votes"
    assert plural("en", 0, "count.votes") == "0 votes"
    assert plural("es", 1, "count.votes") == "1 voto" and plural("es", 2, "count.votes") == "2 votos"
    assert plural("es", 1_000_000, "count.votes") == "1\u202f000\u202f000 votos"  # many falls back to other
    assert plural("es", 1, "count.decisions") == "1 decisión" and plural("es", 3, "count.errors") == "3 errores"
    assert plural("fr", 1, "count.votes") == "1 vote"  # an unknown language speaks English


def test_counted_texts_have_every_form_and_no_brackets() -> None:
    from game.training.report_text import TEXT

    for language, table in [*TABLES.items(), *TEXT.items()]:
        for key, text in table.items():
            assert not re.search(r"\w\((?:s|es|n)\)", text), f"{language} {key}: {text!r} (use plural forms)"
            if key.endswith(".one"):
                assert key.removesuffix(".one") + ".other" in table, f"{language}: {key} has no .other"


# -- no front end keeps its own table -------------------------------------------------------------------

#: The only modules that may spell out words or colours per style, phase or rating.
VOCABULARY_MODULES = ("game/locale/*",)

KINDS = {"style": set(STYLES), "phase": set(PHASES), "rating": set(RATINGS)}


def own_tables(path: Path) -> list[str]:
    """Each dict literal in ``path`` keyed by two or more ids of one kind: a word or colour table."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
            for kind, ids in KINDS.items():
                if len(keys & ids) >= 2:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: a table keyed by {kind} ids")
    return found


def test_no_front_end_defines_its_own_words_or_colours() -> None:
    allowed = VOCABULARY_MODULES
    found = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        if not any(fnmatch.fnmatch(path.relative_to(ROOT).as_posix(), pattern) for pattern in allowed):
            found += own_tables(path)
    assert not found, "words and colours belong in game/locale (and palette.py):\n" + "\n".join(found)


def test_the_scan_finds_a_table() -> None:
    module = ROOT / "game" / "locale" / "palette.py"
    assert own_tables(module)  # the palette's own tables are found (and allowed there only)
