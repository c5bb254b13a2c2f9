"""Bouwstenen voor WordprocessingML als tekst.

Krijgt tekst, stijl-id's en pPr-eigenschappen; geeft XML-tekst terug (alinea's, velden,
ontsnapte tekst) en de namen (met naamruimte) die de andere modules gebruiken.
"""
from __future__ import annotations

import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "{%s}" % W_NS
R_ID = "{%s}id" % R_NS
NSDECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

PPR, RPR, TAB, PAGEBREAKBEFORE = W + "pPr", W + "rPr", W + "tab", W + "pageBreakBefore"
VAL, TYPE, ID, NAME = W + "val", W + "type", W + "id", W + "name"
STYLE, STYLEID, BASEDON = W + "style", W + "styleId", W + "basedOn"
NUMPR, ILVL, NUMID = W + "numPr", W + "ilvl", W + "numId"
ABSTRACTNUM, ABSTRACTNUMID, NUM = W + "abstractNum", W + "abstractNumId", W + "num"

_ILLEGAAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(s: str) -> str:
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


def sub(ouder, tag: str, attrib: dict | None = None):
    """Nieuw lxml-kindelement ``tag`` van ``ouder``."""
    return etree.SubElement(ouder, tag, attrib) if attrib else etree.SubElement(ouder, tag)


def geheel(waarde, standaard: int) -> int:
    """``waarde`` als geheel getal, of ``standaard`` als dat niet kan."""
    try:
        return int(float(waarde))
    except (TypeError, ValueError):
        return standaard


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


class Alinea:
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


def als_xml(lijst: list) -> str:
    """Een lijst van XML-teksten en :class:`Alinea`'s als één tekst."""
    return "".join(x if isinstance(x, str) else x.xml() for x in lijst)


def veld(instructie: str, resultaat: str) -> str:
    """Een veld (bijv. PAGE) met voorlopig resultaat, als runs."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instructie}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{resultaat}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
