"""Het Beleidsplan Integriteit per BIOS-deel klaarzetten voor de sjablonen: de tabellen,
de zinnen met aantallen onder de basisnormentoets, de maatregelen per hoofdstuk en de rollen
per laag. Een sjabloon toont deze alleen nog.

Ontvangt de aangevulde gegevens van een profiel (zie ``algemeen.vul_aan``); geeft tabellen
(``Tabel``), lijsten en zinnen zonder Markdown.
"""
from __future__ import annotations

from integriteitsplan import opmaak
from integriteitsplan.bronnen import referentie
from integriteitsplan.domein.maatregelen import alle_groepen
from integriteitsplan.verrijken.algemeen import Tabel, of_streep


def _met_letter(item: dict, veld: str) -> str:
    return f"{item['letter']}. {item[veld]}" if item.get("letter") else str(item[veld])


def _meervoud(aantal: int, enkel: str, meer: str) -> str:
    return enkel if aantal == 1 else meer


# ---------------------------------------------------------------- deel 2: waarden en normen

# Hoe een status in de tabel staat: een norm zonder vastgelegde stand heet 'niet vermeld',
# want het plan zegt er niets over (en dat is iets anders dan 'niet voldaan').
STATUS_WEERGAVE = {"onbekend": "niet vermeld"}


def toetstabel(toets: list[dict]) -> Tabel:
    return Tabel(["Basisnorm", "Stand van zaken", "Regeling", "Sinds", "Laatst geëvalueerd"], [
        [f"{r['nummer']}. {r['naam']}", STATUS_WEERGAVE.get(r["status"], r["status"]), of_streep(r["regeling"]),
         str(of_streep(r["sinds"])),
         (f"{r['geevalueerd']}" + (" (!)" if r["verouderd"] else "")) if r["geevalueerd"] else "–"]
        for r in toets])


def toetsoordeel(toets: list[dict], telling: dict, de_gemeente: str) -> dict:
    """Het oordeel onder de basisnormentoets: de zinnen met aantallen, de normen die nog
    open staan, de zin over normen zonder vastgelegde stand en de toelichtingen.
    Het oordeel telt alleen wat het profiel per norm vastlegt (``geregeld``): van een norm
    zonder stand zegt het dat het plan die niet vermeldt, nooit dat eraan voldaan is."""
    vastgelegd = telling["voldaan"] + telling["deels"] + telling["niet voldaan"]
    onbekend = [r for r in toets if r["status"] == "onbekend"]
    zinnen = []
    if vastgelegd:
        zin = (f"{opmaak.hoofdletter(de_gemeente)} voldoet aan {telling['voldaan']} van de {telling['totaal']} "
               "basisnormen")
        if telling["deels"]:
            zin += f", aan {telling['deels']} gedeeltelijk"
        if telling["niet voldaan"]:
            zin += f" en aan {telling['niet voldaan']} niet"
        zinnen.append(zin + ".")
        if onbekend:
            zinnen.append(f"Van {len(onbekend)} {_meervoud(len(onbekend), 'norm', 'normen')} vermeldt dit plan "
                          "de stand van zaken niet.")
    else:
        zinnen.append(f"Dit plan vermeldt bij geen van de {telling['totaal']} basisnormen of "
                      f"{de_gemeente} eraan voldoet. De tabel noemt per norm alleen de regeling of het instrument "
                      "dat het plan erbij noemt; de stand van zaken staat er daarom als ‘niet vermeld’.")
    if telling["verouderd"]:
        zinnen.append(f"Bij {telling['verouderd']} {_meervoud(telling['verouderd'], 'regeling', 'regelingen')} "
                      "is de laatste evaluatie ouder dan de looptijd van dit plan of dan vier jaar (in de tabel "
                      "gemarkeerd met een uitroepteken); een nieuwe evaluatie hoort daarom in de planning.")
    onbekend_zin = None
    if onbekend and vastgelegd:
        namen_ = opmaak.opsomming(f"‘{r['naam'].lower()}’" for r in onbekend)
        onbekend_zin = (f"Bij {_meervoud(len(onbekend), 'de norm', 'de normen')} {namen_} legt dit plan niet vast "
                        "of de gemeente eraan voldoet.")
    return {
        "samenvatting": " ".join(zinnen),
        "open": [r for r in toets if r["status"] not in ("voldaan", "onbekend")],
        "onbekend": onbekend_zin,
        "toegelicht": [r for r in toets if r["status"] == "voldaan" and r["toelichting"]],
        "toegelicht_onbekend": [r for r in toets if r["status"] == "onbekend" and r["toelichting"]],
    }


def wettelijk_kader_tabel(data: dict) -> Tabel:
    return Tabel(["Wet of regeling", "Artikelen", "Betekenis"],
                 [[w["wet"], of_streep(w["artikelen"]), w["betekenis"]] for w in data["waarden_normen"]["wettelijk_kader"]])


# ---------------------------------------------------------------- deel 3: maatregelen

MAATREGELKENMERKEN = [("regeling", "Regeling"), ("verantwoordelijk", "Verantwoordelijk"),
                      ("coordinator", "Coördinatie"), ("status", "Status"), ("planning", "Planning"), ("doel", "Doel")]


def _al_genoemd(regeling: str | None, *teksten: str | None) -> bool:
    """Of de naam van een regeling al in de naam of toelichting van de maatregel staat (ook
    zonder het woord 'Beleidsnota' of 'Nota' ervoor): dan hoeft hij er niet nog eens achter."""
    if not regeling:
        return False
    naam = " ".join(regeling.lower().split())
    for voorvoegsel in ("beleidsnota ", "nota "):
        if naam.startswith(voorvoegsel):
            naam = naam[len(voorvoegsel):]
    return any(naam in " ".join(str(t).lower().split()) for t in teksten if t)


def _zonder_dubbele_regeling(m: dict) -> dict:
    if _al_genoemd(m.get("regeling"), m.get("maatregel"), m.get("toelichting")):
        return {**m, "regeling": None}
    return m


def _groep_voor_sjabloon(groep: dict) -> dict:
    """Een groep met bij elke maatregel haar naam (met letter) en kenmerken op een rij. Een
    regeling die de maatregel al bij naam noemt, komt er niet nog eens achter."""
    return {**groep,
            "titel": _met_letter(groep, "naam"),
            "maatregelen": [{**m, "titel": _met_letter(m, "maatregel"),
                             "kenmerken": [(label, m[veld]) for veld, label in MAATREGELKENMERKEN if m.get(veld)]}
                            for m in map(_zonder_dubbele_regeling, groep.get("maatregelen") or [])],
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
    omvang = rol.get("omvang")
    if omvang is not None and omvang != "":
        kenmerken.append(("Omvang", omvang if isinstance(omvang, str) else opmaak.fte(omvang)))
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


def referentietabellen(wet: dict | None = None) -> dict[str, Tabel]:
    """De tabellen van de standaardbijlagen. Vóór 2020 (``wet['oud']``) gelden de
    artikelnummers van de Ambtenarenwet 2017 niet: dan zonder de kolom met artikelen."""
    plichten = referentie("ambtenarenwet")["plichten"]
    if wet and wet["oud"]:
        ambtenarenwet = Tabel(["Voor wie", "Plicht"], [[opmaak.hoofdletter(a["wie"]), a["plicht"]] for a in plichten])
    else:
        ambtenarenwet = Tabel(["Artikel", "Voor wie", "Plicht"],
                              [[a["artikel"], opmaak.hoofdletter(a["wie"]), a["plicht"]] for a in plichten])
    return {
        "basisnormen": Tabel(["Nr.", "Basisnorm", "Wat de norm vraagt"],
                             [[f"{b['nummer']}", b["naam"], b["norm"]] for b in referentie("basisnormen")["basisnormen"]]),
        "ambtenarenwet": ambtenarenwet,
    }
