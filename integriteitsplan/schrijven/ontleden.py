"""Markdown ontleden: één keer per document, voor alle schrijvers.

Krijgt de documenttekst in Markdown; geeft een :class:`Vangst` terug: de elementboom
van Python-Markdown na alle boomstappen (inline, voetnoten, attr_list, opmaak) plus de
bewaarde stukken ruwe HTML, met hulpjes om plaatshouders in tekst en attributen op te
lossen. De voetnoten staan in de boom zelf, als laatste ``div class="footnote"``.

De Word-schrijver (:mod:`.word`) en de webpagina (:mod:`.html`) lezen dezelfde
:class:`Vangst`; :func:`integriteitsplan.genereren.maak_document` ontleedt de tekst dus
één keer en geeft het resultaat aan beide (de PDF komt uit de .docx). Geen van beide
schrijvers verandert de boom: de webpagina werkt op een kopie.

Eén hergebruikte ``markdown.Markdown`` ontleedt; een Treeprocessor met de laagste
prioriteit vangt de boom, zodat de HTML nooit geserialiseerd en opnieuw ingelezen wordt.
"""
from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as ET

import markdown
from markdown import util as mdutil
from markdown.extensions import footnotes as mdfootnotes
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.treeprocessors import Treeprocessor


class _Vanger(Treeprocessor):
    """Laatste Treeprocessor: bewaart de boom en geeft een lege terug.

    Zo blijven serialisatie en postprocessors (die we niet nodig hebben) vrijwel
    zonder kosten.
    """

    wortel: ET.Element | None = None

    def run(self, root: ET.Element) -> ET.Element:
        self.wortel = root
        return ET.Element(self.md.doc_tag)


_MD = markdown.Markdown(extensions=["tables", "footnotes", "attr_list", "sane_lists"])
# ~~doorgehaald~~ (het verschillenrapport) wordt <del>: doorgehaald in Word, <del> in HTML.
_MD.inlinePatterns.register(SimpleTagInlineProcessor(r"(~~)(.+?)~~", "del"), "doorhalen", 65)
# Inline-patronen die de sjablonen en profielen niet gebruiken (verwijslinks als [tekst][1],
# ruwe HTML) kosten bij elk stuk tekst een poging; zonder ze is het ontleden een derde sneller.
for _patroon in ("reference", "image_reference", "short_reference", "short_image_ref", "html"):
    if _patroon in _MD.inlinePatterns:
        _MD.inlinePatterns.deregister(_patroon)
_VANGER = _Vanger(_MD)
_MD.treeprocessors.register(_VANGER, "integriteitsplan-vanger", -1000)
_MD_SLOT = threading.Lock()

# plaatshouders die Python-Markdown in tekst achterlaat
AMP = mdutil.AMP_SUBSTITUTE
PLAATSHOUDER_RE = re.compile(
    "(%s|%s|%s|%s)"
    % (
        mdutil.HTML_PLACEHOLDER % r"[0-9]+",
        re.escape(mdutil.AMP_SUBSTITUTE),
        re.escape(mdfootnotes.NBSP_PLACEHOLDER),
        re.escape(mdfootnotes.FN_BACKLINK_TEXT),
    )
)
STASH_BEGIN = mdutil.HTML_PLACEHOLDER[:9]
STASH_RE = re.compile(mdutil.HTML_PLACEHOLDER % r"([0-9]+)")
WIT_RE = re.compile(r"[ \t\r\n]+")
TAG_RE = re.compile(r"<[^>]*>")
BR_RE = re.compile(r"<br\s*/?>", re.I)

# elementen die een blok vormen (de rest is inline)
BLOKKEN = {"p", "ul", "ol", "table", "blockquote", "pre", "div", "hr",
           "h1", "h2", "h3", "h4", "h5", "h6"}


def klassen(el: ET.Element) -> set[str]:
    return set((el.get("class") or "").split())


def is_leeg(tekst: str | None) -> bool:
    return not tekst or not tekst.strip()


def is_voetnootref(el: ET.Element) -> bool:
    a = el.find("a") if el.tag == "sup" else None
    return a is not None and "footnote-ref" in klassen(a)


def is_kop(tag: str) -> bool:
    return len(tag) == 2 and tag[0] == "h" and tag[1] in "123456"


class Vangst:
    """De gevangen boom en de bewaarde ruwe HTML van één document."""

    __slots__ = ("wortel", "stash")

    def __init__(self, wortel: ET.Element, stash: list) -> None:
        self.wortel = wortel
        self.stash = stash

    def stash_inhoud(self, plaatshouder: str) -> str:
        """De bewaarde HTML achter een plaatshouder ("" als die er niet is)."""
        m = STASH_RE.fullmatch(plaatshouder)
        if not m:
            return ""
        nr = int(m.group(1))
        if nr >= len(self.stash):
            return ""
        inhoud = self.stash[nr]
        if not isinstance(inhoud, str):
            inhoud = "".join(inhoud.itertext())
        return inhoud

    def schone_attr(self, s: str | None) -> str:
        """Een attribuutwaarde (href, src, alt) zonder plaatshouders."""
        if not s:
            return ""
        if "\x02" in s:
            s = STASH_RE.sub(lambda m: html.unescape(self.stash_inhoud(m.group(0))), s)
            s = s.replace(mdutil.AMP_SUBSTITUTE, "&")
            s = PLAATSHOUDER_RE.sub("", s)
        return s.strip()

    def platte_tekst(self, el: ET.Element) -> str:
        """Alleen de tekst van ``el`` (voor inhoudsopgave en kolombreedtes)."""
        delen: list[str] = []

        def loop(e: ET.Element) -> None:
            if e.text:
                delen.append(e.text)
            for k in e:
                if not is_voetnootref(k):
                    loop(k)
                if k.tail:
                    delen.append(k.tail)

        loop(el)
        s = "".join(delen)
        if "\x02" in s:
            s = STASH_RE.sub(lambda m: html.unescape(TAG_RE.sub("", self.stash_inhoud(m.group(0)))), s)
            s = PLAATSHOUDER_RE.sub(lambda m: "&" if m.group(0) == mdutil.AMP_SUBSTITUTE else "", s)
        return WIT_RE.sub(" ", s).strip()


def ontleed(tekst: str) -> Vangst:
    """Ontleed ``tekst`` (Markdown) tot een :class:`Vangst`."""
    with _MD_SLOT:
        _MD.reset()
        _MD.convert(tekst)
        wortel, _VANGER.wortel = _VANGER.wortel, None
        stash = _MD.htmlStash.rawHtmlBlocks
        _MD.reset()
    if wortel is None:  # lege tekst: Python-Markdown slaat de verwerking dan over
        wortel = ET.Element("div")
    return Vangst(wortel, stash)
