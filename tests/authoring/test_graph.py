"""`sticky graph`: Mermaid and DOT maps of small scenarios, checked edge by edge; real Graphviz and Mermaid."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.graph import dot, edges, highlighted, mermaid
from tests.authoring.scenarios import FORK, load
from tests.conftest import ROOT, SCENARIOS

SHIPPED = sorted(p for p in SCENARIOS.glob("*.yaml") if p.name.count(".") == 1) + [ROOT / "tests/data/bakery.yaml"]


def sticky(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_edges_of_fork() -> None:
    found = [(e.source, e.target, e.label, e.dashed) for e in edges(load(FORK))]
    assert found == [
        ("a", "b", "★ left · assertive", False),
        ("a", "b", "right · passive", False),
        ("b", "win", "★ ask · assertive · if asked · 75%", True),
        ("b", "lose", "★ ask · assertive · if asked · 25%", True),
        ("b", "lose", "give · passive", False),
        ("b", "win", "never · aggressive · if reputation > 100", False),
    ]


def test_a_chance_outcome_shows_its_own_effects() -> None:
    text = FORK.replace(
        "chance: [{p: 0.75, next: win}, {p: 0.25, next: lose, note: He walks.}]",
        "chance: [{p: 0.75, next: win, effects: {reputation: +5}, set: [asked]},"
        " {p: 0.25, next: lose, note: He walks., effects: {reputation: -12.5}, clear: [asked]}]",
    )
    scenario = load(text)
    found = [e.label for e in edges(scenario) if e.dashed]
    assert found == [
        "★ ask · assertive · if asked · 75% · reputation +5, +asked",
        "★ ask · assertive · if asked · 25% · reputation -12.5, -asked",
    ]
    assert '"★ ask · assertive · if asked · 25% · reputation -12.5, -asked"' in mermaid(scenario)


def test_mermaid_of_fork() -> None:
    text = mermaid(load(FORK))
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    assert '  n0["a<br/>cost"]:::cost' in lines and '  n1["b<br/>limits"]:::limits' in lines
    assert '  n2(["win<br/>ending · ★★ best"]):::ending_best' in lines
    assert '  n3(["lose<br/>ending · ✖ bad"]):::ending_bad' in lines
    assert '  n1 -.->|"★ ask · assertive · if asked · 75%"| n2' in lines
    assert '  n1 -->|"never · aggressive · if reputation #62; 100"| n2' in lines
    assert "linkStyle" not in text
    # every node id is n<number> (never a reserved word such as 'end'), every label quoted
    for line in lines:
        if re.match(r"^  n\d", line) and "->" not in line:
            assert re.match(r'^  n\d+(\[|\(\[|\{\{)"[^"]*"(\]|\]\)|\}\}):::\w+$', line), line


def test_highlight_a_choice_list_and_a_play_json(tmp_path: Path) -> None:
    scenario = load(FORK)
    path = highlighted(scenario, [("a", "left", "b"), ("b", "ask", None)])
    assert path == {("a", "left", "b"), ("b", "ask", "win"), ("b", "ask", "lose")}
    text = mermaid(scenario, path)
    assert "  linkStyle 0,2,3 stroke:#c62828,stroke-width:4px" in text
    file = tmp_path / "fork.yaml"
    file.write_text(FORK, encoding="utf-8")
    played = sticky("play", str(file), "--choices", "left,ask", "--json", "--seed", "3")
    record = tmp_path / "play.json"
    record.write_text(played.stdout, encoding="utf-8")
    ending = json.loads(played.stdout)["ending"]
    out = sticky("graph", str(file), "--highlight", str(record), "--format", "dot")
    assert out.returncode == 0, out.stderr
    red = [line for line in out.stdout.splitlines() if "->" in line and "penwidth=3" in line]
    assert len(red) == 2 and f'"b" -> "{ending}"' in red[1]
    bad = sticky("graph", str(file), "--highlight", "left,aks")
    assert bad.returncode == 1 and "did you mean 'ask'?" in bad.stderr


def test_dot_of_fork() -> None:
    text = dot(load(FORK))
    assert text.startswith('digraph "fork" {')
    assert '  "a" [label="a\\ncost", fillcolor="#fde3c8", peripheries=2];' in text
    assert '  "win" [label="win\\nending · ★★ best", fillcolor="#b7e1b0", shape=ellipse];' in text
    assert '  "b" -> "win" [label="★ ask · assertive\\nif asked\\n75%", style=dashed];' in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_real_graphviz_renders_every_shipped_map(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    assert sticky("graph", str(path), "--format", "dot", "-o", str(out)).returncode == 0
    rendered = subprocess.run(["dot", "-Tsvg", str(out)], capture_output=True, text=True, timeout=120)
    assert rendered.returncode == 0, rendered.stderr
    assert "<svg" in rendered.stdout and not rendered.stderr.strip()


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_mermaid_markdown_for_every_shipped_scenario(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.md"
    assert sticky("graph", str(path), "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "```mermaid\nflowchart TD\n" in text and text.endswith("```\n")


def _mermaid_parser() -> Path | None:
    """A folder with the real mermaid package (and jsdom), installed once per machine with npm if possible."""
    if os.environ.get("STICKY_TEST_MERMAID") == "0" or shutil.which("node") is None:
        return None
    folder = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "sticky-situations" / "mermaid"
    ready = all((folder / "node_modules" / name / "package.json").exists() for name in ("mermaid", "jsdom"))
    if not ready:
        if shutil.which("npm") is None:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        install = subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(folder), "mermaid@11", "jsdom"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if install.returncode != 0 or not (folder / "node_modules" / "jsdom" / "package.json").exists():
            return None
    return folder


PARSE = """
import { JSDOM } from "jsdom";
import fs from "fs";
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window; globalThis.document = dom.window.document;
const mermaid = (await import("mermaid")).default;
mermaid.initialize({ startOnLoad: false });
let bad = 0;
for (const file of process.argv.slice(2)) {
  try { await mermaid.parse(fs.readFileSync(file, "utf8")); }
  catch (e) { bad++; console.log("FAIL", file, String(e.message || e).slice(0, 400)); }
}
process.exit(bad ? 1 : 0);
"""


def test_real_mermaid_parses_every_map(tmp_path: Path) -> None:
    folder = _mermaid_parser()
    if folder is None:
        pytest.skip("node/npm or the mermaid package is not available")
    files = []
    for path in SHIPPED:
        out = tmp_path / f"{path.stem}.mmd"
        out.write_text(sticky("graph", str(path)).stdout, encoding="utf-8")
        files.append(str(out))
    highlighted_map = tmp_path / "fork.mmd"
    highlighted_map.write_text(mermaid(load(FORK), {("a", "left", "b")}), encoding="utf-8")
    broken = tmp_path / "broken.mmd"
    broken.write_text("flowchart TD\n  a[x --> b\n", encoding="utf-8")
    script = folder / "parse.mjs"
    script.write_text(PARSE, encoding="utf-8")
    good = subprocess.run(
        ["node", str(script), *files, str(highlighted_map)], capture_output=True, text=True, timeout=300
    )
    assert good.returncode == 0, good.stdout + good.stderr
    assert subprocess.run(["node", str(script), str(broken)], capture_output=True, timeout=300).returncode == 1


def test_the_map_draws_rules_scores_and_variant_conditions() -> None:
    from game.authoring.load import load_scenario

    scenario = load_scenario(SCENARIOS / "spa-hotel.yaml").scenario
    assert scenario is not None
    text = dot(scenario)
    rule = scenario.rules[0]
    assert f'"rule:{rule.id}" [label="rule {rule.id}\\nwhen ' in text  # the rule, what it reads ...
    assert "→ revenue -5500, reputation -2, staff_morale -4, +noor_resigned" in text  # ... and what it sets
    assert '"rule:team_feels_misled" -> "team_walkout" [label="can end the game here", style=dotted];' in text
    assert "count_contract_risks · assertive\\nscore 0.5" in text
    assert "text: 3 variants\\n  1: if noor_resigned\\n  2: if one_star_review\\n  3: otherwise" in text
    spanish = dot(scenario, lang="es")
    for said in ("regla team_feels_misled", "después de cualquier opción", "puede terminar aquí la partida"):
        assert said in spanish, said
    assert "texto: 3 variantes\\n  1: si noor_resigned" in spanish and "puntuación 0.5" in spanish
    for english in ("after any choice", "ending ·", " variants", "otherwise", "assertive"):
        assert english not in spanish, english
    assert "regla team_feels_misled" in mermaid(scenario, lang="es")
