"""The speaker's face reacts (issue 20): the scene's mood and the reaction to a choice are the pictures on
screen, the change cross-fades briefly, and with reduced motion it is at once."""

from __future__ import annotations

import pygame
import pytest

from game.ui import assets, flow
from game.ui.face import FADE_SECONDS
from game.ui.playthrough import PRACTICE
from game.ui.screens.scene import SceneScreen
from tests.ui.conftest import DATA

pytestmark = pytest.mark.ui

FACES = DATA / "faces" / "faces.yaml"


def _card(pilot: object) -> bytes:
    """The middle of the speaker card (the portrait under the place's picture) as the learner sees it now."""
    card = pilot.screen.speaker  # type: ignore[attr-defined]
    pilot.app.draw()  # type: ignore[attr-defined]
    middle = pygame.Rect(card.x + card.w // 4, card.y + card.h // 20, card.w // 2, card.h * 6 // 10)
    return pygame.image.tobytes(pilot.app.surface.subsurface(middle), "RGB")  # type: ignore[attr-defined]


def _share_like(shot: bytes, face: bytes, other: bytes) -> float:
    """Of the channels where two faces differ clearly, the share where ``shot`` is nearer ``face``."""
    changed = [(x, y, z) for x, y, z in zip(shot, face, other, strict=True) if abs(y - z) > 24]
    assert changed, "the two faces look the same"
    return sum(1 for x, y, z in changed if abs(x - y) < abs(x - z)) / len(changed)


def _start(pilot: object, reduced: bool) -> SceneScreen:
    pilot.app.settings.reduced_motion = reduced  # type: ignore[attr-defined]
    assert flow.start(pilot.app, FACES, PRACTICE, seed=0)  # type: ignore[attr-defined]
    pilot.frame()  # type: ignore[attr-defined]
    screen = pilot.screen  # type: ignore[attr-defined]
    assert isinstance(screen, SceneScreen)
    return screen


def test_each_mood_has_its_own_picture_and_a_portrait_without_them_keeps_one() -> None:
    pictures = set()
    for mood in ("neutral", "pleased", "annoyed", "worried"):
        path = assets.mood_portrait("portraits/rick.png", mood, None)
        assert assets.resolve(path, None) is not None
        pictures.add(path)
    assert pictures == {"portraits/rick.png", "portraits/rick-pleased.png", "portraits/rick-annoyed.png",
                        "portraits/rick-worried.png"}  # fmt: skip
    # a scenario's own portrait with no mood files: the same picture for every mood
    assert assets.mood_portrait("portraits/nobody-here.png", "annoyed", DATA) == "portraits/nobody-here.png"


def test_the_face_cross_fades_from_the_scene_mood_to_the_reaction(make_app) -> None:
    pilot = make_app(typewriter=False)
    screen = _start(pilot, reduced=False)
    assert screen.face.drawn == ("worried", None, 1.0)  # the scene's mood: Kim is anxious
    worried = _card(pilot)
    pilot.choose("thank")  # reputation +5 and nothing else: pleased, by default
    assert screen.face.mood == "pleased" and screen.face.fading == "worried"
    first = _card(pilot)  # one frame after the choice
    pilot.frame(FADE_SECONDS / 2 - 1 / 60)
    halfway = _card(pilot)
    pilot.settle(FADE_SECONDS * 3)
    assert screen.face.drawn == ("pleased", None, 1.0)
    pleased = _card(pilot)
    assert _share_like(first, worried, pleased) > 0.9  # the fade starts from the face that was there
    assert 0.2 < _share_like(halfway, worried, pleased) < 0.8  # halfway, some of each
    assert _share_like(_card(pilot), pleased, worried) == 1.0


def test_a_named_mood_wins_and_reduced_motion_changes_at_once(make_app) -> None:
    pilot = make_app(typewriter=False)
    screen = _start(pilot, reduced=True)
    worried = _card(pilot)
    pilot.choose("refuse")  # reputation +2 would please; the author wrote annoyed
    assert screen.face.drawn == ("annoyed", None, 1.0)  # no fade at all
    first = _card(pilot)  # one frame after the choice
    pilot.settle(FADE_SECONDS * 3)
    assert _share_like(first, _card(pilot), worried) == 1.0  # already the new face
    assert not screen.update(0.05) or screen.anim < 1.0  # nothing of the face is left moving


def test_a_loss_of_money_worries(make_app) -> None:
    pilot = make_app(typewriter=False)
    screen = _start(pilot, reduced=True)
    pilot.choose("cave")
    assert screen.face.mood == "worried"
