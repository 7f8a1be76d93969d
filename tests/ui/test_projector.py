"""The projector reads from the back of the room: sizes measured, nothing cut, every page looked at.

Every page of every step of whole group sessions is drawn headless (dummy video driver, real pygame surfaces)
at 1280x720 and 1920x1080, in English and Spanish, on the workshop scenario, the flagship and a scenario with
very long choices. What was written is read back from the view's ``ink``: the font of every text the room
reads is measured against the screen height (a capital letter at least 3 % of it), every text must sit
inside the screen and inside its box, and every choice must be written whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pygame
import pytest

from game.authoring.load import load_scenario
from game.core.model import Scenario
from game.core.session import Session
from game.paths import SCENARIOS
from game.training.facilitate_model import GroupPlay
from game.ui import text as txt
from game.ui.facilitate.pages import Ink, Piece, Written, paginate
from game.ui.facilitate.view import View, projector_theme

WORKSHOP = Path(__file__).resolve().parents[1] / "training" / "data" / "workshop.yaml"
SIZES = [(1280, 720), (1920, 1080)]
#: Other screens a room may have: 4:3 projectors and an ultra-wide one.
OTHER_SIZES = [(1024, 768), (800, 600), (2560, 1080)]
LANGUAGES = ["en", "es"]
LONG = (
    "Tell her calmly that the rush costs three hundred euros of overtime, that the paper was promised to another "
    "client, and that you can print half tonight and the rest by noon if she confirms within the hour."
)
LONG_ES = (
    "Explicarle con calma que la urgencia cuesta trescientos euros de horas extra, que el papel estaba prometido a "
    "otro cliente y que pueden imprimir la mitad esta noche y el resto antes del mediodía si lo confirma en una hora."
)


@pytest.fixture(autouse=True)
def _headless() -> None:
    pygame.display.init()
    pygame.font.init()


@cache
def scenario(name: str, language: str) -> Scenario:
    """A scenario by name: ``workshop``, ``spa-hotel`` or ``long`` (the workshop with very long choices)."""
    if name == "spa-hotel":
        result = load_scenario(SCENARIOS / "spa-hotel.yaml")
    elif name == "long":
        import tempfile

        folder = Path(tempfile.mkdtemp())
        for suffix, long in (("", LONG), (".es", LONG_ES)):
            text = (WORKSHOP.parent / f"workshop{suffix}.yaml").read_text(encoding="utf-8")
            count = iter(range(1, 100))

            def longer(match: re.Match[str], long: str = long, count: Iterator[int] = count) -> str:
                return f'{match.group(1)}"{long} ({next(count)})"'

            text = re.sub(r'(\n {8}text: )"[^"\n]*"', longer, text)
            (folder / f"workshop{suffix}.yaml").write_text(text, encoding="utf-8")
        result = load_scenario(folder / "workshop.yaml")
    else:
        result = load_scenario(WORKSHOP)
    shown = result.localized(language)
    assert shown is not None, result
    return shown


@dataclass
class Page:
    """One page as the room saw it."""

    step: str
    number: int
    surface: pygame.Surface
    written: list[Written]
    hint: str
    subtitle: str


def session_pages(name: str, language: str, size: tuple[int, int], votes: tuple[int, ...] = (5, 2, 1)) -> list[Page]:
    """Every page of every step of a whole group session: the room votes ``votes`` for the choices in the
    order shown, the majority is played."""
    play = GroupPlay(Session(scenario(name, language), seed=0), None, countdown=90)
    view = View(play, projector_theme(size), language)
    surface = pygame.Surface(size)
    pages: list[Page] = []

    def keep() -> None:
        pages.append(Page(play.step, view.page, surface.copy(), view.ink.written, view.hint_text(), view.subtitle()))

    def look() -> None:
        view.draw(surface)
        if play.step == "vote":  # the page follows the row being typed
            seen = set()
            for row in range(len(play.choices)):
                play.selected = row
                view.draw(surface)
                if view.page not in seen:
                    seen.add(view.page)
                    keep()
            return
        for number in range(view.page_count):
            view.page = number
            view.draw(surface)
            keep()

    while True:
        look()
        if play.step == "debrief":
            return pages
        play.start_voting()
        for i, n in zip(range(len(play.choices)), votes, strict=False):
            play.selected = i
            for digit in str(n):
                play.type_digit(digit)
        look()
        play.reveal()
        look()
        assert play.play() is not None
        look()
        play.next()


@cache
def all_pages(name: str, language: str, size: tuple[int, int]) -> list[Page]:
    return session_pages(name, language, size)


def cap_height(font: pygame.font.Font) -> int:
    """The height of a capital letter as drawn (what a reader at the back sees)."""
    return int(font.render("H", True, (0, 0, 0)).get_bounding_rect().height)


CASES = [
    (name, language, size) for name in ("workshop", "spa-hotel", "long") for language in LANGUAGES for size in SIZES
]


@pytest.mark.parametrize(("name", "language", "size"), CASES)
def test_the_room_reads_from_the_back(name: str, language: str, size: tuple[int, int]) -> None:
    overflows = len(txt.OVERFLOWS)
    pages = all_pages(name, language, size)
    assert {p.step for p in pages} == {"discuss", "vote", "reveal", "outcome", "debrief"}
    screen = pygame.Rect((0, 0), size)
    least = 0.03 * size[1]
    for page in pages:
        room = [w for w in page.written if w.room]
        assert room, page.step
        for written in room:
            assert cap_height(written.font) >= least, (page.step, written.text, cap_height(written.font), least)
        for written in page.written:
            assert screen.contains(written.rect), (page.step, page.number, written.text, written.rect)
            assert written.bounds.contains(written.rect), (page.step, page.number, written.text, written.rect)
    assert len(txt.OVERFLOWS) == overflows, txt.OVERFLOWS[overflows:]


@pytest.mark.parametrize(("name", "language", "size"), CASES)
def test_every_choice_is_written_whole_and_as_large_as_the_question(
    name: str, language: str, size: tuple[int, int]
) -> None:
    pages = all_pages(name, language, size)
    scen = scenario(name, language)
    choices = {c.text for scene in scen.scenes for c in scene.choices}
    for step in ("discuss", "vote", "reveal"):
        for decision in _decisions(pages, step):
            texts = {w.text for page in decision for w in page.written}
            shown = texts & choices
            assert shown, (step, sorted(texts)[:5])
    debrief = {w.text for page in pages if page.step == "debrief" for w in page.written}
    assert sum(1 for text in choices if text in debrief) >= 4  # every choice of every decision played
    from game.locale import tr_in

    questions = {*dict(scen.reflection).values(), tr_in(language, "facilitate.no_question")}
    discuss = [w for page in pages if page.step == "discuss" for w in page.written]
    question = max(cap_height(w.font) for w in discuss if w.text in questions)
    assert all(cap_height(w.font) >= question for w in discuss if w.text in choices)


def _decisions(pages: list[Page], step: str) -> list[list[Page]]:
    """The pages of ``step``, grouped by decision (a new group each time the step starts at page 0)."""
    groups: list[list[Page]] = []
    for page in pages:
        if page.step == step:
            if page.number == 0 or not groups:
                groups.append([])
            groups[-1].append(page)
    return groups


@pytest.mark.parametrize("size", OTHER_SIZES)
def test_other_projectors_read_from_the_back_too(size: tuple[int, int]) -> None:
    overflows = len(txt.OVERFLOWS)
    pages = session_pages("long", "es", size)
    screen = pygame.Rect((0, 0), size)
    for page in pages:
        for written in page.written:
            assert screen.contains(written.rect) and written.bounds.contains(written.rect), written.text
            assert not written.room or cap_height(written.font) >= 0.03 * size[1], written.text
    assert len(txt.OVERFLOWS) == overflows


def test_long_choices_get_pages_not_smaller_text() -> None:
    pages = all_pages("long", "es", (1280, 720))
    discuss = _decisions(pages, "discuss")[1]
    assert len(discuss) >= 2  # the scene and the question, then the long choices on their own page
    written = [w.text for page in discuss for w in page.written]
    assert any(text.startswith(LONG_ES) for text in written)
    hints = [page.hint for page in discuss]
    assert "Página 1 de" in hints[0] and "Enter o Derecha: página siguiente" in hints[0]
    assert "Enter: contar los votos" in hints[-1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_plurals_and_shares(language: str) -> None:
    pages = all_pages("workshop", language, (1280, 720))
    reveal = [w.text for page in _decisions(pages, "reveal")[1] for w in page.written]
    if language == "en":
        assert {"5 votes · 63%", "2 votes · 25%", "1 vote · 12%"} <= set(reveal)  # 63 + 25 + 12 = 100
    else:
        assert {"5 votos · 63 %", "2 votos · 25 %", "1 voto · 12 %"} <= set(reveal)
    vote = [w.text for page in _decisions(pages, "vote")[1] for w in page.written]
    assert ("8 votes" if language == "en" else "8 votos") in vote
    assert not any("(s)" in w.text for page in pages for w in page.written)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_outcome_names_the_decision_just_played(language: str) -> None:
    pages = all_pages("workshop", language, (1280, 720))
    word = "Decision" if language == "en" else "Decisión"
    outcomes = [page.subtitle for page in pages if page.step == "outcome" and page.number == 0]
    reveals = [page.subtitle for page in pages if page.step == "reveal" and page.number == 0]
    assert outcomes == reveals and outcomes[0].startswith(f"{word} 1 ·") and outcomes[-1].startswith(f"{word} 4 ·")
    assert all(name in outcomes[1] for name in ([("Define the cost")] if language == "en" else ["Definir el costo"]))


def test_the_hint_bar_says_what_keys_do() -> None:
    pages = all_pages("workshop", "en", (1280, 720))
    hints = {page.step: page.hint for page in pages}  # the last page of each step
    assert "Enter: count the votes" in hints["discuss"] and "Space: start the timer" in hints["discuss"]
    assert "Enter: reveal" in hints["vote"] and "0–9: type votes" in hints["vote"]
    assert "1–" in hints["reveal"] and "Esc: change the votes" in hints["reveal"]
    assert "Esc: quit" in hints["debrief"]
    assert not any(re.search(r"\bEnter enter\b", page.hint, re.IGNORECASE) for page in pages)


def test_words_and_colours_are_the_games(tmp_path: Path) -> None:
    """Styles, phases and ratings on the projector are the game's own words (es: «Asertiva», «Definir el
    costo»), and styles are drawn in the theme's style colours."""
    from game.locale import tr_in

    pages = all_pages("workshop", "es", (1280, 720))
    written = {w.text for page in pages for w in page.written}
    assert tr_in("es", "style.assertive") in written
    assert tr_in("es", "rating.best") in written
    assert any(tr_in("es", "phase.cost") in w for w in written)
    theme = projector_theme((1280, 720))
    outcome = next(p for p in pages if p.step == "outcome")
    colours = {outcome.surface.get_at((x, y))[:3] for x in range(0, 1280, 3) for y in range(100, 400, 3)}
    assert any(colour in colours for colour in theme.colors.styles.values())


def save_pages(folder: Path, name: str = "workshop") -> list[Path]:
    """Every page of a session, at both sizes and in both languages, as PNG files to look at."""
    saved = []
    for language in LANGUAGES:
        for size in SIZES:
            for index, page in enumerate(all_pages(name, language, size)):
                path = folder / f"{name}-{language}-{size[0]}x{size[1]}-{index:02d}-{page.step}-{page.number + 1}.png"
                pygame.image.save(page.surface, str(path))
                saved.append(path)
    return saved


if __name__ == "__main__":  # python -m tests.ui.test_projector OUT-DIR: write every page to look at
    import os
    import sys

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.display.init()
    pygame.font.init()
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "projector-pages")
    out.mkdir(parents=True, exist_ok=True)
    for which in sys.argv[2:] or ["workshop"]:
        print(len(save_pages(out, which)), "pages written to", out)


def _piece(height: int, key: str, group: str = "", heading: bool = False) -> Piece:
    return Piece(height, lambda surface, rect: None, key=key, keep_with_next=heading, group=group)


def test_pages_keep_a_group_together_when_it_fits() -> None:
    pieces = [
        _piece(100, "scene"),
        _piece(60, "question"),
        *(_piece(80, f"choice:{i}", "choices") for i in range(3)),  # 240: fits a page, not the rest of page 1
        _piece(50, "head", "big", heading=True),
        *(_piece(100, f"row:{i}", "big") for i in range(4)),  # 450: taller than a page, split
    ]
    pages = [[p.key for p in page] for page in paginate(pieces, 300, 0)]
    assert pages == [
        ["scene", "question"],
        ["choice:0", "choice:1", "choice:2"],
        ["head", "row:0", "row:1"],
        ["row:2", "row:3"],
    ]


def test_a_running_head_tops_every_page_and_never_stands_alone() -> None:
    """A tie's note (or the vote's total) heads every page: the choices that fit a page but not under the note
    share its page rather than leave it alone on one (the room would see the note and no numbers to press)."""
    note = _piece(50, "note")
    note.running = True
    choices = [_piece(90, f"choice:{i}", "choices") for i in range(3)]  # 270: a page, not under the note
    pages = [[p.key for p in page] for page in paginate([note, *choices], 300, 0)]
    assert pages == [["note", "choice:0", "choice:1"], ["note", "choice:2"]]
    short = [_piece(80, f"choice:{i}", "choices") for i in range(3)]  # 240: fits under the note, kept whole
    assert [[p.key for p in page] for page in paginate([note, *short], 300, 0)] == [
        ["note", "choice:0", "choice:1", "choice:2"]
    ]


class _Panel:
    """A stand-in for a column beside the pages (as the phone-voting panel uses it)."""

    def __init__(self) -> None:
        self.drawn: list[tuple[str, pygame.Rect]] = []

    def width(self, theme: object, step: str) -> int:
        return 300 if step in ("discuss", "vote") else 0

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, step: str, ink: Ink) -> None:
        pygame.draw.rect(surface, (0, 0, 0), rect)
        self.drawn.append((step, rect))


def test_a_column_beside_the_pages_narrows_them() -> None:
    play = GroupPlay(Session(scenario("workshop", "en"), seed=0), None)
    panel = _Panel()
    view = View(play, projector_theme((1280, 720)), "en", aside=panel)
    surface = pygame.Surface((1280, 720))
    view.draw(surface)
    [(step, rect)] = panel.drawn
    assert step == "discuss" and rect.right <= 1280 - view.t.margin and rect.width == 300
    assert all(w.rect.right <= rect.left for w in view.ink.written if w.room and w.rect.top >= rect.top)
    play.start_voting()
    play.reveal()
    view.draw(surface)
    assert len(panel.drawn) == 1  # no column on the reveal


@pytest.mark.parametrize(
    ("language", "tie", "picked"),
    [
        ("en", "1–2: pick the choice to play", "1–2: play another choice"),
        ("es", "1–2: elegir la opción que se juega", "1–2: jugar otra opción"),
    ],
)
def test_a_tie_asks_for_the_choice_to_play_not_another(language: str, tie: str, picked: str) -> None:
    """On a tie nothing is set to be played yet, so the bar asks for a pick ("another" would be a puzzle)."""
    play = GroupPlay(Session(scenario("workshop", language), seed=0))
    view = View(play, projector_theme((1280, 720)), language)
    play.start_voting()
    play.add_votes({c.id: 2 for c in play.choices}, "typed")
    play.reveal()
    surface = pygame.Surface((1280, 720))
    view.draw(surface)
    assert tie in view.hint_text() and picked not in view.hint_text()
    play.pick(2)
    view.draw(surface)
    assert picked in view.hint_text() and tie not in view.hint_text()
