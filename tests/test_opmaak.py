"""De bladspiegel van elk meegeleverd document, zoals LibreOffice hem zet: geen woord uit een
tabelcel over twee regels, geen (bijna) lege pagina, de hoofdstukken in volgorde; en in de .docx:
maatregeltitels als koppen die bij de volgende alinea blijven, geen kolom van alleen strepen.

Elk document wordt één keer per testsessie omgezet (één aanroep van LibreOffice voor alle
documenten samen)."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import docx
import pytest

from conftest import koppen, koppen_in_pdf, pdf_tekst, soffice_pad
from integriteitsplan import generate
from integriteitsplan.schrijven.word.maten import tekstvlak
from integriteitsplan.schrijven.word.tabellen import hoogte

DOCUMENTEN = [
    ("voorbeeld", "beleidsplan", None),
    ("voorbeeld", "jaarplan", 2026),
    ("voorbeeld", "jaarplan", 2027),
    ("voorbeeld", "jaarverslag", 2026),
    ("haarlem", "beleidsplan", None),
    ("arnhem", "beleidsplan", None),
    ("leiderdorp", "beleidsplan", None),
    ("leiden", "beleidsplan", None),
    ("oegstgeest", "beleidsplan", None),
    ("zoeterwoude", "beleidsplan", None),
    ("leiden", "jaarplan", 2026),
    ("leiden", "jaarverslag", 2026),
]
NAMEN = [f"{g}-{s}" + (f"-{j}" if j else "") for g, s, j in DOCUMENTEN]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WOORD = re.compile(r"[\w'’]+", re.U)


@pytest.fixture(scope="session")
def opgemaakt(tmp_path_factory) -> dict[str, dict[str, Path]]:
    soffice = soffice_pad()
    if shutil.which("pdftotext") is None:
        pdf_tekst(Path("-"))  # slaat over (of faalt in CI)
    map_ = tmp_path_factory.mktemp("opmaak")
    plat = map_ / "docx"
    plat.mkdir()
    uit: dict[str, dict[str, Path]] = {}
    for naam, (gemeente, soort, jaar) in zip(NAMEN, DOCUMENTEN):
        verslag = generate(gemeente, document=soort, jaar=jaar, formaten=["docx", "md"],
                           uitvoer=map_ / "gen", profielmappen=[])
        paden = {b.pad.suffix: b.pad for b in verslag.bestanden}
        kopie = plat / f"{naam}.docx"
        shutil.copy(paden[".docx"], kopie)
        uit[naam] = {"docx": kopie, "md": paden[".md"], "pdf": map_ / "pdf" / f"{naam}.pdf"}
    profiel = map_ / "lo-profiel"
    resultaat = subprocess.run(
        [soffice, f"-env:UserInstallation={profiel.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(map_ / "pdf"), *sorted(str(p) for p in plat.glob("*.docx"))],
        capture_output=True, text=True, timeout=600)
    for paden in uit.values():
        assert paden["pdf"].exists(), resultaat.stderr + resultaat.stdout
    return uit


def _schoon(tekst: str) -> str:
    tekst = unicodedata.normalize("NFKC", tekst)
    return tekst.replace("\u200b", "").replace("\u00ad", "")


def bladen(pdf: Path) -> list[list[tuple[float, str]]]:
    """Per pagina de woorden van de romp (zonder kop- en voettekst) als (y, woord)."""
    uit = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    paginas = []
    for m in re.finditer(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', uit, re.S):
        hoogte = float(m.group(1))
        woorden = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>',
                             m.group(2))
        paginas.append([(float(y), _schoon(html.unescape(w))) for y, w in woorden
                        if hoogte * 0.07 < float(y) < hoogte * 0.93])
    return paginas


def regels(woorden: list[tuple[float, str]]) -> list[str]:
    per_regel: dict[int, list[str]] = {}
    for y, w in woorden:
        per_regel.setdefault(round(y / 3), []).append(w)
    return [" ".join(v) for _, v in sorted(per_regel.items())]


def stukken(tekst: str) -> list[str]:
    """De woorden van een tekst, zoals een regel ze mag breken: ook na '-', '/', '.' en '@'."""
    return [s for w in _WOORD.findall(_schoon(tekst)) for s in re.split(r"[-/.@]", w) if len(s) >= 2]


def docx_teksten(pad: Path) -> tuple[list[str], list[str]]:
    """(alle alinea's van de romp, de tekst van elke tabelcel)."""
    document = docx.Document(str(pad))
    body = document.element.body
    alles = ["".join(t.text or "" for t in p.iter(W + "t")) for p in body.iter(W + "p")]
    cellen = ["".join(t.text or "" for t in tc.iter(W + "t")) for tc in body.iter(W + "tc")]
    return alles, cellen


@pytest.mark.parametrize("naam", NAMEN)
def test_geen_woord_uit_een_tabelcel_gebroken(opgemaakt, naam):
    paden = opgemaakt[naam]
    alles, cellen = docx_teksten(paden["docx"])
    in_docx = Counter(s for a in alles for s in stukken(a))
    in_pdf = Counter(s for blad in bladen(paden["pdf"]) for _, w in blad for s in stukken(w))
    # kop- en voettekst staan niet in de romp; een woord dat daar staat telt niet
    gebroken = sorted({s for c in cellen for s in stukken(c) if in_pdf[s] < in_docx[s]
                       and not s.isdigit()})
    assert not gebroken, f"woorden uit tabelcellen over twee regels gebroken: {gebroken[:10]}"


def _hoofdstuk_begint(regel: str, titels: list[str]) -> bool:
    regel = " ".join(regel.split())
    return any(regel.startswith(t) for t in titels)


def bijna_leeg(paginas: list[list[tuple[float, str]]], titels: list[str]) -> list[tuple[int, int, list[str]]]:
    """Pagina's (na de titelpagina) met minder dan een kwart van de regels van een volle pagina;
    de laatste pagina van een hoofdstuk mag dat, als zij minstens 8 regels heeft."""
    per_pagina = [regels(w) for w in paginas]
    vol = max(len(r) for r in per_pagina)
    uit = []
    for i, r in enumerate(per_pagina[1:], 1):
        if len(r) * 4 >= vol:
            continue
        laatste = i == len(per_pagina) - 1 or (per_pagina[i + 1] and _hoofdstuk_begint(per_pagina[i + 1][0], titels))
        if laatste and len(r) >= 8:
            continue
        uit.append((i + 1, len(r), r[:3]))
    return uit


@pytest.mark.parametrize("naam", NAMEN)
def test_geen_bijna_lege_pagina(opgemaakt, naam):
    """Issue 13: geen pagina met alleen een staart (van de inhoudsopgave, een lijst, een tabel)."""
    md = opgemaakt[naam]["md"].read_text(encoding="utf-8")
    titels = [" ".join(_schoon(t).replace("*", "").split()) for n, t in koppen(md) if n == 1] + ["Inhoud"]
    leeg = bijna_leeg(bladen(opgemaakt[naam]["pdf"]), titels)
    assert not leeg, f"(bijna) lege pagina's (nummer, regels, begin): {leeg}"


@pytest.mark.parametrize("naam", NAMEN)
def test_hoofdstukken_in_volgorde(opgemaakt, naam):
    paden = opgemaakt[naam]
    titels = [t for n, t in koppen(paden["md"].read_text("utf-8"))[1:] if n == 1]
    tekst = subprocess.run(["pdftotext", "-layout", str(paden["pdf"]), "-"], capture_output=True, text=True,
                           check=True).stdout
    koppen_in_pdf(tekst, titels)  # elke titel staat er als eigen regel
    # en in volgorde: elke titel komt (als eigen regel) na de vorige
    positie = 0
    for titel in titels:
        m = re.compile(rf"^\s*(?:\d+\.?\s+)?{re.escape(titel)}\s*$", re.M).search(tekst, positie)
        assert m, f"kop '{titel}' staat niet na de vorige hoofdstuktitel"
        positie = m.end()


# Alleen het voorbeeld toont zijn maatregelen met eigen code als secties; de echte plannen
# tonen ze als tabel of lijst (zoals hun bron).
@pytest.mark.parametrize("naam", ["voorbeeld-beleidsplan"])
def test_maatregeltitels_zijn_koppen_die_vasthouden(opgemaakt, naam):
    document = docx.Document(str(opgemaakt[naam]["docx"]))
    md = opgemaakt[naam]["md"].read_text("utf-8")
    maatregelen = re.findall(r"^#{2,6} ([A-Z]{1,3}\d+\. .*)$", md, re.M)
    assert maatregelen, "het voorbeeld toont zijn maatregelen als secties met eigen code"
    koppen_docx = {}
    for p in document.paragraphs:
        if p.style.name.startswith("Heading "):
            koppen_docx[p.text] = p
    for titel in maatregelen:
        p = koppen_docx.get(titel)
        assert p is not None, f"maatregel '{titel}' is geen kop"
        stijl_keep = p.style.element.find(f"{W}pPr/{W}keepNext") is not None
        eigen_keep = p._p.find(f"{W}pPr/{W}keepNext") is not None
        assert stijl_keep or eigen_keep, titel


@pytest.mark.parametrize("naam", NAMEN)
def test_geen_kolom_van_alleen_strepen(opgemaakt, naam):
    document = docx.Document(str(opgemaakt[naam]["docx"]))
    for tabel in document.tables:
        rijen = [[c.text.strip() for c in r.cells] for r in tabel.rows][1:]
        if not rijen:
            continue
        for k in range(len(rijen[0])):
            waarden = [r[k] for r in rijen if k < len(r)]
            assert not all(w in ("", "-", "–", "—") for w in waarden), (tabel.rows[0].cells[k].text, waarden)


# --- tabellen die bij elkaar blijven ------------------------------------------------------

def _woorden(tekst: str) -> list[str]:
    # pdftotext plakt een woord met een koppelteken aan het regeleinde aan elkaar
    return re.findall(r"\w+", re.sub(r"-\n?", "", _schoon(tekst)))


def weggevallen_rijen(docx_pad: Path, pdf_pad: Path) -> tuple[int, list[str]]:
    """(aantal tabelrijen in de .docx, de rijen die in de PDF ontbreken).

    Een woord telt zo vaak als het in de romp van de .docx staat; in de PDF (met kop- en
    voettekst erbij) moet het minstens zo vaak staan. Een weggevallen rij mist al haar
    woorden; een rij ontbreekt als de helft van haar verschillende woorden tekortkomt
    (pdftotext kan één woord met koppelteken met de buurkolom vermengen)."""
    body = docx.Document(str(docx_pad)).element.body

    def alinea_woorden(el):
        return [w for p in el.iter(W + "p") for w in _woorden("".join(t.text or "" for t in p.iter(W + "t")))]

    in_docx = Counter(alinea_woorden(body))
    in_pdf = Counter(_woorden(subprocess.run(["pdftotext", str(pdf_pad), "-"], capture_output=True,
                                             text=True, check=True).stdout))
    weg, aantal = [], 0
    for tr in body.iter(W + "tr"):
        aantal += 1
        verschillend = set(alinea_woorden(tr))
        if verschillend and 2 * sum(in_pdf[w] < in_docx[w] for w in verschillend) >= len(verschillend):
            weg.append(" ".join(sorted(verschillend))[:60])
    return aantal, weg


@pytest.mark.parametrize("naam", NAMEN)
def test_elke_tabelrij_staat_in_de_pdf(opgemaakt, naam):
    """LibreOffice 7.4 liet rijen weg uit tabellen die met keepNext aan de volgende alinea
    vastzaten; elke rij van elke tabel moet in de PDF staan."""
    aantal, weg = weggevallen_rijen(opgemaakt[naam]["docx"], opgemaakt[naam]["pdf"])
    assert aantal > 0
    assert not weg, f"{len(weg)} van {aantal} rijen ontbreken in de PDF: {weg[:5]}"


def _stijl(el) -> str:
    st = el.find(f"{W}pPr/{W}pStyle")
    return st.get(W + "val") if st is not None else ""


def _voor_slottabel(tbl) -> bool:
    """Volgt op ``tbl`` een kop, een tabel en dan een nieuw hoofdstuk (of het eind)?"""
    volgende = tbl.getnext()
    while volgende is not None and volgende.tag == W + "p" and _stijl(volgende).startswith("Heading") \
            and _stijl(volgende) != "Heading1":
        volgende = volgende.getnext()
    if volgende is None or volgende.tag != W + "tbl" or volgende is tbl.getnext():
        return False
    na = volgende.getnext()
    while na is not None and na.tag == W + "p" and not "".join(t.text or "" for t in na.iter(W + "t")).strip() \
            and _stijl(na) != "Heading1":
        na = na.getnext()
    return na is None or na.tag == W + "sectPr" or _stijl(na) == "Heading1" \
        or na.find(f"{W}pPr/{W}pageBreakBefore") is not None


def _hoog(tbl, teksthoogte: int) -> bool:
    """Dezelfde schatting als de schrijver (tabellen.hoogte): hoger dan een halve pagina?"""
    breedtes = [int(g.get(W + "w")) for g in tbl.find(W + "tblGrid").findall(W + "gridCol")]
    platte = [["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.findall(W + "tc")]
              for tr in tbl.findall(W + "tr")]
    return hoogte(platte, breedtes) * 2 > teksthoogte


@pytest.mark.parametrize("naam", NAMEN)
def test_tabelrijen_houden_elkaar_vast(opgemaakt, naam):
    """Elke rij breekt niet (cantSplit); een tabel van hoogstens tien rijen houdt elke rij
    vast behalve de laatste; een langere de kopregel, de eerste en de voorlaatste rij; de
    laatste rij nooit (zie tabellen.houdt_vast). Een korte tabel die hoger is dan een halve
    pagina mag breken zoals een lange."""
    body = docx.Document(str(opgemaakt[naam]["docx"])).element.body
    teksthoogte = tekstvlak(body.find(W + "sectPr"))[1]
    for tbl in body.iter(W + "tbl"):
        rijen = tbl.findall(W + "tr")
        kop = rijen[0].find(f"{W}trPr/{W}tblHeader") is not None
        if not kop and len(rijen[0].findall(W + "tc")) == 2 and tbl.getparent() is body and \
                tbl.find(f"{W}tblPr/{W}tblLook").get(W + "firstRow") == "0":
            continue  # de gegevens op de titelpagina
        romp = len(rijen) - (1 if kop else 0)
        vast = [all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(W + "p")) for tr in rijen]
        assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rijen)
        # de laatste rij niet (LibreOffice 7.4), behalve vóór een korte slottabel van een
        # hoofdstuk (staarten._korte_slottabel); test_elke_tabelrij_staat_in_de_pdf ziet dat
        # er dan geen rij wegvalt
        assert not vast[-1] or _voor_slottabel(tbl), rijen[-1].xpath("string(.)")[:40]
        if romp <= 10 and not _hoog(tbl, teksthoogte):
            assert all(vast[:-1]), [r.xpath("string(.)")[:40] for r, v in zip(rijen, vast) if not v]
        else:
            eerste = 1 if kop else 0
            assert all(vast[:eerste + 1]) and vast[-2]


def test_korte_tabel_breekt_niet_en_geen_rij_alleen(tmp_path):
    """Een korte tabel en een lange tabel op steeds een andere hoogte van de pagina: de
    korte staat op één pagina, de lange breekt niet na de eerste rij of vóór de laatste, en
    elke rij staat in de PDF."""
    from test_word import gegevens

    from integriteitsplan.schrijven.word import maak_docx

    soffice = soffice_pad()
    if shutil.which("pdftotext") is None:
        pdf_tekst(Path("-"))
    (tmp_path / "docx").mkdir()

    def tabel(n: int) -> str:
        return ("| Onderdeel | 2025 | 2026 |\n| --- | --- | --- |\n"
                + "".join(f"| Onderdeel{i} {'met een toelichting die over twee regels doorloopt ' * (i % 3 == 0)}"
                          f"| {i} | {i + 1} |\n" for i in range(n - 1))
                + f"| Onderdeel{n - 1} Totaal | {n} | {n + 1} |\n")

    for vul in range(16, 44, 4):
        for n in (8, 24):
            md = ("# Hoofdstuk\n\n" + "".join(f"Regel {j} van de tekst.\n\n" for j in range(vul))
                  + "De tabel:\n\n" + tabel(n) + "\nNa de tabel.\n")
            (tmp_path / "docx" / f"v{vul:02d}-n{n}.docx").write_bytes(maak_docx(md, gegevens(), {}))
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "pdf"), *sorted(str(p) for p in (tmp_path / "docx").glob("*.docx"))],
                   capture_output=True, timeout=600)
    for pad in sorted((tmp_path / "docx").glob("*.docx")):
        pdf = tmp_path / "pdf" / f"{pad.stem}.pdf"
        n = int(pad.stem.split("-n")[1])
        aantal, weg = weggevallen_rijen(pad, pdf)
        assert not weg, (pad.stem, weg)
        blad = {}
        for i, tekst in enumerate(pdf_tekst(pdf).split("\f")):
            for m in re.findall(r"Onderdeel(\d+)", tekst):
                blad.setdefault(int(m), i)
        nieuwe_pagina = [i for i in range(1, n) if blad[i] != blad[i - 1]]
        if n <= 10:
            assert not nieuwe_pagina, (pad.stem, nieuwe_pagina)
        else:
            assert all(2 <= i <= n - 2 for i in nieuwe_pagina), (pad.stem, nieuwe_pagina)
