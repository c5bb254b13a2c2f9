"""Het Jaarverslag integriteit verrijken: realisatie, meldingen (met de privacyregels),
vertrouwenspersoon, trainingen en kerncijfers over de jaren.

Ontvangt een gecontroleerd ``Profiel`` met zijn ``Jaargegevens`` en het jaar; geeft een
``Verrijkt``.
"""
from __future__ import annotations

from integriteitsplan.controleren.schema.jaren import JAARVERSLAG_SCHEMA
from integriteitsplan.domein import jaarcyclus, privacy
from integriteitsplan.domein.maatregelen import maatregelen_van
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.verrijken.algemeen import Verrijkt, _basis_jaar, _voorblad_jaar, vul_aan


def verrijk_jaarverslag(profiel: Profiel, jaren, jaar: int) -> Verrijkt:

    c = _basis_jaar(profiel, "jaarverslag", jaar)
    stukken = jaren.stukken(jaar)
    verslag = vul_aan((stukken.jaarverslag if stukken else None) or {"jaar": jaar}, JAARVERSLAG_SCHEMA)
    drempel = jaarcyclus.drempel(c["p"])
    typ = jaarcyclus.typologie(c["p"])
    maatregelen = maatregelen_van(c["p"])
    m = jaren.meldingen(jaar)
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
    reeks = jaren.kerncijfers_tot(jaar)
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
        "trainingen": jaren.trainingen(jaar),
        "trend_jaren": list(reeks),
        "trend": trend,
        "reeks": reeks,
        "concept": verslag.get("status") == "concept",
        "voorblad": _voorblad_jaar(verslag, c["meta"], [("Verslagjaar", str(jaar)), ("Meerjarenplan", c["plan_titel"])]),
    })
    return Verrijkt(context=c, soort="jaarverslag", periode=str(jaar))
