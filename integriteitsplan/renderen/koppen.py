"""Koppen in Markdown: niveau, nummering (1, 1.1, Bijlage 1) en nette witregels.
"""
from __future__ import annotations

import re

MAX_KOPNIVEAU = 3


MAX_ONGENUMMERD = 6  # dieper dan niveau 3 is een kop er nog wel, maar zonder nummer


def kop(niveau: int, titel: str, genummerd: bool = True, eigen_nummer: bool = False) -> str:
    """Een Markdown-kop op ``niveau``. Alleen niveau 1 tot 3 krijgt een automatisch nummer;
    een diepere kop (zoals de titel van een maatregel, die zijn eigen code draagt) blijft een
    kop, zonder nummer. Dieper dan niveau 6 wordt het een vette regel. ``eigen_nummer``: de
    titel begint al met de letter of het nummer van de gemeente; die telt mee, maar krijgt
    geen tweede nummer ernaast."""
    if niveau > MAX_ONGENUMMERD:
        return f"**{titel}**"
    if eigen_nummer and niveau <= MAX_KOPNIVEAU:
        return "#" * niveau + " " + titel + " {.eigen-nummer}"
    if genummerd and niveau <= MAX_KOPNIVEAU:
        return "#" * niveau + " " + titel
    return "#" * niveau + " " + titel + " {.ongenummerd}"


_KOP = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")


_ATTR = re.compile(r"\s*\{([^{}]*)\}\s*$")


def nummer_koppen(markdown: str) -> str:
    """Nummer de koppen: '# Titel' wordt '# 1 Titel', '## Sub' wordt '## 1.1 Sub'.
    Een kop met ``{.bijlage}`` wordt 'Bijlage N Titel'; ``{.ongenummerd}`` blijft zonder
    nummer, net als alle koppen binnen een bijlage. Dieper dan niveau 3 krijgt geen kop een
    automatisch nummer. Een kop met ``{.eigen-nummer}`` draagt al de letter of het nummer van
    de gemeente: die telt mee, maar krijgt er geen tweede nummer bij."""
    tellers = [0, 0, 0, 0, 0, 0]
    bijlage = 0
    modus = "nummer"  # van het laatste hoofdstuk: nummer, bijlage of ongenummerd
    regels = []
    for regel in markdown.split("\n"):
        treffer = _KOP.match(regel)
        if not treffer:
            regels.append(regel)
            continue
        niveau = len(treffer.group(1))
        tekst = treffer.group(2)
        klassen: list[str] = []
        attr = _ATTR.search(tekst)
        if attr:
            klassen = [k[1:] for k in attr.group(1).split() if k.startswith(".")]
            tekst = tekst[: attr.start()]
        if niveau == 1:
            modus = "bijlage" if "bijlage" in klassen else "ongenummerd" if "ongenummerd" in klassen else "nummer"
        if niveau == 1 and modus == "bijlage":
            bijlage += 1
            tekst = f"Bijlage {bijlage} {tekst}"
        elif modus == "nummer" and "ongenummerd" not in klassen and niveau <= MAX_KOPNIVEAU:
            tellers[niveau - 1] += 1
            for i in range(niveau, len(tellers)):
                tellers[i] = 0
            if "eigen-nummer" not in klassen:
                tekst = ".".join(str(t) for t in tellers[:niveau]) + " " + tekst
        regels.append(f"{treffer.group(1)} {tekst}")
    return "\n".join(regels)


def netjes(markdown: str) -> str:
    """Hooguit één lege regel achter elkaar, geen spaties aan regeleinden, één slotregel."""
    regels = [r.rstrip() for r in markdown.split("\n")]
    uit: list[str] = []
    for regel in regels:
        if regel == "" and (not uit or uit[-1] == ""):
            continue
        uit.append(regel)
    return "\n".join(uit).strip("\n") + "\n"
