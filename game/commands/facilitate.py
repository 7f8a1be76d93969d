"""`sticky facilitate PATH`: facilitated group play on a projector, with votes recorded for the cohort."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.authoring.messages import trainer_message, word
from game.cli import add_lang_option, seed_number
from game.commands.common import load_for_play
from game.core.format import format_number
from game.files import OutputError
from game.locale import plural
from game.training.cli_support import with_records
from game.training.identity import BadName, clean_name
from game.training.record_store import Records

#: The longest discussion timer: an hour per decision.
MAX_COUNTDOWN = 3600


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `facilitate` subcommand."""
    parser = sub.add_parser("facilitate", help="facilitated group play: discuss, vote, reveal, play, debrief")
    parser.add_argument("path", metavar="PATH", help="a scenario file")
    add_lang_option(parser, "language of the text")
    parser.add_argument("--cohort", metavar="CODE", help="cohort or workshop code for the records")
    parser.add_argument(
        "--countdown",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="discussion timer per decision (Space starts it; default: none)",
    )
    parser.add_argument(
        "--seed",
        type=seed_number,
        default=0,
        help="seed for chance outcomes and the order choices are shown in (default 0)",
    )
    parser.add_argument("--window", default="1280x720", metavar="WxH", help="window size (default 1280x720)")
    parser.add_argument("--fullscreen", action="store_true", help="fill the projector screen")
    parser.add_argument("--no-record", action="store_true", help="don't record this session")
    parser.add_argument("--keys", help="play these keys headless, comma-separated (for tests and demos)")
    parser.add_argument("--screenshots", metavar="DIR", help="with --keys: save a PNG after every key")
    phones = parser.add_argument_group("phone voting")
    phones.add_argument(
        "--serve", action="store_true", help="let the room vote from their phones: a web page on this network"
    )
    phones.add_argument(
        "--host", default="0.0.0.0", help="with --serve: the address to listen on (default 0.0.0.0, every network)"
    )
    phones.add_argument(
        "--port", type=int, default=8765, help="with --serve: the port to listen on (default 8765; 0 picks a free one)"
    )
    parser.set_defaults(func=with_records(run, auto_send=True))


def run(args: argparse.Namespace, records: Records) -> int:
    """Open the projector window (or play the scripted keys) and report how it ended."""
    lang = args.lang
    scenario, _ = load_for_play(args.path, lang)
    if scenario is None:
        return 1
    try:
        width, height = (int(v) for v in args.window.lower().split("x"))
        if not (640 <= width <= 7680 and 360 <= height <= 4320):  # a larger window is gigabytes of pixels
            raise ValueError
    except ValueError:
        print(word("rec.window", lang), file=sys.stderr)
        return 1
    if not 0 <= args.countdown <= MAX_COUNTDOWN:  # NaN and infinity too
        print(word("rec.countdown", lang, max=format_number(MAX_COUNTDOWN, lang or "en")), file=sys.stderr)
        return 1
    if args.cohort is not None:
        try:
            args.cohort = clean_name(args.cohort, "cohort")
        except BadName as exc:
            print(word("rec.error", lang, why=trainer_message(str(exc), lang)), file=sys.stderr)
            return 1
    if not 0 <= args.port <= 65535:
        print(word("rec.port", lang, max=65535), file=sys.stderr)
        return 1
    from game.ui.facilitate.app import run as run_app

    server = start_phones(args, scenario.language) if args.serve else None
    if args.serve and server is None:
        return 1
    try:
        play = run_app(
            scenario,
            None if args.no_record else records,
            seed=args.seed,
            cohort=args.cohort,
            countdown=args.countdown,
            size=(width, height),
            fullscreen=args.fullscreen,
            keys=args.keys,
            screenshots=Path(args.screenshots) if args.screenshots else None,
            phones=(server.room, server.address, server.link) if server is not None else None,
        )
    except (ValueError, OutputError) as exc:  # a bad key; a screenshot that can't be written (a full disk)
        print(word("rec.error", lang, why=trainer_message(str(exc), lang)), file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.stop()
    ending = play.session.ending
    if ending:
        where = word("rec.group_ending", lang, id=ending.id, rating=ending.rating)
    else:
        where = word("rec.group_stopped", lang, scene=play.session.state.node)
    recorded = word("rec.group_recorded", lang, pid=play.pid) if play.pid is not None else ""
    decisions = plural(lang or "en", len(play.rounds), "count.decisions")
    print(word("rec.group", lang, decisions=decisions, where=where, recorded=recorded))
    return 0


def start_phones(args: argparse.Namespace, language: str) -> Any:
    """Start the phone-voting server (``--serve``) and say where phones reach it; None (and a message) if it
    can't listen there."""
    from game.training.vote_room import VoteRoom
    from game.training.vote_server import PhoneServer

    try:
        server = PhoneServer(VoteRoom(), language, args.host, args.port).start()
    except (OSError, OverflowError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        lang = args.lang
        print(word("rec.cant_serve", lang, host=args.host, port=args.port, why=reason), file=sys.stderr)
        print(word("rec.port_hint", lang), file=sys.stderr)
        return None
    print(word("rec.phones", args.lang, address=server.address, code=server.room.code), flush=True)
    return server
