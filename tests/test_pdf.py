"""--formaat pdf: getagde PDF via LibreOffice, met echte paginanummers in de inhoudsopgave
(ook in de .docx die samen met de PDF gemaakt wordt), en LibreOffice één keer per batch."""
from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import IN_CI, koppen, pdf_tekst, soffice_pad
from integriteitsplan import generate
from integriteitsplan.schrijven import pdf as pdfmodule

pypdf = pytest.importorskip("pypdf")

VOORBEELD = [("voorbeeld", "beleidsplan", None, "beleidsplan-integriteit-2026-2029"),
             ("voorbeeld", "jaarplan", 2026, "jaarplan-integriteit-2026"),
             ("voorbeeld", "jaarverslag", 2026, "jaarverslag-integriteit-2026"),
             ("haarlem", "beleidsplan", None, None)]
_REGEL = re.compile(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$")


def vereist_libreoffice():
    soffice_pad()
    if not pdfmodule._uno_aanwezig():
        if IN_CI:
            pytest.fail("python3-uno ontbreekt in CI; .ci/run hoort het te installeren.")
        pytest.skip("python3-uno (de koppeling met LibreOffice) is niet geïnstalleerd; deze test draait in CI.")


@pytest.fixture(scope="module")
def gemaakt(tmp_path_factory):
    vereist_libreoffice()
    uit = tmp_path_factory.mktemp("pdf")
    resultaat = {}
    for gemeente, soort, jaar, _ in VOORBEELD:
        verslag = generate(gemeente, document=soort, jaar=jaar, formaten=["pdf", "docx", "md"], uitvoer=uit,
                           profielmappen=[])
        paden = {b.pad.suffix: b.pad for b in verslag.bestanden}
        resultaat[(gemeente, soort)] = paden
    return resultaat


def paginas(pdf: Path) -> list[str]:
    pdf_tekst(pdf)  # slaat over (of faalt in CI) zonder pdftotext
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    return tekst.split("\f")


def inhoud_uit_pdf(bladen: list[str]) -> tuple[list[tuple[str, int]], int]:
    """De regels van de inhoudsopgave (tekst, pagina) en de laatste pagina ervan (vanaf 1)."""
    regels: list[tuple[str, int]] = []
    laatste = 0
    for nr, blad in enumerate(bladen, 1):
        if not regels and not re.search(r"^\s*Inhoud\s*$", blad, re.M):
            continue
        gevonden = False
        vorige = ""
        for regel in blad.splitlines():
            m = _REGEL.match(regel)
            if m:
                regels.append(((vorige + " " + m.group(1)).strip(), int(m.group(2))))
                vorige, gevonden = "", True
            elif regels or gevonden:
                vorige = regel.strip() if regel.strip() and not regel.startswith(" " * 20) else ""
        if not gevonden:
            break
        laatste = nr
    return regels, laatste


def pagina_van(kop: str, bladen: list[str], vanaf: int) -> int | None:
    """De eerste pagina vanaf ``vanaf`` met een regel die precies de kop is."""
    for nr in range(vanaf, len(bladen) + 1):
        for regel in bladen[nr - 1].splitlines():
            if re.sub(r"\s+", " ", regel).strip() == kop:
                return nr
    return None


def outline(lezer) -> list[tuple[str, int]]:
    uit = []

    def loop(items):
        for item in items:
            if isinstance(item, list):
                loop(item)
            else:
                uit.append((item.title, lezer.get_destination_page_number(item) + 1))

    loop(lezer.outline)
    return uit


@pytest.mark.parametrize("gemeente,soort", [(g, s) for g, s, _j, _n in VOORBEELD])
def test_pdf_getagd_en_paginanummers_kloppen(gemaakt, gemeente, soort):
    paden = gemaakt[(gemeente, soort)]
    lezer = pypdf.PdfReader(str(paden[".pdf"]))
    wortel = lezer.trailer["/Root"]
    assert bool(wortel["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in wortel
    assert wortel["/Lang"] == "nl-NL"
    assert bool(wortel["/ViewerPreferences"]["/DisplayDocTitle"])
    md = paden[".md"].read_text("utf-8")
    titel = koppen(md)[0][1]
    assert lezer.metadata.title == titel
    # bladwijzers: elke kop van de romp (ook de titels van maatregelen op niveau 4 en 5)
    alle_koppen = [t for _n, t in koppen(md)[1:]]
    bladwijzers = outline(lezer)
    assert [t for t, _ in bladwijzers] == alle_koppen
    # de inhoudsopgave: de koppen tot het ingestelde niveau (standaard 2)
    rompkoppen = [t for n, t in koppen(md)[1:] if n <= 2]
    bladen = paginas(paden[".pdf"])
    regels, eind = inhoud_uit_pdf(bladen)
    assert [t for t, _ in regels] == rompkoppen
    # elke regel van de inhoudsopgave: het nummer is de pagina waar pdftotext de kop vindt,
    # en de pagina van zijn bladwijzer
    pagina_van_bladwijzer = dict(bladwijzers)
    vanaf = eind + 1  # koppen staan in volgorde: zoek elke kop vanaf de pagina van de vorige
    for tekst, nummer in regels:
        gevonden = pagina_van(tekst, bladen, vanaf)
        assert gevonden == nummer, tekst
        vanaf = gevonden
        assert pagina_van_bladwijzer[tekst] == nummer, tekst
    # de .docx van dezelfde run draagt dezelfde nummers in zijn opgeslagen inhoudsopgave
    with zipfile.ZipFile(paden[".docx"]) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    nummers = [int(n) for n in re.findall(r'PAGEREF _Toc\d+ \\h </w:instrText></w:r><w:r><w:fldChar '
                                           r'w:fldCharType="separate"/></w:r><w:r><w:t>(\d+)</w:t>', xml)]
    assert nummers == [n for _, n in regels]


def test_docx_zonder_pdf_blijft_gelijk(gemaakt, tmp_path):
    """Een .docx zonder pdf is byte voor byte die van vroeger; met pdf verschilt alleen document.xml."""
    generate("voorbeeld", formaten=["docx"], uitvoer=tmp_path, profielmappen=[])
    zonder = (tmp_path / "voorbeeld" / "beleidsplan-integriteit-2026-2029.docx").read_bytes()
    assert b"PAGEREF" not in zipfile.ZipFile(io.BytesIO(zonder)).read("word/document.xml")
    met = gemaakt[("voorbeeld", "beleidsplan")][".docx"].read_bytes()
    a, b = zipfile.ZipFile(io.BytesIO(zonder)), zipfile.ZipFile(io.BytesIO(met))
    assert a.namelist() == b.namelist()
    verschillend = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert verschillend == ["word/document.xml"]
    assert [i.date_time for i in a.infolist()] == [i.date_time for i in b.infolist()]


def test_grafiek_heeft_alternatieve_tekst_in_pdf(gemaakt):
    pad = gemaakt[("voorbeeld", "jaarverslag")][".pdf"]
    lezer = pypdf.PdfReader(str(pad))
    alts = []

    def loop(knoop):
        knoop = knoop.get_object()
        if isinstance(knoop, dict):
            if "/Alt" in knoop:
                alts.append(str(knoop["/Alt"]))
            kinderen = knoop.get("/K")
            if kinderen is not None:
                for kind in kinderen if isinstance(kinderen, list) else [kinderen]:
                    loop(kind)

    loop(lezer.trailer["/Root"]["/StructTreeRoot"])
    # de alt-tekst uit de Markdown: het bijschrift, of (sjabloon met grafiek_alt) de getallen
    assert any(a.startswith(("Meldingen, contacten met de vertrouwenspersoon", "Staafdiagram: meldingen per jaar"))
               for a in alts), alts


def test_zonder_libreoffice_exit_2_en_niets_geschreven(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(pdfmodule, "soffice_pad", lambda: None)
    monkeypatch.delenv(pdfmodule.PIJP_OMGEVING, raising=False)
    uitkomst = cli("genereer", "voorbeeld", "--formaat", "alle", "--uitvoer", tmp_path / "u")
    assert uitkomst.exit_code == 2
    assert "apt-get install libreoffice-writer-nogui" in uitkomst.output
    assert not (tmp_path / "u").exists()


def test_batch_start_libreoffice_een_keer(cli, tmp_path, monkeypatch):
    vereist_libreoffice()
    pdfmodule.sluit()  # een LibreOffice van een eerdere test in dit proces telt niet mee
    log = tmp_path / "starts.log"
    monkeypatch.setenv(pdfmodule.LOG_OMGEVING, str(log))
    uitkomst = cli("genereer", "--regio", "leidse-regio", "--formaat", "alle", "--uitvoer", tmp_path / "u")
    assert uitkomst.exit_code == 0, uitkomst.output
    pdfs = sorted((tmp_path / "u").glob("*/*.pdf"))
    assert len(pdfs) >= 4
    assert len(log.read_text().splitlines()) == 1
    for map_ in {p.parent for p in pdfs}:
        assert (map_ / "index.html").exists()
