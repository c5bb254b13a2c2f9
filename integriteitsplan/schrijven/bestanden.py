"""Bestanden veilig wegschrijven: atomair, en zonder het werk van een gebruiker te verliezen.

Elke uitvoermap krijgt een klein bestand met vingerafdrukken (``.integriteitsplan.json``) met per bestand
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

from integriteitsplan.fouten import SchrijfFout

VINGERAFDRUKKEN = ".integriteitsplan.json"


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
        if hasattr(os, "fchmod"):  # mkstemp maakt 0600; een document hoort te volgen wat de gebruiker gewend is
            modus = pad.stat().st_mode & 0o777 if pad.exists() else 0o666 & ~_umask()
            os.fchmod(fd, modus)
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


def _lees_vingerafdrukken(map_: Path) -> dict[str, str]:
    """De vingerafdrukken van een uitvoermap; onleesbaar of vreemd van vorm telt als leeg (dan
    wordt elk afwijkend bestand eerst bewaard: de veilige kant)."""
    try:
        data = json.loads((map_ / VINGERAFDRUKKEN).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        return {}
    return data


lees_vingerafdrukken = _lees_vingerafdrukken


def _schrijf_vingerafdrukken(map_: Path, vingerafdrukken: dict[str, str]) -> None:
    tekst = json.dumps(dict(sorted(vingerafdrukken.items())), indent=2, ensure_ascii=False) + "\n"
    schrijf_atomair(map_ / VINGERAFDRUKKEN, tekst.encode("utf-8"))


def _umask() -> int:
    huidig = os.umask(0)
    os.umask(huidig)
    return huidig


def _vrije_bewaarnaam(pad: Path) -> Path:
    n = 1
    while True:
        kandidaat = pad.with_name(f"{pad.stem}.bewerkt-{n}{pad.suffix}")
        if not kandidaat.exists():
            return kandidaat
        n += 1


def schrijf_bestanden(bestanden: dict[Path, bytes]) -> list[Geschreven]:
    """Schrijf alle bestanden. Eerst wordt nagegaan of elk doel te schrijven is (en niet
    bijvoorbeeld een map); de vingerafdrukken gaan na elk geschreven bestand mee, zodat een
    fout halverwege de volgende keer geen valse 'aangepast'-melding geeft."""
    uitkomst: list[Geschreven] = []
    try:
        for pad in bestanden:
            if pad.exists() and not pad.is_file():
                raise SchrijfFout(pad, "daar staat een map of iets anders dan een bestand. Haal het weg of "
                                  "kies een andere uitvoermap (--uitvoer).")
            if pad.parent.exists() and not pad.parent.is_dir():
                raise SchrijfFout(pad.parent, "dat is een bestand, geen map. Kies een andere uitvoermap (--uitvoer).")
        per_map: dict[Path, dict[str, str]] = {}
        for pad, data in bestanden.items():
            vingerafdrukken = per_map.setdefault(pad.parent, _lees_vingerafdrukken(pad.parent))
            nieuw = _hash(data)
            if pad.exists():
                oud = _hash(pad.read_bytes())
                if oud == nieuw:
                    if vingerafdrukken.get(pad.name) != nieuw:
                        vingerafdrukken[pad.name] = nieuw
                        _schrijf_vingerafdrukken(pad.parent, vingerafdrukken)
                    uitkomst.append(Geschreven(pad, "ongewijzigd"))
                    continue
                bewaard = None
                if vingerafdrukken.get(pad.name) != oud:
                    bewaard = _vrije_bewaarnaam(pad)
                    os.replace(pad, bewaard)
                schrijf_atomair(pad, data)
                uitkomst.append(Geschreven(pad, "bijgewerkt", bewaard))
            else:
                schrijf_atomair(pad, data)
                uitkomst.append(Geschreven(pad, "nieuw"))
            vingerafdrukken[pad.name] = nieuw
            _schrijf_vingerafdrukken(pad.parent, vingerafdrukken)
    except OSError as fout:
        raise vertaal_oserror(fout) from None
    return uitkomst


_OSFOUTEN = {
    "EACCES": "geen toestemming. Is het bestand nog geopend in Word, of is de map alleen-lezen? Sluit het "
              "bestand of kies een andere uitvoermap (--uitvoer).",
    "EPERM": "geen toestemming. Is het bestand nog geopend in Word? Sluit het en probeer het opnieuw.",
    "ENOSPC": "de schijf is vol. Maak ruimte vrij en probeer het opnieuw.",
    "EROFS": "de map is alleen-lezen. Kies een andere uitvoermap (--uitvoer).",
    "ENOENT": "de map bestaat niet en kan niet worden gemaakt. Controleer het pad.",
    "ENOTDIR": "een deel van het pad is een bestand in plaats van een map. Controleer het pad.",
    "EEXIST": "er staat al een bestand met die naam waar een map moet komen. Controleer het pad.",
    "EISDIR": "daar staat een map in plaats van een bestand. Controleer het pad.",
}


def vertaal_oserror(fout: OSError) -> SchrijfFout:
    """Een fout van het besturingssysteem als Nederlandse SchrijfFout."""
    import errno

    naam = errno.errorcode.get(fout.errno or 0, "")
    uitleg = _OSFOUTEN.get(naam, f"het besturingssysteem meldt: {fout.strerror or fout}.")
    return SchrijfFout(fout.filename or "het bestand", uitleg)
