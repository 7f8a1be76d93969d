"""How the window's pixels reach the screen on X11: straight from the game's own surface, not through OpenGL.

The game draws in software (pygame surfaces). Given a window surface, SDL 2 on Linux may keep it as an
OpenGL texture and redraw the whole texture on every ``flip`` or ``update``, whatever part changed. Without a
GPU (software OpenGL such as Mesa's llvmpipe: virtual machines, remote desktops, Xvfb) that took about
15–20 ms of CPU a frame at 2560×1440, even to update a 10×10 corner. SDL's own X11 framebuffer (shared memory,
``XShmPutImage``) sends only the rectangles asked for: well under a millisecond for a whole frame, and
``pygame.display.update(rects)`` costs what the rectangles do. The pixels are the same either way.
"""

from __future__ import annotations

import os

import pygame

HINT = "SDL_FRAMEBUFFER_ACCELERATION"


def prefer_native() -> None:
    """Before the window opens: on X11, ask SDL for its own framebuffer instead of an OpenGL texture (unless
    the environment already says which, e.g. ``SDL_FRAMEBUFFER_ACCELERATION=1``)."""
    if HINT in os.environ or not pygame.display.get_init():
        return
    if pygame.display.get_driver() == "x11":
        os.environ[HINT] = "0"  # SDL reads its hints from the environment when it makes the window surface
