"""Wat een regio is: een profiel met leden, of een profiel dat zich een regio noemt
(``metadata.organisatie: regio``). Eén definitie voor alle stappen."""
from __future__ import annotations


def is_regio(gegevens: dict) -> bool:
    """Of de (samengevoegde) gegevens van een profiel die van een regio zijn."""
    meta = gegevens.get("metadata") if isinstance(gegevens.get("metadata"), dict) else {}
    return bool(gegevens.get("leden")) or meta.get("organisatie") == "regio"
