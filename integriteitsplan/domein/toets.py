"""De basisnormentoets: per landelijke basisnorm of de gemeente eraan voldoet.

Ontvangt de aangevulde gegevens van een profiel; geeft per basisnorm een rij (norm,
status, regeling, sinds, laatst geëvalueerd, of de evaluatie te oud is) en een samenvatting.
Gebruikt door verrijken (het plan) en door ``controleer`` (de toets op het scherm).
"""
from __future__ import annotations

from integriteitsplan.bronnen import referentie

STATUS_TOETS = {"ja": "voldaan", "deels": "deels", "nee": "niet voldaan"}


MAX_LEEFTIJD_EVALUATIE = 4


def peiljaar(meta: dict) -> int | None:
    if meta.get("looptijd"):
        return meta["looptijd"]["start"]
    if meta.get("datum"):
        return meta["datum"].year
    return meta.get("jaar")


def basisnormentoets(data: dict) -> list[dict]:
    """Per basisnorm: de stand van zaken, en of de laatste evaluatie te oud is."""
    meta = data["metadata"]
    profiel_normen = (data.get("waarden_normen") or {}).get("basisnormen") or {}
    jaar = peiljaar(meta)
    grens = MAX_LEEFTIJD_EVALUATIE
    if meta.get("looptijd"):
        grens = min(grens, meta["looptijd"]["eind"] - meta["looptijd"]["start"] + 1)
    rijen = []
    for norm in referentie("basisnormen")["basisnormen"]:
        eigen = profiel_normen.get(norm["id"]) or {}
        geregeld = eigen.get("geregeld")
        geevalueerd = eigen.get("geevalueerd")
        verouderd = bool(jaar and geevalueerd and jaar - geevalueerd > grens)
        rijen.append({
            **norm,
            "status": STATUS_TOETS.get(geregeld, "onbekend"),
            "geregeld": geregeld,
            "regeling": eigen.get("regeling"),
            "sinds": eigen.get("sinds"),
            "geevalueerd": geevalueerd,
            "verouderd": verouderd,
            "toelichting": eigen.get("toelichting"),
        })
    return rijen


def toets_samenvatting(rijen: list[dict]) -> dict:
    telling = {s: 0 for s in ("voldaan", "deels", "niet voldaan", "onbekend")}
    for rij in rijen:
        telling[rij["status"]] += 1
    telling["verouderd"] = sum(1 for r in rijen if r["verouderd"])
    telling["totaal"] = len(rijen)
    return telling
