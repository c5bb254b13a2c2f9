"""Schrijver voor een webpagina: één op zichzelf staande, toegankelijke HTML-pagina per document.

Dezelfde Markdown als het Word-document is de bron, en ook dezelfde ontleding: de boom uit
:mod:`.ontleden` wordt hier alleen (op een kopie) aangepast en geschreven. De pagina heeft ``lang="nl"``, één ``h1``
(de titel), koppen die niet overslaan, een ``nav`` met de inhoud, een link om direct naar de
tekst te gaan, tabellen met ``caption`` en ``th scope``, afbeeldingen als data-URI met hun
alternatieve tekst, voetnoten met links heen en terug, en een stijlblad voor scherm, telefoon
en papier. Er worden geen scripts en geen bestanden van buiten geladen. Ruwe HTML in een
profiel wordt als tekst getoond, nooit uitgevoerd.
"""
from __future__ import annotations

import base64
import copy
import html
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from markdown import util as mdutil
from markdown.extensions import footnotes as mdfootnotes
from markdown.serializers import to_html_string

from integriteitsplan.renderen.document import Gerenderd
from integriteitsplan.renderen.veilig import link_toegestaan
from integriteitsplan.schrijven.ontleden import Vangst, ontleed

# kleur van de huisstijl als die niet te lezen is, of te weinig contrast heeft op wit
STANDAARD_KLEUR = "1F3864"
_KOP = re.compile(r"h[1-6]$")
_STX = re.compile("\x02[^\x03]*\x03")

# Welke attributen een element in de pagina mag houden. Met ``{: ...}`` (attr_list) kan een
# profiel elk attribuut op een alinea, kop, link of afbeelding zetten (``onclick``, ``style``,
# een andere ``href``); in de pagina blijft alleen wat de opmaak zelf maakt.
_ATTRIBUTEN = {"id", "class", "href", "src", "alt", "title", "colspan", "rowspan", "align", "style"}
_VEILIGE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_:.-]{0,80}")
_VEILIGE_KLASSE = re.compile(r"[A-Za-z0-9 _-]{0,80}")
_VEILIGE_STIJL = re.compile(r"text-align: ?(?:left|right|center);?")
_VEILIGE_UITLIJNING = re.compile(r"left|right|center")


def _ontsmet(el: ET.Element) -> None:
    """Haal attributen weg die de opmaak niet zelf maakt: geen ``on...``, geen eigen stijl,
    geen link of id die de pagina kan breken."""
    for naam in list(el.attrib):
        waarde = el.attrib[naam]
        goed = naam in _ATTRIBUTEN
        if naam == "id":
            goed = bool(_VEILIGE_ID.fullmatch(waarde))
        elif naam == "class":
            goed = bool(_VEILIGE_KLASSE.fullmatch(waarde))
        elif naam == "style":
            goed = bool(_VEILIGE_STIJL.fullmatch(waarde.strip()))
        elif naam == "align":
            goed = bool(_VEILIGE_UITLIJNING.fullmatch(waarde))
        elif naam in ("colspan", "rowspan"):
            goed = waarde.isdigit() and len(waarde) <= 3
        elif naam == "href":
            goed = el.tag == "a" and link_toegestaan(waarde)
            if not goed and el.tag == "a":
                el.set("href", "#")
                continue
        elif naam == "src":
            goed = el.tag == "img"
        if not goed:
            del el.attrib[naam]


@dataclass
class Pagina:
    """Wat de webpagina nodig heeft naast de Markdown."""

    titel: str  # titel in <title> en als h1
    gemeente: str
    afbeeldingen: dict[str, bytes] = field(default_factory=dict)  # bestandsnaam -> PNG/JPG
    huisstijl: Path | None = None  # eigen .docx: de kleur van de koppen komt daaruit


# ---------------------------------------------------------------------------
# kleur


def _luminantie(hex_: str) -> float:
    def kanaal(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * kanaal(r) + 0.7152 * kanaal(g) + 0.0722 * kanaal(b)


def contrast(a: str, b: str) -> float:
    """Contrastverhouding van twee kleuren (WCAG 2.1), bijvoorbeeld ``contrast('1F3864', 'FFFFFF')``."""
    la, lb = sorted((_luminantie(a), _luminantie(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_KLEUREN: dict[Path | None, str] = {}


def huisstijlkleur(huisstijl: Path | None) -> str:
    """De kleur van kop 1 in de huisstijl, als die op wit en op het lichte vlak goed leesbaar
    is (contrast minstens 7:1 op wit); anders de standaardkleur."""
    if huisstijl in _KLEUREN:
        return _KLEUREN[huisstijl]
    kleur = STANDAARD_KLEUR
    if huisstijl is not None:
        try:
            with zipfile.ZipFile(huisstijl) as z:
                stijlen = z.read("word/styles.xml").decode("utf-8", "replace")
            m = re.search(r'w:styleId="Heading1".*?</w:style>', stijlen, re.S)
            k = re.search(r'<w:color w:val="([0-9A-Fa-f]{6})"', m.group(0)) if m else None
            if k and contrast(k.group(1), "FFFFFF") >= 7:
                kleur = k.group(1).upper()
        except (OSError, KeyError, zipfile.BadZipFile):
            pass
    _KLEUREN[huisstijl] = kleur
    return kleur


def _stijlblad(kleur: str) -> str:
    return (
        ":root{--huis:#%s;--tekst:#1a1a1a;--zacht:#f3f5f9;--lijn:#8a94a6}"
        "*{box-sizing:border-box}"
        "html{font-size:100%%}"
        "body{margin:0 auto;max-width:48rem;padding:0 1rem 3rem;font-family:Carlito,Calibri,"
        "Arial,sans-serif;line-height:1.55;color:var(--tekst);background:#fff}"
        "a{color:var(--huis)}a:focus{outline:3px solid var(--huis);outline-offset:2px}"
        ".overslaan{position:absolute;left:-100rem;top:0}"
        ".overslaan:focus{left:1rem;top:1rem;background:#fff;padding:.5rem 1rem;z-index:1}"
        "header{border-bottom:4px solid var(--huis);margin-bottom:1.5rem;padding-top:1rem}"
        "h1,h2,h3,h4,h5,h6{color:var(--huis);line-height:1.25}"
        "h2{border-bottom:1px solid var(--lijn);padding-bottom:.2rem;margin-top:2.5rem}"
        "nav{background:var(--zacht);padding:.5rem 1.5rem 1rem;margin:1.5rem 0}"
        "nav ol{list-style:none;padding-left:1rem}nav>ol{padding-left:0}"
        "blockquote{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid var(--huis);"
        "background:var(--zacht)}"
        ".tabel{overflow-x:auto}"
        "table{border-collapse:collapse;width:100%%;margin:1rem 0;font-size:.95rem}"
        "caption{text-align:left;font-weight:bold;padding:.3rem 0;color:var(--huis)}"
        "th,td{border:1px solid var(--lijn);padding:.35rem .5rem;text-align:left;"
        "vertical-align:top}"
        "thead th{background:var(--huis);color:#fff}"
        "tbody th{background:var(--zacht)}"
        "img{max-width:100%%;height:auto}figure{margin:1.5rem 0}"
        "figcaption{font-style:italic}"
        ".footnote{font-size:.9rem;border-top:1px solid var(--lijn);margin-top:2rem}"
        "@media (max-width:40rem){body{padding:0 .6rem 2rem}table{font-size:.85rem}}"
        "@media print{.overslaan,nav{display:none}body{max-width:none;padding:0;font-size:11pt}"
        "a{color:inherit;text-decoration:none}h2{break-before:page}header+main h2:first-child"
        "{break-before:auto}h2,h3,h4{break-after:avoid}tr,figure{break-inside:avoid}"
        "thead{display:table-header-group}thead th{background:#fff;color:#000}"
        ".tabel{overflow:visible}}" % kleur
    )


# ---------------------------------------------------------------------------
# de gedeelde boom, aangepast en geschreven


def _platte_tekst(el: ET.Element) -> str:
    return re.sub(r"\s+", " ", _STX.sub("", "".join(el.itertext()))).strip()


def _slug(tekst: str) -> str:
    tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    tekst = re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-")
    return tekst or "kop"


def _toegankelijk(root: ET.Element, pagina: Pagina, verschuiving: int,
                  koppen: list[tuple[int, str, str]]) -> None:
    """Past een kopie van de gedeelde boom aan voordat hij tekst wordt: koppen ``verschuiving``
    niveaus lager (de titel is h1), ids op koppen, bijschriften en scope bij tabellen,
    afbeeldingen als data-URI. Zet elke kop als (niveau, tekst, id) in ``koppen``."""
    gebruikt: set[str] = {"inhoud", "inhoudsopgave"}
    laatste_kop = ""
    tabellen = 0
    figuren = 0
    ouders = {kind: ouder for ouder in root.iter() for kind in ouder}
    for el in root.iter():
        _ontsmet(el)
    for el in list(root.iter()):
        tag = el.tag
        if len(tag) == 2 and _KOP.match(tag):
            niveau = min(int(tag[1]) + verschuiving, 6)
            el.tag = f"h{niveau}"
            tekst = _platte_tekst(el)
            laatste_kop = re.sub(r"^[\d.]+\s+", "", tekst)
            basis = el.get("id") or _slug(tekst)
            naam, n = basis, 2
            while naam in gebruikt:
                naam, n = f"{basis}-{n}", n + 1
            gebruikt.add(naam)
            el.set("id", naam)
            koppen.append((niveau, tekst, naam))
        elif tag == "table":
            tabellen += 1
            bijschrift = ET.Element("caption")
            bijschrift.text = f"Tabel {tabellen}: {laatste_kop}" if laatste_kop else f"Tabel {tabellen}"
            el.insert(0, bijschrift)
            for th in el.iter("th"):
                th.set("scope", "col")
            body = el.find("tbody")
            for tr in body if body is not None else []:
                cellen = list(tr)
                if cellen and cellen[0].tag == "td":
                    cellen[0].tag = "th"
                    cellen[0].set("scope", "row")
            ouder = ouders.get(el)
            if ouder is not None:  # in een schuifvak, zodat een brede tabel de pagina niet oprekt
                plek = list(ouder).index(el)
                vak = ET.Element("div", {"class": "tabel"})
                ouder.remove(el)
                vak.append(el)
                vak.tail, el.tail = el.tail, None
                ouder.insert(plek, vak)
        elif tag == "img":
            naam = el.get("src", "")
            data = pagina.afbeeldingen.get(naam)
            if data is not None:
                soort = "jpeg" if data[:3] == b"\xff\xd8\xff" else "png"
                el.set("src", f"data:image/{soort};base64," + base64.b64encode(data).decode("ascii"))
            else:  # een bestand van buiten laden we niet: alleen de tekst
                el.set("src", "data:,")
            el.set("alt", el.get("alt") or "")
            ouder = ouders.get(el)
            if ouder is not None and ouder.tag == "p" and len(ouder) == 1 and not (ouder.text or "").strip():
                figuren += 1
                ouder.tag = "figure"
                onder = el.attrib.pop("title", None) or el.get("alt")  # de titel is het bijschrift
                if onder:
                    bijschrift = ET.SubElement(ouder, "figcaption")
                    bijschrift.text = f"Figuur {figuren}: {onder}"
        elif tag == "a":
            klasse = el.get("class") or ""
            if "footnote-ref" in klasse:
                el.set("aria-label", f"voetnoot {_platte_tekst(el)}")
            elif "footnote-backref" in klasse:
                el.set("aria-label", "terug naar de tekst")
                el.attrib.pop("title", None)


# plaatshouders van Python-Markdown in de geschreven tekst
_PLAATSHOUDER = re.compile("<p>%s</p>|%s" % (mdutil.HTML_PLACEHOLDER % r"([0-9]+)",
                                            mdutil.HTML_PLACEHOLDER % r"([0-9]+)"))
_ENTITEIT = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);")
_AMP = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.I)


def _als_tekst(ruw: str) -> str:
    """Ruwe HTML uit een profiel, zo geschreven dat hij als tekst verschijnt."""
    return _AMP.sub("&amp;", ruw).replace("<", "&lt;").replace(">", "&gt;")


def _naar_html(vangst: Vangst, pagina: Pagina, verschuiving: int,
               koppen: list[tuple[int, str, str]]) -> str:
    """De gedeelde boom als HTML, zonder hem te veranderen (we werken op een kopie).

    Zelfde uitkomst als ``markdown.Markdown.convert``: de boom geschreven, de buitenste
    ``div`` eraf, daarna de plaatshouders ingevuld. Van de bewaarde stukken komen alleen
    entiteiten (``&amp;``, ``&#160;``) terug als HTML; een blok ruwe HTML uit een profiel
    wordt tekst."""
    root = copy.deepcopy(vangst.wortel)
    _toegankelijk(root, pagina, verschuiving, koppen)
    uit = to_html_string(root)
    begin, eind = uit.find("<div>"), uit.rfind("</div>")
    uit = uit[begin + 5:eind].strip() if begin == 0 and eind >= 0 else ""
    stash = vangst.stash
    if stash:
        def invullen(m: re.Match) -> str:
            nr = int(m.group(1) or m.group(2))
            if nr >= len(stash):
                return m.group(0)
            ruw = str(stash[nr])
            if _ENTITEIT.fullmatch(ruw):
                return f"<p>{ruw}</p>" if m.group(1) else ruw
            ruw = _als_tekst(ruw.strip())
            return f"<p>{ruw}</p>" if m.group(1) else ruw

        uit = _PLAATSHOUDER.sub(invullen, uit)
    if "\x02" in uit:
        uit = uit.replace(mdfootnotes.FN_BACKLINK_TEXT, "&#8617;").replace(mdfootnotes.NBSP_PLACEHOLDER, "&#160;")
    return uit.replace(mdutil.AMP_SUBSTITUTE, "&").strip()


def _inhoudsopgave(koppen: list[tuple[int, str, str]], tot: int = 4) -> str:
    """Geneste lijst van de koppen h2 tot en met h``tot``."""
    items = [(n, t, a) for n, t, a in koppen if 2 <= n <= tot]

    def lijst(i: int, niveau: int) -> tuple[str, int]:
        delen = []
        while i < len(items) and items[i][0] >= niveau:
            n, tekst, naam = items[i]
            if n > niveau:  # een kop die een niveau overslaat: toch genest
                binnen, i = lijst(i, n)
                delen.append(f"<li>{binnen}</li>")
                continue
            i += 1
            binnen = ""
            if i < len(items) and items[i][0] > niveau:
                binnen, i = lijst(i, niveau + 1)
            delen.append(f'<li><a href="#{html.escape(naam)}">{html.escape(tekst)}</a>{binnen}</li>')
        return "<ol>" + "".join(delen) + "</ol>", i

    if not items:
        return ""
    uit, _ = lijst(0, min(n for n, _t, _a in items))
    return uit


def maak_html(gerenderd: Gerenderd, pagina: Pagina, vangst: Vangst | None = None) -> bytes:
    """De webpagina van een document, als UTF-8.

    ``vangst`` is de romp al ontleed (:func:`.ontleden.ontleed`), dezelfde die de .docx krijgt;
    zonder wordt hij hier ontleed. De boom blijft onveranderd."""
    # het voorblad: de eerste kop is de titel (h1), andere koppen worden h2
    titelkoppen: list[tuple[int, str, str]] = []
    voorblad = _naar_html(ontleed(gerenderd.voorblad), pagina, 0, titelkoppen)
    koppen: list[tuple[int, str, str]] = []
    romp = _naar_html(vangst if vangst is not None else ontleed(gerenderd.romp), pagina, 1, koppen)
    h1 = [k for k in titelkoppen if k[0] == 1]
    if h1:  # eventuele extra h1'en in het voorblad: een niveau lager
        for _niveau, _tekst, naam in h1[1:]:
            voorblad = re.sub(rf'<h1 id="{re.escape(naam)}">(.*?)</h1>', lambda m, n=naam: f'<h2 id="{n}">{m.group(1)}</h2>',
                              voorblad, flags=re.S)
    else:
        voorblad = f"<h1>{html.escape(pagina.titel)}</h1>\n" + voorblad
    nav = _inhoudsopgave(koppen)
    if nav:
        nav = ('<nav aria-labelledby="inhoudsopgave">\n<h2 id="inhoudsopgave">Inhoud</h2>\n'
               + nav + "\n</nav>\n")
    titel = pagina.titel if pagina.gemeente in pagina.titel else f"{pagina.titel} – {pagina.gemeente}"
    pagina_html = (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(titel)}</title>\n"
        f"<style>{_stijlblad(huisstijlkleur(pagina.huisstijl))}</style>\n"
        "</head>\n<body>\n"
        '<a class="overslaan" href="#inhoud">Direct naar de inhoud</a>\n'
        f"<header>\n{voorblad}\n</header>\n{nav}"
        f'<main id="inhoud" tabindex="-1">\n{romp}\n</main>\n'
        "</body>\n</html>\n"
    )
    return pagina_html.encode("utf-8")
