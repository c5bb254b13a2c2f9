"""Celwaarden van een register lezen: datums (ook Excel-datumnummers), jaartallen, aantallen,
tekst en sleutels zonder accenten.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from integriteitsplan.domein.grenzen import EERSTE_JAAR, LAATSTE_JAAR

# Een jaartal buiten dit bereik is vrijwel zeker een tikfout (0226, 2206).


# Excel-datumnummers van 1-1-1990 tot en met 31-12-2100.
_EXCEL_NUL = dt.date(1899, 12, 30)


_EXCEL_MIN = (dt.date(EERSTE_JAAR, 1, 1) - _EXCEL_NUL).days


_EXCEL_MAX = (dt.date(LAATSTE_JAAR, 12, 31) - _EXCEL_NUL).days


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


MAX_AANTAL = 1_000_000  # een aantal (meldingen, deelnemers) daarboven is een tikfout


def _aantal(waarde: Any) -> tuple[int | None, str | None]:
    """Het aantal deelnemers, of een uitleg waarom de cel niet klopt (zonder de inhoud)."""
    if not _tekst(waarde):
        return None, "het aantal deelnemers is leeg; vul een heel getal van 0 of meer in."
    getal = _getal(waarde)
    if getal is None or getal != getal or getal in (float("inf"), float("-inf")) or not getal.is_integer():
        return None, "dit is geen heel getal; vul het aantal deelnemers in als heel getal van 0 of meer."
    if getal > MAX_AANTAL:
        return None, (f"het aantal deelnemers is groter dan {MAX_AANTAL:,}".replace(",", ".")
                      + "; vul een heel getal van 0 tot en met dat aantal in.")
    if getal < 0:
        return None, "het aantal deelnemers is negatief; vul een heel getal van 0 of meer in."
    return int(getal), None
