"""De ruwe tabel van een register: .csv (ook Nederlandse Excel met ';') of .xlsx lezen, de
kopregel controleren en personen aanwijzende kolommen weigeren.
"""
from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from integriteitsplan.fouten import Foutmelding, InvoerFout, Plek
from integriteitsplan.laden.registerwaarden import _leeg, _tekst, _zonder_accenten

EXTENSIES = (".csv", ".xlsx")

# Grenzen voor een register. Een echt register heeft duizenden rijen en een handvol kolommen;
# een bestand daarboven wordt niet gelezen (en kost dus geen minuten of gigabytes).
MAX_RIJEN = 100_000
MAX_KOLOMMEN = 50
MAX_CSV_BYTES = 50 * 1024 * 1024           # een CSV van 100.000 rijen is een paar MB
MAX_XLSX_UITGEPAKT = 100 * 1024 * 1024     # de inhoud van een .xlsx, uitgepakt
MAX_XLSX_VERHOUDING = 200                  # uitgepakt / ingepakt per onderdeel


def _te_groot(naam: str, uitleg: str) -> InvoerFout:
    return InvoerFout([Foutmelding(Registerplek(naam), uitleg + " Splits het register (bijvoorbeeld per "
                                   "jaar) of verwijder wat niet in het register hoort.")],
                      kop="Het register is niet te lezen:")


def _te_veel_rijen(naam: str) -> InvoerFout:
    return _te_groot(naam, f"het bestand heeft meer dan {MAX_RIJEN:,} rijen; dat is het maximum.".replace(",", "."))


def _te_veel_kolommen(naam: str, rij: int) -> InvoerFout:
    return InvoerFout([Foutmelding(Registerplek(naam, rij), f"deze rij heeft meer dan {MAX_KOLOMMEN} kolommen; "
                                   "een register heeft er maar een paar. Verwijder de overige kolommen.")],
                      kop="Het register is niet te lezen:")

KOLOMUITLEG = {
    "meldingen": "datum (of jaar), soort, afdoening, uitkomst en eventueel organisatie",
    "trainingen": "datum (of jaar), training, deelnemers en eventueel organisatie",
}

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

def _cel(cellen: list[Any], index: int | None) -> Any:
    if index is None or index >= len(cellen):
        return None
    return cellen[index]

def _kop(naam: str, aantal: int) -> str:
    return f"Het register {naam} bevat 1 fout:" if aantal == 1 else f"Het register {naam} bevat {aantal} fouten:"


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
            [Foutmelding(Registerplek(naam), f"dit {wat} kan niet worden gelezen. Sla het register op als "
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
            [Foutmelding(Registerplek(naam), "het bestand is leeg. De eerste rij hoort de kolomnamen te "
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
    return InvoerFout([Foutmelding(Registerplek(naam), uitleg)], kop="Het register is niet te lezen:")


def _rijen_csv(pad: Path, naam: str) -> list[tuple[int, list[Any]]]:
    try:
        with pad.open("rb") as f:
            ruw = f.read(MAX_CSV_BYTES + 1)
    except OSError as fout:
        raise _open_fout(naam, fout) from None
    if len(ruw) > MAX_CSV_BYTES:
        raise _te_groot(naam, f"het bestand is groter dan {MAX_CSV_BYTES // (1024 * 1024)} MB; dat is het "
                        "maximum voor een register.")
    if ruw.startswith(b"PK\x03\x04") or ruw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvoerFout(
            [Foutmelding(Registerplek(naam), "dit is geen CSV-bestand maar een Excel-bestand. Geef het de "
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
        rijen = []
        for nr, cellen in enumerate(lezer, start=1):
            if nr > MAX_RIJEN + 1:  # de kopregel telt niet mee
                raise _te_veel_rijen(naam)
            if len(cellen) > MAX_KOLOMMEN and any(c.strip() for c in cellen[MAX_KOLOMMEN:]):
                raise _te_veel_kolommen(naam, nr)
            rijen.append((nr, cellen[:MAX_KOLOMMEN]))
        return rijen
    except csv.Error:
        raise InvoerFout(
            [Foutmelding(Registerplek(naam), "dit bestand is geen leesbare CSV. Open het in Excel en sla "
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
            [Foutmelding(Registerplek(naam), "Excel-bestanden lezen vereist het pakket openpyxl. Installeer "
                     "het, of sla het register op als .csv.")],
            kop="Het register is niet te lezen:",
        ) from None
    _controleer_zip(pad, naam)
    werkmap = None
    try:
        werkmap = openpyxl.load_workbook(pad, read_only=True, data_only=True)
        bladen = werkmap.worksheets
        if not bladen:
            return []
        blad = next((b for b in bladen if b.title.strip().lower() == soort), bladen[0])
        blad.reset_dimensions()  # sommige programma's schrijven een verkeerde afmeting
        rijen = []
        for nr, rij in enumerate(blad.iter_rows(values_only=True, max_col=MAX_KOLOMMEN + 1), start=1):
            if nr > MAX_RIJEN + 1:
                raise _te_veel_rijen(naam)
            rij = list(rij)
            if len(rij) > MAX_KOLOMMEN and any(c not in (None, "") for c in rij[MAX_KOLOMMEN:]):
                raise _te_veel_kolommen(naam, nr)
            rijen.append((nr, rij[:MAX_KOLOMMEN]))
        return rijen
    except InvoerFout:
        raise
    except Exception:  # noqa: BLE001 - elk probleem met het bestand wordt een nette melding
        raise InvoerFout(
            [Foutmelding(Registerplek(naam), "kan dit bestand niet openen als Excel-werkmap (.xlsx). Is het "
                     "beschadigd of beveiligd met een wachtwoord? Sla het in Excel opnieuw op als .xlsx "
                     "of als .csv.")],
            kop="Het register is niet te lezen:",
        ) from None
    finally:
        if werkmap is not None:
            werkmap.close()


def _controleer_zip(pad: Path, naam: str) -> None:
    """Kijk vóór het lezen hoe groot de werkmap uitgepakt is: een klein bestand kan zich
    uitpakken tot gigabytes (een 'zipbom')."""
    import zipfile

    try:
        with zipfile.ZipFile(pad) as z:
            onderdelen = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl geeft hierna de gewone melding over een onleesbare werkmap
    totaal = sum(i.file_size for i in onderdelen)
    verhouding = max((i.file_size / max(i.compress_size, 1) for i in onderdelen), default=0)
    if len(onderdelen) > 10_000 or totaal > MAX_XLSX_UITGEPAKT or (
            verhouding > MAX_XLSX_VERHOUDING and totaal > 10 * 1024 * 1024):
        raise _te_groot(naam, f"de werkmap is uitgepakt groter dan {MAX_XLSX_UITGEPAKT // (1024 * 1024)} MB "
                        "(of is verdacht sterk ingepakt); dat is het maximum voor een register.")


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
    privacy: list[Foutmelding] = []
    overig: list[Foutmelding] = []
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
                overig.append(Foutmelding(plek, "deze kolom staat meer dan één keer in de kopregel; houd er één over."))
            else:
                kol[sleutel] = index
        elif _identificerend(tekst):
            privacy.append(Foutmelding(plek, "deze kolom bevat gegevens waarmee mensen te herkennen zijn. "
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
            overig.append(Foutmelding(plek, tekst_fout))

    # Gegevens in een kolom zonder naam: die kunnen van alles bevatten.
    breedte = max([len(tabel.kop)] + [len(c) for _, c in tabel.rijen])
    for index in range(breedte):
        if index < len(tabel.kop) and _kopnaam(tabel.kop[index]):
            continue
        eerste = next((nr for nr, cellen in tabel.rijen if _tekst(_cel(cellen, index))), None)
        if eerste is not None:
            overig.append(Foutmelding(
                Registerplek(naam, r),
                f"kolom {_kolomaanduiding(index)} heeft geen naam in de kopregel maar bevat wel gegevens "
                f"(voor het eerst in rij {eerste}). Verwijder die gegevens: dit register hoort alleen de "
                f"kolommen {uitleg} te hebben.",
            ))

    verplicht = [k for k in toegestaan if k not in ("datum", "jaar", "organisatie")]
    if kol["datum"] is None and kol["jaar"] is None:
        overig.append(Foutmelding(Registerplek(naam, r), "de kolom 'datum' ontbreekt (of 'jaar', als u alleen het "
                                                     "jaar bijhoudt)."))
    for k in verplicht:
        if kol[k] is None:
            overig.append(Foutmelding(Registerplek(naam, r), f"de kolom '{k}' ontbreekt."))
    if organisatie is not None and kol["organisatie"] is None and not privacy:
        overig.append(Foutmelding(Registerplek(naam, r), f"de kolom 'organisatie' ontbreekt; die is nodig om de "
                                                     f"rijen van {organisatie} te kiezen."))

    if privacy or overig:
        slot = Foutmelding(Plek(), f"Dit register heeft alleen deze kolommen nodig: {uitleg}.")
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
