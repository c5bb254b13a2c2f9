"""Meer gemeenten tegelijk: alle leden van een regio, of een rij namen.

Elke gemeente wordt precies zo gemaakt als wanneer ze alleen gegenereerd wordt (dezelfde
``generate``-aanroep), in twee processen naast elkaar. Gaat één gemeente mis, dan gaan
de andere door; de samenvatting zegt per gemeente wat er gebeurde.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from integriteitsplan import laden
from integriteitsplan.fouten import GebruiksFout, IntegriteitsplanFout
from integriteitsplan.genereren import generate


@dataclass
class Uitkomst:
    gemeente: str
    gelukt: bool
    bestanden: list[Path] = field(default_factory=list)
    melding: str = ""
    waarschuwingen: int = 0


def leden_van(regio: str, mappen: list[laden.Zoekmap]) -> list[str]:
    """De leden die een regioprofiel noemt, in de volgorde van het profiel."""
    vindplaats = laden.vind_profiel(regio, mappen)
    data = laden.lees_yaml(vindplaats.bestand, laden.weergavenaam(vindplaats))
    leden = data.get("leden")
    if not isinstance(leden, list) or not leden:
        raise GebruiksFout(f"Het profiel '{regio}' is geen regio: het noemt geen 'leden'. "
                           f"Genereer het met: integriteitsplan genereer {regio}")
    return [str(lid) for lid in leden]


def _een(gemeente: str, opties: dict) -> Uitkomst:
    try:
        verslag = generate(gemeente, **opties)
    except IntegriteitsplanFout as fout:
        return Uitkomst(gemeente, False, melding=str(fout))
    except Exception as fout:  # noqa: BLE001 - één kapotte gemeente mag de rest niet stoppen
        return Uitkomst(gemeente, False, melding=f"Onverwachte fout ({type(fout).__name__}: {fout}). "
                        "Meld dit aan de beheerders van integriteitsplan.")
    return Uitkomst(gemeente, True, [b.pad for b in verslag.bestanden], waarschuwingen=len(verslag.waarschuwingen))


def genereer_meerdere(
    gemeenten_namen: Iterable[str],
    *,
    processen: int | None = None,
    bij_klaar: Callable[[Uitkomst], None] | None = None,
    **opties,
) -> list[Uitkomst]:
    """Genereer elke gemeente met ``generate(**opties)``; de uitkomsten in de volgorde van
    de namen. ``bij_klaar`` wordt aangeroepen zodra een gemeente klaar is (voortgang)."""
    namen = list(dict.fromkeys(gemeenten_namen))
    if "pdf" in tuple(opties.get("formaten", ())):  # LibreOffice één keer, voor alle processen
        from integriteitsplan.schrijven import pdf

        opties["formaten"] = tuple(opties["formaten"])
        with pdf.gedeeld():
            return _genereer(namen, processen, bij_klaar, opties)
    return _genereer(namen, processen, bij_klaar, opties)


def _genereer(namen: list[str], processen: int | None, bij_klaar, opties: dict) -> list[Uitkomst]:
    processen = processen or min(2, os.cpu_count() or 1, len(namen))
    uitkomsten: dict[str, Uitkomst] = {}
    if processen <= 1 or len(namen) <= 1:
        for naam in namen:
            uitkomsten[naam] = _een(naam, opties)
            if bij_klaar:
                bij_klaar(uitkomsten[naam])
    else:
        with ProcessPoolExecutor(max_workers=processen) as pool:
            taken = {pool.submit(_een, naam, opties): naam for naam in namen}
            for taak in as_completed(taken):
                uitkomst = taak.result()
                uitkomsten[uitkomst.gemeente] = uitkomst
                if bij_klaar:
                    bij_klaar(uitkomst)
    return [uitkomsten[naam] for naam in namen]
