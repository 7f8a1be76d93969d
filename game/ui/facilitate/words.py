"""Words of the facilitated group play screens, in English and Spanish, and the projector theme."""

from __future__ import annotations

from game.ui.theme import Theme

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


def projector_theme(size: tuple[int, int]) -> Theme:
    """The game's theme at its largest text size, for a window of ``size``."""
    return Theme(size, text_step=2)
