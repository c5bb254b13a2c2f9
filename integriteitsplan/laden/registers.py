"""Registers lezen: meldingen en trainingen uit een .csv of .xlsx, één rij per zaak of sessie.

Ontvangt het pad van een register, het jaar en de typologie; geeft tellingen per soort,
afdoening en uitkomst (of per training). Een register vraagt zo min mogelijk kolommen en
weigert kolommen die mensen aanwijzen. Fouten noemen bestand, rij en kolom.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from integriteitsplan.bronnen import referentie
from integriteitsplan.domein.grenzen import EERSTE_JAAR, LAATSTE_JAAR
from integriteitsplan.domein.jaarcyclus import NIET_INGEDEELD, typologie_hint
from integriteitsplan.fouten import Foutmelding, InvoerFout, Plek
from integriteitsplan.laden.registertabel import (
    Registerplek,
    _cel,
    _controleer_kop,
    _kop,
    _kopnaam,
    _lees_tabel,
    _Tabel,
)
from integriteitsplan.laden.registerwaarden import _aantal, _datum, _jaartal, _orgsleutel, _sleutel, _tekst

__all__ = [
    "Meldingentelling",
    "Trainingentelling",
    "Registerplek",
    "lees_meldingen",
    "lees_trainingen",
    "MAX_MELDINGEN",
]


MAX_MELDINGEN = 50




INDELINGEN = ("soort", "afdoening", "uitkomst")


MELDINGEN_KOLOMMEN = ("datum", "jaar", "soort", "afdoening", "uitkomst", "organisatie")


TRAININGEN_KOLOMMEN = ("datum", "jaar", "training", "deelnemers", "organisatie")




ONBEKENDE_ORGANISATIE = "(niet ingevuld)"


@dataclass
class Meldingentelling:
    """De aantallen meldingen van één jaar. Elke indeling heeft alle ids van de typologie,
    ook met 0, in de volgorde van de typologie; rijen met een lege cel tellen daarna als
    ``niet_ingedeeld`` (die sleutel staat er alleen als er zulke rijen zijn)."""

    jaar: int
    per_soort: dict[str, int]
    per_afdoening: dict[str, int]
    per_uitkomst: dict[str, int]
    per_organisatie: dict[str, int] = field(default_factory=dict)  # leeg zonder kolom organisatie
    totaal: int = 0
    per_organisatie_soort: dict[str, dict[str, int]] = field(default_factory=dict)
    per_organisatie_afdoening: dict[str, dict[str, int]] = field(default_factory=dict)
    per_organisatie_uitkomst: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class Trainingentelling:
    """De trainingen van één jaar: sessies (rijen) en deelnemers, ook per training en per
    organisatie (elk ``{"sessies": n, "deelnemers": n}``)."""

    jaar: int
    sessies: int = 0
    deelnemers: int = 0
    per_training: dict[str, dict[str, int]] = field(default_factory=dict)
    per_organisatie: dict[str, dict[str, int]] = field(default_factory=dict)




def lees_meldingen(
    pad: Path,
    jaar: int,
    typologie: dict[str, list[dict]] | None = None,
    weergavenaam: str | None = None,
    organisatie: str | None = None,
) -> Meldingentelling:
    """Tel de meldingen van ``jaar`` in het register ``pad`` (.csv of .xlsx).

    ``typologie`` geeft de lijsten soort, afdoening en uitkomst (elk ``[{id, naam}, ...]``);
    zonder typologie (of zonder een van die lijsten) geldt de standaard uit typologie.yaml.
    Een waarde mag het id of de naam zijn, ongeacht hoofdletters en accenten.
    Met ``organisatie`` tellen alleen de rijen van die organisatie (een lid van een regio).
    Geeft ``InvoerFout`` met alle fouten tegelijk als het register niet klopt.
    """
    pad = Path(pad)
    naam = weergavenaam or pad.name
    lijsten = _indelingen(typologie)
    tabel = _lees_tabel(pad, naam, "meldingen")
    kol = _controleer_kop(tabel, naam, "meldingen", MELDINGEN_KOLOMMEN, organisatie)

    fouten: list[Foutmelding] = []
    rijen: list[tuple[str | None, dict[str, str]]] = []
    for rijnr, cellen in tabel.rijen:
        org = _rij_van(tabel, kol, rijnr, cellen, jaar, organisatie, "melding", fouten)
        if org is False:
            continue
        gekozen: dict[str, str] = {}
        for dim in INDELINGEN:
            waarde = _tekst(_cel(cellen, kol[dim]))
            ident = _kies(waarde, lijsten[dim]) if waarde else NIET_INGEDEELD  # leeg: niet ingedeeld
            if ident is None:
                fouten.append(Foutmelding(_plek(naam, rijnr, tabel, kol[dim]), _onbekend(dim, waarde, lijsten[dim])))
            else:
                gekozen[dim] = ident
        if len(gekozen) == len(INDELINGEN):
            rijen.append((org, gekozen))
    _stop_bij_fouten(naam, fouten)

    leeg = {dim: {c["id"]: 0 for c in lijsten[dim]} for dim in INDELINGEN}
    telling = {dim: dict(leeg[dim]) for dim in INDELINGEN}
    per_org: dict[str, dict[str, dict[str, int]]] = {}
    namen = _Namen()
    for org, gekozen in rijen:
        if org is not None:
            sleutel = namen.sleutel(org)
            per_org.setdefault(sleutel, {dim: dict(leeg[dim]) for dim in INDELINGEN})
        for dim in INDELINGEN:
            telling[dim][gekozen[dim]] = telling[dim].get(gekozen[dim], 0) + 1
            if org is not None:
                per_org[sleutel][dim][gekozen[dim]] = per_org[sleutel][dim].get(gekozen[dim], 0) + 1
    volgorde = namen.gesorteerd(per_org)
    return Meldingentelling(
        jaar=jaar,
        per_soort=telling["soort"],
        per_afdoening=telling["afdoening"],
        per_uitkomst=telling["uitkomst"],
        per_organisatie={namen.naam(s): sum(per_org[s]["soort"].values()) for s in volgorde},
        totaal=len(rijen),
        per_organisatie_soort={namen.naam(s): per_org[s]["soort"] for s in volgorde},
        per_organisatie_afdoening={namen.naam(s): per_org[s]["afdoening"] for s in volgorde},
        per_organisatie_uitkomst={namen.naam(s): per_org[s]["uitkomst"] for s in volgorde},
    )


def lees_trainingen(
    pad: Path,
    jaar: int,
    weergavenaam: str | None = None,
    organisatie: str | None = None,
) -> Trainingentelling:
    """Tel de trainingen van ``jaar`` in het register ``pad`` (.csv of .xlsx): elke rij is
    een sessie. Met ``organisatie`` tellen alleen de rijen van die organisatie.
    Geeft ``InvoerFout`` met alle fouten tegelijk als het register niet klopt."""
    pad = Path(pad)
    naam = weergavenaam or pad.name
    tabel = _lees_tabel(pad, naam, "trainingen")
    kol = _controleer_kop(tabel, naam, "trainingen", TRAININGEN_KOLOMMEN, organisatie)

    fouten: list[Foutmelding] = []
    rijen: list[tuple[str | None, str, int]] = []
    for rijnr, cellen in tabel.rijen:
        org = _rij_van(tabel, kol, rijnr, cellen, jaar, organisatie, "training", fouten)
        if org is False:
            continue
        training = _tekst(_cel(cellen, kol["training"]))
        if not training:
            fouten.append(Foutmelding(_plek(naam, rijnr, tabel, kol["training"]),
                                  "de naam van de training is leeg; vul de naam in."))
        aantal, uitleg = _aantal(_cel(cellen, kol["deelnemers"]))
        if uitleg:
            fouten.append(Foutmelding(_plek(naam, rijnr, tabel, kol["deelnemers"]), uitleg))
        if training and aantal is not None:
            rijen.append((org, training, aantal))
    _stop_bij_fouten(naam, fouten)

    telling = Trainingentelling(jaar=jaar)
    per_training: dict[str, dict[str, int]] = {}
    per_org: dict[str, dict[str, int]] = {}
    trainingnamen, orgnamen = _Namen(_sleutel), _Namen()
    for org, training, aantal in rijen:
        telling.sessies += 1
        telling.deelnemers += aantal
        doelen = [per_training.setdefault(trainingnamen.sleutel(training), {"sessies": 0, "deelnemers": 0})]
        if org is not None:
            doelen.append(per_org.setdefault(orgnamen.sleutel(org), {"sessies": 0, "deelnemers": 0}))
        for doel in doelen:
            doel["sessies"] += 1
            doel["deelnemers"] += aantal
    telling.per_training = {trainingnamen.naam(s): per_training[s] for s in trainingnamen.gesorteerd(per_training)}
    telling.per_organisatie = {orgnamen.naam(s): per_org[s] for s in orgnamen.gesorteerd(per_org)}
    return telling


def _rij_van(
    tabel: _Tabel, kol: dict[str, int | None], rijnr: int, cellen: list[Any], jaar: int,
    organisatie: str | None, wat: str, fouten: list[Foutmelding],
) -> str | None | bool:
    """Hoort deze rij bij het gevraagde jaar (en de gevraagde organisatie)? Geeft ``False``
    als de rij niet meetelt (of fout is; de fout staat dan in ``fouten``), anders de
    organisatie van de rij (``None`` zonder kolom organisatie)."""
    naam_bestand = tabel.naam
    org_waarde = _tekst(_cel(cellen, kol["organisatie"])) if kol["organisatie"] is not None else None
    andere_org = (
        organisatie is not None and bool(org_waarde) and _orgsleutel(org_waarde) != _orgsleutel(organisatie)
    )
    rij_jaar, jaarfouten = _jaar_van(tabel, kol, rijnr, cellen, jaar, wat)
    if jaarfouten:
        if not andere_org:  # een rij van een ander lid van de regio is niet onze zaak
            fouten.extend(jaarfouten)
        return False
    if rij_jaar != jaar or andere_org:
        return False
    if kol["organisatie"] is None:
        return None
    if not org_waarde:
        if organisatie is not None:
            fouten.append(Foutmelding(_plek(naam_bestand, rijnr, tabel, kol["organisatie"]),
                                  "de organisatie is leeg; vul bij elke rij van dit regionale register de "
                                  "organisatie in."))
            return False
        return ONBEKENDE_ORGANISATIE
    return re.sub(r"\s+", " ", org_waarde)


def _jaar_van(
    tabel: _Tabel, kol: dict[str, int | None], rijnr: int, cellen: list[Any], jaar: int, wat: str
) -> tuple[int | None, list[Foutmelding]]:
    naam = tabel.naam
    uit_datum = uit_jaar = None
    fouten: list[Foutmelding] = []
    if kol["datum"] is not None:
        waarde = _cel(cellen, kol["datum"])
        if not _tekst(waarde):
            if kol["jaar"] is None or not _tekst(_cel(cellen, kol["jaar"])):
                extra = " (of het jaar in kolom 'jaar')" if kol["jaar"] is not None else ""
                fouten.append(Foutmelding(_plek(naam, rijnr, tabel, kol["datum"]),
                                      f"de datum is leeg; vul de datum van de {wat} in{extra}."))
        else:
            datum = _datum(waarde)
            if datum is None:
                fouten.append(Foutmelding(_plek(naam, rijnr, tabel, kol["datum"]),
                                      f"dit is geen geldige datum; schrijf de datum als 14-03-{jaar} "
                                      f"of {jaar}-03-14."))
            elif not EERSTE_JAAR <= datum.year <= LAATSTE_JAAR:
                fouten.append(Foutmelding(_plek(naam, rijnr, tabel, kol["datum"]),
                                      "het jaartal in deze datum klopt niet (vóór "
                                      f"{EERSTE_JAAR} of na {LAATSTE_JAAR}); controleer de datum."))
            else:
                uit_datum = datum.year
    if kol["jaar"] is not None:
        waarde = _cel(cellen, kol["jaar"])
        if _tekst(waarde):
            gelezen = _jaartal(waarde)
            if gelezen is None:
                fouten.append(Foutmelding(_plek(naam, rijnr, tabel, kol["jaar"]),
                                      f"dit is geen geldig jaartal; schrijf het jaar als {jaar}."))
            else:
                uit_jaar = gelezen
        elif kol["datum"] is None:
            fouten.append(Foutmelding(_plek(naam, rijnr, tabel, kol["jaar"]),
                                  f"het jaar is leeg; vul het jaar van de {wat} in."))
    if fouten:
        return None, fouten
    if uit_datum is not None and uit_jaar is not None and uit_datum != uit_jaar:
        return None, [Foutmelding(_plek(naam, rijnr, tabel, kol["jaar"]),
                              "het jaar past niet bij de datum in kolom 'datum'; vul één van beide in, "
                              "of maak ze gelijk.")]
    return (uit_datum if uit_datum is not None else uit_jaar), []


def _plek(naam: str, rijnr: int, tabel: _Tabel, index: int | None) -> Registerplek:
    kopnaam = _kopnaam(tabel.kop[index]) if index is not None and index < len(tabel.kop) else ""
    return Registerplek(naam, rijnr, kopnaam, None if index is None else index + 1)






def _indelingen(typologie: dict[str, list[dict]] | None) -> dict[str, list[dict]]:
    eigen = typologie or {}
    uit = {}
    for dim in INDELINGEN:
        lijst = eigen.get(dim) or referentie("typologie")[dim]
        uit[dim] = [{"id": str(c["id"]), "naam": c.get("naam")} for c in lijst]
    return uit


def _kies(waarde: str, lijst: list[dict]) -> str | None:
    """Het id bij een waarde: het id of de naam, ongeacht hoofdletters en accenten."""
    if not waarde:
        return None
    sleutel = _sleutel(waarde)
    for c in lijst:
        if _sleutel(c["id"]) == sleutel:
            return c["id"]
    for c in lijst:
        if c.get("naam") and _sleutel(str(c["naam"])) == sleutel:
            return c["id"]
    return None


def _onbekend(dim: str, waarde: str, lijst: list[dict]) -> str:
    keuze = ", ".join(c["id"] for c in lijst)
    if not waarde:
        return f"de {dim} is leeg; kies uit {keuze}."
    # De waarde zelf wordt nooit herhaald: ook een los woord kan een naam zijn. De melding noemt
    # rij, kolom en wat wel mag (en een toegestane waarde die erop lijkt).
    kandidaten = {_sleutel(c["id"]): c["id"] for c in lijst}
    kandidaten.update({_sleutel(str(c["naam"])): c["id"] for c in lijst if c.get("naam")})
    gelijk = difflib.get_close_matches(_sleutel(waarde), list(kandidaten), n=1, cutoff=0.75)
    bedoeld = f" (bedoelde u '{kandidaten[gelijk[0]]}'?)" if gelijk else ""
    return f"de tekst in deze cel is geen bekende {dim}{bedoeld}; kies uit {keuze}. {typologie_hint(dim)}"


class _Namen:
    """Groepeert namen ongeacht hoofdletters, accenten en spaties; toont de eerst geziene
    schrijfwijze en sorteert op alfabet."""

    def __init__(self, sleutel=None) -> None:
        self._namen: dict[str, str] = {}
        self._sleutel = sleutel or _orgsleutel

    def sleutel(self, naam: str) -> str:
        sleutel = self._sleutel(naam)
        self._namen.setdefault(sleutel, naam)
        return sleutel

    def naam(self, sleutel: str) -> str:
        return self._namen[sleutel]

    def gesorteerd(self, sleutels: Iterable[str]) -> list[str]:
        return sorted(sleutels)




def _stop_bij_fouten(naam: str, fouten: list[Foutmelding]) -> None:
    if not fouten:
        return
    getoond = fouten[:MAX_MELDINGEN]
    if len(fouten) > MAX_MELDINGEN:
        rest = len(fouten) - MAX_MELDINGEN
        getoond.append(Foutmelding(Plek(), f"... en nog {rest} {'fout' if rest == 1 else 'fouten'}."))
    raise InvoerFout(getoond, kop=_kop(naam, len(fouten)))
