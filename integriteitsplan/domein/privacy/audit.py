"""De controle vóór het schrijven: hoe ver kan een lezer een verborgen cel terugrekenen?

Wat een lezer weet: elk gedrukt getal, dat ``"< d"`` 1 tot en met d-1 betekent, dat ``"x"``
in een tabel van een gemeente d of meer betekent, dat een tabel met alleen een totaal niets
over de verdeling zegt, en dat de cellen van een tabel optellen tot het totaal (een melding
telt in elke tabel één keer). In een regio zijn de regiocellen sommen van de cellen van de
leden.

Eén gemeente: de tabellen delen alleen hun totaal, en dat staat exact of als ``"< d"`` (dan
staat er verder geen verdeling). Elke tabel is dan één som van cellen met een onder- en
bovengrens; daarvoor is het bereik van elke cel exact met een formule te geven (geen solver).
Een regio koppelt de tabellen van de leden via de regiosommen; daar rekent een geheeltallig
programma (HiGHS via ``scipy.optimize.milp``) per verborgen cel het kleinste en grootste
mogelijke aantal uit. Scipy wordt pas geladen als dat nodig is.
"""
from __future__ import annotations

from typing import Hashable

from integriteitsplan.domein.privacy.regel import Cel, Regioset, Registerjaar, Tabel

__all__ = ["Lek", "bereik_registerjaar", "bereik_regio", "vastgepind", "controleer_registerjaar",
           "controleer_regio"]


class Lek(AssertionError):
    """Een verborgen cel is exact terug te rekenen: dan wordt er niets geschreven."""


def _grenzen(cel: Cel, drempel: int, boven: float) -> tuple[float, float]:
    if not cel.onderdrukt:
        return cel.waarde, cel.waarde
    if cel.secundair:
        return drempel, boven
    return 1, drempel - 1


def _bereik_lijn(tabel: Tabel, drempel: int) -> dict[str, tuple[int, int]]:
    """Het exacte bereik van elke verborgen cel van één tabel (één somregel, intervallen)."""
    tlo, thi = _grenzen(tabel.totaal, drempel, tabel.totaal.waarde)
    if tabel.alleen_totaal:
        grenzen = {naam: (0, thi) for naam in tabel.waarden}
        rest_lo, rest_hi = tlo, thi
    else:
        getoond = sum(cel.waarde for cel in tabel.cellen.values() if not cel.onderdrukt)
        grenzen = {naam: _grenzen(cel, drempel, thi) for naam, cel in tabel.cellen.items()
                   if cel.onderdrukt}
        rest_lo, rest_hi = tlo - getoond, thi - getoond
    som_lo = sum(lo for lo, _ in grenzen.values())
    som_hi = sum(hi for _, hi in grenzen.values())
    return {naam: (int(max(lo, rest_lo - (som_hi - hi))), int(min(hi, rest_hi - (som_lo - lo))))
            for naam, (lo, hi) in grenzen.items()}


def bereik_registerjaar(jaar: Registerjaar, drempel: int) -> dict[tuple, tuple[int, int]]:
    """Per verborgen grootheid van één gemeente het bereik dat een lezer overhoudt.

    Sleutels: ``(dimensie, categorie)`` en ``("totaal",)``."""
    uit: dict[tuple, tuple[int, int]] = {}
    if jaar.totaal.onderdrukt:
        uit[("totaal",)] = (1, drempel - 1)
    for dim, tabel in jaar.tabellen.items():
        for naam, bereik in _bereik_lijn(tabel, drempel).items():
            uit[(dim, naam)] = bereik
    return uit


def vastgepind(bereik: dict[Hashable, tuple[int, int]]) -> list[Hashable]:
    return [sleutel for sleutel, (lo, hi) in bereik.items() if lo >= hi]


def controleer_registerjaar(jaar: Registerjaar, drempel: int) -> dict[tuple, tuple[int, int]]:
    bereik = bereik_registerjaar(jaar, drempel)
    if lek := vastgepind(bereik):
        raise Lek(f"verborgen cellen zijn terug te rekenen: {lek}")
    return bereik


# --- regio: een geheeltallig programma --------------------------------------------------

def _model(regio: Regioset, drempel: int):
    """Variabelen, grenzen en gelijkheden van wat een lezer van alle verslagen samen weet."""
    index: dict[tuple, int] = {}
    lo: list[float] = []
    hi: list[float] = []
    echt: list[int] = []
    verborgen: list[tuple] = []

    def variabele(sleutel, grens, waarde, geheim):
        index[sleutel] = len(lo)
        lo.append(grens[0])
        hi.append(grens[1])
        echt.append(waarde)
        if geheim:
            verborgen.append(sleutel)

    rijen: list[tuple[dict[int, int], float, float]] = []
    groot = sum(jaar.totaal.waarde for jaar in regio.leden.values()) + 1
    for lid, jaar in regio.leden.items():
        tlo, thi = _grenzen(jaar.totaal, drempel, groot)
        variabele((lid, "totaal"), (tlo, thi), jaar.totaal.waarde, jaar.totaal.onderdrukt)
        for dim, tabel in jaar.tabellen.items():
            for naam, waarde in tabel.waarden.items():
                if tabel.alleen_totaal:
                    grens, geheim = (0, thi), True
                else:
                    cel = tabel.cellen[naam]
                    grens, geheim = _grenzen(cel, drempel, groot), cel.onderdrukt
                variabele((lid, dim, naam), grens, waarde, geheim)
            rij = {index[(lid, dim, naam)]: 1 for naam in tabel.waarden}
            rij[index[(lid, "totaal")]] = -1
            rijen.append((rij, 0, 0))
    for dim, cellen in regio.cellen.items():
        for naam, cel in cellen.items():
            if cel.onderdrukt:
                continue
            rij = {index[(lid, dim, naam)]: 1 for lid in regio.leden
                   if (lid, dim, naam) in index}
            rijen.append((rij, cel.waarde, cel.waarde))
    if not regio.totaal.onderdrukt:
        rijen.append(({index[(lid, "totaal")]: 1 for lid in regio.leden},
                      regio.totaal.waarde, regio.totaal.waarde))
    return index, lo, hi, echt, verborgen, rijen


def bereik_regio(regio: Regioset, drempel: int, volledig: bool = True) -> dict[tuple, tuple[int, int]]:
    """Per verborgen cel van een lid het bereik dat een lezer van alle verslagen overhoudt.

    ``volledig=False`` rekent alleen uit of een cel vastligt (sneller: elke gevonden oplossing
    bevrijdt alle cellen die daarin anders zijn); het bereik is dan alleen juist voor
    vastgepinde cellen (lo == hi) en anders een ondergrens van de echte breedte.
    """
    index, lo, hi, echt, verborgen, rijen = _model(regio, drempel)
    if not verborgen:
        return {}
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = len(lo)
    a = np.zeros((len(rijen), n))
    for r, (rij, _, _) in enumerate(rijen):
        for i, c in rij.items():
            a[r, i] = c
    beperking = LinearConstraint(a, [r[1] for r in rijen], [r[2] for r in rijen]) if rijen else ()
    grenzen = Bounds(lo, hi)
    heel = np.ones(n)

    def optimum(i: int, teken: int):
        c = np.zeros(n)
        c[i] = teken
        res = milp(c, constraints=beperking, bounds=grenzen, integrality=heel)
        if res.status != 0:
            raise Lek(f"de controle van de regio vond geen oplossing ({res.message})")
        return np.round(res.x).astype(int)

    uit: dict[tuple, tuple[int, int]] = {}
    vrij: set[int] = set()
    for sleutel in verborgen:
        i = index[sleutel]
        if not volledig and i in vrij:
            uit[sleutel] = (echt[i], echt[i] + 1)
            continue
        laag = optimum(i, 1)
        hoog = optimum(i, -1)
        for x in (laag, hoog):
            vrij.update(j for j in range(n) if x[j] != echt[j])
        uit[sleutel] = (int(laag[i]), int(hoog[i]))
    return uit


def _regio_voegt_niets_toe(regio: Regioset) -> bool:
    """Is elke exact gedrukte regiocel (en het regiototaal) een som van cellen die de leden
    zelf exact drukken? Dan weet een lezer uit de regio niets wat niet al in de verslagen van
    de leden staat, en is de controle per lid (exact, met de formule) ook de controle van het
    geheel: het stelsel valt uiteen in de stelsels van de leden."""
    for dim, cellen in regio.cellen.items():
        for naam, cel in cellen.items():
            if cel.onderdrukt:
                continue
            for jaar in regio.leden.values():
                tabel = jaar.tabellen.get(dim)
                if tabel is not None and naam in tabel.waarden and (
                        tabel.alleen_totaal or tabel.cellen[naam].onderdrukt):
                    return False
    return regio.totaal.onderdrukt or not any(jaar.totaal.onderdrukt for jaar in regio.leden.values())


def controleer_regio(regio: Regioset, drempel: int) -> dict[tuple, tuple[int, int]]:
    """De controle vóór het schrijven van een regionaal verslag. Zolang de regio alleen optelt
    wat de leden exact drukken, volstaat de exacte controle per lid (geen solver nodig);
    anders rekent het geheeltallige programma over alle verslagen samen."""
    bereik: dict[tuple, tuple[int, int]] = {}
    for lid, jaar in regio.leden.items():
        bereik.update({(lid, *sleutel): b for sleutel, b in controleer_registerjaar(jaar, drempel).items()})
    if _regio_voegt_niets_toe(regio):
        return bereik
    bereik = bereik_regio(regio, drempel, volledig=False)
    if lek := vastgepind(bereik):
        raise Lek(f"verborgen cellen van de leden zijn uit de regio terug te rekenen: {lek}")
    return bereik
