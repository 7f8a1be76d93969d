"""Texts with variants, `better:`, scores, model lines and techniques: loading, resolving, translating."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.authoring.lint import check_file
from game.authoring.load import load_scenario, load_scenario_text
from game.authoring.translate import update_translation
from game.core.model import DEFAULT_PASS_MARK, Scenario
from game.core.scoring import choice_score, is_improvement, is_setback
from game.core.session import Session
from game.core.texts import extract_texts
from game.core.variants import ending_title, feedback_text, resolve, scene_text, state_env
from tests.core.scenario_text import MINIMAL

TEACHING = Path(__file__).resolve().parent / "data" / "teaching.yaml"


def teaching() -> Scenario:
    scenario = load_scenario(TEACHING).scenario
    assert scenario is not None
    return scenario


def found(text: str) -> list[tuple[str, int, int, str]]:
    result = load_scenario_text(text, "t.yaml")
    return [(d.code, d.pos.line, d.pos.col, d.message) for d in result.diagnostics]


def test_variants_load_with_the_fallback_in_the_plain_field() -> None:
    scenario = teaching()
    limits = scenario.scene("limits")
    assert limits is not None and limits.text == "Sam calls again."
    assert [(v.when.source if v.when else None, v.text) for v in limits.text_variants] == [
        ("noor_resigned", "Noor's apron hangs on its hook. Sam calls again."),
        (None, "Sam calls again."),
    ]
    assert limits.text_variants[0].pos.line == 54
    plain = scenario.scene("opening")
    assert plain is not None and plain.text_variants == ()


def test_the_first_variant_that_holds_is_shown() -> None:
    scenario = teaching()
    session = Session(scenario)
    session.choose("listen")
    session.choose("hope_for_the_best")
    env = state_env(scenario, session.state)
    limits = scenario.scene("limits")
    choice = scenario.choice("hope_for_the_best")
    done = scenario.ending("done")
    assert limits is not None and choice is not None and done is not None
    assert scene_text(limits, env) == "Noor's apron hangs on its hook. Sam calls again."
    assert feedback_text(choice, env).endswith("Noor has had enough.")
    assert ending_title(done, env) == "Kept the order, lost Noor"
    calm = state_env(scenario, Session(scenario).state)
    assert scene_text(limits, calm) == "Sam calls again." and ending_title(done, calm) == "Kept the order and the team"
    assert resolve("plain", (), calm) == "plain"


def test_better_scores_pass_mark_model_line_and_technique_are_read() -> None:
    scenario = teaching()
    stress = scenario.metric("owner_stress")
    revenue = scenario.metric("revenue")
    assert stress is not None and stress.better == "lower" and revenue is not None and revenue.better == "higher"
    assert is_improvement(stress, -5) and not is_improvement(stress, 5) and is_setback(stress, 5)
    assert is_improvement(revenue, 5) and not is_improvement(revenue, 0) and not is_setback(revenue, 0)
    assert scenario.pass_mark == 0.7
    scores = {c.id: choice_score(c) for s in scenario.scenes for c in s.choices}
    assert scores["count_it"] == 1.0 and scores["hope_for_the_best"] == 0.5 and scores["snap"] == 0.0
    line = scenario.choice("state_limit")
    assert line is not None and line.technique == "workable_compromise"
    assert [part for part, _text in line.model_line] == ["fact", "limit", "alternative", "consequence"]
    cost = scenario.scene("cost")
    assert cost is not None and cost.discuss.startswith("What would saying yes cost")
    plain = load_scenario_text(MINIMAL, "t.yaml").scenario
    assert plain is not None and plain.pass_mark == DEFAULT_PASS_MARK
    assert all(m.better == "higher" for m in plain.metrics)


def test_malformed_variants_and_wrong_values_are_positioned() -> None:
    last_with_when = MINIMAL.replace(
        "    text: Hello.\n",
        "    text:\n      - when: asked\n        text: Again.\n      - when: not asked\n        text: Hello.\n",
    )
    assert found(last_with_when)[0][:3] == ("S212", 16, 9)
    early_fallback = MINIMAL.replace(
        "    text: Hello.\n",
        "    text:\n      - text: Hello.\n      - when: asked\n        text: Again.\n",
    )
    assert found(early_fallback)[0][:3] == ("S212", 14, 9)
    assert found(MINIMAL.replace("    text: Hello.\n", "    text: []\n"))[0][:3] == ("S212", 13, 11)
    variants = "    text:\n      - wen: asked\n        text: Hi.\n      - text: Hello.\n"
    bad_key = MINIMAL.replace("    text: Hello.\n", variants)
    code, line, _col, message = found(bad_key)[0]
    assert (code, line) == ("S203", 14) and "variant 1 of scene 'hello' text" in message
    score = MINIMAL.replace("        best: true\n", "        best: true\n        score: 1.5\n")
    assert [(c, line) for c, line, _col, _m in found(score)] == [("S213", 36)]
    part = MINIMAL.replace("        best: true\n", "        best: true\n        model_line: {fact: A., limt: B.}\n")
    [(code, line, _col, message)] = found(part)
    assert (code, line) == ("S309", 36) and "'limt'" in message
    technique = MINIMAL.replace("        best: true\n", "        best: true\n        technique: foging\n")
    result = load_scenario_text(technique, "t.yaml")
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.pos.line, diagnostic.hint) == ("S310", 36, "did you mean 'fogging'?")
    better = MINIMAL.replace("flags: [asked]\n", "metrics: {revenue: {better: lowest}}\nflags: [asked]\n")
    assert [c for c, *_ in found(better)] == ["S204"]
    assert [c for c, *_ in found("pass_mark: -1\n" + MINIMAL)] == ["S213"]


def test_translation_keys_and_files_carry_variants(tmp_path: Path) -> None:
    keys = extract_texts(teaching())
    assert keys["scenes.limits.text.0"].startswith("Noor's apron") and "scenes.limits.text" not in keys
    assert keys["scenes.cost.choices.hope_for_the_best.feedback.1"] == "You hoped it would work out."
    assert keys["endings.done.title.1"] == "Kept the order and the team"
    assert keys["rules.noor_quits.text.0"].startswith("Noor hands in her notice, and")
    assert keys["scenes.limits.choices.state_limit.model_line.limit"] == "We won't bake this weekend."
    assert keys["scenes.cost.discuss"].startswith("What would")
    spanish = load_scenario(TEACHING).localized("es")
    assert spanish is not None
    limits = spanish.scene("limits")
    assert limits is not None and limits.text == "Sam vuelve a llamar."
    assert limits.text_variants[0].text == "El delantal de Noor cuelga de su gancho. Sam vuelve a llamar."
    assert limits.text_variants[0].when == teaching().scene("limits").text_variants[0].when  # type: ignore[union-attr]
    line = spanish.choice("state_limit")
    assert line is not None and dict(line.model_line)["limit"] == "Este fin de semana no vamos a hornear."
    # `sticky translate` writes a variant text as a list of strings, and keeps translations made
    copy = tmp_path / "teaching.yaml"
    shutil.copy(TEACHING, copy)
    shutil.copy(TEACHING.with_name("teaching.es.yaml"), tmp_path / "teaching.es.yaml")
    scenario = load_scenario(copy).scenario
    assert scenario is not None
    update = update_translation(scenario, "es")
    assert update.added == [] and update.stale == []
    written = (tmp_path / "teaching.es.yaml").read_text(encoding="utf-8")
    assert '    text:\n      - "El delantal de Noor cuelga de su gancho. Sam vuelve a llamar."\n' in written
    assert [d.code for d in check_file(copy).diagnostics] == []


def test_a_plain_translation_of_a_text_with_variants_is_refused_with_a_hint(tmp_path: Path) -> None:
    copy = tmp_path / "teaching.yaml"
    shutil.copy(TEACHING, copy)
    spanish = TEACHING.with_name("teaching.es.yaml").read_text(encoding="utf-8")
    spanish = spanish.replace(
        '    text:\n      - "El delantal de Noor cuelga de su gancho. Sam vuelve a llamar."\n'
        '      - "Sam vuelve a llamar."\n',
        '    text: "Sam vuelve a llamar."\n',
    )
    (tmp_path / "teaching.es.yaml").write_text(spanish, encoding="utf-8")
    result = load_scenario(copy)
    [wrong] = [d for d in result.diagnostics if d.code == "S602"]
    assert "scenes.limits.text" in wrong.message and "2 variants" in wrong.hint


def test_the_schema_knows_the_new_fields() -> None:
    from game.authoring.schema import scenario_schema

    schema = scenario_schema()
    scene = schema["properties"]["scenes"]["additionalProperties"]
    choice = scene["properties"]["choices"]["items"]
    assert scene["properties"]["text"]["oneOf"][1]["items"]["required"] == ["text"]
    assert "discuss" in scene["properties"]
    assert choice["properties"]["score"] == {
        "type": "number",
        "minimum": 0,
        "maximum": 1,
        "description": "0-1; default 1 for the best choice, 0 for the others",
    }
    assert choice["properties"]["technique"]["enum"][0] == "broken_record"
    assert "consequence" in choice["properties"]["model_line"]["propertyNames"]["enum"]
    metric = schema["properties"]["metrics"]["additionalProperties"]
    assert metric["properties"]["better"]["enum"] == ["higher", "lower"]
    assert schema["properties"]["pass_mark"]["maximum"] == 1
    ending = schema["properties"]["endings"]["additionalProperties"]
    assert "oneOf" in ending["properties"]["title"] and "oneOf" in ending["properties"]["text"]


def test_the_glossary_has_every_technique_and_part_in_both_languages() -> None:
    from game.core.model import MODEL_LINE_PARTS, TECHNIQUES
    from game.locale import TABLES, model_line_part, technique_about, technique_name
    from tests.conftest import ROOT

    doc = (ROOT / "docs" / "techniques.md").read_text(encoding="utf-8")
    for language in ("en", "es"):
        for technique in TECHNIQUES:
            assert f"technique.{technique}" in TABLES[language] and f"technique.{technique}.about" in TABLES[language]
            assert technique_name(language, technique) in doc and technique_about(language, technique)
        for part in MODEL_LINE_PARTS:
            assert model_line_part(language, part) in doc
    assert technique_name("es", "broken_record") == "Técnica del disco rayado"
    assert technique_name("es", "fogging") == "Banco de niebla"
    assert model_line_part("es", "limit") == "Límite"


def test_the_terminal_shows_the_variant_that_holds() -> None:
    import io

    from game.terminal import play_in_terminal

    out = io.StringIO()
    session = Session(teaching(), seed=1)
    play_in_terminal(session, io.StringIO(""), out, ["listen", "hope_for_the_best", "state_limit", "know_worth"])
    shown = " ".join(out.getvalue().split())
    assert "Event: Noor hands in her notice, and you lie awake that night." in shown
    assert "the team paid for it, and Noor has had enough." in shown
    assert "Noor's apron hangs on its hook. Sam calls again." in shown
    assert "Kept the order, lost Noor" in shown and "Noor now bakes for the shop across the street." in shown
    assert "Kept the order and the team" not in shown


def test_the_graph_says_which_texts_have_variants() -> None:
    from game.authoring.graph import dot, mermaid

    shown = mermaid(teaching())
    assert '["limits<br/>limits<br/>text: 2 variants<br/>  1: if noor_resigned<br/>  2: otherwise"]' in shown
    assert "title: 2 variants<br/>  1: if noor_resigned<br/>  2: otherwise<br/>text: 2 variants" in shown
    assert '"opening\\nsituation"' in dot(teaching())  # a plain text adds nothing


def test_a_placeholder_variant_is_reported_where_it_is_written(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    variants = "    text:\n      - when: asked\n        text: TODO\n      - text: Hello.\n"
    path.write_text(MINIMAL.replace("    text: Hello.\n", variants), encoding="utf-8")
    found = [(d.code, d.pos.line, d.message) for d in check_file(path).diagnostics if d.code == "S802"]
    assert found == [("S802", 15, "variant 1 of the text of scene 'hello' is a placeholder (TODO)")]
