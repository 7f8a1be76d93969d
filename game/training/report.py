"""The trainer's report: one self-contained HTML file (inline CSS and SVG, no script, no network).

An overview with a roll-up per decision point across scenarios; then for each scenario: how many played,
the cohorts side by side, the endings reached, the decision points where the group struggled most (a
room's votes count as one group answer), average metric trajectories, the assertiveness profile of the
group, each learner and each room, the commitments, and the choice distribution (and room votes) at every
scene; then a page per learner. English or Spanish; prints on A4 or Letter.

The one entry point is ``render_report(runs, language, cohort, paths, scenario)``: it takes the
playthroughs to report on (from the records database or anywhere else) and raises ``SelectionError``
when the cohort or scenario asked for has no playthrough.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import statistics
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path

from game.core.format import format_delta, format_value
from game.core.model import DECISION_PHASES, RATINGS, STYLES, Metric, Scenario
from game.core.scoring import is_improvement, is_setback
from game.locale import judged_change, percent, plural
from game.training import _svg
from game.training._report_css import CSS
from game.training.record_types import PlaythroughRecord
from game.training.report_data import (
    LearnerStat,
    PhaseRollup,
    Report,
    RoomAnswer,
    ScenarioStat,
    SceneStat,
    SelectionError,
    build,
)
from game.training.report_text import (
    METRIC_COLOURS,
    PHASE_NAMES,
    RATING_COLOURS,
    RATING_NAMES,
    STYLE_COLOURS,
    STYLE_NAMES,
    UNKNOWN_COLOUR,
    name_of,
    words,
)


def _anchor(*parts: str | None) -> str:
    return "s-" + re.sub(r"[^a-z0-9]+", "-", "-".join(p or "none" for p in parts).lower()).strip("-")


class _Writer:
    """Builds the HTML of one report in one language."""

    def __init__(self, language: str) -> None:
        self.lang = language
        self.w = words(language)

    def pct(self, share: float) -> str:
        """A share of 0..1 as a whole percentage in the report's language: ``45%`` (``45 %`` in Spanish)."""
        return percent(self.lang, share)

    def score(self, value: float | None) -> str:
        """A score of 0..1 as a percentage, or a dash when there is none."""
        return "–" if value is None or math.isnan(value) else self.pct(value)

    def votes_word(self, n: int) -> str:
        return self.w["vote_one"] if n == 1 else self.w["vote_many"]

    def style_name(self, style: str) -> str:
        return name_of(STYLE_NAMES, self.lang, style)

    def phase_name(self, phase: str) -> str:
        return name_of(PHASE_NAMES, self.lang, phase)

    def pill(self, style: str) -> str:
        colour = _style_var(style)
        return (
            f'<span class="pill" style="border-color:{colour};color:{colour}">{escape(self.style_name(style))}</span>'
        )

    def profile_bar(self, counts: Mapping[str, int], width: int = 420) -> str:
        parts = [(self.style_name(s), float(counts.get(s, 0)), STYLE_COLOURS[s]) for s in STYLES]
        return _svg.stacked(parts, width=width, language=self.lang)

    def legend(self) -> str:
        items = "".join(
            f'<span class="key"><i style="background:{_style_var(s)}"></i>{escape(self.style_name(s))}</span>'
            for s in STYLES
        )
        return f'<div class="legend">{items}</div>'

    def tiles(self, tiles: list[tuple[str, str]]) -> str:
        return (
            '<div class="kpis">'
            + "".join(
                f'<div class="kpi"><div class="v">{escape(v)}</div><div class="l">{escape(k)}</div></div>'
                for k, v in tiles
            )
            + "</div>"
        )

    # -- sections ------------------------------------------------------------------------------------
    def kpis(self, stat: ScenarioStat) -> str:
        seconds = [c.decision_seconds for r in stat.runs for c in r.choices if c.decision_seconds is not None]
        median = f"{statistics.median(seconds):.0f} s" if seconds else "–"
        individual = len(stat.individual)
        return self.tiles(
            [
                (self.w["played"], str(individual)),
                (self.w["learners"], str(len(stat.learners))),
                (self.w["group_sessions"], str(len(stat.rooms))),
                (self.w["finished"], f"{stat.finished} / {len(stat.runs)}"),
                (self.w["median_time"], median),
            ]
        )

    def endings(self, stat: ScenarioStat) -> str:
        total = sum(e[3] for e in stat.endings) or 1
        rows = [
            (
                f"{title} · {name_of(RATING_NAMES, self.lang, rating)}",
                float(n),
                f"{n} ({self.pct(n / total)})",
                RATING_COLOURS.get(rating, UNKNOWN_COLOUR),
            )
            for _id, title, rating, n in stat.endings
        ]
        chart = _svg.hbars(rows, width=600, label_w=270) if rows else f"<p>{escape(self.w['nothing'])}</p>"
        return self.card(self.w["endings"], self.w["endings_note"], chart)

    def profile(self, stat: ScenarioStat) -> str:
        group = stat.group_styles
        total = sum(group.values()) or 1
        rows = [
            (
                self.style_name(s),
                float(group.get(s, 0)),
                f"{group.get(s, 0)} ({self.pct(group.get(s, 0) / total)})",
                STYLE_COLOURS[s],
            )
            for s in STYLES
        ]
        body = f"<h4>{escape(self.w['group'])}</h4>" + _svg.hbars(rows, label_w=150)
        learners = [
            f'<tr><th scope="row">{escape(name)}</th><td class="w">{self.profile_bar(counts)}</td>'
            f'<td class="n">{sum(counts.values())}</td></tr>'
            for name, counts in sorted(stat.learner_styles.items(), key=lambda kv: kv[0].lower())
        ]
        rooms = [
            f'<tr class="room"><th scope="row">{escape(name)}</th><td class="w">{self.profile_bar(counts)}</td>'
            f'<td class="n">{sum(counts.values())} {escape(self.votes_word(sum(counts.values())))}</td></tr>'
            for name, counts in sorted(stat.room_styles.items())
        ]
        if rooms:
            rooms.insert(0, f'<tr><th colspan="3" class="sub">{escape(self.w["room_votes"])}</th></tr>')
        if learners or rooms:
            body += f'<table class="profiles"><tbody>{"".join(learners + rooms)}</tbody></table>' + self.legend()
        return self.card(self.w["profile"], self.w["profile_note"], body)

    def compare(self, stat: ScenarioStat) -> str:
        """The cohorts that played the scenario, side by side (only when there are two or more)."""
        columns = [c for c in stat.cohorts if c.runs]
        if len(columns) < 2:
            return ""
        head = "".join(f'<th scope="col">{escape(c.code or self.w["no_cohort"])}</th>' for c in columns)
        rows = [
            (self.w["played"], [f"{len(c.runs)}" for c in columns]),
            (self.w["learners"], [f"{c.learners}" for c in columns]),
        ]
        if any(c.rooms for c in columns):
            rows.append((self.w["group_sessions"], [f"{c.rooms}" for c in columns]))
        ratings = [r for r in RATINGS if any(c.endings()[r] for c in columns)]
        for rating in ratings:
            label = f"{self.w['ending']}: {name_of(RATING_NAMES, self.lang, rating)}"
            cells = []
            for c in columns:
                n, total = c.endings()[rating], len(c.runs) or 1
                cells.append(f"{n} ({self.pct(n / total)})")
            rows.append((label, cells))
        rows.append((self.w["overall_score"], [self.score(c.mean_score()) for c in columns]))
        for phase in DECISION_PHASES:
            if any(c.mean_score(phase) is not None for c in columns):
                rows.append((self.phase_name(phase), [self.score(c.mean_score(phase)) for c in columns]))
        body = "".join(
            f'<tr><th scope="row">{escape(label)}</th>' + "".join(f"<td>{escape(v)}</td>" for v in cells) + "</tr>"
            for label, cells in rows
        )
        body += (
            f'<tr><th scope="row">{escape(self.w["profile"])}</th>'
            + "".join(f'<td class="w">{self.profile_bar(c.styles(), 240)}</td>' for c in columns)
            + "</tr>"
        )
        table = (
            f'<table class="compare"><thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>'
            + self.legend()
        )
        return self.card(self.w["compare"], self.w["compare_note"], table)

    def struggles(self, stat: ScenarioStat) -> str:
        items = []
        for scene in stat.struggles():
            best = scene.best
            assert best is not None
            why = "".join(
                f'<p class="why"><b>{escape(self.w["why"])}:</b> {escape(note)}</p>'
                for note in stat.coach_notes(scene.scene_id)
            )
            individual = self.w["individual_one"] if scene.total == 1 else self.w["individual_many"]
            split = self.w["answers_split"].format(
                n=scene.total, individual=individual, r=len(scene.room_votes), group=self.w["group_word"]
            )
            rooms = "".join(self.room_line(scene, answer) for answer in scene.room_votes)
            answers = self.w["answer_one"] if scene.answers == 1 else self.w["answers"]
            items.append(
                f'<li><div class="share">{self.pct(scene.best_share)}</div><div>'
                f'<div class="phase">{escape(self.phase_name(scene.phase))}</div>'
                f'<p class="scene">{escape(_clip(scene.text or scene.scene_id, 220))}</p>'
                f'<p class="muted">{self.pct(scene.best_share)} {escape(self.w["of"])} {scene.answers} '
                f"{escape(answers)} ({escape(split)}) {escape(self.w['best_taken'])}.</p>{rooms}"
                f"<p><b>{escape(self.w['coach'])}:</b> ★ {escape(best.text)} {self.pill(best.style)}</p>"
                f"{why}</div></li>"
            )
        if not items:
            return ""
        return self.card(self.w["struggles"], self.w["struggles_note"], f'<ol class="struggles">{"".join(items)}</ol>')

    def room_line(self, scene: SceneStat, answer: RoomAnswer) -> str:
        """One room's answer at a scene: its votes for the coach's choice and the choice it played; where the
        votes came from too when some room voted from phones here."""
        cast = sum(answer.votes.values())
        played = next((c.text for c in scene.choices if c.choice_id == answer.played), answer.played)
        text = self.w["room_line"].format(
            room=answer.room,
            v=cast,
            votes=self.votes_word(cast),
            split=f": {self.split(answer)}" if scene.phones_voted else "",
            share=self.pct(scene.room_best_share(answer)),
            played=_clip(played, 90),
        )
        return f'<p class="muted room">{escape(text)}</p>'

    def split(self, answer: RoomAnswer) -> str:
        """How many of a room's votes came from phones and how many were counted in the room (hands typed by
        the trainer), or that this was not recorded (a session recorded before the split was kept)."""
        phones, room = answer.from_phones, answer.in_room
        if phones is None or room is None:
            return self.w["source_unknown"]
        return (
            f"{plural(self.lang, phones, 'from_phones', table=self.w)}, "
            f"{plural(self.lang, room, 'in_room', table=self.w)}"
        )

    def sources(self, scene: SceneStat) -> str:
        """Under a scene's choices: where each room's votes came from, only when some room voted from phones."""
        if not scene.phones_voted:
            return ""
        lines = "".join(
            "<li>"
            + escape(
                self.w["source_line"].format(
                    room=answer.room,
                    v=sum(answer.votes.values()),
                    votes=self.votes_word(sum(answer.votes.values())),
                    split=self.split(answer),
                )
            )
            + "</li>"
            for answer in scene.room_votes
        )
        return f'<div class="sources"><b>{escape(self.w["sources"])}</b><ul>{lines}</ul></div>'

    def trajectories(self, stat: ScenarioStat) -> str:
        charts = []
        scenario = stat.scenario
        for i, (metric_id, average) in enumerate(stat.trajectories.items()):
            metric = scenario.metric(metric_id) if scenario else None
            label = metric.label if metric else metric_id
            unit = "%" if metric and metric.unit.strip() == "%" else ""
            runs = [list(enumerate(r.trajectory(metric_id))) for r in stat.runs[:60]]
            title, change = label, ""
            if metric and average:
                first, last = (format_value(average[j][1], metric, self.lang) for j in (0, -1))
                title = f"{label}: {first} → {last}"
                change = self.change(metric, average[-1][1] - average[0][1])
            charts.append(
                _svg.line_chart(
                    title,
                    average,
                    runs,
                    METRIC_COLOURS[i % len(METRIC_COLOURS)],
                    unit,
                    turn_word=self.w["turn"],
                    language=self.lang,
                )
                + change
            )
        return self.card(
            self.w["trajectories"],
            self.w["trajectories_note"],
            '<div class="charts">' + "".join(f"<div>{c}</div>" for c in charts) + "</div>",
        )

    def change(self, metric: Metric, delta: float, label: str = "") -> str:
        """The group's average change of ``metric`` over the playthrough: a truthful arrow (up is up), coloured
        and worded (better/worse) by whether it is good news for the metric (its ``better:`` honoured)."""
        delta = round(delta, 6)
        text = judged_change(self.lang, format_delta(delta, metric, self.lang), metric, delta)
        news = "better" if is_improvement(metric, delta) else "worse" if is_setback(metric, delta) else "same"
        lower = f' <span class="muted">({escape(self.w["lower_better"])})</span>' if metric.better == "lower" else ""
        return f'<p class="change {news}">{escape(label)}{escape(text)}{lower}</p>'

    def did(self, scenario: Scenario | None, changes: dict[str, float]) -> str:
        """What a choice did to each metric it moved (mean over the playthroughs), judged for that metric."""
        metrics = [(scenario.metric(m) if scenario else None, d) for m, d in changes.items()]
        return "".join(self.change(metric, d, f"{metric.label} ") for metric, d in metrics if metric is not None)

    def scene(self, scene: SceneStat, scenario: Scenario | None = None) -> str:
        total = scene.total or 1
        votes_total = scene.total_votes
        did = any(c.changes for c in scene.choices)
        cols = '<col class="c-text"><col class="c-style"><col class="c-bar">'
        head = ""
        if votes_total:
            head += f"<th>{escape(self.w['votes'])}</th>"
            cols += '<col class="c-bar">'
        if did:
            head += f"<th>{escape(self.w['did'])}</th>"
            cols += '<col class="c-did">'
        rows = []
        for c in scene.choices:
            star = '<span class="star" title="best">★</span> ' if c.best else ""
            vote = ""
            if votes_total:
                played = f" ▶ {self.w['played_by_room']}" if c.rooms else ""
                label = f"{c.votes} {self.votes_word(c.votes)}{' ▶' if c.rooms else ''}"
                bar = _svg.bar(c.votes / votes_total, label, "#9fb3c8", 170, pattern=True, title=label + played)
                vote = f"<td>{bar}</td>"
            if did:
                vote += f'<td class="did">{self.did(scenario, c.changes)}</td>'
            taken = f"{c.count} · {self.pct(c.count / total)}"
            rows.append(
                f'<tr class="{"best" if c.best else ""}"><td class="t">{star}{escape(c.text)}</td>'
                f"<td>{self.pill(c.style) if c.style else ''}</td>"
                f"<td>{_svg.bar(c.count / total, taken, STYLE_COLOURS.get(c.style, UNKNOWN_COLOUR), 170)}</td>"
                f"{vote}</tr>"
            )
        phase = self.phase_name(scene.phase) if scene.phase else ""
        return (
            f'<div class="scene-block"><div class="phase">{escape(phase)}</div>'
            f'<p class="scene">{escape(_clip(scene.text or scene.scene_id, 260))}</p>'
            f'<table class="{"dist votes" if votes_total else "dist"}">'
            f"<colgroup>{cols}</colgroup><thead><tr><th>{escape(self.w['choice'])}</th>"
            f"<th>{escape(self.w['style'])}</th>"
            f"<th>{escape(self.w['taken'])}</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"{self.sources(scene)}</div>"
        )

    def commitments(self, stat: ScenarioStat) -> str:
        """Each learner's commitment, as written, newest last; nothing when nobody wrote one."""
        rows = [
            f"<li><b>{escape(run.learner)}</b>: {escape(run.commitment)}</li>" for run in stat.runs if run.commitment
        ]
        if not rows:
            return ""
        return self.card(
            self.w["commitments"], self.w["commitments_note"], f'<ul class="commitments">{"".join(rows)}</ul>'
        )

    def card(self, title: str, note: str, body: str, kind: str = "") -> str:
        return (
            f'<section class="card {kind}"><h3>{escape(title)}</h3><p class="note">{escape(note)}</p>{body}</section>'
        )

    def scenario(self, stat: ScenarioStat) -> str:
        warn = "" if stat.scenario else f'<p class="warn">{escape(self.w["unknown_scenario"])}</p>'
        scenes = "".join(self.scene(s, stat.scenario) for s in stat.scenes)
        return (
            f'<article class="scenario" id="{_anchor(stat.scenario_id)}">'
            f"<h2>{escape(stat.title)}</h2>{warn}{self.kpis(stat)}{self.compare(stat)}"
            f'<div class="grid2">{self.endings(stat)}{self.profile(stat)}</div>'
            f"{self.struggles(stat)}{self.trajectories(stat)}{self.commitments(stat)}"
            f"{self.card(self.w['distribution'], self.w['distribution_note'], scenes, 'long')}</article>"
        )

    def rollup(self, report: Report) -> str:
        """The decision points across scenarios: a row per decision point, a column per scenario and all."""
        rolls: list[PhaseRollup] = report.rollup
        if not rolls:
            return ""
        titles = [s.title for s in report.scenarios]
        head = "".join(f'<th scope="col">{escape(t)}</th>' for t in titles)
        head += f'<th scope="col">{escape(self.w["all_scenarios"])}</th>'
        body = []
        for roll in rolls:
            cells = [self.rollup_cell(roll.scores.get(t, []), roll.strongest.get(t)) for t in titles]
            made = [roll.strongest[t] for t in roll.strongest]
            every = (sum(m[0] for m in made), sum(m[1] for m in made)) if made else None
            cells.append(self.rollup_cell(roll.all_scores(), every))
            body.append(f'<tr><th scope="row">{escape(self.phase_name(roll.phase))}</th>{"".join(cells)}</tr>')
        table = f'<table class="compare"><thead><tr><th></th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
        return self.card(self.w["rollup"], self.w["rollup_note"], table)

    def rollup_cell(self, scores: list[float], strongest: tuple[int, int] | None) -> str:
        if not scores:
            return "<td>–</td>"
        mean = sum(scores) / len(scores)
        made = ""
        if strongest:
            made = f'<div class="muted">{escape(self.w["best_made"].format(n=strongest[0], d=strongest[1]))}</div>'
        bar = _svg.bar(mean, self.score(mean), "#2f6f8f", 150)
        return f"<td>{bar}{made}</td>"

    def overview(self, report: Report) -> str:
        individual = [v for s in report.scenarios for v in s.individual]
        rooms = sum(len(s.rooms) for s in report.scenarios)
        tiles = self.tiles(
            [
                (self.w["played"], str(len(individual))),
                (self.w["learners"], str(len({v.record.learner for v in individual}))),
                (self.w["group_sessions"], str(rooms)),
                (self.w["cohorts"], str(len([c for c in report.cohorts if c]))),
            ]
        )
        title = f'<h2>{escape(self.w["overview"])}</h2><p class="note">{escape(self.w["overview_note"])}</p>'
        return f'<section class="overview" id="overview">{title}{tiles}{self.rollup(report)}</section>'

    def learner(self, learner: LearnerStat) -> str:
        """A learner's page: attempts over time with scores per decision point, a chart of the overall score
        over the attempts when there are two or more, the commitments."""
        phases = [p for p in DECISION_PHASES if any(p in a.view.phase_scores for a in learner.attempts)]
        head = "".join(
            f"<th>{escape(h)}</th>"
            for h in (self.w["date"], self.w["scenario"], self.w["attempt"], self.w["ending"], self.w["overall_score"])
        ) + "".join(f"<th>{escape(self.phase_name(p))}</th>" for p in phases)
        rows = []
        for a in learner.attempts:
            rec = a.view.record
            date = _dt.datetime.fromtimestamp(rec.started_at, _dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
            rating = name_of(RATING_NAMES, self.lang, a.view.rating) if a.view.rating else ""
            ending = f"{a.ending_title} · {rating}" if a.ending_title else self.w["no_ending"]
            scores = "".join(f'<td class="n">{self.score(a.view.phase_scores.get(p))}</td>' for p in phases)
            rows.append(
                f'<tr><td class="d">{escape(date)}</td><td>{escape(a.scenario_title)}</td><td class="n">{a.number}</td>'
                f'<td>{escape(ending)}</td><td class="n"><b>{self.score(a.view.overall)}</b></td>{scores}</tr>'
            )
        cols = (
            '<col class="a-date"><col class="a-scenario"><col class="a-n"><col class="a-ending"><col>'
            + "<col>" * len(phases)
        )
        table = f'<table class="attempts"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
        table += f"<tbody>{''.join(rows)}</tbody></table>"
        charts = []
        for title in dict.fromkeys(a.scenario_title for a in learner.attempts):
            points = [
                (a.number, a.view.overall * 100)
                for a in learner.attempts
                if a.scenario_title == title and a.view.overall is not None
            ]
            if len(points) >= 2:
                charts.append(
                    f'<p class="cap">{escape(title)}</p>'
                    + _svg.line_chart(
                        self.w["score_over"],
                        points,
                        (),
                        "#2f6f8f",
                        "%",
                        width=420,
                        height=160,
                        turn_word=self.w["attempt_word"],
                        language=self.lang,
                    )
                )
        chart = "".join(f'<div class="progress">{c}</div>' for c in charts)
        said = "".join(
            f"<li><b>{escape(a.scenario_title)}</b> ({a.number}): {escape(text)}</li>"
            for a, text in learner.commitments()
        )
        said_html = f'<h4>{escape(self.w["commitments"])}</h4><ul class="commitments">{said}</ul>' if said else ""
        cohorts = ", ".join(c or self.w["no_cohort"] for c in learner.cohorts)
        return (
            f'<section class="card learner" id="{_anchor("learner", learner.name)}"><h3>{escape(learner.name)} '
            f'<span class="muted">· {escape(self.w["cohort"])} {escape(cohorts)}</span></h3>'
            f"{table}{chart}{said_html}</section>"
        )

    def learners(self, report: Report) -> str:
        if not report.learners:
            return ""
        pages = "".join(self.learner(x) for x in report.learners)
        return (
            f'<section class="learners" id="learners"><h2>{escape(self.w["learner_pages"])}</h2>'
            f'<p class="note">{escape(self.w["learner_pages_note"])}</p>{pages}</section>'
        )

    def document(self, report: Report) -> str:
        date = _dt.date.today().isoformat()
        total = len(report.runs)
        toc = ""
        if report.scenarios:
            items = [f'<li><a href="#overview">{escape(self.w["overview"])}</a></li>']
            items += [
                f'<li><a href="#{_anchor(s.scenario_id)}">{escape(s.title)}</a> '
                f'<span class="muted">({len(s.runs)})</span></li>'
                for s in report.scenarios
            ]
            people = "".join(f'<a href="#{_anchor("learner", x.name)}">{escape(x.name)}</a> ' for x in report.learners)
            items.append(
                f'<li><a href="#learners">{escape(self.w["learner_pages"])}</a> '
                f'<span class="people">{people}</span></li>'
            )
            cohorts = ", ".join(c or self.w["no_cohort"] for c in report.cohorts)
            toc = (
                f'<nav class="card toc"><h3>{escape(self.w["contents"])}</h3>'
                f'<p class="muted">{escape(self.w["cohorts"])}: {escape(cohorts)}</p><ul>{"".join(items)}</ul></nav>'
            )
        body = (
            self.overview(report) + "".join(self.scenario(s) for s in report.scenarios) + self.learners(report)
            if report.scenarios
            else f'<p class="card">{escape(self.w["nothing"])}</p>'
        )
        return (
            f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(self.w['doc_title'])}</title><style>{CSS}</style></head><body>{_svg.HATCH_DEFS}"
            f'<header class="top"><div class="wrap"><div class="brand">{escape(self.w["brand"])}</div>'
            f"<h1>{escape(self.w['heading'])}</h1>"
            f"<p>{escape(plural(self.lang, total, 'generated', table=self.w, date=date))}</p></div></header>"
            f'<main class="wrap">{toc}{body}</main>'
            f'<footer class="wrap">{escape(self.w["footer"])}</footer></body></html>'
        )


def _style_var(style: str) -> str:
    """A style's colour as the report's CSS variable (made from the shared palette in ``_report_css``)."""
    return f"var(--style-{style})" if style in STYLES else "var(--unknown)"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def render_report(
    runs: Iterable[PlaythroughRecord],
    language: str = "en",
    cohort: str | None = None,
    paths: list[Path] | None = None,
    scenario: str | None = None,
) -> str:
    """The whole report on ``runs`` (of ``cohort`` and ``scenario`` when given) as one HTML string; raises
    ``SelectionError``, naming the ones that exist, when no playthrough has that cohort or scenario."""
    report = build(runs, language, paths or [], cohort, scenario)
    return _Writer(language).document(report)


__all__ = ["SelectionError", "render_report"]
