"""Een aanvaller die alle verslagen van een registerjaar samen leest (issue 10).

De test maakt de echte documenten (Markdown) van willekeurige registers, leest elk gedrukt
getal uit elke tabel, elke zin en de alternatieve tekst van de grafiek, en rekent met een eigen
geheeltallig programma (scipy.optimize.milp), los van de code van het programma, per verborgen
cel het kleinste en grootste aantal uit dat klopt met alles wat gedrukt staat. Ligt een
verborgen cel vast, dan is dat een lek.

Wat de lezer hier weet: "< k" is 1 tot en met k-1; "x" in een kolom van een gemeente is
minstens de drempel; "x" in de kolom Regio, "–" en "ca. N" zeggen niets; een totaal is de som
van zijn cellen (met een rij Niet ingedeeld, ook als die er niet staat); de regio telt haar
leden op; een eigen reeks die dezelfde zaken telt als een categorie (ontslagen en de afdoening
Ontslag) is gelijk aan die cel.

Gevallen: één gemeente over twee opeenvolgende jaren (trendtabel en categorie × jaar), met
gedeeltelijke indeling, een eigen reeks met ``zaken: true`` en schattingen; een regio van vier
met de verslagen van de leden, ook met een lid dat een hogere drempel kiest.
"""
from __future__ import annotations

import datetime
import random
import re
import shutil
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
import yaml

from integriteitsplan import generate

scipy_opt = pytest.importorskip("scipy.optimize")

ROOT = Path(__file__).resolve().parents[1]
GEMEENTEN = ROOT / "gemeenten"
GROTE_STAD = Path(__file__).parent / "data" / "grote-stad" / "gemeenten"
LEDEN = {"leiden": "Leiden", "leiderdorp": "Leiderdorp", "oegstgeest": "Oegstgeest",
         "zoeterwoude": "Zoeterwoude"}
DIMS = {"Soort": "soort", "Afdoening": "afdoening", "Uitkomst": "uitkomst"}
NI = "Niet ingedeeld"
GROOT = 10_000
TELWOORDEN = {"één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
              "acht": 8, "negen": 9, "tien": 10}


# --- lezen ------------------------------------------------------------------------------

def tabellen(md: str) -> list[tuple[list[str], list[list[str]]]]:
    uit, blok = [], []
    for regel in md.splitlines() + [""]:
        if regel.startswith("|"):
            blok.append([c.strip() for c in regel.strip().strip("|").split("|")])
        elif blok:
            if len(blok) > 2:
                uit.append((blok[0], blok[2:]))
            blok = []
    return uit


def drempel_van(md: str) -> int:
    m = re.search(r"< (\d+) betekent 1 tot en met", md)
    return int(m.group(1)) if m else 5


class Lezer:
    """Wat een lezer weet, als lineaire voorwaarden over gehele getallen."""

    def __init__(self):
        self.var: dict[tuple, int] = {}
        self.boven: dict[tuple, tuple[int, int]] = {}
        self.gelijk: list[tuple[dict, int, int]] = []  # (coëfficiënten, laag, hoog)
        self.verborgen: set[tuple] = set()
        self.exact: set[tuple] = set()
        self.dims: dict[tuple, set] = defaultdict(set)  # (gemeente, jaar) -> dimensies

    def v(self, sleutel: tuple) -> int:
        if sleutel not in self.var:
            self.var[sleutel] = len(self.var)
        return self.var[sleutel]

    def cel(self, termen: list[tuple], tekst: str, d: int, regio: bool = False) -> None:
        """Wat ``tekst`` zegt over de som van ``termen``."""
        tekst = tekst.strip().replace("**", "")
        coef = {self.v(t): 1 for t in termen}
        if tekst in ("–", "") or tekst.startswith("ca."):
            return
        if tekst == "x":
            if not regio:
                self.gelijk.append((coef, d, GROOT))
                self.verborgen.update(termen)
            return
        m = re.fullmatch(r"< (\d+)", tekst)
        if m:
            self.gelijk.append((coef, 1, int(m.group(1)) - 1))
            self.verborgen.update(termen)
            return
        n = int(tekst.replace(".", ""))
        self.gelijk.append((coef, n, n))
        if len(termen) == 1:
            self.exact.add(termen[0])

    def zin(self, termen: list[tuple], tekst: str, d: int) -> None:
        m = re.fullmatch(r"minder dan (\w+) meldingen?", tekst)
        if m:
            self.gelijk.append(({self.v(t): 1 for t in termen}, 1, TELWOORDEN[m.group(1)] - 1))
            self.verborgen.update(termen)
            return
        m = re.fullmatch(r"(\d[\d.]*|één|geen) meldingen?", tekst)
        if m:
            n = {"één": 1, "geen": 0}[m.group(1)] if m.group(1) in ("één", "geen") else int(m.group(1).replace(".", ""))
            self.cel(termen, str(n), d)

    def som(self, totaal: tuple, delen: list[tuple]) -> None:
        coef = {self.v(totaal): -1}
        for t in delen:
            coef[self.v(t)] = coef.get(self.v(t), 0) + 1
        self.gelijk.append((coef, 0, 0))

    def bereik(self, sleutel: tuple) -> tuple[int, int]:
        from scipy.optimize import Bounds, LinearConstraint, milp

        n = len(self.var)
        A = np.zeros((len(self.gelijk), n))
        lo, hi = np.zeros(len(self.gelijk)), np.zeros(len(self.gelijk))
        for i, (coef, a, b) in enumerate(self.gelijk):
            for j, c in coef.items():
                A[i, j] = c
            lo[i], hi[i] = a, b
        c = np.zeros(n)
        c[self.var[sleutel]] = 1
        uit = []
        for teken in (1, -1):
            r = milp(teken * c, constraints=LinearConstraint(A, lo, hi), integrality=np.ones(n),
                     bounds=Bounds(0, GROOT))
            assert r.status == 0, f"geen oplossing: de documenten spreken elkaar tegen ({r.message})"
            uit.append(round(teken * r.fun))
        return uit[0], uit[1]


def lees_gemeente(lezer: Lezer, md: str, g: str, jaar: int, reeks_cel: dict[str, tuple]) -> None:
    """Het verslag van gemeente ``g`` over ``jaar``; ``reeks_cel``: label van een eigen reeks ->
    (dimensie, categorie) die dezelfde zaken telt."""
    d = drempel_van(md)
    for kop, rijen in tabellen(md):
        if kop[0] in DIMS and kop[1:] == ["Aantal"]:
            dim = DIMS[kop[0]]
            lezer.dims[(g, jaar)].add(dim)
            for rij in rijen:
                sleutel = (g, jaar, "totaal") if rij[0] == "**Totaal**" else (g, jaar, dim, rij[0])
                lezer.cel([sleutel], rij[1], d)
        elif kop[0] in DIMS and all(k.isdigit() for k in kop[1:]):
            dim = DIMS[kop[0]]
            for i, j in enumerate(kop[1:], 1):
                for rij in rijen:
                    if rij[i] != "–":
                        lezer.dims[(g, int(j))].add(dim)
                    lezer.cel([(g, int(j), dim, rij[0])], rij[i], d)
        elif kop[0] == "Kerncijfer" and all(k.isdigit() for k in kop[1:]):
            for rij in rijen:
                for i, j in enumerate(kop[1:], 1):
                    if rij[0].startswith("Meldingen en vermoedens"):
                        lezer.cel([(g, int(j), "totaal")], rij[i], d)
                    elif rij[0] in reeks_cel:
                        lezer.cel([(g, int(j), *reeks_cel[rij[0]])], rij[i], d)
    m = re.search(rf"In {jaar} kwamen (.+?) binnen van een", md)
    if m:
        lezer.zin([(g, jaar, "totaal")], m.group(1), d)
    alt = re.search(r"!\[(.*?)\]\(", md)
    if alt:
        for deel in alt.group(1).split(";"):
            naam, _, waarden = deel.partition(" per jaar: ")
            naam = naam.replace("Staafdiagram: ", "").strip()
            for j, tekst in re.findall(r"(\d{4}) (ca\. [\d.]*\d|< \d+|x|[\d.]*\d)", waarden):
                if naam == "meldingen":
                    lezer.cel([(g, int(j), "totaal")], tekst, d)
                for label, doel in reeks_cel.items():
                    if naam == label[:1].lower() + label[1:]:
                        lezer.cel([(g, int(j), *doel)], tekst, d)


def zonder_kolom(md: str, kopregel: str) -> list[str]:
    """De leden die alleen hun totaal publiceren en daarom in de tabel met deze kopregel geen
    kolom hebben: uit de zin in dezelfde paragraaf, of uit de zin voor alle tabellen."""
    voor = md[: md.index(kopregel)]
    paragraaf = voor[voor.rindex("\n## "):]
    zin = re.search(r"^(.+?) publice\w+ alleen \w+ totaal[^.]*in deze tabel", paragraaf, re.M) or \
        re.search(r"^(.+?) publice\w+ alleen \w+ totaal[^.]*in de tabellen hierna", voor, re.M)
    return re.split(r", | en ", zin.group(1)) if zin else []


def lees_regio(lezer: Lezer, md: str, jaar: int) -> None:
    d = drempel_van(md)
    for kop, rijen in tabellen(md):
        if kop[0] in DIMS and len(kop) > 1:
            # een kolom Regio die op elke rij 'x' zou tonen, en een lid met alleen een totaal, ontbreken
            met_regio = kop[1] == "Regio"
            dim, leden = DIMS[kop[0]], kop[2:] if met_regio else kop[1:]
            for lid in leden:
                lezer.dims[(lid, jaar)].add(dim)
            # de regiocel telt ook de leden zonder kolom op; de tekst boven de tabel noemt ze
            alle = leden + zonder_kolom(md, "| " + " | ".join(kop) + " |")
            for rij in rijen:
                termen = [(lid, jaar, "totaal") if rij[0] == "**Totaal**" else (lid, jaar, dim, rij[0])
                          for lid in leden]
                if met_regio:
                    lezer.cel([(lid, jaar, "totaal") if rij[0] == "**Totaal**" else (lid, jaar, dim, rij[0])
                               for lid in alle], rij[1], d, regio=True)
                for t, tekst in zip(termen, rij[2:] if met_regio else rij[1:]):
                    lezer.cel([t], tekst, d)
        elif kop == ["Gemeente", "Meldingen"]:
            leden = [r[0] for r in rijen if r[0] != "**Regio**"]
            for rij in rijen:
                termen = ([(lid, jaar, "totaal") for lid in leden] if rij[0] == "**Regio**"
                          else [(rij[0], jaar, "totaal")])
                lezer.cel(termen, rij[1], d, regio=rij[0] == "**Regio**")
        elif kop[:2] == ["Kerncijfer", "Regio"]:
            for rij in rijen:
                if rij[0].startswith("Meldingen en vermoedens"):
                    lezer.cel([(lid, jaar, "totaal") for lid in kop[2:]], rij[1], d, regio=True)
                    for lid, tekst in zip(kop[2:], rij[2:]):
                        lezer.cel([(lid, jaar, "totaal")], tekst, d)
    m = re.search(rf"In {jaar} kwamen in de regio (.+?) binnen", md)
    if m and "niet gepubliceerd" not in m.group(1):
        leden = {k[0] for k in lezer.var if k[1] == jaar}
        lezer.zin([(lid, jaar, "totaal") for lid in sorted(leden)], m.group(1), d)


def sluit(lezer: Lezer, categorieen: dict[str, list[str]]) -> None:
    """Een totaal is de som van zijn cellen, met Niet ingedeeld voor de rest."""
    for (g, jaar), dims in lezer.dims.items():
        for dim in dims:
            lezer.som((g, jaar, "totaal"), [(g, jaar, dim, c) for c in categorieen[dim] + [NI]])


def lekken(lezer: Lezer, echt: dict[tuple, int]) -> list[str]:
    uit = []
    for sleutel in sorted(lezer.verborgen, key=str):
        if sleutel in lezer.exact:
            uit.append(f"{sleutel} staat ergens verborgen en ergens anders exact ({echt.get(sleutel)})")
            continue
        laag, hoog = lezer.bereik(sleutel)
        if laag == hoog:
            uit.append(f"{sleutel} ligt vast op {laag}")
    return uit


# --- maken ------------------------------------------------------------------------------

def categorienamen() -> dict[str, list[str]]:
    from integriteitsplan.domein import jaarcyclus  # alleen de namen van de standaardindeling

    return {dim: [c["naam"] for c in lijst] for dim, lijst in jaarcyclus.typologie({}).items()}


def verdeel(rnd: random.Random, n: int, k: int) -> list[int]:
    uit = [0] * k
    for _ in range(n):
        uit[rnd.randrange(k)] += 1
    return uit


def grote_stad_ronde(rnd: random.Random, map_: Path, uit: Path) -> tuple[Lezer, dict, str]:
    """De grote stad over 2024 en 2025: aantallen met een totaal (deels ingedeeld), ontslagen
    (``zaken: true``) gelijk aan de afdoening Ontslag, soms een schatting."""
    profielmap = map_ / "gemeenten"
    shutil.rmtree(profielmap, ignore_errors=True)
    shutil.copytree(GROTE_STAD, profielmap)
    gs = profielmap / "grotestad"
    profiel = yaml.safe_load((gs / "profiel.yaml").read_text(encoding="utf-8"))
    typ = profiel["jaarcyclus"]["typologie"]
    typ.setdefault("uitkomst", [{"id": "gegrond", "naam": "Gegrond"}, {"id": "ongegrond", "naam": "Ongegrond"},
                                {"id": "lopend", "naam": "Nog lopend"}])
    namen = {dim: [c["naam"] for c in typ[dim]] for dim in ("soort", "afdoening", "uitkomst")}
    (gs / "jaren" / "kerncijfers.yaml").write_text(yaml.safe_dump({"kerncijfers": [
        {"jaar": 2023, "meldingen": rnd.randint(20, 60)}]}), encoding="utf-8")
    echt = {}
    basis = yaml.safe_load((gs / "jaren" / "2025" / "jaarverslag.yaml").read_text(encoding="utf-8"))
    for jaar in (2024, 2025):
        totaal = rnd.choice([rnd.randint(0, 4), rnd.randint(5, 14), rnd.randint(5, 30)])
        meldingen = {"totaal": totaal}
        if jaar == 2024 and rnd.random() < 0.2:  # alleen een geschat totaal, geen indeling
            echt[("G", jaar, "totaal")] = totaal
            verslag = dict(basis, jaar=jaar, meldingen=meldingen, datum=datetime.date(jaar + 1, 3, 10),
                           eigen_cijfers={"ontslagen": rnd.randint(0, 6)}, schattingen=["meldingen"])
            verslag.pop("cijfers", None)
            (gs / "jaren" / str(jaar)).mkdir(parents=True, exist_ok=True)
            (gs / "jaren" / str(jaar) / "jaarverslag.yaml").write_text(
                yaml.safe_dump(verslag, allow_unicode=True), encoding="utf-8")
            continue
        for dim, lijst in typ.items():
            if dim not in namen:
                continue
            ingedeeld = totaal if rnd.random() < 0.6 else rnd.randint(0, totaal)
            delen = verdeel(rnd, ingedeeld, len(lijst))
            meldingen[dim] = {c["id"]: n for c, n in zip(lijst, delen) if n}
            for c, n in zip(lijst, delen):
                echt[("G", jaar, dim, c["naam"])] = n
            echt[("G", jaar, dim, NI)] = totaal - ingedeeld
        if not any(meldingen[dim] for dim in namen):
            meldingen["soort"] = {typ["soort"][0]["id"]: totaal} if totaal else {}
        meldingen = {k: v for k, v in meldingen.items() if v != {}}
        echt[("G", jaar, "totaal")] = totaal
        verslag = dict(basis, jaar=jaar, meldingen=meldingen, datum=datetime.date(jaar + 1, 3, 10),
                       eigen_cijfers={"ontslagen": (meldingen.get("afdoening") or {}).get("ontslag", 0),
                                      "externe_onderzoeken": rnd.randint(0, 9)},
                       schattingen=rnd.choice([[], ["externe_onderzoeken"]]))
        verslag.pop("cijfers", None)
        (gs / "jaren" / str(jaar)).mkdir(parents=True, exist_ok=True)
        (gs / "jaren" / str(jaar) / "jaarverslag.yaml").write_text(
            yaml.safe_dump(verslag, allow_unicode=True), encoding="utf-8")
    lezer = Lezer()
    docs = []
    for jaar in (2024, 2025):
        generate("grotestad", document="jaarverslag", jaar=jaar, formaten=["md"], uitvoer=uit / str(jaar),
                 profielmappen=[profielmap])
        md = (uit / str(jaar) / "grotestad" / f"jaarverslag-integriteit-{jaar}.md").read_text(encoding="utf-8")
        docs.append(md)
        lees_gemeente(lezer, md, "G", jaar, {"Ontslagen na een schending": ("afdoening", "Ontslag")})
    sluit(lezer, namen)
    return lezer, echt, "\n".join(docs)


def voorbeeld_ronde(rnd: random.Random, map_: Path, uit: Path) -> tuple[Lezer, dict]:
    """Voorbeeldstad 2026: een willekeurig register met lege cellen (niet ingedeeld), naast de
    kerncijfers van 2023 tot en met 2025 in tabel en grafiek."""
    namen = categorienamen()
    profielmap = map_ / "gemeenten"
    if not profielmap.exists():
        shutil.copytree(GEMEENTEN / "voorbeeld", profielmap / "voorbeeld")
    echt: dict = defaultdict(int)
    regels = ["datum;soort;afdoening;uitkomst"]
    n = rnd.choice([0, rnd.randint(1, 4), rnd.randint(5, 12), rnd.randint(5, 30)])
    echt[("V", 2026, "totaal")] = n
    for i in range(n):
        rij = {dim: rnd.choice(namen[dim][:5]) if rnd.random() < 0.85 else "" for dim in ("soort", "afdoening", "uitkomst")}
        for dim, naam in rij.items():
            echt[("V", 2026, dim, naam or NI)] += 1
        regels.append(f"{1 + i % 28:02d}-{1 + i % 12:02d}-2026;{rij['soort']};{rij['afdoening']};{rij['uitkomst']}")
    (profielmap / "voorbeeld" / "jaren" / "2026" / "meldingen.csv").write_text("\n".join(regels) + "\n", encoding="utf-8")
    generate("voorbeeld", document="jaarverslag", jaar=2026, formaten=["md"], uitvoer=uit, profielmappen=[profielmap])
    md = (uit / "voorbeeld" / "jaarverslag-integriteit-2026.md").read_text(encoding="utf-8")
    lezer = Lezer()
    lees_gemeente(lezer, md, "V", 2026, {})
    sluit(lezer, {dim: namen[dim] for dim in ("soort", "afdoening", "uitkomst")})
    return lezer, dict(echt)


def test_voorbeeld_register_niets_terug_te_rekenen(tmp_path):
    rnd = random.Random(2026)
    begin, rondes, gevonden = time.perf_counter(), 0, []
    while rondes < 80 and time.perf_counter() - begin < 5:
        lezer, echt = voorbeeld_ronde(rnd, tmp_path / "p", tmp_path / f"u{rondes}")
        gevonden += [f"ronde {rondes}: {lek}" for lek in lekken(lezer, echt)]
        rondes += 1
    assert rondes >= 3
    assert not gevonden, "\n".join(gevonden[:10])


def regio_ronde(rnd: random.Random, map_: Path, uit: Path, drempels: dict[str, int]) -> tuple[Lezer, dict]:
    """De Leidse regio in 2026: een willekeurig gezamenlijk register, het regionale verslag en
    de vier verslagen van de leden."""
    namen = categorienamen()
    profielmap = map_ / "gemeenten"
    if not profielmap.exists():
        for naam in ["leidse-regio", *LEDEN]:
            shutil.copytree(GEMEENTEN / naam, profielmap / naam)
    for lid in LEDEN:
        pad = profielmap / lid / "profiel.yaml"
        tekst = re.sub(r"\n# aanvaller.*", "", pad.read_text(encoding="utf-8"), flags=re.S)
        if lid in drempels:
            tekst += f"\n# aanvaller\njaarcyclus:\n  privacydrempel: {drempels[lid]}\n"
        pad.write_text(tekst, encoding="utf-8")
    echt: dict = defaultdict(int)
    regels = ["datum;soort;afdoening;uitkomst;organisatie"]
    for lid, naam in LEDEN.items():
        n = rnd.choice([0, rnd.randint(1, 4), rnd.randint(5, 12), rnd.randint(5, 25)])
        echt[(naam, 2026, "totaal")] = n
        for i in range(n):
            rij = {}
            for dim in ("soort", "afdoening", "uitkomst"):
                rij[dim] = rnd.choice(namen[dim][:4]) if rnd.random() < 0.9 else ""
                echt[(naam, 2026, dim, rij[dim] or NI)] += 1
            regels.append(f"{1 + i % 28:02d}-0{1 + i % 9}-2026;{rij['soort']};{rij['afdoening']};"
                          f"{rij['uitkomst']};{naam}")
    (profielmap / "leidse-regio" / "jaren" / "2026" / "meldingen-regio.csv").write_text(
        "\n".join(regels) + "\n", encoding="utf-8")
    lezer = Lezer()
    for naam in ["leidse-regio", *LEDEN]:
        generate(naam, document="jaarverslag", jaar=2026, formaten=["md"], uitvoer=uit, profielmappen=[profielmap])
        md = (uit / naam / "jaarverslag-integriteit-2026.md").read_text(encoding="utf-8")
        if naam == "leidse-regio":
            lees_regio(lezer, md, 2026)
        else:
            lees_gemeente(lezer, md, LEDEN[naam], 2026, {})
    sluit(lezer, {dim: namen[dim] for dim in ("soort", "afdoening", "uitkomst")})
    return lezer, dict(echt)


# --- de aanval --------------------------------------------------------------------------

def test_lezer_vindt_een_bekend_lek():
    """De lezer zelf: een tabel met één "< 5" naast een exact totaal en exacte cellen."""
    lezer = Lezer()
    lezer.cel([("G", 1, "totaal")], "9", 5)
    lezer.cel([("G", 1, "soort", "a")], "6", 5)
    lezer.cel([("G", 1, "soort", "b")], "< 5", 5)
    lezer.dims[("G", 1)].add("soort")
    sluit(lezer, {"soort": ["a", "b"]})
    lezer.cel([("G", 1, "soort", NI)], "0", 5)
    assert lekken(lezer, {}) == ["('G', 1, 'soort', 'b') ligt vast op 3"]


def test_grote_stad_twee_jaren_niets_terug_te_rekenen(tmp_path):
    rnd = random.Random(20261130)
    begin, rondes, gevonden = time.perf_counter(), 0, []
    while rondes < 150 and time.perf_counter() - begin < 9:
        lezer, echt, md = grote_stad_ronde(rnd, tmp_path / "p", tmp_path / f"u{rondes}")
        gevonden += [f"ronde {rondes}: {lek}" for lek in lekken(lezer, echt)]
        rondes += 1
    assert rondes >= 5
    assert not gevonden, "\n".join(gevonden[:10])


def test_regio_van_vier_niets_terug_te_rekenen(tmp_path):
    rnd = random.Random(11)
    begin, rondes, gevonden = time.perf_counter(), 0, []
    while rondes < 60 and time.perf_counter() - begin < 9:
        lezer, echt = regio_ronde(rnd, tmp_path / "p", tmp_path / f"u{rondes}", {})
        gevonden += [f"ronde {rondes}: {lek}" for lek in lekken(lezer, echt)]
        rondes += 1
    assert rondes >= 3
    assert not gevonden, "\n".join(gevonden[:10])


def test_regio_weigert_een_lid_met_een_andere_drempel(tmp_path):
    """Leiden met drempel 7 in een regio met drempel 5: de regio zou Leiden anders drukken dan
    Leiden zelf ("6" naast "< 7"). Het regionale verslag wordt niet geschreven."""
    from integriteitsplan.fouten import InvoerFout

    with pytest.raises(InvoerFout, match="privacydrempel van leiden is 7, die van de regio 5"):
        regio_ronde(random.Random(3), tmp_path / "p", tmp_path / "u", {"leiden": 7})
    assert not (tmp_path / "u" / "leidse-regio").exists()


# --- de kleinste voorbeelden ------------------------------------------------------------

def _grote_stad_met(tmp_path: Path, afdoening: dict, ontslagen: int, gelijk_aan: bool = True) -> Path:
    profielmap = tmp_path / "gemeenten"
    shutil.copytree(GROTE_STAD, profielmap)
    gs = profielmap / "grotestad"
    if not gelijk_aan:
        pad = gs / "profiel.yaml"
        pad.write_text(pad.read_text(encoding="utf-8").replace("      gelijk_aan: afdoening.ontslag\n", ""),
                       encoding="utf-8")
    verslag_pad = gs / "jaren" / "2025" / "jaarverslag.yaml"
    verslag = yaml.safe_load(verslag_pad.read_text(encoding="utf-8"))
    verslag["meldingen"]["afdoening"] = afdoening
    verslag["eigen_cijfers"]["ontslagen"] = ontslagen
    verslag_pad.write_text(yaml.safe_dump(verslag, allow_unicode=True), encoding="utf-8")
    return profielmap


def grote_stad_namen() -> dict[str, list[str]]:
    profiel = yaml.safe_load((GROTE_STAD / "grotestad" / "profiel.yaml").read_text(encoding="utf-8"))
    typ = profiel["jaarcyclus"]["typologie"]
    standaard = categorienamen()
    return {dim: [c["naam"] for c in typ[dim]] if dim in typ else standaard[dim]
            for dim in ("soort", "afdoening", "uitkomst")}


def _ontslag_rijen(md: str) -> tuple[str, str, str]:
    afdoening = dict(r[:2] for kop, rijen in tabellen(md) if kop == ["Afdoening", "Aantal"] for r in rijen)
    trend = next(r for kop, rijen in tabellen(md) if kop[0] == "Kerncijfer" for r in rijen
                 if r[0] == "Ontslagen na een schending")
    alt = re.search(r"ontslagen na een schending per jaar: ([^;.]*)", md).group(1)
    return afdoening["Ontslag"], trend[-1], alt


def test_ontslagen_volgen_de_cel_van_de_afdoening(tmp_path):
    """Afdoening: gesprek 2, ontslag 6 van 162 (de rest niet ingedeeld). De tabel drukt
    "< 5" en "x"; stond het eigen cijfer 'ontslagen' er exact (6), dan volgde ook gesprek = 2.
    Met ``gelijk_aan: afdoening.ontslag`` staat het er als "x", in tabel en alternatieve tekst."""
    kaart = _grote_stad_met(tmp_path, {"gesprek": 2, "ontslag": 6}, 6)
    generate("grotestad", document="jaarverslag", jaar=2025, formaten=["md"], uitvoer=tmp_path / "u",
             profielmappen=[kaart])
    md = (tmp_path / "u" / "grotestad" / "jaarverslag-integriteit-2025.md").read_text(encoding="utf-8")
    cel, trend, alt = _ontslag_rijen(md)
    assert (cel, trend) == ("x", "x")
    assert alt.endswith("2025 x")
    assert "x betekent een aantal van 5 of meer" in md
    assert "met x vijf of meer" in md  # het onderschrift van de grafiek
    lezer = Lezer()
    lees_gemeente(lezer, md, "G", 2025, {"Ontslagen na een schending": ("afdoening", "Ontslag")})
    sluit(lezer, grote_stad_namen())
    assert not lekken(lezer, {})


def test_zonder_gelijk_aan_verraadt_de_reeks_de_cel(tmp_path):
    """Het lek zoals het was: zonder ``gelijk_aan`` staat 'ontslagen' exact naast de "x"."""
    kaart = _grote_stad_met(tmp_path, {"gesprek": 2, "ontslag": 6}, 6, gelijk_aan=False)
    generate("grotestad", document="jaarverslag", jaar=2025, formaten=["md"], uitvoer=tmp_path / "u",
             profielmappen=[kaart])
    md = (tmp_path / "u" / "grotestad" / "jaarverslag-integriteit-2025.md").read_text(encoding="utf-8")
    assert _ontslag_rijen(md)[:2] == ("x", "6")
    lezer = Lezer()
    lees_gemeente(lezer, md, "G", 2025, {"Ontslagen na een schending": ("afdoening", "Ontslag")})
    sluit(lezer, grote_stad_namen())
    assert any("Gesprek of waarschuwing') ligt vast op 2" in lek for lek in lekken(lezer, {}))


def test_gelijk_aan_met_een_ander_aantal_is_een_fout(tmp_path):
    from integriteitsplan.fouten import InvoerFout

    kaart = _grote_stad_met(tmp_path, {"gesprek": 2, "ontslag": 6}, 7)
    with pytest.raises(InvoerFout, match=r"ontslagen is 7, maar telt volgens het profiel dezelfde zaken als "
                                         r"afdoening 'ontslag', en die is 6"):
        generate("grotestad", document="jaarverslag", jaar=2025, formaten=["md"], uitvoer=tmp_path / "u",
                 profielmappen=[kaart])


def test_zonder_gelijk_aan_waarschuwt_controleer(tmp_path, cli):
    """Een reeks met zaken: true zonder gelijk_aan, even groot als een verborgen cel: controleer
    waarschuwt met bestand en regel en noemt de categorie."""
    kaart = _grote_stad_met(tmp_path, {"gesprek": 2, "ontslag": 6}, 6, gelijk_aan=False)
    r = cli("controleer", "grotestad", "--gemeenten", kaart)
    assert "jaarverslag.yaml:" in r.output
    assert "gelijk_aan: afdoening.ontslag" in r.output
    assert r.exit_code == 1


def test_controleer_regio_meldt_een_lid_met_een_andere_drempel(tmp_path, cli):
    with pytest.raises(Exception):
        regio_ronde(random.Random(3), tmp_path / "p", tmp_path / "u", {"leiden": 7})
    r = cli("controleer", "leidse-regio", "--gemeenten", tmp_path / "p" / "gemeenten")
    assert "leiden/profiel.yaml:" in r.output and "privacydrempel van leiden is 7" in r.output
    assert r.exit_code != 0


def test_regio_weigert_een_lid_dat_met_een_andere_drempel_gepubliceerd_is(tmp_path):
    """Leiden legt voor 2026 drempel 7 vast, de regio en de profielen hebben 5: het regionale
    verslag zou Leiden met 5 drukken en wordt niet gemaakt; de fout noemt het bestand."""
    profielmap = tmp_path / "p" / "gemeenten"
    for naam in ["leidse-regio", *LEDEN]:
        shutil.copytree(GEMEENTEN / naam, profielmap / naam)
    pad = profielmap / "leiden" / "jaren" / "2026" / "jaarverslag.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("jaar: 2026\n", "jaar: 2026\nprivacydrempel: 7\n", 1),
                   encoding="utf-8")
    with pytest.raises(Exception, match=r"leiden/jaren/2026/jaarverslag\.yaml:\d+.*gepubliceerd met privacydrempel 7"):
        generate("leidse-regio", document="jaarverslag", jaar=2026, formaten=["md"], uitvoer=tmp_path / "u",
                 profielmappen=[profielmap])


def test_een_lagere_drempel_later_verraadt_geen_vorig_jaar(tmp_path):
    """2024 gepubliceerd met drempel 7 ("< 7" voor gesprek 6 en ontslag 6) en die drempel
    vastgelegd in zijn jaarverslag.yaml, daarna de drempel van het profiel naar 5: het verslag
    2025 zet 2024 nog steeds met "< 7" neer, en de lezer legt geen cel vast."""
    kaart = _grote_stad_met(tmp_path, {"gesprek": 6, "ontslag": 6}, 6)
    gs = kaart / "grotestad"
    verslag = yaml.safe_load((gs / "jaren" / "2025" / "jaarverslag.yaml").read_text(encoding="utf-8"))
    verslag.pop("cijfers", None)
    (gs / "jaren" / "2024").mkdir()
    (gs / "jaren" / "2024" / "jaarverslag.yaml").write_text(yaml.safe_dump(
        dict(verslag, jaar=2024, datum=datetime.date(2025, 3, 10), privacydrempel=7), allow_unicode=True),
        encoding="utf-8")
    (gs / "jaren" / "kerncijfers.yaml").write_text(yaml.safe_dump({"kerncijfers": [{"jaar": 2023, "meldingen": 40}]}),
                                                  encoding="utf-8")
    profiel = gs / "profiel.yaml"
    tekst = profiel.read_text(encoding="utf-8")
    profiel.write_text(tekst.replace("jaarcyclus:\n", "jaarcyclus:\n  privacydrempel: 7\n", 1), encoding="utf-8")
    lezer = Lezer()
    for jaar in (2024, 2025):
        generate("grotestad", document="jaarverslag", jaar=jaar, formaten=["md"], uitvoer=tmp_path / str(jaar),
                 profielmappen=[kaart])
        profiel.write_text(tekst, encoding="utf-8")  # na 2024: terug naar drempel 5
        md = (tmp_path / str(jaar) / "grotestad" / f"jaarverslag-integriteit-{jaar}.md").read_text(encoding="utf-8")
        lees_gemeente(lezer, md, "G", jaar, {"Ontslagen na een schending": ("afdoening", "Ontslag")})
    sluit(lezer, grote_stad_namen())
    assert not lekken(lezer, {})
