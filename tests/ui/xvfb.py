"""A private Xvfb server for the tests that need a real X window (not SDL's dummy driver)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def private_display(*tools: str) -> Iterator[str]:
    """Start Xvfb at 1280x720x24 on a free display and yield its name (``:N``); skip the test when Xvfb or one
    of ``tools`` is missing or the server does not start; stop it afterwards."""
    for tool in ("Xvfb", *tools):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (Debian: apt-get install xvfb xdotool x11-utils)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        number = pipe.readline().decode().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start here")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)
