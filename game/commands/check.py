"""`sticky check PATH...`: load scenario files and report every diagnostic."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.authoring.diagnostics import Diagnostic, Severity
from game.authoring.load import load_scenario
from game.authoring.translations import is_translation_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `check` subcommand."""
    parser = sub.add_parser("check", help="check scenario files (and their translations) for problems")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.set_defaults(func=run)


def scenario_files(paths: list[str]) -> tuple[list[str], list[str]]:
    """Main scenario files under ``paths`` (folders searched recursively) and paths that don't exist."""
    found: list[str] = []
    missing: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                str(p) for p in sorted(path.rglob("*")) if p.suffix in (".yaml", ".yml") and not is_translation_file(p)
            )
        elif path.exists():
            found.append(str(path))
        else:
            missing.append(raw)
    return found, missing


def run(args: argparse.Namespace) -> int:
    """Check every file; exit 1 on errors (or on warnings with --strict)."""
    files, missing = scenario_files(args.paths)
    for raw in missing:
        print(f"{raw}: error: no such file or folder", file=sys.stderr)
    diagnostics: list[Diagnostic] = []
    for path in files:
        diagnostics.extend(load_scenario(path).diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if args.format == "json":
        print(
            json.dumps(
                {
                    "files": files,
                    "diagnostics": [d.to_json() for d in diagnostics],
                    "errors": errors,
                    "warnings": warnings,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for diagnostic in diagnostics:
            print(diagnostic.format())
        summary = f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)"
        print(summary, file=sys.stderr)
    if missing or errors or (args.strict and warnings):
        return 1
    return 0
