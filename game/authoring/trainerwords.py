"""The trainer commands' own words (`records`, `report`, `export`, `xapi`, `facilitate`): key -> (English, Spanish).

Two tables, read through :mod:`game.authoring.messages`:

- :data:`TRAINER`: the phrases the commands print themselves (``word``, ``counted``); ``{name}`` is filled in.
- :data:`TRAINER_MESSAGES`: messages built in English by ``game.training`` (a refused record, a damaged
  database, a name that can't be recorded); ``trainer_message`` recognizes a finished one by its template and
  rebuilds it in Spanish. Placeholders named in ``NESTED`` hold another message of this table, translated in turn.

Ids, names, paths, ratings and figures are never translated. The English is exactly what the commands printed
before they spoke Spanish. Spanish is neutral: *tú* to the trainer, *ustedes* to a room.
"""

from __future__ import annotations

TRAINER: dict[str, tuple[str, str]] = {
    # sticky records list
    "rec.unfinished": ("unfinished", "sin terminar"),
    "rec.list.choices.one": ("choice", "opción"),
    "rec.list.choices.other": ("choices", "opciones"),
    "rec.list.in": ("{count} in {path}", "{count} en {path}"),
    # sticky records play
    "rec.seconds_range": (
        "error: --seconds takes numbers of seconds from 0 to {max}, separated by commas",
        "error: --seconds lleva cantidades de segundos de 0 a {max}, separadas por comas",
    ),
    "rec.choice_refused": (
        "{path}: error: {why} (playthrough {pid} stays unfinished)",
        "{path}: error: {why} (la partida {pid} queda sin terminar)",
    ),
    "rec.finished": ("playthrough {pid} finished: {ending}", "partida {pid} terminada: {ending}"),
    "rec.unfinished_in": (
        "playthrough {pid} recorded, unfinished in scene {scene}",
        "partida {pid} registrada, sin terminar en la escena {scene}",
    ),
    "rec.after.one": ("{n} choice", "{n} opción"),
    "rec.after.other": ("{n} choices", "{n} opciones"),
    "rec.ended_early": (
        "{path}: error: the playthrough ended after {after}; {first} could not be played "
        "(playthrough {pid} is recorded as finished)",
        "{path}: error: la partida terminó después de {after}; no se pudo jugar {first} "
        "(la partida {pid} queda registrada como terminada)",
    ),
    "rec.ended_early_more": (
        "{path}: error: the playthrough ended after {after}; {first} and {more} more could not be played "
        "(playthrough {pid} is recorded as finished)",
        "{path}: error: la partida terminó después de {after}; no se pudieron jugar {first} y {more} más "
        "(la partida {pid} queda registrada como terminada)",
    ),
    # sticky records learner / learners
    "rec.profile_cleared": (
        "learner profile cleared: the game records as 'anonymous'",
        "perfil de participante borrado: el juego registra las partidas como 'anonymous'",
    ),
    "rec.learner_line": ("learner: {learner} · cohort: {cohort}", "participante: {learner} · grupo: {cohort}"),
    "rec.room_cleared": (
        "room cleared: the window asks for any name and cohort",
        "sala borrada: la ventana pide cualquier nombre y grupo",
    ),
    "rec.no_room_was": (
        "no room was set up: the window asks for any name and cohort",
        "no había ninguna sala configurada: la ventana pide cualquier nombre y grupo",
    ),
    "rec.room_needs_cohort": (
        "error: give the room's cohort: sticky records learners --cohort CODE NAME…",
        "error: indica el grupo de la sala: sticky records learners --cohort CÓDIGO NOMBRE…",
    ),
    "rec.no_room": (
        "no room set up: the window asks for any name and cohort (set one: --cohort CODE NAME…)",
        "no hay ninguna sala configurada: la ventana pide cualquier nombre y grupo "
        "(para configurar una: --cohort CÓDIGO NOMBRE…)",
    ),
    "rec.any_name": ("any name (none listed)", "cualquier nombre (no hay ninguno en la lista)"),
    "rec.room_line": (
        "cohort: {cohort} (locked) · learners: {names}",
        "grupo: {cohort} (fijo) · participantes: {names}",
    ),
    # sticky records export / import
    "rec.error": ("error: {why}", "error: {why}"),
    "rec.file_error": ("{path}: error: {why}", "{path}: error: {why}"),
    "rec.stdout": ("(standard output)", "(salida estándar)"),
    "rec.exported.one": ("{where}: {n} playthrough exported", "{where}: {n} partida exportada"),
    "rec.exported.other": ("{where}: {n} playthroughs exported", "{where}: {n} partidas exportadas"),
    "rec.no_such_file": ("no such file", "no existe ese archivo"),
    "rec.cant_read": ("can't be read ({why})", "no se puede leer ({why})"),
    "rec.is_folder": (
        "is a folder; give the export files in it",
        "es una carpeta; indica los archivos exportados que contiene",
    ),
    "rec.not_regular": (
        "is not a regular file (a device or a pipe); export files are read from disk",
        "no es un archivo común (es un dispositivo o una tubería); los archivos exportados se leen del disco",
    ),
    "rec.unlisted.one": (
        "{path}: … and {n} more line like these, not listed",
        "{path}: … y {n} línea más como estas, que no se muestra",
    ),
    "rec.unlisted.other": (
        "{path}: … and {n} more lines like these, not listed",
        "{path}: … y {n} líneas más como estas, que no se muestran",
    ),
    "rec.added.one": ("{path}: {n} playthrough added", "{path}: {n} partida agregada"),
    "rec.added.other": ("{path}: {n} playthroughs added", "{path}: {n} partidas agregadas"),
    "rec.here.other": (", {n} already here", ", {n} ya estaban aquí"),
    "rec.here.one": (", {n} already here", ", {n} ya estaba aquí"),
    "rec.updated.other": (
        ", {n} updated (newer than the copy here)",
        ", {n} actualizadas (más nuevas que la copia de aquí)",
    ),
    "rec.updated.one": (
        ", {n} updated (newer than the copy here)",
        ", {n} actualizada (más nueva que la copia de aquí)",
    ),
    "rec.in_conflict": (
        ", {n} in conflict with the copy here (kept the copy here)",
        ", {n} en conflicto con la copia de aquí (se conservó la copia de aquí)",
    ),
    "rec.refused.other": (", {n} refused", ", {n} rechazadas"),
    "rec.refused.one": (", {n} refused", ", {n} rechazada"),
    # sticky records recover
    "rec.saved.one": ("{path}: {n} playthrough saved", "{path}: {n} partida guardada"),
    "rec.saved.other": ("{path}: {n} playthroughs saved", "{path}: {n} partidas guardadas"),
    "rec.dropped.one": ("; {n} could not be read and were left out", "; {n} no se pudo leer y quedó fuera"),
    "rec.dropped.other": ("; {n} could not be read and were left out", "; {n} no se pudieron leer y quedaron fuera"),
    "rec.partial.one": (
        "; {n} of them lost some choices (ending and scores kept; a replay won't match)",
        "; {n} de ellas perdió algunas opciones (se conservan el final y los puntajes; `sticky replay` no "
        "coincidirá con el registro)",
    ),
    "rec.partial.other": (
        "; {n} of them lost some choices (ending and scores kept; a replay won't match)",
        "; {n} de ellas perdieron algunas opciones (se conservan el final y los puntajes; `sticky replay` no "
        "coincidirá con el registro)",
    ),
    "rec.unreadable_tables": (
        "warning: nothing could be read from: {tables}",
        "aviso: no se pudo leer nada de: {tables}",
    ),
    "rec.kept": (
        "{path} is kept as it was. To use the saved records, move it away and rename the new file to {name}; "
        "then `sticky records import` any exports made since your last backup.",
        "{path} se conserva tal como estaba. Para usar los registros guardados, muévelo a otro lugar y cambia el "
        "nombre del archivo nuevo a {name}; luego importa con `sticky records import` las exportaciones hechas "
        "desde tu última copia de seguridad.",
    ),
    # sticky report / sticky export
    "rec.report": ("{where}: {runs}, {cohorts}, {size} KiB", "{where}: {runs}, {cohorts}, {size} KiB"),
    "rec.since_alone": ("error: --since goes with --from-lrs", "error: --since va con --from-lrs"),
    "rec.from_lrs": ("{where}: {runs} from the LRS, {cohorts}{note}", "{where}: {runs} del LRS, {cohorts}{note}"),
    "rec.other_sources": ("; {statements} of other sources skipped", "; se omitieron {statements} de otras fuentes"),
    "rec.not_a_folder": ("error: {path} exists and is not a folder", "error: {path} existe y no es una carpeta"),
    # sticky facilitate
    "rec.window": (
        "error: --window takes a size such as 1920x1080 (from 640x360 to 7680x4320)",
        "error: --window lleva un tamaño como 1920x1080 (de 640x360 a 7680x4320)",
    ),
    "rec.countdown": (
        "error: --countdown takes seconds from 0 to {max} (an hour)",
        "error: --countdown lleva segundos de 0 a {max} (una hora)",
    ),
    "rec.port": ("error: --port takes a number from 0 to {max}", "error: --port lleva un número de 0 a {max}"),
    "rec.cant_serve": (
        "error: can't serve phone votes on {host}:{port}: {why}",
        "error: no se pueden recibir votos de teléfonos en {host}:{port}: {why}",
    ),
    "rec.port_hint": (
        "hint: another program may use that port; try --port 0 for a free one",
        "sugerencia: puede que otro programa use ese puerto; prueba --port 0 para usar uno libre",
    ),
    "rec.phones": (
        "phones: open {address} and type room code {code} (or scan the QR code)",
        "teléfonos: abran {address} y escriban el código de sala {code} (o escaneen el código QR)",
    ),
    "rec.group_ending": ("ending {id} ({rating})", "final {id} ({rating})"),
    "rec.group_stopped": ("stopped in scene {scene}", "detenida en la escena {scene}"),
    "rec.group_recorded": (", recorded as playthrough {pid}", ", registrada como partida {pid}"),
    "rec.group": ("group session: {decisions}, {where}{recorded}", "sesión grupal: {decisions}, {where}{recorded}"),
    # sticky xapi
    "rec.status.queued": ("queued", "en cola"),
    "rec.status.sent": ("sent", "enviadas"),
    "rec.status.conflict": ("conflict", "en conflicto"),
    "rec.status.rejected": ("rejected", "rechazadas"),
    "rec.lrs": ("LRS: {endpoint}", "LRS: {endpoint}"),
    "rec.lrs_none": (
        "LRS: not configured (statements wait in the outbox)",
        "LRS: sin configurar (las sentencias esperan en la bandeja de salida)",
    ),
    "rec.no_lrs": (
        "error: no LRS configured: set STICKY_LRS_ENDPOINT (and _USERNAME, _PASSWORD) or write lrs.json in {folder}",
        "error: no hay ningún LRS configurado: define STICKY_LRS_ENDPOINT (y _USERNAME, _PASSWORD) o escribe "
        "lrs.json en {folder}",
    ),
    "rec.warning": ("warning: {why}", "aviso: {why}"),
    "rec.sent.other": ("{sent} sent, {left} still queued", "{sent} enviadas, {left} todavía en cola"),
    "rec.sent.one": ("{sent} sent, {left} still queued", "{sent} enviada, {left} todavía en cola"),
    "rec.lrs_conflicts": (
        ", {conflicts} (the LRS holds a different statement with the same id)",
        ", {conflicts} (el LRS tiene otra sentencia con el mismo id)",
    ),
    "rec.lrs_rejected.other": (", {n} rejected by the LRS", ", {n} rechazadas por el LRS"),
    "rec.lrs_rejected.one": (", {n} rejected by the LRS", ", {n} rechazada por el LRS"),
}

#: The placeholders of TRAINER_MESSAGES that hold another message of the table (translated in turn).
NESTED = frozenset(("why", "reason", "record", "rest", "where", "listed", "what", "at", "field"))

TRAINER_MESSAGES: dict[str, tuple[str, str]] = {
    # the records database (game.training.record_store, record_reader, _dberrors, cli_support, replay)
    "r.no_records": (
        "{path}: there are no records yet (and the folder {folder} is read-only)",
        "{path}: todavía no hay registros (y la carpeta {folder} es de solo lectura)",
    ),
    "r.no_playthrough_ref": (
        "there is no playthrough '{ref}' (use its number or its UUID; `sticky records list`)",
        "no hay ninguna partida '{ref}' (usa su número o su UUID; `sticky records list`)",
    ),
    "r.ambiguous": (
        "'{ref}' matches {n} playthroughs; give more of the UUID",
        "'{ref}' coincide con {n} partidas; indica más caracteres del UUID",
    ),
    "r.no_playthrough": ("there is no playthrough {pid}", "no hay ninguna partida {pid}"),
    "r.already_finished": ("playthrough {pid} is already finished", "la partida {pid} ya está terminada"),
    "r.data_folder": (
        "cannot use data folder {path}: {detail}",
        "no se puede usar la carpeta de datos {path}: {detail}",
    ),
    "r.in_use": (
        "{path}: is in use by another program (another `sticky` command or the game is writing to it); {rest}",
        "{path}: otro programa lo está usando (otro comando `sticky` o el juego está escribiendo en él); {rest}",
    ),
    "r.disk_full": (
        "{path}: the disk is full; nothing was changed. Free some space on it and try again",
        "{path}: el disco está lleno; no se cambió nada. Libera espacio en él y vuelve a intentarlo",
    ),
    "r.read_only": (
        "{path}: the data folder {folder} is read-only; this command writes to the records. {rest}",
        "{path}: la carpeta de datos {folder} es de solo lectura; este comando escribe en los registros. {rest}",
    ),
    "r.damaged_db": (
        "{path}: is damaged or not a records database ({detail}); {rest}",
        "{path}: está dañado o no es una base de datos de registros ({detail}); {rest}",
    ),
    "r.damaged": ("{path}: is damaged ({detail}); {rest}", "{path}: está dañado ({detail}); {rest}"),
    "r.failed": (
        "{path}: the records database failed ({detail})",
        "{path}: falló la base de datos de registros ({detail})",
    ),
    "r.scenario_errors": (
        "{path}: the scenario has errors (run `sticky check {again}`)",
        "{path}: el escenario tiene errores (ejecuta `sticky --lang es check {again}`)",
    ),
    "r.other_scenario": (
        "{path} is scenario '{id}', the record is of '{recorded}'",
        "{path} es el escenario '{id}', pero el registro es de '{recorded}'",
    ),
    "r.changed": (
        "{path} has changed since playthrough {pid} was recorded (content hash {now}, recorded {then}); "
        "give the version it was played with",
        "{path} cambió desde que se registró la partida {pid} (hash del contenido {now}; el registrado es {then}); "
        "indica la versión con la que se jugó",
    ),
    "r.no_scenario": (
        "no scenario '{id}' with content hash {hash} in scenarios/; give the file it was played with: --scenario PATH",
        "no hay ningún escenario '{id}' con hash del contenido {hash} en scenarios/; indica el archivo con el que "
        "se jugó: --scenario RUTA",
    ),
    # the LRS and its settings (game.training.lrs, lrs_config)
    "l.too_long": (
        "{flag} is {n} characters long; a setting may have at most {limit}",
        "{flag} tiene {n} caracteres; un ajuste puede tener como máximo {limit}",
    ),
    "l.unprintable": (
        "{flag} holds characters that are not printable (a newline or a control character)",
        "{flag} contiene caracteres que no se pueden imprimir (un salto de línea o un carácter de control)",
    ),
    "l.not_http": (
        "{flag} must be an http(s) address, not '{value}'",
        "{flag} debe ser una dirección http(s), no '{value}'",
    ),
    "l.mbox": (
        "--mbox must look like 'mailto:{{learner_slug}}@your-organisation.org', not '{value}'",
        "--mbox debe tener la forma 'mailto:{{learner_slug}}@tu-organizacion.org', no '{value}'",
    ),
    "l.too_big": (
        "{name} would be larger than the {n} bytes the game reads",
        "{name} pasaría de los {n} bytes que el juego lee",
    ),
    "l.not_json": ("{path}: can't be read as JSON ({detail})", "{path}: no se puede leer como JSON ({detail})"),
    "l.not_object": (
        "{path}: must hold a JSON object with endpoint, username and password",
        "{path}: debe contener un objeto JSON con endpoint, username y password",
    ),
    "l.endpoint_unprintable": (
        "the LRS endpoint '{url}' holds characters that are not printable (a newline?)",
        "la dirección del LRS '{url}' contiene caracteres que no se pueden imprimir (¿un salto de línea?)",
    ),
    "l.endpoint_why": (
        "the LRS endpoint '{url}' is not an http(s) URL ({detail})",
        "la dirección del LRS '{url}' no es una URL http(s) ({detail})",
    ),
    "l.endpoint": (
        "the LRS endpoint '{url}' is not an http(s) URL",
        "la dirección del LRS '{url}' no es una URL http(s)",
    ),
    "l.stop": (
        "the LRS answered {code}: check the endpoint and credentials",
        "el LRS respondió {code}: revisa la dirección y las credenciales",
    ),
    "l.rejected": ("the LRS rejected the statement: {detail}", "el LRS rechazó la sentencia: {detail}"),
    "l.unreachable": ("the LRS can't be reached ({detail})", "no se puede llegar al LRS ({detail})"),
    "l.answered": ("the LRS answered {detail}", "el LRS respondió {detail}"),
    "l.statement": ("statement {id} ({ref}): {why}", "sentencia {id} ({ref}): {why}"),
    "l.none": (
        "no LRS configured (STICKY_LRS_ENDPOINT or lrs.json in the data folder)",
        "no hay ningún LRS configurado (STICKY_LRS_ENDPOINT o lrs.json en la carpeta de datos)",
    ),
    "l.none_report": (
        "no LRS configured: set STICKY_LRS_ENDPOINT or run `sticky xapi config --endpoint URL`",
        "no hay ningún LRS configurado: define STICKY_LRS_ENDPOINT o ejecuta `sticky xapi config --endpoint URL`",
    ),
    "l.since": (
        "--since '{text}' is not a date or time like 2026-11-27 or 2026-11-27T09:00",
        "--since '{text}' no es una fecha u hora como 2026-11-27 o 2026-11-27T09:00",
    ),
    "l.at_unreachable": (
        "the LRS at {url} can't be reached ({detail})",
        "no se puede llegar al LRS en {url} ({detail})",
    ),
    "l.not_json_result": (
        "the LRS answered something that is not a JSON statement result",
        "el LRS respondió algo que no es un resultado de sentencias en JSON",
    ),
    "l.not_result": (
        "the LRS answered something that is not a statement result",
        "el LRS respondió algo que no es un resultado de sentencias",
    ),
    # the settings in force (game.training.lrs_config.describe), line by line
    "l.endpoint_not_set": (
        "LRS endpoint: not set (statements wait in the outbox)",
        "dirección del LRS: sin configurar (las sentencias esperan en la bandeja de salida)",
    ),
    "l.endpoint_is": ("LRS endpoint: {url}", "dirección del LRS: {url}"),
    "l.user_password": ("LRS user: {user} (password set)", "usuario del LRS: {user} (con contraseña)"),
    "l.user": ("LRS user: {user}", "usuario del LRS: {user}"),
    "l.iris": ("activity IRIs: {base}", "IRI de las actividades: {base}"),
    "l.mbox_is": ("learners: mbox {mbox}", "participantes: mbox {mbox}"),
    "l.account": ("learners: account {name} at {home}", "participantes: cuenta {name} en {home}"),
    "l.example": ("e.g. Ana of cohort MON-AM is {agent}", "por ejemplo, Ana del grupo MON-AM es {agent}"),
    "l.file": ("settings file: {path}", "archivo de ajustes: {path}"),
    "l.environment": (
        "from the environment (winning over the file): {names}",
        "del entorno (tienen prioridad sobre el archivo): {names}",
    ),
    # recover (game.training.recover)
    "r.nothing_to_recover": (
        "{path}: there is no records database here to recover",
        "{path}: aquí no hay ninguna base de datos de registros que recuperar",
    ),
    "r.exists": (
        "{path}: already exists; move it away or give another name with --out",
        "{path}: ya existe; muévelo a otro lugar o indica otro nombre con --out",
    ),
    "r.cant_be_read": ("{path}: can't be read ({detail})", "{path}: no se puede leer ({detail})"),
    "r.cant_be_written": ("{path}: can't be written ({detail})", "{path}: no se puede escribir ({detail})"),
    "r.could_not_write_kept": (
        "{path}: could not be written ({detail}); the damaged file is unchanged",
        "{path}: no se pudo escribir ({detail}); el archivo dañado no cambió",
    ),
    "r.could_not_write": ("{path}: could not be written ({detail})", "{path}: no se pudo escribir ({detail})"),
    "r.negative_votes": ("a vote count can't be negative", "un recuento de votos no puede ser negativo"),
    "r.phone_votes": (
        "the votes from phones for '{choice}' ({n}) must be from 0 to its votes ({votes})",
        "los votos desde teléfonos para '{choice}' ({n}) deben estar entre 0 y sus votos ({votes})",
    ),
    # facilitate --keys (game.ui.facilitate.app)
    "r.unknown_key": (
        "unknown key '{key}' (use enter, space, up, down, left, right, home, back, esc, +, - or a digit)",
        "tecla desconocida '{key}' (usa enter, space, up, down, left, right, home, back, esc, +, - o un dígito)",
    ),
    # names and cohorts (game.training.identity)
    "n.name_empty": ("the name is empty", "el nombre está vacío"),
    "n.cohort_empty": ("the cohort is empty", "el código de grupo está vacío"),
    "n.name_long": ("the name is longer than {n} characters", "el nombre tiene más de {n} caracteres"),
    "n.cohort_long": ("the cohort is longer than {n} characters", "el código de grupo tiene más de {n} caracteres"),
    "n.name_unprintable": (
        "the name holds characters that are not printable",
        "el nombre contiene caracteres que no se pueden imprimir",
    ),
    "n.cohort_unprintable": (
        "the cohort holds characters that are not printable",
        "el código de grupo contiene caracteres que no se pueden imprimir",
    ),
    "n.room_max": ("a room lists at most {n} names", "una sala tiene como máximo {n} nombres"),
    # choosing (game.core.session, as `records play` shows it)
    "c.refused": (
        "choice '{asked}' {reason}; available now: {listed}",
        "la opción '{asked}' {reason}; disponibles ahora: {listed}",
    ),
    "c.ended": ("cannot be made", "no se puede elegir"),
    "c.range": ("is not a number between 1 and {n}", "no es un número entre 1 y {n}"),
    "c.unknown": ("does not exist in scene '{scene}'", "no existe en la escena '{scene}'"),
    "c.unavailable": (
        "is not available now (its condition does not hold)",
        "no está disponible ahora (su condición no se cumple)",
    ),
    "c.none": ("none: the playthrough has ended", "ninguna: la partida terminó"),
    # selecting a report's runs (game.training.report_data)
    "s.no_cohort_yet": (
        "no cohort {asked}: no playthrough has been recorded{where} yet",
        "no hay ningún grupo {asked}: todavía no se registró ninguna partida{where}",
    ),
    "s.no_scenario_yet": (
        "no scenario {asked}: no playthrough has been recorded{where} yet",
        "no hay ningún escenario {asked}: todavía no se registró ninguna partida{where}",
    ),
    "s.no_cohort": (
        "no cohort {asked}{where}; the cohorts with playthroughs are: {existing}",
        "no hay ningún grupo {asked}{where}; los grupos con partidas son: {existing}",
    ),
    "s.no_scenario": (
        "no scenario {asked}{where}; the scenarios with playthroughs are: {existing}",
        "no hay ningún escenario {asked}{where}; los escenarios con partidas son: {existing}",
    ),
    "s.in_cohort": (" in cohort {cohort}", " en el grupo {cohort}"),
    # importing (game.training.exchange, import_check)
    "i.warning": ("{path}:{line}: warning: {reason}", "{path}:{line}: aviso: {reason}"),
    "i.conflict": (
        "{path}:{line}: playthrough {uuid} differs from the copy here #{pid} and neither extends the other "
        "(another learner, seed or path); the copy here is kept",
        "{path}:{line}: la partida {uuid} difiere de la copia de aquí #{pid} y ninguna de las dos continúa a la "
        "otra (otro participante, otra semilla u otro camino); se conserva la copia de aquí",
    ),
    "i.unreadable": ("{path}: can't be read ({reason})", "{path}: no se puede leer ({reason})"),
    "i.not_record": ("not a record", "no es un registro"),
    "i.not_valid": ("not a valid playthrough record ({reason})", "no es un registro de partida válido ({reason})"),
    "i.unknown_scenario": (
        "scenario '{id}' is not known here: its numbers were checked only for being finite",
        "el escenario '{id}' no se conoce aquí: solo se comprobó que sus números fueran finitos",
    ),
    "i.format": (
        "not a Sticky Situations record (format {format})",
        "no es un registro de Sticky Situations (formato {format})",
    ),
    "i.missing": ("missing field '{key}'", "falta el campo '{key}'"),
    "i.missing_bare": ("missing field {key}", "falta el campo {key}"),
    "i.not_text": ("'{key}' must be text, not {type} ({value})", "'{key}' debe ser texto, no {type} ({value})"),
    "i.too_long": (
        "'{key}' is {n} characters long; at most {limit} are allowed",
        "'{key}' tiene {n} caracteres; se permiten como máximo {limit}",
    ),
    "i.iso": (
        "'{key}' must be an ISO date such as 2026-11-27T09:30:00.000Z",
        "'{key}' debe ser una fecha ISO como 2026-11-27T09:30:00.000Z",
    ),
    "i.not_iso": ("'{key}' is not an ISO date ({value})", "'{key}' no es una fecha ISO ({value})"),
    "i.years": ("'{key}' is {value}, outside the years 2000-2199", "'{key}' es {value}, fuera de los años 2000-2199"),
    "i.whole": ("{what} must be a whole number, not {value}", "{what} debe ser un número entero, no {value}"),
    "i.number": ("{what} must be a number, not {value}", "{what} debe ser un número, no {value}"),
    "i.range": (
        "{what} is {value}; it must be from {low} to {high}",
        "{what} es {value}; debe estar entre {low} y {high}",
    ),
    "i.not_finite": ("the number {value} is not finite", "el número {value} no es finito"),
    "i.surrogate": (
        "the text {value} holds a lone surrogate (not valid Unicode)",
        "el texto {value} contiene un sustituto UTF-16 aislado (no es Unicode válido)",
    ),
    "i.uuid": ("'uuid' is not a UUID ({value})", "'uuid' no es un UUID ({value})"),
    "i.uuid_form": ("'uuid' is not written as a UUID ({value})", "'uuid' no está escrito como un UUID ({value})"),
    "i.choices": (
        "'choices' must be a list of at most {n} choices",
        "'choices' debe ser una lista de {n} opciones como máximo",
    ),
    "i.votes": ("'votes' must be a list of at most {n} votes", "'votes' debe ser una lista de {n} votos como máximo"),
    "i.two_turns": ("two choices have turn {turn}", "dos opciones tienen el turno {turn}"),
    "i.two_votes": (
        "two votes count choice '{choice}' at turn {turn}",
        "dos votos cuentan la opción '{choice}' en el turno {turn}",
    ),
    "i.object": ("{what} must be an object", "{what} debe ser un objeto"),
    "i.metrics_object": (
        "{what} must be an object of metric: number",
        "{what} debe ser un objeto de la forma métrica: número",
    ),
    "i.metrics_many": ("{what} has {n} metrics; at most {limit}", "{what} tiene {n} métricas; como máximo {limit}"),
    "i.nan_export": (
        "playthrough #{pid} ({uuid}) holds a number that is not finite (NaN or infinity), imported before records "
        "were checked; nothing was written. Export without it (--cohort) or delete it",
        "la partida #{pid} ({uuid}) contiene un número que no es finito (NaN o infinito), importado antes de que se "
        "revisaran los registros; no se escribió nada. Exporta sin ella (--cohort) o bórrala",
    ),
    # the advice at the end of a message ({rest})
    "h.damaged": (
        "restore a backup of it, or re-import the exports (`sticky records import FILE`), or save what can still "
        "be read with `sticky records recover`",
        "restaura una copia de seguridad, vuelve a importar las exportaciones (`sticky records import ARCHIVO`) "
        "o guarda lo que todavía se pueda leer con `sticky records recover`",
    ),
    "h.busy": (
        "wait for it to finish or close it, then try again",
        "espera a que termine o ciérralo, y vuelve a intentarlo",
    ),
    "h.read_only": (
        "Use a folder you can write to (--data DIR), or copy the records there",
        "Usa una carpeta en la que puedas escribir (--data CARPETA) o copia allí los registros",
    ),
    "r.cant_open": (
        "{path}: can't be opened ({detail}); check that the folder exists and is yours",
        "{path}: no se puede abrir ({detail}); comprueba que la carpeta exista y sea tuya",
    ),
    "r.disk": (
        "{path}: the disk could not be read or written ({detail}); check the disk, then {rest}",
        "{path}: no se pudo leer ni escribir en el disco ({detail}); revisa el disco y luego {rest}",
    ),
    "i.shown": (
        "{at}: 'shown' must be a short list of choice ids",
        "{at}: 'shown' debe ser una lista corta de ids de opciones",
    ),
    "i.rules": (
        "{at}: 'rules' must be a list of at most {n} rules",
        "{at}: 'rules' debe ser una lista de {n} reglas como máximo",
    ),
    "i.rule_object": ("{at}: a rule must be an object", "{at}: una regla debe ser un objeto"),
    "i.metric_name": (
        "{what} has a metric name of {n} characters",
        "{what} tiene un nombre de métrica de {n} caracteres",
    ),
    # the parts of a record named in the messages above ({what}, {at}, {field})
    "f.choice_field": ("choice {index}: {field}", "opción {index}: {field}"),
    "f.vote_field": ("vote {index}: {field}", "voto {index}: {field}"),
    "f.choice": ("choice {index}", "opción {index}"),
    "f.vote": ("vote {index}", "voto {index}"),
    "f.rule_deltas": ("rule deltas", "el campo deltas de la regla"),
    "f.score_of": ("score of '{key}'", "el puntaje de '{key}'"),
    "f.score": ("'{key}' score", "el puntaje '{key}'"),
    # reading an export file (game.training.export_reader)
    "i.utf16": (
        "{path}: is UTF-16 or UTF-32 text, not UTF-8; save it as UTF-8 and import it again",
        "{path}: es texto UTF-16 o UTF-32, no UTF-8; guárdalo como UTF-8 y vuelve a importarlo",
    ),
    "i.array_big": (
        "{path}: is {n} bytes; a .json array is read up to {limit} (export as .jsonl to move more)",
        "{path}: tiene {n} bytes; un arreglo .json se lee hasta {limit} (exporta como .jsonl para pasar más)",
    ),
    "i.not_regular": ("{path}: is not a regular file", "{path}: no es un archivo común"),
    "i.not_utf8": ("not UTF-8 text", "no es texto UTF-8"),
    "i.json_array": ("not valid JSON (the array is not closed)", "no es JSON válido (el arreglo no se cierra)"),
    "i.json_element": ("not valid JSON (an element does not end)", "no es JSON válido (un elemento no termina)"),
    "i.json": ("not valid JSON ({detail})", "no es JSON válido ({detail})"),
    "i.line_long": ("the line is longer than {n} bytes", "la línea tiene más de {n} bytes"),
    "i.record_big": (
        "the record is {n} bytes; at most {limit} are read",
        "el registro tiene {n} bytes; se leen como máximo {limit}",
    ),
    "i.nested": ("nested more than {n} levels deep", "anidado en más de {n} niveles"),
    "i.unholdable": (
        "{name} is not a number a record can hold",
        "{name} no es un número que un registro pueda guardar",
    ),
    # writing a file (game.files)
    "o.folder": (
        "{path}: is a folder; give a file name inside it",
        "{path}: es una carpeta; indica un nombre de archivo dentro de ella",
    ),
    "o.device": (
        "{path}: is not a regular file (a device or a pipe); it is left alone (use - for the screen)",
        "{path}: no es un archivo común (es un dispositivo o una tubería); no se toca (usa - para la pantalla)",
    ),
    "o.no_folder": ("{path}: the folder {folder} does not exist", "{path}: la carpeta {folder} no existe"),
    "o.cant_make": (
        "{path}: cannot make the folder {folder}: {detail}",
        "{path}: no se puede crear la carpeta {folder}: {detail}",
    ),
    "o.cant_write_in": (
        "{path}: cannot write in {folder}: {detail}",
        "{path}: no se puede escribir en {folder}: {detail}",
    ),
    "o.cant_write_file": (
        "{path}: cannot write the file: {detail} (the old file, if any, is intact)",
        "{path}: no se puede escribir el archivo: {detail} (el archivo anterior, si lo había, está intacto)",
    ),
    "o.cant_write": ("{path}: cannot write there: {detail}", "{path}: no se puede escribir ahí: {detail}"),
    # a replay that does not match its record (game.training.replay)
    "p.scene": (
        "turn {turn}: in scene '{scene}', recorded '{recorded}'",
        "turno {turn}: en la escena '{scene}', pero se registró '{recorded}'",
    ),
    "p.shown": (
        "turn {turn}: choices shown as {shown}, recorded {recorded}",
        "turno {turn}: se mostraron las opciones {shown}, pero se registraron {recorded}",
    ),
    "p.chance": (
        "turn {turn}: chance gave outcome {outcome}, recorded {recorded}",
        "turno {turn}: el azar dio el resultado {outcome}, pero se registró {recorded}",
    ),
    "p.metrics": (
        "turn {turn}: metrics {metrics}, recorded {recorded}",
        "turno {turn}: métricas {metrics}, pero se registraron {recorded}",
    ),
    "p.final": (
        "final metrics {metrics}, recorded {recorded}",
        "métricas finales {metrics}, pero se registraron {recorded}",
    ),
    "p.ending": ("ending {ending}, recorded {recorded}", "final {ending}, pero se registró {recorded}"),
    "p.turn": ("turn {turn}: {why}", "turno {turn}: {why}"),
    # last: any refused line of an import file
    "i.line": ("{path}:{line}: {record}", "{path}:{line}: {record}"),
}
