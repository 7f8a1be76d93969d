"""Replaying a recorded playthrough exactly: same scenario version, same seed, same choices.

Every step is checked against the record (scene, the order its choices were shown in, chance outcome, metrics
after the choice) and so are the ending and the final metrics, so a replay also proves the record and the
engine agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.core.model import Scenario
from game.core.session import ChoiceNotAvailable, Session
from game.training._schema import RecordsError
from game.training.library import find_scenario, load_cached
from game.training.record_types import PlaythroughRecord


@dataclass
class ReplayResult:
    """The replayed session and every difference from the record (empty when it matched)."""

    session: Session
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the replay matched the record exactly."""
        return not self.mismatches


def scenario_for(record: PlaythroughRecord, path: str | None = None, language: str | None = None) -> Scenario:
    """The scenario version the record was played with, from ``path`` or the shipped scenarios."""
    if path:
        result = load_cached(Path(path))
        if result.scenario is None:
            raise RecordsError(f"{path}: the scenario has errors (run `sticky check {path}`)")
        if result.scenario.id != record.scenario_id:
            raise RecordsError(f"{path} is scenario '{result.scenario.id}', the record is of '{record.scenario_id}'")
        if result.scenario.content_hash != record.content_hash:
            raise RecordsError(
                f"{path} has changed since playthrough {record.id} was recorded (content hash "
                f"{result.scenario.content_hash}, recorded {record.content_hash}); give the version it was played with"
            )
    else:
        found = find_scenario(record.scenario_id, record.content_hash)
        if found is None:
            raise RecordsError(
                f"no scenario '{record.scenario_id}' with content hash {record.content_hash} in scenarios/; "
                "give the file it was played with: --scenario PATH"
            )
        result = found
    scenario = result.localized(language or record.language)
    assert scenario is not None
    return scenario


def _close(a: dict[str, float], b: dict[str, float]) -> bool:
    return a.keys() == b.keys() and all(abs(a[k] - b[k]) < 1e-6 for k in a)


def replay(record: PlaythroughRecord, scenario: Scenario) -> ReplayResult:
    """Play the record's choices again on ``scenario`` with its seed, comparing at every step."""
    session = Session(scenario, seed=record.seed)
    result = ReplayResult(session)
    for choice in record.choices:
        if session.state.node != choice.scene_id:
            where = session.state.node
            result.mismatches.append(f"turn {choice.turn}: in scene '{where}', recorded '{choice.scene_id}'")
            return result
        try:
            outcome = session.choose(choice.choice_id)
        except ChoiceNotAvailable as exc:
            result.mismatches.append(f"turn {choice.turn}: {exc}")
            return result
        if choice.shown and outcome.shown != choice.shown:  # recorded before orders were kept: nothing to compare
            shown, recorded = ", ".join(outcome.shown), ", ".join(choice.shown)
            result.mismatches.append(f"turn {choice.turn}: choices shown as {shown}, recorded {recorded}")
        if outcome.chance_index != choice.chance_index:
            result.mismatches.append(
                f"turn {choice.turn}: chance gave outcome {outcome.chance_index}, recorded {choice.chance_index}"
            )
        if not _close(outcome.metrics, choice.metrics):
            result.mismatches.append(f"turn {choice.turn}: metrics {outcome.metrics}, recorded {choice.metrics}")
    if record.finished:
        ending = session.ending
        if (ending.id if ending else None) != record.ending_id:
            result.mismatches.append(f"ending {ending.id if ending else None}, recorded {record.ending_id}")
        if record.final_metrics is not None and not _close(session.metrics, record.final_metrics):
            result.mismatches.append(f"final metrics {session.metrics}, recorded {record.final_metrics}")
    return result
