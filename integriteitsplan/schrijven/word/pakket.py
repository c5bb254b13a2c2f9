"""Het pakket af maken en schrijven: kop- en voettekst, instellingen, kenmerken, zip.

Krijgt de :class:`~.toestand.Opbouw` na het vullen van de body (of, voor
:func:`schrijf_pakket`, een python-docx-pakket met vervangende bytes per deel); zet de
kop- en voettekst, w:settings, de taal, de documentkenmerken (core.xml en app.xml) en
geeft de bytes van het .docx-bestand terug. De zip krijgt vaste datums en een vaste
volgorde, zodat dezelfde invoer byte voor byte hetzelfde bestand geeft.
"""
from __future__ import annotations

import datetime
import io
import zipfile

from lxml import etree

from . import docx_intern, runs
from .toestand import Opbouw
from .xmltekst import (
    ID,
    NSDECL,
    PPR,
    R_ID,
    RPR,
    TAB,
    VAL,
    Alinea,
    W,
    esc,
    geheel,
    sub,
    veld,
)

_ZIPDATUM = (2000, 1, 1, 0, 0, 0)

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


def schrijf_pakket(pakket, vervangen: dict[str, bytes] | None = None) -> bytes:
    """Schrijf een python-docx-pakket als zip met vaste datums en volgorde.

    ``vervangen`` geeft voor een deel (partname, bijv. "/word/document.xml") de bytes die
    in plaats van de eigen serialisatie worden geschreven.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for naam, data in docx_intern.pakket_inhoud(pakket, vervangen or {}):
            info = zipfile.ZipInfo(naam, _ZIPDATUM)
            info.create_system = 0
            info.external_attr = 0
            if naam.startswith("word/media/"):
                z.writestr(info, data, compress_type=zipfile.ZIP_STORED)
            else:
                z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return buf.getvalue()


# -- kop- en voettekst ---------------------------------------------------------------


def _tabs(o: Opbouw, sleutel: str) -> str:
    """Tabs op midden en rechterkantlijn; andere tabs uit de stijl opheffen."""
    breedte = o.tekstbreedte
    t = []
    for s in o.stijlen.keten(o.stijlen.ruwe_stijl(sleutel)):
        for tab in s.iterfind(f"{PPR}/{W}tabs/{TAB}"):
            pos = tab.get(W + "pos")
            if pos not in (str(breedte // 2), str(breedte)):
                t.append(f'<w:tab w:val="clear" w:pos="{geheel(pos, 0)}"/>')
    t.append(f'<w:tab w:val="center" w:pos="{breedte // 2}"/>')
    t.append(f'<w:tab w:val="right" w:pos="{breedte}"/>')
    return "<w:tabs>" + "".join(t) + "</w:tabs>"


def kop_en_voettekst(o: Opbouw) -> None:
    """Kop- en voettekst (titel, gemeente, paginanummer); leeg op de titelpagina."""
    sect = o.sect
    for ref in list(sect):
        if ref.tag in (W + "headerReference", W + "footerReference"):
            rId = ref.get(R_ID)
            sect.remove(ref)
            docx_intern.verwijder_relatie(o.hoofddeel, rId)

    def koppel(soort: str, alinea: Alinea, eerste_pagina: bool) -> None:
        tekst = f"<w:{soort} {NSDECL}>{alinea.xml()}</w:{soort}>"
        docx_intern.koppel_kop_of_voettekst(o.doc, sect, soort, tekst, eerste_pagina)

    # koptekst: titel, (concept), gemeente
    p = Alinea(o.stijl("koptekst"), {"tabs": _tabs(o, "koptekst")})
    runs.run(o, p.inhoud, o.g.titel)
    p.inhoud.append("<w:r><w:tab/></w:r>")
    if o.g.concept:
        p.inhoud.append(f'<w:r><w:rPr><w:rStyle w:val="{o.stijl("conceptmarkering")}"/>'
                        "</w:rPr><w:t>Concept</w:t></w:r>")
    if o.g.voorbeeld:
        p.inhoud.append(f'<w:r><w:rPr><w:rStyle w:val="{o.stijl("conceptmarkering")}"/>'
                        f'</w:rPr><w:t xml:space="preserve">{" " if o.g.concept else ""}VOORBEELD – verzonnen gegevens</w:t></w:r>')
    p.inhoud.append("<w:r><w:tab/></w:r>")
    runs.run(o, p.inhoud, o.g.gemeente)
    koppel("hdr", p, False)
    # voettekst: Pagina X van Y
    p = Alinea(o.stijl("voettekst"), {"tabs": _tabs(o, "voettekst")})
    p.inhoud.append('<w:r><w:tab/></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
                    "Pagina </w:t></w:r>" + veld(" PAGE ", "1")
                    + '<w:r><w:t xml:space="preserve"> van </w:t></w:r>'
                    + veld(" NUMPAGES ", "1"))
    koppel("ftr", p, False)
    # titelpagina: lege kop- en voettekst (zonder lijn)
    p = Alinea(o.stijl("koptekst"), {"pBdr": '<w:pBdr><w:bottom w:val="nil"/></w:pBdr>'})
    koppel("hdr", p, True)
    koppel("ftr", Alinea(o.stijl("voettekst"), None), True)
    docx_intern.zet_aparte_titelpagina(sect)


# -- instellingen en kenmerken ---------------------------------------------------


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


def instellingen(o: Opbouw) -> None:
    """w:settings (velden bijwerken, taal, voetnootscheiding) en Nederlands als teksttaal."""
    settings = o.doc.settings.element
    _zet(settings, W + "updateFields", {VAL: "true"})
    taal = settings.find(W + "themeFontLang")
    if taal is None:
        _zet(settings, W + "themeFontLang", {VAL: "nl-NL"})
    else:
        taal.set(VAL, "nl-NL")
    for oud in settings.findall(W + "footnotePr"):
        settings.remove(oud)
    if o.voetnoten is not None:
        fp = _zet(settings, W + "footnotePr", None)
        sub(fp, W + "footnote", {ID: "-1"})
        sub(fp, W + "footnote", {ID: "0"})
    # taal van de tekst: Nederlands (w:docDefaults)
    stijlen = o.stijlen.element
    dd = stijlen.find(W + "docDefaults")
    if dd is None:
        dd = etree.Element(W + "docDefaults")
        stijlen.insert(0, dd)
    rprd = dd.find(W + "rPrDefault")
    if rprd is None:
        rprd = etree.Element(W + "rPrDefault")
        dd.insert(0, rprd)
    rpr = rprd.find(RPR)
    if rpr is None:
        rpr = sub(rprd, RPR)
    lang = rpr.find(W + "lang")
    if lang is None:
        volg = [k for k in rpr if k.tag in (W + "eastAsianLayout", W + "specVanish", W + "oMath")]
        lang = etree.Element(W + "lang")
        if volg:
            volg[0].addprevious(lang)
        else:
            rpr.append(lang)
    if lang.get(VAL) != "nl-NL":
        lang.set(VAL, "nl-NL")


def eigenschappen(o: Opbouw) -> None:
    """Documentkenmerken (core.xml) en een vaste docProps/app.xml."""
    g = o.g
    cp = o.doc.core_properties
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
    kern = docx_intern.kern_element(cp)
    for el in list(kern):
        if el.tag in altijd_weg or (el.tag in leeg_weg and not (el.text or "").strip()):
            kern.remove(el)
    # docProps/app.xml: vaste inhoud zonder verouderde tellingen uit een huisstijl
    app = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Template>Normal.dotm</Template><Application>integriteitsplan</Application>"
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f"<Company>{esc(g.gemeente)}</Company>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode("utf-8")
    docx_intern.zet_app_eigenschappen(o.doc, app)
