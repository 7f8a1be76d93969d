"""The order a scene's choices are shown in: drawn from the session's seed, so a position tells nothing.

The order is a pure function of the seed, the turn and the scene (a counter-based draw, like chance's in
``game.core.rules.draw``): the same seed shows the same order in the window, the terminal, the projector and
a replay, and a save made before orders were saved gets the very order it would have shown. Each choice gets a
64-bit key from a hash of (seed, turn, scene, choice id) and the choices are sorted by key, which gives every
permutation the same probability. A scene written with ``order: fixed`` keeps the order of the file.
"""

from __future__ import annotations

import hashlib

from game.core.model import Scene


def _key(seed: int, turn: int, scene_id: str, choice_id: str) -> bytes:
    return hashlib.blake2b(f"{seed}:order:{turn}:{scene_id}:{choice_id}".encode(), digest_size=8).digest()


def shown_order(scene: Scene, seed: int, turn: int) -> tuple[str, ...]:
    """The ids of all of ``scene``'s choices in the order they are shown when the scene is reached after
    ``turn`` choices of a session seeded with ``seed`` (the order written for ``order: fixed``).

    Choices whose condition does not hold are left out when shown; the others keep their places in this order.
    """
    ids = tuple(c.id for c in scene.choices)
    if scene.order == "fixed" or len(ids) < 2:
        return ids
    return tuple(sorted(ids, key=lambda choice_id: _key(seed, turn, scene.id, choice_id)))


def is_order_of(scene: Scene, order: object) -> bool:
    """True when ``order`` (e.g. read from a save) lists each of ``scene``'s choice ids exactly once."""
    if not isinstance(order, (list, tuple)) or not all(isinstance(i, str) for i in order):
        return False
    return len(order) == len(scene.choices) and set(order) == {c.id for c in scene.choices}
