"""Het jaarverslag met jaargegevens zoals gemeenten ze bijhouden (issue 12): gedeeltelijk
ingedeelde meldingen, eigen kerncijfers, schattingen, categorieën over de jaren, en tekst die
past bij elke combinatie van wat er is.

``tests/data/grote-stad`` is een testprofiel (niet meegeleverd) van een grote, verzonnen
stad: eigen indeling, aantallen direct ingevuld, niet alles ingedeeld, vier eigen reeksen over
drie jaren en één schatting in kerncijfers.yaml en één in het jaarverslag.
"""
from __future__ import annotations

import difflib
import itertools
import os
import re
import shutil
from pathlib import Path

import pytest

from integriteitsplan import generate

DATA = Path(__file__).parent / "data"
GROTE_STAD = DATA / "grote-stad" / "gemeenten"
GELDIG = DATA / "ongeldig" / "_geldig" / "gemeenten" / "toetsdorp"
GOUD = Path(__file__).parent / "golden" / "grotestad" / "jaarverslag-integriteit-2025.md"
BIJWERKEN = os.environ.get("INTEGRITEITSPLAN_GOUD") == "bijwerken"


@pytest.fixture(scope="module")
def grote_stad(tmp_path_factory):
    uit = tmp_path_factory.mktemp("grotestad")
    generate("grotestad", document="jaarverslag", jaar=2025, formaten=["md", "docx"], uitvoer=uit,
             profielmappen=[GROTE_STAD])
    return uit / "grotestad"


def test_grote_stad_markdown_gelijk_aan_goud(grote_stad):
    nieuw = (grote_stad / "jaarverslag-integriteit-2025.md").read_text(encoding="utf-8")
    if BIJWERKEN:
        GOUD.parent.mkdir(parents=True, exist_ok=True)
        GOUD.write_text(nieuw, encoding="utf-8", newline="\n")
    oud = GOUD.read_text(encoding="utf-8")
    if nieuw != oud:
        diff = "".join(difflib.unified_diff(oud.splitlines(True), nieuw.splitlines(True), str(GOUD), "nieuw"))
        pytest.fail(f"wijkt af van het goud:\n{diff[:6000]}")


def docx_tabellen(pad: Path) -> list[list[list[str]]]:
    import docx

    return [[[c.text.strip() for c in rij.cells] for rij in t.rows] for t in docx.Document(pad).tables]


def rij(tabellen, eerste: str) -> list[str]:
    gevonden = [r for t in tabellen for r in t if r and r[0] == eerste]
    assert gevonden, f"geen rij '{eerste}'"
    return gevonden[0]


def test_grote_stad_dezelfde_getallen_in_word(grote_stad):
    """De getallen die het goud vastlegt, staan ook zo in de .docx."""
    tabellen = docx_tabellen(grote_stad / "jaarverslag-integriteit-2025.docx")
    soort = next(t for t in tabellen if t[0][0] == "Soort" and len(t[0]) == 2)
    assert dict(map(tuple, soort[1:])) == {
        "Fraude en diefstal": "24", "Belangenverstrengeling": "19", "Lekken van informatie": "8",
        "Ongewenst gedrag": "44", "Misbruik van middelen": "10", "Niet gemelde nevenwerkzaamheden": "5",
        "Niet ingedeeld": "52", "Totaal": "162"}
    afdoening = next(t for t in tabellen if t[0][0] == "Afdoening")
    assert ["Niet ingedeeld", "121"] in afdoening
    assert rij(tabellen, "Meldingen en vermoedens van schendingen") == [
        "Meldingen en vermoedens van schendingen", "131", "ca. 116", "162"]
    assert rij(tabellen, "Ontslagen na een schending") == ["Ontslagen na een schending", "6", "< 5", "5"]
    assert rij(tabellen, "Onderzoeken door een extern bureau")[1:] == ["< 5", "7", "< 5"]
    assert rij(tabellen, "Advies door het integriteitsbureau (uur)")[1:] == ["1.210", "1.340", "ca. 1.480"]
    per_jaar = next(t for t in tabellen if t[0] == ["Soort", "2023", "2024", "2025"])
    assert ["Niet ingedeeld", "32", "–", "52"] in per_jaar


def test_grote_stad_tekst_en_noten(grote_stad):
    md = (grote_stad / "jaarverslag-integriteit-2025.md").read_text(encoding="utf-8")
    assert "de gemeente Havenstad" in md and "grotestad" not in md.replace("](jaarverslag", "")
    assert "*< 5 betekent 1 tot en met 4. ca. betekent een schatting, geen telling." in md
    assert "1 tot 5" not in md
    # het onderschrift noemt wat de grafiek toont: de eigen reeks die het profiel erin wil, niet de andere
    onderschrift = re.search(r'!\[.*?\]\(\S+ "(.*?)"\)', md).group(1)
    assert "ontslagen na een schending" in onderschrift and "extern" not in onderschrift
    assert "gestippelde staaf is een schatting" in onderschrift


def test_vorig_jaar_nooit_exacter_dan_in_zijn_eigen_verslag(tmp_path):
    """Een cel van een vorig jaar staat er zoals het verslag van dat jaar hem drukte: een
    klein aantal in 2025 blijft in het verslag van 2026 '< 5'."""
    gemeenten = tmp_path / "gemeenten"
    shutil.copytree(GROTE_STAD, gemeenten)
    verslag = gemeenten / "grotestad" / "jaren" / "2025" / "jaarverslag.yaml"
    tekst = verslag.read_text(encoding="utf-8").replace("    nevenwerk: 5\n", "    nevenwerk: 3\n")
    verslag.write_text(tekst, encoding="utf-8")
    nieuw = verslag.parent.parent / "2026"
    nieuw.mkdir()
    (nieuw / "jaarverslag.yaml").write_text(
        "jaar: 2026\nmeldingen:\n  totaal: 150\n  soort:\n    fraude: 30\n    gedrag: 60\n    nevenwerk: 10\n",
        encoding="utf-8")
    generate("grotestad", document="jaarverslag", jaar=2026, formaten=["md"], uitvoer=tmp_path / "uit",
             profielmappen=[gemeenten])
    md = (tmp_path / "uit" / "grotestad" / "jaarverslag-integriteit-2026.md").read_text(encoding="utf-8")
    regel = next(r for r in md.splitlines() if r.startswith("| Niet gemelde nevenwerkzaamheden |")
                 and r.count("|") == 6)  # de tabel over de jaren, niet die van 2026 zelf
    assert regel == "| Niet gemelde nevenwerkzaamheden | 0 | – | < 5 | 10 |"
    generate("grotestad", document="jaarverslag", jaar=2025, formaten=["md"], uitvoer=tmp_path / "uit",
             profielmappen=[gemeenten])
    md25 = (tmp_path / "uit" / "grotestad" / "jaarverslag-integriteit-2025.md").read_text(encoding="utf-8")
    assert "| Niet gemelde nevenwerkzaamheden | < 5 |" in md25


# ------------------------------------------------------------- elke combinatie van gegevens

REGISTER = "datum;soort;afdoening;uitkomst\n" + "".join(
    f"2026-0{1 + i % 9}-10;{s};{a};{u}\n" for i, (s, a, u) in enumerate(
        [("financieel", "geen", "ongegrond")] * 6 + [("omgangsvormen", "waarschuwing", "gegrond")] * 5
        + [("", "geen", "gegrond")] * 2))

COMBINATIES = list(itertools.product([True, False], repeat=5))


def bouw(map_: Path, jaarplan: bool, register: bool, aanbevelingen: bool, vertrouwenspersoon: bool,
         eerder: bool, jaar: int = 2026) -> Path:
    gemeenten = map_ / "gemeenten"
    shutil.copytree(GELDIG.parent, gemeenten)
    profiel = gemeenten / "toetsdorp"
    tekst = (profiel / "profiel.yaml").read_text(encoding="utf-8")
    (profiel / "profiel.yaml").write_text(tekst.replace("start: 2026", f"start: {jaar}"), encoding="utf-8")
    jaren = profiel / "jaren"
    stukken = jaren / str(jaar)
    if jaar != 2026:
        (jaren / "2026").rename(stukken)
    verslag = [f"jaar: {jaar}", "status: concept"]
    if jaarplan:
        plan = (stukken / "jaarplan.yaml").read_text(encoding="utf-8").replace("jaar: 2026", f"jaar: {jaar}")
        (stukken / "jaarplan.yaml").write_text(plan, encoding="utf-8")
        verslag += ["realisatie:", "  - activiteit: a26-01", "    resultaat: gerealiseerd",
                    "  - activiteit: a26-02", "    resultaat: deels"]
    else:
        (stukken / "jaarplan.yaml").unlink()
    if register:
        (stukken / "meldingen.csv").write_text(REGISTER.replace("2026-", f"{jaar}-"), encoding="utf-8")
        verslag += ["meldingen:", "  register: meldingen.csv"]
    if vertrouwenspersoon:
        verslag += ["vertrouwenspersoon:", "  thema:", "    omgangsvormen: 7", "    integriteit: 6"]
    if aanbevelingen:
        verslag += ["aanbevelingen:", f"  - id: {jaar}-1", "    aanbeveling: Houd de training vast."]
    (stukken / "jaarverslag.yaml").write_text("\n".join(verslag) + "\n", encoding="utf-8")
    if eerder:
        (jaren / "kerncijfers.yaml").write_text(
            f"kerncijfers:\n  - jaar: {jaar - 2}\n    meldingen: 9\n    ambtseden: 30\n"
            f"  - jaar: {jaar - 1}\n    meldingen: 11\n    ambtseden: 25\n", encoding="utf-8")
    else:
        (jaren / "kerncijfers.yaml").unlink()
    return gemeenten


def maak(tmp_path, *vlaggen, jaar: int = 2026) -> str:
    gemeenten = bouw(tmp_path, *vlaggen, jaar=jaar)
    generate("toetsdorp", document="jaarverslag", jaar=jaar, formaten=["md"], uitvoer=tmp_path / "uit",
             profielmappen=[gemeenten])
    return (tmp_path / "uit" / "toetsdorp" / f"jaarverslag-integriteit-{jaar}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("jaarplan", "register", "aanbevelingen", "vertrouwenspersoon", "eerder"), COMBINATIES,
                         ids=["-".join(("plan" if c[0] else "geenplan", "reg" if c[1] else "geenreg",
                                        "aanb" if c[2] else "geenaanb", "vp" if c[3] else "geenvp",
                                        "eerder" if c[4] else "alleen")) for c in COMBINATIES])
def test_elke_combinatie_zegt_alleen_wat_waar_is(tmp_path, jaarplan, register, aanbevelingen, vertrouwenspersoon,
                                                 eerder):
    md = maak(tmp_path, jaarplan, register, aanbevelingen, vertrouwenspersoon, eerder)
    inleiding = md.split("# 1 Inleiding", 1)[1].split("\n# ", 1)[0]
    # altijd: de naam uit metadata.gemeente, de wet van het jaar, geen opvulzinnen
    assert "legt de gemeente Toetsdorp verantwoording af" in inleiding
    assert "artikel 4, lid 4 van de Ambtenarenwet 2017" in inleiding
    for nooit in ("toetsdorp", "bevat geen", "geen jaarplan", "geen gegevens", "geen aanbevelingen", "1 tot 5",
                  "None", "{{", "{%"):
        assert nooit not in md, nooit
    assert ("uitvoering van het jaarplan 2026" in inleiding) == jaarplan
    assert ("Realisatie van het jaarplan" in md) == jaarplan
    assert ("meldingen van vermoedelijke schendingen" in inleiding) == register
    assert ("# 3 Meldingen" in md or "# 2 Meldingen" in md) == register
    assert ("Niet ingedeeld" in md) == register  # twee rijen zonder soort in het register
    assert ("vertrouwenspersonen" in inleiding) == vertrouwenspersoon
    assert ("# Vertrouwenspersoon" in re.sub(r"# \d+ ", "# ", md)) == vertrouwenspersoon
    assert ("aanbeveling" in md.lower()) == aanbevelingen
    assert ("De aanbevelingen aan het eind zijn de basis voor het jaarplan 2027." in inleiding) == aanbevelingen
    assert ("eerdere jaren" in inleiding) == eerder
    assert ("naast die van 2024 en 2025" in md) == eerder
    onderschrift = re.search(r"!\[(.*?)\]", md)
    if onderschrift:
        assert ("vertrouwenspersoon" in onderschrift.group(1)) == vertrouwenspersoon
        assert ("meldingen" in onderschrift.group(1).lower()) == (register or eerder)
    # geen lege koppen
    regels = [r for r in md.splitlines() if r.strip()]
    for a, b in zip(regels, regels[1:]):
        if a.startswith("#") and b.startswith("#"):
            assert b.count("#") > a.split(" ")[0].count("#"), f"lege kop: {a}"


def test_wet_van_het_verslagjaar(tmp_path):
    """Een verslag over 2019 noemt de Ambtenarenwet van toen, niet die van 2017 (die gold vanaf 2020)."""
    md = maak(tmp_path, True, True, True, True, True, jaar=2019)
    assert "Ambtenarenwet 2017" not in md
    assert "de Ambtenarenwet (artikelen 125quater en 125quinquies)" in md
    assert "in 2019, zoals" in md
