"""The report's own sentences in English and Spanish; the names of styles, phases and ratings, counted
words and colours come from the game's vocabulary (``game.locale``) and palette (``game.locale.palette``)."""

from __future__ import annotations

from game.core.model import PHASES, RATINGS, STYLES
from game.locale import LANGUAGES, palette, phase_name, rating_name, style_name
from game.locale.palette import hex_colour

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "brand": "Sticky Situations",
        "doc_title": "Sticky Situations — trainer's report",
        "heading": "Trainer's report",
        "generated.one": "Generated {date} from {n} playthrough.",
        "generated.other": "Generated {date} from {n} playthroughs.",
        "cohort": "Cohort",
        "no_cohort": "No cohort code",
        "contents": "Contents",
        "played": "Playthroughs",
        "learners": "Learners",
        "finished": "Reached an ending",
        "median_time": "Median decision time",
        "endings": "Endings reached",
        "endings_note": "How each playthrough ended. Ratings run from best to bad.",
        "trajectories": "Average metrics over the turns",
        "trajectories_note": "Bold line: the group's average after each choice; faint lines: each playthrough. "
        "The coloured line says whether the average change was better or worse for that metric.",
        "profile": "Assertiveness profile",
        "profile_note": "Share of choices in each style, for the whole group and for each learner.",
        "group": "Whole group",
        "struggles": "Where the group struggled most",
        "struggles_note": "Decision points with the lowest share of the coach's best choice: good places to start "
        "the debrief.",
        "best_taken": "took the coach's best choice",
        "coach": "The coach's choice",
        "why": "Why",
        "distribution": "Choices at every scene",
        "distribution_note": "★ marks the coach's best choice. Votes are from facilitated group play; ▶ marks "
        "the choice the room played.",
        "commitments": "Commitments",
        "commitments_note": "What each learner wrote on the debrief's last page: the limit they will state, "
        "to whom, and by when.",
        "choice": "Choice",
        "style": "Style",
        "taken": "Taken",
        "votes": "Group votes",
        "nothing": "No playthroughs recorded yet.",
        "unknown_scenario": "The scenario file for this version was not found; ids are shown instead of text.",
        "turn": "turn",
        "lower_better": "lower is better",
        "did": "What it did (average)",
        "answers": "answers",
        "of": "of",
        "group_sessions": "Group sessions",
        "cohorts": "Cohorts",
        "overview": "Overview",
        "overview_note": "Every scenario in this report, the individual playthroughs only (group sessions "
        "are rooms, not learners).",
        "rollup": "The decision points across scenarios",
        "rollup_note": "Mean score at each decision point (1 = the coach's best choice every time) and "
        "how often the coach's best choice was made there, per scenario and for all of "
        "them.",
        "all_scenarios": "All scenarios",
        "best_made": "best choice {n} of {d}",
        "compare": "Cohorts side by side",
        "compare_note": "The same scenario in each cohort (individual playthroughs): endings, mean scores"
        " per decision point and the style profile.",
        "overall_score": "Overall score",
        "passed": "Reached the pass mark",
        "answers_split": "{n} {individual}, {r} {group}",
        "individual_one": "individual",
        "individual_many": "individual",
        "group_word": "group",
        "room_line": "{room} (group, {v} {votes}{split}): {share} for the coach's choice; the room played: {played}",
        "sources": "Where the votes came from",
        "source_line": "{room}: {v} {votes}: {split}",
        "from_phones.one": "{n} from a phone",
        "from_phones.other": "{n} from phones",
        "in_room.one": "{n} counted in the room",
        "in_room.other": "{n} counted in the room",
        "source_unknown": "not recorded how many came from phones",
        "learner_pages": "Learners",
        "learner_pages_note": "One page per learner: every attempt in the order played, with its ending and its"
        " scores per decision point, and the commitments written after the debrief. "
        "Private: share each page only with its learner.",
        "date": "Date",
        "scenario": "Scenario",
        "attempt": "Attempt",
        "ending": "Ending",
        "no_ending": "not finished",
        "score_over": "overall score at each attempt",
        "attempt_word": "attempt",
        "room_votes": "Room votes (group sessions)",
        "played_by_room": "played by the room",
        "vote_one": "vote",
        "answer_one": "answer",
        "vote_many": "votes",
        "footer": "Sticky Situations · a report for trainers · works offline, no data leaves this file.",
    },
    "es": {
        "brand": "Situaciones espinosas",
        "doc_title": "Situaciones espinosas — informe para quien facilita",
        "heading": "Informe para quien facilita",
        "generated.one": "Generado el {date} a partir de {n} partida.",
        "generated.other": "Generado el {date} a partir de {n} partidas.",
        "cohort": "Grupo",
        "no_cohort": "Sin código de grupo",
        "contents": "Contenido",
        "played": "Partidas",
        "learners": "Participantes",
        "finished": "Llegaron a un final",
        "median_time": "Mediana del tiempo por decisión",
        "endings": "Finales alcanzados",
        "endings_note": "Cómo terminó cada partida, de un resultado excelente a uno malo.",
        "trajectories": "Evolución media de los indicadores",
        "trajectories_note": "Línea gruesa: la media del grupo tras cada decisión; líneas tenues: cada partida. "
        "La línea de color indica si el cambio medio fue mejor o peor para ese indicador.",
        "profile": "Perfil de asertividad",
        "profile_note": "Proporción de decisiones de cada estilo, del grupo entero y de cada participante.",
        "group": "Todo el grupo",
        "struggles": "Dónde le costó más al grupo",
        "struggles_note": "Los momentos de decisión con menos elecciones de la mejor opción según el coach: "
        "buenos puntos de partida para el debate.",
        "best_taken": "eligió la mejor opción del coach",
        "coach": "La opción del coach",
        "why": "Por qué",
        "distribution": "Decisiones en cada escena",
        "distribution_note": "★ señala la mejor opción según el coach. Los votos son del juego en grupo; ▶ señala "
        "la opción que jugó la sala.",
        "commitments": "Compromisos",
        "commitments_note": "Lo que cada participante escribió en la última página del análisis: el límite que va a "
        "plantear, a quién y para cuándo.",
        "choice": "Opción",
        "style": "Estilo",
        "taken": "Elegida",
        "votes": "Votos del grupo",
        "nothing": "Aún no hay partidas registradas.",
        "unknown_scenario": "No se encontró el archivo de esta versión del escenario; se muestran los ids.",
        "turn": "decisión",
        "lower_better": "cuanto menos, mejor",
        "did": "Qué provocó (media)",
        "answers": "respuestas",
        "of": "de",
        "group_sessions": "Sesiones en grupo",
        "cohorts": "Grupos",
        "overview": "Resumen",
        "overview_note": "Todos los escenarios de este informe, solo las partidas individuales (las "
        "sesiones en grupo son salas, no participantes).",
        "rollup": "Los momentos de decisión en todos los escenarios",
        "rollup_note": "Puntuación media en cada momento de decisión (1 = siempre la mejor opción del "
        "coach) y cuántas veces se eligió allí la mejor opción del coach, por escenario y"
        " en total.",
        "all_scenarios": "Todos los escenarios",
        "best_made": "mejor opción {n} de {d}",
        "compare": "Grupos lado a lado",
        "compare_note": "El mismo escenario en cada grupo (partidas individuales): finales, puntuación "
        "media por momento de decisión y perfil de estilos.",
        "overall_score": "Puntuación global",
        "passed": "Alcanzaron el aprobado",
        "answers_split": "{n} {individual}, {r} {group}",
        "individual_one": "individual",
        "individual_many": "individuales",
        "group_word": "en grupo",
        "room_line": "{room} (en grupo, {v} {votes}{split}): {share} para la opción del coach; la sala jugó: {played}",
        "sources": "De dónde vinieron los votos",
        "source_line": "{room}: {v} {votes}: {split}",
        "from_phones.one": "{n} por teléfono",
        "from_phones.other": "{n} por teléfono",
        "in_room.one": "{n} contado en la sala",
        "in_room.other": "{n} contados en la sala",
        "source_unknown": "no se registró cuántos llegaron por teléfono",
        "learner_pages": "Participantes",
        "learner_pages_note": "Una página por participante: cada intento en el orden en que se jugó, con su "
        "final y sus puntuaciones por momento de decisión, y los compromisos escritos "
        "tras el análisis. Es privada: compartan cada página solo con su participante.",
        "date": "Fecha",
        "scenario": "Escenario",
        "attempt": "Intento",
        "ending": "Final",
        "no_ending": "sin terminar",
        "score_over": "puntuación global en cada intento",
        "attempt_word": "intento",
        "room_votes": "Votos de la sala (sesiones en grupo)",
        "played_by_room": "la jugó la sala",
        "vote_one": "voto",
        "answer_one": "respuesta",
        "vote_many": "votos",
        "footer": "Situaciones espinosas · informe para quien facilita · funciona sin conexión; "
        "ningún dato sale de este archivo.",
    },
}

# The names and colours of styles, phases and ratings are not the report's own: they are the game's
# vocabulary (game.locale) and palette (game.locale.palette), read through the functions below. The
# ``*_NAMES`` and ``*_COLOURS`` mappings are views built from them, kept so that ``name_of(STYLE_NAMES, ...)``
# and ``STYLE_COLOURS[style]`` keep working; they hold no word or colour of their own.

STYLE_NAMES: dict[str, dict[str, str]] = {lang: {s: style_name(lang, s) for s in STYLES} for lang in LANGUAGES}
PHASE_NAMES: dict[str, dict[str, str]] = {lang: {p: phase_name(lang, p) for p in PHASES} for lang in LANGUAGES}
RATING_NAMES: dict[str, dict[str, str]] = {lang: {r: rating_name(lang, r) for r in RATINGS} for lang in LANGUAGES}

#: Colours per style as CSS hex (always shown together with the style's name).
STYLE_COLOURS: dict[str, str] = {s: hex_colour(c) for s, c in palette.STYLE_COLOURS["normal"].items()}
RATING_COLOURS: dict[str, str] = {r: hex_colour(c) for r, c in palette.RATING_COLOURS["normal"].items()}
METRIC_COLOURS: tuple[str, ...] = tuple(hex_colour(c) for c in palette.SERIES_COLOURS["normal"])
#: The colour of a style or rating the palette does not know.
UNKNOWN_COLOUR = hex_colour(palette.UNKNOWN["normal"])


def words(language: str) -> dict[str, str]:
    """The report's strings in ``language`` (English when unknown)."""
    return TEXT.get(language, TEXT["en"])


def name_of(table: dict[str, dict[str, str]], language: str, key: str) -> str:
    """A style, phase or rating name in ``language``, or the key itself (prefer ``game.locale.style_name``,
    ``phase_name`` and ``rating_name``, which this reads)."""
    return table.get(language, table["en"]).get(key, key)
