"""Registers lezen: het meldingenregister en het trainingenregister van HR.

HR houdt de registers bij in een spreadsheet (CSV of Excel). Deze module leest ze, controleert
ze rij voor rij en geeft alleen tellingen terug: het openbare jaarverslag toont nooit losse
rijen.

Kolommen (de kopregel is verplicht; hoofdletters en spaties rond de naam tellen niet):

- meldingenregister: ``datum`` of ``jaar``, ``soort``, ``afdoening``, ``uitkomst`` en
  eventueel ``organisatie`` (organisatieonderdeel, of gemeente in een regionaal register);
- trainingenregister: ``datum`` of ``jaar``, ``training``, ``deelnemers`` en eventueel
  ``organisatie``.

Privacy (AVG): een register met een kolom waarmee mensen te herkennen zijn (naam, BSN, e-mail,
personeelsnummer, ...) wordt geweigerd, en ook elke andere onbekende kolom: een vrije
tekstkolom kan persoonsgegevens bevatten. In meldingen staat de inhoud van een cel alleen
als de kolom een vaste lijst waarden heeft (soort, afdoening, uitkomst).

CSV zoals Nederlandse Excel die schrijft (puntkomma, decimale komma, UTF-8 met of zonder BOM,
of Windows-1252); Excel (.xlsx) via openpyxl, dat pas wordt geladen als het nodig is.
"""
from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .fouten import InvoerFout, Melding, Plek

__all__ = [
    "Meldingentelling",
    "Trainingentelling",
    "Registerplek",
    "lees_meldingen",
    "lees_trainingen",
    "MAX_MELDINGEN",
]

MAX_MELDINGEN = 50
"""Zoveel fouten tonen we hoogstens; daarna volgt één regel 'en nog N fouten'."""

EXTENSIES = (".csv", ".xlsx")
INDELINGEN = ("soort", "afdoening", "uitkomst")
MELDINGEN_KOLOMMEN = ("datum", "jaar", "soort", "afdoening", "uitkomst", "organisatie")
TRAININGEN_KOLOMMEN = ("datum", "jaar", "training", "deelnemers", "organisatie")
KOLOMUITLEG = {
    "meldingen": "datum (of jaar), soort, afdoening, uitkomst en eventueel organisatie",
    "trainingen": "datum (of jaar), training, deelnemers en eventueel organisatie",
}
ONBEKENDE_ORGANISATIE = "(niet ingevuld)"

# Een jaartal buiten dit bereik is vrijwel zeker een tikfout (0226, 2206).
EERSTE_JAAR, LAATSTE_JAAR = 1990, 2100
# Excel-datumnummers van 1-1-1990 tot en met 31-12-2100.
_EXCEL_NUL = dt.date(1899, 12, 30)
_EXCEL_MIN = (dt.date(EERSTE_JAAR, 1, 1) - _EXCEL_NUL).days
_EXCEL_MAX = (dt.date(LAATSTE_JAAR, 12, 31) - _EXCEL_NUL).days


# ---------------------------------------------------------------- uitkomsten


@dataclass
class Meldingentelling:
    """De aantallen meldingen van één jaar. Elke indeling heeft alle ids van de typologie,
    ook met 0, in de volgorde van de typologie."""

    jaar: int
    per_soort: dict[str, int]
    per_afdoening: dict[str, int]
    per_uitkomst: dict[str, int]
    per_organisatie: dict[str, int] = field(default_factory=dict)  # leeg zonder kolom organisatie
    totaal: int = 0
    per_organisatie_soort: dict[str, dict[str, int]] = field(default_factory=dict)
    per_organisatie_afdoening: dict[str, dict[str, int]] = field(default_factory=dict)
    per_organisatie_uitkomst: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class Trainingentelling:
    """De trainingen van één jaar: sessies (rijen) en deelnemers, ook per training en per
    organisatie (elk ``{"sessies": n, "deelnemers": n}``)."""

    jaar: int
    sessies: int = 0
    deelnemers: int = 0
    per_training: dict[str, dict[str, int]] = field(default_factory=dict)
    per_organisatie: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Registerplek(Plek):
    """Een plek in een register, zoals een spreadsheetgebruiker haar ziet:
    ``meldingen.xlsx rij 14, kolom 'soort'``. ``regel`` is het rijnummer, ``pad`` de kolomnaam
    zoals in de kopregel, ``kolom`` het kolomnummer (vanaf 1)."""

    def __str__(self) -> str:
        delen = [self.bestand] if self.bestand else []
        if self.regel is not None:
            delen.append(f"rij {self.regel}")
        tekst = " ".join(delen)
        if self.pad:
            tekst = f"{tekst}, kolom '{self.pad}'" if self.regel is not None else f"{tekst} kolom '{self.pad}'"
        return tekst.strip()


# ---------------------------------------------------------------- openbare functies


def lees_meldingen(
    pad: Path,
    jaar: int,
    typologie: dict[str, list[dict]] | None = None,
    weergavenaam: str | None = None,
    organisatie: str | None = None,
) -> Meldingentelling:
    """Tel de meldingen van ``jaar`` in het register ``pad`` (.csv of .xlsx).

    ``typologie`` geeft de lijsten soort, afdoening en uitkomst (elk ``[{id, naam}, ...]``);
    zonder typologie (of zonder een van die lijsten) geldt de standaard uit typologie.yaml.
    Een waarde mag het id of de naam zijn, ongeacht hoofdletters en accenten.
    Met ``organisatie`` tellen alleen de rijen van die organisatie (een lid van een regio).
    Geeft ``InvoerFout`` met alle fouten tegelijk als het register niet klopt.
    """
    pad = Path(pad)
    naam = weergavenaam or pad.name
    lijsten = _indelingen(typologie)
    tabel = _lees_tabel(pad, naam, "meldingen")
    kol = _controleer_kop(tabel, naam, "meldingen", MELDINGEN_KOLOMMEN, organisatie)

    fouten: list[Melding] = []
    rijen: list[tuple[str | None, dict[str, str]]] = []
    for rijnr, cellen in tabel.rijen:
        org = _rij_van(tabel, kol, rijnr, cellen, jaar, organisatie, "melding", fouten)
        if org is False:
            continue
        gekozen: dict[str, str] = {}
        for dim in INDELINGEN:
            waarde = _tekst(_cel(cellen, kol[dim]))
            ident = _kies(waarde, lijsten[dim])
            if ident is None:
                fouten.append(Melding(_plek(naam, rijnr, tabel, kol[dim]), _onbekend(dim, waarde, lijsten[dim])))
            else:
                gekozen[dim] = ident
        if len(gekozen) == len(INDELINGEN):
            rijen.append((org, gekozen))
    _stop_bij_fouten(naam, fouten)

    leeg = {dim: {c["id"]: 0 for c in lijsten[dim]} for dim in INDELINGEN}
    telling = {dim: dict(leeg[dim]) for dim in INDELINGEN}
    per_org: dict[str, dict[str, dict[str, int]]] = {}
    namen = _Namen()
    for org, gekozen in rijen:
        if org is not None:
            sleutel = namen.sleutel(org)
            per_org.setdefault(sleutel, {dim: dict(leeg[dim]) for dim in INDELINGEN})
        for dim in INDELINGEN:
            telling[dim][gekozen[dim]] += 1
            if org is not None:
                per_org[sleutel][dim][gekozen[dim]] += 1
    volgorde = namen.gesorteerd(per_org)
    return Meldingentelling(
        jaar=jaar,
        per_soort=telling["soort"],
        per_afdoening=telling["afdoening"],
        per_uitkomst=telling["uitkomst"],
        per_organisatie={namen.naam(s): sum(per_org[s]["soort"].values()) for s in volgorde},
        totaal=len(rijen),
        per_organisatie_soort={namen.naam(s): per_org[s]["soort"] for s in volgorde},
        per_organisatie_afdoening={namen.naam(s): per_org[s]["afdoening"] for s in volgorde},
        per_organisatie_uitkomst={namen.naam(s): per_org[s]["uitkomst"] for s in volgorde},
    )


def lees_trainingen(
    pad: Path,
    jaar: int,
    weergavenaam: str | None = None,
    organisatie: str | None = None,
) -> Trainingentelling:
    """Tel de trainingen van ``jaar`` in het register ``pad`` (.csv of .xlsx): elke rij is
    een sessie. Met ``organisatie`` tellen alleen de rijen van die organisatie.
    Geeft ``InvoerFout`` met alle fouten tegelijk als het register niet klopt."""
    pad = Path(pad)
    naam = weergavenaam or pad.name
    tabel = _lees_tabel(pad, naam, "trainingen")
    kol = _controleer_kop(tabel, naam, "trainingen", TRAININGEN_KOLOMMEN, organisatie)

    fouten: list[Melding] = []
    rijen: list[tuple[str | None, str, int]] = []
    for rijnr, cellen in tabel.rijen:
        org = _rij_van(tabel, kol, rijnr, cellen, jaar, organisatie, "training", fouten)
        if org is False:
            continue
        training = _tekst(_cel(cellen, kol["training"]))
        if not training:
            fouten.append(Melding(_plek(naam, rijnr, tabel, kol["training"]),
                                  "de naam van de training is leeg; vul de naam in."))
        aantal, uitleg = _aantal(_cel(cellen, kol["deelnemers"]))
        if uitleg:
            fouten.append(Melding(_plek(naam, rijnr, tabel, kol["deelnemers"]), uitleg))
        if training and aantal is not None:
            rijen.append((org, training, aantal))
    _stop_bij_fouten(naam, fouten)

    telling = Trainingentelling(jaar=jaar)
    per_training: dict[str, dict[str, int]] = {}
    per_org: dict[str, dict[str, int]] = {}
    trainingnamen, orgnamen = _Namen(_sleutel), _Namen()
    for org, training, aantal in rijen:
        telling.sessies += 1
        telling.deelnemers += aantal
        doelen = [per_training.setdefault(trainingnamen.sleutel(training), {"sessies": 0, "deelnemers": 0})]
        if org is not None:
            doelen.append(per_org.setdefault(orgnamen.sleutel(org), {"sessies": 0, "deelnemers": 0}))
        for doel in doelen:
            doel["sessies"] += 1
            doel["deelnemers"] += aantal
    telling.per_training = {trainingnamen.naam(s): per_training[s] for s in trainingnamen.gesorteerd(per_training)}
    telling.per_organisatie = {orgnamen.naam(s): per_org[s] for s in orgnamen.gesorteerd(per_org)}
    return telling


# ---------------------------------------------------------------- de tabel lezen


@dataclass
class _Tabel:
    """Een gelezen register: de kopregel en de niet-lege rijen, met hun rijnummer."""

    naam: str  # het bestand zoals het in meldingen heet
    kop_rij: int
    kop: list[Any]
    rijen: list[tuple[int, list[Any]]]


def _lees_tabel(pad: Path, naam: str, soort: str) -> _Tabel:
    extensie = pad.suffix.lower()
    if extensie not in EXTENSIES:
        wat = f"bestandstype {pad.suffix}" if pad.suffix else "bestand zonder extensie"
        raise InvoerFout(
            [Melding(Registerplek(naam), f"dit {wat} kan niet worden gelezen. Sla het register op als "
                     ".xlsx (Excel-werkmap) of als .csv (CSV, gescheiden door puntkomma's).")],
            kop="Het register is niet te lezen:",
        )
    if extensie == ".xlsx":
        rijen = _rijen_xlsx(pad, naam, soort)
    else:
        rijen = _rijen_csv(pad, naam)
    rijen = [(nr, cellen) for nr, cellen in rijen if not _leeg(cellen)]
    if not rijen:
        raise InvoerFout(
            [Melding(Registerplek(naam), "het bestand is leeg. De eerste rij hoort de kolomnamen te "
                     f"bevatten: {KOLOMUITLEG[soort]}.")],
            kop="Het register is niet te lezen:",
        )
    (kop_rij, kop), rest = rijen[0], rijen[1:]
    return _Tabel(naam=naam, kop_rij=kop_rij, kop=list(kop), rijen=rest)


def _open_fout(naam: str, fout: OSError) -> InvoerFout:
    if isinstance(fout, FileNotFoundError):
        uitleg = "het bestand bestaat niet. Controleer het pad."
    elif isinstance(fout, IsADirectoryError):
        uitleg = "dit is een map, geen bestand."
    elif isinstance(fout, PermissionError):
        uitleg = "geen toestemming om het bestand te lezen. Is het nog geopend in Excel? Sluit het en probeer opnieuw."
    else:
        uitleg = f"kan het bestand niet openen ({fout.strerror or fout})."
    return InvoerFout([Melding(Registerplek(naam), uitleg)], kop="Het register is niet te lezen:")


def _rijen_csv(pad: Path, naam: str) -> list[tuple[int, list[Any]]]:
    try:
        ruw = pad.read_bytes()
    except OSError as fout:
        raise _open_fout(naam, fout) from None
    if ruw.startswith(b"PK\x03\x04") or ruw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvoerFout(
            [Melding(Registerplek(naam), "dit is geen CSV-bestand maar een Excel-bestand. Geef het de "
                     "extensie .xlsx, of sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'.")],
            kop="Het register is niet te lezen:",
        )
    tekst = _decodeer(ruw)
    regels = tekst.splitlines()
    eerste = next((r for r in regels if r.strip()), "")
    sep = re.fullmatch(r"\s*sep=(.)\s*", eerste, flags=re.IGNORECASE)
    if sep:  # Excel-hint 'sep=;' op de eerste regel; Excel toont die regel niet, dus telt hij niet mee
        teken = sep.group(1)
        tekst = tekst.split(eerste, 1)[1].lstrip("\r\n")
    else:
        teken = _scheidingsteken(eerste)
    try:
        lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=teken)
        return list(enumerate(lezer, start=1))
    except csv.Error:
        raise InvoerFout(
            [Melding(Registerplek(naam), "dit bestand is geen leesbare CSV. Open het in Excel en sla "
                     "het opnieuw op als 'CSV (gescheiden door lijstscheidingsteken)' of als .xlsx.")],
            kop="Het register is niet te lezen:",
        ) from None


def _decodeer(ruw: bytes) -> str:
    if ruw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel 'Unicode-tekst'
        try:
            return ruw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return ruw.decode("cp1252")
    except UnicodeDecodeError:
        return ruw.decode("latin-1")


def _scheidingsteken(kopregel: str) -> str:
    """Puntkomma (Nederlandse Excel), anders komma of tab: wat in de kopregel het vaakst
    voorkomt buiten aanhalingstekens."""
    kaal = re.sub(r'"[^"]*"', "", kopregel)
    tellingen = {t: kaal.count(t) for t in (";", ",", "\t")}
    beste = max(tellingen, key=lambda t: tellingen[t])
    return beste if tellingen[beste] > tellingen[";"] else ";"


def _rijen_xlsx(pad: Path, naam: str, soort: str) -> list[tuple[int, list[Any]]]:
    try:
        with pad.open("rb"):
            pass
    except OSError as fout:
        raise _open_fout(naam, fout) from None
    try:
        import openpyxl  # traag om te laden (~0,4 s); alleen nodig voor Excel-bestanden
    except ImportError:  # pragma: no cover - openpyxl is een afhankelijkheid
        raise InvoerFout(
            [Melding(Registerplek(naam), "Excel-bestanden lezen vereist het pakket openpyxl. Installeer "
                     "het, of sla het register op als .csv.")],
            kop="Het register is niet te lezen:",
        ) from None
    werkmap = None
    try:
        werkmap = openpyxl.load_workbook(pad, read_only=True, data_only=True)
        bladen = werkmap.worksheets
        if not bladen:
            return []
        blad = next((b for b in bladen if b.title.strip().lower() == soort), bladen[0])
        blad.reset_dimensions()  # sommige programma's schrijven een verkeerde afmeting
        return [(nr, list(rij)) for nr, rij in enumerate(blad.iter_rows(values_only=True), start=1)]
    except Exception:  # noqa: BLE001 - elk probleem met het bestand wordt een nette melding
        raise InvoerFout(
            [Melding(Registerplek(naam), "kan dit bestand niet openen als Excel-werkmap (.xlsx). Is het "
                     "beschadigd of beveiligd met een wachtwoord? Sla het in Excel opnieuw op als .xlsx "
                     "of als .csv.")],
            kop="Het register is niet te lezen:",
        ) from None
    finally:
        if werkmap is not None:
            werkmap.close()


# ---------------------------------------------------------------- de kopregel


# Delen van een kolomnaam (genormaliseerd: alleen a-z en cijfers) die op persoonsgegevens wijzen.
_IDENTIFICEREND = (
    "voornaam", "achternaam", "familienaam", "meisjesnaam", "roepnaam", "tussenvoegsel", "voorletter",
    "initialen", "geboorte", "bsn", "burgerservice", "sofinummer", "email", "mailadres", "telefoon",
    "telnr", "mobiel", "personeelsn", "personeelsid", "medewerker", "werknemer", "ambtenaar", "adres",
    "postcode", "woonplaats", "straat", "huisnummer", "iban", "rekeningnummer", "melder", "beschuldigde",
    "betrokkene", "verdachte", "klager", "behandelaar", "leidinggevende", "contactpersoon", "persoon",
    "collega", "paspoort", "rijbewijs", "nationaliteit", "geslacht", "leeftijd", "kenteken",
    "firstname", "lastname", "surname", "phone", "address", "birth", "employee",
)
_IDENTIFICEREND_PRECIES = {"naam", "namen", "name", "mail", "tel", "gsm", "ssn"}
# Woorden naast 'naam' die op iets anders dan een persoon wijzen ('naam training').
_GEEN_PERSOON = {
    "training", "cursus", "opleiding", "sessie", "module", "workshop", "bijeenkomst", "organisatie",
    "gemeente", "afdeling", "team", "onderdeel", "eenheid", "dienst", "sector", "locatie", "soort",
    "categorie", "programma",
}
_LIDWOORDEN = {"van", "de", "het", "der", "den"}


def _identificerend(kopnaam: str) -> bool:
    """Wijst deze kolomnaam op gegevens waarmee mensen te herkennen zijn?"""
    woorden = re.findall(r"[a-z0-9]+", _zonder_accenten(kopnaam).lower())
    sleutel = "".join(woorden)
    if sleutel in _IDENTIFICEREND_PRECIES or any(deel in sleutel for deel in _IDENTIFICEREND):
        return True
    if "naam" not in sleutel:
        return False
    # 'naam', 'volledige naam' wel; 'naam training', 'cursusnaam', 'trainingsnaam' niet.
    rest = [w.replace("naam", "", 1) for w in woorden if w not in _LIDWOORDEN]
    return not any(w in _GEEN_PERSOON or w.removesuffix("s") in _GEEN_PERSOON for w in rest if w)


def _kopnaam(waarde: Any) -> str:
    tekst = _tekst(waarde)
    return re.sub(r"\s+", " ", tekst)


def _voorstel(kopnaam: str, toegestaan: Iterable[str]) -> str | None:
    sleutel = kopnaam.lower()
    toegestaan = list(toegestaan)
    gelijk = difflib.get_close_matches(sleutel, toegestaan, n=1, cutoff=0.6)
    if gelijk:
        return gelijk[0]
    woorden = re.findall(r"\w+", sleutel)
    for naam in toegestaan:  # 'aantal deelnemers' -> deelnemers, 'soort melding' -> soort
        if naam in woorden or any(w.startswith(naam) for w in woorden):
            return naam
    return None


def _controleer_kop(
    tabel: _Tabel, naam: str, soort: str, toegestaan: tuple[str, ...], organisatie: str | None
) -> dict[str, int | None]:
    """Koppel de kolommen aan hun plaats. Weigert persoonsgegevens, onbekende, dubbele en
    ontbrekende kolommen, allemaal tegelijk."""
    kol: dict[str, int | None] = {k: None for k in toegestaan}
    privacy: list[Melding] = []
    overig: list[Melding] = []
    uitleg = KOLOMUITLEG[soort]
    r = tabel.kop_rij
    for index, waarde in enumerate(tabel.kop):
        tekst = _kopnaam(waarde)
        sleutel = tekst.lower()
        plek = Registerplek(naam, r, tekst, index + 1)
        if not tekst:
            continue
        if sleutel in kol:
            if kol[sleutel] is not None:
                overig.append(Melding(plek, "deze kolom staat meer dan één keer in de kopregel; houd er één over."))
            else:
                kol[sleutel] = index
        elif _identificerend(tekst):
            privacy.append(Melding(plek, "deze kolom bevat gegevens waarmee mensen te herkennen zijn. "
                                         "Verwijder de kolom uit dit bestand en bewaar geen persoonsgegevens "
                                         "in het register voor het jaarverslag."))
        else:
            voorstel = _voorstel(tekst, toegestaan)
            if voorstel:
                tekst_fout = (f"deze kolom is onbekend; bedoelde u '{voorstel}'? Pas dan de kolomnaam aan. "
                              f"Anders: verwijder de kolom, want dit register hoort alleen de kolommen {uitleg} "
                              "te hebben.")
            else:
                tekst_fout = (f"deze kolom is onbekend. Verwijder de kolom: dit register hoort alleen de "
                              f"kolommen {uitleg} te hebben, en een extra kolom (zoals een omschrijving) kan "
                              "persoonsgegevens bevatten.")
            overig.append(Melding(plek, tekst_fout))

    # Gegevens in een kolom zonder naam: die kunnen van alles bevatten.
    breedte = max([len(tabel.kop)] + [len(c) for _, c in tabel.rijen])
    for index in range(breedte):
        if index < len(tabel.kop) and _kopnaam(tabel.kop[index]):
            continue
        eerste = next((nr for nr, cellen in tabel.rijen if _tekst(_cel(cellen, index))), None)
        if eerste is not None:
            overig.append(Melding(
                Registerplek(naam, r),
                f"kolom {_kolomaanduiding(index)} heeft geen naam in de kopregel maar bevat wel gegevens "
                f"(voor het eerst in rij {eerste}). Verwijder die gegevens: dit register hoort alleen de "
                f"kolommen {uitleg} te hebben.",
            ))

    verplicht = [k for k in toegestaan if k not in ("datum", "jaar", "organisatie")]
    if kol["datum"] is None and kol["jaar"] is None:
        overig.append(Melding(Registerplek(naam, r), "de kolom 'datum' ontbreekt (of 'jaar', als u alleen het "
                                                     "jaar bijhoudt)."))
    for k in verplicht:
        if kol[k] is None:
            overig.append(Melding(Registerplek(naam, r), f"de kolom '{k}' ontbreekt."))
    if organisatie is not None and kol["organisatie"] is None and not privacy:
        overig.append(Melding(Registerplek(naam, r), f"de kolom 'organisatie' ontbreekt; die is nodig om de "
                                                     f"rijen van {organisatie} te kiezen."))

    if privacy or overig:
        slot = Melding(Plek(), f"Dit register heeft alleen deze kolommen nodig: {uitleg}.")
        if privacy:
            kop = (f"Het register {naam} wordt niet gelezen: het bevat kolommen met persoonsgegevens (AVG). "
                   "Het jaarverslag toont alleen aantallen.")
        else:
            kop = _kop(naam, len(overig))
        raise InvoerFout(privacy + overig + [slot], kop=kop)
    return kol


def _kolomaanduiding(index: int) -> str:
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# ---------------------------------------------------------------- rijen


def _rij_van(
    tabel: _Tabel, kol: dict[str, int | None], rijnr: int, cellen: list[Any], jaar: int,
    organisatie: str | None, wat: str, fouten: list[Melding],
) -> str | None | bool:
    """Hoort deze rij bij het gevraagde jaar (en de gevraagde organisatie)? Geeft ``False``
    als de rij niet meetelt (of fout is; de fout staat dan in ``fouten``), anders de
    organisatie van de rij (``None`` zonder kolom organisatie)."""
    naam_bestand = tabel.naam
    org_waarde = _tekst(_cel(cellen, kol["organisatie"])) if kol["organisatie"] is not None else None
    andere_org = (
        organisatie is not None and bool(org_waarde) and _orgsleutel(org_waarde) != _orgsleutel(organisatie)
    )
    rij_jaar, jaarfouten = _jaar_van(tabel, kol, rijnr, cellen, jaar, wat)
    if jaarfouten:
        if not andere_org:  # een rij van een ander lid van de regio is niet onze zaak
            fouten.extend(jaarfouten)
        return False
    if rij_jaar != jaar or andere_org:
        return False
    if kol["organisatie"] is None:
        return None
    if not org_waarde:
        if organisatie is not None:
            fouten.append(Melding(_plek(naam_bestand, rijnr, tabel, kol["organisatie"]),
                                  "de organisatie is leeg; vul bij elke rij van dit regionale register de "
                                  "organisatie in."))
            return False
        return ONBEKENDE_ORGANISATIE
    return re.sub(r"\s+", " ", org_waarde)


def _jaar_van(
    tabel: _Tabel, kol: dict[str, int | None], rijnr: int, cellen: list[Any], jaar: int, wat: str
) -> tuple[int | None, list[Melding]]:
    naam = tabel.naam
    uit_datum = uit_jaar = None
    fouten: list[Melding] = []
    if kol["datum"] is not None:
        waarde = _cel(cellen, kol["datum"])
        if not _tekst(waarde):
            if kol["jaar"] is None or not _tekst(_cel(cellen, kol["jaar"])):
                extra = " (of het jaar in kolom 'jaar')" if kol["jaar"] is not None else ""
                fouten.append(Melding(_plek(naam, rijnr, tabel, kol["datum"]),
                                      f"de datum is leeg; vul de datum van de {wat} in{extra}."))
        else:
            datum = _datum(waarde)
            if datum is None:
                fouten.append(Melding(_plek(naam, rijnr, tabel, kol["datum"]),
                                      f"dit is geen geldige datum; schrijf de datum als 14-03-{jaar} "
                                      f"of {jaar}-03-14."))
            elif not EERSTE_JAAR <= datum.year <= LAATSTE_JAAR:
                fouten.append(Melding(_plek(naam, rijnr, tabel, kol["datum"]),
                                      "het jaartal in deze datum klopt niet (vóór "
                                      f"{EERSTE_JAAR} of na {LAATSTE_JAAR}); controleer de datum."))
            else:
                uit_datum = datum.year
    if kol["jaar"] is not None:
        waarde = _cel(cellen, kol["jaar"])
        if _tekst(waarde):
            gelezen = _jaartal(waarde)
            if gelezen is None:
                fouten.append(Melding(_plek(naam, rijnr, tabel, kol["jaar"]),
                                      f"dit is geen geldig jaartal; schrijf het jaar als {jaar}."))
            else:
                uit_jaar = gelezen
        elif kol["datum"] is None:
            fouten.append(Melding(_plek(naam, rijnr, tabel, kol["jaar"]),
                                  f"het jaar is leeg; vul het jaar van de {wat} in."))
    if fouten:
        return None, fouten
    if uit_datum is not None and uit_jaar is not None and uit_datum != uit_jaar:
        return None, [Melding(_plek(naam, rijnr, tabel, kol["jaar"]),
                              "het jaar past niet bij de datum in kolom 'datum'; vul één van beide in, "
                              "of maak ze gelijk.")]
    return (uit_datum if uit_datum is not None else uit_jaar), []


def _plek(naam: str, rijnr: int, tabel: _Tabel, index: int | None) -> Registerplek:
    kopnaam = _kopnaam(tabel.kop[index]) if index is not None and index < len(tabel.kop) else ""
    return Registerplek(naam, rijnr, kopnaam, None if index is None else index + 1)


# ---------------------------------------------------------------- waarden


def _cel(cellen: list[Any], index: int | None) -> Any:
    if index is None or index >= len(cellen):
        return None
    return cellen[index]


def _tekst(waarde: Any) -> str:
    """De tekst van een cel, zonder spaties eromheen ('' voor een lege cel)."""
    if waarde is None:
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    if isinstance(waarde, dt.datetime) and waarde.time() == dt.time():
        waarde = waarde.date()
    return str(waarde).replace("\u00a0", " ").strip()


def _leeg(cellen: list[Any]) -> bool:
    return not any(_tekst(c) for c in cellen)


def _zonder_accenten(tekst: str) -> str:
    return "".join(t for t in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(t))


def _sleutel(tekst: str) -> str:
    """Vergelijkingssleutel: zonder hoofdletters, accenten en dubbele spaties."""
    return re.sub(r"\s+", " ", _zonder_accenten(tekst).casefold()).strip()


def orgsleutel(tekst: str) -> str:
    """Hoe een organisatienaam vergeleken wordt (zonder hoofdletters, accenten en 'Gemeente ')."""
    return _orgsleutel(tekst)


def _orgsleutel(tekst: str) -> str:
    """Als ``_sleutel``; 'Gemeente Tholen' en 'Tholen' zijn dezelfde organisatie."""
    return re.sub(r"^gemeente\s+", "", _sleutel(tekst))


_DATUM_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DATUM_NL = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?")


def _datum(waarde: Any) -> dt.date | None:
    """Een datum uit een Excel-datum, een Excel-datumnummer of tekst (JJJJ-MM-DD of DD-MM-JJJJ)."""
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    if isinstance(waarde, bool) or isinstance(waarde, dt.time):
        return None
    if isinstance(waarde, (int, float)):
        return _excel_datum(waarde)
    tekst = _tekst(waarde)
    if re.fullmatch(r"\d{5}", tekst):
        return _excel_datum(int(tekst))
    for patroon, volgorde in ((_DATUM_ISO, (0, 1, 2)), (_DATUM_NL, (2, 1, 0))):
        m = patroon.fullmatch(tekst)
        if m:
            delen = [int(d) for d in m.groups()]
            try:
                return dt.date(delen[volgorde[0]], delen[volgorde[1]], delen[volgorde[2]])
            except ValueError:
                return None
    return None


def _excel_datum(getal: float) -> dt.date | None:
    if not _EXCEL_MIN <= getal <= _EXCEL_MAX:
        return None
    return _EXCEL_NUL + dt.timedelta(days=int(getal))


def _getal(waarde: Any) -> float | None:
    """Een getal uit een cel: 3, 3.0, '3', '3,0', '1.234' (duizendtal) of '1 234'."""
    if isinstance(waarde, bool):
        return None
    if isinstance(waarde, (int, float)):
        return float(waarde)
    if not isinstance(waarde, str):
        return None
    tekst = re.sub(r"[\s\u00a0]", "", waarde)
    if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?", tekst):
        tekst = tekst.replace(".", "")
    tekst = tekst.replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", tekst):
        return None
    return float(tekst)


def _jaartal(waarde: Any) -> int | None:
    if isinstance(waarde, (dt.date, dt.datetime)):
        getal: float | None = float(waarde.year)
    else:
        getal = _getal(waarde)
    if getal is None or not getal.is_integer() or not EERSTE_JAAR <= getal <= LAATSTE_JAAR:
        return None
    return int(getal)


def _aantal(waarde: Any) -> tuple[int | None, str | None]:
    """Het aantal deelnemers, of een uitleg waarom de cel niet klopt (zonder de inhoud)."""
    if not _tekst(waarde):
        return None, "het aantal deelnemers is leeg; vul een heel getal van 0 of meer in."
    getal = _getal(waarde)
    if getal is None or not getal.is_integer():
        return None, "dit is geen heel getal; vul het aantal deelnemers in als heel getal van 0 of meer."
    if getal < 0:
        return None, "het aantal deelnemers is negatief; vul een heel getal van 0 of meer in."
    return int(getal), None


# ---------------------------------------------------------------- indelingen


@functools.lru_cache(maxsize=1)
def _standaardtypologie() -> dict[str, list[dict]]:
    from importlib import resources

    import yaml

    tekst = resources.files("integriteitsplan.referentie").joinpath("typologie.yaml").read_text("utf-8")
    return yaml.safe_load(tekst)


def _indelingen(typologie: dict[str, list[dict]] | None) -> dict[str, list[dict]]:
    eigen = typologie or {}
    uit = {}
    for dim in INDELINGEN:
        lijst = eigen.get(dim) or _standaardtypologie()[dim]
        uit[dim] = [{"id": str(c["id"]), "naam": c.get("naam")} for c in lijst]
    return uit


def _kies(waarde: str, lijst: list[dict]) -> str | None:
    """Het id bij een waarde: het id of de naam, ongeacht hoofdletters en accenten."""
    if not waarde:
        return None
    sleutel = _sleutel(waarde)
    for c in lijst:
        if _sleutel(c["id"]) == sleutel:
            return c["id"]
    for c in lijst:
        if c.get("naam") and _sleutel(str(c["naam"])) == sleutel:
            return c["id"]
    return None


def _onbekend(dim: str, waarde: str, lijst: list[dict]) -> str:
    keuze = ", ".join(c["id"] for c in lijst)
    if not waarde:
        return f"de {dim} is leeg; kies uit {keuze}."
    if len(waarde) > 40 or "\n" in waarde:
        # Een lange tekst is eerder een omschrijving (mogelijk met persoonsgegevens): niet herhalen.
        return f"de tekst in deze cel is geen bekende {dim}; kies uit {keuze}."
    kandidaten = {_sleutel(c["id"]): c["id"] for c in lijst}
    kandidaten.update({_sleutel(str(c["naam"])): c["id"] for c in lijst if c.get("naam")})
    gelijk = difflib.get_close_matches(_sleutel(waarde), list(kandidaten), n=1, cutoff=0.75)
    bedoeld = f" (bedoelde u '{kandidaten[gelijk[0]]}'?)" if gelijk else ""
    return f"'{waarde}' is geen bekende {dim}{bedoeld}; kies uit {keuze}."


# ---------------------------------------------------------------- hulp


class _Namen:
    """Groepeert namen ongeacht hoofdletters, accenten en spaties; toont de eerst geziene
    schrijfwijze en sorteert op alfabet."""

    def __init__(self, sleutel=None) -> None:
        self._namen: dict[str, str] = {}
        self._sleutel = sleutel or _orgsleutel

    def sleutel(self, naam: str) -> str:
        sleutel = self._sleutel(naam)
        self._namen.setdefault(sleutel, naam)
        return sleutel

    def naam(self, sleutel: str) -> str:
        return self._namen[sleutel]

    def gesorteerd(self, sleutels: Iterable[str]) -> list[str]:
        return sorted(sleutels)


def _kop(naam: str, aantal: int) -> str:
    return f"Het register {naam} bevat 1 fout:" if aantal == 1 else f"Het register {naam} bevat {aantal} fouten:"


def _stop_bij_fouten(naam: str, fouten: list[Melding]) -> None:
    if not fouten:
        return
    getoond = fouten[:MAX_MELDINGEN]
    if len(fouten) > MAX_MELDINGEN:
        rest = len(fouten) - MAX_MELDINGEN
        getoond.append(Melding(Plek(), f"... en nog {rest} {'fout' if rest == 1 else 'fouten'}."))
    raise InvoerFout(getoond, kop=_kop(naam, len(fouten)))
