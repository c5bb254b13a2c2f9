"""Verborgen aantallen in lopende tekst: woorden, geen tekens."""
from __future__ import annotations

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
