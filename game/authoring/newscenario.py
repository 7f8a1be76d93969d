"""`sticky new`: a small, complete scenario to start from, with comments that teach the format.

It walks through the three decision points (cost, limits, power), has a flag, a rule, a chance outcome, a
conditional next and three endings; it passes ``sticky check`` with no warning and plays to the end. The
first line points editors at the JSON Schema with a path relative to the new file. A Spanish author
(``--lang es``) gets the same scenario written in Spanish (``newscenario_es.py``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from game.authoring.newscenario_es import TEMPLATE_ES
from game.core.visible import visible

SCHEMA = Path(__file__).resolve().parent / "scenario.schema.json"

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A scenario for Sticky Situations. Every key is explained in docs/scenario-format.md.
# After each change run:  sticky check {name}
format: 1
id: {id}
title: {title}
language: en
business: Design studio
summary: >-
  A long-standing client wants a full rebrand by Friday at the usual price.
  Your two designers already have a full week.
goals:
  - Name what saying yes, and saying no, would cost the studio.
  - State your limit on rush work plainly.
  - See what you bring that the client can't easily replace.
player: sam
metrics:                       # revenue, staff_morale and reputation always exist
  revenue: {{start: 24000, min: 0, unit: "€/month", label: Revenue}}
  staff_morale: {{start: 70}}     # defaults: min 0, max 100, unit "%"
  reputation: {{start: 75}}
flags:                         # yes/no facts the story remembers; all start false
  - rush_promised
characters:
  sam: {{name: Sam, role: Owner of the studio}}
  dana: {{name: Dana, role: Marketing director and long-standing client}}
start: the_ask
reflection:                    # one question per decision point, for group play and the debrief
  cost: What does this client bring in a year, and what would a lost weekend cost your team?
  limits: Which part of your rush policy is not negotiable?
  power: Why does this client keep coming back to you?
scenes:
  the_ask:
    phase: situation             # situation | cost | limits | power | resolution
    speaker: dana
    text: We need the full rebrand by Friday. Same price as always, of course. You're our studio.
    choices:
      - id: hear_her_out         # unique in the whole file
        text: Tell me what is driving Friday.
        style: assertive         # assertive | passive | aggressive | passive-aggressive
        effects: {{reputation: +2}}
        feedback: Asking first shows you take the request seriously before you promise anything.
        best: true               # the coach's strongest choice in this scene
        next: the_cost
      - id: yes_of_course
        text: Of course, we'll make it happen.
        style: passive
        effects: {{staff_morale: -10}}
        set: [rush_promised]
        feedback: A quick yes feels kind, but it gave away your team's weekend without asking them.
        next: the_cost
  the_cost:
    phase: cost
    text: Friday means the whole team working the weekend. Losing Dana would cost a fifth of your revenue.
    choices:
      - id: weigh_both
        text: "Count both costs: the weekend for the team, and the account for the studio."
        style: assertive
        feedback: Naming the cost of acting and the cost of not acting is the first decision point.
        best: true
        next: the_limit
      - id: think_of_the_money
        text: We can't lose this account. The team will understand.
        style: passive
        effects: {{staff_morale: -10}}
        feedback: You counted one cost and left out your team's.
        next: the_limit
  the_limit:
    phase: limits
    speaker: dana
    text: So, Friday?
    choices:
      - id: rush_fee
        text: Friday is possible with our 30 % rush fee. Otherwise next Wednesday, at the usual price.
        style: assertive
        effects: {{revenue: +3000}}
        feedback: A clear limit with two options lets the client choose without losing face.
        best: true
        next: the_power
      - id: take_it_or_leave_it
        text: Friday is ridiculous. Take it or leave it.
        style: aggressive
        effects: {{reputation: -15}}
        feedback: The limit was right; the tone turned it into a fight.
        next: the_power
      - id: fine_friday
        text: Fine, Friday it is.
        style: passive
        when: "not rush_promised"    # offered only while this condition holds
        effects: {{staff_morale: -15}}
        set: [rush_promised]
        feedback: Giving in again makes the next rush request a certainty.
        next: the_power
  the_power:
    phase: power
    speaker: dana
    text: Other studios would do it for less.
    choices:
      - id: name_your_value
        text: They might. You come back to us because we know your brand and we deliver. That is what the fee protects.
        style: assertive
        feedback: You named what you bring, calmly. That is your power at the table.
        best: true
        chance:                  # chance decides, with these probabilities (they add up to 1)
          - {{p: 0.8, next: terms_kept}}
          - {{p: 0.2, next: she_went_elsewhere, note: Dana had already promised Friday to her boss.}}
      - id: drop_the_fee
        text: All right, no rush fee.
        style: passive
        effects: {{revenue: -3000, staff_morale: -5}}
        feedback: Dropping the fee at the first push tells the client your limit was a bluff.
        next:                    # the first branch whose condition holds; the last has none
          - {{when: "rush_promised", next: burned_out}}
          - {{next: terms_kept}}
rules:                           # checked after every choice
  - id: team_pushes_back
    when: "staff_morale < 50"
    effects: {{reputation: -5}}
    text: Your senior designer asks, quietly, whether weekends are the new normal.
endings:
  terms_kept:
    rating: good                 # best | good | fair | poor | bad
    title: Terms you can keep
    text: Dana accepts. The work gets done and the studio's terms hold.
  she_went_elsewhere:
    rating: fair
    title: She went elsewhere, this time
    text: Dana takes this job to another studio. Your team keeps its weekend and your terms stand.
  burned_out:
    rating: poor
    title: A weekend you can't take back
    text: The work is delivered, the team is exhausted, and Dana expects the same next month.
"""


def scenario_id(path: Path) -> str:
    """A valid scenario id from a file name: ``My First.yaml`` -> ``my-first``."""
    stem = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-_")
    if not stem or not stem[0].isalpha():
        stem = f"scenario-{stem}".strip("-")
    return stem[:64]


def schema_reference(path: Path) -> str:
    """The schema's path relative to the folder of ``path`` (absolute when there is no relative path)."""
    try:
        return Path(os.path.relpath(SCHEMA, path.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return SCHEMA.as_uri()


def new_scenario(path: Path, title: str | None = None, lang: str | None = None) -> str:
    """The text of a new scenario to be written at ``path``, in the author's language ``lang`` (a Spanish
    scenario, ``language: es``, for ``es``; English otherwise)."""
    ident = scenario_id(path)
    shown = title or ident.replace("-", " ").replace("_", " ").capitalize()
    template = TEMPLATE_ES if lang == "es" else TEMPLATE
    # the path goes into comments: a newline in it must not end the comment and start YAML of its own
    schema, name = visible(schema_reference(path)), visible(path.as_posix())
    return template.format(schema=schema, name=name, id=ident, title=_title(shown))


def _title(text: str) -> str:
    """The title as a YAML scalar: plain when safe, else double-quoted."""
    if re.fullmatch(r"[A-Za-z0-9À-ÿ][\w À-ÿ,.!?'()-]*", text) and not text.endswith(":"):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
