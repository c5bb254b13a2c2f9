"""De .docx van elk meegeleverd document, zonder LibreOffice: elke afbeelding heeft een
alternatieve tekst die zegt wat ze toont (geen bestandsnaam; bij de grafiek met de
getallen), en geen tabelkolom bestaat alleen uit strepen."""
from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from integriteitsplan import generate

GEMEENTEN = sorted(p.parent.name for p in (Path(__file__).resolve().parents[1] / "gemeenten").glob("*/profiel.yaml"))
SJABLOON = Path(__file__).resolve().parents[1] / "sjablonen" / "jaarverslag" / "document.md.j2"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_STREEP = {"", "-", "–", "—"}


@pytest.fixture(scope="module")
def documenten(tmp_path_factory) -> dict[str, Path]:
    uit = tmp_path_factory.mktemp("alle")
    paden = {}
    for gemeente in GEMEENTEN:
        verslag = generate(gemeente, document="alle", formaten=["docx"], uitvoer=uit, profielmappen=[])
        for b in verslag.bestanden:
            paden[f"{gemeente}/{b.pad.stem}"] = b.pad
    assert len(paden) >= 20
    return paden


def beschrijvingen(pad: Path) -> list[str]:
    return [e.get("descr") or "" for e in docx.Document(str(pad)).element.body.iter(WP + "docPr")]


def test_alternatieve_tekst_is_geen_bestandsnaam(documenten):
    fout = {naam: d for naam, pad in documenten.items() for d in beschrijvingen(pad)
            if not d.strip() or re.search(r"\.(png|jpe?g|gif|svg)$", d, re.I)}
    assert not fout, fout


def test_grafiek_beschrijft_de_getallen(documenten):
    grafieken = {naam: d for naam, pad in documenten.items() if "jaarverslag" in naam
                 for d in beschrijvingen(pad) if not d.startswith("Logo ")}
    assert grafieken, "geen enkel jaarverslag met een grafiek"
    for naam, d in grafieken.items():
        assert d.startswith("Staafdiagram: "), (naam, d)
        assert re.search(r"\b20\d\d (\d+|< \d+)\b", d), (naam, d)  # jaar en gepubliceerd getal


def test_geen_kolom_van_alleen_strepen_in_enig_document(documenten):
    fout = []
    for naam, pad in documenten.items():
        for tabel in docx.Document(str(pad)).tables:
            rijen = [[c.text.strip() for c in r.cells] for r in tabel.rows][1:]
            for k in range(len(rijen[0]) if rijen else 0):
                if all((r[k] if k < len(r) else "") in _STREEP for r in rijen):
                    fout.append((naam, tabel.rows[0].cells[k].text))
    assert not fout, fout
