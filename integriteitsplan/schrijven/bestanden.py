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
import re
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
    tijdelijk = _schrijf_tijdelijk(pad, data)
    try:
        os.replace(tijdelijk, pad)
    except BaseException:
        _weg(tijdelijk)
        raise


def _schrijf_tijdelijk(pad: Path, data: bytes) -> str:
    """Schrijf ``data`` volledig (met fsync) naar een tijdelijk bestand naast ``pad``; geeft
    de naam. Het proces-id staat in de naam: zo ruimt een volgende run op wat een afgebroken
    run achterliet, zonder een tijdelijk bestand van een run die nog bezig is te raken."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.{os.getpid()}.", suffix=".tmp", dir=pad.parent)
    try:
        if hasattr(os, "fchmod"):  # mkstemp maakt 0600; een document hoort te volgen wat de gebruiker gewend is
            modus = pad.stat().st_mode & 0o777 if pad.exists() else 0o666 & ~_umask()
            os.fchmod(fd, modus)
        with os.fdopen(fd, "wb") as uit:
            uit.write(data)
            uit.flush()
            os.fsync(uit.fileno())
    except BaseException:
        _weg(tijdelijk)
        raise
    return tijdelijk


def _weg(pad) -> None:
    try:
        os.unlink(pad)
    except OSError:
        pass


# Een tijdelijk bestand zonder proces-id (van een oudere versie) wordt pas na deze tijd opgeruimd.
_OUD_TIJDELIJK = 15 * 60


def ruim_tijdelijke_op(map_: Path, namen) -> list[Path]:
    """Verwijder de tijdelijke bestanden (``.<naam>.<pid>.<x>.tmp``) die een afgebroken run
    voor deze namen achterliet: van een proces dat niet meer bestaat, of (zonder proces-id)
    ouder dan een kwartier. Geeft de verwijderde paden."""
    import time

    weg: list[Path] = []
    try:
        kandidaten = [p for p in map_.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]
    except OSError:
        return weg
    for kandidaat in kandidaten:
        naam = next((n for n in namen if kandidaat.name.startswith(f".{n}.")), None)
        if naam is None:
            continue
        rest = kandidaat.name[len(naam) + 2:-4].split(".")
        try:
            if not kandidaat.is_file() or kandidaat.is_symlink():
                continue
            if len(rest) >= 2 and rest[0].isdigit():
                if _leeft(int(rest[0])):
                    continue
            elif time.time() - kandidaat.stat().st_mtime < _OUD_TIJDELIJK:
                continue
            kandidaat.unlink()
            weg.append(kandidaat)
        except OSError:
            continue
    return weg


def _leeft(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - daar geen os.kill(pid, 0): laat staan
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _bewaar(pad: Path) -> Path:
    """Bewaar de huidige versie van ``pad`` onder een vrije naam ``<naam>.bewerkt-N``, zonder
    ``pad`` zelf weg te halen: een harde link (kost geen ruimte), anders een kopie."""
    import errno

    while True:
        bewaard = _vrije_bewaarnaam(pad)
        try:
            os.link(pad, bewaard)
            return bewaard
        except FileExistsError:
            continue  # een andere run was net eerder: volgende naam
        except OSError as fout:
            if fout.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK,
                                  errno.EACCES) and not isinstance(fout, (NotImplementedError,)):
                raise
        tijdelijk = _schrijf_tijdelijk(bewaard, pad.read_bytes())
        try:
            os.link(tijdelijk, bewaard)  # nooit een bestaande bewaarde versie overschrijven
        except FileExistsError:
            _weg(tijdelijk)
            continue
        except OSError:
            try:
                if bewaard.exists():
                    _weg(tijdelijk)
                    continue
                os.replace(tijdelijk, bewaard)
            except BaseException:
                _weg(tijdelijk)
                raise
            return bewaard
        _weg(tijdelijk)
        return bewaard


def _lees_vingerafdrukken(map_: Path) -> dict[str, str]:
    """De vingerafdrukken van een uitvoermap; onleesbaar of vreemd van vorm telt als leeg (dan
    wordt elk afwijkend bestand eerst bewaard: de veilige kant)."""
    try:
        pad = map_ / VINGERAFDRUKKEN
        if pad.stat().st_size > MAX_VINGERAFDRUKKEN:
            return {}
        data = json.loads(pad.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        return {}
    # Het bestand kan met de hand zijn aangepast: alleen gewone bestandsnamen in deze map tellen
    # (geen pad, geen '..', geen verborgen naam), en geen vingerafdruk die geen vingerafdruk is.
    return {k: v for k, v in data.items() if gewone_naam(k) and len(v) <= 128}


MAX_VINGERAFDRUKKEN = 1_000_000  # bytes; een groter register is niet van ons
_GEWONE_NAAM = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,199}")


def gewone_naam(naam: str) -> bool:
    """Een bestandsnaam zonder map, zoals het programma die zelf maakt."""
    return bool(_GEWONE_NAAM.fullmatch(naam)) and ".." not in naam


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
    bezig: Path | None = None
    try:
        for pad in bestanden:
            if pad.exists() and not pad.is_file():
                raise SchrijfFout(pad, "daar staat een map of iets anders dan een bestand. Haal het weg of "
                                  "kies een andere uitvoermap (--uitvoer).")
            if pad.parent.exists() and not pad.parent.is_dir():
                raise SchrijfFout(pad.parent, "dat is een bestand, geen map. Kies een andere uitvoermap (--uitvoer).")
        per_map: dict[Path, dict[str, str]] = {}
        for map_ in {pad.parent for pad in bestanden}:
            ruim_tijdelijke_op(map_, [p.name for p in bestanden if p.parent == map_] + [VINGERAFDRUKKEN])
        for pad, data in bestanden.items():
            bezig = pad
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
                # Eerst het nieuwe bestand helemaal schrijven, dan de aangepaste versie bewaren
                # (de oorspronkelijke naam blijft bestaan), pas dan in één keer vervangen.
                tijdelijk = _schrijf_tijdelijk(pad, data)
                try:
                    if vingerafdrukken.get(pad.name) != oud:
                        bewaard = _bewaar(pad)
                    os.replace(tijdelijk, pad)
                except BaseException:
                    _weg(tijdelijk)
                    if bewaard is not None:
                        _weg(bewaard)
                    raise
                uitkomst.append(Geschreven(pad, "bijgewerkt", bewaard))
            else:
                schrijf_atomair(pad, data)
                uitkomst.append(Geschreven(pad, "nieuw"))
            vingerafdrukken[pad.name] = nieuw
            _schrijf_vingerafdrukken(pad.parent, vingerafdrukken)
    except OSError as fout:
        if bezig is not None and (fout.filename is None or str(fout.filename).endswith(".tmp")):
            fout.filename = str(bezig)  # een tijdelijk bestand zegt de gebruiker niets
        raise vertaal_oserror(fout, _waar(uitkomst, bezig)) from None
    return uitkomst


def _waar(uitkomst: list[Geschreven], bezig: Path | None) -> str:
    """Waar elk bestand staat na een fout halverwege."""
    regels = []
    if bezig is not None and bezig.exists():
        regels.append(f"{bezig} is niet veranderd: de versie die er stond (ook een aangepaste) staat er nog.")
    for g in uitkomst:
        regels.append(f"{g.pad} is wel geschreven." if g.status != "ongewijzigd" else f"{g.pad} was al actueel.")
        if g.bewaard is not None:
            regels.append(f"De aangepaste versie van {g.pad.name} is bewaard als {g.bewaard}.")
    return "\n".join(regels)


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


def vertaal_oserror(fout: OSError, waar: str = "") -> SchrijfFout:
    """Een fout van het besturingssysteem als Nederlandse SchrijfFout; ``waar`` zegt waar
    elk bestand nu staat."""
    import errno

    naam = errno.errorcode.get(fout.errno or 0, "")
    uitleg = _OSFOUTEN.get(naam, f"het besturingssysteem meldt: {fout.strerror or fout}.")
    if waar:
        uitleg += "\n" + waar
    return SchrijfFout(fout.filename or "het bestand", uitleg)
