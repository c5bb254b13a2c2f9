"""De Word-schrijver: een echt .docx bouwen en het met python-docx (en LibreOffice) nalezen."""
from __future__ import annotations

import datetime
import io
import os
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from lxml import etree

from integriteitsplan.fouten import IntegriteitsplanFout
from integriteitsplan.schrijven.word import STANDAARD_HUISSTIJL, Documentgegevens, maak_docx

DATA = Path(__file__).parent / "data" / "word"
FIXTURE = DATA / "beleidsplan.md"
IN_CI = os.environ.get("CI") == "true"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W_NS,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}
W = "{%s}" % W_NS
RT_VOETNOTEN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"

KOPPEN = [
    (1, "Voorwoord"),
    (1, "1 Inleiding"),
    (2, "1.1 Aanleiding"),
    (2, "1.2 Doel van dit plan"),
    (3, "1.2.1 Leeswijzer"),
    (1, "2 Normen en waarden"),
    (2, "2.1 Kernwaarden"),
    (2, "2.2 Gedragscode"),
    (2, "2.3 Risicoanalyse"),
    (1, "3 Organisatie"),
    (2, "3.1 Rollen en verantwoordelijkheden"),
    (2, "3.2 Melden van een vermoeden"),
    (2, "3.3 Evaluatie"),
    (1, "Bijlage 1 Basisnormen"),
]
METADATA = [
    ("Versie", "0.9"),
    ("Datum", "1 januari 2026"),
    ("Vastgesteld door", "College van burgemeester en wethouders"),
]


def maak_png(breedte: int = 240, hoogte: int = 120) -> bytes:
    """Een klein staafdiagram als PNG, zonder bibliotheken (zlib en struct)."""
    rijen = []
    for y in range(hoogte):
        rij = bytearray([0])
        for x in range(breedte):
            in_staaf = any(20 + 45 * i <= x < 50 + 45 * i and y >= hoogte - h
                           for i, h in enumerate((40, 70, 55, 90, 80)))
            rij += bytes((47, 84, 150) if in_staaf else (255, 255, 255))
        rijen.append(bytes(rij))

    def blok(soort: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + soort + data
                + struct.pack(">I", zlib.crc32(soort + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n"
            + blok(b"IHDR", struct.pack(">IIBBBBB", breedte, hoogte, 8, 2, 0, 0, 0))
            + blok(b"IDAT", zlib.compress(b"".join(rijen)))
            + blok(b"IEND", b""))


def gegevens(**anders) -> Documentgegevens:
    basis = dict(
        titel="Beleidsplan Integriteit",
        gemeente="Gemeente Voorbeeldstad",
        ondertitel="2026–2029",
        onderwerp="Integriteitsbeleid van de gemeente Voorbeeldstad",
        metadata=list(METADATA),
        concept=False,
        datum=datetime.date(2026, 1, 1),
        steller="Team Integriteit",
    )
    basis.update(anders)
    return Documentgegevens(**basis)


@pytest.fixture(scope="module")
def map_(tmp_path_factory) -> Path:
    m = tmp_path_factory.mktemp("word")
    (m / "grafiek.png").write_bytes(maak_png())
    (m / "logo.png").write_bytes(maak_png(160, 60))
    return m


def grafiek(map_: Path) -> dict[str, bytes]:
    """De afbeeldingen die het programma zelf maakt, zoals generate ze doorgeeft: per naam."""
    return {"grafiek.png": (map_ / "grafiek.png").read_bytes()}


@pytest.fixture(scope="module")
def tekst() -> str:
    return FIXTURE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bytes_definitief(tekst, map_) -> bytes:
    return maak_docx(tekst, gegevens(logo=map_ / "logo.png"), grafiek(map_))


@pytest.fixture(scope="module")
def bytes_concept(tekst, map_) -> bytes:
    return maak_docx(tekst, gegevens(concept=True), grafiek(map_))


@pytest.fixture(scope="module")
def doc(bytes_definitief):
    return docx.Document(io.BytesIO(bytes_definitief))


def deel(data: bytes, naam: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(naam))


def stijlnaam(d, p) -> str:
    return p.style.name if p.style is not None else ""


def body_alineas(d):
    """(stijlnaam, tekst) van alle alinea's in de body, in volgorde."""
    return [(stijlnaam(d, p), p.text) for p in d.paragraphs]


# ---------------------------------------------------------------------------
# structuur


def test_koppen_in_volgorde_met_niveau_en_stijl(doc):
    koppen = [(int(naam[-1]), p.text) for p in doc.paragraphs
              if (naam := stijlnaam(doc, p)).startswith("Heading ")]
    assert koppen == KOPPEN
    # elke kop heeft een bladwijzer voor de inhoudsopgave
    for p in doc.paragraphs:
        if stijlnaam(doc, p).startswith("Heading "):
            assert p._p.find(W + "bookmarkStart") is not None, p.text


def test_hoofdstukken_beginnen_op_nieuwe_pagina(doc):
    kop1 = doc.styles["Heading 1"].element
    assert kop1.find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert kop1.find(f"{W}pPr/{W}keepNext") is not None


def test_inhoudsopgave_veld_met_gevulde_cache(doc, bytes_definitief):
    body = doc.element.body
    instr = [e.text for e in body.iter(W + "instrText")]
    assert any(re.fullmatch(r'\s*TOC \\o "1-2" \\h \\z \\u\s*', t) for t in instr), instr
    alineas = body_alineas(doc)
    assert ("TOC Heading", "Inhoud") in alineas
    regels = [(int(s[-1]), t) for s, t in alineas if s.lower().startswith("toc ") and s[-1].isdigit()]
    assert regels == [k for k in KOPPEN if k[0] <= 2]
    # de ingangen linken naar de bladwijzers op de koppen
    bladwijzers = {b.get(W + "name") for b in body.iter(W + "bookmarkStart")}
    ankers = [h.get(W + "anchor") for p in doc.paragraphs if stijlnaam(doc, p).startswith("toc")
              for h in p._p.iter(W + "hyperlink")]
    assert len(ankers) == len(regels) and set(ankers) <= bladwijzers
    # het veld is goed afgesloten: begin, separate, end
    soorten = [f.get(W + "fldCharType") for f in body.iter(W + "fldChar")]
    assert soorten == ["begin", "separate", "end"]
    # Word werkt het veld bij het openen bij
    settings = deel(bytes_definitief, "word/settings.xml")
    assert settings.find(W + "updateFields").get(W + "val") == "true"
    # de kop "Inhoud" staat zelf niet in de inhoudsopgave
    assert "Inhoud" not in [t for _, t in regels]


def test_voettekst_pagina_x_van_y_en_geen_kop_op_titelpagina(doc):
    sectie = doc.sections[0]
    assert sectie.different_first_page_header_footer
    voet = sectie.footer._element
    instr = " ".join(e.text for e in voet.iter(W + "instrText"))
    assert "PAGE" in instr.split() and "NUMPAGES" in instr.split()
    assert "Pagina" in "".join(t.text for t in voet.iter(W + "t"))
    kop = "".join(t.text for t in sectie.header._element.iter(W + "t"))
    assert "Beleidsplan Integriteit" in kop and "Gemeente Voorbeeldstad" in kop
    assert "Concept" not in kop
    eerste_kop = "".join(t.text or "" for t in sectie.first_page_header._element.iter(W + "t"))
    eerste_voet = "".join(t.text or "" for t in sectie.first_page_footer._element.iter(W + "t"))
    assert eerste_kop == eerste_voet == ""


def test_tabel_met_herhaalde_kopregel_en_kopstijl(doc):
    tabellen = [t for t in doc.tables if t.style is not None and t.style.name == "Integriteitsplan tabel"]
    assert len(tabellen) == 1
    tabel = tabellen[0]
    eerste = tabel.rows[0]._tr
    assert eerste.find(f"{W}trPr/{W}tblHeader") is not None
    assert tabel.rows[1]._tr.find(f"{W}trPr/{W}tblHeader") is None
    assert [c.text for c in tabel.rows[0].cells] == [
        "Functie", "Risico", "Maatregel", "Verantwoordelijke", "Evaluatie"]
    assert {c.paragraphs[0].style.name for c in tabel.rows[0].cells} == {"Tabelkop"}
    assert {c.paragraphs[0].style.name for c in tabel.rows[1].cells} == {"Tabeltekst"}
    look = tabel._tbl.find(f"{W}tblPr/{W}tblLook")
    assert look.get(W + "firstRow") == "1"
    # opmaak in cellen en uitlijning uit de dubbele punten
    cel = tabel.rows[1].cells[2].paragraphs[0]
    assert any(r.bold and r.text == "functieroulatie" for r in cel.runs)
    assert tabel.rows[1].cells[4].paragraphs[0]._p.find(f"{W}pPr/{W}jc").get(W + "val") == "right"
    # kolombreedtes: samen de tekstbreedte, geen kolom tot één smal woord geknepen
    breedtes = [int(g.get(W + "w")) for g in tabel._tbl.iter(W + "gridCol")]
    sectie = doc.sections[0]
    tekstbreedte = (sectie.page_width - sectie.left_margin - sectie.right_margin) // 635
    assert abs(sum(breedtes) - tekstbreedte) <= 2
    assert min(breedtes) >= 1000  # ruim 1,75 cm
    assert breedtes[0] >= 19 * 100  # "Vergunningverlener" past op één regel


def test_elke_genummerde_lijst_begint_opnieuw(doc, bytes_definitief):
    nummering = deel(bytes_definitief, "word/numbering.xml")
    nums = {n.get(W + "numId"): n for n in nummering.iter(W + "num")}
    lijst_stijl = doc.styles["List Number"].element
    stijl_num = lijst_stijl.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val")
    abstract_van_stijl = nums[stijl_num].find(W + "abstractNumId").get(W + "val")

    lijsten: list[list[str]] = []
    vorige = None
    for p in doc.paragraphs:
        if p.style.name != "List Number":
            vorige = None
            continue
        numid = p._p.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val")
        if numid != vorige:
            lijsten.append([])
        lijsten[-1].append(numid)
        vorige = numid
    assert [len(lijst) for lijst in lijsten] == [3, 3]
    eigen = [lijst[0] for lijst in lijsten]
    assert len(set(eigen)) == 2 and stijl_num not in eigen
    for numid in eigen:
        num = nums[numid]
        assert num.find(W + "abstractNumId").get(W + "val") == abstract_van_stijl
        assert num.find(f"{W}lvlOverride/{W}startOverride").get(W + "val") == "1"


def test_opsomming_met_tweede_niveau(doc):
    alineas = body_alineas(doc)
    assert ("List Bullet", "alle ambtenaren in dienst van de gemeente, inclusief:") in alineas
    assert ("List Bullet 2", "stagiairs en uitzendkrachten;") in alineas
    tweede = [t for s, t in alineas if s == "List Bullet 2"]
    assert len(tweede) == 2


def test_voetnoot_is_echte_word_voetnoot(doc, bytes_definitief):
    rels = [r for r in doc.part.rels.values() if r.reltype == RT_VOETNOTEN]
    assert len(rels) == 1
    noten = deel(bytes_definitief, "word/footnotes.xml")
    ids = [(n.get(W + "type"), n.get(W + "id")) for n in noten.iter(W + "footnote")]
    assert ids == [("separator", "-1"), ("continuationSeparator", "0"), (None, "1")]
    tekst = "".join(t.text for t in noten[2].iter(W + "t")).strip()
    assert tekst.startswith("Artikel 4, eerste lid, van de Ambtenarenwet 2017")
    verwijzingen = [v.get(W + "id") for v in doc.element.body.iter(W + "footnoteReference")]
    assert verwijzingen == ["1"]
    with zipfile.ZipFile(io.BytesIO(bytes_definitief)) as z:
        typen = z.read("[Content_Types].xml").decode()
    assert "wordprocessingml.footnotes+xml" in typen
    # de voetnoottekst staat niet nog eens als lijst in de tekst
    assert not any("Artikel 4, eerste lid" in p.text for p in doc.paragraphs)


def test_kader_link_en_opmaak(doc):
    kaders = [p.text for p in doc.paragraphs if p.style.name == "Kader"]
    assert kaders == ["Integriteit is geen project met een einddatum, maar een onderdeel van het "
                      "dagelijkse werk van iedereen die voor de gemeente werkt."]
    links = [r.target_ref for r in doc.part.rels.values() if r.is_external]
    assert links == ["https://www.huisvoorklokkenluiders.nl"]
    doelen = [p for p in doc.paragraphs if p.text.startswith("1. de normen") or "vastleggen" in p.text]
    assert any(r.bold and r.text == "vastleggen" for r in doelen[0].runs)


def test_afbeelding_met_bijschrift(doc):
    alineas = doc.paragraphs
    figuren = [i for i, p in enumerate(alineas) if p._p.find(f".//{{{NS['wp']}}}inline") is not None]
    # logo op de titelpagina en de grafiek in de tekst
    assert len(figuren) == 2
    grafiek = alineas[figuren[1]]
    bijschrift = alineas[figuren[1] + 1]
    assert bijschrift.style.name == "Caption"
    assert bijschrift.text == "Aantal meldingen per jaar, 2021–2025"
    # geschaald naar de tekstbreedte
    extent = grafiek._p.find(f".//{{{NS['wp']}}}extent")
    sectie = doc.sections[0]
    assert int(extent.get("cx")) == sectie.page_width - sectie.left_margin - sectie.right_margin


def test_documenteigenschappen(doc):
    cp = doc.core_properties
    assert cp.title == "Beleidsplan Integriteit"
    assert cp.subject == "Integriteitsbeleid van de gemeente Voorbeeldstad"
    assert cp.author == cp.last_modified_by == "Team Integriteit"
    assert cp.created == cp.modified == datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    assert cp.revision == 1
    assert cp.language == "nl-NL"


def test_eigenschappen_zonder_steller_en_datum(tekst, map_):
    d = docx.Document(io.BytesIO(maak_docx(tekst, gegevens(steller=None, datum=None), grafiek(map_))))
    assert d.core_properties.author == d.core_properties.last_modified_by == "Gemeente Voorbeeldstad"
    assert d.core_properties.created == datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)


def test_taal_is_nederlands(bytes_definitief):
    stijlen = deel(bytes_definitief, "word/styles.xml")
    lang = stijlen.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(W + "val") == "nl-NL"
    settings = deel(bytes_definitief, "word/settings.xml")
    assert settings.find(W + "themeFontLang").get(W + "val") == "nl-NL"


def test_titelpagina(doc):
    alineas = body_alineas(doc)
    inhoud = alineas.index(("TOC Heading", "Inhoud"))
    omslag = alineas[:inhoud]
    assert ("Title", "Beleidsplan Integriteit") in omslag
    assert ("Subtitle", "2026–2029") in omslag
    assert ("Omslag gemeente", "Gemeente Voorbeeldstad") in omslag
    omslagtabel = doc.tables[0]
    assert omslagtabel.style.name == "Omslagtabel"
    assert [(r.cells[0].text, r.cells[1].text) for r in omslagtabel.rows] == METADATA
    # de inhoudsopgave begint op een nieuwe pagina
    assert doc.styles["TOC Heading"].element.find(f"{W}pPr/{W}pageBreakBefore") is not None


def test_concept_op_titelpagina_en_in_koptekst(bytes_concept, doc):
    concept = docx.Document(io.BytesIO(bytes_concept))
    assert ("Concept", "CONCEPT") in body_alineas(concept)
    kop = "".join(t.text for t in concept.sections[0].header._element.iter(W + "t"))
    assert "Concept" in kop
    assert concept.core_properties.content_status == "Concept"
    # en zonder concept nergens
    assert not any("CONCEPT" in p.text.upper() for p in doc.paragraphs)
    assert doc.core_properties.content_status == ""


def test_logo_alleen_als_gegeven(doc, bytes_concept):
    eerste = doc.paragraphs[0]
    assert eerste._p.find(f".//{{{NS['pic']}}}pic") is not None
    zonder = docx.Document(io.BytesIO(bytes_concept))
    omslag = zonder.paragraphs[: [p.text for p in zonder.paragraphs].index("Inhoud")]
    assert all(p._p.find(f".//{{{NS['pic']}}}pic") is None for p in omslag)


def test_deterministisch(tekst, map_, bytes_definitief):
    opnieuw = maak_docx(tekst, gegevens(logo=map_ / "logo.png"), grafiek(map_))
    assert opnieuw == bytes_definitief
    with zipfile.ZipFile(io.BytesIO(opnieuw)) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"


# ---------------------------------------------------------------------------
# Markdown-details


def test_tekens_regeleinde_code_en_commentaar():
    tekst = (
        "# 1 Kop & meer\n\n"
        "A & B &amp; C &copy; met `x < y && z` en een  \nharde regel.\n\n"
        "<!-- niet tonen -->\n\n"
        "Escapes: \\*geen nadruk\\* en [intern](#slot).\n\n"
        "## 1.1 Slot {#slot}\n\n"
        "3. begint bij drie\n4. vier\n"
    )
    d = docx.Document(io.BytesIO(maak_docx(tekst, gegevens())))
    alineas = [p.text for p in d.paragraphs]
    assert "1 Kop & meer" in alineas
    regel = next(p for p in d.paragraphs if p.text.startswith("A & B"))
    assert regel.text == "A & B & C © met x < y && z en een\nharde regel."
    assert any(r.style is not None and r.style.name == "HTML Code" for r in regel.runs)
    assert not any("niet tonen" in t for t in alineas)
    assert "Escapes: *geen nadruk* en intern." in alineas
    slot = next(p for p in d.paragraphs if p.text == "Escapes: *geen nadruk* en intern.")
    anker = slot._p.find(W + "hyperlink").get(W + "anchor")
    kop = next(p for p in d.paragraphs if p.text == "1.1 Slot" and p.style.name == "Heading 2")
    assert kop._p.find(W + "bookmarkStart").get(W + "name") == anker
    nummering = d.part.numbering_part.element
    start = [s.get(W + "val") for s in nummering.iter(W + "startOverride")]
    assert start == ["3"]


def test_lege_tekst_geeft_toch_een_document():
    d = docx.Document(io.BytesIO(maak_docx("", gegevens(metadata=[]))))
    assert d.paragraphs[0].text == "Beleidsplan Integriteit"
    assert "Inhoud" not in [p.text for p in d.paragraphs]


def test_ontbrekende_afbeelding_geeft_nederlandse_fout(tmp_path):
    with pytest.raises(IntegriteitsplanFout, match="afbeelding 'weg.png'.*bestaat niet"):
        maak_docx("![Grafiek](weg.png)\n", gegevens(), {})


# ---------------------------------------------------------------------------
# eigen huisstijl


def zonder_stijlen(bron: bytes, namen: set[str]) -> bytes:
    """Een huisstijl zonder de stijlen met deze namen (kleine letters)."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bron)) as z, zipfile.ZipFile(uit, "w") as nieuw:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "word/styles.xml":
                stijlen = etree.fromstring(data)
                for s in stijlen.findall(W + "style"):
                    if s.find(W + "name").get(W + "val").lower() in namen:
                        stijlen.remove(s)
                data = etree.tostring(stijlen, xml_declaration=True, encoding="UTF-8", standalone=True)
            nieuw.writestr(info, data)
    return uit.getvalue()


def test_eigen_huisstijl_zonder_enkele_stijlen(tekst, map_, tmp_path):
    eigen = tmp_path / "eigen.docx"
    eigen.write_bytes(zonder_stijlen(STANDAARD_HUISSTIJL.read_bytes(),
                                     {"kader", "list number", "list number 2", "tabelkop",
                                      "heading 3", "footnote text"}))
    d = docx.Document(io.BytesIO(maak_docx(tekst, gegevens(huisstijl=eigen), grafiek(map_))))
    alineas = body_alineas(d)
    assert ("Kader", alineas[[t for _, t in alineas].index(
        "Integriteit is geen project met een einddatum, maar een onderdeel van het dagelijkse "
        "werk van iedereen die voor de gemeente werkt.")][1]) in alineas
    assert ("Heading 3", "1.2.1 Leeswijzer") in alineas
    assert [s for s, t in alineas if t.startswith("Beoordeel of de waarde")] == ["List Number"]
    # de overgenomen lijststijl heeft werkende nummering
    nummering = d.part.numbering_part.element
    numid = d.styles["List Number"].element.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val")
    assert numid in {n.get(W + "numId") for n in nummering.iter(W + "num")}
    assert d.styles["Kader"].base_style.name == "Normal"


def test_vreemde_huisstijl_werkt(tekst, map_, tmp_path):
    """Het lege sjabloon van python-docx: andere stijlen, geen eigen stijlen van ons."""
    eigen = tmp_path / "vreemd.docx"
    vreemd = docx.Document()
    vreemd.add_paragraph("Voorbeeldtekst die niet in het plan hoort.")
    vreemd.save(eigen)
    data = maak_docx(tekst, gegevens(huisstijl=eigen), grafiek(map_))
    d = docx.Document(io.BytesIO(data))
    teksten = [p.text for p in d.paragraphs]
    assert "Voorbeeldtekst die niet in het plan hoort." not in teksten
    koppen = [(int(p.style.name[-1]), p.text) for p in d.paragraphs if p.style.name.startswith("Heading ")]
    assert koppen == KOPPEN
    assert {"Kader", "Tabelkop", "Integriteitsplan tabel"} <= {s.name for s in d.styles}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "docProps/thumbnail.jpeg" not in z.namelist()


def test_word_sjabloon_dotx_als_huisstijl(tekst, map_, tmp_path):
    dotx = tmp_path / "huisstijl.dotx"
    with zipfile.ZipFile(STANDAARD_HUISSTIJL) as z, zipfile.ZipFile(dotx, "w") as uit:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            uit.writestr(info, data)
    d = docx.Document(io.BytesIO(maak_docx(tekst, gegevens(huisstijl=dotx), grafiek(map_))))
    assert d.paragraphs[0].text == "Beleidsplan Integriteit"


@pytest.mark.parametrize("soort", ["ontbreekt", "geen-docx", "zip-zonder-word"])
def test_kapotte_huisstijl_geeft_nederlandse_fout(tekst, tmp_path, soort):
    pad = tmp_path / "huisstijl.docx"
    if soort == "geen-docx":
        pad.write_text("Dit is geen Word-document.", encoding="utf-8")
    elif soort == "zip-zonder-word":
        with zipfile.ZipFile(pad, "w") as z:
            z.writestr("leesmij.txt", "leeg")
    with pytest.raises(IntegriteitsplanFout) as fout:
        maak_docx(tekst, gegevens(huisstijl=pad))
    melding = str(fout.value)
    assert str(pad) in melding
    assert "huisstijl" in melding and "Word-document" in melding


# ---------------------------------------------------------------------------
# LibreOffice


def _hulpmiddel(naam: str) -> str:
    pad = shutil.which(naam)
    if pad is None:
        if IN_CI:
            pytest.fail(f"{naam} ontbreekt in CI; installeer LibreOffice en poppler-utils.")
        pytest.skip(f"{naam} is niet geïnstalleerd; deze test draait in CI.")
    return pad


def test_libreoffice_zet_om_naar_pdf(bytes_concept, tmp_path):
    soffice = _hulpmiddel("soffice")
    pdftotext = _hulpmiddel("pdftotext")
    bron = tmp_path / "plan.docx"
    bron.write_bytes(bytes_concept)
    profiel = tmp_path / "lo-profiel"
    resultaat = subprocess.run(
        [soffice, f"-env:UserInstallation={profiel.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(bron)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / "plan.pdf"
    assert resultaat.returncode == 0 and pdf.exists(), resultaat.stderr + resultaat.stdout
    tekst = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    paginas = tekst.split("\f")
    if paginas and not paginas[-1].strip():
        paginas.pop()
    assert len(paginas) >= 3
    # titelpagina: titel en CONCEPT, geen voettekst
    assert "Beleidsplan Integriteit" in paginas[0] and "CONCEPT" in paginas[0]
    assert "Pagina" not in paginas[0]
    # inhoudsopgave op pagina 2 met alle hoofdstukken
    assert "Inhoud" in paginas[1]
    for niveau, kop in KOPPEN:  # de inhoudsopgave toont standaard twee niveaus
        if niveau <= 2:
            assert kop in paginas[1] or kop in paginas[2], kop
    # de hoofdstukken in volgorde, elk bovenaan een eigen pagina
    inhoud_tot = next(i for i, p in enumerate(paginas) if "Voorwoord" in p and "Integriteit is de basis" in p)
    begin = []
    for _, kop in [k for k in KOPPEN if k[0] == 1]:
        nr = next(i for i in range(inhoud_tot, len(paginas))
                  if re.search(rf"^\s*{re.escape(kop)}\s*$", paginas[i], re.M))
        begin.append(nr)
    assert begin == sorted(begin) and len(set(begin)) == len(begin)
    # voettekst "Pagina X van Y" met het echte aantal pagina's
    totaal = len(paginas)
    assert f"Pagina 2 van {totaal}" in paginas[1]
    assert f"Pagina {totaal} van {totaal}" in paginas[-1]


def test_alt_tekst_is_beschrijving_en_titel_het_bijschrift(map_):
    """De alt-tekst uit de Markdown wordt de beschrijving (wp:docPr/@descr) van de afbeelding,
    ook zonder PDF; de titel is het bijschrift. Het logo heeft een beschrijving, geen bestandsnaam."""
    tekst = ("# Cijfers\n\nTekst.\n\n"
             '![Staafdiagram: meldingen per jaar: 2023 11, 2024 12](grafiek.png "Meldingen per jaar")\n\n'
             "Meer tekst.\n")
    d = docx.Document(io.BytesIO(maak_docx(tekst, gegevens(logo=map_ / "logo.png"), grafiek(map_))))
    beschrijvingen = [e.get("descr") for e in d.element.body.iter(f"{{{NS['wp']}}}docPr")]
    assert beschrijvingen == ["Logo van Gemeente Voorbeeldstad",
                              "Staafdiagram: meldingen per jaar: 2023 11, 2024 12"]
    figuur = [i for i, p in enumerate(d.paragraphs) if p._p.find(f".//{{{NS['wp']}}}inline") is not None][1]
    assert d.paragraphs[figuur + 1].text == "Meldingen per jaar"
    assert d.paragraphs[figuur]._p.find(f"{W}pPr/{W}keepNext") is not None  # bijschrift blijft erbij
