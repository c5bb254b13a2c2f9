"""Stap 3, verrijken: afgeleide feiten bij een gecontroleerd profiel, per documentsoort.

Hier wordt niets geschreven; hier wordt uitgerekend wat de sjablonen nodig hebben: de
basisnormentoets, de dekking van de BIOS-delen, de indeling in hoofdstukken, totalen,
realisatie en de beveiligde tabellen van het jaarverslag. Elke documentsoort heeft een eigen
module; het resultaat is een ``Verrijkt`` met de context van die soort: een dataclass uit
``verrijken/context.py`` (het jaarplan geeft voorlopig nog een dict).
"""
from __future__ import annotations

from integriteitsplan.verrijken.algemeen import Verrijkt
from integriteitsplan.verrijken.beleidsplan import verrijk_beleidsplan
from integriteitsplan.verrijken.jaarplan import verrijk_jaarplan
from integriteitsplan.verrijken.jaarverslag import verrijk_jaarverslag
from integriteitsplan.verrijken.regio import verrijk_regioverslag


def verrijk(profiel, jaren, soort: str, jaar: int | None, leden: dict | None = None) -> Verrijkt:
    """Verrijk één document van ``soort`` (beleidsplan, jaarplan of jaarverslag). ``leden``:
    de al geladen leden van een regio (profiel en jaargegevens), voor het regionale verslag."""
    if soort == "beleidsplan":
        verrijkt = verrijk_beleidsplan(profiel)
    elif soort == "jaarplan":
        verrijkt = verrijk_jaarplan(profiel, jaren, jaar)
    elif leden:
        verrijkt = verrijk_regioverslag(profiel, jaren, jaar, leden)
    else:
        verrijkt = verrijk_jaarverslag(profiel, jaren, jaar)
    verrijkt.zet("voorbeeld", is_voorbeeld(profiel, jaren if soort != "beleidsplan" else None, jaar))
    return verrijkt


def is_voorbeeld(profiel, jaren, jaar: int | None) -> bool:
    """Of een document verzonnen gegevens bevat: het profiel, of een jaarbestand waaruit het
    gemaakt wordt (ook het regionale), heeft ``voorbeeld: true``."""
    if profiel.data.get("voorbeeld") is True:
        return True
    stukken = jaren.stukken(jaar) if jaren is not None and jaar is not None else None
    if stukken is None:
        return False
    return any((bestand or {}).get("voorbeeld") is True for bestand in (
        stukken.jaarplan, stukken.jaarverslag, stukken.regionaal_jaarplan, stukken.regionaal_jaarverslag))


__all__ = ["Verrijkt", "verrijk", "is_voorbeeld", "verrijk_beleidsplan", "verrijk_jaarplan", "verrijk_jaarverslag", "verrijk_regioverslag"]
