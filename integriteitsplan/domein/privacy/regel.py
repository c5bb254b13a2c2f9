"""De regel: wat een jaarverslag van een registerjaar drukt en wat het weglaat.

Eén registerjaar (de meldingen van één gemeente in één jaar) verschijnt in veel cellen: de
tabellen naar soort, afdoening en uitkomst, de zin met het totaal, de kerncijfers van dit en
latere jaren en het regionale verslag. Die cellen worden hier samen beschermd, en de keuze wat
weg te laten hangt alleen af van wat gedrukt wordt of van vaste regels:

1. Totaal 0: alles staat er als 0.
2. Totaal 1 tot de drempel d: overal alleen "minder dan d" (``"< d"``), nergens een verdeling.
3. Totaal d of meer: het totaal staat er exact. Per tabel (regel) geldt dan:
   a. geen aantal van 1 tot d: de tabel staat er volledig;
   b. wel zulke aantallen, maar geen aantal van d of meer, of een totaal van precies het
      aantal categorieën maal (d-1): alleen het totaal;
   c. anders: elk aantal van 1 tot d wordt ``"< d"`` en het eerste aantal van d of meer in de
      vaste volgorde van de categorieën wordt ``"x"`` (een aantal van d of meer dat niet
      gedrukt wordt). Zouden de gedrukte getallen dan maar één verdeling toelaten (alle
      ``"< d"`` zijn 1 en de ``"x"`` is precies d), dan staat er alleen het totaal.

In een regio telt het regionale verslag per categorie de cellen van de leden op, precies
zoals de leden ze drukken: een som staat er alleen als elk lid die cel exact drukt, anders
``"x"``. Zo voegt de regio niets toe aan wat de leden publiceren, en is het verslag van een
lid hetzelfde, alleen of met de regio gemaakt.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

__all__ = ["MIN_DREMPEL", "Cel", "Tabel", "Registerjaar", "Regioset", "totaal_cel",
           "beveilig_tabel", "beveilig_registerjaar", "beveilig_regio", "som_cel"]

MIN_DREMPEL = 3
"""Lagere drempels beschermen niet: bij drempel 2 betekent ``"< 2"`` gewoon 1."""

SECUNDAIR = "x"


@dataclass(frozen=True)
class Cel:
    waarde: int  # de echte waarde; nooit afdrukken als de cel onderdrukt is
    tekst: str  # wat er gedrukt wordt: "12", "0", "< 5" of "x"
    onderdrukt: bool
    secundair: bool = False

    @property
    def klein(self) -> bool:
        """Gedrukt als ``"< d"``: 1 tot de drempel."""
        return self.onderdrukt and not self.secundair


@dataclass(frozen=True)
class Tabel:
    cellen: dict[str, Cel]  # in de volgorde van de invoer; leeg als alleen_totaal
    totaal: Cel
    alleen_totaal: bool = False
    waarden: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def verborgen(self) -> list[str]:
        return [naam for naam, cel in self.cellen.items() if cel.onderdrukt]


@dataclass(frozen=True)
class Registerjaar:
    """Alle tabellen van één registerjaar met hun gedeelde totaal."""
    totaal: Cel
    tabellen: dict[str, Tabel]


@dataclass(frozen=True)
class Regioset:
    """De leden (elk zoals in het eigen verslag) en de sommen van de regio."""
    leden: dict[str, Registerjaar]
    totaal: Cel  # het regiototaal: exact of "x"
    cellen: dict[str, dict[str, Cel]]  # dimensie -> categorie -> som van de leden


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


def totaal_cel(n: int, drempel: int) -> Cel:
    """Een totaal zoals het overal staat: exact bij 0 of vanaf de drempel, anders ``"< d"``."""
    _controleer_drempel(drempel)
    _controleer_aantal(n, "totaal")
    return _primair(n, drempel) if 0 < n < drempel else _exact(n)


def som_cel(cellen: list[Cel]) -> Cel:
    """Een som van gedrukte cellen (regio): exact als elke cel exact is, anders ``"x"``."""
    waarde = sum(cel.waarde for cel in cellen)
    return _secundair(waarde) if any(cel.onderdrukt for cel in cellen) else _exact(waarde)


# --- één tabel --------------------------------------------------------------------------

def _lijn(cellen: Mapping[str, int], totaal: Cel, drempel: int) -> Tabel:
    """Regel 2 en 3 voor één tabel waarvan het totaal al vastligt."""
    waarden = dict(cellen)
    if totaal.onderdrukt:  # regel 2
        return Tabel({}, totaal, alleen_totaal=True, waarden=waarden)
    klein = [naam for naam, n in cellen.items() if 0 < n < drempel]
    if not klein:  # regel 3a
        return Tabel({naam: _exact(n) for naam, n in cellen.items()}, totaal, waarden=waarden)
    groot = [naam for naam, n in cellen.items() if n >= drempel]
    if not groot or totaal.waarde == len(cellen) * (drempel - 1):  # regel 3b
        return Tabel({}, totaal, alleen_totaal=True, waarden=waarden)
    x = groot[0]
    if sum(cellen[naam] for naam in klein) + cellen[x] == len(klein) + drempel:  # regel 3c, slot
        return Tabel({}, totaal, alleen_totaal=True, waarden=waarden)
    uit = {}
    for naam, n in cellen.items():
        uit[naam] = _secundair(n) if naam == x else _primair(n, drempel) if naam in klein else _exact(n)
    return Tabel(uit, totaal, waarden=waarden)


def beveilig_tabel(cellen: Mapping[str, int], drempel: int = 5) -> Tabel:
    """Eén tabel met een eigen totaal (bijvoorbeeld de thema's van de vertrouwenspersoon)."""
    _controleer_drempel(drempel)
    for naam, aantal in cellen.items():
        _controleer_aantal(aantal, naam)
    return _lijn(cellen, totaal_cel(sum(cellen.values()), drempel), drempel)


def beveilig_registerjaar(lijnen: Mapping[str, Mapping[str, int]], drempel: int = 5,
                          totaal: int | None = None) -> Registerjaar:
    """Alle tabellen van één registerjaar samen: elke tabel telt dezelfde meldingen."""
    _controleer_drempel(drempel)
    sommen = set()
    for dim, cellen in lijnen.items():
        for naam, aantal in cellen.items():
            _controleer_aantal(aantal, f"{dim}/{naam}")
        sommen.add(sum(cellen.values()))
    if totaal is None:
        totaal = max(sommen, default=0)
    if sommen - {totaal}:
        raise ValueError(f"de tabellen van één registerjaar tellen niet op tot hetzelfde totaal: "
                         f"{sorted(sommen)}")
    cel = totaal_cel(totaal, drempel)
    return Registerjaar(cel, {dim: _lijn(cellen, cel, drempel) for dim, cellen in lijnen.items()})


def beveilig_regio(leden: Mapping[str, Mapping[str, Mapping[str, int]]], drempel: int = 5,
                   totalen: Mapping[str, int] | None = None) -> Regioset:
    """De leden elk op zich (zoals in hun eigen verslag) en de sommen van de regio.

    ``leden``: lid -> dimensie -> categorie -> aantal. Een categorie die een lid niet noemt,
    telt als 0; een dimensie die een lid niet heeft, telt voor dat lid niet mee.
    """
    jaren = {lid: beveilig_registerjaar(lijnen, drempel,
                                        None if totalen is None else totalen.get(lid))
             for lid, lijnen in leden.items()}
    dims = list({dim: None for lijnen in leden.values() for dim in lijnen})
    cellen: dict[str, dict[str, Cel]] = {}
    for dim in dims:
        categorieen = list({cat: None for lijnen in leden.values() for cat in lijnen.get(dim, {})})
        cellen[dim] = {}
        for cat in categorieen:
            delen = []
            for lid, jaar in jaren.items():
                tabel = jaar.tabellen.get(dim)
                if tabel is None:
                    continue
                if tabel.alleen_totaal:
                    delen.append(_secundair(tabel.waarden.get(cat, 0)))
                else:
                    delen.append(tabel.cellen.get(cat, _exact(0)))
            cellen[dim][cat] = som_cel(delen)
    return Regioset(jaren, som_cel([jaar.totaal for jaar in jaren.values()]), cellen)
