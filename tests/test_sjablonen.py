"""Een gemeente vervangt één blok van een standaardsjabloon, niet het hele bestand.

Haar eigen sjabloon erft met ``{% extends "standaard/..." %}`` van het meegeleverde sjabloon
(of met ``basis/...`` van dat van haar regio) en vervangt alleen het blok dat ze anders wil;
de rest van het hoofdstuk blijft precies zoals het was.
"""
from __future__ import annotations

import difflib
import shutil
import textwrap
from pathlib import Path

from integriteitsplan.bronnen import meegeleverde_profielen
from integriteitsplan.genereren import generate

SJABLOON = "beleidsplan/2-waarden-normen.md.j2"
EIGEN_TEKST = "Onze kernwaarden hangen in elke vergaderzaal van het stadhuis."


def _plan(naam: str, mappen: list[Path], uitvoer: Path) -> str:
    verslag = generate(naam, formaten=["md"], uitvoer=uitvoer, profielmappen=mappen)
    return verslag.bestanden[0].pad.read_text(encoding="utf-8")


def _schrijf_sjabloon(profielmap: Path, tekst: str) -> None:
    pad = profielmap / "sjablonen" / SJABLOON
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(textwrap.dedent(tekst), encoding="utf-8")


def _gewijzigde_regels(voor: str, na: str) -> tuple[list[str], list[str]]:
    weg, erbij = [], []
    for regel in difflib.unified_diff(voor.splitlines(), na.splitlines(), lineterm="", n=0):
        if regel.startswith("-") and not regel.startswith("---"):
            weg.append(regel[1:])
        elif regel.startswith("+") and not regel.startswith("+++"):
            erbij.append(regel[1:])
    return weg, erbij


def test_gemeente_vervangt_een_blok_en_de_rest_blijft_gelijk(tmp_path):
    gemeenten = tmp_path / "gemeenten"
    shutil.copytree(meegeleverde_profielen() / "voorbeeld", gemeenten / "voorbeeld")
    standaard = _plan("voorbeeld", [gemeenten], tmp_path / "zonder")

    _schrijf_sjabloon(gemeenten / "voorbeeld", f"""\
        {{% extends "standaard/{SJABLOON}" %}}
        {{% block kernwaarden_inleiding %}}
        {EIGEN_TEKST}

        {{% endblock %}}
        """)
    eigen = _plan("voorbeeld", [gemeenten], tmp_path / "met")

    weg, erbij = _gewijzigde_regels(standaard, eigen)
    assert erbij == [EIGEN_TEKST]
    assert len(weg) == 1 and weg[0].startswith("Onze kernwaarden beschrijven hoe we ons werk willen doen.")
    # De kernwaarden zelf, de gedragscode en de basisnormentoets komen nog uit het standaardsjabloon.
    assert "De gedragscode van de gemeente" in eigen and "basisnormen" in eigen


def test_lid_erft_met_basis_van_het_sjabloon_van_zijn_regio(tmp_path):
    """``basis/...`` is het sjabloon dat het lid zonder eigen sjabloon zou krijgen: dat van
    de regio. Het lid vervangt daarin één blok; het blok van de regio blijft staan."""
    gemeenten = tmp_path / "gemeenten"
    (gemeenten / "regio").mkdir(parents=True)
    (gemeenten / "regio" / "profiel.yaml").write_text(textwrap.dedent("""\
        leden: [a]
        metadata:
          titel: Integriteitsbeleid
          gemeente: Proefregio
          organisatie: regio
        missie_visie:
          uitgangspunten: [Openheid, Zorgvuldigheid]
        waarden_normen:
          kernwaarden_inleiding: De inleiding van de regio.
          kernwaarden: [{id: eerlijk, naam: eerlijk}, {id: open, naam: open}]
        """), encoding="utf-8")
    (gemeenten / "a").mkdir()
    (gemeenten / "a" / "profiel.yaml").write_text("basis: regio\nmetadata:\n  gemeente: Adorp\n", encoding="utf-8")
    _schrijf_sjabloon(gemeenten / "regio", f"""\
        {{% extends "standaard/{SJABLOON}" %}}
        {{% block basisnormen_inleiding %}}
        BASISNORMEN VAN DE REGIO
        {{% endblock %}}
        {{% block kernwaarden_inleiding %}}
        KERNWAARDEN VAN DE REGIO

        {{% endblock %}}
        """)
    _schrijf_sjabloon(gemeenten / "a", f"""\
        {{% extends "basis/{SJABLOON}" %}}
        {{% block kernwaarden_inleiding %}}
        KERNWAARDEN VAN ADORP

        {{% endblock %}}
        """)
    lid = _plan("a", [gemeenten], tmp_path / "uit")
    regio = _plan("regio", [gemeenten], tmp_path / "uit")
    assert "KERNWAARDEN VAN ADORP" in lid and "KERNWAARDEN VAN DE REGIO" not in lid
    assert "KERNWAARDEN VAN DE REGIO" in regio and "ADORP" not in regio
    assert "BASISNORMEN VAN DE REGIO" in lid and "BASISNORMEN VAN DE REGIO" in regio
    assert "- eerlijk\n- open" in lid  # de kernwaarden zelf uit het standaardsjabloon
