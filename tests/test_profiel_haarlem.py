"""Het meegeleverde profiel van Haarlem, naar het Beleidsplan Integriteit van april 2016.

Het gemaakte plan moet dezelfde genummerde hoofdstukken hebben als het Haarlemse plan,
in dezelfde volgorde, en de feiten uit dat plan bevatten. De verwachte waarden staan
hieronder in de test zelf. De Word- en PDF-tests draaien zodra de Word-schrijver er is.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import docx_tekst, in_volgorde, koppen, koppen_in_pdf, maak_plan, naar_pdf, pdf_tekst

# De genummerde hoofdstukken van het Haarlemse plan, in volgorde.
HOOFDSTUKKEN = [
    "Inleiding",
    "Visie op Integriteit",
    "Kernwaarden en normen van integriteit",
    "Drie pijlers van actief integriteitsbeleid",
    "Integriteits-infrastructuur",
    "Jaarplan, Evaluatie en Integriteitsjaarverslag",
    "Middelen",
]

# Paragrafen die het profiel met de titels van het plan overneemt (vrije secties).
PARAGRAFEN = {
    "1.1": "Actualisering van het integriteitsbeleid",
    "1.2": "Beleidsplan Integriteit en Integriteitswijzer",
    "2.1": "Professionele identiteit en integriteit",
    "2.2": "Visie op integriteit",
    "2.3": "Vertaling visie op integriteit naar beleidsdoelstellingen",
}

# Drie pijlers met elk drie deelfacetten, in de volgorde van het plan.
PIJLERS = {
    "Pijler 1: Beschermen": ["Risico-inventarisatie", "Preventieve maatregelen", "Kernwaarden & regelgeving"],
    "Pijler 2: (Stimu-)leren": ["Voorbeeldgedrag", "Morele competentie & integriteitsbewustzijn",
                                "Lerende organisatie"],
    "Pijler 3: Handhaven": ["Aanspreken & corrigeren", "Klachten & meldingen", "Sancties & maatregelen"],
}

KERNWAARDEN = ["Zorgvuldigheid", "Verantwoordelijkheid", "Onafhankelijkheid", "Professionaliteit"]

# Per laag de rollen uit hoofdstuk 5 (Integriteits-infrastructuur).
ROLLEN = {
    "Bestuurlijke verantwoordelijkheid": ["Portefeuillehouder integriteit", "College van burgemeester en wethouders"],
    "Ambtelijke verantwoordelijkheid": ["Gemeentesecretaris"],
    "Uitvoering integriteitsbeleid": ["Medewerkers", "Leidinggevenden", "Afdeling HRM", "Virtueel Integriteitsbureau",
                   "Integriteitsambassadeurs", "Vertrouwenspersonen Integriteit & Ongewenste Omgangsvormen",
                   "Meldpunt Integriteit"],
}

# Feiten die in het plan moeten staan: namen, jaartallen, bedragen en regelingen.
FEITEN = [
    "€ 100.000",
    "Vormings- en Opleidingsbudget",
    "onvoorzien",
    "2016-2017",
    "Integriteitsjaarverslag",
    "Integriteitswijzer",
    "Insite",
    "Meldpunt Integriteit",
    "burgers",
    "Nota Integriteit",
    "2002",
    "november 2015",
    "Karssing",
    "Van Gorcum 2007",
    "Regeling Melding Integriteitsschendingen gemeente Haarlem",
    "Regeling Melding Vermoeden Integriteitsschendingen, gemeente Haarlem",
    "Onderzoeksprotocol Integriteitsmeldingen gemeente Haarlem",
    "Onderzoeksprotocol Integriteitsschendingen Gemeente Haarlem",
    "Regeling Integriteitsmeldingen Gemeente Haarlem",
    "Klachtenregeling Ongewenste Omgangsvormen",
    "Ambtseed/Belofte Gemeente Haarlem",
    "Ambtenarenreglement 1995",
    "Toestemming Nevenwerkzaamheden",
    "Gebruik Bedrijfshulpmiddelen",
    "gedragscode voor collegeleden",
    "Train-de-Trainer",
    "wethouder Bedrijfsvoering",
    "gemeentesecretaris/algemeen directeur",
    "Kwaliteit door Integriteit",
]

# De basisnormentoets zoals het plan die onderbouwt: zeven normen met een Haarlemse
# regeling, zes waarover het plan geen regeling noemt.
TOETS = {
    1: "voldaan", 2: "voldaan", 3: "onbekend", 4: "onbekend", 5: "voldaan", 6: "voldaan", 7: "onbekend",
    8: "onbekend", 9: "onbekend", 10: "onbekend", 11: "voldaan", 12: "voldaan", 13: "voldaan",
}
REGELINGEN = {
    1: "Beleidsplan Integriteit gemeente Haarlem",
    2: "Integriteitswijzer",
    5: "Ambtseed/Belofte Gemeente Haarlem",
    6: "Toestemming Nevenwerkzaamheden",
    11: "Regeling Melding Integriteitsschendingen",
    12: "Regeling Melding Vermoeden Integriteitss",
    13: "Onderzoeksprotocol Integriteitsmeldingen",
}

BIOS_DEKKING = [
    "✓ Missie en visie: Visie op Integriteit",
    "✓ Waarden en normen: Kernwaarden en normen van integriteit",
    "✓ Structuur, cultuur en maatregelen: Drie pijlers van actief integriteitsbeleid",
    "✓ Incidenten: Drie pijlers van actief integriteitsbeleid, Integriteits-infrastructuur",
    "✓ Rollen, taken en positionering: Integriteits-infrastructuur",
    "✓ Monitoring, evaluatie en rapportage: Jaarplan, Evaluatie en Integriteitsjaarverslag",
    "✓ Samenhang en middelen: Middelen",
]

NUMMER = re.compile(r"^(\d+(?:\.\d+)*) (.*)$")


@pytest.fixture(scope="module")
def md(tmp_path_factory) -> str:
    return maak_plan("haarlem", "md", tmp_path_factory.mktemp("haarlem-md"), "beleidsplan-integriteit-2016").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def docx_pad(tmp_path_factory) -> Path:
    return maak_plan("haarlem", "docx", tmp_path_factory.mktemp("haarlem-docx"), "beleidsplan-integriteit-2016")


def genummerd(md: str, niveau: int) -> list[tuple[str, str]]:
    """(nummer, titel) van de genummerde koppen op één niveau."""
    uit = []
    for n, tekst in koppen(md):
        m = NUMMER.match(tekst)
        if n == niveau and m:
            uit.append((m.group(1), m.group(2)))
    return uit


# ---------------------------------------------------------------- Markdown


def test_hoofdstukken_zijn_die_van_het_haarlemse_plan(md):
    niveau1 = [tekst for n, tekst in koppen(md) if n == 1]
    assert niveau1[:2] == ["Beleidsplan Integriteit 2016", "Voorwoord"]
    hoofdstukken = genummerd(md, 1)
    assert [titel for _, titel in hoofdstukken] == HOOFDSTUKKEN
    assert [nummer for nummer, _ in hoofdstukken] == [str(i) for i in range(1, 8)]
    assert len(niveau1) == 2 + len(HOOFDSTUKKEN), "geen bijlagen of extra hoofdstukken"


def test_paragrafen_van_inleiding_en_visie(md):
    paragrafen = dict(genummerd(md, 2))
    for nummer, titel in PARAGRAFEN.items():
        assert paragrafen[nummer] == titel


def test_pijlers_en_deelfacetten_als_koppen_in_volgorde(md):
    hoofdstuk4 = md.split("# 4 ")[1].split("\n# 5 ")[0]
    # zoals in de nota: 4.1 de drie strategieën, dan 4.2-4.4 de pijlers met hun deelfacetten
    verwacht = [(2, "4.1 Drie beleidsstrategieën: de pijlers van actief integriteitsbeleid")]
    for i, (pijler, facetten) in enumerate(PIJLERS.items(), 2):
        verwacht.append((2, f"4.{i} {pijler}"))
        verwacht += [(3, f"4.{i}.{j} {facet}") for j, facet in enumerate(facetten, 1)]
    # (dieper dan niveau 3 staan de maatregelen zelf, als koppen zonder nummer)
    assert [k for k in koppen(hoofdstuk4) if k[0] <= 3] == verwacht


def test_kernwaarden_en_definitie(md):
    hoofdstuk3 = md.split("# 3 ")[1].split("\n# 4 ")[0]
    assert [t for n, t in koppen(hoofdstuk3) if n == 3] == [f"3.1.{i} {k}" for i, k in enumerate(KERNWAARDEN, 1)]
    assert hoofdstuk3.count("**Integriteit**:") == 1  # één definitie
    assert "De gedragscode van de gemeente Haarlem heet *Integriteitswijzer*." in hoofdstuk3


def test_rollen_per_laag(md):
    hoofdstuk5 = md.split("# 5 ")[1].split("\n# 6 ")[0]
    verwacht = []
    for i, (laag, rollen) in enumerate(ROLLEN.items(), 1):
        verwacht.append(f"5.{i} {laag}")
        verwacht += [f"5.{i}.{j} {rol}" for j, rol in enumerate(rollen, 1)]
    assert [t for _, t in koppen(hoofdstuk5)] == verwacht
    assert "| Meldpunt Integriteit | meldpunt | Voor medewerkers én burgers." in hoofdstuk5


def test_feiten_staan_in_het_plan(md):
    ontbreekt = [feit for feit in FEITEN if feit not in md]
    assert ontbreekt == []


def test_middelen_en_jaarcyclus(md):
    hoofdstuk6 = md.split("# 6 ")[1].split("\n# 7 ")[0]
    hoofdstuk7 = md.split("# 7 ")[1]
    assert "Voor 2016 is in totaal € 100.000 nodig:" in hoofdstuk7
    assert "| Gemeentebrede integriteitsactiviteiten en opleidingen | € 100.000 |" in hoofdstuk7
    assert "post onvoorzien" in hoofdstuk7
    assert "eerste jaarplan beslaat 2016-2017" in hoofdstuk6
    assert "| Evaluatie en zo nodig actualisering van het integriteitsbeleid |" in hoofdstuk6
    assert "| HRM | Elk jaar |" in hoofdstuk6  # de bijna lege kolom staat in de tekst van de rij
    # bij de breedste tekstkolom, na een streep
    assert "| Integriteitsjaarverslag | Op basis van de evaluatie, vastgesteld door het college en openbaar " \
        "gemaakt — *aan wie: Gemeenteraad en ondernemingsraad* |" in hoofdstuk6


def test_voorblad_alleen_wat_het_plan_noemt(md):
    voorblad = md.split("# Voorwoord")[0]
    assert "**Gemeente Haarlem**" in voorblad
    assert "- **Vastgesteld door:** het college van burgemeester en wethouders" in voorblad
    assert "- **Datum:** april 2016" in voorblad  # zo dateert het plan zichzelf
    for ontbreekt in ("Steller", "Versie", "Looptijd", "Status", "CONCEPT", "VOORBEELD"):
        assert ontbreekt not in voorblad
    assert "*Het college van burgemeester en wethouders*" in md.split("# 1 ")[0]


# ---------------------------------------------------------------- controleer


def test_controleer_toont_dekking_en_toets(cli):
    uit = cli("controleer", "haarlem")
    assert uit.exit_code == 1, uit.output  # geldig, met bevindingen (onbekende normen)
    regels = [r.strip() for r in uit.output.splitlines()]
    for dekking in BIOS_DEKKING:
        assert dekking in regels
    assert "✗" not in uit.output
    assert "Basisnormentoets (peiljaar 2016):" in regels

    toets = {}
    for regel in uit.output.splitlines():
        m = re.match(r"^\s+(\d+)\s+.+?\s{2,}(voldaan|deels|niet voldaan|onbekend)\s+(.*?)\s+(\S+)$", regel)
        if m:
            toets[int(m.group(1))] = (m.group(2), m.group(3))
    assert {nr: stand for nr, (stand, _) in toets.items()} == TOETS
    for nr, regeling in REGELINGEN.items():
        assert toets[nr][1].startswith(regeling)
    assert "Voldaan: 7 · deels: 0 · niet voldaan: 0 · onbekend: 6 · evaluatie te oud: 0" in regels

    for veld in ("steller", "versie", "datum", "looptijd"):
        assert f"(metadata.{veld})" in uit.output
    assert "metadata.vastgesteld_door" not in uit.output


# ---------------------------------------------------------------- Word en PDF


def test_word_bevat_feiten_pijlers_en_deelfacetten(docx_pad):
    tekst = docx_tekst(docx_pad)
    ontbreekt = [feit for feit in FEITEN + KERNWAARDEN if feit not in tekst]
    assert ontbreekt == []
    volgorde = []
    for pijler, facetten in PIJLERS.items():
        volgorde += [pijler, *facetten]
    assert in_volgorde(tekst, volgorde)


def test_word_hoofdstukken_zijn_koppen_van_niveau_1(docx_pad):
    import docx

    document = docx.Document(str(docx_pad))
    koppen1 = [p.text.strip() for p in document.paragraphs if p.style.name == "Heading 1"]
    assert koppen1[0] == "Voorwoord"
    assert [NUMMER.match(k).group(2) if NUMMER.match(k) else k for k in koppen1[1:]] == HOOFDSTUKKEN


# Per hoofdstuk een woord dat alleen in de tekst van dat hoofdstuk staat (niet in de inhoudsopgave).
KENMERK = ["2002", "Karssing", "Insite", "quick", "Virtueel", "ondernemingsraad", "onvoorzien"]


def test_pdf_toont_hoofdstukken_in_volgorde(docx_pad, tmp_path):
    tekst = pdf_tekst(naar_pdf(docx_pad, tmp_path)).replace("\u00a0", " ")
    posities = koppen_in_pdf(tekst, HOOFDSTUKKEN)
    assert posities == sorted(posities)
    # Elke kop staat boven de eigen tekst van het hoofdstuk, vóór de volgende kop.
    grenzen = posities + [len(tekst)]
    for i, woord in enumerate(KENMERK):
        assert woord in tekst[grenzen[i]:grenzen[i + 1]], f"'{woord}' niet onder '{HOOFDSTUKKEN[i]}'"
    assert "€ 100.000" in tekst[posities[-1]:]
