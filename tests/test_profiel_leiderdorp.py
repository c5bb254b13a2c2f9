"""Het meegeleverde profiel van Leiderdorp, naar het (ongedateerde) document Integriteitsbeleid
van de gemeente Leiderdorp, dat deel uitmaakt van het regionale beleid van de Leidse regio.

Wat hier getoetst wordt: het gemaakte plan heeft dezelfde zes genummerde hoofdstukken als
het Leiderdorpse document, in dezelfde volgorde; de elf instrumenten staan als eigen
paragraaf in de volgorde van het document; de zeven kernwaarden in de ik-vorm staan erin;
en de feiten (regelingen, jaartallen, rollen, meldpunt) komen terug in Markdown, Word en
PDF. De verwachte waarden staan in deze test zelf.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import docx_tekst, in_volgorde, KOP, koppen_in_pdf, maak_plan, naar_pdf, pdf_tekst

NAAM = "leiderdorp"
BESTAND = "beleidsplan-integriteit-2025"

# De genummerde hoofdstukken van het Leiderdorpse document, in volgorde.
HOOFDSTUKKEN = [
    "Inleiding",
    "Definitie en doelstelling",
    "Waarden en normen",
    "Rollen en verantwoordelijkheden",
    "Invoering, borging en handhaving",
    "Monitoren en evalueren",
]

# De paragrafen zoals integriteitsplan ze maakt. Waar het document een eigen titel heeft
# die de motor voor een standaardonderdeel niet kan overnemen, staat die erachter.
PARAGRAFEN = [
    ("2.1", "Wat is integriteit?"),
    ("2.2", "Doelstelling integriteitsbeleid"),
    ("3.1", "Kernwaarden van de gemeente Leiderdorp"),
    ("3.2", "Integriteitsinstrumenten"),
    ("3.3", "Wettelijk kader"),
    ("4.1", "Bestuurlijk"),
    ("4.2", "Ambtelijk"),
    ("4.3", "Uitvoering"),
    ("4.4", "Regionaal"),
    ("4.5", "Besluitvorming in de Leidse regio"),
    ("5.1", "Invoering en borging"),
    ("5.2", "Handhaving"),
    ("6.1", "Rapportagecyclus"),  # document: Monitoren
    ("6.2", "Evaluatie"),  # document: Evalueren
]

# De elf instrumenten (naar de basisnormen), met de koppen van het document.
INSTRUMENTEN = [
    "Beleidsdocument",
    "Gedragscode",
    "Integriteit bij werving en selectie",
    "Kwetsbare functies, handelingen en processen",
    "Afleggen van de eed of belofte",
    "Belangenverstrengeling",
    "Maatregelen gericht op informatiebescherming",
    "Geschenken, giften en diensten",
    "Inkoop- en aanbestedingsprocedure",
    "Vertrouwenspersonen",
    "Meldingsprocedure integriteitsschending, misstand en onregelmatigheid",
]

KERNWAARDEN = ["Vertrouwen", "Respect", "Lef", "Bevlogen", "Eigenaarschap", "Nieuwsgierig", "Behulpzaam"]

# Per laag de rollen uit hoofdstuk 4, in de volgorde van het plan.
ROLLEN = {
    "Bestuurlijk": ["Burgemeester", "Het college"],
    "Ambtelijk": ["Gemeentesecretaris", "Leidinggevende", "Medewerker", "Ondernemingsraad"],
    "Uitvoering": ["Human Resource Management (HRM)", "Vertrouwenspersoon", "Functionaris integriteit"],
    "Regionaal": ["Centrale vertrouwenspersoon", "Integriteitscoördinator",
                  "Regionale werkgroep integriteit Leidse regio"],
}

KWETSBARE_ACTIVITEITEN = ["innen", "uitbesteden", "uitkeren", "verlenen", "handhaven", "geld", "goederen",
                          "vastgoed", "informatie"]
FACTOREN = ["complexiteit", "veranderingen", "probleemhistorie", "management", "omstandigheden binnen",
            "sociale binding", "persoonlijke situatie"]

# Namen, regelingen, jaartallen en andere feiten uit het document.
FEITEN = [
    "integritas",
    "onbedorven, niet corrupt, onaangetast of onkreukbaar",
    "goed ambtelijk handelen",
    "Centrumregeling bedrijfsvoering Leidse regio",
    "HRM-beleid van IDA",
    "Leiden, Leiderdorp, Oegstgeest en Zoeterwoude",
    "inhuurkrachten en stagiaires",
    "politieke ambtsdragers",
    "'tussen stad en land'",
    "Modelaanpak basisnormen Integriteit",
    "(VNG)", "(IPO)", "(UvW)",
    "VOG-P",
    "personeelshandboek",
    "Frauderisicoanalyse",
    "Vier-ogenprincipe",
    "integriteitsverklaring",
    "persoonsdossier",
    "Regeling IT-apparatuur en elektronische communicatiemiddelen",
    "BIO 7.2.2.2",
    "binnen drie maanden",
    "relatiegeschenken, giften, diensten en honoraria",
    "Inkoop- en Aanbestedingsbeleid Gemeenten Leiden, Leiderdorp, Oegstgeest, en Zoeterwoude 2023",
    "Algemene inkoopvoorwaarden",
    "Regeling Melden Vermoeden integriteitsschending, misstand en onregelmatigheid Leiderdorp 2025",
    "Regeling Melding Vermoeden Integriteitsschending, misstand en onregelmatigheid Leiderdorp 2024",
    "meldpuntintegriteit@leidse-regio.nl",
    "Landelijke Klachtencommissie Ongewenst Gedrag (LKOG) voor de Decentrale Overheid",
    "Huis voor Klokkenluiders",
    "artikel 170 van de Gemeentewet",
    "Organisatiebesluit gemeente Leiderdorp 2024",
    "Meldpunt Integriteit",
    "Platform Bedrijfsvoering",
    "lokaal waar het kan, regionaal waar het meerwaarde heeft",
    "intranet en VSP",
    "HR en Juridische Zaken",
    "van een waarschuwing tot ontslag",
    "Rijksrecherche",
    "In 2025",
    "medewerkertevredenheidsonderzoeken",
    "Ambtenarenwet 2017",
    "art. 359, 360, 361, 363 en 272",
    "art. 162",
    "art. 646 lid 6",
    "art. 2.15",
]

GEDEELD = "de vijf organisaties van de Leidse regio"

BIOS_DEKKING = [
    "✓ Missie en visie: Inleiding, Definitie en doelstelling",
    "✓ Waarden en normen: Definitie en doelstelling, Waarden en normen",
    "✓ Structuur, cultuur en maatregelen: Waarden en normen, Invoering, borging en handhaving",
    "✓ Incidenten: Invoering, borging en handhaving",
    "✓ Rollen, taken en positionering: Rollen en verantwoordelijkheden",
    "✓ Monitoring, evaluatie en rapportage: Monitoren en evalueren",
    "✗ Samenhang en middelen: ontbreekt",
]

# De basisnormentoets zoals het document die onderbouwt. Financiële belangen en
# geschenken zijn 'deels': de gedragscode regelt ze, maar aangewezen functies en
# effecten noemt het document niet, en een centrale registratie wordt nog bekeken.
TOETS = {1: "voldaan", 2: "voldaan", 3: "voldaan", 4: "voldaan", 5: "voldaan", 6: "voldaan", 7: "deels",
         8: "voldaan", 9: "deels", 10: "voldaan", 11: "voldaan", 12: "voldaan", 13: "voldaan"}
# Het begin van de regeling per norm (controleer kort lange namen af).
REGELINGEN = {
    2: "Gedragscode voor medewerkers",
    8: "Regeling IT-apparatuur",
    10: "Beleidsnota Inkoop- en Aanbestedingsbeleid",
    12: "Regeling Melden Vermoeden",
    13: "Regeling Melding Vermoeden",
}

NUMMER = re.compile(r"^(\d+(?:\.\d+)*) (.*)$")
TOETSREGEL = re.compile(r"^\s+(\d+)\s+(.+?)\s{2,}(voldaan|deels|niet voldaan|onbekend)\s+(.*?)\s*$", re.M)


@pytest.fixture(scope="module")
def md(tmp_path_factory) -> str:
    return maak_plan(NAAM, "md", tmp_path_factory.mktemp("leiderdorp-md"), BESTAND).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def docx_pad(tmp_path_factory) -> Path:
    return maak_plan(NAAM, "docx", tmp_path_factory.mktemp("leiderdorp-docx"), BESTAND)


def genummerd(md: str, niveau: int) -> list[tuple[str, str]]:
    """(nummer, titel) van de genummerde koppen op één niveau."""
    uit = []
    for m in KOP.finditer(md):
        treffer = NUMMER.match(m.group(2))
        if len(m.group(1)) == niveau and treffer:
            uit.append((treffer.group(1), treffer.group(2)))
    return uit


def stuk(md: str, kop: str) -> str:
    """De tekst onder een kop tot de volgende kop van hetzelfde of een hoger niveau."""
    m = re.search(rf"^(#+) {re.escape(kop)}\s*$", md, re.M)
    assert m, f"kop '{kop}' niet gevonden"
    niveau = len(m.group(1))
    rest = md[m.end():]
    volgende = re.search(rf"^#{{1,{niveau}}} ", rest, re.M)
    return rest[: volgende.start()] if volgende else rest


# ---------------------------------------------------------------- Markdown


def test_hoofdstukken_gelijk_aan_het_document(md):
    hoofdstukken = genummerd(md, 1)
    assert [titel for _, titel in hoofdstukken] == HOOFDSTUKKEN
    assert [nummer for nummer, _ in hoofdstukken] == [str(i) for i in range(1, 7)]
    assert "Bijlage" not in md and "Voorwoord" not in md


def test_paragrafen(md):
    assert genummerd(md, 2) == PARAGRAFEN


def test_elf_instrumenten_als_eigen_paragraaf_in_volgorde(md):
    onder_32 = [(n, t) for n, t in genummerd(md, 3) if n.startswith("3.2.")]
    assert onder_32 == [(f"3.2.{i}", naam) for i, naam in enumerate(INSTRUMENTEN, 1)]
    inleiding = stuk(md, "3.2 Integriteitsinstrumenten").split("### ")[0]
    assert "elf elementen" in inleiding
    # De opsomming in de inleiding gebruikt de namen uit de lijst van het document.
    assert in_volgorde(inleiding, ["- Beleidsdocument", "- Kwetsbare functies, handelingen en processen benoemen",
                                   "- Afleggen eed of belofte", "- Aandacht voor belangenverstrengeling",
                                   "- Meldingsprocedure bij het (vermoeden van) een integriteitschending"])


def test_zeven_kernwaarden_in_de_ik_vorm(md):
    onder_31 = [(n, t) for n, t in genummerd(md, 3) if n.startswith("3.1.")]
    assert onder_31 == [(f"3.1.{i}", naam) for i, naam in enumerate(KERNWAARDEN, 1)]
    for i, naam in enumerate(KERNWAARDEN, 1):
        tekst = stuk(md, f"3.1.{i} {naam}")
        assert re.search(r"\bik\b", tekst, re.I), f"kernwaarde {naam} staat niet in de ik-vorm"


def test_een_definitie_vanuit_het_latijn(md):
    tekst = stuk(md, "2.1 Wat is integriteit?")
    assert tekst.count("**Integriteit**:") == 1
    assert in_volgorde(tekst, ["**Integriteit**:", "ambtseed", "*integritas*", "goed ambtelijk handelen",
                               "competentie"])


def test_doelstellingen(md):
    tekst = stuk(md, "2.2 Doelstelling integriteitsbeleid")
    assert len(re.findall(r"^1\. ", tekst, re.M)) == 8
    assert "diversiteit en inclusiviteit" in tekst


def test_feiten_staan_in_het_plan(md):
    ontbreekt = [feit for feit in FEITEN if feit not in md]
    assert ontbreekt == []


def test_kwetsbare_activiteiten_en_factoren_bij_instrument_4(md):
    tekst = stuk(md, "3.2.4 Kwetsbare functies, handelingen en processen")
    activiteiten, rest = tekst.split("**De kwetsbaarheid kan toenemen**")
    punten = re.findall(r"^- (\w+)", activiteiten, re.M)
    assert punten == KWETSBARE_ACTIVITEITEN
    assert in_volgorde(rest, FACTOREN)
    assert in_volgorde(rest, ["**Frauderisicoanalyse**", "**Functiescheiding**", "**Roulatie van functies**",
                              "**Vier-ogenprincipe**"])


def test_rollen_per_laag_en_regionaal_gedeeld(md):
    hoofdstuk = stuk(md, "4 Rollen en verantwoordelijkheden")
    lagen = [(n, t) for n, t in genummerd(hoofdstuk, 2)]
    assert [t for _, t in lagen][:4] == list(ROLLEN)
    for (nummer, laag), rollen in zip(lagen, ROLLEN.values()):
        tekst = stuk(md, f"{nummer} {laag}")
        assert [t for _, t in genummerd(tekst, 3)] == rollen
        gedeeld = tekst.count(f"*Gedeeld met:* {GEDEELD}")
        assert gedeeld == (3 if laag == "Regionaal" else 0), laag
    assert "Gemeentewet" in stuk(md, "4.1.1 Burgemeester")
    assert "in één persoon" in stuk(md, "4.4.2 Integriteitscoördinator")


def test_rapportage_vanaf_2025_jaarlijkse_evaluatie_regionaal_en_lokaal(md):
    cyclus = stuk(md, "6.1 Rapportagecyclus")
    assert "In 2025 begint de gemeente met periodiek rapporteren" in cyclus
    assert "ieder jaar openbaar" in cyclus
    assert in_volgorde(cyclus, ["(regionale) integriteitscoördinator", "functionaris integriteit"])
    evaluatie = stuk(md, "6.2 Evaluatie")
    assert "ieder jaar" in evaluatie and "ondernemingsraad" in evaluatie


def test_voorblad_zonder_onbekende_gegevens(md):
    voorblad = md.split("# 1 Inleiding")[0]
    assert voorblad.startswith("# Integriteitsbeleid 2025\n")
    assert "**Gemeente Leiderdorp**" in voorblad
    for veld in ("Steller", "Versie", "Datum", "Looptijd", "Status"):
        assert f"**{veld}:**" not in voorblad
    assert "€" not in md


# ---------------------------------------------------------------- controleer


def test_controleer_toont_dekking_en_basisnormen(cli):
    uit = cli("controleer", NAAM)
    assert uit.exit_code == 1, uit.output
    assert "Geen fouten gevonden." in uit.output
    assert "(meegeleverd)" in uit.output.splitlines()[0]
    for regel in BIOS_DEKKING:
        assert f"  {regel}\n" in uit.output
    for veld in ("steller", "versie", "datum", "looptijd"):
        assert f"(metadata.{veld})" in uit.output
    assert "het BIOS-deel 'Samenhang en middelen' niet" in uit.output
    assert "Basisnormentoets (peiljaar 2025):" in uit.output
    rijen = {int(m.group(1)): (m.group(3), m.group(4)) for m in TOETSREGEL.finditer(uit.output)}
    assert {n: stand for n, (stand, _) in rijen.items()} == TOETS
    for nummer, begin in REGELINGEN.items():
        assert rijen[nummer][1].startswith(begin), (nummer, rijen[nummer])
    assert rijen[4][1].startswith("–")
    assert "Voldaan: 11 · deels: 2 · niet voldaan: 0 · onbekend: 0 · evaluatie te oud: 0" in uit.output


# ---------------------------------------------------------------- Word en PDF


def test_word_bevat_feiten_instrumenten_en_kernwaarden(docx_pad):
    tekst = docx_tekst(docx_pad)
    ontbreekt = [feit for feit in FEITEN + KERNWAARDEN + INSTRUMENTEN if feit not in tekst]
    assert ontbreekt == []
    assert in_volgorde(tekst, INSTRUMENTEN)
    assert in_volgorde(tekst, KERNWAARDEN)


def test_word_koppen(docx_pad):
    import docx

    document = docx.Document(str(docx_pad))

    def koppen(stijl: str) -> list[str]:
        uit = []
        for p in document.paragraphs:
            if p.style.name == stijl:
                m = NUMMER.match(p.text.strip())
                uit.append(m.group(2) if m else p.text.strip())
        return uit

    assert koppen("Heading 1") == HOOFDSTUKKEN
    niveau3 = koppen("Heading 3")
    assert [k for k in niveau3 if k in INSTRUMENTEN] == INSTRUMENTEN
    assert [k for k in niveau3 if k in KERNWAARDEN] == KERNWAARDEN


# Per hoofdstuk een woord dat alleen in de tekst van dat hoofdstuk staat.
KENMERK = ["IDA", "integritas", "Eigenaarschap", "Platform Bedrijfsvoering", "Rijksrecherche",
           "medewerkertevredenheidsonderzoeken"]


def test_pdf_toont_hoofdstukken_in_volgorde(docx_pad, tmp_path):
    tekst = pdf_tekst(naar_pdf(docx_pad, tmp_path)).replace("\u00a0", " ")
    posities = koppen_in_pdf(tekst, HOOFDSTUKKEN)
    assert posities == sorted(posities)
    grenzen = posities + [len(tekst)]
    for i, woord in enumerate(KENMERK):
        assert woord in tekst[grenzen[i]:grenzen[i + 1]], f"'{woord}' niet onder '{HOOFDSTUKKEN[i]}'"
