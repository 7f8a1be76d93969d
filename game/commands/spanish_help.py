"""The command line's help and argparse's own words in Spanish, for ``sticky --lang es ... --help`` and for a
mistake on a Spanish command line («uso:», «error: faltan estos argumentos: PATH»).

argparse looks its words up through gettext (``argparse._``, ``argparse.ngettext``) at the moment it uses them,
some while the parser is built (``options``, the ``-h`` help) and some while it reads the command line
(``usage:``, its error messages). :func:`spoken` puts Spanish in their place for that time only and puts the
originals back afterwards. :func:`translate_help` gives the authoring commands' descriptions and option
help in Spanish, and every command's one-line summary; an option not in the tables (those of the training
commands: records, report, facilitate ...) keeps its English help.

``game.cli`` imports this module only when the command line asks for Spanish: start-up time matters.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

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
    "description": "Sticky Situations: practica conversaciones difíciles con clientes. Sin comando, abre el juego.",
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
    """Give ``parser`` (``sticky``'s, with its commands) the Spanish help of the tables above, in place.

    ``figures`` fill the ``{placeholders}`` of a help text (explore's default limits, written the Spanish way).
    """
    parser.description = TOP["description"]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for pseudo in action._choices_actions:
                pseudo.help = TOP.get(pseudo.dest, pseudo.help)
            for name, command in action.choices.items():
                _command_help(command, COMMANDS.get(name, {}), figures)
        elif action.dest in TOP:
            action.help = TOP[action.dest]


def _command_help(parser: argparse.ArgumentParser, table: dict[str, str], figures: dict[str, str]) -> None:
    if "" in table:
        parser.description = table[""].format(**figures)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):  # `records list` ...: their --lang and --data
            for child in action.choices.values():
                _command_help(child, {}, figures)
            continue
        spanish = table.get(action.dest) or AFTER.get(action.dest)
        if spanish is not None:
            action.help = spanish.format(**figures)
