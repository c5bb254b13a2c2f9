"""De jaarcyclus: hoe jaarplan en jaarverslag van opeenvolgende jaren op elkaar aansluiten.

- Een activiteit die in het jaarverslag van vorig jaar 'deels', 'niet' of 'doorgeschoven'
  heet, komt vanzelf terug in het jaarplan van dit jaar ('doorgeschoven uit <jaar>'),
  tenzij het jaarplan haar met een reden laat vervallen.
- De aanbevelingen van vorig jaar staan in het jaarplan met wat ermee gebeurt.
- Activiteiten die een regio gezamenlijk uitvoert, staan in het jaarplan van de regio en
  komen in het jaarplan van elk lid naast de eigen activiteiten.

Deze module rekent alleen; ``controleren`` gebruikt haar voor de meldingen over de
jaren en ``verrijken`` voor de inhoud van de documenten.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .fouten import InvoerFout, Melding
from .laden import Jaargegevens, Profiel

OPEN_RESULTATEN = ("deels", "niet", "doorgeschoven")
GEWICHT = {"gerealiseerd": 1.0, "deels": 0.5, "niet": 0.0, "doorgeschoven": 0.0}
STANDAARD_DREMPEL = 5


def maatregelen_van(data: dict) -> dict[str, dict]:
    """Alle maatregelen van het meerjarenplan per id, met de naam van hun hoofdgroep."""
    from .controleren import alle_maatregelen

    return {m["id"]: {**m, "hoofdgroep": keten[0].get("naam"), "hoofdgroep_id": keten[0].get("id")}
            for _, m, keten in alle_maatregelen(data)}


def typologie(data: dict) -> dict[str, list[dict]]:
    """De indelingen voor meldingen: de standaard, waar het profiel dat wil vervangen."""
    from .verrijken import referentie

    standaard = referentie("typologie")
    eigen = ((data.get("jaarcyclus") or {}).get("typologie")) or {}
    return {naam: list(eigen.get(naam) or lijst) for naam, lijst in standaard.items()}


def drempel(data: dict) -> int:
    return (data.get("jaarcyclus") or {}).get("privacydrempel") or STANDAARD_DREMPEL


@dataclass
class Activiteit:
    id: str
    activiteit: str
    maatregel: str
    doel: str | None
    eigenaar: str | None
    kwartalen: list[int]
    budget: float | None
    status: str | None
    herkomst: str  # "eigen", "doorgeschoven" of "regionaal"
    doorgeschoven_uit: int | None = None
    reden: str | None = None  # toelichting bij een doorgeschoven activiteit
    bron: Any = None  # de gelezen YAML-mapping, voor meldingen met regelnummer

    def als_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "bron"}


def _activiteit(ruw: dict, herkomst: str, uit_jaar: int | None = None) -> Activiteit:
    return Activiteit(
        id=ruw["id"], activiteit=ruw["activiteit"], maatregel=ruw["maatregel"], doel=ruw.get("doel"),
        eigenaar=ruw.get("eigenaar"), kwartalen=list(ruw.get("kwartalen") or []),
        budget=ruw.get("budget"), status=ruw.get("status"), herkomst=herkomst,
        doorgeschoven_uit=uit_jaar, bron=ruw,
    )


def open_van_vorig_jaar(jaren: Jaargegevens, jaar: int) -> list[tuple[Activiteit, dict]]:
    """De activiteiten van vorig jaar die niet of deels gerealiseerd zijn, met hun
    realisatieregel uit het jaarverslag van vorig jaar."""
    vorig = jaren.stukken(jaar - 1)
    if vorig is None or vorig.jaarverslag is None:
        return []
    # gezamenlijke activiteiten schuiven door in het jaarplan van de regio, niet bij elk lid
    bekend = {a.id: a for a in activiteiten(jaren, jaar - 1) if a.herkomst != "regionaal"}
    uit = []
    for regel in vorig.jaarverslag.get("realisatie") or []:
        if regel["resultaat"] in OPEN_RESULTATEN and regel["activiteit"] in bekend:
            uit.append((bekend[regel["activiteit"]], regel))
    return uit


def activiteiten(jaren: Jaargegevens, jaar: int) -> list[Activiteit]:
    """Alle activiteiten van een jaar: eigen, doorgeschoven van vorig jaar en regionaal."""
    stukken = jaren.stukken(jaar)
    plan = (stukken.jaarplan if stukken else None) or {}
    besluiten = {b["activiteit"]: b for b in plan.get("doorgeschoven") or []}
    uit = [_activiteit(a, "eigen") for a in plan.get("activiteiten") or []]
    eigen_ids = {a.id for a in uit}
    for oud, _regel in open_van_vorig_jaar(jaren, jaar):
        besluit = besluiten.get(oud.id, {})
        if besluit.get("besluit") == "vervalt" or oud.id in eigen_ids:
            continue
        nieuw = Activiteit(**{**oud.__dict__, "herkomst": "doorgeschoven", "doorgeschoven_uit": jaar - 1,
                              "status": "gepland", "reden": besluit.get("reden") or _regel.get("toelichting")})
        for veld in ("kwartalen", "eigenaar", "budget", "doel"):
            if besluit.get(veld) is not None:
                setattr(nieuw, veld, besluit[veld])
        uit.append(nieuw)
    if stukken and stukken.regionaal_jaarplan:
        uit += [_activiteit(a, "regionaal") for a in stukken.regionaal_jaarplan.get("activiteiten") or []]
    return uit


def vervallen(jaren: Jaargegevens, jaar: int) -> list[dict]:
    """Doorgeschoven activiteiten die het jaarplan bewust laat vervallen, met de reden."""
    stukken = jaren.stukken(jaar)
    plan = (stukken.jaarplan if stukken else None) or {}
    open_ids = {a.id: a for a, _ in open_van_vorig_jaar(jaren, jaar)}
    return [
        {"activiteit": open_ids[b["activiteit"]].activiteit, "id": b["activiteit"], "reden": b.get("reden")}
        for b in plan.get("doorgeschoven") or []
        if b.get("besluit") == "vervalt" and b["activiteit"] in open_ids
    ]


def realisatie(jaren: Jaargegevens, jaar: int, maatregelen: dict[str, dict]) -> dict:
    """De realisatie van het jaarplan: per activiteit, per groep en in totaal."""
    resultaten = resultaten_van(jaren, jaar)
    rijen = []
    for a in activiteiten(jaren, jaar):
        r = resultaten.get(a.id, {})
        groep = maatregelen.get(a.maatregel, {}).get("hoofdgroep") or "Overig"
        rijen.append({**a.als_dict(), "resultaat": r.get("resultaat"), "toelichting": r.get("toelichting"),
                      "groep": groep, "maatregel_naam": maatregelen.get(a.maatregel, {}).get("maatregel", a.maatregel)})
    groepen: dict[str, list[dict]] = {}
    for rij in rijen:
        groepen.setdefault(rij["groep"], []).append(rij)
    return {
        "rijen": rijen,
        "totaal": percentage(rijen),
        "per_groep": [{"groep": g, "aantal": len(r), "percentage": percentage(r),
                       "telling": _telling(r)} for g, r in groepen.items()],
        "telling": _telling(rijen),
    }


def resultaten_van(jaren: Jaargegevens, jaar: int) -> dict[str, dict]:
    """De vastgelegde resultaten per activiteit: die van de gezamenlijke activiteiten uit het
    jaarverslag van de regio, aangevuld (en zo nodig overschreven) met de eigen."""
    stukken = jaren.stukken(jaar)
    uit: dict[str, dict] = {}
    for verslag in ((stukken.regionaal_jaarverslag, stukken.jaarverslag) if stukken else ()):
        for r in (verslag or {}).get("realisatie") or []:
            uit[r["activiteit"]] = r
    return uit


def percentage(rijen: list[dict]) -> float | None:
    """Gerealiseerd telt voor 1, deels voor een half; zonder resultaat telt als niet."""
    if not rijen:
        return None
    return sum(GEWICHT.get(r.get("resultaat"), 0.0) for r in rijen) / len(rijen)


def _telling(rijen: list[dict]) -> dict[str, int]:
    uit = {k: 0 for k in ("gerealiseerd", "deels", "niet", "doorgeschoven", "onbekend")}
    for r in rijen:
        uit[r.get("resultaat") or "onbekend"] += 1
    return uit


# ---------------------------------------------------------------- meldingen en cijfers


_GELEZEN: dict[tuple, Any] = {}


def gelezen(lezer, pad: Path, jaar: int, typologie_: dict | None = None, organisatie: str | None = None):
    """Een register wordt in één run vaak voor meer dingen gebruikt (controle, verslag,
    kerncijfers van eerdere jaren); lees het per bestandsversie, jaar en filter één keer."""
    stat = pad.stat()
    sleutel = (lezer.__name__, str(pad.resolve()), stat.st_mtime_ns, stat.st_size, jaar, organisatie,
               repr(typologie_))
    if sleutel not in _GELEZEN:
        argumenten = (pad, jaar) if typologie_ is None else (pad, jaar, typologie_)
        _GELEZEN[sleutel] = lezer(*argumenten, **({"organisatie": organisatie} if organisatie else {}))
    return _GELEZEN[sleutel]


def register_pad(stukken_map: Path, pad: str) -> Path:
    kandidaat = Path(pad).expanduser()
    return kandidaat if kandidaat.is_absolute() else stukken_map / kandidaat


def meldingen(profiel: Profiel, jaren: Jaargegevens, jaar: int) -> dict | None:
    """De aantallen meldingen van een jaar per soort, afdoening en uitkomst, uit het
    register of uit de opgegeven aantallen."""
    stukken = jaren.stukken(jaar)
    verslag = (stukken.jaarverslag if stukken else None) or {}
    opgave = verslag.get("meldingen")
    typ = typologie(profiel.data)
    regio_register = _regioregister(profiel)
    if not opgave and regio_register is None:
        return None
    opgave = opgave or {}
    if opgave.get("register") or regio_register:
        from . import registers

        if opgave.get("register"):
            pad = register_pad(stukken.map, opgave["register"])
            organisatie = None
        else:
            pad, organisatie = regio_register
        if not pad.is_file():
            raise InvoerFout([Melding(_plek(verslag, ("meldingen", "register")),
                                      f"het register {pad} bestaat niet. Controleer het pad.")])
        telling = gelezen(registers.lees_meldingen, pad, jaar, typ, organisatie=organisatie)
        return {"soort": telling.per_soort, "afdoening": telling.per_afdoening,
                "uitkomst": telling.per_uitkomst, "totaal": telling.totaal, "bron": "register",
                "toelichting": opgave.get("toelichting")}
    uit = {"bron": "aantallen", "toelichting": opgave.get("toelichting")}
    for dim in ("soort", "afdoening", "uitkomst"):
        opgegeven = opgave.get(dim) or {}
        uit[dim] = {c["id"]: opgegeven.get(c["id"], 0) for c in typ[dim]} if opgegeven else None
    totalen = {sum(uit[d].values()) for d in ("soort", "afdoening", "uitkomst") if uit[d] is not None}
    uit["totaal"] = max(totalen) if totalen else 0
    return uit


def _regioregister(profiel: Profiel):
    """Een lid van een regio neemt zijn rijen uit het gezamenlijke register van de regio."""
    for vindplaats, laag in zip(profiel.keten[1:], profiel.lagen[1:]):
        pad = (laag.get("jaarcyclus") or {}).get("meldingenregister")
        if pad:
            return register_pad(vindplaats.map, pad), profiel.data["metadata"]["gemeente"]
    return None


def _plek(data, pad):
    from .laden import plek_van

    return plek_van(data, pad)


def trainingen(jaren: Jaargegevens, jaar: int) -> dict | None:
    stukken = jaren.stukken(jaar)
    verslag = (stukken.jaarverslag if stukken else None) or {}
    opgave = verslag.get("trainingen")
    if not opgave:
        return None
    if opgave.get("register"):
        from . import registers

        pad = register_pad(stukken.map, opgave["register"])
        if not pad.is_file():
            raise InvoerFout([Melding(_plek(verslag, ("trainingen", "register")),
                                      f"het register {pad} bestaat niet. Controleer het pad.")])
        telling = gelezen(registers.lees_trainingen, pad, jaar)
        return {"sessies": telling.sessies, "deelnemers": telling.deelnemers,
                "per_training": telling.per_training, "toelichting": opgave.get("toelichting")}
    return {"sessies": opgave.get("sessies"), "deelnemers": opgave.get("deelnemers"), "per_training": {},
            "toelichting": opgave.get("toelichting")}


KERNCIJFERS = [
    ("meldingen", "Meldingen en vermoedens van schendingen"),
    ("vertrouwenspersoon", "Contacten met de vertrouwenspersoon"),
    ("onderzoeken_gestart", "Gestarte onderzoeken"),
    ("onderzoeken_afgerond", "Afgeronde onderzoeken"),
    ("ambtseden", "Afgelegde ambtseden en -beloften"),
    ("nevenwerkzaamheden", "Gemelde nevenwerkzaamheden"),
    ("financiele_belangen", "Gemelde financiële belangen"),
    ("relatiegeschenken", "Gemelde relatiegeschenken"),
    ("vog", "Aangevraagde VOG's"),
    ("trainingen", "Trainingssessies"),
    ("deelnemers", "Deelnemers aan trainingen"),
]


def kerncijfers(profiel: Profiel, jaren: Jaargegevens, jaar: int) -> dict[int, dict[str, int | None]]:
    """De kerncijfers per jaar tot en met ``jaar``: eerst die van vóór de jaarverslagen
    (kerncijfers.yaml), dan die uit de jaarverslagen zelf."""
    uit: dict[int, dict[str, int | None]] = {}
    for rij in (jaren.kerncijfers or {}).get("kerncijfers") or []:
        if rij["jaar"] <= jaar:
            uit[rij["jaar"]] = {naam: rij.get(naam) for naam, _ in KERNCIJFERS}
    for j, stukken in sorted(jaren.jaren.items()):
        if j > jaar or stukken.jaarverslag is None:
            continue
        verslag = stukken.jaarverslag
        cijfers = verslag.get("cijfers") or {}
        m = meldingen(profiel, jaren, j)
        t = trainingen(jaren, j)
        vp = (verslag.get("vertrouwenspersoon") or {}).get("thema")
        uit[j] = {
            "meldingen": m["totaal"] if m else None,
            "vertrouwenspersoon": sum(vp.values()) if vp else None,
            "trainingen": t["sessies"] if t else None,
            "deelnemers": t["deelnemers"] if t else None,
            **{naam: cijfers.get(naam) for naam, _ in KERNCIJFERS if naam in cijfers},
        }
        for naam, _ in KERNCIJFERS:
            uit[j].setdefault(naam, None)
    return dict(sorted(uit.items()))


# ---------------------------------------------------------------- samenhang (voor controleren)


def samenhang_jaren(profiel: Profiel, jaren: Jaargegevens, uitslag) -> None:
    from .controleren import melding_op, opsomming

    data = profiel.data
    maatregelen = maatregelen_van(data)
    looptijd = data["metadata"].get("looptijd")
    plan_budget: dict[int, float] = {}
    for post in (data.get("middelen") or {}).get("budget") or []:
        plan_budget[post["jaar"]] = plan_budget.get(post["jaar"], 0) + post["bedrag"]

    for jaar, stukken in sorted(jaren.jaren.items()):
        for soort, stuk in (("jaarplan", stukken.jaarplan), ("jaarverslag", stukken.jaarverslag)):
            if stuk is None:
                continue
            if stuk["jaar"] != jaar:
                uitslag.fouten.append(melding_op(stuk, ("jaar",), f"dit {soort} staat in de map {jaar}, maar "
                                                 f"noemt het jaar {stuk['jaar']}. Maak die twee gelijk."))
            if looptijd and not looptijd["start"] <= jaar <= looptijd["eind"]:
                uitslag.waarschuwingen.append(melding_op(
                    stuk, ("jaar",), f"dit {soort} gaat over {jaar}, buiten de looptijd van het plan "
                    f"({looptijd['start']}-{looptijd['eind']}).", "waarschuwing"))
        for plan in (stukken.jaarplan, stukken.regionaal_jaarplan):
            if plan is None:
                continue
            for i, a in enumerate(plan.get("activiteiten") or []):
                if a["maatregel"] not in maatregelen:
                    uitslag.fouten.append(melding_op(
                        plan, ("activiteiten", i, "maatregel"),
                        f"er is geen maatregel met id '{a['maatregel']}' in het meerjarenplan. Geldige id's: "
                        f"{opsomming(sorted(maatregelen), 'en') or 'geen (het plan heeft nog geen maatregelen)'}."))
        if stukken.jaarplan is not None:
            _controleer_jaarplan(jaren, jaar, stukken, maatregelen, plan_budget, uitslag)
        if stukken.jaarverslag is not None:
            _controleer_jaarverslag(profiel, jaren, jaar, stukken, uitslag)


def _controleer_jaarplan(jaren, jaar, stukken, maatregelen, plan_budget, uitslag) -> None:
    from .controleren import melding_op, opsomming
    from .opmaak import bedrag

    plan = stukken.jaarplan
    ids = [a["id"] for a in plan.get("activiteiten") or []]
    for i, ident in enumerate(ids):
        if ident in ids[:i]:
            uitslag.fouten.append(melding_op(plan, ("activiteiten", i, "id"),
                                             f"het id '{ident}' komt twee keer voor. Geef elke activiteit een eigen id."))
    open_ids = [a.id for a, _ in open_van_vorig_jaar(jaren, jaar)]
    for i, besluit in enumerate(plan.get("doorgeschoven") or []):
        if besluit["activiteit"] not in open_ids:
            uitslag.fouten.append(melding_op(
                plan, ("doorgeschoven", i, "activiteit"),
                f"'{besluit['activiteit']}' is geen activiteit die in {jaar - 1} open bleef. "
                f"Open gebleven: {opsomming(open_ids, 'en') or 'geen'}."))
        if besluit.get("besluit") == "vervalt" and not besluit.get("reden"):
            uitslag.fouten.append(melding_op(plan, ("doorgeschoven", i),
                                             "geef een reden als een activiteit vervalt ('reden: ...')."))
    alle = activiteiten(jaren, jaar)
    alle_ids = [a.id for a in alle]
    vorig = jaren.stukken(jaar - 1)
    aanbevelingen = [a["id"] for a in ((vorig.jaarverslag or {}).get("aanbevelingen") or [])] if vorig else []
    opgevolgd = set()
    for i, opvolging in enumerate(plan.get("aanbevelingen") or []):
        if opvolging["aanbeveling"] not in aanbevelingen:
            uitslag.fouten.append(melding_op(
                plan, ("aanbevelingen", i, "aanbeveling"),
                f"het jaarverslag {jaar - 1} heeft geen aanbeveling met id '{opvolging['aanbeveling']}'. "
                f"Bestaande id's: {opsomming(aanbevelingen, 'en') or 'geen'}."))
        opgevolgd.add(opvolging["aanbeveling"])
        if opvolging.get("activiteit") and opvolging["activiteit"] not in alle_ids:
            uitslag.fouten.append(melding_op(
                plan, ("aanbevelingen", i, "activiteit"),
                f"er is geen activiteit '{opvolging['activiteit']}' in dit jaarplan."))
    for ident in aanbevelingen:
        if ident not in opgevolgd:
            uitslag.waarschuwingen.append(melding_op(
                plan, ("aanbevelingen",) if plan.get("aanbevelingen") else (),
                f"de aanbeveling '{ident}' uit het jaarverslag {jaar - 1} heeft nog geen opvolging in dit "
                "jaarplan.", "waarschuwing"))
    if vorig and vorig.jaarplan is not None and vorig.jaarverslag is None:
        uitslag.waarschuwingen.append(melding_op(
            plan, (), f"er is nog geen jaarverslag {jaar - 1}; activiteiten die toen open bleven, kunnen "
            "daarom niet worden doorgeschoven.", "waarschuwing"))
    gebruikt = {a.maatregel for a in alle}
    for ident, m in maatregelen.items():
        if jaar in (m.get("jaren") or []) and ident not in gebruikt:
            uitslag.waarschuwingen.append(melding_op(
                plan, ("activiteiten",), f"het meerjarenplan plant de maatregel '{m['maatregel']}' ({ident}) in "
                f"{jaar}, maar dit jaarplan heeft er geen activiteit voor.", "waarschuwing"))
    totaal = sum(a.budget or 0 for a in alle if a.herkomst != "regionaal")
    if jaar in plan_budget and totaal > plan_budget[jaar]:
        uitslag.waarschuwingen.append(melding_op(
            plan, ("activiteiten",), f"de activiteiten kosten samen {bedrag(totaal)}, meer dan de "
            f"{bedrag(plan_budget[jaar])} die het meerjarenplan voor {jaar} begroot.", "waarschuwing"))


def _controleer_jaarverslag(profiel, jaren, jaar, stukken, uitslag) -> None:
    from .controleren import keuzes, melding_op, opsomming

    verslag = stukken.jaarverslag
    bekend = [a.id for a in activiteiten(jaren, jaar)]
    if stukken.jaarplan is None:
        uitslag.waarschuwingen.append(melding_op(
            verslag, (), f"er is geen jaarplan {jaar}; de realisatie kan niet worden vergeleken met een plan.",
            "waarschuwing"))
    gezien = set(resultaten_van(jaren, jaar)) - {r["activiteit"] for r in verslag.get("realisatie") or []}
    for i, regel in enumerate(verslag.get("realisatie") or []):
        if regel["activiteit"] not in bekend:
            uitslag.fouten.append(melding_op(
                verslag, ("realisatie", i, "activiteit"),
                f"het jaarplan {jaar} heeft geen activiteit '{regel['activiteit']}'. Activiteiten van {jaar}: "
                f"{opsomming(bekend, 'en') or 'geen'}."))
        gezien.add(regel["activiteit"])
    for ident in bekend:
        if ident not in gezien and verslag.get("realisatie") is not None:
            uitslag.waarschuwingen.append(melding_op(
                verslag, ("realisatie",), f"voor de activiteit '{ident}' is geen resultaat vastgelegd; het "
                "verslag telt haar als niet gerealiseerd.", "waarschuwing"))
    typ = typologie(profiel.data)
    opgave = verslag.get("meldingen") or {}
    for dim in ("soort", "afdoening", "uitkomst"):
        geldig = [c["id"] for c in typ[dim]]
        for sleutel in (opgave.get(dim) or {}):
            if sleutel not in geldig:
                uitslag.fouten.append(melding_op(
                    verslag, ("meldingen", dim, sleutel),
                    f"'{sleutel}' is geen {dim} in de indeling; kies uit {keuzes(geldig)}."))
    thema = (verslag.get("vertrouwenspersoon") or {}).get("thema") or {}
    geldig = [c["id"] for c in typ["vertrouwenspersoon"]]
    for sleutel in thema:
        if sleutel not in geldig:
            uitslag.fouten.append(melding_op(verslag, ("vertrouwenspersoon", "thema", sleutel),
                                             f"'{sleutel}' is geen thema; kies uit {keuzes(geldig)}."))
    if uitslag.fouten:
        return
    try:
        m = meldingen(profiel, jaren, jaar)
    except InvoerFout as fout:
        uitslag.fouten.extend(fout.meldingen)
        return
    if m and m["bron"] == "aantallen":
        sommen = {dim: sum(m[dim].values()) for dim in ("soort", "afdoening", "uitkomst") if m[dim] is not None}
        if len(set(sommen.values())) > 1:
            uitslag.fouten.append(melding_op(
                verslag, ("meldingen",), "de aantallen tellen niet op tot hetzelfde totaal: "
                + ", ".join(f"{dim} {som}" for dim, som in sommen.items())
                + ". Elke melding hoort in elke indeling één keer mee te tellen."))
    elif m and m["bron"] == "register":
        for dim in ("soort", "afdoening", "uitkomst"):
            opgegeven = opgave.get(dim)
            if opgegeven and any(opgegeven.get(k, 0) != v for k, v in m[dim].items()):
                uitslag.fouten.append(melding_op(
                    verslag, ("meldingen", dim), f"de aantallen per {dim} wijken af van het register. "
                    "Laat de aantallen weg (het register telt ze) of verbeter ze."))
    try:
        trainingen(jaren, jaar)
    except InvoerFout as fout:
        uitslag.fouten.extend(fout.meldingen)
