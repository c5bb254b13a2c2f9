"""Waar de meegeleverde bronnen staan: sjablonen, voorbeeldprofielen, referentiegegevens en
de standaardhuisstijl.

Eén plek die het weet. In een geïnstalleerd pakket staan ``sjablonen/`` en ``gemeenten/``
in het pakket zelf (``setup.cfg`` zet ze daar neer); in een checkout staan ze naast het
pakket, bovenin de repository. Zo werken ``python -m integriteitsplan`` en ``python -m
pytest`` vanuit de repository na ``pip install .`` en na ``pip install -e .`` hetzelfde.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

PAKKET = Path(__file__).resolve().parent


def _map(naam: str) -> Path:
    """``naam`` in het pakket (geïnstalleerd) of naast het pakket (checkout)."""
    for kandidaat in (PAKKET / naam, PAKKET.parent / naam):
        if kandidaat.is_dir():
            return kandidaat
    return PAKKET / naam


def sjablonenmap() -> Path:
    """De standaardsjablonen."""
    return _map("sjablonen")


def meegeleverde_profielen() -> Path:
    """De profielen die met het programma worden meegeleverd (voorbeeld, haarlem, ...)."""
    return _map("gemeenten")


STANDAARD_HUISSTIJL = PAKKET / "huisstijl" / "standaard.docx"


@lru_cache(maxsize=None)
def referentie(naam: str) -> dict:
    """Meegeleverde referentiegegevens: basisnormen, ambtenarenwet, bios, typologie."""
    tekst = (PAKKET / "referentie" / f"{naam}.yaml").read_text("utf-8")
    return yaml.load(tekst, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
