"""De bouw van het huis: imports gaan alleen naar beneden, en er zijn geen kringen.

De stappen in de volgorde waarin de gegevens stromen, van onder naar boven:

    0  fouten, bronnen, opmaak            (gedeeld, zonder stappen; ook de gegevensmappen
       referentie en huisstijl)
    1  domein                              (regels die meer stappen delen)
    2  laden
    3  controleren
    4  verrijken
    5  renderen
    6  schrijven
    7  genereren, controle, batch, nieuw   (de bibliotheek die de stappen achter elkaar zet)
    8  cli/, __main__                     (de opdrachtregel)

Een module mag modules van haar eigen verdieping en lager importeren, nooit hoger. Binnen
een verdieping mag het geen kring vormen. De imports worden met ``ast`` uit de broncode
gelezen, ook die binnen functies.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAKKET = Path(__file__).resolve().parent.parent / "integriteitsplan"

VERDIEPING = {
    "fouten": 0, "bronnen": 0, "opmaak": 0, "referentie": 0, "huisstijl": 0,
    "domein": 1,
    "laden": 2,
    "controleren": 3,
    "verrijken": 4,
    "renderen": 5,
    "schrijven": 6,
    "genereren": 7, "batch": 7, "nieuw": 7, "controle": 7,
    "cli": 8, "__main__": 8,
}


def modulenaam(pad: Path) -> str:
    deel = pad.relative_to(PAKKET.parent).with_suffix("").parts
    if deel[-1] == "__init__":
        deel = deel[:-1]
    return ".".join(deel)


def alle_modules() -> dict[str, Path]:
    return {modulenaam(p): p for p in sorted(PAKKET.rglob("*.py"))}


def imports_van(naam: str, pad: Path, bekend: set[str]) -> set[str]:
    """De modules van het pakket die ``naam`` importeert (ook binnen functies)."""
    uit: set[str] = set()
    pakket = naam if pad.name == "__init__.py" else naam.rpartition(".")[0]
    for knoop in ast.walk(ast.parse(pad.read_text("utf-8"))):
        if isinstance(knoop, ast.Import):
            doelen = [a.name for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            basis = knoop.module or ""
            if knoop.level:
                delen = pakket.split(".")
                basis = ".".join(delen[: len(delen) - knoop.level + 1] + ([basis] if basis else []))
            doelen = [f"{basis}.{a.name}" for a in knoop.names]
        else:
            continue
        for doel in doelen:
            while doel and doel not in bekend:
                doel = doel.rpartition(".")[0]
            if doel and doel != naam:
                uit.add(doel)
    return uit


def verdieping(module: str) -> int:
    delen = module.split(".")
    if len(delen) == 1:  # het pakket zelf: zijn gezicht naar buiten
        return 9
    return VERDIEPING[delen[1]]


def graaf() -> dict[str, set[str]]:
    modules = alle_modules()
    return {naam: imports_van(naam, pad, set(modules)) for naam, pad in modules.items()}


def test_elke_module_staat_op_een_verdieping():
    onbekend = [m for m in alle_modules() if "." in m and m.split(".")[1] not in VERDIEPING]
    assert onbekend == [], "geef deze modules een verdieping in VERDIEPING"


def test_imports_gaan_alleen_naar_beneden():
    omhoog = [f"{van} ({verdieping(van)}) importeert {naar} ({verdieping(naar)})"
              for van, doelen in graaf().items() for naar in sorted(doelen)
              if naar != "integriteitsplan" and verdieping(naar) > verdieping(van)]
    assert omhoog == []


def test_geen_stap_importeert_het_gezicht_van_het_pakket():
    """``integriteitsplan`` zelf (met ``generate``) is het gezicht naar buiten: een stap die het
    importeert, importeert in feite de bovenste verdieping."""
    via_gezicht = sorted(van for van, doelen in graaf().items()
                         if "integriteitsplan" in doelen and van.split(".")[1:2] not in (["cli"], ["__main__"]))
    assert via_gezicht == []


def test_geen_kringen():
    g = graaf()
    kringen: list[list[str]] = []
    staat: dict[str, int] = {}  # 1 = bezig, 2 = klaar

    def bezoek(knoop: str, pad: list[str]) -> None:
        staat[knoop] = 1
        for buur in sorted(g.get(knoop, ())):
            if buur == "integriteitsplan":
                continue
            if staat.get(buur) == 1:
                kringen.append(pad[pad.index(buur):] + [buur])
            elif buur not in staat:
                bezoek(buur, pad + [buur])
        staat[knoop] = 2

    for knoop in sorted(g):
        if knoop not in staat:
            bezoek(knoop, [knoop])
    assert kringen == []


@pytest.mark.parametrize("stap", ["laden", "controleren", "verrijken", "renderen", "schrijven", "domein"])
def test_elke_stap_zegt_wat_zij_krijgt_en_geeft(stap):
    """Elke stap is een map met een docstring bovenaan elke module."""
    zonder = [str(p.relative_to(PAKKET)) for p in sorted((PAKKET / stap).rglob("*.py"))
              if ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None]
    assert zonder == []


def test_geen_module_is_te_groot():
    """Een module van meer dan ~400 regels doet te veel dingen tegelijk (met wat marge voor
    een lange docstring)."""
    te_groot = {str(p.relative_to(PAKKET)): n for p in sorted(PAKKET.rglob("*.py"))
                if (n := len(p.read_text("utf-8").splitlines())) > 420}
    assert te_groot == {}


def test_de_toets_ziet_een_kring_en_een_import_omhoog(tmp_path, monkeypatch):
    """De regels hierboven kunnen falen: een verzonnen pakket met een kring en een import
    naar boven wordt herkend."""
    nep = tmp_path / "integriteitsplan"
    (nep / "laden").mkdir(parents=True)
    (nep / "verrijken").mkdir()
    (nep / "__init__.py").write_text("")
    (nep / "laden" / "__init__.py").write_text("from integriteitsplan.verrijken import x\n")
    (nep / "verrijken" / "__init__.py").write_text("from integriteitsplan.laden import y\n")
    monkeypatch.setattr(__import__(__name__), "PAKKET", nep)
    g = graaf()
    assert g["integriteitsplan.laden"] == {"integriteitsplan.verrijken"}
    with pytest.raises(AssertionError):
        test_imports_gaan_alleen_naar_beneden()
    with pytest.raises(AssertionError):
        test_geen_kringen()


def test_setup_cfg_noemt_elk_pakket():
    """Een map met ``__init__.py`` die niet in setup.cfg staat, ontbreekt na ``pip install .``:
    dan start het geïnstalleerde programma niet. (De sjablonen en profielen staan buiten het
    pakket en worden er via ``package_dir`` in gezet.)"""
    import configparser

    instellingen = configparser.ConfigParser()
    instellingen.read(PAKKET.parent / "setup.cfg", encoding="utf-8")
    genoemd = {regel.strip() for regel in instellingen["options"]["packages"].splitlines() if regel.strip()}
    aanwezig = {".".join(p.parent.relative_to(PAKKET.parent).parts) for p in PAKKET.rglob("__init__.py")}
    assert aanwezig - genoemd == set()
    assert genoemd - aanwezig == {"integriteitsplan.sjablonen", "integriteitsplan.gemeenten"}
