"""De cijfers over de jaren in het jaarverslag: de tabel met kerncijfers (vaste en eigen
reeksen, schattingen als 'ca.'), de tabellen per categorie over de jaren en wat de grafiek
toont.

Ontvangt het profiel, de jaarcijfers per jaar (``Jaargegevens.jaarcijfers_tot``) en de
drempel; geeft rijen en noten, klaar voor het sjabloon. Privacy: een aantal zaken (meldingen,
een eigen reeks met ``zaken: true``) staat er zoals in het verslag van dat jaar
(``privacy.totaal_cel``); een cel per categorie van een vorig jaar staat er zoals de tabel van
dat jaar hem drukte, omdat de tabellen van elk jaar met hetzelfde model (één registerjaar)
opnieuw beschermd worden: nooit exacter dan in het verslag van dat jaar. Een eigen reeks met
``gelijk_aan`` (bijvoorbeeld ``afdoening.ontslag``) telt dezelfde zaken als die categorie en
staat er in elk jaar met die indeling precies zoals die cel (``gekoppeld``), in tabel en grafiek.

Is een vorig jaar gepubliceerd met een hogere drempel (``privacydrempel`` in zijn
jaarverslag.yaml), dan worden zijn cijfers hier met die drempel beschermd, niet met een
lagere drempel van nu (``drempel_van``): wat toen "< 7" was, staat nooit exact.
"""
from __future__ import annotations

from integriteitsplan import opmaak
from integriteitsplan.domein import jaarcyclus, privacy

ONBEKEND = "–"

# Vaste reeksen die zaken over personen tellen; de andere (ambtseden, trainingen) zijn
# aantallen handelingen, maar ook die stonden al altijd als totaal beschermd.
GRAFIEK_VAST = [("meldingen", "Meldingen", "meldingen"),
                ("vertrouwenspersoon", "Contacten vertrouwenspersoon", "contacten met de vertrouwenspersoon"),
                ("onderzoeken_gestart", "Gestarte onderzoeken", "gestarte onderzoeken")]


def reeksen(data: dict) -> list[dict]:
    """Alle kerncijfers in volgorde: de vaste, dan de eigen (id, naam, eenheid, zaken, grafiek)."""
    vast = [{"id": naam, "naam": label, "eenheid": None, "zaken": True, "grafiek": False}
            for naam, label in jaarcyclus.KERNCIJFERS]
    return vast + jaarcyclus.eigen_cijfers(data)


def drempel_van(c, drempel: int) -> int:
    """De drempel voor de cijfers van één jaar: die waarmee dat jaar gepubliceerd is, maar
    nooit lager dan die van dit verslag."""
    return jaarcyclus.beschermd_met(c.drempel, drempel)


def uitleg(cijfers: dict, drempel: int, x: str | None) -> str:
    """De noot bij "< d" (en "x"): met één drempel voor alle jaren die van ``privacy``;
    anders per jaar zijn drempel."""
    per_jaar = {j: drempel_van(c, drempel) for j, c in cijfers.items()}
    if len(set(per_jaar.values())) == 1:
        return privacy.uitleg_klein(drempel, x=x)
    jaren = opmaak.opsomming([f"{j} met {d}" for j, d in per_jaar.items()], "en")
    tekst = (f"Niet elk jaar is met dezelfde privacydrempel gepubliceerd ({jaren}); een jaar staat hier "
             "met zijn eigen drempel d. < d betekent 1 tot en met d - 1.")
    if x:
        tekst += (" x betekent een aantal van d of meer dat hier niet staat, omdat anders een kleiner "
                  "aantal terug te rekenen zou zijn.")
    return tekst


def gekoppeld(data: dict, cijfers: dict, drempel: int) -> dict[tuple[int, str], str]:
    """(jaar, id) -> de tekst van de cel die een eigen reeks met ``gelijk_aan`` volgt: zoals
    de tabel van dat jaar de categorie drukt ("12", "< 5", "x"), of ``ONBEKEND`` als die tabel
    alleen het totaal geeft. Jaren zonder die indeling ontbreken: daar staat de reeks op zich."""
    uit = {}
    for r in jaarcyclus.eigen_cijfers(data):
        if not r.get("gelijk_aan"):
            continue
        dim, _, cat = r["gelijk_aan"].partition(".")
        for j, c in cijfers.items():
            if dim not in c.indeling or c.waarden.get(r["id"]) is None:
                continue
            tabel = privacy.beveilig_registerjaar(c.indeling, drempel_van(c, drempel), totaal=c.totaal).tabellen[dim]
            if tabel.alleen_totaal:
                uit[(j, r["id"])] = ONBEKEND
            else:
                gedrukt = tabel.cellen.get(cat)
                uit[(j, r["id"])] = gedrukt.tekst if gedrukt is not None else "0"
    return uit


def grafiekwaarden(cijfers: dict, koppeling: dict[tuple[int, str], str], data: dict | None = None,
                   drempel: int | None = None) -> dict[int, dict]:
    """De waarden voor de grafiek: een gekoppelde reeks die verborgen is, als haar tekst
    ("x", "< 5"; geen staaf), of weg als de tabel van dat jaar alleen het totaal geeft. Een
    aantal zaken van een jaar met een hogere drempel dan ``drempel`` staat er, als het onder
    die drempel ligt, als tekst ("< 7"), zoals in de tabel."""
    zaken = {r["id"] for r in reeksen(data or {}) if r["zaken"]}
    uit = {}
    for j, c in cijfers.items():
        waarden = dict(c.waarden)
        if drempel is not None and drempel_van(c, drempel) > drempel:
            d = drempel_van(c, drempel)
            for ident in zaken:
                w = waarden.get(ident)
                if isinstance(w, (int, float)) and 0 < w < d:
                    waarden[ident] = f"< {d}"
        for (jaar, ident), tekst in koppeling.items():
            if jaar == j and not tekst.isdigit():
                waarden[ident] = None if tekst == ONBEKEND else tekst
        uit[j] = waarden
    return uit


def cel(waarde, reeks: dict, geschat: bool, drempel: int, gekoppeld_: str | None = None) -> str:
    if gekoppeld_ is not None and not gekoppeld_.isdigit():
        return gekoppeld_  # verborgen zoals de cel van de categorie: geen schatting erbij
    if waarde is None:
        return ONBEKEND
    if reeks["zaken"]:
        c = privacy.totaal_cel(waarde, drempel)
        if c.onderdrukt:
            return c.tekst  # een klein aantal is geen schatting: alleen '< d'
        tekst = c.tekst
    else:
        tekst = opmaak.getal(waarde)
    return f"ca. {tekst}" if geschat else tekst


def trendtabel(data: dict, cijfers: dict, drempel: int) -> dict:
    """De tabel met kerncijfers: per reeks met ten minste één bekend jaar een rij."""
    rijen, geschat, klein = [], False, False
    koppeling = gekoppeld(data, cijfers, drempel)
    for r in reeksen(data):
        waarden = [(cijfers[j].waarden.get(r["id"]), r["id"] in cijfers[j].schattingen) for j in cijfers]
        if all(w is None for w, _ in waarden):
            continue
        label = r["naam"] + (f" ({r['eenheid']})" if r.get("eenheid") else "")
        teksten = [cel(w, r, s, drempel_van(cijfers[j], drempel), koppeling.get((j, r["id"])))
                   for (w, s), j in zip(waarden, cijfers)]
        geschat |= any(t.startswith("ca.") for t in teksten)
        klein |= any(t.startswith("<") or t == privacy.SECUNDAIR for t in teksten)
        rijen.append([label] + teksten)
    noten = []
    alle = [t for rij in rijen for t in rij[1:]]
    if klein:
        noten.append(uitleg(cijfers, drempel, x="gemeente" if privacy.SECUNDAIR in alle else None))
    if geschat:
        noten.append("ca. betekent een schatting, geen telling.")
    if any(t == ONBEKEND for t in koppeling.values()):
        noten.append(f"{ONBEKEND} betekent dat het cijfer van dat jaar niet bekend is of, omdat de tabel "
                     "van dat jaar alleen het totaal geeft, niet gepubliceerd.")
    elif ONBEKEND in alle:
        noten.append(f"{ONBEKEND} betekent dat het cijfer van dat jaar niet bekend is.")
    return {"kolommen": ["Kerncijfer"] + [str(j) for j in cijfers], "rijen": rijen, "noot": " ".join(noten)}


def per_categorie(data: dict, cijfers: dict, drempel: int) -> list[dict]:
    """Per indeling die in ten minste twee jaren bekend is: categorie × jaar, elke cel zoals
    het verslag van dat jaar hem drukte."""
    typ = jaarcyclus.typologie(data)
    uit = []
    for dim in jaarcyclus.DIMENSIES:
        jaren = [j for j in cijfers if dim in cijfers[j].indeling]
        if len(jaren) < 2:
            continue
        namen = jaarcyclus.categorienamen(typ, dim)
        getoond: dict[int, dict[str, str] | None] = {}
        for j in cijfers:
            c = cijfers[j]
            if dim not in c.indeling:
                getoond[j] = None
                continue
            jaar_ = privacy.beveilig_registerjaar(c.indeling, drempel_van(c, drempel), totaal=c.totaal)
            tabel = jaar_.tabellen[dim]
            getoond[j] = None if tabel.alleen_totaal else {k: v.tekst for k, v in tabel.cellen.items()}
        rijen = []
        for cat, naam in namen.items():
            teksten = [ONBEKEND if getoond[j] is None else getoond[j].get(cat, "0") for j in cijfers]
            if all(t in ("0", ONBEKEND) for t in teksten):
                continue
            rijen.append([naam] + teksten)
        if not rijen:
            continue
        alle = [t for rij in rijen for t in rij[1:]]
        noten = []
        if any(t.startswith("<") or t == privacy.SECUNDAIR for t in alle):
            noten.append(uitleg(cijfers, drempel, x="gemeente" if privacy.SECUNDAIR in alle else None))
        if ONBEKEND in alle:
            noten.append(f"{ONBEKEND} betekent dat de verdeling van dat jaar niet bekend is of, bij kleine "
                         "aantallen, niet gepubliceerd.")
        uit.append({"dimensie": dim, "kop": dim.capitalize(), "kolommen": [dim.capitalize()] + [str(j) for j in cijfers],
                    "rijen": rijen, "noot": " ".join(noten)})
    return uit


def grafiekreeksen(data: dict, cijfers: dict) -> list[dict]:
    """Wat de grafiek toont: de vaste reeksen met gegevens en de eigen reeksen die het profiel
    erin wil, met per jaar of het aantal geschat is."""
    kandidaten = [{"id": i, "naam": n, "in_zin": z, "zaken": True} for i, n, z in GRAFIEK_VAST]
    kandidaten += [{"id": c["id"], "naam": c["naam"], "in_zin": c["naam"][:1].lower() + c["naam"][1:],
                    "zaken": c["zaken"]} for c in jaarcyclus.eigen_cijfers(data) if c["grafiek"]]
    return [k for k in kandidaten if any(cijfers[j].waarden.get(k["id"]) is not None for j in cijfers)]


def onderschrift(reeksen_: list[dict], geschat: bool, klein: bool, drempel: int, x: bool = False) -> str:
    """Het onderschrift van de grafiek: alleen wat de grafiek toont."""
    tekst = opmaak.hoofdletter(opmaak.opsomming([r["in_zin"] for r in reeksen_], "en")) + " per jaar"
    extra = []
    if geschat:
        extra.append("een gestippelde staaf is een schatting")
    if klein:
        extra.append(f"een open rondje zonder staaf staat voor een aantal dat niet gepubliceerd wordt: met "
                     f"< {drempel} minder dan {opmaak.telwoord(drempel)}, met x {opmaak.telwoord(drempel)} of meer"
                     if x else f"een open rondje zonder staaf staat voor minder dan {opmaak.telwoord(drempel)}")
    return tekst + (f". {opmaak.hoofdletter('; '.join(extra))}." if extra else "")
