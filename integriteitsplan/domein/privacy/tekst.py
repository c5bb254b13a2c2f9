"""Verborgen aantallen in lopende tekst: woorden, geen tekens."""
from __future__ import annotations

import re

from integriteitsplan import opmaak
from integriteitsplan.domein.privacy.regel import Cel


def aantal_in_woorden(cel: Cel, drempel: int, enkelvoud: str, meervoud: str) -> str:
    """``"minder dan vijf meldingen"`` voor een verborgen klein aantal, anders ``"12 meldingen"``."""
    if cel.klein:
        return f"minder dan {opmaak.telwoord(drempel)} {meervoud}"
    if cel.onderdrukt:
        return f"een niet gepubliceerd aantal {meervoud}"
    return opmaak.aantal(cel.waarde, enkelvoud, meervoud)


def uitleg_klein(drempel: int, x: str | None = "gemeente") -> str:
    """De noot onder een tabel: wat ``"< d"`` (en ``"x"``) betekent, met de echte drempel.

    ``x``: ``"gemeente"`` (x is d of meer), ``"regio"`` (x is een som die niet staat omdat een
    gemeente een deel ervan niet publiceert) of ``None`` (geen x in de tabel)."""
    klein = f"< {drempel} betekent 1 tot en met {drempel - 1}."
    if x == "gemeente":
        return (f"{klein} x betekent een aantal van {drempel} of meer dat hier niet staat, omdat "
                f"anders een kleiner aantal terug te rekenen zou zijn.")
    if x == "regio":
        return (f"{klein} In de kolom van een gemeente betekent x een aantal van {drempel} of meer "
                f"dat daar niet staat, omdat anders een kleiner aantal terug te rekenen zou zijn; bij de "
                f"regio betekent x een som die niet staat, omdat een gemeente een deel ervan niet "
                f"publiceert.")
    return klein


ZAAKWOORDEN = ("melding", "onderzoek", "zaak", "zaken", "ontslag", "waarschuwing", "berisping",
               "schorsing", "aangifte", "sanctie", "maatregel")
"""Woorden voor een zaak; ook met een meervoud of samenstelling erachter (meldingen, ontslagen)."""

_ZIN = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
_ZAAK = re.compile(r"\b(?:" + "|".join(ZAAKWOORDEN) + r")\w*", re.I)


def _klein_patroon(drempel: int) -> re.Pattern:
    woorden = ["één", "eén"] + [opmaak.telwoord(n) for n in range(2, drempel)]
    cijfers = "|".join(str(n) for n in range(1, drempel))
    # een cijfer los (niet in 2026, 1,5 of 3.1), of een telwoord; "een" als lidwoord telt niet
    return re.compile(rf"(?<![\w.,])(?:{cijfers})(?![\w.,]\d|\w)|\b(?:{'|'.join(woorden)})\b", re.I)


def kleine_aantallen(tekst: str, drempel: int) -> list[str]:
    """De zinnen van ``tekst`` die een klein aantal (1 tot de drempel) noemen samen met een
    woord voor een zaak: "Twee meldingen leidden tot ontslag." Zo'n zin kan een persoon
    aanwijzen; de schrijver kijkt hem na."""
    klein = _klein_patroon(drempel)
    return [zin.strip() for zin in _ZIN.split(tekst) if klein.search(zin) and _ZAAK.search(zin)]
