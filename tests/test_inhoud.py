"""De inhoud van de documenten (issue 13): echte plannen zeggen niet meer dan hun bron,
verzonnen gegevens zijn gemarkeerd, en de plaatshouder {gemeente} houdt een lid kort."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from integriteitsplan import generate, laden
from integriteitsplan.domein.toets import basisnormentoets
from integriteitsplan.fouten import InvoerFout
from integriteitsplan.verrijken.algemeen import vul_aan
from integriteitsplan.controleren.schema.profiel import PROFIEL_SCHEMA

GEMEENTEN = Path(__file__).parent.parent / "gemeenten"

# Per echt plan de namen zoals de bron ze schrijft (koppen van hoofdstukken en paragrafen).
NAMEN = {
    "arnhem": ["# 1 Begripsbepaling: integriteit, integriteitssysteem, integriteitsbeleid",
               "## 1.1 Wat is integriteit?", "## 1.2 Wat is een integriteitssysteem?",
               "## 1.3 Wat is integriteitsbeleid?", "## 2.2 Een set van normen en instrumenten",
               "## 3.2 Bewustwording integriteit", "## 3.4 Omgaan met elkaar en met inwoners",
               "## 4.7 Infopunt Integriteit - integriteitsadviseur"],
    "haarlem": ["# 2 Visie op Integriteit", "## 2.3 Vertaling visie op integriteit naar beleidsdoelstellingen",
                "## 3.3 Normen van integriteit: Integriteitswijzer", "## 4.3 Pijler 2: (Stimu-)leren",
                "# 6 Jaarplan, Evaluatie en Integriteitsjaarverslag"],
    "leiderdorp": ["## 2.2 Doelstelling integriteitsbeleid", "## 3.1 Kernwaarden van de gemeente Leiderdorp",
                   "### 3.2.4 Kwetsbare functies, handelingen en processen",
                   "### 3.2.11 Meldingsprocedure integriteitsschending, misstand en onregelmatigheid"],
}
DATERING = {"arnhem": "juni 2024", "haarlem": "april 2016", "leiderdorp": None}


@pytest.fixture(scope="module")
def plannen(tmp_path_factory) -> dict[str, str]:
    uit = tmp_path_factory.mktemp("plannen")
    for gemeente in NAMEN:
        generate(gemeente, formaten=["md"], uitvoer=uit)
    return {g: next((uit / g).glob("beleidsplan-*.md")).read_text(encoding="utf-8") for g in NAMEN}


@pytest.mark.parametrize("gemeente", list(NAMEN))
def test_namen_van_de_bron_letterlijk(plannen, gemeente):
    md = plannen[gemeente]
    regels = md.splitlines()
    for kop in NAMEN[gemeente]:
        assert kop in regels, kop
    assert "met de inwoners" not in md
    assert "(bron:" not in md


@pytest.mark.parametrize("gemeente", list(NAMEN))
def test_voorblad_met_de_datering_van_de_bron(plannen, gemeente):
    voorblad = plannen[gemeente].split("\n# ", 1)[0]
    if DATERING[gemeente]:
        assert f"- **Datum:** {DATERING[gemeente]}" in voorblad
    else:
        assert "Datum" not in voorblad
    assert "VOORBEELD" not in voorblad and "Status" not in voorblad


@pytest.mark.parametrize("gemeente", list(NAMEN))
def test_geen_basisnorm_voldaan_zonder_waarde_in_het_profiel(plannen, gemeente):
    profiel = laden.laad_profiel(gemeente, laden.zoekmappen([], None))
    eigen = profiel.data["waarden_normen"].get("basisnormen") or {}
    for rij in basisnormentoets(vul_aan(profiel.data, PROFIEL_SCHEMA)):
        if rij["status"] == "voldaan":
            assert (eigen.get(rij["id"]) or {}).get("geregeld") == "ja", rij["id"]
    if gemeente == "arnhem":  # de nota zegt per norm niet of eraan voldaan is
        assert "voldoet aan" not in plannen[gemeente]
        assert "| voldaan |" not in plannen[gemeente]
        assert "Dit plan vermeldt bij geen van de 13 basisnormen" in plannen[gemeente]


# ---------------------------------------------------------------- voorbeeldgegevens

MARKERING = "VOORBEELD – verzonnen gegevens"


@pytest.mark.parametrize(("gemeente", "document", "jaar", "gemarkeerd"), [
    ("voorbeeld", "beleidsplan", None, True),
    ("leiden", "beleidsplan", None, True),
    ("oegstgeest", "jaarverslag", 2026, True),
    ("zoeterwoude", "jaarplan", 2026, True),
    ("leiderdorp", "jaarplan", 2026, True),  # het jaarbestand is verzonnen
    ("leiderdorp", "beleidsplan", None, False),
    ("leidse-regio", "beleidsplan", None, False),
    ("leidse-regio", "jaarplan", 2026, True),
])
def test_voorbeeld_op_het_voorblad(tmp_path, gemeente, document, jaar, gemarkeerd):
    generate(gemeente, document=document, jaar=jaar, formaten=["md"], uitvoer=tmp_path)
    md = next((tmp_path / gemeente).glob("*.md")).read_text(encoding="utf-8")
    voorblad = md.split("\n# ", 1)[0]
    assert (MARKERING in voorblad) is gemarkeerd
    if gemarkeerd:
        assert "Vastgesteld" not in voorblad.split("**Status:**")[-1][:20]


def test_voorbeeld_in_koptekst_en_voorblad_van_word(tmp_path):
    generate("leiden", document="jaarplan", jaar=2026, formaten=["docx"], uitvoer=tmp_path)
    with zipfile.ZipFile(tmp_path / "leiden" / "jaarplan-integriteit-2026.docx") as z:
        koppen = [z.read(n).decode() for n in z.namelist() if re.match(r"word/header\d*\.xml", n)]
        romp = z.read("word/document.xml").decode()
    assert any(MARKERING in k for k in koppen)
    assert MARKERING in romp


def _kopie(tmp_path: Path, *namen: str) -> Path:
    doel = tmp_path / "gemeenten"
    for naam in namen:
        shutil.copytree(GEMEENTEN / naam, doel / naam)
    return doel


def test_voorbeeld_kan_niet_vastgesteld_zijn(cli, tmp_path):
    gemeenten = _kopie(tmp_path, "voorbeeld")
    profiel = gemeenten / "voorbeeld" / "profiel.yaml"
    profiel.write_text(profiel.read_text(encoding="utf-8").replace("  status: concept", "  status: vastgesteld"),
                       encoding="utf-8")
    uit = cli("genereer", "voorbeeld", "--gemeenten", gemeenten, "--formaat", "md")
    assert uit.exit_code != 0
    assert "voorbeeld: true" in uit.output and "vastgesteld" in uit.output


def test_voorbeeld_in_jaarbestand_kan_niet_vastgesteld_zijn(tmp_path):
    gemeenten = _kopie(tmp_path, "leidse-regio", "leiderdorp", "leiden", "oegstgeest", "zoeterwoude")
    plan = gemeenten / "leiderdorp" / "jaren" / "2026" / "jaarplan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("status: concept", "status: vastgesteld"),
                    encoding="utf-8")
    with pytest.raises(InvoerFout, match="vastgesteld"):
        generate("leiderdorp", document="jaarplan", jaar=2026, formaten=["md"], uitvoer=tmp_path / "uit",
                 profielmappen=[gemeenten])


def test_voorbeeld_wordt_niet_geerfd(tmp_path):
    gemeenten = _kopie(tmp_path, "leidse-regio", "leiderdorp")
    regio = gemeenten / "leidse-regio" / "profiel.yaml"
    regio.write_text("voorbeeld: true\n" + regio.read_text(encoding="utf-8"), encoding="utf-8")
    mappen = laden.zoekmappen([gemeenten], None)
    assert laden.laad_profiel("leidse-regio", mappen).data.get("voorbeeld") is True
    assert "voorbeeld" not in laden.laad_profiel("leiderdorp", mappen).data


def test_controleer_herinnert_aan_het_voorbeeld(cli):
    uit = cli("controleer", "voorbeeld")
    assert "Haal die regel weg zodra de inhoud van uw gemeente is." in uit.output


# ---------------------------------------------------------------- plaatshouder en verschillen

def test_plaatshouder_gemeente():
    mappen = laden.zoekmappen([], None)
    regio = laden.laad_profiel("leidse-regio", mappen).data
    leiden = laden.laad_profiel("leiden", mappen).data
    assert regio["missie_visie"]["ambitie"].startswith("De gemeente wil een organisatie zijn")
    assert leiden["missie_visie"]["ambitie"].startswith("Leiden wil een organisatie zijn")
    assert "{gemeente}" not in repr(regio) and "{gemeente}" not in repr(leiden)
    # 'de gemeente {gemeente}': bij een lid met de naam, in de basistekst één keer 'de gemeente'.
    assert "bevordert en borgt de gemeente integriteit." in regio["maatregelen"]["cultuur"]
    assert "bevordert en borgt de gemeente Leiden integriteit." in leiden["maatregelen"]["cultuur"]
    assert "de gemeente de gemeente" not in repr(regio).lower()


def _namen_weg(waarde, naam: str):
    """Een tekst (of opsomming) met de naam van het lid weer als 'de gemeente'."""
    if isinstance(waarde, list):
        return [_namen_weg(x, naam) for x in waarde]
    if not isinstance(waarde, str):
        return waarde
    tekst = " ".join(waarde.split())
    for van in (f"de gemeente {naam}", f"De gemeente {naam}", f"gemeente {naam}"):
        tekst = tekst.replace(van, "de gemeente")
    return tekst.replace(naam, "de gemeente").lower()


def test_leden_noemen_geen_tekst_die_alleen_de_naam_invult():
    """Een tekst die alleen de naam invult, hoort in de basis met {gemeente}: geen enkel
    aangepast verschil van een lid is gelijk aan de basis als de naam eruit is."""
    from integriteitsplan.laden.samenvoegen import naam_voor_plaatshouder
    from integriteitsplan.verrijken.verschillen import vergelijk

    mappen = laden.zoekmappen([], None)
    for lid in laden.leden_van("leidse-regio", mappen):
        profiel = laden.laad_profiel(lid, mappen).data
        naam = naam_voor_plaatshouder(profiel)
        basis = laden.laad_profiel("leidse-regio", mappen, gemeente=naam).data
        for stappen, soort, b, l in vergelijk(basis, profiel):
            if soort == "aangepast":
                assert _namen_weg(b, naam) != _namen_weg(l, naam), (lid, [k for k, _ in stappen])


def test_verschillenrapport_telt_alleen_echte_verschillen(tmp_path):
    from integriteitsplan.genereren import verschillen

    verschillen("leidse-regio", formaten=["md"], uitvoer=tmp_path)
    md = (tmp_path / "leidse-regio" / "verschillen-leidse-regio.md").read_text(encoding="utf-8")
    # Was 33 en daarna 17 aangepast, vooral de eigen naam; nu staat 'de gemeente {gemeente}'
    # in de basis (cultuur en doelstelling) en blijven alleen echte verschillen over.
    assert "| Leiderdorp | 15 | 12 | 0 |" in md
    assert not re.search(r"\w\[[\w-]+\]", md)  # geen sleutelpaden als groepen[id]
    assert "de Leidse regio" in md.split("# 2 ")[0]


def _rapport_leidse_regio():
    from integriteitsplan.verrijken import verschillen as vs

    mappen = laden.zoekmappen([], None)
    basis = laden.laad_profiel("leidse-regio", mappen)
    leden = {lid: laden.laad_profiel(lid, mappen) for lid in laden.leden_van("leidse-regio", mappen)}
    return vs.maak_rapport(basis, leden, mappen), basis, leden


def test_verschillenrapport_matrix_en_paragrafen_zeggen_hetzelfde():
    """Een instrument is in de matrix een eigen variant precies als de paragraaf van dat lid
    er een verschil bij noemt; een lid zonder verschillen in de maatregelen heeft geen
    eigen variant (eerder: Leiden 0 aangepast, maar zes eigen varianten)."""
    from integriteitsplan.verrijken.verschillen import instrumenten

    rapport, basis, leden = _rapport_leidse_regio()
    for k, lid in enumerate(rapport.leden):
        # De rij heet naar de basis; de paragraaf noemt de naam die het lid gebruikt.
        eigen = instrumenten(leden[lid.lid].data)
        naam_bij_lid = {naam: eigen[ident][0] for ident, (naam, _) in instrumenten(basis.data).items()
                        if ident in eigen}
        kolom = [(naam_bij_lid.get(naam, naam), cellen[k]) for naam, cellen in rapport.matrix]
        # De namen die de paragraaf 'Structuur, cultuur en maatregelen' als groep of maatregel noemt.
        labels = [v.label for v in lid.verschillen if v.deel == "Structuur, cultuur en maatregelen"]
        genoemd = set(re.findall(r"^(?:Groep|Maatregel) ‘(.+?)’", "\n".join(labels), re.M))
        varianten = [naam for naam, cel in kolom if cel == "eigen variant"]
        for naam in varianten:
            assert naam.split(": ")[-1] in genoemd, (lid.gemeente, naam)
        # En andersom: elk instrument van basis én lid met een verschil in de paragraaf is
        # een eigen variant (een naam kan twee keer voorkomen, daarom op id geteld).
        beide = set(instrumenten(basis.data)) & set(eigen)
        assert len(varianten) == len({v.instrument for v in lid.verschillen if v.instrument in beide}), lid.gemeente
        if not any(v.deel == "Structuur, cultuur en maatregelen" for v in lid.verschillen):
            assert not varianten, lid.gemeente
    leiden = next(lid for lid in rapport.leden if lid.gemeente == "Leiden")
    assert leiden.telling()["aangepast"] == 0
    assert "eigen variant" not in [cellen[0] for _, cellen in rapport.matrix]


def test_schone_tekst(tmp_path):
    """Een regeling één keer genoemd, geen haakjes in haakjes, geen opdrachtnamen, één
    schrijfwijze voor procenten en bedragen."""
    for gemeente in ("voorbeeld", "leiderdorp", "leiden", "leidse-regio"):
        generate(gemeente, document="alle", formaten=["md"], uitvoer=tmp_path)
    for bestand in sorted(tmp_path.glob("*/*.md")):
        md = bestand.read_text(encoding="utf-8")
        assert "*(regeling: Beleidsnota" not in md, bestand.name
        assert not re.search(r"\([^()]*\([^()]*\)[^()]*\)", md), bestand.name
        assert not re.search(r"integriteitsplan (genereer|verschillen|controleer|nieuw)", md), bestand.name
        assert not re.search(r"\d procent|\d euro\b", md), bestand.name


def test_doorhalen_in_word(tmp_path):
    from integriteitsplan.genereren import verschillen

    verschillen("leidse-regio", formaten=["docx"], uitvoer=tmp_path)
    with zipfile.ZipFile(tmp_path / "leidse-regio" / "verschillen-leidse-regio.docx") as z:
        romp = z.read("word/document.xml").decode()
    assert "<w:strike/>" in romp and "~~" not in romp


def test_jaarplan_en_maatregelen_lezen_goed(tmp_path):
    """Het vinkje staat niet tussen haakjes (de PDF zette er een spatie voor), de toelichtingen
    onder 'Doorgeschoven' hebben een inleidende zin, en de kenmerken van een maatregel staan als
    korte lijst met een vet label, niet als één cursieve regel."""
    generate("voorbeeld", document="alle", formaten=["md"], uitvoer=tmp_path)
    jaarplan = (tmp_path / "voorbeeld" / "jaarplan-integriteit-2027.md").read_text(encoding="utf-8")
    assert "(✓)" not in jaarplan and "( ✓)" not in jaarplan
    doorgeschoven = jaarplan.split("Doorgeschoven uit 2026")[1].split("\n## ")[0]
    voor_lijst = doorgeschoven.split("\n- **")[0].rstrip().splitlines()[-1]
    assert voor_lijst.endswith(":") and not voor_lijst.startswith("|"), voor_lijst
    plan = (tmp_path / "voorbeeld" / "beleidsplan-integriteit-2026-2029.md").read_text(encoding="utf-8")
    assert " · *Coördinatie:*" not in plan
    assert re.search(r"^- \*\*Verantwoordelijk:\*\* .+\n- \*\*Coördinatie:\*\* ", plan, re.M)
