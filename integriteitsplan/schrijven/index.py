"""Per gemeente een ``index.html``: de documenten in de uitvoermap en hun formaten.

De lijst komt uit de vingerafdrukken van de map (``.integriteitsplan.json``): alleen wat het
programma zelf schreef, niet wat er verder in de map ligt.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

from integriteitsplan.schrijven.bestanden import gewone_naam, lees_vingerafdrukken
from integriteitsplan.schrijven.html import huisstijlkleur

INDEX = "index.html"
_FORMAATNAMEN = {
    "html": "webpagina",
    "pdf": "PDF",
    "docx": "Word",
    "md": "Markdown",
}
_VOLGORDE = ["beleidsplan", "jaarplan", "jaarverslag", "verschillen"]


def _titel(stam: str) -> str:
    """``jaarplan-integriteit-2026`` -> ``Jaarplan integriteit 2026``."""
    m = re.match(r"^(.*?)-(\d{4}(?:-\d{4})?)$", stam)
    woorden, periode = (m.group(1), m.group(2)) if m else (stam, "")
    tekst = woorden.replace("-", " ")
    tekst = tekst[:1].upper() + tekst[1:]
    if tekst.startswith("Beleidsplan integriteit"):
        tekst = "Beleidsplan Integriteit" + tekst[len("Beleidsplan integriteit"):]
    return f"{tekst} {periode}".strip()


def _sorteer(stam: str) -> tuple:
    soort = stam.split("-")[0]
    jaar = re.findall(r"\d{4}", stam)
    return (_VOLGORDE.index(soort) if soort in _VOLGORDE else len(_VOLGORDE), jaar, stam)


def documenten(map_: Path) -> dict[str, list[str]]:
    """Per document (bestandsnaam zonder extensie) de formaten die het programma schreef."""
    per_stam: dict[str, list[str]] = {}
    for naam in lees_vingerafdrukken(map_):
        pad = Path(naam)
        ext = pad.suffix.lstrip(".")
        if ext not in _FORMAATNAMEN or naam == INDEX or ".bewerkt-" in naam:
            continue
        # alleen een gewoon bestand dat hier echt staat (geen pad, geen snelkoppeling naar elders)
        doel = map_ / naam
        if not gewone_naam(naam) or doel.is_symlink() or not doel.is_file():
            continue
        per_stam.setdefault(pad.stem, []).append(ext)
    volgorde = list(_FORMAATNAMEN)
    return {stam: sorted(exts, key=volgorde.index) for stam, exts in sorted(per_stam.items(), key=lambda kv: _sorteer(kv[0]))}


def maak_index(map_: Path, gemeente: str, huisstijl: Path | None = None) -> bytes:
    """De inhoud van ``index.html`` voor deze uitvoermap."""
    kleur = huisstijlkleur(huisstijl)
    regels = []
    for stam, exts in documenten(map_).items():
        links = ", ".join(
            f'<a href="{html.escape(quote(stam + "." + ext))}"{" download" if ext in ("docx", "md") else ""}>'
            f'{_FORMAATNAMEN[ext]}<span class="extensie"> (.{ext})</span></a>'
            for ext in exts)
        regels.append(f"<li><span class=\"document\">{html.escape(_titel(stam))}</span>: {links}</li>")
    lijst = "<ul>\n" + "\n".join(regels) + "\n</ul>" if regels else "<p>Er zijn nog geen documenten gemaakt.</p>"
    titel = f"Integriteitsdocumenten – {gemeente}"
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(titel)}</title>\n"
        "<style>body{margin:0 auto;max-width:48rem;padding:1rem;font-family:Carlito,Calibri,Arial,"
        f"sans-serif;line-height:1.6;color:#1a1a1a;background:#fff}}h1{{color:#{kleur}}}"
        f"a{{color:#{kleur}}}a:focus{{outline:3px solid #{kleur};outline-offset:2px}}"
        "li{margin:.4rem 0}.document{font-weight:bold}.extensie{font-size:.9em}</style>\n"
        "</head>\n<body>\n<main>\n"
        f"<h1>{html.escape(titel)}</h1>\n"
        "<p>De documenten over het integriteitsbeleid, in elk beschikbaar formaat.</p>\n"
        f"{lijst}\n</main>\n</body>\n</html>\n"
    ).encode("utf-8")
