"""`sticky records import` against hostile records, and against newer, older and conflicting copies.

Each hostile value of issue 15 sits on its own line between two good records: the bad line is reported as
``file:line: reason``, the good ones import, the exit status is 1, and what was imported draws a report and
an export that strict JSON readers accept. Large values (a 50 MB name, 200,000-deep nesting) are made here.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.authoring.load import load_scenario
from game.core.session import Session
from game.training.exchange import export_records, import_records
from game.training.record_store import Records, open_records
from tests.conftest import SCENARIOS
from tests.training.helpers import bakery, play_and_record, sticky


def _strict(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(f"{name} in the export")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module")
def good_lines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One exported line of a shipped scenario (spa-hotel, whose bounds are known) and one of the test bakery."""
    folder = tmp_path_factory.mktemp("laptop")
    spa = load_scenario(SCENARIOS / "spa-hotel.yaml").scenario
    assert spa is not None
    lines = {}
    with open_records(folder) as records:
        for name, scenario in (("spa", spa), ("bakery", bakery())):
            pid, _ = play_and_record(records, scenario, learner="Ana", seed=3)
            path = folder / f"{name}.jsonl"
            export_records(records, path)
            lines[name] = next(line for line in path.read_text().splitlines() if records.get(pid).uuid in line)
    return lines


def _fresh(line: str) -> dict[str, Any]:
    data = json.loads(line)
    data["uuid"] = str(uuid.uuid4())
    return data


def _set(path: list[str | int], value: Any) -> Callable[[dict[str, Any]], str]:
    def change(data: dict[str, Any]) -> str:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return json.dumps(data, ensure_ascii=False)

    return change


def _raw(path: list[str | int], text: str) -> Callable[[dict[str, Any]], str]:
    """Put ``text`` verbatim where ``path`` is (for NaN, Infinity, huge numbers: JSON writers won't)."""

    def change(data: dict[str, Any]) -> str:
        marker = "@@RAW@@"
        return _set(path, marker)(data).replace(f'"{marker}"', text)

    return change


def _two_choices_one_turn(data: dict[str, Any]) -> str:
    data["choices"][1]["turn"] = data["choices"][0]["turn"]
    return json.dumps(data)


HOSTILE: dict[str, tuple[Callable[[dict[str, Any]], str], str]] = {
    "NaN": (_raw(["start_metrics", "revenue"], "NaN"), "NaN is not a number a record can hold"),
    "Infinity": (_raw(["final_metrics", "revenue"], "Infinity"), "Infinity is not a number a record can hold"),
    "1e308": (_raw(["final_metrics", "revenue"], "1e308"), "'final_metrics' 'revenue' is 1e+308"),
    "1e400": (_raw(["choices", 0, "metrics", "reputation"], "1e400"), "not finite"),
    "morale 500 %": (_set(["final_metrics", "staff_morale"], 500), "it must be from 0 to 100"),
    "path as uuid": (_set(["uuid"], "../../etc/passwd"), "'uuid' is not a UUID"),
    "number as a name": (_set(["learner"], 42), "'learner' must be text, not int"),
    "201-character name": (_set(["learner"], "x" * 201), "'learner' is 201 characters long; at most 200"),
    "5,001-digit seed": (_raw(["seed"], "9" * 5001), "not valid JSON"),
    "21-digit seed": (_raw(["seed"], "1" + "0" * 20), "'seed' is 100000000000000000000"),
    "fractional seed": (_set(["seed"], 1.5), "'seed' must be a whole number"),
    "200,000-deep nesting": (_raw(["scores"], "[" * 200_000 + "]" * 200_000), "nested more than 12 levels deep"),
    "two choices, one turn": (_two_choices_one_turn, "two choices have turn 1"),
    "lone surrogate": (_raw(["learner"], '"Ana \\ud800"'), "lone surrogate"),
    "not an ISO date": (_set(["started_at"], "yesterday"), "'started_at' is not an ISO date"),
    "year 9999": (_set(["finished_at"], "9999-01-01T00:00:00.000Z"), "outside the years 2000-2199"),
    "not an object": (lambda data: "[1, 2, 3]", "expected a playthrough object"),
    "one vote twice": (
        _set(["votes"], [{"turn": 1, "scene": "s", "choice": "c", "count": 2, "picked": True}] * 2),
        "two votes count choice 'c' at turn 1",
    ),
}


def test_every_hostile_line_is_refused_with_its_line_and_the_good_ones_import(
    good_lines: dict[str, str], tmp_path: Path
) -> None:
    lines = [json.dumps(_fresh(good_lines["spa"]))]
    expected: dict[int, str] = {}
    for change, reason in HOSTILE.values():
        lines.append(change(_fresh(good_lines["spa"])))
        expected[len(lines)] = reason
    lines.append(json.dumps(_fresh(good_lines["spa"])))
    export = tmp_path / "hostile.jsonl"
    export.write_text("\n".join(lines) + "\n")
    result = sticky("records", "import", str(export), data=tmp_path / "trainer")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"2 playthroughs added, 0 already here, {len(HOSTILE)} refused" in result.stdout
    for number, reason in expected.items():
        assert f"{export}:{number}: " in result.stderr, (number, reason, result.stderr)
        line = next(x for x in result.stderr.splitlines() if x.startswith(f"{export}:{number}: "))
        assert reason in line, (number, line)
    assert len(result.stderr) < 20_000  # reasons quote at most a few characters of what they refuse
    report = sticky("report", "--out", str(tmp_path / "r.html"), data=tmp_path / "trainer")
    html = (tmp_path / "r.html").read_text()
    assert report.returncode == 0 and "nan" not in html.lower().replace("nanny", "") and "inf " not in html
    out = sticky("records", "export", str(tmp_path / "all.jsonl"), data=tmp_path / "trainer")
    assert out.returncode == 0
    assert len([_strict(x) for x in (tmp_path / "all.jsonl").read_text().splitlines()]) == 2


@pytest.mark.parametrize("form", ["jsonl", "json"])
def test_a_50_mb_learner_name_is_refused_without_reading_it_whole(
    good_lines: dict[str, str], tmp_path: Path, form: str
) -> None:
    export = tmp_path / f"big.{form}"
    start, between, end = ("", "\n", "\n") if form == "jsonl" else ("[\n", ",\n", "\n]\n")
    with open(export, "w", encoding="utf-8") as handle:
        handle.write(start + json.dumps(_fresh(good_lines["spa"])) + between)
        data = _fresh(good_lines["spa"])
        data["learner"] = "@@NAME@@"
        head, tail = json.dumps(data).split("@@NAME@@")
        handle.write(head)
        for _ in range(50):
            handle.write("n" * 1_000_000)
        handle.write(tail + end)
    assert export.stat().st_size > 50_000_000
    result = sticky("records", "import", str(export), data=tmp_path / "trainer")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    reason = "the line is longer than 2,097,152 bytes" if form == "jsonl" else "at most 2,097,152 are read"
    line = 2 if form == "jsonl" else 3
    assert f"{export}:{line}: " in result.stderr and reason in result.stderr, result.stderr
    assert "1 playthrough added" in result.stdout


def test_an_unknown_scenario_is_a_warning_and_its_numbers_are_still_checked(
    good_lines: dict[str, str], tmp_path: Path
) -> None:
    export = tmp_path / "bakery.jsonl"
    wild = _fresh(good_lines["bakery"])
    wild["final_metrics"]["revenue"] = 1e12
    export.write_text(json.dumps(_fresh(good_lines["bakery"])) + "\n" + json.dumps(wild) + "\n")
    result = sticky("records", "import", str(export), data=tmp_path / "trainer")
    assert f"{export}:1: warning: scenario 'bakery-deposit' is not known here" in result.stderr
    assert f"{export}:2: 'final_metrics' 'revenue' is 1e+12" in result.stderr
    assert result.returncode == 1 and "1 playthrough added" in result.stdout


def test_a_json_array_export_reports_the_line_each_bad_element_starts_on(
    good_lines: dict[str, str], tmp_path: Path
) -> None:
    good = json.dumps(_fresh(good_lines["spa"]), indent=1)
    deep = HOSTILE["200,000-deep nesting"][0](_fresh(good_lines["spa"]))
    nan = HOSTILE["NaN"][0](_fresh(good_lines["spa"]))
    text = "[\n" + good + ",\n" + deep + ",\n" + nan + "\n]\n"
    export = tmp_path / "all.json"
    export.write_text(text)
    result = sticky("records", "import", str(export), data=tmp_path / "trainer")
    deep_line = text[: text.index(deep)].count("\n") + 1
    assert f"{export}:{deep_line}: nested more than" in result.stderr
    assert f"{export}:{deep_line + 1}: NaN is not a number" in result.stderr
    assert result.returncode == 1 and "1 playthrough added" in result.stdout


# -- newer, older and conflicting copies ------------------------------------------------------------------


def _export_one(records: Records, path: Path) -> Path:
    export_records(records, path)
    return path


def test_a_continued_then_finished_playthrough_updates_the_copy_here(tmp_path: Path) -> None:
    scenario = bakery()
    with open_records(tmp_path / "laptop") as laptop, open_records(tmp_path / "trainer") as trainer:
        session = Session(scenario, seed=0)
        pid = laptop.start(session, learner="Ana", cohort="W1")
        early = _export_one(laptop, tmp_path / "early.jsonl")  # started, nothing chosen
        laptop.choice(pid, session.choose(1), 5.0)
        middle = _export_one(laptop, tmp_path / "middle.jsonl")  # continued
        while not session.finished:
            laptop.choice(pid, session.choose(1), 5.0)
        laptop.finish(pid, session)
        late = _export_one(laptop, tmp_path / "late.jsonl")  # finished since
        assert (import_records(trainer, early).added, trainer.get(1).choices) == (1, ())
        report = import_records(trainer, middle)
        assert (report.updated, report.skipped, report.added) == (1, 0, 0) and len(trainer.get(1).choices) == 1
        report = import_records(trainer, late)
        assert report.updated == 1 and report.ok
        assert trainer.get(1).to_json() == laptop.get(pid).to_json()
        assert trainer.db.execute("SELECT COUNT(*) FROM xapi_outbox").fetchone()[0] > 0
        for older in (early, middle, late):  # an older copy never undoes a newer one
            report = import_records(trainer, older)
            assert (report.skipped, report.updated, report.conflicts) == (1, 0, [])
        assert trainer.get(1).to_json() == laptop.get(pid).to_json()
    result = sticky("records", "import", str(late), data=tmp_path / "other")
    assert result.returncode == 0 and "1 playthrough added" in result.stdout
    continued = sticky("records", "import", str(late), data=tmp_path / "trainer")
    assert "1 already here" in continued.stdout
    fresh = tmp_path / "fresh"
    assert sticky("records", "import", str(early), data=fresh).returncode == 0
    updated = sticky("records", "import", str(late), data=fresh)
    assert updated.returncode == 0 and "0 already here, 1 updated" in updated.stdout


def test_a_conflicting_copy_is_reported_and_the_copy_here_is_kept(tmp_path: Path) -> None:
    with open_records(tmp_path / "laptop") as laptop:
        play_and_record(laptop, bakery(), learner="Ana", choices=[1, 1])
        line = _export_one(laptop, tmp_path / "mine.jsonl").read_text().splitlines()[0]
    other_path = json.loads(line)
    other_path["choices"][0]["choice"] = "something_else"
    renamed = json.loads(line) | {"learner": "Bo"}
    export = tmp_path / "theirs.jsonl"
    export.write_text(json.dumps(other_path) + "\n" + json.dumps(renamed) + "\n")
    trainer = tmp_path / "trainer"
    assert sticky("records", "import", str(tmp_path / "mine.jsonl"), data=trainer).returncode == 0
    result = sticky("records", "import", str(export), data=trainer)
    assert result.returncode == 1 and "2 in conflict with the copy here" in result.stdout
    for number in (1, 2):
        assert f"{export}:{number}: playthrough {other_path['uuid']} differs from the copy here" in result.stderr
    with open_records(trainer) as records:
        assert records.get(1).to_json() == json.loads(line)


def test_an_export_never_writes_nan_left_by_an_older_import(good_lines: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "trainer"
    export = tmp_path / "one.jsonl"
    export.write_text(json.dumps(_fresh(good_lines["spa"])) + "\n")
    assert sticky("records", "import", str(export), data=folder).returncode == 0
    with open_records(folder) as records:  # as an import before the checks could leave it
        records.db.execute("UPDATE playthroughs SET final_metrics = ?", ('{"revenue": NaN}',))
    result = sticky("records", "export", str(tmp_path / "out.jsonl"), data=folder)
    assert result.returncode == 1 and "#1 is damaged" in result.stderr and "not a finite number" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out.jsonl").exists()


def test_files_that_cannot_be_exports_are_named_and_the_others_still_import(
    good_lines: dict[str, str], tmp_path: Path
) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(good_lines["spa"] + "\n", encoding="utf-8")
    wide = {}
    for encoding in ("utf-16", "utf-16-le", "utf-32"):  # a spreadsheet's or an editor's "Unicode text"
        wide[encoding] = tmp_path / f"{encoding}.jsonl"
        wide[encoding].write_text(good_lines["bakery"] + "\n", encoding=encoding)
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    folder = tmp_path / "exports"
    folder.mkdir()
    data = tmp_path / "data"
    result = sticky(
        "records", "import", *map(str, wide.values()), str(folder), str(fifo), "/dev/zero", str(good), data=data
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for path in wide.values():  # one line each, not one per line of the file
        said = [line for line in result.stderr.splitlines() if str(path) in line]
        assert len(said) == 1 and "not UTF-8; save it as UTF-8" in said[0], result.stderr
    assert f"{folder}: error: is a folder" in result.stderr  # not "no such file"
    assert f"{fifo}: error: is not a regular file" in result.stderr  # and the pipe was never opened (no hang)
    assert "/dev/zero: error: is not a regular file" in result.stderr
    assert f"{good}: 1 playthrough added" in result.stdout  # the good file after them still imports
    with open_records(data) as records:
        assert len(records.playthroughs()) == 1


@pytest.mark.slow
def test_a_large_export_is_imported_in_bounded_memory_and_bad_lines_are_counted(
    good_lines: dict[str, str], tmp_path: Path
) -> None:
    from tests.reliability.measure import sticky as measured

    big = tmp_path / "big.jsonl"
    record = json.loads(good_lines["spa"])
    with open(big, "w", encoding="utf-8") as out:
        for _ in range(8000):  # about 24 MB
            record["uuid"] = str(uuid.uuid4())
            out.write(json.dumps(record) + "\n")
        out.write("not json\n" * 200_000)  # and 200,000 bad lines after them
    run = measured("--data", str(tmp_path / "data"), "records", "import", str(big), timeout=300)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "8,000 playthroughs added, 0 already here, 200,000 refused" in run.stdout
    # the first 200 bad lines are listed, the rest counted (it was 200,000 lines on the screen)
    assert run.stderr.count(": not valid JSON") == 200 and "199,800 more lines like these" in run.stderr
    # it held every parsed record before writing any: 667 MB for 100 MB of records; now they stream
    assert run.peak_mb < 120, run.peak_mb
