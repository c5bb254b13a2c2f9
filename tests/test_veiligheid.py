"""Onvertrouwde mappen (issue 11): invoer die de machine niet kan overnemen, fouten die niets
laten verdwijnen. Elke weigering: exitcode 2, een Nederlandse melding, niets geschreven."""
from __future__ import annotations

import errno
import io
import os
import shutil
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from integriteitsplan.cli import hoofd

ROOT = Path(__file__).resolve().parent.parent
VOORBEELD = ROOT / "gemeenten" / "voorbeeld"
STANDAARD_DOCX = ROOT / "integriteitsplan" / "huisstijl" / "standaard.docx"


@pytest.fixture
def werk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTEGRITEITSPLAN_RENDERTIJD", "3")
    return tmp_path


def maak(werk: Path, naam: str = "t") -> Path:
    map_ = werk / "gemeenten" / naam
    shutil.copytree(VOORBEELD, map_)
    return map_


def run(*args):
    return CliRunner().invoke(hoofd, [str(a) for a in args], prog_name="integriteitsplan")


def genereer(naam="t", *extra):
    return run("genereer", naam, "--uitvoer", "uit", *extra)


def niets_geschreven(werk: Path) -> bool:
    uit = werk / "uit"
    return not uit.exists() or not any(uit.rglob("*"))


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text("utf-8")
    assert oud in tekst, oud
    pad.write_text(tekst.replace(oud, nieuw, 1), "utf-8")


# -- YAML ------------------------------------------------------------------------------

BOM = """metadata: {titel: a, gemeente: b}
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
onbekend: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.mark.parametrize("opdracht", ["genereer", "controleer"])
def test_aliasbom_snel_geweigerd(werk, opdracht):
    map_ = maak(werk)
    (map_ / "profiel.yaml").write_text(BOM, "utf-8")
    genereer() if opdracht == "genereer" else run("controleer", "t")  # eerst de modules laden
    begin = time.monotonic()
    uit = genereer() if opdracht == "genereer" else run("controleer", "t")
    duur = time.monotonic() - begin
    tracemalloc.start()
    genereer() if opdracht == "genereer" else run("controleer", "t")
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert uit.exit_code == 2, uit.output
    assert duur < 1.0
    assert piek < 100 * 1024 * 1024
    assert "t/profiel.yaml:" in uit.output
    assert "meer dan 50.000 waarden" in uit.output
    assert niets_geschreven(werk)


def test_te_diep_genest(werk):
    map_ = maak(werk)
    diep = "x: " + "[" * 200 + "]" * 200 + "\n"
    (map_ / "profiel.yaml").write_text((map_ / "profiel.yaml").read_text("utf-8") + diep, "utf-8")
    uit = genereer()
    assert uit.exit_code == 2, uit.output
    assert "te diep genest (meer dan 64 lijsten of mappings in elkaar)" in uit.output
    assert niets_geschreven(werk)


def test_250_geneste_groepen(werk):
    import yaml

    map_ = maak(werk)
    data = yaml.safe_load((map_ / "profiel.yaml").read_text("utf-8"))
    groep = {"id": "g0", "naam": "G0", "maatregelen": []}
    for i in range(250):
        groep = {"id": f"g{i + 1}", "naam": f"G{i + 1}", "groepen": [groep]}
    data["maatregelen"]["groepen"].append(groep)
    import sys

    oud = sys.getrecursionlimit()
    sys.setrecursionlimit(20_000)
    try:
        tekst = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    finally:
        sys.setrecursionlimit(oud)
    (map_ / "profiel.yaml").write_text(tekst, "utf-8")
    uit = genereer()
    assert uit.exit_code == 2, uit.output
    assert "t/profiel.yaml:" in uit.output and "te diep genest" in uit.output
    assert niets_geschreven(werk)


# -- sjablonen ---------------------------------------------------------------------------

@pytest.mark.parametrize("sjabloon, melding", [
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "het sjabloon gebruikt iets dat niet mag"),
    ("{% for x in range(10**9) %}x{% endfor %}", "range() met 1.000.000.000 stappen is te groot; het maximum is 100.000."),
    ('{{ "x"*10**9 }}', "een herhaling met * maakt meer dan 5.000.000 tekens of elementen; dat is te groot."),
    ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "de macro 'm' roept macro's meer dan 40 keer in elkaar aan"),
    ("{% for x in range(100000) %}{% for y in range(100000) %}{{ y }}{% endfor %}{% endfor %}",
     "de uitvoer van het sjabloon wordt groter dan 5.000.000 tekens"),
    ("{% for x in range(100000) %}{% for y in range(100000) %}{% endfor %}{% endfor %}",
     "het sjabloon doet er langer over dan 3 seconden"),
])
def test_sjabloon_in_de_zandbak(werk, sjabloon, melding):
    map_ = maak(werk)
    (map_ / "sjablonen" / "beleidsplan").mkdir(parents=True)
    (map_ / "sjablonen" / "beleidsplan" / "voorblad.md.j2").write_text("# Voorblad\n" + sjabloon + "\n", "utf-8")
    begin = time.monotonic()
    uit = genereer()
    assert time.monotonic() - begin < 15
    assert uit.exit_code == 2, uit.output
    assert "Fout in sjabloon t/sjablonen/beleidsplan/voorblad.md.j2:2: " in uit.output
    assert melding in uit.output
    assert "uid=" not in uit.output
    assert niets_geschreven(werk)


def test_profieltekst_is_geen_sjabloon(werk):
    map_ = maak(werk)
    vervang(map_ / "profiel.yaml", "  missie: |\n    De gemeente", "  missie: |\n    {{ 7*7 }} {% raw %} De gemeente")
    uit = genereer("t", "--formaat", "md")
    assert uit.exit_code == 0, uit.output
    md = next((werk / "uit" / "t").glob("*.md")).read_text("utf-8")
    assert "{{ 7*7 }} {% raw %}" in md and "49" not in md.split("{{ 7*7 }}")[0][-5:]


# -- paden -------------------------------------------------------------------------------

@pytest.mark.parametrize("sleutel", ["logo", "huisstijl"])
@pytest.mark.parametrize("waarde", ["../../geheim.docx", "ABSOLUUT", "../buur/huisstijl.docx"])
def test_logo_en_huisstijl_alleen_binnen_de_profielmap(werk, sleutel, waarde):
    map_ = maak(werk)
    geheim = werk / "geheim.docx"
    shutil.copy(STANDAARD_DOCX, geheim)
    (werk / "gemeenten" / "buur").mkdir()
    shutil.copy(STANDAARD_DOCX, werk / "gemeenten" / "buur" / "huisstijl.docx")
    waarde = str(geheim) if waarde == "ABSOLUUT" else waarde
    vervang(map_ / "profiel.yaml", "  gemeente: Voorbeeldstad\n", f"  gemeente: Voorbeeldstad\n  {sleutel}: '{waarde}'\n")
    uit = genereer()
    assert uit.exit_code == 2, uit.output
    assert f"metadata.{sleutel}: het bestand '{waarde}' staat niet in de profielmap" in uit.output
    # dezelfde melding als voor een bestand dat er niet is: niets verraadt of het bestaat
    assert "bestaat" not in uit.output.split(f"metadata.{sleutel}")[1].split("\n")[0]
    assert niets_geschreven(werk)


def test_logo_via_snelkoppeling_naar_buiten(werk):
    map_ = maak(werk)
    (werk / "buiten.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (map_ / "logo.png").symlink_to(werk / "buiten.png")
    vervang(map_ / "profiel.yaml", "  gemeente: Voorbeeldstad\n", "  gemeente: Voorbeeldstad\n  logo: logo.png\n")
    uit = genereer()
    assert uit.exit_code == 2, uit.output
    assert "metadata.logo: het bestand 'logo.png' staat niet in de profielmap" in uit.output


def test_afbeelding_in_tekst_buiten_de_map_geweigerd(werk):
    map_ = maak(werk)
    shutil.copy(ROOT / "integriteitsplan" / "huisstijl" / "standaard.docx", werk / "x.png")
    vervang(map_ / "profiel.yaml", "  missie: |\n    De gemeente", f"  missie: |\n    ![geheim]({werk / 'x.png'}) De gemeente")
    uit = genereer("t", "--formaat", "docx")
    assert uit.exit_code == 2, uit.output
    assert f"De afbeelding '{werk / 'x.png'}' in de tekst bestaat niet" in uit.output
    assert niets_geschreven(werk)


def _register_buiten(werk: Path, map_: Path) -> Path:
    buiten = werk / "share" / "meldingen.csv"
    buiten.parent.mkdir()
    shutil.copy(map_ / "jaren" / "2026" / "meldingen.csv", buiten)
    vervang(map_ / "jaren" / "2026" / "jaarverslag.yaml", "  register: meldingen.csv", f"  register: {buiten}")
    return buiten


def test_register_buiten_de_map_mag_voor_de_genoemde_gemeente(werk):
    map_ = maak(werk)
    _register_buiten(werk, map_)
    uit = genereer("t", "--document", "jaarverslag", "--jaar", "2026", "--formaat", "md")
    assert uit.exit_code == 0, uit.output


def test_register_buiten_de_map_niet_voor_een_lid_van_een_regio(werk):
    map_ = maak(werk, "lid")
    _register_buiten(werk, map_)
    regio = werk / "gemeenten" / "regio"
    regio.mkdir()
    (regio / "profiel.yaml").write_text("metadata:\n  titel: Regio\n  gemeente: Regio\n  organisatie: regio\n"
                                        "leden:\n  - lid\n", "utf-8")
    vervang(map_ / "profiel.yaml", "metadata:", "basis: regio\nmetadata:")
    uit = run("genereer", "--regio", "regio", "--document", "jaarverslag", "--jaar", "2026", "--formaat", "md",
              "--uitvoer", "uit")
    assert uit.exit_code == 1, uit.output
    assert "is niet gevonden in" in uit.output and "niet een lid van een regio" in uit.output
    assert niets_geschreven(werk)


def test_regioregister_blijft_in_de_map_van_de_regio(werk):
    shutil.copytree(ROOT / "gemeenten", werk / "gemeenten")
    regio = werk / "gemeenten" / "leidse-regio" / "profiel.yaml"
    vervang(regio, "meldingenregister: jaren/2026/meldingen-regio.csv", "meldingenregister: ../../../geheim.csv")
    (werk / "geheim.csv").write_text("datum;soort\n", "utf-8")
    uit = genereer("leiden", "--document", "jaarverslag", "--jaar", "2026", "--formaat", "md")
    assert uit.exit_code == 2, uit.output
    assert "het register ../../../geheim.csv is niet gevonden in" in uit.output
    assert niets_geschreven(werk)


# -- registers ---------------------------------------------------------------------------

def _zet_register(map_: Path, naam: str) -> None:
    vervang(map_ / "jaren" / "2026" / "jaarverslag.yaml", "  register: meldingen.csv", f"  register: {naam}")


def test_xlsx_bom_geweigerd_voor_het_lezen(werk):
    map_ = maak(werk)
    pad = map_ / "jaren" / "2026" / "meldingen.xlsx"
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            blok = b" " * (1024 * 1024)
            for _ in range(200):
                f.write(blok)
    assert pad.stat().st_size < 2 * 1024 * 1024
    _zet_register(map_, "meldingen.xlsx")
    begin = time.monotonic()
    uit = genereer("t", "--document", "jaarverslag", "--jaar", "2026")
    assert time.monotonic() - begin < 5
    assert uit.exit_code == 2, uit.output
    assert "de werkmap is uitgepakt groter dan 100 MB" in uit.output
    assert niets_geschreven(werk)


def test_grote_csv_boven_de_rijgrens(werk):
    map_ = maak(werk)
    pad = map_ / "jaren" / "2026" / "groot.csv"
    with pad.open("w", encoding="utf-8") as f:
        f.write("datum;soort;afdoening;uitkomst\n")
        f.write("2026-03-01;fraude;lopend;\n" * 100_001)
    _zet_register(map_, "groot.csv")
    begin = time.monotonic()
    uit = genereer("t", "--document", "jaarverslag", "--jaar", "2026")
    assert time.monotonic() - begin < 20
    assert uit.exit_code == 2, uit.output
    assert "groot.csv: het bestand heeft meer dan 100.000 rijen; dat is het maximum." in uit.output
    assert niets_geschreven(werk)


@pytest.mark.parametrize("waarde", ["jan.jansen@voorbeeldstad.nl", "123456782", "Jan Jansen",
                                    "Melder zegt dat J. fraude pleegde"])
def test_geen_persoonsgegevens_in_de_melding(werk, waarde):
    map_ = maak(werk)
    pad = map_ / "jaren" / "2026" / "meldingen.csv"
    regels = pad.read_text("utf-8").splitlines()
    kop = regels[0].split(";")
    i = kop.index("soort")
    cellen = regels[1].split(";")
    cellen[i] = waarde
    regels[1] = ";".join(cellen)
    pad.write_text("\n".join(regels) + "\n", "utf-8")
    uit = genereer("t", "--document", "jaarverslag", "--jaar", "2026")
    assert uit.exit_code == 2, uit.output
    assert "rij 2, kolom 'soort': de tekst in deze cel is geen bekende soort; kies uit" in uit.output
    assert waarde not in uit.output
    assert niets_geschreven(werk)


# -- getallen ----------------------------------------------------------------------------

@pytest.mark.parametrize("oud, nieuw, melding", [
    ("    omgangsvormen: 9", "    omgangsvormen: null",
     "vertrouwenspersoon.thema.omgangsvormen: hier hoort een geheel getal, maar het is leeg."),
    ("  ambtseden: 44", "  ambtseden: 100000000000000000000000",
     "cijfers.ambtseden: dit getal is te groot; het mag hoogstens 1.000.000 zijn."),
    ("    omgangsvormen: 9", "    omgangsvormen: 1000001",
     "vertrouwenspersoon.thema.omgangsvormen: 1000001 is te groot; het mag hoogstens 1.000.000 zijn."),
])
def test_aantallen_begrensd(werk, oud, nieuw, melding):
    map_ = maak(werk)
    vervang(map_ / "jaren" / "2026" / "jaarverslag.yaml", oud, nieuw)
    uit = genereer("t", "--document", "jaarverslag", "--jaar", "2026")
    assert uit.exit_code == 2, uit.output
    assert "t/jaren/2026/jaarverslag.yaml:" in uit.output and melding in uit.output
    assert niets_geschreven(werk)


# -- huisstijl ---------------------------------------------------------------------------

def _boze_huisstijl(pad: Path) -> None:
    with zipfile.ZipFile(STANDAARD_DOCX) as z, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as uit:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type="http://schemas.'
                                    b'microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
                                    b"</Relationships>")
            if info.filename == "word/settings.xml":
                data = data.replace(b"</w:settings>", b'<w:attachedTemplate r:id="rIdSj"/></w:settings>')
            uit.writestr(info, data)
        uit.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
        uit.writestr("word/_rels/settings.xml.rels",
                     '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                     'org/package/2006/relationships"><Relationship Id="rIdSj" Type="http://schemas.openxmlformats'
                     '.org/officeDocument/2006/relationships/attachedTemplate" Target="file://server/share/boos.dotm"'
                     ' TargetMode="External"/></Relationships>')


def test_huisstijl_opgeschoond(werk):
    map_ = maak(werk)
    _boze_huisstijl(map_ / "huisstijl.docx")
    vervang(map_ / "profiel.yaml", "  gemeente: Voorbeeldstad\n", "  gemeente: Voorbeeldstad\n  huisstijl: huisstijl.docx\n")
    uit = genereer("t", "--formaat", "docx")
    assert uit.exit_code == 0, uit.output
    assert "is weggelaten: macro's (vbaProject), een gekoppeld sjabloon (attachedTemplate)" in uit.output
    docx = next((werk / "uit" / "t").glob("*.docx"))
    with zipfile.ZipFile(docx) as z:
        namen = z.namelist()
        alles = b"".join(z.read(n) for n in namen if n.endswith((".rels", ".xml")))
    assert not any("vba" in n.lower() or n.startswith("word/embeddings") for n in namen)
    assert b"attachedTemplate" not in alles and b"boos.dotm" not in alles and b'TargetMode="External"' not in alles


# -- links en HTML -----------------------------------------------------------------------

def test_links_en_ruwe_html(werk):
    map_ = maak(werk)
    vervang(map_ / "profiel.yaml", "  missie: |\n    De gemeente",
            "  missie: |\n    [klik](javascript:alert(1)) [lees](file:///etc/passwd) [site](https://example.org) "
            "[mail](mailto:integriteit@example.org) <img src=x onerror=alert(1)> <script>x</script> De gemeente")
    uit = genereer()
    assert uit.exit_code == 0, uit.output
    assert "is weggelaten: een link met 'javascript:', een link met 'file:'" in uit.output
    md = next((werk / "uit" / "t").glob("*.md")).read_text("utf-8")
    assert "javascript:" not in md and "file:" not in md
    assert "[site](https://example.org)" in md and "[mail](mailto:integriteit@example.org)" in md
    assert "<img" not in md and "<script" not in md and "&lt;img src=x onerror=alert(1)>" in md
    with zipfile.ZipFile(next((werk / "uit" / "t").glob("*.docx"))) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        tekst = z.read("word/document.xml").decode()
    assert "javascript" not in rels and "file:" not in rels and "https://example.org" in rels
    assert "&lt;" in tekst and "<img" not in tekst


# -- schrijven ---------------------------------------------------------------------------

def test_tijdelijke_bestanden_van_een_afgebroken_run_opgeruimd(werk):
    maak(werk)
    assert genereer("t", "--formaat", "md").exit_code == 0
    doel = werk / "uit" / "t"
    dood = doel / "..integriteitsplan.json.999999999.abc123.tmp"  # een proces dat niet bestaat
    oud = doel / "..integriteitsplan.json.k3j2h1.tmp"  # van een oudere versie, zonder proces-id
    dood.write_text("half")
    oud.write_text("half")
    os.utime(oud, (time.time() - 3600, time.time() - 3600))
    vreemd = doel / ".iets-anders.tmp"
    vreemd.write_text("niet van ons")
    assert genereer("t", "--formaat", "md").exit_code == 0
    assert not dood.exists() and not oud.exists()
    assert vreemd.exists()


def test_volle_schijf_laat_de_aangepaste_versie_staan(werk, monkeypatch):
    from integriteitsplan.schrijven import bestanden

    maak(werk)
    assert genereer("t", "--formaat", "md").exit_code == 0
    md = next((werk / "uit" / "t").glob("*.md"))
    md.write_text("Mijn eigen aanpassing\n", "utf-8")
    echt = os.fdopen

    def vol(fd, *args, **kwargs):
        f = echt(fd, *args, **kwargs)

        def schrijf(_data):
            raise OSError(errno.ENOSPC, "No space left on device")
        f.write = schrijf
        return f

    monkeypatch.setattr(bestanden.os, "fdopen", vol)
    vervang(werk / "gemeenten" / "t" / "profiel.yaml", "  missie: |\n    De gemeente", "  missie: |\n    Nieuw. De gemeente")
    uit = genereer("t", "--formaat", "md")
    assert uit.exit_code == 2, uit.output
    relatief = Path("uit") / "t" / md.name
    assert f"Kan {relatief} niet schrijven: de schijf is vol." in uit.output
    assert f"{relatief} is niet veranderd: de versie die er stond (ook een aangepaste) staat er nog." in uit.output
    assert md.read_text("utf-8") == "Mijn eigen aanpassing\n"
    assert not list(md.parent.glob("*.bewerkt-*"))
    assert not [p for p in md.parent.iterdir() if p.name.endswith(".tmp")]


def test_aangepaste_versie_bewaard_zonder_de_naam_weg_te_halen(werk, monkeypatch):
    from integriteitsplan.schrijven import bestanden

    maak(werk)
    assert genereer("t", "--formaat", "md").exit_code == 0
    md = next((werk / "uit" / "t").glob("*.md"))
    md.write_text("Mijn eigen aanpassing\n", "utf-8")
    gezien = []
    echte_replace = os.replace

    def replace(bron, doel):
        gezien.append(md.exists())  # op elk moment staat er een bestand onder de oorspronkelijke naam
        return echte_replace(bron, doel)

    monkeypatch.setattr(bestanden.os, "replace", replace)
    vervang(werk / "gemeenten" / "t" / "profiel.yaml", "  missie: |\n    De gemeente", "  missie: |\n    Nieuw. De gemeente")
    uit = genereer("t", "--formaat", "md")
    assert uit.exit_code == 0, uit.output
    assert all(gezien)
    bewaard = md.with_name(md.stem + ".bewerkt-1.md")
    assert bewaard.read_text("utf-8") == "Mijn eigen aanpassing\n"
    assert "Nieuw. De gemeente" in md.read_text("utf-8")


def test_groepen_hoogstens_tien_lagen_diep(werk):
    import yaml

    map_ = maak(werk)
    data = yaml.safe_load((map_ / "profiel.yaml").read_text("utf-8"))
    groep = {"id": "g0", "naam": "G0", "maatregelen": [{"id": "m-diep", "maatregel": "Diep", "status": "gepland"}]}
    for i in range(12):
        groep = {"id": f"g{i + 1}", "naam": f"G{i + 1}", "groepen": [groep]}
    data["maatregelen"]["groepen"].append(groep)
    (map_ / "profiel.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    uit = genereer()
    assert uit.exit_code == 2, uit.output
    assert "t/profiel.yaml:" in uit.output
    assert "hier liggen meer dan 10 lagen groepen in elkaar; dat is het maximum." in uit.output
    assert niets_geschreven(werk)


# -- de webpagina (html) en de index -------------------------------------------------------

def test_html_geen_eigen_attributen_uit_het_profiel(werk):
    """Met ``{: ...}`` (attr_list) kon een profiel ``onclick``, ``onerror``, ``style`` en een
    andere ``href`` op een element zetten; in de webpagina blijft alleen wat de opmaak maakt."""
    import re

    map_ = maak(werk)
    shutil.copy(_een_png(werk), map_ / "x.png")
    vervang(map_ / "profiel.yaml", "  missie: |\n    De gemeente",
            "  missie: |\n"
            "    Zie [site](https://example.org){onmouseover=\"alert(1)\"} en [b](https://example.org){href=\" javascript:alert(2)\"}.\n"
            "    {: onclick=\"alert(3)\" style=\"position:fixed;background:url(https://example.org/x)\" }\n\n"
            "    ## Kop {#a\"onfocus=alert(4)\" }\n\n"
            "    ![plaatje](x.png){onerror=\"alert(5)\"}\n\n"
            "    Tekst[^1].\n\n"
            "    [^1]: noot [z](https://example.org){onclick=alert(6)}\n\n"
            "    De gemeente")
    uit = genereer("t", "--formaat", "html")
    assert uit.exit_code == 0, uit.output
    pagina = next((werk / "uit" / "t").glob("beleidsplan-*.html")).read_text("utf-8")
    assert not re.search(r"<[^>]*\son[a-z]+=", pagina), "een on...-attribuut in de pagina"
    assert "javascript" not in pagina and "position:fixed" not in pagina and "url(" not in pagina
    assert 'href="https://example.org"' in pagina


def _een_png(werk: Path) -> Path:
    from PIL import Image

    pad = werk / "een.png"
    Image.new("RGB", (4, 4), "white").save(pad)
    return pad


def test_index_alleen_eigen_bestanden_uit_de_vingerafdrukken(werk):
    """``.integriteitsplan.json`` kan met de hand zijn aangepast: een naam met een schema
    (``javascript:``), een pad naar buiten of een snelkoppeling komt niet in ``index.html``."""
    import json

    maak(werk)
    map_ = werk / "uit" / "t"
    map_.mkdir(parents=True)
    (map_ / "javascript:alert(1).html").write_text("x", "utf-8")
    (map_ / "geheim.pdf").symlink_to("/etc/hosts")
    (map_ / ".integriteitsplan.json").write_text(json.dumps({
        "javascript:alert(1).html": "a", "../../etc/passwd.pdf": "b", "/etc/hosts.md": "c",
        'x"><script>alert(2)</script>.html': "d", "geheim.pdf": "e"}), "utf-8")
    uit = genereer("t", "--formaat", "html")
    assert uit.exit_code == 0, uit.output
    index = (map_ / "index.html").read_text("utf-8")
    for fout in ("javascript", "passwd", "hosts", "<script", "geheim"):
        assert fout not in index, fout
    assert 'href="beleidsplan-integriteit-2026-2029.html"' in index
    register = json.loads((map_ / ".integriteitsplan.json").read_text("utf-8"))
    assert not any("/" in k or k.startswith(".") for k in register)


# -- filters en methoden die een tekst opblazen: vooraf begrensd ------------------------------

@pytest.mark.parametrize("sjabloon, melding", [
    ('{{ "x"|center(10**9) }}', "center maakt een tekst van meer dan 5.000.000 tekens"),
    ('{{ "%*s"|format(10**9, "x") }}', "een opmaak met een breedte van miljoenen tekens is niet toegestaan."),
    ('{{ "%0999999999d" % 1 }}', "een opmaak met een breedte van miljoenen tekens is niet toegestaan."),
    ('{{ "{:>999999999}".format(1) }}', "een opmaak met een breedte van miljoenen tekens is niet toegestaan."),
    ('{{ ("a\\n"*1000000)|indent(1000) }}', "indent maakt een tekst van meer dan 5.000.000 tekens"),
    ('{{ ("a "*2000000)|wordwrap(1, true, "x"*100) }}', "wordwrap maakt een tekst van meer dan 5.000.000 tekens"),
    ('{{ range(100000)|join("x"*4000000) }}', "join() maakt een tekst van meer dan 5.000.000 tekens"),
    ('{{ ("a"*4000000)|replace("a", "b"*4000000) }}', "replace() maakt een tekst van meer dan 5.000.000 tekens"),
    ('{{ "x".ljust(10**9) }}', "ljust() maakt een tekst van meer dan 5.000.000 tekens"),
    ('{% set ns = namespace(a="x"*4000000) %}{% for i in range(10) %}{% set ns.a = ns.a ~ ns.a %}{% endfor %}',
     "het sjabloon (met ~) maakt een tekst van meer dan 5.000.000 tekens"),
    ('{{ range(10)|batch(10**9, "x")|list|length }}', "batch met meer dan 100.000 delen is te groot."),
    ('{{ range(10)|slice(10**9)|list|length }}', "slice met meer dan 100.000 delen is te groot."),
    ("{{ lipsum(10**9) }}", "lipsum() mag hoogstens 100 alinea's van 1000 woorden maken."),
    ("{% set a = (10**64)**64 %}{{ a**64 }}", "een macht (**) met zo'n groot getal is niet toegestaan."),
    ("{% set ns = namespace(a=10**64) %}{% for i in range(40) %}{% set ns.a = ns.a * ns.a %}{% endfor %}",
     "een vermenigvuldiging met zo'n groot getal is niet toegestaan."),
])
def test_filters_vooraf_begrensd(werk, sjabloon, melding):
    """Een filter of methode met een enorm argument wordt geweigerd vóór de tekst bestaat
    (eerder: eerst een tekst van 1 GB, of een MemoryError)."""
    map_ = maak(werk)
    (map_ / "sjablonen" / "beleidsplan").mkdir(parents=True)
    (map_ / "sjablonen" / "beleidsplan" / "voorblad.md.j2").write_text("# Voorblad\n" + sjabloon + "\n", "utf-8")
    uit = genereer()
    assert uit.exit_code == 2, uit.output
    assert "Fout in sjabloon t/sjablonen/beleidsplan/voorblad.md.j2:2: " in uit.output
    assert melding in uit.output
    assert niets_geschreven(werk)


def test_filter_met_enorm_argument_kost_geen_geheugen(werk):
    map_ = maak(werk)
    (map_ / "sjablonen" / "beleidsplan").mkdir(parents=True)
    (map_ / "sjablonen" / "beleidsplan" / "voorblad.md.j2").write_text('# V\n{{ "x"|center(300000000) }}\n', "utf-8")
    genereer()  # eerst de modules laden
    tracemalloc.start()
    try:
        uit = genereer()
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert uit.exit_code == 2, uit.output
    assert piek < 100 * 2**20, piek


def test_gewone_filters_werken_nog(werk):
    map_ = maak(werk)
    (map_ / "sjablonen" / "beleidsplan").mkdir(parents=True)
    (map_ / "sjablonen" / "beleidsplan" / "voorblad.md.j2").write_text(
        '# Voorblad\n[{{ "abc"|center(7) }}] {{ "a\\nb"|indent(2) }} {{ [1, 2]|join(", ") }} {{ "%5.2f" % 3.14159 }} '
        '{{ "{:>4}".format("x") }} {{ "ab" ~ "cd" }} {{ range(5)|batch(2)|list }} {{ "a-b"|replace("-", "+") }}\n', "utf-8")
    uit = genereer("t", "--formaat", "md")
    assert uit.exit_code == 0, uit.output
    md = next((werk / "uit" / "t").glob("*.md")).read_text("utf-8")
    assert '[  abc  ] a\n  b 1, 2  3.14    x abcd [[0, 1], [2, 3], [4]] a+b' in md


# -- {gemeente} -------------------------------------------------------------------------------

def test_plaatshouder_gemeente_blaast_niet_op(werk):
    """Een naam van 2 miljoen tekens maal 200.000 keer {gemeente} was 400 GB (MemoryError,
    exitcode 1 met een traceback); nu een melding met bestand en regel."""
    map_ = maak(werk)
    vervang(map_ / "profiel.yaml", "gemeente: Voorbeeldstad", "gemeente: " + "V" * 2_000_000)
    vervang(map_ / "profiel.yaml", "  missie: |\n    De gemeente", "  missie: |\n    " + "{gemeente}" * 200_000 + " De gemeente")
    for opdracht in (genereer, lambda: run("controleer", "t")):
        uit = opdracht()
        assert uit.exit_code == 2, uit.output
        assert "t/profiel.yaml:88 missie_visie.missie: met de naam van de gemeente ingevuld voor {gemeente} worden " \
               "de teksten samen meer dan 5.000.000 tekens langer" in uit.output
        assert "Traceback" not in uit.output
    assert niets_geschreven(werk)


# -- huisstijl: zipbom, altChunk, links en standaardbrieven ------------------------------------

def test_huisstijl_zipbom_geweigerd_voor_het_lezen(werk):
    """Een huisstijl van 1,5 MB die zich uitpakt tot 1,5 GB werd helemaal gelezen (python-docx,
    de kleur voor de webpagina); nu geweigerd met bestand en regel, vóór iets hem leest."""
    map_ = maak(werk)
    with zipfile.ZipFile(STANDAARD_DOCX) as z, zipfile.ZipFile(map_ / "huisstijl.docx", "w", zipfile.ZIP_DEFLATED) as uit:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "word/styles.xml":
                data = data.replace(b"</w:styles>", b"<!--" + b" " * (60 * 2**20) + b"--></w:styles>")
            uit.writestr(info, data)
    vervang(map_ / "profiel.yaml", "  gemeente: Voorbeeldstad\n", "  gemeente: Voorbeeldstad\n  huisstijl: huisstijl.docx\n")
    uit = genereer("t", "--formaat", "docx,html")
    assert uit.exit_code == 2, uit.output
    assert "t/profiel.yaml:" in uit.output
    assert "metadata.huisstijl: 'huisstijl.docx' is uitgepakt groter dan 50 MB" in uit.output
    assert niets_geschreven(werk)


def test_huisstijl_zonder_altchunk_vreemde_links_en_standaardbrieven(werk):
    map_ = maak(werk)
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships">{}</Relationships>')
    typ = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    with zipfile.ZipFile(STANDAARD_DOCX) as z, zipfile.ZipFile(map_ / "huisstijl.docx", "w", zipfile.ZIP_DEFLATED) as uit:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdA" Type="{typ}aFChunk" Target="stuk.html"/>'
                    f'<Relationship Id="rIdL" Type="{typ}hyperlink" Target="file:///etc/passwd" TargetMode="External"/>'
                    "</Relationships>").encode())
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b'<w:body><w:altChunk r:id="rIdA"/>')
            if info.filename == "word/settings.xml":
                data = data.replace(b"</w:settings>", b'<w:mailMerge><w:mainDocumentType w:val="formLetters"/>'
                                    b'<w:query w:val="SELECT * FROM /etc/passwd"/></w:mailMerge></w:settings>')
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="html" ContentType="text/html"/></Types>')
            uit.writestr(info, data)
        uit.writestr("word/stuk.html", '<html><body><img src="http://example.org/x.png"></body></html>')
    vervang(map_ / "profiel.yaml", "  gemeente: Voorbeeldstad\n", "  gemeente: Voorbeeldstad\n  huisstijl: huisstijl.docx\n")
    uit = genereer("t", "--formaat", "docx")
    assert uit.exit_code == 0, uit.output
    assert ("is weggelaten: een ingevoegd stuk van een ander formaat (altChunk), een link die niet naar http, "
            "https of mailto gaat, een gegevensbron voor standaardbrieven (mailMerge)") in uit.output
    with zipfile.ZipFile(next((werk / "uit" / "t").glob("*.docx"))) as z:
        namen = z.namelist()
        alles = b"".join(z.read(n) for n in namen if n.endswith((".rels", ".xml")))
    assert "word/stuk.html" not in namen
    for fout in (b"aFChunk", b"altChunk", b"passwd", b"mailMerge", b"example.org"):
        assert fout not in alles, fout


def test_link_naar_een_pad_niet_in_pdf_word_of_webpagina(werk):
    """Een link zonder schema werd doorgelaten: in de PDF werd ``../../etc/passwd``
    ``file:///etc/passwd`` (en ``x`` een link met de naam van de tijdelijke map), in Word een
    link naar een bestand of netwerkmap. Alleen http, https, mailto en ankers blijven."""
    map_ = maak(werk)
    vervang(map_ / "profiel.yaml", "  missie: |\n    De gemeente",
            "  missie: |\n    Zie [een](../../../../etc/passwd), [twee](/etc/shadow), [drie](//server/share) "
            "en [vier](#inhoud). De gemeente")
    uit = genereer("t", "--formaat", "docx,html,md")
    assert uit.exit_code == 0, uit.output
    assert "is weggelaten: een link naar een bestand of map (2x), een link naar buiten zonder schema." in uit.output
    for pad in (werk / "uit" / "t").iterdir():
        data = pad.read_bytes()
        if pad.suffix == ".docx":
            with zipfile.ZipFile(pad) as z:
                data = b"".join(z.read(n) for n in z.namelist() if n.endswith((".rels", ".xml")))
        for fout in (b"passwd", b"shadow", b"server/share"):
            assert fout not in data, (pad.name, fout)


# -- nieuw --naar-voorbeeld-van en --uitvoer ---------------------------------------------------

def test_nieuw_naar_voorbeeld_kopieert_geen_snelkoppelingen(werk):
    """shutil.copytree volgde snelkoppelingen: een map met ``pw -> /etc/passwd`` gaf een nieuw
    profiel met een kopie van /etc/passwd erin (en een map-snelkoppeling kopieerde een hele map)."""
    map_ = maak(werk, "bron")
    (map_ / "pw.txt").symlink_to("/etc/passwd")
    (map_ / "sub").mkdir()
    (map_ / "sub" / "map").symlink_to("/etc")
    os.mkfifo(map_ / "fifo")
    uit = run("nieuw", "kopie", "--naar-voorbeeld-van", "bron")
    assert uit.exit_code == 0, uit.output
    assert "Let op: niet gekopieerd uit bron: fifo, pw.txt, sub/map." in uit.output
    kopie = werk / "gemeenten" / "kopie"
    assert (kopie / "profiel.yaml").is_file() and (kopie / "jaren").is_dir()
    assert not (kopie / "pw.txt").exists() and not (kopie / "sub" / "map").exists() and not (kopie / "fifo").exists()
    assert not any(p.is_symlink() for p in kopie.rglob("*"))
    assert [p.name for p in (werk / "gemeenten").iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("uitvoer", ["gemeenten", "gemeenten/t", "gemeenten/t/jaren"])
def test_uitvoer_niet_in_een_map_met_profielen(werk, uitvoer):
    maak(werk)
    voor = sorted(p.relative_to(werk) for p in (werk / "gemeenten").rglob("*"))
    uit = run("genereer", "t", "--uitvoer", uitvoer, "--formaat", "md")
    assert uit.exit_code == 2, uit.output
    assert "ligt in een map met profielen" in uit.output and "Kies een andere uitvoermap (--uitvoer)." in uit.output
    assert sorted(p.relative_to(werk) for p in (werk / "gemeenten").rglob("*")) == voor


def test_uitvoer_niet_via_een_snelkoppeling(werk):
    maak(werk)
    elders = werk / "elders"
    elders.mkdir()
    (werk / "uit").mkdir()
    (werk / "uit" / "t").symlink_to(elders)
    uit = genereer("t", "--formaat", "md")
    assert uit.exit_code == 2, uit.output
    assert "De uitvoermap uit/t is een snelkoppeling; het programma schrijft niet via een snelkoppeling." in uit.output
    assert list(elders.iterdir()) == []


# -- PDF: LibreOffice blijft niet achter -------------------------------------------------------

def _processen_met(tekst: str) -> list[int]:
    uit = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if tekst.encode() in (proc / "cmdline").read_bytes():
                    uit.append(int(proc.name))
            except OSError:
                pass
    return uit


@pytest.mark.skipif(shutil.which("soffice") is None or not Path("/usr/bin/python3").exists(),
                    reason="LibreOffice is niet geïnstalleerd")
def test_pdf_libreoffice_stopt_als_het_programma_gedood_wordt(werk):
    """Na kill -9 van het programma bleef LibreOffice (oosplash en soffice.bin) draaien, met
    zijn tijdelijke map in /tmp; nu sluit het hulpprogramma het en ruimt het de map op."""
    import signal
    import subprocess
    import sys

    maak(werk)
    omgeving = dict(os.environ, PYTHONPATH=str(ROOT))
    proces = subprocess.Popen([sys.executable, "-m", "integriteitsplan", "genereer", "t", "--document", "alle",
                               "--formaat", "pdf", "--uitvoer", "uit"], cwd=werk, env=omgeving,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    naam = f"name=integriteitsplan-{proces.pid}-"
    eind = time.monotonic() + 30
    while not _processen_met(naam) and time.monotonic() < eind and proces.poll() is None:
        time.sleep(0.05)
    lo = _processen_met(naam)
    assert lo, "LibreOffice is niet gestart"
    cmd = Path(f"/proc/{lo[0]}/cmdline").read_bytes().decode(errors="replace")
    tijdelijk = Path(cmd.split("UserInstallation=file://", 1)[1].split("\0", 1)[0]).parent
    time.sleep(0.5)
    os.kill(proces.pid, signal.SIGKILL)
    proces.wait()
    eind = time.monotonic() + 20
    while (_processen_met(naam) or tijdelijk.exists()) and time.monotonic() < eind:
        time.sleep(0.2)
    over = _processen_met(naam)
    for pid in over:  # niet laten staan als de test faalt
        with __import__("contextlib").suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    assert not over, "LibreOffice draait nog"
    assert not tijdelijk.exists(), tijdelijk


@pytest.mark.skipif(shutil.which("soffice") is None or not Path("/usr/bin/python3").exists(),
                    reason="LibreOffice is niet geïnstalleerd")
def test_pdf_vastgelopen_libreoffice_stopt_de_run_niet(werk, monkeypatch):
    """Het antwoord van LibreOffice werd zonder tijdslimiet afgewacht: een document dat het laat
    vastlopen, hield de run voor altijd op. Nu exitcode 2 na INTEGRITEITSPLAN_PDFTIJD seconden."""
    import integriteitsplan.schrijven.pdf as pdf

    maak(werk)
    monkeypatch.setenv("INTEGRITEITSPLAN_PDFTIJD", "0.1")
    pdf.sluit()
    try:
        uit = genereer("t", "--formaat", "pdf")
        assert uit.exit_code == 2, uit.output
        assert "LibreOffice deed er langer dan 0.1 seconden over om de PDF te maken en is gestopt." in uit.output
        assert niets_geschreven(werk)
        sessie = pdf._SESSIE
        assert sessie is None or sessie.hulp.poll() is not None
    finally:
        pdf.sluit()
    monkeypatch.setenv("INTEGRITEITSPLAN_PDFTIJD", "120")
    uit = genereer("t", "--formaat", "pdf")  # daarna start een nieuwe LibreOffice gewoon
    assert uit.exit_code == 0, uit.output
    pdf.sluit()


# -- afbeeldingen: een kleine PNG die uitgepakt gigabytes is ------------------------------------

def _png(breedte: int, hoogte: int, rijen: int = 10) -> bytes:
    import struct
    import zlib

    def blok(soort: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + soort + data + struct.pack(">I", zlib.crc32(soort + data))

    idat = zlib.compress(b"\0" * ((breedte * 3 + 1) * rijen), 9)
    return (b"\x89PNG\r\n\x1a\n" + blok(b"IHDR", struct.pack(">IIBBBBB", breedte, hoogte, 8, 2, 0, 0, 0))
            + blok(b"IDAT", idat) + blok(b"IEND", b""))


@pytest.mark.parametrize("sleutel", ["tekst", "logo"])
def test_afbeelding_met_te_veel_beeldpunten_geweigerd(werk, sleutel):
    """Een PNG van 30.000 bij 30.000 beeldpunten (2,7 GB uitgepakt) ging in het .docx en werd
    door LibreOffice voor de PDF uitgepakt; nu geweigerd op grond van de kop van het bestand."""
    map_ = maak(werk)
    (map_ / "groot.png").write_bytes(_png(30000, 30000))
    if sleutel == "logo":
        vervang(map_ / "profiel.yaml", "  gemeente: Voorbeeldstad\n", "  gemeente: Voorbeeldstad\n  logo: groot.png\n")
    else:
        vervang(map_ / "profiel.yaml", "  missie: |\n    De gemeente", "  missie: |\n    ![kaart](groot.png)\n\n    De gemeente")
    uit = genereer("t", "--formaat", "docx,pdf" if shutil.which("soffice") else "docx")
    assert uit.exit_code == 2, uit.output
    assert "groot.png is 30000 bij 30000 beeldpunten; het maximum is 40 miljoen beeldpunten" in uit.output
    assert niets_geschreven(werk)


def test_afbeelding_groter_dan_20_mb_geweigerd(werk):
    map_ = maak(werk)
    (map_ / "zwaar.png").write_bytes(_png(100, 100) + b"\0" * (21 * 2**20))
    vervang(map_ / "profiel.yaml", "  missie: |\n    De gemeente", "  missie: |\n    ![kaart](zwaar.png)\n\n    De gemeente")
    uit = genereer("t", "--formaat", "docx")
    assert uit.exit_code == 2, uit.output
    assert "De afbeelding zwaar.png is groter dan 20 MB; dat is te groot voor een document." in uit.output
    assert niets_geschreven(werk)


# -- sjablonen via een snelkoppeling ----------------------------------------------------------

@pytest.mark.parametrize("soort", ["bestand", "map"])
def test_sjabloon_via_snelkoppeling_niet_gelezen(werk, tmp_path_factory, soort):
    """Jinja's FileSystemLoader volgt snelkoppelingen: ``voorblad.md.j2 -> /etc/passwd`` of
    ``{% include "x/geheim" %}`` met ``x -> /elders`` zette een bestand van buiten de map in het
    gemaakte (en gepubliceerde) document."""
    geheim = tmp_path_factory.mktemp("elders") / "geheim.txt"
    geheim.write_text("GEHEIM-1234 root:x:0:0\n", "utf-8")
    map_ = maak(werk)
    (map_ / "sjablonen" / "beleidsplan").mkdir(parents=True)
    if soort == "bestand":
        (map_ / "sjablonen" / "beleidsplan" / "voorblad.md.j2").symlink_to(geheim)
    else:
        (map_ / "sjablonen" / "x").symlink_to(geheim.parent)
        (map_ / "sjablonen" / "beleidsplan" / "voorblad.md.j2").write_text('# V\n{% include "x/geheim.txt" %}\n', "utf-8")
    uit = genereer("t", "--formaat", "md")
    assert "GEHEIM-1234" not in uit.output
    assert "is (of staat in) een snelkoppeling en wordt niet gebruikt" in uit.output
    if soort == "bestand":
        assert uit.exit_code == 0, uit.output  # het standaardvoorblad
        assert "GEHEIM-1234" not in next((werk / "uit" / "t").glob("*.md")).read_text("utf-8")
    else:
        assert uit.exit_code == 2, uit.output
        assert "Fout in sjabloon x/geheim.txt: dit sjabloon bestaat niet." in uit.output
        assert niets_geschreven(werk)


def test_jaarbestand_via_snelkoppeling_naar_buiten_niet_gelezen(werk, tmp_path_factory):
    """Een jaarbestand dat naar elders wijst (``kerncijfers.yaml -> /elders/...``), werd gelezen
    en kwam zo in het jaarverslag; nu niet gelezen, met een waarschuwing."""
    elders = tmp_path_factory.mktemp("elders") / "kerncijfers.yaml"
    map_ = maak(werk)
    tekst = (map_ / "jaren" / "kerncijfers.yaml").read_text("utf-8")
    elders.write_text(tekst, "utf-8")
    (map_ / "jaren" / "kerncijfers.yaml").unlink()
    (map_ / "jaren" / "kerncijfers.yaml").symlink_to(elders)
    uit = genereer("t", "--document", "jaarverslag", "--jaar", "2026", "--formaat", "md")
    assert uit.exit_code in (0, 1), uit.output
    assert "Let op: t/jaren/kerncijfers.yaml wijst naar een bestand buiten de map van het profiel en wordt niet gelezen." \
        in uit.output
    assert str(elders) not in uit.output


def test_profiel_via_snelkoppeling_naar_buiten_niet_gelezen(werk, tmp_path_factory):
    """``gemeenten/t/profiel.yaml -> /elders/profiel.yaml`` werd gelezen (ook voor een lid van een
    regio); nu telt het profiel als niet gevonden."""
    elders = tmp_path_factory.mktemp("elders") / "profiel.yaml"
    map_ = maak(werk)
    elders.write_text((map_ / "profiel.yaml").read_text("utf-8").replace("Voorbeeldstad", "GEHEIMSTAD"), "utf-8")
    (map_ / "profiel.yaml").unlink()
    (map_ / "profiel.yaml").symlink_to(elders)
    uit = genereer("t", "--formaat", "md")
    assert uit.exit_code == 2, uit.output
    assert "Gemeente 't' is niet gevonden." in uit.output and "GEHEIMSTAD" not in uit.output
    assert niets_geschreven(werk)
