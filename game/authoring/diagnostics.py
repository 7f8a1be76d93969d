"""Diagnostics: positioned, coded messages that loaders and checkers collect instead of raising.

Every diagnostic prints as ``path:line:col: error|warning CODE: message``. Codes are stable; the
catalogue below is the single list of them, and ``docs/diagnostics.md`` documents each with an example.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from game.core.source import Pos, did_you_mean
from game.core.visible import visible

__all__ = ["CODES", "Diagnostic", "DiagnosticBag", "Pos", "Severity", "did_you_mean", "known_list"]


class Severity(str, Enum):
    """How bad a diagnostic is: errors stop a scenario from loading, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


#: Every diagnostic code with its default severity and a short title.
CODES: dict[str, tuple[Severity, str]] = {
    # S1xx: the file itself and YAML syntax
    "S101": (Severity.ERROR, "YAML syntax error"),
    "S102": (Severity.ERROR, "file is not UTF-8 text"),
    "S103": (Severity.ERROR, "file is binary"),
    "S104": (Severity.ERROR, "file is empty"),
    "S105": (Severity.ERROR, "file is too large"),
    "S106": (Severity.ERROR, "nesting is too deep"),
    "S107": (Severity.ERROR, "too many YAML nodes or aliases (alias bomb)"),
    "S108": (Severity.ERROR, "unsafe YAML tag"),
    "S109": (Severity.ERROR, "unsupported YAML tag"),
    "S110": (Severity.ERROR, "duplicate key"),
    "S111": (Severity.ERROR, "tab character in indentation"),
    "S112": (Severity.ERROR, "more than one YAML document"),
    "S113": (Severity.ERROR, "file cannot be read"),
    "S114": (Severity.WARNING, "invisible control or direction character in text"),
    "S115": (Severity.WARNING, "text cut short by '#'"),
    # S2xx: structure and types
    "S201": (Severity.ERROR, "wrong type"),
    "S202": (Severity.ERROR, "missing required field"),
    "S203": (Severity.ERROR, "unknown field"),
    "S204": (Severity.ERROR, "invalid value"),
    "S205": (Severity.ERROR, "duplicate id"),
    "S206": (Severity.ERROR, "invalid id"),
    "S207": (Severity.ERROR, "invalid number"),
    "S208": (Severity.ERROR, "unsupported format version"),
    "S209": (Severity.ERROR, "choice has both next and chance, or neither"),
    "S210": (Severity.ERROR, "chance probabilities do not add up to 1"),
    "S211": (Severity.ERROR, "metric bounds are inconsistent"),
    "S212": (Severity.ERROR, "text variants are malformed"),
    "S213": (Severity.ERROR, "score or pass mark outside 0-1"),
    # S3xx: references
    "S301": (Severity.ERROR, "unknown scene or ending"),
    "S302": (Severity.ERROR, "unknown metric"),
    "S303": (Severity.ERROR, "unknown character"),
    "S304": (Severity.ERROR, "unknown flag"),
    "S305": (Severity.ERROR, "unknown place"),
    "S306": (Severity.ERROR, "unknown assertiveness style"),
    "S307": (Severity.ERROR, "unknown phase"),
    "S308": (Severity.ERROR, "unknown rating"),
    "S309": (Severity.ERROR, "unknown model-line part"),
    "S310": (Severity.ERROR, "unknown technique"),
    "S311": (Severity.ERROR, "unknown mood"),
    # S4xx: conditions
    "S401": (Severity.ERROR, "condition syntax error"),
    "S402": (Severity.ERROR, "forbidden construct in condition"),
    "S403": (Severity.ERROR, "unknown name in condition"),
    # S5xx: the scenario graph
    "S501": (Severity.WARNING, "scene is unreachable"),
    "S502": (Severity.ERROR, "scene has no way out"),
    "S503": (Severity.WARNING, "ending is never reached"),
    "S504": (Severity.ERROR, "no ending can be reached from here"),
    "S505": (Severity.WARNING, "conditional next has no fallback branch"),
    # S6xx: translations
    "S601": (Severity.WARNING, "text not translated"),
    "S602": (Severity.ERROR, "translation key does not exist in the scenario"),
    "S603": (Severity.ERROR, "translation is for another scenario"),
    "S604": (Severity.ERROR, "translation contains more than text"),
    "S605": (Severity.WARNING, "translation is stale: the source text changed"),
    # S7xx: paths and security
    "S701": (Severity.ERROR, "path escapes the scenario folder"),
    "S702": (Severity.WARNING, "file not found"),
    "S703": (Severity.WARNING, "image cannot be shown"),
    # S8xx: lint (`sticky check` only): teaching quality and dead content
    "S801": (Severity.WARNING, "choice has no coach feedback"),
    "S802": (Severity.WARNING, "text is empty or a placeholder"),
    "S803": (Severity.WARNING, "metric is declared but never used"),
    "S804": (Severity.WARNING, "flag is declared but never used"),
    "S805": (Severity.WARNING, "flag is read but never set"),
    "S806": (Severity.WARNING, "flag is set but never read"),
    "S807": (Severity.WARNING, "condition can never be true"),
    "S808": (Severity.WARNING, "condition is always true"),
    "S809": (Severity.WARNING, "a decision point is missing"),
    "S810": (Severity.WARNING, "decision scene has no best choice"),
    "S811": (Severity.WARNING, "decision scene has more than one best choice"),
    "S812": (Severity.WARNING, "text variant is never shown"),
    "S813": (Severity.WARNING, "metric label too long for the gauges"),
    # S82x: guessability (`sticky check` and `sticky explore`): can the best be found without thinking?
    "S820": (Severity.WARNING, "the best choice is usually the longest"),
    "S821": (Severity.WARNING, "the best choice always has the same style"),
    "S822": (Severity.WARNING, "the best choice is usually written first"),
    "S823": (Severity.WARNING, "a fixed strategy reaches the best ending"),
    "S824": (Severity.WARNING, "a decision phase cannot change the ending"),
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in a file."""

    code: str
    message: str
    pos: Pos
    severity: Severity = Severity.ERROR
    hint: str = ""

    def format(self) -> str:
        """The one-line form: ``path:line:col: error CODE: message``."""
        text = f"{visible(str(self.pos))}: {self.severity.value} {self.code}: {visible(self.message)}"
        return f"{text} ({visible(self.hint)})" if self.hint else text

    def to_json(self) -> dict[str, object]:
        """A plain-data form for ``--format json``."""
        return {
            "path": self.pos.path,
            "line": self.pos.line,
            "col": self.pos.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass
class DiagnosticBag:
    """Collects diagnostics; never raises."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, code: str, message: str, pos: Pos, hint: str = "", severity: Severity | None = None) -> None:
        """Record one diagnostic, with the code's default severity unless one is given."""
        default = CODES[code][0]
        self.items.append(Diagnostic(code, _short(message), pos, severity or default, _short(hint)))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        """Record several diagnostics."""
        self.items.extend(other)

    @property
    def errors(self) -> list[Diagnostic]:
        """Only the errors."""
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def has_errors(self) -> bool:
        """True when at least one error was recorded."""
        return any(d.severity is Severity.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        """Diagnostics in file order."""
        return sorted(self.items, key=lambda d: (d.pos.path, d.pos.line, d.pos.col, d.code))


MAX_MESSAGE = 300


def _short(text: str) -> str:
    """``text`` cut to MAX_MESSAGE characters: a message quotes what the author wrote, which may be 40 MB."""
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def known_list(candidates: Iterable[str], limit: int = 8) -> str:
    """A short "known: a, b, c" hint."""
    pool = sorted(candidates)
    shown = ", ".join(pool[:limit]) + (", …" if len(pool) > limit else "")
    return f"known: {shown}" if pool else "none are declared"
