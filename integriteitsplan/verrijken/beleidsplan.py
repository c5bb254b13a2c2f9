"""Het Beleidsplan Integriteit verrijken: indeling in hoofdstukken, BIOS-dekking,
basisnormentoets, maatregelen en budget.

Ontvangt een gecontroleerd ``Profiel``; geeft een ``Verrijkt`` met een ``BeleidsplanContext``
(``verrijken/context.py``) voor de sjablonen.
"""
from __future__ import annotations

from integriteitsplan.bronnen import referentie
from integriteitsplan.controleren.schema.profiel import PROFIEL_SCHEMA
from integriteitsplan.domein.maatregelen import alle_maatregelen
from integriteitsplan.domein.onderdelen import heeft_inhoud
from integriteitsplan.domein.regio import is_regio as regio_is
from integriteitsplan.domein.toets import basisnormentoets, peiljaar, toets_samenvatting
from integriteitsplan.domein.wet import ambtenarenwet
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.verrijken.algemeen import (
    DOCUMENTSOORTEN,
    Verrijkt,
    namen,
    onderdeel_info,
    periode,
    titel_met_periode,
    voorblad,
    vul_aan,
)
from integriteitsplan.verrijken.beleidsplan_delen import (
    budgettabel,
    formatietabel,
    indicatorentabel,
    kwetsbare_functies_tabel,
    maatregelen_per_hoofdstuk,
    maatregelenbijlage,
    meldroutes_tabel,
    monitoringtabel,
    referentietabellen,
    rollenoverzicht,
    toetsoordeel,
    toetstabel,
    wettelijk_kader_tabel,
)
from integriteitsplan.verrijken.context import BeleidsplanContext


def standaardindeling(data: dict) -> list[dict]:
    """De zeven BIOS-delen als hoofdstukken, met de inleiding ervoor en de bijlagen erachter."""
    bios = referentie("bios")
    hoofdstukken = [{"id": "inleiding", "titel": "Inleiding", "onderdelen": ["inleiding"]}]
    for deel in bios["delen"]:
        hoofdstukken.append({"id": deel["id"], "titel": deel["titel"], "onderdelen": list(deel["onderdelen"])})
    for naam in data.get("bijlagen") or []:
        onderdeel = bios["standaardbijlagen"][naam]
        hoofdstukken.append({"id": f"bijlage-{naam}", "titel": onderdeel_info()[onderdeel]["titel"],
                             "onderdelen": [onderdeel], "bijlage": True})
    return hoofdstukken


def indeling(data: dict) -> list[dict]:
    """De hoofdstukken zoals ze in het plan komen, met per onderdeel titel en sjabloon.
    Onderdelen zonder inhoud vallen weg; een hoofdstuk zonder inhoud ook."""
    info = onderdeel_info()
    ruw = data.get("indeling") or standaardindeling(data)
    uit = []
    for hoofdstuk in ruw:
        titels = hoofdstuk.get("titels") or {}
        onderdelen = [
            {"naam": naam, **info[naam], "titel": titels.get(naam) or info[naam]["titel"]}
            for naam in hoofdstuk.get("onderdelen") or []
            if heeft_inhoud(data, naam)
        ]
        if not (onderdelen or hoofdstuk.get("tekst") or hoofdstuk.get("secties")):
            continue
        koppen = hoofdstuk.get("koppen")
        if koppen is None:
            koppen = len(onderdelen) > 1 or bool(onderdelen and hoofdstuk.get("tekst"))
        uit.append({
            "id": hoofdstuk.get("id"),
            "titel": hoofdstuk["titel"],
            "tekst": hoofdstuk.get("tekst"),
            "onderdelen": onderdelen,
            "groepen": hoofdstuk.get("groepen") or [],
            "koppen": koppen,
            "secties": hoofdstuk.get("secties") or [],
            "secties_eerst": bool(hoofdstuk.get("secties_eerst")),
            "genummerd": hoofdstuk.get("genummerd") is not False,
            "bijlage": bool(hoofdstuk.get("bijlage")),
            "delen": hoofdstuk.get("delen") or [],
        })
    return uit


def dekking(data: dict, hoofdstukken: list[dict]) -> list[dict]:
    """Welke BIOS-delen het plan behandelt, en in welk hoofdstuk."""
    uit = []
    for deel in referentie("bios")["delen"]:
        waar = [
            h["titel"] for h in hoofdstukken
            if any(o["deel"] == deel["id"] for o in h["onderdelen"]) or deel["id"] in h["delen"]
        ]
        uit.append({"id": deel["id"], "titel": deel["titel"], "hoofdstukken": waar, "gedekt": bool(waar)})
    return uit


def maatregelenlijst(data: dict) -> list[dict]:
    """Alle maatregelen op een rij, met de naam van hun groep (en subgroep)."""
    return [{**m, "groep": " / ".join(g["naam"] for g in keten), "hoofdgroep": keten[0]["id"]}
            for _, m, keten in alle_maatregelen(data)]


def budgetoverzicht(data: dict) -> dict:
    posten = data["middelen"]["budget"]
    jaren = sorted({p["jaar"] for p in posten})
    per_jaar = {j: sum(p["bedrag"] for p in posten if p["jaar"] == j) for j in jaren}
    namen = list(dict.fromkeys(p["post"] for p in posten))
    matrix = [
        {"post": naam, "bedragen": [sum(p["bedrag"] for p in posten if p["post"] == naam and p["jaar"] == j)
                                    for j in jaren]}
        for naam in namen
    ]
    return {"jaren": jaren, "per_jaar": per_jaar, "totalen": [per_jaar[j] for j in jaren],
            "totaal": sum(per_jaar.values()), "posten": matrix}


def planjaar(meta: dict) -> int | None:
    """Het jaar waarin het plan begint: de looptijd, het jaar van het plan of de datum."""
    if meta.get("looptijd"):
        return meta["looptijd"]["start"]
    if meta.get("jaar"):
        return meta["jaar"]
    return meta["datum"].year if meta.get("datum") else None


def verrijk_beleidsplan(profiel: Profiel) -> Verrijkt:
    gegevens = vul_aan(profiel.data, PROFIEL_SCHEMA)
    meta = gegevens["metadata"]
    hoofdstukken = indeling(gegevens)
    toets = basisnormentoets(gegevens)
    telling = toets_samenvatting(toets)
    is_regio = regio_is(gegevens)
    lijst = maatregelenlijst(gegevens)
    for hoofdstuk in hoofdstukken:
        hoofdstuk["maatregelen"] = maatregelen_per_hoofdstuk(gegevens, hoofdstuk, lijst)
    begroting = budgetoverzicht(gegevens)
    fte_totaal = sum(r["fte"] for r in gegevens["middelen"]["fte"])
    namen_ = namen(meta, is_regio)
    wet = ambtenarenwet(planjaar(meta))
    if wet["oud"]:  # de bijlage heet naar de wet van het jaar van het plan
        for hoofdstuk in hoofdstukken:
            if hoofdstuk["titel"] == "Ambtenarenwet 2017":
                hoofdstuk["titel"] = wet["naam"]
            for onderdeel in hoofdstuk["onderdelen"]:
                if onderdeel["titel"] == "Ambtenarenwet 2017":
                    onderdeel["titel"] = wet["naam"]
    voorblad_ = voorblad(meta)
    if is_regio:
        voorblad_ = [("Soort document", "Regionale basistekst")] + voorblad_
    context = BeleidsplanContext(
        **namen_,
        titel_met_periode=titel_met_periode(meta, periode(meta)),
        profiel=gegevens,
        naam=profiel.naam,
        meta=meta,
        documentsoort=DOCUMENTSOORTEN["beleidsplan"],
        periode=periode(meta),
        voorblad=voorblad_,
        concept=meta.get("status") == "concept",
        is_regio=is_regio,
        indeling=hoofdstukken,
        dekking=dekking(gegevens, hoofdstukken),
        toets=toets,
        toets_telling=telling,
        toetstabel=toetstabel(toets),
        toetsoordeel=toetsoordeel(toets, telling, namen_["de_gemeente"]),
        wettelijk_kader_tabel=wettelijk_kader_tabel(gegevens),
        kernwaarden_met_kop=any(k["toelichting"] for k in gegevens["waarden_normen"]["kernwaarden"]),
        peiljaar=peiljaar(meta),
        maatregelenlijst=lijst,
        maatregelweergave=gegevens["maatregelen"]["ordening"]["weergave"] or "secties",
        maatregelenbijlage=maatregelenbijlage(gegevens, lijst),
        kwetsbare_functies_tabel=kwetsbare_functies_tabel(gegevens),
        meldroutes_tabel=meldroutes_tabel(gegevens),
        rollenoverzicht=rollenoverzicht(gegevens),
        monitoringtabel=monitoringtabel(gegevens),
        begroting=begroting,
        budgettabel=budgettabel(begroting),
        fte_totaal=fte_totaal,
        formatietabel=formatietabel(gegevens, fte_totaal),
        indicatorentabel=indicatorentabel(gegevens),
        referentietabellen=referentietabellen(wet),
        wet=wet,
        leden=list(gegevens.get("leden") or []) if is_regio else [],
    )
    return Verrijkt(context=context, soort="beleidsplan", periode=periode(meta))
