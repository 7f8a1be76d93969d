"""The speaker's face on the scene screen: which mood it shows, and a short cross-fade when it changes.

The scene screen says what the face should be (``show``); ``update`` moves the fade on and says whether it
is still moving (so the window keeps drawing). With reduced motion, or when the speaker changes, the new
face appears at once.
"""

from __future__ import annotations

from game.core.model import MOODS

#: How long the old expression takes to fade into the new one.
FADE_SECONDS = 0.4


class Face:
    """The mood shown for the current speaker and the one fading out."""

    def __init__(self) -> None:
        self.speaker: str | None = None
        self.mood: str = MOODS[0]
        self.fading: str | None = None
        self.progress = 1.0

    def show(self, speaker: str | None, mood: str, instant: bool) -> None:
        """Show ``speaker`` in ``mood``; cross-fade from the mood before when the same person changes face."""
        if speaker == self.speaker and mood == self.mood:
            return
        same_person = speaker == self.speaker and speaker is not None
        self.fading = self.mood if same_person and not instant else None
        self.progress = 1.0 if self.fading is None else 0.0
        self.speaker, self.mood = speaker, mood

    def update(self, dt: float) -> bool:
        """Move the fade on by ``dt`` seconds; True while it is still moving."""
        if self.fading is None:
            return False
        self.progress = min(1.0, self.progress + dt / FADE_SECONDS)
        if self.progress >= 1.0:
            self.fading = None
        return True

    @property
    def drawn(self) -> tuple[str, str | None, float]:
        """What ``hud.draw_speaker`` draws: (mood, mood fading out or None, progress)."""
        return (self.mood, self.fading, self.progress)
