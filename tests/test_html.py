"""De webpagina (--formaat html) en index.html: geldig HTML en de regels van toegankelijkheid."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from integriteitsplan import generate
from integriteitsplan.schrijven.html import STANDAARD_KLEUR, contrast

html5lib = pytest.importorskip("html5lib")

NS = "{http://www.w3.org/1999/xhtml}"
KOPPEN = [f"{NS}h{n}" for n in range(1, 7)]


def ontleed(pad: Path):
    """Ontleed streng: elke parseerfout laat de test falen."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return parser.parse(pad.read_bytes())


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory):
    uit = tmp_path_factory.mktemp("html")
    verslag = generate("voorbeeld", document="alle", formaten=["html", "md"], uitvoer=uit, profielmappen=[])
    return uit / "voorbeeld", verslag


def alle(boom, tag):
    return list(boom.iter(f"{NS}{tag}"))


def tekst(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


@pytest.mark.parametrize("naam", ["beleidsplan-integriteit-2026-2029", "jaarplan-integriteit-2026",
                                  "jaarverslag-integriteit-2026"])
def test_structuur(voorbeeld, naam):
    map_, _ = voorbeeld
    boom = ontleed(map_ / f"{naam}.html")
    assert boom.get("lang") == "nl"
    assert len(alle(boom, "h1")) == 1
    # koppen in volgorde: nooit een niveau overslaan naar beneden
    niveaus = [int(el.tag[-1]) for el in boom.iter() if el.tag in KOPPEN]
    assert niveaus[0] == 1
    for vorig, nu in zip(niveaus, niveaus[1:]):
        assert nu <= vorig + 1, niveaus
    # nav met de inhoud: elke link wijst naar een kop die bestaat
    navs = alle(boom, "nav")
    assert len(navs) == 1
    ids = {el.get("id") for el in boom.iter() if el.get("id")}
    links = [a.get("href") for a in navs[0].iter(f"{NS}a")]
    assert links and all(h.startswith("#") and h[1:] in ids for h in links)
    md = (map_ / f"{naam}.md").read_text("utf-8")
    hoofdstukken = [m.group(1) for m in re.finditer(r"^# (.*)$", md, re.M)][1:]
    assert [tekst(a) for a in navs[0].iter(f"{NS}a") if tekst(a) in hoofdstukken] == hoofdstukken
    # link om de inhoudsopgave over te slaan, als eerste link op de pagina
    eerste = alle(boom, "a")[0]
    assert eerste.get("href") == "#inhoud" and "inhoud" in tekst(eerste).lower()
    assert alle(boom, "main")[0].get("id") == "inhoud"
    # tabellen: caption, th met scope
    for tabel in alle(boom, "table"):
        assert tekst(tabel.find(f"{NS}caption"))
        koppen = list(tabel.iter(f"{NS}th"))
        assert koppen and all(th.get("scope") in ("col", "row") for th in koppen)
    # geen scripts, niets van buiten
    assert not alle(boom, "script")
    for el in boom.iter():
        for attr in ("src", "href"):
            waarde = el.get(attr) or ""
            assert not re.match(r"^(https?:)?//", waarde) or el.tag == f"{NS}a", waarde
    stijl = tekst(alle(boom, "style")[0])
    assert "@media print" in stijl and "max-width" in stijl
    assert any(m.get("name") == "viewport" for m in alle(boom, "meta"))


def test_grafiek_als_data_uri_met_alt(voorbeeld):
    map_, _ = voorbeeld
    boom = ontleed(map_ / "jaarverslag-integriteit-2026.html")
    beelden = alle(boom, "img")
    assert len(beelden) == 1
    assert beelden[0].get("src").startswith("data:image/png;base64,")
    assert beelden[0].get("alt").startswith("Staafdiagram: meldingen per jaar: ")
    # de cijfers van de grafiek staan ook in een tabel
    assert any("Kerncijfer" in tekst(t) for t in alle(boom, "table"))


def test_huiskleur_heeft_genoeg_contrast():
    assert contrast(STANDAARD_KLEUR, "FFFFFF") >= 7
    assert contrast("FFFFFF", STANDAARD_KLEUR) >= 4.5  # witte tekst in de tabelkop


def test_voetnoten_twee_kanten_op(tmp_path):
    from integriteitsplan.renderen.document import Gerenderd
    from integriteitsplan.schrijven.html import Pagina, maak_html

    md = "# 1 Hoofdstuk\n\nTekst met een noot.[^a]\n\n[^a]: De noot zelf.\n"
    pad = tmp_path / "noot.html"
    pad.write_bytes(maak_html(Gerenderd("# Titel\n", md), Pagina("Titel", "Gemeente Test")))
    boom = ontleed(pad)
    ids = {el.get("id") for el in boom.iter() if el.get("id")}
    heen = [a for a in alle(boom, "a") if "footnote-ref" in (a.get("class") or "")]
    terug = [a for a in alle(boom, "a") if "footnote-backref" in (a.get("class") or "")]
    assert heen and terug
    assert heen[0].get("href")[1:] in ids and terug[0].get("href")[1:] in ids


def test_ruwe_html_wordt_tekst(tmp_path):
    from integriteitsplan.renderen.document import Gerenderd
    from integriteitsplan.schrijven.html import Pagina, maak_html

    md = ("# 1 Hoofdstuk\n\n<script>alert(1)</script>\n\nTekst <img src=x onerror=alert(2)> en "
          "[link](javascript:alert(3)).\n\n<div onclick=\"x()\">blok</div>\n")
    uit = maak_html(Gerenderd("# Titel <b>vet</b>\n", md), Pagina("Titel", "Gemeente Test")).decode()
    assert "<script" not in uit and "<img src=x" not in uit and "<div onclick" not in uit
    assert "&lt;script&gt;" in uit and "javascript:" not in uit
    pad = tmp_path / "ruw.html"
    pad.write_text(uit, "utf-8")
    boom = ontleed(pad)
    assert not alle(boom, "script") and len(alle(boom, "h1")) == 1


def test_index_uit_vingerafdrukken(voorbeeld):
    map_, verslag = voorbeeld
    (map_ / "vreemd-bestand-2026.html").write_text("<p>niet van ons</p>", "utf-8")
    # opnieuw genereren schrijft de index opnieuw, uit de vingerafdrukken
    generate("voorbeeld", formaten=["html"], uitvoer=map_.parent, profielmappen=[])
    index = map_ / "index.html"
    boom = ontleed(index)
    assert boom.get("lang") == "nl" and len(alle(boom, "h1")) == 1
    hrefs = [a.get("href") for a in alle(boom, "a")]
    assert "vreemd-bestand-2026.html" not in hrefs
    vingerafdrukken = json.loads((map_ / ".integriteitsplan.json").read_text("utf-8"))
    verwacht = sorted(n for n in vingerafdrukken if n.endswith((".html", ".md")) and n != "index.html")
    assert sorted(hrefs) == verwacht
    assert "index.html" in vingerafdrukken


def test_docx_en_md_ongewijzigd_zonder_html(tmp_path):
    """Zonder html komt er geen index en geen .html."""
    generate("voorbeeld", uitvoer=tmp_path, profielmappen=[])
    namen = sorted(p.name for p in (tmp_path / "voorbeeld").iterdir())
    assert not [n for n in namen if n.endswith(".html")]


def test_cli_formaat_lijst(cli, tmp_path):
    uitkomst = cli("genereer", "voorbeeld", "--formaat", "html,md", "--formaat", "docx", "--uitvoer", tmp_path / "u")
    assert uitkomst.exit_code == 0, uitkomst.output
    namen = sorted(p.name for p in (tmp_path / "u" / "voorbeeld").iterdir())
    assert namen == [".integriteitsplan.json", "beleidsplan-integriteit-2026-2029.docx",
                     "beleidsplan-integriteit-2026-2029.html", "beleidsplan-integriteit-2026-2029.md", "index.html"]
    uitkomst = cli("genereer", "voorbeeld", "--formaat", "beide", "--uitvoer", tmp_path / "v")
    assert uitkomst.exit_code == 0
    assert len(list((tmp_path / "v" / "voorbeeld").glob("*.docx"))) == 1
    uitkomst = cli("genereer", "voorbeeld", "--formaat", "odt", "--uitvoer", tmp_path / "w")
    assert uitkomst.exit_code == 2 and "odt" in uitkomst.output



def test_chromium_axe_geen_schendingen(voorbeeld, tmp_path):
    """De jaarverslagpagina in een echte browser, met axe-core: geen schendingen van WCAG 2.1 AA."""
    from conftest import axe_in_chromium

    for naam in ("jaarverslag-integriteit-2026.html", "index.html"):
        uitkomst = axe_in_chromium(voorbeeld[0] / naam, tmp_path)
        assert uitkomst["violations"] == [], json.dumps(uitkomst["violations"], indent=1, ensure_ascii=False)[:4000]
        assert "color-contrast" in uitkomst["passes"] and "html-has-lang" in uitkomst["passes"]


def test_verschillen_als_webpagina(cli, tmp_path):
    uitkomst = cli("verschillen", "leidse-regio", "--formaat", "html", "--uitvoer", tmp_path / "u")
    assert uitkomst.exit_code == 0, uitkomst.output
    map_ = tmp_path / "u" / "leidse-regio"
    assert sorted(p.name for p in map_.iterdir()) == [".integriteitsplan.json", "index.html",
                                                      "verschillen-leidse-regio.html"]
    boom = ontleed(map_ / "verschillen-leidse-regio.html")
    assert len(alle(boom, "h1")) == 1 and alle(boom, "nav")
