"""Word-uitvoer: bouwt een .docx uit de documenttekst in Markdown.

Krijgt de tekst in Markdown en de :class:`Documentgegevens`; :func:`maak_docx` geeft de
bytes van het .docx-bestand terug.

Het document bestaat uit een titelpagina (uit :class:`Documentgegevens`), een
inhoudsopgave en de tekst. De opmaak komt uit een referentiedocument: de meegeleverde
``integriteitsplan/huisstijl/standaard.docx`` (gemaakt door ``tools/maak_huisstijl.py``)
of de eigen huisstijl van een gemeente. Ontbreekt daarin een stijl die hier nodig is,
dan wordt die uit de standaardhuisstijl overgenomen.

Werkwijze, met het oog op snelheid:

* de Markdown wordt ontleed door één hergebruikte ``markdown.Markdown``; een
  Treeprocessor met de laagste prioriteit vangt de elementboom na de inline-verwerking
  (de HTML wordt dus nooit opnieuw ingelezen) (:mod:`..ontleden`); wie ook de webpagina
  maakt, ontleedt één keer en geeft de :class:`~..ontleden.Vangst` aan beide schrijvers;
* het referentiedocument wordt eenmaal per proces geopend en per document diep
  gekopieerd (:mod:`.huisstijl`);
* de tekst (body, tabellen, voetnoten, kop- en voettekst) wordt als XML-tekst
  opgebouwd en niet element voor element met lxml (:mod:`.blokken`, :mod:`.runs`,
  :mod:`.tabellen`, :mod:`.voetnoten`, :mod:`.omslag`);
* stijl-id's worden eenmaal per document opgezocht (:mod:`.stijlen`);
* het zip-pakket wordt zelf geschreven met vaste datums en een vaste volgorde, zodat
  dezelfde invoer byte voor byte hetzelfde bestand geeft (:mod:`.pakket`).

Alle gebruik van interne onderdelen van python-docx zit in :mod:`.docx_intern`.
"""
from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from ..ontleden import Vangst, ontleed
from . import blokken, docx_intern, omslag, pakket, staarten
from .gegevens import Documentgegevens
from .huisstijl import STANDAARD_HUISSTIJL, open_huisstijl
from .pakket import schrijf_pakket
from .toestand import Opbouw
from .xmltekst import NSDECL, R_NS, W_NS, als_xml

__all__ = ["Documentgegevens", "maak_docx", "schrijf_pakket", "STANDAARD_HUISSTIJL"]


def _bouw(o: Opbouw) -> dict[str, bytes]:
    """Bouw het document; geeft de vervangende bytes voor schrijf_pakket."""
    docx_intern.verwijder_overbodige_delen(o.doc)
    wortel = o.vangst.wortel
    koppen = blokken.koppen_verzamelen(o, wortel)
    omslag.omslag(o)
    if koppen:
        omslag.inhoudsopgave(o, koppen)
    o.stroom.nieuwe_pagina = True
    begin_romp = len(o.uit)
    blokken.blokken(o, wortel)
    if o.stroom.nieuwe_pagina:  # lege tekst: toch een pagina na de titelpagina
        o.alinea(ppr=o.ppr_begin())
    staarten.houd_staarten_vast(o.uit, o.stijlen.is_kop, begin_romp, o.stijl("kop1"))
    if o.voetnoten is not None:
        o.voetnoten.sluit()
    pakket.kop_en_voettekst(o)
    pakket.instellingen(o)
    pakket.eigenschappen(o)
    # de body: als tekst in de geserialiseerde document.xml zetten (sneller dan
    # eerst een boom bouwen); kan dat niet, dan toch via een boom
    document = o.doc.element
    body = docx_intern.body_element(o.doc)
    for kind in list(body):
        body.remove(kind)
    body.append(o.sect)
    tekst = als_xml(o.uit)
    if o.secties:  # de laatste sectie volgt op een liggende tabel: geen titelpagina meer
        docx_intern.zonder_titelpagina(o.sect)
    if document.nsmap.get("w") == W_NS and document.nsmap.get("r") == R_NS:
        blob = etree.tostring(document, encoding="UTF-8", standalone=True)
        if blob.count(b"<w:body>") == 1:
            blob = blob.replace(b"<w:body>", b"<w:body>" + tekst.encode("utf-8"))
            return {docx_intern.partnaam(o.hoofddeel): blob}
    nieuw = docx_intern.lees_xml(f"<w:body {NSDECL}>{tekst}</w:body>")
    for kind in reversed(list(nieuw)):
        body.insert(0, kind)
    return {}


def maak_docx(markdown_tekst: str, gegevens: Documentgegevens,
              afbeeldingen: Mapping[str, bytes] | None = None, vangst: Vangst | None = None) -> bytes:
    """Bouw de .docx uit de documenttekst in Markdown; geeft de bytes van het bestand.

    ``vangst`` is dezelfde tekst al ontleed (:func:`..ontleden.ontleed`), zodat een run die
    ook de webpagina maakt maar één keer ontleedt; de boom wordt niet veranderd.
    """
    doc = open_huisstijl(gegevens.huisstijl)
    if vangst is None:
        vangst = ontleed(markdown_tekst)
    o = Opbouw(doc, gegevens, dict(afbeeldingen or {}), vangst)
    return schrijf_pakket(docx_intern.pakket_van(doc), _bouw(o))
