"""`sticky check PATH...`: load scenario files, lint them, and report every diagnostic so that it teaches.

Each problem is shown with ``path:line:col``, its code and a one-line message, then the offending source line
with a caret under the spot, a hint or "did you mean", and the docs anchor. ``--format short`` prints one
line per problem (for grep and editors' problem matchers), ``--format json`` plain data for tools and CI.
Exit status: 0 when clean or only warnings, 1 on errors (or on warnings too with ``--strict``).
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from pathlib import Path

from game.authoring.diagnostics import CODES, Diagnostic, Severity
from game.authoring.lint import Source, check_file
from game.authoring.messages import counted, localize_diagnostic, word
from game.authoring.snippet import one_line, render
from game.authoring.translations import is_translation_file
from game.authoring.yamltree import MAX_BYTES
from game.core.visible import visible


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `check` subcommand."""
    parser = sub.add_parser(
        "check",
        help="check scenario files (and their translations) for problems",
        description="Check scenario files and their translations. Exit 0 when clean (warnings alone too), "
        "1 on errors, or on warnings with --strict. Every code is explained in docs/diagnostics.md.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")
    parser.add_argument(
        "--format",
        choices=("text", "short", "json"),
        default="text",
        help="text: with source lines and hints (default); short: one line each; json: for tools",
    )
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.set_defaults(func=run)


def scenario_files(paths: list[str]) -> tuple[list[str], list[str]]:
    """Main scenario files under ``paths`` (folders searched recursively) and paths that don't exist."""
    found: list[str] = []
    missing: list[str] = []
    for raw in paths:
        path = Path(raw)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError):  # the system can't even look (a name too long): the loader says so
            is_dir, exists = False, True
        if is_dir:
            found.extend(
                str(p) for p in sorted(path.rglob("*")) if p.suffix in (".yaml", ".yml") and not is_translation_file(p)
            )
        elif exists:
            found.append(str(path))
        else:
            missing.append(raw)
    return found, missing


class _Lines:
    """Source lines of the files diagnostics point into, read once each."""

    def __init__(self) -> None:
        self.cache: dict[str, list[str] | None] = {}

    def __call__(self, path: str) -> list[str] | None:
        if path not in self.cache:
            self.cache[path] = None
            try:
                info = os.stat(path)
                # only regular files within the size limit: never /dev/zero, a FIFO, or a refused 50 MB file
                if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_BYTES:
                    with open(path, "rb") as handle:
                        data = handle.read(MAX_BYTES + 1)
                    self.cache[path] = data.decode("utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError, ValueError):
                pass
        return self.cache[path]


MAX_PER_FILE = 200  # diagnostics printed per file; the rest are counted (a generated file may have 100,000)


def _same_id(scenario_id: str, path: str, first: str) -> Diagnostic:
    """S205 for a second file with a scenario id already checked in this run."""
    return Diagnostic(
        "S205",
        f"scenario id '{scenario_id}' is also the id of {first}",
        Source(path, Path(path).read_text(encoding="utf-8-sig", errors="replace")).key("id"),  # loaded: in bounds
        Severity.ERROR,
        "give each scenario its own id: records, saves, translations and `sticky play ID` find a scenario by it",
    )


def run(args: argparse.Namespace) -> int:
    """Check every file; exit 1 on errors (or on warnings with --strict)."""
    lang = getattr(args, "lang", None)
    files, missing = scenario_files(args.paths)
    for raw in missing:
        print(f"{visible(raw)}: {word('check.missing', lang)}", file=sys.stderr)
    if not files and not missing:
        print(f"{visible(', '.join(args.paths))}: {word('check.none', lang)}", file=sys.stderr)
        return 1
    diagnostics: list[Diagnostic] = []
    left_out: dict[str, int] = {}
    ids: dict[str, str] = {}
    errors = warnings = 0
    for path in files:
        checked = check_file(path)
        found = list(checked.diagnostics)
        scenario = checked.load.scenario
        if scenario is not None and scenario.id in ids:
            found.append(_same_id(scenario.id, path, ids[scenario.id]))
        elif scenario is not None:
            ids[scenario.id] = path
        errors += sum(d.severity is Severity.ERROR for d in found)
        warnings += sum(d.severity is not Severity.ERROR for d in found)
        diagnostics.extend(found[:MAX_PER_FILE])
        if len(found) > MAX_PER_FILE:
            left_out[path] = len(found) - MAX_PER_FILE
    if args.format == "json":
        print(
            json.dumps(
                {
                    "files": files,
                    "diagnostics": [
                        localize_diagnostic(d, lang).to_json() | {"title": CODES[d.code][1]} for d in diagnostics
                    ],
                    "errors": errors,
                    "warnings": warnings,
                    "not_shown": left_out,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif args.format == "short":
        for diagnostic in diagnostics:
            print(one_line(diagnostic, lang))
    else:
        lines = _Lines()
        for diagnostic in diagnostics:
            print(render(diagnostic, lines(diagnostic.pos.path), lang))
            print()
    if args.format != "json":
        for path, count in left_out.items():
            print(f"{visible(path)}: {counted('check.more', lang, count, limit=MAX_PER_FILE)}")
        summary = word(
            "check.summary",
            lang,
            files=counted("check.files", lang, len(files)),
            errors=counted("check.errors", lang, errors),
            warnings=counted("check.warnings", lang, warnings),
        )
        if warnings and not errors and not args.strict:
            summary += word("check.warnings_pass", lang)
        print(summary, file=sys.stderr)
    if missing or errors or (args.strict and warnings):
        return 1
    return 0
