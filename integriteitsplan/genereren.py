"""De bibliotheekfunctie ``generate``: van profiel naar bestanden, in vaste stappen.

laden → controleren → verrijken → renderen → schrijven. Alle documenten worden eerst
volledig in het geheugen gemaakt; pas als alles gelukt is, wordt er geschreven. Een fout
in welke stap ook laat de uitvoermap dus zoals hij was.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from . import controleren, laden, renderen, verrijken
from .fouten import GebruiksFout, Melding
from .schrijven.bestanden import Geschreven, schrijf_bestanden
from .schrijven.markdown import maak_md

FORMATEN = ("docx", "md")
DOCUMENTEN = ("beleidsplan",)


@dataclass
class Verslag:
    """Wat ``generate`` deed: de geschreven bestanden en de waarschuwingen van de controle."""

    gemeente: str
    bestanden: list[Geschreven] = field(default_factory=list)
    waarschuwingen: list[Melding] = field(default_factory=list)


@dataclass
class Document:
    """Eén gemaakt document, nog niet geschreven."""

    naam: str  # bestandsnaam zonder extensie
    inhoud: dict[str, bytes]  # per formaat


def maak_document(profiel: laden.Profiel, soort: str = "beleidsplan",
                  formaten: Sequence[str] = FORMATEN) -> Document:
    """Verrijk, render en schrijf één document in het geheugen."""
    if soort not in DOCUMENTEN:
        raise GebruiksFout(f"Onbekend document '{soort}'. Kies uit: {', '.join(DOCUMENTEN)}.")
    verrijkt = verrijken.verrijk_beleidsplan(profiel)
    gerenderd = renderen.render(verrijkt, profiel)
    inhoud: dict[str, bytes] = {}
    if "md" in formaten:
        inhoud["md"] = maak_md(gerenderd)
    if "docx" in formaten:
        from .schrijven import word  # python-docx alleen laden als er Word gemaakt wordt

        inhoud["docx"] = word.maak_docx(gerenderd.romp, documentgegevens(profiel, verrijkt))
    return Document(naam=verrijkt.bestandsnaam, inhoud=inhoud)


def documentgegevens(profiel: laden.Profiel, verrijkt: verrijken.Verrijkt):
    from .schrijven.word import Documentgegevens

    c = verrijkt.context
    meta = c["meta"]
    return Documentgegevens(
        titel=c["titel_met_periode"],
        gemeente=c["organisatienaam"],
        ondertitel=meta.get("ondertitel"),
        onderwerp=f"{c['documentsoort']} van {c['de_gemeente']}",
        metadata=list(c["voorblad"]),
        concept=c["concept"],
        datum=meta.get("datum"),
        steller=meta.get("steller"),
        logo=controleren.zoek_bestand(profiel, meta["logo"]) if meta.get("logo") else None,
        huisstijl=controleren.zoek_bestand(profiel, meta["huisstijl"]) if meta.get("huisstijl") else None,
    )


def generate(
    gemeente: str,
    *,
    document: str = "beleidsplan",
    formaten: Iterable[str] = FORMATEN,
    uitvoer: Path | str = "uitvoer",
    gemeenten: Iterable[Path | str] = (),
    werkmap: Path | None = None,
) -> Verslag:
    """Maak de documenten van één gemeente en schrijf ze naar ``<uitvoer>/<gemeente>/``.

    Gooit een ``IntegriteitsplanFout`` (met een Nederlandse uitleg) als de invoer niet
    klopt; dan is er niets geschreven.
    """
    formaten = tuple(formaten)
    for formaat in formaten:
        if formaat not in FORMATEN:
            raise GebruiksFout(f"Onbekend formaat '{formaat}'. Kies uit: {', '.join(FORMATEN)}.")
    mappen = laden.zoekmappen(gemeenten, werkmap)
    profiel = laden.laad_profiel(gemeente, mappen)
    uitslag = controleren.zeker_geldig(profiel)
    gemaakt = maak_document(profiel, document, formaten)
    doelmap = Path(uitvoer) / gemeente
    bestanden = {doelmap / f"{gemaakt.naam}.{ext}": data for ext, data in gemaakt.inhoud.items()}
    return Verslag(gemeente=gemeente, bestanden=schrijf_bestanden(bestanden),
                   waarschuwingen=uitslag.waarschuwingen)
