"""Profielen vinden en laden, met hun keten van bases.

Een profiel is een map ``<naam>/`` met ``profiel.yaml``. Profielen worden gezocht in, op
volgorde (de eerste vondst telt): elke ``--gemeenten MAP``, dan ``./gemeenten`` in de
huidige map, dan de profielen die met het programma zijn meegeleverd.

Ontvangt een naam en de zoekmappen; geeft een ``Profiel``: de samengevoegde gegevens, de
keten van profielmappen en per laag wat daar staat.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from integriteitsplan.bronnen import meegeleverde_profielen
from integriteitsplan.domein import paden
from integriteitsplan.domein.grenzen import ID_PATROON
from integriteitsplan.fouten import Foutmelding, GebruiksFout, GemeenteOnbekend, InvoerFout, Plek
from integriteitsplan.laden.samenvoegen import (
    _dubbele_ids,
    _niet_erven,
    naam_voor_plaatshouder,
    voeg_samen,
    vul_gemeente_in,
)
from integriteitsplan.laden.yamlbestand import Mapping, lees_yaml

PROFIELBESTAND = "profiel.yaml"


@dataclass(frozen=True)
class Zoekmap:
    pad: Path
    herkomst: str  # hoe de gebruiker deze map kent: "--gemeenten ...", "./gemeenten", "meegeleverd"


def meegeleverde_map() -> Path:
    """De map met profielen die met het pakket zijn meegeleverd."""
    return meegeleverde_profielen()


def zoekmappen(opties: Iterable[Path | str] = (), werkmap: Path | None = None) -> list[Zoekmap]:
    """De mappen waarin profielen gezocht worden, in volgorde; elke map één keer."""
    kandidaten = [Zoekmap(Path(p), f"--gemeenten {p}") for p in opties]
    kandidaten.append(Zoekmap((werkmap or Path.cwd()) / "gemeenten", "./gemeenten"))
    kandidaten.append(Zoekmap(meegeleverde_map(), "meegeleverd"))
    uit: list[Zoekmap] = []
    gezien: set[str] = set()
    for kandidaat in kandidaten:
        if not kandidaat.pad.is_dir():
            continue
        sleutel = os.path.normcase(str(kandidaat.pad.resolve()))
        if sleutel in gezien:
            continue
        gezien.add(sleutel)
        uit.append(kandidaat)
    return uit


@dataclass(frozen=True)
class Vindplaats:
    naam: str
    map: Path
    herkomst: str

    @property
    def bestand(self) -> Path:
        return self.map / PROFIELBESTAND


def alle_profielen(mappen: list[Zoekmap]) -> dict[str, Vindplaats]:
    """Elke profielnaam met de map waar hij het eerst gevonden wordt."""
    gevonden: dict[str, Vindplaats] = {}
    for zoekmap in mappen:
        for sub in sorted(zoekmap.pad.iterdir()):
            if sub.name not in gevonden and (sub / PROFIELBESTAND).is_file():
                gevonden[sub.name] = Vindplaats(sub.name, sub, zoekmap.herkomst)
    return gevonden


def vind_profiel(naam: str, mappen: list[Zoekmap]) -> Vindplaats:
    import re

    if not re.match(ID_PATROON, naam):

        raise GebruiksFout(f"'{naam}' is geen profielnaam: geef de naam van de map in gemeenten/ (kleine "
                           "letters, cijfers, - en _), bijvoorbeeld 'voorbeeld'. Een profiel in een andere map "
                           "vindt u met --gemeenten MAP.")
    for zoekmap in mappen:
        # profiel.yaml moet echt in de map van het profiel staan: een snelkoppeling naar een
        # YAML-bestand elders telt niet (zoals bij logo, huisstijl en jaarbestanden)
        if (zoekmap.pad / naam / PROFIELBESTAND).is_file() and paden.binnen(zoekmap.pad / naam, PROFIELBESTAND):
            return Vindplaats(naam, zoekmap.pad / naam, zoekmap.herkomst)
    raise GemeenteOnbekend(naam, list(alle_profielen(mappen)), [z.herkomst for z in mappen])


@dataclass
class Profiel:
    """Een geladen profiel: de samengevoegde gegevens en de keten van profielmappen
    (eerst het profiel zelf, dan zijn basis, dan diens basis)."""

    naam: str
    vindplaats: Vindplaats
    data: Mapping
    keten: list[Vindplaats] = field(default_factory=list)
    eigen: Mapping | None = None  # alleen wat in het eigen profiel.yaml staat
    lagen: list[Mapping] = field(default_factory=list)  # per profiel in de keten wat daar staat
    waarschuwingen: list[Foutmelding] = field(default_factory=list)  # van het samenvoegen

    @property
    def map(self) -> Path:
        return self.vindplaats.map

    @property
    def basis(self) -> str | None:
        return self.keten[1].naam if len(self.keten) > 1 else None


def weergavenaam(vindplaats: Vindplaats) -> str:
    """Hoe een profielbestand in meldingen heet: kort en herkenbaar."""
    return f"{vindplaats.naam}/{PROFIELBESTAND}"


def laad_profiel(naam: str, mappen: list[Zoekmap], gemeente: str | None = None) -> Profiel:
    """Laad een profiel en, via ``basis``, de profielen waarop het voortbouwt. De plaatshouder
    {gemeente} in de teksten krijgt de naam van de gemeente (of ``gemeente``, als die gegeven
    is: zo leest het verschillenrapport de regionale basis met de naam van een lid)."""
    keten: list[Vindplaats] = []
    lagen: list[Mapping] = []
    huidig: str | None = naam
    verwijzing: Foutmelding | None = None
    while huidig is not None:
        if any(v.naam == huidig for v in keten):
            kring = " → ".join([v.naam for v in keten] + [huidig])
            raise InvoerFout([Foutmelding(verwijzing.plek if verwijzing else Plek(),
                                      f"de basisprofielen verwijzen in een kring naar elkaar: {kring}. "
                                      "Haal 'basis' weg uit een van deze profielen.")])
        try:
            vindplaats = vind_profiel(huidig, mappen)
        except GemeenteOnbekend:
            if verwijzing is None:
                raise
            from difflib import get_close_matches

            bekend = sorted(alle_profielen(mappen))
            voorstel = get_close_matches(huidig, bekend, n=1)
            raise InvoerFout([Foutmelding(verwijzing.plek, f"het basisprofiel '{huidig}' bestaat niet."
                                      + (f" Bedoelde u '{voorstel[0]}'?" if voorstel else "")
                                      + f" Bekende profielen: {', '.join(bekend)}.")]) from None
        laag = lees_yaml(vindplaats.bestand, weergavenaam(vindplaats))
        keten.append(vindplaats)
        lagen.append(laag)
        basis = laag.get("basis")
        if basis is not None and not isinstance(basis, str):
            plek = laag.plekken["basis"]
            raise InvoerFout([Foutmelding(Plek(plek.bestand, plek.regel, "basis"),
                                      "'basis' moet de naam van één profiel zijn, bijvoorbeeld 'basis: leidse-regio'.")])
        if basis:
            plek = laag.plekken.get("basis") or Plek()
            verwijzing = Foutmelding(Plek(plek.bestand, plek.regel, "basis"), "")
        else:
            verwijzing = None
        huidig = basis
    if len(lagen) > 1:
        _dubbele_ids(lagen[:-1])
    data = lagen[-1]
    waarschuwingen: list[Foutmelding] = []
    for laag in reversed(lagen[:-1]):
        data = voeg_samen(data, laag, waarschuwingen)
    if len(lagen) > 1:
        _niet_erven(data, lagen[0])
    vul_gemeente_in(data, gemeente or naam_voor_plaatshouder(data))
    return Profiel(naam=naam, vindplaats=keten[0], data=data, keten=keten, eigen=lagen[0],
                   lagen=lagen, waarschuwingen=waarschuwingen)


def leden_van(regio: str, mappen: list[Zoekmap]) -> list[str]:
    """De leden die een regioprofiel noemt, in de volgorde van het profiel."""
    vindplaats = vind_profiel(regio, mappen)
    data = lees_yaml(vindplaats.bestand, weergavenaam(vindplaats))
    leden = data.get("leden")
    if not isinstance(leden, list) or not leden:
        raise GebruiksFout(f"Het profiel '{regio}' is geen regio: het noemt geen 'leden'. "
                           f"Genereer het met: integriteitsplan genereer {regio}")
    return [str(lid) for lid in leden]
