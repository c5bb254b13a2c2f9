"""Het Beleidsplan Integriteit verrijken: indeling in hoofdstukken, BIOS-dekking,
basisnormentoets, maatregelen en budget.

Ontvangt een gecontroleerd ``Profiel``; geeft een ``Verrijkt`` voor de sjablonen.
"""
from __future__ import annotations

from typing import Any

from integriteitsplan import opmaak
from integriteitsplan.bronnen import referentie
from integriteitsplan.controleren.schema.profiel import PROFIEL_SCHEMA
from integriteitsplan.domein.maatregelen import alle_groepen, alle_maatregelen
from integriteitsplan.domein.toets import basisnormentoets, peiljaar, toets_samenvatting
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.verrijken.algemeen import (
    DOCUMENTSOORTEN,
    Tabel,
    Verrijkt,
    namen,
    onderdeel_info,
    periode,
    of_streep,
    titel_met_periode,
    voorblad,
    vul_aan,
)

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


def _met_letter(item: dict, veld: str) -> str:
    return f"{item['letter']}. {item[veld]}" if item.get("letter") else str(item[veld])


def _meervoud(aantal: int, enkel: str, meer: str) -> str:
    return enkel if aantal == 1 else meer


# ---------------------------------------------------------------- deel 2: waarden en normen

def toetstabel(toets: list[dict]) -> Tabel:
    return Tabel(["Basisnorm", "Stand van zaken", "Regeling", "Sinds", "Laatst geëvalueerd"], [
        [f"{r['nummer']}. {r['naam']}", r["status"], of_streep(r["regeling"]), str(of_streep(r["sinds"])),
         (f"{r['geevalueerd']}" + (" (!)" if r["verouderd"] else "")) if r["geevalueerd"] else "–"]
        for r in toets])


def toetsoordeel(toets: list[dict], telling: dict, de_gemeente: str) -> dict:
    """Het oordeel onder de basisnormentoets: de zinnen met aantallen, de normen die nog
    open staan, de zin over normen zonder vastgelegde stand en de toelichtingen."""
    zin = f"{opmaak.hoofdletter(de_gemeente)} voldoet aan {telling['voldaan']} van de {telling['totaal']} basisnormen"
    if telling["deels"]:
        zin += f", aan {telling['deels']} gedeeltelijk"
    if telling["niet voldaan"]:
        zin += f" en aan {telling['niet voldaan']} niet"
    zinnen = [zin + "."]
    if telling["onbekend"]:
        zinnen.append(f"Van {telling['onbekend']} {_meervoud(telling['onbekend'], 'norm', 'normen')} "
                      "is de stand van zaken niet vastgelegd.")
    if telling["verouderd"]:
        zinnen.append(f"Bij {telling['verouderd']} {_meervoud(telling['verouderd'], 'regeling', 'regelingen')} "
                      "(gemarkeerd met (!)) is de laatste evaluatie ouder dan de looptijd van dit plan of dan "
                      "vier jaar; een nieuwe evaluatie hoort daarom in de planning.")
    onbekend = [r for r in toets if r["status"] == "onbekend"]
    onbekend_zin = None
    if onbekend:
        namen_ = opmaak.opsomming(f"‘{r['naam'].lower()}’" for r in onbekend)
        onbekend_zin = (f"Van {_meervoud(len(onbekend), 'de norm', 'de normen')} {namen_} is in dit plan niet "
                        "vastgelegd of de gemeente eraan voldoet; dat wordt in de looptijd van het plan uitgezocht.")
    return {
        "samenvatting": " ".join(zinnen),
        "open": [r for r in toets if r["status"] not in ("voldaan", "onbekend")],
        "onbekend": onbekend_zin,
        "toegelicht": [r for r in toets if r["status"] == "voldaan" and r["toelichting"]],
    }


def wettelijk_kader_tabel(data: dict) -> Tabel:
    return Tabel(["Wet of regeling", "Artikelen", "Betekenis"],
                 [[w["wet"], of_streep(w["artikelen"]), w["betekenis"]] for w in data["waarden_normen"]["wettelijk_kader"]])


# ---------------------------------------------------------------- deel 3: maatregelen

MAATREGELKENMERKEN = [("regeling", "Regeling"), ("verantwoordelijk", "Verantwoordelijk"),
                      ("coordinator", "Coördinatie"), ("status", "Status"), ("planning", "Planning"), ("doel", "Doel")]


def _groep_voor_sjabloon(groep: dict) -> dict:
    """Een groep met bij elke maatregel haar naam (met letter) en kenmerken op een rij."""
    return {**groep,
            "titel": _met_letter(groep, "naam"),
            "maatregelen": [{**m, "titel": _met_letter(m, "maatregel"),
                             "kenmerken": [(label, m[veld]) for veld, label in MAATREGELKENMERKEN if m.get(veld)]}
                            for m in groep.get("maatregelen") or []],
            "groepen": [_groep_voor_sjabloon(sub) for sub in groep.get("groepen") or []]}


def maatregelen_per_hoofdstuk(data: dict, hoofdstuk: dict, lijst: list[dict]) -> dict:
    """Welke groepen maatregelen een hoofdstuk toont (alle, of de groepen die het noemt),
    of ze een eigen kop krijgen, en de tabel voor de weergave 'tabel'."""
    deel = data["maatregelen"]
    alleen = hoofdstuk["groepen"]
    groepen = [g for g in deel["groepen"] if not alleen or g["id"] in alleen]
    ordening = deel["ordening"]
    tabel = Tabel([opmaak.hoofdletter(ordening["groep"] or "groep"),
                   opmaak.hoofdletter(ordening["maatregel"] or "maatregel"), "Verantwoordelijk", "Status", "Planning"],
                  [[m["groep"], _met_letter(m, "maatregel"), of_streep(m["verantwoordelijk"]), of_streep(m["status"]),
                    of_streep(m["planning"])]
                   for m in lijst if not alleen or m["hoofdgroep"] in alleen])
    return {"groepen": [_groep_voor_sjabloon(g) for g in groepen],
            "groepen_met_kop": len(groepen) > 1 or not alleen,
            "met_inleiding": not alleen,
            "tabel": tabel}


def kwetsbare_functies_tabel(data: dict) -> Tabel:
    return Tabel(["Functie of activiteit", "Waarom kwetsbaar", "Maatregelen"],
                 [[f["naam"], of_streep(f["risico"]), of_streep(f["maatregelen"])]
                  for f in data["maatregelen"]["kwetsbare_functies"]["functies"]])


def maatregelenbijlage(data: dict, lijst: list[dict]) -> dict:
    """De bijlage met alle maatregelen: per groep een tabel, met alleen de kolommen die het
    plan ook echt invult."""
    ordening = data["maatregelen"]["ordening"]
    soort = ordening["maatregel"] or "maatregel"
    velden = [(veld, kop) for veld, kop in (("verantwoordelijk", "Verantwoordelijk"), ("status", "Status"),
                                            ("planning", "Planning")) if any(m.get(veld) for m in lijst)]
    return {
        "aantal": len(lijst),
        "soorten": ordening["meervoud"] or opmaak.meervoud(soort),
        "per": ordening["groep"],
        "groepen": [{"naam": g["naam"],
                     "tabel": Tabel([opmaak.hoofdletter(soort)] + [kop for _, kop in velden],
                                    [[_met_letter(m, "maatregel")] + [of_streep(m[veld]) for veld, _ in velden]
                                     for m in g["maatregelen"]])}
                    for _, g, _ in alle_groepen(data) if g["maatregelen"]],
    }


# ---------------------------------------------------------------- delen 4 tot en met 7

def meldroutes_tabel(data: dict) -> Tabel:
    routes = data["incidenten"]["meldroutes"]
    met_bereik = any(r["bereikbaar"] for r in routes)
    return Tabel(["Meldroute", "Soort", "Wanneer en hoe"] + (["Bereikbaar"] if met_bereik else []),
                 [[r["naam"], r["soort"], of_streep(r["toelichting"])] + ([of_streep(r["bereikbaar"])] if met_bereik else [])
                  for r in routes])


LAGEN = {"bestuurlijk": "Bestuurlijk", "ambtelijk": "Ambtelijk", "uitvoering": "Uitvoering",
         "regionaal": "Regionaal", "extern": "Extern"}


def _rol_voor_sjabloon(rol: dict) -> dict:
    kenmerken = []
    if rol["wie"]:
        kenmerken.append(("Wie", rol["wie"]))
    if rol["centraal"] is not None:
        kenmerken.append(("Positie", "centraal" if rol["centraal"] else "decentraal"))
    if rol["gedeeld_met"]:
        kenmerken.append(("Gedeeld met", rol["gedeeld_met"]))
    return {**rol, "kenmerken": kenmerken}


def rollenoverzicht(data: dict) -> dict:
    """De rollen per laag (bestuurlijk, ambtelijk, ...), met de rollen zonder laag apart.
    Heeft geen rol een laag, dan is er één lijst zonder lagen."""
    deel = data["rollen"]
    rollen = [_rol_voor_sjabloon(r) for r in deel["rollen"]]
    titels = deel.get("laagtitels") or {}
    lagen = [{"titel": titels.get(laag) or naam, "rollen": [r for r in rollen if r["laag"] == laag]}
             for laag, naam in LAGEN.items() if any(r["laag"] == laag for r in rollen)]
    return {"gelaagd": bool(lagen), "lagen": lagen, "alle": rollen,
            "zonder_laag": [r for r in rollen if not r["laag"]]}


def monitoringtabel(data: dict) -> Tabel:
    return Tabel(["Waarover", "Hoe", "Wie", "Aan wie", "Hoe vaak"],
                 [[o["wat"], of_streep(o["hoe"]), of_streep(o["wie"]), of_streep(o["aan_wie"]), of_streep(o["frequentie"])]
                  for o in data["monitoring"]["onderdelen"]])


def budgettabel(begroting: dict) -> Tabel:
    return Tabel(["Post"] + [str(j) for j in begroting["jaren"]],
                 [[post["post"]] + [opmaak.bedrag_of_streep(b) for b in post["bedragen"]] for post in begroting["posten"]],
                 ["Totaal"] + [opmaak.bedrag(b) for b in begroting["totalen"]] if len(begroting["posten"]) > 1 else None)


def formatietabel(data: dict, totaal: float) -> Tabel:
    return Tabel(["Rol", "Formatie"], [[f["rol"], opmaak.fte(f["fte"])] for f in data["middelen"]["fte"]],
                 ["Totaal", opmaak.fte(totaal)])


def indicatorentabel(data: dict) -> Tabel:
    return Tabel(["Prestatie-indicator", "Streefwaarde"],
                 [[i["indicator"], of_streep(i["norm"])] for i in data["middelen"]["prestatie_indicatoren"]])


def referentietabellen() -> dict[str, Tabel]:
    return {
        "basisnormen": Tabel(["Nr.", "Basisnorm", "Wat de norm vraagt"],
                             [[f"{b['nummer']}", b["naam"], b["norm"]] for b in referentie("basisnormen")["basisnormen"]]),
        "ambtenarenwet": Tabel(["Artikel", "Voor wie", "Plicht"],
                               [[a["artikel"], opmaak.hoofdletter(a["wie"]), a["plicht"]]
                                for a in referentie("ambtenarenwet")["plichten"]]),
    }


def verrijk_beleidsplan(profiel: Profiel) -> Verrijkt:
    gegevens = vul_aan(profiel.data, PROFIEL_SCHEMA)
    meta = gegevens["metadata"]
    hoofdstukken = indeling(gegevens)
    toets = basisnormentoets(gegevens)
    telling = toets_samenvatting(toets)
    is_regio = meta.get("organisatie") == "regio" or bool(gegevens.get("leden"))
    lijst = maatregelenlijst(gegevens)
    for hoofdstuk in hoofdstukken:
        hoofdstuk["maatregelen"] = maatregelen_per_hoofdstuk(gegevens, hoofdstuk, lijst)
    begroting = budgetoverzicht(gegevens)
    fte_totaal = sum(r["fte"] for r in gegevens["middelen"]["fte"])
    namen_ = namen(meta, is_regio)
    context = {
        **namen_,
        "titel_met_periode": titel_met_periode(meta, periode(meta)),
        "profiel": gegevens,
        "naam": profiel.naam,
        "meta": meta,
        "documentsoort": DOCUMENTSOORTEN["beleidsplan"],
        "periode": periode(meta),
        "voorblad": voorblad(meta),
        "concept": meta.get("status") == "concept",
        "is_regio": is_regio,
        "indeling": hoofdstukken,
        "dekking": dekking(gegevens, hoofdstukken),
        "toets": toets,
        "toets_telling": telling,
        "toetstabel": toetstabel(toets),
        "toetsoordeel": toetsoordeel(toets, telling, namen_["de_gemeente"]),
        "wettelijk_kader_tabel": wettelijk_kader_tabel(gegevens),
        "kernwaarden_met_kop": any(k["toelichting"] for k in gegevens["waarden_normen"]["kernwaarden"]),
        "peiljaar": peiljaar(meta),
        "maatregelenlijst": lijst,
        "maatregelweergave": gegevens["maatregelen"]["ordening"]["weergave"] or "secties",
        "maatregelenbijlage": maatregelenbijlage(gegevens, lijst),
        "kwetsbare_functies_tabel": kwetsbare_functies_tabel(gegevens),
        "meldroutes_tabel": meldroutes_tabel(gegevens),
        "rollenoverzicht": rollenoverzicht(gegevens),
        "monitoringtabel": monitoringtabel(gegevens),
        "begroting": begroting,
        "budgettabel": budgettabel(begroting),
        "fte_totaal": fte_totaal,
        "formatietabel": formatietabel(gegevens, fte_totaal),
        "indicatorentabel": indicatorentabel(gegevens),
        "referentietabellen": referentietabellen(),
    }
    if is_regio:
        context["voorblad"] = [("Soort document", "Regionale basistekst")] + context["voorblad"]
        context["leden"] = list(gegevens.get("leden") or [])
    return Verrijkt(context=context, soort="beleidsplan", periode=periode(meta))
