"""Tabellen: de tabellen uit de tekst en het begin van elke tabel.

Krijgt de :class:`~.toestand.Opbouw` en een table-element uit de gevangen boom (of, voor
de titelpagina, de stijl en kolombreedtes); voegt een w:tbl met vaste kolombreedtes naar
inhoud (zie :mod:`.maten`), een herhaalde kopregel en cellen die niet over een pagina
breken aan de body toe.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from . import runs
from .maten import kolombreedtes
from .toestand import Opbouw
from .xmltekst import Alinea


def tabel_begin(o: Opbouw, stijl: str, breedtes: list[int], kop: bool) -> str:
    """w:tbl met tblPr en tblGrid (zonder rijen); zet zo nodig eerst een lege alinea."""
    if o.stroom.nieuwe_pagina:
        o.alinea(ppr=o.ppr_begin())
    elif o.stroom.laatste_tabel:
        o.alinea()  # twee tabellen direct na elkaar zou Word samenvoegen
    o.stroom.na_tabel = False
    o.stroom.laatste_tabel = True
    look = ('w:val="0620" w:firstRow="1"' if kop else 'w:val="0600" w:firstRow="0"')
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{stijl}"/>'
        f'<w:tblW w:w="{sum(breedtes)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblLook {look} w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{b}"/>' for b in breedtes)
        + "</w:tblGrid>"
    )


def cel(breedte: int, alinea: Alinea) -> str:
    """Een w:tc met vaste breedte en één alinea."""
    return f'<w:tc><w:tcPr><w:tcW w:w="{breedte}" w:type="dxa"/></w:tcPr>{alinea.xml()}</w:tc>'


def rij_begin(kopregel: bool) -> str:
    """Begin van een w:tr die niet over een pagina breekt (een kopregel wordt herhaald)."""
    if kopregel:
        return "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
    return "<w:tr><w:trPr><w:cantSplit/></w:trPr>"


def tabel(o: Opbouw, el: ET.Element) -> None:
    rijen: list[tuple[list[ET.Element], bool]] = []
    for deel in el:
        if deel.tag in ("thead", "tbody", "tfoot"):
            for tr in deel:
                if tr.tag == "tr":
                    rijen.append(([c for c in tr if c.tag in ("th", "td")], deel.tag == "thead"))
        elif deel.tag == "tr":
            rijen.append(([c for c in deel if c.tag in ("th", "td")], False))
    if not rijen:
        return
    n = max(len(c) for c, _ in rijen) or 1
    o.houd_inleiding_vast()
    platte = [[o.vangst.platte_tekst(c) for c in cellen[:n]] for cellen, _ in rijen]
    breedtes = kolombreedtes(platte, n, o.tekstbreedte)
    heeft_kop = rijen[0][1]
    delen = [tabel_begin(o, o.stijl("tabel"), breedtes, kop=heeft_kop)]
    kop_stijl, tekst_stijl = o.stijl("tabelkop"), o.stijl("tabeltekst")
    for cellen, is_kop in rijen:
        delen.append(rij_begin(is_kop))
        for k in range(n):
            c = cellen[k] if k < len(cellen) else None
            ppr = None
            if c is not None:
                uitlijning = (c.get("style") or "") + (c.get("align") or "")
                if "right" in uitlijning:
                    ppr = {"jc": {"val": "right"}}
                elif "center" in uitlijning:
                    ppr = {"jc": {"val": "center"}}
            p = Alinea(kop_stijl if is_kop else tekst_stijl, ppr)
            o.stroom.begin = True
            if c is not None:
                runs.inline(o, p.inhoud, c)
            delen.append(cel(breedtes[k], p))
        delen.append("</w:tr>")
    delen.append("</w:tbl>")
    o.uit.append("".join(delen))
    o.stroom.na_tabel = True
