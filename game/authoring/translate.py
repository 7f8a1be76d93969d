"""`sticky translate`: create or update a scenario's translation file, keeping every translation already made.

The file is ``<stem>.<lang>.yaml`` beside the scenario (see ``docs/scenario-format.md``). For every text of the
scenario (``game.core.texts.extract_texts``):

* a text with no translation yet is added as a copy of the source text marked ``# TODO`` (the checker reports
  it as untranslated, S601, at its line); while it is still to do, it follows the source text;
* a translation is kept as it is; ``source_hashes`` records the fingerprint (``text_hash``) of the source text it
  was made from;
* when the source text changed since (its fingerprint differs), the translation is kept, marked ``# STALE``
  (the checker reports S605 at its line) and the fingerprint updated: review it, then delete the marker.

The comments (the header and the markers) are written in the author's language, the tools' ``--lang``: a
Spanish author reads ``# PENDIENTE`` and ``# DESACTUALIZADO``. Both languages' markers are read back, so a file
written in either keeps working whatever the author's language is now.

Texts the scenario no longer has (a renamed scene, a deleted choice) are dropped. A file the loader would
refuse (larger than a scenario file may be, say) is never written: ``TranslationOutputError`` says why.
Comments of the translator are not kept (the file is rewritten).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from game.authoring.diagnostics import Diagnostic, DiagnosticBag, Pos, Severity
from game.authoring.messages import word
from game.authoring.reader import kind_of
from game.authoring.translations import load_translation, quoted_text, text_hash, translation_path
from game.authoring.yamlfile import MAX_BYTES, read_text
from game.authoring.yamltree import YMap, YNode, YScalar, YSeq, parse_tree
from game.core.model import Scenario
from game.core.texts import extract_texts
from game.files import write_atomic

#: The markers as written, in every language of the tools -> what they mark ("TODO" or "STALE").
MARKERS: dict[str, str] = {"TODO": "TODO", "STALE": "STALE", "PENDIENTE": "TODO", "DESACTUALIZADO": "STALE"}
MARKER = re.compile(r"#\s*(" + "|".join(MARKERS) + r")\b")
TODO = "# TODO: translate, then delete this marker"


def todo_marker(lang: str | None = None) -> str:
    """The ``# TODO`` comment in the author's language ``lang`` (``# PENDIENTE`` in Spanish)."""
    return word("t.todo_marker", lang)


def stale_marker(source_text: str, lang: str | None = None) -> str:
    """The ``# STALE`` comment in the author's language ``lang`` (``# DESACTUALIZADO`` in Spanish), showing the
    new source text the translation must be checked against."""
    return word("t.stale_marker", lang, text=quoted_text(source_text))


@dataclass
class Entry:
    """One text of an existing translation file: its text, where it is, its marker (TODO, STALE or "") and
    that marker as written (``PENDIENTE`` is a TODO written for a Spanish author)."""

    text: str
    pos: Pos
    marker: str = ""
    written: str = ""


@dataclass
class Update:
    """What ``update_translation`` did."""

    path: Path
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def leaves(node: YNode, prefix: str = "", key_pos: Pos | None = None) -> Iterator[tuple[str, Pos, YScalar]]:
    """Every scalar of a translation tree with its dotted key and where its key is written."""
    if isinstance(node, YScalar):
        if prefix:
            yield prefix, key_pos or node.pos, node
    elif isinstance(node, YSeq):
        for index, item in enumerate(node.items):
            yield from leaves(item, f"{prefix}.{index}", item.pos)
    elif isinstance(node, YMap):
        for key, kpos, value in node.items():
            yield from leaves(value, f"{prefix}.{key}" if prefix else key, kpos)


class TranslationFileError(ValueError):
    """The existing translation file can't be read; it is left untouched. ``diagnostics`` say why (in English;
    ``game.authoring.messages`` gives them in the author's language)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


def read_entries(text: str, path: str, strict: bool = False) -> tuple[dict[str, Entry], dict[str, str]]:
    """The texts of a translation file (with their markers) and its ``source_hashes``.

    With ``strict``, a file that is not a readable YAML mapping raises TranslationFileError.
    """
    bag = DiagnosticBag()
    tree = parse_tree(text, path, bag)
    if not isinstance(tree, YMap):
        if strict:
            got = "empty" if tree is None or (isinstance(tree, YScalar) and tree.is_null) else kind_of(tree)
            where = tree.pos if tree is not None else Pos(path, 1, 1)
            no_mapping = Diagnostic(
                "S201", f"a translation file must be a mapping of 'key: value' lines, not {got}", where
            )
            raise TranslationFileError(bag.sorted() or [no_mapping])
        return {}, {}
    lines = text.splitlines()
    entries: dict[str, Entry] = {}
    hashes: dict[str, str] = {}
    for key, key_pos, value in leaves(tree):
        if key.startswith("source_hashes."):
            hashes[key[len("source_hashes.") :]] = value.value
            continue
        if key in ("translation_of", "language") or value.is_null:
            continue
        marker = written = ""
        for number in sorted({key_pos.line, value.pos.line}):
            found = MARKER.search(lines[number - 1]) if 0 < number <= len(lines) else None
            if found:
                written = found.group(1)
                marker = MARKERS[written]
                break
        entries[key] = Entry(value.value, value.pos, marker, written)
    return entries, hashes


def update_translation(scenario: Scenario, language: str, lang: str | None = None) -> Update:
    """Create or update the ``language`` translation file of ``scenario`` (see the module docstring), its
    comments in the author's language ``lang`` (English when None).

    An existing file that can't be read raises TranslationFileError and is not overwritten.
    """
    target = translation_path(scenario.source_path, language)
    update = Update(target)
    entries: dict[str, Entry] = {}
    hashes: dict[str, str] = {}
    if target.exists():
        # read as the loader reads: a FIFO or a link to /dev/zero is refused, never read without end
        bag = DiagnosticBag()
        existing = read_text(str(target), bag)
        if existing is None:
            raise TranslationFileError(bag.items)
        entries, hashes = read_entries(existing, str(target), strict=True)
    source = extract_texts(scenario)
    out: dict[str, tuple[str, str]] = {}  # key -> (text, marker comment)
    new_hashes: dict[str, str] = {}
    todo = todo_marker(lang)
    for key, original in source.items():
        current = text_hash(original)
        new_hashes[key] = current
        entry = entries.get(key)
        if entry is None:
            out[key] = (original, todo)
            update.added.append(key)
        elif entry.marker == "TODO":
            out[key] = (original, todo)
            update.todo.append(key)
        elif hashes.get(key, current) != current or entry.marker == "STALE":
            out[key] = (entry.text, stale_marker(original, lang))
            update.stale.append(key)
        else:
            out[key] = (entry.text, "")
            update.kept.append(key)
    update.dropped = [k for k in entries if k not in source]
    text = render(scenario, language, out, new_hashes, lang)
    refuse_unloadable(text, target, scenario, language)
    write_atomic(target, text)  # the old translation stays whole on failure
    return update


class TranslationOutputError(TranslationFileError):
    """The translation ``sticky translate`` would write is one its own loader would refuse (e.g. too large);
    nothing was written."""


def refuse_unloadable(text: str, target: Path, scenario: Scenario, language: str, max_bytes: int = MAX_BYTES) -> None:
    """Raise TranslationOutputError, before anything is written, when the loader would refuse ``text``:
    larger than a scenario file may be, or any error the translation checker finds in it."""
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise TranslationOutputError(
            [
                Diagnostic(
                    "S105",
                    f"the translation would be {size / 1_048_576:.1f} MB; translation files may be at most "
                    f"{max_bytes / 1_048_576:g} MB (shorten the scenario's texts or split it in two)",
                    Pos(str(target), 1, 1),
                )
            ]
        )
    bag = DiagnosticBag()
    load_translation(text, str(target), scenario, language, bag)
    errors = [d for d in bag.sorted() if d.severity is Severity.ERROR]
    if errors:
        raise TranslationOutputError(errors)


def _scalar(text: str) -> str:
    """A double-quoted YAML scalar (JSON string syntax is valid YAML); text stays exactly as it is."""
    return json.dumps(text, ensure_ascii=False)


def render(
    scenario: Scenario,
    language: str,
    texts: dict[str, tuple[str, str]],
    hashes: dict[str, str],
    lang: str | None = None,
) -> str:
    """The translation file's text: sections in the scenario's order, markers as end-of-line comments, the
    comments in the author's language ``lang``."""
    name = Path(scenario.source_path).name
    lines = [
        word("t.header", lang, language=language, name=name),
        word("t.header_markers", lang),
        f"translation_of: {scenario.id}",
        f"language: {language}",
    ]
    tree: dict[str, object] = {}
    for key, value in texts.items():
        node = tree
        parts = key.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})  # type: ignore[assignment]
        node[parts[-1]] = value
    _emit(tree, 0, lines)
    lines.append(f"source_hashes:  {word('t.hashes', lang)}")
    lines.extend(f"  {key}: {_scalar(value)}" for key, value in hashes.items())
    return "\n".join(lines) + "\n"


def _emit(node: dict[str, object], depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    for key, value in node.items():
        if isinstance(value, tuple):
            text, marker = value
            lines.append(f"{pad}{key}: {_scalar(text)}" + (f"  {marker}" if marker else ""))
        elif isinstance(value, dict) and value and all(k.isdigit() for k in value):
            lines.append(f"{pad}{key}:")
            for index in range(max(int(k) for k in value) + 1):
                item = value.get(str(index))
                if isinstance(item, tuple):
                    lines.append(f"{pad}  - {_scalar(item[0])}" + (f"  {item[1]}" if item[1] else ""))
                elif isinstance(item, dict):
                    first = True
                    for sub, leaf in item.items():
                        assert isinstance(leaf, tuple)
                        lead = f"{pad}  - " if first else f"{pad}    "
                        lines.append(f"{lead}{sub}: {_scalar(leaf[0])}" + (f"  {leaf[1]}" if leaf[1] else ""))
                        first = False
                else:
                    lines.append(f"{pad}  - {{}}")
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            _emit(value, depth + 1, lines)
