"""F5 keeps one record for the playthrough (issue 20): when the file's content changed, the record goes on with
the new version (content hash), in the real SQLite records of the window's data folder."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.authoring.load import content_hash
from game.ui import flow
from game.ui.screens.scene import SceneScreen

pytestmark = pytest.mark.ui


def _file_hash(path: Path) -> str:
    return content_hash(path.read_text(encoding="utf-8").encode("utf-8"))


def test_a_record_kept_across_f5_carries_the_edited_files_version(make_app, bakery_copy: Path) -> None:
    pilot = make_app(typewriter=False)
    assert flow.start(pilot.app, bakery_copy, "practice", seed=3)
    pilot.frame()
    pt = pilot.app.playthrough
    first = _file_hash(bakery_copy)
    pilot.choose("explain_policy")
    pilot.key(pygame.K_RETURN)
    records = pilot.app.recorder._open()
    [record] = records.playthroughs()
    assert record.content_hash == first == pt.session.scenario.content_hash

    pilot.key(pygame.K_F5)  # the same file again: the same version
    [record] = records.playthroughs()
    assert record.content_hash == first

    text = bakery_copy.read_text(encoding="utf-8")
    bakery_copy.write_text(text + "\n# a note from the author\n", encoding="utf-8")  # same play, new content
    pilot.key(pygame.K_F5)
    second = _file_hash(bakery_copy)
    assert second != first
    [record] = records.playthroughs()
    assert record.content_hash == second == pt.session.scenario.content_hash
    assert [c.choice_id for c in record.choices] == ["explain_policy"]

    edited = bakery_copy.read_text(encoding="utf-8").replace("effects: {reputation: +2}", "effects: {reputation: +4}")
    bakery_copy.write_text(edited, encoding="utf-8")  # what the first choice did changed too
    pilot.key(pygame.K_F5)
    third = _file_hash(bakery_copy)
    [record] = records.playthroughs()
    assert record.content_hash == third != second
    assert record.choices[0].deltas.get("reputation") == 4

    while not pt.session.finished:  # played to the ending with the edited file
        if isinstance(pilot.screen, SceneScreen) and pilot.screen.outcome is None:
            pilot.key(pygame.K_1)
        else:
            pilot.key(pygame.K_RETURN)
    [record] = records.playthroughs()
    assert record.finished and record.content_hash == third

    bakery_copy.write_text(edited + "\n# another note\n", encoding="utf-8")
    pilot.key(pygame.K_F5)  # a finished record keeps the version it was finished with
    [record] = records.playthroughs()
    assert record.finished and record.content_hash == third
