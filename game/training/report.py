"""The trainer's report: one self-contained HTML file (inline CSS and SVG, no script, no network).

For each cohort and scenario: how many played, the endings reached, the decision points where the group
struggled most, average metric trajectories, the group's and each learner's assertiveness profile, and
the choice distribution (and group votes) at every scene. English or Spanish.
"""

from __future__ import annotations

import datetime as _dt
import re
import statistics
from html import escape
from pathlib import Path

from game.core.format import format_delta, format_value
from game.core.model import STYLES, Metric, Scenario
from game.core.scoring import is_improvement, is_setback
from game.locale import judged_change, percent, plural
from game.training import _svg
from game.training._report_css import CSS
from game.training.recorddata import PlaythroughRecord
from game.training.report_data import CohortStat, ScenarioStat, SceneStat, build
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

    def style_name(self, style: str) -> str:
        return name_of(STYLE_NAMES, self.lang, style)

    def pill(self, style: str) -> str:
        colour = _style_var(style)
        return (
            f'<span class="pill" style="border-color:{colour};color:{colour}">{escape(self.style_name(style))}</span>'
        )

    def profile_bar(self, counts: dict[str, int]) -> str:
        parts = [(self.style_name(s), float(counts.get(s, 0)), STYLE_COLOURS[s]) for s in STYLES]
        return _svg.stacked(parts, language=self.lang)

    def legend(self) -> str:
        items = "".join(
            f'<span class="key"><i style="background:{_style_var(s)}"></i>{escape(self.style_name(s))}</span>'
            for s in STYLES
        )
        return f'<div class="legend">{items}</div>'

    # -- sections ------------------------------------------------------------------------------------
    def kpis(self, stat: ScenarioStat) -> str:
        seconds = [c.decision_seconds for r in stat.runs for c in r.choices if c.decision_seconds is not None]
        median = f"{statistics.median(seconds):.0f} s" if seconds else "–"
        tiles = [
            (self.w["played"], str(len(stat.runs))),
            (self.w["learners"], str(len(stat.learners))),
            (self.w["finished"], f"{stat.finished} / {len(stat.runs)}"),
            (self.w["median_time"], median),
        ]
        return (
            '<div class="kpis">'
            + "".join(
                f'<div class="kpi"><div class="v">{escape(v)}</div><div class="l">{escape(k)}</div></div>'
                for k, v in tiles
            )
            + "</div>"
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
        learners = "".join(
            f'<tr><th scope="row">{escape(name)}</th><td class="w">{self.profile_bar(counts)}</td>'
            f'<td class="n">{sum(counts.values())}</td></tr>'
            for name, counts in sorted(stat.learner_styles.items(), key=lambda kv: kv[0].lower())
        )
        if learners:
            body += f'<table class="profiles"><tbody>{learners}</tbody></table>' + self.legend()
        return self.card(self.w["profile"], self.w["profile_note"], body)

    def struggles(self, stat: ScenarioStat) -> str:
        items = []
        for scene in stat.struggles():
            best = scene.best
            assert best is not None
            answered = scene.total + scene.total_votes
            why = "".join(
                f'<p class="why"><b>{escape(self.w["why"])}:</b> {escape(note)}</p>'
                for note in stat.coach_notes(scene.scene_id)
            )
            items.append(
                f'<li><div class="share">{self.pct(scene.best_share)}</div><div>'
                f'<div class="phase">{escape(name_of(PHASE_NAMES, self.lang, scene.phase))}</div>'
                f'<p class="scene">{escape(_clip(scene.text or scene.scene_id, 220))}</p>'
                f'<p class="muted">{self.pct(scene.best_share)} {escape(self.w["of"])} {answered} '
                f"{escape(self.w['answers'])} {escape(self.w['best_taken'])}.</p>"
                f"<p><b>{escape(self.w['coach'])}:</b> ★ {escape(best.text)} {self.pill(best.style)}</p>"
                f"{why}</div></li>"
            )
        if not items:
            return ""
        return self.card(self.w["struggles"], self.w["struggles_note"], f'<ol class="struggles">{"".join(items)}</ol>')

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
        head = f"<th>{escape(self.w['votes'])}</th>" if votes_total else ""
        did = any(c.changes for c in scene.choices)
        head += f"<th>{escape(self.w['did'])}</th>" if did else ""
        rows = []
        for c in scene.choices:
            star = '<span class="star" title="best">★</span> ' if c.best else ""
            vote = ""
            if votes_total:
                vote = f"<td>{_svg.bar(c.votes / votes_total, f'{c.votes}', '#9fb3c8', 200, pattern=True)}</td>"
            if did:
                vote += f'<td class="did">{self.did(scenario, c.changes)}</td>'
            taken = f"{c.count} · {self.pct(c.count / total)}"
            rows.append(
                f'<tr class="{"best" if c.best else ""}"><td class="t">{star}{escape(c.text)}</td>'
                f"<td>{self.pill(c.style) if c.style else ''}</td>"
                f"<td>{_svg.bar(c.count / total, taken, STYLE_COLOURS.get(c.style, UNKNOWN_COLOUR))}</td>"
                f"{vote}</tr>"
            )
        phase = name_of(PHASE_NAMES, self.lang, scene.phase) if scene.phase else ""
        return (
            f'<div class="scene-block"><div class="phase">{escape(phase)}</div>'
            f'<p class="scene">{escape(_clip(scene.text or scene.scene_id, 260))}</p>'
            f'<table class="dist"><thead><tr><th>{escape(self.w["choice"])}</th><th>{escape(self.w["style"])}</th>'
            f"<th>{escape(self.w['taken'])}</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
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

    def card(self, title: str, note: str, body: str) -> str:
        return f'<section class="card"><h3>{escape(title)}</h3><p class="note">{escape(note)}</p>{body}</section>'

    def scenario(self, cohort: CohortStat, stat: ScenarioStat) -> str:
        warn = "" if stat.scenario else f'<p class="warn">{escape(self.w["unknown_scenario"])}</p>'
        scenes = "".join(self.scene(s, stat.scenario) for s in stat.scenes)
        return (
            f'<article class="scenario" id="{_anchor(cohort.code, stat.scenario_id)}">'
            f"<h2>{escape(stat.title)}</h2>{warn}{self.kpis(stat)}"
            f'<div class="grid2">{self.endings(stat)}{self.profile(stat)}</div>'
            f"{self.struggles(stat)}{self.trajectories(stat)}{self.commitments(stat)}"
            f"{self.card(self.w['distribution'], self.w['distribution_note'], scenes)}</article>"
        )

    def document(self, cohorts: list[CohortStat], total: int) -> str:
        date = _dt.date.today().isoformat()
        toc = "".join(
            f"<li><b>{escape(self.cohort_name(c))}</b><ul>"
            + "".join(
                f'<li><a href="#{_anchor(c.code, s.scenario_id)}">{escape(s.title)}</a> '
                f'<span class="muted">({len(s.runs)})</span></li>'
                for s in c.scenarios
            )
            + "</ul></li>"
            for c in cohorts
        )
        body = (
            "".join(
                f'<section class="cohort"><div class="cohort-head">{escape(self.w["cohort"])}'
                f"<span>{escape(c.code or self.w['no_cohort'])}</span></div>"
                + "".join(self.scenario(c, s) for s in c.scenarios)
                + "</section>"
                for c in cohorts
            )
            or f'<p class="card">{escape(self.w["nothing"])}</p>'
        )
        nav = f'<nav class="card toc"><h3>{escape(self.w["contents"])}</h3><ul>{toc}</ul></nav>' if cohorts else ""
        return (
            f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(self.w['doc_title'])}</title><style>{CSS}</style></head><body>{_svg.HATCH_DEFS}"
            f'<header class="top"><div class="wrap"><div class="brand">Sticky Situations</div>'
            f"<h1>{escape(self.w['heading'])}</h1>"
            f"<p>{escape(plural(self.lang, total, 'generated', table=self.w, date=date))}</p></div></header>"
            f'<main class="wrap">{nav}{body}</main>'
            f'<footer class="wrap">{escape(self.w["footer"])}</footer></body></html>'
        )

    def cohort_name(self, cohort: CohortStat) -> str:
        return f"{self.w['cohort']} {cohort.code}" if cohort.code else self.w["no_cohort"]


def _style_var(style: str) -> str:
    """A style's colour as the report's CSS variable (made from the shared palette in ``_report_css``)."""
    return f"var(--style-{style})" if style in STYLES else "var(--unknown)"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def render_report(
    runs: list[PlaythroughRecord], language: str = "en", cohort: str | None = None, paths: list[Path] | None = None
) -> str:
    """The whole report as one HTML string."""
    cohorts = build(runs, language, paths or [], cohort)
    return _Writer(language).document(cohorts, sum(len(c.runs) for c in cohorts))
