"""De opdrachtregel zoals een gebruiker hem ziet: teksten, exitcodes en bestanden."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from integriteitsplan.laden import meegeleverde_map


def volledig_profiel() -> dict:
    """Een klein profiel dat alle BIOS-delen dekt en aan alle basisnormen voldoet."""
    from integriteitsplan.controleren.schema.bouwstenen import BASISNORMEN

    return {
        "metadata": {"titel": "Beleidsplan Integriteit", "gemeente": "Toetsdorp", "steller": "HR",
                     "versie": "1.0", "vastgesteld_door": "het college", "datum": "2025-12-01",
                     "looptijd": {"start": 2026, "eind": 2029}, "status": "vastgesteld"},
        "missie_visie": {"missie": "Integer werken is de norm."},
        "waarden_normen": {"basisnormen": {n: {"geregeld": "ja", "geevalueerd": 2025} for n in BASISNORMEN}},
        "maatregelen": {"groepen": [{"id": "g", "naam": "Alles", "maatregelen": [
            {"id": "m", "maatregel": "Dilemmatraining", "status": "lopend"}]}]},
        "incidenten": {"handhaving": "Bij een schending volgt een passende maatregel."},
        "rollen": {"rollen": [{"id": "sec", "naam": "gemeentesecretaris", "taken": ["draagt het beleid uit"]}]},
        "monitoring": {"rapportagecyclus": "Elk jaar een openbaar jaarverslag."},
        "middelen": {"samenhang": "De maatregelen versterken elkaar."},
    }


def schrijf_profiel(map_: Path, naam: str, data: dict) -> None:
    tekst = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).replace("'2025-12-01'", "2025-12-01")
    (map_ / "gemeenten" / naam).mkdir(parents=True)
    (map_ / "gemeenten" / naam / "profiel.yaml").write_text(tekst, encoding="utf-8")


def test_help_is_nederlands(cli):
    uit = cli("--help")
    assert uit.exit_code == 0
    assert uit.output.startswith("Gebruik: integriteitsplan [OPTIES] OPDRACHT [ARGUMENTEN]...\n")
    assert "Opdrachten:" in uit.output and "Toon deze hulp en stop." in uit.output
    uit = cli("genereer", "--help")
    assert uit.exit_code == 0
    assert "integriteitsplan genereer voorbeeld --document jaarplan --jaar 2027" in uit.output


def test_lijst_toont_zoekvolgorde_en_profielen(cli, tmp_path):
    schrijf_profiel(tmp_path, "toetsdorp", volledig_profiel())
    uit = cli("lijst")
    assert uit.exit_code == 0
    regels = uit.output.splitlines()
    assert regels[0] == "Zoekvolgorde:"
    assert regels[1] == f"  1. {tmp_path / 'gemeenten'} (./gemeenten)"
    assert regels[2] == f"  2. {meegeleverde_map()} (meegeleverd)"
    assert any(r.split() == ["toetsdorp", "./gemeenten", "beleidsplan", "2026-2029"] for r in regels)
    assert any(r.split()[:3] == ["voorbeeld", "meegeleverd", "beleidsplan"] for r in regels)


def test_controleer_zonder_bevindingen_geeft_0(cli, tmp_path):
    schrijf_profiel(tmp_path, "toetsdorp", volledig_profiel())
    uit = cli("controleer", "toetsdorp")
    assert uit.exit_code == 0, uit.output
    assert "Geen fouten gevonden." in uit.output
    assert "Waarschuwingen" not in uit.output
    assert "Voldaan: 13 · deels: 0 · niet voldaan: 0 · onbekend: 0 · evaluatie te oud: 0" in uit.output


def test_controleer_met_bevindingen_geeft_1(cli):
    uit = cli("controleer", "voorbeeld")
    assert uit.exit_code == 1, uit.output
    assert "  ✓ Incidenten: Incidenten" in uit.output
    assert "Voldaan: 9 · deels: 2 · niet voldaan: 1 · onbekend: 1 · evaluatie te oud: 2" in uit.output


def test_controleer_waarschuwt_voor_ontbrekend_bios_deel(cli, tmp_path):
    data = volledig_profiel()
    del data["monitoring"]
    schrijf_profiel(tmp_path, "toetsdorp", data)
    uit = cli("controleer", "toetsdorp")
    assert uit.exit_code == 1
    assert ("  toetsdorp/profiel.yaml: het plan behandelt het BIOS-deel 'Monitoring, evaluatie en "
            "rapportage' niet.") in uit.output
    assert "  ✗ Monitoring, evaluatie en rapportage: ontbreekt" in uit.output


def test_genereer_onbekende_gemeente(cli):
    uit = cli("genereer", "voorbeeldstad")
    assert uit.exit_code == 2
    assert uit.output.splitlines()[0] == "Gemeente 'voorbeeldstad' is niet gevonden. Bedoelde u 'voorbeeld'?"
    assert uit.output.splitlines()[1].startswith("Bekende gemeenten: ")
    assert "voorbeeld" in uit.output.splitlines()[1]
    assert "Maak een nieuw profiel met: integriteitsplan nieuw voorbeeldstad" in uit.output
    assert "Traceback" not in uit.output


def test_genereer_schrijft_en_bewaart_handmatige_wijziging(cli, tmp_path):
    uit = cli("genereer", "voorbeeld", "--formaat", "md")
    assert uit.exit_code == 0, uit.output
    doel = tmp_path / "uitvoer" / "voorbeeld" / "beleidsplan-integriteit-2026-2029.md"
    # de ene waarschuwing is 'voorbeeld: true', net als bij controleer
    slot = "1 waarschuwing; zie: integriteitsplan controleer voorbeeld\n"
    assert uit.output == f"geschreven: {Path('uitvoer') / 'voorbeeld' / doel.name}\n" + slot
    origineel = doel.read_bytes()

    uit = cli("genereer", "voorbeeld", "--formaat", "md")
    assert uit.output == f"ongewijzigd: {Path('uitvoer') / 'voorbeeld' / doel.name}\n" + slot

    doel.write_bytes(origineel + "Mijn eigen aanvulling.\n".encode())
    uit = cli("genereer", "voorbeeld", "--formaat", "md")
    assert uit.exit_code == 0
    bewaard = doel.with_name("beleidsplan-integriteit-2026-2029.bewerkt-1.md")
    assert uit.output.splitlines()[1] == (
        f"  Let op: {doel.name} was na de vorige keer aangepast. Die versie is bewaard als {bewaard.name}.")
    assert bewaard.read_bytes().endswith(b"Mijn eigen aanvulling.\n")
    assert doel.read_bytes() == origineel
    # geen tijdelijke bestanden achtergebleven
    assert sorted(p.name for p in doel.parent.iterdir()) == [
        ".integriteitsplan.json", bewaard.name, doel.name]


def test_nieuw_maakt_een_werkend_skelet_en_overschrijft_niet(cli, tmp_path):
    uit = cli("nieuw", "mijn-gemeente")
    assert uit.exit_code == 0, uit.output
    profiel = tmp_path / "gemeenten" / "mijn-gemeente" / "profiel.yaml"
    assert uit.output.splitlines()[0] == f"Nieuw profiel: {profiel}"
    assert "gemeente: Mijn Gemeente" in profiel.read_text(encoding="utf-8")
    assert cli("controleer", "mijn-gemeente").exit_code == 1  # geldig, met waarschuwingen
    uit = cli("genereer", "mijn-gemeente", "--formaat", "md")
    assert uit.exit_code == 0, uit.output
    tekst = (tmp_path / "uitvoer" / "mijn-gemeente" / "beleidsplan-integriteit.md").read_text(encoding="utf-8")
    assert "# 1 Waarden en normen" in tekst and "None" not in tekst

    voor = profiel.read_bytes()
    uit = cli("nieuw", "mijn-gemeente")
    assert uit.exit_code == 2
    assert uit.output.startswith(f"Het profiel {profiel.parent} bestaat al en wordt niet overschreven.")
    assert profiel.read_bytes() == voor


def test_nieuw_naar_voorbeeld_van(cli, tmp_path):
    uit = cli("nieuw", "kopie", "--naar-voorbeeld-van", "voorbeeld")
    assert uit.exit_code == 0, uit.output
    assert (tmp_path / "gemeenten" / "kopie" / "profiel.yaml").read_bytes() == \
        (meegeleverde_map() / "voorbeeld" / "profiel.yaml").read_bytes()
    assert cli("controleer", "kopie").exit_code == 1


def test_nieuw_ongeldige_naam(cli):
    uit = cli("nieuw", "Mijn Gemeente")
    assert uit.exit_code == 2
    assert uit.output == ("'Mijn Gemeente' is geen geldige profielnaam: gebruik kleine letters, cijfers, - en _, "
                          "bijvoorbeeld 'leiden' of 'west-betuwe'.\n")


def test_schema_is_geldig_json_schema_en_klopt_met_de_profielen(cli):
    import jsonschema

    uit = cli("schema")
    assert uit.exit_code == 0
    schema = json.loads(uit.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=None)
    for profiel in sorted(meegeleverde_map().glob("*/profiel.yaml")):
        data = yaml.safe_load(profiel.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))  # datums als tekst, zoals een editor ze ziet
        # ook de leden van de regio (met 'basis'): het schema eist daar niets wat de basis aanvult
        assert [f.message for f in validator.iter_errors(data)] == [], profiel
    leden = [p for p in meegeleverde_map().glob("*/profiel.yaml") if "basis" in yaml.safe_load(p.read_text("utf-8"))]
    assert {p.parent.name for p in leden} >= {"leiden", "leiderdorp", "oegstgeest", "zoeterwoude"}


def test_schema_lidvorm_alleen_id_verplicht(cli):
    """Met 'basis' mag een punt van een lijst alleen een id hebben; zonder id, of zonder basis
    met een half punt, keurt het schema het af. Soorten en onbekende sleutels blijven gelden."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(json.loads(cli("schema").output), format_checker=None)
    assert validator.is_valid({"basis": "regio", "rollen": {"rollen": [{"id": "functionaris"}]}})
    assert validator.is_valid({"basis": "regio", "metadata": {"steller": "P&O"}})
    assert not validator.is_valid({"basis": "regio", "rollen": {"rollen": [{"wie": "iemand"}]}})
    assert not validator.is_valid({"basis": "regio", "metadata": {"titel": 3}})
    assert not validator.is_valid({"basis": "regio", "metadata": {"tittel": "x"}})
    assert not validator.is_valid({"metadata": {"steller": "P&O"}})
    assert not validator.is_valid({})


def test_meer_gemeenten_gaat_door_na_een_fout(cli, tmp_path):
    schrijf_profiel(tmp_path, "toetsdorp", volledig_profiel())
    uit = cli("genereer", "toetsdorp", "bestaatniet", "--formaat", "md")
    assert uit.exit_code == 1
    assert (tmp_path / "uitvoer" / "toetsdorp" / "beleidsplan-integriteit-2026-2029.md").is_file()
    assert "bestaatniet  beleidsplan   MISLUKT" in uit.output
    assert "1 van de 2 gemeenten mislukt." in uit.output


# ---------------------------------------------------------------- invoer die het programma niet mag breken


def test_geen_getal_als_bedrag(cli, tmp_path):
    data = volledig_profiel()
    data["middelen"]["budget"] = [{"id": "b1", "jaar": 2026, "post": "Training", "bedrag": float("nan")}]
    schrijf_profiel(tmp_path, "toetsdorp", data)
    uit = cli("genereer", "toetsdorp")
    assert uit.exit_code == 2
    assert "middelen.budget[1].bedrag: '.nan' is geen bruikbaar getal" in uit.output


def test_kapot_register_in_de_uitvoermap(cli, tmp_path):
    assert cli("genereer", "voorbeeld", "--formaat", "md").exit_code == 0
    register = tmp_path / "uitvoer" / "voorbeeld" / ".integriteitsplan.json"
    register.write_text("[]", encoding="utf-8")
    uit = cli("genereer", "voorbeeld", "--formaat", "md")
    assert uit.exit_code == 0, uit.output
    assert uit.output.startswith("ongewijzigd:")


def test_uitvoer_is_een_bestand(cli, tmp_path):
    (tmp_path / "bezet").write_text("", encoding="utf-8")
    uit = cli("genereer", "voorbeeld", "--formaat", "md", "--uitvoer", tmp_path / "bezet")
    assert uit.exit_code == 2
    assert f"Ongeldige waarde voor '--uitvoer': Map '{tmp_path / 'bezet'}' is een bestand." in uit.output
    # de map van de gemeente zelf is een bestand
    (tmp_path / "uit").mkdir()
    (tmp_path / "uit" / "voorbeeld").write_text("", encoding="utf-8")
    uit = cli("genereer", "voorbeeld", "--formaat", "md", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 2
    assert uit.output == (f"Kan {tmp_path / 'uit' / 'voorbeeld'} niet schrijven: dat is een bestand, geen map. "
                          "Kies een andere uitvoermap (--uitvoer).\n")


def test_bestanden_volgen_de_umask(cli, tmp_path):
    import os
    import stat

    if os.name != "posix":
        return
    oud = os.umask(0o022)
    try:
        assert cli("genereer", "voorbeeld", "--formaat", "md").exit_code == 0
    finally:
        os.umask(oud)
    pad = tmp_path / "uitvoer" / "voorbeeld" / "beleidsplan-integriteit-2026-2029.md"
    assert stat.S_IMODE(pad.stat().st_mode) == 0o644


def test_gemeente_als_pad_wordt_geweigerd(cli, tmp_path):
    uit = cli("genereer", str(tmp_path / "gemeenten" / "x"))
    assert uit.exit_code == 2
    assert "is geen profielnaam" in uit.output


def test_lijst_gaat_door_bij_een_kapot_profiel(cli, tmp_path):
    schrijf_profiel(tmp_path, "kapot", {"metadata": {"titel": "x", "gemeente": "y", "datum": "gisteren"}})
    uit = cli("lijst")
    assert uit.exit_code == 0, uit.output
    assert "(profiel bevat fouten; zie: integriteitsplan controleer kapot)" in uit.output


# ---------------------------------------------------------------- de jaarcyclus vanaf de opdrachtregel


def test_nieuw_jaar_in_een_eigen_kopie(cli, tmp_path):
    assert cli("nieuw", "mijn-voorbeeld", "--naar-voorbeeld-van", "voorbeeld").exit_code == 0
    uit = cli("nieuw-jaar", "mijn-voorbeeld", "2028")
    assert uit.exit_code == 0, uit.output
    jaarplan = tmp_path / "gemeenten" / "mijn-voorbeeld" / "jaren" / "2028" / "jaarplan.yaml"
    assert uit.output.splitlines()[0] == f"Nieuw jaarplan: {jaarplan}"
    tekst = jaarplan.read_text(encoding="utf-8")
    assert "jaar: 2028" in tekst and "maatregel: " in tekst
    assert cli("controleer", "mijn-voorbeeld").exit_code == 1  # geldig; het voorbeeld heeft bevindingen
    uit = cli("genereer", "mijn-voorbeeld", "--document", "jaarplan", "--jaar", "2028", "--formaat", "md")
    assert uit.exit_code == 0, uit.output
    # een tweede keer overschrijft niets
    voor = jaarplan.read_bytes()
    uit = cli("nieuw-jaar", "mijn-voorbeeld", "2028")
    assert uit.exit_code == 2
    assert uit.output.startswith(f"Het jaarplan {jaarplan} bestaat al en wordt niet overschreven.")
    assert jaarplan.read_bytes() == voor


def test_nieuw_jaarplan_schrijft_leesbare_letters(cli, tmp_path):
    """De namen van de maatregelen staan er zoals in het profiel (financiële, niet
    financi\\u00eble), tussen aanhalingstekens, en het bestand leest terug als dezelfde tekst."""
    import yaml as pyyaml

    from integriteitsplan.domein.maatregelen import maatregelen_van

    assert cli("nieuw", "mijn-voorbeeld", "--naar-voorbeeld-van", "voorbeeld").exit_code == 0
    assert cli("nieuw-jaar", "mijn-voorbeeld", "2028").exit_code == 0
    tekst = (tmp_path / "gemeenten" / "mijn-voorbeeld" / "jaren" / "2028" / "jaarplan.yaml").read_text("utf-8")
    assert "\\u00" not in tekst
    assert 'activiteit: "Regeling financiële belangen' in tekst
    data = pyyaml.safe_load(tekst)
    profiel = pyyaml.safe_load((tmp_path / "gemeenten" / "mijn-voorbeeld" / "profiel.yaml").read_text("utf-8"))
    namen = {m["maatregel"] for m in maatregelen_van(profiel).values()}
    assert data["activiteiten"] and all(a["activiteit"] in namen for a in data["activiteiten"])


def test_nieuw_jaar_op_een_meegeleverd_profiel_legt_uit_wat_te_doen(cli):
    uit = cli("nieuw-jaar", "voorbeeld", "2028")
    assert uit.exit_code == 2
    assert uit.output.splitlines() == [
        "Het profiel 'voorbeeld' hoort bij het programma zelf en kan daar niet worden aangevuld. Maak eerst "
        "een eigen kopie:",
        "  integriteitsplan nieuw mijn-voorbeeld --naar-voorbeeld-van voorbeeld",
        "en maak daarin het nieuwe jaar: integriteitsplan nieuw-jaar mijn-voorbeeld 2028",
    ]


def test_jaarverslag_met_een_fout_in_het_register_schrijft_niets(cli, tmp_path):
    assert cli("nieuw", "mijn-voorbeeld", "--naar-voorbeeld-van", "voorbeeld").exit_code == 0
    register = tmp_path / "gemeenten" / "mijn-voorbeeld" / "jaren" / "2026" / "meldingen.csv"
    regels = register.read_text(encoding="utf-8-sig").splitlines()
    velden = regels[3].split(";")
    velden[1] = "fraude"
    regels[3] = ";".join(velden)
    register.write_text("\n".join(regels) + "\n", encoding="utf-8-sig")
    uit = cli("genereer", "mijn-voorbeeld", "--document", "jaarverslag", "--jaar", "2026")
    assert uit.exit_code == 2
    assert "meldingen.csv rij 4, kolom 'soort': de tekst in deze cel is geen bekende soort" in uit.output
    assert "Traceback" not in uit.output
    assert not (tmp_path / "uitvoer").exists()


@pytest.mark.parametrize("gemeente", ["arnhem", "leidse-regio", "voorbeeld", "leiden"])
def test_genereer_telt_dezelfde_waarschuwingen_als_controleer(cli, gemeente):
    """Beide gebruiken de lijst van de bibliotheek (controle.waarschuwingen)."""
    import re as _re

    from integriteitsplan.controle import controleer as controleer_lib
    from integriteitsplan.genereren import bereid_voor

    verwacht = controleer_lib(gemeente).bevindingen
    assert bereid_voor(gemeente).uitslag.waarschuwingen == verwacht
    uit = cli("controleer", gemeente)
    assert f"\nWaarschuwingen ({len(verwacht)}):\n" in uit.output
    uit = cli("genereer", gemeente, "--formaat", "md")
    assert uit.exit_code == 0, uit.output
    telling = _re.search(r"^(\d+) waarschuwing(?:en)?; zie: integriteitsplan controleer ", uit.output, _re.M)
    assert telling and int(telling.group(1)) == len(verwacht)


def test_hulp_en_beschrijving_noemen_alle_documenten_en_formaten(cli):
    import configparser

    kop = " ".join(cli("--help").output.split())
    assert ("Schrijft het Beleidsplan, het Jaarplan en het Jaarverslag Integriteit van een gemeente als Word en "
            "Markdown, en op verzoek als PDF en webpagina (HTML).") in kop
    cfg = configparser.ConfigParser()
    cfg.read(Path(__file__).parent.parent / "setup.cfg", encoding="utf-8")
    beschrijving = cfg["metadata"]["description"]
    assert "Jaarplan" in beschrijving and "Jaarverslag" in beschrijving and "PDF" in beschrijving
    assert "HTML" in beschrijving
    hulp = " ".join(cli("genereer", "--help").output.split())
    assert "Met --regio en 'alle' of 'jaarverslag' komt ook het regionale jaarverslag mee" in hulp


def test_verschillen_knipt_instrumentnamen_niet_af(cli, tmp_path):
    """Lange namen lopen door op de volgende regel, zodat namen die gelijk beginnen te
    onderscheiden zijn; er staat geen afgekapte naam met '…'."""
    uit = cli("verschillen", "leidse-regio", "--formaat", "md", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 0, uit.output
    matrix = uit.output.split("\nInstrumenten:\n", 1)[1].split("\n\n", 1)[0]
    assert "…" not in matrix
    regels = matrix.splitlines()
    for rest in ("Roulatie van functies", "Vier-ogenprincipe"):
        i = regels.index(f"    {rest}")  # het vervolg van de naam, op een eigen regel
        assert regels[i - 1].startswith("  Kwetsbare functies, handelingen en processen:")


def test_genereer_regio_alle_maakt_ook_het_regionale_jaarverslag(cli, tmp_path):
    uit = cli("genereer", "--regio", "leidse-regio", "--document", "alle", "--formaat", "md",
              "--processen", "1", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 0, uit.output
    assert list((tmp_path / "uit" / "leidse-regio").glob("jaarverslag-integriteit-*.md"))
    assert (tmp_path / "uit" / "leiden").is_dir()
