"""Het plan zoals de gemeente het indeelt: een eigen indeling die een gevuld onderdeel
weglaat, groepen met een eigen letter, rollen met omvang en functionarissen, en --jaar
bij een beleidsplan (issue 12, de kant van het plan)."""
from __future__ import annotations

import shutil
from pathlib import Path

from integriteitsplan.renderen.koppen import kop, nummer_koppen

GELDIG = Path(__file__).parent / "data" / "ongeldig" / "_geldig" / "gemeenten"


def toetsdorp(tmp_path: Path, aanpassen) -> Path:
    """Een kopie van het geldige toetsdorp, met ``aanpassen(tekst) -> tekst`` erop."""
    doel = tmp_path / "invoer"
    shutil.copytree(GELDIG, doel)
    profiel = doel / "toetsdorp" / "profiel.yaml"
    profiel.write_text(aanpassen(profiel.read_text(encoding="utf-8")), encoding="utf-8")
    return doel


def test_indeling_die_een_gevuld_onderdeel_weglaat_geeft_een_waarschuwing(cli, tmp_path):
    gemeenten = toetsdorp(tmp_path, lambda t: t.replace(
        "  missie: Integer werken is de norm.\n",
        "  missie: Integer werken is de norm.\n  visie: Wij spreken elkaar aan.\n"
        "  commitment: Het college staat hierachter.\n"))
    uit = cli("controleer", "toetsdorp", "--gemeenten", gemeenten)
    assert uit.exit_code == 1, uit.output
    assert ("  toetsdorp/profiel.yaml:15 missie_visie.visie: dit is ingevuld, maar het onderdeel 'visie' staat "
            "in geen hoofdstuk van 'indeling' en komt dus niet in het plan. Zet het bij de 'onderdelen' van een "
            "hoofdstuk, of haal de tekst hier weg.") in uit.output.splitlines()
    assert "toetsdorp/profiel.yaml:16 missie_visie.commitment: dit is ingevuld, maar het onderdeel " \
           "'commitment'" in uit.output


def test_indeling_met_alle_gevulde_onderdelen_waarschuwt_niet(cli, tmp_path):
    gemeenten = toetsdorp(tmp_path, lambda t: t.replace(
        "  missie: Integer werken is de norm.\n", "  missie: Integer werken is de norm.\n  visie: Open.\n"
    ).replace("onderdelen: [missie, kernwaarden]", "onderdelen: [missie, visie, kernwaarden]"))
    uit = cli("controleer", "toetsdorp", "--gemeenten", gemeenten)
    assert "staat in geen hoofdstuk" not in uit.output, uit.output


def test_eigen_letter_vervangt_het_nummer():
    md = "\n".join([kop(1, "Maatregelen"), kop(2, "1. Moreel leerproces", eigen_nummer=True),
                    kop(2, "Beschermen"), kop(3, "Sub")])
    assert nummer_koppen(md).splitlines() == ["# 1 Maatregelen", "## 1. Moreel leerproces",
                                              "## 1.2 Beschermen", "### 1.2.1 Sub"]


def test_groep_met_letter_in_het_plan(cli, tmp_path):
    gemeenten = toetsdorp(tmp_path, lambda t: t.replace(
        "      naam: Bewustzijn\n", "      naam: Moreel leerproces\n      letter: \"1\"\n"))
    uit = cli("genereer", "toetsdorp", "--gemeenten", gemeenten, "--formaat", "md", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 0, uit.output
    md = (tmp_path / "uit" / "toetsdorp" / "beleidsplan-integriteit-2026-2029.md").read_text(encoding="utf-8")
    assert "## 1. Moreel leerproces\n" in md
    assert "## 2.2 Regels\n" in md
    assert "2.1 1." not in md


ROLLEN = """
rollen:
  rollen:
    - id: bureau
      naam: Bureau Integriteit
      omvang: ten minste 24 uur per week
      toelichting: Het bureau is het centrale aanspreekpunt.
      functionarissen:
        - naam: Coördinator
          taak: stelt het jaarplan op
        - naam: Onderzoeker
      taken:
        - Adviseert het college
    - id: vp
      naam: Vertrouwenspersoon
      omvang: 0.5
"""


def test_rol_met_omvang_functionarissen_en_aparte_taken(cli, tmp_path):
    gemeenten = toetsdorp(tmp_path, lambda t: t.replace(
        "onderdelen: [missie, kernwaarden]", "onderdelen: [missie, kernwaarden, rollen]") + ROLLEN)
    uit = cli("genereer", "toetsdorp", "--gemeenten", gemeenten, "--formaat", "md", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 0, uit.output
    md = (tmp_path / "uit" / "toetsdorp" / "beleidsplan-integriteit-2026-2029.md").read_text(encoding="utf-8")
    assert "*Omvang:* ten minste 24 uur per week" in md
    assert "*Omvang:* 0,5 fte" in md
    assert "- **Coördinator**: stelt het jaarplan op\n- **Onderzoeker**\n" in md
    assert "Het bureau is het centrale aanspreekpunt.\n\nWie deze rol vervullen:" in md
    assert "Taken:\n\n- Adviseert het college" in md


def test_omvang_van_de_verkeerde_soort(cli, tmp_path):
    gemeenten = toetsdorp(tmp_path, lambda t: t + ROLLEN.replace("omvang: 0.5", "omvang: [24]"))
    uit = cli("controleer", "toetsdorp", "--gemeenten", gemeenten)
    assert uit.exit_code == 2
    assert "rollen.rollen[2].omvang: hier hoort tekst of een getal, maar er staat een lijst" in uit.output


def test_jaar_bij_een_beleidsplan_is_een_gebruiksfout(cli, tmp_path):
    uit = cli("genereer", "voorbeeld", "--jaar", "2026", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 2
    assert uit.output.endswith(
        "Fout: --jaar hoort bij een jaarplan of jaarverslag; het beleidsplan geldt voor zijn hele looptijd. "
        "Laat --jaar weg, of kies --document jaarplan of --document jaarverslag.\n")
    assert not (tmp_path / "uit").exists()


# ---------------------------------------------------------------- de wet van het jaar, de naam uit metadata


def voorbeeld_in(tmp_path: Path, map_naam: str, aanpassen) -> Path:
    from integriteitsplan.laden import meegeleverde_map

    doel = tmp_path / "invoer"
    shutil.copytree(meegeleverde_map() / "voorbeeld", doel / map_naam)
    profiel = doel / map_naam / "profiel.yaml"
    profiel.write_text(aanpassen(profiel.read_text(encoding="utf-8")), encoding="utf-8")
    return doel


def test_plan_van_voor_2020_noemt_de_wet_van_toen(cli, tmp_path):
    # de eigen teksten van het profiel schrijft een gemeente in 2016 zelf zonder '2017'
    gemeenten = voorbeeld_in(tmp_path, "oudstad", lambda t: t.replace(
        "    start: 2026\n    eind: 2029\n", "    start: 2016\n    eind: 2019\n").replace(
        "Ambtenarenwet 2017", "Ambtenarenwet"))
    shutil.rmtree(gemeenten / "oudstad" / "jaren")
    uit = cli("genereer", "oudstad", "--gemeenten", gemeenten, "--formaat", "md", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 0, uit.output
    md = next((tmp_path / "uit" / "oudstad").glob("beleidsplan-*.md")).read_text(encoding="utf-8")
    assert "Ambtenarenwet 2017" not in md
    assert "# Bijlage 3 Ambtenarenwet {" in md or "Bijlage 3 Ambtenarenwet\n" in md
    assert "de artikelen 125quater en 125quinquies" in md
    assert "| art. 4 lid 1 |" not in md


def test_plan_vanaf_2020_noemt_de_ambtenarenwet_2017(cli, tmp_path):
    uit = cli("genereer", "voorbeeld", "--formaat", "md", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 0, uit.output
    md = (tmp_path / "uit" / "voorbeeld" / "beleidsplan-integriteit-2026-2029.md").read_text(encoding="utf-8")
    assert "# Bijlage 3 Ambtenarenwet 2017" in md
    assert "125quater" not in md


def test_jaarplan_gebruikt_de_naam_uit_metadata_niet_de_mapnaam(cli, tmp_path):
    gemeenten = voorbeeld_in(tmp_path, "mapnaam-xyz", lambda t: t)
    uit = cli("genereer", "mapnaam-xyz", "--gemeenten", gemeenten, "--document", "jaarplan", "--jaar", "2027",
              "--formaat", "md", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 0, uit.output
    md = (tmp_path / "uit" / "mapnaam-xyz" / "jaarplan-integriteit-2027.md").read_text(encoding="utf-8")
    assert "Voorbeeldstad" in md
    assert "mapnaam-xyz" not in md
