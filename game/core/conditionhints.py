"""What an author probably meant by a condition the evaluator refuses: ``&&`` for ``and``, ``=`` for ``==``.

Conditions are written by trainers, not programmers, and the mistakes are few and regular (spreadsheet and
programming habits). :func:`corrected` rewrites them into the condition language; the caller shows the
corrected condition as the hint ("write: revenue == 62000"), in the author's own names and numbers.
"""

from __future__ import annotations

import re

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\s*&&\s*"), " and "),
    (re.compile(r"\s*\|\|\s*"), " or "),
    (re.compile(r"!(?!=)\s*"), "not "),
    (re.compile(r"(?<![<>=!])=(?!=)"), "=="),
    (re.compile(r"\s*(?:==|!=)\s*(?:True|true|yes|Yes)\b"), ""),
    (re.compile(r"\b(\w+)\s*==\s*(?:False|false|no|No)\b"), r"not \1"),
    (re.compile(r"\b(\w+)\s*!=\s*(?:False|false|no|No)\b"), r"\1"),
    (re.compile(r"\bAND\b|\bAnd\b"), "and"),
    (re.compile(r"\bOR\b|\bOr\b"), "or"),
    (re.compile(r"\bNOT\b|\bNot\b"), "not"),
)
_THOUSANDS = re.compile(r"\b(\d+(?:\.\d+)?)\s*[kK]\b")  # 10k -> 10000, applied first (see corrected)


def _thousands(match: re.Match[str]) -> str:
    value = float(match.group(1)) * 1000
    return str(int(value)) if value.is_integer() else str(value)


def corrected(condition: str) -> str | None:
    """The condition with the usual slips put right, or None when there is nothing to put right."""
    text = condition.strip()
    fixed = _THOUSANDS.sub(_thousands, text)
    for pattern, replacement in _RULES:
        fixed = pattern.sub(replacement, fixed)
    fixed = re.sub(r"\s+", " ", fixed).strip()
    return fixed if fixed != re.sub(r"\s+", " ", text) else None


def explain(condition: str) -> str:
    """A hint for a condition that could not be read: the corrected condition when there is one, else the
    condition language in one line."""
    fixed = corrected(condition)
    if fixed is not None:
        return f"write: {fixed}"
    return (
        "a condition compares metrics and flags: revenue >= 50000 and not staff_quit "
        "(words and, or, not; signs < <= > >= == !=; whole numbers without 'k' or separators)"
    )
