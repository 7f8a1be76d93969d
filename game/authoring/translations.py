"""Translation files: ``<stem>.<lang>.yaml`` beside a scenario, text only, keyed by stable ids.

A translation is read into the same flat ``key -> text`` table that ``game.core.texts`` extracts from
the scenario, and checked against it: unknown keys are errors (with did-you-mean), missing texts are
warnings, and texts whose source changed since translation (per the optional ``source_hashes``) are stale.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from game.authoring.diagnostics import DiagnosticBag, Pos, did_you_mean
from game.authoring.messages import counted
from game.authoring.reader import Reader
from game.authoring.yamltree import YMap, YNode, YScalar, YSeq, parse_tree
from game.core.model import Scenario
from game.core.texts import extract_texts

SECTION_FIELDS = (
    "translation_of",
    "language",
    "title",
    "business",
    "summary",
    "goals",
    "metrics",
    "characters",
    "places",
    "reflection",
    "scenes",
    "rules",
    "endings",
    "source_hashes",
)
_RULE_WORDS = {
    "effects",
    "next",
    "when",
    "style",
    "set",
    "clear",
    "p",
    "best",
    "once",
    "rating",
    "start",
    "min",
    "max",
    "phase",
    "speaker",
    "place",
    "portrait",
    "image",
    "id",
}


def quoted_text(text: str, limit: int = 120) -> str:
    """``text`` in double quotes, cut to ``limit`` characters: the new source text, shown in a hint."""
    one_line = " ".join(text.split())
    return '"' + (one_line if len(one_line) <= limit else one_line[: limit - 1] + "…") + '"'


def text_hash(text: str) -> str:
    """The 8-hex fingerprint of a source text used to detect stale translations."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def translation_path(scenario_path: str | os.PathLike[str], language: str) -> Path:
    """Where the ``language`` translation of a scenario lives."""
    path = Path(scenario_path)
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def is_translation_file(path: str | os.PathLike[str]) -> bool:
    """True for ``name.xx.yaml`` files."""
    parts = Path(path).name.split(".")
    return len(parts) >= 3 and len(parts[-2]) == 2 and parts[-2].isalpha()


def find_translations(scenario_path: str | os.PathLike[str]) -> dict[str, str]:
    """Language -> path for every translation file beside the scenario."""
    path = Path(scenario_path)
    found: dict[str, str] = {}
    for candidate in sorted(path.parent.glob(f"{path.stem}.*{path.suffix}")):
        language = candidate.name[len(path.stem) + 1 : -len(path.suffix)]
        if len(language) == 2 and language.isalpha():
            found[language] = str(candidate)
    return found


def _flatten(
    node: YNode, prefix: str, out: dict[str, tuple[str, Pos]], bag: DiagnosticBag, places: dict[str, Pos], at: Pos
) -> None:
    """Every text of a translation as ``key -> (text, where its key is written)``; ``places`` gets where each
    section and entry is written, so a missing text can be pointed at the section it belongs in."""
    if isinstance(node, YScalar):
        if not node.is_null:
            out[prefix] = (node.value, at)
        return
    places[prefix] = at
    if isinstance(node, YSeq):
        for i, item in enumerate(node.items):
            _flatten(item, f"{prefix}.{i}" if prefix else str(i), out, bag, places, item.pos)
        return
    assert isinstance(node, YMap)
    for key, kpos, value in node.items():
        if key in _RULE_WORDS:
            bag.add("S604", f"'{key}' belongs in the main scenario file; a translation holds text only", kpos)
            continue
        if prefix.endswith(".chance") and key != "note":
            continue
        _flatten(value, f"{prefix}.{key}" if prefix else key, out, bag, places, kpos)


def _where_missing(key: str, places: dict[str, Pos], fallback: Pos) -> Pos:
    """Where a missing text belongs: the nearest section of its key that the translation has."""
    parts = key.split(".")
    for end in range(len(parts) - 1, 0, -1):
        found = places.get(".".join(parts[:end]))
        if found is not None:
            return found
    return fallback


def _optional_metric_text(key: str, scenario: Scenario) -> bool:
    """True for a metric label or unit the checker does not ask for (built-in or a bare "%")."""
    parts = key.split(".")
    return (
        len(parts) == 3
        and parts[0] == "metrics"
        and parts[2] in ("label", "unit")
        and (scenario.metric(parts[1]) is not None)
    )


def _variant_hint(key: str, source: dict[str, str]) -> str:
    """A hint when a translation gives one text where the scenario has variants, or a list where it has one."""
    count = 0
    while f"{key}.{count}" in source:
        count += 1
    if count:
        return f"this text has {count} variants in the scenario: give them as a list of {count} texts, in order"
    base, _dot, last = key.rpartition(".")
    if last.isdigit() and base in source:
        return "this text has no variants in the scenario: give it as one text, not a list"
    return ""


def load_translation(
    text: str, path: str, scenario: Scenario, language: str, bag: DiagnosticBag
) -> dict[str, str] | None:
    """The flat text table of a translation file checked against ``scenario``; None if unreadable."""
    tree = parse_tree(text, path, bag)
    if tree is None:
        return None
    reader = Reader(bag)
    top = reader.mapping(tree, "a translation file")
    if top is None:
        return None
    reader.fields(top, "the translation", SECTION_FIELDS, ("translation_of", "language"))
    of = reader.text(top.get("translation_of"), "translation_of")
    if of is not None and of != scenario.id:
        bag.add("S603", f"this translation is for '{of}', not '{scenario.id}'", top.key_pos("translation_of"))
        return None
    lang = reader.text(top.get("language"), "language")
    if lang is not None and lang != language:
        bag.add(
            "S603",
            f"the file name says '{language}' but the file says language '{lang}'",
            top.key_pos("language"),
        )
    hashes: dict[str, str] = {}
    hash_node = reader.mapping(top.get("source_hashes"), "source_hashes")
    if hash_node is not None:
        for key, _pos, value in hash_node.items():
            if isinstance(value, YScalar):
                hashes[key] = value.value
    entries: dict[str, tuple[str, Pos]] = {}
    places: dict[str, Pos] = {}
    for key, kpos, value in top.items():
        if key in ("translation_of", "language", "source_hashes"):
            continue
        _flatten(value, key, entries, bag, places, kpos)
    source = extract_texts(scenario)
    table: dict[str, str] = {}
    for key, (translated, pos) in entries.items():
        if key not in source and _optional_metric_text(key, scenario):
            table[key] = translated  # e.g. a "%" unit: nothing to translate, but translating it is fine
            continue
        if key not in source:
            hint = _variant_hint(key, source) or did_you_mean(key, source)
            bag.add("S602", f"'{key}' is not a text of scenario '{scenario.id}'", pos, hint=hint)
            continue
        table[key] = translated
        if key in hashes and hashes[key] != text_hash(source[key]):
            bag.add(
                "S605",
                f"'{key}' was translated from an older text; check it against the new one",
                pos,
                hint=f"the source text is now: {quoted_text(source[key])}",
            )
    missing = [k for k in source if k not in table]
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        fallback = top.key_pos("language") if "language" in top.keys else Pos(path, 1, 1)
        bag.add(
            "S601",
            counted("s601", "en", len(missing), lang=language, keys=shown),
            _where_missing(missing[0], places, fallback),
            hint=f"run: sticky translate {scenario.source_path} --to {language}",
        )
    return table
