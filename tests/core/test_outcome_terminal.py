"""What a chance outcome did, apart from what the choice did, in the terminal: `sticky play --text`, the
scripted summary, `--json` and `sticky replay`, in English and Spanish, through the real command line.

The transcripts in tests/data/outcome/ are exact: the choice's own change first, then chance's note with what
its outcome changed indented under it (as an event's changes are), then the events, then the coach.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.core.test_terminal_language import play_text

FOLDER = DATA / "outcome"
RUSH = FOLDER / "rush-rate.yaml"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("name", "seed"), [("deal", 0), ("walks", 1)])
def test_text_play_shows_what_chance_did_under_its_note(
    name: str, seed: int, lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = play_text(
        ["play", str(RUSH), "--text", "--seed", str(seed), "--lang", lang], "raise_price\n", monkeypatch, capsys
    )
    assert out == (FOLDER / f"{name}.{lang}.txt").read_text(encoding="utf-8")


WHERE = {  # each run's outcome lines, from the choice's own change to the coach or the ending
    "walks.en.txt": [
        "  Reputation: ▲ +2% (better)",
        "  Chance played a part. He takes his orders elsewhere.",
        "    Revenue: ▼ −3,000 €/month (worse)",
        "  Event: You cut the weekend shifts.",  # the rule answers the outcome's lost revenue
        "    Staff morale: ▼ −5% (worse)",
        "  Coach: You named the cost of rush work and priced it.",
    ],
    "deal.es.txt": [
        "  Reputación: ▲ +2 % (mejor)",
        "  Intervino el azar. Refunfuña, pero paga.",
        "    Ingresos: ▲ +1200 €/mes (mejor)",
        "    Reputación: ▲ +1 % (mejor)",  # +10 written, clamped at 100
        "  Tu coach: Pusiste nombre al costo del trabajo urgente y le pusiste precio.",
    ],
}


@pytest.mark.parametrize("name", sorted(WHERE))
def test_the_transcripts_put_each_change_where_it_came_from(name: str) -> None:
    """The choice's change alone, the outcome's right under chance's note, the event's under the event."""
    lines = (FOLDER / name).read_text(encoding="utf-8").splitlines()
    start = lines.index(WHERE[name][0])
    assert lines[start : start + len(WHERE[name])] == WHERE[name]


def test_json_and_the_scripted_summary_give_the_outcome_part_apart(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = json.loads(
        play_text(["play", str(RUSH), "--choices", "raise_price", "--seed", "1", "--json"], "", monkeypatch, capsys)
    )
    path = data["path"][0]
    assert path["deltas"] == {"reputation": 2} and path["outcome_deltas"] == {"revenue": -3000}
    assert path["rules"] == [{"id": "tight_month", "deltas": {"staff_morale": -5}}]
    assert data["final_metrics"] == {"revenue": 6000, "staff_morale": 55, "reputation": 99}
    summary = play_text(["play", str(RUSH), "--choices", "raise_price", "--seed", "0"], "", monkeypatch, capsys)
    assert summary.splitlines()[0] == (
        " 1. ask: raise_price (assertive) Reputation ▲ +2%; chance: Revenue ▲ +1,200 €/month, Reputation ▲ +1%"
    )
    plain = play_text(["play", str(RUSH), "--choices", "absorb"], "", monkeypatch, capsys)
    assert plain.splitlines()[0] == " 1. ask: absorb (passive) Staff morale ▼ −15%"


REPLAY_EN = """Playthrough 1 · Ana · W2
The rush rate (seed 1)

 1. [cost] From next month the rush rate is 20% higher.
    assertive · 9 s · Reputation ▲ +2%, Staff morale ▼ −5%
    Chance played a part. He takes his orders elsewhere. · Revenue ▼ −3,000 €/month

Ending: He walked (poor)
  Revenue: 6,000 €/month · Staff morale: 55% · Reputation: 99%

verified: the replay matches the record
"""

REPLAY_ES = """Partida 1 · Ana · W2
La tarifa urgente (semilla 1)

 1. [costo] A partir del mes que viene, la tarifa urgente sube un 20 %.
    asertiva · 9 s · Reputación ▲ +2 %, Moral del equipo ▼ −5 %
    Intervino el azar. Se lleva sus pedidos a otra parte. · Ingresos ▼ −3000 €/mes

Final: Se fue (flojo)
  Ingresos: 6000 €/mes · Moral del equipo: 55 % · Reputación: 99 %

comprobado: la repetición coincide con el registro
"""


def test_replay_gives_chance_its_own_line_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ["--data", str(tmp_path)]
    play_text(
        [
            *data,
            "records",
            "play",
            str(RUSH),
            "--choices",
            "raise_price",
            "--seed",
            "1",
            "--seconds",
            "9",
            "--learner",
            "Ana",
            "--cohort",
            "W2",
        ],
        "",
        monkeypatch,
        capsys,
    )
    english = play_text([*data, "replay", "1", "--scenario", str(RUSH)], "", monkeypatch, capsys)
    spanish = play_text([*data, "replay", "1", "--scenario", str(RUSH), "--lang", "es"], "", monkeypatch, capsys)
    assert english == REPLAY_EN
    assert spanish == REPLAY_ES
