"""The numbers behind the trainer's report: per scenario, who played, what they chose, how it went.

Pure aggregation over ``PlaythroughRecord`` values. Every per-playthrough meaning (scores per decision point,
the overall score, the style profile, the ending's title as shown) is read from the core debrief
(``game.core.debrief.build_debrief`` on the replayed playthrough); a playthrough that can't be replayed on
the scenario falls back to what was recorded with it (its scores and ending). The scenario (found by id and
content hash, or the nearest version of it) supplies titles, texts, phases and the coach's best choices.

Group sessions (``mode == "group"``) are rooms, not learners: they are not counted as learners, their votes
at a scene are one group answer with its own distribution, apart from the individual answers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.core.debrief import Debrief, build_debrief
from game.core.model import DECISION_PHASES, RATINGS, STYLES, Scenario
from game.training.library import find_scenario, scenario_versions
from game.training.record_types import PlaythroughRecord
from game.training.replay import replay

GROUP_MODE = "group"


class SelectionError(ValueError):
    """A cohort or scenario asked for that no playthrough has; the message lists the ones that exist."""


@dataclass
class RunView:
    """One playthrough as the report reads it: the record and, when it replays, its core debrief."""

    record: PlaythroughRecord
    debrief: Debrief | None = None

    @property
    def group(self) -> bool:
        """True for a facilitated group session (a room voting), which is not a learner."""
        return self.record.mode == GROUP_MODE

    @property
    def phase_scores(self) -> Mapping[str, float]:
        """Decision phase -> score (0-1), from the debrief, else as recorded."""
        if self.debrief is not None:
            return self.debrief.phase_scores
        phases = (self.record.scores or {}).get("phases") or {}
        return {p: float(v) for p, v in phases.items() if v is not None}

    @property
    def overall(self) -> float | None:
        """The overall score (0-1), from the debrief, else as recorded."""
        return self.debrief.overall_score if self.debrief is not None else self.record.score

    @property
    def styles(self) -> Mapping[str, int]:
        """Style -> choices made in it, from the debrief, else as recorded with each choice."""
        if self.debrief is not None:
            return self.debrief.styles
        return Counter(c.style for c in self.record.choices)

    @property
    def rating(self) -> str | None:
        """The ending's rating, from the debrief, else as recorded (None when no ending was reached)."""
        if self.debrief is not None and self.debrief.rating:
            return self.debrief.rating
        return self.record.rating

    @property
    def success(self) -> bool | None:
        """Whether the overall score reached the pass mark (None when unknown)."""
        if self.debrief is not None:
            return self.debrief.success if self.debrief.finished else None
        value = (self.record.scores or {}).get("success")
        return None if value is None else bool(value)


@dataclass
class ChoiceStat:
    """How often one choice was taken at a scene: by learners, by rooms, and the rooms' votes for it."""

    choice_id: str
    text: str
    style: str
    best: bool
    count: int = 0  # individual playthroughs that took it
    votes: int = 0  # votes cast for it in group sessions
    rooms: int = 0  # group sessions that played it
    changes: dict[str, float] = field(default_factory=dict)  # metric -> mean change when taken (replayed runs)


@dataclass
class RoomAnswer:
    """One room's answer at one scene: its votes and the choice it played (one group answer)."""

    room: str
    played: str  # the choice id the room played ("" if it didn't play on)
    votes: dict[str, int]  # choice id -> votes
    #: choice id -> how many of its votes came from phones (the rest were counted in the room); None when the
    #: session was recorded before the split was kept: unknown, not zero
    phones: dict[str, int] | None = None

    @property
    def from_phones(self) -> int | None:
        """How many of the room's votes came from phones (None when unknown)."""
        return None if self.phones is None else sum(self.phones.values())

    @property
    def in_room(self) -> int | None:
        """How many of the room's votes were counted in the room: hands the trainer typed (None when unknown)."""
        phones = self.from_phones
        return None if phones is None else sum(self.votes.values()) - phones


@dataclass
class SceneStat:
    """The choice distribution at one scene."""

    scene_id: str
    phase: str
    text: str
    choices: list[ChoiceStat]
    room_votes: list[RoomAnswer] = field(default_factory=list)  # one per group session that voted here

    @property
    def total(self) -> int:
        """How many individual playthroughs answered the scene."""
        return sum(c.count for c in self.choices)

    @property
    def total_votes(self) -> int:
        """How many group votes were cast at the scene."""
        return sum(c.votes for c in self.choices)

    @property
    def answers(self) -> int:
        """Answers at the scene: one per individual playthrough and one per room that voted."""
        return self.total + len(self.room_votes)

    @property
    def phones_voted(self) -> bool:
        """True when some room voted here from phones: then where each room's votes came from is worth showing."""
        return any(answer.from_phones for answer in self.room_votes)

    @property
    def best(self) -> ChoiceStat | None:
        """The coach's best choice, if marked."""
        return next((c for c in self.choices if c.best), None)

    def room_best_share(self, answer: RoomAnswer) -> float:
        """The share of one room's votes that went to the coach's best choice."""
        best, cast = self.best, sum(answer.votes.values())
        return answer.votes.get(best.choice_id, 0) / cast if best is not None and cast else 0.0

    @property
    def individual_best_share(self) -> float | None:
        """The share of individual answers that took the best choice (None without any)."""
        best = self.best
        return best.count / self.total if best is not None and self.total else None

    @property
    def best_share(self) -> float:
        """The share of answers that took the best choice: each individual answer counts one, each room one
        answer split as its votes were (a room of 8 is one answer, not 8 or 9)."""
        if self.best is None or not self.answers:
            return 0.0
        rooms = sum(self.room_best_share(v) for v in self.room_votes)
        return (self.best.count + rooms) / self.answers


@dataclass
class CohortColumn:
    """One cohort's figures for one scenario, for the side-by-side comparison (individual playthroughs)."""

    code: str | None
    runs: list[RunView]
    rooms: int = 0  # group sessions of this cohort

    @property
    def learners(self) -> int:
        """Distinct learners."""
        return len({r.record.learner for r in self.runs})

    def endings(self) -> Counter[str]:
        """Rating -> playthroughs that ended with it (the debrief's rating, else the recorded one)."""
        return Counter(r.rating for r in self.runs if r.rating)

    def mean_score(self, phase: str | None = None) -> float | None:
        """The mean score of one decision phase (or the overall score when ``phase`` is None)."""
        values = [r.overall if phase is None else r.phase_scores.get(phase) for r in self.runs]
        found = [v for v in values if v is not None]
        return sum(found) / len(found) if found else None

    def styles(self) -> Counter[str]:
        """Style -> choices made in it."""
        out: Counter[str] = Counter()
        for run in self.runs:
            out.update(run.styles)
        return out


@dataclass
class ScenarioStat:
    """Everything the report shows for one scenario."""

    scenario_id: str
    title: str
    scenario: Scenario | None
    views: list[RunView]
    endings: list[tuple[str, str, str, int]] = field(default_factory=list)  # id, title, rating, count
    scenes: list[SceneStat] = field(default_factory=list)
    trajectories: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    group_styles: Counter[str] = field(default_factory=Counter)  # individual playthroughs only
    learner_styles: dict[str, Counter[str]] = field(default_factory=dict)
    room_styles: dict[str, Counter[str]] = field(default_factory=dict)  # room -> votes per style
    cohorts: list[CohortColumn] = field(default_factory=list)

    @property
    def runs(self) -> list[PlaythroughRecord]:
        """Every playthrough, individual and group."""
        return [v.record for v in self.views]

    @property
    def debriefs(self) -> list[Debrief]:
        """The debriefs of the playthroughs that replay exactly on ``scenario``."""
        return [v.debrief for v in self.views if v.debrief is not None]

    @property
    def individual(self) -> list[RunView]:
        """The individual playthroughs (not group sessions)."""
        return [v for v in self.views if not v.group]

    @property
    def rooms(self) -> list[RunView]:
        """The group sessions."""
        return [v for v in self.views if v.group]

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
        """Distinct learners, in order of first play; group sessions are rooms, not learners."""
        return list(dict.fromkeys(v.record.learner for v in self.individual))

    @property
    def finished(self) -> int:
        """How many playthroughs reached an ending."""
        return sum(1 for r in self.runs if r.ending_id)

    def struggles(self, limit: int = 4) -> list[SceneStat]:
        """Decision-point scenes with the lowest share of the coach's best choice (answered at least once);
        scenes answered by fewer than a third as many as the most answered one come after the others."""
        scored = [s for s in self.scenes if s.phase in DECISION_PHASES and s.best and s.answers]
        enough = -(-max((s.answers for s in scored), default=0) // 3)  # a scene one learner saw says little
        scored.sort(key=lambda s: (s.answers < enough, s.best_share, -s.answers))
        return scored[:limit]


@dataclass
class PhaseRollup:
    """One decision point across scenarios: mean score and best-choice share, per scenario and overall."""

    phase: str
    scores: dict[str, list[float]] = field(default_factory=dict)  # scenario title -> phase scores
    strongest: dict[str, tuple[int, int]] = field(default_factory=dict)  # title -> (best taken, decisions)

    def all_scores(self) -> list[float]:
        """Every phase score, all scenarios together."""
        return [v for values in self.scores.values() for v in values]


@dataclass
class Attempt:
    """One playthrough in a learner's history."""

    view: RunView
    scenario_title: str
    number: int  # 1 for the learner's first attempt at that scenario
    ending_title: str


@dataclass
class LearnerStat:
    """A learner's page: every attempt over time, scores per decision point, commitments."""

    name: str
    cohorts: list[str | None]
    attempts: list[Attempt]

    def commitments(self) -> list[tuple[Attempt, str]]:
        """The commitments written after the attempts, oldest first."""
        return [(a, a.view.record.commitment) for a in self.attempts if a.view.record.commitment]


@dataclass
class Report:
    """The whole report's numbers."""

    scenarios: list[ScenarioStat]
    learners: list[LearnerStat]
    rollup: list[PhaseRollup]
    cohorts: list[str | None]

    @property
    def runs(self) -> list[PlaythroughRecord]:
        """Every playthrough reported on."""
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


def _debrief(run: PlaythroughRecord, scenario: Scenario | None) -> Debrief | None:
    """The debrief of ``run`` replayed on ``scenario`` when it replays exactly (so the texts resolved from
    variants are the ones the learner saw); None for a run of another version."""
    if scenario is None:
        return None
    try:
        result = replay(run, scenario)
    except Exception:  # a record the engine cannot replay keeps its recorded figures
        return None
    return build_debrief(result.session) if result.ok else None


def scenario_and_debriefs(
    runs: Sequence[PlaythroughRecord], language: str, paths: Iterable[Path] = ()
) -> tuple[Scenario | None, dict[int, Debrief]]:
    """The scenario of ``runs`` (all of one scenario id) in ``language`` and, by playthrough id, the debrief
    of each playthrough that replays exactly on it."""
    scenario = _scenario(runs, language, paths) if runs else None
    out = {}
    for run in runs:
        debrief = _debrief(run, scenario)
        if debrief is not None:
            out[run.id] = debrief
    return scenario, out


def scenario_stat(runs: list[PlaythroughRecord], language: str, paths: Iterable[Path] = ()) -> ScenarioStat:
    """Aggregate the playthroughs of one scenario."""
    scenario, debriefs = scenario_and_debriefs(runs, language, paths)
    views = [RunView(r, debriefs.get(r.id)) for r in runs]
    stat = ScenarioStat(runs[0].scenario_id, scenario.title if scenario else runs[0].scenario_id, scenario, views)
    _endings(stat)
    taken: Counter[tuple[str, str]] = Counter()
    played: Counter[tuple[str, str]] = Counter()
    voted: Counter[tuple[str, str]] = Counter()
    rooms: dict[str, list[RoomAnswer]] = defaultdict(list)
    seen_styles: dict[str, str] = {c.choice_id: c.style for r in runs for c in r.choices}
    for view in views:
        run = view.record
        if view.group:
            for c in run.choices:
                played[(c.scene_id, c.choice_id)] += 1
            per_turn: dict[int, dict[str, int]] = defaultdict(dict)
            phones: dict[int, dict[str, int] | None] = {}
            scene_of: dict[int, str] = {}
            for v in run.votes:
                voted[(v.scene_id, v.choice_id)] += v.count
                per_turn[v.turn][v.choice_id] = v.count
                split = phones.setdefault(v.turn, {})
                if v.phones is None or split is None:  # one row of the turn without its split: all unknown
                    phones[v.turn] = None
                else:
                    split[v.choice_id] = v.phones
                scene_of[v.turn] = v.scene_id
                choice = scenario.choice(v.choice_id) if scenario else None
                style = choice.style if choice else seen_styles.get(v.choice_id, "")
                if style in STYLES and v.count:
                    stat.room_styles.setdefault(_room_name(run), Counter())[style] += v.count
            played_at = {c.turn: c.choice_id for c in run.choices}
            for turn, counts in sorted(per_turn.items()):
                rooms[scene_of[turn]].append(
                    RoomAnswer(_room_name(run), played_at.get(turn, ""), counts, phones.get(turn))
                )
            continue
        for c in run.choices:
            taken[(c.scene_id, c.choice_id)] += 1
        stat.group_styles.update(view.styles)
        stat.learner_styles.setdefault(run.learner, Counter()).update(view.styles)
    stat.scenes = _scenes(scenario, taken, played, voted, seen_styles)
    for scene in stat.scenes:
        scene.room_votes = rooms.get(scene.scene_id, [])
    _mean_changes(stat)
    _cohort_columns(stat)
    metric_ids = [m.id for m in scenario.metrics] if scenario else sorted(runs[0].start_metrics)
    for metric in metric_ids:
        by_turn: dict[int, list[float]] = defaultdict(list)
        for run in runs:
            for turn, value in enumerate(run.trajectory(metric)):
                by_turn[turn].append(value)
        stat.trajectories[metric] = [(t, sum(v) / len(v)) for t, v in sorted(by_turn.items())]
    return stat


def _room_name(run: PlaythroughRecord) -> str:
    return run.learner if run.learner and run.learner != "anonymous" else f"#{run.id}"


def _endings(stat: ScenarioStat) -> None:
    """The endings reached, best first, by the title each playthrough was shown."""
    scenario = stat.scenario
    counts = Counter(
        (v.record.ending_id, v.debrief.ending_title if v.debrief else "") for v in stat.views if v.record.ending_id
    )
    for (ending_id, title), count in counts.most_common():
        assert ending_id is not None
        ending = scenario.ending(ending_id) if scenario else None
        rating = ending.rating if ending else next(r.rating or "" for r in stat.runs if r.ending_id == ending_id)
        stat.endings.append((ending_id, title or (ending.title if ending else ending_id), rating, count))
    order = {r: i for i, r in enumerate(RATINGS)}
    stat.endings.sort(key=lambda e: (order.get(e[2], len(order)), -e[3]))


def _cohort_columns(stat: ScenarioStat) -> None:
    codes = sorted({v.record.cohort for v in stat.views}, key=lambda c: (c is None, c or ""))
    for code in codes:
        mine = [v for v in stat.views if v.record.cohort == code]
        stat.cohorts.append(CohortColumn(code, [v for v in mine if not v.group], sum(v.group for v in mine)))


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
    scenario: Scenario | None,
    taken: Counter[tuple[str, str]],
    played: Counter[tuple[str, str]],
    voted: Counter[tuple[str, str]],
    styles: dict[str, str],
) -> list[SceneStat]:
    answered = {k[0] for k in taken} | {k[0] for k in voted} | {k[0] for k in played}
    out: list[SceneStat] = []
    known: set[str] = set()
    if scenario is not None:
        for scene in scenario.scenes:
            known.add(scene.id)
            if scene.id not in answered:
                continue
            choices = [
                ChoiceStat(
                    c.id,
                    c.text,
                    c.style,
                    c.best,
                    taken[(scene.id, c.id)],
                    voted[(scene.id, c.id)],
                    played[(scene.id, c.id)],
                )
                for c in scene.choices
            ]
            out.append(SceneStat(scene.id, scene.phase, scene.text, choices))
    for scene_id in sorted(answered - known):  # a scene this version of the scenario doesn't have
        keys = list(taken) + list(voted) + list(played)
        ids = sorted({k[1] for k in keys if k[0] == scene_id})
        choices = [
            ChoiceStat(
                i, i, styles.get(i, ""), False, taken[(scene_id, i)], voted[(scene_id, i)], played[(scene_id, i)]
            )
            for i in ids
        ]
        out.append(SceneStat(scene_id, "", "", choices))
    return out


def _rollup(stats: Sequence[ScenarioStat]) -> list[PhaseRollup]:
    """Each decision point across the scenarios, from the individual playthroughs' debriefs."""
    out = []
    for phase in DECISION_PHASES:
        roll = PhaseRollup(phase)
        for stat in stats:
            scores = [v.phase_scores[phase] for v in stat.individual if phase in v.phase_scores]
            if scores:
                roll.scores[stat.title] = scores
            decisions = [
                d for v in stat.individual if v.debrief for d in v.debrief.decisions if d.phase == phase and d.strongest
            ]
            if decisions:
                roll.strongest[stat.title] = (sum(d.chose_strongest for d in decisions), len(decisions))
        if roll.scores or roll.strongest:
            out.append(roll)
    return out


def _learners(stats: Sequence[ScenarioStat]) -> list[LearnerStat]:
    """One page per learner (group sessions left out), attempts in the order played."""
    by_name: dict[str, list[tuple[RunView, ScenarioStat]]] = defaultdict(list)
    for stat in stats:
        for view in stat.individual:
            by_name[view.record.learner].append((view, stat))
    out = []
    for name in sorted(by_name, key=str.lower):
        items = sorted(by_name[name], key=lambda vs: vs[0].record.started_at)
        numbers: Counter[str] = Counter()
        attempts = []
        for view, stat in items:
            numbers[stat.scenario_id] += 1
            title = _ending_title(view, stat)
            attempts.append(Attempt(view, stat.title, numbers[stat.scenario_id], title))
        cohorts = list(dict.fromkeys(v.record.cohort for v, _s in items))
        out.append(LearnerStat(name, cohorts, attempts))
    return out


def _ending_title(view: RunView, stat: ScenarioStat) -> str:
    if view.debrief is not None and view.debrief.ending_title:
        return view.debrief.ending_title
    ending_id = view.record.ending_id
    ending = stat.scenario.ending(ending_id) if stat.scenario and ending_id else None
    return ending.title if ending else (ending_id or "")


def select(
    runs: Iterable[PlaythroughRecord], cohort: str | None = None, scenario: str | None = None
) -> list[PlaythroughRecord]:
    """The playthroughs with at least one choice, of ``cohort`` and ``scenario`` when given; raises
    SelectionError naming the cohorts or scenarios that exist when one asked for has no playthrough."""
    played = [r for r in runs if r.choices]
    if cohort is not None:
        codes = sorted({r.cohort for r in played if r.cohort})
        if cohort not in codes:
            raise SelectionError(_unknown("cohort", cohort, codes))
        played = [r for r in played if r.cohort == cohort]
    if scenario is not None:
        ids = sorted({r.scenario_id for r in played})
        if scenario not in ids:
            where = f" in cohort {cohort}" if cohort is not None else ""
            raise SelectionError(_unknown("scenario", scenario, ids, where))
        played = [r for r in played if r.scenario_id == scenario]
    return played


def _unknown(what: str, asked: str, existing: Sequence[str], where: str = "") -> str:
    if not existing:
        return f"no {what} {asked!r}: no playthrough has been recorded{where} yet"
    return f"no {what} {asked!r}{where}; the {what}s with playthroughs are: {', '.join(existing)}"


def build(
    runs: Iterable[PlaythroughRecord],
    language: str = "en",
    paths: Iterable[Path] = (),
    cohort: str | None = None,
    scenario: str | None = None,
) -> Report:
    """Select the playthroughs (see ``select``), group them by scenario and aggregate."""
    paths = list(paths)
    chosen = select(runs, cohort, scenario)
    groups: dict[str, list[PlaythroughRecord]] = defaultdict(list)
    for run in chosen:
        groups[run.scenario_id].append(run)
    stats = [scenario_stat(groups[sid], language, paths) for sid in sorted(groups)]
    stats.sort(key=lambda s: s.title.lower())
    cohorts = sorted({r.cohort for r in chosen}, key=lambda c: (c is None, c or ""))
    return Report(stats, _learners(stats), _rollup(stats), cohorts)
