"""A minimal valid scenario as text, for tests that change one thing in it; ``load_bytes`` for raw bytes."""

from game.authoring.diagnostics import DiagnosticBag
from game.authoring.load import LoadResult, load_scenario_text
from game.authoring.yamlfile import decode_text


def load_bytes(data: bytes, shown: str) -> LoadResult:
    """Load a scenario from raw bytes as ``load_scenario`` loads a file's (decoded, then read; no translations),
    without writing a file: for the fuzzer and tests of hostile bytes."""
    bag = DiagnosticBag()
    text = decode_text(data, shown, bag)
    if text is None:
        return LoadResult(None, bag.sorted())
    return load_scenario_text(text, shown, bag)


MINIMAL = """\
id: tiny
title: Tiny
language: en
summary: A tiny scenario.
flags: [asked]
characters:
  kim: {name: Kim, role: Client}
start: hello
scenes:
  hello:
    phase: situation
    speaker: kim
    text: Hello.
    choices:
      - id: greet
        text: Hi Kim.
        style: assertive
        effects: {reputation: +5}
        set: [asked]
        feedback: Friendly and clear.
        next: cost_scene
      - id: ignore
        text: No
        style: passive
        effects: {reputation: -5}
        feedback: Silence costs.
        next: cost_scene
  cost_scene:
    phase: cost
    text: What does it cost?
    choices:
      - id: count
        text: Count it.
        style: assertive
        best: true
        next: happy
      - id: gamble
        text: Let chance decide.
        style: aggressive
        when: "asked"
        chance:
          - {p: 0.5, next: happy}
          - {p: 0.5, next: sad, note: It went badly.}
endings:
  happy: {rating: best, title: Happy, text: All good.}
  sad: {rating: bad, title: Sad, text: All bad.}
"""
