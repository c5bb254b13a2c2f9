"""Maak de meegeleverde huisstijl ``integriteitsplan/huisstijl/standaard.docx``.

Gebruik (vanuit de hoofdmap van het project)::

    python tools/maak_huisstijl.py            # schrijft het bestand
    python tools/maak_huisstijl.py --check    # controleert alleen of het actueel is

Het referentiedocument is een leeg Word-document dat alleen opmaak levert: stijlen,
nummering (opsommingen), paginaformaat (A4, marges 2,5 cm), instellingen (Nederlands)
en thema. ``integriteitsplan.schrijven.word`` opent het per document en vult het.

Het script gaat uit van het lege sjabloon van python-docx, gooit alles weg wat een
referentiedocument niet nodig heeft (miniatuur, customXml, stylesWithEffects,
webSettings, lettertypetabel, 160 ongebruikte stijlen) en schrijft stijlen, nummering
en instellingen opnieuw. Het resultaat is byte voor byte reproduceerbaar: vaste
zip-datums, vaste volgorde, geen huidige tijd.

Kleuren (sober donkerblauw):
    donkerblauw  1F3864  koppen, titel
    middenblauw  2F5496  ondertitel, kop 3, kaderlijn
    lichtblauw   D9E2F3  kopregel van tabellen
    kaderblauw   EDF2F9  achtergrond van een kader
    lijnblauw    8EAADB  tabelranden
    conceptrood  C00000  CONCEPT-markering
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

HIER = Path(__file__).resolve().parent
PROJECT = HIER.parent
sys.path.insert(0, str(PROJECT))

from integriteitsplan.schrijven.word import schrijf_pakket  # noqa: E402

DOEL = PROJECT / "integriteitsplan" / "huisstijl" / "standaard.docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

DONKERBLAUW = "1F3864"
MIDDENBLAUW = "2F5496"
LICHTBLAUW = "D9E2F3"
KADERBLAUW = "EDF2F9"
LIJNBLAUW = "8EAADB"
GRIJS = "595959"
LICHTGRIJS = "BFBFBF"
CONCEPTROOD = "C00000"

# A4 staand, marges 2,5 cm (1418 twips); tekstbreedte 11906 - 2 * 1418 = 9070 twips.
PAGINA_B, PAGINA_H, MARGE = 11906, 16838, 1418
TEKSTBREEDTE = PAGINA_B - 2 * MARGE
LETTER = "Calibri"


# ---------------------------------------------------------------------------
# stijlen


def stijl(
    soort: str,
    sid: str,
    naam: str,
    *,
    basis: str | None = None,
    volgende: str | None = None,
    ppr: str = "",
    rpr: str = "",
    tblpr: str = "",
    tcpr: str = "",
    extra: str = "",
    standaard: bool = False,
    eigen: bool = False,
    snel: bool = False,
    prio: int | None = None,
    verborgen: bool = False,
) -> str:
    """Eén ``w:style`` als XML-tekst, kinderen in schemavolgorde."""
    attr = f'w:type="{soort}" w:styleId="{sid}"'
    if standaard:
        attr += ' w:default="1"'
    if eigen:
        attr += ' w:customStyle="1"'
    deel = [f'<w:style {attr}><w:name w:val="{naam}"/>']
    if basis:
        deel.append(f'<w:basedOn w:val="{basis}"/>')
    if volgende:
        deel.append(f'<w:next w:val="{volgende}"/>')
    if prio is not None:
        deel.append(f'<w:uiPriority w:val="{prio}"/>')
    if verborgen:
        deel.append("<w:semiHidden/><w:unhideWhenUsed/>")
    if snel:
        deel.append("<w:qFormat/>")
    if ppr:
        deel.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        deel.append(f"<w:rPr>{rpr}</w:rPr>")
    if tblpr:
        deel.append(f"<w:tblPr>{tblpr}</w:tblPr>")
    if tcpr:
        deel.append(f"<w:tcPr>{tcpr}</w:tcPr>")
    deel.append(extra)
    deel.append("</w:style>")
    return "".join(deel)


def kleur(c: str) -> str:
    return f'<w:color w:val="{c}"/>'


def grootte(pt: float) -> str:
    half = int(round(pt * 2))
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def ruimte(voor: int = 0, na: int = 0, regel: int | None = None) -> str:
    s = f'<w:spacing w:before="{voor}" w:after="{na}"'
    if regel is not None:
        s += f' w:line="{regel}" w:lineRule="auto"'
    return s + "/>"


def rand(kant: str, kleur_: str, dikte: int = 4, afstand: int = 1) -> str:
    return f'<w:{kant} w:val="single" w:sz="{dikte}" w:space="{afstand}" w:color="{kleur_}"/>'


def stijlen_xml() -> str:
    vet = "<w:b/><w:bCs/>"
    cursief = "<w:i/><w:iCs/>"
    s: list[str] = []
    # -- basis
    s.append(stijl("paragraph", "Normal", "Normal", standaard=True, snel=True,
                   ppr="<w:widowControl/>"))
    s.append(stijl("character", "DefaultParagraphFont", "Default Paragraph Font",
                   standaard=True, prio=1, verborgen=True))
    s.append(stijl("table", "TableNormal", "Normal Table", standaard=True, prio=99,
                   verborgen=True,
                   tblpr='<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
                         '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                         '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                         '</w:tblCellMar>'))
    s.append(stijl("numbering", "NoList", "No List", standaard=True, prio=99, verborgen=True))

    # -- titelpagina
    s.append(stijl("paragraph", "Title", "Title", basis="Normal", volgende="Normal", snel=True,
                   prio=10,
                   ppr="<w:keepNext/><w:pBdr>" + rand("bottom", MIDDENBLAUW, 12, 8)
                       + "</w:pBdr>" + ruimte(0, 240, 240) + "<w:contextualSpacing/>",
                   rpr=vet + kleur(DONKERBLAUW) + '<w:kern w:val="28"/>' + grootte(30)))
    s.append(stijl("paragraph", "Subtitle", "Subtitle", basis="Normal", volgende="Normal",
                   snel=True, prio=11, ppr="<w:keepNext/>" + ruimte(0, 160, 240),
                   rpr=kleur(MIDDENBLAUW) + grootte(16)))
    s.append(stijl("paragraph", "Omslaggemeente", "Omslag gemeente", basis="Normal",
                   volgende="Normal", eigen=True, snel=True, prio=12,
                   ppr="<w:keepNext/>" + ruimte(0, 0, 240),
                   rpr=vet + kleur(GRIJS) + grootte(14)))
    s.append(stijl("paragraph", "Concept", "Concept", basis="Normal", volgende="Normal",
                   eigen=True, snel=True, prio=13,
                   ppr="<w:keepNext/><w:pBdr>" + rand("top", CONCEPTROOD, 18, 6)
                       + rand("left", CONCEPTROOD, 18, 6) + rand("bottom", CONCEPTROOD, 18, 6)
                       + rand("right", CONCEPTROOD, 18, 6) + "</w:pBdr>"
                       + ruimte(480, 0, 240) + '<w:ind w:left="2268" w:right="2268"/>'
                       + '<w:jc w:val="center"/>',
                   rpr=vet + kleur(CONCEPTROOD) + '<w:spacing w:val="60"/>' + grootte(32)))
    s.append(stijl("character", "Conceptmarkering", "Conceptmarkering", basis="DefaultParagraphFont",
                   eigen=True, prio=14, rpr=vet + "<w:caps/>" + kleur(CONCEPTROOD)))

    # -- koppen
    kop = [
        # niveau, grootte, kleur, voor, na, extra pPr
        (1, 18, DONKERBLAUW, 0, 240,
         "<w:pageBreakBefore/><w:pBdr>" + rand("bottom", DONKERBLAUW, 6, 4) + "</w:pBdr>"),
        (2, 14, DONKERBLAUW, 360, 120, ""),
        (3, 12, MIDDENBLAUW, 240, 80, ""),
        (4, 11, MIDDENBLAUW, 200, 60, ""),
    ]
    for niveau, pt, kl, voor, na, ppr_extra in kop:
        keep = "<w:keepNext/><w:keepLines/>"
        if ppr_extra.startswith("<w:pageBreakBefore/>"):
            keep += "<w:pageBreakBefore/>"
            ppr_extra = ppr_extra[len("<w:pageBreakBefore/>"):]
        rpr = vet + kleur(kl) + grootte(pt)
        if niveau == 4:
            rpr = vet + cursief + kleur(kl) + grootte(pt)
        s.append(stijl("paragraph", f"Heading{niveau}", f"heading {niveau}", basis="Normal",
                       volgende="Normal", snel=True, prio=9,
                       ppr=keep + ppr_extra + ruimte(voor, na, 240)
                           + f'<w:outlineLvl w:val="{niveau - 1}"/>',
                       rpr=rpr))

    # -- inhoudsopgave
    s.append(stijl("paragraph", "TOCHeading", "TOC Heading", basis="Heading1", volgende="Normal",
                   snel=True, prio=39, verborgen=True,
                   ppr="<w:pageBreakBefore/><w:pBdr>" + rand("bottom", DONKERBLAUW, 6, 4)
                       + '</w:pBdr><w:outlineLvl w:val="9"/>'))
    toc_tab = (f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEKSTBREEDTE}"/></w:tabs>')
    for niveau, inspring, voor, na, rpr in (
        (1, 0, 120, 40, vet + kleur(DONKERBLAUW)),
        (2, 284, 0, 20, ""),
        (3, 568, 0, 20, grootte(10)),
    ):
        ppr = toc_tab + ruimte(voor, na, 252)
        if inspring:
            ppr += f'<w:ind w:left="{inspring}"/>'
        s.append(stijl("paragraph", f"TOC{niveau}", f"toc {niveau}", basis="Normal",
                       volgende="Normal", prio=39, verborgen=True, ppr=ppr, rpr=rpr))

    # -- lijsten
    for i, (achtervoegsel, links) in enumerate((("", 357), (" 2", 714), (" 3", 1071))):
        sidnr = "" if i == 0 else str(i + 1)
        for naam, numid in (("List Bullet", 1), ("List Number", 2)):
            s.append(stijl("paragraph", naam.replace(" ", "") + sidnr, naam + achtervoegsel,
                           basis="Normal", prio=99 if i else 36, verborgen=bool(i),
                           ppr=f'<w:numPr><w:ilvl w:val="{i}"/><w:numId w:val="{numid}"/>'
                               f"</w:numPr>" + ruimte(0, 60)
                               + f'<w:ind w:left="{links}" w:hanging="357"/>'
                               + "<w:contextualSpacing/>"))
        s.append(stijl("paragraph", "ListContinue" + sidnr, "List Continue" + achtervoegsel,
                       basis="Normal", prio=99, verborgen=True,
                       ppr=ruimte(0, 60) + f'<w:ind w:left="{links}"/>'))

    # -- tabellen
    s.append(stijl("paragraph", "Tabeltekst", "Tabeltekst", basis="Normal", eigen=True, snel=True,
                   prio=20, ppr=ruimte(30, 30, 240), rpr=grootte(10)))
    s.append(stijl("paragraph", "Tabelkop", "Tabelkop", basis="Tabeltekst", eigen=True, snel=True,
                   prio=20, ppr="<w:keepNext/>", rpr=vet + kleur(DONKERBLAUW)))
    randen = "".join(rand(k, LIJNBLAUW, 4, 0)
                     for k in ("top", "left", "bottom", "right", "insideH", "insideV"))
    s.append(stijl(
        "table", "Integriteitsplantabel", "Integriteitsplan tabel", basis="TableNormal",
        eigen=True, prio=59,
        ppr=ruimte(0, 0, 240), rpr=grootte(10),
        tblpr=f'<w:tblBorders>{randen}</w:tblBorders><w:tblCellMar>'
              '<w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
              '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>',
        extra='<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr>'
              f"<w:rPr>{vet}{kleur(DONKERBLAUW)}</w:rPr>"
              f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{LICHTBLAUW}"/></w:tcPr>'
              "</w:tblStylePr>"))
    omslagranden = (rand("top", LICHTGRIJS, 4, 0) + rand("bottom", LICHTGRIJS, 4, 0)
                    + rand("insideH", LICHTGRIJS, 4, 0))
    s.append(stijl(
        "table", "Omslagtabel", "Omslagtabel", basis="TableNormal", eigen=True, prio=59,
        tblpr=f'<w:tblBorders>{omslagranden}</w:tblBorders><w:tblCellMar>'
              '<w:top w:w="40" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
              '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'))

    # -- overige
    s.append(stijl("paragraph", "Caption", "caption", basis="Normal", volgende="Normal", snel=True,
                   prio=35, ppr=ruimte(60, 240, 240),
                   rpr=cursief + kleur("44546A") + grootte(9)))
    s.append(stijl("paragraph", "Kader", "Kader", basis="Normal", volgende="Normal", eigen=True,
                   snel=True, prio=21,
                   ppr="<w:keepLines/><w:pBdr>" + rand("left", MIDDENBLAUW, 24, 8)
                       + f'</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="{KADERBLAUW}"/>'
                       + ruimte(120, 120) + '<w:ind w:left="227" w:right="227"/>',
                   rpr=kleur(DONKERBLAUW)))
    tabs = (f'<w:tabs><w:tab w:val="center" w:pos="{TEKSTBREEDTE // 2}"/>'
            f'<w:tab w:val="right" w:pos="{TEKSTBREEDTE}"/></w:tabs>')
    s.append(stijl("paragraph", "Header", "header", basis="Normal", prio=99, verborgen=True,
                   ppr="<w:pBdr>" + rand("bottom", LICHTGRIJS, 4, 4) + "</w:pBdr>" + tabs
                       + ruimte(0, 0, 240),
                   rpr=kleur(GRIJS) + grootte(9)))
    s.append(stijl("paragraph", "Footer", "footer", basis="Normal", prio=99, verborgen=True,
                   ppr=tabs + ruimte(0, 0, 240), rpr=kleur(GRIJS) + grootte(9)))
    s.append(stijl("paragraph", "FootnoteText", "footnote text", basis="Normal", prio=99,
                   verborgen=True, ppr=ruimte(0, 40, 240) + '<w:ind w:left="227" w:hanging="227"/>',
                   rpr=grootte(9)))
    s.append(stijl("character", "FootnoteReference", "footnote reference",
                   basis="DefaultParagraphFont", prio=99, verborgen=True,
                   rpr='<w:vertAlign w:val="superscript"/>'))
    s.append(stijl("character", "Hyperlink", "Hyperlink", basis="DefaultParagraphFont", prio=99,
                   verborgen=True, rpr='<w:color w:val="0563C1"/><w:u w:val="single"/>'))
    s.append(stijl("character", "HTMLCode", "HTML Code", basis="DefaultParagraphFont", prio=99,
                   verborgen=True,
                   rpr='<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" '
                       'w:cs="Courier New"/>' + grootte(10)))

    docdefaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{LETTER}" w:eastAsia="{LETTER}" w:hAnsi="{LETTER}" w:cs="{LETTER}"/>'
        + grootte(11)
        + '<w:lang w:val="nl-NL" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        + ruimte(0, 120, 264)
        + "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    latent = ('<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" '
              'w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"/>')
    return f"<w:styles {NSDECL}>{docdefaults}{latent}{''.join(s)}</w:styles>"


# ---------------------------------------------------------------------------
# nummering


def nummering_xml() -> str:
    def niveaus(opsomming: bool) -> str:
        uit = []
        tekens = ["\u2022", "\u2013", "\u2022"]
        formaten = ["decimal", "lowerLetter", "lowerRoman"]
        for i in range(9):
            links = 357 * (i + 1)
            if opsomming:
                fmt, tekst = "bullet", tekens[i % 3]
                rpr = f'<w:rPr><w:rFonts w:ascii="{LETTER}" w:hAnsi="{LETTER}" w:hint="default"/></w:rPr>'
            else:
                fmt, tekst = formaten[i % 3], f"%{i + 1}."
                rpr = ""
            uit.append(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{tekst}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{links}" w:hanging="357"/></w:pPr>{rpr}</w:lvl>'
            )
        return "".join(uit)

    return (
        f"<w:numbering {NSDECL}>"
        '<w:abstractNum w:abstractNumId="0"><w:nsid w:val="1A2B3C01"/>'
        '<w:multiLevelType w:val="hybridMultilevel"/>' + niveaus(True) + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="1A2B3C02"/>'
        '<w:multiLevelType w:val="hybridMultilevel"/>' + niveaus(False) + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>"
    )


# ---------------------------------------------------------------------------
# instellingen en document


def instellingen_xml() -> str:
    compat = "".join(
        f'<w:compatSetting w:name="{n}" w:uri="http://schemas.microsoft.com/office/word" w:val="{v}"/>'
        for n, v in (
            ("compatibilityMode", "15"),
            ("overrideTableStyleFontSizeAndJustification", "1"),
            ("enableOpenTypeFeatures", "1"),
            ("doNotFlipMirrorIndents", "1"),
            ("differentiateMultirowTableHeaders", "1"),
        )
    )
    return (
        f"<w:settings {NSDECL}>"
        '<w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="709"/>'
        '<w:hyphenationZone w:val="425"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        f"<w:compat>{compat}</w:compat>"
        '<w:themeFontLang w:val="nl-NL"/>'
        '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" '
        'w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" '
        'w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" '
        'w:followedHyperlink="followedHyperlink"/>'
        '<w:decimalSymbol w:val=","/>'
        '<w:listSeparator w:val=";"/>'
        "</w:settings>"
    )


def document_xml() -> str:
    return (
        f"<w:document {NSDECL}><w:body><w:sectPr>"
        f'<w:pgSz w:w="{PAGINA_B}" w:h="{PAGINA_H}"/>'
        f'<w:pgMar w:top="{MARGE}" w:right="{MARGE}" w:bottom="{MARGE}" w:left="{MARGE}" '
        'w:header="709" w:footer="567" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/>'
        "</w:sectPr></w:body></w:document>"
    )


APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><Application>integriteitsplan</Application>"
    "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company></Company>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
).encode("utf-8")


def maak() -> bytes:
    doc = docx.Document()
    deel = doc.part

    # weg met wat een referentiedocument niet nodig heeft
    weg = {
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
        RT.WEB_SETTINGS,
        RT.FONT_TABLE,
        RT.CUSTOM_XML,
    }
    for rId, rel in list(deel.rels.items()):
        if rel.reltype in weg:
            del deel.rels[rId]
    pakket = deel.package
    for rId, rel in list(pakket.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pakket.rels[rId]

    deel._element = parse_xml(document_xml())
    deel._styles_part._element = parse_xml(stijlen_xml())
    deel.numbering_part._element = parse_xml(nummering_xml())
    deel._settings_part._element = parse_xml(instellingen_xml())
    pakket.part_related_by(RT.EXTENDED_PROPERTIES)._blob = APP_XML

    cp = doc.core_properties
    cp.title = "Huisstijl integriteitsplan"
    cp.subject = ""
    cp.author = "integriteitsplan"
    cp.last_modified_by = "integriteitsplan"
    cp.comments = "Referentiedocument: stijlen, nummering en paginaformaat."
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.language = "nl-NL"
    vast = dt.datetime(2000, 1, 1)
    cp.created = vast
    cp.modified = vast
    return schrijf_pakket(pakket)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="alleen controleren, niets schrijven")
    p.add_argument("--uit", type=Path, default=DOEL, help=f"doelbestand (standaard {DOEL})")
    args = p.parse_args(argv)
    inhoud = maak()
    if args.check:
        if not args.uit.exists() or args.uit.read_bytes() != inhoud:
            print(f"{args.uit} is niet actueel; draai: python tools/maak_huisstijl.py")
            return 1
        print(f"{args.uit} is actueel.")
        return 0
    args.uit.parent.mkdir(parents=True, exist_ok=True)
    args.uit.write_bytes(inhoud)
    print(f"Geschreven: {args.uit} ({len(inhoud)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
