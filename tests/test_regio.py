"""De Leidse regio: één regionale basis (leidse-regio) en vier leden die erop voortbouwen.

Wat hier getoetst wordt:

(a) het plan van Leiderdorp, nu een overlay op de regio, is byte voor byte gelijk aan het
    plan dat het losse profiel vóór de splitsing maakte (tests/golden/leiderdorp/);
(b) de keten van sjablonen: gemeente, dan regio, dan standaard;
(c) 'genereer --regio' maakt precies dezelfde bestanden als elk lid apart, en één kapot
    lid houdt de andere niet tegen;
(d) het verschillenrapport toont een bekende afwijking met basis- en lokale waarde, en de
    juiste cel in de matrix van instrumenten;
(e) het regionale jaarverslag: totalen gelijk aan het register, kolommen per lid gelijk
    aan het eigen verslag van dat lid, geen klein aantal zichtbaar en geen verborgen
    aantal terug te rekenen (met een eigen berekening in deze test);
(f) 'controleer' meldt een lid dat een andere basis noemt en een profiel dat de regio als
    basis noemt zonder lid te zijn.

De verwachte waarden (aantallen uit het register, afwijkingen van de leden) staan in deze
test of worden hier zelf uit het register geteld.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from integriteitsplan import generate, laden
from integriteitsplan.laden import jaren as jaarcyclus
from integriteitsplan.bronnen import referentie

TESTS = Path(__file__).parent
GEMEENTEN = TESTS.parent / "gemeenten"
GOUD = TESTS / "golden" / "leiderdorp" / "beleidsplan-integriteit-2025.md"

REGIO = "leidse-regio"
LEDEN = ["leiden", "leiderdorp", "oegstgeest", "zoeterwoude"]
NAAM = {"leiden": "Leiden", "leiderdorp": "Leiderdorp", "oegstgeest": "Oegstgeest", "zoeterwoude": "Zoeterwoude"}
JAAR = 2026
DREMPEL = 5
REGISTER = GEMEENTEN / REGIO / "jaren" / str(JAAR) / "meldingen-regio.csv"
DIMENSIES = {"soort": "Naar soort", "afdoening": "Naar afdoening", "uitkomst": "Naar uitkomst"}
ONBEGRENSD = 10**6


# ---------------------------------------------------------------- hulp


def kopie(doel: Path, namen=(REGIO, *LEDEN)) -> Path:
    """Kopieer de regio en haar leden naar ``doel/gemeenten`` (om er iets in te breken)."""
    map_ = doel / "gemeenten"
    for naam in namen:
        shutil.copytree(GEMEENTEN / naam, map_ / naam)
    return map_


def schrijf(map_: Path, naam: str, tekst: str) -> None:
    (map_ / naam).mkdir(parents=True, exist_ok=True)
    (map_ / naam / "profiel.yaml").write_text(textwrap.dedent(tekst), encoding="utf-8")


def bestanden(map_: Path) -> dict[str, bytes]:
    """Alle bestanden onder ``map_`` (ook het verborgen register), relatief pad -> inhoud."""
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def stuk(md: str, kop: str) -> str:
    """De tekst onder een genummerde kop ('## 3.2 Naar soort') tot de volgende kop van
    hetzelfde of een hoger niveau."""
    m = re.search(rf"^(#+) [\d.]+ {re.escape(kop)}\s*$", md, re.M)
    assert m, f"kop '{kop}' niet gevonden"
    rest = md[m.end():]
    volgende = re.search(rf"^#{{1,{len(m.group(1))}}} ", rest, re.M)
    return rest[: volgende.start()] if volgende else rest


def tabel(md: str, kop: str) -> tuple[list[str], list[list[str]]]:
    """De eerste Markdown-tabel onder een kop: kopregel en rijen (zonder '**')."""
    regels = [r for r in stuk(md, kop).splitlines() if r.startswith("|")]
    assert len(regels) >= 2, f"geen tabel onder '{kop}'"
    cellen = [[c.strip().replace("**", "") for c in r.strip().strip("|").split(" | ")] for r in regels]
    return cellen[0], cellen[2:]


def als_dict(rijen: list[list[str]], kolom: int = 1) -> dict[str, str]:
    return {rij[0]: rij[kolom] for rij in rijen}


def regiokolom(md: str, kop: str) -> dict[str, str]:
    """De kolom Regio van een meldingentabel; ontbreekt die (elke som verborgen), dan 'x' per rij."""
    kolommen, rijen = tabel(md, kop)
    if "Regio" in kolommen:
        return als_dict(rijen, kolommen.index("Regio"))
    return {rij[0]: "x" for rij in rijen}


def lid_tabel(md: str, kop: str, categorieen) -> dict[str, str]:
    """De tabel van een lid als dict; een tabel met alleen het totaal wordt '–' per categorie."""
    tekst = stuk(md, kop)
    m = re.search(r"alleen het totaal: (.+?) meldingen?\.$", tekst, re.M)
    if m:
        totaal = f"< {DREMPEL}" if m.group(1).startswith("minder dan") else m.group(1)
        return {**{c: "–" for c in categorieen}, "Totaal": totaal}
    return als_dict(tabel(md, kop)[1])


def lid_totaal(md: str) -> str:
    """Het totaal uit de openingszin van een lid, zoals een tabel het zou drukken."""
    zin = re.search(rf"In {JAAR} kwamen (.+?) binnen", md).group(1)
    if zin == "geen meldingen":
        return "0"
    if zin.startswith("minder dan "):
        return f"< {DREMPEL}"
    return zin.split()[0]


def grenzen(cel: str, bovengrens: int = ONBEGRENSD, regio: bool = False) -> tuple[int, int]:
    """Wat een lezer weet over een gedrukte cel: een exact getal, '< 5' of 'x'."""
    if cel == f"< {DREMPEL}":
        return 1, DREMPEL - 1
    if cel == "x":  # in een kolom van een lid: d of meer; in de regiokolom: elke som
        return (0, bovengrens) if regio else (DREMPEL, bovengrens)
    if cel == "–":  # geen uitsplitsing getoond
        return 0, bovengrens
    return int(cel), int(cel)


def verborgen(cel: str) -> bool:
    return cel in (f"< {DREMPEL}", "x", "–")


def vastgepind(regio: str, eigen: str, anderen: list[str], eigen_boven: int = ONBEGRENSD) -> bool:
    """Ligt een verborgen cel van een lid vast, gegeven de regionale cel en de gedrukte cellen
    van de andere leden? (regio = lid + som van de anderen)"""
    r_lo, r_hi = grenzen(regio, regio=True)
    som_lo = sum(grenzen(c)[0] for c in anderen)
    som_hi = sum(grenzen(c)[1] for c in anderen)
    e_lo, e_hi = grenzen(eigen, eigen_boven)
    lo, hi = max(e_lo, r_lo - som_hi), min(e_hi, r_hi - som_lo)
    return lo == hi


# ---------------------------------------------------------------- (a) het plan van Leiderdorp


def test_leiderdorp_is_een_overlay_op_de_regio():
    profiel = laden.laad_profiel("leiderdorp", [laden.Zoekmap(GEMEENTEN, "test")])
    assert [v.naam for v in profiel.keten] == ["leiderdorp", REGIO]
    # De gedeelde instrumenten staan in de basis, niet in de overlay.
    assert "ordening" not in profiel.eigen["maatregelen"]
    assert "wettelijk_kader" not in profiel.eigen["waarden_normen"]


def test_plan_leiderdorp_gelijk_aan_goud(tmp_path):
    verslag = generate("leiderdorp", formaten=["md"], uitvoer=tmp_path, profielmappen=[GEMEENTEN])
    assert [b.pad.name for b in verslag.bestanden] == [GOUD.name]
    assert (tmp_path / "leiderdorp" / GOUD.name).read_bytes() == GOUD.read_bytes()


# ---------------------------------------------------------------- (b) de keten van sjablonen

SJABLOON = "beleidsplan/document.md.j2"


@pytest.fixture
def sjabloonregio(tmp_path) -> Path:
    """Een kleine regio met twee leden: de regio en lid 'a' hebben elk een eigen
    documentsjabloon, lid 'b' niet."""
    map_ = tmp_path / "gemeenten"
    schrijf(map_, "regio", """\
        leden: [a, b]
        metadata:
          titel: Integriteitsbeleid
          gemeente: Proefregio
          organisatie: regio
        missie_visie:
          missie: Een gedeelde missie voor de proef.
    """)
    schrijf(map_, "a", "basis: regio\nmetadata:\n  gemeente: Adorp\n")
    schrijf(map_, "b", "basis: regio\nmetadata:\n  gemeente: Bedorp\n")
    for naam, tekst in (("regio", "TEKST UIT HET SJABLOON VAN DE REGIO\n"), ("a", "TEKST UIT HET SJABLOON VAN ADORP\n")):
        pad = map_ / naam / "sjablonen" / SJABLOON
        pad.parent.mkdir(parents=True)
        pad.write_text(tekst, encoding="utf-8")
    return map_


def maak_plan(naam: str, map_: Path, uitvoer: Path) -> str:
    verslag = generate(naam, formaten=["md"], uitvoer=uitvoer, profielmappen=[map_])
    return verslag.bestanden[0].pad.read_text(encoding="utf-8")


def test_sjabloonketen_lid_eigen_en_lid_regio(sjabloonregio, tmp_path):
    adorp = maak_plan("a", sjabloonregio, tmp_path / "uit")
    bedorp = maak_plan("b", sjabloonregio, tmp_path / "uit")
    assert "TEKST UIT HET SJABLOON VAN ADORP" in adorp and "VAN DE REGIO" not in adorp
    assert "TEKST UIT HET SJABLOON VAN DE REGIO" in bedorp and "ADORP" not in bedorp
    # Het voorblad komt nog uit het standaardsjabloon.
    assert "**Gemeente Adorp**" in adorp and "**Gemeente Bedorp**" in bedorp


def test_sjabloonketen_regio_zelf_gebruikt_haar_eigen_sjabloon(sjabloonregio, tmp_path):
    """De eigen sjablonen van een profiel gelden voor zijn eigen documenten; een regio is ook
    een profiel, dus de regionale basistekst gebruikt het sjabloon van de regio."""
    regio = maak_plan("regio", sjabloonregio, tmp_path / "uit")
    assert "TEKST UIT HET SJABLOON VAN DE REGIO" in regio


# ---------------------------------------------------------------- (c) in één keer of apart


def test_regio_in_een_keer_gelijk_aan_elk_lid_apart(cli, tmp_path):
    uit = cli("genereer", "--regio", REGIO, "--document", "alle", "--gemeenten", GEMEENTEN,
              "--uitvoer", tmp_path / "samen")
    assert uit.exit_code == 0, uit.output
    # met 'alle' hoort de regio er zelf bij: haar jaarverslag telt de leden op
    for naam in (REGIO, *LEDEN):
        generate(naam, document="alle", uitvoer=tmp_path / "apart", profielmappen=[GEMEENTEN])
    samen, apart = bestanden(tmp_path / "samen"), bestanden(tmp_path / "apart")
    assert sorted(samen) == sorted(apart)
    assert {p.split("/")[0] for p in samen} == {REGIO, *LEDEN}
    assert re.search(rf"^{REGIO}\s+jaarverslag\s+gelukt\s", uit.output, re.M), uit.output
    assert [p for p in samen if samen[p] != apart[p]] == []
    for lid in LEDEN:
        assert re.search(rf"^{lid}\s+beleidsplan\s+gelukt\s", uit.output, re.M), lid


def test_een_kapot_lid_houdt_de_andere_niet_tegen(cli, tmp_path):
    map_ = kopie(tmp_path)
    profiel = map_ / "oegstgeest" / "profiel.yaml"
    profiel.write_text(profiel.read_text(encoding="utf-8").replace(
        "  organisatie: gemeente\n", "  organisatie: gemeente\n  status: bezig\n"), encoding="utf-8")
    uit = cli("genereer", "--regio", REGIO, "--gemeenten", map_, "--uitvoer", tmp_path / "uit", "--formaat", "md")
    assert uit.exit_code == 1, uit.output
    assert re.search(r"^oegstgeest\s+beleidsplan\s+MISLUKT\s+–$", uit.output, re.M), uit.output
    assert "'bezig' is geen geldige status" in uit.output
    assert "1 van de 4 gemeenten mislukt." in uit.output
    for lid in ("leiden", "leiderdorp", "zoeterwoude"):
        assert re.search(rf"^{lid}\s+beleidsplan\s+gelukt\s", uit.output, re.M), lid
        assert list((tmp_path / "uit" / lid).glob("beleidsplan-integriteit*.md")), lid
    assert not (tmp_path / "uit" / "oegstgeest").exists()


# ---------------------------------------------------------------- (d) het verschillenrapport


@pytest.fixture(scope="module")
def verschillen(tmp_path_factory) -> str:
    from click.testing import CliRunner

    from integriteitsplan.cli import hoofd

    uitvoer = tmp_path_factory.mktemp("verschillen")
    uit = CliRunner().invoke(hoofd, ["verschillen", REGIO, "--gemeenten", str(GEMEENTEN), "--uitvoer",
                                     str(uitvoer), "--formaat", "md"])
    assert uit.exit_code == 0, uit.output
    return (uitvoer / REGIO / f"verschillen-{REGIO}.md").read_text(encoding="utf-8")


def afwijkingen(md: str, gemeente: str) -> dict[str, tuple[str, str]]:
    """Alle punten (label -> wijziging, tekst) in het hoofdstuk van een gemeente."""
    m = re.search(rf"^# \d+ {gemeente}$", md, re.M)
    assert m, gemeente
    rest = md[m.end():]
    volgende = re.search(r"^# ", rest, re.M)
    uit = {}
    for regel in (rest[: volgende.start()] if volgende else rest).splitlines():
        punt = re.match(r"^- \*\*(.+?)\*\* \((aangepast|toegevoegd|weggehaald)\):\s*(.*)$", regel)
        if punt:
            uit[punt.group(1)] = (punt.group(2), punt.group(3))
    return uit


def test_verschillen_tonen_basis_en_lokale_waarde(verschillen):
    assert "[" not in "".join(re.findall(r"^- \*\*(.+?)\*\*", verschillen, re.M))  # geen sleutelpaden
    oegstgeest = afwijkingen(verschillen, "Oegstgeest")
    assert oegstgeest["Maatregel ‘Roulatie van functies’"] == ("weggehaald", "Roulatie van functies")
    zoeterwoude = afwijkingen(verschillen, "Zoeterwoude")
    assert zoeterwoude["Maatregel ‘Regeling digitale werkplek’, naam"] == (
        "aangepast", "Regeling ~~voor het gebruik van IT-middelen~~ **digitale werkplek**")
    leiden = afwijkingen(verschillen, "Leiden")
    assert leiden["Maatregel ‘Integriteitsgesprek bij een kwetsbare functie’"] == (
        "toegevoegd", "Integriteitsgesprek bij een kwetsbare functie")
    # Leiderdorp vult de basis in met eigen regelingen.
    leiderdorp = afwijkingen(verschillen, "Leiderdorp")
    soort, tekst = leiderdorp["Basisnorm ‘Melden van vermoedens van misstanden’, regeling"]
    assert soort == "toegevoegd" and "Leiderdorp 2025" in tekst


def test_verschillen_matrix_van_instrumenten(verschillen):
    kop, rijen = tabel(verschillen, "Instrumenten per gemeente")
    assert kop == ["Instrument", "Leiden", "Leiderdorp", "Oegstgeest", "Zoeterwoude"]
    matrix = {rij[0]: rij[1:] for rij in rijen}
    assert matrix["Kwetsbare functies, handelingen en processen: Roulatie van functies"] == [
        "gelijk", "gelijk", "ontbreekt", "gelijk"]
    assert matrix["Maatregelen gericht op informatiebescherming: Regeling voor het gebruik van IT-middelen"] == [
        "gelijk", "eigen variant", "gelijk", "eigen variant"]
    assert matrix["Integriteit bij werving en selectie: Integriteitsgesprek bij een kwetsbare functie"] == [
        "eigen toevoeging", "–", "–", "–"]
    assert matrix["Afleggen van de eed of belofte: Eed of belofte"] == ["gelijk"] * 4


# ---------------------------------------------------------------- (e) het regionale jaarverslag


def register_telling() -> dict[str, dict[str, Counter]]:
    """Tel het register zelf: per gemeente en per indeling de aantallen van JAAR."""
    typologie = referentie("typologie")
    naar_id = {dim: {**{c["naam"].lower(): c["id"] for c in typologie[dim]},
                     **{c["id"]: c["id"] for c in typologie[dim]}} for dim in DIMENSIES}
    uit: dict[str, dict[str, Counter]] = {NAAM[lid]: {dim: Counter() for dim in DIMENSIES} for lid in LEDEN}
    with REGISTER.open(encoding="utf-8-sig", newline="") as bestand:
        for rij in csv.DictReader(bestand, delimiter=";"):
            if dt.datetime.strptime(rij["datum"], "%d-%m-%Y").year != JAAR:
                continue
            for dim in DIMENSIES:
                uit[rij["organisatie"]][dim][naar_id[dim][rij[dim].strip().lower()]] += 1
    return uit


@pytest.fixture(scope="module")
def verslagen(tmp_path_factory) -> dict[str, str]:
    """Het regionale jaarverslag en de jaarverslagen van de leden, als Markdown."""
    uitvoer = tmp_path_factory.mktemp("jaarverslagen")
    uit = {}
    for naam in (REGIO, *LEDEN):
        generate(naam, document="jaarverslag", jaar=JAAR, formaten=["md"], uitvoer=uitvoer, profielmappen=[GEMEENTEN])
        uit[naam] = (uitvoer / naam / f"jaarverslag-integriteit-{JAAR}.md").read_text(encoding="utf-8")
    return uit


def namen_per_id(dim: str) -> dict[str, str]:
    return {c["id"]: c["naam"] for c in referentie("typologie")[dim]}


def test_register_heeft_rijen_van_elk_lid():
    telling = register_telling()
    totalen = {g: sum(t["soort"].values()) for g, t in telling.items()}
    assert sum(totalen.values()) == 35
    assert all(totalen.values()), totalen
    assert min(totalen.values()) < DREMPEL  # minstens één lid met weinig zaken


def test_regionale_totalen_gelijk_aan_het_register(verslagen):
    telling = register_telling()
    totaal = sum(sum(t["soort"].values()) for t in telling.values())
    # Wat de motor telt (ook wat verborgen blijft) is precies het register.
    for lid in LEDEN:
        profiel = laden.laad_profiel(lid, [laden.Zoekmap(GEMEENTEN, "test")])
        m = jaarcyclus.meldingen(profiel, laden.laad_jaren(profiel), JAAR)
        for dim in DIMENSIES:
            assert {k: v for k, v in m[dim].items() if v} == dict(telling[NAAM[lid]][dim]), (lid, dim)
    # Wat het regionale verslag drukt, past bij het register.
    md = verslagen[REGIO]
    for dim, kop in DIMENSIES.items():
        regio = regiokolom(md, kop)
        for ident, naam in namen_per_id(dim).items():
            echt = sum(t[dim][ident] for t in telling.values())
            lo, hi = grenzen(regio[naam], regio=True)
            assert lo <= echt <= hi, (dim, naam, regio[naam], echt)
        assert regio["Totaal"] in (str(totaal), "x")
    # in het hele document staat het regiototaal op dezelfde manier: exact of verborgen
    cijfers = als_dict(tabel(md, "Kerncijfers per gemeente")[1])
    assert cijfers["Meldingen en vermoedens van schendingen"] == regio["Totaal"]


def test_kolom_van_elk_lid_gelijk_aan_eigen_verslag(verslagen):
    md = verslagen[REGIO]
    for dim, kop in DIMENSIES.items():
        kolommen, rijen = tabel(md, kop)
        for lid in LEDEN:
            eigen = lid_tabel(verslagen[lid], kop, [rij[0] for rij in rijen if rij[0] != "Totaal"])
            if NAAM[lid] not in kolommen:
                # een lid dat alleen zijn totaal publiceert, heeft geen kolom; de tekst zegt dat
                assert {v for k, v in eigen.items() if k != "Totaal"} == {"–"}, (lid, dim)
                assert re.search(rf"{NAAM[lid]}\b[^.]*publice\w+ alleen \w+ totaal", stuk(md, "Per gemeente")), lid
                continue
            assert als_dict(rijen, kolommen.index(NAAM[lid])) == eigen, (lid, dim)
    per_gemeente = als_dict(tabel(md, "Per gemeente")[1])
    for lid in LEDEN:
        assert per_gemeente[NAAM[lid]] == lid_totaal(verslagen[lid]), lid


def test_kerncijfers_per_lid_gelijk_aan_eigen_verslag(verslagen):
    kolommen, rijen = tabel(verslagen[REGIO], "Kerncijfers per gemeente")
    for lid in LEDEN:
        eigen = als_dict(tabel(verslagen[lid], "Kerncijfers")[1])
        regio = als_dict(rijen, kolommen.index(NAAM[lid]))
        assert {k: v for k, v in regio.items() if v != "–"} == eigen, lid


def test_geen_klein_aantal_in_een_meldingentabel(verslagen):
    klein = re.compile(rf"^[1-{DREMPEL - 1}]$")
    for naam, md in verslagen.items():
        koppen = list(DIMENSIES.values()) + (["Per gemeente"] if naam == REGIO else [])
        for kop in koppen:
            if "alleen het totaal" in stuk(md, kop):
                continue
            _, rijen = tabel(md, kop)
            gedrukt = [(rij[0], cel) for rij in rijen for cel in rij[1:] if klein.match(cel)]
            assert gedrukt == [], (naam, kop)
        zin = re.search(rf"In {JAAR} kwamen (?:in de regio )?(\S+|minder dan \w+) meldingen binnen", md)
        assert zin or naam == REGIO, naam  # een verborgen regiototaal staat niet in de zin
        assert not (zin and klein.match(zin.group(1))), naam


def test_eigen_lekcontrole_vindt_een_lek():
    """De berekening hieronder is niet leeg: zij vindt een lek als het er is."""
    assert vastgepind("35", "< 5", ["19", "8", "5"])  # 35 - 19 - 8 - 5 = 3
    assert not vastgepind("x", "< 5", ["19", "8", "5"])
    assert not vastgepind("6", "< 5", ["< 5", "< 5"])
    assert vastgepind("< 5", "< 5", ["0", "0"]) is False  # 1 tot en met 4: niet bekend


def test_geen_verborgen_aantal_terug_te_rekenen(verslagen):
    """Eigen berekening: regiocel = som van de cellen van de leden. Een verborgen cel van een
    lid mag niet vastliggen als je de regiocel en de gedrukte cellen van de andere leden
    (uit hun eigen verslagen) kent."""
    md = verslagen[REGIO]
    lekken = []
    for dim, kop in DIMENSIES.items():
        regio = regiokolom(md, kop)
        eigen = {lid: lid_tabel(verslagen[lid], kop, [c for c in regio if c != "Totaal"]) for lid in LEDEN}
        for categorie, regiocel in regio.items():
            for lid in LEDEN:
                cel = eigen[lid][categorie]
                bovengrens = grenzen(eigen[lid]["Totaal"])[1]
                anderen = [eigen[ander][categorie] for ander in LEDEN if ander != lid]
                if verborgen(cel) and vastgepind(regiocel, cel, anderen, bovengrens):
                    lekken.append((kop, categorie, lid))
    per_gemeente = als_dict(tabel(md, "Per gemeente")[1])
    for lid in LEDEN:
        anderen = [per_gemeente[NAAM[ander]] for ander in LEDEN if ander != lid]
        if verborgen(per_gemeente[NAAM[lid]]) and vastgepind(per_gemeente["Regio"], per_gemeente[NAAM[lid]], anderen):
            lekken.append(("Per gemeente", "totaal", lid))
    assert lekken == []


def test_kerncijfers_verraden_geen_verborgen_aantal(verslagen):
    kolommen, rijen = tabel(verslagen[REGIO], "Kerncijfers per gemeente")
    regio = als_dict(rijen)
    eigen = {lid: als_dict(tabel(verslagen[lid], "Kerncijfers")[1]) for lid in LEDEN}
    lekken = []
    for cijfer, regiocel in regio.items():
        bekend = [lid for lid in LEDEN if cijfer in eigen[lid]]
        for lid in bekend:
            anderen = [eigen[ander][cijfer] for ander in bekend if ander != lid]
            if verborgen(eigen[lid][cijfer]) and vastgepind(regiocel, eigen[lid][cijfer], anderen):
                lekken.append((cijfer, lid))
    assert lekken == []


def test_jaargegevens_zijn_als_voorbeeld_gemarkeerd(verslagen):
    for naam in (REGIO, *LEDEN):
        for soort in ("jaarplan", "jaarverslag"):
            tekst = (GEMEENTEN / naam / "jaren" / str(JAAR) / f"{soort}.yaml").read_text(encoding="utf-8")
            assert tekst.startswith("# VOORBEELDGEGEVENS"), (naam, soort)
        assert "voorbeeldwaarden om het programma te tonen" in stuk(verslagen[naam], "Inleiding"), naam
        assert not (GEMEENTEN / naam / "jaren" / str(JAAR) / "meldingen.csv").exists()
        if naam != REGIO:  # leden nemen hun rijen uit het regionale register
            verslag = laden.lees_yaml(GEMEENTEN / naam / "jaren" / str(JAAR) / "jaarverslag.yaml")
            assert "meldingen" not in verslag, naam


# ---------------------------------------------------------------- (f) regio en leden kloppen


def test_controleer_meldt_geen_regiofout_in_de_echte_regio(cli):
    for naam in (REGIO, *LEDEN):
        uit = cli("controleer", naam, "--gemeenten", GEMEENTEN)
        assert uit.exit_code in (0, 1), uit.output
        assert "Geen fouten gevonden." in uit.output
        assert "staat als lid in deze regio" not in uit.output
        assert "staat daar niet bij de leden" not in uit.output


def test_controleer_meldt_lid_met_een_andere_basis(cli, tmp_path):
    map_ = kopie(tmp_path)
    schrijf(map_, "andere-regio", """\
        leden: [zoeterwoude]
        metadata:
          titel: Integriteitsbeleid
          gemeente: Andere regio
          organisatie: regio
    """)
    profiel = map_ / "zoeterwoude" / "profiel.yaml"
    profiel.write_text(profiel.read_text(encoding="utf-8").replace("basis: leidse-regio", "basis: andere-regio"),
                       encoding="utf-8")
    uit = cli("controleer", REGIO, "--gemeenten", map_)
    assert uit.exit_code == 1, uit.output
    assert re.search(r"leidse-regio/profiel\.yaml:\d+ leden\[4\]: 'zoeterwoude' staat als lid in deze regio, "
                     r"maar zijn profiel bouwt voort op 'andere-regio'\.", uit.output), uit.output


def test_controleer_meldt_profiel_dat_de_regio_noemt_zonder_lid_te_zijn(cli, tmp_path):
    map_ = kopie(tmp_path)
    schrijf(map_, "katwijk", "basis: leidse-regio\nmetadata:\n  gemeente: Katwijk\n  organisatie: gemeente\n")
    uit = cli("controleer", "katwijk", "--gemeenten", map_)
    assert uit.exit_code == 1, uit.output
    assert re.search(r"katwijk/profiel\.yaml:1 basis: dit profiel bouwt voort op 'leidse-regio', maar staat "
                     r"daar niet bij de leden\.", uit.output), uit.output


def test_meldingentabellen_zonder_lege_kolommen(verslagen):
    """Een lid met alleen een totaal heeft geen kolom vol strepen, een kolom Regio vol 'x'
    vervalt, en de tekst zegt beide; een regiosom van een deel van de leden zegt dat ook."""
    md = verslagen[REGIO]
    for kop in DIMENSIES.values():
        kolommen, rijen = tabel(md, kop)
        for k in range(1, len(kolommen)):
            assert any(rij[k] != "–" for rij in rijen if rij[0] != "Totaal"), (kop, kolommen[k])
        if "Regio" in kolommen:
            assert any(rij[kolommen.index("Regio")] != "x" for rij in rijen), kop
        elif "Een kolom Regio ontbreekt" not in stuk(md, kop):
            assert "Een kolom Regio ontbreekt in de tabellen hierna" in stuk(md, "Per gemeente"), kop
    kolommen, rijen = tabel(md, "Kerncijfers per gemeente")
    noot = stuk(md, "Kerncijfers per gemeente")
    if any("–" in rij[2:] for rij in rijen):
        assert "– betekent" in noot
    for rij in rijen:
        if "–" in rij[2:] and rij[1] != "x":
            assert f"{rij[0]} telt alleen" in noot and f"van de {len(LEDEN)} gemeenten" in noot, rij[0]
