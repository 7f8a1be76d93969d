"""Small scenarios whose exploration results are worked out by hand (see each docstring)."""

from __future__ import annotations

from game.authoring.load import load_scenario_text
from game.core.model import Scenario
from game.core.rules import State, choice_available, initial_state, step

HEAD = """\
id: {id}
title: {id}
language: en
summary: A small scenario for the authoring tests.
metrics:
  reputation: {{start: 50}}
flags: [asked]
characters:
  kim: {{name: Kim, role: Client}}
start: a
"""

#: a(50) -left(+10, asked)-> b(60) | -right(-10)-> b(40).
#: In b: ask (only when asked; chance 75 % win / 25 % lose), give (-> lose), never (reputation > 100: never offered).
#: States: a, b60, b40, win60, lose60, lose40 = 6. Random play: win 1/2*1/2*3/4 = 0.1875; lose 0.8125.
#: Paths: win 1 (left, ask); lose 3 (left-ask, left-give, right-give). Lose reputation mean
#: (60*0.0625 + 60*0.25 + 40*0.5) / 0.8125 = 47.6923. Coach: left, ask -> win (75 %) / lose (25 %).
FORK = (
    HEAD.format(id="fork")
    + """\
scenes:
  a:
    phase: cost
    text: Where do you start?
    choices:
      - id: left
        text: Ask first.
        style: assertive
        effects: {reputation: +10}
        set: [asked]
        feedback: Good.
        best: true
        next: b
      - {id: right, text: Say nothing., style: passive, effects: {reputation: -10}, feedback: Costly., next: b}
  b:
    phase: limits
    text: What now?
    choices:
      - id: ask
        text: Ask for the deposit.
        style: assertive
        when: "asked"
        feedback: Clear.
        best: true
        chance: [{p: 0.75, next: win}, {p: 0.25, next: lose, note: He walks.}]
      - {id: give, text: Give in., style: passive, feedback: Weak., next: lose}
      - {id: never, text: Impossible., style: aggressive, when: "reputation > 100", feedback: Never., next: win}
endings:
  win: {rating: best, title: Win, text: You win.}
  lose: {rating: bad, title: Lose, text: You lose.}
"""
)

#: a: stay (-> a, sets asked) or out (only while not asked -> done). Once asked is set, stay is the only way:
#: a loop with no way out. States: a, a+asked, done = 3. Random play: done 1/2, never ends 1/2.
#: Paths to done: 1 (out). The state a+asked loops on itself, so it is stuck.
TRAP = (
    HEAD.format(id="trap")
    + """\
scenes:
  a:
    phase: power
    text: Again?
    choices:
      - {id: stay, text: Stay., style: passive, set: [asked], feedback: Hm., next: a}
      - {id: out, text: Leave., style: assertive, when: "not asked", feedback: Good., best: true, next: done}
endings:
  done: {rating: good, title: Done, text: Done.}
"""
)

#: a: wait (-> a, nothing changes: the same state, a loop) or go (-> done). Random play reaches done with
#: probability 1 (1/2 + 1/4 + ...), but through any number of waits: unbounded paths. States: a, done = 2.
LOOP = (
    HEAD.format(id="loop")
    + """\
scenes:
  a:
    phase: limits
    text: Wait or go?
    choices:
      - {id: wait, text: Wait., style: passive, feedback: Hm., next: a}
      - {id: go, text: Go., style: assertive, feedback: Good., best: true, next: done}
endings:
  done: {rating: good, title: Done, text: Done.}
"""
)

#: a: go (-> b) or lock (-> c). b: finish (-> done). c: only "open" when asked, never set: a soft lock.
#: States: a, b, c, done = 4; random play: done 1/2, soft lock 1/2.
SOFTLOCK = (
    HEAD.format(id="softlock")
    + """\
scenes:
  a:
    phase: cost
    text: Which door?
    choices:
      - {id: go, text: Go., style: assertive, feedback: Good., best: true, next: b}
      - {id: lock, text: Lock., style: passive, feedback: Hm., next: c}
  b:
    phase: power
    text: Almost.
    choices:
      - {id: finish, text: Finish., style: assertive, feedback: Good., best: true, next: done}
  c:
    phase: limits
    text: Stuck?
    choices:
      - {id: open, text: Open., style: assertive, when: "asked", feedback: Good., best: true, next: done}
endings:
  done: {rating: good, title: Done, text: Done.}
"""
)


def load(text: str, name: str = "t.yaml") -> Scenario:
    """The scenario in ``text``; fails the test with the diagnostics if it has errors."""
    result = load_scenario_text(text, name)
    assert result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


def replay(scenario: Scenario, path: list[dict[str, object]]) -> State:
    """Play a path reported by `sticky explore` with the engine's own ``step``: every choice must be available
    and every move land where the report says. Returns the state at the end."""
    state = initial_state(scenario)
    for move in path:
        choice = scenario.choice(str(move["choice"]))
        assert choice is not None and choice_available(scenario, state, choice), move
        chance = move.get("chance")
        target = choice.next.outcomes[int(str(chance))].target if chance is not None else None  # type: ignore[union-attr]
        state = step(scenario, state, choice, 0, target, -1 if chance is None else int(str(chance))).state
        assert state.node == move["to"], (move, state.node)
    return state
