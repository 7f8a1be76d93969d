"""The catalogue of :mod:`game.authoring.messages`: key -> (English template, Spanish template).

``MESSAGES`` holds whole messages and hints, ``FRAGMENTS`` the parts they are built from (``{what}`` is
``scene 'hello'``, ``the text of choice 'bye'`` ...), ``WORDS`` the tools' fixed phrases. A template's
``{name}`` stands for any text; the first template that matches wins, so the narrower ones come first.
Spanish: neutral (tú, as the game speaks to its players; no peninsular words), ids and YAML keys as written.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # S1xx: the file and its YAML (libyaml's own words, then our hints)
    "yaml.mapping_here": (
        "mapping values are not allowed in this context",
        "aquí no puede empezar otro par «clave: valor» (¿un «: » dentro de un texto sin comillas?)",
    ),
    "yaml.expected": (
        "did not find expected {what} while parsing a {block} that starts at line {line}, column {col}",
        "falta {what} en {block} que empieza en la línea {line}, columna {col}",
    ),
    "yaml.expected_doc": ("did not find expected <document start>", "falta el inicio del documento YAML"),
    "yaml.unclosed_quote": (
        "found unexpected end of stream while scanning a quoted scalar that starts at line {line}, column {col}",
        "el archivo termina dentro de un texto entre comillas que empieza en la línea {line}, columna {col}",
    ),
    "yaml.escape": (
        "found unknown escape character while parsing a quoted scalar",
        "un texto entre comillas dobles tiene una barra invertida (\\) que YAML no reconoce",
    ),
    "yaml.found": ("found {what} while {doing}", "se encontró {what} mientras se leía {doing}"),
    "yaml.alias": ("unknown alias '{name}'", "el alias '{name}' no está definido"),
    "yaml.char": (
        "character {char} is not allowed in YAML text",
        "el carácter {char} no está permitido en un texto YAML",
    ),
    "hint.look_here": (
        "look at this line and the one above it: quotes around texts with ': ' or '#', and keys lined up",
        "revisa esta línea y la anterior: comillas en los textos con «: » o «#», y las claves bien alineadas",
    ),
    "hint.colon": (
        "text holding ': ' must be in quotes; write: {fixed}",
        "un texto con «: » va entre comillas; escribe: {fixed}",
    ),
    "hint.indent": (
        "this line is indented {here} spaces and the lines around it {above}; keys of one block line up exactly: "
        "write '{fixed}'",
        "esta línea tiene {here} espacios de sangría y las de alrededor {above}; las claves de un mismo bloque van "
        "exactamente alineadas: escribe '{fixed}'",
    ),
    "hint.indent_item": (
        "this list item is indented {here} spaces and the item above it {above}; the items of one list line up "
        "exactly: write '{fixed}'",
        "este elemento de la lista tiene {here} espacios de sangría y el de arriba {above}; los elementos de una "
        "lista van exactamente alineados: escribe '{fixed}'",
    ),
    "hint.quote_open": (
        "this quoted text is never closed: end it with {closer} where the text ends",
        "este texto entre comillas nunca se cierra: termínalo con {closer} donde acaba el texto",
    ),
    "hint.quote_open_here": (
        "the quoted text that starts here is never closed: end it with {closer} where the text ends",
        "el texto entre comillas que empieza aquí nunca se cierra: termínalo con {closer} donde acaba el texto",
    ),
    "hint.bracket_open": (
        "the {opener} opened here is not closed: write '{fixed}' (and put any text with a comma or a colon in quotes)",
        "el {opener} que se abre aquí no se cierra: escribe '{fixed}' (y pon entre comillas todo texto con una coma "
        "o dos puntos)",
    ),
    "hint.comma": (
        "a comma inside {{…}} ends a text: put the whole text in quotes, {fixed}",
        "dentro de {{…}} una coma termina el texto: pon el texto completo entre comillas, {fixed}",
    ),
    "s102.byte": ("byte {byte} is not valid UTF-8", "el byte {byte} no es UTF-8 válido"),
    "s102.utf16": ("the file is UTF-16 text, not UTF-8", "el archivo es texto UTF-16, no UTF-8"),
    "s102.hint": ("save the file as UTF-8 in your editor", "guarda el archivo como UTF-8 en tu editor"),
    "s103": (
        "the file contains NUL bytes: it looks binary, not a YAML text file",
        "el archivo contiene bytes NUL: parece binario, no un archivo de texto YAML",
    ),
    "s104.nothing": (
        "the file has no content; a scenario needs at least id, title and scenes",
        "el archivo no tiene contenido; un escenario necesita al menos id, title y scenes",
    ),
    "s104.empty": (
        "the file is empty; a scenario needs at least id, title and scenes",
        "el archivo está vacío; un escenario necesita al menos id, title y scenes",
    ),
    "s105": (
        "the file is {size}; scenario files may be at most {limit}",
        "el archivo ocupa {size}; un escenario puede ocupar como mucho {limit}",
    ),
    "s105.translation": (
        "the translation would be {size}; translation files may be at most {limit} (shorten the scenario's texts "
        "or split it in two)",
        "la traducción ocuparía {size}; un archivo de traducción puede ocupar como mucho {limit} (acorta los "
        "textos del escenario o divídelo en dos)",
    ),
    "s106": ("nesting is deeper than {levels} levels", "el anidamiento pasa de {levels} niveles"),
    "s107.loop": (
        "alias '{name}' refers to the node that contains it (endless expansion)",
        "el alias '{name}' remite al nodo que lo contiene (se expandiría sin fin)",
    ),
    "s107.bomb": (
        "aliases expand to more than {count} nodes (an alias bomb?)",
        "los alias se expanden a más de {count} nodos (¿una bomba de alias?)",
    ),
    "s108": (
        "tag '{tag}' could run code; it is refused and never executed",
        "la etiqueta '{tag}' podría ejecutar código; se rechaza y nunca se ejecuta",
    ),
    "s109": (
        "tag '{tag}' is not supported in scenario files",
        "la etiqueta '{tag}' no se admite en los archivos de escenario",
    ),
    "s110": (
        "key '{key}' appears twice in this mapping (first at line {line})",
        "la clave '{key}' aparece dos veces en este bloque (la primera, en la línea {line})",
    ),
    "s110.hint": ("YAML would silently keep only the last one", "YAML conservaría solo la última, sin avisar"),
    "s111": (
        "a tab is used for indentation; YAML allows only spaces",
        "la sangría tiene un tabulador; YAML solo admite espacios",
    ),
    "s111.hint": ("replace tabs by spaces", "cambia los tabuladores por espacios"),
    "s112": (
        "only one YAML document per file ('---' starts a second)",
        "un solo documento YAML por archivo ('---' empieza un segundo)",
    ),
    "s113": ("cannot read the file: {why}", "no se puede leer el archivo: {why}"),
    "s113.hint": (
        "give a scenario file's path, or a shipped scenario's id: {ids}",
        "indica la ruta de un archivo de escenario o el id de un escenario incluido: {ids}",
    ),
    "s114": (
        "the text holds an invisible control or direction character ({char})",
        "el texto contiene un carácter invisible de control o de dirección ({char})",
    ),
    "s114.hint": (
        "delete it: players would not see it, and it can garble the line; write line breaks as new lines",
        "bórralo: nadie lo vería y puede desordenar la línea; escribe los saltos de línea como líneas nuevas",
    ),
    "s115": (
        "the text stops at '#': YAML reads ' #{rest}' as a comment, so only '{kept}' is kept",
        "el texto se corta en '#': YAML lee ' #{rest}' como un comentario, así que solo queda '{kept}'",
    ),
    "s115.hint": (
        "a text holding ' #' must be in quotes; write: {fixed}",
        "un texto con « #» va entre comillas; escribe: {fixed}",
    ),
    # S2xx: structure and types
    "s201.key": (
        "a key must be plain text, not a list or a mapping",
        "una clave debe ser texto simple, no una lista ni un bloque",
    ),
    "s201.file": (
        "a scenario file must be a mapping of 'key: value' lines, not {got}",
        "un archivo de escenario debe ser un bloque de líneas «clave: valor», no {got}",
    ),
    "s201.bool": ("{what} must be true or false", "{what} debe ser true o false"),
    "s201.mapping": (
        "{what} must be a mapping of 'key: value' lines, not {got}",
        "{what} debe ser un bloque de líneas «clave: valor», no {got}",
    ),
    "s201.list": (
        "{what} must be a list ('- item' lines), not {got}",
        "{what} debe ser una lista (líneas «- elemento»), no {got}",
    ),
    "s201.text": ("{what} must be text, not {got}", "{what} debe ser texto, no {got}"),
    "s202.empty": (
        "{what} is empty: a scenario needs at least one scene",
        "{what} está vacío: un escenario necesita al menos una escena",
    ),
    "s202": ("{what} is missing '{key}'", "falta '{key}' en {what}"),
    "s203.translation": (
        "this is a translation file; check the main scenario file instead",
        "este es un archivo de traducción; revisa en su lugar el archivo principal del escenario",
    ),
    "s203": ("{what} has no field '{key}'", "{what} no tiene el campo '{key}'"),
    "hint.allowed": ("allowed: {fields}", "se admiten: {fields}"),
    "hint.choice_field": (
        "'{key}' belongs to each choice, not to the scene: move it under the choice it is for, lined up with that "
        "choice's 'text:'",
        "'{key}' va en cada opción, no en la escena: muévelo dentro de la opción a la que corresponde, alineado con "
        "su 'text:'",
    ),
    "s204.one_of": ("{what} '{value}' is not one of {options}", "{what} '{value}' no es ninguno de estos: {options}"),
    "hint.one_of": ("one of: {options}", "uno de estos: {options}"),
    "s205.both": (
        "'{key}' is used both as a scene and as an ending id",
        "'{key}' es a la vez el id de una escena y el de un final",
    ),
    "s205.used_at": (
        "{what} '{value}' is already used at line {line}",
        "{what} '{value}' ya se usa en la línea {line}",
    ),
    "s205.twice": ("{what} '{value}' is used twice", "{what} '{value}' se usa dos veces"),
    "s205.flag": (
        "flag '{flag}' is declared twice or clashes with a metric",
        "la bandera '{flag}' está declarada dos veces o se llama igual que una métrica",
    ),
    "s205.scenario": ("scenario id '{id}' is also the id of {other}", "'{id}' también es el id del escenario {other}"),
    "s205.hint": (
        "give each scenario its own id: records, saves, translations and `sticky play ID` find a scenario by it",
        "dale a cada escenario su propio id: los registros, las partidas guardadas, las traducciones y "
        "`sticky play ID` lo buscan por él",
    ),
    "s206": (
        "{what} '{value}' is not a valid id: use lowercase letters, digits, '_' and '-', starting with a letter",
        "{what} '{value}' no es un id válido: usa minúsculas, dígitos, '_' y '-', y empieza por una letra",
    ),
    "hint.try": ("try '{id}'", "prueba con '{id}'"),
    "s207.number": ("{what} must be a number, not '{value}'", "{what} debe ser un número, no '{value}'"),
    "s207.large": ("{what} '{value}' is too large", "{what} '{value}' es demasiado grande"),
    "hint.eg_number": ("e.g. -1500 or +5", "por ejemplo, -1500 o +5"),
    "hint.below": ("numbers must stay below 1e15", "los números deben quedar por debajo de 1e15"),
    "s208": (
        "format {got} is not supported; this game reads format {wanted}",
        "el formato {got} no se admite; este juego lee el formato {wanted}",
    ),
    "s209": (
        "{what} needs exactly one of 'next' or 'chance'",
        "{what} necesita 'next' o 'chance', exactamente uno de los dos",
    ),
    "s210.sum": (
        "{what}: chance probabilities add up to {sum}, not 1",
        "{what}: las probabilidades de 'chance' suman {sum}, no 1",
    ),
    "s210.p": (
        "probability {p} must be above 0 and at most 1",
        "la probabilidad {p} debe ser mayor que 0 y como mucho 1",
    ),
    "s211": ("{what} needs min <= start <= max", "{what} necesita min <= start <= max"),
    "s212": (
        "the last variant of {what} has a condition: nothing would be shown when it does not hold",
        "la última variante de {what} tiene condición: cuando no se cumpla, no se mostraría nada",
    ),
    "s212.hint": (
        "end the list with a variant without 'when', the text shown otherwise",
        "termina la lista con una variante sin 'when', el texto que se muestra en los demás casos",
    ),
    "s213": ("{what} score {score} is outside 0-1", "la puntuación {score} de {what} está fuera de 0-1"),
    "s213.hint": ("e.g. 0.5 for a half-right choice", "por ejemplo, 0.5 para una opción acertada a medias"),
    # S3xx: references
    "s301": ("{what} '{value}' is neither a scene nor an ending", "{what} '{value}' no es ni una escena ni un final"),
    "s301.start": ("start '{value}' is not a scene", "el inicio '{value}' no es una escena"),
    "hint.ending": (
        "to end the game here, add '{id}' under 'endings:' (with its rating and text); to go on, write the id of a "
        "scene",
        "para terminar aquí la partida, agrega '{id}' en 'endings:' (con su rating y su text); para seguir, escribe "
        "el id de una escena",
    ),
    "s302": ("unknown metric '{metric}' in {what} effects", "métrica desconocida '{metric}' en los efectos de {what}"),
    "s30x.declared": ("{what} '{value}' is not declared", "{what} '{value}' no se declaró"),
    "hint.none": ("none are declared", "no hay ninguno declarado"),
    "hint.known": ("known: {names}", "los declarados: {names}"),
    "s309": ("'{part}' is not a part of a model line", "'{part}' no es una parte de una frase modelo"),
    "s310": ("technique '{name}' is not in the glossary", "la técnica '{name}' no está en el glosario"),
    "hint.did_you_mean": ("did you mean '{name}'?", "¿quisiste decir '{name}'?"),
    # S4xx: conditions
    "s4.alone": ("branch condition: {problem}", "condición de una rama: {problem}"),
    "s4.owner": ("{owner} condition: {problem}", "condición de {owner}: {problem}"),
    "hint.write": ("write: {fixed}", "escribe: {fixed}"),
    "hint.condition_language": (
        "a condition compares metrics and flags: revenue >= 50000 and not staff_quit (words and, or, not; signs "
        "< <= > >= == !=; whole numbers without 'k' or separators)",
        "una condición compara métricas y banderas: «revenue >= 50000 and not staff_quit» (las palabras «and», "
        "«or», «not»; los signos < <= > >= == !=; números enteros sin 'k' ni separadores)",
    ),
    "hint.no_calls": (
        "conditions cannot call functions: compare each value on its own, e.g. revenue > 5 and reputation > 5",
        "las condiciones no llaman funciones: compara cada valor por separado, por ejemplo «revenue > 5 and "
        "reputation > 5»",
    ),
    "hint.number_out": ("write the number out", "escribe el número completo"),
    "hint.flag_alone": (
        "write the flag's name for true, 'not' and its name for false",
        "escribe el nombre de la bandera para «verdadero», y «not» y su nombre para «falso»",
    ),
    # S5xx: the scenario graph
    "s501": (
        "scene '{id}' can't be reached from the start '{start}'",
        "no se puede llegar a la escena '{id}' desde el inicio '{start}'",
    ),
    "s501.hint": ("lead a choice to it, or delete it", "haz que una opción lleve a ella, o bórrala"),
    "s502": ("scene '{id}' has no choices and is not an ending", "la escena '{id}' no tiene opciones y no es un final"),
    "s502.hint": ("add choices, or move it under endings:", "agrégale opciones, o muévela a endings:"),
    "s503": (
        "ending '{id}' is never reached: no choice leads to it and it has no condition",
        "nunca se llega al final '{id}': ninguna opción lleva a él y no tiene condición",
    ),
    "s504": (
        "no ending can be reached from scene '{id}': its choices only loop",
        "desde la escena '{id}' no se llega a ningún final: sus opciones solo dan vueltas",
    ),
    "s504.hint": ("give the loop a way out to an ending", "dale al ciclo una salida hacia un final"),
    "s505": (
        "{what}: the last branch has a condition; add a branch without 'when' as fallback",
        "{what}: la última rama tiene condición; agrega al final una rama sin 'when'",
    ),
    # a scripted run (`sticky play --choices`) asks for a choice the engine refuses (ChoiceNotAvailable)
    "play.unknown": (
        "choice '{asked}' does not exist in scene '{scene}'; available now: {listed}",
        "la opción '{asked}' no existe en la escena '{scene}'; ahora se puede elegir: {listed}",
    ),
    "play.range": (
        "choice '{asked}' is not a number between 1 and {count}; available now: {listed}",
        "'{asked}' no es un número entre 1 y {count}; ahora se puede elegir: {listed}",
    ),
    "play.unavailable": (
        "choice '{asked}' is not available now (its condition does not hold); available now: {listed}",
        "la opción '{asked}' no está disponible ahora (su condición no se cumple); ahora se puede elegir: {listed}",
    ),
    "play.ended": (
        "choice '{asked}' cannot be made; available now: none: the playthrough has ended",
        "ya no se puede elegir '{asked}': la partida terminó",
    ),
    # files the tools write (game.files.OutputError)
    "out.there": ("{path}: cannot write there: {why}", "{path}: no se puede escribir ahí: {why}"),
    "out.folder": (
        "{path}: is a folder; give a file name inside it",
        "{path}: es una carpeta; indica un nombre de archivo dentro de ella",
    ),
    "out.odd": (
        "{path}: is not a regular file (a device or a pipe); it is left alone (use - for the screen)",
        "{path}: no es un archivo normal (es un dispositivo o una tubería); no se toca (usa - para la pantalla)",
    ),
    "out.no_folder": ("{path}: the folder {folder} does not exist", "{path}: la carpeta {folder} no existe"),
    "out.make_folder": (
        "{path}: cannot make the folder {folder}: {why}",
        "{path}: no se puede crear la carpeta {folder}: {why}",
    ),
    "out.write_in": ("{path}: cannot write in {folder}: {why}", "{path}: no se puede escribir en {folder}: {why}"),
    "out.write": (
        "{path}: cannot write the file: {why} (the old file, if any, is intact)",
        "{path}: no se puede escribir el archivo: {why} (el archivo anterior, si lo había, sigue intacto)",
    ),
    # S6xx: translations
    "s601.one": ("{n} text not translated to '{lang}': {keys}", "{n} texto sin traducir a '{lang}': {keys}"),
    "s601.other": ("{n} texts not translated to '{lang}': {keys}", "{n} textos sin traducir a '{lang}': {keys}"),
    "s601.todo": (
        "'{key}' is marked # {marker}: it still holds the source text",
        "'{key}' tiene la marca # {marker}: conserva el texto original",
    ),
    "s601.todo_hint": (
        "translate it, then delete the '# {marker}' marker",
        "tradúcelo y luego borra la marca '# {marker}'",
    ),
    "hint.run": ("run: {command}", "ejecuta: {command}"),
    "s602": ("'{key}' is not a text of scenario '{id}'", "'{key}' no es un texto del escenario '{id}'"),
    "s602.variants": (
        "this text has {count} variants in the scenario: give them as a list of {count2} texts, in order",
        "este texto tiene {count} variantes en el escenario: dalas como una lista de {count2} textos, en orden",
    ),
    "s602.single": (
        "this text has no variants in the scenario: give it as one text, not a list",
        "este texto no tiene variantes en el escenario: dalo como un solo texto, no como lista",
    ),
    "s603.other": ("this translation is for '{of}', not '{id}'", "esta traducción es de '{of}', no de '{id}'"),
    "s603.lang": (
        "the file name says '{name}' but the file says language '{lang}'",
        "el nombre del archivo dice '{name}', pero el archivo dice language '{lang}'",
    ),
    "s604": (
        "'{key}' belongs in the main scenario file; a translation holds text only",
        "'{key}' va en el archivo principal del escenario; una traducción solo contiene textos",
    ),
    "s605": (
        "'{key}' was translated from an older text; check it against the new one",
        "'{key}' se tradujo de un texto anterior; compáralo con el nuevo",
    ),
    "s605.stale": (
        "'{key}' is marked # {marker}: the source text changed since it was translated",
        "'{key}' tiene la marca # {marker}: el texto original cambió después de traducirse",
    ),
    "s605.hint_text": (
        "the source text is now: {text}; check the translation against it, then delete the '# {marker}' marker",
        "el texto original ahora dice: {text}; compara la traducción con él y luego borra la marca '# {marker}'",
    ),
    "s605.hint": (
        "check the translation against the new source text, then delete the '# {marker}' marker",
        "compara la traducción con el nuevo texto original y luego borra la marca '# {marker}'",
    ),
    "s605.now": ("the source text is now: {text}", "el texto original ahora dice: {text}"),
    # S7xx: paths and images
    "s701.leaves": (
        "{what} '{value}' leaves the scenario's folder",
        "{what} '{value}' sale de la carpeta del escenario",
    ),
    "s701.absolute": ("{what} '{value}' is an absolute path", "{what} '{value}' es una ruta absoluta"),
    "s701.colon": (
        "{what} '{value}' contains ':' (a drive letter, a URL or a stream name)",
        "{what} '{value}' contiene ':' (una letra de unidad, una URL o un nombre de flujo)",
    ),
    "s701.unusable": (
        "{what} '{value}' is not a usable file path",
        "{what} '{value}' no es una ruta de archivo utilizable",
    ),
    "s701.no_file": ("{what} '{value}' does not name a file", "{what} '{value}' no nombra un archivo"),
    "s701.outside": (
        "'{path}' links to a file outside the scenario's folder; not read",
        "'{path}' enlaza con un archivo fuera de la carpeta del escenario; no se lee",
    ),
    "s701.hint_assets": (
        "keep images beside the scenario or in assets/",
        "deja las imágenes junto al escenario o en assets/",
    ),
    "s701.hint_folder": (
        "use a path relative to the scenario's folder",
        "usa una ruta relativa a la carpeta del escenario",
    ),
    "s701.hint_relative": ("use a path relative to the scenario", "usa una ruta relativa al escenario"),
    "s701.hint_copy": ("copy the image into the folder", "copia la imagen en la carpeta"),
    "s702": (
        "{what} '{value}' was not found beside the scenario or in assets/",
        "{what} '{value}' no está junto al escenario ni en assets/",
    ),
    "s703": ("{what} '{value}' cannot be shown: {why}", "{what} '{value}' no se puede mostrar: {why}"),
    "s703.hint": (
        "save it again as a PNG or JPEG of at most 8192 pixels a side and 16 megapixels",
        "guárdala de nuevo como PNG o JPEG de como mucho 8192 píxeles de lado y 16 megapíxeles",
    ),
    # S8xx: lint
    "s801": (
        "choice '{id}' has no feedback: the debrief has nothing to say about it",
        "la opción '{id}' no tiene 'feedback': el análisis final no tiene nada que decir de ella",
    ),
    "s801.hint": (
        "add 'feedback:', the coach's note on which cost, limit or power it shows or misses",
        "agrega 'feedback:', la nota del coach sobre qué costo, límite o fuente de poder muestra o pasa por alto",
    ),
    "s802.placeholder": ("{what} is a placeholder ({shown})", "{what} es un texto provisional ({shown})"),
    "s802.empty": ("{what} is empty", "{what} está vacío"),
    "s802.hint": ("write what the player sees", "escribe lo que ve quien juega"),
    "s803": (
        "metric '{id}' is declared but no effect changes it and no condition reads it",
        "la métrica '{id}' está declarada, pero ningún efecto la cambia y ninguna condición la lee",
    ),
    "s803.hint": (
        "use it in an effect or a condition, or delete it",
        "úsala en un efecto o en una condición, o bórrala",
    ),
    "s804": (
        "flag '{id}' is declared but never set, cleared or read",
        "la bandera '{id}' está declarada, pero nada la activa, la desactiva ni la lee",
    ),
    "s804.hint": (
        "set it in a choice ('set: [...]') and read it in a condition, or delete it",
        "actívala en una opción ('set: [...]') y léela en una condición, o bórrala",
    ),
    "s805": (
        "flag '{id}' is read by a condition but nothing ever sets it, so it is always false",
        "una condición lee la bandera '{id}', pero nada la activa nunca, así que siempre es falsa",
    ),
    "s805.hint": (
        "add 'set: [{id}]' to the choice or rule that should make it true",
        "agrega 'set: [{id}]' a la opción o la regla que debe activarla",
    ),
    "s806": (
        "flag '{id}' is set but no condition ever reads it",
        "la bandera '{id}' se activa, pero ninguna condición la lee",
    ),
    "s806.hint": ("read it in a 'when:' condition, or delete it", "léela en una condición 'when:', o bórrala"),
    "s807": (
        "the condition of {what} '{condition}' can never be true: {reason}",
        "la condición '{condition}' de {what} nunca puede cumplirse: {reason}",
    ),
    "s807.hint": (
        "check the numbers against the metric's start, min, max and the effects that change it",
        "compara los números con start, min y max de la métrica y con los efectos que la cambian",
    ),
    "s808": (
        "the condition of {what} '{condition}' is always true: {reason}",
        "la condición '{condition}' de {what} siempre se cumple: {reason}",
    ),
    "s808.hint": ("remove the condition, or fix the numbers", "quita la condición o corrige los números"),
    "s809": (
        "no scene has phase '{phase}': the scenario skips a decision point",
        "ninguna escena tiene la fase '{phase}': el escenario se salta un punto de decisión",
    ),
    "s809.hint": (
        "every scenario walks through cost, limits and power; add a scene with this phase",
        "todo escenario pasa por el costo, los límites y las fuentes de poder; agrega una escena con esta fase",
    ),
    "s810": (
        "decision scene '{id}' has no choice marked 'best: true'",
        "la escena de decisión '{id}' no tiene ninguna opción con 'best: true'",
    ),
    "s810.hint": (
        "mark the coach's strongest answer with 'best: true'; the debrief shows it",
        "marca con 'best: true' la mejor respuesta según el coach; el análisis final la muestra",
    ),
    "s811": (
        "scene '{id}' marks more than one choice 'best: true' (also '{other}')",
        "la escena '{id}' marca más de una opción con 'best: true' (también '{other}')",
    ),
    "s811.hint": ("keep 'best: true' on the single strongest answer", "deja 'best: true' solo en la mejor respuesta"),
    "s812.last": (
        "{what} (the last, without 'when') is never shown: the variants before it always apply",
        "{what} (la última, sin 'when') nunca se muestra: siempre se aplica alguna de las variantes anteriores",
    ),
    "s812": (
        "{what} '{condition}' is never shown: the variants before it always apply",
        "{what} ('{condition}') nunca se muestra: siempre se aplica alguna de las variantes anteriores",
    ),
    "s812.hint": (
        "make the earlier conditions narrower, or put this variant before them",
        "haz más estrictas las condiciones anteriores o pon esta variante antes que ellas",
    ),
    "s813": (
        "the label of metric '{id}' has {count} characters: over {limit}, the gauges may have to draw it below "
        "reading size on small windows",
        "la etiqueta de la métrica '{id}' tiene {count} caracteres: con más de {limit}, los indicadores pueden "
        "tener que mostrarla por debajo del tamaño de lectura en ventanas pequeñas",
    ),
    "s813.hint": (
        "shorten it to {limit} characters or fewer; the choice's feedback can say the rest",
        "acórtala a {limit} caracteres o menos; la nota del coach de la opción puede decir el resto",
    ),
    "s820": (
        "the coach's best is the longest choice in {count} of {total} decision scenes ({scenes}): a learner can pick "
        "it by its length",
        "la mejor opción según el coach es la más larga en {count} de {total} escenas de decisión ({scenes}): se "
        "puede elegir por su longitud",
    ),
    "s820.hint": (
        "give the other choices as much substance and polish as the best, or make the best the short one",
        "dales a las demás opciones tanto contenido y cuidado como a la mejor, o haz que la mejor sea la corta",
    ),
    "s821": (
        "the coach's best is '{style}' in all {total} decision scenes, and the only choice in that style in {count} "
        "of them ({scenes}): a learner can pick it by its tone",
        "la mejor opción según el coach es '{style}' en las {total} escenas de decisión, y la única de ese estilo en "
        "{count} de ellas ({scenes}): se puede elegir por su tono",
    ),
    "s821.hint": (
        "let a scene's strongest move be a question, a pause or a concession, and give another style's wording to a "
        "choice that is wrong in substance",
        "deja que la mejor jugada de una escena sea una pregunta, una pausa o una concesión, y da el tono de otro "
        "estilo a una opción equivocada en el fondo",
    ),
    "s822": (
        "the coach's best is written first in {count} of {total} decision scenes ({scenes}): where the order is fixed "
        "('order: fixed') or read aloud to a room, its place gives it away",
        "la mejor opción según el coach está escrita primero en {count} de {total} escenas de decisión ({scenes}): "
        "si el orden es fijo ('order: fixed') o se lee en voz alta a un grupo, su lugar la delata",
    ),
    "s822.hint": (
        "vary where the best is written among the choices",
        "varía el lugar de la mejor opción entre las demás",
    ),
    "s823": (
        "a strategy that needs no thought reaches the best-rated ending '{ending}': {strategies}; e.g. {path}",
        "una estrategia que no exige pensar llega al final mejor calificado, '{ending}': {strategies}; por ejemplo, "
        "{path}",
    ),
    "s823.hint": (
        "make the strongest choice impossible to guess from its place, length or tone; `sticky explore` shows every "
        "strategy",
        "haz que la mejor opción no se pueda adivinar por su lugar, su longitud ni su tono; "
        "`sticky --lang es explore` muestra todas las estrategias",
    ),
    "s824": (
        "playing every '{phase}' scene badly (the rest as the coach) still reaches the best-rated ending '{ending}': "
        "{path}",
        "jugando mal todas las escenas de '{phase}' (y el resto como el coach) se llega igual al final mejor "
        "calificado, '{ending}': {path}",
    ),
    "s824.fixed": (
        "no '{phase}' scene the coach's way passes offers anything but the best choice, so '{phase2}' cannot change "
        "the ending: {path}",
        "ninguna escena de '{phase}' del camino del coach ofrece otra cosa que la mejor opción, así que '{phase2}' no "
        "puede cambiar el final: {path}",
    ),
    "s824.hint": (
        "make what the learner decides at '{phase}' set state that the best ending requires",
        "haz que lo que se decide en '{phase}' active algo que el mejor final exija",
    ),
}

#: The parts messages are built from: who or what a message is about, and the checkers' own sub-phrases.
FRAGMENTS: dict[str, tuple[str, str]] = {
    "the_scenario": ("the scenario", "el escenario"),
    "the_translation": ("the translation", "la traducción"),
    "a_scenario_file": ("a scenario file", "un archivo de escenario"),
    "a_translation_file": ("a translation file", "un archivo de traducción"),
    "a_list": ("a list", "una lista"),
    # the operating system's reasons (strerror) for a file that cannot be read or written
    "file_missing": ("there is no such file", "ese archivo no existe"),
    "os_not_dir": ("Not a directory", "una parte de la ruta no es una carpeta"),
    "os_is_dir": ("Is a directory", "es una carpeta"),
    "os_denied": ("Permission denied", "no hay permiso"),
    "os_missing": ("No such file or directory", "no existe"),
    "os_read_only": ("Read-only file system", "el sistema de archivos es de solo lectura"),
    "os_full": ("No space left on device", "no queda espacio en el disco"),
    "an_empty_value": ("empty", "un valor vacío"),
    "a_mapping": ("a mapping", "un bloque"),
    "a_branch": ("a branch", "una rama"),
    "a_chance": ("a chance outcome", "un resultado de 'chance'"),
    "a_rule": ("a rule", "una regla"),
    "a_choice_in": ("a choice in scene '{id}'", "una opción de la escena '{id}'"),
    "variant_of": ("variant {n} of {what}", "la variante {n} de {what}"),
    "branch_of": ("a branch of choice '{id}'", "una rama de la opción '{id}'"),
    "text_of_scene": ("the text of scene '{id}'", "el texto de la escena '{id}'"),
    "text_of_choice": ("the text of choice '{id}'", "el texto de la opción '{id}'"),
    "feedback_of": ("the feedback of choice '{id}'", "el comentario (feedback) de la opción '{id}'"),
    "text_of_rule": ("the text of rule '{id}'", "el texto de la regla '{id}'"),
    "title_of_ending": ("the title of ending '{id}'", "el título del final '{id}'"),
    "text_of_ending": ("the text of ending '{id}'", "el texto del final '{id}'"),
    "scene_field": ("scene '{id}' {field}", "'{field}' de la escena '{id}'"),
    "ending_field": ("ending '{id}' {field}", "'{field}' del final '{id}'"),
    "rule_field": ("rule '{id}' {field}", "'{field}' de la regla '{id}'"),
    "scene": ("scene '{id}'", "la escena '{id}'"),
    "choice": ("choice '{id}'", "la opción '{id}'"),
    "ending": ("ending '{id}'", "el final '{id}'"),
    "rule": ("rule '{id}'", "la regla '{id}'"),
    "metric": ("metric '{id}'", "la métrica '{id}'"),
    "character": ("character '{id}'", "el personaje '{id}'"),
    "place": ("place '{id}'", "el lugar '{id}'"),
    "model_part": ("model line part '{id}'", "la parte de frase modelo '{id}'"),
    "effect_on": ("effect on {metric}", "el efecto sobre {metric}"),
    "choice_id": ("choice id", "el id de opción"),
    "rule_id": ("rule id", "el id de regla"),
    "scenario_id": ("scenario id", "el id de escenario"),
    "start": ("start", "el inicio"),
    "next": ("next", "el destino (next)"),
    "speaker": ("speaker", "quien habla (speaker)"),
    "player": ("player", "el personaje que juega (player)"),
    "flag": ("flag", "la bandera"),
    "style": ("style", "el estilo"),
    "phase": ("phase", "la fase"),
    "rating": ("rating", "la calificación (rating)"),
    "language": ("language", "el idioma (language)"),
    "portrait": ("portrait", "el retrato (portrait)"),
    "image": ("image", "la imagen (image)"),
    "place_word": ("place", "el lugar (place)"),
    "best": ("best", "best"),
    "technique": ("technique", "la técnica"),
    # what libyaml expected, and where
    "y_key": ("key", "una clave"),
    "y_dash": ("'-' indicator", "el guion '-' de la lista"),
    "y_comma_brace": ("',' or '}}'", "',' o '}}'"),
    "y_comma_bracket": ("',' or ']'", "',' o ']'"),
    "y_block_map": ("block mapping", "el bloque"),
    "y_block_seq": ("block collection", "la lista"),
    "y_flow_map": ("flow mapping", "el {{…}}"),
    "y_flow_seq": ("flow sequence", "el […]"),
    # Python's words for a condition it cannot read
    "py_syntax": ("invalid syntax", "la sintaxis no es válida"),
    "py_decimal": ("invalid decimal literal", "el número no es válido"),
    "py_never_closed": ("'{p}' was never closed", "'{p}' nunca se cierra"),
    "py_unmatched": ("unmatched '{p}'", "'{p}' sin pareja"),
    "py_eof": ("unexpected EOF while parsing", "la condición termina antes de tiempo"),
    # the reasons of S4xx, S807 and S808
    "cond_read": ("cannot read the condition: {detail}", "no se puede leer la condición: {detail}"),
    "cond_empty": ("the condition is empty", "la condición está vacía"),
    "cond_long": ("the condition is longer than {n} characters", "la condición tiene más de {n} caracteres"),
    "cond_complex": ("the condition is too complex", "la condición es demasiado compleja"),
    "cond_parts": ("the condition has more than {n} parts", "la condición tiene más de {n} partes"),
    "cond_flag_bool": (
        "a flag is true or false by itself: do not compare it with True or False",
        "una bandera ya es verdadera o falsa por sí misma: no la compares con True ni con False",
    ),
    "cond_bitwise": ("bitwise operators are not allowed", "no se permiten operadores de bits"),
    "cond_compare": (
        "only < <= > >= == != comparisons are allowed",
        "solo se permiten las comparaciones < <= > >= == !=",
    ),
    "cond_powers": ("powers (**) are not allowed", "no se permiten potencias (**)"),
    "cond_arith": ("only + - * / % are allowed on numbers", "con números solo se permiten + - * / %"),
    "cond_large": ("the number is too large", "el número es demasiado grande"),
    "cond_attr": (
        "attribute access is only allowed as flags.name",
        "solo se permite el acceso con punto como flags.nombre",
    ),
    "cond_literals": (
        "text and other literals are not allowed; compare numbers and flags",
        "no se permiten textos ni otros literales; compara números y banderas",
    ),
    "cond_calls": ("calls are not allowed in conditions", "no se permiten llamadas a funciones en las condiciones"),
    "cond_lambdas": ("lambdas are not allowed in conditions", "no se permiten lambdas en las condiciones"),
    "cond_not_allowed": ("{what} are not allowed in conditions", "no se permiten {what} en las condiciones"),
    "cond_dunder": (
        "'{name}': names starting with __ are not allowed",
        "'{name}': no se permiten nombres que empiecen por __",
    ),
    "cond_unknown": ("unknown name '{name}' in condition", "nombre desconocido '{name}' en la condición"),
    "cond_unknown_kind": ("unknown {kind} '{name}' in condition", "{kind} desconocido '{name}' en la condición"),
    "never_change": ("the values it reads never change", "los valores que lee nunca cambian"),
    # S113 and S201 details
    "not_regular": ("it is not a regular file", "no es un archivo normal"),
    "image_size": (
        "it is {w}×{h} pixels; the game shows images of at most {side} pixels a side and {total} pixels in all "
        "({mp} megapixels)",
        "mide {w}×{h} píxeles; el juego muestra imágenes de como mucho {side} píxeles de lado y {total} píxeles en "
        "total ({mp} megapíxeles)",
    ),
    "image_unreadable": ("it cannot be read ({why})", "no se puede leer ({why})"),
    "and_more": ("{shown} and {count} more", "{shown} y {count} más"),
    # the strategies of S823 (game.authoring.strategies)
    "strat_option": ("always option {k} (written order)", "siempre la opción {k} (en el orden escrito)"),
    "strat_longest": ("always the longest text", "siempre el texto más largo"),
    "strat_assertive": ("always the first assertive", "siempre la primera asertiva"),
    "strat_coach": ("coach's best", "la mejor según el coach"),
    "strat_phase_bad": ("{phase} played badly, the rest as the coach", "{phase} jugada mal, el resto como el coach"),
    "value_is": ("{name} is {value}", "{name} vale {value}"),
}

#: The tools' fixed phrases (headings, summaries, labels).
WORDS: dict[str, tuple[str, str]] = {
    "error": ("error", "error"),
    "warning": ("warning", "aviso"),
    "hint": ("hint", "pista"),
    "docs": ("docs", "ayuda"),
    "check.summary": ("{files}: {errors}, {warnings}", "{files}: {errors}, {warnings}"),
    "check.files.one": ("{n} file checked", "{n} archivo revisado"),
    "check.files.other": ("{n} files checked", "{n} archivos revisados"),
    "check.errors.one": ("{n} error", "{n} error"),
    "check.errors.other": ("{n} errors", "{n} errores"),
    "check.warnings.one": ("{n} warning", "{n} aviso"),
    "check.warnings.other": ("{n} warnings", "{n} avisos"),
    "check.warnings_pass": (
        " (warnings alone do not fail; --strict makes them fail)",
        " (los avisos solos no hacen fallar la revisión; con --strict, sí)",
    ),
    "check.more.one": (
        "… and {n} more problem not shown (the first {limit} are)",
        "… y {n} problema más que no se muestra (se muestran los {limit} primeros)",
    ),
    "check.more.other": (
        "… and {n} more problems not shown (the first {limit} are)",
        "… y {n} problemas más que no se muestran (se muestran los {limit} primeros)",
    ),
    "check.missing": ("error: no such file or folder", "error: no existe ese archivo ni esa carpeta"),
    "check.none": ("error: no scenario files here (*.yaml)", "error: aquí no hay archivos de escenario (*.yaml)"),
    "play.blocked": (
        "cannot be played until the errors above are fixed",
        "no se puede jugar hasta corregir los errores de arriba",
    ),
    "play.no_translation": (
        "no '{language}' translation; playing in '{own}'",
        "no hay traducción a '{language}'; se juega en '{own}'",
    ),
    "play.translation_problems.one": (
        "warning: the '{language}' translation has {n} problem (`sticky check {path}` shows it); '{language}' "
        "shows the '{own}' text wherever it can't give one",
        "aviso: la traducción a '{language}' tiene {n} problema (`sticky --lang es check {path}` lo muestra); donde "
        "falte un texto en '{language}', se muestra el de '{own}'",
    ),
    "play.translation_problems.other": (
        "warning: the '{language}' translation has {n} problems (`sticky check {path}` lists them); '{language}' "
        "shows the '{own}' text wherever it can't give one",
        "aviso: la traducción a '{language}' tiene {n} problemas (`sticky --lang es check {path}` los enumera); donde "
        "falte un texto en '{language}', se muestra el de '{own}'",
    ),
}
