"""Click in het Nederlands: de vaste teksten van click (hulp, gebruiksfouten) vertaald.

Click haalt zijn teksten op met ``gettext``; hier vervangen we die opzoekfunctie in de
modules van click door een die deze tabel gebruikt. Teksten die hier niet staan,
blijven zoals click ze geeft.
"""
from __future__ import annotations

import importlib

VERTALING = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon het versienummer en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Typ '{command} {option}' voor hulp.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende waarde",
    "Missing command.": "Geef een opdracht.",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Missing parameter: {param_name}": "Ontbrekende waarde: {param_name}",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such option: {name}": "Onbekende optie: {name}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Option {name!r} requires an argument.": "Optie {name!r} heeft een waarde nodig.",
    "Option {name!r} requires {nargs} arguments.": "Optie {name!r} heeft {nargs} waarden nodig.",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "{value!r} is not {choice}.": "{value!r} is geen {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} is niet een van {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Onverwachte extra argumenten ({args})",
    "Did you mean {possibility}?": "Bedoelde u {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Bedoelde u een van: {possibilities}?)",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "Directory": "Map",
    "File": "Bestand",
    "Path": "Pad",
    "directory": "map",
    "file": "bestand",
    "path": "pad",
    "default: {default}": "standaard: {default}",
    "Aborted!": "Afgebroken.",
    "integer": "geheel getal",
    "argument": "argument",
    "option": "optie",
    "parameter": "waarde",
}


def _gettext(tekst: str) -> str:
    return VERTALING.get(tekst, tekst)


def _ngettext(enkel: str, meer: str, aantal: int) -> str:
    return _gettext(enkel if aantal == 1 else meer)


def installeer() -> None:
    for naam in ("core", "exceptions", "formatting", "decorators", "parser", "types", "termui", "utils"):
        try:
            module = importlib.import_module(f"click.{naam}")
        except ImportError:  # pragma: no cover - andere click-versie
            continue
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext
