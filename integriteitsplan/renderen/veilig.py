"""Wat een document mag bevatten: de laatste stap van het renderen.

De tekst van een profiel is nooit een sjabloon en nooit HTML. Na het renderen:

- wordt ruwe HTML (``<img onerror=...>``, ``<script>``, ``<!-- -->``) onschadelijk gemaakt:
  ``<`` wordt ``&lt;``, zodat de tekst letterlijk in elk document staat;
- blijven alleen links naar ``http``, ``https``, ``mailto`` en ankers in het document
  (``#...``) over; van elke andere link (``javascript:``, ``file:``, ``data:``, een pad als
  ``../../etc/passwd``) blijft alleen de tekst staan, met een waarschuwing.

Een pure functie: tekst in, schone tekst en de lijst met wat is weggelaten uit.
"""
from __future__ import annotations

import re

TOEGESTAAN = ("http", "https", "mailto")

# Een HTML-tag, commentaar of verwerkingsinstructie; niet '< 5' of '<=' en niet een autolink
# naar een toegestaan adres (<https://...>).
_HTML = re.compile(r"<(?=[A-Za-z/!?])(?!(?:https?://|mailto:)[^<>\s]*>)")
# [tekst](doel) en ![tekst](doel); het doel mag tussen <> staan en een titel hebben.
_LINK = re.compile(r"(!?)\[((?:[^\[\]\\]|\\.)*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(\s+\"[^\"]*\")?\s*\)")
# [label]: doel (een verwijzing onderaan)
_VERWIJZING = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)<?(\S+?)>?([ \t].*)?$", re.MULTILINE)
_SCHEMA = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def link_toegestaan(doel: str) -> bool:
    """Mag deze link in een document? Ankers (``#...``) en http/https/mailto. Een pad zonder
    schema (``../../etc/passwd``, ``/etc/shadow``, ``\\\\server\\share``) niet: in de PDF wordt
    dat een link naar een bestand op de computer die het document maakte, in Word een link naar
    een bestand of netwerkmap."""
    doel = re.sub(r"[\x00-\x20\x7f]", "", doel or "")  # 'java\tscript:' telt als javascript:
    schema = _SCHEMA.match(doel)
    if schema is None:
        return doel == "" or doel.startswith("#")
    return schema.group(1).lower() in TOEGESTAAN


def afbeelding_toegestaan(doel: str) -> bool:
    """Mag dit de bron van een afbeelding zijn? Een bestandsnaam (die later alleen binnen de
    map van het profiel gezocht wordt) of http/https; geen ander schema en geen //host."""
    doel = re.sub(r"[\x00-\x20\x7f]", "", doel or "")
    if _SCHEMA.match(doel):
        return doel.lower().startswith(("http://", "https://"))
    return not doel.startswith(("//", "\\\\"))


def schoon(tekst: str) -> tuple[str, list[str]]:
    """Maak ruwe HTML onschadelijk en haal links met een niet-toegestaan schema weg."""
    weg: list[str] = []

    def _link(m: re.Match) -> str:
        afbeelding, label, doel = m.group(1), m.group(2), m.group(3)
        if (afbeelding_toegestaan(doel) if afbeelding else link_toegestaan(doel)):
            return m.group(0)
        weg.append(_beschrijf(doel))
        return label

    def _verwijzing(m: re.Match) -> str:
        if link_toegestaan(m.group(2)):
            return m.group(0)
        weg.append(_beschrijf(m.group(2)))
        return ""

    tekst = _HTML.sub("&lt;", tekst)
    tekst = _LINK.sub(_link, tekst)
    tekst = _VERWIJZING.sub(_verwijzing, tekst)
    return tekst, weg


def _beschrijf(doel: str) -> str:
    schema = _SCHEMA.match(re.sub(r"[\x00-\x20\x7f]", "", doel or ""))
    if schema:
        return f"een link met '{schema.group(1).lower()}:'"
    doel = (doel or "").strip()
    return "een link naar buiten zonder schema" if doel.startswith(("//", "\\\\")) else "een link naar een bestand of map"
