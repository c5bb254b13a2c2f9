"""De wet zoals die gold in het jaar van een document.

De integriteitsplichten van de werkgever staan sinds 1 januari 2020 in de Ambtenarenwet
2017 (Wet normalisering rechtspositie ambtenaren). Daarvoor stonden ze in de Ambtenarenwet,
in de artikelen 125quater en 125quinquies. Een plan of verslag over een jaar vóór 2020
noemt dus de wet van toen. Ontvangt een jaartal (of niets: dan de wet van nu); geeft
namen en verwijzingen voor de tekst.
"""
from __future__ import annotations

NIEUWE_WET_VANAF = 2020


def ambtenarenwet(jaar: int | None) -> dict:
    """``naam``: de naam van de wet in dat jaar; ``verantwoording``: waar de plicht tot
    jaarlijkse verantwoording staat; ``oud``: of het de wet van vóór 2020 is (dan zijn de
    artikelnummers van de Ambtenarenwet 2017 niet van toepassing)."""
    if jaar is not None and jaar < NIEUWE_WET_VANAF:
        return {"naam": "Ambtenarenwet", "oud": True,
                "artikelen": "de artikelen 125quater en 125quinquies",
                "verantwoording": "de Ambtenarenwet (artikelen 125quater en 125quinquies)"}
    return {"naam": "Ambtenarenwet 2017", "oud": False, "artikelen": "de artikelen 4 tot en met 10",
            "verantwoording": "artikel 4, lid 4 van de Ambtenarenwet 2017"}
