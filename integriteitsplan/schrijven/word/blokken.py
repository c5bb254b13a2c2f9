"""Blokken van de tekst: alinea's, koppen, lijsten, citaten, code en lijnen.

Krijgt de :class:`~.toestand.Opbouw` en elementen uit de gevangen boom; voegt per blok
alinea's (:class:`~.xmltekst.Alinea`) aan de body toe. Tabellen gaan naar
:mod:`.tabellen`, figuren naar :mod:`.afbeeldingen`, inline inhoud naar :mod:`.runs`.
Vooraf geeft :func:`koppen_verzamelen` de koppen voor de inhoudsopgave en legt het
bladwijzers, ankers en voetnootbronnen vast.
"""
from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from . import afbeeldingen, runs, tabellen
from .maten import breedte
from .runs import CODE, VET
from .toestand import Opbouw
from .vangen import (
    AMP,
    BLOKKEN,
    BR_RE,
    PLAATSHOUDER_RE,
    STASH_RE,
    TAG_RE,
    is_kop,
    is_leeg,
    klassen,
)
from .xmltekst import Alinea, geheel


def koppen_verzamelen(o: Opbouw, wortel: ET.Element) -> list[tuple[int, str, str]]:
    """(niveau, tekst, bladwijzer) van de koppen voor de inhoudsopgave (tot het niveau uit de
    documentgegevens, standaard 2), in volgorde."""
    v = o.verwijzingen
    koppen = []
    for el in wortel.iter():
        tag = el.tag
        if is_kop(tag):
            niveau = int(tag[1])
            v.aantal += 1
            naam = f"_Toc{100000000 + v.aantal}"
            v.per_kop[id(el)] = (v.aantal, naam)
            if el.get("id"):
                v.ankers[el.get("id")] = naam
            if niveau <= o.g.inhoudsopgave_niveaus:
                tekst = o.vangst.platte_tekst(el)
                if tekst:
                    koppen.append((niveau, tekst, naam))
        elif tag == "div" and "footnote" in klassen(el):
            for li in el.iter("li"):
                if li.get("id"):
                    v.voetnoot_bron[li.get("id")] = li
    return koppen


def blokken(o: Opbouw, ouder_el: ET.Element, kader: bool = False) -> None:
    for el in ouder_el:
        blok(o, el, kader)


def _kader_stijl(o: Opbouw, kader: bool) -> str | None:
    return o.stijl("kader") if kader else None


def blok(o: Opbouw, el: ET.Element, kader: bool = False) -> None:
    tag = el.tag
    if tag == "p":
        paragraaf(o, el, kader)
    elif is_kop(tag):
        kop(o, el, int(tag[1]), kader)
    elif tag in ("ul", "ol"):
        lijst(o, el, 0)
    elif tag == "table":
        tabellen.tabel(o, el)
    elif tag == "blockquote":
        blokken(o, el, kader=True)
    elif tag == "pre":
        code_blok(o, el, kader)
    elif tag == "hr":
        p = o.alinea(ppr=o.ppr_begin())
        p.zet("pBdr", '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" '
                      'w:color="BFBFBF"/></w:pBdr>')
    elif tag == "div":
        if "footnote" not in klassen(el):  # voetnoten komen bij hun verwijzing
            blokken(o, el, kader)
    else:
        p = o.alinea(stijl=_kader_stijl(o, kader), ppr=o.ppr_begin())
        runs.inline(o, p.inhoud, el)


def kop(o: Opbouw, el: ET.Element, niveau: int, kader: bool) -> None:
    if kader:
        p = o.alinea(stijl=o.stijl("kader"), ppr=o.ppr_begin())
        runs.inline(o, p.inhoud, el, VET)
        return
    sid, nieuwe_pagina, genummerd = o.stijlen.kop_eigenschappen(f"kop{min(niveau, 4)}")
    ppr = None
    o.stroom.na_tabel = False
    eigen_keuze = o.g.hoofdstuk_nieuwe_pagina
    if o.stroom.nieuwe_pagina or (niveau == 1 and eigen_keuze and not nieuwe_pagina):
        ppr = {"pageBreakBefore": None}
    elif niveau == 1 and eigen_keuze is False and nieuwe_pagina:
        ppr = {"pageBreakBefore": {"val": "0"}}  # de kopstijl begint een pagina, het document niet
    o.stroom.nieuwe_pagina = False
    if genummerd:  # automatische kopnummering van de huisstijl uit: nummers staan in de tekst
        ppr = ppr or {}
        ppr["numPr"] = '<w:numPr><w:numId w:val="0"/></w:numPr>'
    if niveau > 4:  # kopstijlen gaan tot niveau 4; het overzicht (navigatievenster) dieper
        ppr = ppr or {}
        ppr["outlineLvl"] = {"val": str(min(niveau, 9) - 1)}
    p = o.alinea(stijl=sid, ppr=ppr)
    bladwijzer = o.verwijzingen.per_kop.get(id(el))
    if bladwijzer:
        nr, naam = bladwijzer
        p.inhoud.append(f'<w:bookmarkStart w:id="{nr}" w:name="{naam}"/>')
        runs.inline(o, p.inhoud, el)
        p.inhoud.append(f'<w:bookmarkEnd w:id="{nr}"/>')
    else:
        runs.inline(o, p.inhoud, el)


def paragraaf(o: Opbouw, el: ET.Element, kader: bool, stijl: str | None = None,
              ppr: dict | None = None) -> None:
    # een alinea met alleen een afbeelding: figuur met bijschrift
    if len(el) == 1 and el[0].tag == "img" and is_leeg(el.text) and is_leeg(el[0].tail) \
            and stijl is None:
        figuur(o, el[0])
        return
    if stijl is None and kader:
        stijl = o.stijl("kader")
    # een blok ruwe HTML (commentaar e.d.)
    if not len(el) and el.text and el.text[0] == "\x02" and STASH_RE.fullmatch(el.text.strip()):
        inhoud = o.vangst.stash_inhoud(el.text.strip())
        if inhoud.lstrip().startswith("<!--"):
            return
        tekst = html.unescape(TAG_RE.sub(" ", BR_RE.sub("\n", inhoud))).strip()
        if not tekst:
            return
        p = o.alinea(stijl=stijl, ppr=o.ppr_begin())
        for i, regel in enumerate(tekst.splitlines()):
            if i:
                runs.regeleinde(o, p.inhoud)
            runs.tekst(o, p.inhoud, regel)
        return
    begin = o.ppr_begin()
    if ppr:
        begin = {**(begin or {}), **ppr}
    vorige = o.uit[-1] if o.uit else None
    p = o.alinea(stijl=stijl, ppr=begin)
    runs.inline(o, p.inhoud, el)
    if isinstance(vorige, Alinea) and not o.stijlen.is_kop(vorige.stijl) \
            and _een_regel("".join(el.itertext()), o.tekstbreedte):
        # een alinea van één regel staat nooit alleen bovenaan een pagina: het blok ervoor
        # (met weeskindregeling: zijn laatste twee regels) gaat mee
        vorige.zet("keepNext")


def _een_regel(tekst: str, tekstbreedte: int) -> bool:
    """Past ``tekst`` (lopende tekst, 11 pt) op één regel?"""
    return len(tekst) < 140 and breedte(tekst, 11.0) < tekstbreedte


def code_blok(o: Opbouw, el: ET.Element, kader: bool) -> None:
    tekst = "".join(el.itertext()).replace(AMP, "&")
    tekst = PLAATSHOUDER_RE.sub("", tekst)
    tekst = html.unescape(tekst).rstrip("\n")
    p = o.alinea(stijl=_kader_stijl(o, kader), ppr=o.ppr_begin())
    for i, regel in enumerate(tekst.split("\n")):
        if i:
            runs.regeleinde(o, p.inhoud)
        if regel:
            runs.run(o, p.inhoud, regel.replace("\t", "    "), CODE)


# -- lijsten -------------------------------------------------------------------


class _Item:
    """Eén lijstitem in opbouw: de inline inhoud wacht tot er een blok of het eind komt."""

    __slots__ = ("o", "stijl", "vervolg", "numpr", "eerste", "wachtend")

    def __init__(self, o: Opbouw, stijl: str, vervolg: str, numpr: str | None) -> None:
        self.o, self.stijl, self.vervolg, self.numpr = o, stijl, vervolg, numpr
        self.eerste = True  # nog geen alinea geschreven (die krijgt het nummer)
        self.wachtend: list = []  # inline inhoud: tekst of elementen

    def alinea(self) -> Alinea:
        """De volgende alinea van het item: de eerste met nummer, daarna vervolgalinea's."""
        o = self.o
        ppr = o.ppr_begin()
        if self.eerste:
            self.eerste = False
            if self.numpr:
                ppr = ppr or {}
                ppr["numPr"] = self.numpr
            return o.alinea(stijl=self.stijl, ppr=ppr)
        return o.alinea(stijl=self.vervolg, ppr=ppr)

    def spoel(self) -> None:
        """Schrijf de wachtende inline inhoud als alinea."""
        wachtend = self.wachtend
        if not wachtend:
            return
        if all(isinstance(w, str) and is_leeg(w) for w in wachtend):
            wachtend.clear()
            return
        o = self.o
        p = self.alinea()
        for w in wachtend:
            if isinstance(w, str):
                runs.tekst(o, p.inhoud, w)
            else:
                runs.inline_element(o, p.inhoud, w, 0)
                if w.tail:
                    runs.tekst(o, p.inhoud, w.tail)
        wachtend.clear()


def lijst(o: Opbouw, el: ET.Element, diepte: int) -> None:
    if diepte == 0:
        o.houd_inleiding_vast()
    soort = "nummer" if el.tag == "ol" else "opsom"
    sid, abstract, ilvl, numid, via_stijl = o.stijlen.lijst(soort, diepte)
    if soort == "nummer":
        # elke genummerde lijst begint opnieuw: eigen w:num met startOverride
        numid = o.stijlen.nieuwe_num(abstract, ilvl, geheel(el.get("start"), 1))
        numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{numid}"/></w:numPr>'
    elif not via_stijl:
        numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{numid}"/></w:numPr>'
    else:
        numpr = None
    vervolg = o.stijl(f"vervolg{min(diepte, 2) + 1}")

    items = [li for li in el if li.tag == "li"]
    for i, li in enumerate(items):
        item = _Item(o, sid, vervolg, numpr)
        if li.text:
            item.wachtend.append(li.text)
        for kind in li:
            if kind.tag in BLOKKEN:
                item.spoel()
                if kind.tag in ("ul", "ol"):
                    if item.eerste:  # item dat meteen met een sublijst begint
                        item.alinea()
                    lijst(o, kind, diepte + 1)
                elif kind.tag == "p":
                    if item.eerste:
                        runs.inline(o, item.alinea().inhoud, kind)
                    else:
                        paragraaf(o, kind, False, stijl=vervolg)
                else:
                    blok(o, kind)
                if not is_leeg(kind.tail):
                    item.wachtend.append(kind.tail)
            else:
                item.wachtend.append(kind)
        item.spoel()
        if item.eerste:  # leeg lijstitem
            item.alinea()
        if i < len(items) - 1 and (i == 0 or i == len(items) - 2) and isinstance(o.uit[-1], Alinea):
            # geen pagina met één lijstitem: het eerste en het laatste item houden hun buur vast
            o.uit[-1].zet("keepNext")
    if diepte == 0 and o.uit and isinstance(o.uit[-1], Alinea):
        # ruimte na de lijst (binnen de lijst houdt contextualSpacing hem compact)
        o.uit[-1].zet("spacing", {"after": "160"})


def figuur(o: Opbouw, img: ET.Element) -> None:
    """Een alinea met alleen een afbeelding: gecentreerd, op tekstbreedte, met bijschrift.
    De alt-tekst is de beschrijving van de afbeelding; het bijschrift is de titel
    (``![alt](naam.png "bijschrift")``), zonder titel de alt-tekst. Het bijschrift blijft
    bij de afbeelding (de afbeelding houdt het vast)."""
    pad = afbeeldingen.pad_van(o, img)
    alt = o.vangst.schone_attr(img.get("alt"))
    voor = "240" if o.stroom.na_tabel else "120"
    ppr = o.ppr_begin() or {}
    ppr.update({"keepNext": None, "spacing": {"before": voor, "after": "0"},
                "jc": {"val": "center"}})
    p = o.alinea(ppr=ppr)
    afbeeldingen.afbeelding(o, p.inhoud, pad, o.tekstbreedte, o.teksthoogte * 6 // 10, vul_breedte=True,
                            beschrijving=alt)
    bijschrift = o.vangst.schone_attr(img.get("title")) or alt
    if bijschrift:
        runs.run(o, o.alinea(stijl=o.stijl("bijschrift")).inhoud, bijschrift)
