"""The command line against a hostile user: a data folder that is not a folder, an empty one, paths the system
refuses, and a standard output that is full, closed or stops reading. Each gets one line, in the language asked
for, a non-zero exit (a reader that stops early aside), and never a traceback."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

BAKERY = str(DATA / "bakery.yaml")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env["STICKY_XAPI_AUTOSEND"] = "0"
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env.pop("STICKY_DATA_DIR", None)
    env.update(extra)
    return env


def sticky(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real command, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=ROOT, env=_env(**env), capture_output=True, text=True, timeout=60
    )


def shell(line: str) -> subprocess.CompletedProcess[str]:
    """A shell line running `sticky` (as ``STICKY``), for redirections Python's subprocess can't express."""
    command = line.replace("STICKY", f"{shlex.quote(sys.executable)} -m game")
    return subprocess.run(["bash", "-c", command], cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=60)


def _one_clean_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "is a file or a device there, not a folder"), ("es", "no una carpeta")]
)
def test_a_data_folder_that_is_not_a_folder_is_named_in_one_line(tmp_path: Path, lang: str, words: str) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me\n", encoding="utf-8")
    for data in (str(a_file), "/dev/null", str(a_file / "inside")):
        for command in ((), ("play", "spa-hotel", "--json"), ("records", "list"), ("records", "recover")):
            result = sticky("--lang", lang, "--data", data, *command)
            line = _one_clean_line(result)
            assert result.returncode == 1, (command, result.stderr)
            assert data in line and words in line, line
            assert result.stdout == ""
    assert a_file.read_text(encoding="utf-8") == "keep me\n"


def test_records_play_into_a_file_named_as_the_data_folder_changes_nothing(tmp_path: Path) -> None:
    a_file = tmp_path / "data"
    a_file.write_bytes(b"\x00\x01 not a folder")
    result = sticky("records", "play", BAKERY, "--choices", "1", "--data", str(a_file))
    assert result.returncode == 1
    assert "cannot use the data folder" in _one_clean_line(result)
    assert a_file.read_bytes() == b"\x00\x01 not a folder"


@pytest.mark.parametrize(("lang", "words"), [("en", "give a folder's name"), ("es", "indica el nombre de una carpeta")])
def test_an_empty_data_folder_name_is_refused_and_the_users_own_folder_is_left_alone(
    tmp_path: Path, lang: str, words: str
) -> None:
    home = tmp_path / "home"
    for command in (("records", "play", BAKERY, "--choices", "1"), ("records", "list"), ()):
        result = sticky("--lang", lang, *command, "--data", "", HOME=str(home), XDG_DATA_HOME=str(home / "share"))
        assert result.returncode == 2, (command, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr
    assert not home.exists()  # the user's own data folder was never made, so nothing was recorded there


def test_paths_too_long_for_the_system_are_errors_not_tracebacks(tmp_path: Path) -> None:
    name = "x" * 5000
    long_file = str(tmp_path / ("y" * 300))
    data = str(tmp_path / "data")
    for command in (
        ("play", name),
        ("check", name),
        ("explore", name),
        ("translate", long_file, "--to", "es"),
        ("replay", "1", "--scenario", long_file),
        ("new", long_file + ".yaml"),
        ("play", BAKERY, "--choices", "1", "--screenshots", long_file),
        ("--scenarios", name, "records", "list"),
    ):
        result = sticky("--data", data, *command)
        assert result.returncode in (1, 2), (command, result.stderr)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        assert "error" in result.stderr
        assert len(result.stderr) < 12_000, command  # a 5,000-character name is not quoted twice


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    ("redirect", "en", "es"),
    [
        (">/dev/full", "cannot write to the standard output", "no se puede escribir en la salida estándar"),
        (">&-", "the standard output is closed", "la salida estándar está cerrada"),
    ],
)
def test_a_standard_output_that_cannot_be_written_is_said_and_fails(
    tmp_path: Path, redirect: str, en: str, es: str
) -> None:
    data = tmp_path / "data"
    played = sticky("--data", str(data), "records", "play", BAKERY, "--choices", "1,1,1,1,1,1,1,1")
    assert "Traceback" not in played.stderr
    for command in (
        f"play {BAKERY} --json",
        "schema",
        f"graph {BAKERY}",
        f"explore {BAKERY} --strategies",
        "records list",
        "records export -",
        f"replay 1 --scenario {BAKERY}",
        "--help",  # argparse swallows a failed write of its help and version, then exits 0
        "--version",
        "records play --help",
    ):
        for lang, words in (("en", en), ("es", es)):
            result = shell(f"STICKY --lang {lang} --data {data} {command} {redirect}")
            assert result.returncode == 1, (command, result.stderr)
            assert "Traceback" not in result.stderr
            said = [line for line in result.stderr.splitlines() if words in line]  # (after the scenario's warnings)
            assert len(said) == 1 and said[0].startswith("error:"), (command, result.stderr)


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    sticky("--data", str(data), "records", "play", BAKERY, "--choices", "1,1,1,1,1,1,1,1")
    for command in (
        f"play {BAKERY} --json",
        "schema",
        "records list --json",
        f"replay 1 --scenario {BAKERY}",
        "records export -",
    ):
        result = shell(f"STICKY --data {data} {command} | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}")
        assert result.returncode == 0, (command, result.stderr)
        assert "Traceback" not in result.stderr and "error" not in result.stderr, (command, result.stderr)


@pytest.mark.parametrize(
    ("stdin", "en", "es"),
    [
        ("</dev/zero", "the input is not typed text", "la entrada no es texto escrito"),
        ("< <(head -c 20000 /dev/urandom)", "the input is not typed text", "la entrada no es texto escrito"),
        ("<&-", "(input ended)", "(se acabó la entrada)"),
    ],
)
def test_terminal_play_never_reads_a_stream_without_end_nor_fails_on_a_closed_one(stdin: str, en: str, es: str) -> None:
    for lang, words in (("en", en), ("es", es)):
        result = shell(f"STICKY play {BAKERY} --text --lang {lang} {stdin}")  # /dev/zero used to be read forever
        assert "Traceback" not in result.stderr
        last_words = " ".join(result.stdout.split())[-160:]  # the last message, however the terminal wraps it
        assert words in last_words, last_words
        assert result.returncode == (0 if "ended" in en else 1)


def test_records_play_refuses_what_the_records_could_not_keep_and_records_nothing(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    refused = {
        ("--seconds", "nan,inf"): (1, "--seconds takes numbers of seconds from 0"),  # was recorded: then every
        ("--seconds", "-5"): (1, "--seconds takes numbers of seconds from 0"),  # list and report said "damaged"
        ("--seed", "9" * 25): (2, "64-bit"),  # was an OverflowError traceback
        ("--learner", "\x1b]0;owned\x07Ann"): (1, "not printable"),  # `records learner` refused it; play did not
        ("--learner", "n" * 3000): (1, "longer than 80 characters"),  # `records import` would refuse its export
        ("--cohort", ""): (1, "the cohort is empty"),
        ("--mode", "hacked"): (2, "'assessment'"),  # the modes it takes
    }
    for option, (status, words) in refused.items():
        result = sticky("--data", data, "records", "play", BAKERY, "--choices", "1,1", *option)
        assert result.returncode == status and words in result.stderr, (option, result.stderr)
        assert "Traceback" not in result.stderr
    listed = sticky("--data", data, "records", "list")
    assert listed.returncode == 0 and "0 playthroughs" in listed.stderr
    extreme = sticky("--data", data, "records", "play", BAKERY, "--choices", "1", "--seed", str(-(2**63)))
    assert extreme.returncode == 0, extreme.stderr  # the smallest seed a record holds still plays
    assert sticky("--data", data, "replay", "1", "--scenario", BAKERY).returncode == 0


def test_a_screenshots_folder_that_is_a_file_is_named_as_such(tmp_path: Path) -> None:
    a_file = tmp_path / "shots"
    a_file.write_text("keep me\n", encoding="utf-8")
    data = str(tmp_path / "data")
    for command in (
        ("play", BAKERY, "--choices", "1", "--screenshots", str(a_file)),
        ("play", BAKERY, "--choices", "1", "--screenshots", str(a_file / "inside")),
        ("facilitate", BAKERY, "--keys", "esc,esc", "--screenshots", str(a_file)),
    ):
        result = sticky("--data", data, *command)
        assert result.returncode == 1, (command, result.stderr)  # was "File exists", the system's words
        assert "there is a file or a device there, not a folder" in _one_clean_line(result), result.stderr
    assert a_file.read_text(encoding="utf-8") == "keep me\n"


def test_xapi_settings_the_game_could_not_read_back_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = sticky("--data", str(data), "xapi", "config", "--endpoint", "https://lrs.example.org/xAPI/")
    assert good.returncode == 0
    before = (data / "lrs.json").read_bytes()
    for option, words in (
        (("--endpoint", "https://" + "a" * 100_000 + ".org/"), "at most 2,000"),  # was written, then unreadable
        (("--endpoint", "https://lrs.example.org/\nHost: evil"), "not printable"),  # a header of its own
        (("--password", "se\ncret"), "not printable"),
    ):
        result = sticky("--data", str(data), "xapi", "config", *option)
        assert result.returncode == 1 and words in _one_clean_line(result), result.stderr
        assert (data / "lrs.json").read_bytes() == before
    shown = sticky("--data", str(data), "xapi", "config")
    assert shown.returncode == 0 and "https://lrs.example.org/xAPI/" in shown.stdout


@pytest.mark.parametrize(
    ("option", "en", "es"),
    [
        (("--timeout", "inf"), "a number from 0.1 to 600", "un número de 0,1 a 600"),  # was a traceback
        (("--timeout", "nan"), "a number from 0.1 to 600", "un número de 0,1 a 600"),  # was 0.1, silently
        (("--retries", "999999999"), "a whole number from 0 to 20", "un número entero de 0 a 20"),  # never ended
        (("--batch", "0"), "a whole number from 1 to 1,000", "un número entero de 1 a 1000"),  # was 1, silently
    ],
)
def test_xapi_send_numbers_out_of_range_are_refused(tmp_path: Path, option: tuple[str, str], en: str, es: str) -> None:
    for lang, words in (("en", en), ("es", es)):
        result = sticky("--lang", lang, "--data", str(tmp_path), "xapi", "send", *option)
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_an_empty_scenario_path_is_refused_in_both_languages() -> None:
    for lang, words in (("en", "a scenario path was empty"), ("es", "una ruta de escenario vino vacía")):
        for command in (("play", ""), ("check", BAKERY, ""), ("translate", "", "--to", "es")):
            result = sticky("--lang", lang, *command)  # was ":1:1: error S113", a file with no name
            assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_an_lrs_endpoint_from_the_environment_that_no_request_may_carry_is_refused(tmp_path: Path) -> None:
    for endpoint, words in (
        ("https://lrs.example.org/xAPI/\nX-Evil: 1", "not printable"),  # was a traceback from urllib
        ("https://[::1", "is not an http(s) URL"),
        ("h" * 3000, "…' is not an http(s) URL"),  # quoted cut short
    ):
        for action in ("send", "status"):
            result = sticky("--data", str(tmp_path), "xapi", action, STICKY_LRS_ENDPOINT=endpoint)
            line = _one_clean_line(result)
            assert result.returncode == 1 and words in line and len(line) < 400, line
