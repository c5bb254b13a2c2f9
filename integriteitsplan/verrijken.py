"""Stap 3, verrijken: afgeleide feiten bij een gecontroleerd profiel.

Hier wordt niets geschreven of opgemaakt; hier wordt uitgerekend wat de sjablonen
nodig hebben: de basisnormentoets, de dekking van de BIOS-delen, de indeling in
hoofdstukken, totalen van budget en formatie, en de gegevens voor het voorblad.
Het profiel wordt eerst aangevuld met lege waarden voor alles wat het schema kent,
zodat een sjabloon ``{% if p.missie_visie.ambitie %}`` kan schrijven en een tikfout
in een sjabloon toch een fout geeft (StrictUndefined).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from . import opmaak
from .controleren import alle_groepen, alle_maatregelen
from .laden import Profiel
from .schema import PROFIEL_SCHEMA

DOCUMENTSOORTEN = {
    "beleidsplan": "Beleidsplan Integriteit",
    "jaarplan": "Jaarplan integriteit",
    "jaarverslag": "Jaarverslag integriteit",
}

STATUS_TOETS = {"ja": "voldaan", "deels": "deels", "nee": "niet voldaan"}
MAX_LEEFTIJD_EVALUATIE = 4


@lru_cache(maxsize=None)
def referentie(naam: str) -> dict:
    """Meegeleverde referentiegegevens (basisnormen, Ambtenarenwet, BIOS-delen)."""
    tekst = resources.files("integriteitsplan.referentie").joinpath(f"{naam}.yaml").read_text("utf-8")
    return yaml.load(tekst, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def onderdeel_info() -> dict[str, dict]:
    """Per standaardonderdeel: standaardtitel, sjabloon en BIOS-deel (of None)."""
    bios = referentie("bios")
    uit: dict[str, dict] = {}
    for deel in bios["delen"]:
        for naam, titel in deel["onderdelen"].items():
            uit[naam] = {"titel": titel, "sjabloon": deel["sjabloon"], "deel": deel["id"]}
    for naam, titel in bios["overig"]["onderdelen"].items():
        uit[naam] = {"titel": titel, "sjabloon": bios["overig"]["sjabloon"], "deel": None}
    return uit


# ---------------------------------------------------------------- aanvullen


def vul_aan(waarde: Any, schema: dict) -> Any:
    """Geef elk veld dat het schema kent een waarde: None, een lege lijst of een
    aangevulde mapping. Een object met verplichte velden (zoals ``looptijd``) is er
    helemaal of niet: ontbreekt het, dan blijft het None. Levert gewone dicts en lists op."""
    if "$ref" in schema:
        schema = PROFIEL_SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    soort = schema.get("type")
    if soort == "object":
        if waarde is None and schema.get("required"):
            return None
        waarde = waarde or {}
        velden = schema.get("properties", {})
        if not velden:
            return dict(waarde)
        return {k: vul_aan(waarde.get(k), sub) for k, sub in velden.items()}
    if soort == "array":
        return [vul_aan(x, schema["items"]) for x in (waarde or [])]
    return waarde


# ---------------------------------------------------------------- inhoud per onderdeel

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


# ---------------------------------------------------------------- indeling


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


# ---------------------------------------------------------------- toets en totalen


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


# ---------------------------------------------------------------- voorblad


def periode(meta: dict) -> str:
    if meta.get("looptijd"):
        lt = meta["looptijd"]
        return str(lt["start"]) if lt["start"] == lt["eind"] else f"{lt['start']}-{lt['eind']}"
    if meta.get("jaar"):
        return str(meta["jaar"])
    if meta.get("datum"):
        return str(meta["datum"].year)
    return ""


def voorblad(meta: dict) -> list[tuple[str, str]]:
    """De bekende metadata als rijen voor het voorblad; onbekende velden vallen weg."""
    rijen = [
        ("Steller", meta.get("steller")),
        ("Versie", meta.get("versie")),
        ("Vastgesteld door", meta.get("vastgesteld_door")),
        ("Datum", opmaak.datum(meta.get("datum"))),
        ("Looptijd", f"{meta['looptijd']['start']} tot en met {meta['looptijd']['eind']}"
         if meta.get("looptijd") else None),
        ("Status", {"concept": "Concept", "vastgesteld": "Vastgesteld"}.get(meta.get("status"))),
    ]
    return [(k, str(v)) for k, v in rijen if v]


def namen(meta: dict, is_regio: bool) -> dict[str, str]:
    """Hoe de organisatie heet: op het voorblad en midden in een zin. Een gemeente heet
    'Gemeente X' en 'de gemeente X' (ook 'De Bilt'); een regio 'X' en 'de X'."""
    naam = meta["gemeente"]
    if naam.lower().startswith("gemeente "):
        naam = naam[len("gemeente "):]
    if not is_regio:
        return {"organisatienaam": f"Gemeente {naam}", "de_gemeente": f"de gemeente {naam}"}
    kort = naam if naam.lower().startswith("de ") else f"de {naam}"
    return {"organisatienaam": opmaak.hoofdletter(naam), "de_gemeente": "de" + kort[2:]}


def titel_met_periode(meta: dict, periode_tekst: str) -> str:
    titel = meta["titel"]
    return titel if not periode_tekst or periode_tekst in titel else f"{titel} {periode_tekst}"


@dataclass
class Verrijkt:
    """Alles wat de sjablonen van één document krijgen."""

    context: dict
    soort: str
    periode: str
    sjabloon: str | None = None  # standaard <soort>/document.md.j2

    @property
    def bestandsnaam(self) -> str:
        basis = {"beleidsplan": "beleidsplan-integriteit", "jaarplan": "jaarplan-integriteit",
                 "jaarverslag": "jaarverslag-integriteit"}.get(self.soort, self.soort)
        return f"{basis}-{self.periode}" if self.periode else basis


def verrijk_beleidsplan(profiel: Profiel) -> Verrijkt:
    p = vul_aan(profiel.data, PROFIEL_SCHEMA)
    meta = p["metadata"]
    hoofdstukken = indeling(p)
    toets = basisnormentoets(p)
    is_regio = meta.get("organisatie") == "regio" or bool(p.get("leden"))
    context = {
        **namen(meta, is_regio),
        "titel_met_periode": titel_met_periode(meta, periode(meta)),
        "p": p,
        "naam": profiel.naam,
        "meta": meta,
        "documentsoort": DOCUMENTSOORTEN["beleidsplan"],
        "periode": periode(meta),
        "voorblad": voorblad(meta),
        "concept": meta.get("status") == "concept",
        "is_regio": is_regio,
        "indeling": hoofdstukken,
        "dekking": dekking(p, hoofdstukken),
        "toets": toets,
        "toets_telling": toets_samenvatting(toets),
        "peiljaar": peiljaar(meta),
        "maatregelenlijst": maatregelenlijst(p),
        "groepenlijst": [g for _, g, _ in alle_groepen(p)],
        "begroting": budgetoverzicht(p),
        "fte_totaal": sum(r["fte"] for r in p["middelen"]["fte"]),
        "basisnormen_ref": referentie("basisnormen")["basisnormen"],
        "ambtenarenwet_ref": referentie("ambtenarenwet")["plichten"],
    }
    if is_regio:
        context["voorblad"] = [("Soort document", "Regionale basistekst")] + context["voorblad"]
        context["leden"] = list(p.get("leden") or [])
    return Verrijkt(context=context, soort="beleidsplan", periode=periode(meta))


# ---------------------------------------------------------------- jaarplan en jaarverslag

KWARTALEN = {1: "Eerste kwartaal", 2: "Tweede kwartaal", 3: "Derde kwartaal", 4: "Vierde kwartaal"}
ONTVANGERS = {"college": "college van B&W", "raad": "gemeenteraad", "or": "ondernemingsraad",
              "directie": "directie", "mt": "managementteam", "griffie": "griffie", "audit": "auditcommissie"}


def _basis_jaar(profiel: Profiel, soort: str, jaar: int) -> dict:
    """Wat jaarplan en jaarverslag allebei nodig hebben: naam, plan en jaarnummer."""
    p = vul_aan(profiel.data, PROFIEL_SCHEMA)
    meta = p["metadata"]
    is_regio = meta.get("organisatie") == "regio" or bool(p.get("leden"))
    lt = meta.get("looptijd")
    return {
        **namen(meta, is_regio),
        "p": p,
        "naam": profiel.naam,
        "meta": meta,
        "jaar": jaar,
        "documentsoort": DOCUMENTSOORTEN[soort],
        "plan_titel": titel_met_periode(meta, periode(meta)),
        "jaarnummer": jaar - lt["start"] + 1 if lt and lt["start"] <= jaar <= lt["eind"] else None,
        "aantal_jaren": lt["eind"] - lt["start"] + 1 if lt else None,
        "is_regio": is_regio,
        "titel_met_periode": f"{DOCUMENTSOORTEN[soort]} {jaar}",
    }


def _voorblad_jaar(stuk: dict, meta: dict, extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    rijen = [("Steller", stuk.get("steller") or meta.get("steller")),
             ("Datum", opmaak.datum(stuk.get("datum"))), *extra,
             ("Status", {"concept": "Concept", "vastgesteld": "Vastgesteld"}.get(stuk.get("status")))]
    return [(k, str(v)) for k, v in rijen if v]


def verrijk_jaarplan(profiel: Profiel, jaren, jaar: int) -> Verrijkt:
    from . import jaarcyclus
    from .schema import JAARPLAN_SCHEMA

    c = _basis_jaar(profiel, "jaarplan", jaar)
    stukken = jaren.stukken(jaar)
    plan = vul_aan((stukken.jaarplan if stukken else None) or {"jaar": jaar}, JAARPLAN_SCHEMA)
    maatregelen = jaarcyclus.maatregelen_van(c["p"])
    rijen = []
    for a in jaarcyclus.activiteiten(jaren, jaar):
        m = maatregelen.get(a.maatregel, {})
        rijen.append({**a.als_dict(), "maatregel_naam": m.get("maatregel", a.maatregel),
                      "groep": m.get("hoofdgroep") or "Overig"})
    vorig = jaren.stukken(jaar - 1)
    vorige_aanbevelingen = ((vorig.jaarverslag or {}).get("aanbevelingen") or []) if vorig else []
    opvolging = {o["aanbeveling"]: o for o in plan["aanbevelingen"]}
    namen_act = {r["id"]: r["activiteit"] for r in rijen}
    aanbevelingen = [{"id": a["id"], "aanbeveling": a["aanbeveling"],
                      "opvolging": opvolging.get(a["id"], {}).get("opvolging"),
                      "activiteit_naam": namen_act.get(opvolging.get(a["id"], {}).get("activiteit"))}
                     for a in vorige_aanbevelingen]
    kwartalen = {k: [r for r in rijen if k in r["kwartalen"]] for k in KWARTALEN}
    plan_budget = sum(b["bedrag"] for b in c["p"]["middelen"]["budget"] if b["jaar"] == jaar)
    eigen_budget = sum(r["budget"] or 0 for r in rijen if r["herkomst"] != "regionaal")
    c.update({
        "plan": plan,
        "activiteiten": rijen,
        "eigen": [r for r in rijen if r["herkomst"] == "eigen"],
        "doorgeschoven": [r for r in rijen if r["herkomst"] == "doorgeschoven"],
        "regionaal": [r for r in rijen if r["herkomst"] == "regionaal"],
        "vervallen": jaarcyclus.vervallen(jaren, jaar),
        "aanbevelingen": aanbevelingen,
        "kwartalen": [{"nummer": k, "naam": naam, "activiteiten": kwartalen[k]} for k, naam in KWARTALEN.items()],
        "zonder_kwartaal": [r for r in rijen if not r["kwartalen"]],
        "budget_activiteiten": eigen_budget,
        "budget_plan": plan_budget if any(b["jaar"] == jaar for b in c["p"]["middelen"]["budget"]) else None,
        "monitoring": [{**m, "aan_naam": ONTVANGERS[m["aan"]]} for m in sorted(plan["monitoring"], key=lambda m: m["kwartaal"])],
        "concept": plan.get("status") == "concept",
        "voorblad": _voorblad_jaar(plan, c["meta"], [("Meerjarenplan", c["plan_titel"])]),
    })
    return Verrijkt(context=c, soort="jaarplan", periode=str(jaar))


def verrijk_jaarverslag(profiel: Profiel, jaren, jaar: int) -> Verrijkt:
    from . import jaarcyclus, privacy
    from .schema import JAARVERSLAG_SCHEMA

    c = _basis_jaar(profiel, "jaarverslag", jaar)
    stukken = jaren.stukken(jaar)
    verslag = vul_aan((stukken.jaarverslag if stukken else None) or {"jaar": jaar}, JAARVERSLAG_SCHEMA)
    drempel = jaarcyclus.drempel(c["p"])
    typ = jaarcyclus.typologie(c["p"])
    maatregelen = jaarcyclus.maatregelen_van(c["p"])
    m = jaarcyclus.meldingen(profiel, jaren, jaar)
    meldingtabellen = []
    if m:
        for dim, kop in (("soort", "Soort"), ("afdoening", "Afdoening"), ("uitkomst", "Uitkomst")):
            if m[dim] is None:
                continue
            namen_dim = {cat["id"]: cat["naam"] for cat in typ[dim]}
            tabel = privacy.beveilig_tabel(dict(m[dim]), drempel)
            meldingtabellen.append({"dimensie": dim, "kop": kop, "tabel": tabel,
                                    "rijen": [(namen_dim.get(k, k), cel.tekst) for k, cel in tabel.cellen.items()]})
    vp = verslag["vertrouwenspersoon"]["thema"]
    vp_tabel = None
    if vp:
        namen_vp = {cat["id"]: cat["naam"] for cat in typ["vertrouwenspersoon"]}
        tabel = privacy.beveilig_tabel({cat["id"]: vp.get(cat["id"], 0) for cat in typ["vertrouwenspersoon"]}, drempel)
        vp_tabel = {"tabel": tabel, "rijen": [(namen_vp[k], cel.tekst) for k, cel in tabel.cellen.items()]}
    reeks = jaarcyclus.kerncijfers(profiel, jaren, jaar)
    trend = []
    for naam, label in jaarcyclus.KERNCIJFERS:
        waarden = [reeks[j].get(naam) for j in reeks]
        if any(w is not None for w in waarden):
            trend.append({"naam": naam, "label": label,
                          "waarden": ["–" if w is None else privacy.totaal_cel(w, drempel).tekst for w in waarden]})
    c.update({
        "verslag": verslag,
        "drempel": drempel,
        "realisatie": jaarcyclus.realisatie(jaren, jaar, maatregelen),
        "heeft_jaarplan": bool(stukken and stukken.jaarplan),
        "meldingen": m,
        "meldingen_totaal": privacy.totaal_cel(m["totaal"], drempel).tekst if m else None,
        "meldingtabellen": meldingtabellen,
        "vertrouwenspersoon": vp_tabel,
        "trainingen": jaarcyclus.trainingen(jaren, jaar),
        "trend_jaren": list(reeks),
        "trend": trend,
        "reeks": reeks,
        "concept": verslag.get("status") == "concept",
        "voorblad": _voorblad_jaar(verslag, c["meta"], [("Verslagjaar", str(jaar)), ("Meerjarenplan", c["plan_titel"])]),
    })
    return Verrijkt(context=c, soort="jaarverslag", periode=str(jaar))


def verrijk_regioverslag(profiel: Profiel, jaren, jaar: int, mappen) -> Verrijkt:
    """Het jaarverslag van een regio: de cijfers van de leden samen, een kolom per lid waar
    de privacydrempel dat toelaat, en de realisatie van de gezamenlijke activiteiten.
    De privacyregels gelden na het optellen én per lid (``privacy.beveilig_regio``), zodat
    een verborgen aantal van een lid ook niet uit de regionale totalen terug te rekenen is."""
    from . import jaarcyclus, privacy
    from .laden import laad_jaren, laad_profiel
    from .schema import JAARVERSLAG_SCHEMA

    c = _basis_jaar(profiel, "jaarverslag", jaar)
    stukken = jaren.stukken(jaar)
    verslag = vul_aan((stukken.jaarverslag if stukken else None) or {"jaar": jaar}, JAARVERSLAG_SCHEMA)
    drempel = jaarcyclus.drempel(c["p"])
    typ = jaarcyclus.typologie(c["p"])
    leden = []
    for lid in c["p"]["leden"]:
        lid_profiel = laad_profiel(lid, mappen)
        lid_jaren = laad_jaren(lid_profiel)
        m = jaarcyclus.meldingen(lid_profiel, lid_jaren, jaar)
        reeks = jaarcyclus.kerncijfers(lid_profiel, lid_jaren, jaar).get(jaar, {})
        leden.append({"naam": lid, "gemeente": lid_profiel.data["metadata"]["gemeente"], "meldingen": m,
                      "cijfers": reeks})
    namen_lid = {lid["naam"]: lid["gemeente"] for lid in leden}
    met_meldingen = [lid for lid in leden if lid["meldingen"]]
    tabellen = []
    lid_totalen = None
    for dim, kop in (("soort", "Soort"), ("afdoening", "Afdoening"), ("uitkomst", "Uitkomst")):
        invoer = {lid["naam"]: lid["meldingen"][dim] for lid in met_meldingen if lid["meldingen"][dim] is not None}
        if not invoer:
            continue
        beveiligd = privacy.beveilig_regio(invoer, drempel)
        lid_totalen = lid_totalen or beveiligd.lid_totalen
        namen_dim = {cat["id"]: cat["naam"] for cat in typ[dim]}
        categorieen = [cat["id"] for cat in typ[dim] if any(cat["id"] in rij for rij in invoer.values())]
        rijen = []
        for cat in categorieen:
            regiocel = "–" if beveiligd.regio.alleen_totaal else beveiligd.regio.cellen[cat].tekst
            per_lid = ["–" if beveiligd.leden[lid].alleen_totaal else beveiligd.leden[lid].cellen[cat].tekst
                       for lid in invoer]
            rijen.append([namen_dim.get(cat, cat), regiocel] + per_lid)
        rijen.append(["**Totaal**", beveiligd.regio.totaal.tekst] + [beveiligd.leden[lid].totaal.tekst for lid in invoer])
        tabellen.append({"kop": kop, "kolommen": [kop, "Regio"] + [namen_lid[lid] for lid in invoer], "rijen": rijen})
    # Kerncijfers per lid zoals elk lid ze in zijn eigen verslag drukt; het regiototaal
    # alleen als het samen met die verslagen geen verborgen aantal verraadt. Voor de
    # meldingen geldt de tabel hierboven (die ook de uitsplitsingen meeweegt).
    cijfers = []
    for naam, label in jaarcyclus.KERNCIJFERS:
        bekend = {lid["naam"]: lid["cijfers"].get(naam) for lid in leden if lid["cijfers"].get(naam) is not None}
        if not bekend:
            continue
        if naam == "meldingen" and lid_totalen is not None:
            totalen = lid_totalen
        else:
            totalen = privacy.beveilig_regio({k: {naam: v} for k, v in bekend.items()}, drempel).lid_totalen
        cijfers.append([label, totalen.totaal.tekst] + [
            totalen.cellen[lid["naam"]].tekst if lid["naam"] in totalen.cellen else "–" for lid in leden])
    maatregelen = jaarcyclus.maatregelen_van(c["p"])
    c.update({
        "verslag": verslag,
        "drempel": drempel,
        "leden": leden,
        "realisatie": jaarcyclus.realisatie(jaren, jaar, maatregelen),
        "meldingtabellen": tabellen,
        "lid_totalen": [(namen_lid[k], cel.tekst) for k, cel in lid_totalen.cellen.items()] if lid_totalen else [],
        "meldingen_totaal": lid_totalen.totaal.tekst if lid_totalen else None,
        "lid_totalen_alleen_totaal": bool(lid_totalen and lid_totalen.alleen_totaal),
        "cijfers": cijfers,
        "cijfer_kolommen": ["Kerncijfer", "Regio"] + [lid["gemeente"] for lid in leden],
        "reeks": {},
        "grafiek": None,
        "concept": verslag.get("status") == "concept",
        "voorblad": _voorblad_jaar(verslag, c["meta"], [("Verslagjaar", str(jaar)),
                                                        ("Gemeenten", opmaak.opsomming(namen_lid.values()))]),
    })
    return Verrijkt(context=c, soort="jaarverslag", periode=str(jaar), sjabloon="jaarverslag/regio.md.j2")
