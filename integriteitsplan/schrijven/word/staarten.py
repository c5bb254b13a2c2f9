"""Geen staart van een hoofdstuk alleen op een pagina (issue 13).

Vóór elk pagina-einde (een hoofdstuk dat op een nieuwe pagina begint, of het eind van het
document) krijgen de laatste alinea's van het hoofdstuk 'bij volgende houden' en 'regels
bijeenhouden', tot samen ongeveer ``STAART_REGELS`` regels. Past dat blok niet meer op de
pagina, dan gaat het als geheel naar de volgende: daar staan dan minstens zoveel regels, en
nooit alleen de laatste twee punten van een lijst of één slotzin.

De laatste alinea zelf krijgt geen 'bij volgende houden': de volgende alinea begint een nieuwe
pagina. Een tabel of kop stopt de keten (een tabel houdt zijn rijen zelf bij elkaar, een kop
houdt zich al aan de volgende alinea vast).
"""
from __future__ import annotations

import re

from .xmltekst import Alinea

STAART_REGELS = 10
MIN_SLOT = 8  # zoveel regels staan minstens op de laatste pagina van een hoofdstuk
TEKENS_PER_REGEL = 90
_TEKST = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def _regels(p: Alinea) -> int:
    tekst = "".join(_TEKST.findall("".join(p.inhoud)))
    return max(1, -(-len(tekst) // TEKENS_PER_REGEL))


def _nieuwe_pagina(item, hoofdstuk: str | None = None) -> bool:
    """Begint ``item`` een pagina: eigen pagina-einde, of een hoofdstukkop (die stijl begint
    een pagina, of het document zet er een pagina-einde voor)."""
    if not isinstance(item, Alinea):
        return False
    if item.ppr and "pageBreakBefore" in item.ppr:
        return item.ppr["pageBreakBefore"] is None
    return hoofdstuk is not None and item.stijl == hoofdstuk


def houd_staarten_vast(uit: list, is_kop, begin: int = 0, hoofdstuk: str | None = None) -> None:
    """Zet de keten aan het eind van elk hoofdstuk in ``uit`` (de body in opbouw), vanaf
    ``begin`` (de titelpagina en de inhoudsopgave ervoor blijven zoals ze zijn)."""
    einden = [i - 1 for i, item in enumerate(uit) if i > begin and _nieuwe_pagina(item, hoofdstuk)] + [len(uit) - 1]
    for eind in einden:
        # lege alinea's (witruimte na een tabel) tellen niet als slot
        while eind >= 0 and isinstance(uit[eind], Alinea) and not _TEKST.search("".join(uit[eind].inhoud)) \
                and not is_kop(uit[eind].stijl):
            eind -= 1
        if eind >= begin and isinstance(uit[eind], str) and uit[eind].startswith("<w:tbl>"):
            _korte_slottabel(uit, eind, is_kop, begin)
            continue
        if eind < 0 or not isinstance(uit[eind], Alinea) or is_kop(uit[eind].stijl):
            continue
        regels = _regels(uit[eind])
        i = eind - 1
        while i >= begin and regels < STAART_REGELS:
            item = uit[i]
            if not isinstance(item, Alinea) or is_kop(item.stijl) or _nieuwe_pagina(item) \
                    or not _TEKST.search("".join(item.inhoud)):
                break
            item.zet("keepNext")
            item.zet("keepLines")
            regels += _regels(item)
            i -= 1


def _korte_slottabel(uit: list, eind: int, is_kop, begin: int) -> None:
    """Eindigt een hoofdstuk met een korte tabel (met zijn kop minder dan ``MIN_SLOT`` regels),
    dan houdt de tabel ervoor zijn laatste rij vast aan die kop: de twee gaan samen naar de
    volgende pagina als de laatste daar anders alleen zou staan."""
    rijen = uit[eind].count("<w:tr>") + uit[eind].count("<w:tr ")
    i = eind - 1
    while i >= begin and isinstance(uit[i], Alinea) and (is_kop(uit[i].stijl) or not _TEKST.search("".join(uit[i].inhoud))):
        rijen += 1 if _TEKST.search("".join(uit[i].inhoud)) else 0
        i -= 1
    if rijen >= MIN_SLOT or i < begin or i == eind - 1 or not (isinstance(uit[i], str) and uit[i].startswith("<w:tbl>")):
        return
    tabel = uit[i]
    start = max(tabel.rfind("<w:tr>"), tabel.rfind("<w:tr "))
    laatste = re.sub(r"(<w:p><w:pPr>(?:<w:pStyle [^>]*/>)?)(?!<w:keepNext/>)", r"\1<w:keepNext/>", tabel[start:])
    uit[i] = tabel[:start] + laatste
