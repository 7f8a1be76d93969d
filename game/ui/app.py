"""The game window: the main loop, the screen stack, settings, notices and the services screens share.

The loop redraws only when something changed or moves: when nothing animates it sleeps until the next
event (``game.ui.idle``: in the operating system where SDL can, else a frame at a time; near 0% CPU);
while something animates it runs at up to 60 fps. Tests and the screenshot renderer drive the same loop
one step at a time with ``pump``. Nothing but the title's needs comes before the first frame: the
scenario list starts loading, and controllers open, once it is on screen.
"""

from __future__ import annotations

import contextlib
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import locale
from game.paths import SCENARIOS, data_dir
from game.ui import input as inp
from game.ui import record_notice, screen_flow
from game.ui.assets import Sounds
from game.ui.catalogue import Catalogue, scenario_files
from game.ui.datalock import DataFolderLock
from game.ui.presses import PressGate
from game.ui.recorder import Recorder
from game.ui.screens.notice import Notice
from game.ui.storage import Progress, SaveSlot, Settings
from game.ui.theme import MIN_SIZE, Theme

if TYPE_CHECKING:
    from game.ui.idle import IdleWait
    from game.ui.playthrough import Playthrough, Services
    from game.ui.screen_results import ScreenResult
    from game.ui.screens.base import Screen

FPS = 60
IDLE_WAIT_MS = 1000


class App:
    """The window and everything the screens share."""

    def __init__(
        self,
        data: str | None = None,
        lang: str | None = None,
        size: tuple[int, int] = (1280, 720),
        scenario_folder: Path | None = None,
        records: bool = True,
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        self.folder = data_dir(data)
        self.settings = Settings.load(self.folder)
        if lang in ("en", "es"):
            self.settings.language = str(lang)
        locale.set_language(self.settings.language)
        self.windowed_size = size
        self.surface = self._open_window()
        pygame.display.set_caption(locale.tr("app.title"))
        pygame.key.set_repeat(380, 55)
        self.theme = Theme(self.surface.get_size(), self.settings.text_size, self.settings.high_contrast)
        self.input = inp.InputMapper()
        self.presses = PressGate()
        self.sounds = Sounds(self.settings.volume / 100)
        self.saves = SaveSlot(self.folder)
        self.progress = Progress.load(self.folder)
        self.recorder = Recorder(self.folder, enabled=records)
        self.autosave_told = False  # the learner was told once that an autosave failed (game.ui.record_notice)
        self.catalogue = Catalogue(self._scenario_files(scenario_folder))
        self.playthrough: Playthrough | None = None
        self.player: tuple[str, str] | None = None  # (name, cohort) once someone said who plays; "" = none given
        self.stack: list[Screen] = []
        self.notice: Notice | None = None
        self.notice_rect: pygame.Rect | None = None  # where the notice was last drawn
        self.running = True
        self.dirty = True
        self.now = 0.0
        self.frames = 0
        self.clock = pygame.time.Clock()
        self._first_frame_shown = False
        self._shown_changed = True  # the screens changed since the last whole frame: drop what it did not use
        self._base = 0  # the serial of the screen at the bottom of the stack in the last whole frame
        self._idle: IdleWait | None = None
        self.folder_lock = DataFolderLock(self.folder)  # one game per data folder: a second one does not autosave
        told = [
            locale.tr("files.defaults", file=name) for name in (self.settings.problem, self.progress.problem) if name
        ]
        # Another window holds the folder: no autosave until it closes; the first screen asks whether to wait.
        self.folder_question = not self.folder_lock.acquire()
        self.saves.paused = self.folder_question
        if told:
            self.show_notice("info", told[0], told[1:])

    # -- window ----------------------------------------------------------------------------------------

    def _scenario_files(self, folder: Path | None) -> list[Path]:
        """The picker's scenarios: ``folder`` when given (tests), else the shipped ones and the trainer's own
        folder (``sticky --scenarios DIR``), the shipped ones first; an own file with a shipped file's name
        is listed too (the picker tells them apart by title and path)."""
        if folder is not None:
            return scenario_files(folder)
        own = Path(self.settings.scenarios_folder) if self.settings.scenarios_folder else None
        return scenario_files(SCENARIOS) + (scenario_files(own) if own is not None else [])

    def _open_window(self) -> pygame.Surface:
        from game.ui.framebuffer import prefer_native

        prefer_native()
        if self.settings.fullscreen:
            try:
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error:
                self.settings.fullscreen = False
        surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        with contextlib.suppress(AttributeError, pygame.error), warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            pygame.Window.from_display_module().minimum_size = MIN_SIZE
        return surface

    def resize(self, size: tuple[int, int]) -> None:
        """Lay everything out again for a new window size."""
        if not self.settings.fullscreen:
            self.windowed_size = size
        self.surface = pygame.display.get_surface() or self.surface
        self.retheme()

    def retheme(self) -> None:
        """Rebuild the theme (size, text size, contrast) and lay out every screen again."""
        from game.ui import cache

        cache.clear_all()  # made for the old size or look: kept, they would only add to the new ones
        self.theme = Theme(self.surface.get_size(), self.settings.text_size, self.settings.high_contrast)
        for screen in self.stack:
            screen.relayout()
        self.shown_changed()

    def toggle_fullscreen(self) -> None:
        """Switch between a window and full screen (and remember it)."""
        self.settings.fullscreen = not self.settings.fullscreen
        self.surface = self._open_window()
        self.presses.release_all()  # the keys held while the window was remade may never send their key-up
        with contextlib.suppress(AttributeError, pygame.error), warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            pygame.Window.from_display_module().focus()  # the keyboard stays with the game's window
        self.save_settings()
        self.retheme()

    # -- services --------------------------------------------------------------------------------------
    def services(self) -> Services:
        """What a playthrough writes to."""
        from game.ui.playthrough import Services

        return Services(self.folder, self.saves, self.progress, self.recorder)

    def save_settings(self) -> None:
        """Persist the settings."""
        with contextlib.suppress(OSError):
            self.settings.save(self.folder)

    def apply_settings(self) -> None:
        """Apply changed settings everywhere: language, theme, sound volume; then save them."""
        locale.set_language(self.settings.language)
        pygame.display.set_caption(locale.tr("app.title"))
        if self.playthrough is not None and self.playthrough.language != self.settings.language:
            from game.ui import flow

            self.playthrough.set_language(self.settings.language)
            flow.tell_translation_problems(self)
        self.sounds.volume = self.settings.volume / 100
        self.save_settings()
        self.retheme()

    def play(self, name: str) -> None:
        """Play a UI sound (silently nothing without audio)."""
        self.sounds.play(name)

    def invalidate(self) -> None:
        """Ask for a redraw."""
        self.dirty = True

    def shown_changed(self) -> None:
        """Ask for a redraw of something new (another screen, new text): cached surfaces the next whole frame
        does not use are then dropped (``game.ui.cache.drop_unseen``)."""
        self._shown_changed = True
        self.dirty = True

    def show_notice(
        self, kind: str, message: str, lines: list[str] | None = None, seconds: float | None = None
    ) -> None:
        """Show a banner (errors stay until dismissed)."""
        until = self.now + seconds if seconds else None
        self.notice = Notice(kind, message, lines or [], until)
        self.invalidate()

    # -- screens ---------------------------------------------------------------------------------------
    @property
    def top(self) -> Screen | None:
        """The screen receiving input."""
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen) -> None:
        """Open a screen over the current one."""
        self.stack.append(screen)
        screen.relayout()
        self.shown_changed()

    def pop(self) -> None:
        """Close the top screen."""
        if len(self.stack) > 1:
            self.stack.pop().release()
            self.stack[-1].relayout()
        self.shown_changed()

    def goto(self, screen: Screen) -> None:
        """Replace the whole stack with one screen."""
        for old in self.stack:
            if old is not screen:
                old.release()
        self.stack = [screen]
        screen.relayout()
        if self.folder_question:  # asked once, over the first screen
            from game.ui.screens.busy import BusyFolderScreen

            self.folder_question = False
            self.push(BusyFolderScreen(self))
        self.shown_changed()

    def finish(self, screen: str, result: ScreenResult) -> None:
        """The screen named ``screen`` is done with ``result``: make the move ``game.ui.screen_flow`` declares."""
        screen_flow.route(self, screen, result)

    def find(self, kind: type) -> Screen | None:
        """The topmost screen of a class, if open."""
        return next((s for s in reversed(self.stack) if isinstance(s, kind)), None)

    # -- the loop --------------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        """Window events here; everything else becomes actions for the top screen."""
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            shown = pygame.display.get_surface()
            size = shown.get_size() if shown is not None else self.windowed_size
            if size != self.theme.size:
                self.resize(size)
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.invalidate()
            return
        if event.type == pygame.WINDOWFOCUSLOST:
            self.presses.release_all()
        top = self.top
        if top is not None and top.takes_text(event):  # a text field has the keyboard
            if self.presses.admit(event, [inp.Action(inp.ANY)], self.view(), typing=True):
                top.text_event(event)
                self.invalidate()
            return
        for action in self.presses.admit(event, self.input.map(event), self.view()):
            self.dispatch(action)

    def view(self) -> tuple[int, int]:
        """What the top screen shows now, as the press gate knows it (see ``game.ui.presses``)."""
        top = self.top
        return (top.serial, top.view) if top is not None else (0, 0)

    def dispatch(self, action: inp.Action) -> None:
        """Send one action to the top screen (after the app-wide ones)."""
        if action.kind == inp.FULLSCREEN:
            self.toggle_fullscreen()
            return
        if self.notice is not None and action.kind == inp.BACK and self.notice.until is None:
            self.notice = None
            self.invalidate()
            return
        screen = self.top
        if screen is not None:
            screen.handle(action)
            if action.kind != inp.HOVER or screen.focus_changed:
                self.invalidate()
            screen.focus_changed = False

    def update(self, dt: float) -> bool:
        """Advance animations by ``dt`` seconds; True while something moves."""
        self.now += dt
        record_notice.tell(self)  # records held up by a lock are written as it goes; problems are told once
        if self.notice is not None and self.notice.until is not None and self.now >= self.notice.until:
            self.notice = None
            self.invalidate()
        moving = False
        for screen in list(self.stack):
            moving = screen.update(dt) or moving
        return moving

    def _first_drawn(self) -> int:
        """The index of the last opaque screen of the stack: drawing starts there."""
        for index in range(len(self.stack) - 1, -1, -1):
            if not self.stack[index].overlay:
                return index
        return 0

    def draw(self) -> None:
        """Draw the stack from its last opaque screen up, then any notice."""
        self._draw_all()
        self.frames += 1
        self.presses.drawn(self.view())

    def draw_within(self, within: list[pygame.Rect]) -> None:
        """Draw as ``draw`` does, but only inside the rects ``within`` (the same drawing clipped to each: the
        pixels come out exactly as a whole redraw's)."""
        for rect in within:
            self.surface.set_clip(rect)
            self._draw_all()
        self.surface.set_clip(None)
        self.frames += 1
        self.presses.drawn(self.view())

    def _draw_all(self) -> None:
        start = self._first_drawn()
        self.notice_rect = None
        for index, screen in enumerate(self.stack[start:]):
            screen.draw(self.surface)
            if index == 0 and self.notice is not None:  # under any menu over the screen, below its top bar
                self._draw_notice(screen)
        if self.notice is not None and not self.stack:
            self._draw_notice(None)
        if self.stack:
            from game.ui.widgets import hint_bar

            top = self.stack[-1]
            hint_bar(self.surface, self.theme, top.hint(), over_scrim=top.overlay and len(self.stack) > 1)

    def _draw_notice(self, screen: Screen | None) -> None:
        """The notice over ``screen`` (the last opaque one), starting below its own top bar, if it has one."""
        from game.ui.screens.notice import draw_notice

        assert self.notice is not None
        top = screen.notice_top() if screen is not None else self.theme.margin // 2
        self.notice_rect = draw_notice(self.surface, self.theme, self.notice, top)

    def moving_rects(self) -> list[pygame.Rect] | None:
        """Where the window changes this frame when only animations moved it: the parts the one screen drawn
        says moved (``Screen.moving_rects``), inside the window; None when it all has to be drawn again
        (something asked for a redraw, a menu or more is drawn over a screen, the screen cannot tell)."""
        if self.dirty or not self._first_frame_shown or not self.stack or self._first_drawn() != len(self.stack) - 1:
            return None
        moved = self.stack[-1].moving_rects()
        if moved is None:
            return None
        window = self.surface.get_rect()
        return [clipped for rect in moved if (clipped := rect.clip(window)).w and clipped.h]

    def show(self) -> None:
        """Draw the screens and put them in the window: only the parts that moved when nothing else changed
        (``moving_rects``), else everything; after the first frame, start what the title screen never waits
        for (the scenario list loads in the background, controllers open)."""
        within = self.moving_rects()
        if within is None:
            from game.ui import cache

            trim = self._shown_changed
            self._shown_changed = False
            base = self.stack[0].serial if self.stack else 0
            if base != self._base:  # a new screen altogether: what the last one cached goes before it draws
                self._base = base
                cache.clear_all()
            if trim:
                cache.watch()
            self.draw()
            if trim:
                cache.drop_unseen()
                if self._first_frame_shown:  # (the first frame waits for nothing it does not need)
                    from game.ui.heap import give_back

                    give_back()  # what the last screen held, in the heap's small blocks, back to the system
            pygame.display.flip()
        elif within:
            self.draw_within(within)
            pygame.display.update(within)
        self.dirty = False
        if not self._first_frame_shown:
            from game.ui.heap import return_large_blocks

            self._first_frame_shown = True
            self.catalogue.load_async()
            self.input.open_devices()
            return_large_blocks()

    def idle_wait(self) -> IdleWait:
        """How the loop sleeps while nothing moves (chosen once, after the window is open)."""
        if self._idle is None:
            from game.ui.idle import IdleWait

            self._idle = IdleWait()
        return self._idle

    def pump(self, dt: float = 1 / FPS) -> None:
        """One step without waiting: handle queued events, advance ``dt``, draw if needed."""
        for event in pygame.event.get():
            self.handle_event(event)
        moving = self.update(dt)
        if moving or self.dirty:
            self.show()

    def run(self) -> int:
        """The main loop until the player quits; returns the exit status."""
        moving = True
        last = time.perf_counter()
        while self.running:
            if moving or self.dirty:
                events = pygame.event.get()
            else:
                self.sounds.rest_if_quiet()
                timeout = IDLE_WAIT_MS
                if self.notice is not None and self.notice.until is not None:
                    timeout = max(10, min(timeout, int((self.notice.until - self.now) * 1000)))
                events = self.idle_wait().wait(timeout)
                slept = time.perf_counter() - last
                last = time.perf_counter()  # time asleep is not animation time, but the clock goes on
                self.now += slept  # (a notice that hides itself after 5 s hides while nothing moves)
            for event in events:
                self.handle_event(event)
            now = time.perf_counter()
            dt, last = min(now - last, 0.1), now
            moving = self.update(dt)
            if moving or self.dirty:
                self.show()
            if moving:
                self.clock.tick(FPS)
        self.close()
        return 0

    def close(self) -> None:
        """Release records (after marking an unfinished playthrough as left), audio and the window."""
        if self.playthrough is not None:
            self.playthrough.leave()
        self.recorder.close()
        if self.playthrough is not None:  # a lock that went as the game closed: the save names the record
            self.playthrough.save_record()
        self.sounds.close()
        self.folder_lock.release()
        pygame.display.quit()
