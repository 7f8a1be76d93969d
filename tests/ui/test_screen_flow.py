"""The screen flow is one declared table: its doc matches it, it refuses undeclared moves, and the game/ui
modules import one another without any cycle (so no screen imports the flow or another screen)."""

from __future__ import annotations

import ast
from pathlib import Path

import pygame
import pytest

from game.ui import flow, screen_results
from game.ui.screen_flow import ANY, ROUTES, UnknownMove, route_for
from game.ui.screen_results import Back, OpenPause, Picked, Quit, ScreenResult
from game.ui.screens.base import Screen
from game.ui.screens.title import TitleScreen
from game.ui.screens.who import WhoScreen

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "game" / "ui"
DOC = ROOT / "docs" / "screen-flow.md"


# -- the import graph ------------------------------------------------------------------------------------


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(source: str, typing_too: bool = False) -> set[str]:
    """Every module name an import in ``source`` may load when it runs: at the top, in classes and inside
    functions; not under ``if TYPE_CHECKING:`` (never run) unless ``typing_too``. ``from a import b`` gives
    ``a`` and ``a.b``."""
    found: set[str] = set()

    def walk(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and _type_checking(node) and not typing_too:
                walk(node.orelse)
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt):
                    walk([child])
            for field in ("handlers",):
                for handler in getattr(node, field, []):
                    walk(handler.body)

    walk(ast.parse(source).body)
    return found


def ui_graph(typing_too: bool = False) -> dict[str, set[str]]:
    """game.ui module -> the game.ui modules it imports at run time (and for type hints, if ``typing_too``)."""
    modules = {_module(path): path for path in UI.rglob("*.py")}
    return {
        name: {m for m in runtime_imports(path.read_text(encoding="utf-8"), typing_too) if m in modules} - {name}
        for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (each holds at least one import cycle)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_cycle_finder_sees_a_cycle_made_by_an_import_inside_a_function() -> None:
    graph = {"a": runtime_imports("import b\n"), "b": runtime_imports("def f():\n    from a import x\n")}
    graph = {name: {other for other in imports if other in ("a", "b")} for name, imports in graph.items()}
    assert cycles(graph) == [["a", "b"]]
    typed = runtime_imports("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\n")
    assert "a" not in typed


def test_no_import_cycle_among_the_ui_modules() -> None:
    graph = ui_graph()
    assert "game.ui.screens.scene" in graph  # the whole package was read
    assert cycles(graph) == []


def test_no_screen_imports_the_flow_the_app_or_another_screen() -> None:
    graph = ui_graph()
    shared = {"game.ui.screens.base", "game.ui.screens.debrief_view", "game.ui.screens.notice"}
    drawing = {"game.ui.screens.scene_view", "game.ui.screens.scene_draw", "game.ui.screens.ending"}
    for name, imports in graph.items():
        if not name.startswith("game.ui.screens."):
            continue
        assert not imports & {"game.ui.flow", "game.ui.screen_flow", "game.ui.app"}, name
        others = {m for m in imports if m.startswith("game.ui.screens.")} - shared - drawing
        assert others == set(), name


def test_screens_and_moves_know_the_app_by_protocol_only() -> None:
    """Not even a type hint: a screen names its ``Host``, the moves their ``Game``."""
    graph = ui_graph(typing_too=True)
    for name, imports in graph.items():
        if name.startswith("game.ui.screens.") or name in ("game.ui.flow", "game.ui.screen_flow"):
            assert "game.ui.app" not in imports, name


# -- the table -----------------------------------------------------------------------------------------


def doc_rows() -> set[tuple[str, str, str]]:
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- routes:start -->", 1)[1].split("<!-- routes:end -->", 1)[0]
    rows = set()
    for line in block.strip().splitlines()[2:]:  # after the header and its rule
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        rows.add((cells[0], cells[1], cells[2]))
    return rows


def test_the_doc_lists_exactly_the_routes_of_the_code() -> None:
    code = {(screen, kind.__name__, route.to) for (screen, kind), route in ROUTES.items()}
    assert doc_rows() == code


def test_every_result_is_routed_from_some_screen_and_every_routed_screen_exists() -> None:
    kinds = {
        value
        for value in vars(screen_results).values()
        if isinstance(value, type) and issubclass(value, ScreenResult) and value is not ScreenResult
    }
    assert kinds == {kind for _screen, kind in ROUTES}
    for module in (UI / "screens").glob("*.py"):
        __import__(_module(module))
    names = {cls.name for cls in _subclasses(Screen)}
    assert {screen for screen, _kind in ROUTES} - {ANY} <= names


def _subclasses(cls: type[Screen]) -> list[type[Screen]]:
    out: list[type[Screen]] = []
    for sub in cls.__subclasses__():
        out += [sub, *_subclasses(sub)]
    return out


@pytest.mark.parametrize(
    ("screen", "result"), [("picker", Quit()), ("title", Back()), ("history", OpenPause()), ("nowhere", Back())]
)
def test_an_undeclared_move_is_refused_with_what_the_screen_may_do(screen: str, result: ScreenResult) -> None:
    with pytest.raises(UnknownMove) as refused:
        route_for(screen, result)
    message = str(refused.value)
    assert repr(screen) in message and type(result).__name__ in message
    allowed = sorted(kind.__name__ for name, kind in ROUTES if name in (screen, ANY))
    assert message.endswith(", ".join(allowed))


def test_a_screen_finishing_with_an_undeclared_result_changes_nothing(make_app) -> None:  # type: ignore[no-untyped-def]
    pilot = make_app()
    app = pilot.app
    app.goto(TitleScreen(app))
    before = list(app.stack)
    with pytest.raises(UnknownMove, match="'title' screen cannot finish with Picked"):
        app.top.finish(Picked("anything.yaml", "practice"))
    assert app.stack == before and app.running and app.playthrough is None


def test_a_declared_move_goes_where_the_table_says(make_app) -> None:  # type: ignore[no-untyped-def]
    pilot = make_app()
    app = pilot.app
    app.goto(TitleScreen(app))
    app.top.finish(screen_results.OpenSettings())
    pilot.frame()  # a key acts only on what has been drawn
    assert [s.name for s in app.stack] == ["title", "settings"]
    pilot.key(pygame.K_ESCAPE)
    assert [s.name for s in app.stack] == ["title"]
    app.top.finish(screen_results.OpenPicker())
    pilot.frame()
    assert [s.name for s in app.stack] == ["picker"]
    pilot.key(pygame.K_ESCAPE)
    assert [s.name for s in app.stack] == ["title"]


def test_who_hands_on_what_the_picker_asked_for(make_app, bakery_copy: Path) -> None:  # type: ignore[no-untyped-def]
    pilot = make_app(folder=bakery_copy.parent, asked=False)
    app = pilot.app
    flow.open_picker(app, select=bakery_copy)
    app.top.finish(Picked(str(bakery_copy), "assessment"))
    who = app.top
    assert isinstance(who, WhoScreen) and who.then == Picked(str(bakery_copy), "assessment")
    assert [s.name for s in app.stack] == ["picker", "who"]
    who.choose(None)  # "play without a name": the who screen finishes with Chosen(then)
    assert [s.name for s in app.stack] == ["scene"]
    assert app.player == ("", "")
    assert app.playthrough is not None and app.playthrough.mode == "assessment"
