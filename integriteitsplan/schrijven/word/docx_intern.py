"""Het enige koppelstuk met de interne delen van python-docx.

Krijgt een ``docx.Document`` (of een deel of pakket daarvan) en geeft XML-elementen,
relatie-id's, nieuwe delen en de inhoud van het pakket terug. Alle andere modules van
``schrijven.word`` gebruiken python-docx alleen via deze functies of via de openbare
API (``docx.Document``, ``Document.element``, ``Document.settings``,
``Document.core_properties``).

Gebruikte interne onderdelen, en waarom:

* ``docx.opc.pkgwriter._ContentTypesItem``: de tekst van ``[Content_Types].xml`` voor
  de zelfgeschreven (deterministische) zip;
* ``docx.opc.part.Part`` en ``XmlPart`` met ``docx.opc.packuri.PackURI``: nieuwe delen
  maken (``word/footnotes.xml``, ``docProps/app.xml``);
* ``Part._blob`` en ``XmlPart._element``: de inhoud van een deel in één keer vervangen
  (app.xml, voetnoten, kop- en voettekst);
* ``docx.opc.constants`` (``CONTENT_TYPE``, ``RELATIONSHIP_TYPE``): inhoudstypen en
  relatiesoorten;
* ``docx.oxml.parse_xml``: XML-tekst inlezen met de elementklassen van python-docx;
* ``docx.oxml.shape.CT_Inline.new_pic_inline``: de ``wp:inline`` van een afbeelding;
* ``CT_Document.body`` (``Document.element.body``): het element w:body;
* ``DocumentPart`` (``Document.part``): ``_styles_part``, ``numbering_part``,
  ``get_or_add_image``, ``add_header_part``/``add_footer_part``, ``rels``,
  ``relate_to``, ``partname`` en ``.package`` (met ``iter_parts``, ``rels``,
  ``relate_to``, ``part_related_by``): stijlen, nummering, afbeeldingen, links, kop-
  en voettekst en overbodige delen uit een eigen huisstijl;
* ``Part.blob``, ``Part.rels.xml`` en ``PackURI.membername``/``rels_uri``: elk deel en
  zijn relaties serialiseren voor de zip;
* ``CT_SectPr.add_headerReference``/``add_footerReference`` en ``titlePg_val``;
* ``CoreProperties._element``: overbodige kenmerken uit een eigen huisstijl weghalen.

Omdat dit geen openbare API is, is python-docx vastgezet onder de volgende hoofdversie
(``python-docx>=1.1,<2``). Verandert python-docx, dan hoeft alleen dit bestand mee.
"""
from __future__ import annotations

import copy
import io
from collections.abc import Iterator

from docx.enum.section import WD_HEADER_FOOTER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import parse_xml
from docx.oxml.shape import CT_Inline
from lxml import etree

# ---------------------------------------------------------------------------
# XML


def kopie(element):
    """Een diepe kopie van een lxml-element (bijvoorbeeld de w:sectPr)."""
    return copy.deepcopy(element)


def als_tekst(element) -> str:
    """Een lxml-element als XML-tekst."""
    return etree.tostring(element, encoding="unicode")


def lees_xml(tekst: str):
    """Een XML-tekst als element (met de elementklassen van python-docx)."""
    return parse_xml(tekst)


def vervang_inhoud(deel, tekst: str) -> None:
    """Vervang de hele inhoud van een XML-deel door ``tekst``."""
    deel._element = parse_xml(tekst)


# ---------------------------------------------------------------------------
# delen van het document


def document_deel(doc):
    """Het hoofddeel (word/document.xml): hieraan hangen relaties als links."""
    return doc.part


def body_element(doc):
    """Het element w:body van word/document.xml."""
    return doc.element.body


def pakket_van(doc):
    """Het OPC-pakket van het document, voor :func:`pakket_inhoud`."""
    return doc.part.package


def stijlen_element(doc):
    """Het element w:styles van het document."""
    return doc.part._styles_part.element


def nummering_element(doc):
    """Het element w:numbering van het document (het deel wordt zo nodig gemaakt)."""
    return doc.part.numbering_part.element


def verwijder_overbodige_delen(doc) -> None:
    """Opmerkingen, voetnoten en miniatuur uit een eigen huisstijl niet meenemen."""
    rels = doc.part.rels
    for rId, rel in list(rels.items()):
        if rel.reltype in (RT.COMMENTS, RT.FOOTNOTES):
            del rels[rId]
    rels = doc.part.package.rels
    for rId, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[rId]


def verwijder_relatie(deel, rId: str | None) -> None:
    """Haal relatie ``rId`` (als die bestaat) van ``deel`` weg."""
    if rId and rId in deel.rels:
        del deel.rels[rId]


def externe_link(deel, href: str) -> str:
    """Het relatie-id van een externe hyperlink vanuit ``deel``."""
    return deel.relate_to(href, RT.HYPERLINK, is_external=True)


def nieuw_voetnotendeel(doc, tekst: str):
    """Een nieuw deel word/footnotes.xml met inhoud ``tekst``, gekoppeld aan het document."""
    deel = doc.part
    nieuw = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(tekst),
                    deel.package)
    deel.relate_to(nieuw, RT.FOOTNOTES)
    return nieuw


def zet_app_eigenschappen(doc, data: bytes) -> None:
    """Zet de inhoud van docProps/app.xml (het deel wordt zo nodig gemaakt)."""
    pakket = doc.part.package
    try:
        pakket.part_related_by(RT.EXTENDED_PROPERTIES)._blob = data
    except KeyError:
        d = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, data, pakket)
        pakket.relate_to(d, RT.EXTENDED_PROPERTIES)


def kern_element(kenmerken):
    """Het element cp:coreProperties achter ``Document.core_properties``."""
    return kenmerken._element


# ---------------------------------------------------------------------------
# afbeeldingen


def voeg_afbeelding_toe(doc, pad, max_pixels: int | None = None) -> tuple[str, int, int]:
    """Neem de afbeelding op in het pakket (een pad, of iets met ``inhoud`` in bytes);
    geeft (rId, breedte, hoogte in EMU).

    Fouten van python-docx (onleesbaar beeld e.d.) gaan ongewijzigd door.
    """
    bron = io.BytesIO(pad.inhoud) if hasattr(pad, "inhoud") else str(pad)
    if max_pixels is not None:  # eerst alleen de kop van het bestand lezen: breedte en hoogte
        from docx.image.image import Image

        kop = Image.from_blob(pad.inhoud) if hasattr(pad, "inhoud") else Image.from_file(str(pad))
        if int(kop.px_width) * int(kop.px_height) > max_pixels:
            raise TeVeelPixels(int(kop.px_width), int(kop.px_height))
    rId, beeld = doc.part.get_or_add_image(bron)
    return rId, int(beeld.width), int(beeld.height)


class TeVeelPixels(ValueError):
    def __init__(self, breedte: int, hoogte: int) -> None:
        super().__init__(breedte, hoogte)
        self.breedte, self.hoogte = breedte, hoogte


def afbeelding_xml(vorm_id: int, rId: str, naam: str, cx: int, cy: int,
                   beschrijving: str | None = None) -> str:
    """De wp:inline van een afbeelding als XML-tekst; ``beschrijving`` (de alternatieve
    tekst, anders de bestandsnaam) komt in wp:docPr/@descr."""
    inline = CT_Inline.new_pic_inline(vorm_id, rId, naam, cx, cy)
    inline.docPr.set("descr", beschrijving or naam)
    return etree.tostring(inline, encoding="unicode")


# ---------------------------------------------------------------------------
# kop- en voettekst


def koppel_kop_of_voettekst(doc, sect, soort: str, tekst: str, eerste_pagina: bool) -> None:
    """Een nieuw kop- (``soort`` "hdr") of voettekstdeel ("ftr") met inhoud ``tekst``.

    Het deel wordt aan sectie ``sect`` gekoppeld: voor de eerste pagina of voor alle
    andere pagina's.
    """
    deel = doc.part
    if soort == "hdr":
        d, rId = deel.add_header_part()
    else:
        d, rId = deel.add_footer_part()
    d._element = parse_xml(tekst)
    welke = WD_HEADER_FOOTER.FIRST_PAGE if eerste_pagina else WD_HEADER_FOOTER.PRIMARY
    if soort == "hdr":
        sect.add_headerReference(welke, rId)
    else:
        sect.add_footerReference(welke, rId)


def zet_aparte_titelpagina(sect) -> None:
    """Eigen kop- en voettekst op de eerste pagina (w:titlePg)."""
    sect.titlePg_val = True


def zonder_titelpagina(sect) -> None:
    """Geen eigen kop- en voettekst op de eerste pagina van deze sectie."""
    sect.titlePg_val = False


# ---------------------------------------------------------------------------
# pakket


def pakket_inhoud(pakket, vervangen: dict[str, bytes]) -> Iterator[tuple[str, bytes]]:
    """(naam in de zip, bytes) van elk deel van het pakket, in vaste volgorde.

    ``vervangen`` geeft per partname de bytes die in plaats van de eigen serialisatie
    komen.
    """
    delen = list(pakket.iter_parts())
    yield "[Content_Types].xml", _ContentTypesItem.from_parts(delen).blob
    yield "_rels/.rels", pakket.rels.xml
    for deel in delen:
        blob = vervangen.get(deel.partname)
        yield deel.partname.membername, deel.blob if blob is None else blob
        if len(deel.rels):
            yield deel.partname.rels_uri.membername, deel.rels.xml


def partnaam(deel) -> str:
    """De partname van een deel, als sleutel voor ``vervangen``."""
    return deel.partname
