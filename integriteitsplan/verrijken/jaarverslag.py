"""Het Jaarverslag integriteit verrijken: realisatie, meldingen (met de privacyregels),
vertrouwenspersoon, trainingen en kerncijfers over de jaren.

Ontvangt een gecontroleerd ``Profiel`` met zijn ``Jaargegevens`` en het jaar; geeft een
``Verrijkt`` met een ``JaarverslagContext`` (``verrijken/context.py``).
"""
from __future__ import annotations

from integriteitsplan import opmaak
from integriteitsplan.controleren.schema.jaren import JAARVERSLAG_SCHEMA
from integriteitsplan.domein import jaarcyclus, privacy
from integriteitsplan.domein.maatregelen import maatregelen_van
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.verrijken import kerncijfers as kc
from integriteitsplan.verrijken.algemeen import Verrijkt, _voorblad_jaar, jaarbasis, vul_aan
from integriteitsplan.verrijken.context import JaarverslagContext
from integriteitsplan.verrijken.grafiekgegevens import grafiek_van

DIMENSIES = {"soort": "Soort", "afdoening": "Afdoening", "uitkomst": "Uitkomst"}


def verslagbasis(profiel: Profiel, jaren, jaar: int):
    """Wat elk jaarverslag (van een gemeente of een regio) eerst nodig heeft: de gedeelde
    jaargegevens, de jaarstukken, het aangevulde verslag, de drempel van dit jaar en de
    typologie. De drempel is die waarmee het verslag gepubliceerd is (als vastgelegd), anders
    die van het profiel; vorige jaren staan in de tabellen met hun eigen drempel als die hoger is."""
    basis = jaarbasis(profiel, "jaarverslag", jaar)
    gegevens = basis["profiel"]
    stukken = jaren.stukken(jaar)
    verslag = vul_aan((stukken.jaarverslag if stukken else None) or {"jaar": jaar}, JAARVERSLAG_SCHEMA)
    drempel = jaarcyclus.jaardrempel(gegevens, stukken.jaarverslag if stukken else None)
    return basis, stukken, verslag, drempel, jaarcyclus.typologie(gegevens)


def verrijk_jaarverslag(profiel: Profiel, jaren, jaar: int) -> Verrijkt:

    basis, stukken, verslag, drempel, typ = verslagbasis(profiel, jaren, jaar)
    gegevens = basis["profiel"]
    maatregelen = maatregelen_van(gegevens)
    m = jaren.meldingen(jaar)
    meldingtabellen = []
    registerjaar = None
    if m:
        lijnen = {dim: dict(m[dim]) for dim in DIMENSIES if m[dim] is not None}
        registerjaar = privacy.beveilig_registerjaar(lijnen, drempel, totaal=m["totaal"])
        privacy.controleer_registerjaar(registerjaar, drempel)
        for dim, kop in DIMENSIES.items():
            if dim not in registerjaar.tabellen:
                continue
            namen_dim = jaarcyclus.categorienamen(typ, dim)
            tabel = registerjaar.tabellen[dim]
            meldingtabellen.append({"dimensie": dim, "kop": kop, "tabel": tabel,
                                    "totaal_zin": privacy.aantal_in_woorden(tabel.totaal, drempel, "melding", "meldingen"),
                                    "rijen": [(namen_dim.get(k, k), cel.tekst) for k, cel in tabel.cellen.items()]
                                    + [("**Totaal**", tabel.totaal.tekst)]})
    vp = verslag["vertrouwenspersoon"]["thema"]
    vp_tabel = None
    if vp:
        namen_vp = {cat["id"]: cat["naam"] for cat in typ["vertrouwenspersoon"]}
        tabel = privacy.beveilig_tabel({cat["id"]: vp.get(cat["id"], 0) for cat in typ["vertrouwenspersoon"]}, drempel)
        privacy.controleer_registerjaar(privacy.Registerjaar(tabel.totaal, {"thema": tabel}), drempel)
        vp_tabel = {"tabel": tabel, "contacten": privacy.aantal_in_woorden(tabel.totaal, drempel, "contact", "contacten"),
                    "rijen": [(namen_vp[k], cel.tekst) for k, cel in tabel.cellen.items()]
                    + [("**Totaal**", tabel.totaal.tekst)],
                    "noot": privacy.uitleg_klein(drempel) if tabel.verborgen else None}
    cijfers = jaren.jaarcijfers_tot(jaar)
    # Een eigen reeks met gelijk_aan staat ook in de grafiek zoals de cel van haar categorie.
    reeks = kc.grafiekwaarden(cijfers, kc.gekoppeld(gegevens, cijfers, drempel), gegevens, drempel)
    # Een vorig jaar staat hier zoals in zijn eigen verslag: een totaal volgt alleen uit het
    # totaal zelf (privacy.totaal_cel), een categorie uit de tabellen van dat jaar.
    trend = kc.trendtabel(gegevens, cijfers, drempel)
    eerder = [j for j in cijfers if j < jaar]
    grafiek_reeksen = kc.grafiekreeksen(gegevens, cijfers)
    grafiek_schattingen = {j: {r["id"] for r in grafiek_reeksen if r["id"] in cijfers[j].schattingen
                               and isinstance(reeks[j].get(r["id"]), (int, float))} for j in cijfers}
    grafiek_klein = any(r["zaken"] and (isinstance(w, str) or w is not None and 0 < w < drempel)
                        for r in grafiek_reeksen for j in cijfers for w in [reeks[j].get(r["id"])])
    totaal = registerjaar.totaal if registerjaar else None
    realisatie = jaarcyclus.realisatie(jaren, jaar, maatregelen)
    inhoud = []
    if realisatie["rijen"]:
        inhoud.append(f"de uitvoering van het jaarplan {jaar}")
    if m:
        inhoud.append("de meldingen van vermoedelijke schendingen")
    if vp_tabel:
        inhoud.append("de contacten met de vertrouwenspersonen")
    if trend["rijen"]:
        inhoud.append("de kerncijfers" + (", ook in vergelijking met eerdere jaren" if eerder and len(inhoud) == 0
                                          else " in vergelijking met eerdere jaren" if eerder else ""))
    context = JaarverslagContext(
        **basis,
        inhoud=inhoud,
        verslag=verslag,
        drempel=drempel,
        realisatie=realisatie,
        realisatie_tekst=realisatie_tekst(realisatie),
        heeft_jaarplan=bool(realisatie["rijen"]),
        eerdere_jaren=eerder,
        niet_ingedeeld=bool(m and any(jaarcyclus.NIET_INGEDEELD in (m[d] or {}) for d in DIMENSIES)),
        meldingen=m,
        meldingen_totaal=totaal.tekst if totaal else None,
        meldingen_geen=bool(totaal and totaal.waarde == 0),
        meldingen_zin=privacy.aantal_in_woorden(totaal, drempel, "melding", "meldingen") if totaal else None,
        privacy_noot=privacy.uitleg_klein(drempel) if registerjaar and (registerjaar.totaal.onderdrukt or any(
            t.verborgen for t in registerjaar.tabellen.values())) else None,
        trend_noot=trend["noot"],
        trend_categorie=kc.per_categorie(gegevens, cijfers, drempel) if eerder else [],
        grafiek_reeksen=grafiek_reeksen,
        grafiek_schattingen=grafiek_schattingen,
        grafiek_onderschrift=kc.onderschrift(grafiek_reeksen, any(grafiek_schattingen.values()),
                                                grafiek_klein, drempel,
                                                any(reeks[j].get(r["id"]) == privacy.SECUNDAIR
                                                    for r in grafiek_reeksen for j in cijfers)),
        meldingtabellen=meldingtabellen,
        vertrouwenspersoon=vp_tabel,
        trainingen=jaren.trainingen(jaar),
        trend_kolommen=trend["kolommen"],
        trend=trend["rijen"],
        reeks=reeks,
        concept=verslag.get("status") == "concept",
        voorblad=_voorblad_jaar(verslag, basis["meta"], [("Verslagjaar", str(jaar)),
                                                         ("Meerjarenplan", basis["plan_titel"])]),
    )
    verrijkt = Verrijkt(context=context, soort="jaarverslag", periode=str(jaar))
    context.grafiek, context.grafiek_alt = grafiek_van(verrijkt.bestandsnaam, reeks, drempel, grafiek_reeksen,
                                                       grafiek_schattingen)
    return verrijkt


_RESULTAAT = {"gerealiseerd": "gerealiseerd", "deels": "deels gerealiseerd", "niet": "niet gerealiseerd",
              "doorgeschoven": "doorgeschoven"}


def realisatie_tekst(r: dict) -> dict:
    """De opsomming en de tabelrijen van de realisatie, klaar voor het sjabloon."""
    delen = [f"{r['telling'][soort]} {tekst}" for soort, tekst in _RESULTAAT.items() if r["telling"][soort]]
    if r["telling"].get("onbekend"):
        delen.append(f"{r['telling']['onbekend']} zonder vastgelegd resultaat")
    per_groep = [[g["groep"], str(g["aantal"]), str(g["telling"]["gerealiseerd"]), str(g["telling"]["deels"]),
                  str(g["telling"]["niet"] + g["telling"]["doorgeschoven"] + g["telling"]["onbekend"]),
                  opmaak.procent(g["percentage"])] for g in r.get("per_groep", [])]
    activiteiten = [[a["activiteit"] + (f" *(uit {a['doorgeschoven_uit']})*" if a.get("doorgeschoven_uit") else ""),
                     a["maatregel_naam"], a.get("resultaat") or "niet vastgelegd", a.get("toelichting") or "–"]
                    for a in r["rijen"]]
    return {"delen": delen, "per_groep": per_groep, "activiteiten": activiteiten}
