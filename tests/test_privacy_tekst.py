"""Eigen tekst in een jaarverslag die een klein aantal zaken noemt: een waarschuwing met
bestand:regel, tenzij de schrijver de tekst als nagekeken markeert."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from integriteitsplan import generate
from integriteitsplan.domein.privacy import kleine_aantallen

GEMEENTEN = Path(__file__).parent.parent / "gemeenten"


@pytest.mark.parametrize("tekst", ["Twee meldingen leidden tot ontslag.", "Eén zaak loopt nog.",
                                   "Er kwamen 3 meldingen binnen.", "Vier medewerkers kregen een waarschuwing."])
def test_klein_aantal_gevonden(tekst):
    assert kleine_aantallen(tekst, 5) == [tekst]


@pytest.mark.parametrize("tekst", ["Er was een melding over geschenken.", "In 2026 kwamen 12 meldingen binnen.",
                                   "Het onderzoek duurde 1,5 jaar.", "Twee trainingen waren vol.",
                                   "Er kwamen 4 meldingen binnen."])
def test_geen_klein_aantal(tekst):
    assert kleine_aantallen(tekst, 5 if "4 meldingen" not in tekst else 4) == []


def test_controleer_en_genereer_waarschuwen(cli, tmp_path):
    map_ = tmp_path / "gemeenten"
    shutil.copytree(GEMEENTEN / "voorbeeld", map_ / "voorbeeld")
    pad = map_ / "voorbeeld" / "jaren" / "2026" / "jaarverslag.yaml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace("privacy_gecontroleerd: [\"realisatie[17].toelichting\"]\n", "")
    tekst = tekst.replace("inleiding: |\n", "inleiding: |\n  Twee meldingen leidden tot ontslag.\n", 1)
    pad.write_text(tekst, encoding="utf-8")
    uit = cli("controleer", "voorbeeld", "--gemeenten", map_)
    assert uit.exit_code == 1, uit.output
    assert re.search(r"jaarverslag\.yaml:\d+ inleiding: deze tekst noemt een klein aantal zaken", uit.output), uit.output
    assert "realisatie[17].toelichting: deze tekst" in uit.output
    uit = cli("genereer", "voorbeeld", "--document", "jaarverslag", "--formaat", "md", "--uitvoer",
              tmp_path / "uit", "--gemeenten", map_)
    assert uit.exit_code == 0, uit.output
    # genereer telt ze (en 'voorbeeld: true', net als controleer); controleer toont ze
    assert "3 waarschuwingen" in uit.output
    verslag = generate("voorbeeld", document="jaarverslag", jaar=2026, formaten=["md"], uitvoer=tmp_path / "uit2",
                       profielmappen=[map_])
    assert any("klein aantal zaken" in str(w) and re.search(r"jaarverslag\.yaml:\d+", str(w))
               for w in verslag.waarschuwingen)
    # nagekeken: de waarschuwing verdwijnt, en de markering staat zichtbaar in de YAML
    pad.write_text(tekst.replace("inleiding: |\n", "privacy_gecontroleerd: [inleiding, \"realisatie[17].toelichting\"]\n"
                                 "inleiding: |\n", 1), encoding="utf-8")
    uit = cli("controleer", "voorbeeld", "--gemeenten", map_)
    assert "klein aantal zaken" not in uit.output


def test_controleer_waarschuwt_bij_een_drempel_verlaagd_na_publicatie(cli, tmp_path):
    """2026 is gepubliceerd met drempel 7 (vastgelegd in zijn jaarverslag.yaml), het profiel
    heeft nu 5: een waarschuwing met bestand en regel (README, Privacy, regel 8)."""
    map_ = tmp_path / "gemeenten"
    shutil.copytree(GEMEENTEN / "voorbeeld", map_ / "voorbeeld")
    pad = map_ / "voorbeeld" / "jaren" / "2026" / "jaarverslag.yaml"
    tekst = pad.read_text(encoding="utf-8")
    uit = cli("controleer", "voorbeeld", "--gemeenten", map_)
    assert "verlaagd na publicatie" not in uit.output
    pad.write_text(tekst.replace("jaar: 2026\n", "jaar: 2026\nprivacydrempel: 7\n", 1), encoding="utf-8")
    uit = cli("controleer", "voorbeeld", "--gemeenten", map_)
    assert uit.exit_code == 1, uit.output
    assert re.search(r"jaarverslag\.yaml:\d+ privacydrempel: het jaarverslag 2026 is gepubliceerd met "
                     r"privacydrempel 7, maar het profiel heeft nu 5: de drempel is verlaagd na publicatie",
                     uit.output), uit.output
    pad.write_text(tekst.replace("jaar: 2026\n", "jaar: 2026\nprivacydrempel: 5\n", 1), encoding="utf-8")
    assert "verlaagd na publicatie" not in cli("controleer", "voorbeeld", "--gemeenten", map_).output
