"""The fixed phrases of `sticky explore`, its strategy table and `sticky graph`: key -> (English, Spanish).

Read through :func:`game.authoring.messages.word`. ``{name}`` is filled in; ids, ratings and figures are
never translated. The English is exactly what the tools printed before they spoke Spanish.
"""

from __future__ import annotations

EXPLORE: dict[str, tuple[str, str]] = {
    "x.chance": ("chance", "azar"),
    "x.no_choice": ("(no choice)", "(ninguna opción)"),
    "x.complete": ("complete", "completa"),
    "x.stopped": ("STOPPED at the limit of {limit} states", "DETENIDA en el límite de {limit} estados"),
    "x.by_scene": ("scene by scene, at most {peak} held at once", "escena por escena, con {peak} a la vez como máximo"),
    "x.whole_graph": (
        "the whole state graph in memory, since a choice can lead back to an earlier scene",
        "todo el grafo de estados en memoria, porque una opción puede volver a una escena anterior",
    ),
    "x.states": (
        "  {states} distinct states ({how}), {seconds} s, {status}",
        "  {states} estados distintos ({how}), {seconds} s, {status}",
    ),
    "x.h_ending": ("ending", "final"),
    "x.h_rating": ("rating", "calificación"),
    "x.h_reached": ("reached", "se llega"),
    "x.h_paths": ("paths", "caminos"),
    "x.h_random": ("random play", "al azar"),
    "x.h_shortest": ("shortest path", "camino más corto"),
    "x.unbounded": ("unbounded", "sin límite"),
    "x.yes": ("yes", "sí"),
    "x.NO": ("NO", "NO"),
    "x.not_yet": ("not yet", "aún no"),
    "x.choices.one": ("{n} choice: {path}", "{n} opción: {path}"),
    "x.choices.other": ("{n} choices: {path}", "{n} opciones: {path}"),
    "x.metrics_at": (
        "  metrics at each ending (min / mean under random play / max):",
        "  métricas en cada final (mínimo / promedio jugando al azar / máximo):",
    ),
    "x.best_path": ("  best path ({ending}, {rating}): {path}", "  mejor camino ({ending}, {rating}): {path}"),
    "x.worst_path": ("  worst path ({ending}, {rating}): {path}", "  peor camino ({ending}, {rating}): {path}"),
    "x.ends_with": ("    ends with {metrics}", "    termina con {metrics}"),
    "x.coach_path": ("  coach's path: {path}", "  camino del coach: {path}"),
    "x.coach_ends": (
        "    ends with {metrics}; with chance: {odds}",
        "    termina con {metrics}; con el azar: {odds}",
    ),
    "x.no_ending": ("no ending", "ningún final"),
    "x.unguided": ("    no best choice offered in: {scenes}", "    sin mejor opción disponible en: {scenes}"),
    "x.soft_lock": (
        "  SOFT LOCK in scene '{scene}' ({states}): no choice is available",
        "  BLOQUEO en la escena '{scene}' ({states}): no hay ninguna opción disponible",
    ),
    "x.states.one": ("{n} state", "{n} estado"),
    "x.states.other": ("{n} states", "{n} estados"),
    "x.way_there": ("    shortest way there: {path}", "    camino más corto hasta allí: {path}"),
    "x.loop.one": (
        "  LOOP WITH NO WAY OUT: {n} state can never reach an ending, in scenes {scenes}",
        "  CICLO SIN SALIDA: {n} estado nunca llega a un final, en las escenas {scenes}",
    ),
    "x.loop.other": (
        "  LOOP WITH NO WAY OUT: {n} states can never reach an ending, in scenes {scenes}",
        "  CICLO SIN SALIDA: {n} estados nunca llegan a un final, en las escenas {scenes}",
    ),
    "x.never_ends": (
        "  a random player never finishes {share} of the time",
        "  quien juega al azar no termina nunca en el {share} de los casos",
    ),
    "x.never_offered": ("  choices never offered: {choices}", "  opciones que nunca se ofrecen: {choices}"),
    "x.scenes_never": ("  scenes never reached: {scenes}", "  escenas a las que nunca se llega: {scenes}"),
    "x.endings_never": ("  endings never reached: {endings}", "  finales a los que nunca se llega: {endings}"),
    "x.all_well": (
        "  no soft locks, every scene, ending and choice is reachable",
        "  ningún bloqueo; se llega a todas las escenas, finales y opciones",
    ),
    "x.depth": (
        "every path up to {depth} choices was followed",
        "se siguieron todos los caminos de hasta {depth} opciones",
    ),
    "x.stopped_in": (
        "scene by scene, in an order where every choice leads forward: it stopped in '{scene}'",
        "escena por escena, en un orden en que cada opción lleva hacia adelante: se detuvo en '{scene}'",
    ),
    "x.incomplete": (
        "  INCOMPLETE: the search stopped at {limit} states ({where}); the figures cover only that part and {share} "
        "of random play went further. Raise --max-states to go on.",
        "  INCOMPLETA: la búsqueda se detuvo en {limit} estados ({where}); las cifras solo cubren esa parte, y el "
        "{share} del juego al azar fue más allá. Sube --max-states para seguir.",
    ),
    "x.note_stopped": (
        "note: stopped at {limit} distinct states before the search was complete; the figures cover only the states "
        "visited (use --max-states to raise the limit)",
        "nota: se detuvo en {limit} estados distintos antes de completar la búsqueda; las cifras solo cubren los "
        "estados visitados (usa --max-states para subir el límite)",
    ),
    # the strategy table (game.authoring.strategy_report)
    "s.title": (
        "  strategies (chance followed: the best and worst rating each can reach; P(best): its probability):",
        "  estrategias (siguiendo el azar: la mejor y la peor calificación que cada una alcanza; "
        "P(best): su probabilidad):",
    ),
    "s.h_strategy": ("strategy", "estrategia"),
    "s.h_best": ("best", "mejor"),
    "s.h_worst": ("worst", "peor"),
    "s.h_path": ("a path to its best", "un camino a su mejor final"),
    "s.random": ("random play", "al azar"),
    "s.fixed_in": ("fixed order in {scenes}", "orden fijo en {scenes}"),
    "s.no_fixed": ("no scene fixes its order", "ninguna escena fija su orden"),
    "s.shuffled": (
        "  with the shown order shuffled ({how}), always pressing the same number:",
        "  con el orden mostrado al azar ({how}), presionando siempre el mismo número:",
    ),
    "s.estimated": (" (estimated from {runs} seeded runs)", " (estimado con {runs} partidas con semilla)"),
    "s.same": ("the same as", "igual que"),
    "s.above": ("above", "por encima de"),
    "s.below": ("below", "por debajo de"),
    "s.press": (
        "    press {k}: P(best) {p}{note}, {compared} random play ({random})",
        "    presionar {k}: P(best) {p}{note}, {compared} jugar al azar ({random})",
    ),
    "s.phases": (
        "  each decision phase played badly (every other choice there), the rest as the coach:",
        "  cada fase de decisión jugada mal (todas las demás opciones de esa fase), el resto como el coach:",
    ),
    "s.YES": ("YES", "SÍ"),
    "s.no": ("no", "no"),
    "s.reached": ("best reachable: {best}, worst: {worst}", "la mejor alcanzable: {best}, la peor: {worst}"),
    "s.eg": ("; e.g. {path}", "; por ejemplo, {path}"),
    "s.phase_row": (
        "    {phase}  still reaches a best-rated ending: {verdict}  ({reached}){tail}",
        "    {phase}  aun así llega a un final «best»: {verdict}  ({reached}){tail}",
    ),
    "s.warning": ("  warning {code}: {message}", "  aviso {code}: {message}"),
    "s.played_badly": ("{phase} played badly, the rest as the coach", "{phase} jugada mal, el resto como el coach"),
}

GRAPH: dict[str, tuple[str, str]] = {
    "g.ending": ("ending", "final"),
    "g.any": ("after any choice", "después de cualquier opción"),
    "g.when": ("when", "si"),
    "g.if": ("if", "si"),
    "g.otherwise": ("otherwise", "si no"),
    "g.text": ("text", "texto"),
    "g.title": ("title", "título"),
    "g.variants": ("{count} variants", "{count} variantes"),
    "g.rule": ("rule", "regla"),
    "g.every_time": ("every time", "cada vez"),
    "g.score": ("score", "puntuación"),
    "g.can_end": ("can end the game here", "puede terminar aquí la partida"),
}

COMMANDS: dict[str, tuple[str, str]] = {
    "t.same_language": (
        "error: the scenario is already in '{to}'; choose another language",
        "error: el escenario ya está en '{to}'; elige otro idioma",
    ),
    "t.not_written": (
        "the translation was not written: its own loader would refuse it",
        "no se escribió la traducción: el propio cargador la rechazaría",
    ),
    "t.not_changed": (
        "the translation was not changed; fix the errors above first",
        "la traducción no se modificó; corrige primero los errores de arriba",
    ),
    "t.cannot_write": (
        "error: cannot write the translation: {why}",
        "error: no se puede escribir la traducción: {why}",
    ),
    "t.wrote": (
        "wrote {path}: {kept}, {added}, {todo}, {stale}, {dropped}",
        "se escribió {path}: {kept}, {added}, {todo}, {stale}, {dropped}",
    ),
    "t.kept.one": ("{n} translated", "{n} traducido"),
    "t.kept.other": ("{n} translated", "{n} traducidos"),
    "t.added.one": ("{n} new to do", "{n} nuevo por traducir"),
    "t.added.other": ("{n} new to do", "{n} nuevos por traducir"),
    "t.todo.one": ("{n} still to do", "{n} aún por traducir"),
    "t.todo.other": ("{n} still to do", "{n} aún por traducir"),
    "t.stale.one": ("{n} stale", "{n} desactualizado"),
    "t.stale.other": ("{n} stale", "{n} desactualizados"),
    "t.dropped.one": ("{n} dropped", "{n} eliminado"),
    "t.dropped.other": ("{n} dropped", "{n} eliminados"),
    "t.next": (
        "translate the texts marked # TODO, check those marked # STALE, delete each marker when done,",
        "traduce los textos marcados # PENDIENTE, revisa los marcados # DESACTUALIZADO y borra cada marca al terminar;",
    ),
    "t.then": ("then run: sticky check {path}", "luego ejecuta: sticky --lang es check {path}"),
    # the comments `sticky translate` writes in the translation file (game.authoring.translate)
    "t.header": (
        "# The '{language}' text of {name}, kept by `sticky translate {name} --to {language}`.",
        "# El texto en '{language}' de {name}, mantenido con `sticky --lang es translate {name} --to {language}`.",
    ),
    "t.header_markers": (
        "# Translate the texts marked TODO and check those marked STALE, then delete the marker.",
        "# Traduce los textos marcados PENDIENTE, revisa los marcados DESACTUALIZADO y luego borra la marca.",
    ),
    "t.hashes": (
        "# fingerprints of the source texts translated; written by sticky translate",
        "# huellas de los textos originales traducidos; las escribe sticky translate",
    ),
    "t.todo_marker": ("# TODO: translate, then delete this marker", "# PENDIENTE: tradúcelo y luego borra esta marca"),
    "t.stale_marker": (
        "# STALE: the source text is now {text}; check the translation, then delete this marker",
        "# DESACTUALIZADO: el texto original ahora dice {text}; revisa la traducción y luego borra esta marca",
    ),
    "n.suffix": (
        "error: a scenario file name ends in .yaml",
        "error: el nombre de un archivo de escenario termina en .yaml",
    ),
    "n.title": (
        "error: --title takes one line of text (not empty, no control characters)",
        "error: --title lleva una línea de texto (no vacía, sin caracteres de control)",
    ),
    "n.exists": (
        "error: the file exists; choose another name or use --force",
        "error: el archivo ya existe; elige otro nombre o usa --force",
    ),
    "n.wrote": ("wrote {path}", "se escribió {path}"),
    "p.texts_json": (
        "error: --texts goes with --json (the texts are added to its JSON object)",
        "error: --texts va con --json (los textos se agregan a su objeto JSON)",
    ),
    "p.size": (
        "error: --size takes a size such as 1920x1080 (from 640x360 to 7680x4320)",
        "error: --size lleva un tamaño como 1920x1080 (de 640x360 a 7680x4320)",
    ),
    "p.ending": ("ending: {id} ({rating})", "final: {id} ({rating})"),
    "p.stopped": ("stopped in scene {scene}", "detenido en la escena {scene}"),
    "n.next": (
        "next: sticky check {path}   then: sticky play {path} --text",
        "ahora: sticky --lang es check {path}   luego: sticky play {path} --text",
    ),
    # the command line's own errors (game.cli): the data folder, paths and the standard output
    "cli.data_folder": (
        "error: cannot use the data folder {path}: {why}",
        "error: no se puede usar la carpeta de datos {path}: {why}",
    ),
    "cli.not_a_folder": (
        "there is a file or a device there, not a folder",
        "ahí hay un archivo o un dispositivo, no una carpeta",
    ),
    "cli.cannot_make": ("it can't be made ({why})", "no se puede crear ({why})"),
    "cli.data_empty": (
        "--data: give a folder's name (it was empty)",
        "--data: indica el nombre de una carpeta (vino vacío)",
    ),
    "cli.path_empty": (
        "a scenario path was empty; give a scenario file's path or a scenario's id",
        "una ruta de escenario vino vacía; indica la ruta de un archivo de escenario o el id de un escenario",
    ),
    "cli.file_error": ("error: {path}: {why}", "error: {path}: {why}"),
    "cli.output_failed": (
        "error: cannot write to the standard output: {why}",
        "error: no se puede escribir en la salida estándar: {why}",
    ),
    "cli.output_closed": ("the standard output is closed", "la salida estándar está cerrada"),
    "cli.whole_from": ("a whole number from {low} to {high}", "un número entero de {low} a {high}"),
    "cli.number_from": ("a number from {low} to {high}", "un número de {low} a {high}"),
    "cli.seed": (
        "a whole number of at most 19 digits (a seed is kept as a 64-bit number)",
        "un número entero de 19 cifras como mucho (la semilla se guarda como un número de 64 bits)",
    ),
}
