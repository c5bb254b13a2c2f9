"""Meet de tekenbreedtes van Carlito (metrisch gelijk aan Calibri) en zet ze als gegevens in
``integriteitsplan/schrijven/word/maten.py``, tussen de regels ``# -- tekenbreedtes:`` en
``# -- einde tekenbreedtes``. Eenmalig te draaien (fontTools en fonts-crosextra-carlito
nodig); het programma leest zelf nooit een lettertypebestand.

    python3 tools/maak_tekenbreedtes.py
"""
from __future__ import annotations

import re
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/crosextra")
MATEN = Path(__file__).resolve().parent.parent / "integriteitsplan/schrijven/word/maten.py"
# spatie tot tilde, Latin-1 en wat een Nederlandse tekst verder gebruikt
TEKENS = ([chr(c) for c in range(32, 127)] + [chr(c) for c in range(160, 256)]
          + list("ŒœŠšŸŽžƒ–—‘’‚“”„†‡•…‰‹›€™−≤≥✓→←·"))


def breedtes(bestand: str) -> list[int]:
    font = TTFont(FONTS / bestand)
    schaal = 1000 / font["head"].unitsPerEm
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    uit = []
    for teken in TEKENS:
        glyph = cmap.get(ord(teken))
        uit.append(round(hmtx[glyph][0] * schaal) if glyph else 0)
    return uit


def blok(naam: str, waarden: list[int]) -> str:
    regels, regel = [], "    "
    for w in waarden:
        stuk = f"{w},"
        if len(regel) + len(stuk) + 1 > 96:
            regels.append(regel.rstrip())
            regel = "    "
        regel += stuk + " "
    regels.append(regel.rstrip())
    return f"{naam} = (\n" + "\n".join(regels) + "\n)\n"


def main() -> None:
    tekens = "".join(TEKENS)
    data = ("# -- tekenbreedtes: gemaakt door tools/maak_tekenbreedtes.py uit Carlito (= Calibri),\n"
            "# in duizendsten van een em; 0 = teken ontbreekt in het lettertype\n"
            + "_TEKENS = (\n" + "".join(f"    {tekens[i:i + 40]!r}\n" for i in range(0, len(tekens), 40)) + ")\n"
            + blok("_GEWOON", breedtes("Carlito-Regular.ttf"))
            + blok("_VET", breedtes("Carlito-Bold.ttf"))
            + "# -- einde tekenbreedtes\n")
    tekst = MATEN.read_text("utf-8")
    nieuw, n = re.subn(r"# -- tekenbreedtes:.*?# -- einde tekenbreedtes\n", lambda _m: data, tekst, flags=re.S)
    if n != 1:
        raise SystemExit("maten.py mist de regels '# -- tekenbreedtes:' en '# -- einde tekenbreedtes'")
    MATEN.write_text(nieuw, "utf-8")


if __name__ == "__main__":
    main()
