"""Voetnoten: het deel word/footnotes.xml en de verwijzingen in de tekst.

Krijgt de :class:`~.toestand.Opbouw`, de lijst waaraan de verwijzing komt en de sleutel
van de voetnoot (het id van het li-element onder div.footnote); voegt de verwijzing toe
en schrijft de voetnoottekst als w:footnote. Het deel wordt bij de eerste voetnoot
gemaakt en aan het eind met :meth:`Voetnoten.sluit` in één keer gevuld.
"""
from __future__ import annotations

from . import docx_intern
from .xmltekst import NSDECL, als_xml


class Voetnoten:
    """Het deel word/footnotes.xml; de inhoud wordt aan het eind als XML ingezet."""

    def __init__(self, doc) -> None:
        self.deel = docx_intern.nieuw_voetnotendeel(doc, f"<w:footnotes {NSDECL}/>")
        self.noten: list = []
        self.aantal = 0

    def sluit(self) -> None:
        scheiding = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" '
                     'w:lineRule="auto"/></w:pPr><w:r><w:{0}/></w:r></w:p>')
        docx_intern.vervang_inhoud(
            self.deel,
            f"<w:footnotes {NSDECL}>"
            '<w:footnote w:type="separator" w:id="-1">' + scheiding.format("separator")
            + '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0">'
            + scheiding.format("continuationSeparator") + "</w:footnote>"
            + als_xml(self.noten) + "</w:footnotes>",
        )
