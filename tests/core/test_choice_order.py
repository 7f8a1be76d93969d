"""Choices are shown in an order drawn from the session's seed (tests/data/order/choices.yaml): position tells
nothing, the order is the same wherever the session goes (save, restore, another language, the terminal,
`play --json`), numbers mean the places on screen and ids always work; `order: fixed` keeps the written order.
"""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest

from game.authoring.load import load_scenario, load_scenario_text
from game.cli import main
from game.core.model import Scenario
from game.core.order import shown_order
from game.core.session import SAVE_VERSION, ChoiceNotAvailable, SaveError, Session
from game.terminal import play_in_terminal
from tests.conftest import DATA

CHOICES = DATA / "order" / "choices.yaml"
WRITTEN = ["say_no", "ask_time", "give_in", "snap", "sigh"]  # `again` is offered only after `asked_before`


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    result = load_scenario(CHOICES)
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


def shown(session: Session) -> list[str]:
    return [c.id for c in session.shown_choices()]


def test_the_order_is_drawn_from_the_seed_and_is_the_same_for_the_same_seed(scenario: Scenario) -> None:
    orders = {seed: shown(Session(scenario, seed)) for seed in range(40)}
    assert all(sorted(order) == sorted(WRITTEN) for order in orders.values())
    assert orders == {seed: shown(Session(scenario, seed)) for seed in range(40)}  # deterministic
    assert len({tuple(order) for order in orders.values()}) > 20  # 120 orders possible: many seen
    assert [c.id for c in Session(scenario, 3).available_choices()] == WRITTEN  # the rules' view keeps file order


def test_no_place_favours_a_choice(scenario: Scenario) -> None:
    first = Counter(shown(Session(scenario, seed))[0] for seed in range(1000))
    assert set(first) == set(WRITTEN)
    assert all(120 <= count <= 280 for count in first.values()), first  # 200 each when uniform


def test_a_fixed_scene_keeps_the_written_order(scenario: Scenario) -> None:
    for seed in range(10):
        session = Session(scenario, seed)
        session.choose("say_no")
        assert shown(session) == ["first", "second", "third"]
        assert session.order == ("first", "second", "third")


def test_numbers_are_the_places_on_screen_and_ids_always_work(scenario: Scenario) -> None:
    session = Session(scenario, 7)
    on_screen = shown(session)
    assert session.resolve_choice("1").id == on_screen[0]
    assert session.resolve_choice(5).id == on_screen[4]
    assert session.resolve_choice("ask_time").id == "ask_time"
    with pytest.raises(ChoiceNotAvailable) as caught:
        session.resolve_choice("6")
    assert caught.value.available == on_screen  # the refusal lists the numbers as shown
    with pytest.raises(ChoiceNotAvailable):
        session.resolve_choice("again")  # its condition does not hold yet
    outcome = session.choose("2")
    assert outcome.choice_id == on_screen[1] and list(outcome.shown) == on_screen


def test_a_choice_offered_under_a_condition_keeps_its_drawn_place(scenario: Scenario) -> None:
    scene = scenario.scene("discount")
    assert scene is not None
    session = Session(scenario, 11)
    order = shown_order(scene, 11, 0)
    assert session.order == order and shown(session) == [i for i in order if i != "again"]


def test_the_order_survives_a_save_undo_and_a_change_of_language(scenario: Scenario) -> None:
    session = Session(scenario, 5)
    before = shown(session)
    data = json.loads(json.dumps(session.to_json()))
    assert data["save_version"] == SAVE_VERSION == 3
    assert data["orders"][0] == list(session.order)
    assert shown(Session.from_json(scenario, data)) == before
    session.choose(before[0])
    session.undo()
    assert shown(session) == before
    spanish = load_scenario(DATA / "bakery.yaml").localized("es")  # another scenario: refused, order untouched
    assert spanish is not None
    with pytest.raises(SaveError):
        session.with_scenario(spanish)
    assert shown(session) == before


def test_a_saved_order_is_used_as_saved(scenario: Scenario) -> None:
    session = Session(scenario, 5)
    data = session.to_json()
    data["orders"][0] = ["sigh", "snap", "give_in", "ask_time", "say_no", "again"]
    assert shown(Session.from_json(scenario, data)) == ["sigh", "snap", "give_in", "ask_time", "say_no"]


@pytest.mark.parametrize(
    "orders",
    [
        [["say_no"]],  # missing choices
        [["say_no", "ask_time", "give_in", "snap", "sigh", "nonsense"]],
        [["say_no", "say_no", "give_in", "snap", "sigh", "again"]],
        "say_no",
        [],  # one order per state
        [[1, 2, 3, 4, 5, 6]],
    ],
)
def test_a_damaged_order_is_refused_with_a_clear_reason(scenario: Scenario, orders: object) -> None:
    data = Session(scenario, 5).to_json() | {"orders": orders}
    with pytest.raises(SaveError, match="damaged"):
        Session.from_json(scenario, data)


def test_an_older_save_gets_the_order_its_seed_showed(scenario: Scenario) -> None:
    session = Session(scenario, 9)
    session.choose("say_no")
    data = json.loads(json.dumps(session.to_json()))
    del data["orders"]
    for entry in data["history"]:
        del entry["shown"]
    data["save_version"] = 2
    old = Session.from_json(scenario, data)
    assert old.order == session.order and old.history[0].shown == session.history[0].shown
    assert old.to_json()["orders"] == session.to_json()["orders"]


def test_the_order_depends_on_the_turn_so_a_scene_seen_again_is_drawn_again(scenario: Scenario) -> None:
    scene = scenario.scene("discount")
    assert scene is not None
    assert len({shown_order(scene, 1, turn) for turn in range(20)}) > 10


def test_play_json_lists_available_in_shown_order_and_choices_resolve_as_shown(
    scenario: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    on_screen = shown(Session(scenario, 4))
    assert main(["play", str(CHOICES), "--seed", "4", "--json", "--choices", ""]) == 0
    assert json.loads(capsys.readouterr().out)["available"] == on_screen
    assert main(["play", str(CHOICES), "--seed", "4", "--json", "--choices", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["path"][0]["choice"] == on_screen[2] and data["path"][0]["shown"] == on_screen
    assert data["available"] == ["first", "second", "third"]
    assert main(["play", str(CHOICES), "--seed", "4", "--json", "--choices", "say_no,third"]) == 0
    assert json.loads(capsys.readouterr().out)["ending"] == "done"


def test_the_terminal_numbers_the_choices_as_shown(scenario: Scenario) -> None:
    session = Session(scenario, 2)
    on_screen = session.shown_choices()
    out = io.StringIO()
    assert play_in_terminal(session, io.StringIO("1\n"), out) == 0
    lines = out.getvalue().splitlines()
    listed = [line for line in lines if line.startswith("  ") and line[2:3].isdigit()][: len(on_screen)]
    assert listed == [f"  {n}. {c.text}" for n, c in enumerate(on_screen, 1)]
    assert session.history[0].choice_id == on_screen[0].id


def test_an_unknown_order_is_an_error_with_a_hint() -> None:
    text = CHOICES.read_text(encoding="utf-8").replace("    order: fixed", "    order: fixd")
    result = load_scenario_text(text, "choices.yaml")
    assert result.scenario is None
    [found] = [d for d in result.diagnostics if d.code == "S204"]
    assert "order 'fixd' is not one of shuffled, fixed" in found.format()
    assert "did you mean 'fixed'?" in found.format()
