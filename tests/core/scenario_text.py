"""A minimal valid scenario as text, for tests that change one thing in it."""

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
