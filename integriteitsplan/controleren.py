"""Stap 2, controleren: alle fouten in een profiel tegelijk, met bestand, regel en sleutelpad.

De controle heeft twee lagen. Eerst het schema (``schema.PROFIEL_SCHEMA``): soorten
waarden, verplichte velden, onbekende sleutels (met een 'bedoelde u'-voorstel) en
keuzelijsten. Daarna de samenhang: dubbele id's, verwijzingen, jaartallen en
bestanden. Waarschuwingen (ontbrekende gegevens, BIOS-delen die het plan overslaat)
blokkeren niet, maar ``controleer`` meldt ze.

Het schema wordt hier zelf uitgevoerd, voor het deel van JSON Schema dat het schema
gebruikt: zo krijgt de gebruiker Nederlandse meldingen en blijft het opstarten snel.
De tests controleren met de ``jsonschema``-bibliotheek dat beide hetzelfde zeggen.
"""
from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import Any, Iterable

from .fouten import InvoerFout, Melding, pad_tekst
from .opmaak import opsomming
from .laden import Mapping, Profiel, plek_van
from .schema import PROFIEL_SCHEMA

SOORTNAMEN = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "ja of nee (true of false)",
    "array": "een lijst (regels die beginnen met '- ')",
    "object": "een groep sleutels met waarden",
}


def soort_van(waarde: Any) -> str:
    if isinstance(waarde, bool):
        return "boolean"
    if isinstance(waarde, int):
        return "integer"
    if isinstance(waarde, float):
        return "number"
    if isinstance(waarde, str):
        return "string"
    if isinstance(waarde, list):
        return "array"
    if isinstance(waarde, dict):
        return "object"
    if isinstance(waarde, datetime.date):
        return "date"
    return "onbekend"


def keuzes(woorden: list[str]) -> str:
    """De mogelijke waarden, als 'a, b of c'."""
    return opsomming(woorden, "of")


# Velden die 'de'-woorden zijn, zodat "'x' is geen geldige status" klopt; bij andere velden
# (het besluit, het resultaat) zegt de melding "'x' kan niet bij 'besluit'".
DE_WOORDEN = {"status", "soort", "laag", "weergave", "organisatie", "geregeld"}


class Schemacontrole:
    """Voert het schema uit op gegevens en verzamelt (pad, tekst)-paren."""

    def __init__(self, schema: dict):
        self.schema = schema
        self.defs = schema.get("$defs", {})
        self.fouten: list[tuple[tuple, str]] = []

    def controleer(self, waarde: Any) -> list[tuple[tuple, str]]:
        self.fouten = []
        self._waarde(waarde, self.schema, ())
        return self.fouten

    def _fout(self, pad: tuple, tekst: str) -> None:
        self.fouten.append((pad, tekst))

    def _waarde(self, waarde: Any, schema: dict, pad: tuple) -> None:
        if "$ref" in schema:
            schema = self.defs[schema["$ref"].rsplit("/", 1)[-1]]
        soort = schema.get("type")
        if soort and not self._soort_klopt(waarde, schema, pad):
            return
        if "enum" in schema and waarde not in schema["enum"]:
            if pad and pad[-1] in DE_WOORDEN:
                tekst = f"'{waarde}' is geen geldige {pad[-1]}; kies uit {keuzes(schema['enum'])}."
            elif pad and isinstance(pad[-1], str):
                tekst = f"'{waarde}' kan niet bij '{pad[-1]}'; kies uit {keuzes(schema['enum'])}."
            else:
                veld = next((s for s in reversed(pad) if isinstance(s, str)), "deze lijst")
                tekst = f"'{waarde}' is geen geldige keuze voor '{veld}'; kies uit {keuzes(schema['enum'])}."
            voorstel = get_close_matches(str(waarde), schema["enum"], n=1, cutoff=0.6)
            if voorstel:
                tekst += f" Bedoelde u '{voorstel[0]}'?"
            self._fout(pad, tekst)
            return
        if soort == "object":
            self._object(waarde, schema, pad)
        elif soort == "array":
            for i, element in enumerate(waarde):
                if element is None:
                    self._fout(pad + (i,), "dit punt van de lijst is leeg. Vul het in of haal de regel weg.")
                else:
                    self._waarde(element, schema["items"], pad + (i,))
        elif soort in ("integer", "number"):
            if isinstance(waarde, float) and not math.isfinite(waarde):
                self._fout(pad, f"'{_als_yaml(waarde)}' is geen bruikbaar getal; schrijf een getal zoals 1500 of 1500.50.")
                return
            if "minimum" in schema and waarde < schema["minimum"]:
                self._fout(pad, f"{waarde} is te klein; het moet minstens {schema['minimum']} zijn.")
            if "maximum" in schema and waarde > schema["maximum"]:
                self._fout(pad, f"{waarde} is te groot; het mag hoogstens {schema['maximum']} zijn.")
        elif soort == "string" and "pattern" in schema:
            import re

            if not re.match(schema["pattern"], waarde):
                voorbeeld = re.sub(r"[^a-z0-9_-]+", "-", waarde.lower()).strip("-") or "mijn-id"
                self._fout(pad, f"'{waarde}' is geen geldige naam: gebruik alleen kleine letters, "
                                f"cijfers, - en _ (bijvoorbeeld '{voorbeeld}').")

    def _soort_klopt(self, waarde: Any, schema: dict, pad: tuple) -> bool:
        verwacht = schema["type"]
        echt = soort_van(waarde)
        if verwacht == "string" and schema.get("format") == "date":
            if isinstance(waarde, datetime.date):
                return True
            self._fout(pad, f"'{waarde}' is geen datum; schrijf een datum als JJJJ-MM-DD, "
                            "bijvoorbeeld 2026-01-15.")
            return False
        if echt == verwacht or (verwacht == "number" and echt == "integer"):
            return True
        if verwacht == "string" and echt in ("integer", "number", "date"):
            self._fout(pad, f"hier hoort tekst, maar er staat {_als_yaml(waarde)}. Zet het tussen "
                            f"aanhalingstekens, bijvoorbeeld \"{_als_yaml(waarde)}\".")
            return False
        if verwacht == "boolean" and echt == "string" and waarde.lower() in ("ja", "nee", "j", "n"):
            self._fout(pad, f"schrijf true of false in plaats van '{waarde}'.")
            return False
        if verwacht == "array" and echt == "string":
            self._fout(pad, "hier hoort een lijst. Zet elk punt op een eigen regel die begint "
                            "met '- '.")
            return False
        self._fout(pad, f"hier hoort {SOORTNAMEN[verwacht]}, maar er staat "
                        f"{SOORTNAMEN.get(echt, 'iets anders')}.")
        return False

    def _object(self, waarde: dict, schema: dict, pad: tuple) -> None:
        velden = schema.get("properties", {})
        overig = schema.get("additionalProperties", True)
        namen = schema.get("propertyNames", {}).get("enum")
        for sleutel in waarde if namen else ():
            if sleutel not in namen:
                self._fout(pad + (sleutel,), _onbekende_sleutel(sleutel, namen))
        for sleutel, sub in waarde.items():
            if sleutel not in velden:
                if overig is False:
                    self._fout(pad + (sleutel,), _onbekende_sleutel(sleutel, list(velden)))
                elif isinstance(overig, dict) and sub is not None:
                    self._waarde(sub, overig, pad + (sleutel,))
                continue
            if sub is None:  # een lege waarde telt als weggelaten
                continue
            self._waarde(sub, velden[sleutel], pad + (sleutel,))
        for verplicht in schema.get("required", []):
            if waarde.get(verplicht) is None:
                beschrijving = velden.get(verplicht, {}).get("description", "")
                if verplicht in waarde:
                    tekst = f"het verplichte veld '{verplicht}' is leeg; vul het in."
                else:
                    tekst = f"het verplichte veld '{verplicht}' ontbreekt."
                if beschrijving:
                    tekst += f" ({beschrijving})"
                self._fout(pad + (verplicht,), tekst)


def _als_yaml(waarde: Any) -> str:
    """De waarde zoals ze in het bestand stond (1.10 blijft 1.10)."""
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return getattr(waarde, "tekst", "") or str(waarde)


def _onbekende_sleutel(sleutel: str, bekend: list[str]) -> str:
    tekst = f"onbekende sleutel '{sleutel}'."
    voorstel = get_close_matches(str(sleutel), bekend, n=1, cutoff=0.6)
    if voorstel:
        return tekst + f" Bedoelde u '{voorstel[0]}'?"
    return tekst + f" Hier kunnen staan: {keuzes(bekend)}."


# ---------------------------------------------------------------- samenhang


@dataclass
class Uitslag:
    """Alle bevindingen van een controle."""

    fouten: list[Melding] = field(default_factory=list)
    waarschuwingen: list[Melding] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        return not self.fouten


class _Verzamelaar:
    def __init__(self, data: Mapping):
        self.data = data
        self.uitslag = Uitslag()

    def fout(self, pad: tuple, tekst: str) -> None:
        self.uitslag.fouten.append(Melding(plek_van(self.data, pad), tekst))

    def waarschuwing(self, pad: tuple, tekst: str) -> None:
        self.uitslag.waarschuwingen.append(Melding(plek_van(self.data, pad), tekst, "waarschuwing"))


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


def op_volgorde(meldingen: list[Melding], profiel: Profiel | None = None) -> list[Melding]:
    """Meldingen in bestandsvolgorde: eerst het eigen profiel, dan de basis, per bestand op regel."""
    from .laden import weergavenaam

    volgorde = [weergavenaam(v) for v in profiel.keten] if profiel else []

    def sleutel(m: Melding):
        bestand = m.plek.bestand
        return (volgorde.index(bestand) if bestand in volgorde else len(volgorde), bestand, m.plek.regel or 0)

    return sorted(meldingen, key=sleutel)


def _regio(profiel: Profiel, mappen, v: _Verzamelaar) -> None:
    """Een regio noemt haar leden; elk lid noemt de regio als basis. Meld waar dat niet klopt,
    en rijen in het gezamenlijke register die bij geen enkel lid horen."""
    from .fouten import IntegriteitsplanFout
    from .laden import lees_yaml, vind_profiel, weergavenaam

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
    from . import registers
    from .jaarcyclus import gelezen, register_pad
    from .laden import JAARMAP

    pad = register_pad(profiel.map, register)
    if not pad.is_file():
        v.fout(("jaarcyclus", "meldingenregister"), f"het register {pad} bestaat niet. Controleer het pad.")
        return
    bekend = {registers.orgsleutel(n) for n in namen}
    jaren = sorted(int(p.name) for p in (profiel.map / JAARMAP).glob("[0-9][0-9][0-9][0-9]") if p.is_dir())
    for jaar in jaren:
        try:
            telling = gelezen(registers.lees_meldingen, pad, jaar)
        except InvoerFout as fout:
            v.uitslag.fouten.extend(fout.meldingen)
            return
        vreemd = [org for org in telling.per_organisatie if registers.orgsleutel(org) not in bekend]
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


def itemlijsten(data: dict) -> Iterable[tuple[tuple, list]]:
    """Alle lijsten van items met een id, met hun pad."""

    def loop(waarde: Any, pad: tuple):
        if isinstance(waarde, dict):
            for k, v in waarde.items():
                yield from loop(v, pad + (k,))
        elif isinstance(waarde, list):
            if waarde and all(isinstance(x, dict) and "id" in x for x in waarde):
                yield pad, waarde
            for i, x in enumerate(waarde):
                yield from loop(x, pad + (i,))

    yield from loop(data, ())


def alle_groepen(data: dict) -> list[tuple[tuple, dict, list[dict]]]:
    """Alle groepen maatregelen, diepte eerst, met hun pad en hun keten van groepen
    (van de hoofdgroep tot en met de groep zelf). De enige plek die de boom doorloopt."""
    uit = []

    def loop(groepen: list, pad: tuple, keten: list[dict]):
        for i, groep in enumerate(groepen or []):
            uit.append((pad + (i,), groep, keten + [groep]))
            loop(groep.get("groepen"), pad + (i, "groepen"), keten + [groep])

    loop((data.get("maatregelen") or {}).get("groepen"), ("maatregelen", "groepen"), [])
    return uit


def alle_maatregelen(data: dict) -> list[tuple[tuple, dict, list[dict]]]:
    """Alle maatregelen met hun pad en de keten van groepen waarin ze staan."""
    return [(pad + ("maatregelen", j), maatregel, keten)
            for pad, groep, keten in alle_groepen(data)
            for j, maatregel in enumerate(groep.get("maatregelen") or [])]


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

    is_regio = bool(data.get("leden")) or meta.get("organisatie") == "regio"
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


def zoek_bestand(profiel: Profiel, naam: str):
    """Zoek een bestand (logo, huisstijl) in het profiel en daarna in zijn basis."""
    for vindplaats in profiel.keten:
        pad = vindplaats.map / naam
        if pad.is_file():
            return pad
    return None


# ---------------------------------------------------------------- jaargegevens


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
    from .jaarcyclus import samenhang_jaren
    from .schema import JAARPLAN_SCHEMA, JAARVERSLAG_SCHEMA, KERNCIJFERS_SCHEMA

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
            uitslag.fouten.append(Melding(plek_van(data, pad), tekst))
    if uitslag.fouten:
        return uitslag
    samenhang_jaren(profiel, jaren, uitslag)
    return uitslag


def melding_op(data, pad: tuple, tekst: str, ernst: str = "fout") -> Melding:
    """Een melding op de plek van ``pad`` in ``data`` (een gelezen YAML-bestand)."""
    return Melding(plek_van(data, pad), tekst, ernst)
