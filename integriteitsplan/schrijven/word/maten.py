"""Maten: bladspiegel, geschatte tekstbreedtes en kolombreedtes.

Krijgt de w:sectPr van het document of de platte tekst van tabelcellen; geeft maten
in twips terug (breedte en hoogte van het tekstvlak, breedte per tabelkolom).
"""
from __future__ import annotations

import re
import unicodedata

from .xmltekst import W, geheel

# -- tekenbreedtes: gemaakt door tools/maak_tekenbreedtes.py uit Carlito (= Calibri),
# in duizendsten van een em; 0 = teken ontbreekt in het lettertype
_TEKENS = (
    ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFG'
    'HIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmno'
    'pqrstuvwxyz{|}~\xa0¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸'
    '¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßà'
    'áâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿŒœŠšŸŽžƒ–'
    '—‘’‚“”„†‡•…‰‹›€™−≤≥✓→←·'
)
_GEWOON = (
    226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507,
    507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533,
    615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642,
    567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525, 498, 305, 471,
    525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453,
    395, 314, 460, 314, 498, 0, 326, 498, 507, 498, 507, 498, 498, 393, 834, 402, 512, 498, 0,
    507, 394, 339, 498, 336, 334, 292, 550, 586, 252, 307, 246, 422, 512, 636, 671, 675, 463,
    579, 579, 579, 579, 579, 579, 763, 533, 488, 488, 488, 488, 252, 252, 252, 252, 625, 646,
    662, 662, 662, 662, 662, 498, 664, 642, 642, 642, 642, 487, 517, 527, 479, 479, 479, 479,
    479, 479, 773, 423, 498, 498, 498, 498, 229, 229, 229, 229, 525, 525, 527, 527, 527, 527,
    527, 498, 529, 525, 525, 525, 525, 453, 525, 453, 867, 850, 459, 391, 487, 468, 395, 498,
    498, 905, 250, 250, 250, 418, 418, 418, 498, 498, 498, 690, 1038, 339, 339, 507, 705, 498,
    498, 498, 0, 905, 905, 252,
)
_VET = (
    226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507,
    507, 507, 507, 507, 507, 507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529,
    630, 488, 459, 637, 631, 267, 331, 547, 423, 874, 659, 676, 532, 686, 563, 473, 495, 653,
    591, 906, 551, 520, 478, 325, 430, 325, 498, 498, 300, 494, 537, 418, 537, 503, 316, 474,
    537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474,
    397, 344, 475, 344, 498, 0, 326, 498, 507, 498, 507, 498, 498, 415, 834, 416, 539, 498, 0,
    507, 390, 342, 498, 338, 336, 301, 563, 598, 268, 303, 252, 435, 539, 658, 691, 702, 463,
    606, 606, 606, 606, 606, 606, 775, 529, 488, 488, 488, 488, 267, 267, 267, 267, 639, 659,
    676, 676, 676, 676, 676, 498, 681, 653, 653, 653, 653, 520, 532, 555, 494, 494, 494, 494,
    494, 494, 775, 418, 503, 503, 503, 503, 246, 246, 246, 246, 537, 537, 538, 538, 538, 538,
    538, 498, 544, 537, 537, 537, 537, 474, 537, 474, 874, 843, 473, 399, 520, 478, 397, 498,
    498, 905, 258, 258, 258, 435, 435, 435, 498, 498, 498, 711, 1062, 344, 344, 507, 720, 498,
    498, 498, 0, 905, 905, 268,
)
# -- einde tekenbreedtes
_GEWOON_BREEDTE = dict(zip(_TEKENS, _GEWOON))
_VET_BREEDTE = dict(zip(_TEKENS, _VET))
_ZONDER_BREEDTE = {"\u200b": 0, "\u00ad": 0, "\u200c": 0, "\u200d": 0}


def _teken(teken: str, tabel: dict[str, int]) -> int:
    b = tabel.get(teken)
    if not b:
        b = _ZONDER_BREEDTE.get(teken)
        if b is None:
            basis = unicodedata.normalize("NFD", teken)[:1]
            b = tabel.get(basis) or 560
        tabel[teken] = b
    return b


def breedte(woord: str, pt: float = 10.0, vet: bool = False) -> int:
    """Breedte van ``woord`` in twips bij ``pt`` punten, gemeten met de tekenbreedtes van
    Carlito (metrisch gelijk aan Calibri)."""
    tabel = _VET_BREEDTE if vet else _GEWOON_BREEDTE
    totaal = 0
    for teken in woord:
        b = tabel.get(teken)
        totaal += b if b else _teken(teken, tabel)
    return int(totaal * pt * 20 / 1000 + 0.999)


# een webadres of e-mailadres mag alleen na '/', '.' of '@' breken (zie tabellen.breekpunten)
ADRES_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ADRES_STUK = re.compile(r"[^/.@]*[/.@]*")
_KOPPELTEKEN_STUK = re.compile(r"[^-\u2010\u2011/]*[-\u2010/]*")


def stukken(woord: str) -> list[str]:
    """De delen van een woord waartussen een regel mag breken: na een koppelteken (of '/')
    en, in een web- of e-mailadres, na '/', '.' en '@'."""
    if ADRES_RE.search(woord):
        return [s for s in _ADRES_STUK.findall(woord) if s]
    if "-" in woord or "/" in woord or "\u2010" in woord:
        return [s for s in _KOPPELTEKEN_STUK.findall(woord) if s]
    return [woord]


def langste_woord(tekst: str, pt: float = 10.0, vet: bool = False) -> int:
    """Breedte (twips) van het breedste onbreekbare stuk van ``tekst``."""
    return max((breedte(s, pt, vet) for w in tekst.split() for s in stukken(w)), default=0)


def tekstvlak(sect, liggend: bool = False) -> tuple[int, int]:
    """(breedte, hoogte) van het tekstvlak in twips, uit pgSz en pgMar van ``sect``; met
    ``liggend`` voor dezelfde pagina gedraaid (breedte en hoogte verwisseld)."""
    pgsz, pgmar = sect.find(W + "pgSz"), sect.find(W + "pgMar")
    breed = geheel(pgsz.get(W + "w"), 11906) if pgsz is not None else 11906
    hoog = geheel(pgsz.get(W + "h"), 16838) if pgsz is not None else 16838
    if liggend:
        breed, hoog = hoog, breed
    if pgmar is not None:
        links, rechts = geheel(pgmar.get(W + "left"), 1418), geheel(pgmar.get(W + "right"), 1418)
        boven, onder = geheel(pgmar.get(W + "top"), 1418), geheel(pgmar.get(W + "bottom"), 1418)
        goot = geheel(pgmar.get(W + "gutter"), 0)
    else:
        links = rechts = boven = onder = 1418
        goot = 0
    return max(breed - links - rechts - goot, 2000), max(hoog - abs(boven) - abs(onder), 3000)


RAND = 2 * 85 + 80  # celmarges (links en rechts) plus speling voor de opmaak van LibreOffice/Word


def minimale_breedtes(rijen: list[list[str]], n: int, pt: float = 10.0) -> list[int]:
    """Per kolom de breedte (twips) van het breedste onbreekbare stuk tekst plus celmarges:
    smaller en een woord breekt midden in (de kopregel is vet)."""
    minimum = [0] * n
    for r, cellen in enumerate(rijen):
        for k, tekst in enumerate(cellen[:n]):
            minimum[k] = max(minimum[k], langste_woord(tekst, pt, vet=r == 0) + RAND)
    return [max(m, 500) for m in minimum]


def kolombreedtes(rijen: list[list[str]], n: int, beschikbaar: int, pt: float = 10.0,
                  minimum: list[int] | None = None) -> list[int]:
    """Kolombreedtes (twips) naar inhoud; ``rijen`` bevat de platte tekst per cel.

    Elke kolom krijgt minstens de breedte van zijn langste woord (gemeten met de echte
    tekenbreedtes van Carlito/Calibri op ``pt`` punten; een web- of e-mailadres telt per
    stuk tussen '/', '.' en '@') en hoogstens die van zijn langste cel; de ruimte
    daartussen gaat naar verhouding van de hoeveelheid tekst. Past zelfs het minimum niet,
    dan krimpt alles naar verhouding (de schrijver kiest dan eerst een liggende pagina).
    """
    if minimum is None:
        minimum = minimale_breedtes(rijen, n, pt)
    maximum = [0] * n
    gewicht = [0] * n
    spatie = breedte(" ", pt)
    for r, cellen in enumerate(rijen):
        for k, tekst in enumerate(cellen[:n]):
            woorden = [breedte(w, pt, vet=r == 0) for w in tekst.split()]
            totaal = min(sum(woorden) + spatie * (len(woorden) - 1), 40000) if woorden else 0
            maximum[k] = max(maximum[k], totaal + RAND)
            gewicht[k] += len(tekst) + 1
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
