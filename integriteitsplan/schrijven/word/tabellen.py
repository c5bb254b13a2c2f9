"""Tabellen: de tabellen uit de tekst en het begin van elke tabel.

Krijgt de :class:`~.toestand.Opbouw` en een table-element uit de gevangen boom (of, voor
de titelpagina, de stijl en kolombreedtes); voegt een w:tbl met vaste kolombreedtes naar
inhoud (zie :mod:`.maten`), een herhaalde kopregel en cellen die niet over een pagina
breken aan de body toe.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from . import docx_intern, runs
from .maten import ADRES_RE, breedte, kolombreedtes, minimale_breedtes
from .toestand import Opbouw
from .xmltekst import Alinea, W


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


KORT = 10  # een tabel met hoogstens zoveel rijen (zonder kopregel) breekt niet over een pagina


def hoogte(platte: list[list[str]], breedtes: list[int], pt: float = 10.0) -> int:
    """Geschatte hoogte van de tabel in twips: per rij de cel met de meeste regels."""
    totaal = 0
    for rij in platte:
        regels = max((-(-breedte(tekst, pt) // max(b - 216, 500)) for tekst, b in zip(rij, breedtes) if tekst),
                     default=1)
        totaal += max(1, regels) * int(pt * 24) + 120
    return totaal


def houdt_vast(r: int, aantal: int, met_kop: bool, hoog: bool = False) -> bool:
    """Houdt rij ``r`` (van ``aantal``, de kopregel meegeteld) zich vast aan de volgende rij?

    Een korte tabel (hoogstens ``KORT`` rijen) breekt niet: elke rij behalve de laatste.
    Een langere tabel: de kopregel en de eerste rij (zo staan de kopregel en twee rijen
    samen) en de voorlaatste rij (de laatste twee rijen, met een totaal, samen). Zo staat
    er nooit één rij alleen op een pagina. Alle alinea's van de rij krijgen keepNext (zo doet
    Word het) en de rij w:cantSplit.

    De laatste rij krijgt nooit keepNext: LibreOffice 7.4 laat rijen uit de PDF weg als een
    tabel met keepNext in elke rij, ook de laatste, aan de volgende alinea vastzit en zo niet
    past (een tabel van 12 rijen hield er 3 over). Met een vrije laatste rij houdt LibreOffice
    elke rij (tests/test_opmaak.py telt de rijen in de PDF).

    Een tabel van weinig maar hoge rijen (``hoog``: samen meer dan een halve pagina)
    telt als lang: bleef hij heel, dan zou hij met zijn inleidende zin naar de volgende pagina
    gaan en een bijna lege pagina achterlaten."""
    if r >= aantal - 1:
        return False
    romp = aantal - 1 if met_kop else aantal
    b = r - 1 if met_kop else r  # rijnummer zonder kopregel; -1 is de kopregel
    return (romp <= KORT and not hoog) or b < 1 or b == romp - 2


# een getal of bedrag (rechts uitgelijnd): "€ 19.000", "12", "82%", "< 5", "1.250,50"
_GETAL_RE = re.compile(r"[<>≤≥~]?\s*(?:€\s*)?[+-−]?\d[\d.,]*(?:\s*%)?(?:\s*[-–]\s*)?")
_LEEG = {"", "-", "–", "—"}
_TEKST_RE = re.compile(r'(<w:t xml:space="preserve">)([^<]*)(</w:t>)')
_BREEK_NA = re.compile(r"([/.@])(?=[^\s/.@])")


def getal_kolommen(platte: list[list[str]], n: int, met_kop: bool) -> list[bool]:
    """Per kolom: staan er (buiten de kopregel) alleen getallen of bedragen in?"""
    uit = []
    romp = platte[1:] if met_kop else platte
    for k in range(n):
        waarden = [r[k].strip() for r in romp if k < len(r) and r[k].strip() not in _LEEG]
        # een totaalregel begint vaak met een vet label in de eerste kolom; die telt niet mee
        uit.append(bool(waarden) and k > 0 and all(_GETAL_RE.fullmatch(w) for w in waarden))
    return uit


def vink_kolommen(platte: list[list[str]], n: int, met_kop: bool) -> list[bool]:
    """Per kolom: staan er (buiten de kopregel) alleen vinkjes (✓) of lege cellen in? Zo'n
    kolom (een kwartaal in de planning) wordt gecentreerd."""
    romp = platte[1:] if met_kop else platte
    uit = []
    for k in range(n):
        waarden = {r[k].strip() for r in romp if k < len(r)}
        uit.append(k > 0 and "✓" in waarden and waarden <= {"✓", ""})
    return uit


def breekpunten(xml: str) -> str:
    """Zet in web- en e-mailadressen een onzichtbaar breekpunt (U+200B) na '/', '.' en '@',
    zodat een smalle cel het adres daar breekt en niet midden in een woord."""
    def in_tekst(m: re.Match) -> str:
        tekst = ADRES_RE.sub(lambda a: _BREEK_NA.sub("\\1\u200b", a.group(0)), m.group(2))
        return m.group(1) + tekst + m.group(3)
    return _TEKST_RE.sub(in_tekst, xml)


class Sectie:
    """Een alinea die een sectie afsluit (pPr/sectPr). De pagina-instelling wordt pas bij het
    schrijven uit de definitieve w:sectPr van het document afgeleid (koptekst, voettekst en
    titelpagina worden pas op het eind toegevoegd)."""

    def __init__(self, o: Opbouw, liggend: bool, eerste: bool) -> None:
        self.o, self.liggend, self.eerste = o, liggend, eerste

    def xml(self) -> str:
        sect = docx_intern.kopie(self.o.sect)
        if not self.eerste:  # alleen de eerste sectie heeft een titelpagina
            for el in sect.findall(W + "titlePg"):
                sect.remove(el)
        if self.liggend:
            pgsz = sect.find(W + "pgSz")
            b, h = pgsz.get(W + "w"), pgsz.get(W + "h")
            pgsz.set(W + "w", h)
            pgsz.set(W + "h", b)
            pgsz.set(W + "orient", "landscape")
        tekst = docx_intern.als_tekst(sect)
        return ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
                f"{tekst}</w:pPr></w:p>")


def _liggend_begin(o: Opbouw) -> None:
    """Sluit de staande sectie af vóór de tabel en wat hem inleidt (koppen, inleidende zin)."""
    i = len(o.uit)
    while i > 0 and isinstance(o.uit[i - 1], Alinea) and (
            o.stijlen.is_kop(o.uit[i - 1].stijl) or "keepNext" in (o.uit[i - 1].ppr or {})):
        i -= 1
    if i > 0 and isinstance(o.uit[i - 1], Sectie) and o.uit[i - 1].liggend:
        del o.uit[i - 1]  # de vorige tabel stond ook liggend: dezelfde sectie loopt door
        return
    o.uit.insert(i, Sectie(o, liggend=False, eerste=not o.secties))
    o.secties += 1


def _liggend_eind(o: Opbouw) -> None:
    o.uit.append(Sectie(o, liggend=True, eerste=False))
    o.stroom.laatste_tabel = False


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
    heeft_kop = rijen[0][1]
    minimum = minimale_breedtes(platte, n)
    beschikbaar = o.tekstbreedte
    liggend = sum(minimum) > beschikbaar
    if liggend:  # past niet staand, ook niet met elk woord op zijn eigen regel: liggende pagina
        _liggend_begin(o)
        beschikbaar = o.tekstbreedte_liggend
    breedtes = kolombreedtes(platte, n, beschikbaar, minimum=minimum)
    rechts = getal_kolommen(platte, n, heeft_kop)
    midden = vink_kolommen(platte, n, heeft_kop)
    delen = [tabel_begin(o, o.stijl("tabel"), breedtes, kop=heeft_kop)]
    kop_stijl, tekst_stijl = o.stijl("tabelkop"), o.stijl("tabeltekst")
    aantal = len(rijen)
    hoog = hoogte(platte, breedtes) * 2 > o.teksthoogte
    for r, (cellen, is_kop) in enumerate(rijen):
        delen.append(rij_begin(is_kop))
        vast = houdt_vast(r, aantal, heeft_kop, hoog)
        for k in range(n):
            c = cellen[k] if k < len(cellen) else None
            ppr: dict | None = {"keepNext": None} if vast else None
            uitlijning = ((c.get("style") or "") + (c.get("align") or "")) if c is not None else ""
            if "right" in uitlijning or rechts[k]:
                ppr = {**(ppr or {}), "jc": {"val": "right"}}
            elif "center" in uitlijning or midden[k]:
                ppr = {**(ppr or {}), "jc": {"val": "center"}}
            p = Alinea(kop_stijl if is_kop else tekst_stijl, ppr)
            o.stroom.begin = True
            if c is not None:
                runs.inline(o, p.inhoud, c)
            xml = cel(breedtes[k], p)
            if "@" in xml or "://" in xml or "www." in xml:
                xml = breekpunten(xml)
            delen.append(xml)
        delen.append("</w:tr>")
    delen.append("</w:tbl>")
    o.uit.append("".join(delen))
    o.stroom.na_tabel = True
    if liggend:
        _liggend_eind(o)
