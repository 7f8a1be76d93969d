"""The layers of the code, checked over every import of every module (imports inside functions included).

core <- authoring / training <- ui / commands (and the other front ends):

- ``game.core`` imports nothing of the game outside itself, and no pygame;
- ``game.locale``, ``game.paths`` and ``game.files`` are shared helpers: they may use the core, nothing above;
- ``game.authoring`` and ``game.training`` may use the core and the shared helpers (and each other), never
  ``game.ui``, the commands, the command line or the terminal, and never pygame;
- the front ends (``game.ui``, ``game.commands``, ``game.cli``, ``game.terminal``, ``game.__main__``) may use
  everything below them.

The imports are read from the source (``ast``), so an ``import pygame`` hidden in a function that no test
happens to call is caught too, and so is ``importlib.import_module("game.ui...")`` with a literal name.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"

#: Where each part of the game sits; a module may import its own layer and the layers below it.
LAYERS: dict[str, int] = {
    "core": 0,
    "locale": 1,
    "paths": 1,
    "files": 1,
    "authoring": 2,
    "training": 2,
    "ui": 3,
    "commands": 3,
    "cli": 3,
    "terminal": 3,
    "__main__": 3,
}
#: Libraries only the front ends may use.
FRONT_END_ONLY = ("pygame",)


@dataclass(frozen=True)
class Import:
    """One import statement (or literal ``import_module`` call) found in a module."""

    module: str  # the importing module, e.g. game.training.report
    target: str  # what it imports, e.g. game.ui.theme or pygame.font
    line: int

    def __str__(self) -> str:
        return f"{self.module} (line {self.line}) imports {self.target}"


def module_name(path: Path, root: Path = GAME) -> str:
    """The dotted name of a source file under ``root`` (``game/ui/app.py`` -> ``game.ui.app``)."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The absolute name of a relative ``from`` import."""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join(base + ([name] if name else []))


def imports_of(source: str, module: str, is_package: bool = False) -> list[Import]:
    """Every import in ``source`` (at any depth: module level, functions, ``if TYPE_CHECKING`` blocks)."""
    found: list[Import] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node.level, node.module) if node.level else node.module or ""
            # ``from game import locale`` imports the module game.locale: record the names under the base.
            found += [Import(module, f"{base}.{alias.name}", node.lineno) for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(Import(module, node.args[0].value, node.lineno))
    return found


def layer_of(name: str) -> str | None:
    """The part of the game a dotted name belongs to (``game.ui.theme`` -> ``ui``); None outside the game."""
    parts = name.split(".")
    if parts[0] != "game" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYERS else None


def violation(found: Import) -> str | None:
    """Why an import breaks the layering, or None when it is allowed."""
    source = layer_of(found.module)
    if source is None:
        return None
    if found.target.split(".")[0] in FRONT_END_ONLY and LAYERS[source] < LAYERS["ui"]:
        return f"{found}: only the front ends may use {found.target.split('.')[0]}"
    target = layer_of(found.target)
    if target is None:
        return None
    if source == "core" and target != "core":
        return f"{found}: the core imports nothing of the game outside game.core"
    if LAYERS[target] > LAYERS[source]:
        return f"{found}: game.{source} must not depend on game.{target}"
    return None


def game_imports() -> list[Import]:
    """Every import of every module of the game."""
    found: list[Import] = []
    for path in sorted(GAME.rglob("*.py")):
        found += imports_of(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")
    return found


def test_every_import_follows_the_layers() -> None:
    found = game_imports()
    assert len(found) > 500  # the scan really read the game
    problems = [v for v in map(violation, found) if v]
    assert problems == [], "\n".join(problems)


def test_every_module_belongs_to_a_layer() -> None:
    """A new top-level module or package must be placed in LAYERS, or it would escape the check."""
    names = {
        p.stem if p.is_file() else p.name for p in GAME.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()
    }
    assert names - {"__init__"} <= set(LAYERS), sorted(names - {"__init__"} - set(LAYERS))


def test_the_projector_is_a_front_end() -> None:
    """Group play keeps only its pure model in training; the pygame projector lives in game.ui.facilitate."""
    training = {p.name for p in (GAME / "training").glob("facilitate_*.py")}
    assert training <= {"facilitate_model.py", "facilitate_steps.py"}
    assert (GAME / "ui" / "facilitate" / "app.py").exists()


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("game.training.x", "def later():\n    import pygame\n", "only the front ends may use pygame"),
        (
            "game.authoring.x",
            "def later():\n    from game.ui import theme\n",
            "game.authoring must not depend on game.ui",
        ),
        ("game.training.x", "from ..ui.facilitate import view\n", "game.training must not depend on game.ui"),
        ("game.core.x", "if True:\n    from game.locale import tr\n", "the core imports nothing of the game"),
        ("game.core.x", "import importlib\nimportlib.import_module('pygame.font')\n", "only the front ends"),
        ("game.training.x", "from game import cli\n", "game.training must not depend on game.cli"),
    ],
)
def test_hidden_imports_are_caught(module: str, source: str, expected: str) -> None:
    problems = [v for v in map(violation, imports_of(source, module)) if v]
    assert len(problems) == 1 and expected in problems[0], problems


@pytest.mark.parametrize(
    "source",
    [
        "from game.core.model import Scenario\nimport json\n",
        "from . import model\nfrom .session import Session\n",
        "def f():\n    import yaml\n",
    ],
)
def test_allowed_imports_pass(source: str) -> None:
    assert [v for v in map(violation, imports_of(source, "game.core.x")) if v] == []
