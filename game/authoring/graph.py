"""The scenario map for `sticky graph`: Mermaid (renders on GitHub) or Graphviz DOT.

Scenes are boxes coloured by phase, and the phase is also written in the box (meaning never rides on colour
alone). Endings are rounded and carry their rating. An edge is a choice, labelled with its id and style
(★ marks the coach's best choice); a conditional ``next`` gives one edge per branch labelled with its
condition; a chance choice gives dashed edges labelled with their probabilities (and an outcome's own
effects). Endings with a ``when`` hang off an "after any choice" node. A highlighted path (a playthrough) is
drawn thick and red. A scene or an ending whose text follows the state says so ("text: 2 variants").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.core.model import Branches, Chance, Effects, Goto, Scenario, Variants
from game.locale.palette import PHASE_FILLS, RATING_FILLS, RATING_MARKS

PHASE_COLOURS = PHASE_FILLS  # the map's node fills are the shared palette's (game.locale.palette)
RATING_COLOURS = RATING_FILLS
HIGHLIGHT = "#c62828"
ANY = "any_choice"


@dataclass(frozen=True)
class Edge:
    """One arrow of the map: from a scene (or ANY) to a scene or ending."""

    source: str
    target: str
    label: str
    choice: str
    dashed: bool = False


def edges(scenario: Scenario) -> list[Edge]:
    """Every arrow of the map, in file order."""
    out: list[Edge] = []
    for scene in scenario.scenes:
        for choice in scene.choices:
            head = f"{'★ ' if choice.best else ''}{choice.id} · {choice.style}"
            if choice.when is not None:
                head += f" · if {_short(choice.when.source)}"
            next_ = choice.next
            if isinstance(next_, Goto):
                out.append(Edge(scene.id, next_.target, head, choice.id))
            elif isinstance(next_, Branches):
                for branch in next_.branches:
                    cond = f"when {_short(branch.when.source)}" if branch.when is not None else "otherwise"
                    out.append(Edge(scene.id, branch.target, f"{head} · {cond}", choice.id))
            elif isinstance(next_, Chance):
                for outcome in next_.outcomes:
                    label = f"{head} · {outcome.probability:.0%}"
                    if outcome.effects:
                        label += f" · {_changes(outcome.effects)}"
                    out.append(Edge(scene.id, outcome.target, label, choice.id, True))
    for ending in scenario.conditional_endings:
        assert ending.when is not None
        out.append(Edge(ANY, ending.id, f"when {_short(ending.when.source)}", "", True))
    return out


def _changes(effects: Effects) -> str:
    """A chance outcome's own effects, short: ``revenue -3000, +lost_client`` (a flag set), ``-asked`` (cleared)."""
    parts = [f"{metric} {delta:+g}" for metric, delta in effects.deltas]
    parts += [f"+{flag}" for flag in effects.set_flags] + [f"-{flag}" for flag in effects.clear_flags]
    return ", ".join(parts)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def highlighted(scenario: Scenario, steps: Iterable[tuple[str, str, str | None]]) -> set[tuple[str, str, str]]:
    """The (scene, choice, target) triples of a recorded path; a target of None means "any of its targets"."""
    found: set[tuple[str, str, str]] = set()
    conditional = {e.id for e in scenario.conditional_endings}
    for scene_id, choice_id, target in steps:
        choice = scenario.choice(choice_id)
        if choice is None:
            continue
        targets = choice.targets() if target is None else (target,)
        for item in targets:
            found.add((scene_id, choice_id, item))
            if item in conditional and item not in choice.targets():
                found.add((ANY, "", item))
    return found


def _varies(what: str, variants: Variants) -> str:
    """A label line saying a text has variants (``text: 2 variants``), or "" for a plain text."""
    return f"\n{what}: {len(variants)} variants" if variants else ""


def _nodes(scenario: Scenario) -> list[tuple[str, str, str, str]]:
    """(id, label lines joined by newline, fill colour, kind) for every node."""
    nodes = [
        (s.id, f"{s.id}\n{s.phase}{_varies('text', s.text_variants)}", PHASE_COLOURS.get(s.phase, "#ffffff"), "scene")
        for s in scenario.scenes
    ]
    for ending in scenario.endings:
        label = f"{ending.id}\nending · {RATING_MARKS.get(ending.rating, '')} {ending.rating}"
        label += _varies("title", ending.title_variants) + _varies("text", ending.text_variants)
        nodes.append((ending.id, label, RATING_COLOURS.get(ending.rating, "#ffffff"), "ending"))
    if scenario.conditional_endings:
        nodes.append((ANY, "after any choice", "#ffffff", "any"))
    return nodes


def _mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label: entity codes for the characters Mermaid would read."""
    out = []
    for char in text:
        if char in '"#<>&|`[]{}':
            out.append(f"#{ord(char)};")
        elif char == "\n":
            out.append("<br/>")
        else:
            out.append(char)
    return "".join(out)


def mermaid(scenario: Scenario, path: set[tuple[str, str, str]] | None = None) -> str:
    """The map as a Mermaid flowchart (valid on GitHub inside a ```mermaid block)."""
    names = {node_id: f"n{i}" for i, (node_id, *_rest) in enumerate(_nodes(scenario))}
    lines = ["flowchart TD", f"  %% {_mermaid_text(scenario.title)} ({scenario.id})"]
    for phase, colour in PHASE_COLOURS.items():
        lines.append(f"  classDef {phase} fill:{colour},stroke:#555,color:#111")
    for rating, colour in RATING_COLOURS.items():
        lines.append(f"  classDef ending_{rating} fill:{colour},stroke:#333,stroke-width:2px,color:#111")
    lines.append("  classDef any fill:#ffffff,stroke:#999,stroke-dasharray:4 3,color:#333")
    for node_id, label, _colour, kind in _nodes(scenario):
        text = f'"{_mermaid_text(label)}"'
        if kind == "scene":
            scene = scenario.scene(node_id)
            lines.append(f"  {names[node_id]}[{text}]:::{scene.phase if scene else 'situation'}")
        elif kind == "ending":
            ending = scenario.ending(node_id)
            lines.append(f"  {names[node_id]}([{text}]):::ending_{ending.rating if ending else 'fair'}")
        else:
            lines.append(f"  {names[node_id]}{{{{{text}}}}}:::any")
    marked: list[int] = []
    for index, edge in enumerate(edges(scenario)):
        arrow = "-.->" if edge.dashed else "-->"
        lines.append(f'  {names[edge.source]} {arrow}|"{_mermaid_text(edge.label)}"| {names[edge.target]}')
        if path and (edge.source, edge.choice, edge.target) in path:
            marked.append(index)
    if marked:
        lines.append(f"  linkStyle {','.join(map(str, marked))} stroke:{HIGHLIGHT},stroke-width:4px")
        visited = sorted({names[n] for s, _c, t in path or () for n in (s, t) if n in names})
        for name in visited:
            lines.append(f"  style {name} stroke:{HIGHLIGHT},stroke-width:3px")
    start = names.get(scenario.start)
    if start:
        lines.append(f"  style {start} stroke-width:3px")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def dot(scenario: Scenario, path: set[tuple[str, str, str]] | None = None) -> str:
    """The map as a Graphviz digraph (render with ``dot -Tsvg``)."""
    lines = [
        f"digraph {_dot_text(scenario.id)} {{",
        f"  graph [rankdir=TB, labelloc=t, fontname=Helvetica, label={_dot_text(scenario.title)}];",
        '  node [shape=box, style="rounded,filled", fontname=Helvetica, fontsize=11];',
        "  edge [fontname=Helvetica, fontsize=9];",
    ]
    visited = {n for s, _c, t in path or () for n in (s, t)}
    for node_id, label, colour, kind in _nodes(scenario):
        attrs = [f"label={_dot_text(label)}", f'fillcolor="{colour}"']
        if kind == "ending":
            attrs.append("shape=ellipse")
        elif kind == "any":
            attrs += ["shape=plaintext", 'style=""']
        if node_id == scenario.start:
            attrs.append("peripheries=2")
        if node_id in visited:
            attrs += [f'color="{HIGHLIGHT}"', "penwidth=3"]
        lines.append(f"  {_dot_text(node_id)} [{', '.join(attrs)}];")
    for edge in edges(scenario):
        attrs = [f"label={_dot_text(edge.label)}"]
        if edge.dashed:
            attrs.append("style=dashed")
        if path and (edge.source, edge.choice, edge.target) in path:
            attrs += [f'color="{HIGHLIGHT}"', f'fontcolor="{HIGHLIGHT}"', "penwidth=3"]
        lines.append(f"  {_dot_text(edge.source)} -> {_dot_text(edge.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
