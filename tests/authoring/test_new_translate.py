"""`sticky new` writes a clean, playable scenario; `sticky translate` keeps translations, adds to-dos, marks stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from game.authoring.lint import check_file
from game.authoring.newscenario import SCHEMA, new_scenario, scenario_id
from game.authoring.translate import read_entries
from game.authoring.translations import text_hash
from game.core.model import DECISION_PHASES
from tests.conftest import ROOT


def sticky(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def test_new_scenario_is_clean_complete_and_plays(tmp_path: Path) -> None:
    path = tmp_path / "stories" / "Late Payer.yaml"
    result = sticky("new", str(path))
    assert result.returncode == 0, result.stderr
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert (path.parent / first.split("$schema=")[1]).resolve() == SCHEMA
    checked = check_file(path)
    assert checked.diagnostics == [], [d.format() for d in checked.diagnostics]
    scenario = checked.load.scenario
    assert scenario is not None and scenario.id == "late-payer" and scenario.title == "Late payer"
    assert {s.phase for s in scenario.scenes} >= set(DECISION_PHASES)
    assert scenario.rules and len(scenario.endings) >= 2
    played = sticky("play", str(path), "--choices", "1,1,1,1", "--json")
    assert played.returncode == 0 and '"finished": true' in played.stdout
    assert sticky("check", "--strict", str(path)).returncode == 0
    assert sticky("new", str(path)).returncode == 1  # never overwrites without --force
    assert sticky("new", str(path), "--force", "--title", 'The "late" payer: part 1').returncode == 0
    assert check_file(path).load.scenario.title == 'The "late" payer: part 1'  # type: ignore[union-attr]


def test_ids_and_relative_schema(tmp_path: Path) -> None:
    assert scenario_id(Path("My First Scenario!.yaml")) == "my-first-scenario"
    assert scenario_id(Path("2024.yaml")) == "scenario-2024"
    text = new_scenario(ROOT / "scenarios" / "x.yaml")
    assert text.startswith("# yaml-language-server: $schema=../game/authoring/scenario.schema.json\n")


def test_translate_adds_todos_keeps_translations_and_marks_stale(tmp_path: Path) -> None:
    path = tmp_path / "studio.yaml"
    assert sticky("new", str(path)).returncode == 0
    out = sticky("translate", str(path), "--to", "es")
    assert out.returncode == 0 and "0 translated, 45 new to do" in out.stdout
    spanish = tmp_path / "studio.es.yaml"
    entries, hashes = read_entries(spanish.read_text(encoding="utf-8"), str(spanish))
    assert entries["scenes.the_limit.text"].text == "So, Friday?" and entries["scenes.the_limit.text"].marker == "TODO"
    assert hashes["scenes.the_limit.text"] == text_hash("So, Friday?")
    codes = [d.code for d in check_file(path).diagnostics]
    assert codes == ["S601"] * 45
    # translate two texts, then change the English of one of them
    text = spanish.read_text(encoding="utf-8")
    text = text.replace('title: "Studio"  # TODO: translate, then delete this marker', 'title: "Estudio"')
    text = text.replace('text: "So, Friday?"  # TODO: translate, then delete this marker', 'text: "¿Y el viernes?"')
    spanish.write_text(text, encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("text: So, Friday?", "text: So, Friday then?"))
    before = [(d.code, d.pos.line) for d in check_file(path).diagnostics if d.code != "S601"]
    assert before == [("S605", 47)]  # the loader sees the fingerprint changed
    out = sticky("translate", str(path), "--to", "es")
    assert "1 translated, 0 new to do, 43 still to do, 1 stale" in out.stdout
    entries, hashes = read_entries(spanish.read_text(encoding="utf-8"), str(spanish))
    assert entries["title"].text == "Estudio" and entries["title"].marker == ""
    assert (
        entries["scenes.the_limit.text"].text == "¿Y el viernes?" and entries["scenes.the_limit.text"].marker == "STALE"
    )
    assert hashes["scenes.the_limit.text"] == text_hash("So, Friday then?")
    after = [(d.code, d.message) for d in check_file(path).diagnostics if d.code != "S601"]
    assert len(after) == 1 and after[0][0] == "S605" and "# STALE" in after[0][1]
    stale = [d for d in check_file(path).diagnostics if d.code == "S605"][0]
    assert 'the source text is now: "So, Friday then?"' in stale.hint
    # reviewed: the translator deletes the marker; the file is clean for that text, and stays so
    spanish.write_text(
        spanish.read_text(encoding="utf-8").replace(
            '"¿Y el viernes?"  # STALE: the source text is now "So, Friday then?"; check the translation, '
            "then delete this marker",
            '"¿Entonces, el viernes?"',
        ),
        encoding="utf-8",
    )
    assert [d.code for d in check_file(path).diagnostics if d.code != "S601"] == []
    sticky("translate", str(path), "--to", "es")
    entries, _ = read_entries(spanish.read_text(encoding="utf-8"), str(spanish))
    assert (
        entries["scenes.the_limit.text"].text == "¿Entonces, el viernes?"
        and not entries["scenes.the_limit.text"].marker
    )


def test_translate_keeps_a_hand_written_translation(tmp_path: Path) -> None:
    for name in ("bakery.yaml", "bakery.es.yaml"):
        (tmp_path / name).write_text((ROOT / "tests" / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    original, _ = read_entries((tmp_path / "bakery.es.yaml").read_text(encoding="utf-8"), "x")
    out = sticky("translate", str(tmp_path / "bakery.yaml"), "--to", "es")
    assert out.returncode == 0, out.stderr
    entries, hashes = read_entries((tmp_path / "bakery.es.yaml").read_text(encoding="utf-8"), "x")
    for key, entry in original.items():
        assert entries[key].text == entry.text and entries[key].marker == ""
    assert set(hashes) == set(entries)
    result = check_file(tmp_path / "bakery.yaml")
    assert result.errors == 0 and {d.code for d in result.diagnostics if "es.yaml" in d.pos.path} == {"S601"}
    assert sticky("translate", str(tmp_path / "bakery.yaml"), "--to", "en").returncode == 1


def test_write_errors_are_messages_not_tracebacks(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for args in (
        ("new", str(blocker / "x.yaml")),
        ("graph", str(ROOT / "tests/data/bakery.yaml"), "-o", str(blocker / "m.md")),
    ):
        result = sticky(*args)
        assert result.returncode == 1 and "error:" in result.stderr and "cannot write" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_broken_translation_is_never_overwritten(tmp_path: Path) -> None:
    from game.authoring.translate import TranslationFileError, update_translation

    path = tmp_path / "s.yaml"
    assert sticky("new", str(path)).returncode == 0
    scenario = check_file(path).load.scenario
    assert scenario is not None
    broken = tmp_path / "s.es.yaml"
    broken.write_text('translation_of: s\ntitle: "Hola\n', encoding="utf-8")
    try:
        update_translation(scenario, "es")
    except TranslationFileError as exc:
        assert "S101" in exc.diagnostics[0].format()
    else:
        raise AssertionError("a broken translation file was accepted")
    assert broken.read_text(encoding="utf-8") == 'translation_of: s\ntitle: "Hola\n'


def test_new_never_writes_a_file_that_fails_check(tmp_path: Path) -> None:
    # a newline in the path used to end the header comment and start YAML of its own (scenes: 5)
    odd = tmp_path / "odd\nscenes: 5 #.yaml"
    made = sticky("new", str(odd))
    assert made.returncode == 0, made.stderr
    assert check_file(odd).errors == 0, [d.format() for d in check_file(odd).diagnostics]
    assert "odd\\nscenes: 5 #.yaml" in odd.read_text(encoding="utf-8")  # the name, escaped, in the comment
    for title in ("   ", "Terms\x1b[2J", "two\nlines"):  # were written, then refused by `sticky check`
        for lang, words in (("en", "--title takes one line of text"), ("es", "--title lleva una línea de texto")):
            target = tmp_path / f"t-{lang}.yaml"
            refused = sticky("--lang", lang, "new", str(target), "--title", title)
            assert refused.returncode == 1 and words in refused.stderr and "Traceback" not in refused.stderr
            assert not target.exists()
    quoted = tmp_path / "quoted.yaml"
    assert sticky("new", str(quoted), "--title", 'Ünïcode: "quoted" \\ and # not a comment').returncode == 0
    assert check_file(quoted).errors == 0
    scenario = check_file(quoted).load.scenario
    assert scenario is not None and scenario.title == 'Ünïcode: "quoted" \\ and # not a comment'
