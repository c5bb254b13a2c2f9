"""Links in een Word-document: alleen http, https, mailto en ankers (zie renderen.veilig).

Het renderen haalt verkeerde links al weg; dit is de tweede controle vlak voor een link
een relatie in het .docx wordt.
"""
from __future__ import annotations

from integriteitsplan.renderen.veilig import link_toegestaan


def veilige_href(href: str) -> str:
    """``href`` als die in een document mag, anders '' (dan blijft alleen de tekst staan)."""
    return href if href and link_toegestaan(href) else ""
