"""Het jaarverslag van een regio verrijken: de cijfers van de leden samen, een kolom per lid
waar de privacydrempel dat toelaat, en de realisatie van de gezamenlijke activiteiten.

Ontvangt het regioprofiel met zijn jaargegevens en de al geladen leden; geeft een ``Verrijkt``
met een ``RegioverslagContext`` (``verrijken/context.py``).
"""
from __future__ import annotations

from integriteitsplan import opmaak
from integriteitsplan.controleren.uitslag import foutmelding_op
from integriteitsplan.domein import jaarcyclus, privacy
from integriteitsplan.domein.maatregelen import maatregelen_van
from integriteitsplan.fouten import InvoerFout
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.verrijken.algemeen import Verrijkt, _voorblad_jaar
from integriteitsplan.verrijken.context import RegioverslagContext
from integriteitsplan.verrijken.jaarverslag import DIMENSIES, realisatie_tekst, verslagbasis


def drempelfouten(drempel: int, leden: dict[str, Profiel]) -> list:
    """Een fout voor elk lid met een andere privacydrempel dan de regio (README, Privacy, regel 8)."""
    return [foutmelding_op(
        lid_profiel.data, ("jaarcyclus", "privacydrempel"),
        f"de privacydrempel van {lid} is {jaarcyclus.drempel(lid_profiel.data)}, die van de regio {drempel}. "
        "Het regionale verslag toont elke gemeente zoals haar eigen verslag; met twee drempels zouden de "
        "twee verslagen samen een verborgen aantal verraden. Kies voor de regio en alle gemeenten dezelfde "
        "drempel.")
        for lid, lid_profiel in leden.items() if jaarcyclus.drempel(lid_profiel.data) != drempel]


def jaardrempelfouten(drempel: int, jaar: int, leden: dict[str, tuple]) -> list:
    """Een fout voor elk lid waarvan het jaarverslag ``jaar`` een andere drempel vastlegt dan
    die van de regio in dat jaar: de regio zou het lid anders drukken dan zijn eigen verslag."""
    fouten = []
    for lid, (lid_profiel, lid_jaren) in leden.items():
        stukken = lid_jaren.stukken(jaar)
        verslag = stukken.jaarverslag if stukken else None
        eigen = jaarcyclus.jaardrempel(lid_profiel.data, verslag)
        if eigen != drempel and verslag and verslag.get("privacydrempel"):
            fouten.append(foutmelding_op(
                verslag, ("privacydrempel",),
                f"het jaarverslag {jaar} van {lid} is gepubliceerd met privacydrempel {eigen}, het regionale "
                f"verslag {jaar} zou {drempel} gebruiken. Het regionale verslag toont elke gemeente zoals haar "
                "eigen verslag; leg in het regionale jaarverslag dezelfde drempel vast."))
    return fouten


def _weggelaten_zin(alleen_totaal: list[str], zonder_regio: bool, waar: str) -> str:
    """Wat in een meldingentabel van de regio ontbreekt, en waarom; ``waar``: 'in deze tabel'
    of 'in de tabellen hierna'."""
    zinnen = []
    if alleen_totaal:
        een = len(alleen_totaal) == 1
        zinnen.append(f"{opmaak.opsomming(alleen_totaal)} {'publiceert' if een else 'publiceren'} alleen "
                      f"{'haar' if een else 'hun'} totaal, dat in de tabel Per gemeente staat; "
                      f"{'zij heeft' if een else 'zij hebben'} {waar} geen kolom.")
    if zonder_regio:
        zinnen.append(f"Een kolom Regio ontbreekt {waar}, omdat elke regionale som een aantal bevat dat een "
                      "gemeente niet publiceert.")
    return " ".join(zinnen)


def _cijfer_noot(cijfers: list[list[str]], deelsommen: list[str]) -> str:
    """De noot onder de kerncijfers: wat een streep betekent en welke regiosom niet compleet is."""
    zinnen = []
    if any("–" in rij[2:] for rij in cijfers):
        zinnen.append("– betekent dat de gemeente dit cijfer niet heeft vastgelegd.")
    zinnen += [f"{d}." for d in deelsommen]
    return " ".join(zinnen)


def verrijk_regioverslag(profiel: Profiel, jaren, jaar: int, geladen: dict) -> Verrijkt:
    """Het jaarverslag van een regio: de cijfers van de leden samen, een kolom per lid waar
    de privacydrempel dat toelaat, en de realisatie van de gezamenlijke activiteiten.
    Elk lid staat er precies zoals in zijn eigen verslag; de regio telt alleen op wat de leden
    exact drukken (``privacy.beveilig_regio``), zodat een verborgen aantal van een lid ook niet
    uit de regionale totalen terug te rekenen is. ``privacy.controleer_regio`` toetst dat vóór
    het schrijven."""

    basis, stukken, verslag, drempel, typ = verslagbasis(profiel, jaren, jaar)
    gegevens = basis["profiel"]
    leden = []
    for lid in gegevens["leden"]:
        lid_profiel, lid_jaren = geladen[lid]  # één keer geladen, in genereren.laad_leden
        m = lid_jaren.meldingen(jaar)
        reeks = lid_jaren.kerncijfers_tot(jaar).get(jaar, {})
        leden.append({"naam": lid, "gemeente": lid_profiel.data["metadata"]["gemeente"], "meldingen": m,
                      "cijfers": reeks})
    # Eén drempel voor de regio en haar leden: met een andere drempel zou de regio een lid anders
    # drukken dan zijn eigen verslag, en samen verraden die twee een verborgen aantal.
    fouten = (drempelfouten(jaarcyclus.drempel(gegevens), {lid: geladen[lid][0] for lid in gegevens["leden"]})
              or jaardrempelfouten(drempel, jaar, {lid: geladen[lid] for lid in gegevens["leden"]}))
    if fouten:
        raise InvoerFout(fouten)
    namen_lid = {lid["naam"]: lid["gemeente"] for lid in leden}
    met_meldingen = [lid for lid in leden if lid["meldingen"]]
    tabellen = []
    meldingen_weggelaten = ""
    regioset = None
    if met_meldingen:
        # Elk lid precies zoals in zijn eigen verslag; de regio telt alleen op wat de leden
        # exact drukken (privacy.beveilig_regio), en de controle kijkt naar alles samen.
        regioset = privacy.beveilig_regio(
            {lid["naam"]: {dim: dict(lid["meldingen"][dim]) for dim in DIMENSIES if lid["meldingen"][dim] is not None}
             for lid in met_meldingen}, drempel, totalen={lid["naam"]: lid["meldingen"]["totaal"] for lid in met_meldingen})
        privacy.controleer_regio(regioset, drempel)
        for dim, kop in DIMENSIES.items():
            invoer = [lid["naam"] for lid in met_meldingen if dim in regioset.leden[lid["naam"]].tabellen]
            if not invoer:
                continue
            # Een lid dat hier alleen zijn totaal publiceert, heeft geen kolom: die zou op elke
            # rij behalve het totaal een streep tonen, en het totaal staat al in 'Per gemeente'.
            getoond = [lid for lid in invoer if not regioset.leden[lid].tabellen[dim].alleen_totaal]
            alleen_totaal = [namen_lid[lid] for lid in invoer if lid not in getoond]
            namen_dim = jaarcyclus.categorienamen(typ, dim)  # met 'Niet ingedeeld' als laatste
            categorieen = [cat for cat in namen_dim if cat in regioset.cellen[dim]]
            rijen = []
            for cat in categorieen:
                per_lid = []
                for lid in getoond:
                    tabel = regioset.leden[lid].tabellen[dim]
                    per_lid.append(tabel.cellen[cat].tekst if cat in tabel.cellen else "0")
                rijen.append([namen_dim.get(cat, cat), regioset.cellen[dim][cat].tekst] + per_lid)
            rijen.append(["**Totaal**", regioset.totaal.tekst] + [regioset.leden[lid].totaal.tekst for lid in getoond])
            kolommen = [kop, "Regio"] + [namen_lid[lid] for lid in getoond]
            # Een kolom Regio met op elke rij 'x' zegt niets: die vervalt, met een zin erover.
            zonder_regio = all(rij[1] == "x" for rij in rijen)
            if zonder_regio:
                kolommen = [kolommen[0]] + kolommen[2:]
                rijen = [[rij[0]] + rij[2:] for rij in rijen]
            tabellen.append({"kop": kop, "kolommen": kolommen, "rijen": rijen if len(kolommen) > 1 else [],
                             "weggelaten": (tuple(alleen_totaal), zonder_regio)})
    # Ontbreekt in elke tabel hetzelfde, dan staat dat één keer, boven de tabellen.
    weggelaten = {t["weggelaten"] for t in tabellen}
    meldingen_weggelaten = _weggelaten_zin(*tabellen[0]["weggelaten"], "in de tabellen hierna") \
        if len(weggelaten) == 1 else ""
    for t in tabellen:
        t["toelichting"] = "" if len(weggelaten) == 1 else _weggelaten_zin(*t.pop("weggelaten"), "in deze tabel")
        if not t["rijen"]:
            t["toelichting"] = ("Hier staat geen tabel: geen gemeente publiceert deze verdeling zo dat een "
                                "kolom of een regionale som iets zou tonen. De totalen staan in de tabel Per gemeente.")
        t.pop("weggelaten", None)
    # Kerncijfers per lid zoals elk lid ze in zijn eigen verslag drukt; het regiototaal alleen
    # als elk lid zijn aantal exact drukt.
    cijfers = []
    deelsommen = []  # regiocijfers die niet alle leden optellen
    for naam, label in jaarcyclus.KERNCIJFERS:
        bekend = {lid["naam"]: lid["cijfers"].get(naam) for lid in leden if lid["cijfers"].get(naam) is not None}
        if not bekend:
            continue
        if naam == "meldingen" and regioset is not None:
            per_lid = {lid: jaar.totaal for lid, jaar in regioset.leden.items()}
        else:
            per_lid = {lid: privacy.totaal_cel(n, drempel) for lid, n in bekend.items()}
        som = privacy.som_cel(list(per_lid.values())).tekst
        if len(per_lid) < len(leden) and som != "x":
            deelsommen.append(f"{label} telt alleen {opmaak.opsomming([lid['gemeente'] for lid in leden if lid['naam'] in per_lid])} op ({len(per_lid)} van de {len(leden)} gemeenten)")
        cijfers.append([label, som] + [per_lid[lid["naam"]].tekst if lid["naam"] in per_lid else "–" for lid in leden])
    lid_totalen = [(namen_lid[lid], jaar.totaal.tekst) for lid, jaar in regioset.leden.items()] if regioset else []
    totaal = regioset.totaal if regioset else None
    maatregelen = maatregelen_van(gegevens)
    realisatie = jaarcyclus.realisatie(jaren, jaar, maatregelen)
    context = RegioverslagContext(
        **basis,
        verslag=verslag,
        drempel=drempel,
        leden=leden,
        realisatie=realisatie,
        realisatie_tekst=realisatie_tekst(realisatie),
        realisatie_activiteiten=[[a["activiteit"], a["maatregel_naam"], a.get("resultaat") or "niet vastgelegd",
                                     a.get("toelichting") or "–"] for a in realisatie["rijen"]],
        meldingtabellen=tabellen,
        meldingen_weggelaten=meldingen_weggelaten,
        lid_totalen=lid_totalen + ([["**Regio**", totaal.tekst]] if totaal else []),
        meldingen_totaal_bekend=bool(totaal and not totaal.onderdrukt),
        meldingen_zin=privacy.aantal_in_woorden(totaal, drempel, "melding", "meldingen") if totaal else None,
        privacy_noot=privacy.uitleg_klein(drempel, x="regio"),
        cijfers=cijfers,
        cijfer_kolommen=["Kerncijfer", "Regio"] + [lid["gemeente"] for lid in leden],
        cijfer_noot=_cijfer_noot(cijfers, deelsommen),
        reeks={},
        grafiek=None,
        concept=verslag.get("status") == "concept",
        voorblad=_voorblad_jaar(verslag, basis["meta"], [("Verslagjaar", str(jaar)),
                                                        ("Gemeenten", opmaak.opsomming(namen_lid.values()))]),
    )
    return Verrijkt(context=context, soort="jaarverslag", periode=str(jaar), sjabloon="jaarverslag/regio.md.j2")
