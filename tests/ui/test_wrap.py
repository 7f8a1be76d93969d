"""The window's text wrapping keeps a figure such as ``20 %`` on one line (real fonts, dummy video driver)."""

from __future__ import annotations

import pygame

from game.ui.text import wrap


def test_the_window_never_ends_a_line_with_a_number_whose_sign_is_on_the_next() -> None:
    pygame.font.init()
    font = pygame.font.Font(None, 24)
    text = "La tarifa urgente sube un 20 % desde el lunes y el anticipo es de 85\u202f000 €/mes."
    widest = max(font.size(word)[0] for word in ("85\u202f000 €/mes.", "urgente"))  # no word needs breaking
    for width in range(widest, font.size(text)[0] + 1, 3):  # every width: wherever the line happens to break
        lines = wrap(font, text, width)
        assert " ".join(lines).split() == text.split()  # nothing lost or reordered
        for line in lines:
            assert not line.startswith(("%", "€")), (width, lines)
