"""``gc_paused()``: pauses the collector on the main thread only, restores it, and nests."""

from __future__ import annotations

import gc
import threading

import pytest

from game.core.gcpause import gc_paused


def test_the_main_thread_pauses_and_the_collector_comes_back_even_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(KeyError), gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # a pause inside a pause leaves it to the outer one
            assert not gc.isenabled()
        assert not gc.isenabled()
        raise KeyError("x")
    assert gc.isenabled()


def test_a_background_thread_never_pauses_the_collector() -> None:
    seen: list[bool] = []

    def work() -> None:
        with gc_paused():
            seen.append(gc.isenabled())

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [True] and gc.isenabled()
