"""De regel voor (bijna) lege kolommen (renderen/tabellen.py): een verplaatste waarde staat bij
de breedste tekstkolom, altijd in dezelfde vorm, nooit tussen haakjes in haakjes."""
import re

from integriteitsplan.renderen.tabellen import Aangevuld, zonder_lege_kolommen
from integriteitsplan.verrijken.context import Cel


def test_verplaatste_kolom_naar_de_breedste_tekstkolom():
    kolommen = ["Kwartaal", "Wat", "Aan", "Toelichting"]
    rijen = [["K1", "Concept van het jaarverslag", "Directie", "–"],
             ["K2", "Jaarverslag, ter vaststelling", "College", "Vóór 1 mei (wettelijk)."],
             ["K3", "Voortgang van het jaarplan", "Directie", "–"]]
    t = zonder_lege_kolommen(kolommen, rijen)
    assert t.kolommen == ["Kwartaal", "Wat", "Aan"]
    assert t.rijen[1][0] == "K2"
    assert isinstance(t.rijen[1][1], Aangevuld)
    assert t.rijen[1][1].aanvullingen == ["toelichting: Vóór 1 mei (wettelijk)."]
    assert t.rijen[0][1] == "Concept van het jaarverslag"


def test_een_vorm_in_de_tekst(tmp_path):
    from integriteitsplan.genereren import generate

    generate("voorbeeld", document="jaarplan", jaar=2027, formaten=["md"], uitvoer=tmp_path)
    md = (tmp_path / "voorbeeld" / "jaarplan-integriteit-2027.md").read_text(encoding="utf-8")
    monitoring = md.split("Monitoring en rapportage")[1]
    regels = [r for r in monitoring.splitlines() if "toelichting:" in r]
    assert regels
    for regel in regels:
        cellen = [c.strip() for c in regel.strip("|").split(" | ")]
        assert re.fullmatch(r"K\d", cellen[0]), regel  # niet in de kolom Kwartaal
        assert " — *toelichting: " in cellen[1], regel
        assert "*(toelichting" not in regel


def test_herkomst_blijft_bij_de_eerste_cel():
    t = zonder_lege_kolommen(["Activiteit", "Maatregel", "Noot"],
                             [[Cel("Training", ["doorgeschoven uit 2026"]), "Dilemmatraining", "kort"],
                              ["Uitvraag", "Nevenwerk", "–"], ["Evaluatie", "Gedragscode", "–"]])
    assert isinstance(t.rijen[0][0], Aangevuld) or isinstance(t.rijen[0][1], Aangevuld)
    eerste = t.rijen[0][0]
    assert (eerste.tekst if isinstance(eerste, Aangevuld) else eerste).toevoegingen == ["doorgeschoven uit 2026"]
