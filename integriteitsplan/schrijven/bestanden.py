"""Bestanden veilig wegschrijven: atomair, en zonder het werk van een gebruiker te verliezen.

Elke uitvoermap krijgt een klein register (``.integriteitsplan.json``) met per bestand
de SHA-256 van wat het programma de vorige keer schreef. Staat er een bestand dat
daarvan afwijkt (iemand heeft het in Word aangepast, of het komt van elders), dan wordt
het eerst bewaard als ``<naam>.bewerkt-N.<ext>`` en wordt dat gemeld.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..fouten import SchrijfFout

REGISTER = ".integriteitsplan.json"


@dataclass
class Geschreven:
    pad: Path
    status: str  # "nieuw", "bijgewerkt" of "ongewijzigd"
    bewaard: Path | None = None  # waar een met de hand aangepaste versie is bewaard


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def schrijf_atomair(pad: Path, data: bytes) -> None:
    """Schrijf naar een tijdelijk bestand in dezelfde map en hernoem het daarna. Gaat het
    mis, dan blijft het oude bestand zoals het was."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
    try:
        with os.fdopen(fd, "wb") as uit:
            uit.write(data)
            uit.flush()
            os.fsync(uit.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass
        raise


def _lees_register(map_: Path) -> dict[str, str]:
    try:
        return json.loads((map_ / REGISTER).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _vrije_bewaarnaam(pad: Path) -> Path:
    n = 1
    while True:
        kandidaat = pad.with_name(f"{pad.stem}.bewerkt-{n}{pad.suffix}")
        if not kandidaat.exists():
            return kandidaat
        n += 1


def schrijf_bestanden(bestanden: dict[Path, bytes]) -> list[Geschreven]:
    """Schrijf alle bestanden; pas aan het eind het register per map bij."""
    uitkomst: list[Geschreven] = []
    registers: dict[Path, dict[str, str]] = {}
    try:
        for pad, data in bestanden.items():
            register = registers.setdefault(pad.parent, _lees_register(pad.parent))
            nieuw = _hash(data)
            if pad.exists():
                oud = _hash(pad.read_bytes())
                if oud == nieuw:
                    register[pad.name] = nieuw
                    uitkomst.append(Geschreven(pad, "ongewijzigd"))
                    continue
                bewaard = None
                if register.get(pad.name) != oud:
                    bewaard = _vrije_bewaarnaam(pad)
                    os.replace(pad, bewaard)
                schrijf_atomair(pad, data)
                uitkomst.append(Geschreven(pad, "bijgewerkt", bewaard))
            else:
                schrijf_atomair(pad, data)
                uitkomst.append(Geschreven(pad, "nieuw"))
            register[pad.name] = nieuw
        for map_, register in registers.items():
            tekst = json.dumps(dict(sorted(register.items())), indent=2, ensure_ascii=False) + "\n"
            schrijf_atomair(map_ / REGISTER, tekst.encode("utf-8"))
    except PermissionError as fout:
        naam = fout.filename or "het bestand"
        raise SchrijfFout(naam, "geen toestemming. Is het bestand nog geopend in Word? Sluit het "
                          "en probeer het opnieuw.") from None
    except OSError as fout:
        raise SchrijfFout(fout.filename or "het bestand", fout.strerror or str(fout)) from None
    return uitkomst
