"""``gc_paused()``: the cyclic garbage collector paused around work that makes many acyclic objects."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block, then restore it.

    Loading, checking and exploring a scenario make hundreds of thousands (up to millions) of long-lived,
    acyclic objects; the collector's repeated walks over them would cost about as much as making them. The
    pause is process-wide, so it is taken only on the main thread (a background thread, such as the game's
    scenario catalogue, runs with the collector as it is), and only when the collector is on (a pause inside
    a pause leaves it to the outer one).
    """
    if threading.current_thread() is not threading.main_thread() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
