"""Hoeveel bescherming is er over? Per verborgen cel van een jaarverslag het bereik waartoe
een lezer die alle verslagen leest en de regel kent, het aantal kan terugbrengen
(voor ``integriteitsplan controleer``)."""
from __future__ import annotations

from integriteitsplan.domein import jaarcyclus, privacy
from integriteitsplan.laden.jaren import laad_jaren
from integriteitsplan.laden.profielen import Profiel, laad_profiel

DIMENSIES = {"soort": "soort", "afdoening": "afdoening", "uitkomst": "uitkomst"}


def _lijnen(m: dict) -> dict:
    return {dim: dict(m[dim]) for dim in DIMENSIES if m[dim] is not None}


def privacy_bereik(profiel: Profiel, jaren, mappen) -> list[dict]:
    """Rijen met jaar, tabel, categorie, gedrukte tekst en [laagste, hoogste] mogelijke waarde."""
    d = jaarcyclus.drempel(profiel.data)
    typ = jaarcyclus.typologie(profiel.data)
    naam = {dim: jaarcyclus.categorienamen(typ, dim) for dim in DIMENSIES}
    rijen = []
    for jaar in sorted(jaren.jaren):
        if profiel.data.get("leden"):
            leden = {}
            namen = {}  # zoals de gemeente in haar eigen documenten heet, niet de mapnaam
            for lid in profiel.data["leden"]:
                lid_profiel = laad_profiel(lid, mappen)
                namen[lid] = (lid_profiel.data.get("metadata") or {}).get("gemeente") or lid
                m = laad_jaren(lid_profiel).meldingen(jaar)
                if m:
                    leden[lid] = (_lijnen(m), m["totaal"])
            if not leden:
                continue
            regio = privacy.beveilig_regio({k: v[0] for k, v in leden.items()}, d,
                                           totalen={k: v[1] for k, v in leden.items()})
            for sleutel, (lo, hi) in privacy.bereik_regio(regio, d).items():
                lid, *rest = sleutel
                jaar_lid = regio.leden[lid]
                if rest == ["totaal"]:
                    rijen.append({"jaar": jaar, "tabel": f"{namen[lid]}: totaal", "categorie": "",
                                  "gedrukt": jaar_lid.totaal.tekst, "bereik": (lo, hi)})
                    continue
                dim, cat = rest
                tabel = jaar_lid.tabellen[dim]
                gedrukt = "–" if tabel.alleen_totaal else tabel.cellen[cat].tekst
                rijen.append({"jaar": jaar, "tabel": f"{namen[lid]}: {dim}", "categorie": naam[dim].get(cat, cat),
                              "gedrukt": gedrukt, "bereik": (lo, hi)})
            continue
        m = jaren.meldingen(jaar)
        if not m:
            continue
        registerjaar = privacy.beveilig_registerjaar(_lijnen(m), d, totaal=m["totaal"])
        for sleutel, bereik in privacy.bereik_registerjaar(registerjaar, d).items():
            if sleutel == ("totaal",):
                rijen.append({"jaar": jaar, "tabel": "totaal", "categorie": "",
                              "gedrukt": registerjaar.totaal.tekst, "bereik": bereik})
                continue
            dim, cat = sleutel
            tabel = registerjaar.tabellen[dim]
            rijen.append({"jaar": jaar, "tabel": dim, "categorie": naam[dim].get(cat, cat),
                          "gedrukt": "–" if tabel.alleen_totaal else tabel.cellen[cat].tekst, "bereik": bereik})
    return rijen
