"""Gedeelde hulpmiddelen voor de tests: de CLI aanroepen, LibreOffice vinden, .docx lezen."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from integriteitsplan.cli import hoofd

TESTS = Path(__file__).parent
DATA = TESTS / "data"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Roep de CLI aan zoals een gebruiker, in een lege werkmap (tmp_path)."""
    monkeypatch.chdir(tmp_path)

    def aanroep(*args: str):
        return CliRunner().invoke(hoofd, [str(a) for a in args], prog_name="integriteitsplan")

    return aanroep


def soffice_pad() -> str:
    """Het pad van LibreOffice; in CI moet het er zijn, elders slaan we de test over."""
    pad = shutil.which("soffice") or shutil.which("libreoffice")
    if pad is None:
        if IN_CI:
            pytest.fail("LibreOffice (soffice) ontbreekt in CI; .ci/run hoort het te installeren.")
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd; deze test draait in CI.")
    return pad


def naar_pdf(docx: Path, map_: Path) -> Path:
    """Zet een .docx met LibreOffice om naar PDF en geef het pad van de PDF."""
    soffice = soffice_pad()
    profiel = map_ / "lo-profiel"
    resultaat = subprocess.run(
        [soffice, f"-env:UserInstallation={profiel.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(map_), str(docx)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = map_ / (docx.stem + ".pdf")
    assert resultaat.returncode == 0 and pdf.exists(), resultaat.stderr + resultaat.stdout
    return pdf


def pdf_tekst(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        if IN_CI:
            pytest.fail("pdftotext (poppler-utils) ontbreekt in CI.")
        pytest.skip("pdftotext (poppler-utils) is niet geïnstalleerd.")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


KOP = re.compile(r"^(#+) (.*)$", re.M)


def koppen(md: str) -> list[tuple[int, str]]:
    """De koppen van een Markdown-tekst als (niveau, tekst)."""
    return [(len(m.group(1)), m.group(2)) for m in KOP.finditer(md)]


def docx_tekst(pad: Path) -> str:
    """Alle tekst van een .docx (alinea's en tabelcellen), opnieuw gelezen met python-docx."""
    import docx

    document = docx.Document(str(pad))
    delen = [p.text for p in document.paragraphs]
    for tabel in document.tables:
        for rij in tabel.rows:
            delen.extend(cel.text for cel in rij.cells)
    return "\n".join(delen).replace("\u00a0", " ")


def maak_plan(gemeente: str, formaat: str, map_: Path, bestandsnaam: str) -> Path:
    """Maak het beleidsplan van een meegeleverd profiel (zonder --gemeenten) en geef het pad."""
    from integriteitsplan import generate

    verslag = generate(gemeente, formaten=[formaat], uitvoer=map_, profielmappen=[])
    paden = [b.pad for b in verslag.bestanden if b.pad.suffix == f".{formaat}"]
    assert [p.name for p in paden] == [f"{bestandsnaam}.{formaat}"]
    return paden[0]


def in_volgorde(tekst: str, woorden: list[str]) -> bool:
    """Staan de woorden in deze volgorde in de tekst?"""
    positie = 0
    for woord in woorden:
        positie = tekst.find(woord, positie)
        if positie < 0:
            return False
        positie += len(woord)
    return True


def koppen_in_pdf(tekst: str, titels: list[str]) -> list[int]:
    """De plek van elke hoofdstuktitel in de tekst van een PDF. Een inhoudsopgave herhaalt
    de titels; de kop in de romp is de laatste regel die alleen uit (nummer en) titel bestaat."""
    posities = []
    for titel in titels:
        treffers = [m.start() for m in re.finditer(rf"^\s*(?:\d+\.?\s+)?{re.escape(titel)}\s*$", tekst, re.M)]
        assert treffers, f"kop '{titel}' niet gevonden in de PDF"
        posities.append(treffers[-1])
    return posities


def axe_in_chromium(pagina: Path, map_: Path) -> dict:
    """Open een HTML-pagina in headless Chromium, draai axe-core (WCAG 2.1 A en AA) en geef de
    uitslag. Alleen de kopie in ``map_`` krijgt het script; de pagina zelf blijft zonder."""
    import json

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    npm = shutil.which("npm")
    axe = None
    if npm:
        wortel = subprocess.run([npm, "root", "-g"], capture_output=True, text=True).stdout.strip()
        kandidaat = Path(wortel) / "axe-core" / "axe.min.js"
        axe = kandidaat if kandidaat.exists() else None
    if chromium is None or axe is None:
        if IN_CI:
            pytest.fail("chromium of axe-core (npm install -g axe-core) ontbreekt in CI; .ci/run hoort ze te installeren.")
        pytest.skip("chromium of axe-core (npm) is niet geïnstalleerd; deze test draait in CI.")
    script = (
        "<script>" + axe.read_text("utf-8") + "</script><script>"
        "axe.run(document,{runOnly:{type:'tag',values:['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
        ".then(function(r){var p=document.createElement('pre');p.id='axe-uitslag';"
        "p.textContent=JSON.stringify({violations:r.violations,passes:r.passes.map(function(x){return x.id})});"
        "document.body.appendChild(p);});</script>"
    )
    kopie = map_ / ("axe-" + pagina.name)
    kopie.write_text(pagina.read_text("utf-8").replace("</body>", script + "</body>"), "utf-8")
    resultaat = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=20000",
         f"--user-data-dir={map_ / 'chromium'}", "--dump-dom", kopie.as_uri()],
        capture_output=True, text=True, timeout=120)
    m = re.search(r'<pre id="axe-uitslag">(.*?)</pre>', resultaat.stdout, re.S)
    assert m, resultaat.stderr[-2000:]
    import html

    return json.loads(html.unescape(m.group(1)))
