"""De gegevens van de grafiek in het jaarverslag: of er een grafiek komt, welke reeksen, en
de alternatieve tekst met de gepubliceerde getallen.

Ontvangt de kerncijfers per jaar (``reeks``), de privacydrempel en eventueel de reeksen die
het profiel wil en de schattingen; geeft beslissingen en tekst. Het tekenen zelf (PNG) doet
``renderen/grafiek.py``. Een getal van 1 tot de drempel (of een tekst als 'x') wordt niet
gepubliceerd: het krijgt geen hoogte, en een grafiek met alleen zulke getallen komt er niet.
"""
from __future__ import annotations

# De vaste reeksen: id en naam in de legenda (zonder opgave van het profiel).
REEKSEN = [
    ("meldingen", "Meldingen"),
    ("vertrouwenspersoon", "Contacten vertrouwenspersoon"),
    ("onderzoeken_gestart", "Gestarte onderzoeken"),
]


def _ids(reeksen: list[dict] | None) -> list[str]:
    return [r["id"] for r in reeksen] if reeksen is not None else [naam for naam, _ in REEKSEN]


def heeft_gegevens(reeks: dict[int, dict], reeksen: list[dict] | None = None) -> bool:
    return any(reeks[j].get(naam) is not None for j in reeks for naam in _ids(reeksen))


def verborgen(waarde, drempel: int) -> bool:
    """Wordt dit getal niet gepubliceerd (1 tot en met drempel - 1, of al een tekst als 'x')?"""
    return isinstance(waarde, str) or 0 < waarde < drempel


def gedrukt(waarde, drempel: int) -> str:
    """Het getal zoals de tabel het drukt: exact, of '< 5'."""
    if isinstance(waarde, str):
        return waarde
    return f"< {drempel}" if 0 < waarde < drempel else str(waarde)


def hogere_drempels(reeks: dict[int, dict], drempel: int) -> list[int]:
    """De drempels boven ``drempel`` waarmee een vorig jaar in de reeks staat ("< 7")."""
    return sorted({int(w[2:]) for waarden in reeks.values() for w in waarden.values()
                   if isinstance(w, str) and w.startswith("< ") and w[2:].isdigit() and int(w[2:]) > drempel})


def te_tekenen(reeks: dict[int, dict], drempel: int, reeksen: list[dict] | None = None) -> bool:
    """Is er een grafiek te maken: minstens één getal dat gepubliceerd wordt? Een grafiek met
    alleen verborgen getallen ('< 5') toont niets en wordt niet gemaakt."""
    return any(reeks[j].get(naam) is not None and not verborgen(reeks[j][naam], drempel)
               for j in reeks for naam in _ids(reeksen))


_ALT_NAMEN = {"meldingen": "meldingen", "vertrouwenspersoon": "contacten met de vertrouwenspersoon",
              "onderzoeken_gestart": "gestarte onderzoeken"}


def alt_tekst(reeks: dict[int, dict], drempel: int, reeksen: list[dict] | None = None,
              schattingen: dict[int, set] | None = None) -> str:
    """De alternatieve tekst van de grafiek: wat hij toont, met de gepubliceerde getallen
    (zoals de tabel ze drukt), bijvoorbeeld "Staafdiagram: meldingen per jaar: 2023 11,
    2024 12, 2025 9, 2026 17; ...". Geen bestandsnaam, geen getal dat de tabel niet drukt."""
    if reeksen is None:
        reeksen = [{"id": naam, "naam": _ALT_NAMEN[naam], "zaken": True} for naam, _ in REEKSEN]
    schattingen = schattingen or {}
    delen, iets_verborgen = [], False
    for r in reeksen:
        waarden = [(j, reeks[j].get(r["id"])) for j in reeks if reeks[j].get(r["id"]) is not None]
        if not waarden:
            continue
        teksten = []
        for j, w in waarden:
            if r.get("zaken", True) and verborgen(w, drempel):
                iets_verborgen = True
                teksten.append(f"{j} {gedrukt(w, drempel)}")
            else:
                teksten.append(f"{j} {'ca. ' if r['id'] in schattingen.get(j, ()) else ''}{w}")
        naam = _ALT_NAMEN.get(r["id"]) or str(r["naam"])[:1].lower() + str(r["naam"])[1:]
        delen.append(f"{naam} per jaar: " + ", ".join(teksten))
    tekst = "Staafdiagram: " + "; ".join(delen) + "."
    if iets_verborgen:
        tekst += f" < {drempel} betekent 1 tot en met {drempel - 1}; zo'n aantal heeft geen staaf."
        for d in hogere_drempels(reeks, drempel):  # een vorig jaar met een hogere drempel
            tekst += f" < {d} betekent 1 tot en met {d - 1} (dat jaar is met drempel {d} gepubliceerd)."
        if any(t.endswith(" x") for d in delen for t in d.split(", ")):
            tekst += (f" x betekent een aantal van {drempel} of meer dat niet gepubliceerd wordt; ook dat "
                      "heeft geen staaf.")
    return tekst


def grafiek_van(bestandsnaam: str, reeks: dict[int, dict], drempel: int, reeksen: list[dict] | None = None,
                schattingen: dict[int, set] | None = None) -> tuple[str | None, str | None]:
    """De bestandsnaam en de alternatieve tekst van de grafiek, of (None, None) als er geen
    grafiek komt (geen gegevens, of alleen verborgen getallen: de tabel zegt het dan)."""
    if not reeks or not heeft_gegevens(reeks, reeksen) or not te_tekenen(reeks, drempel, reeksen):
        return None, None
    return f"{bestandsnaam}-kerncijfers.png", alt_tekst(reeks, drempel, reeksen, schattingen)
