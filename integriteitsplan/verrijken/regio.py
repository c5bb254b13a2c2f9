"""Het jaarverslag van een regio verrijken: de cijfers van de leden samen, een kolom per lid
waar de privacydrempel dat toelaat, en de realisatie van de gezamenlijke activiteiten.

Ontvangt het regioprofiel met zijn jaargegevens en de al geladen leden; geeft een ``Verrijkt``.
"""
from __future__ import annotations

from integriteitsplan import opmaak
from integriteitsplan.controleren.schema.jaren import JAARVERSLAG_SCHEMA
from integriteitsplan.domein import jaarcyclus, privacy
from integriteitsplan.domein.maatregelen import maatregelen_van
from integriteitsplan.laden.jaren import laad_jaren
from integriteitsplan.laden.profielen import Profiel, laad_profiel
from integriteitsplan.verrijken.algemeen import Verrijkt, _basis_jaar, _voorblad_jaar, vul_aan


def verrijk_regioverslag(profiel: Profiel, jaren, jaar: int, mappen) -> Verrijkt:
    """Het jaarverslag van een regio: de cijfers van de leden samen, een kolom per lid waar
    de privacydrempel dat toelaat, en de realisatie van de gezamenlijke activiteiten.
    De privacyregels gelden na het optellen én per lid (``privacy.beveilig_regio``), zodat
    een verborgen aantal van een lid ook niet uit de regionale totalen terug te rekenen is."""

    c = _basis_jaar(profiel, "jaarverslag", jaar)
    stukken = jaren.stukken(jaar)
    verslag = vul_aan((stukken.jaarverslag if stukken else None) or {"jaar": jaar}, JAARVERSLAG_SCHEMA)
    drempel = jaarcyclus.drempel(c["p"])
    typ = jaarcyclus.typologie(c["p"])
    leden = []
    for lid in c["p"]["leden"]:
        lid_profiel = laad_profiel(lid, mappen)
        lid_jaren = laad_jaren(lid_profiel)
        m = lid_jaren.meldingen(jaar)
        reeks = lid_jaren.kerncijfers_tot(jaar).get(jaar, {})
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
    maatregelen = maatregelen_van(c["p"])
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
