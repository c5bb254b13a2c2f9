"""Afbeeldingen: logo, figuren met bijschrift en afbeeldingen in de tekst.

Krijgt de :class:`~.toestand.Opbouw` en een img-element (of het pad van het logo);
zoekt het bestand, neemt het via :mod:`.docx_intern` op in het pakket en voegt een run
met de afbeelding (geschaald binnen de gegeven maten) toe. Een ontbrekend of
onbruikbaar bestand geeft een :class:`IntegriteitsplanFout`.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from ...domein import paden
from ...fouten import IntegriteitsplanFout
from . import docx_intern
from .toestand import Opbouw

_EMU_PER_TWIP = 635


class Beeld(NamedTuple):
    """Een afbeelding die het programma zelf maakte: naam en inhoud, zonder bestand."""

    name: str
    inhoud: bytes


# Een afbeelding in een document: hoogstens zoveel bytes en beeldpunten (een kleine PNG van
# 30.000 bij 30.000 beeldpunten is uitgepakt gigabytes groot).
MAX_AFBEELDING_BYTES = 20 * 2**20
MAX_PIXELS = 40_000_000


def zoek_bestand(o: Opbouw, pad: Path, wat: str) -> Path | Beeld:
    """Het bestand van het logo (``wat`` "logo") of van een afbeelding in de tekst."""
    if wat == "logo":
        if pad.is_file():
            return pad
        raise IntegriteitsplanFout(
            f"Het logo {pad} bestaat niet. Controleer het pad bij 'logo' in het profiel "
            "van de gemeente (een PNG- of JPG-bestand), of laat het weg. Er is niets geschreven."
        )
    if str(pad) in o.afbeeldingen:  # door het programma gemaakt (de grafiek): in het geheugen
        return Beeld(pad.name, o.afbeeldingen[str(pad)])
    gevonden = paden.bestand_binnen(o.g.beeldmappen, pad)  # nooit buiten de profielmappen
    if gevonden is not None:
        return gevonden
    raise IntegriteitsplanFout(
        f"De afbeelding '{pad}' in de tekst bestaat niet. Controleer de bestandsnaam "
        "in het sjabloon of zet het bestand in de map met afbeeldingen. Er is niets geschreven."
    )


def afbeelding(o: Opbouw, ouder: list, pad: Path | Beeld, max_breedte: int, max_hoogte: int,
               vul_breedte: bool = False, logo: bool = False, beschrijving: str | None = None) -> None:
    """Inline afbeelding (maten in twips) als run in ``ouder``. ``beschrijving`` is de
    alternatieve tekst (de alt-tekst uit de Markdown; voor een schermlezer en als /Alt in
    de PDF); zonder beschrijving blijft het de bestandsnaam."""
    wat = "Het logo" if logo else "De afbeelding"
    try:
        grootte = pad.stat().st_size if isinstance(pad, Path) else len(pad.inhoud)
    except OSError:
        grootte = 0
    if grootte > MAX_AFBEELDING_BYTES:
        raise IntegriteitsplanFout(
            f"{wat} {pad.name} is groter dan {MAX_AFBEELDING_BYTES // 2**20} MB; dat is te groot voor een document. "
            "Verklein de afbeelding. Er is niets geschreven.")
    try:
        rId, bx, by = docx_intern.voeg_afbeelding_toe(o.doc, pad, MAX_PIXELS)
    except docx_intern.TeVeelPixels as e:
        raise IntegriteitsplanFout(
            f"{wat} {pad.name} is {e.breedte} bij {e.hoogte} beeldpunten; het maximum is "
            f"{MAX_PIXELS // 1_000_000} miljoen beeldpunten (uitgepakt wordt zo'n afbeelding gigabytes groot, "
            "ook voor LibreOffice bij het maken van de PDF). Verklein de afbeelding. Er is niets geschreven.") from None
    except Exception as e:
        wat = "Het logo" if logo else "De afbeelding"
        raise IntegriteitsplanFout(
            f"{wat} {pad} is geen bruikbare afbeelding ({e}). Gebruik een PNG- of "
            "JPG-bestand. Er is niets geschreven."
        ) from None
    if bx <= 0 or by <= 0:
        bx, by = 1, 1
    mb, mh = max_breedte * _EMU_PER_TWIP, max_hoogte * _EMU_PER_TWIP
    schaal = mb / bx if vul_breedte else min(1.0, mb / bx)
    schaal = min(schaal, mh / by)
    cx, cy = max(int(bx * schaal), 1), max(int(by * schaal), 1)
    o.vorm_id += 1
    ouder.append("<w:r><w:drawing>" + docx_intern.afbeelding_xml(o.vorm_id, rId, pad.name, cx, cy,
                                                                    beschrijving=beschrijving)
                 + "</w:drawing></w:r>")
    o.stroom.begin = False


def pad_van(o: Opbouw, img: ET.Element) -> Path | Beeld:
    return zoek_bestand(o, Path(unquote(o.vangst.schone_attr(img.get("src")))), "afbeelding")
