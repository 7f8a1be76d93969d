"""The authoring tools speak the author's language to the end: `sticky translate` writes its comments and
markers in ``--lang``, reads both languages' markers back, reports an unreadable translation in ``--lang``, and
every count takes the plural form of its language (never "file(s)")."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from game.authoring.messages import FRAGMENTS, MESSAGES, WORDS, counted
from game.authoring.toolwords import COMMANDS, EXPLORE, GRAPH
from game.authoring.trainerwords import TRAINER, TRAINER_MESSAGES
from game.authoring.translate import read_entries
from tests.conftest import ROOT

#: "(s)", "(es)", "(n)" glued to a word: a plural dodged instead of written ("http(s)" is a scheme, not a plural).
DODGED = re.compile(r"\w(?<!http)\((?:s|es|n)\)")


def sticky(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def _new(folder: Path) -> Path:
    path = folder / "studio.yaml"
    assert sticky("new", str(path), cwd=folder).returncode == 0
    return path


def test_translate_writes_its_comments_in_the_authors_language(tmp_path: Path) -> None:
    path = _new(tmp_path)
    spanish = tmp_path / "studio.es.yaml"
    out = sticky("--lang", "es", "translate", "studio.yaml", "--to", "es", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "traduce los textos marcados # PENDIENTE, revisa los marcados # DESACTUALIZADO" in out.stdout
    text = spanish.read_text(encoding="utf-8")
    assert text.startswith(
        "# El texto en 'es' de studio.yaml, mantenido con `sticky --lang es translate studio.yaml --to es`."
    )
    assert "# Traduce los textos marcados PENDIENTE, revisa los marcados DESACTUALIZADO" in text
    assert 'title: "Studio"  # PENDIENTE: tradúcelo y luego borra esta marca' in text
    assert "source_hashes:  # huellas de los textos originales traducidos" in text
    assert "TODO" not in text and "STALE" not in text and "translate, then" not in text
    # the checker names the marker as written, in either language of the tools
    said = sticky("--lang", "es", "check", "studio.yaml", "--format", "short", cwd=tmp_path).stdout
    assert "aviso S601: 'title' tiene la marca # PENDIENTE: conserva el texto original" in said
    assert "(tradúcelo y luego borra la marca '# PENDIENTE')" in said
    said = sticky("check", "studio.yaml", "--format", "short", cwd=tmp_path).stdout
    assert "warning S601: 'title' is marked # PENDIENTE: it still holds the source text" in said
    # a translated text whose English changes is marked stale, in Spanish
    spanish.write_text(
        text.replace('title: "Studio"  # PENDIENTE: tradúcelo y luego borra esta marca', 'title: "Estudio"'),
        encoding="utf-8",
    )
    path.write_text(path.read_text(encoding="utf-8").replace("title: Studio", "title: The studio"), encoding="utf-8")
    out = sticky("--lang", "es", "translate", "studio.yaml", "--to", "es", cwd=tmp_path)
    text = spanish.read_text(encoding="utf-8")
    assert (
        'title: "Estudio"  # DESACTUALIZADO: el texto original ahora dice "The studio"; revisa la traducción y '
        "luego borra esta marca" in text
    )
    said = sticky("--lang", "es", "check", "studio.yaml", "--format", "short", cwd=tmp_path).stdout
    assert "aviso S605: 'title' tiene la marca # DESACTUALIZADO: el texto original cambió después de traducirse" in said
    assert "luego borra la marca '# DESACTUALIZADO')" in said


def test_an_english_author_gets_english_comments(tmp_path: Path) -> None:
    _new(tmp_path)
    out = sticky("translate", "studio.yaml", "--to", "es", cwd=tmp_path)
    assert "translate the texts marked # TODO, check those marked # STALE" in out.stdout
    text = (tmp_path / "studio.es.yaml").read_text(encoding="utf-8")
    assert text.startswith("# The 'es' text of studio.yaml, kept by `sticky translate studio.yaml --to es`.")
    assert 'title: "Studio"  # TODO: translate, then delete this marker' in text
    assert "PENDIENTE" not in text


def test_markers_of_either_language_are_read_back(tmp_path: Path) -> None:
    """A file marked for an English author keeps its to-dos for a Spanish one, and the other way round."""
    _new(tmp_path)
    spanish = tmp_path / "studio.es.yaml"
    first = sticky("translate", "studio.yaml", "--to", "es", cwd=tmp_path)
    assert "0 translated, 45 new to do, 0 still to do" in first.stdout
    out = sticky("--lang", "es", "translate", "studio.yaml", "--to", "es", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    entries, _ = read_entries(spanish.read_text(encoding="utf-8"), str(spanish))
    assert {(e.marker, e.written) for e in entries.values()} == {("TODO", "PENDIENTE")}
    back = sticky("translate", "studio.yaml", "--to", "es", cwd=tmp_path)
    assert "0 translated, 0 new to do, 45 still to do, 0 stale" in back.stdout
    entries, _ = read_entries(spanish.read_text(encoding="utf-8"), str(spanish))
    assert {(e.marker, e.written) for e in entries.values()} == {("TODO", "TODO")}


def test_an_unreadable_translation_is_reported_in_the_authors_language(tmp_path: Path) -> None:
    _new(tmp_path)
    spanish = tmp_path / "studio.es.yaml"
    cases = [
        (b'translation_of: studio\ntitle: "Hola\n', "S101", "el archivo termina dentro de un texto entre comillas"),
        (b"translation_of: studio\ntitle: Caf\xe9\n", "S102", "el byte 0xe9 no es UTF-8 válido"),
        (
            b"- una\n- lista\n",
            "S201",
            "un archivo de traducción debe ser un bloque de líneas «clave: valor», no una lista",
        ),
    ]
    for data, code, words in cases:
        spanish.write_bytes(data)
        out = sticky("--lang", "es", "translate", "studio.yaml", "--to", "es", cwd=tmp_path)
        assert out.returncode == 1 and f"error {code}: {words}" in out.stderr, out.stderr
        assert "la traducción no se modificó; corrige primero los errores de arriba" in out.stderr
        assert not re.search(r"\b(?:the|is|not|must|file)\b", out.stderr.replace("studio", "")), out.stderr
        assert spanish.read_bytes() == data
        english = sticky("translate", "studio.yaml", "--to", "es", cwd=tmp_path)
        assert english.returncode == 1 and f"error {code}: " in english.stderr
        assert "the translation was not changed; fix the errors above first" in english.stderr
    spanish.write_bytes(b"translation_of: studio\ntitle: Caf\xe9\n")
    said = sticky("translate", "studio.yaml", "--to", "es", cwd=tmp_path).stderr
    assert (
        "studio.es.yaml:2:11: error S102: byte 0xe9 is not valid UTF-8 (save the file as UTF-8 in your editor)" in said
    )


def test_counts_take_the_plural_form_of_each_language(tmp_path: Path) -> None:
    _new(tmp_path)
    (tmp_path / "other.yaml").write_text(
        (tmp_path / "studio.yaml").read_text(encoding="utf-8").replace("id: studio", "id: other"), encoding="utf-8"
    )
    one = sticky("check", "studio.yaml", cwd=tmp_path).stderr
    two = sticky("check", "studio.yaml", "other.yaml", cwd=tmp_path).stderr
    assert "1 file checked: 0 errors, 0 warnings" in one and "2 files checked: 0 errors, 0 warnings" in two
    one = sticky("--lang", "es", "check", "studio.yaml", cwd=tmp_path).stderr
    two = sticky("--lang", "es", "check", "studio.yaml", "other.yaml", cwd=tmp_path).stderr
    assert "1 archivo revisado: 0 errores, 0 avisos" in one and "2 archivos revisados: 0 errores, 0 avisos" in two
    # S601: one text missing, then two
    assert sticky("translate", "studio.yaml", "--to", "es", cwd=tmp_path).returncode == 0
    spanish = tmp_path / "studio.es.yaml"
    lines = spanish.read_text(encoding="utf-8").splitlines()
    without_title = [line for line in lines if not line.startswith("title:")]
    spanish.write_text("\n".join(without_title) + "\n", encoding="utf-8")
    short = ("check", "studio.yaml", "--format", "short")
    assert "S601: 1 text not translated to 'es': title (" in sticky(*short, cwd=tmp_path).stdout
    assert "S601: 1 texto sin traducir a 'es': title (" in sticky("--lang", "es", *short, cwd=tmp_path).stdout
    without_two = [line for line in without_title if not line.startswith(("summary:", "business:"))]
    spanish.write_text("\n".join(without_two) + "\n", encoding="utf-8")
    assert re.search(r"S601: [23] texts not translated to 'es': ", sticky(*short, cwd=tmp_path).stdout)
    assert re.search(r"S601: [23] textos sin traducir a 'es': ", sticky("--lang", "es", *short, cwd=tmp_path).stdout)
    # the rule is game.locale's: a million is Spanish's "many" form, which falls back to "other"
    assert counted("check.files", "es", 1_000_000) == "1\u202f000\u202f000 archivos revisados"
    assert counted("check.files", "en", 1_000_000) == "1,000,000 files checked"
    assert (
        counted("x.loop", "es", 1, scenes="a")
        == "  CICLO SIN SALIDA: 1 estado nunca llega a un final, en las escenas a"
    )


def test_no_tool_text_dodges_a_plural() -> None:
    """No "(s)" in the tools' catalogue, in either language, nor in a string of game/authoring or game/commands;
    every counted phrase has its "other" form."""
    tables = {"MESSAGES": MESSAGES, "FRAGMENTS": FRAGMENTS, "WORDS": WORDS, "EXPLORE": EXPLORE}
    tables |= {"COMMANDS": COMMANDS, "GRAPH": GRAPH, "TRAINER": TRAINER, "TRAINER_MESSAGES": TRAINER_MESSAGES}
    found = [
        f"{name} {key}: {text!r}"
        for name, table in tables.items()
        for key, texts in table.items()
        for text in texts
        if DODGED.search(text)
    ]
    found += [
        f"{name}: {key} has no .other"
        for name, table in tables.items()
        for key in table
        if key.endswith(".one") and key.removesuffix(".one") + ".other" not in table
    ]
    for folder in ("game/authoring", "game/commands"):
        for path in sorted((ROOT / folder).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and id(node) not in docstrings:
                    text = node.value
                    if isinstance(text, str) and DODGED.search(text):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    assert not found, "write both forms (game.authoring.messages.counted):\n" + "\n".join(found)


def test_the_map_names_phases_styles_and_ratings_as_the_game_does(tmp_path: Path) -> None:
    """`sticky graph` takes its phase, style and rating words from game.locale: «desenlace», like the game."""
    from game.locale import phase_word, rating_word, style_word

    _new(tmp_path)
    for lang in ("en", "es"):
        drawn = sticky("--lang", lang, "graph", "studio.yaml", cwd=tmp_path).stdout
        assert f"the_power<br/>{phase_word(lang, 'power')}" in drawn
        assert f"hear_her_out · {style_word(lang, 'assertive')}" in drawn
        assert f"★ {rating_word(lang, 'good')}" in drawn
    assert "the_ask<br/>situación" in drawn and "· ★ bueno" in drawn and "hear_her_out · asertiva" in drawn


def test_spanish_paths_and_figures_read_the_spanish_way(tmp_path: Path) -> None:
    """A chance step in a path is «[azar 80 %]», a computed decimal has a comma, a list of options is not
    repeated in the hint."""
    path = _new(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("p: 0.2,", "p: 0.1,").replace("language: en", "language: fr"), encoding="utf-8")
    said = sticky("--lang", "es", "check", "studio.yaml", "--format", "short", cwd=tmp_path).stdout
    assert "las probabilidades de 'chance' suman 0,9, no 1" in said
    assert "el idioma (language) 'fr' no es ninguno de estos: en, es\n" in said
    english = sticky("check", "studio.yaml", "--format", "short", cwd=tmp_path).stdout
    assert "chance probabilities add up to 0.9, not 1" in english
    assert "language 'fr' is not one of en, es\n" in english
    path.write_text(text, encoding="utf-8")
    table = sticky("--lang", "es", "explore", "studio.yaml", "--strategies", cwd=tmp_path).stdout
    assert "name_your_value [azar 80 %] → terms_kept" in table and "[chance" not in table
    table = sticky("explore", "studio.yaml", "--strategies", cwd=tmp_path).stdout
    assert "name_your_value [chance 80%] → terms_kept" in table


AUTHORING_COMMANDS = ("check", "explore", "graph", "new", "translate", "schema", "play")
#: English words that no line of a Spanish help page holds outside `quotes` (option names are written as is).
ENGLISH_HELP = re.compile(r"\b(?:usage|options|arguments|show|the|of|and|or|with|file|scenario|default|from)\b")


def test_help_and_argparse_words_in_spanish(tmp_path: Path) -> None:
    for command in AUTHORING_COMMANDS:
        page = sticky("--lang", "es", command, "--help", cwd=tmp_path)
        assert page.returncode == 0 and page.stdout.startswith(f"uso: sticky {command} "), page.stdout
        assert "opciones:\n  -h, --help" in page.stdout and "muestra esta ayuda y termina" in page.stdout
        prose = re.sub(r"`[^`]*`|--?[\w-]+|\{[\w,]+\}|[A-Z_]{2,}", "", page.stdout)
        assert not ENGLISH_HELP.search(prose), f"{command}: {ENGLISH_HELP.search(prose)}\n{page.stdout}"
    check = sticky("check", "--help", "--lang", "es", cwd=tmp_path).stdout
    assert "argumentos:\n  PATH                  archivos o carpetas de escenarios" in check
    assert "--strict              falla también con avisos" in check
    top = sticky("--lang", "es", "--help", cwd=tmp_path).stdout
    assert "revisa archivos de escenario (y sus traducciones) en busca" in top
    missing = sticky("check", "--lang", "es", cwd=tmp_path)
    assert missing.returncode == 2 and "sticky check: error: faltan estos argumentos: PATH" in missing.stderr
    assert missing.stderr.startswith("uso: sticky check ")
    wrong = sticky("--lang", "es", "graph", "x.yaml", "--format", "svg", cwd=tmp_path).stderr
    assert "error: argumento --format: valor no válido: 'svg' (elige entre 'mermaid', 'dot')" in wrong
    english = sticky("check", cwd=tmp_path)
    assert (
        english.stderr.startswith("usage: sticky check ") and "the following arguments are required" in english.stderr
    )
    assert "show this help message and exit" in sticky("check", "--help", cwd=tmp_path).stdout


def test_argparse_speaks_english_again_after_a_spanish_command_line() -> None:
    import argparse

    from game.cli import parse_args

    args = parse_args(["--lang", "es", "check", "x.yaml"])
    assert args.lang == "es" and args.paths == ["x.yaml"]
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
    assert "show this help message and exit" in argparse.ArgumentParser(prog="x").format_help()


def test_the_spanish_new_scenario_is_the_english_one_written_in_spanish(tmp_path: Path) -> None:
    """`sticky --lang es new` writes the same story (same ids, effects, rules and endings) in Spanish, clean
    and playable; a change to one template that the other lacks fails here."""
    from game.authoring.lint import check_file
    from game.core.texts import extract_texts

    english, spanish = tmp_path / "en" / "studio.yaml", tmp_path / "es" / "studio.yaml"
    assert sticky("new", str(english), cwd=tmp_path).returncode == 0
    assert sticky("--lang", "es", "new", str(spanish), cwd=tmp_path).returncode == 0
    loaded = [check_file(path) for path in (english, spanish)]
    assert [c.diagnostics for c in loaded] == [[], []]
    ours, theirs = (c.load.scenario for c in loaded)
    assert ours is not None and theirs is not None and theirs.language == "es"
    assert set(extract_texts(ours)) == set(extract_texts(theirs))
    shape = [[(c.id, c.style, c.best, c.effects) for c in s.choices] for s in ours.scenes]
    assert shape == [[(c.id, c.style, c.best, c.effects) for c in s.choices] for s in theirs.scenes]
    assert [(e.id, e.rating) for e in ours.endings] == [(e.id, e.rating) for e in theirs.endings]
    played = sticky(
        "play", str(spanish), "--choices", "hear_her_out,weigh_both,rush_fee,name_your_value", "--json", cwd=tmp_path
    )
    assert played.returncode == 0 and '"ending": "she_went_elsewhere",' in played.stdout, played.stdout  # seed 0


def test_a_file_that_cannot_be_written_is_reported_in_the_authors_language(tmp_path: Path) -> None:
    _new(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    said = sticky("--lang", "es", "new", "file/x.yaml", cwd=tmp_path)
    assert said.returncode == 1
    assert "error: file/x.yaml: no se puede escribir ahí: una parte de la ruta no es una carpeta" in said.stderr
    folder = sticky("--lang", "es", "graph", "studio.yaml", "-o", str(tmp_path), cwd=tmp_path)
    assert folder.returncode == 1 and "es una carpeta; indica un nombre de archivo dentro de ella" in folder.stderr
    english = sticky("graph", "studio.yaml", "-o", str(tmp_path), cwd=tmp_path)
    assert "is a folder; give a file name inside it" in english.stderr


def test_a_scripted_run_speaks_the_authors_language(tmp_path: Path) -> None:
    """`sticky play --choices` (the author's quick run): styles, ratings and refusals in ``--lang``."""
    _new(tmp_path)
    run = sticky("--lang", "es", "play", "studio.yaml", "--choices", "1,1,1,1", cwd=tmp_path)
    assert " 1. the_ask: yes_of_course (pasiva) " in run.stdout and "final: she_went_elsewhere (regular)" in run.stdout
    english = sticky("play", "studio.yaml", "--choices", "1,1,1,1", cwd=tmp_path)
    assert (
        " 1. the_ask: yes_of_course (passive) " in english.stdout
        and "ending: she_went_elsewhere (fair)" in english.stdout
    )
    refused = sticky("--lang", "es", "play", "studio.yaml", "--choices", "nope", "--json", cwd=tmp_path)
    assert refused.returncode == 1
    assert (
        "error: la opción 'nope' no existe en la escena 'the_ask'; ahora se puede elegir: 1=yes_of_course, "
        in refused.stderr
    )
    over = sticky("--lang", "es", "play", "studio.yaml", "--choices", "1,1,1,1,1", cwd=tmp_path)
    assert over.returncode == 1 and "error: ya no se puede elegir '1': la partida terminó" in over.stderr
    missing = sticky("--lang", "es", "play", "nothere.yaml", "--json", cwd=tmp_path).stderr
    assert "error S113: no se puede leer el archivo: ese archivo no existe (indica la ruta de un archivo" in missing
    for size in ("12", "10x10", "99999x99999", "wide"):
        bad = sticky(
            "--lang",
            "es",
            "play",
            "studio.yaml",
            "--choices",
            "1",
            "--screenshots",
            "shots",
            "--size",
            size,
            cwd=tmp_path,
        )
        assert bad.returncode == 2 and "error: --size lleva un tamaño como 1920x1080" in bad.stderr, bad.stderr
        assert "Traceback" not in bad.stderr and not (tmp_path / "shots").exists()


def test_a_list_of_values_reads_spanish_and_free_text_is_left_alone() -> None:
    from game.authoring.messages import localize

    never = (
        "the condition of choice 'a' 'asked and reputation > 5' can never be true: asked is 0; reputation is [0, 100]"
    )
    assert localize(never, "es").endswith("nunca puede cumplirse: asked vale 0; reputation vale [0, 100]")
    # an operating system's reason that happens to hold " is " is not taken for "metric is value"
    assert localize("cannot read the file: the disk is gone", "es") == "no se puede leer el archivo: the disk is gone"
