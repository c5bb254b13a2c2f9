"""Word-uitvoer: bouwt een .docx uit de documenttekst in Markdown.

Het document bestaat uit een titelpagina (uit :class:`Documentgegevens`), een
inhoudsopgave en de tekst. De opmaak komt uit een referentiedocument: de meegeleverde
``integriteitsplan/huisstijl/standaard.docx`` (gemaakt door ``tools/maak_huisstijl.py``)
of de eigen huisstijl van een gemeente. Ontbreekt daarin een stijl die hier nodig is,
dan wordt die uit de standaardhuisstijl overgenomen.

Werkwijze, met het oog op snelheid:

* de Markdown wordt ontleed door één hergebruikte ``markdown.Markdown``; een
  Treeprocessor met de laagste prioriteit vangt de elementboom na de inline-verwerking
  (de HTML wordt dus nooit opnieuw ingelezen);
* het referentiedocument wordt eenmaal per proces geopend en per document diep
  gekopieerd;
* de tekst (body, tabellen, voetnoten, kop- en voettekst) wordt als XML-tekst
  opgebouwd en niet element voor element met lxml;
* stijl-id's worden eenmaal per document opgezocht;
* het zip-pakket wordt zelf geschreven met vaste datums en een vaste volgorde, zodat
  dezelfde invoer byte voor byte hetzelfde bestand geeft.
"""
from __future__ import annotations

import copy
import datetime
import html
import io
import re
import threading
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import docx
import markdown
from docx.enum.section import WD_HEADER_FOOTER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import parse_xml
from docx.oxml.shape import CT_Inline
from lxml import etree
from markdown import util as mdutil
from markdown.extensions import footnotes as mdfootnotes
from markdown.treeprocessors import Treeprocessor

from integriteitsplan.domein import paden
from integriteitsplan.schrijven import huisstijl_opschonen, links
from integriteitsplan.fouten import IntegriteitsplanFout

__all__ = ["Documentgegevens", "maak_docx", "schrijf_pakket", "STANDAARD_HUISSTIJL"]

STANDAARD_HUISSTIJL = Path(__file__).resolve().parent.parent / "huisstijl" / "standaard.docx"


@dataclass
class Documentgegevens:
    titel: str  # bijv. "Beleidsplan Integriteit"
    gemeente: str  # bijv. "Gemeente Voorbeeldstad"
    ondertitel: str | None = None
    onderwerp: str | None = None  # kenmerk 'subject'
    # regels van de tabel op de titelpagina: (label, waarde), al opgemaakt
    metadata: list[tuple[str, str]] = field(default_factory=list)
    concept: bool = False  # True: duidelijke CONCEPT-markering op titelpagina en in koptekst
    datum: datetime.date | None = None  # aangemaakt/gewijzigd; None = 2000-01-01
    steller: str | None = None  # auteur / laatst gewijzigd door (anders de gemeente)
    logo: Path | None = None  # PNG/JPG op de titelpagina
    huisstijl: Path | None = None  # eigen referentie-.docx; None = standaard.docx


# ---------------------------------------------------------------------------
# namen

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "{%s}" % _W_NS
_R_ID = "{%s}id" % _R_NS
_NSDECL = f'xmlns:w="{_W_NS}" xmlns:r="{_R_NS}"'

_PPR, _RPR, _TAB, _PAGEBREAKBEFORE = W + "pPr", W + "rPr", W + "tab", W + "pageBreakBefore"
_VAL, _TYPE, _ID, _NAME = W + "val", W + "type", W + "id", W + "name"
_STYLE, _STYLEID, _BASEDON = W + "style", W + "styleId", W + "basedOn"
_NUMPR, _ILVL, _NUMID = W + "numPr", W + "ilvl", W + "numId"
_ABSTRACTNUM, _ABSTRACTNUMID, _NUM = W + "abstractNum", W + "abstractNumId", W + "num"

_EMU_PER_TWIP = 635
_TOC_INSTRUCTIE = ' TOC \\o "1-3" \\h \\z \\u '

# opmaakvlaggen voor runs
_VET, _CURSIEF, _CODE, _SUP, _SUB, _DOORHALEN, _LINK = 1, 2, 4, 8, 16, 32, 64

# stijlen die de schrijver gebruikt: sleutel -> (soort, naam in het referentiedocument)
_STIJLEN: dict[str, tuple[str, str]] = {
    "titel": ("paragraph", "Title"),
    "ondertitel": ("paragraph", "Subtitle"),
    "gemeente": ("paragraph", "Omslag gemeente"),
    "concept": ("paragraph", "Concept"),
    "conceptmarkering": ("character", "Conceptmarkering"),
    "kop1": ("paragraph", "heading 1"),
    "kop2": ("paragraph", "heading 2"),
    "kop3": ("paragraph", "heading 3"),
    "kop4": ("paragraph", "heading 4"),
    "inhoudkop": ("paragraph", "TOC Heading"),
    "toc1": ("paragraph", "toc 1"),
    "toc2": ("paragraph", "toc 2"),
    "toc3": ("paragraph", "toc 3"),
    "opsom1": ("paragraph", "List Bullet"),
    "opsom2": ("paragraph", "List Bullet 2"),
    "opsom3": ("paragraph", "List Bullet 3"),
    "nummer1": ("paragraph", "List Number"),
    "nummer2": ("paragraph", "List Number 2"),
    "nummer3": ("paragraph", "List Number 3"),
    "vervolg1": ("paragraph", "List Continue"),
    "vervolg2": ("paragraph", "List Continue 2"),
    "vervolg3": ("paragraph", "List Continue 3"),
    "tabeltekst": ("paragraph", "Tabeltekst"),
    "tabelkop": ("paragraph", "Tabelkop"),
    "tabel": ("table", "Integriteitsplan tabel"),
    "omslagtabel": ("table", "Omslagtabel"),
    "bijschrift": ("paragraph", "caption"),
    "kader": ("paragraph", "Kader"),
    "koptekst": ("paragraph", "header"),
    "voettekst": ("paragraph", "footer"),
    "voetnoottekst": ("paragraph", "footnote text"),
    "voetnootverwijzing": ("character", "footnote reference"),
    "hyperlink": ("character", "Hyperlink"),
    "code": ("character", "HTML Code"),
}

# volgorde van w:settings (CT_Settings), nodig om elementen op een geldige plek te zetten
_INSTELLINGEN_VOLGORDE = {
    W + n: i
    for i, n in enumerate(
        "writeProtection view zoom removePersonalInformation removeDateAndTime "
        "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
        "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
        "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
        "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
        "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate "
        "linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge "
        "revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection "
        "autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
        "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength "
        "clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting "
        "bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
        "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery "
        "displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin "
        "drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData "
        "noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars "
        "noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema "
        "saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml "
        "saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
        "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat "
        "docVars rsids mathPr attachedSchema themeFontLang clrSchemeMapping "
        "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
        "readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags "
        "decimalSymbol listSeparator".split()
    )
}
_INSTELLINGEN_VOLGORDE["{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"] = (
    _INSTELLINGEN_VOLGORDE[W + "mathPr"]
)


# ---------------------------------------------------------------------------
# Markdown


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
# Inline-patronen die de sjablonen en profielen niet gebruiken (verwijslinks als [tekst][1],
# ruwe HTML) kosten bij elk stuk tekst een poging; zonder ze is het ontleden een derde sneller.
for _patroon in ("reference", "image_reference", "short_reference", "short_image_ref", "html"):
    if _patroon in _MD.inlinePatterns:
        _MD.inlinePatterns.deregister(_patroon)
_VANGER = _Vanger(_MD)
_MD.treeprocessors.register(_VANGER, "integriteitsplan-vanger", -1000)
_MD_SLOT = threading.Lock()

# plaatshouders die Python-Markdown in tekst achterlaat
_PLAATSHOUDER_RE = re.compile(
    "(%s|%s|%s|%s)"
    % (
        mdutil.HTML_PLACEHOLDER % r"[0-9]+",
        re.escape(mdutil.AMP_SUBSTITUTE),
        re.escape(mdfootnotes.NBSP_PLACEHOLDER),
        re.escape(mdfootnotes.FN_BACKLINK_TEXT),
    )
)
_STASH_RE = re.compile(mdutil.HTML_PLACEHOLDER % r"([0-9]+)")
_WIT_RE = re.compile(r"[ \t\r\n]+")
_TAG_RE = re.compile(r"<[^>]*>")
_BR_RE = re.compile(r"<br\s*/?>", re.I)


def _ontleed(tekst: str) -> tuple[ET.Element, list]:
    with _MD_SLOT:
        _MD.reset()
        _MD.convert(tekst)
        wortel, _VANGER.wortel = _VANGER.wortel, None
        stash = _MD.htmlStash.rawHtmlBlocks
        _MD.reset()
    if wortel is None:  # lege tekst: Python-Markdown slaat de verwerking dan over
        wortel = ET.Element("div")
    return wortel, stash


# ---------------------------------------------------------------------------
# referentiedocument

_CACHE: dict[tuple, bytes] = {}
_CACHE_SLOT = threading.Lock()
_SJABLOON_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _fout_huisstijl(pad: Path, wat: str) -> IntegriteitsplanFout:
    return IntegriteitsplanFout(
        f"De huisstijl {pad} {wat}\n"
        "Geef bij 'huisstijl' een Word-document (.docx of .dotx) op dat in Word is "
        "opgeslagen als 'Word-document', of laat 'huisstijl' weg om de standaardhuisstijl "
        "te gebruiken. Er is niets geschreven."
    )


def _sleutel(pad: Path) -> tuple:
    try:
        st = pad.stat()
    except OSError:
        raise _fout_huisstijl(pad, "bestaat niet of is niet te lezen.") from None
    return (str(pad), st.st_mtime_ns, st.st_size)


def _huisstijl_bytes(pad: Path, sleutel: tuple | None = None) -> bytes:
    """De bytes van het referentiedocument, eenmaal per proces gelezen en gecontroleerd."""
    sleutel = sleutel or _sleutel(pad)
    gevonden = _CACHE.get(sleutel)
    if gevonden is not None:
        return gevonden
    if not pad.is_file():
        raise _fout_huisstijl(pad, "is geen bestand.")
    try:
        data = pad.read_bytes()
    except OSError as e:
        raise _fout_huisstijl(pad, f"is niet te lezen ({e.strerror}).") from None
    data = _controleer_huisstijl(pad, huisstijl_opschonen.schoon_en_meld(pad, data) if zipfile.is_zipfile(io.BytesIO(data)) else data)
    with _CACHE_SLOT:
        _CACHE[sleutel] = data
    return data


def _controleer_huisstijl(pad: Path, data: bytes) -> bytes:
    """Controleer dat ``data`` een Word-document is; maak van een .dotx een .docx."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            typen = z.read("[Content_Types].xml")
            if _SJABLOON_CT in typen:
                # een Word-sjabloon (.dotx): alleen het inhoudstype verschilt
                buf = io.BytesIO()
                with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as uit:
                    for info in z.infolist():
                        inhoud = z.read(info.filename)
                        if info.filename == "[Content_Types].xml":
                            inhoud = inhoud.replace(_SJABLOON_CT, _DOCUMENT_CT)
                        uit.writestr(info, inhoud)
                data = buf.getvalue()
        docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError):
        raise _fout_huisstijl(pad, "is geen Word-document (geen geldig .docx-bestand).") from None
    except Exception as e:  # python-docx meldt een verkeerd inhoudstype als ValueError e.d.
        raise _fout_huisstijl(pad, f"is geen bruikbaar Word-document ({e}).") from None
    return data


class _Standaard:
    """Stijlen en nummering uit standaard.docx, om ontbrekende stijlen aan te vullen."""

    _inst: "_Standaard | None" = None

    def __init__(self) -> None:
        with zipfile.ZipFile(io.BytesIO(_huisstijl_bytes(STANDAARD_HUISSTIJL))) as z:
            self.stijlen = etree.fromstring(z.read("word/styles.xml"))
            self.nummering = etree.fromstring(z.read("word/numbering.xml"))
        self.per_naam: dict[tuple[str, str], etree._Element] = {}
        self.per_id: dict[str, etree._Element] = {}
        for s in self.stijlen.iter(_STYLE):
            naam = s.find(_NAME)
            self.per_id[s.get(_STYLEID)] = s
            if naam is not None:
                self.per_naam[(s.get(_TYPE), naam.get(_VAL).lower())] = s

    @classmethod
    def get(cls) -> "_Standaard":
        if cls._inst is None:
            cls._inst = cls()
        return cls._inst


# ---------------------------------------------------------------------------
# pakket schrijven

_ZIPDATUM = (2000, 1, 1, 0, 0, 0)


def schrijf_pakket(pakket, vervangen: dict[str, bytes] | None = None) -> bytes:
    """Schrijf een python-docx-pakket als zip met vaste datums en volgorde.

    ``vervangen`` geeft voor een deel (partname, bijv. "/word/document.xml") de bytes die
    in plaats van de eigen serialisatie worden geschreven.
    """
    vervangen = vervangen or {}
    delen = list(pakket.iter_parts())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:

        def schrijf(naam: str, data) -> None:
            info = zipfile.ZipInfo(naam, _ZIPDATUM)
            info.create_system = 0
            info.external_attr = 0
            if naam.startswith("word/media/"):
                z.writestr(info, data, compress_type=zipfile.ZIP_STORED)
            else:
                z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)

        schrijf("[Content_Types].xml", _ContentTypesItem.from_parts(delen).blob)
        schrijf("_rels/.rels", pakket.rels.xml)
        for deel in delen:
            blob = vervangen.get(deel.partname)
            schrijf(deel.partname.membername, deel.blob if blob is None else blob)
            if len(deel.rels):
                schrijf(deel.partname.rels_uri.membername, deel.rels.xml)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# hulpjes

_ILLEGAAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _esc(s: str) -> str:
    """Tekst veilig voor XML (ook in attributen)."""
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if '"' in s:
        s = s.replace('"', "&quot;")
    if _ILLEGAAL_RE.search(s):
        s = _ILLEGAAL_RE.sub("", s)
    return s


def _sub(ouder, tag: str, attrib: dict | None = None):
    return etree.SubElement(ouder, tag, attrib) if attrib else etree.SubElement(ouder, tag)


def _int(waarde, standaard: int) -> int:
    try:
        return int(float(waarde))
    except (TypeError, ValueError):
        return standaard


def _klassen(el: ET.Element) -> set[str]:
    return set((el.get("class") or "").split())


def _is_leeg(tekst: str | None) -> bool:
    return not tekst or not tekst.strip()


def _is_voetnootref(el: ET.Element) -> bool:
    a = el.find("a") if el.tag == "sup" else None
    return a is not None and "footnote-ref" in _klassen(a)


_BLOKKEN = {"p", "ul", "ol", "table", "blockquote", "pre", "div", "hr",
            "h1", "h2", "h3", "h4", "h5", "h6"}

_PPR_VOLGORDE = {
    n: i
    for i, n in enumerate(
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
        "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange".split()
    )
}


# tekenbreedtes van Calibri (= Carlito) in duizendsten van een em, voor ' ' tot '~'
_TEKENBREEDTES = (
    226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507,
    507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533,
    615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642,
    567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525, 498, 305, 471,
    525, 230, 239, 455, 230, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453,
    395, 314, 460, 314, 498,
)
_BREEDTE = {chr(32 + i): b for i, b in enumerate(_TEKENBREEDTES)}


def _breedte(woord: str, pt: float = 10.0) -> int:
    """Geschatte breedte van ``woord`` in twips bij ``pt`` punten (Calibri)."""
    totaal = 0
    for teken in woord:
        b = _BREEDTE.get(teken)
        if b is None:
            basis = unicodedata.normalize("NFD", teken)[:1]
            b = _BREEDTE.get(basis, 560)
            _BREEDTE[teken] = b
        totaal += b
    return int(totaal * pt * 20 / 1000)


class _P:
    """Een alinea in opbouw: stijl, overige pPr-kinderen en de inhoud als XML-tekst.

    ``ppr`` koppelt een pPr-kindnaam aan None (leeg element), een dict met attributen
    of een volledige XML-tekst; de volgorde van het schema wordt bij het schrijven
    aangehouden.
    """

    __slots__ = ("stijl", "ppr", "inhoud")

    def __init__(self, stijl: str | None, ppr: dict | None) -> None:
        self.stijl = stijl
        self.ppr = ppr
        self.inhoud: list[str] = []

    def zet(self, naam: str, waarde=None) -> None:
        if self.ppr is None:
            self.ppr = {}
        oud = self.ppr.get(naam)
        if isinstance(oud, dict) and isinstance(waarde, dict):
            oud.update(waarde)
        else:
            self.ppr[naam] = waarde

    def xml(self) -> str:
        kop = f'<w:pStyle w:val="{self.stijl}"/>' if self.stijl else ""
        if self.ppr:
            for naam in sorted(self.ppr, key=_PPR_VOLGORDE.__getitem__):
                v = self.ppr[naam]
                if v is None:
                    kop += f"<w:{naam}/>"
                elif isinstance(v, str):
                    kop += v
                else:
                    kop += f"<w:{naam}" + "".join(f' w:{k}="{a}"' for k, a in v.items()) + "/>"
        begin = f"<w:p><w:pPr>{kop}</w:pPr>" if kop else "<w:p>"
        return begin + "".join(self.inhoud) + "</w:p>"


def _xml(lijst: list) -> str:
    return "".join(x if isinstance(x, str) else x.xml() for x in lijst)


def _veld(instructie: str, resultaat: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instructie}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{resultaat}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


class _Voetnoten:
    """Het deel word/footnotes.xml; de inhoud wordt aan het eind als XML ingezet."""

    def __init__(self, document_deel) -> None:
        leeg = parse_xml(f"<w:footnotes {_NSDECL}/>")
        self.deel = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, leeg,
                            document_deel.package)
        document_deel.relate_to(self.deel, RT.FOOTNOTES)
        self.noten: list = []
        self.aantal = 0

    def sluit(self) -> None:
        scheiding = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" '
                     'w:lineRule="auto"/></w:pPr><w:r><w:{0}/></w:r></w:p>')
        self.deel._element = parse_xml(
            f"<w:footnotes {_NSDECL}>"
            '<w:footnote w:type="separator" w:id="-1">' + scheiding.format("separator")
            + '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0">'
            + scheiding.format("continuationSeparator") + "</w:footnote>"
            + _xml(self.noten) + "</w:footnotes>"
        )


# ---------------------------------------------------------------------------
# de bouwer


class _Bouwer:
    def __init__(self, doc, gegevens: Documentgegevens, afbeeldingen: Path | None, stash: list):
        self.doc = doc
        self.deel = doc.part  # het deel waaraan relaties (links) worden gehangen
        self.g = gegevens
        self.afbeeldingen = afbeeldingen
        self.stash = stash
        self.uit: list = []  # de body: _P-objecten en XML-tekst
        self.stijlen_el = doc.part._styles_part.element
        self._nummering_el = None
        self._ids: dict[str, str] = {}
        self._index: dict[tuple[str, str], str] = {}
        self._per_id: dict[str, etree._Element] = {}
        self._standaard_per_type: dict[str, str] = {}
        for s in self.stijlen_el.iter(_STYLE):
            sid, soort = s.get(_STYLEID), s.get(_TYPE)
            self._per_id[sid] = s
            naam = s.find(_NAME)
            if naam is not None:
                self._index.setdefault((soort, naam.get(_VAL).lower()), sid)
            if s.get(W + "default") in ("1", "true", "on"):
                self._standaard_per_type.setdefault(soort, sid)
        self._num_kopie: dict[str, str] = {}
        self._lijstinfo: dict[str, tuple] = {}
        self._rpr: dict[int, str] = {}
        self._bladwijzers = 0
        self._vorm_id = 0
        self._voetnoten: _Voetnoten | None = None
        self._voetnoot_bron: dict[str, ET.Element] = {}
        self._ankers: dict[str, str] = {}
        self._kop_bladwijzer: dict[int, tuple[int, str]] = {}
        self._begin = True  # aan het begin van een regel: witruimte weglaten
        self._na_tabel = False
        self._laatste_tabel = False
        self._nieuwe_pagina = False
        self._kop_eigenschappen: dict[str, tuple[bool, bool]] = {}
        body = doc.element.body
        sect = body.find(W + "sectPr")
        if sect is None:
            sect = parse_xml(
                f'<w:sectPr {_NSDECL}><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" '
                'w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="567" '
                'w:gutter="0"/></w:sectPr>'
            )
        self.sectPr = sect
        pgsz, pgmar = sect.find(W + "pgSz"), sect.find(W + "pgMar")
        breed = _int(pgsz.get(W + "w"), 11906) if pgsz is not None else 11906
        hoog = _int(pgsz.get(W + "h"), 16838) if pgsz is not None else 16838
        if pgmar is not None:
            links, rechts = _int(pgmar.get(W + "left"), 1418), _int(pgmar.get(W + "right"), 1418)
            boven, onder = _int(pgmar.get(W + "top"), 1418), _int(pgmar.get(W + "bottom"), 1418)
            goot = _int(pgmar.get(W + "gutter"), 0)
        else:
            links = rechts = boven = onder = 1418
            goot = 0
        self.tekstbreedte = max(breed - links - rechts - goot, 2000)
        self.teksthoogte = max(hoog - abs(boven) - abs(onder), 3000)

    # -- stijlen -----------------------------------------------------------

    def stijl(self, sleutel: str) -> str:
        """Het styleId (XML-veilig) voor een stijl; eenmaal opgezocht, ontbrekend = overgenomen."""
        sid = self._ids.get(sleutel)
        if sid is None:
            soort, naam = _STIJLEN[sleutel]
            sid = _esc(self._stijl_id(soort, naam))
            self._ids[sleutel] = sid
        return sid

    def _ruwe_stijl(self, sleutel: str) -> str:
        soort, naam = _STIJLEN[sleutel]
        self.stijl(sleutel)
        return self._index[(soort, naam.lower())]

    def _stijl_id(self, soort: str, naam: str) -> str:
        sid = self._index.get((soort, naam.lower()))
        if sid is None:
            sid = self._neem_stijl_over(soort, naam)
        return sid

    def _neem_stijl_over(self, soort: str, naam: str) -> str:
        std = _Standaard.get()
        bron = std.per_naam[(soort, naam.lower())]
        nieuw = copy.deepcopy(bron)
        sid = bron.get(_STYLEID)
        basis_id, n = sid, 1
        while sid in self._per_id:
            n += 1
            sid = f"{basis_id}{n}"
        nieuw.set(_STYLEID, sid)
        nieuw.attrib.pop(W + "default", None)
        self._index[(soort, naam.lower())] = sid
        self._per_id[sid] = nieuw
        for tag in (_BASEDON, W + "next", W + "link"):
            ref = nieuw.find(tag)
            if ref is None:
                continue
            doel = std.per_id.get(ref.get(_VAL))
            doel_id = None
            if doel is not None:
                dsoort = doel.get(_TYPE)
                if doel.get(W + "default") == "1":
                    doel_id = self._standaard_per_type.get(dsoort)
                if doel_id is None:
                    doel_id = self._stijl_id(dsoort, doel.find(_NAME).get(_VAL))
            if doel_id is None:
                nieuw.remove(ref)
            else:
                ref.set(_VAL, doel_id)
        numid = nieuw.find(f"{_PPR}/{_NUMPR}/{_NUMID}")
        if numid is not None:
            numid.set(_VAL, self._neem_nummering_over(numid.get(_VAL)))
        self.stijlen_el.append(nieuw)
        return sid

    @property
    def nummering(self):
        if self._nummering_el is None:
            self._nummering_el = self.doc.part.numbering_part.element
        return self._nummering_el

    def _neem_nummering_over(self, std_numid: str) -> str:
        """Neem een w:num (en zijn abstractNum) uit de standaard over; geeft het nieuwe numId."""
        if std_numid in self._num_kopie:
            return self._num_kopie[std_numid]
        std = _Standaard.get().nummering
        num = next(n for n in std.iter(_NUM) if n.get(_NUMID) == std_numid)
        abstract_id = num.find(_ABSTRACTNUMID).get(_VAL)
        bron = next(a for a in std.iter(_ABSTRACTNUM) if a.get(_ABSTRACTNUMID) == abstract_id)
        nieuw_abs = copy.deepcopy(bron)
        nieuw_abs.set(_ABSTRACTNUMID, str(self._volgend_id(_ABSTRACTNUM, _ABSTRACTNUMID)))
        bestaande = self.nummering.findall(_ABSTRACTNUM)
        if bestaande:
            bestaande[-1].addnext(nieuw_abs)
        else:
            eerste_num = self.nummering.find(_NUM)
            if eerste_num is not None:
                eerste_num.addprevious(nieuw_abs)
            else:
                self.nummering.append(nieuw_abs)
        nieuw = self._nieuwe_num(nieuw_abs.get(_ABSTRACTNUMID))
        self._num_kopie[std_numid] = nieuw
        return nieuw

    def _volgend_id(self, tag: str, attr: str) -> int:
        return max((_int(e.get(attr), 0) for e in self.nummering.iter(tag)), default=0) + 1

    def _nieuwe_num(self, abstract_id: str, herstart_niveau: int | None = None, start: int = 1) -> str:
        numid = str(self._volgend_id(_NUM, _NUMID))
        num = etree.Element(_NUM, {_NUMID: numid})
        _sub(num, _ABSTRACTNUMID, {_VAL: abstract_id})
        if herstart_niveau is not None:
            ov = _sub(num, W + "lvlOverride", {_ILVL: str(herstart_niveau)})
            _sub(ov, W + "startOverride", {_VAL: str(start)})
        opruimen = self.nummering.find(W + "numIdMacAtCleanup")
        if opruimen is not None:
            opruimen.addprevious(num)
        else:
            self.nummering.append(num)
        return numid

    def _keten(self, sid: str):
        """De stijl en zijn basisstijlen, van specifiek naar algemeen."""
        gezien = set()
        while sid and sid not in gezien:
            gezien.add(sid)
            s = self._per_id.get(sid)
            if s is None:
                return
            yield s
            b = s.find(_BASEDON)
            sid = b.get(_VAL) if b is not None else None

    def _stijl_numpr(self, sid: str) -> tuple[str, int] | None:
        for s in self._keten(sid):
            numpr = s.find(f"{_PPR}/{_NUMPR}")
            if numpr is not None:
                nid = numpr.find(_NUMID)
                lvl = numpr.find(_ILVL)
                if nid is None:
                    continue
                if nid.get(_VAL) == "0":
                    return None
                return nid.get(_VAL), _int(lvl.get(_VAL), 0) if lvl is not None else 0
        return None

    def _stijl_heeft(self, sid: str, tag: str) -> bool:
        for s in self._keten(sid):
            el = s.find(f"{_PPR}/{tag}")
            if el is not None:
                return el.get(_VAL, "1") not in ("0", "false", "off")
        return False

    def _abstract_van(self, numid: str) -> str | None:
        for n in self.nummering.iter(_NUM):
            if n.get(_NUMID) == numid:
                a = n.find(_ABSTRACTNUMID)
                return a.get(_VAL) if a is not None else None
        return None

    def _lijst(self, soort: str, diepte: int) -> tuple:
        """(stijl-id, abstractNumId, ilvl, numId, nummering via de stijl) voor een lijst."""
        sleutel = f"{soort}{min(diepte, 2) + 1}"
        info = self._lijstinfo.get(sleutel)
        if info is None:
            sid = self.stijl(sleutel)
            numpr = self._stijl_numpr(self._ruwe_stijl(sleutel))
            abstract = self._abstract_van(numpr[0]) if numpr else None
            if abstract is None:
                # stijl zonder (geldige) nummering: die van de standaard overnemen
                numid = self._neem_nummering_over("1" if soort == "opsom" else "2")
                info = (sid, self._abstract_van(numid), diepte, numid, False)
            else:
                info = (sid, abstract, numpr[1], numpr[0], True)
            self._lijstinfo[sleutel] = info
        return info

    # -- alinea's en runs ----------------------------------------------------

    def alinea(self, doel: list | None = None, stijl: str | None = None,
               ppr: dict | None = None) -> _P:
        """Nieuwe alinea aan het eind van ``doel`` (standaard de body)."""
        p = _P(stijl, ppr)
        (self.uit if doel is None else doel).append(p)
        self._begin = True
        if doel is None:
            self._laatste_tabel = False
        return p

    def _rpr_voor(self, opmaak: int) -> str:
        rpr = self._rpr.get(opmaak)
        if rpr is None:
            d = []
            if opmaak & _LINK:
                d.append(f'<w:rStyle w:val="{self.stijl("hyperlink")}"/>')
            elif opmaak & _CODE:
                d.append(f'<w:rStyle w:val="{self.stijl("code")}"/>')
            if opmaak & _VET:
                d.append("<w:b/>")
            if opmaak & _CURSIEF:
                d.append("<w:i/>")
            if opmaak & _DOORHALEN:
                d.append("<w:strike/>")
            if opmaak & _SUP:
                d.append('<w:vertAlign w:val="superscript"/>')
            elif opmaak & _SUB:
                d.append('<w:vertAlign w:val="subscript"/>')
            rpr = "<w:r><w:rPr>" + "".join(d) + "</w:rPr>" if d else "<w:r>"
            self._rpr[opmaak] = rpr
        return rpr

    def run(self, ouder: list, tekst: str, opmaak: int = 0) -> None:
        ouder.append(f'{self._rpr_voor(opmaak)}<w:t xml:space="preserve">{_esc(tekst)}</w:t></w:r>')

    def regeleinde(self, ouder: list) -> None:
        ouder.append("<w:r><w:br/></w:r>")
        self._begin = True

    def tekst(self, ouder: list, s: str | None, opmaak: int = 0) -> None:
        if not s:
            return
        if "\x02" in s:
            for i, deel in enumerate(_PLAATSHOUDER_RE.split(s)):
                if not deel:
                    continue
                if i % 2 == 0:
                    self._platte_tekst(ouder, deel, opmaak)
                elif deel == mdutil.AMP_SUBSTITUTE:
                    self._platte_tekst(ouder, "&", opmaak)
                elif deel.startswith(mdutil.HTML_PLACEHOLDER[:9]):
                    self._stash_inline(ouder, deel, opmaak)
                # NBSP- en terugverwijzingsplaatshouders van voetnoten: weglaten
            return
        self._platte_tekst(ouder, s, opmaak)

    def _platte_tekst(self, ouder: list, s: str, opmaak: int) -> None:
        if opmaak & _CODE:
            s = html.unescape(s).replace("\t", "    ")
        else:
            if "\n" in s or "  " in s or "\t" in s or "\r" in s:
                s = _WIT_RE.sub(" ", s)
            if self._begin:
                s = s.lstrip(" ")
        if s:
            ouder.append(f'{self._rpr_voor(opmaak)}<w:t xml:space="preserve">{_esc(s)}</w:t></w:r>')
            self._begin = False

    def _stash_inhoud(self, plaatshouder: str) -> str:
        m = _STASH_RE.fullmatch(plaatshouder)
        if not m:
            return ""
        nr = int(m.group(1))
        if nr >= len(self.stash):
            return ""
        inhoud = self.stash[nr]
        if not isinstance(inhoud, str):
            inhoud = "".join(inhoud.itertext())
        return inhoud

    def _stash_inline(self, ouder: list, plaatshouder: str, opmaak: int) -> None:
        inhoud = self._stash_inhoud(plaatshouder)
        if _BR_RE.fullmatch(inhoud.strip()):
            self.regeleinde(ouder)
        elif inhoud.startswith("&"):
            self.run(ouder, html.unescape(inhoud), opmaak)
            self._begin = False
        # andere (HTML-)tags en commentaar: weglaten, de tekst ertussen blijft

    def inline(self, ouder: list, el: ET.Element, opmaak: int = 0) -> None:
        """Tekst en kinderen van ``el`` (niet de staart) als runs in ``ouder``."""
        if el.text:
            self.tekst(ouder, el.text, opmaak)
        for kind in el:
            self.inline_element(ouder, kind, opmaak)
            if kind.tail:
                self.tekst(ouder, kind.tail, opmaak)

    def inline_element(self, ouder: list, el: ET.Element, opmaak: int) -> None:
        tag = el.tag
        if tag in ("strong", "b"):
            self.inline(ouder, el, opmaak | _VET)
        elif tag in ("em", "i"):
            self.inline(ouder, el, opmaak | _CURSIEF)
        elif tag == "a":
            if "footnote-backref" not in _klassen(el):
                self.link(ouder, el, opmaak)
        elif tag == "code":
            self.inline(ouder, el, opmaak | _CODE)
        elif tag == "sup":
            if _is_voetnootref(el):
                self.voetnootverwijzing(ouder, (el.find("a").get("href") or "")[1:])
            else:
                self.inline(ouder, el, opmaak | _SUP)
        elif tag == "sub":
            self.inline(ouder, el, opmaak | _SUB)
        elif tag in ("del", "s", "strike"):
            self.inline(ouder, el, opmaak | _DOORHALEN)
        elif tag == "br":
            self.regeleinde(ouder)
        elif tag == "img":
            self.afbeelding_inline(ouder, el)
        else:
            self.inline(ouder, el, opmaak)

    def link(self, ouder: list, a: ET.Element, opmaak: int) -> None:
        href = links.veilige_href(self._schone_attr(a.get("href")))
        if href.startswith("#"):
            anker = self._ankers.get(href[1:])
            if anker is None:
                self.inline(ouder, a, opmaak)
                return
            ouder.append(f'<w:hyperlink w:anchor="{anker}" w:history="1">')
        elif href:
            rId = self.deel.relate_to(href, RT.HYPERLINK, is_external=True)
            ouder.append(f'<w:hyperlink r:id="{rId}" w:history="1">')
        else:
            self.inline(ouder, a, opmaak)
            return
        self.inline(ouder, a, opmaak | _LINK)
        ouder.append("</w:hyperlink>")

    def _schone_attr(self, s: str | None) -> str:
        if not s:
            return ""
        if "\x02" in s:
            s = _STASH_RE.sub(lambda m: html.unescape(self._stash_inhoud(m.group(0))), s)
            s = s.replace(mdutil.AMP_SUBSTITUTE, "&")
            s = _PLAATSHOUDER_RE.sub("", s)
        return s.strip()

    def platte_tekst(self, el: ET.Element) -> str:
        """Alleen de tekst van ``el`` (voor inhoudsopgave en kolombreedtes)."""
        delen: list[str] = []

        def loop(e: ET.Element) -> None:
            if e.text:
                delen.append(e.text)
            for k in e:
                if not _is_voetnootref(k):
                    loop(k)
                if k.tail:
                    delen.append(k.tail)

        loop(el)
        s = "".join(delen)
        if "\x02" in s:
            s = _STASH_RE.sub(lambda m: html.unescape(_TAG_RE.sub("", self._stash_inhoud(m.group(0)))), s)
            s = _PLAATSHOUDER_RE.sub(lambda m: "&" if m.group(0) == mdutil.AMP_SUBSTITUTE else "", s)
        return _WIT_RE.sub(" ", s).strip()

    # -- titelpagina -------------------------------------------------------------

    def omslag(self) -> None:
        g = self.g
        if g.logo:
            p = self.alinea(ppr={"spacing": {"before": "0", "after": "0"}})
            self.afbeelding(p.inhoud, self._zoek_bestand(Path(g.logo), "logo"),
                            max_breedte=4000, max_hoogte=1300, logo=True)
        voor = "2600" if g.logo else "3400"
        self.run(self.alinea(stijl=self.stijl("titel"), ppr={"spacing": {"before": voor}}).inhoud,
                 g.titel)
        if g.ondertitel:
            self.run(self.alinea(stijl=self.stijl("ondertitel")).inhoud, g.ondertitel)
        self.run(self.alinea(stijl=self.stijl("gemeente")).inhoud, g.gemeente)
        if g.concept:
            self.run(self.alinea(stijl=self.stijl("concept")).inhoud, "CONCEPT")
        if g.metadata:
            # ruimte tussen titelblok en gegevens
            self.alinea(ppr={"spacing": {"before": "900" if g.concept else "1600", "after": "0"}})
            breedte = self.tekstbreedte
            links = min(max(breedte * 3 // 10, 2200), breedte // 2)
            breedtes = [links, breedte - links]
            rijen = []
            label_stijl = self.stijl("tabeltekst")
            for label, waarde in g.metadata:
                cellen = []
                for i, (tekst, opmaak) in enumerate(((label, _VET), (waarde, 0))):
                    p = _P(label_stijl, None)
                    if tekst:
                        self.run(p.inhoud, str(tekst), opmaak)
                    cellen.append(f'<w:tc><w:tcPr><w:tcW w:w="{breedtes[i]}" w:type="dxa"/>'
                                  f"</w:tcPr>{p.xml()}</w:tc>")
                rijen.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cellen) + "</w:tr>")
            self.uit.append(self._tabel_kop(self.stijl("omslagtabel"), breedtes, kop=False)
                            + "".join(rijen) + "</w:tbl>")
            self.alinea(ppr={"spacing": {"before": "0", "after": "0"}})

    # -- inhoudsopgave -----------------------------------------------------------

    def inhoudsopgave(self, koppen: list[tuple[int, str, str]]) -> None:
        ppr = None
        if not self._stijl_heeft(self._ruwe_stijl("inhoudkop"), _PAGEBREAKBEFORE):
            ppr = {"pageBreakBefore": None}
        self.run(self.alinea(stijl=self.stijl("inhoudkop"), ppr=ppr).inhoud, "Inhoud")
        laatste = None
        for i, (niveau, tekst, bladwijzer) in enumerate(koppen):
            p = self.alinea(stijl=self.stijl(f"toc{niveau}"))
            if i == 0:
                p.inhoud.append(
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r><w:instrText xml:space="preserve">{_esc(_TOC_INSTRUCTIE)}</w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                )
            p.inhoud.append(f'<w:hyperlink w:anchor="{bladwijzer}" w:history="1">')
            self.run(p.inhoud, tekst)
            p.inhoud.append("</w:hyperlink>")
            laatste = p
        if laatste is not None:
            laatste.inhoud.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')

    # -- tekst ---------------------------------------------------------------------

    def koppen_verzamelen(self, wortel: ET.Element) -> list[tuple[int, str, str]]:
        koppen = []
        for el in wortel.iter():
            tag = el.tag
            if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
                niveau = int(tag[1])
                self._bladwijzers += 1
                naam = f"_Toc{100000000 + self._bladwijzers}"
                self._kop_bladwijzer[id(el)] = (self._bladwijzers, naam)
                if el.get("id"):
                    self._ankers[el.get("id")] = naam
                if niveau <= 3:
                    tekst = self.platte_tekst(el)
                    if tekst:
                        koppen.append((niveau, tekst, naam))
            elif tag == "div" and "footnote" in _klassen(el):
                for li in el.iter("li"):
                    if li.get("id"):
                        self._voetnoot_bron[li.get("id")] = li
        return koppen

    def blokken(self, ouder_el: ET.Element, kader: bool = False) -> None:
        for el in ouder_el:
            self.blok(el, kader)

    def _ppr_begin(self) -> dict | None:
        """pPr voor een nieuw blok: nieuwe pagina (eerste blok) of ruimte na een tabel."""
        ppr = None
        if self._nieuwe_pagina:
            self._nieuwe_pagina = False
            ppr = {"pageBreakBefore": None}
        if self._na_tabel:
            self._na_tabel = False
            ppr = ppr or {}
            ppr["spacing"] = {"before": "200"}
        return ppr

    def blok(self, el: ET.Element, kader: bool = False) -> None:
        tag = el.tag
        if tag == "p":
            self.paragraaf(el, kader)
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.kop(el, int(tag[1]), kader)
        elif tag in ("ul", "ol"):
            self.lijst(el, 0)
        elif tag == "table":
            self.tabel(el)
        elif tag == "blockquote":
            self.blokken(el, kader=True)
        elif tag == "pre":
            self.code_blok(el, kader)
        elif tag == "hr":
            p = self.alinea(ppr=self._ppr_begin())
            p.zet("pBdr", '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" '
                          'w:color="BFBFBF"/></w:pBdr>')
        elif tag == "div":
            if "footnote" not in _klassen(el):  # voetnoten komen bij hun verwijzing
                self.blokken(el, kader)
        else:
            p = self.alinea(stijl=self.stijl("kader") if kader else None, ppr=self._ppr_begin())
            self.inline(p.inhoud, el)

    def kop(self, el: ET.Element, niveau: int, kader: bool) -> None:
        if kader:
            p = self.alinea(stijl=self.stijl("kader"), ppr=self._ppr_begin())
            self.inline(p.inhoud, el, _VET)
            return
        sleutel = f"kop{min(niveau, 4)}"
        sid = self.stijl(sleutel)
        eigen = self._kop_eigenschappen.get(sid)
        if eigen is None:
            ruw = self._ruwe_stijl(sleutel)
            eigen = (self._stijl_heeft(ruw, _PAGEBREAKBEFORE), self._stijl_numpr(ruw) is not None)
            self._kop_eigenschappen[sid] = eigen
        ppr = None
        self._na_tabel = False
        if (niveau == 1 and not eigen[0]) or self._nieuwe_pagina:
            ppr = {"pageBreakBefore": None}
        self._nieuwe_pagina = False
        if eigen[1]:  # automatische kopnummering van de huisstijl uit: nummers staan in de tekst
            ppr = ppr or {}
            ppr["numPr"] = '<w:numPr><w:numId w:val="0"/></w:numPr>'
        p = self.alinea(stijl=sid, ppr=ppr)
        bladwijzer = self._kop_bladwijzer.get(id(el))
        if bladwijzer:
            nr, naam = bladwijzer
            p.inhoud.append(f'<w:bookmarkStart w:id="{nr}" w:name="{naam}"/>')
            self.inline(p.inhoud, el)
            p.inhoud.append(f'<w:bookmarkEnd w:id="{nr}"/>')
        else:
            self.inline(p.inhoud, el)

    def paragraaf(self, el: ET.Element, kader: bool, stijl: str | None = None,
                  ppr: dict | None = None) -> None:
        # een alinea met alleen een afbeelding: figuur met bijschrift
        if len(el) == 1 and el[0].tag == "img" and _is_leeg(el.text) and _is_leeg(el[0].tail) \
                and stijl is None:
            self.figuur(el[0])
            return
        if stijl is None and kader:
            stijl = self.stijl("kader")
        # een blok ruwe HTML (commentaar e.d.)
        if not len(el) and el.text and el.text[0] == "\x02" and _STASH_RE.fullmatch(el.text.strip()):
            inhoud = self._stash_inhoud(el.text.strip())
            if inhoud.lstrip().startswith("<!--"):
                return
            tekst = html.unescape(_TAG_RE.sub(" ", _BR_RE.sub("\n", inhoud))).strip()
            if not tekst:
                return
            p = self.alinea(stijl=stijl, ppr=self._ppr_begin())
            for i, regel in enumerate(tekst.splitlines()):
                if i:
                    self.regeleinde(p.inhoud)
                self.tekst(p.inhoud, regel)
            return
        begin = self._ppr_begin()
        if ppr:
            begin = {**(begin or {}), **ppr}
        p = self.alinea(stijl=stijl, ppr=begin)
        self.inline(p.inhoud, el)

    def code_blok(self, el: ET.Element, kader: bool) -> None:
        tekst = "".join(el.itertext()).replace(mdutil.AMP_SUBSTITUTE, "&")
        tekst = _PLAATSHOUDER_RE.sub("", tekst)
        tekst = html.unescape(tekst).rstrip("\n")
        p = self.alinea(stijl=self.stijl("kader") if kader else None, ppr=self._ppr_begin())
        for i, regel in enumerate(tekst.split("\n")):
            if i:
                self.regeleinde(p.inhoud)
            if regel:
                self.run(p.inhoud, regel.replace("\t", "    "), _CODE)

    # -- lijsten -------------------------------------------------------------------

    def _houd_inleiding_vast(self) -> None:
        """Een gewone alinea vlak voor een lijst of tabel (de inleidende zin) blijft erbij."""
        if self.uit and isinstance(self.uit[-1], _P) and self.uit[-1].stijl is None:
            self.uit[-1].zet("keepNext")

    def lijst(self, el: ET.Element, diepte: int) -> None:
        if diepte == 0:
            self._houd_inleiding_vast()
        soort = "nummer" if el.tag == "ol" else "opsom"
        sid, abstract, ilvl, numid, via_stijl = self._lijst(soort, diepte)
        if soort == "nummer":
            # elke genummerde lijst begint opnieuw: eigen w:num met startOverride
            numid = self._nieuwe_num(abstract, ilvl, _int(el.get("start"), 1))
            numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{numid}"/></w:numPr>'
        elif not via_stijl:
            numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{numid}"/></w:numPr>'
        else:
            numpr = None
        vervolg = self.stijl(f"vervolg{min(diepte, 2) + 1}")

        for li in el:
            if li.tag != "li":
                continue
            eerste = True
            wachtend: list = []  # inline inhoud: tekst of elementen

            def alinea_voor(eerste_alinea: bool) -> _P:
                ppr = self._ppr_begin()
                if eerste_alinea:
                    if numpr:
                        ppr = ppr or {}
                        ppr["numPr"] = numpr
                    return self.alinea(stijl=sid, ppr=ppr)
                return self.alinea(stijl=vervolg, ppr=ppr)

            def spoel() -> None:
                nonlocal eerste
                if not wachtend:
                    return
                if all(isinstance(w, str) and _is_leeg(w) for w in wachtend):
                    wachtend.clear()
                    return
                p = alinea_voor(eerste)
                eerste = False
                for w in wachtend:
                    if isinstance(w, str):
                        self.tekst(p.inhoud, w)
                    else:
                        self.inline_element(p.inhoud, w, 0)
                        if w.tail:
                            self.tekst(p.inhoud, w.tail)
                wachtend.clear()

            if li.text:
                wachtend.append(li.text)
            for kind in li:
                if kind.tag in _BLOKKEN:
                    spoel()
                    if kind.tag in ("ul", "ol"):
                        if eerste:  # item dat meteen met een sublijst begint
                            alinea_voor(True)
                            eerste = False
                        self.lijst(kind, diepte + 1)
                    elif kind.tag == "p":
                        if eerste:
                            p = alinea_voor(True)
                            eerste = False
                            self.inline(p.inhoud, kind)
                        else:
                            self.paragraaf(kind, False, stijl=vervolg)
                    else:
                        self.blok(kind)
                    if not _is_leeg(kind.tail):
                        wachtend.append(kind.tail)
                else:
                    wachtend.append(kind)
            spoel()
            if eerste:  # leeg lijstitem
                alinea_voor(True)
        if diepte == 0 and self.uit and isinstance(self.uit[-1], _P):
            # ruimte na de lijst (binnen de lijst houdt contextualSpacing hem compact)
            self.uit[-1].zet("spacing", {"after": "160"})

    # -- tabellen ------------------------------------------------------------------

    def _tabel_kop(self, stijl: str, breedtes: list[int], kop: bool) -> str:
        if self._nieuwe_pagina:
            self.alinea(ppr=self._ppr_begin())
        elif self._laatste_tabel:
            self.alinea()  # twee tabellen direct na elkaar zou Word samenvoegen
        self._na_tabel = False
        self._laatste_tabel = True
        look = ('w:val="0620" w:firstRow="1"' if kop else 'w:val="0600" w:firstRow="0"')
        return (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{stijl}"/>'
            f'<w:tblW w:w="{sum(breedtes)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblLook {look} w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{b}"/>' for b in breedtes)
            + "</w:tblGrid>"
        )

    def _kolombreedtes(self, rijen: list[list[ET.Element]], n: int) -> list[int]:
        """Kolombreedtes (twips) naar inhoud.

        Elke kolom krijgt minstens de breedte van zijn langste woord (een eerste kolom
        wordt dus niet tot één woord per regel geknepen) en hoogstens die van zijn langste
        cel; de ruimte daartussen gaat naar verhouding van de hoeveelheid tekst. Breedtes
        zijn gemeten met de tekenbreedtes van Calibri op 10 pt (de tabeltekst).
        """
        rand = 2 * 85 + 60  # celmarges plus wat speling
        minimum = [0] * n
        maximum = [0] * n
        gewicht = [0] * n
        for r, cellen in enumerate(rijen):
            factor = 1.06 if r == 0 else 1.02  # kopregel is vet
            for k, cel in enumerate(cellen[:n]):
                tekst = self.platte_tekst(cel)
                woorden = [_breedte(w) for w in tekst.split()]
                langste = min(max(woorden, default=0), 2400)  # een heel lang woord mag breken
                totaal = min(sum(woorden) + 45 * (len(woorden) - 1), 40000) if woorden else 0
                minimum[k] = max(minimum[k], int(langste * factor) + rand)
                maximum[k] = max(maximum[k], int(totaal * factor) + rand)
                gewicht[k] += len(tekst) + 1
        minimum = [max(m, 600) for m in minimum]
        maximum = [max(a, b) for a, b in zip(maximum, minimum)]
        beschikbaar = self.tekstbreedte
        if sum(maximum) <= beschikbaar:
            # alles past op één regel per cel: naar verhouding verbreden
            breedtes = [m * beschikbaar / sum(maximum) for m in maximum]
        elif sum(minimum) >= beschikbaar:
            breedtes = [m * beschikbaar / sum(minimum) for m in minimum]
        else:
            breedtes = [float(m) for m in minimum]
            open_ = [k for k in range(n) if maximum[k] > minimum[k]]
            over = beschikbaar - sum(breedtes)
            while over > 1 and open_:
                totaal = sum(gewicht[k] for k in open_) or len(open_)
                vol = []
                verdeeld = 0.0
                for k in open_:
                    extra = over * (gewicht[k] or 1) / totaal
                    ruimte = maximum[k] - breedtes[k]
                    if extra >= ruimte:
                        extra = ruimte
                        vol.append(k)
                    breedtes[k] += extra
                    verdeeld += extra
                over -= verdeeld
                if not vol:
                    break
                open_ = [k for k in open_ if k not in vol]
        uit = [int(b) for b in breedtes]
        uit[-1] += beschikbaar - sum(uit)
        return uit

    def tabel(self, el: ET.Element) -> None:
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
        self._houd_inleiding_vast()
        breedtes = self._kolombreedtes([c for c, _ in rijen], n)
        heeft_kop = rijen[0][1]
        delen = [self._tabel_kop(self.stijl("tabel"), breedtes, kop=heeft_kop)]
        kop_stijl, tekst_stijl = self.stijl("tabelkop"), self.stijl("tabeltekst")
        tcpr = [f'<w:tc><w:tcPr><w:tcW w:w="{b}" w:type="dxa"/></w:tcPr>' for b in breedtes]
        for cellen, is_kop in rijen:
            delen.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if is_kop
                         else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for k in range(n):
                cel = cellen[k] if k < len(cellen) else None
                ppr = None
                if cel is not None:
                    stijl = (cel.get("style") or "") + (cel.get("align") or "")
                    if "right" in stijl:
                        ppr = {"jc": {"val": "right"}}
                    elif "center" in stijl:
                        ppr = {"jc": {"val": "center"}}
                p = _P(kop_stijl if is_kop else tekst_stijl, ppr)
                self._begin = True
                if cel is not None:
                    self.inline(p.inhoud, cel)
                delen.append(tcpr[k] + p.xml() + "</w:tc>")
            delen.append("</w:tr>")
        delen.append("</w:tbl>")
        self.uit.append("".join(delen))
        self._na_tabel = True

    # -- afbeeldingen ----------------------------------------------------------------

    def _zoek_bestand(self, pad: Path, wat: str) -> Path:
        if wat == "logo":
            if pad.is_file():
                return pad
            raise IntegriteitsplanFout(
                f"Het logo {pad} bestaat niet. Controleer het pad bij 'logo' in het profiel "
                "van de gemeente (een PNG- of JPG-bestand), of laat het weg. Er is niets geschreven."
            )
        kandidaat = paden.binnen(self.afbeeldingen, pad) if self.afbeeldingen is not None else None  # veilig: niet buiten de map
        if kandidaat is not None and kandidaat.is_file():
            return kandidaat
        waar = f" (gezocht in {self.afbeeldingen})" if self.afbeeldingen is not None else ""
        raise IntegriteitsplanFout(
            f"De afbeelding '{pad}' in de tekst bestaat niet{waar}. Controleer de bestandsnaam "
            "in het sjabloon of zet het bestand in de map met afbeeldingen. Er is niets geschreven."
        )

    def afbeelding(self, ouder: list, pad: Path, max_breedte: int, max_hoogte: int,
                   vul_breedte: bool = False, logo: bool = False) -> None:
        """Inline afbeelding (maten in twips) als run in ``ouder``."""
        try:
            rId, beeld = self.doc.part.get_or_add_image(str(pad))
            bx, by = int(beeld.width), int(beeld.height)
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
        self._vorm_id += 1
        inline = CT_Inline.new_pic_inline(self._vorm_id, rId, pad.name, cx, cy)
        inline.docPr.set("descr", pad.name)
        ouder.append("<w:r><w:drawing>" + etree.tostring(inline, encoding="unicode")
                     + "</w:drawing></w:r>")
        self._begin = False

    def figuur(self, img: ET.Element) -> None:
        pad = self._zoek_bestand(Path(unquote(self._schone_attr(img.get("src")))), "afbeelding")
        voor = "240" if self._na_tabel else "120"
        ppr = self._ppr_begin() or {}
        ppr.update({"keepNext": None, "spacing": {"before": voor, "after": "0"},
                    "jc": {"val": "center"}})
        p = self.alinea(ppr=ppr)
        self.afbeelding(p.inhoud, pad, self.tekstbreedte, self.teksthoogte * 6 // 10,
                        vul_breedte=True)
        bijschrift = self._schone_attr(img.get("alt"))
        if bijschrift:
            self.run(self.alinea(stijl=self.stijl("bijschrift")).inhoud, bijschrift)

    def afbeelding_inline(self, ouder: list, img: ET.Element) -> None:
        if self.deel is not self.doc.part:  # afbeelding in een voetnoot: alleen de tekst
            self.tekst(ouder, img.get("alt"))
            return
        pad = self._zoek_bestand(Path(unquote(self._schone_attr(img.get("src")))), "afbeelding")
        self.afbeelding(ouder, pad, self.tekstbreedte, self.teksthoogte * 6 // 10)

    # -- voetnoten -------------------------------------------------------------------

    def voetnootverwijzing(self, ouder: list, sleutel: str) -> None:
        bron = self._voetnoot_bron.get(sleutel)
        if bron is None:
            return
        if self._voetnoten is None:
            self._voetnoten = _Voetnoten(self.doc.part)
        vn = self._voetnoten
        vn.aantal += 1
        nr = vn.aantal
        verwijzing = self.stijl("voetnootverwijzing")
        ouder.append(f'<w:r><w:rPr><w:rStyle w:val="{verwijzing}"/></w:rPr>'
                     f'<w:footnoteReference w:id="{nr}"/></w:r>')
        # de voetnoottekst zelf, met links als relaties van het voetnotendeel
        bewaard = (self.deel, self._begin, self._na_tabel, self._nieuwe_pagina)
        self.deel, self._na_tabel, self._nieuwe_pagina = vn.deel, False, False
        alineas: list = []
        tekst_stijl = self.stijl("voetnoottekst")
        onderdelen = [k for k in bron if k.tag in _BLOKKEN] or [bron]
        for i, deel in enumerate(onderdelen):
            p = self.alinea(alineas, tekst_stijl)
            if i == 0:
                p.inhoud.append(f'<w:r><w:rPr><w:rStyle w:val="{verwijzing}"/></w:rPr>'
                                '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>')
            if deel.tag in ("ul", "ol"):
                self.tekst(p.inhoud, self.platte_tekst(deel))
            else:
                self.inline(p.inhoud, deel)
        vn.noten.append(f'<w:footnote w:id="{nr}">' + _xml(alineas) + "</w:footnote>")
        self.deel, self._begin, self._na_tabel, self._nieuwe_pagina = bewaard

    # -- kop- en voettekst ---------------------------------------------------------------

    def kop_en_voettekst(self) -> None:
        sect, deel = self.sectPr, self.doc.part
        for ref in list(sect):
            if ref.tag in (W + "headerReference", W + "footerReference"):
                rId = ref.get(_R_ID)
                sect.remove(ref)
                if rId and rId in deel.rels:
                    del deel.rels[rId]
        breedte = self.tekstbreedte

        def tabs(sleutel: str) -> str:
            """Tabs op midden en rechterkantlijn; andere tabs uit de stijl opheffen."""
            t = []
            for s in self._keten(self._ruwe_stijl(sleutel)):
                for tab in s.iterfind(f"{_PPR}/{W}tabs/{_TAB}"):
                    pos = tab.get(W + "pos")
                    if pos not in (str(breedte // 2), str(breedte)):
                        t.append(f'<w:tab w:val="clear" w:pos="{_int(pos, 0)}"/>')
            t.append(f'<w:tab w:val="center" w:pos="{breedte // 2}"/>')
            t.append(f'<w:tab w:val="right" w:pos="{breedte}"/>')
            return "<w:tabs>" + "".join(t) + "</w:tabs>"

        def deel_met(soort: str, alinea: _P):
            if soort == "hdr":
                d, rId = deel.add_header_part()
            else:
                d, rId = deel.add_footer_part()
            d._element = parse_xml(f"<w:{soort} {_NSDECL}>{alinea.xml()}</w:{soort}>")
            return rId

        # koptekst: titel, (concept), gemeente
        p = _P(self.stijl("koptekst"), {"tabs": tabs("koptekst")})
        self.run(p.inhoud, self.g.titel)
        p.inhoud.append("<w:r><w:tab/></w:r>")
        if self.g.concept:
            p.inhoud.append(f'<w:r><w:rPr><w:rStyle w:val="{self.stijl("conceptmarkering")}"/>'
                            "</w:rPr><w:t>Concept</w:t></w:r>")
        p.inhoud.append("<w:r><w:tab/></w:r>")
        self.run(p.inhoud, self.g.gemeente)
        sect.add_headerReference(WD_HEADER_FOOTER.PRIMARY, deel_met("hdr", p))
        # voettekst: Pagina X van Y
        p = _P(self.stijl("voettekst"), {"tabs": tabs("voettekst")})
        p.inhoud.append('<w:r><w:tab/></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
                        "Pagina </w:t></w:r>" + _veld(" PAGE ", "1")
                        + '<w:r><w:t xml:space="preserve"> van </w:t></w:r>'
                        + _veld(" NUMPAGES ", "1"))
        sect.add_footerReference(WD_HEADER_FOOTER.PRIMARY, deel_met("ftr", p))
        # titelpagina: lege kop- en voettekst (zonder lijn)
        p = _P(self.stijl("koptekst"), {"pBdr": '<w:pBdr><w:bottom w:val="nil"/></w:pBdr>'})
        sect.add_headerReference(WD_HEADER_FOOTER.FIRST_PAGE, deel_met("hdr", p))
        p = _P(self.stijl("voettekst"), None)
        sect.add_footerReference(WD_HEADER_FOOTER.FIRST_PAGE, deel_met("ftr", p))
        sect.titlePg_val = True

    # -- instellingen en eigenschappen ---------------------------------------------------

    def instellingen(self) -> None:
        settings = self.doc.settings.element
        self._zet(settings, W + "updateFields", {_VAL: "true"})
        taal = settings.find(W + "themeFontLang")
        if taal is None:
            self._zet(settings, W + "themeFontLang", {_VAL: "nl-NL"})
        else:
            taal.set(_VAL, "nl-NL")
        for oud in settings.findall(W + "footnotePr"):
            settings.remove(oud)
        if self._voetnoten is not None:
            fp = self._zet(settings, W + "footnotePr", None)
            _sub(fp, W + "footnote", {_ID: "-1"})
            _sub(fp, W + "footnote", {_ID: "0"})
        # taal van de tekst: Nederlands (w:docDefaults)
        stijlen = self.stijlen_el
        dd = stijlen.find(W + "docDefaults")
        if dd is None:
            dd = etree.Element(W + "docDefaults")
            stijlen.insert(0, dd)
        rprd = dd.find(W + "rPrDefault")
        if rprd is None:
            rprd = etree.Element(W + "rPrDefault")
            dd.insert(0, rprd)
        rpr = rprd.find(_RPR)
        if rpr is None:
            rpr = _sub(rprd, _RPR)
        lang = rpr.find(W + "lang")
        if lang is None:
            volg = [k for k in rpr if k.tag in (W + "eastAsianLayout", W + "specVanish", W + "oMath")]
            lang = etree.Element(W + "lang")
            if volg:
                volg[0].addprevious(lang)
            else:
                rpr.append(lang)
        if lang.get(_VAL) != "nl-NL":
            lang.set(_VAL, "nl-NL")

    @staticmethod
    def _zet(ouder, tag: str, attrib: dict | None):
        """Zet een kind van w:settings op zijn plek in de schemavolgorde."""
        for oud in ouder.findall(tag):
            ouder.remove(oud)
        nieuw = etree.Element(tag, attrib or {})
        plek = _INSTELLINGEN_VOLGORDE[tag]
        for kind in ouder:
            nr = _INSTELLINGEN_VOLGORDE.get(kind.tag)
            if nr is not None and nr > plek:
                kind.addprevious(nieuw)
                return nieuw
        ouder.append(nieuw)
        return nieuw

    def eigenschappen(self) -> None:
        g = self.g
        cp = self.doc.core_properties
        cp.title = g.titel
        cp.subject = g.onderwerp or ""
        wie = g.steller or g.gemeente
        cp.author = wie
        cp.last_modified_by = wie
        cp.keywords = "integriteit; " + g.gemeente
        cp.content_status = "Concept" if g.concept else ""
        cp.revision = 1
        cp.language = "nl-NL"
        d = g.datum
        if isinstance(d, str):
            try:
                d = datetime.date.fromisoformat(d.strip()[:10])
            except ValueError:
                d = None
        if not isinstance(d, datetime.date):
            d = datetime.date(2000, 1, 1)
        moment = datetime.datetime(d.year, d.month, d.day)
        cp.created = moment
        cp.modified = moment
        # wat een eigen huisstijl nog aan oude gegevens meebrengt: weg
        cp_ns = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
        dc_ns = "{http://purl.org/dc/elements/1.1/}"
        altijd_weg = (cp_ns + "lastPrinted", cp_ns + "category", cp_ns + "version",
                      dc_ns + "description", dc_ns + "identifier")
        leeg_weg = (cp_ns + "contentStatus", dc_ns + "subject")
        for el in list(cp._element):
            if el.tag in altijd_weg or (el.tag in leeg_weg and not (el.text or "").strip()):
                cp._element.remove(el)
        # docProps/app.xml: vaste inhoud zonder verouderde tellingen uit een huisstijl
        app = (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            "<Template>Normal.dotm</Template><Application>integriteitsplan</Application>"
            "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
            f"<Company>{_esc(g.gemeente)}</Company>"
            "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
            "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
        ).encode("utf-8")
        pakket = self.doc.part.package
        try:
            pakket.part_related_by(RT.EXTENDED_PROPERTIES)._blob = app
        except KeyError:
            d = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, app, pakket)
            pakket.relate_to(d, RT.EXTENDED_PROPERTIES)

    # -- alles ---------------------------------------------------------------------------

    def bouw(self, wortel: ET.Element) -> dict[str, bytes]:
        """Bouw het document; geeft de vervangende bytes voor schrijf_pakket."""
        # opmerkingen, voetnoten en miniatuur uit een eigen huisstijl niet meenemen
        rels = self.doc.part.rels
        for rId, rel in list(rels.items()):
            if rel.reltype in (RT.COMMENTS, RT.FOOTNOTES):
                del rels[rId]
        rels = self.doc.part.package.rels
        for rId, rel in list(rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                del rels[rId]
        koppen = self.koppen_verzamelen(wortel)
        self.omslag()
        if koppen:
            self.inhoudsopgave(koppen)
        self._nieuwe_pagina = True
        self.blokken(wortel)
        if self._nieuwe_pagina:  # lege tekst: toch een pagina na de titelpagina
            self.alinea(ppr=self._ppr_begin())
        if self._voetnoten is not None:
            self._voetnoten.sluit()
        self.kop_en_voettekst()
        self.instellingen()
        self.eigenschappen()
        # de body: als tekst in de geserialiseerde document.xml zetten (sneller dan
        # eerst een boom bouwen); kan dat niet, dan toch via een boom
        document = self.doc.element
        body = document.body
        for kind in list(body):
            body.remove(kind)
        body.append(self.sectPr)
        tekst = _xml(self.uit)
        if document.nsmap.get("w") == _W_NS and document.nsmap.get("r") == _R_NS:
            blob = etree.tostring(document, encoding="UTF-8", standalone=True)
            if blob.count(b"<w:body>") == 1:
                blob = blob.replace(b"<w:body>", b"<w:body>" + tekst.encode("utf-8"))
                return {self.doc.part.partname: blob}
        nieuw = parse_xml(f"<w:body {_NSDECL}>{tekst}</w:body>")
        for kind in reversed(list(nieuw)):
            body.insert(0, kind)
        return {}


_ONGEREPT: dict[tuple, object] = {}


def _open_huisstijl(huisstijl: Path | None):
    """Een verse kopie van het referentiedocument.

    Het document wordt eenmaal per proces geopend en daarna per document diep gekopieerd
    (gemeten: ruim twee keer zo snel als telkens opnieuw openen uit de bytes). Het
    bewaarde exemplaar zelf wordt nooit gewijzigd.
    """
    pad = Path(huisstijl) if huisstijl is not None else STANDAARD_HUISSTIJL
    sleutel = _sleutel(pad)
    ongerept = _ONGEREPT.get(sleutel)
    if ongerept is None:
        ongerept = docx.Document(io.BytesIO(_huisstijl_bytes(pad, sleutel)))
        with _CACHE_SLOT:
            _ONGEREPT[sleutel] = ongerept
    return copy.deepcopy(ongerept)


def maak_docx(markdown_tekst: str, gegevens: Documentgegevens, afbeeldingen: Path | None = None) -> bytes:
    """Build the .docx from the document body in Markdown; return the file bytes."""
    doc = _open_huisstijl(gegevens.huisstijl)
    wortel, stash = _ontleed(markdown_tekst)
    bouwer = _Bouwer(doc, gegevens, Path(afbeeldingen) if afbeeldingen is not None else None, stash)
    return schrijf_pakket(doc.part.package, bouwer.bouw(wortel))
