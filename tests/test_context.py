"""De context van elk document is een dataclass met de velden uit ``verrijken/context.py``.

Een sjabloonschrijver ziet daar welke namen een sjabloon mag gebruiken. Hier: elke
documentsoort geeft de dataclass van zijn soort, met precies die velden; elk veld heeft een
regel uitleg; en een naam die er niet is, blijft in een sjabloon een ``SjabloonFout``.
"""
from __future__ import annotations

import ast
import dataclasses
import inspect
import shutil

import pytest

from integriteitsplan import laden, renderen, verrijken
from integriteitsplan.bronnen import meegeleverde_profielen
from integriteitsplan.fouten import SjabloonFout
from integriteitsplan.genereren import bereid_voor
from integriteitsplan.verrijken import context as ctx
from integriteitsplan.verrijken import verschillen as vs

KOP = {"organisatienaam", "de_gemeente", "titel_met_periode", "documentsoort", "voorblad", "concept", "meta",
       "voorbeeld"}
PROFIEL = KOP | {"naam", "profiel", "is_regio", "wet"}
JAAR = PROFIEL | {"jaar", "plan_titel", "jaarnummer", "aantal_jaren"}
VERSLAG = JAAR | {"verslag", "drempel", "realisatie", "realisatie_tekst", "meldingtabellen", "meldingen_zin",
                  "privacy_noot", "reeks", "grafiek", "grafiek_alt"}
VELDEN = {
    ctx.BeleidsplanContext: PROFIEL | {
        "periode", "indeling", "dekking", "toets", "toets_telling", "toetstabel", "toetsoordeel",
        "wettelijk_kader_tabel", "kernwaarden_met_kop", "peiljaar", "maatregelenlijst", "maatregelweergave",
        "maatregelenbijlage", "kwetsbare_functies_tabel", "meldroutes_tabel", "rollenoverzicht",
        "monitoringtabel", "begroting", "budgettabel", "fte_totaal", "formatietabel", "indicatorentabel",
        "referentietabellen", "leden"},
    ctx.JaarverslagContext: VERSLAG | {
        "inhoud", "heeft_jaarplan", "eerdere_jaren", "niet_ingedeeld", "meldingen", "meldingen_totaal",
        "meldingen_geen", "trend_noot", "trend_categorie", "grafiek_reeksen", "grafiek_schattingen",
        "grafiek_onderschrift", "vertrouwenspersoon", "trainingen", "trend_kolommen", "trend"},
    ctx.RegioverslagContext: VERSLAG | {
        "leden", "realisatie_activiteiten", "lid_totalen", "meldingen_totaal_bekend", "cijfers",
        "cijfer_kolommen", "cijfer_noot", "meldingen_weggelaten"},
    ctx.VerschillenContext: KOP | {"rapport", "overzicht", "instrumenten", "leden", "regio_in_zin"},
}


def _verrijk(naam: str, soort: str) -> verrijken.Verrijkt:
    v = bereid_voor(naam, soort)
    jaar = next(j for s, j in v.taken if s == soort)
    return verrijken.verrijk(v.profiel, v.jaren, soort, jaar, v.leden)


def _verschillen() -> verrijken.Verrijkt:
    mappen = laden.zoekmappen()
    basis = laden.laad_profiel("leidse-regio", mappen)
    leden = {lid: laden.laad_profiel(lid, mappen) for lid in laden.leden_van("leidse-regio", mappen)}
    return vs.verrijk_rapport(vs.maak_rapport(basis, leden, mappen))


@pytest.mark.parametrize("maak, soort", [
    (lambda: _verrijk("voorbeeld", "beleidsplan"), ctx.BeleidsplanContext),
    (lambda: _verrijk("voorbeeld", "jaarverslag"), ctx.JaarverslagContext),
    (lambda: _verrijk("leidse-regio", "jaarverslag"), ctx.RegioverslagContext),
    (_verschillen, ctx.VerschillenContext),
], ids=["beleidsplan", "jaarverslag", "regioverslag", "verschillen"])
def test_context_is_de_dataclass_van_zijn_soort(maak, soort):
    verrijkt = maak()
    assert dataclasses.is_dataclass(verrijkt.context) and type(verrijkt.context) is soort
    velden = {veld.name for veld in dataclasses.fields(verrijkt.context)}
    assert velden == VELDEN[soort]
    assert set(verrijkt.sjabloonnamen()) == velden
    assert not any(naam.startswith("_") for naam in velden)  # de zandbak laat geen _naam toe


def test_jaarplan_houdt_voorlopig_een_dict():
    verrijkt = _verrijk("voorbeeld", "jaarplan")
    assert isinstance(verrijkt.context, (dict, ctx.Documentkop))
    assert verrijkt.sjabloonnamen()["voorbeeld"] is True


def test_elk_veld_heeft_een_regel_uitleg():
    boom = ast.parse(inspect.getsource(ctx))
    regels = inspect.getsource(ctx).splitlines()
    for klasse in (k for k in boom.body if isinstance(k, ast.ClassDef)):
        for veld in (s for s in klasse.body if isinstance(s, ast.AnnAssign)):
            if klasse.name in ("Cel", "Tabel"):
                continue
            assert "#" in regels[veld.lineno - 1], f"{klasse.name}.{veld.target.id} heeft geen uitleg"


def test_zet_kent_alleen_velden_van_de_dataclass():
    verrijkt = _verrijk("voorbeeld", "beleidsplan")
    verrijkt.zet("voorbeeld", False)
    assert verrijkt.context.voorbeeld is False
    with pytest.raises(AttributeError):
        verrijkt.zet("grafiek", None)


@pytest.mark.parametrize("tekst, naam", [
    ("{{ organisatienaam }} {{ organisatienam }}", "organisatienam"),  # een naam die de dataclass niet kent
    ("{{ toetstabel.kolommen | length }} {{ toetstabel.kolomen }}", "kolomen"),  # een veld van een Tabel
    ("{{ organisatienaam }} {{ toetstabel.kolommen | length }}", None),  # zonder tikfout: het werkt
])
def test_tikfout_in_sjabloon_blijft_een_sjabloonfout(tmp_path, tekst, naam):
    shutil.copytree(meegeleverde_profielen() / "voorbeeld", tmp_path / "voorbeeld")
    sjabloon = tmp_path / "voorbeeld" / "sjablonen" / "beleidsplan" / "voorblad.md.j2"
    sjabloon.parent.mkdir(parents=True, exist_ok=True)
    sjabloon.write_text(tekst + "\n", encoding="utf-8")
    profiel = laden.laad_profiel("voorbeeld", laden.zoekmappen([tmp_path]))
    verrijkt = verrijken.verrijk(profiel, None, "beleidsplan", None)
    if naam is None:
        c = verrijkt.context
        assert renderen.render(verrijkt, profiel).voorblad.strip() == f"{c.organisatienaam} {len(c.toetstabel.kolommen)}"
        return
    with pytest.raises(SjabloonFout, match=f"'{naam}' bestaat niet"):
        renderen.render(verrijkt, profiel)
