"""De regels voor basis en overlay: mappings per sleutel, itemlijsten per id, de rest vervangen."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from integriteitsplan import laden
from integriteitsplan.controleren import controleer_profiel
from integriteitsplan.fouten import InvoerFout


def schrijf(map_: Path, naam: str, tekst: str) -> None:
    (map_ / naam).mkdir(parents=True, exist_ok=True)
    (map_ / naam / "profiel.yaml").write_text(textwrap.dedent(tekst), encoding="utf-8")


BASIS = """\
    leden: [lid]
    metadata:
      titel: Beleidsplan Integriteit
      gemeente: Regio Test
      organisatie: regio
      looptijd: {start: 2026, eind: 2029}
    waarden_normen:
      kernwaarden:
        - id: open
          naam: open
          toelichting: We zijn open.
        - id: eerlijk
          naam: eerlijk
          toelichting: We zijn eerlijk.
        - id: zorgvuldig
          naam: zorgvuldig
    missie_visie:
      doelstellingen: [een, twee]
      missie: Basismissie.
"""


@pytest.fixture
def mappen(tmp_path):
    schrijf(tmp_path, "regio", BASIS)
    return tmp_path


def laad(map_: Path, naam: str) -> laden.Profiel:
    return laden.laad_profiel(naam, [laden.Zoekmap(map_, "test")])


def test_vervangen_toevoegen_verwijderen(mappen):
    schrijf(mappen, "lid", """\
        basis: regio
        metadata:
          gemeente: Lidstad
        waarden_normen:
          kernwaarden:
            - id: eerlijk
              toelichting: Lokale uitleg.
            - id: zorgvuldig
              verwijderd: true
            - id: moedig
              naam: moedig
        missie_visie:
          doelstellingen: [drie]
    """)
    data = laad(mappen, "lid").data
    assert data["metadata"] == {"titel": "Beleidsplan Integriteit", "gemeente": "Lidstad",
                                "looptijd": {"start": 2026, "eind": 2029}}
    kernwaarden = data["waarden_normen"]["kernwaarden"]
    assert [k["id"] for k in kernwaarden] == ["open", "eerlijk", "moedig"]
    assert kernwaarden[1] == {"id": "eerlijk", "naam": "eerlijk", "toelichting": "Lokale uitleg."}
    assert data["missie_visie"] == {"doelstellingen": ["drie"], "missie": "Basismissie."}
    assert "leden" not in data  # wat de regio over zichzelf zegt, erft een lid niet


def test_basis_van_een_basis(mappen):
    schrijf(mappen, "midden", """\
        basis: regio
        missie_visie:
          missie: Middenmissie.
    """)
    schrijf(mappen, "onder", """\
        basis: midden
        metadata:
          gemeente: Onderdorp
    """)
    profiel = laad(mappen, "onder")
    assert [v.naam for v in profiel.keten] == ["onder", "midden", "regio"]
    assert profiel.data["missie_visie"]["missie"] == "Middenmissie."
    assert profiel.data["metadata"]["gemeente"] == "Onderdorp"


def test_kring_van_bases(tmp_path):
    schrijf(tmp_path, "a", "basis: b\nmetadata: {titel: x, gemeente: A}\n")
    schrijf(tmp_path, "b", "basis: a\nmetadata: {titel: x, gemeente: B}\n")
    with pytest.raises(InvoerFout) as fout:
        laad(tmp_path, "a")
    assert str(fout.value).splitlines()[1] == (
        "  b/profiel.yaml:1 basis: de basisprofielen verwijzen in een kring naar elkaar: a → b → a. "
        "Haal 'basis' weg uit een van deze profielen.")


def test_basis_bestaat_niet(tmp_path):
    schrijf(tmp_path, "a", "basis: nergens\nmetadata: {titel: x, gemeente: A}\n")
    with pytest.raises(InvoerFout) as fout:
        laad(tmp_path, "a")
    assert str(fout.value).splitlines()[1] == (
        "  a/profiel.yaml:1 basis: het basisprofiel 'nergens' bestaat niet. Bekende profielen: a.")


def test_fout_noemt_het_bestand_waar_de_waarde_staat(mappen):
    schrijf(mappen, "regio", BASIS + "    maatregelen:\n      groepen:\n        - id: g\n          naam: G\n"
            "          maatregelen:\n            - id: m\n              maatregel: M\n              status: bezig\n")
    schrijf(mappen, "lid", """\
        basis: regio
        metadata:
          gemeente: Lidstad
          versie: 1.1
    """)
    fouten = [str(f) for f in controleer_profiel(laad(mappen, "lid")).fouten]
    assert fouten == [
        "lid/profiel.yaml:4 metadata.versie: hier hoort tekst, maar er staat 1.1. Zet het tussen "
        "aanhalingstekens, bijvoorbeeld \"1.1\".",
        "regio/profiel.yaml:27 maatregelen.groepen[1].maatregelen[1].status: 'bezig' is geen geldige "
        "status; kies uit gepland, lopend, gereed of vervallen.",
    ]


def test_verwijderd_met_onbekend_id_geeft_een_waarschuwing(mappen):
    schrijf(mappen, "lid", """\
        basis: regio
        metadata:
          gemeente: Lidstad
        waarden_normen:
          kernwaarden:
            - id: eerlik
              verwijderd: true
    """)
    profiel = laad(mappen, "lid")
    assert [k["id"] for k in profiel.data["waarden_normen"]["kernwaarden"]] == ["open", "eerlijk", "zorgvuldig"]
    assert [str(m) for m in controleer_profiel(profiel).waarschuwingen][0] == (
        "lid/profiel.yaml:6 waarden_normen.kernwaarden[1]: 'eerlik' is weggehaald, maar de basis heeft geen "
        "item met dat id. Controleer de spelling van het id.")


def test_register_met_een_organisatie_die_geen_lid_is(cli, tmp_path):
    import shutil

    from integriteitsplan.laden import meegeleverde_map

    gemeenten = tmp_path / "g"
    for naam in ("leidse-regio", "leiden", "leiderdorp", "oegstgeest", "zoeterwoude"):
        shutil.copytree(meegeleverde_map() / naam, gemeenten / naam)
    register = gemeenten / "leidse-regio" / "jaren" / "2026" / "meldingen-regio.csv"
    tekst = register.read_text(encoding="utf-8-sig")
    register.write_text(tekst.replace(";Zoeterwoude", ";Zoeterwoud"), encoding="utf-8-sig")
    uit = cli("controleer", "leidse-regio", "--gemeenten", gemeenten)
    assert uit.exit_code == 2
    assert ("jaarcyclus.meldingenregister: in het register staan voor 2026 rijen van 'Zoeterwoud', maar die naam "
            "hoort bij geen lid") in uit.output


def test_samenvoegen_laat_de_basis_ongemoeid(mappen):
    schrijf(mappen, "lid", "basis: regio\nmetadata:\n  gemeente: Lidstad\n")
    profiel = laad(mappen, "lid")
    assert "leden" not in profiel.data and profiel.data["metadata"]["gemeente"] == "Lidstad"
    basis = profiel.lagen[1]
    assert basis["leden"] == ["lid"]
    assert basis["metadata"]["gemeente"] == "Regio Test" and basis["metadata"]["organisatie"] == "regio"
