"""A translation with problems never blocks the original language (issue 15, item 3).

A stale key after a scene was renamed (S602) or a damaged translation file gives warnings for that language;
the scenario still plays in its own language, the translation falls back to the original text for whatever it
can't give, and `sticky translate` drops the stale keys instead of refusing. An output its own loader would
refuse is never written.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.load import load_scenario
from game.authoring.translate import TranslationOutputError, read_entries, refuse_unloadable, render
from game.core.texts import extract_texts
from tests.conftest import ROOT


def sticky(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def _translated(tmp_path: Path) -> tuple[Path, Path]:
    """A new scenario with a Spanish translation whose first scene's text is translated; then the scene is
    renamed in the scenario, so the translation holds stale keys."""
    base = tmp_path / "base.yaml"
    assert sticky("new", str(base)).returncode == 0
    assert sticky("translate", str(base), "--to", "es").returncode == 0
    spanish = tmp_path / "base.es.yaml"
    text = spanish.read_text(encoding="utf-8").replace(
        '"So, Friday?"  # TODO: translate, then delete this marker', '"¿Entonces, el viernes?"'
    )
    spanish.write_text(text, encoding="utf-8")
    base.write_text(base.read_text(encoding="utf-8").replace("the_ask", "the_request"), encoding="utf-8")
    return base, spanish


def test_a_stale_key_warns_and_the_original_plays(tmp_path: Path) -> None:
    base, _spanish = _translated(tmp_path)
    result = load_scenario(base)
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    assert "S602" in {d.code for d in result.translation_problems["es"]}
    english = sticky("play", str(base), "--choices", "1,1,1", "--json")
    assert english.returncode == 0, english.stderr
    assert "the 'es' translation has 5 problems" in english.stderr and "Traceback" not in english.stderr
    assert "error S602" not in english.stderr  # a warning for that language, not an error of the scenario
    spanish = sticky("play", str(base), "--lang", "es", "--choices", "1,1,1", "--json")
    assert spanish.returncode == 0, spanish.stderr
    assert "aviso S602" in spanish.stderr  # in the language played
    # what the translation still gives is shown; the renamed scene falls back to the original text
    assert json.loads(spanish.stdout)["language"] == "es"
    localized = result.localized("es")
    assert localized is not None and localized.language == "es"
    assert localized.scene("the_limit").text == "¿Entonces, el viernes?"  # type: ignore[union-attr]
    original = result.scenario.scene("the_request").text  # type: ignore[union-attr]
    assert localized.scene("the_request").text == original  # type: ignore[union-attr]
    # `sticky check` still fails on it: the author must see it
    assert sticky("check", str(base)).returncode == 1


def test_translate_drops_the_stale_keys(tmp_path: Path) -> None:
    base, spanish = _translated(tmp_path)
    out = sticky("translate", str(base), "--to", "es")
    assert out.returncode == 0, out.stderr
    assert "5 dropped" in out.stdout
    entries, _hashes = read_entries(spanish.read_text(encoding="utf-8"), str(spanish))
    assert not any(key.startswith("scenes.the_ask.") for key in entries)
    assert entries["scenes.the_limit.text"].text == "¿Entonces, el viernes?"  # the translator's work is kept
    assert "S602" not in sticky("check", str(base)).stdout


@pytest.mark.parametrize(
    "damage",
    [
        'translation_of: base\ntitle: "Hola\n',  # YAML syntax error
        b"\xff\xfe\x00garbage",  # not UTF-8
        "translation_of: other\nlanguage: es\n",  # another scenario's translation
        "translation_of: base\nlanguage: es\nscenes:\n  the_ask:\n    phase: power\n",  # rules in a translation
    ],
)
def test_a_damaged_translation_warns_and_the_original_plays(tmp_path: Path, damage: str | bytes) -> None:
    base = tmp_path / "base.yaml"
    assert sticky("new", str(base)).returncode == 0
    spanish = tmp_path / "base.es.yaml"
    if isinstance(damage, bytes):
        spanish.write_bytes(damage)
    else:
        spanish.write_text(damage, encoding="utf-8")
    before = spanish.read_bytes()
    result = load_scenario(base)
    assert result.scenario is not None and result.translation_problems["es"]
    for lang in ("en", "es"):
        played = sticky("play", str(base), "--lang", lang, "--choices", "1,1", "--json")
        assert played.returncode == 0, played.stderr
        assert ("aviso" if lang == "es" else "warning") in played.stderr and "Traceback" not in played.stderr
    assert spanish.read_bytes() == before  # nothing touched it


def test_an_output_the_loader_would_refuse_is_never_written(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    assert sticky("new", str(base)).returncode == 0
    scenario = load_scenario(base).scenario
    assert scenario is not None
    texts = {key: (value, "") for key, value in extract_texts(scenario).items()}
    text = render(scenario, "es", texts, {})
    refuse_unloadable(text, tmp_path / "base.es.yaml", scenario, "es")  # a right one passes
    with pytest.raises(TranslationOutputError) as refused:
        refuse_unloadable(text, tmp_path / "base.es.yaml", scenario, "es", max_bytes=len(text) // 2)
    assert "S105" in refused.value.diagnostics[0].format() and "at most" in refused.value.diagnostics[0].message
    with pytest.raises(TranslationOutputError) as wrong:
        refuse_unloadable(text.replace("translation_of: base", "translation_of: other"), tmp_path / "x", scenario, "es")
    assert "S603" in wrong.value.diagnostics[0].format()
    assert not (tmp_path / "base.es.yaml").exists()


def test_translate_refuses_an_output_over_the_size_cap_and_keeps_the_old_file(tmp_path: Path) -> None:
    """A 23 MB scenario whose summary is all double quotes: each becomes \\" in the translation, so the output
    would pass the 40 MB cap its own loader applies (made at test time)."""
    base = tmp_path / "base.yaml"
    assert sticky("new", str(base)).returncode == 0
    quotes = "".join("  " + '"' * 100 + "\n" for _ in range(22 * 1024 * 1024 // 103))
    text = base.read_text(encoding="utf-8")
    start = text.index("\nsummary:") + 1
    end = text.index("\n", start)
    base.write_text(text[:start] + "summary: |\n" + quotes + text[end + 1 :], encoding="utf-8")
    spanish = tmp_path / "base.es.yaml"
    spanish.write_text("translation_of: base\nlanguage: es\ntitle: Base\n", encoding="utf-8")
    out = sticky("translate", str(base), "--to", "es")
    assert out.returncode == 1 and "error S105" in out.stderr and "at most 40 MB" in out.stderr
    assert "was not written" in out.stderr and "Traceback" not in out.stderr
    assert spanish.read_text(encoding="utf-8") == "translation_of: base\nlanguage: es\ntitle: Base\n"
    assert {p.name for p in tmp_path.iterdir()} == {"base.yaml", "base.es.yaml"}  # no temporary left behind


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_translation_that_is_a_pipe_or_endless_never_hangs_check_or_translate(tmp_path: Path, kind: str) -> None:
    import os

    base = tmp_path / "base.yaml"
    assert sticky("new", str(base)).returncode == 0
    spanish = tmp_path / "base.es.yaml"
    if kind == "fifo":
        os.mkfifo(spanish)  # opened for reading, it would wait for a writer forever
    else:
        spanish.symlink_to("/dev/zero")  # read whole, it never ends
    for command in (("check", str(base)), ("translate", str(base), "--to", "es")):
        result = sticky(*command)  # (both used to hang: the lint and the update read the file unbounded)
        assert result.returncode == 1, result.stderr
        said = result.stdout + result.stderr  # the pipe is not a regular file; the link leads out of the folder
        assert "base.es.yaml:1:1: error S113" in said or "base.es.yaml:1:1: error S701" in said, said
        assert "Traceback" not in result.stderr
    translate = sticky("translate", str(base), "--to", "es")
    assert "the translation was not changed" in translate.stderr
    assert spanish.is_fifo() if kind == "fifo" else spanish.is_symlink()  # left as it was
    assert sticky("play", str(base), "--choices", "1", "--json").returncode == 0  # the original still plays
