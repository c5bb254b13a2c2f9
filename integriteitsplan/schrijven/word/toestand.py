"""De toestand van één document in opbouw.

Krijgt het geopende referentiedocument, de :class:`Documentgegevens`, de map met
afbeeldingen en de :class:`~.vangen.Vangst`; houdt bij wat de bouwfuncties van de
andere modules delen: de body als lijst van alinea's en XML-tekst, het deel waaraan
links hangen, het tekstvlak, de verwijzingen (bladwijzers, ankers, voetnoten) en de
stroom (begin van een regel, na een tabel, nieuwe pagina).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import docx_intern
from .maten import tekstvlak
from .stijlen import Stijlboek
from .vangen import Vangst
from .xmltekst import NSDECL, Alinea, W

if TYPE_CHECKING:
    from .gegevens import Documentgegevens
    from .voetnoten import Voetnoten


@dataclass
class Stroom:
    """Waar de schrijver staat; bepaalt witruimte en ruimte of pagina-einde voor een blok."""

    begin: bool = True  # aan het begin van een regel: witruimte weglaten
    na_tabel: bool = False  # het vorige blok was een tabel: ruimte ervoor
    laatste_tabel: bool = False  # het laatste in de body is een tabel
    nieuwe_pagina: bool = False  # het volgende blok begint op een nieuwe pagina


@dataclass
class Verwijzingen:
    """Bladwijzers van koppen, ankers van links en de bron van elke voetnoot."""

    aantal: int = 0  # bladwijzers tot nu toe
    per_kop: dict[int, tuple[int, str]] = field(default_factory=dict)  # id(el) -> (nr, naam)
    ankers: dict[str, str] = field(default_factory=dict)  # id in de tekst -> bladwijzer
    voetnoot_bron: dict[str, ET.Element] = field(default_factory=dict)


class Opbouw:
    """Alles wat de bouwfuncties van één document delen."""

    def __init__(self, doc, gegevens: Documentgegevens, afbeeldingen: dict[str, bytes],
                 vangst: Vangst) -> None:
        self.doc = doc
        self.g = gegevens
        self.afbeeldingen = afbeeldingen
        self.vangst = vangst
        self.hoofddeel = docx_intern.document_deel(doc)
        self.deel = self.hoofddeel  # het deel waaraan relaties (links) worden gehangen
        self.uit: list = []  # de body: Alinea's en XML-tekst
        self.stijlen = Stijlboek(doc)
        self.stroom = Stroom()
        self.verwijzingen = Verwijzingen()
        self.rpr: dict[int, str] = {}  # opmaakvlaggen -> begin van een run
        self.vorm_id = 0
        self.voetnoten: Voetnoten | None = None
        sect = docx_intern.body_element(doc).find(W + "sectPr")
        if sect is None:
            sect = docx_intern.lees_xml(
                f'<w:sectPr {NSDECL}><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" '
                'w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="567" '
                'w:gutter="0"/></w:sectPr>'
            )
        self.sect = sect
        self.tekstbreedte, self.teksthoogte = tekstvlak(sect)
        self.tekstbreedte_liggend = tekstvlak(sect, liggend=True)[0]
        self.secties = 0  # afgesloten secties vóór een liggende tabel

    def stijl(self, sleutel: str) -> str:
        return self.stijlen.stijl(sleutel)

    def alinea(self, doel: list | None = None, stijl: str | None = None,
               ppr: dict | None = None) -> Alinea:
        """Nieuwe alinea aan het eind van ``doel`` (standaard de body)."""
        p = Alinea(stijl, ppr)
        (self.uit if doel is None else doel).append(p)
        self.stroom.begin = True
        if doel is None:
            self.stroom.laatste_tabel = False
        return p

    def ppr_begin(self) -> dict | None:
        """pPr voor een nieuw blok: nieuwe pagina (eerste blok) of ruimte na een tabel."""
        ppr = None
        stroom = self.stroom
        if stroom.nieuwe_pagina:
            stroom.nieuwe_pagina = False
            ppr = {"pageBreakBefore": None}
        if stroom.na_tabel:
            stroom.na_tabel = False
            ppr = ppr or {}
            ppr["spacing"] = {"before": "200"}
        return ppr

    def houd_inleiding_vast(self) -> None:
        """Een gewone alinea vlak voor een lijst of tabel (de inleidende zin) blijft erbij."""
        if self.uit and isinstance(self.uit[-1], Alinea) and self.uit[-1].stijl is None:
            self.uit[-1].zet("keepNext")

    @contextmanager
    def in_deel(self, deel):
        """Schrijf tijdelijk voor een ander deel (voetnoten): eigen links en eigen stroom."""
        stroom = self.stroom
        bewaard = (self.deel, stroom.begin, stroom.na_tabel, stroom.nieuwe_pagina)
        self.deel, stroom.na_tabel, stroom.nieuwe_pagina = deel, False, False
        try:
            yield
        finally:
            self.deel, stroom.begin, stroom.na_tabel, stroom.nieuwe_pagina = bewaard
