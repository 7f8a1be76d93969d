"""A one-paragraph text field for the window: typed text arrives as SDL text input (so accents, dead keys and
input methods work), the text being composed by an input method is shown underlined until it is committed,
Backspace deletes, Enter submits. The caret stays at the end (no selection: the field holds one sentence).
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui import draw
from game.ui import text as txt
from game.ui.theme import Theme

#: Keys the field leaves to the screen while it has the focus (leaving it, moving on, full screen).
PASSED_ON = frozenset((pygame.K_ESCAPE, pygame.K_TAB, pygame.K_F11, pygame.K_UP, pygame.K_DOWN))


class TextField:
    """Text being typed, the input method's composition, and what Enter does."""

    def __init__(self, text: str = "", limit: int = 400, on_submit: Callable[[str], None] | None = None) -> None:
        self.text = text
        self.composing = ""  # an input method's text not yet committed (shown, never stored)
        self.limit = limit
        self.on_submit = on_submit
        self.active = False

    def start(self, rect: pygame.Rect | None = None) -> None:
        """Take the keyboard: SDL sends text input, and an input method puts its window near ``rect``."""
        self.active = True
        pygame.key.start_text_input()
        if rect is not None:
            pygame.key.set_text_input_rect(rect)

    def stop(self) -> None:
        """Give the keyboard back."""
        self.active = False
        self.composing = ""
        pygame.key.stop_text_input()

    def takes(self, event: pygame.event.Event) -> bool:
        """True when the field handles ``event`` while active (text and editing keys; not Esc, Tab, F11...)."""
        if not self.active:
            return False
        if event.type in (pygame.TEXTINPUT, pygame.TEXTEDITING):
            return True
        return event.type in (pygame.KEYDOWN, pygame.KEYUP) and getattr(event, "key", None) not in PASSED_ON

    def handle(self, event: pygame.event.Event) -> bool:
        """Apply one event; True when the text (or composition) changed or Enter submitted."""
        if event.type == pygame.TEXTEDITING:
            self.composing = str(getattr(event, "text", ""))
            return True
        if event.type == pygame.TEXTINPUT:
            self.composing = ""
            added = "".join(ch for ch in str(getattr(event, "text", "")) if ch.isprintable())
            room = self.limit - len(self.text)
            if added and room > 0:
                self.text += added[:room]
                return True
            return False
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == pygame.K_BACKSPACE and not self.composing:
            if self.text:
                self.text = self.text[:-1]
                return True
            return False
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and not self.composing:
            if self.on_submit is not None:
                self.on_submit(self.text)
            return True
        return False

    def measure(self, theme: Theme, width: int, shrink: float = 1.0) -> int:
        """The height the field needs at ``width`` (at least two lines)."""
        pad = theme.px(12)
        block = txt.layout(theme, self.shown() or "M", "body", width - 2 * pad, shrink)
        return 2 * pad + max(block.height, 2 * theme.line_height("body", shrink))

    def shown(self) -> str:
        """The text as drawn: what is typed, then what the input method is composing."""
        return self.text + self.composing

    def draw(
        self,
        surface: pygame.Surface,
        theme: Theme,
        rect: pygame.Rect,
        placeholder: str,
        focused: bool,
        shrink: float = 1.0,
    ) -> None:
        """The field's box, its text (or a muted placeholder), the composition underlined, and a steady caret
        (no blinking: an idle window draws nothing)."""
        c = theme.colors
        pad = theme.px(12)
        fill = c.panel if not focused else c.accent_soft
        draw.card(surface, theme, rect, fill=fill, elevation=0.3, radius=theme.px(10))
        pygame.draw.rect(
            surface, c.accent if focused else c.border, rect, width=max(1, theme.px(2)), border_radius=theme.px(10)
        )
        inner_w = rect.w - 2 * pad
        if not self.shown():
            block = txt.layout(theme, placeholder, "body", inner_w, shrink)
            txt.draw(surface, block, (rect.x + pad, rect.y + pad), c.muted)
            caret_xy = (rect.x + pad, rect.y + pad)
            line_h = block.font.get_height()
        else:
            block = txt.layout(theme, self.shown(), "body", inner_w, shrink)
            txt.draw(surface, block, (rect.x + pad, rect.y + pad), c.text)
            last = block.lines[-1] if block.lines else ""
            line_h = block.font.get_height()
            y = rect.y + pad + block.line_h * (len(block.lines) - 1)
            end_x = rect.x + pad + block.font.size(last)[0]
            if self.composing and self.composing in last:
                start_x = end_x - block.font.size(self.composing)[0]
                pygame.draw.line(surface, c.accent, (start_x, y + line_h), (end_x, y + line_h), max(1, theme.px(2)))
            caret_xy = (end_x + theme.px(2), y)
        if focused and self.active:
            x, y = caret_xy
            pygame.draw.line(surface, c.text, (x, y), (x, y + line_h), max(1, theme.px(2)))
