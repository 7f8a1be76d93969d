"""The scenario map for `sticky graph`: Mermaid (renders on GitHub) or Graphviz DOT.

Scenes are boxes coloured by phase, and the phase is also written in the box (meaning never rides on colour
alone). Endings are rounded and carry their rating. An edge is a choice, labelled with its id and style
(★ marks the coach's best choice); a conditional ``next`` gives one edge per branch labelled with its
condition; a chance choice gives dashed edges labelled with their probabilities (and an outcome's own
effects). Endings with a ``when`` hang off an "after any choice" node. A highlighted path (a playthrough) is
drawn thick and red. A scene or an ending whose text follows the state says so, with the condition of each
variant. Rules are notes hanging off "after any choice": what they read, what they set, and a dotted arrow to
each conditional ending they can trigger (one that reads a metric or flag the rule changes). A choice with a
``score`` shows it. Every word of the map is in ``lang`` (ids, conditions and effects as written).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.authoring.messages import word
from game.core.model import Branches, Chance, Effects, Goto, Rule, Scenario, Variants
from game.locale import phase_word, rating_word, style_word
from game.locale.palette import PHASE_FILLS, RATING_FILLS, RATING_MARKS

PHASE_COLOURS = PHASE_FILLS  # the map's node fills are the shared palette's (game.locale.palette)
RATING_COLOURS = RATING_FILLS
RULE_COLOUR = "#fff7d6"
HIGHLIGHT = "#c62828"
ANY = "any_choice"
RULE_PREFIX = "rule:"


@dataclass(frozen=True)
class Edge:
    """One arrow of the map: from a scene (or ANY) to a scene or ending."""

    source: str
    target: str
    label: str
    choice: str
    dashed: bool = False


def edges(scenario: Scenario, lang: str | None = None) -> list[Edge]:
    """Every arrow of the map, in file order (rules last)."""

    def w(key: str) -> str:
        return word(key, lang)

    out: list[Edge] = []
    for scene in scenario.scenes:
        for choice in scene.choices:
            head = f"{'★ ' if choice.best else ''}{choice.id} · {style_word(lang or 'en', choice.style)}"
            if choice.score is not None:
                head += f" · {w('g.score')} {choice.score:g}"
            if choice.when is not None:
                head += f" · {w('g.if')} {_short(choice.when.source)}"
            next_ = choice.next
            if isinstance(next_, Goto):
                out.append(Edge(scene.id, next_.target, head, choice.id))
            elif isinstance(next_, Branches):
                for branch in next_.branches:
                    cond = (
                        f"{w('g.when')} {_short(branch.when.source)}" if branch.when is not None else w("g.otherwise")
                    )
                    out.append(Edge(scene.id, branch.target, f"{head} · {cond}", choice.id))
            elif isinstance(next_, Chance):
                for outcome in next_.outcomes:
                    label = f"{head} · {outcome.probability:.0%}"
                    if outcome.effects:
                        label += f" · {_changes(outcome.effects)}"
                    out.append(Edge(scene.id, outcome.target, label, choice.id, True))
    for ending in scenario.conditional_endings:
        assert ending.when is not None
        out.append(Edge(ANY, ending.id, f"{w('g.when')} {_short(ending.when.source)}", "", True))
    for rule in scenario.rules:
        out.append(Edge(ANY, RULE_PREFIX + rule.id, "", "", True))
        for ending_id in triggers(scenario, rule):
            out.append(Edge(RULE_PREFIX + rule.id, ending_id, w("g.can_end"), "", True))
    return out


def triggers(scenario: Scenario, rule: Rule) -> list[str]:
    """The conditional endings ``rule`` can trigger: those whose condition reads what the rule changes."""
    changed = {metric for metric, _delta in rule.effects.deltas} | set(rule.effects.set_flags)
    changed |= set(rule.effects.clear_flags)
    return [
        ending.id
        for ending in scenario.conditional_endings
        if ending.when is not None and changed & {name.removeprefix("flags.") for name in ending.when.names}
    ]


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


def _varies(what: str, variants: Variants, lang: str | None = None) -> str:
    """Label lines saying a text has variants, with the condition of each (``text: 2 variants``, then
    ``1: if staff_morale < 40``, ``2: otherwise``), or "" for a plain text."""
    if not variants:
        return ""
    lines = [f"\n{word('g.' + what, lang)}: {word('g.variants', lang, count=len(variants))}"]
    for index, variant in enumerate(variants, 1):
        when = f"{word('g.if', lang)} {_short(variant.when.source, 32)}" if variant.when is not None else None
        lines.append(f"\n  {index}: {when or word('g.otherwise', lang)}")
    return "".join(lines)


def _rule_label(rule: Rule, lang: str | None) -> str:
    """A rule's note: its id, the condition it reads, what it changes, and whether it fires once."""
    lines = [f"{word('g.rule', lang)} {rule.id}{'' if rule.once else ' · ' + word('g.every_time', lang)}"]
    lines.append(f"{word('g.when', lang)} {_short(rule.when.source)}")
    if rule.effects:
        lines.append(f"→ {_changes(rule.effects)}")
    return "\n".join(lines) + _varies("text", rule.text_variants, lang)


def _nodes(scenario: Scenario, lang: str | None = None) -> list[tuple[str, str, str, str]]:
    """(id, label lines joined by newline, fill colour, kind) for every node."""
    nodes = [
        (
            s.id,
            f"{s.id}\n{phase_word(lang or 'en', s.phase)}{_varies('text', s.text_variants, lang)}",
            PHASE_COLOURS.get(s.phase, "#ffffff"),
            "scene",
        )
        for s in scenario.scenes
    ]
    for ending in scenario.endings:
        rating = rating_word(lang or "en", ending.rating)
        label = f"{ending.id}\n{word('g.ending', lang)} · {RATING_MARKS.get(ending.rating, '')} {rating}"
        label += _varies("title", ending.title_variants, lang) + _varies("text", ending.text_variants, lang)
        nodes.append((ending.id, label, RATING_COLOURS.get(ending.rating, "#ffffff"), "ending"))
    if scenario.conditional_endings or scenario.rules:
        nodes.append((ANY, word("g.any", lang), "#ffffff", "any"))
    for rule in scenario.rules:
        nodes.append((RULE_PREFIX + rule.id, _rule_label(rule, lang), RULE_COLOUR, "rule"))
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


def mermaid(scenario: Scenario, path: set[tuple[str, str, str]] | None = None, lang: str | None = None) -> str:
    """The map as a Mermaid flowchart (valid on GitHub inside a ```mermaid block)."""
    nodes = _nodes(scenario, lang)
    names = {node_id: f"n{i}" for i, (node_id, *_rest) in enumerate(nodes)}
    lines = ["flowchart TD", f"  %% {_mermaid_text(scenario.title)} ({scenario.id})"]
    for phase, colour in PHASE_COLOURS.items():
        lines.append(f"  classDef {phase} fill:{colour},stroke:#555,color:#111")
    for rating, colour in RATING_COLOURS.items():
        lines.append(f"  classDef ending_{rating} fill:{colour},stroke:#333,stroke-width:2px,color:#111")
    lines.append("  classDef any fill:#ffffff,stroke:#999,stroke-dasharray:4 3,color:#333")
    if scenario.rules:
        lines.append(f"  classDef rule fill:{RULE_COLOUR},stroke:#8a6d00,color:#111")
    for node_id, label, _colour, kind in nodes:
        text = f'"{_mermaid_text(label)}"'
        if kind == "scene":
            scene = scenario.scene(node_id)
            lines.append(f"  {names[node_id]}[{text}]:::{scene.phase if scene else 'situation'}")
        elif kind == "ending":
            ending = scenario.ending(node_id)
            lines.append(f"  {names[node_id]}([{text}]):::ending_{ending.rating if ending else 'fair'}")
        elif kind == "rule":
            lines.append(f"  {names[node_id]}[/{text}/]:::rule")
        else:
            lines.append(f"  {names[node_id]}{{{{{text}}}}}:::any")
    marked: list[int] = []
    for index, edge in enumerate(edges(scenario, lang)):
        arrow = "-.->" if edge.dashed else "-->"
        label = f'|"{_mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"  {names[edge.source]} {arrow}{label} {names[edge.target]}")
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


def _stacked(label: str) -> str:
    """An edge label on several short lines (the choice and its style, then each condition or figure), so that
    Graphviz can place labels side by side without overlapping them or widening the map."""
    parts = label.split(" · ")
    return "\n".join([" · ".join(parts[:2]), *parts[2:]]) if len(parts) > 2 else label


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def dot(scenario: Scenario, path: set[tuple[str, str, str]] | None = None, lang: str | None = None) -> str:
    """The map as a Graphviz digraph (render with ``dot -Tsvg``)."""
    lines = [
        f"digraph {_dot_text(scenario.id)} {{",
        f"  graph [rankdir=TB, labelloc=t, fontname=Helvetica, label={_dot_text(scenario.title)}, nodesep=0.4];",
        '  node [shape=box, style="rounded,filled", fontname=Helvetica, fontsize=11];',
        "  edge [fontname=Helvetica, fontsize=9];",
    ]
    visited = {n for s, _c, t in path or () for n in (s, t)}
    for node_id, label, colour, kind in _nodes(scenario, lang):
        attrs = [f"label={_dot_text(label)}", f'fillcolor="{colour}"']
        if kind == "ending":
            attrs.append("shape=ellipse")
        elif kind == "rule":
            attrs += ["shape=note", 'style="filled"']
        elif kind == "any":
            attrs += ["shape=plaintext", 'style=""']
        if node_id == scenario.start:
            attrs.append("peripheries=2")
        if node_id in visited:
            attrs += [f'color="{HIGHLIGHT}"', "penwidth=3"]
        lines.append(f"  {_dot_text(node_id)} [{', '.join(attrs)}];")
    for edge in edges(scenario, lang):
        attrs = [f"label={_dot_text(_stacked(edge.label))}"] if edge.label else []
        if edge.source.startswith(RULE_PREFIX) or edge.target.startswith(RULE_PREFIX):
            attrs.append("style=dotted")
        elif edge.dashed:
            attrs.append("style=dashed")
        if path and (edge.source, edge.choice, edge.target) in path:
            attrs += [f'color="{HIGHLIGHT}"', f'fontcolor="{HIGHLIGHT}"', "penwidth=3"]
        lines.append(f"  {_dot_text(edge.source)} -> {_dot_text(edge.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
