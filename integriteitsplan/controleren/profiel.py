"""Een profiel controleren: het schema, de samenhang (unieke id's, verwijzingen) en de regio.

Ontvangt een geladen ``Profiel``; geeft een ``Uitslag`` met alle fouten en waarschuwingen
tegelijk, of (``zeker_geldig``) gooit een ``InvoerFout`` met alle fouten.
"""
from __future__ import annotations

from difflib import get_close_matches

from integriteitsplan.controleren.schema.profiel import PROFIEL_SCHEMA
from integriteitsplan.controleren.schemacontrole import Schemacontrole
from integriteitsplan.controleren.uitslag import Uitslag, _Verzamelaar, op_volgorde
from integriteitsplan.domein import paden
from integriteitsplan.domein.maatregelen import alle_groepen, alle_maatregelen, itemlijsten
from integriteitsplan.domein.onderdelen import INHOUD, gevulde_velden
from integriteitsplan.domein.regio import is_regio as regio_is
from integriteitsplan.fouten import IntegriteitsplanFout, InvoerFout, pad_tekst
from integriteitsplan.laden import registers
from integriteitsplan.laden.jaren import JAARMAP, register_pad
from integriteitsplan.laden.profielen import Profiel, vind_profiel, weergavenaam
from integriteitsplan.laden.registerwaarden import orgsleutel
from integriteitsplan.laden.yamlbestand import lees_yaml, plek_van
from integriteitsplan.opmaak import opsomming


def controleer_profiel(profiel: Profiel, mappen=None) -> Uitslag:
    """Controleer een geladen profiel: eerst het schema, daarna de samenhang. Met
    ``mappen`` (de zoekmappen) ook of regio en leden naar elkaar verwijzen."""
    verzamel = _Verzamelaar(profiel.data)
    for pad, tekst in Schemacontrole(PROFIEL_SCHEMA).controleer(profiel.data):
        verzamel.fout(pad, tekst)
    if verzamel.uitslag.fouten:  # samenhang pas als de vorm klopt
        verzamel.uitslag.fouten = op_volgorde(verzamel.uitslag.fouten, profiel)
        return verzamel.uitslag
    _samenhang(profiel, verzamel)
    if mappen is not None:
        _regio(profiel, mappen, verzamel)
    return verzamel.uitslag


def _regio(profiel: Profiel, mappen, v: _Verzamelaar) -> None:
    """Een regio noemt haar leden; elk lid noemt de regio als basis. Meld waar dat niet klopt,
    en rijen in het gezamenlijke register die bij geen enkel lid horen."""

    namen: list[str] = []
    for i, lid in enumerate(profiel.data.get("leden") or []):
        try:
            vindplaats = vind_profiel(lid, mappen)
            lid_data = lees_yaml(vindplaats.bestand, weergavenaam(vindplaats))
            basis = lid_data.get("basis")
            meta = lid_data.get("metadata")
            if isinstance(meta, dict) and isinstance(meta.get("gemeente"), str):
                namen.append(meta["gemeente"])
        except IntegriteitsplanFout:
            v.fout(("leden", i), f"het lid '{lid}' heeft geen (leesbaar) profiel. Maak het met: "
                   f"integriteitsplan nieuw {lid}")
            continue
        if basis != profiel.naam:
            v.waarschuwing(("leden", i), f"'{lid}' staat als lid in deze regio, maar zijn profiel "
                           + (f"bouwt voort op '{basis}'." if basis else "noemt geen 'basis'.")
                           + f" Zet 'basis: {profiel.naam}' in {weergavenaam(vindplaats)} of haal het lid weg.")
    if profiel.basis and len(profiel.lagen) > 1:
        basis = profiel.keten[1]
        leden = profiel.lagen[1].get("leden")
        if isinstance(leden, list) and profiel.naam not in leden:
            v.waarschuwing(("basis",), f"dit profiel bouwt voort op '{basis.naam}', maar staat daar niet "
                           f"bij de leden. Voeg '{profiel.naam}' toe aan 'leden' in {weergavenaam(basis)}.")
    register = (profiel.data.get("jaarcyclus") or {}).get("meldingenregister")
    if register and namen:
        _register_organisaties(profiel, register, namen, v)


def _register_organisaties(profiel: Profiel, register: str, namen: list[str], v: _Verzamelaar) -> None:
    """Elke organisatie in het gezamenlijke register hoort bij een lid; anders tellen die rijen
    stil nergens mee."""

    pad = register_pad(profiel.map, register, buiten=paden.mag_buiten(profiel.naam))
    if pad is None or not pad.is_file():
        v.fout(("jaarcyclus", "meldingenregister"), f"het register {register} is niet gevonden in "
               f"{profiel.map}. Controleer het pad.")
        return
    bekend = {orgsleutel(n) for n in namen}
    jaren = sorted(int(p.name) for p in (profiel.map / JAARMAP).glob("[0-9][0-9][0-9][0-9]") if p.is_dir())
    for jaar in jaren:
        try:
            telling = registers.lees_meldingen(pad, jaar)
        except InvoerFout as fout:
            v.uitslag.fouten.extend(fout.meldingen)
            return
        vreemd = [org for org in telling.per_organisatie if orgsleutel(org) not in bekend]
        if vreemd:
            v.fout(("jaarcyclus", "meldingenregister"),
                   f"in het register staan voor {jaar} rijen van {opsomming([repr(o) for o in vreemd])}, maar die "
                   f"naam hoort bij geen lid (de leden heten {opsomming(namen)}). Verbeter de kolom "
                   "'organisatie'; anders tellen die meldingen nergens mee.")


def zeker_geldig(profiel: Profiel, mappen=None) -> Uitslag:
    """Controleer en gooi een ``InvoerFout`` met alle fouten als er één is."""
    uitslag = controleer_profiel(profiel, mappen)
    if uitslag.fouten:
        raise InvoerFout(op_volgorde(uitslag.fouten, profiel))
    return uitslag


def _samenhang(profiel: Profiel, v: _Verzamelaar) -> None:
    data = profiel.data
    meta = data.get("metadata", {})

    looptijd = meta.get("looptijd")
    if looptijd and looptijd["eind"] < looptijd["start"]:
        v.fout(("metadata", "looptijd", "eind"),
               f"het laatste jaar ({looptijd['eind']}) ligt vóór het eerste jaar ({looptijd['start']}). "
               "Verbeter een van de twee.")
    if looptijd and meta.get("jaar") and not looptijd["start"] <= meta["jaar"] <= looptijd["eind"]:
        v.fout(("metadata", "jaar"), f"het jaar {meta['jaar']} valt buiten de looptijd "
               f"{looptijd['start']}-{looptijd['eind']}. Laat 'jaar' weg of pas het aan.")

    # Groepen in groepen: hoogstens MAX_GROEPSDIEPTE lagen (een plan heeft er twee of drie).
    for pad, _, keten in alle_groepen(data):
        if len(keten) == MAX_GROEPSDIEPTE + 1:
            v.fout(pad, f"hier liggen meer dan {MAX_GROEPSDIEPTE} lagen groepen in elkaar; dat is het "
                   "maximum. Maak de indeling van de maatregelen platter.")
    # id's zijn uniek binnen hun soort: maatregelen en groepen over het hele plan.
    _uniek(v, [(p, g) for p, g, _ in alle_groepen(data)], "groep")
    _uniek(v, [(p, m) for p, m, _ in alle_maatregelen(data)], "maatregel")
    for pad, items in itemlijsten(data):
        if pad and pad[-1] in ("groepen", "maatregelen") and pad[0] == "maatregelen":
            continue
        _uniek(v, [(pad + (i,), x) for i, x in enumerate(items)], "item")

    for melding in profiel.waarschuwingen:
        v.uitslag.waarschuwingen.append(melding)
    if not profiel.basis:
        for pad, items in itemlijsten(data):
            for i, x in enumerate(items):
                if x.get("verwijderd"):
                    v.waarschuwing(pad + (i, "verwijderd"),
                                   "'verwijderd' werkt alleen in een profiel met een 'basis'; "
                                   "dit item wordt gewoon getoond.")

    groep_ids = [g["id"] for g in (data.get("maatregelen") or {}).get("groepen") or []]
    for i, hoofdstuk in enumerate(data.get("indeling") or []):
        pad = ("indeling", i)
        if not (hoofdstuk.get("onderdelen") or hoofdstuk.get("tekst") or hoofdstuk.get("secties")):
            v.fout(pad, f"het hoofdstuk '{hoofdstuk['titel']}' heeft geen inhoud: geef het "
                        "'onderdelen', 'tekst' of 'secties'.")
        for j, gid in enumerate(hoofdstuk.get("groepen") or []):
            if gid not in groep_ids:
                voorstel = get_close_matches(gid, groep_ids, n=1)
                v.fout(pad + ("groepen", j), f"er is geen hoofdgroep maatregelen met id '{gid}'."
                       + (f" Bedoelde u '{voorstel[0]}'?" if voorstel else "")
                       + f" Bestaande groepen: {opsomming(groep_ids, 'en') or 'geen'}.")

    if data.get("indeling"):
        _weggelaten_onderdelen(data, v)

    for sleutel in ("logo", "huisstijl"):
        naam = meta.get(sleutel)
        if naam and not zoek_bestand(profiel, naam):
            v.fout(("metadata", sleutel), f"het bestand '{naam}' staat niet in de profielmap "
                   f"{profiel.map}. Zet het daar neer of haal '{sleutel}' weg.")
    huisstijl = meta.get("huisstijl")
    if huisstijl and not huisstijl.lower().endswith((".docx", ".dotx")):
        v.fout(("metadata", "huisstijl"), "de huisstijl moet een Word-bestand (.docx of .dotx) zijn.")
    elif huisstijl and zoek_bestand(profiel, huisstijl) and not _is_word(zoek_bestand(profiel, huisstijl)):
        v.fout(("metadata", "huisstijl"), f"'{huisstijl}' is geen Word-document. Sla de huisstijl in Word "
               "op als 'Word-document' (.docx) of laat 'huisstijl' weg voor de standaardhuisstijl.")
    elif huisstijl and zoek_bestand(profiel, huisstijl) and _te_groot_uitgepakt(zoek_bestand(profiel, huisstijl)):
        v.fout(("metadata", "huisstijl"), f"'{huisstijl}' is uitgepakt groter dan "
               f"{MAX_HUISSTIJL_UITGEPAKT // (1024 * 1024)} MB (of een onderdeel is meer dan "
               f"{MAX_HUISSTIJL_VERHOUDING} keer ingepakt); dat is geen huisstijl. Gebruik een huisstijl met "
               "alleen stijlen, kop- en voetteksten en een logo.")

    if data.get("voorbeeld") is True and meta.get("status") == "vastgesteld":
        v.fout(("metadata", "status"), "dit profiel bevat verzonnen voorbeeldgegevens (voorbeeld: true), dus "
               "het plan kan niet 'vastgesteld' zijn. Zet de status op 'concept', of vul uw eigen gegevens in "
               "en haal 'voorbeeld: true' weg.")
    is_regio = regio_is(data)
    velden = [("steller", "de steller"), ("versie", "het versienummer")]
    if not is_regio:  # een regionale basistekst wordt niet zelf vastgesteld
        velden += [("vastgesteld_door", "wie het plan vaststelt"), ("datum", "de datum")]
    for veld, uitleg in velden:
        if not meta.get(veld):
            v.waarschuwing(("metadata",), f"{uitleg} ontbreekt (metadata.{veld}); het voorblad laat dit weg.")
    if not looptijd and not is_regio:
        v.waarschuwing(("metadata",), "de looptijd ontbreekt (metadata.looptijd); het voorblad laat die weg"
                       + (" en de bestandsnaam gebruikt het jaar van het plan." if meta.get("jaar") else
                          " en de bestandsnaam krijgt geen periode."))


def _weggelaten_onderdelen(data: dict, v: _Verzamelaar) -> None:
    """Een eigen ``indeling`` noemt de onderdelen die in het plan komen. Wat het profiel
    invult maar in geen enkel hoofdstuk staat, valt stil weg: waarschuw op de plek waar het
    geschreven is, zodat de gebruiker het een hoofdstuk geeft of weghaalt."""
    genoemd = {naam for h in data["indeling"] for naam in h.get("onderdelen") or []}
    gedekt = {pad for naam in genoemd for pad in INHOUD[naam]}
    gemeld: set[str] = set()
    for onderdeel in INHOUD:
        if onderdeel in genoemd:
            continue
        for veld in gevulde_velden(data, onderdeel):
            if veld in gedekt or veld in gemeld:
                continue
            gemeld.add(veld)
            v.waarschuwing(tuple(veld.split(".")),
                           f"dit is ingevuld, maar het onderdeel '{onderdeel}' staat in geen hoofdstuk van "
                           "'indeling' en komt dus niet in het plan. Zet het bij de 'onderdelen' van een "
                           "hoofdstuk, of haal de tekst hier weg.")


def _uniek(v: _Verzamelaar, items: list[tuple[tuple, dict]], soort: str) -> None:
    gezien: dict[str, tuple] = {}
    for pad, x in items:
        ident = x.get("id")
        if ident in gezien:
            eerder = plek_van(v.data, gezien[ident])
            waar = f"regel {eerder.regel}" if eerder.regel else pad_tekst(gezien[ident])
            if eerder.bestand and eerder.bestand != plek_van(v.data, pad).bestand:
                waar = f"{eerder.bestand}:{eerder.regel}"
            v.fout(pad + ("id",), f"het id '{ident}' komt twee keer voor (eerder op {waar}). "
                   f"Geef elke {soort} een eigen id.")
        else:
            gezien[ident] = pad


def _is_word(pad) -> bool:
    """Een snelle controle (zonder python-docx): is dit een zip met een Word-document erin?"""
    import zipfile

    try:
        with zipfile.ZipFile(pad) as z:
            return "word/document.xml" in z.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


# Een huisstijl is klein: stijlen, kop- en voetteksten, een logo. Een .docx die zich uitpakt tot
# gigabytes (een zipbom) wordt geweigerd vóór iets hem leest.
MAX_HUISSTIJL_UITGEPAKT = 50 * 1024 * 1024
MAX_HUISSTIJL_VERHOUDING = 200
MAX_HUISSTIJL_ONDERDELEN = 2000


def _te_groot_uitgepakt(pad) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(pad) as z:
            onderdelen = z.infolist()
    except (OSError, zipfile.BadZipFile):
        return False  # dat meldt _is_word al
    totaal = sum(i.file_size for i in onderdelen)
    verhouding = max((i.file_size / max(i.compress_size, 1) for i in onderdelen if i.file_size > 1024 * 1024),
                     default=0)
    return (totaal > MAX_HUISSTIJL_UITGEPAKT or verhouding > MAX_HUISSTIJL_VERHOUDING
            or len(onderdelen) > MAX_HUISSTIJL_ONDERDELEN)


MAX_GROEPSDIEPTE = 10


def zoek_bestand(profiel: Profiel, naam: str):
    """Zoek een bestand (logo, huisstijl) in het profiel en daarna in zijn basis; alleen
    binnen die mappen (een pad met '..', een absoluut pad of een snelkoppeling naar elders
    geeft niets, alsof het bestand er niet is)."""
    return paden.bestand_binnen([vindplaats.map for vindplaats in profiel.keten], naam)
