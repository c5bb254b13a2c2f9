"""Kleine aantallen beschermen in het openbare jaarverslag (statistische geheimhouding).

Het Jaarverslag integriteit publiceert tellingen van meldingen per categorie (soort,
afdoening, uitkomst, thema's van de vertrouwenspersoon; in een regio ook per lid-gemeente).
Een lezer mag een melding niet tot een persoon kunnen herleiden. Regels per document:

1. Een aantal van 1 tot ``drempel`` wordt nooit getoond, maar als ``"< 5"`` (primaire
   onderdrukking). Een nul is gewoon ``"0"``; aantallen vanaf de drempel staan er exact.
2. Geen onderdrukte cel mag exact terug te rekenen zijn uit het totaal en de andere cellen.
   Een lezer weet: ``"< 5"`` ligt in [1, drempel-1], ``"x"`` (secundair onderdrukt) in
   [drempel, N], getoonde cellen exact, en het totaal is de som van de cellen.
3. Het totaal N staat overal in een document op dezelfde manier (zie :func:`totaal_cel`).

Per tabel (:func:`beveilig_tabel`): eerst de primaire onderdrukking; zolang een onderdrukte
cel terug te rekenen is, wordt de kleinste nog getoonde cel (niet nul) secundair
onderdrukt. Lukt dat niet meer, dan toont de tabel alleen het totaal.

Regio (:func:`beveilig_regio`): elke lid-gemeente publiceert haar eigen beveiligde tabel; het
regionale document toont per categorie het regiototaal en per lid het totaal. Een lezer kan
alles combineren, dus die controle gebeurt over alle documenten samen (zie daar).
"""
from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from typing import Hashable, Mapping

__all__ = [
    "MIN_DREMPEL",
    "Cel",
    "Tabel",
    "Regiotabellen",
    "totaal_cel",
    "beveilig_tabel",
    "beveilig_regio",
]

MIN_DREMPEL = 3
"""Lagere drempels beschermen niet: bij drempel 2 betekent ``"< 2"`` gewoon 1."""

SECUNDAIR = "x"


@dataclass(frozen=True)
class Cel:
    waarde: int  # de echte waarde; nooit afdrukken als de cel onderdrukt is
    tekst: str  # wat er gedrukt wordt: "12", "0", "< 5" of "x"
    onderdrukt: bool
    secundair: bool = False


@dataclass(frozen=True)
class Tabel:
    cellen: dict[str, Cel]  # in de volgorde van de invoer; leeg als alleen_totaal
    totaal: Cel
    alleen_totaal: bool = False


@dataclass(frozen=True)
class Regiotabellen:
    """De tabellen van een regio: per lid, per categorie (regio) en per lid het totaal.

    ``regio`` en ``lid_totalen`` hebben hetzelfde totaal (het regiototaal), zoals
    :func:`totaal_cel` het drukt, behalve als het samen met de documenten van de leden een
    klein aantal van een lid zou verraden: dan is het in beide ``"x"`` (secundair; dat zegt
    dan alleen dat het totaal niet gepubliceerd wordt, ook als het onder de drempel ligt).
    De cellen van ``lid_totalen`` staan zoals in het eigen document van elk lid.
    """

    leden: dict[str, Tabel]
    regio: Tabel
    lid_totalen: Tabel


# --- cellen -----------------------------------------------------------------------------

def _controleer_drempel(drempel: int) -> None:
    if isinstance(drempel, bool) or not isinstance(drempel, int) or drempel < MIN_DREMPEL:
        raise ValueError(f"privacydrempel moet een geheel getal van minstens {MIN_DREMPEL} zijn, "
                         f"niet {drempel!r}")


def _controleer_aantal(aantal: int, naam: str) -> None:
    if isinstance(aantal, bool) or not isinstance(aantal, int) or aantal < 0:
        raise ValueError(f"aantal voor {naam!r} moet een geheel getal van 0 of meer zijn, "
                         f"niet {aantal!r}")


def _exact(waarde: int) -> Cel:
    return Cel(waarde, str(waarde), onderdrukt=False)


def _primair(waarde: int, drempel: int) -> Cel:
    return Cel(waarde, f"< {drempel}", onderdrukt=True)


def _secundair(waarde: int) -> Cel:
    return Cel(waarde, SECUNDAIR, onderdrukt=True, secundair=True)


def _eerste_cel(waarde: int, drempel: int) -> Cel:
    """De cel na primaire onderdrukking: 1 .. drempel-1 wordt ``"< drempel"``."""
    return _primair(waarde, drempel) if 0 < waarde < drempel else _exact(waarde)


def totaal_cel(n: int, drempel: int) -> Cel:
    """Het totaal zoals het overal in het document staat: exact als n == 0 of n >= drempel."""
    _controleer_drempel(drempel)
    _controleer_aantal(n, "totaal")
    return _eerste_cel(n, drempel)


def _grenzen(cel: Cel, drempel: int, bovengrens: float = math.inf) -> tuple[float, float]:
    """Wat een lezer over de echte waarde van een gedrukte cel weet: [ondergrens, bovengrens]."""
    if not cel.onderdrukt:
        return cel.waarde, cel.waarde
    if cel.secundair:
        return drempel, bovengrens
    return 1, drempel - 1


# --- één tabel --------------------------------------------------------------------------

def _herleidbare_cellen(cellen: Mapping[str, Cel], totaal: Cel, drempel: int) -> list[str]:
    """De onderdrukte cellen die een lezer exact kan terugrekenen.

    Intervalpropagatie over de ene somregel ``totaal = som van de cellen``: de onderdrukte
    cellen samen vullen de rest R (totaal min de getoonde cellen; een interval als het totaal
    ``"< drempel"`` is). Cel i kan dan liggen in
    [max(L_i, Rlo - som_{j≠i} U_j), min(U_i, Rhi - som_{j≠i} L_j)];
    voor één lineaire som over een blok is dat precies de verzameling haalbare waarden.
    Eén waarde over = terug te rekenen.
    """
    totaal_lo, totaal_hi = _grenzen(totaal, drempel)
    getoond = sum(cel.waarde for cel in cellen.values() if not cel.onderdrukt)
    rest_lo, rest_hi = totaal_lo - getoond, totaal_hi - getoond
    verborgen = {naam: _grenzen(cel, drempel, bovengrens=totaal_hi)
                 for naam, cel in cellen.items() if cel.onderdrukt}
    som_lo = sum(lo for lo, _ in verborgen.values())
    som_hi = sum(hi for _, hi in verborgen.values())
    herleidbaar = []
    for naam, (lo, hi) in verborgen.items():
        kleinste = max(lo, rest_lo - (som_hi - hi))
        grootste = min(hi, rest_hi - (som_lo - lo))
        if kleinste == grootste:
            herleidbaar.append(naam)
    return herleidbaar


def _kleinste_getoonde(cellen: Mapping[str, Cel]) -> str | None:
    """De kleinste getoonde cel die niet nul is (bij gelijke waarde de eerste), of None."""
    kandidaten = [naam for naam, cel in cellen.items() if not cel.onderdrukt and cel.waarde > 0]
    return min(kandidaten, key=lambda naam: cellen[naam].waarde, default=None)


def beveilig_tabel(cellen: Mapping[str, int], drempel: int = 5) -> Tabel:
    """Beveilig één tabel (categorie -> echt aantal) voor publicatie.

    Primair: 1 .. drempel-1 wordt ``"< drempel"``. Zolang een onderdrukte cel terug te
    rekenen is, wordt de kleinste getoonde cel (niet nul; bij gelijke waarde de eerste)
    ``"x"``. Is er geen getoonde cel meer over, dan toont de tabel alleen het totaal
    (``alleen_totaal=True``, geen cellen).
    """
    _controleer_drempel(drempel)
    for naam, aantal in cellen.items():
        _controleer_aantal(aantal, naam)
    totaal = totaal_cel(sum(cellen.values()), drempel)
    beveiligd = {naam: _eerste_cel(aantal, drempel) for naam, aantal in cellen.items()}
    while _herleidbare_cellen(beveiligd, totaal, drempel):
        naam = _kleinste_getoonde(beveiligd)
        if naam is None:
            return Tabel(cellen={}, totaal=totaal, alleen_totaal=True)
        beveiligd[naam] = _secundair(beveiligd[naam].waarde)
    return Tabel(cellen=beveiligd, totaal=totaal)


# --- regio: alle documenten samen -------------------------------------------------------
#
# Wat een lezer uit alle documenten samen weet, is een stroomnetwerk: bron -> lid (totaal
# van het lid) -> categorie (cel van het lid) -> put (regiocel) -> bron (regiototaal). Elke
# gepubliceerde grootheid is één tak met een interval [onder, boven]; "totaal = som van de
# cellen" is behoud van stroom in elk knooppunt. Dat stelsel is totaal unimodulair, dus de
# gehele oplossingen zijn precies de gehele circulaties binnen de grenzen.
#
# De echte tellingen zijn zo'n circulatie. Een tak kan in een andere oplossing een andere
# waarde hebben precies als er in het restnetwerk een cyclus door die tak loopt (het verschil
# van twee circulaties valt uiteen in zulke cycli). Geen cyclus = exact terug te rekenen.
# Dat is exact; herhaalde intervalpropagatie over rijen en kolommen is dat niet altijd.

@dataclass(frozen=True)
class _Tak:
    van: Hashable
    naar: Hashable
    onder: float
    boven: float
    stroom: int
    beschermd: Hashable | None = None  # sleutel van de grootheid als die geheim moet blijven


def _vastliggende_takken(takken: list[_Tak]) -> list[Hashable]:
    """De beschermde takken waarvan de waarde in elke toegestane oplossing dezelfde is."""
    buren: dict[Hashable, list[tuple[Hashable, int]]] = {}
    for i, tak in enumerate(takken):
        if tak.stroom < tak.boven:  # er kan meer door
            buren.setdefault(tak.van, []).append((tak.naar, i))
        if tak.stroom > tak.onder:  # er kan minder door
            buren.setdefault(tak.naar, []).append((tak.van, i))

    def bereikbaar(start: Hashable, doel: Hashable, zonder: int) -> bool:
        gezien, rij = {start}, deque([start])
        while rij:
            knoop = rij.popleft()
            if knoop == doel:
                return True
            for buur, i in buren.get(knoop, ()):
                if i != zonder and buur not in gezien:
                    gezien.add(buur)
                    rij.append(buur)
        return False

    vast = []
    for i, tak in enumerate(takken):
        if tak.beschermd is None:
            continue
        meer = tak.stroom < tak.boven and bereikbaar(tak.naar, tak.van, i)
        minder = tak.stroom > tak.onder and bereikbaar(tak.van, tak.naar, i)
        if not (meer or minder):
            vast.append(tak.beschermd)
    return vast


def _regio_lekken(leden: Mapping[str, Tabel], waarden: Mapping[str, Mapping[str, int]],
                  regiocellen: Mapping[str, Cel] | None, regiototaal: Cel,
                  drempel: int) -> list[tuple]:
    """Wat een lezer van alle documenten samen exact kan terugrekenen.

    Beschermd zijn: alles wat een lid onderdrukt (cellen ``"< d"`` en ``"x"``, een totaal
    ``"< d"``, en bij een lid met alleen een totaal elke cel die niet nul is) en alles wat de
    regio primair onderdrukt. Een ``"x"`` van de regio zelf mag wel te herleiden zijn: dat
    is een som die de leden al publiceren.
    Sleutels: ("cel", lid, categorie), ("lid", lid), ("regio", categorie), ("regiototaal",).
    """
    onbekend = (0, math.inf)
    takken = []
    for lid, tabel in leden.items():
        takken.append(_Tak("bron", ("lid", lid), *_grenzen(tabel.totaal, drempel),
                           stroom=tabel.totaal.waarde,
                           beschermd=("lid", lid) if tabel.totaal.onderdrukt else None))
        for categorie, aantal in waarden[lid].items():
            if tabel.alleen_totaal:
                grenzen, geheim = onbekend, aantal > 0
            else:
                cel = tabel.cellen[categorie]
                grenzen, geheim = _grenzen(cel, drempel), cel.onderdrukt
            takken.append(_Tak(("lid", lid), ("cat", categorie), *grenzen, stroom=aantal,
                               beschermd=("cel", lid, categorie) if geheim else None))
    categorieen = {categorie: 0 for rij in waarden.values() for categorie in rij}
    for categorie in categorieen:
        som = sum(rij[categorie] for rij in waarden.values())
        cel = None if regiocellen is None else regiocellen[categorie]
        primair = cel is not None and cel.onderdrukt and not cel.secundair
        takken.append(_Tak(("cat", categorie), "put",
                           *(onbekend if cel is None else _grenzen(cel, drempel)), stroom=som,
                           beschermd=("regio", categorie) if primair else None))
    primair = regiototaal.onderdrukt and not regiototaal.secundair
    grenzen = _grenzen(regiototaal, drempel)
    if regiototaal.secundair and regiototaal.waarde < drempel:
        grenzen = (1, math.inf)  # een verborgen klein totaal: "x" zegt dan niets
    takken.append(_Tak("put", "bron", *grenzen, stroom=regiototaal.waarde,
                       beschermd=("regiototaal",) if primair else None))
    return _vastliggende_takken(takken)


def beveilig_regio(leden: Mapping[str, Mapping[str, int]], drempel: int = 5) -> Regiotabellen:
    """Beveilig de tabellen van een regio, zo dat ook alle documenten samen niets verraden.

    Elk lid krijgt zijn eigen tabel via :func:`beveilig_tabel` (een categorie die een lid niet
    noemt telt als 0). Het regionale document toont per categorie de som over de leden en per
    lid zijn totaal, precies zoals in het eigen document van dat lid (daar nog iets
    secundair onderdrukken heeft geen zin: het lid drukt het zelf al). Zolang iets
    beschermds (zie :func:`_regio_lekken`) exact terug te rekenen is uit alle documenten
    samen, onderdrukt de regio één ding extra, in deze volgorde:

    1. een cel van een lid lekt en de regiocel van die categorie staat er exact: die regiocel
       wordt ``"x"`` (de kleinste als het er meer zijn);
    2. het totaal van een lid lekt (regiototaal min de totalen van de andere leden) en het
       regiototaal staat er nog: het regiototaal wordt ``"x"``, in beide regiotabellen;
    3. iets anders lekt: de kleinste getoonde regiocel (niet nul) wordt ``"x"``;
    4. geen getoonde regiocel meer: de regio toont geen uitsplitsing per categorie;
    5. dan nog een lek: het regiototaal wordt ``"x"``.

    Stap 2 en 5 wijken af van regel 3; dat is onvermijdelijk. Lid A drukt 20, lid B "< 5":
    een regiototaal 23 verraadt dat B er 3 had. Twee leden met elk "< 3" en regiototaal
    "< 3": dan hadden ze er elk 1. Na stap 5 voegt de regio niets meer toe aan wat de leden
    zelf publiceren, en die tabellen zijn elk al veilig; de lus stopt dus altijd.
    """
    _controleer_drempel(drempel)
    categorieen = list({categorie: None for rij in leden.values() for categorie in rij})
    waarden = {lid: {categorie: rij.get(categorie, 0) for categorie in categorieen}
               for lid, rij in leden.items()}
    tabellen = {lid: beveilig_tabel(rij, drempel) for lid, rij in waarden.items()}

    regiocellen = {categorie: _eerste_cel(sum(rij[categorie] for rij in waarden.values()), drempel)
                   for categorie in categorieen}
    n = sum(sum(rij.values()) for rij in waarden.values())
    regiototaal = totaal_cel(n, drempel)
    alleen_totaal = False

    while lekken := _regio_lekken(tabellen, waarden, None if alleen_totaal else regiocellen,
                                  regiototaal, drempel):
        lekkende_kolommen = {sleutel[2]: regiocellen[sleutel[2]]
                             for sleutel in lekken if sleutel[0] == "cel"}
        kolom = None if alleen_totaal else _kleinste_getoonde(lekkende_kolommen)
        totaal_zichtbaar = not regiototaal.secundair and n > 0
        if kolom is not None:
            regiocellen[kolom] = _secundair(regiocellen[kolom].waarde)
        elif totaal_zichtbaar and any(sleutel[0] == "lid" for sleutel in lekken):
            regiototaal = _secundair(n)
        elif not alleen_totaal and (kolom := _kleinste_getoonde(regiocellen)) is not None:
            regiocellen[kolom] = _secundair(regiocellen[kolom].waarde)
        elif not alleen_totaal:
            alleen_totaal = True
        elif totaal_zichtbaar:
            regiototaal = _secundair(n)
        else:  # kan niet: zonder regiocellen en regiototaal is er alleen wat de leden tonen
            raise AssertionError(f"regio blijft herleidbaar: {lekken}")

    regio = Tabel(cellen={} if alleen_totaal else regiocellen, totaal=regiototaal,
                  alleen_totaal=alleen_totaal)
    lid_totalen = Tabel(cellen={lid: tabel.totaal for lid, tabel in tabellen.items()},
                        totaal=regiototaal)
    return Regiotabellen(leden=tabellen, regio=regio, lid_totalen=lid_totalen)
