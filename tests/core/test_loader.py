"""The loader: a valid file becomes the model; every problem becomes a positioned diagnostic."""

from __future__ import annotations

from pathlib import Path

from game.authoring.load import load_scenario, load_scenario_text
from game.core.model import Chance, Goto
from tests.core.scenario_text import MINIMAL, load_bytes


def codes(text: str) -> list[tuple[str, int, int]]:
    result = load_scenario_text(text, "t.yaml")
    return [(d.code, d.pos.line, d.pos.col) for d in result.diagnostics]


def test_minimal_scenario_loads_into_the_model() -> None:
    result = load_scenario_text(MINIMAL, "t.yaml")
    assert result.diagnostics == []
    scenario = result.scenario
    assert scenario is not None
    assert [s.id for s in scenario.scenes] == ["hello", "cost_scene"]
    assert [m.id for m in scenario.metrics] == ["revenue", "staff_morale", "reputation"]
    greet = scenario.choice("greet")
    assert greet is not None and greet.effects.deltas == (("reputation", 5.0),)
    assert isinstance(greet.next, Goto) and greet.next.target == "cost_scene"
    gamble = scenario.choice("gamble")
    assert gamble is not None and isinstance(gamble.next, Chance)
    assert [o.probability for o in gamble.next.outcomes] == [0.5, 0.5]
    assert greet.pos.line == 15


def test_yaml_11_booleans_stay_text() -> None:
    text = MINIMAL.replace("text: No\n", "text: off\n")
    scenario = load_scenario_text(text, "t.yaml").scenario
    assert scenario is not None
    choice = scenario.choice("ignore")
    assert choice is not None and choice.text == "off"
    for word in ("No", "Sí", "on", "yes", "~x"):
        loaded = load_scenario_text(MINIMAL.replace("text: No\n", f"text: {word}\n"), "t.yaml").scenario
        assert loaded is not None and loaded.choice("ignore").text == word  # type: ignore[union-attr]


def test_misspelled_target_names_line_column_and_suggestion() -> None:
    result = load_scenario_text(
        MINIMAL.replace("next: cost_scene\n      - id: ignore", "next: cost_scen\n      - id: ignore"),
        "t.yaml",
    )
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.pos.line, diagnostic.pos.col) == ("S301", 21, 15)
    assert "did you mean 'cost_scene'?" in diagnostic.hint
    assert diagnostic.format().startswith("t.yaml:21:15: error S301: ")


def test_all_problems_are_reported_in_one_run() -> None:
    text = (
        MINIMAL.replace("style: passive", "style: pasive")
        .replace("speaker: kim", "speaker: kimm")
        .replace("{reputation: +5}", "{reputaton: +5}")
        .replace('when: "asked"', 'when: "askd"')
    )
    found = {c for c, _, _ in codes(text)}
    assert {"S306", "S303", "S302", "S403"} <= found


def test_condition_errors_point_into_the_condition() -> None:
    [(code, line, col)] = codes(MINIMAL.replace('when: "asked"', 'when: "asked and revenu > 3"'))
    assert (code, line, col) == ("S403", 40, 26)


def test_duplicate_keys_are_errors() -> None:
    text = MINIMAL.replace("title: Tiny\n", "title: Tiny\ntitle: Again\n")
    assert ("S110", 3, 1) in codes(text)


def test_duplicate_choice_ids_are_errors() -> None:
    text = MINIMAL.replace("- id: ignore", "- id: greet")
    assert any(c == "S205" for c, _, _ in codes(text))


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = MINIMAL.replace("title: Tiny", f"title: !!python/object/apply:os.system ['touch {marker}']")
    assert ("S108", 2, 8) in codes(text)
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    result = load_scenario_text("\n".join(lines) + "\n", "bomb.yaml")
    assert [d.code for d in result.diagnostics] == ["S107"]


def test_deep_nesting_is_refused() -> None:
    """Our S106 where the nesting passes 64 levels (the 64th bracket, under the top mapping), whatever libyaml
    does with deep nesting itself (6.0.4's wheels refuse 1,000 flow levels on their own, further on)."""
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    result = load_scenario_text(text, "deep.yaml")
    assert [(d.code, d.pos.line, d.pos.col) for d in result.diagnostics] == [("S106", 1, 67)]
    deeper = "a: " + "{b: " * 2000 + "c" + "}" * 2000 + "\n"  # flow mappings too
    assert [d.code for d in load_scenario_text(deeper, "deep.yaml").diagnostics] == ["S106"]


def test_empty_binary_and_non_utf8_files() -> None:
    assert [d.code for d in load_bytes(b"", "e.yaml").diagnostics] == ["S104"]
    assert [d.code for d in load_bytes(b"  \n# just a comment\n", "c.yaml").diagnostics] == ["S104"]
    assert [d.code for d in load_bytes(b"id: x\x00\x01\x02", "b.yaml").diagnostics] == ["S103"]
    [diagnostic] = load_bytes(b"id: tiny\ntitle: Caf\xe9\n", "l.yaml").diagnostics
    assert (diagnostic.code, diagnostic.pos.line, diagnostic.pos.col) == ("S102", 2, 11)


def test_tab_indentation_gets_its_own_code() -> None:
    text = MINIMAL.replace("  kim: {name", "\tkim: {name")
    assert [c for c, _, _ in codes(text)][0] in ("S111", "S101")
    assert any(c == "S111" for c, _, _ in codes(text))


def test_syntax_error_has_a_position() -> None:
    [(code, line, _col)] = codes("id: x\ntitle: [unclosed\nsummary: y\n")
    assert code == "S101" and line >= 2


def test_graph_problems() -> None:
    text = MINIMAL.replace(
        "      - id: count\n        text: Count it.\n        style: assertive\n"
        "        best: true\n        next: happy\n",
        "",
    )
    text = text.replace(
        "          - {p: 0.5, next: happy}\n          - {p: 0.5, next: sad, note: It went badly.}",
        "          - {p: 1, next: cost_scene}",
    )
    found = {c for c, _, _ in codes(text)}
    assert "S504" in found  # the only choice loops forever
    assert "S503" in found  # 'happy' and 'sad' are never reached


def test_unreachable_scene_and_dead_end() -> None:
    text = MINIMAL.replace("endings:", "  lost:\n    phase: cost\n    text: Nobody comes here.\nendings:")
    found = {c for c, _, _ in codes(text)}
    assert {"S501", "S502"} <= found


def test_file_on_disk_with_translation(bakery_path: Path) -> None:
    result = load_scenario(bakery_path)
    assert result.scenario is not None
    spanish = result.localized("es")
    assert spanish is not None and spanish.language == "es"
    assert spanish.title == "El anticipo del pastel de bodas"
    assert spanish.metric("revenue").label == "Ingresos"  # type: ignore[union-attr]
    assert result.scenario.metric("revenue").label == "Revenue"  # type: ignore[union-attr]
    assert spanish.content_hash == result.scenario.content_hash
    assert result.scenario.languages == ("en", "es")


def test_translation_with_unknown_key(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "tiny.es.yaml").write_text(
        "translation_of: tiny\nlanguage: es\nscenes:\n  helo:\n    text: Hola.\n", encoding="utf-8"
    )
    result = load_scenario(tmp_path / "tiny.yaml")
    found = [(d.code, d.pos.line, d.pos.col) for d in result.diagnostics]
    assert ("S602", 5, 5) in found
    assert any("scenes.hello.text" in d.hint for d in result.diagnostics if d.code == "S602")


def test_asset_paths_stay_inside() -> None:
    text = MINIMAL.replace("{name: Kim, role: Client}", "{name: Kim, role: Client, portrait: ../../etc/passwd}")
    assert any(c == "S701" for c, _, _ in codes(text))
    text = MINIMAL.replace("{name: Kim, role: Client}", "{name: Kim, role: Client, portrait: /etc/passwd}")
    assert any(c == "S701" for c, _, _ in codes(text))


def test_translation_may_translate_a_percent_unit(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "tiny.es.yaml").write_text(
        "translation_of: tiny\nlanguage: es\nmetrics:\n  reputation: {unit: '%'}\n", encoding="utf-8"
    )
    result = load_scenario(tmp_path / "tiny.yaml")
    assert not [d for d in result.diagnostics if d.code == "S602"]


def test_chance_outcomes_read_their_own_effects_and_point_at_mistakes() -> None:
    good = MINIMAL.replace(
        "          - {p: 0.5, next: sad, note: It went badly.}",
        "          - {p: 0.5, next: sad, note: It went badly., effects: {revenue: -200}, set: [asked]}",
    )
    scenario = load_scenario_text(good, "t.yaml").scenario
    assert scenario is not None
    gamble = scenario.choice("gamble")
    assert gamble is not None and isinstance(gamble.next, Chance)
    calm, bad = gamble.next.outcomes
    assert not calm.effects and bad.effects.deltas == (("revenue", -200.0),) and bad.effects.set_flags == ("asked",)
    assert bad.effects in scenario.all_effects()
    wrong = MINIMAL.replace(
        "          - {p: 0.5, next: sad, note: It went badly.}",
        "          - {p: 0.5, next: sad, effects: {revenu: -200}, clear: [askd]}",
    )
    text = "          - {p: 0.5, next: sad, effects: {revenu: -200}, clear: [askd]}"
    line = wrong.splitlines().index(text) + 1
    assert codes(wrong) == [("S302", line, text.index("revenu") + 1), ("S304", line, text.index("askd") + 1)]
