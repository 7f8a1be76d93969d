"""Words of the facilitated group play screens, in English and Spanish, and the projector theme."""

from __future__ import annotations

from typing import Any

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "discuss": "Discuss",
        "vote": "Vote",
        "reveal": "Reveal",
        "outcome": "Outcome",
        "debrief": "Group debrief",
        "question": "Question for the room",
        "no_question": "What would you say, and why?",
        "timer_hint": "Space: start the {time} discussion timer",
        "time_up": "Time's up",
        "turn": "Decision {n}",
        "votes_total": "{n} vote(s) entered",
        "majority": "Majority",
        "to_play": "To play",
        "tie": "A tie: press the number of the choice to play.",
        "no_votes": "No votes: press the number of the choice to play.",
        "overruled": "The facilitator's pick",
        "coach_best": "The coach's choice",
        "not_best": "The coach would have chosen:",
        "rules": "What else happened",
        "ending": "Ending",
        "metrics": "Where every metric ended",
        "played": "Played",
        "keys_discuss": "Space timer · Enter enter votes · Esc quit",
        "keys_vote": "Up/Down row · 0–9 type votes · + − adjust · Backspace delete · Enter reveal · Esc back",
        "keys_reveal": "Enter play · 1–9 play another choice · Esc edit votes",
        "keys_outcome": "Enter next scene",
        "keys_debrief": "Up/Down scroll · Esc quit",
        "votes": "votes",
    },
    "es": {
        "discuss": "Debate",
        "vote": "Votación",
        "reveal": "Resultado",
        "outcome": "Consecuencias",
        "debrief": "Repaso en grupo",
        "question": "Pregunta para la sala",
        "no_question": "¿Qué dirías tú, y por qué?",
        "timer_hint": "Espacio: iniciar {time} de debate",
        "time_up": "Se acabó el tiempo",
        "turn": "Decisión {n}",
        "votes_total": "{n} voto(s) anotados",
        "majority": "Mayoría",
        "to_play": "Se juega",
        "tie": "Empate: pulsa el número de la opción que se juega.",
        "no_votes": "Sin votos: pulsa el número de la opción que se juega.",
        "overruled": "Elección del formador",
        "coach_best": "La opción del coach",
        "not_best": "El coach habría elegido:",
        "rules": "Qué más pasó",
        "ending": "Final",
        "metrics": "Cómo terminó cada indicador",
        "played": "Jugada",
        "keys_discuss": "Espacio temporizador · Enter anotar votos · Esc salir",
        "keys_vote": "Arriba/Abajo fila · 0–9 votos · + − ajustar · Retroceso borrar · Enter mostrar · Esc volver",
        "keys_reveal": "Enter jugar · 1–9 jugar otra opción · Esc corregir votos",
        "keys_outcome": "Enter siguiente escena",
        "keys_debrief": "Arriba/Abajo desplazar · Esc salir",
        "votes": "votos",
    },
}


def words(language: str) -> dict[str, str]:
    """The screens' strings in ``language`` (English when unknown)."""
    return WORDS.get(language, WORDS["en"])


class _Colours:
    bg = (244, 239, 230)
    panel = (255, 253, 249)
    border = (226, 216, 200)
    text = (43, 38, 34)
    muted = (104, 96, 88)
    accent = (38, 104, 99)
    on_accent = (255, 255, 255)
    accent_soft = (222, 236, 233)
    highlight = (196, 104, 62)
    good = (36, 120, 72)
    bad = (178, 62, 44)
    styles = {
        "assertive": (38, 104, 99),
        "passive": (96, 112, 130),
        "aggressive": (178, 62, 44),
        "passive-aggressive": (128, 84, 146),
    }


class _FallbackTheme:
    """Used only when the game's own theme (game.ui.theme) is not available."""

    SIZES = {
        "display": 58,
        "h1": 36,
        "h2": 27,
        "h3": 23,
        "body": 22,
        "quote": 22,
        "small": 19,
        "label": 18,
        "button": 22,
        "number": 22,
    }

    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.scale = min(size[0] / 1280, size[1] / 720)
        self.colors = _Colours()

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale)) if value > 0 else round(value * self.scale)

    def font(self, role: str, shrink: float = 1.0) -> Any:
        import pygame

        font = pygame.font.Font(None, max(9, round(self.SIZES.get(role, 22) * 1.3 * 1.3 * self.scale * shrink)))
        font.set_bold(role in ("display", "h1", "h2", "h3", "label", "button", "number"))
        font.set_italic(role == "quote")
        return font

    def style_color(self, style: str) -> tuple[int, int, int]:
        return self.colors.styles.get(style, (110, 104, 98))


def projector_theme(size: tuple[int, int]) -> Any:
    """The game's theme at its largest text size (reused read-only), or a plain fallback."""
    try:
        from game.ui.theme import Theme

        theme = Theme(size, text_step=2)
        for name in ("colors", "font", "px", "style_color"):
            getattr(theme, name)
        return theme
    except Exception:  # noqa: BLE001 - any problem with the game's theme: use our own
        return _FallbackTheme(size)
