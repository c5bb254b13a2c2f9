"""De documenten van het voorbeeld zoals een gebruiker ze krijgt: .docx opnieuw geopend met
python-docx, het Markdown ernaast, en (waar LibreOffice er is) omgezet naar PDF."""
from __future__ import annotations

import datetime
import re
import zipfile

import docx
import pytest

from integriteitsplan import generate

from conftest import naar_pdf, pdf_tekst

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("voorbeeld")
    generate("voorbeeld", document="alle", uitvoer=map_)
    return map_ / "voorbeeld"


def koppen_md(pad):
    uit = []
    for regel in pad.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(#{1,6}) (.*)$", regel)
        if m:
            uit.append((len(m.group(1)), m.group(2)))
    return uit


def koppen_docx(document):
    uit = []
    for p in document.paragraphs:
        naam = p.style.name
        if naam.startswith("Heading "):
            uit.append((int(naam.split()[1]), p.text))
    return uit


@pytest.mark.parametrize("naam", ["beleidsplan-integriteit-2026-2029", "jaarplan-integriteit-2026",
                                  "jaarverslag-integriteit-2026", "jaarplan-integriteit-2027"])
def test_word_heeft_dezelfde_koppen_als_markdown(uitvoer, naam):
    # de eerste kop is het voorblad; Word heeft kopstijlen tot niveau 4 (dieper: overzichtsniveau)
    md = [(min(n, 4), t) for n, t in koppen_md(uitvoer / f"{naam}.md")[1:]]
    document = docx.Document(uitvoer / f"{naam}.docx")
    assert koppen_docx(document) == md


def test_beleidsplan_structuur(uitvoer):
    pad = uitvoer / "beleidsplan-integriteit-2026-2029.docx"
    document = docx.Document(pad)
    koppen = [t for n, t in koppen_docx(document) if n == 1]
    assert koppen == ["Voorwoord", "1 Inleiding", "2 Missie en visie", "3 Waarden en normen",
                      "4 Structuur, cultuur en maatregelen", "5 Incidenten", "6 Rollen, taken en positionering",
                      "7 Monitoring, evaluatie en rapportage", "8 Samenhang en middelen",
                      "Bijlage 1 Overzicht van de maatregelen", "Bijlage 2 Basisnormen integriteit",
                      "Bijlage 3 Ambtenarenwet 2017"]
    # elke tabel heeft een herhalende kopregel
    assert document.tables
    for tabel in document.tables[1:]:  # de eerste is de metadata op het voorblad
        tr_pr = tabel.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(f"{W}tblHeader") is not None
    # de basisnormentoets staat in deel 2, met alle dertien normen
    toets = next(t for t in document.tables if t.rows[0].cells[0].text == "Basisnorm")
    assert len(toets.rows) == 14
    assert toets.rows[4].cells[0].text == "4. Kwetsbare functies"
    assert toets.rows[4].cells[4].text == "2019 (!)"
    # eigenschappen uit het profiel, niet van de klok
    eig = document.core_properties
    assert eig.title == "Beleidsplan Integriteit 2026-2029"
    assert eig.author == "Sanne Verhoef, integriteitscoördinator (afdeling HR)"
    assert eig.created == datetime.datetime(2025, 12, 9, tzinfo=datetime.timezone.utc)
    assert eig.language == "nl-NL"
    with zipfile.ZipFile(pad) as z:
        xml = z.read("word/document.xml").decode("utf-8")
        instellingen = z.read("word/settings.xml").decode("utf-8")
        voetteksten = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/footer"))
    assert 'TOC \\o &quot;1-2&quot;' in xml
    assert "updateFields" in instellingen
    assert "PAGE" in voetteksten and "NUMPAGES" in voetteksten
    # genummerde lijsten beginnen elk opnieuw: elke lijst een eigen w:num met startOverride
    assert xml.count("<w:numId ") > 0


def test_bedragen_en_datums_in_het_nederlands(uitvoer):
    tekst = (uitvoer / "beleidsplan-integriteit-2026-2029.md").read_text(encoding="utf-8")
    assert "- **Datum:** 9 december 2025" in tekst
    assert re.search(r"€ \d{1,3}(\.\d{3})+", tekst)
    assert not re.search(r"€\d", tekst) and "EUR" not in tekst


def test_jaarverslag_heeft_grafiek_in_word_en_markdown(uitvoer):
    md = (uitvoer / "jaarverslag-integriteit-2026.md").read_text(encoding="utf-8")
    assert "](jaarverslag-integriteit-2026-kerncijfers.png \"" in md
    png = (uitvoer / "jaarverslag-integriteit-2026-kerncijfers.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    with zipfile.ZipFile(uitvoer / "jaarverslag-integriteit-2026.docx") as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert [z.read(n) for n in media] == [png]


def test_jaarverslag_drukt_geen_kleine_aantallen(uitvoer):
    tekst = (uitvoer / "jaarverslag-integriteit-2026.md").read_text(encoding="utf-8")
    deel = tekst[tekst.index("# 3 Meldingen"):tekst.index("# 6 Conclusies")]
    for regel in deel.splitlines():
        if regel.startswith("|"):
            for cel in regel.strip("|").split("|")[1:]:
                assert cel.strip() not in {"1", "2", "3", "4"}, regel


def test_jaarplan_2027_schuift_door_en_laat_vervallen(uitvoer):
    tekst = (uitvoer / "jaarplan-integriteit-2027.md").read_text(encoding="utf-8")
    assert "## 2.2 Doorgeschoven uit 2026" in tekst
    assert "*(doorgeschoven uit 2026)*" in tekst
    assert "## 2.3 Vervallen activiteiten" in tekst
    assert "# 3 Aanbevelingen uit het jaarverslag 2026" in tekst


def test_deterministisch(tmp_path):
    for map_ in ("a", "b"):
        generate("voorbeeld", document="alle", uitvoer=tmp_path / map_)
    a = sorted((tmp_path / "a" / "voorbeeld").iterdir())
    b = sorted((tmp_path / "b" / "voorbeeld").iterdir())
    assert [p.name for p in a] == [p.name for p in b]
    for x, y in zip(a, b):
        assert x.read_bytes() == y.read_bytes(), x.name


@pytest.mark.parametrize(("naam", "hoofdstukken", "minimaal"), [
    ("beleidsplan-integriteit-2026-2029", ["1 Inleiding", "3 Waarden en normen", "5 Incidenten",
                                           "8 Samenhang en middelen", "Bijlage 3 Ambtenarenwet 2017"], 20),
    ("jaarplan-integriteit-2026", ["1 Inleiding", "2 Activiteiten", "3 Planning per kwartaal", "4 Budget"], 5),
    ("jaarverslag-integriteit-2026", ["1 Inleiding", "2 Realisatie van het jaarplan",
                                      "3 Meldingen en vermoedens van schendingen", "5 Kerncijfers"], 6),
])
def test_libreoffice_zet_om_en_toont_de_hoofdstukken(uitvoer, tmp_path, naam, hoofdstukken, minimaal):
    pdf = naar_pdf(uitvoer / f"{naam}.docx", tmp_path)
    tekst = pdf_tekst(pdf)
    paginas = tekst.count("\f")
    assert minimaal <= paginas <= 80
    # elke titel staat in de inhoudsopgave en daarna in de tekst; de laatste keer telt
    assert all(tekst.count(h) >= 2 for h in hoofdstukken), hoofdstukken
    posities = [tekst.rfind(h) for h in hoofdstukken]
    assert all(p >= 0 for p in posities), list(zip(hoofdstukken, posities))
    assert posities == sorted(posities)
    assert f"Pagina 2 van {paginas}" in tekst
