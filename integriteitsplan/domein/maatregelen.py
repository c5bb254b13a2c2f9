"""De boom van maatregelen: groepen met subgroepen en maatregelen, één keer doorlopen.

Ontvangt de (samengevoegde) gegevens van een profiel; geeft groepen en maatregelen met hun
plek in de boom (sleutelpad) en hun keten van bovenliggende groepen. Alle stappen die
maatregelen nodig hebben (controleren, verrijken, verschillen) gebruiken deze module.
"""
from __future__ import annotations

from typing import Any, Iterable


def itemlijsten(data: dict) -> Iterable[tuple[tuple, list]]:
    """Alle lijsten van items met een id, met hun pad."""

    def loop(waarde: Any, pad: tuple):
        if isinstance(waarde, dict):
            for k, v in waarde.items():
                yield from loop(v, pad + (k,))
        elif isinstance(waarde, list):
            if waarde and all(isinstance(x, dict) and "id" in x for x in waarde):
                yield pad, waarde
            for i, x in enumerate(waarde):
                yield from loop(x, pad + (i,))

    yield from loop(data, ())


def alle_groepen(data: dict) -> list[tuple[tuple, dict, list[dict]]]:
    """Alle groepen maatregelen, diepte eerst, met hun pad en hun keten van groepen
    (van de hoofdgroep tot en met de groep zelf). De enige plek die de boom doorloopt."""
    uit = []

    def loop(groepen: list, pad: tuple, keten: list[dict]):
        for i, groep in enumerate(groepen or []):
            uit.append((pad + (i,), groep, keten + [groep]))
            loop(groep.get("groepen"), pad + (i, "groepen"), keten + [groep])

    loop((data.get("maatregelen") or {}).get("groepen"), ("maatregelen", "groepen"), [])
    return uit


def alle_maatregelen(data: dict) -> list[tuple[tuple, dict, list[dict]]]:
    """Alle maatregelen met hun pad en de keten van groepen waarin ze staan."""
    return [(pad + ("maatregelen", j), maatregel, keten)
            for pad, groep, keten in alle_groepen(data)
            for j, maatregel in enumerate(groep.get("maatregelen") or [])]


def maatregelen_van(data: dict) -> dict[str, dict]:
    """Alle maatregelen van het meerjarenplan per id, met de naam van hun hoofdgroep."""
    return {m["id"]: {**m, "hoofdgroep": keten[0].get("naam"), "hoofdgroep_id": keten[0].get("id")}
            for _, m, keten in alle_maatregelen(data)}
