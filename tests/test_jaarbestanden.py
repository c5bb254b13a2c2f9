"""De jaarbestanden als gedocumenteerde invoer (issue 12): ``schema`` per soort bestand, de
gepubliceerde schema's tegen de meegeleverde jaarbestanden en tegen de eigen controle, en
``nieuw-jaar --jaarverslag``."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from integriteitsplan.controleren.schema import SCHEMAS, gepubliceerd
from integriteitsplan.controleren.schemacontrole import Schemacontrole
from integriteitsplan.laden import meegeleverde_map
from integriteitsplan.laden.yamlbestand import lees_yaml

ONGELDIG = Path(__file__).parent / "data" / "ongeldig"
SOORTEN = ["profiel", "jaarplan", "jaarverslag", "kerncijfers"]


def soort_van(pad: Path) -> str:
    return pad.stem if pad.stem in SOORTEN else "profiel"


def als_json(pad: Path):
    """Het bestand zoals een editor het ziet: datums als tekst."""
    return json.loads(json.dumps(yaml.safe_load(pad.read_text(encoding="utf-8")), default=str))


def validator(soort: str):
    return jsonschema.Draft202012Validator(gepubliceerd(soort), format_checker=None)


@pytest.mark.parametrize("soort", SOORTEN)
def test_schema_per_soort(cli, tmp_path, soort):
    uit = cli("schema", soort)
    assert uit.exit_code == 0, uit.output
    schema = json.loads(uit.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == gepubliceerd(soort)
    assert schema["title"] == SCHEMAS[soort]["title"]
    assert cli("schema", soort, "--uitvoer", tmp_path / f"{soort}.json").exit_code == 0
    assert json.loads((tmp_path / f"{soort}.json").read_text(encoding="utf-8")) == schema


def test_schema_zonder_soort_is_het_profiel(cli):
    assert json.loads(cli("schema").output) == gepubliceerd("profiel")
    uit = cli("schema", "jaarrapport")
    assert uit.exit_code == 2
    assert "'jaarrapport' is niet een van 'profiel', 'jaarplan', 'jaarverslag', 'kerncijfers'" in uit.output


JAARBESTANDEN = sorted(p for p in meegeleverde_map().glob("*/jaren/**/*.yaml"))


def test_er_zijn_meegeleverde_jaarbestanden_van_elke_soort():
    assert {soort_van(p) for p in JAARBESTANDEN} == {"jaarplan", "jaarverslag", "kerncijfers"}


@pytest.mark.parametrize("pad", JAARBESTANDEN, ids=lambda p: str(p.relative_to(meegeleverde_map())))
def test_gepubliceerd_schema_keurt_elk_meegeleverd_jaarbestand_goed(pad):
    fouten = [f.message for f in validator(soort_van(pad)).iter_errors(als_json(pad))]
    assert fouten == []


def jaarbestanden_van_de_soorten():
    for pad in sorted(ONGELDIG.glob("*/gemeenten/*/jaren/**/*.yaml")):
        yield pytest.param(pad, id=str(pad.relative_to(ONGELDIG)))
    # het testprofiel van een grote stad: eigen kerncijfers, schattingen, indelingen met totaal
    for pad in sorted((ONGELDIG.parent / "grote-stad").glob("gemeenten/*/jaren/**/*.yaml")):
        yield pytest.param(pad, id=str(pad.relative_to(ONGELDIG.parent)))


GROTE_STAD = sorted((ONGELDIG.parent / "grote-stad").glob("gemeenten/*/jaren/**/*.yaml"))


@pytest.mark.parametrize("pad", GROTE_STAD, ids=lambda p: p.name)
def test_gepubliceerd_schema_keurt_de_jaarbestanden_van_de_grote_stad_goed(pad):
    assert [f.message for f in validator(soort_van(pad)).iter_errors(als_json(pad))] == []


def eens(data_json, data_eigen, soort: str) -> tuple[bool, bool]:
    """(de eigen controle keurt goed, jsonschema keurt goed)."""
    eigen = not Schemacontrole(SCHEMAS[soort]).controleer(data_eigen)
    extern = validator(soort).is_valid(data_json)
    return eigen, extern


@pytest.mark.parametrize("pad", jaarbestanden_van_de_soorten())
def test_eigen_controle_en_jsonschema_zijn_het_eens(pad):
    """Voor elk jaarbestand in tests/data/ongeldig (goed of fout) zeggen de controle van het
    programma en het gepubliceerde schema hetzelfde."""
    eigen, extern = eens(als_json(pad), lees_yaml(pad, pad.name), soort_van(pad))
    assert eigen == extern, f"controle: {eigen}, jsonschema: {extern}"


@pytest.mark.parametrize("soort", ["jaarplan", "jaarverslag", "kerncijfers"])
def test_null_telt_in_beide_als_weggelaten_behalve_waar_het_verplicht_is(soort):
    """Elke sleutel bovenaan leeg (null): een verplichte keuren beide af, een andere keuren
    beide goed; een leeg punt in een lijst keuren beide af."""
    schema = SCHEMAS[soort]
    basis = {"jaar": 2026} if soort != "kerncijfers" else {"kerncijfers": [{"jaar": 2025}]}
    for sleutel in schema["properties"]:
        data = {**basis, sleutel: None}
        verwacht = sleutel not in schema.get("required", [])
        assert eens(data, data, soort) == (verwacht, verwacht), sleutel
    for sleutel, sub in schema["properties"].items():
        if sub.get("type") == "array":
            data = {**basis, sleutel: [None]}
            assert eens(data, data, soort) == (False, False), sleutel


# ---------------------------------------------------------------- nieuw-jaar --jaarverslag


def test_nieuw_jaarverslag_vullen_controleren_en_niet_overschrijven(cli, tmp_path):
    assert cli("nieuw", "kopie", "--naar-voorbeeld-van", "voorbeeld").exit_code == 0
    uit = cli("nieuw-jaar", "kopie", "2027", "--jaarverslag")
    assert uit.exit_code == 0, uit.output
    verslag = tmp_path / "gemeenten" / "kopie" / "jaren" / "2027" / "jaarverslag.yaml"
    assert uit.output.splitlines()[0] == f"Nieuw jaarverslag: {verslag}"
    tekst = verslag.read_text(encoding="utf-8")
    assert tekst.startswith("# Jaarverslag integriteit 2027 van Voorbeeldstad.\n")
    plan = yaml.safe_load((tmp_path / "gemeenten" / "kopie" / "jaren" / "2027" / "jaarplan.yaml").read_text("utf-8"))
    data = yaml.safe_load(tekst)
    ids = [r["activiteit"] for r in data["realisatie"]]
    assert ids[:len(plan["activiteiten"])] == [a["id"] for a in plan["activiteiten"]]
    assert set(ids[len(plan["activiteiten"]):]) == {"a26-04", "a26-09", "a26-12"}  # doorgeschoven uit 2026
    assert all(set(r) == {"activiteit", "resultaat", "toelichting"} for r in data["realisatie"])
    # het register heet zoals in 2026, maar staat er nog niet: de regel wacht tot het er is
    assert data["meldingen"] is None
    assert '\n  # register: "meldingen.csv"\n' in tekst

    # nog niet ingevuld: de controle wijst elk open resultaat aan, als waarschuwing
    uit = cli("controleer", "kopie")
    assert uit.exit_code == 1
    assert "Geen fouten gevonden." in uit.output
    assert uit.output.count("nog in te vullen: het resultaat van activiteit") == len(ids)

    # ingevuld (en het register van 2027 erbij): geldig, en het verslag is te maken
    verslag.write_text(tekst.replace("    resultaat:\n", "    resultaat: gerealiseerd\n")
                       .replace("  # register:", "  register:"), encoding="utf-8")
    shutil.copy(meegeleverde_map() / "voorbeeld" / "jaren" / "2026" / "meldingen.csv", verslag.parent)
    uit = cli("controleer", "kopie")
    assert uit.exit_code in (0, 1), uit.output
    assert "Geen fouten gevonden." in uit.output
    uit = cli("genereer", "kopie", "--document", "jaarverslag", "--jaar", "2027", "--formaat", "md")
    assert uit.exit_code == 0, uit.output

    # nooit overschrijven, ook niet een half ingevuld bestand
    voor = verslag.read_bytes()
    uit = cli("nieuw-jaar", "kopie", "2027", "--jaarverslag")
    assert uit.exit_code == 2
    assert uit.output == (f"Het jaarverslag {verslag} bestaat al en wordt niet overschreven. Vul het bestaande "
                          "bestand verder aan, of verwijder het eerst zelf als u opnieuw wilt beginnen.\n")
    assert verslag.read_bytes() == voor


def test_nieuw_jaarverslag_met_aantallen_zonder_jaarplan(cli, tmp_path):
    """Zonder register en zonder jaarplan: de aantallen per categorie staan klaar (als
    uitleg), en het skelet is zo al geldig."""
    assert cli("nieuw", "dorp").exit_code == 0
    uit = cli("nieuw-jaar", "dorp", "2026", "--jaarverslag")
    assert uit.exit_code == 0, uit.output
    tekst = (tmp_path / "gemeenten" / "dorp" / "jaren" / "2026" / "jaarverslag.yaml").read_text(encoding="utf-8")
    assert "realisatie:" not in tekst.replace("# realisatie:", "")
    assert "#   financieel: 0" in tekst and "jaarcyclus.typologie" in tekst
    uit = cli("controleer", "dorp")
    assert "Geen fouten gevonden." in uit.output, uit.output


def test_nieuw_jaarverslag_legt_de_drempel_van_nu_vast(cli, tmp_path):
    """Het skelet legt de privacydrempel van het profiel vast, met de reden erbij; een later
    verslag toont dat jaar nooit met een lagere drempel (README, Privacy, regel 8)."""
    assert cli("nieuw", "dorp").exit_code == 0
    assert cli("nieuw-jaar", "dorp", "2026", "--jaarverslag").exit_code == 0
    tekst = (tmp_path / "gemeenten" / "dorp" / "jaren" / "2026" / "jaarverslag.yaml").read_text(encoding="utf-8")
    assert "\nprivacydrempel: 5\n" in tekst and "Verlaag hem niet meer" in tekst
    assert yaml.safe_load(tekst)["privacydrempel"] == 5
    profiel = tmp_path / "gemeenten" / "dorp" / "profiel.yaml"
    data = yaml.safe_load(profiel.read_text(encoding="utf-8"))
    data.setdefault("jaarcyclus", {})["privacydrempel"] = 7
    profiel.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert cli("nieuw-jaar", "dorp", "2027", "--jaarverslag").exit_code == 0
    tekst = (tmp_path / "gemeenten" / "dorp" / "jaren" / "2027" / "jaarverslag.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(tekst)["privacydrempel"] == 7


def test_hint_bij_een_ontbrekend_jaarverslag_wijst_naar_wat_helpt(cli):
    uit = cli("genereer", "voorbeeld", "--document", "jaarverslag", "--jaar", "2027")
    assert uit.exit_code == 2
    assert "integriteitsplan nieuw-jaar voorbeeld 2027 --jaarverslag" in uit.output


# ---------------------------------------------------------------- de voorbeelden in de README

README = Path(__file__).parent.parent / "README.md"


def readme_voorbeelden():
    """De YAML-blokken van de README die met '# jaren/...' beginnen: (soort, tekst)."""
    import re

    for blok in re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL):
        eerste = blok.splitlines()[0]
        if eerste.startswith("# jaren/") and "(deel)" not in eerste:
            yield pytest.param(Path(eerste[2:].split()[0]).stem, blok, id=eerste[2:])


@pytest.mark.parametrize(("soort", "tekst"), list(readme_voorbeelden()))
def test_voorbeelden_in_de_readme_zijn_geldig(soort, tekst, tmp_path):
    pad = tmp_path / f"{soort}.yaml"
    pad.write_text(tekst, encoding="utf-8")
    assert Schemacontrole(SCHEMAS[soort]).controleer(lees_yaml(pad, pad.name)) == []
    assert [f.message for f in validator(soort).iter_errors(als_json(pad))] == []


def test_readme_heeft_een_voorbeeld_van_elk_jaarbestand():
    assert sorted(p.values[0] for p in readme_voorbeelden()) == ["jaarplan", "jaarverslag", "kerncijfers"]
    tekst = README.read_text(encoding="utf-8")
    assert "jaarcyclus:\n  typologie:" in tekst
    for soort, patroon in {"jaarplan": "gemeenten/*/jaren/*/jaarplan.yaml",
                           "jaarverslag": "gemeenten/*/jaren/*/jaarverslag.yaml",
                           "kerncijfers": "gemeenten/*/jaren/kerncijfers.yaml"}.items():
        assert f'"./{soort}.schema.json": "{patroon}"' in tekst


# ---------------------------------------------------------------- nog in te vullen


IN_TE_VULLEN = ONGELDIG.parent / "in-te-vullen"
OPEN_A26_02 = ("toetsdorp/jaren/2026/jaarverslag.yaml:10 realisatie[2].resultaat: nog in te vullen: het "
               "resultaat van activiteit 'a26-02' (gerealiseerd, deels, niet of doorgeschoven). Het "
               "jaarverslag 2026 wordt pas gemaakt als het is ingevuld.")


def test_leeg_resultaat_is_een_waarschuwing_bij_controleer(cli, tmp_path):
    gemeenten = tmp_path / "invoer"
    shutil.copytree(IN_TE_VULLEN / "gemeenten", gemeenten)
    uit = cli("controleer", "toetsdorp", "--gemeenten", gemeenten)
    assert uit.exit_code == 1, uit.output
    assert f"  {OPEN_A26_02}\n" in uit.output
    # het beleidsplan en het jaarplan van dat jaar worden gewoon gemaakt
    uit = cli("genereer", "toetsdorp", "--gemeenten", gemeenten, "--document", "jaarplan", "--jaar", "2026",
              "--formaat", "md", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 0, uit.output


def test_leeg_resultaat_is_een_fout_als_dat_jaarverslag_gemaakt_wordt(cli, tmp_path):
    gemeenten = tmp_path / "invoer"
    shutil.copytree(IN_TE_VULLEN / "gemeenten", gemeenten)
    uit = cli("genereer", "toetsdorp", "--gemeenten", gemeenten, "--document", "jaarverslag", "--jaar", "2026",
              "--formaat", "md", "--uitvoer", tmp_path / "uit")
    assert uit.exit_code == 2
    assert uit.output == ("Het jaarverslag 2026 is nog niet af: 1 veld is nog in te vullen:\n"
                          f"  {OPEN_A26_02}\n"
                          "Er is niets geschreven. Herstel de fouten en probeer het opnieuw.\n")
    assert not (tmp_path / "uit").exists()


def test_in_te_vullen_jaarverslag_is_geldig_voor_beide_schemas():
    pad = IN_TE_VULLEN / "gemeenten" / "toetsdorp" / "jaren" / "2026" / "jaarverslag.yaml"
    assert eens(als_json(pad), lees_yaml(pad, pad.name), "jaarverslag") == (True, True)


def test_skelet_van_een_jaarverslag_houdt_andere_jaren_niet_tegen(cli, tmp_path):
    """nieuw-jaar --jaarverslag zet lege resultaten klaar: controleer wijst ze aan, het
    jaarverslag van vorig jaar en het volgende jaarplan worden gewoon gemaakt."""
    assert cli("nieuw", "kopie", "--naar-voorbeeld-van", "voorbeeld").exit_code == 0
    assert cli("nieuw-jaar", "kopie", "2027", "--jaarverslag").exit_code == 0
    skelet = tmp_path / "gemeenten" / "kopie" / "jaren" / "2027" / "jaarverslag.yaml"
    uit = cli("controleer", "kopie")
    assert uit.exit_code == 1, uit.output
    assert uit.output.count("nog in te vullen: het resultaat van activiteit") == \
        skelet.read_text(encoding="utf-8").count("    resultaat:\n")
    uit = cli("genereer", "kopie", "--document", "jaarverslag", "--jaar", "2026", "--formaat", "md")
    assert uit.exit_code == 0, uit.output
    uit = cli("genereer", "kopie", "--document", "jaarverslag", "--jaar", "2027", "--formaat", "md")
    assert uit.exit_code == 2
    assert uit.output.startswith("Het jaarverslag 2027 is nog niet af: ")
    assert cli("nieuw-jaar", "kopie", "2028").exit_code == 0
