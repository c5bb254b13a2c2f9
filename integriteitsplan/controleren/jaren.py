"""De jaargegevens controleren: de schema's van jaarplan, jaarverslag en kerncijfers, en hoe
de jaren op elkaar en op het meerjarenplan aansluiten.

Ontvangt een gecontroleerd ``Profiel`` en zijn ``Jaargegevens``; geeft een ``Uitslag``.
"""
from __future__ import annotations

from integriteitsplan.controleren.kerncijfers import (
    controleer_gelijk_aan,
    controleer_indeling,
    controleer_kerncijfers,
    controleer_verslagcijfers,
)
from integriteitsplan.controleren.schema.jaren import JAARPLAN_SCHEMA, JAARVERSLAG_SCHEMA, KERNCIJFERS_SCHEMA
from integriteitsplan.controleren.schemacontrole import Schemacontrole, keuzes
from integriteitsplan.controleren.uitslag import Uitslag, foutmelding_op
from integriteitsplan.domein.jaarcyclus import (
    NIET_INGEDEELD,
    activiteiten,
    drempel,
    jaardrempel,
    open_van_vorig_jaar,
    resultaten_van,
    typologie,
    typologie_hint,
)
from integriteitsplan.domein.maatregelen import maatregelen_van
from integriteitsplan.domein.privacy import kleine_aantallen
from integriteitsplan.fouten import Foutmelding, InvoerFout, pad_tekst
from integriteitsplan.laden.jaren import Jaargegevens, meldingen, trainingen
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.laden.yamlbestand import plek_van
from integriteitsplan.opmaak import bedrag, opsomming


def zeker_geldige_jaren(profiel: Profiel, jaren) -> Uitslag:
    """Controleer de jaargegevens en gooi een ``InvoerFout`` met alle fouten als er één is."""
    uitslag = controleer_jaren(profiel, jaren)
    if uitslag.fouten:
        aantal = len(uitslag.fouten)
        raise InvoerFout(uitslag.fouten, kop=f"De jaargegevens bevatten {aantal} fout{'en' if aantal > 1 else ''}:")
    return uitslag


def controleer_jaren(profiel: Profiel, jaren) -> Uitslag:
    """Controleer jaarplannen, jaarverslagen en kerncijfers: eerst de vorm per bestand,
    daarna de verwijzingen tussen de jaren en naar het meerjarenplan."""

    uitslag = Uitslag()
    bestanden = []
    for jaar, stukken in sorted(jaren.jaren.items()):
        if stukken.jaarplan is not None:
            bestanden.append((stukken.jaarplan, JAARPLAN_SCHEMA))
        if stukken.jaarverslag is not None:
            bestanden.append((stukken.jaarverslag, JAARVERSLAG_SCHEMA))
        if stukken.regionaal_jaarplan is not None:
            bestanden.append((stukken.regionaal_jaarplan, JAARPLAN_SCHEMA))
        if stukken.regionaal_jaarverslag is not None:
            bestanden.append((stukken.regionaal_jaarverslag, JAARVERSLAG_SCHEMA))
    if jaren.kerncijfers is not None:
        bestanden.append((jaren.kerncijfers, KERNCIJFERS_SCHEMA))
    for data, schema in bestanden:
        for pad, tekst in Schemacontrole(schema).controleer(data):
            uitslag.fouten.append(Foutmelding(plek_van(data, pad), tekst))
    if uitslag.fouten:
        return uitslag
    _voorbeeld_niet_vastgesteld(profiel, bestanden, uitslag)
    samenhang_jaren(profiel, jaren, uitslag)
    return uitslag


def _voorbeeld_niet_vastgesteld(profiel: Profiel, bestanden, uitslag) -> None:
    """Een document met verzonnen gegevens kan niet vastgesteld zijn."""
    voorbeeld_profiel = profiel.data.get("voorbeeld") is True
    for data, _ in bestanden:
        if data.get("status") == "vastgesteld" and (voorbeeld_profiel or data.get("voorbeeld") is True):
            waarom = "dit bestand" if data.get("voorbeeld") is True else "het profiel"
            uitslag.fout_op(data, ("status",), f"{waarom} bevat verzonnen voorbeeldgegevens (voorbeeld: true), dus dit "
                "document kan niet 'vastgesteld' zijn. Zet de status op 'concept', of vul uw eigen gegevens in "
                "en haal 'voorbeeld: true' weg.")


def samenhang_jaren(profiel: Profiel, jaren: Jaargegevens, uitslag) -> None:

    data = profiel.data
    controleer_gelijk_aan(profiel, uitslag)
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
                uitslag.fout_op(stuk, ("jaar",), f"dit {soort} staat in de map {jaar}, maar "
                                                 f"noemt het jaar {stuk['jaar']}. Maak die twee gelijk.")
            if looptijd and not looptijd["start"] <= jaar <= looptijd["eind"]:
                uitslag.waarschuwing_op(stuk, ("jaar",), f"dit {soort} gaat over {jaar}, buiten de looptijd van het plan "
                    f"({looptijd['start']}-{looptijd['eind']}).")
        for plan in (stukken.jaarplan, stukken.regionaal_jaarplan):
            if plan is None:
                continue
            for i, a in enumerate(plan.get("activiteiten") or []):
                if a["maatregel"] not in maatregelen:
                    uitslag.fout_op(plan, ("activiteiten", i, "maatregel"),
                        f"er is geen maatregel met id '{a['maatregel']}' in het meerjarenplan. Geldige id's: "
                        f"{opsomming(sorted(maatregelen), 'en') or 'geen (het plan heeft nog geen maatregelen)'}.")
        if stukken.jaarplan is not None:
            _controleer_jaarplan(jaren, jaar, stukken, maatregelen, plan_budget, uitslag)
        if stukken.jaarverslag is not None:
            _controleer_jaarverslag(profiel, jaren, jaar, stukken, uitslag)
    if not uitslag.fouten:
        controleer_kerncijfers(profiel, jaren, uitslag)


def _controleer_jaarplan(jaren, jaar, stukken, maatregelen, plan_budget, uitslag) -> None:

    plan = stukken.jaarplan
    ids = [a["id"] for a in plan.get("activiteiten") or []]
    for i, ident in enumerate(ids):
        if ident in ids[:i]:
            uitslag.fout_op(plan, ("activiteiten", i, "id"),
                                             f"het id '{ident}' komt twee keer voor. Geef elke activiteit een eigen id.")
    open_ids = [a.id for a, _ in open_van_vorig_jaar(jaren, jaar)]
    for i, besluit in enumerate(plan.get("doorgeschoven") or []):
        if besluit["activiteit"] not in open_ids:
            uitslag.fout_op(plan, ("doorgeschoven", i, "activiteit"),
                f"'{besluit['activiteit']}' is geen activiteit die in {jaar - 1} open bleef. "
                f"Open gebleven: {opsomming(open_ids, 'en') or 'geen'}.")
        if besluit.get("besluit") == "vervalt" and not besluit.get("reden"):
            uitslag.fout_op(plan, ("doorgeschoven", i),
                                             "geef een reden als een activiteit vervalt ('reden: ...').")
    alle = activiteiten(jaren, jaar)
    alle_ids = [a.id for a in alle]
    vorig = jaren.stukken(jaar - 1)
    aanbevelingen = [a["id"] for a in ((vorig.jaarverslag or {}).get("aanbevelingen") or [])] if vorig else []
    opgevolgd = set()
    for i, opvolging in enumerate(plan.get("aanbevelingen") or []):
        if opvolging["aanbeveling"] not in aanbevelingen:
            uitslag.fout_op(plan, ("aanbevelingen", i, "aanbeveling"),
                f"het jaarverslag {jaar - 1} heeft geen aanbeveling met id '{opvolging['aanbeveling']}'. "
                f"Bestaande id's: {opsomming(aanbevelingen, 'en') or 'geen'}.")
        opgevolgd.add(opvolging["aanbeveling"])
        if opvolging.get("activiteit") and opvolging["activiteit"] not in alle_ids:
            uitslag.fout_op(plan, ("aanbevelingen", i, "activiteit"),
                f"er is geen activiteit '{opvolging['activiteit']}' in dit jaarplan.")
    for ident in aanbevelingen:
        if ident not in opgevolgd:
            uitslag.waarschuwing_op(plan, ("aanbevelingen",) if plan.get("aanbevelingen") else (),
                f"de aanbeveling '{ident}' uit het jaarverslag {jaar - 1} heeft nog geen opvolging in dit "
                "jaarplan.")
    if vorig and vorig.jaarplan is not None and vorig.jaarverslag is None:
        uitslag.waarschuwing_op(plan, (), f"er is nog geen jaarverslag {jaar - 1}; activiteiten die toen open bleven, kunnen "
            "daarom niet worden doorgeschoven.")
    gebruikt = {a.maatregel for a in alle}
    for ident, m in maatregelen.items():
        if jaar in (m.get("jaren") or []) and ident not in gebruikt:
            uitslag.waarschuwing_op(plan, ("activiteiten",), f"het meerjarenplan plant de maatregel '{m['maatregel']}' ({ident}) in "
                f"{jaar}, maar dit jaarplan heeft er geen activiteit voor.")
    totaal = sum(a.budget or 0 for a in alle if a.herkomst != "regionaal")
    if jaar in plan_budget and totaal > plan_budget[jaar]:
        uitslag.waarschuwing_op(plan, ("activiteiten",), f"de activiteiten kosten samen {bedrag(totaal)}, meer dan de "
            f"{bedrag(plan_budget[jaar])} die het meerjarenplan voor {jaar} begroot.")


def _controleer_jaarverslag(profiel, jaren, jaar, stukken, uitslag) -> None:

    verslag = stukken.jaarverslag
    bekend = [a.id for a in activiteiten(jaren, jaar)]
    if stukken.jaarplan is None:
        uitslag.waarschuwing_op(verslag, (), f"er is geen jaarplan {jaar}; de realisatie kan niet worden vergeleken met een plan.")
    gezien = set(resultaten_van(jaren, jaar)) - {r["activiteit"] for r in verslag.get("realisatie") or []}
    for i, regel in enumerate(verslag.get("realisatie") or []):
        if regel["activiteit"] not in bekend:
            uitslag.fout_op(verslag, ("realisatie", i, "activiteit"),
                f"het jaarplan {jaar} heeft geen activiteit '{regel['activiteit']}'. Activiteiten van {jaar}: "
                f"{opsomming(bekend, 'en') or 'geen'}.")
        gezien.add(regel["activiteit"])
    for ident in bekend:
        if ident not in gezien and verslag.get("realisatie") is not None:
            uitslag.waarschuwing_op(verslag, ("realisatie",), f"voor de activiteit '{ident}' is geen resultaat vastgelegd; het "
                "verslag telt haar als niet gerealiseerd.")
    uitslag.waarschuwingen.extend(nog_in_te_vullen(verslag, jaar))
    _kleine_aantallen_in_tekst(verslag, jaardrempel(profiel.data, verslag), uitslag)
    _drempel_verlaagd(verslag, jaar, drempel(profiel.data), uitslag)
    typ = typologie(profiel.data)
    opgave = verslag.get("meldingen") or {}
    for dim in ("soort", "afdoening", "uitkomst"):
        geldig = [c["id"] for c in typ[dim]]
        for sleutel in (opgave.get(dim) or {}):
            if sleutel not in geldig:
                uitslag.fout_op(verslag, ("meldingen", dim, sleutel),
                    f"'{sleutel}' is geen {dim} in de indeling; kies uit {keuzes(geldig)}. "
                    + typologie_hint(dim))
    thema = (verslag.get("vertrouwenspersoon") or {}).get("thema") or {}
    geldig = [c["id"] for c in typ["vertrouwenspersoon"]]
    for sleutel in thema:
        if sleutel not in geldig:
            uitslag.fout_op(verslag, ("vertrouwenspersoon", "thema", sleutel),
                                             f"'{sleutel}' is geen thema; kies uit {keuzes(geldig)}. "
                                             + typologie_hint("vertrouwenspersoon"))
    if uitslag.fouten:
        return
    try:
        m = meldingen(profiel, jaren, jaar)
    except InvoerFout as fout:
        uitslag.fouten.extend(fout.meldingen)
        return
    if m and m["bron"] == "aantallen":
        controleer_indeling(verslag, ("meldingen",), opgave, opgave.get("totaal"), "meldingen.totaal", uitslag)
    elif m and m["bron"] == "register":
        for dim in ("soort", "afdoening", "uitkomst"):
            opgegeven = opgave.get(dim)
            if opgegeven and any(opgegeven.get(k, 0) != v for k, v in m[dim].items() if k != NIET_INGEDEELD):
                uitslag.fout_op(verslag, ("meldingen", dim), f"de aantallen per {dim} wijken af van het register. "
                    "Laat de aantallen weg (het register telt ze) of verbeter ze.")
    controleer_verslagcijfers(profiel, jaren, jaar, verslag, m, uitslag)
    try:
        trainingen(jaren, jaar)
    except InvoerFout as fout:
        uitslag.fouten.extend(fout.meldingen)


def nog_in_te_vullen(verslag, jaar: int, ernst: str = "waarschuwing") -> list[Foutmelding]:
    """De velden van een jaarverslag die nog leeg zijn (zoals ``nieuw-jaar --jaarverslag`` ze
    klaarzet): een waarschuwing zolang er aan het jaar gewerkt wordt, een fout (``ernst``)
    als het jaarverslag van dat jaar gemaakt wordt."""
    uit = []
    for i, regel in enumerate((verslag or {}).get("realisatie") or []):
        if regel.get("resultaat") is None:
            pad = ("realisatie", i, "resultaat") if "resultaat" in regel else ("realisatie", i)
            uit.append(foutmelding_op(
                verslag, pad, f"nog in te vullen: het resultaat van activiteit '{regel['activiteit']}' "
                f"(gerealiseerd, deels, niet of doorgeschoven). Het jaarverslag {jaar} wordt pas gemaakt als "
                "het is ingevuld.", ernst))
    return uit


def zeker_af(jaren, jaar: int) -> None:
    """Gooi een ``InvoerFout`` als het jaarverslag van ``jaar`` (of dat van de regio waar het
    op steunt) nog velden heeft die in te vullen zijn."""
    stukken = jaren.stukken(jaar)
    if stukken is None:
        return
    open_ = nog_in_te_vullen(stukken.regionaal_jaarverslag, jaar, "fout") + \
        nog_in_te_vullen(stukken.jaarverslag, jaar, "fout")
    if open_:
        aantal = len(open_)
        raise InvoerFout(open_, kop=f"Het jaarverslag {jaar} is nog niet af: {aantal} "
                         f"{'veld is' if aantal == 1 else 'velden zijn'} nog in te vullen:")


def _teksten(waarde, pad=()):
    """Alle tekstwaarden in een gelezen YAML-bestand, met hun sleutelpad."""
    if isinstance(waarde, str):
        yield pad, waarde
    elif isinstance(waarde, dict):
        for sleutel, onder in waarde.items():
            yield from _teksten(onder, pad + (sleutel,))
    elif isinstance(waarde, list):
        for i, onder in enumerate(waarde):
            yield from _teksten(onder, pad + (i,))


def _drempel_verlaagd(verslag, jaar: int, nu: int, uitslag) -> None:
    """Is de drempel van het profiel lager dan die waarmee dit jaar gepubliceerd is? Latere
    verslagen tonen dit jaar toch met zijn eigen drempel, maar een nieuw jaarverslag legt de
    lagere vast, en wie de oude verslagen naast de nieuwe legt, vergelijkt twee drempels."""
    gepubliceerd = verslag.get("privacydrempel")
    if gepubliceerd and gepubliceerd > nu:
        uitslag.waarschuwing_op(verslag, ("privacydrempel",),
            f"het jaarverslag {jaar} is gepubliceerd met privacydrempel {gepubliceerd}, maar het profiel "
            f"heeft nu {nu}: de drempel is verlaagd na publicatie. Latere verslagen tonen {jaar} met "
            f"drempel {gepubliceerd}; zet jaarcyclus.privacydrempel in profiel.yaml terug op "
            f"{gepubliceerd} of hoger (README, Privacy, regel 8).")


def _kleine_aantallen_in_tekst(verslag, drempel_: int, uitslag) -> None:
    """Een eigen tekst in het jaarverslag die een klein aantal zaken noemt ("twee meldingen
    leidden tot ontslag") kan een persoon aanwijzen, ook als de tabellen dat niet doen."""
    nagekeken = set(verslag.get("privacy_gecontroleerd") or [])
    for pad, tekst in _teksten({k: v for k, v in verslag.items() if k != "privacy_gecontroleerd"}):
        naam = pad_tekst(pad)
        if naam in nagekeken:
            continue
        for zin in kleine_aantallen(tekst, drempel_):
            uitslag.waarschuwing_op(verslag, pad, f"deze tekst noemt een klein aantal zaken (minder dan {drempel_}): \"{zin}\" "
                "Dat kan een persoon aanwijzen. Schrijf het zonder aantal, of zet na controle "
                f"'{naam}' onder privacy_gecontroleerd.")
