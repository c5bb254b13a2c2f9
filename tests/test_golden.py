"""Gouden uitvoer: het Markdown van het voorbeeld, zoals een lezer het ziet.

Verandert een sjabloon of het voorbeeldprofiel bewust, werk de bestanden dan bij met
``INTEGRITEITSPLAN_GOUD=bijwerken pytest tests/test_golden.py`` en lees de diff na
(``git diff tests/golden``) voordat u hem vastlegt.
"""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from integriteitsplan import generate

GOUD = Path(__file__).parent / "golden"
BIJWERKEN = os.environ.get("INTEGRITEITSPLAN_GOUD") == "bijwerken"

DOCUMENTEN = [
    ("voorbeeld", "beleidsplan", None, "beleidsplan-integriteit-2026-2029.md"),
    ("voorbeeld", "jaarplan", 2026, "jaarplan-integriteit-2026.md"),
    ("voorbeeld", "jaarverslag", 2026, "jaarverslag-integriteit-2026.md"),
    ("voorbeeld", "jaarplan", 2027, "jaarplan-integriteit-2027.md"),
]


@pytest.mark.parametrize(("gemeente", "document", "jaar", "naam"), DOCUMENTEN, ids=[d[3] for d in DOCUMENTEN])
def test_markdown_gelijk_aan_goud(tmp_path, gemeente, document, jaar, naam):
    generate(gemeente, document=document, jaar=jaar, formaten=["md"], uitvoer=tmp_path)
    nieuw = (tmp_path / gemeente / naam).read_text(encoding="utf-8")
    goud = GOUD / gemeente / naam
    if BIJWERKEN:
        goud.parent.mkdir(parents=True, exist_ok=True)
        goud.write_text(nieuw, encoding="utf-8", newline="\n")
    oud = goud.read_text(encoding="utf-8")
    if nieuw != oud:
        diff = "".join(difflib.unified_diff(oud.splitlines(True), nieuw.splitlines(True), str(goud), "nieuw", n=2))
        pytest.fail(f"{naam} wijkt af van het goud:\n{diff[:6000]}")


def test_geen_sjabloonresten_in_het_voorbeeld(tmp_path):
    """Wat een lezer nooit mag zien: None, Jinja-haken, TODO, nan of een lege kop."""
    generate("voorbeeld", document="alle", formaten=["md"], uitvoer=tmp_path)
    for bestand in sorted((tmp_path / "voorbeeld").glob("*.md")):
        tekst = bestand.read_text(encoding="utf-8")
        for rest in ("None", "{{", "{%", "TODO", " nan", "Traceback"):
            assert rest not in tekst, f"{rest!r} in {bestand.name}"
        regels = tekst.splitlines()
        for i, regel in enumerate(regels[:-1]):
            if regel.startswith("#"):
                volgende = next((r for r in regels[i + 1:] if r.strip()), "")
                assert not (volgende.startswith("#") and volgende.count("#") <= regel.count("#")), \
                    f"lege kop in {bestand.name}: {regel!r}"


def test_verschillenrapport_gelijk_aan_goud(tmp_path):
    """Het verschillenrapport van de Leidse regio, zoals de regionale werkgroep het leest."""
    from integriteitsplan.genereren import verschillen

    verschillen("leidse-regio", formaten=["md"], uitvoer=tmp_path)
    naam = "verschillen-leidse-regio.md"
    nieuw = (tmp_path / "leidse-regio" / naam).read_text(encoding="utf-8")
    goud = GOUD / "leidse-regio" / naam
    if BIJWERKEN:
        goud.parent.mkdir(parents=True, exist_ok=True)
        goud.write_text(nieuw, encoding="utf-8", newline="\n")
    oud = goud.read_text(encoding="utf-8")
    if nieuw != oud:
        diff = "".join(difflib.unified_diff(oud.splitlines(True), nieuw.splitlines(True), str(goud), "nieuw", n=2))
        pytest.fail(f"{naam} wijkt af van het goud:\n{diff[:6000]}")
