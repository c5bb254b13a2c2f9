"""De gegevens van een document buiten de tekst.

Krijgt niets; geeft de dataclass :class:`Documentgegevens` (titel, gemeente, metadata
voor de titelpagina, concept, datum, logo, huisstijl) die :func:`maak_docx` gebruikt.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Documentgegevens:
    titel: str  # bijv. "Beleidsplan Integriteit"
    gemeente: str  # bijv. "Gemeente Voorbeeldstad"
    ondertitel: str | None = None
    onderwerp: str | None = None  # kenmerk 'subject'
    # regels van de tabel op de titelpagina: (label, waarde), al opgemaakt
    metadata: list[tuple[str, str]] = field(default_factory=list)
    concept: bool = False  # True: duidelijke CONCEPT-markering op titelpagina en in koptekst
    voorbeeld: bool = False  # True: 'VOORBEELD – verzonnen gegevens' op titelpagina en in koptekst
    datum: datetime.date | None = None  # aangemaakt/gewijzigd; None = 2000-01-01
    steller: str | None = None  # auteur / laatst gewijzigd door (anders de gemeente)
    logo: Path | None = None  # PNG/JPG op de titelpagina
    huisstijl: Path | None = None  # eigen referentie-.docx; None = standaard.docx
    # mappen waarin afbeeldingen uit de tekst mogen staan (de profielmappen van de keten)
    beeldmappen: tuple[Path, ...] = ()
    # hoofdstukken op een nieuwe pagina: True/False, of None = zoals de kopstijl van de huisstijl
    hoofdstuk_nieuwe_pagina: bool | None = None
    inhoudsopgave_niveaus: int = 2  # kopniveaus in de inhoudsopgave
