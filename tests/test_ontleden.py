"""Eén ontleding, drie schrijvers: maak_document ontleedt de tekst één keer; de .docx en de
webpagina lezen dezelfde boom en veranderen hem niet."""
from __future__ import annotations

import copy
import xml.etree.ElementTree as ET

import struct
import zlib

from integriteitsplan import genereren, laden
from integriteitsplan.schrijven import ontleden


def test_een_keer_ontleden(monkeypatch):
    aanroepen = []
    echt = ontleden.ontleed

    def tel(tekst):
        aanroepen.append(tekst)
        return echt(tekst)

    monkeypatch.setattr(ontleden, "ontleed", tel)
    profiel = laden.laad_profiel("voorbeeld", laden.zoekmappen())
    doc = genereren.maak_document(profiel, "beleidsplan", ("docx", "md", "html"))
    assert {n.rsplit(".", 1)[1] for n in doc.bestanden} >= {"docx", "md", "html"}
    romp = [t for t in aanroepen if t.lstrip().startswith("#") and len(t) > 2000]
    assert len(romp) == 1  # de romp één keer, voor Word én html
    assert len(aanroepen) <= 2  # en hoogstens het (korte) voorblad, dat alleen de webpagina heeft


def _png() -> bytes:
    def blok(soort: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + soort + data + struct.pack(">I", zlib.crc32(soort + data))

    return (b"\x89PNG\r\n\x1a\n" + blok(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + blok(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + blok(b"IEND", b""))


def test_boom_blijft_gelijk_en_uitkomst_ook():
    from integriteitsplan.renderen.document import Gerenderd
    from integriteitsplan.schrijven import word
    from integriteitsplan.schrijven.html import Pagina, maak_html

    romp = ("# 1 Hoofdstuk\n\nTekst met een noot.[^a] &amp; een ![grafiek](g.png)\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>ruw</div>\n\n[^a]: De noot.\n")
    gerenderd = Gerenderd("# Titel\n", romp)
    vangst = ontleden.ontleed(romp)
    voor = ET.tostring(copy.deepcopy(vangst.wortel))
    pagina = Pagina("Titel", "Gemeente Test", {"g.png": _png()})
    gegevens = word.Documentgegevens(titel="Titel", gemeente="Gemeente Test")
    assert maak_html(gerenderd, pagina, vangst) == maak_html(gerenderd, pagina)
    beelden = {"g.png": pagina.afbeeldingen["g.png"]}
    assert word.maak_docx(romp, gegevens, beelden, vangst=vangst) == word.maak_docx(romp, gegevens, beelden)
    assert ET.tostring(vangst.wortel) == voor
    assert "&lt;div&gt;ruw&lt;/div&gt;" in maak_html(gerenderd, pagina, vangst).decode()
