"""The command line's help and argparse's own words in Spanish, for ``sticky --lang es ... --help`` and for a
mistake on a Spanish command line («uso:», «error: faltan estos argumentos: PATH»).

argparse looks its words up through gettext (``argparse._``, ``argparse.ngettext``) at the moment it uses them,
some while the parser is built (``options``, the ``-h`` help) and some while it reads the command line
(``usage:``, its error messages). :func:`spoken` puts Spanish in their place for that time only and puts the
originals back afterwards. :func:`translate_help` gives every command, and every action of ``records`` and
``xapi``, its description, option help, group titles and one-line summary in Spanish, and makes the parsers
word their own usage errors (``--lang es`` before and ``--lang en`` after the command ...) in Spanish too.
tests/training/test_help_in_spanish.py walks every command and fails on any help text left in English.

``game.cli`` imports this module only when the command line asks for Spanish: start-up time matters.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn

from game.locale.plural_rules import category

#: argparse's own words (its gettext message ids, Python 3.10 to 3.13) in neutral Spanish.
ARGPARSE: dict[str, str] = {
    "usage: ": "uso: ",
    "options": "opciones",
    "optional arguments": "opciones",
    "positional arguments": "argumentos",
    "show this help message and exit": "muestra esta ayuda y termina",
    "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "valor no válido: %(value)r (elige entre %(choices)s)",
    "the following arguments are required: %s": "faltan estos argumentos: %s",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s",
    "expected one argument": "falta su valor",
    "expected at most one argument": "admite como mucho un valor",
    "expected at least one argument": "necesita al menos un valor",
    "invalid %(type)s value: %(value)r": "valor no válido: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "opción ambigua: %(option)s puede ser %(matches)s",
    "not allowed with argument %s": "no se puede usar junto con %s",
    "one of the arguments %s is required": "hace falta uno de estos argumentos: %s",
    "ignored explicit argument %r": "se ignoró el valor %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "comando desconocido %(parser_name)r (comandos: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "no se puede abrir '%(filename)s': %(error)s",
}

#: argparse's counted words: (one, other) in English -> (one, other) in Spanish.
ARGPARSE_COUNTED: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): ("necesita %s valor", "necesita %s valores"),
}

#: The top-level options and the one-line summary of each command, by option ``dest`` or command name.
TOP: dict[str, str] = {
    "description": "Situaciones espinosas (Sticky Situations): practica conversaciones difíciles con clientes. Sin "
    "comando, abre el juego.",
    "lang": "idioma: de la ventana del juego (por omisión, tu ajuste), del escenario que se juega (por omisión, "
    "el suyo) y del informe (por omisión, en); también se admite después del comando",
    "data": "carpeta de ajustes, partidas guardadas y registros (por omisión, tu carpeta de datos de usuario)",
    "scenarios_folder": "una carpeta con tus propios escenarios, que el juego muestra junto a los incluidos y "
    "encuentra por su id (`sticky play mi-tienda`); se guarda en tus ajustes; --scenarios '' la olvida",
    "version": "muestra la versión del programa y termina",
    "check": "revisa archivos de escenario (y sus traducciones) en busca de problemas",
    "play": "juega un escenario: en la ventana, en la terminal (--text) o con un guion (--json)",
    "schema": "muestra el esquema JSON de los archivos de escenario (para el autocompletado del editor)",
    "explore": "prueba cada opción en cada estado alcanzable: finales, probabilidades, caminos, bloqueos",
    "graph": "dibuja el mapa del escenario (Mermaid para GitHub, o DOT para Graphviz)",
    "new": "empieza un escenario nuevo a partir de un ejemplo pequeño y completo",
    "translate": "crea o actualiza el archivo de traducción de un escenario (textos nuevos por traducir, "
    "desactualizados marcados)",
    "records": "registros de participantes: listar, jugar y registrar, exportar, importar",
    "replay": "repite exactamente una partida registrada y comprueba sus métricas",
    "export": "exporta los registros como archivos CSV (partidas, opciones, votos)",
    "report": "escribe el informe para quien facilita (HTML, funciona sin conexión)",
    "xapi": "sentencias xAPI: estado, enviar al LRS, mostrar",
    "facilitate": "juego en grupo guiado: debatir, votar, revelar, jugar, analizar",
}

#: Each authoring command's description ("") and option help, by option ``dest``.
COMMANDS: dict[str, dict[str, str]] = {
    "check": {
        "": "Revisa archivos de escenario y sus traducciones. Termina con 0 si todo está bien (también con solo "
        "avisos), con 1 si hay errores, o avisos con --strict. Cada código se explica en docs/diagnostics.md.",
        "paths": "archivos o carpetas de escenarios",
        "format": "text: con las líneas del archivo y las pistas (por omisión); short: una línea cada uno; "
        "json: para herramientas",
        "strict": "falla también con avisos",
    },
    "explore": {
        "": "Explora un escenario a fondo: cada estado distinto alcanzable (escena, métricas, banderas, reglas "
        "aplicadas), cada opción y cada resultado del azar con su probabilidad.",
        "path": "un archivo de escenario",
        "json": "muestra los datos en bruto en lugar de la tabla",
        "strategies": "solo la tabla de estrategias (estrategias fijas, cada fase de decisión jugada mal): una "
        "fracción de segundo, sin la exploración completa, así que sin el juego al azar ni las filas del orden "
        "mezclado",
        "max_states": "se detiene tras N estados distintos (por omisión {sweep}; {graph} cuando una opción puede "
        "volver a una escena anterior, porque entonces todo el grafo de estados se guarda en memoria)",
    },
    "graph": {
        "": "Muestra el mapa del escenario: escenas coloreadas por fase, finales con su calificación, opciones como "
        "flechas con su nombre y el azar como flechas discontinuas con sus probabilidades.",
        "path": "un archivo de escenario",
        "format": "formato de salida",
        "highlight": "dibuja una partida: ids de opciones separados por comas, o un archivo JSON de "
        "`sticky play --json`",
        "output": "escribe en FILE en lugar de la pantalla",
    },
    "new": {
        "": "Escribe un escenario pequeño y completo (tres puntos de decisión, una regla, un resultado del azar, "
        "tres finales) que pasa `sticky check` y se puede jugar; luego hazlo tuyo.",
        "path": "el archivo que se escribe, por ejemplo scenarios/cliente-moroso.yaml",
        "title": "el título del escenario (por omisión, a partir del nombre del archivo)",
        "force": "sobrescribe el archivo si ya existe",
    },
    "translate": {
        "": "Escribe <nombre>.<idioma>.yaml junto al escenario: cada texto del escenario, traducido o marcado "
        "# PENDIENTE, con las traducciones desactualizadas marcadas # DESACTUALIZADO y las huellas de los textos "
        "originales en source_hashes.",
        "path": "el archivo principal del escenario",
        "to": "idioma: en o es",
    },
    "schema": {"": "Muestra el esquema JSON de los archivos de escenario (para el autocompletado del editor)."},
    "play": {
        "path": "un archivo de escenario",
        "lang_after_command": "idioma del texto (igual que `sticky --lang`)",
        "choices": "ids de opciones separados por comas (lo más seguro) o números como se ven en pantalla (el "
        "orden de la semilla), para jugarlas en orden",
        "seed": "semilla del azar y del orden en que se muestran las opciones (por omisión 0)",
        "json": "muestra un objeto JSON que describe la partida",
        "text": "juego interactivo en la terminal, en texto simple (apto para lectores de pantalla)",
        "texts": "con --json: agrega los textos mostrados (escena, opción, comentario, nota del azar, reglas, "
        "final) en el idioma de la partida, cada variante tal como la eligió el estado",
        "screenshots": "guarda cada pantalla de la partida con guion como PNG en DIR",
        "size": "con --screenshots: el tamaño de la ventana (por omisión 1280x720)",
        "text_size": "con --screenshots: el tamaño del texto (0-2)",
        "high_contrast": "con --screenshots: el tema de alto contraste",
    },
}

#: The same for the training commands, and for each action of ``records`` and ``xapi`` ("records list": its
#: one-line summary under "", its options by ``dest``).
COMMANDS.update(
    {
        "records": {},
        "records list": {
            "": "lista las partidas registradas",
            "cohort": "solo este grupo",
            "json": "muestra JSON",
        },
        "records play": {
            "": "juega un escenario sin ventana, con las opciones de un guion, y lo registra",
            "path": "un archivo de escenario",
            "choices": "ids de opciones separados por comas, o números como se ven en pantalla (el orden de la "
            "semilla)",
            "seconds": "tiempos de decisión en segundos, separados por comas, uno por opción",
            "seed": "semilla del azar y del orden en que se muestran las opciones (por omisión 0)",
            "lang_after_command": "idioma en que se juega (igual que `sticky --lang`)",
            "learner": "el nombre de quien juega (por omisión: anonymous)",
            "cohort": "código del grupo o del taller",
            "mode": "practice (por omisión), assessment o group",
        },
        "records learner": {
            "": "indica quién juega en esta computadora (nombre y grupo para los registros del juego)",
            "name": "el nombre de quien juega (si se omite, muestra el actual)",
            "cohort": "código del grupo o del taller",
            "clear": "olvida el nombre y el grupo",
        },
        "records learners": {
            "": "prepara una sala: fija el grupo y la lista de quienes pueden jugar (la ventana ofrece los nombres)",
            "names": "los nombres de quienes juegan (ninguno: se puede escribir cualquier nombre)",
            "cohort": "el grupo en el que se registra cada partida de esta sala",
            "clear": "quita la preparación de la sala",
        },
        "records export": {
            "": "escribe los registros en un archivo JSON Lines (.json: un solo arreglo JSON)",
            "cohort": "solo este grupo",
        },
        "records import": {
            "": "agrega registros de archivos exportados (revisados; una copia más nueva reemplaza a la anterior); "
            "importar dos veces no agrega nada",
        },
        "records recover": {
            "": "guarda lo que aún se puede leer de una base de datos de registros dañada en una nueva, junto a ella",
            "out": "la base de datos nueva (por omisión: junto a la anterior, con la fecha)",
        },
        "replay": {
            "id": "número o UUID de la partida (ver `sticky records list`)",
            "scenario": "el archivo de escenario con el que se jugó (por omisión: se busca)",
            "lang_after_command": "idioma del texto que se muestra (por omisión: el de la partida; igual que "
            "`sticky --lang`)",
            "json": "muestra un objeto JSON",
        },
        "export": {
            "csv": "carpeta donde se escriben los archivos CSV",
            "cohort": "solo este grupo",
            "excel": "para una hoja de cálculo configurada en el idioma de --lang: marca de orden de bytes UTF-8, "
            "';' y coma decimal en español, ',' y punto decimal en inglés",
            "lang_after_command": "idioma de los textos y, con --excel, de la hoja de cálculo (por omisión: el de "
            "cada partida; igual que `sticky --lang`)",
            "scenarios": "otros archivos o carpetas de escenarios donde buscar las versiones jugadas (scenarios/ "
            "se revisa siempre)",
        },
        "report": {
            "out": "el archivo HTML que se escribe",
            "cohort": "solo este grupo (por omisión: todos los grupos)",
            "scenario": "solo este escenario (por omisión: todos los escenarios jugados)",
            "lang_after_command": "idioma del informe (por omisión en; igual que `sticky --lang`)",
            "scenarios": "otros archivos o carpetas de escenarios donde buscar las versiones jugadas (scenarios/ "
            "se revisa siempre)",
            "from_lrs": "arma el informe con las sentencias del LRS configurado (todas las salas que enviaron allí)",
            "since": "con --from-lrs: solo las sentencias posteriores a TIME (ISO 8601, por ejemplo 2026-11-27)",
        },
        "xapi": {},
        "xapi status": {"": "cuántas sentencias hay en cola, enviadas o rechazadas"},
        "xapi send": {
            "": "envía las sentencias en cola al LRS configurado, con reintentos",
            "retries": "reintentos por sentencia (por omisión 3)",
            "timeout": "segundos de espera por cada respuesta (por omisión 10)",
            "all": "reintenta también las sentencias que el LRS ya rechazó",
            "batch": "envía N sentencias por solicitud (para una cola larga; por omisión 1)",
        },
        "xapi show": {
            "": "muestra como JSON las sentencias de una partida",
            "id": "número o UUID de la partida",
        },
        "xapi config": {
            "": "muestra o cambia el LRS y cómo se identifica a quienes juegan (se guarda en lrs.json, en la "
            "carpeta de datos)",
            "endpoint": "el punto de acceso xAPI del LRS, por ejemplo https://lrs.example.org/xAPI/",
            "username": "la clave del LRS (autenticación básica)",
            "password": "el secreto del LRS",
            "homepage": "la página de inicio de las cuentas de quienes juegan (la dirección de tu LMS)",
            "account_name": "el nombre de la cuenta, por ejemplo '{{cohort}}/{{learner}}' (el predeterminado)",
            "mbox": "identifica por correo electrónico: 'mailto:{{learner_slug}}@org'",
            "activity_base": "la base de los IRI de actividades y extensiones",
        },
        "facilitate": {
            "path": "un archivo de escenario",
            "lang_after_command": "idioma del texto (igual que `sticky --lang`)",
            "cohort": "código del grupo o del taller para los registros",
            "countdown": "temporizador del debate en cada decisión (lo inicia la barra espaciadora; por omisión, "
            "ninguno)",
            "seed": "semilla del azar y del orden en que se muestran las opciones (por omisión 0)",
            "window": "tamaño de la ventana (por omisión 1280x720)",
            "fullscreen": "ocupa toda la pantalla del proyector",
            "no_record": "no registra esta sesión",
            "keys": "juega estas teclas sin ventana, separadas por comas (para pruebas y demostraciones)",
            "screenshots": "con --keys: guarda un PNG después de cada tecla",
            "serve": "la sala vota desde sus teléfonos: una página web en esta red",
            "host": "con --serve: la dirección en la que se escucha (por omisión 0.0.0.0, todas las redes)",
            "port": "con --serve: el puerto en el que se escucha (por omisión 8765; 0 elige uno libre)",
        },
    }
)

#: The titles of option groups.
GROUPS: dict[str, str] = {"phone voting": "votación desde el teléfono"}

#: Usage errors the commands word themselves (``game.cli``, option types), as (English pattern, Spanish).
ERRORS: tuple[tuple[str, str], ...] = (
    (
        r"--lang (\S+) before the command and --lang (\S+) after it: give one language",
        r"--lang \1 antes del comando y --lang \2 después: indica un solo idioma",
    ),
    (
        r"--data (.+) before the command and --data (.+) after it: give one folder",
        r"--data \1 antes del comando y --data \2 después: indica una sola carpeta",
    ),
    (r"--scenarios (.*): no such folder", r"--scenarios \1: esa carpeta no existe"),
    (r"--scenarios: cannot remember it in (.+?): (.*)", r"--scenarios: no se puede guardar en \1: \2"),
    (
        r"expected a whole number of states, at least 1 \(got (.*)\)",
        r"se esperaba un número entero de estados, como mínimo 1 (se recibió \1)",
    ),
)

#: The options every command accepts after its name (``--lang``, ``--data``; see ``game.cli``).
AFTER: dict[str, str] = {
    "lang_after_command": "idioma de los mensajes, encabezados y etiquetas (igual que `sticky --lang`)",
    "data_after_command": "igual que `sticky --data DIR`",
}


def _gettext(text: str) -> str:
    return ARGPARSE.get(text, text)


def _ngettext(one: str, other: str, n: int) -> str:
    spanish = ARGPARSE_COUNTED.get((one, other))
    if spanish is None:
        return one if n == 1 else other
    return spanish[0] if category("es", n) == "one" else spanish[1]


@contextmanager
def spoken(language: str | None) -> Iterator[None]:
    """While it lasts, argparse says its own words in ``language`` (Spanish; any other language: as it is)."""
    if language != "es":
        yield
        return
    saved: tuple[Callable[[str], str], Callable[[str, str, int], str]] = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def translate_help(parser: argparse.ArgumentParser, **figures: str) -> None:
    """Give ``parser`` (``sticky``'s, with its commands) the Spanish help of the tables above, in place, and
    make every one of its parsers word a usage error in Spanish.

    ``figures`` fill the ``{placeholders}`` of a help text (explore's default limits, written the Spanish way).
    """
    parser.description = TOP["description"]
    _speak_errors(parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for pseudo in action._choices_actions:
                pseudo.help = TOP.get(pseudo.dest, pseudo.help)
            for name, command in action.choices.items():
                _command_help(command, name, figures)
        elif action.dest in TOP:
            action.help = TOP[action.dest]


def _command_help(parser: argparse.ArgumentParser, name: str, figures: dict[str, str]) -> None:
    """``parser`` (the command ``name``: ``check``, ``records list`` ...) and its actions, in Spanish."""
    table = COMMANDS.get(name, {})
    if "" in table and " " not in name:  # an action's "" is its one-line summary in the list of actions
        parser.description = table[""].format(**figures)
    _speak_errors(parser)
    for group in parser._action_groups:
        group.title = GROUPS.get(group.title or "", group.title)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):  # `records list` ...
            for pseudo in action._choices_actions:
                pseudo.help = COMMANDS.get(f"{name} {pseudo.dest}", {}).get("", pseudo.help)
            for child_name, child in action.choices.items():
                _command_help(child, f"{name} {child_name}", figures)
            continue
        spanish = table.get(action.dest) or AFTER.get(action.dest)
        if spanish is not None:
            action.help = spanish.format(**figures)


def spanish_error(message: str) -> str:
    """A usage error worded by a command (not by argparse) in Spanish; any other message as it is."""
    for english, spanish in ERRORS:
        message = re.sub(english, spanish, message)
    return message


def _speak_errors(parser: argparse.ArgumentParser) -> None:
    """Make ``parser`` print its usage errors in Spanish, even after :func:`spoken` has ended (``game.cli``
    checks the folder of ``--scenarios`` once the command line is parsed)."""
    english = parser.error

    def error(message: str) -> NoReturn:
        with spoken("es"):
            english(spanish_error(message))
        raise AssertionError("argparse's error() returned")  # pragma: no cover - it always exits

    parser.error = error  # type: ignore[method-assign]
