"""Inline tekst: runs, opmaak, regeleinden en links.

Krijgt de :class:`~.toestand.Opbouw`, een lijst waaraan XML-tekst wordt toegevoegd
(de inhoud van een alinea) en een inline element of stuk tekst uit de gevangen boom;
voegt runs (``w:r``) en hyperlinks (``w:hyperlink``) toe. Voetnootverwijzingen en
afbeeldingen in de tekst gaan naar :mod:`.voetnoten` en :mod:`.afbeeldingen`.
"""
from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from .. import links
from . import afbeeldingen, docx_intern, voetnoten
from .toestand import Opbouw
from .vangen import (
    AMP,
    BLOKKEN,
    BR_RE,
    PLAATSHOUDER_RE,
    STASH_BEGIN,
    WIT_RE,
    is_voetnootref,
    klassen,
)
from .xmltekst import als_xml, esc

# opmaakvlaggen voor runs
VET, CURSIEF, CODE, SUP, SUB, DOORHALEN, LINK = 1, 2, 4, 8, 16, 32, 64


def _rpr_voor(o: Opbouw, opmaak: int) -> str:
    """Het begin van een run (w:r met w:rPr) voor opmaakvlaggen ``opmaak``."""
    rpr = o.rpr.get(opmaak)
    if rpr is None:
        d = []
        if opmaak & LINK:
            d.append(f'<w:rStyle w:val="{o.stijl("hyperlink")}"/>')
        elif opmaak & CODE:
            d.append(f'<w:rStyle w:val="{o.stijl("code")}"/>')
        if opmaak & VET:
            d.append("<w:b/>")
        if opmaak & CURSIEF:
            d.append("<w:i/>")
        if opmaak & DOORHALEN:
            d.append("<w:strike/>")
        if opmaak & SUP:
            d.append('<w:vertAlign w:val="superscript"/>')
        elif opmaak & SUB:
            d.append('<w:vertAlign w:val="subscript"/>')
        rpr = "<w:r><w:rPr>" + "".join(d) + "</w:rPr>" if d else "<w:r>"
        o.rpr[opmaak] = rpr
    return rpr


def run(o: Opbouw, ouder: list, tekst: str, opmaak: int = 0) -> None:
    """Eén run met ``tekst`` zoals die is (geen witruimte samengevoegd)."""
    ouder.append(f'{_rpr_voor(o, opmaak)}<w:t xml:space="preserve">{esc(tekst)}</w:t></w:r>')


def regeleinde(o: Opbouw, ouder: list) -> None:
    ouder.append("<w:r><w:br/></w:r>")
    o.stroom.begin = True


def tekst(o: Opbouw, ouder: list, s: str | None, opmaak: int = 0) -> None:
    """Tekst uit de boom als runs: witruimte samengevoegd, plaatshouders opgelost."""
    if not s:
        return
    if "\x02" in s:
        for i, deel in enumerate(PLAATSHOUDER_RE.split(s)):
            if not deel:
                continue
            if i % 2 == 0:
                _platte_tekst(o, ouder, deel, opmaak)
            elif deel == AMP:
                _platte_tekst(o, ouder, "&", opmaak)
            elif deel.startswith(STASH_BEGIN):
                _stash_inline(o, ouder, deel, opmaak)
            # NBSP- en terugverwijzingsplaatshouders van voetnoten: weglaten
        return
    _platte_tekst(o, ouder, s, opmaak)


def _platte_tekst(o: Opbouw, ouder: list, s: str, opmaak: int) -> None:
    if opmaak & CODE:
        s = html.unescape(s).replace("\t", "    ")
    else:
        if "\n" in s or "  " in s or "\t" in s or "\r" in s:
            s = WIT_RE.sub(" ", s)
        if o.stroom.begin:
            s = s.lstrip(" ")
    if s:
        run(o, ouder, s, opmaak)
        o.stroom.begin = False


def _stash_inline(o: Opbouw, ouder: list, plaatshouder: str, opmaak: int) -> None:
    inhoud = o.vangst.stash_inhoud(plaatshouder)
    if BR_RE.fullmatch(inhoud.strip()):
        regeleinde(o, ouder)
    elif inhoud.startswith("&"):
        run(o, ouder, html.unescape(inhoud), opmaak)
        o.stroom.begin = False
    # andere (HTML-)tags en commentaar: weglaten, de tekst ertussen blijft


def inline(o: Opbouw, ouder: list, el: ET.Element, opmaak: int = 0) -> None:
    """Tekst en kinderen van ``el`` (niet de staart) als runs in ``ouder``."""
    if el.text:
        tekst(o, ouder, el.text, opmaak)
    for kind in el:
        inline_element(o, ouder, kind, opmaak)
        if kind.tail:
            tekst(o, ouder, kind.tail, opmaak)


def inline_element(o: Opbouw, ouder: list, el: ET.Element, opmaak: int) -> None:
    """Eén inline element (zonder zijn staart) als runs in ``ouder``."""
    tag = el.tag
    if tag in ("strong", "b"):
        inline(o, ouder, el, opmaak | VET)
    elif tag in ("em", "i"):
        inline(o, ouder, el, opmaak | CURSIEF)
    elif tag == "a":
        if "footnote-backref" not in klassen(el):
            _link(o, ouder, el, opmaak)
    elif tag == "code":
        inline(o, ouder, el, opmaak | CODE)
    elif tag == "sup":
        if is_voetnootref(el):
            voetnoot_verwijzing(o, ouder, (el.find("a").get("href") or "")[1:])
        else:
            inline(o, ouder, el, opmaak | SUP)
    elif tag == "sub":
        inline(o, ouder, el, opmaak | SUB)
    elif tag in ("del", "s", "strike"):
        inline(o, ouder, el, opmaak | DOORHALEN)
    elif tag == "br":
        regeleinde(o, ouder)
    elif tag == "img":
        afbeelding_in_tekst(o, ouder, el)
    else:
        inline(o, ouder, el, opmaak)


def _link(o: Opbouw, ouder: list, a: ET.Element, opmaak: int) -> None:
    href = links.veilige_href(o.vangst.schone_attr(a.get("href")))  # alleen http(s), mailto en ankers
    if href.startswith("#"):
        anker = o.verwijzingen.ankers.get(href[1:])
        if anker is None:
            inline(o, ouder, a, opmaak)
            return
        ouder.append(f'<w:hyperlink w:anchor="{anker}" w:history="1">')
    elif href:
        rId = docx_intern.externe_link(o.deel, href)
        ouder.append(f'<w:hyperlink r:id="{rId}" w:history="1">')
    else:
        inline(o, ouder, a, opmaak)
        return
    inline(o, ouder, a, opmaak | LINK)
    ouder.append("</w:hyperlink>")


def afbeelding_in_tekst(o: Opbouw, ouder: list, img: ET.Element) -> None:
    """Een afbeelding midden in de tekst; in een voetnoot alleen de alt-tekst."""
    if o.deel is not o.hoofddeel:
        tekst(o, ouder, img.get("alt"))
        return
    pad = afbeeldingen.pad_van(o, img)
    afbeeldingen.afbeelding(o, ouder, pad, o.tekstbreedte, o.teksthoogte * 6 // 10,
                            beschrijving=o.vangst.schone_attr(img.get("alt")))


def voetnoot_verwijzing(o: Opbouw, ouder: list, sleutel: str) -> None:
    """Verwijzing naar voetnoot ``sleutel`` in ``ouder``, plus de voetnoottekst zelf."""
    bron = o.verwijzingen.voetnoot_bron.get(sleutel)
    if bron is None:
        return
    if o.voetnoten is None:
        o.voetnoten = voetnoten.Voetnoten(o.doc)
    vn = o.voetnoten
    vn.aantal += 1
    nr = vn.aantal
    stijl_verwijzing = o.stijl("voetnootverwijzing")
    ouder.append(f'<w:r><w:rPr><w:rStyle w:val="{stijl_verwijzing}"/></w:rPr>'
                 f'<w:footnoteReference w:id="{nr}"/></w:r>')
    # de voetnoottekst zelf, met links als relaties van het voetnotendeel
    with o.in_deel(vn.deel):
        alineas: list = []
        tekst_stijl = o.stijl("voetnoottekst")
        onderdelen = [k for k in bron if k.tag in BLOKKEN] or [bron]
        for i, deel in enumerate(onderdelen):
            p = o.alinea(alineas, tekst_stijl)
            if i == 0:
                p.inhoud.append(f'<w:r><w:rPr><w:rStyle w:val="{stijl_verwijzing}"/></w:rPr>'
                                '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>')
            if deel.tag in ("ul", "ol"):
                tekst(o, p.inhoud, o.vangst.platte_tekst(deel))
            else:
                inline(o, p.inhoud, deel)
        vn.noten.append(f'<w:footnote w:id="{nr}">' + als_xml(alineas) + "</w:footnote>")
