"""The trainer commands (`records`, `replay`, `report`, `export`, `xapi`, `facilitate`) in Spanish with --lang es.

Each command's main paths and error paths run through the real command line (``main``); no line they print
may hold an English phrase of the catalogue (game/authoring/trainerwords.py), and a few lines a trainer reads
are checked word for word.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from string import Formatter

import pytest

from game.authoring.trainerwords import TRAINER, TRAINER_MESSAGES
from game.cli import main
from tests.training.helpers import BAKERY

#: English words that a Spanish line never holds (ids and file names aside).
ENGLISH = re.compile(
    r"\b(playthroughs?|cohort|learners?|refused|exported|already here|unfinished|finished|no such file|"
    r"is a folder|there is no|statements?|queued|not configured|group session|recorded|saved|warning|hint)\b"
)


def _english_pieces() -> Iterator[str]:
    """The literal parts of every English template that differs from its Spanish one (long enough to mean it)."""
    for english, spanish in (*TRAINER.values(), *TRAINER_MESSAGES.values()):
        if english == spanish:
            continue
        for literal, _name, _spec, _conversion in Formatter().parse(english):
            piece = literal.strip(" ;:,.()'")
            if len(piece) >= 10 and " " in piece:
                yield piece


PIECES = sorted(set(_english_pieces()))


def english_in(text: str) -> list[str]:
    """The English phrases of the catalogue (and common English words) found in ``text``."""
    found = [piece for piece in PIECES if piece in text]
    words = re.sub(r"\S*[/\\]\S*", "", text)  # a temporary folder's name may hold any word
    words = re.sub(r"`[^`]*`|'[^']*'|sticky( [\w-]+)*|--[\w-]+", "", words)  # a command, a field's name
    return found + [m.group(0) for m in ENGLISH.finditer(words)]


class Run:
    """`sticky --data DIR --lang es ...` run in this process; every line it printed is checked for English."""

    def __init__(self, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data, self.capsys = data, capsys

    def __call__(self, *args: str, lang: str = "es") -> tuple[int, str, str]:
        code = main(["--data", str(self.data), "--lang", lang, *args])
        out, err = self.capsys.readouterr()
        if lang == "es":
            assert not english_in(out + err), (args, out, err)
        return code, out, err


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(tmp_path / "data", capsys)


def test_records_play_list_and_learners_in_spanish(run: Run) -> None:
    code, out, _ = run("records", "play", str(BAKERY), "--choices", "2,1", "--learner", "Ana", "--cohort", "W9")
    assert code == 0 and out.startswith("partida 1 terminada: ")
    code, out, _ = run("records", "play", str(BAKERY), "--choices", "1", "--cohort", "W9")
    assert code == 0 and "partida 2 registrada, sin terminar en la escena " in out
    code, _, err = run("records", "play", str(BAKERY), "--choices", "2,1,1,1,1,1,1,1,1,1,1,1,1,1,1")
    assert code == 1 and "no se pudieron jugar '1' y " in err and "queda registrada como terminada" in err
    code, _, err = run("records", "play", str(BAKERY), "--choices", "7")
    assert code == 1 and "la opción '7' no es un número entre 1 y " in err and "queda sin terminar" in err
    code, _, err = run("records", "play", str(BAKERY), "--choices", "1", "--seconds", "x")
    assert code == 1 and err.splitlines()[-1].startswith(
        "error: --seconds lleva cantidades de segundos de 0 a 315\u202f360\u202f000"
    )
    code, _, err = run("records", "play", str(BAKERY), "--choices", "1", "--learner", " ")
    assert code == 1 and err.endswith("\nerror: el nombre está vacío\n")
    code, out, err = run("records", "list", "--cohort", "W9")
    assert code == 0 and "sin terminar" in out and " 2 opciones  " in out and " 1 opción  " in out
    assert err.startswith("2 partidas en ")
    code, out, _ = run("records", "learner", "Ana", "--cohort", "SPA-1")
    assert code == 0 and out == "participante: Ana · grupo: SPA-1\n"
    code, _, err = run("records", "learner", "--cohort", "\x07")
    assert code == 1 and err == "error: el código de grupo contiene caracteres que no se pueden imprimir\n"
    code, out, _ = run("records", "learner", "--clear")
    assert code == 0 and out.startswith("perfil de participante borrado")
    assert run("records", "learners", "Ana")[0] == 2
    code, out, _ = run("records", "learners", "--cohort", "AULA-3", "Ana", "Bo")
    assert code == 0 and out == "grupo: AULA-3 (fijo) · participantes: Ana, Bo\n"
    assert run("records", "learners", "--clear")[1].startswith("sala borrada: la ventana pide")
    assert run("records", "learners", "--clear")[1].startswith("no había ninguna sala configurada")
    assert run("records", "learners")[1].startswith("no hay ninguna sala configurada")


def test_export_import_and_their_refusals_in_spanish(run: Run, tmp_path: Path) -> None:
    run("records", "play", str(BAKERY), "--choices", "2,1", "--cohort", "W9")
    out_file = tmp_path / "w9.jsonl"
    code, out, _ = run("records", "export", str(out_file))
    assert code == 0 and out == f"{out_file}: 1 partida exportada\n"
    code, out, _ = run("records", "import", str(out_file))
    assert code == 0 and out == f"{out_file}: 0 partidas agregadas, 1 ya estaba aquí\n"
    bad = tmp_path / "bad.jsonl"
    record = json.loads(out_file.read_text(encoding="utf-8").splitlines()[0])
    lines = [
        json.dumps(record | {"format": "other"}),
        "{",
        json.dumps({k: v for k, v in record.items() if k != "uuid"}),
        json.dumps(record | {"uuid": "zz", "learner": "X"}),
        json.dumps(record | {"learner": 5}),
        json.dumps(record | {"choices": [record["choices"][0] | {"turn": 0}], "uuid": str(uuid.uuid4())}),
        json.dumps(record | {"votes": [7], "uuid": str(uuid.uuid4())}),
        "hello",
    ]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("records", "import", str(bad))
    assert code == 1 and out == f"{bad}: 0 partidas agregadas, 0 ya estaban aquí, 8 rechazadas\n"
    assert f"{bad}:7: voto 1 debe ser un objeto" in err
    assert f"{bad}:1: no es un registro de Sticky Situations (formato 'other')" in err
    assert f"{bad}:3: falta el campo 'uuid'" in err
    code, _, err = run("records", "import", str(tmp_path / "missing.jsonl"), str(tmp_path))
    assert code == 1 and err == (
        f"{tmp_path / 'missing.jsonl'}: error: no existe ese archivo\n"
        f"{tmp_path}: error: es una carpeta; indica los archivos exportados que contiene\n"
    )


def test_replay_report_export_and_xapi_errors_in_spanish(run: Run, tmp_path: Path) -> None:
    run("records", "play", str(BAKERY), "--choices", "2,1", "--cohort", "W9")
    code, _, err = run("replay", "99")
    assert code == 1 and err.startswith("error: no hay ninguna partida '99' (usa su número o su UUID")
    code, out, _ = run("replay", "1", "--scenario", str(BAKERY))
    assert code == 0
    code, _, err = run("report", "--out", str(tmp_path / "r.html"), "--cohort", "X")
    assert code == 2 and err == "error: no hay ningún grupo 'X'; los grupos con partidas son: W9\n"
    code, out, _ = run("report", "--out", str(tmp_path / "r.html"))
    assert code == 0 and out.startswith(f"{tmp_path / 'r.html'}: 1 partida, 1 grupo, ")
    code, _, err = run("report", "--out", str(tmp_path / "r.html"), "--since", "2026-11-27")
    assert code == 2 and err == "error: --since va con --from-lrs\n"
    code, _, err = run("report", "--out", str(tmp_path / "r.html"), "--from-lrs")
    assert code == 1 and err.startswith("error: no hay ningún LRS configurado: define STICKY_LRS_ENDPOINT o ejecuta")
    code, _, err = run("report", "--out", str(tmp_path))
    assert code == 1 and err == f"error: {tmp_path}: es una carpeta; indica un nombre de archivo dentro de ella\n"
    (tmp_path / "file").write_text("", encoding="utf-8")
    code, _, err = run("export", "--csv", str(tmp_path / "file"))
    assert code == 1 and err == f"error: {tmp_path / 'file'} existe y no es una carpeta\n"
    code, out, _ = run("export", "--csv", str(tmp_path / "csv"))
    assert code == 0 and "playthroughs.csv: 1 fila" in out
    code, out, _ = run("xapi", "status")
    assert code == 0 and out.splitlines()[1] == "LRS: sin configurar (las sentencias esperan en la bandeja de salida)"
    assert out.startswith("en cola: ")
    code, _, err = run("xapi", "send")
    assert code == 1 and err.startswith("error: no hay ningún LRS configurado: define STICKY_LRS_ENDPOINT")
    code, _, err = run("xapi", "config", "--endpoint", "ftp://x")
    assert code == 1 and err == "error: --endpoint debe ser una dirección http(s), no 'ftp://x'\n"
    code, out, _ = run("xapi", "config", "--endpoint", "https://lrs.example.org/xAPI/", "--username", "k")
    assert code == 0 and out.startswith("dirección del LRS: https://lrs.example.org/xAPI/\nusuario del LRS: k\n")
    code, _, err = run("xapi", "show", "abc")
    assert code == 1 and err.startswith("error: no hay ninguna partida 'abc'")


@pytest.mark.ui  # --keys with a key that does not exist opens the (dummy) window
def test_recover_and_facilitate_refusals_in_spanish(run: Run, tmp_path: Path) -> None:
    code, _, err = run("records", "recover")
    assert code == 1 and err.startswith("error: ") and "aquí no hay ninguna base de datos de registros" in err
    for option, said in (
        (["--window", "10x10"], "error: --window lleva un tamaño como 1920x1080 (de 640x360 a 7680x4320)\n"),
        (["--countdown", "5000"], "error: --countdown lleva segundos de 0 a 3600 (una hora)\n"),
        (["--port", "70000"], "error: --port lleva un número de 0 a 65535\n"),
        (["--cohort", ""], "error: el código de grupo está vacío\n"),
        (
            ["--keys", "zz"],
            "error: tecla desconocida 'zz' (usa enter, space, up, down, left, right, home, back, esc, +, - "
            "o un dígito)\n",
        ),
    ):
        code, _, err = run("facilitate", str(BAKERY), *option)
        assert (code, err.splitlines(keepends=True)[-1]) == (1, said)


def test_without_lang_the_lines_stay_english(run: Run, tmp_path: Path) -> None:
    code, out, _ = run("records", "play", str(BAKERY), "--choices", "2,1", "--cohort", "W9", lang="en")
    assert code == 0 and out.startswith("playthrough 1 finished: ")
    code = main(["--data", str(run.data), "records", "import", str(tmp_path / "missing.jsonl")])
    assert code == 1 and run.capsys.readouterr().err.endswith("missing.jsonl: error: no such file\n")
    code = main(["--data", str(run.data), "records", "learners", "--clear"])
    assert code == 0 and run.capsys.readouterr().out.startswith("no room was set up: the window asks")


def test_every_spanish_template_fills_the_same_placeholders_as_its_english() -> None:
    def names(template: str) -> set[str]:
        return {name for _literal, name, _spec, _conversion in Formatter().parse(template) if name}

    for key, (english, spanish) in (*TRAINER.items(), *TRAINER_MESSAGES.items()):
        assert names(english) == names(spanish), key


@pytest.mark.ui
def test_facilitate_tells_the_room_in_spanish(run: Run) -> None:
    args = ("facilitate", str(BAKERY), "--serve", "--host", "127.0.0.1", "--port", "0", "--keys", "enter")
    code, out, _ = run(*args, "--no-record")
    assert code == 0 and re.search(
        r"^teléfonos: abran http://127\.0\.0\.1:\d+ y escriban el código de sala \w+", out, re.M
    )
    assert "sesión grupal: 0 decisiones, detenida en la escena " in out
