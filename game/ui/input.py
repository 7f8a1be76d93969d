"""Keyboard, mouse and game controller events turned into a few actions every screen understands.

Keys: 1–9 pick, arrows and Tab move the focus, Enter/Space confirm, Esc goes back or pauses,
Backspace/Ctrl+Z undo, H history, F5 reload, F11 fullscreen. A controller's d-pad or left stick moves
the focus, A confirms, B goes back, Start pauses, Y undoes. Mouse: hover focuses, click activates,
the wheel scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

UP, DOWN, LEFT, RIGHT = "up", "down", "left", "right"
NEXT, PREV = "next", "prev"
CONFIRM, BACK, PAUSE = "confirm", "back", "pause"
PICK, UNDO, HISTORY, RELOAD, FULLSCREEN = "pick", "undo", "history", "reload", "fullscreen"
CLICK, HOVER, SCROLL, PAGE, ANY = "click", "hover", "scroll", "page", "any"

DIRECTIONS = (UP, DOWN, LEFT, RIGHT)

_KEYS: dict[int, str] = {
    pygame.K_UP: UP,
    pygame.K_DOWN: DOWN,
    pygame.K_LEFT: LEFT,
    pygame.K_RIGHT: RIGHT,
    pygame.K_RETURN: CONFIRM,
    pygame.K_KP_ENTER: CONFIRM,
    pygame.K_SPACE: CONFIRM,
    pygame.K_ESCAPE: BACK,
    pygame.K_BACKSPACE: UNDO,
    pygame.K_F5: RELOAD,
    pygame.K_F11: FULLSCREEN,
    pygame.K_h: HISTORY,
}

_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}

_STICK_ON, _STICK_OFF = 0.6, 0.3


@dataclass(frozen=True)
class Action:
    """What the player asked for: a kind, and a number or position when it needs one."""

    kind: str
    value: int = 0
    pos: tuple[int, int] = (0, 0)


class InputMapper:
    """Turns pygame events into actions, keeping the controller stick's state."""

    def __init__(self) -> None:
        self._stick: dict[tuple[int, int], int] = {}
        self.controllers: dict[int, object] = {}
        self._controller_ids: set[int] = set()

    def open_devices(self) -> None:
        """Open every connected game controller (joysticks are opened on their ``DEVICEADDED`` event)."""
        try:
            from pygame._sdl2 import controller

            controller.init()
            for index in range(controller.get_count()):
                self._open(index)
        except (ImportError, pygame.error):
            pass

    def _open(self, index: int) -> None:
        try:
            from pygame._sdl2 import controller

            if controller.is_controller(index):
                pad = controller.Controller(index)
                joy = pad.as_joystick()
                self._controller_ids.add(joy.get_instance_id())
                self.controllers[joy.get_instance_id()] = pad
            else:
                joy = pygame.joystick.Joystick(index)
                self.controllers[joy.get_instance_id()] = joy
        except (ImportError, pygame.error):
            pass

    def map(self, event: pygame.event.Event) -> list[Action]:
        """The actions an event stands for (often none)."""
        kind = event.type
        if kind == pygame.KEYDOWN:
            return self._key(event)
        if kind == pygame.MOUSEMOTION:
            return [Action(HOVER, pos=event.pos)]
        if kind == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return [Action(CLICK, pos=event.pos)]
        if kind == pygame.MOUSEWHEEL:
            return [Action(SCROLL, value=int(event.y))]
        if kind == pygame.CONTROLLERBUTTONDOWN:
            return self._pad_button(event.button)
        if kind == pygame.CONTROLLERAXISMOTION:
            return self._axis(event.instance_id, event.axis, event.value / 32767.0, controller=True)
        if kind in (pygame.CONTROLLERDEVICEADDED, pygame.JOYDEVICEADDED):
            self._open(event.device_index)
            return []
        if getattr(event, "instance_id", None) in self._controller_ids:
            return []  # a game controller also sends joystick events: use only its controller events
        if kind == pygame.JOYHATMOTION:
            x, y = event.value
            return [Action(d) for d, on in ((LEFT, x < 0), (RIGHT, x > 0), (UP, y > 0), (DOWN, y < 0)) if on]
        if kind == pygame.JOYBUTTONDOWN:
            return {0: [Action(CONFIRM)], 1: [Action(BACK)], 3: [Action(UNDO)], 7: [Action(PAUSE)]}.get(
                event.button, []
            )
        if kind == pygame.JOYAXISMOTION:
            return self._axis(event.instance_id, event.axis, event.value, controller=False)
        return []

    def _key(self, event: pygame.event.Event) -> list[Action]:
        key = event.key
        mods = getattr(event, "mod", 0)
        if key in _DIGITS:
            return [Action(PICK, _DIGITS[key])]
        if key == pygame.K_TAB:
            return [Action(PREV if mods & pygame.KMOD_SHIFT else NEXT)]
        if key == pygame.K_z and mods & pygame.KMOD_CTRL:
            return [Action(UNDO)]
        if key == pygame.K_u:
            return [Action(UNDO)]
        if key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            return [Action(PAGE, -1 if key == pygame.K_PAGEUP else 1)]
        found = _KEYS.get(key)
        return [Action(found)] if found else [Action(ANY)]

    def _pad_button(self, button: int) -> list[Action]:
        table = {
            pygame.CONTROLLER_BUTTON_A: CONFIRM,
            pygame.CONTROLLER_BUTTON_B: BACK,
            pygame.CONTROLLER_BUTTON_Y: UNDO,
            pygame.CONTROLLER_BUTTON_X: HISTORY,
            pygame.CONTROLLER_BUTTON_START: PAUSE,
            pygame.CONTROLLER_BUTTON_BACK: BACK,
            pygame.CONTROLLER_BUTTON_DPAD_UP: UP,
            pygame.CONTROLLER_BUTTON_DPAD_DOWN: DOWN,
            pygame.CONTROLLER_BUTTON_DPAD_LEFT: LEFT,
            pygame.CONTROLLER_BUTTON_DPAD_RIGHT: RIGHT,
            pygame.CONTROLLER_BUTTON_LEFTSHOULDER: PREV,
            pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: NEXT,
        }
        found = table.get(button)
        return [Action(found)] if found else []

    def _axis(self, device: int, axis: int, value: float, controller: bool) -> list[Action]:
        if axis not in (0, 1):
            return []
        key = (device, axis)
        held = self._stick.get(key, 0)
        if abs(value) < _STICK_OFF:
            self._stick[key] = 0
            return []
        if abs(value) < _STICK_ON:
            return []
        direction = 1 if value > 0 else -1
        if held == direction:
            return []
        self._stick[key] = direction
        if axis == 0:
            return [Action(RIGHT if direction > 0 else LEFT)]
        return [Action(DOWN if direction > 0 else UP)]
