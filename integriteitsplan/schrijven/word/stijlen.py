"""Stijl-id's en nummering van het document.

Krijgt het document (via :mod:`.docx_intern` de elementen w:styles en w:numbering);
geeft per stijlsleutel (bijv. "kop1", "opsom2") het styleId terug en voor lijsten de
nummering (numId, abstractNumId, ilvl). Ontbreekt een stijl in de huisstijl, dan wordt
die met zijn basisstijlen en nummering uit de standaardhuisstijl overgenomen; een
genummerde lijst krijgt een eigen w:num die opnieuw begint.
"""
from __future__ import annotations

import copy

from lxml import etree

from . import docx_intern
from .huisstijl import Standaard
from .xmltekst import (
    ABSTRACTNUM,
    ABSTRACTNUMID,
    BASEDON,
    ILVL,
    NAME,
    NUM,
    NUMID,
    NUMPR,
    PAGEBREAKBEFORE,
    PPR,
    STYLE,
    STYLEID,
    TYPE,
    VAL,
    W,
    esc,
    geheel,
    sub,
)

# stijlen die de schrijver gebruikt: sleutel -> (soort, naam in het referentiedocument)
STIJLEN: dict[str, tuple[str, str]] = {
    "titel": ("paragraph", "Title"),
    "ondertitel": ("paragraph", "Subtitle"),
    "gemeente": ("paragraph", "Omslag gemeente"),
    "concept": ("paragraph", "Concept"),
    "conceptmarkering": ("character", "Conceptmarkering"),
    "kop1": ("paragraph", "heading 1"),
    "kop2": ("paragraph", "heading 2"),
    "kop3": ("paragraph", "heading 3"),
    "kop4": ("paragraph", "heading 4"),
    "inhoudkop": ("paragraph", "TOC Heading"),
    "toc1": ("paragraph", "toc 1"),
    "toc2": ("paragraph", "toc 2"),
    "toc3": ("paragraph", "toc 3"),
    "opsom1": ("paragraph", "List Bullet"),
    "opsom2": ("paragraph", "List Bullet 2"),
    "opsom3": ("paragraph", "List Bullet 3"),
    "nummer1": ("paragraph", "List Number"),
    "nummer2": ("paragraph", "List Number 2"),
    "nummer3": ("paragraph", "List Number 3"),
    "vervolg1": ("paragraph", "List Continue"),
    "vervolg2": ("paragraph", "List Continue 2"),
    "vervolg3": ("paragraph", "List Continue 3"),
    "tabeltekst": ("paragraph", "Tabeltekst"),
    "tabelkop": ("paragraph", "Tabelkop"),
    "tabel": ("table", "Integriteitsplan tabel"),
    "omslagtabel": ("table", "Omslagtabel"),
    "bijschrift": ("paragraph", "caption"),
    "kader": ("paragraph", "Kader"),
    "koptekst": ("paragraph", "header"),
    "voettekst": ("paragraph", "footer"),
    "voetnoottekst": ("paragraph", "footnote text"),
    "voetnootverwijzing": ("character", "footnote reference"),
    "hyperlink": ("character", "Hyperlink"),
    "code": ("character", "HTML Code"),
}


class Stijlboek:
    """De stijlen en nummering van één document, met opzoektabellen."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.element = docx_intern.stijlen_element(doc)
        self._nummering_el = None
        self._ids: dict[str, str] = {}
        self._index: dict[tuple[str, str], str] = {}
        self._per_id: dict[str, etree._Element] = {}
        self._standaard_per_type: dict[str, str] = {}
        for s in self.element.iter(STYLE):
            sid, soort = s.get(STYLEID), s.get(TYPE)
            self._per_id[sid] = s
            naam = s.find(NAME)
            if naam is not None:
                self._index.setdefault((soort, naam.get(VAL).lower()), sid)
            if s.get(W + "default") in ("1", "true", "on"):
                self._standaard_per_type.setdefault(soort, sid)
        self._num_kopie: dict[str, str] = {}
        self._lijstinfo: dict[str, tuple] = {}
        self._kop_eigenschappen: dict[str, tuple[bool, bool]] = {}
        self._kopstijlen: set[str] | None = None

    # -- stijlen -----------------------------------------------------------

    def stijl(self, sleutel: str) -> str:
        """Het styleId (XML-veilig) voor een stijl; eenmaal opgezocht, ontbrekend = overgenomen."""
        sid = self._ids.get(sleutel)
        if sid is None:
            soort, naam = STIJLEN[sleutel]
            sid = esc(self._stijl_id(soort, naam))
            self._ids[sleutel] = sid
        return sid

    def ruwe_stijl(self, sleutel: str) -> str:
        """Het styleId zoals het in styles.xml staat (niet ontsnapt)."""
        soort, naam = STIJLEN[sleutel]
        self.stijl(sleutel)
        return self._index[(soort, naam.lower())]

    def _stijl_id(self, soort: str, naam: str) -> str:
        sid = self._index.get((soort, naam.lower()))
        if sid is None:
            sid = self._neem_stijl_over(soort, naam)
        return sid

    def _neem_stijl_over(self, soort: str, naam: str) -> str:
        std = Standaard.get()
        bron = std.per_naam[(soort, naam.lower())]
        nieuw = copy.deepcopy(bron)
        sid = bron.get(STYLEID)
        basis_id, n = sid, 1
        while sid in self._per_id:
            n += 1
            sid = f"{basis_id}{n}"
        nieuw.set(STYLEID, sid)
        nieuw.attrib.pop(W + "default", None)
        self._index[(soort, naam.lower())] = sid
        self._per_id[sid] = nieuw
        for tag in (BASEDON, W + "next", W + "link"):
            ref = nieuw.find(tag)
            if ref is None:
                continue
            doel = std.per_id.get(ref.get(VAL))
            doel_id = None
            if doel is not None:
                dsoort = doel.get(TYPE)
                if doel.get(W + "default") == "1":
                    doel_id = self._standaard_per_type.get(dsoort)
                if doel_id is None:
                    doel_id = self._stijl_id(dsoort, doel.find(NAME).get(VAL))
            if doel_id is None:
                nieuw.remove(ref)
            else:
                ref.set(VAL, doel_id)
        numid = nieuw.find(f"{PPR}/{NUMPR}/{NUMID}")
        if numid is not None:
            numid.set(VAL, self.neem_nummering_over(numid.get(VAL)))
        self.element.append(nieuw)
        return sid

    def keten(self, sid: str):
        """De stijl en zijn basisstijlen, van specifiek naar algemeen."""
        gezien = set()
        while sid and sid not in gezien:
            gezien.add(sid)
            s = self._per_id.get(sid)
            if s is None:
                return
            yield s
            b = s.find(BASEDON)
            sid = b.get(VAL) if b is not None else None

    def _stijl_numpr(self, sid: str) -> tuple[str, int] | None:
        for s in self.keten(sid):
            numpr = s.find(f"{PPR}/{NUMPR}")
            if numpr is not None:
                nid = numpr.find(NUMID)
                lvl = numpr.find(ILVL)
                if nid is None:
                    continue
                if nid.get(VAL) == "0":
                    return None
                return nid.get(VAL), geheel(lvl.get(VAL), 0) if lvl is not None else 0
        return None

    def heeft(self, sid: str, tag: str) -> bool:
        """Of stijl ``sid`` (of een basisstijl) pPr-eigenschap ``tag`` aan heeft staan."""
        for s in self.keten(sid):
            el = s.find(f"{PPR}/{tag}")
            if el is not None:
                return el.get(VAL, "1") not in ("0", "false", "off")
        return False

    def is_kop(self, sid: str | None) -> bool:
        """Of ``sid`` een van de kopstijlen (niveau 1 tot 4) is."""
        if sid is None:
            return False
        if self._kopstijlen is None:
            self._kopstijlen = {self.stijl(f"kop{n}") for n in range(1, 5)}
        return sid in self._kopstijlen

    def kop_eigenschappen(self, sleutel: str) -> tuple[str, bool, bool]:
        """(styleId, begint op nieuwe pagina, heeft automatische nummering) van een kopstijl."""
        sid = self.stijl(sleutel)
        eigen = self._kop_eigenschappen.get(sid)
        if eigen is None:
            ruw = self.ruwe_stijl(sleutel)
            eigen = (self.heeft(ruw, PAGEBREAKBEFORE), self._stijl_numpr(ruw) is not None)
            self._kop_eigenschappen[sid] = eigen
        return sid, eigen[0], eigen[1]

    # -- nummering -----------------------------------------------------------

    @property
    def nummering(self):
        if self._nummering_el is None:
            self._nummering_el = docx_intern.nummering_element(self.doc)
        return self._nummering_el

    def neem_nummering_over(self, std_numid: str) -> str:
        """Neem een w:num (en zijn abstractNum) uit de standaard over; geeft het nieuwe numId."""
        if std_numid in self._num_kopie:
            return self._num_kopie[std_numid]
        std = Standaard.get().nummering
        num = next(n for n in std.iter(NUM) if n.get(NUMID) == std_numid)
        abstract_id = num.find(ABSTRACTNUMID).get(VAL)
        bron = next(a for a in std.iter(ABSTRACTNUM) if a.get(ABSTRACTNUMID) == abstract_id)
        nieuw_abs = copy.deepcopy(bron)
        nieuw_abs.set(ABSTRACTNUMID, str(self._volgend_id(ABSTRACTNUM, ABSTRACTNUMID)))
        bestaande = self.nummering.findall(ABSTRACTNUM)
        if bestaande:
            bestaande[-1].addnext(nieuw_abs)
        else:
            eerste_num = self.nummering.find(NUM)
            if eerste_num is not None:
                eerste_num.addprevious(nieuw_abs)
            else:
                self.nummering.append(nieuw_abs)
        nieuw = self.nieuwe_num(nieuw_abs.get(ABSTRACTNUMID))
        self._num_kopie[std_numid] = nieuw
        return nieuw

    def _volgend_id(self, tag: str, attr: str) -> int:
        return max((geheel(e.get(attr), 0) for e in self.nummering.iter(tag)), default=0) + 1

    def nieuwe_num(self, abstract_id: str, herstart_niveau: int | None = None, start: int = 1) -> str:
        """Een nieuwe w:num voor ``abstract_id``, zo nodig met startOverride; geeft het numId."""
        numid = str(self._volgend_id(NUM, NUMID))
        num = etree.Element(NUM, {NUMID: numid})
        sub(num, ABSTRACTNUMID, {VAL: abstract_id})
        if herstart_niveau is not None:
            ov = sub(num, W + "lvlOverride", {ILVL: str(herstart_niveau)})
            sub(ov, W + "startOverride", {VAL: str(start)})
        opruimen = self.nummering.find(W + "numIdMacAtCleanup")
        if opruimen is not None:
            opruimen.addprevious(num)
        else:
            self.nummering.append(num)
        return numid

    def _abstract_van(self, numid: str) -> str | None:
        for n in self.nummering.iter(NUM):
            if n.get(NUMID) == numid:
                a = n.find(ABSTRACTNUMID)
                return a.get(VAL) if a is not None else None
        return None

    def lijst(self, soort: str, diepte: int) -> tuple:
        """(stijl-id, abstractNumId, ilvl, numId, nummering via de stijl) voor een lijst."""
        sleutel = f"{soort}{min(diepte, 2) + 1}"
        info = self._lijstinfo.get(sleutel)
        if info is None:
            sid = self.stijl(sleutel)
            numpr = self._stijl_numpr(self.ruwe_stijl(sleutel))
            abstract = self._abstract_van(numpr[0]) if numpr else None
            if abstract is None:
                # stijl zonder (geldige) nummering: die van de standaard overnemen
                numid = self.neem_nummering_over("1" if soort == "opsom" else "2")
                info = (sid, self._abstract_van(numid), diepte, numid, False)
            else:
                info = (sid, abstract, numpr[1], numpr[0], True)
            self._lijstinfo[sleutel] = info
        return info
