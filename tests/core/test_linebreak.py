"""A figure such as ``20 %`` or ``85\u202f000 €/mes`` is never split across two lines, in the terminal or the window."""

from __future__ import annotations

import textwrap

from game.core.linebreak import NO_BREAK_SPACE, glued, words


def test_a_sign_after_a_number_stays_with_it() -> None:
    assert words("sube un 20 % más") == ["sube", "un", "20 %", "más"]
    assert words("85\u202f000 €/mes y 2,5 ‰") == ["85\u202f000 €/mes", "y", "2,5 ‰"]


def test_other_spaces_still_break() -> None:
    assert words("20% more, 5 apples, % alone, ten %") == ["20%", "more,", "5", "apples,", "%", "alone,", "ten", "%"]
    assert words("  two   spaces\tand a tab ") == ["two", "spaces", "and", "a", "tab"]


def test_glued_changes_only_the_spaces_inside_figures() -> None:
    text = "  1. un 20 % más, 3 €, 20% y   texto"
    assert glued(text) == f"  1. un 20{NO_BREAK_SPACE}% más, 3{NO_BREAK_SPACE}€, 20% y   texto"
    assert glued(text).replace(NO_BREAK_SPACE, " ") == text


def test_textwrap_no_longer_splits_a_spanish_percentage() -> None:
    text = "A partir del mes que viene, la tarifa urgente sube un 20 %."
    plain = textwrap.wrap(text, 56)
    assert plain[0].endswith(" 20")  # the bug: the sign alone at the start of the next line
    kept = [line.replace(NO_BREAK_SPACE, " ") for line in textwrap.wrap(glued(text), 56)]
    assert kept == ["A partir del mes que viene, la tarifa urgente sube un", "20 %."]
