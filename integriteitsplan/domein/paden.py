"""Paden uit de invoer: alleen binnen de eigen map.

Een profiel kan naar bestanden verwijzen (logo, huisstijl, register, afbeelding). Zo'n pad
mag niet buiten de map van het profiel wijzen: geen absoluut pad, geen '..' eruit, geen
snelkoppeling (symlink) naar elders. Wie dat vraagt, krijgt dezelfde melding als bij een
bestand dat er niet is: de melding zegt nooit of een bestand buiten de map bestaat.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path, PurePath

#: Omgevingsvariabele die de CLI zet met de gemeenten die op de opdrachtregel genoemd zijn.
#: Alleen hun eigen registers mogen buiten de profielmap staan (op een beveiligde schijf).
GENOEMD = "INTEGRITEITSPLAN_GENOEMD"


def binnen(map_: Path, naam: str | PurePath) -> Path | None:
    """Het pad ``map_/naam`` als dat (ook na het volgen van snelkoppelingen) in ``map_`` ligt,
    anders ``None``. Zegt niets over of het bestand bestaat."""
    try:
        deel = PurePath(str(naam))
        if deel.is_absolute() or deel.drive or deel.root or str(naam).startswith("~"):
            return None
        kandidaat = Path(map_) / deel
        kandidaat.resolve().relative_to(Path(map_).resolve())
    except (ValueError, OSError, RuntimeError):
        return None
    return kandidaat


def bestand_binnen(mappen, naam: str | PurePath) -> Path | None:
    """Het eerste bestaande bestand ``naam`` binnen een van ``mappen`` (in volgorde)."""
    for map_ in mappen:
        pad = binnen(map_, naam)
        if pad is not None and pad.is_file():
            return pad
    return None


def mag_buiten(gemeente: str) -> bool:
    """Mag een register van deze gemeente buiten haar profielmap staan? Alleen als ze op de
    opdrachtregel genoemd is (zonder CLI, als bibliotheek: ja)."""
    genoemd = os.environ.get(GENOEMD)
    if genoemd is None:
        return True
    return gemeente in {n for n in genoemd.split(os.pathsep) if n}


@contextmanager
def genoemd(namen):
    """Alleen de gemeenten die op de opdrachtregel staan, mogen een register buiten hun
    profielmap gebruiken (niet de leden die --regio erbij haalt)."""
    vorige = os.environ.get(GENOEMD)
    os.environ[GENOEMD] = os.pathsep.join(namen)
    try:
        yield
    finally:
        if vorige is None:
            os.environ.pop(GENOEMD, None)
        else:
            os.environ[GENOEMD] = vorige
