"""Welke velden van het profiel elk standaardonderdeel van het plan vullen.

Gedeeld door ``controleren`` (waarschuwen als de ``indeling`` een gevuld onderdeel weglaat)
en ``verrijken`` (een onderdeel zonder inhoud komt niet in het plan). Geeft alleen
opzoekingen op de gegevens van een profiel; leest en schrijft niets.
"""
from __future__ import annotations

from typing import Any

# Welke velden een onderdeel vullen; een onderdeel zonder inhoud komt niet in het plan.
INHOUD = {
    "inleiding": ["inleiding.tekst", "inleiding.aanleiding", "inleiding.leeswijzer"],
    "missie": ["missie_visie.missie", "missie_visie.ambitie", "missie_visie.doelstellingen"],
    "visie": ["missie_visie.visie"],
    "uitgangspunten": ["missie_visie.uitgangspunten"],
    "commitment": ["missie_visie.commitment"],
    "definities": ["waarden_normen.definities"],
    "kernwaarden": ["waarden_normen.kernwaarden"],
    "gedragscode": ["waarden_normen.gedragscode"],
    "basisnormen": ["*"],
    "wettelijk_kader": ["waarden_normen.wettelijk_kader"],
    "organisatie": ["maatregelen.organisatie"],
    "aoic": ["maatregelen.aoic"],
    "cultuur": ["maatregelen.cultuur"],
    "maatregelen": ["maatregelen.groepen"],
    "kwetsbare_functies": ["maatregelen.kwetsbare_functies"],
    "meldroutes": ["incidenten.meldroutes", "incidenten.inleiding"],
    "onderzoek": ["incidenten.onderzoeksprotocol", "incidenten.stappen"],
    "handhaving": ["incidenten.handhaving", "incidenten.sancties", "incidenten.aangifte"],
    "schendingen": ["incidenten.schendingen"],
    "communicatie": ["incidenten.communicatie.betrokkenen", "incidenten.communicatie.organisatie",
                     "incidenten.communicatie.extern"],
    "rollen": ["rollen.rollen", "rollen.inleiding"],
    "relaties": ["rollen.relaties"],
    "management": ["rollen.management"],
    "monitoring": ["monitoring.onderdelen", "monitoring.inleiding", "monitoring.rapportagecyclus",
                   "monitoring.evaluatie"],
    "samenhang": ["middelen.samenhang"],
    "budget": ["middelen.budget", "middelen.budget_toelichting"],
    "formatie": ["middelen.fte"],
    "faciliteiten": ["middelen.faciliteiten"],
    "planning": ["middelen.planning"],
    "succesfactoren": ["middelen.succesfactoren", "middelen.prestatie_indicatoren"],
    "bijlage_maatregelen": ["maatregelen.groepen"],
    "bijlage_basisnormen": ["*"],
    "bijlage_ambtenarenwet": ["*"],
    "bijlage_wettelijk_kader": ["waarden_normen.wettelijk_kader"],
}


def _waarde_op(data: dict, pad: str) -> Any:
    for stap in pad.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(stap)
    return data


def _gevuld(waarde: Any) -> bool:
    if isinstance(waarde, dict):
        return any(_gevuld(v) for v in waarde.values())
    return waarde not in (None, "", [], {})


def heeft_inhoud(data: dict, onderdeel: str) -> bool:
    return any(pad == "*" or _gevuld(_waarde_op(data, pad)) for pad in INHOUD[onderdeel])


def gevulde_velden(data: dict, onderdeel: str) -> list[str]:
    """De velden (als 'deel.veld') die ``onderdeel`` vullen en in dit profiel ingevuld zijn."""
    return [pad for pad in INHOUD[onderdeel] if pad != "*" and _gevuld(_waarde_op(data, pad))]
