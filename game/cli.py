"""The `sticky` command (also `python -m game`): a thin argparse front, one module per subcommand.

Each module in ``COMMANDS`` provides ``register(subparsers)``, which adds its parser and sets
``func`` to a function taking the parsed arguments and returning the exit status.
With no subcommand, `sticky` opens the game window, and imports no subcommand module on the way: the
options before the command are parsed first on their own, and the subcommands are registered only when
the command line names one or asks for help.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from game.files import StandardOutputError

COMMANDS: tuple[str, ...] = (
    "game.commands.check",
    "game.commands.play",
    "game.commands.schema",
    "game.commands.explore",
    "game.commands.graph",
    "game.commands.new",
    "game.commands.translate",
    "game.commands.records",
    "game.commands.replay",
    "game.commands.export",
    "game.commands.report",
    "game.commands.xapi",
    "game.commands.facilitate",
)

#: The languages of the game, its scenarios and its reports.
LANGUAGES: tuple[str, ...] = ("en", "es")

#: Where a subcommand's own ``--lang`` is parsed to, before ``main`` folds it into ``args.lang``.
_LANG_AFTER = "lang_after_command"
#: Likewise for ``--data`` written after the command.
_DATA_AFTER = "data_after_command"


def add_lang_option(parser: argparse.ArgumentParser, what: str) -> None:
    """Give a subcommand ``--lang``: the same option as ``sticky --lang``, written after the command.

    Both spellings (``sticky --lang es play PATH`` and ``sticky play PATH --lang es``) end up in
    ``args.lang``; given both ways with different languages, the command line is refused.
    """
    parser.add_argument(
        "--lang", choices=LANGUAGES, dest=_LANG_AFTER, default=None, help=f"{what} (same as `sticky --lang`)"
    )


#: Seeds are stored in the records as SQLite integers, and saves refuse larger ones: 64-bit signed.
SEED_LIMIT = 2**63


def seed_number(text: str) -> int:
    """``--seed``'s type: a whole number a record and a save can hold (argparse reports anything else)."""
    try:
        value = int(text)
    except ValueError:
        value = SEED_LIMIT
    if not -SEED_LIMIT <= value < SEED_LIMIT:
        raise argparse.ArgumentTypeError(word_in(_parsing_language, "cli.seed"))
    return value


def number_from(low: float, high: float, whole: bool = True) -> Callable[[str], float]:
    """An argparse type: a number from ``low`` to ``high`` (a whole one when ``whole``); NaN, infinity and
    anything else are refused with the range, in the language asked for."""

    def parse(text: str) -> float:
        try:
            value: float = int(text) if whole else float(text)
        except ValueError:
            value = math.nan
        if not low <= value <= high:  # NaN too
            from game.core.format import format_number

            key = "cli.whole_from" if whole else "cli.number_from"
            lang = _parsing_language
            shown = {name: format_number(v, lang or "en") for name, v in (("low", low), ("high", high))}
            raise argparse.ArgumentTypeError(word_in(lang, key, **shown))
        return value

    return parse


def _one_language(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    after = getattr(args, _LANG_AFTER, None)
    if hasattr(args, _LANG_AFTER):
        delattr(args, _LANG_AFTER)
    if after is not None:
        if args.lang is not None and args.lang != after:
            parser.error(f"--lang {args.lang} before the command and --lang {after} after it: give one language")
        args.lang = after
    data = getattr(args, _DATA_AFTER, None)
    if hasattr(args, _DATA_AFTER):
        delattr(args, _DATA_AFTER)
    if data is not None:
        if args.data is not None and args.data != data:
            parser.error(f"--data {args.data} before the command and --data {data} after it: give one folder")
        args.data = data


class _NotJustOptions(Exception):
    """Raised by the options-only parser where argparse would print an error and exit."""


class _OptionsOnlyParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotJustOptions(message)


def _top_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the options written before the command (``--lang``, ``--data``) to ``parser``."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language: of the game window (default: your setting), of a scenario played (default: its own), "
        "of a report (default: en); also accepted after the command",
    )
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="folder for settings, saves and records (default: your user data folder)",
    )
    parser.add_argument(
        "--scenarios",
        metavar="DIR",
        dest="scenarios_folder",
        help="a folder of your own scenarios, listed in the game beside the shipped ones and found by id "
        "(`sticky play my-shop`); remembered in your settings; --scenarios '' forgets it",
    )
    parser.add_argument("--version", action="version", version=f"sticky {version()}")
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every subcommand registered."""
    parser = _top_options(
        argparse.ArgumentParser(
            prog="sticky",
            description="Sticky Situations: practise difficult client conversations. With no command, opens the game.",
        )
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    for command in sub.choices.values():
        _options_after(command)
    return parser


def _options_after(parser: argparse.ArgumentParser) -> None:
    """Accept ``--lang`` and ``--data`` after the command too (``sticky check FILE --lang es``), on every
    command that has no subcommands of its own, and on each subcommand of those that do."""
    nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if nested:
        for action in nested:
            for child in action.choices.values():
                _options_after(child)
        return
    if "--lang" not in parser._option_string_actions:
        add_lang_option(parser, "language of messages, headings and labels")
    if "--data" not in parser._option_string_actions:
        parser.add_argument("--data", metavar="DIR", dest=_DATA_AFTER, default=None, help="same as `sticky --data DIR`")


def version() -> str:
    """The installed version of the game (or "unknown" when run from a folder that was never installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("sticky-situations")
    except PackageNotFoundError:
        return "unknown"


#: The arguments that name a scenario to read, per command (``records play`` is ``records``).
_SCENARIO_ARGS: dict[str, tuple[str, ...]] = {
    "play": ("path",),
    "check": ("paths",),
    "explore": ("path",),
    "graph": ("path",),
    "facilitate": ("path",),
    "translate": ("path",),
    "records": ("path",),
    "replay": ("scenario",),
}


def _remember_scenarios(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Keep ``--scenarios DIR`` in the settings (an empty DIR forgets it)."""
    if args.scenarios_folder is None:
        return
    from game.paths import data_dir
    from game.ui.storage import Settings

    folder = Path(args.scenarios_folder).expanduser()
    if args.scenarios_folder and not folder.is_dir():
        parser.error(f"--scenarios {args.scenarios_folder}: no such folder")
    data = data_dir(args.data)
    settings = Settings.load(data)
    settings.scenarios_folder = str(folder.resolve()) if args.scenarios_folder else ""
    try:
        settings.save(data)
    except OSError as exc:
        parser.error(f"--scenarios: cannot remember it in {data}: {exc.strerror or exc}")


def scenario_folders(data: str | None) -> list[Path]:
    """Where a scenario id is looked for: the shipped scenarios, then the folder set with ``--scenarios``."""
    from game.paths import SCENARIOS, data_dir
    from game.ui.storage import Settings

    folders = [SCENARIOS]
    own = Settings.load(data_dir(data)).scenarios_folder
    if own:
        folders.append(Path(own))
    return folders


def _resolve_scenario_ids(args: argparse.Namespace) -> None:
    """Turn a scenario id (``spa-hotel``) into its file wherever the command takes a scenario path."""
    from game.paths import find_scenario

    folders: list[Path] = []

    def resolve(ref: str) -> str:
        if _exists(ref):
            return ref
        if not folders:
            folders.extend(scenario_folders(args.data))
        return find_scenario(ref, folders)

    for name in _SCENARIO_ARGS.get(getattr(args, "command", None) or "", ()):
        value = getattr(args, name, None)
        if isinstance(value, list):
            setattr(args, name, [resolve(str(v)) for v in value])
        elif isinstance(value, str):
            setattr(args, name, resolve(value))


def _exists(path: str) -> bool:
    """True when something is at ``path``; False also when the system can't even look (a name too long), so the
    command that opens it says what is wrong with it."""
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False


def _window_only(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The parsed options when the command line holds nothing but valid options before a command
    (``sticky``, ``sticky --lang es``); None when it names a command, asks for help or has a mistake,
    which the full parser then handles (and words) as before."""
    parser = _top_options(_OptionsOnlyParser(prog="sticky", add_help=False))
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotJustOptions:
        return None
    if rest or args.data == "":  # the full parser words the mistake (in Spanish too)
        return None
    args.command = None
    return args


def _language_asked(argv: Sequence[str] | None) -> str | None:
    """The language the command line asks for with ``--lang`` (before or after the command), if any."""
    tokens = list(sys.argv[1:] if argv is None else argv)
    asked = None
    for index, token in enumerate(tokens):
        if token == "--lang" and index + 1 < len(tokens):
            asked = tokens[index + 1]
        elif token.startswith("--lang="):
            asked = token.partition("=")[2]
    return asked


#: the ``--lang`` of the command line being parsed, for the argument types' messages (set by ``parse_args``)
_parsing_language: str | None = None


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line, with ``--lang`` in ``args.lang`` whether given before or after the command."""
    global _parsing_language
    _parsing_language = _language_asked(argv)
    window = _window_only(argv)
    if window is not None:
        if window.scenarios_folder is not None:  # `sticky --scenarios DIR`: remember it, then open the game
            _remember_scenarios(_top_options(argparse.ArgumentParser(prog="sticky")), window)
        return window
    if _language_asked(argv) == "es":  # argparse's words and the authoring commands' help in Spanish
        from game.authoring.explore import DEFAULT_MAX_STATES
        from game.authoring.explore_acyclic import DEFAULT_SWEEP_STATES
        from game.commands import spanish_help
        from game.core.format import format_number

        with spanish_help.spoken("es"):
            parser = build_parser()
            limits = {"sweep": DEFAULT_SWEEP_STATES, "graph": DEFAULT_MAX_STATES}
            spanish_help.translate_help(parser, **{k: format_number(v, "es") for k, v in limits.items()})
            args = parser.parse_args(argv)
            _one_language(parser, args)
            _no_empty_data(parser, args)
            _no_empty_paths(parser, args)
    else:
        parser = build_parser()
        args = parser.parse_args(argv)
        _one_language(parser, args)
        _no_empty_data(parser, args)
        _no_empty_paths(parser, args)
    _remember_scenarios(parser, args)
    _resolve_scenario_ids(args)
    return args


def _no_empty_paths(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse a scenario path given as '' (a script's empty variable), which would be reported as a file
    with no name."""
    for name in _SCENARIO_ARGS.get(getattr(args, "command", None) or "", ()):
        value = getattr(args, name, None)
        if value == "" or (isinstance(value, list) and "" in value):
            parser.error(word_in(args.lang, "cli.path_empty"))


def _no_empty_data(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse ``--data ''``: an empty name would quietly mean the user's own data folder, and a script that
    meant another folder would write there."""
    if args.data == "":
        parser.error(word_in(args.lang, "cli.data_empty"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    No traceback for what the system refuses: an unusable data folder, a file the command can't open or write,
    a standard output that is full or closed each get one line in the language asked for and status 1 (a
    reader that stops early, ``| head``, ends the command quietly)."""
    for stream in (sys.stdout, sys.stderr):  # never die on a character the output's encoding lacks (cp1252)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    from game.files import GuardedOutput

    original = sys.stdout
    if sys.stderr is None:  # `2>&-`: messages go nowhere rather than into the output
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open for the life of the process)
    sys.stdout = GuardedOutput(original)
    try:
        return _run(argv)
    finally:
        sys.stdout = original


def _run(argv: Sequence[str] | None) -> int:
    """Parse and run the command; every failure the user can act on becomes one line on stderr."""
    from game.files import StandardOutputError
    from game.paths import DataFolderError

    lang = _language_asked(argv)
    try:
        args = parse_args(argv)
        lang = args.lang or lang
        func = getattr(args, "func", None)
        if func is None:
            from game.ui.launch import launch

            status = launch(args)
        else:
            status = int(func(args))
        sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except DataFolderError as exc:
        print(_data_folder_message(exc, lang), file=sys.stderr)
        return 1
    except StandardOutputError as exc:
        return _output_failed(exc, lang)
    except SystemExit as stop:  # argparse's --help and --version print, swallow a failed write, then exit 0
        if stop.code in (0, None):
            try:
                sys.stdout.flush()
            except StandardOutputError as exc:
                return _output_failed(exc, lang)
            failure = getattr(sys.stdout, "failure", None)
            if failure is not None:
                return _output_failed(failure, lang)
        raise
    except OSError as exc:  # a path the system refused (a name too long, a folder that can't be made)
        from game.core.visible import visible

        where = _cut(visible(str(exc.filename))) if exc.filename is not None else "sticky"
        reason = str(exc.strerror or exc)
        if isinstance(exc, (FileExistsError, NotADirectoryError)):  # a folder was to be made, or looked into, there
            reason = word_in(lang, "cli.not_a_folder")
        print(word_in(lang, "cli.file_error", path=where, why=reason), file=sys.stderr)
        return 1


def _output_failed(exc: StandardOutputError, lang: str | None) -> int:
    """Say on stderr that the standard output could not be written (closed, or full); the exit status 1."""
    why = word_in(lang, "cli.output_closed") if exc.closed else str(exc.strerror)
    print(word_in(lang, "cli.output_failed", why=why), file=sys.stderr)
    return 1


def word_in(lang: str | None, key: str, **values: object) -> str:
    """A phrase of the command line in ``lang`` (see ``game.authoring.messages.word``)."""
    from game.authoring.messages import word

    return word(key, lang, **values)


def _data_folder_message(exc: Exception, lang: str | None) -> str:
    """One line naming the data folder that can't be used and why, in ``lang``."""
    from game.core.visible import visible

    path = getattr(exc, "path", "")
    if getattr(exc, "reason", "") == "not-a-folder":
        why = word_in(lang, "cli.not_a_folder")
    else:
        why = word_in(lang, "cli.cannot_make", why=getattr(exc, "detail", "") or exc)
    return word_in(lang, "cli.data_folder", path=_cut(visible(str(path))), why=why)


def _cut(text: str, limit: int = 200) -> str:
    """``text`` at most ``limit`` characters long, with … where it was cut (a path may be 4,000 characters)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _silence_stdout() -> None:
    """After a reader went away, point the standard output at nothing so the exit's flush stays quiet (only the
    process's own standard output: a test's captured stream is left alone)."""
    stream = getattr(sys.stdout, "stream", sys.stdout)
    if stream is not sys.__stdout__ or stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return
    if fd < 0:
        return
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
