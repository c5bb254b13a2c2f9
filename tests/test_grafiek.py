"""De grafiek van het jaarverslag: een geldige PNG van vaste afmetingen, reproduceerbaar
(dezelfde invoer geeft dezelfde bytes, ook na andere grafieken en in een ander proces)."""
from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from integriteitsplan.renderen import grafiek
from integriteitsplan.verrijken import grafiekgegevens

PAKKET = Path(__file__).resolve().parents[1]

REEKS = {
    2023: {"meldingen": 11, "vertrouwenspersoon": 12, "onderzoeken_gestart": 3},
    2024: {"meldingen": 12, "vertrouwenspersoon": 15, "onderzoeken_gestart": 5},
    2025: {"meldingen": 9, "vertrouwenspersoon": 14, "onderzoeken_gestart": 2},
    2026: {"meldingen": 13, "vertrouwenspersoon": 18, "onderzoeken_gestart": 4},
}
ANDERE = {
    2021: {"meldingen": 140, "vertrouwenspersoon": None, "onderzoeken_gestart": 1},
    2022: {"meldingen": 0, "vertrouwenspersoon": 7, "onderzoeken_gestart": 1250},
}


def blokken(png: bytes) -> list[tuple[bytes, bytes]]:
    """De blokken van een PNG; controleert handtekening en CRC's."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    uit, i = [], 8
    while i < len(png):
        (lengte,) = struct.unpack(">I", png[i:i + 4])
        soort, data = png[i + 4:i + 8], png[i + 8:i + 8 + lengte]
        (crc,) = struct.unpack(">I", png[i + 8 + lengte:i + 12 + lengte])
        assert crc == zlib.crc32(soort + data), soort
        uit.append((soort, data))
        i += 12 + lengte
    return uit


def test_geldige_png_van_de_verwachte_grootte():
    png = grafiek.maak_grafiek(REEKS, 5)
    delen = blokken(png)
    soorten = [s for s, _ in delen]
    assert soorten[0] == b"IHDR" and soorten[-1] == b"IEND" and b"IDAT" in soorten
    breedte, hoogte = struct.unpack(">II", delen[0][1][:8])
    assert (breedte, hoogte) == (945, 450)  # 6,3 x 3,0 inch op 150 dpi
    (per_meter, _, eenheid), = [struct.unpack(">IIB", d) for s, d in delen if s == b"pHYs"]
    assert eenheid == 1 and round(per_meter * 0.0254) == 150
    # geen tijdstempel, software of andere tekst in het bestand
    assert not {b"tEXt", b"iTXt", b"zTXt", b"tIME"} & set(soorten)
    PIL = pytest.importorskip("PIL.Image")
    beeld = PIL.open(__import__("io").BytesIO(png))
    beeld.load()
    assert beeld.size == (945, 450)
    # niet leeg: er staan gekleurde staven in
    kleuren = {k for _, k in beeld.convert("RGB").getcolors(100000)}
    assert (0x1f, 0x4e, 0x79) in kleuren and (0x5b, 0x9b, 0xd5) in kleuren


def test_zelfde_invoer_zelfde_bytes_in_een_proces():
    eerste = grafiek.maak_grafiek(REEKS, 5)
    assert grafiek.maak_grafiek(REEKS, 5) == eerste
    andere = grafiek.maak_grafiek(ANDERE, 5)  # een andere grafiek tussendoor
    assert andere != eerste
    assert grafiek.maak_grafiek(REEKS, 5) == eerste
    assert grafiek.maak_grafiek(ANDERE, 5) == andere


def test_zelfde_bytes_in_een_ander_proces(tmp_path):
    """Een nieuw proces (lege caches) geeft dezelfde bytes, ook in een andere volgorde."""
    code = (
        "import sys, hashlib\n"
        "from integriteitsplan.renderen import grafiek\n"
        f"a, b = {REEKS!r}, {ANDERE!r}\n"
        "volgorde = [b, a] if sys.argv[1] == 'omgekeerd' else [a, b]\n"
        "uit = {id(r): hashlib.sha256(grafiek.maak_grafiek(r, 5)).hexdigest() for r in volgorde}\n"
        "print(uit[id(a)], uit[id(b)])\n"
    )
    omgeving = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PAKKET), os.environ.get("PYTHONPATH", "")])}
    uitkomsten = [subprocess.run([sys.executable, "-c", code, volgorde], capture_output=True, text=True,
                                 check=True, env=omgeving, cwd=tmp_path, timeout=120).stdout.split()
                  for volgorde in ("gewoon", "omgekeerd")]
    import hashlib

    hier = [hashlib.sha256(grafiek.maak_grafiek(r, 5)).hexdigest() for r in (REEKS, ANDERE)]
    assert uitkomsten[0] == uitkomsten[1] == hier


def test_warm_snel_genoeg():
    """Na de eerste grafiek is een grafiek goedkoop (doel: < 20 ms; hier ruim, voor CI)."""
    import time

    grafiek.maak_grafiek(REEKS, 5)
    tijden = []
    for _ in range(5):
        begin = time.process_time()
        grafiek.maak_grafiek(REEKS, 5)
        tijden.append(time.process_time() - begin)
    assert min(tijden) < 0.1


def test_verborgen_getal_geen_staaf_en_alles_verborgen_geen_grafiek():
    verborgen = {2025: {"meldingen": 3, "vertrouwenspersoon": 2, "onderzoeken_gestart": None},
                 2026: {"meldingen": 4, "vertrouwenspersoon": 1, "onderzoeken_gestart": None}}
    assert not grafiekgegevens.te_tekenen(verborgen, 5)
    assert grafiekgegevens.te_tekenen({**verborgen, 2027: {"meldingen": 0}}, 5)  # 0 wordt gepubliceerd
    assert grafiekgegevens.te_tekenen(REEKS, 5)
    # een verborgen getal verandert de hoogte van niets: alleen het label verschilt
    een = {2025: {"meldingen": 12, "vertrouwenspersoon": 3}}
    twee = {2025: {"meldingen": 12, "vertrouwenspersoon": 4}}
    assert grafiek.maak_grafiek(een, 5) == grafiek.maak_grafiek(twee, 5)


def test_alt_tekst_met_de_gepubliceerde_getallen():
    tekst = grafiekgegevens.alt_tekst(REEKS, 5)
    assert tekst.startswith("Staafdiagram: meldingen per jaar: 2023 11, 2024 12, 2025 9, 2026 13;")
    assert "gestarte onderzoeken per jaar: 2023 < 5, 2024 5, 2025 < 5, 2026 < 5." in tekst
    assert "< 5 betekent 1 tot en met 4" in tekst
    assert ".png" not in tekst
    assert "betekent" not in grafiekgegevens.alt_tekst({2025: {"meldingen": 12}}, 5)


def test_jaarverslag_met_alleen_verborgen_kerncijfers_heeft_geen_grafiek(tmp_path, monkeypatch):
    """Verrijken beslist: alleen verborgen getallen geven geen grafiek (geen bestand, geen
    verwijzing in de tekst); generate tekent dan niets."""
    from integriteitsplan import generate, verrijken

    alles_klein = {j: {n: (None if w is None else 2) for n, w in r.items()} for j, r in REEKS.items()}
    assert grafiekgegevens.grafiek_van("jaarverslag", alles_klein, 5) == (None, None)
    echte = verrijken.verrijk

    def zonder_grafiek(*args, **kwargs):
        verrijkt = echte(*args, **kwargs)
        verrijkt.context.grafiek, verrijkt.context.grafiek_alt = grafiekgegevens.grafiek_van(
            verrijkt.bestandsnaam, alles_klein, verrijkt.context.drempel)
        return verrijkt

    monkeypatch.setattr(verrijken, "verrijk", zonder_grafiek)
    verslag = generate("voorbeeld", document="jaarverslag", jaar=2026, formaten=["md", "docx"],
                       uitvoer=tmp_path, profielmappen=[])
    namen = [b.pad.name for b in verslag.bestanden]
    assert not [n for n in namen if n.endswith(".png")], namen
    md = next(b.pad for b in verslag.bestanden if b.pad.suffix == ".md").read_text(encoding="utf-8")
    assert "![" not in md


def test_jaarverslag_geeft_alt_tekst_aan_het_sjabloon(tmp_path, monkeypatch):
    from integriteitsplan import generate, genereren

    gezien = {}
    echte = genereren.renderen.render

    def kijk(verrijkt, profiel):
        gezien.update(verrijkt.sjabloonnamen())
        return echte(verrijkt, profiel)

    monkeypatch.setattr(genereren.renderen, "render", kijk)
    generate("voorbeeld", document="jaarverslag", jaar=2026, formaten=["md"], uitvoer=tmp_path,
             profielmappen=[])
    assert gezien["grafiek"].endswith(".png")
    assert gezien["grafiek_alt"].startswith("Staafdiagram: meldingen per jaar: 2023 ")
