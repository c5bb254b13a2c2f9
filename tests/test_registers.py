"""Registers lezen: CSV en Excel, controle per rij, privacy (AVG) en tellingen."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from integriteitsplan.fouten import InvoerFout
from integriteitsplan.laden.registers import (
    MAX_MELDINGEN,
    Meldingentelling,
    Registerplek,
    Trainingentelling,
    lees_meldingen,
    lees_trainingen,
)

DATA = Path(__file__).parent / "data" / "registers"
ROOT = Path(__file__).parent.parent

HINT = " Een eigen indeling met andere id's zet u in profiel.yaml onder jaarcyclus.typologie.soort."
SOORTEN = "financieel, belangen, informatie, bevoegdheden, omgangsvormen, privesfeer, middelen, misstand, overig"
MELDINGEN_KOLOMMEN = "datum (of jaar), soort, afdoening, uitkomst en eventueel organisatie"


def regels(fout: InvoerFout) -> list[str]:
    return [str(m) for m in fout.meldingen]


def nul(ids: str) -> dict[str, int]:
    return {i.strip(): 0 for i in ids.split(",")}


def csv_bestand(tmp_path: Path, tekst: str, naam: str = "register.csv") -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def xlsx_bestand(tmp_path: Path, rijen: list[list], naam: str = "meldingen.xlsx", blad: str | None = None,
                 eerst_ander_blad: bool = False, begin: int = 1) -> Path:
    import openpyxl

    werkmap = openpyxl.Workbook()
    ws = werkmap.active
    if eerst_ander_blad:
        ws.title = "Toelichting"
        ws["A1"] = "Dit blad is geen register."
        ws = werkmap.create_sheet()
    if blad:
        ws.title = blad
    for i, rij in enumerate(rijen):
        for j, waarde in enumerate(rij, start=1):
            if waarde is not None:
                ws.cell(row=begin + i, column=j, value=waarde)
    pad = tmp_path / naam
    werkmap.save(pad)
    return pad


# ---------------------------------------------------------------- geldige CSV


def test_csv_puntkomma_bom_namen_en_ids_jaarfilter():
    telling = lees_meldingen(DATA / "meldingen_bom.csv", 2026)
    assert isinstance(telling, Meldingentelling)
    assert telling.jaar == 2026
    assert telling.totaal == 4  # de rij van 2025 en de lege rijen tellen niet
    assert telling.per_soort == {**nul(SOORTEN), "financieel": 1, "omgangsvormen": 3}
    assert list(telling.per_soort) == [s.strip() for s in SOORTEN.split(",")]  # volgorde van de typologie
    assert telling.per_afdoening == {**nul("geen, waarschuwing, berisping, schorsing, ontslag, aangifte, lopend"),
                                     "geen": 1, "waarschuwing": 2, "lopend": 1}
    assert telling.per_uitkomst == {"gegrond": 2, "ongegrond": 1, "lopend": 1}
    assert telling.per_organisatie == {} and telling.per_organisatie_soort == {}


def test_jaarfilter_ander_jaar():
    telling = lees_meldingen(DATA / "meldingen_bom.csv", 2025)
    assert telling.totaal == 1
    assert telling.per_soort["belangen"] == 1 and telling.per_afdoening["ontslag"] == 1


def test_csv_cp1252_met_accenten():
    telling = lees_meldingen(DATA / "meldingen_cp1252.csv", 2026)
    assert telling.totaal == 3
    assert telling.per_soort["privesfeer"] == 2  # 'privésfeer' (naam) en 'privesfeer' (id)
    assert telling.per_soort["financieel"] == 1  # 'Financiële schendingen'
    assert telling.per_afdoening["berisping"] == 2 and telling.per_afdoening["aangifte"] == 1


def test_csv_komma_en_kolom_jaar():
    telling = lees_meldingen(DATA / "meldingen_komma.csv", 2026)
    assert telling.totaal == 2
    assert telling.per_soort["informatie"] == 2


def test_csv_sep_regel_van_excel(tmp_path):
    pad = csv_bestand(tmp_path, "sep=;\ndatum;soort;afdoening;uitkomst\n2026-01-01;fraude;geen;gegrond\n")
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert regels(fout.value)[0].startswith("register.csv rij 2, kolom 'soort':")


def test_alleen_kopregel_geeft_nullen():
    telling = lees_meldingen(DATA / "meldingen_alleen_kop.csv", 2026)
    assert telling.totaal == 0
    assert telling.per_soort == nul(SOORTEN)
    assert telling.per_uitkomst == {"gegrond": 0, "ongegrond": 0, "lopend": 0}


def test_eigen_typologie(tmp_path):
    typ = {"soort": [{"id": "geld", "naam": "Geld en goederen"}, {"id": "gedrag", "naam": "Gedrag"}]}
    pad = csv_bestand(tmp_path, "jaar;soort;afdoening;uitkomst\n2026;Geld en goederen;geen;gegrond\n"
                                "2026;GEDRAG;geen;ongegrond\n2026;financieel;geen;gegrond\n")
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026, typ)
    assert regels(fout.value) == ["register.csv rij 4, kolom 'soort': de tekst in deze cel is geen bekende soort; "
                                  "kies uit geld, gedrag." + HINT]
    pad.write_text("jaar;soort;afdoening;uitkomst\n2026;Geld en goederen;geen;gegrond\n2026;GEDRAG;geen;ongegrond\n")
    telling = lees_meldingen(pad, 2026, typ)
    assert telling.per_soort == {"geld": 1, "gedrag": 1}
    assert telling.per_afdoening["geen"] == 2  # afdoening uit de standaard


# ---------------------------------------------------------------- organisatie (regio)


def test_regionaal_register_per_organisatie():
    telling = lees_meldingen(DATA / "meldingen_regio.csv", 2026)
    assert telling.totaal == 3
    assert telling.per_organisatie == {"Gemeente Aa": 2, "Gemeente Bee": 1}  # 'gemeente aa' telt mee bij Aa
    assert telling.per_organisatie_soort["Gemeente Aa"]["financieel"] == 1
    assert telling.per_organisatie_soort["Gemeente Aa"]["belangen"] == 1
    assert telling.per_organisatie_afdoening["Gemeente Bee"]["ontslag"] == 1
    assert telling.per_organisatie_uitkomst["Gemeente Aa"] == {"gegrond": 0, "ongegrond": 2, "lopend": 0}


@pytest.mark.parametrize("organisatie", ["Gemeente Aa", "GEMEENTE AA", " aa "])
def test_organisatiefilter(organisatie):
    telling = lees_meldingen(DATA / "meldingen_regio.csv", 2026, organisatie=organisatie)
    assert telling.totaal == 2
    assert telling.per_soort["financieel"] == 1 and telling.per_soort["belangen"] == 1
    assert telling.per_organisatie == {"Gemeente Aa": 2}


def test_organisatiefilter_negeert_fouten_van_andere_leden(tmp_path):
    pad = csv_bestand(tmp_path, "datum;soort;afdoening;uitkomst;organisatie\n"
                                "2026-01-10;financieel;geen;ongegrond;Aa\n"
                                "2026-01-11;fraude;geen;ongegrond;Bee\n"
                                "31-31-2026;financieel;geen;ongegrond;Bee\n"
                                "2026-01-12;financieel;geen;ongegrond;\n")
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026, organisatie="Aa")
    assert regels(fout.value) == ["register.csv rij 5, kolom 'organisatie': de organisatie is leeg; vul bij elke "
                                  "rij van dit regionale register de organisatie in."]
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)  # zonder filter telt elke rij en dus elke fout
    assert len(fout.value.meldingen) == 2


def test_organisatiefilter_zonder_kolom(tmp_path):
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(DATA / "meldingen_bom.csv", 2026, organisatie="Aa")
    assert "meldingen_bom.csv rij 1: de kolom 'organisatie' ontbreekt; die is nodig om de rijen van Aa te kiezen." \
        in regels(fout.value)


# ---------------------------------------------------------------- trainingen


def test_trainingen_csv():
    telling = lees_trainingen(DATA / "trainingen.csv", 2026)
    assert isinstance(telling, Trainingentelling)
    assert (telling.jaar, telling.sessies, telling.deelnemers) == (2026, 3, 45)
    assert telling.per_training == {
        "Ambtseed en integriteit": {"sessies": 1, "deelnemers": 25},
        "Dilemmatraining": {"sessies": 2, "deelnemers": 20},  # 'dilemmatraining ' en '8,0' tellen mee
    }
    assert telling.per_organisatie == {"Gemeente Aa": {"sessies": 2, "deelnemers": 37},
                                       "Gemeente Bee": {"sessies": 1, "deelnemers": 8}}


def test_trainingen_filters():
    telling = lees_trainingen(DATA / "trainingen.csv", 2025)
    assert (telling.sessies, telling.deelnemers) == (1, 30)
    telling = lees_trainingen(DATA / "trainingen.csv", 2026, organisatie="gemeente bee")
    assert (telling.sessies, telling.deelnemers) == (1, 8)
    assert telling.per_training == {"dilemmatraining": {"sessies": 1, "deelnemers": 8}}


def test_trainingen_fouten_zonder_inhoud_te_herhalen():
    with pytest.raises(InvoerFout) as fout:
        lees_trainingen(DATA / "trainingen_fouten.csv", 2026)
    assert fout.value.args[0].startswith("Het register trainingen_fouten.csv bevat 5 fouten:\n")
    assert regels(fout.value) == [
        "trainingen_fouten.csv rij 2, kolom 'deelnemers': het aantal deelnemers is negatief; vul een heel getal "
        "van 0 of meer in.",
        "trainingen_fouten.csv rij 3, kolom 'deelnemers': dit is geen heel getal; vul het aantal deelnemers in "
        "als heel getal van 0 of meer.",
        "trainingen_fouten.csv rij 4, kolom 'jaar': dit is geen geldig jaartal; schrijf het jaar als 2026.",
        "trainingen_fouten.csv rij 5, kolom 'training': de naam van de training is leeg; vul de naam in.",
        "trainingen_fouten.csv rij 6, kolom 'deelnemers': dit is geen heel getal; vul het aantal deelnemers in "
        "als heel getal van 0 of meer.",
    ]
    tekst = str(fout.value)
    for inhoud in ("-3", "twaalf", "20266", "2,5"):
        assert inhoud not in tekst


# ---------------------------------------------------------------- foute rijen


def test_foute_meldingen_allemaal_tegelijk():
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(DATA / "meldingen_fouten.csv", 2026)
    assert fout.value.args[0].startswith("Het register meldingen_fouten.csv bevat 4 fouten:\n")
    assert regels(fout.value) == [
        f"meldingen_fouten.csv rij 2, kolom 'soort': de tekst in deze cel is geen bekende soort; kies uit {SOORTEN}." + HINT,
        "meldingen_fouten.csv rij 3, kolom 'datum': dit is geen geldige datum; schrijf de datum als 14-03-2026 "
        "of 2026-03-14.",
        f"meldingen_fouten.csv rij 4, kolom 'soort': de tekst in deze cel is geen bekende soort (bedoelde u "
        f"'financieel'?); kies uit {SOORTEN}." + HINT,
        "meldingen_fouten.csv rij 5, kolom 'datum': de datum is leeg; vul de datum van de melding in.",
    ]  # rij 6 heeft een lege uitkomst: die melding telt als niet ingedeeld, geen fout
    assert "31-02" not in str(fout.value)  # een foute datum wordt niet herhaald
    # rij 7 (2025, 'fraude') telt niet mee voor 2026 en geeft dus ook geen fout
    assert not any("rij 7" in r for r in regels(fout.value))


def test_plek_is_gestructureerd():
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(DATA / "meldingen_fouten.csv", 2026, weergavenaam="HR/meldingen.csv")
    plek = fout.value.meldingen[0].plek
    assert isinstance(plek, Registerplek)
    assert (plek.bestand, plek.regel, plek.pad, plek.kolom) == ("HR/meldingen.csv", 2, "soort", 2)
    assert str(plek) == "HR/meldingen.csv rij 2, kolom 'soort'"


def test_lange_tekst_in_vaste_kolom_wordt_niet_herhaald(tmp_path):
    omschrijving = "Medewerker J. de Vries heeft een laptop meegenomen naar huis"
    pad = csv_bestand(tmp_path, f"jaar;soort;afdoening;uitkomst\n2026;{omschrijving};geen;gegrond\n")
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert regels(fout.value) == [f"register.csv rij 2, kolom 'soort': de tekst in deze cel is geen bekende soort; "
                                  f"kies uit {SOORTEN}." + HINT]
    assert "Vries" not in str(fout.value)


def test_foute_jaren_ook_buiten_het_jaar(tmp_path):
    pad = csv_bestand(tmp_path, "datum;jaar;soort;afdoening;uitkomst\n"
                                "14-03-0226;;financieel;geen;gegrond\n"
                                "2025-01-01;2026;financieel;geen;gegrond\n"
                                ";;financieel;geen;gegrond\n"
                                ";2026;financieel;geen;gegrond\n")
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert regels(fout.value) == [
        "register.csv rij 2, kolom 'datum': het jaartal in deze datum klopt niet (vóór 1990 of na 2100); "
        "controleer de datum.",
        "register.csv rij 3, kolom 'jaar': het jaar past niet bij de datum in kolom 'datum'; vul één van beide in, "
        "of maak ze gelijk.",
        "register.csv rij 4, kolom 'datum': de datum is leeg; vul de datum van de melding in (of het jaar in kolom "
        "'jaar').",
    ]


def test_hoogstens_50_fouten(tmp_path):
    rijen = "".join("2026;fraude;geen;gegrond\n" for _ in range(MAX_MELDINGEN + 10))
    pad = csv_bestand(tmp_path, "jaar;soort;afdoening;uitkomst\n" + rijen)
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert fout.value.args[0].startswith(f"Het register register.csv bevat {MAX_MELDINGEN + 10} fouten:")
    assert len(fout.value.meldingen) == MAX_MELDINGEN + 1
    assert str(fout.value.meldingen[-1]) == "... en nog 10 fouten."


# ---------------------------------------------------------------- kolommen en privacy


@pytest.mark.parametrize("kolom", [
    "naam", " Naam ", "Volledige naam", "Naam medewerker", "Voornaam", "Achternaam", "BSN", "bsn-nummer",
    "Burgerservicenummer", "E-mail", "e-mailadres", "Email", "E mail", "Personeelsnummer", "Personeelsnr.",
    "Geboortedatum", "Telefoonnummer", "Adres", "Medewerker", "Melder",
])
def test_identificerende_kolom_geweigerd(tmp_path, kolom):
    pad = csv_bestand(tmp_path, f"datum;soort;{kolom};afdoening;uitkomst\n"
                                "2026-01-01;financieel;Jan Jansen 123456782;geen;gegrond\n")
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    tekst = str(fout.value)
    assert tekst.startswith("Het register register.csv wordt niet gelezen: het bevat kolommen met "
                            "persoonsgegevens (AVG).")
    assert regels(fout.value) == [
        f"register.csv rij 1, kolom '{kolom.strip()}': deze kolom bevat gegevens waarmee mensen te herkennen zijn. "
        "Verwijder de kolom uit dit bestand en bewaar geen persoonsgegevens in het register voor het jaarverslag.",
        f"Dit register heeft alleen deze kolommen nodig: {MELDINGEN_KOLOMMEN}.",
    ]
    assert "Jansen" not in tekst and "123456782" not in tekst


def test_meerdere_identificerende_kolommen_in_excel(tmp_path):
    pad = xlsx_bestand(tmp_path, [["Naam", "E-mailadres", "datum", "soort", "afdoening", "uitkomst", "BSN"],
                                  ["Jan", "jan@example.nl", dt.date(2026, 1, 1), "financieel", "geen", "gegrond",
                                   "123456782"]])
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    namen = [m.plek.pad for m in fout.value.meldingen if m.plek.pad]
    assert namen == ["Naam", "E-mailadres", "BSN"]
    assert "jan@example.nl" not in str(fout.value)


def test_onbekende_kolom_met_voorstel(tmp_path):
    pad = csv_bestand(tmp_path, "datum;Soortt;afdoening;uitkomst;omschrijving\n")
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert fout.value.args[0].startswith("Het register register.csv bevat 3 fouten:")
    assert regels(fout.value) == [
        "register.csv rij 1, kolom 'Soortt': deze kolom is onbekend; bedoelde u 'soort'? Pas dan de kolomnaam aan. "
        f"Anders: verwijder de kolom, want dit register hoort alleen de kolommen {MELDINGEN_KOLOMMEN} te hebben.",
        "register.csv rij 1, kolom 'omschrijving': deze kolom is onbekend. Verwijder de kolom: dit register hoort "
        f"alleen de kolommen {MELDINGEN_KOLOMMEN} te hebben, en een extra kolom (zoals een omschrijving) kan "
        "persoonsgegevens bevatten.",
        "register.csv rij 1: de kolom 'soort' ontbreekt.",
        f"Dit register heeft alleen deze kolommen nodig: {MELDINGEN_KOLOMMEN}.",
    ]


def test_onbekende_kolom_trainingen_voorstel_op_woord(tmp_path):
    pad = csv_bestand(tmp_path, "jaar;naam training;aantal deelnemers\n")
    with pytest.raises(InvoerFout) as fout:
        lees_trainingen(pad, 2026)
    teksten = regels(fout.value)
    assert "bedoelde u 'training'?" in teksten[0]  # 'naam training' is geen persoonsnaam
    assert "bedoelde u 'deelnemers'?" in teksten[1]


def test_ontbrekende_dubbele_en_naamloze_kolommen(tmp_path):
    pad = csv_bestand(tmp_path, "soort;soort;afdoening;;uitkomst\n"
                                "financieel;financieel;geen;;gegrond\n"
                                "financieel;financieel;geen;geheim;gegrond;nog iets\n")
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert regels(fout.value)[:-1] == [
        "register.csv rij 1, kolom 'soort': deze kolom staat meer dan één keer in de kopregel; houd er één over.",
        "register.csv rij 1: kolom D heeft geen naam in de kopregel maar bevat wel gegevens (voor het eerst in "
        f"rij 3). Verwijder die gegevens: dit register hoort alleen de kolommen {MELDINGEN_KOLOMMEN} te hebben.",
        "register.csv rij 1: kolom F heeft geen naam in de kopregel maar bevat wel gegevens (voor het eerst in "
        f"rij 3). Verwijder die gegevens: dit register hoort alleen de kolommen {MELDINGEN_KOLOMMEN} te hebben.",
        "register.csv rij 1: de kolom 'datum' ontbreekt (of 'jaar', als u alleen het jaar bijhoudt).",
    ]
    assert "geheim" not in str(fout.value)


def test_kopnamen_hoofdletters_en_spaties(tmp_path):
    pad = csv_bestand(tmp_path, "  JAAR ;Soort ; Afdoening;UITKOMST\n2026;overig;geen;lopend\n")
    assert lees_meldingen(pad, 2026).per_soort["overig"] == 1


# ---------------------------------------------------------------- Excel


def test_xlsx_echte_datums_en_getallen(tmp_path):
    pad = xlsx_bestand(tmp_path, [
        ["Datum", "Soort", "Afdoening", "Uitkomst", "Organisatie"],
        [dt.datetime(2026, 3, 14), "Financiële schendingen", "geen", "Ongegrond", "Gemeente Aa"],
        [dt.date(2026, 5, 1), "belangen", "Schorsing", "gegrond", "Gemeente Aa"],
        ["14-06-2026", "omgangsvormen", "waarschuwing", "gegrond", "Gemeente Bee"],
        [46100, "overig", "lopend", "lopend", "Gemeente Bee"],  # Excel-datumnummer (2026-03-19)
        [dt.date(2025, 12, 31), "overig", "geen", "gegrond", "Gemeente Bee"],
    ], blad="meldingen", eerst_ander_blad=True, begin=3)
    telling = lees_meldingen(pad, 2026)
    assert telling.totaal == 4
    assert telling.per_soort == {**nul(SOORTEN), "financieel": 1, "belangen": 1, "omgangsvormen": 1, "overig": 1}
    assert telling.per_organisatie == {"Gemeente Aa": 2, "Gemeente Bee": 2}


def test_xlsx_rijnummer_zoals_in_excel(tmp_path):
    rijen = [["datum", "soort", "afdoening", "uitkomst"]]
    rijen += [[dt.date(2026, 1, i), "financieel", "geen", "gegrond"] for i in range(1, 12)]
    rijen += [[None, None, None, None]]  # lege rij in het midden: wordt overgeslagen, telt wel als rij
    rijen += [[dt.date(2026, 2, 1), "fraude", "geen", "gegrond"]]
    pad = xlsx_bestand(tmp_path, rijen, begin=1)
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert regels(fout.value) == [f"meldingen.xlsx rij 14, kolom 'soort': de tekst in deze cel is geen bekende soort; "
                                  f"kies uit {SOORTEN}." + HINT]


def test_xlsx_trainingen_floats(tmp_path):
    pad = xlsx_bestand(tmp_path, [
        ["jaar", "training", "deelnemers"],
        [2026.0, "Dilemmatraining", 3.0],
        [2026, "Dilemmatraining", 12],
        [2026, "Dilemmatraining", 2.5],
        [2026, "Dilemmatraining", -1],
        [dt.date(2026, 1, 1), "Dilemmatraining", 4],
    ], naam="trainingen.xlsx", blad="Trainingen", eerst_ander_blad=True)
    with pytest.raises(InvoerFout) as fout:
        lees_trainingen(pad, 2026)
    assert [(m.plek.regel, m.plek.pad) for m in fout.value.meldingen] == [(4, "deelnemers"), (5, "deelnemers")]
    pad = xlsx_bestand(tmp_path, [["jaar", "training", "deelnemers"], [2026.0, "Dilemmatraining", 3.0],
                                  [2026, "Dilemmatraining", 12]], naam="trainingen.xlsx")
    telling = lees_trainingen(pad, 2026)
    assert (telling.sessies, telling.deelnemers) == (2, 15)


def test_xlsx_foute_datum_niet_herhaald(tmp_path):
    pad = xlsx_bestand(tmp_path, [["datum", "soort", "afdoening", "uitkomst"],
                                  ["32-13-2026", "financieel", "geen", "gegrond"],
                                  [2026, "financieel", "geen", "gegrond"]])
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert regels(fout.value) == [
        "meldingen.xlsx rij 2, kolom 'datum': dit is geen geldige datum; schrijf de datum als 14-03-2026 of "
        "2026-03-14.",
        "meldingen.xlsx rij 3, kolom 'datum': dit is geen geldige datum; schrijf de datum als 14-03-2026 of "
        "2026-03-14.",
    ]
    assert "32-13" not in str(fout.value)


def test_xlsx_leeg_en_alleen_kop(tmp_path):
    pad = xlsx_bestand(tmp_path, [])
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert "het bestand is leeg" in str(fout.value)
    pad = xlsx_bestand(tmp_path, [["datum", "soort", "afdoening", "uitkomst"]], begin=2)
    assert lees_meldingen(pad, 2026).totaal == 0


def test_xlsx_kapot(tmp_path):
    pad = tmp_path / "meldingen.xlsx"
    pad.write_text("dit is geen Excel-bestand")
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert regels(fout.value) == [
        "meldingen.xlsx: kan dit bestand niet openen als Excel-werkmap (.xlsx). Is het beschadigd of beveiligd "
        "met een wachtwoord? Sla het in Excel opnieuw op als .xlsx of als .csv."]


def test_excel_bestand_met_extensie_csv(tmp_path):
    bron = xlsx_bestand(tmp_path, [["datum"]])
    pad = tmp_path / "meldingen.csv"
    pad.write_bytes(bron.read_bytes())
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    assert "dit is geen CSV-bestand maar een Excel-bestand" in str(fout.value)


# ---------------------------------------------------------------- bestanden


def test_leeg_bestand():
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(DATA / "meldingen_leeg.csv", 2026)
    assert regels(fout.value) == [
        f"meldingen_leeg.csv: het bestand is leeg. De eerste rij hoort de kolomnamen te bevatten: "
        f"{MELDINGEN_KOLOMMEN}."]


def test_alleen_lege_regels(tmp_path):
    pad = csv_bestand(tmp_path, "\n;;;\n\n")
    with pytest.raises(InvoerFout, match="het bestand is leeg"):
        lees_trainingen(pad, 2026)


@pytest.mark.parametrize("naam", ["meldingen.xls", "meldingen.ods", "meldingen.txt", "meldingen"])
def test_niet_ondersteunde_extensie(tmp_path, naam):
    pad = tmp_path / naam
    pad.write_text("datum;soort;afdoening;uitkomst\n")
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(pad, 2026)
    tekst = regels(fout.value)[0]
    assert tekst.startswith(f"{naam}: dit ")
    assert ".xlsx (Excel-werkmap) of als .csv" in tekst


@pytest.mark.parametrize("naam", ["weg.csv", "weg.xlsx"])
def test_bestand_ontbreekt(tmp_path, naam):
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(tmp_path / naam, 2026)
    assert regels(fout.value) == [f"{naam}: het bestand bestaat niet. Controleer het pad."]


def test_map_in_plaats_van_bestand(tmp_path):
    (tmp_path / "map.csv").mkdir()
    with pytest.raises(InvoerFout, match="dit is een map, geen bestand"):
        lees_trainingen(tmp_path / "map.csv", 2026)


def test_weergavenaam(tmp_path):
    with pytest.raises(InvoerFout) as fout:
        lees_meldingen(DATA / "meldingen_leeg.csv", 2026, weergavenaam="stukken/2026/meldingen.csv")
    assert regels(fout.value)[0].startswith("stukken/2026/meldingen.csv: het bestand is leeg.")


# ---------------------------------------------------------------- laadtijd


def test_import_zonder_openpyxl():
    """openpyxl kost ~0,4 s; het laden van de module en het lezen van een CSV hebben het niet nodig."""
    code = f"""
import json, sys
import integriteitsplan  # het pakket zelf meten we niet mee
import integriteitsplan.laden.registers as r
r.lees_meldingen({str(DATA / "meldingen_bom.csv")!r}, 2026)
r.lees_trainingen({str(DATA / "trainingen.csv")!r}, 2026)
print(json.dumps({{"openpyxl": "openpyxl" in sys.modules}}))
"""
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    meting = json.loads(uit.stdout.strip().splitlines()[-1])
    assert meting["openpyxl"] is False


def test_lege_cel_telt_als_niet_ingedeeld(tmp_path):
    """Een lege soort, afdoening of uitkomst is geen fout: de melding telt mee in het totaal
    en in die indeling als 'niet ingedeeld' (issue 12)."""
    pad = tmp_path / "meldingen.csv"
    pad.write_text("datum;soort;afdoening;uitkomst\n2026-01-05;financieel;;gegrond\n"
                   "2026-02-05;;;ongegrond\n2026-03-05;financieel;geen;gegrond\n", encoding="utf-8")
    telling = lees_meldingen(pad, 2026)
    assert telling.totaal == 3
    assert telling.per_soort["financieel"] == 2 and telling.per_soort["niet_ingedeeld"] == 1
    assert telling.per_afdoening["niet_ingedeeld"] == 2
    assert "niet_ingedeeld" not in telling.per_uitkomst
