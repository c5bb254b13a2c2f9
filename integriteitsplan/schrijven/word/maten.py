"""Maten: bladspiegel, geschatte tekstbreedtes en kolombreedtes.

Krijgt de w:sectPr van het document of de platte tekst van tabelcellen; geeft maten
in twips terug (breedte en hoogte van het tekstvlak, breedte per tabelkolom).
"""
from __future__ import annotations

import unicodedata

from .xmltekst import W, geheel

# tekenbreedtes van Calibri (= Carlito) in duizendsten van een em, voor ' ' tot '~'
_TEKENBREEDTES = (
    226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507,
    507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533,
    615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642,
    567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525, 498, 305, 471,
    525, 230, 239, 455, 230, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453,
    395, 314, 460, 314, 498,
)
_BREEDTE = {chr(32 + i): b for i, b in enumerate(_TEKENBREEDTES)}


def breedte(woord: str, pt: float = 10.0) -> int:
    """Geschatte breedte van ``woord`` in twips bij ``pt`` punten (Calibri)."""
    totaal = 0
    for teken in woord:
        b = _BREEDTE.get(teken)
        if b is None:
            basis = unicodedata.normalize("NFD", teken)[:1]
            b = _BREEDTE.get(basis, 560)
            _BREEDTE[teken] = b
        totaal += b
    return int(totaal * pt * 20 / 1000)


def tekstvlak(sect) -> tuple[int, int]:
    """(breedte, hoogte) van het tekstvlak in twips, uit pgSz en pgMar van ``sect``."""
    pgsz, pgmar = sect.find(W + "pgSz"), sect.find(W + "pgMar")
    breed = geheel(pgsz.get(W + "w"), 11906) if pgsz is not None else 11906
    hoog = geheel(pgsz.get(W + "h"), 16838) if pgsz is not None else 16838
    if pgmar is not None:
        links, rechts = geheel(pgmar.get(W + "left"), 1418), geheel(pgmar.get(W + "right"), 1418)
        boven, onder = geheel(pgmar.get(W + "top"), 1418), geheel(pgmar.get(W + "bottom"), 1418)
        goot = geheel(pgmar.get(W + "gutter"), 0)
    else:
        links = rechts = boven = onder = 1418
        goot = 0
    return max(breed - links - rechts - goot, 2000), max(hoog - abs(boven) - abs(onder), 3000)


def kolombreedtes(rijen: list[list[str]], n: int, beschikbaar: int) -> list[int]:
    """Kolombreedtes (twips) naar inhoud; ``rijen`` bevat de platte tekst per cel.

    Elke kolom krijgt minstens de breedte van zijn langste woord (een eerste kolom
    wordt dus niet tot één woord per regel geknepen) en hoogstens die van zijn langste
    cel; de ruimte daartussen gaat naar verhouding van de hoeveelheid tekst. Breedtes
    zijn gemeten met de tekenbreedtes van Calibri op 10 pt (de tabeltekst).
    """
    rand = 2 * 85 + 60  # celmarges plus wat speling
    minimum = [0] * n
    maximum = [0] * n
    gewicht = [0] * n
    for r, cellen in enumerate(rijen):
        factor = 1.06 if r == 0 else 1.02  # kopregel is vet
        for k, tekst in enumerate(cellen[:n]):
            woorden = [breedte(w) for w in tekst.split()]
            langste = min(max(woorden, default=0), 2400)  # een heel lang woord mag breken
            totaal = min(sum(woorden) + 45 * (len(woorden) - 1), 40000) if woorden else 0
            minimum[k] = max(minimum[k], int(langste * factor) + rand)
            maximum[k] = max(maximum[k], int(totaal * factor) + rand)
            gewicht[k] += len(tekst) + 1
    minimum = [max(m, 600) for m in minimum]
    maximum = [max(a, b) for a, b in zip(maximum, minimum)]
    if sum(maximum) <= beschikbaar:
        # alles past op één regel per cel: naar verhouding verbreden
        breedtes = [m * beschikbaar / sum(maximum) for m in maximum]
    elif sum(minimum) >= beschikbaar:
        breedtes = [m * beschikbaar / sum(minimum) for m in minimum]
    else:
        breedtes = [float(m) for m in minimum]
        open_ = [k for k in range(n) if maximum[k] > minimum[k]]
        over = beschikbaar - sum(breedtes)
        while over > 1 and open_:
            totaal = sum(gewicht[k] for k in open_) or len(open_)
            vol = []
            verdeeld = 0.0
            for k in open_:
                extra = over * (gewicht[k] or 1) / totaal
                ruimte = maximum[k] - breedtes[k]
                if extra >= ruimte:
                    extra = ruimte
                    vol.append(k)
                breedtes[k] += extra
                verdeeld += extra
            over -= verdeeld
            if not vol:
                break
            open_ = [k for k in open_ if k not in vol]
    uit = [int(b) for b in breedtes]
    uit[-1] += beschikbaar - sum(uit)
    return uit
