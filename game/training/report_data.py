"""The numbers behind the trainer's report: per cohort and scenario, who played, what they chose, how it went.

Pure aggregation over ``PlaythroughRecord`` values; the scenario (found by id and content hash, or the
nearest version of it) supplies titles, texts, phases and the coach's best choices.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.core.debrief import Debrief, build_debrief
from game.core.model import DECISION_PHASES, RATINGS, STYLES, Scenario
from game.training.library import find_scenario, scenario_versions
from game.training.recorddata import PlaythroughRecord
from game.training.replay import replay


@dataclass
class ChoiceStat:
    """How often one choice was taken at a scene (and, in group play, how many votes it got)."""

    choice_id: str
    text: str
    style: str
    best: bool
    count: int = 0
    votes: int = 0
    changes: dict[str, float] = field(default_factory=dict)  # metric -> mean change when taken (replayed runs)


@dataclass
class SceneStat:
    """The choice distribution at one scene."""

    scene_id: str
    phase: str
    text: str
    choices: list[ChoiceStat]

    @property
    def total(self) -> int:
        """How many times the scene was answered."""
        return sum(c.count for c in self.choices)

    @property
    def total_votes(self) -> int:
        """How many group votes were cast at the scene."""
        return sum(c.votes for c in self.choices)

    @property
    def best(self) -> ChoiceStat | None:
        """The coach's best choice, if marked."""
        return next((c for c in self.choices if c.best), None)

    @property
    def best_share(self) -> float:
        """The share of answers (individual and group votes together) that took the best choice."""
        best = self.best
        answered = self.total + self.total_votes
        if best is None or not answered:
            return 0.0
        return (best.count + best.votes) / answered


@dataclass
class ScenarioStat:
    """Everything the report shows for one scenario within one cohort."""

    scenario_id: str
    title: str
    scenario: Scenario | None
    runs: list[PlaythroughRecord]
    endings: list[tuple[str, str, str, int]] = field(default_factory=list)  # id, title, rating, count
    scenes: list[SceneStat] = field(default_factory=list)
    trajectories: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    group_styles: Counter[str] = field(default_factory=Counter)
    learner_styles: dict[str, Counter[str]] = field(default_factory=dict)
    debriefs: list[Debrief] = field(default_factory=list)  # of the runs that replay exactly on ``scenario``

    def coach_notes(self, scene_id: str) -> list[str]:
        """The notes on the coach's strongest choice at ``scene_id`` as the learners were shown them (each
        text once, most often shown first); the plain note when no playthrough could be replayed."""
        seen: Counter[str] = Counter(
            d.strongest.why for b in self.debriefs for d in b.decisions if d.scene_id == scene_id and d.strongest
        )
        if seen:
            return [text for text, _n in seen.most_common()]
        best = self.scenario.best_choice(scene_id) if self.scenario else None
        return [best.feedback] if best is not None and best.feedback else []

    @property
    def learners(self) -> list[str]:
        """Distinct learners, in order of first play."""
        return list(dict.fromkeys(r.learner for r in self.runs))

    @property
    def finished(self) -> int:
        """How many playthroughs reached an ending."""
        return sum(1 for r in self.runs if r.ending_id)

    def struggles(self, limit: int = 4) -> list[SceneStat]:
        """Decision-point scenes with the lowest share of the coach's best choice (answered at least once)."""
        scored = [s for s in self.scenes if s.phase in DECISION_PHASES and s.best and (s.total + s.total_votes)]
        scored.sort(key=lambda s: (s.best_share, -(s.total + s.total_votes)))
        return scored[:limit]


@dataclass
class CohortStat:
    """One cohort's section of the report."""

    code: str | None
    scenarios: list[ScenarioStat]

    @property
    def runs(self) -> list[PlaythroughRecord]:
        """Every playthrough of the cohort."""
        return [r for s in self.scenarios for r in s.runs]


def _scenario(runs: Sequence[PlaythroughRecord], language: str, paths: Iterable[Path]) -> Scenario | None:
    """The scenario version most runs used, else any version with that id, in ``language``."""
    paths = list(paths)
    for content_hash, _n in Counter(r.content_hash for r in runs).most_common():
        found = find_scenario(runs[0].scenario_id, content_hash, paths)
        if found is not None:
            return found.localized(language)
    versions = scenario_versions(runs[0].scenario_id, paths)
    return versions[0].localized(language) if versions else None


def _debriefs(runs: Sequence[PlaythroughRecord], scenario: Scenario | None) -> dict[int, Debrief]:
    """Run id -> the debrief of the run replayed on ``scenario``, for the runs that replay exactly (so the
    texts resolved from variants are the ones the learner saw); a run of another version is left out."""
    out: dict[int, Debrief] = {}
    if scenario is None:
        return out
    for run in runs:
        try:
            result = replay(run, scenario)
        except Exception:  # a record the engine cannot replay keeps the plain texts
            continue
        if result.ok:
            out[run.id] = build_debrief(result.session)
    return out


def scenario_stat(runs: list[PlaythroughRecord], language: str, paths: Iterable[Path] = ()) -> ScenarioStat:
    """Aggregate the playthroughs of one scenario."""
    scenario = _scenario(runs, language, paths)
    stat = ScenarioStat(runs[0].scenario_id, scenario.title if scenario else runs[0].scenario_id, scenario, runs)
    debriefs = _debriefs(runs, scenario)
    stat.debriefs = list(debriefs.values())
    ending_counts = Counter(
        (r.ending_id, debriefs[r.id].ending_title if r.id in debriefs else "") for r in runs if r.ending_id
    )
    for (ending_id, title), count in ending_counts.most_common():
        ending = scenario.ending(ending_id) if scenario else None
        rating = ending.rating if ending else next(r.rating or "" for r in runs if r.ending_id == ending_id)
        stat.endings.append((ending_id, title or (ending.title if ending else ending_id), rating, count))
    order = {r: i for i, r in enumerate(RATINGS)}
    stat.endings.sort(key=lambda e: (order.get(e[2], len(order)), -e[3]))
    taken: Counter[tuple[str, str]] = Counter()
    voted: Counter[tuple[str, str]] = Counter()
    seen_styles: dict[str, str] = {}
    for run in runs:
        for c in run.choices:
            taken[(c.scene_id, c.choice_id)] += 1
            seen_styles[c.choice_id] = c.style
            if run.mode != "group" or not run.votes:
                stat.group_styles[c.style] += 1
                stat.learner_styles.setdefault(run.learner, Counter())[c.style] += 1
        for v in run.votes:
            voted[(v.scene_id, v.choice_id)] += v.count
            choice = scenario.choice(v.choice_id) if scenario else None
            style = choice.style if choice else seen_styles.get(v.choice_id, "")
            if style in STYLES:
                stat.group_styles[style] += v.count
    stat.scenes = _scenes(scenario, taken, voted, seen_styles)
    _mean_changes(stat)
    metric_ids = [m.id for m in scenario.metrics] if scenario else sorted(runs[0].start_metrics)
    for metric in metric_ids:
        by_turn: dict[int, list[float]] = defaultdict(list)
        for run in runs:
            for turn, value in enumerate(run.trajectory(metric)):
                by_turn[turn].append(value)
        stat.trajectories[metric] = [(t, sum(v) / len(v)) for t, v in sorted(by_turn.items())]
    return stat


def _mean_changes(stat: ScenarioStat) -> None:
    """Give every choice the mean change of each metric it set off (effects, chance and rules), over the
    replayed playthroughs that took it, in the scenario's metric order; and every scene the text most
    learners were shown."""
    sums: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    times: Counter[tuple[str, str]] = Counter()
    for debrief in stat.debriefs:
        for decision in debrief.decisions:
            key = (decision.scene_id, decision.choice_id)
            times[key] += 1
            for change in decision.changes:
                sums[key][change.metric] += change.delta
    order = [m.id for m in stat.scenario.metrics] if stat.scenario else []
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    for debrief in stat.debriefs:
        for decision in debrief.decisions:
            shown[decision.scene_id][decision.scene_text] += 1
    for scene in stat.scenes:
        if shown[scene.scene_id]:  # the scene's text as most learners were shown it (variants resolved)
            scene.text = shown[scene.scene_id].most_common(1)[0][0]
        for choice in scene.choices:
            key = (scene.scene_id, choice.choice_id)
            if times[key]:
                found = sums[key]
                choice.changes = {m: found[m] / times[key] for m in order if round(found[m] / times[key], 6)}


def _scenes(
    scenario: Scenario | None, taken: Counter[tuple[str, str]], voted: Counter[tuple[str, str]], styles: dict[str, str]
) -> list[SceneStat]:
    answered = {k[0] for k in taken} | {k[0] for k in voted}
    out: list[SceneStat] = []
    known: set[str] = set()
    if scenario is not None:
        for scene in scenario.scenes:
            known.add(scene.id)
            if scene.id not in answered:
                continue
            choices = [
                ChoiceStat(c.id, c.text, c.style, c.best, taken[(scene.id, c.id)], voted[(scene.id, c.id)])
                for c in scene.choices
            ]
            out.append(SceneStat(scene.id, scene.phase, scene.text, choices))
    for scene_id in sorted(answered - known):  # a scene this version of the scenario doesn't have
        ids = sorted({k[1] for k in list(taken) + list(voted) if k[0] == scene_id})
        choices = [ChoiceStat(i, i, styles.get(i, ""), False, taken[(scene_id, i)], voted[(scene_id, i)]) for i in ids]
        out.append(SceneStat(scene_id, "", "", choices))
    return out


def build(
    runs: Iterable[PlaythroughRecord], language: str = "en", paths: Iterable[Path] = (), cohort: str | None = None
) -> list[CohortStat]:
    """Group playthroughs by cohort (or keep one cohort) and scenario and aggregate each group."""
    paths = list(paths)
    groups: dict[str | None, dict[str, list[PlaythroughRecord]]] = defaultdict(lambda: defaultdict(list))
    for run in runs:
        if run.choices and (cohort is None or run.cohort == cohort):
            groups[run.cohort][run.scenario_id].append(run)
    ordered = sorted(groups, key=lambda c: (c is None, c or ""))
    return [
        CohortStat(code, [scenario_stat(groups[code][sid], language, paths) for sid in sorted(groups[code])])
        for code in ordered
    ]
