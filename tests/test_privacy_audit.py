"""Kan een lezer een verborgen cel terugrekenen? Drie onafhankelijke toetsen.

1. Een eigen geheeltallig programma (scipy.optimize.milp), los van de productiecode: het
   leest alleen de gedrukte teksten ("12", "0", "< 5", "x", of een tabel met alleen het
   totaal) en rekent per verborgen cel het kleinste en grootste mogelijke aantal uit, over
   alle verslagen samen (leden, regio, twee jaren).
2. Een lezer die de regel kent: voor kleine totalen alle mogelijke tellingen opsommen en
   kijken welke precies dezelfde tekst opleveren; elke verborgen cel houdt twee of meer
   mogelijke waarden.
3. Het register uit issue 10 (Leidse regio, negen meldingen) door het hele programma: vijf
   verslagen, geen verborgen cel terug te rekenen.
"""
from __future__ import annotations

import itertools
import re
import shutil
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

from integriteitsplan import generate
from integriteitsplan.domein.privacy import beveilig_regio, beveilig_registerjaar, beveilig_tabel, totaal_cel

GEMEENTEN = Path(__file__).parent.parent / "gemeenten"


# --- 1. het eigen geheeltallige programma -------------------------------------------------

class Lezer:
    """Wat een lezer weet, als variabelen met grenzen en sommen; alleen uit gedrukte tekst."""

    def __init__(self, drempel: int, groot: int = 10_000):
        self.d, self.groot = drempel, groot
        self.namen: list = []
        self.lo: list = []
        self.hi: list = []
        self.geheim: list = []
        self.sommen: list = []  # (coëfficiënten, lo, hi)

    def var(self, naam, tekst: str | None, lid: bool = True) -> int:
        """tekst None: niets gedrukt (een tabel met alleen het totaal)."""
        if tekst is None:
            grens, geheim = (0, self.groot), True
        elif tekst == f"< {self.d}":
            grens, geheim = (1, self.d - 1), True
        elif tekst == "x":
            grens, geheim = ((self.d, self.groot) if lid else (0, self.groot)), lid
        else:
            grens, geheim = (int(tekst), int(tekst)), False
        self.namen.append(naam)
        self.lo.append(grens[0])
        self.hi.append(grens[1])
        self.geheim.append(geheim)
        return len(self.namen) - 1

    def var_grens(self, tekst: str) -> tuple[int, int]:
        self.var("proef", tekst)
        return self.lo.pop(), self.hi.pop()

    def som(self, delen: list[int], uitkomst: int | None = None, gelijk: int | None = None):
        coef = {i: 1 for i in delen}
        if uitkomst is not None:
            coef[uitkomst] = -1
            self.sommen.append((coef, 0, 0))
        else:
            self.sommen.append((coef, gelijk, gelijk))

    def lid(self, sleutel, totaal: str, tabellen: dict[str, dict[str, str] | None], categorieen):
        """Een verslag van één gemeente; tabellen[dim] None = alleen het totaal."""
        t = self.var((sleutel, "totaal"), totaal)
        cellen = {}
        for dim, tabel in tabellen.items():
            ids = [self.var((sleutel, dim, c), None if tabel is None else tabel[c]) for c in categorieen[dim]]
            cellen.update({(dim, c): i for c, i in zip(categorieen[dim], ids)})
            self.som(ids, uitkomst=t)
        return t, cellen

    def bereik(self) -> dict:
        n = len(self.namen)
        a = np.zeros((len(self.sommen), n))
        for r, (coef, _, _) in enumerate(self.sommen):
            for i, c in coef.items():
                a[r, i] = c
        lc = LinearConstraint(a, [s[1] for s in self.sommen], [s[2] for s in self.sommen])
        uit = {}
        for i in range(n):
            if not self.geheim[i]:
                continue
            grenzen = []
            for teken in (1, -1):
                c = np.zeros(n)
                c[i] = teken
                res = milp(c, constraints=lc, bounds=Bounds(self.lo, self.hi), integrality=np.ones(n))
                assert res.status == 0, res.message
                grenzen.append(round(res.x[i]))
            uit[self.namen[i]] = tuple(grenzen)
        return uit


def teksten_lid(jaar) -> tuple[str, dict]:
    return jaar.totaal.tekst, {dim: None if t.alleen_totaal else {c: cel.tekst for c, cel in t.cellen.items()}
                               for dim, t in jaar.tabellen.items()}


CATS = {"soort": ["s1", "s2", "s3", "s4"], "afdoening": ["a1", "a2", "a3"], "uitkomst": ["u1", "u2", "u3"]}
rij = st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 2))
register = st.lists(rij, max_size=14)


def tel(rijen) -> dict[str, dict[str, int]]:
    uit = {dim: {c: 0 for c in cats} for dim, cats in CATS.items()}
    for s, a, u in rijen:
        uit["soort"][CATS["soort"][s]] += 1
        uit["afdoening"][CATS["afdoening"][a]] += 1
        uit["uitkomst"][CATS["uitkomst"][u]] += 1
    return uit


def vast(bereik: dict) -> list:
    return [k for k, (lo, hi) in bereik.items() if lo == hi]


@settings(max_examples=60, deadline=None)
@given(register, st.sampled_from([3, 5]))
def test_een_gemeente_geen_cel_vast(rijen, drempel):
    jaar = beveilig_registerjaar(tel(rijen), drempel)
    lezer = Lezer(drempel)
    totaal, tabellen = teksten_lid(jaar)
    lezer.lid("g", totaal, tabellen, CATS)
    assert vast(lezer.bereik()) == []


@settings(max_examples=25, deadline=None)
@given(st.lists(register, min_size=4, max_size=4), st.lists(register, min_size=4, max_size=4))
def test_regio_van_vier_twee_jaren_geen_cel_vast(jaar1, jaar2):
    drempel = 5
    lezer = Lezer(drempel)
    for jaar, registers in ((1, jaar1), (2, jaar2)):
        tellingen = {f"lid{i}": tel(r) for i, r in enumerate(registers)}
        regio = beveilig_regio(tellingen, drempel)
        per_lid = {}
        for lid, beveiligd in regio.leden.items():
            # het verslag van het lid is hetzelfde als alleen gemaakt
            assert beveiligd == beveilig_registerjaar(tellingen[lid], drempel)
            totaal, tabellen = teksten_lid(beveiligd)
            per_lid[lid] = lezer.lid((jaar, lid), totaal, tabellen, CATS)
        for dim, cellen in regio.cellen.items():
            for c, cel in cellen.items():
                r = lezer.var((jaar, "regio", dim, c), cel.tekst, lid=False)
                lezer.som([per_lid[lid][1][(dim, c)] for lid in per_lid], uitkomst=r)
        r = lezer.var((jaar, "regio"), regio.totaal.tekst, lid=False)
        lezer.som([per_lid[lid][0] for lid in per_lid], uitkomst=r)
        if jaar == 1:
            eerste = {lid: (per_lid[lid][0], sum(tellingen[lid]["soort"].values())) for lid in per_lid}
    # De kerncijfertabel van jaar 2 drukt het totaal van jaar 1 zoals het eigen verslag van
    # jaar 1: nooit exacter.
    for lid, (var, n) in eerste.items():
        tekst = totaal_cel(n, drempel).tekst
        assert tekst == beveilig_registerjaar(tel(jaar1[int(lid[-1])]), drempel).totaal.tekst
        nieuw = lezer.var(("trend", lid), tekst)
        lezer.som([var], uitkomst=nieuw)
    assert vast(lezer.bereik()) == []


# --- 2. een lezer die de regel kent ------------------------------------------------------

def uitvoer(tabel) -> tuple:
    return (tabel.totaal.tekst, tabel.alleen_totaal, tuple(sorted((c, cel.tekst) for c, cel in tabel.cellen.items())))


def verborgen_in(tabel, categorieen) -> list[str]:
    if tabel.alleen_totaal:
        return list(categorieen)
    return [c for c, cel in tabel.cellen.items() if cel.onderdrukt]


def verdelingen(m: int, n: int):
    """Alle manieren om n meldingen over m categorieën te verdelen."""
    if m == 1:
        yield (n,)
        return
    for eerste in range(n + 1):
        for rest in verdelingen(m - 1, n - eerste):
            yield (eerste,) + rest


@pytest.mark.parametrize("drempel", [3, 4, 5])
@pytest.mark.parametrize("m", [1, 2, 3, 4, 5])
def test_lezer_die_de_regel_kent_een_tabel(m, drempel):
    cats = [f"c{i}" for i in range(m)]
    groepen: dict[tuple, list] = defaultdict(list)
    for vector in (v for n in range(13) for v in verdelingen(m, n)):
        cellen = dict(zip(cats, vector))
        groepen[uitvoer(beveilig_tabel(cellen, drempel))].append(cellen)
    for gedrukt, tellingen in groepen.items():
        tabel = beveilig_tabel(tellingen[0], drempel)
        for c in verborgen_in(tabel, cats):
            assert len({t[c] for t in tellingen}) >= 2, (gedrukt, c, tellingen)
        if tabel.totaal.onderdrukt:
            assert len({sum(t.values()) for t in tellingen}) >= 2


def test_lezer_die_de_regel_kent_twee_tabellen_met_een_totaal():
    """Twee tabellen (3 en 2 categorieën) die hetzelfde totaal delen, totalen tot 12."""
    drempel = 5
    groepen: dict[tuple, list] = defaultdict(list)
    for n in range(13):
        soort = [v for v in itertools.product(range(n + 1), repeat=3) if sum(v) == n]
        uitkomst = [v for v in itertools.product(range(n + 1), repeat=2) if sum(v) == n]
        for s in soort:
            for u in uitkomst:
                lijnen = {"s": dict(zip("abc", s)), "u": dict(zip("pq", u))}
                jaar = beveilig_registerjaar(lijnen, drempel)
                sleutel = (jaar.totaal.tekst,) + tuple(uitvoer(t) for t in jaar.tabellen.values())
                groepen[sleutel].append(lijnen)
    for gedrukt, tellingen in groepen.items():
        jaar = beveilig_registerjaar(tellingen[0], drempel)
        for dim, tabel in jaar.tabellen.items():
            for c in verborgen_in(tabel, tellingen[0][dim]):
                assert len({t[dim][c] for t in tellingen}) >= 2, (gedrukt, dim, c)


# --- 3. het register uit issue 10, door het hele programma -------------------------------

REGISTER_ISSUE = """\
datum;soort;afdoening;uitkomst;organisatie
01-01-2026;Misbruik van bevoegdheden;Geen maatregel;Gegrond;Leiden
02-02-2026;Lekken en misbruik van informatie;Schriftelijke berisping;Gegrond;Leiden
03-03-2026;Lekken en misbruik van informatie;Geen maatregel;Gegrond;Leiden
01-01-2026;Ongewenste omgangsvormen;Geen maatregel;Nog lopend;Leiderdorp
01-01-2026;Lekken en misbruik van informatie;Ontslag;Nog lopend;Oegstgeest
02-02-2026;Ongewenste omgangsvormen;Ontslag;Ongegrond;Oegstgeest
01-01-2026;Misbruik van bevoegdheden;Ontslag;Gegrond;Zoeterwoude
02-02-2026;Vermoedens van misstanden;Ontslag;Gegrond;Zoeterwoude
03-03-2026;Misbruik van bevoegdheden;Ontslag;Gegrond;Zoeterwoude
"""
LEDEN = {"leiden": "Leiden", "leiderdorp": "Leiderdorp", "oegstgeest": "Oegstgeest", "zoeterwoude": "Zoeterwoude"}
KOPPEN = {"soort": "Naar soort", "afdoening": "Naar afdoening", "uitkomst": "Naar uitkomst"}


rij_deels = st.tuples(st.one_of(st.none(), st.integers(0, 3)), st.one_of(st.none(), st.integers(0, 2)),
                     st.one_of(st.none(), st.integers(0, 2)))


@settings(max_examples=60, deadline=None)
@given(st.lists(rij_deels, max_size=14), st.sampled_from([3, 5]))
def test_rij_niet_ingedeeld_geen_cel_vast(rijen, drempel):
    """Een lege cel in het register telt als 'niet ingedeeld' (issue 12): een extra categorie
    van hetzelfde registerjaar. De lezer ziet die rij zoals hij gedrukt is en weet dat elke
    tabel optelt tot het totaal; ook dan ligt geen verborgen cel vast."""
    from integriteitsplan.domein.jaarcyclus import NIET_INGEDEELD, met_rest

    telling = {dim: {c: 0 for c in cats} for dim, cats in CATS.items()}
    for rij_ in rijen:
        for (dim, cats), k in zip(CATS.items(), rij_):
            if k is not None:
                telling[dim][cats[k]] += 1
    lijnen = {dim: met_rest(cellen, len(rijen)) for dim, cellen in telling.items()}
    jaar = beveilig_registerjaar(lijnen, drempel, totaal=len(rijen))
    lezer = Lezer(drempel)
    totaal, tabellen = teksten_lid(jaar)
    categorieen = {dim: list(lijn) for dim, lijn in lijnen.items()}
    lezer.lid("g", totaal, tabellen, categorieen)
    assert vast(lezer.bereik()) == []
    if any(NIET_INGEDEELD in lijn for lijn in lijnen.values()):
        assert len(rijen) > 0


def stuk(md: str, kop: str) -> str:
    m = re.search(rf"^(#+) [\d.]+ {re.escape(kop)}\s*$", md, re.M)
    assert m, kop
    rest = md[m.end():]
    volgende = re.search(rf"^#{{1,{len(m.group(1))}}} ", rest, re.M)
    return rest[: volgende.start()] if volgende else rest


def md_kop(tekst: str) -> list[str]:
    regels = [r for r in tekst.splitlines() if r.startswith("|")]
    return [c.strip() for c in regels[0].strip().strip("|").split(" | ")] if regels else []


def md_tabel(tekst: str) -> list[list[str]]:
    regels = [r for r in tekst.splitlines() if r.startswith("|")]
    return [[c.strip().replace("**", "") for c in r.strip().strip("|").split(" | ")] for r in regels[2:]]


@pytest.fixture(scope="module")
def verslagen_issue(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("issue10") / "gemeenten"
    for naam in ("leidse-regio", *LEDEN):
        shutil.copytree(GEMEENTEN / naam, map_ / naam)
    (map_ / "leidse-regio" / "jaren" / "2026" / "meldingen-regio.csv").write_text(REGISTER_ISSUE, encoding="utf-8")
    uit = map_.parent / "uit"
    md = {}
    for naam in ("leidse-regio", *LEDEN):
        generate(naam, document="jaarverslag", jaar=2026, formaten=["md"], uitvoer=uit, profielmappen=[map_])
        md[naam] = (uit / naam / "jaarverslag-integriteit-2026.md").read_text(encoding="utf-8")
    return md


def test_register_uit_issue_geen_cel_terug_te_rekenen(verslagen_issue):
    regio_md = verslagen_issue["leidse-regio"]
    lezer = Lezer(5)
    from integriteitsplan.domein import jaarcyclus
    # de categorieën uit de regiotabel; staat die er niet, dan alle namen van de standaardindeling
    categorieen = {dim: [rij[0] for rij in md_tabel(stuk(regio_md, kop)) if rij[0] != "Totaal"]
                   or list(jaarcyclus.categorienamen(jaarcyclus.typologie({}), dim).values())
                   for dim, kop in KOPPEN.items()}
    leden = {}
    for lid, naam in LEDEN.items():
        md = verslagen_issue[lid]
        tabellen = {}
        totaal = None
        for dim, kop in KOPPEN.items():
            tekst = stuk(md, kop)
            m = re.search(r"alleen het totaal: (.+?) meldingen?\.$", tekst, re.M)
            if m:
                tabellen[dim] = None
                totaal = "< 5" if m.group(1).startswith("minder dan") else m.group(1)
            else:
                rijen = {r[0]: r[1] for r in md_tabel(tekst)}
                totaal = rijen.pop("Totaal")
                tabellen[dim] = {c: rijen[c] for c in categorieen[dim]}
        assert "< 5 meldingen" not in md
        leden[lid] = lezer.lid(lid, totaal, tabellen, categorieen)
    for dim, kop in KOPPEN.items():
        kolommen = md_kop(stuk(regio_md, kop))  # een kolom Regio of van een lid kan ontbreken
        for rij in md_tabel(stuk(regio_md, kop)):
            cel = dict(zip(kolommen, rij))
            regiocel = cel.get("Regio", "x")  # zonder kolom staat de som nergens
            if rij[0] == "Totaal":
                r = lezer.var(("regio", dim), regiocel, lid=False)
                lezer.som([leden[lid][0] for lid in LEDEN], uitkomst=r)
                continue
            r = lezer.var(("regio", dim, rij[0]), regiocel, lid=False)
            lezer.som([leden[lid][1][(dim, rij[0])] for lid in LEDEN], uitkomst=r)
            for lid, naam in LEDEN.items():  # de kolommen van de leden = hun eigen verslag
                if naam not in cel:
                    continue
                i = leden[lid][1][(dim, rij[0])]
                assert cel[naam] == "–" or (lezer.lo[i], lezer.hi[i]) == Lezer(5).var_grens(cel[naam]), (lid, dim, rij[0])
    per_gemeente = {r[0]: r[1] for r in md_tabel(stuk(regio_md, "Per gemeente"))}
    for lid, naam in LEDEN.items():
        k = lezer.var(("per gemeente", lid), per_gemeente[naam])
        lezer.som([leden[lid][0]], uitkomst=k)
    r = lezer.var(("regio", "per gemeente"), per_gemeente["Regio"], lid=False)
    lezer.som([leden[lid][0] for lid in LEDEN], uitkomst=r)
    bereik = lezer.bereik()
    assert bereik and vast(bereik) == []


def test_controleer_toont_bereik_per_verborgen_cel(cli):
    uit = cli("controleer", "voorbeeld", "--gemeenten", GEMEENTEN)
    assert "Privacy: verborgen aantallen" in uit.output, uit.output
    regels = [r for r in uit.output.splitlines() if re.match(r"  2026 \w+, .+\((< 5|x|tabel weggelaten)\): \d+ tot en met \d+$", r)]
    assert regels
    for regel in regels:
        lo, hi = map(int, re.findall(r"(\d+) tot en met (\d+)$", regel)[0])
        assert lo < hi, regel


def test_controleer_regio_rekent_met_alle_verslagen(cli):
    uit = cli("controleer", "leidse-regio", "--gemeenten", GEMEENTEN)
    assert re.search(r"2026 Leiden: soort, .+: \d+ tot en met \d+", uit.output), uit.output


def test_controleer_privacylijst_noemt_gemeenten_en_legt_de_streep_uit(cli):
    """Een lid heet zoals in zijn documenten (metadata.gemeente), niet zoals zijn map; een
    weggelaten tabel staat er in woorden, met uitleg boven de lijst."""
    uit = cli("controleer", "leidse-regio", "--gemeenten", GEMEENTEN)
    assert "2026 leiderdorp: " not in uit.output and "2026 Leiderdorp: " in uit.output, uit.output
    uit = cli("controleer", "voorbeeld", "--gemeenten", GEMEENTEN)
    assert "(–)" not in uit.output
    assert ("Tussen haakjes staat wat het verslag toont; 'tabel weggelaten': het verslag toont die\n"
            "indeling niet per categorie, alleen haar totaal, en ook dat is afgeschermd.\n") in uit.output


@settings(max_examples=30, deadline=None)
@given(st.lists(register, min_size=4, max_size=4))
def test_formule_per_lid_gelijk_aan_ilp_over_de_regio(registers):
    """Zonder solver (per lid, formule) en met solver (alles samen) hetzelfde bereik."""
    from integriteitsplan.domein.privacy import bereik_regio, bereik_registerjaar

    from integriteitsplan.domein.privacy.audit import _regio_voegt_niets_toe

    regio = beveilig_regio({f"lid{i}": tel(r) for i, r in enumerate(registers)}, 5)
    assert _regio_voegt_niets_toe(regio)  # dus genereer heeft geen solver nodig
    formule = {(lid, *k): v for lid, jaar in regio.leden.items() for k, v in bereik_registerjaar(jaar, 5).items()}
    ilp = {k if k[1:] != ("totaal",) else (k[0], "totaal"): v for k, v in bereik_regio(regio, 5).items()}
    # de formule kent een cel in een tabel met alleen het totaal als [0, totaal]; de lezer ook
    assert {k: v for k, v in formule.items()} == {(k[0], "totaal") if k[1:] == ("totaal",) else k: v
                                                  for k, v in ilp.items()}
