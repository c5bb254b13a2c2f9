"""Een nieuw profiel beginnen: een skelet met uitleg, of een kopie van een bestaand profiel.

Schrijft in de eerste ``--gemeenten MAP`` of anders ``./gemeenten``; nooit in het
geïnstalleerde pakket en nooit over een bestaand profiel heen.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Iterable

from . import laden
from .fouten import BestaatAl, GebruiksFout
from .renderen import omgeving, sjabloonmappen
from .schema import ID_PATROON


def doelmap(gemeenten: Iterable[Path | str] = (), werkmap: Path | None = None) -> Path:
    """Waar nieuwe profielen en jaargegevens komen: de eerste --gemeenten, anders ./gemeenten."""
    gemeenten = list(gemeenten)
    return Path(gemeenten[0]) if gemeenten else (werkmap or Path.cwd()) / "gemeenten"


def maak_profiel(naam: str, gemeenten: Iterable[Path | str] = (), voorbeeld: str | None = None,
                 werkmap: Path | None = None) -> Path:
    if not re.match(ID_PATROON, naam):
        raise GebruiksFout(
            f"'{naam}' is geen geldige profielnaam: gebruik kleine letters, cijfers, - en _, "
            "bijvoorbeeld 'leiden' of 'west-betuwe'.")
    gemeenten = list(gemeenten)
    doel = doelmap(gemeenten, werkmap) / naam
    if doel.exists():
        raise BestaatAl(doel)
    if voorbeeld:
        bron = laden.vind_profiel(voorbeeld, laden.zoekmappen(gemeenten, werkmap))
        tijdelijk = doel.with_name(f".{naam}.nieuw")
        shutil.rmtree(tijdelijk, ignore_errors=True)
        shutil.copytree(bron.map, tijdelijk, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
        tijdelijk.rename(doel)
        return doel
    gemeentenaam = " ".join(deel.capitalize() for deel in re.split(r"[-_]", naam))
    tekst = omgeving(sjabloonmappen(None)).get_template("nieuw/profiel.yaml.j2").render(
        naam=naam, gemeentenaam=gemeentenaam)
    doel.mkdir(parents=True)
    laden_pad = doel / laden.PROFIELBESTAND
    laden_pad.write_text(tekst, encoding="utf-8", newline="\n")
    return doel
