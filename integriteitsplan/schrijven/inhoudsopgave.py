"""Paginanummers in de opgeslagen inhoudsopgave van een af .docx zetten.

De Word-schrijver zet in het TOC-veld een inhoudsopgave zonder paginanummers (alleen Word kan
ze na openen invullen). Als er ook een PDF gemaakt wordt, kennen we de echte pagina van elke
kop; dan krijgt elke regel van de inhoudsopgave een tab en een PAGEREF-veld met dat nummer als
opgeslagen uitkomst. Alleen ``word/document.xml`` verandert; de andere delen van het zip-bestand
blijven byte voor byte zoals ze waren (met hun vaste datum).
"""
from __future__ import annotations

import io
import re
import zipfile

DOCUMENT = "word/document.xml"
_TOC_BEGIN = re.compile(r'<w:instrText xml:space="preserve">\s*TOC\b[^<]*</w:instrText>')
_EINDE = '<w:fldChar w:fldCharType="end"/>'
_LINK = re.compile(r'(<w:hyperlink w:anchor="(_Toc\d+)"[^>]*>)(.*?)(</w:hyperlink>)', re.S)


def _toc_gebied(xml: str) -> tuple[int, int] | None:
    m = _TOC_BEGIN.search(xml)
    if m is None:
        return None
    eind = xml.find(_EINDE, m.end())
    return (m.end(), eind) if eind >= 0 else None


def lees_document(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read(DOCUMENT).decode("utf-8")


def toc_ankers(docx: bytes) -> list[str]:
    """De bladwijzers waar de regels van de inhoudsopgave naar wijzen, in volgorde."""
    xml = lees_document(docx)
    gebied = _toc_gebied(xml)
    if gebied is None:
        return []
    return [m.group(2) for m in _LINK.finditer(xml, *gebied)]


def _paginaverwijzing(anker: str, pagina: int) -> str:
    return ('<w:r><w:tab/></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> PAGEREF {anker} \\h </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{pagina}</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def herschrijf_document(docx: bytes, functie) -> bytes:
    """De .docx met ``word/document.xml`` vervangen door ``functie(xml)``; de andere delen
    en de vaste datums van het zip-bestand blijven zoals ze waren."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        delen = [(info, z.read(info.filename)) for info in z.infolist()]
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in delen:
            if info.filename == DOCUMENT:
                data = functie(data.decode("utf-8")).encode("utf-8")
            z.writestr(info, data)
    return uit.getvalue()


def zet_paginanummers(docx: bytes, paginas: dict[str, int]) -> bytes:
    """De .docx met een paginanummer achter elke regel van de inhoudsopgave."""

    def vul(m: re.Match) -> str:
        pagina = paginas.get(m.group(2))
        if pagina is None:
            return m.group(0)
        return m.group(1) + m.group(3) + _paginaverwijzing(m.group(2), pagina) + m.group(4)

    def pas_aan(xml: str) -> str:
        gebied = _toc_gebied(xml)
        if gebied is None:
            return xml
        begin, eind = gebied
        return xml[:begin] + _LINK.sub(vul, xml[begin:eind]) + xml[eind:]

    return herschrijf_document(docx, pas_aan)
