"""Voetnoten: het deel word/footnotes.xml en de verwijzingen in de tekst.

Krijgt de :class:`~.toestand.Opbouw`, de lijst waaraan de verwijzing komt en de sleutel
van de voetnoot (het id van het li-element onder div.footnote); voegt de verwijzing toe
en schrijft de voetnoottekst als w:footnote. Het deel wordt bij de eerste voetnoot
gemaakt en aan het eind met :meth:`Voetnoten.sluit` in één keer gevuld.
"""
from __future__ import annotations

from . import docx_intern, runs
from .toestand import Opbouw
from .vangen import BLOKKEN
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


def verwijzing(o: Opbouw, ouder: list, sleutel: str) -> None:
    """Verwijzing naar voetnoot ``sleutel`` in ``ouder``, plus de voetnoottekst zelf."""
    bron = o.verwijzingen.voetnoot_bron.get(sleutel)
    if bron is None:
        return
    if o.voetnoten is None:
        o.voetnoten = Voetnoten(o.doc)
    vn = o.voetnoten
    vn.aantal += 1
    nr = vn.aantal
    stijl_verwijzing = o.stijl("voetnootverwijzing")
    ouder.append(f'<w:r><w:rPr><w:rStyle w:val="{stijl_verwijzing}"/></w:rPr>'
                 f'<w:footnoteReference w:id="{nr}"/></w:r>')
    # de voetnoottekst zelf, met links als relaties van het voetnotendeel
    with o.in_deel(vn.deel):
        alineas: list = []
        tekst_stijl = o.stijl("voetnoottekst")
        onderdelen = [k for k in bron if k.tag in BLOKKEN] or [bron]
        for i, deel in enumerate(onderdelen):
            p = o.alinea(alineas, tekst_stijl)
            if i == 0:
                p.inhoud.append(f'<w:r><w:rPr><w:rStyle w:val="{stijl_verwijzing}"/></w:rPr>'
                                '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>')
            if deel.tag in ("ul", "ol"):
                runs.tekst(o, p.inhoud, o.vangst.platte_tekst(deel))
            else:
                runs.inline(o, p.inhoud, deel)
        vn.noten.append(f'<w:footnote w:id="{nr}">' + als_xml(alineas) + "</w:footnote>")
