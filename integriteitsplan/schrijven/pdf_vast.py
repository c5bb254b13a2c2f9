"""Een PDF van LibreOffice byte voor byte vast maken.

LibreOffice zet in elke PDF het tijdstip van de export (``/CreationDate`` in het
info-woordenboek en ``xmp:CreateDate`` in de XMP-metadata), een willekeurig ``/ID`` en
``/DocChecksum`` in de trailer, en namen voor bestemmingen die het zelf bedenkt
(``__RefHeading___Toc4077_3728408086``: een teller over de hele sessie plus een getal dat
per start van LibreOffice verschilt). Dezelfde .docx gaf daardoor telkens een andere PDF,
en een nieuwe run meldde de PDF als bijgewerkt.

:func:`maak_vast` herschrijft de PDF: de datums worden de datum van het document (uit de
kerneigenschappen van de .docx), de eigen namen van LibreOffice worden op volgorde
genummerd, en ``/ID`` en ``/DocChecksum`` worden de MD5 van de rest van het bestand. De
objecten worden daarna opnieuw achter elkaar gezet met een nieuwe kruisverwijzingstabel
(``xref``), zodat elke verwijzing naar een plek in het bestand klopt; er komt niets bij
(geen incrementele bewaring). De inhoud van streams (tekst, lettertypen, plaatjes) blijft
onaangeroerd, behalve de XMP-metadata, waarvan ``/Length`` wordt bijgewerkt.

Kan de PDF niet zo gelezen worden (een andere opbouw dan LibreOffice schrijft), dan komt
hij ongewijzigd terug.
"""
from __future__ import annotations

import hashlib
import re
import zipfile
from datetime import datetime, timezone
from io import BytesIO

_XREF = re.compile(rb"\nxref\r?\n")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTIE = re.compile(rb"(\d+) (\d+)\r?\n")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_LENGTE = re.compile(rb"/Length (\d+)(?![\d ]* R)")
# namen die LibreOffice zelf maakt: "__" + voorvoegsel + teller + "_" + sessiegetal
# (in de PDF staat "_" als 5F)
_LO_NAAM = re.compile(rb"/((?:5F){2}[A-Za-z][0-9A-Za-z]*?)(\d+)5F(\d+)(?=[\s\[\]/<>()])")
_INFO_DATUM = re.compile(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)")
_XMP_DATUM = re.compile(rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</xmp:\1>")
_ID = re.compile(rb"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]")
_CONTROLEGETAL = re.compile(rb"/DocChecksum\s*/[0-9A-Fa-f]+")
_KERN_DATUM = re.compile(r"<dcterms:(modified|created)[^>]*>([^<]+)</dcterms:\1>")


def _xref(regels: list[bytes]):
    """De regels van een xref-tabel (na het woord 'xref'), elk met het objectnummer waar ze voor
    staan; de kopregel van een subsectie ('eerste aantal') krijgt None."""
    nummer = 0
    for regel in regels[1:]:
        regel = regel.strip()
        if not regel:
            continue
        delen = regel.split()
        if len(delen) == 2:
            nummer = int(delen[0])
            yield None, regel
            continue
        yield nummer, regel
        nummer += 1


def docx_datum(docx: bytes) -> datetime | None:
    """De datum uit de kerneigenschappen van een .docx (gewijzigd, anders gemaakt)."""
    try:
        with zipfile.ZipFile(BytesIO(docx)) as z:
            kern = z.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    gevonden = dict(_KERN_DATUM.findall(kern))
    for sleutel in ("modified", "created"):
        waarde = gevonden.get(sleutel, "").strip()
        if waarde:
            try:
                datum = datetime.fromisoformat(waarde.replace("Z", "+00:00"))
            except ValueError:
                continue
            if datum.tzinfo is None:
                datum = datum.replace(tzinfo=timezone.utc)
            return datum.astimezone(timezone.utc)
    return None


def _objecten(pdf: bytes) -> tuple[bytes, list[tuple[int, bytes]], list[bytes], bytes] | None:
    """Splits een PDF met één klassieke xref-tabel: (kop, [(objectnummer, bytes)] op volgorde
    in het bestand, regels van de xref-tabel, trailer)."""
    eind = _STARTXREF.search(pdf)
    if not eind or pdf.count(b"startxref") != 1 or b"/XRefStm" in pdf or b"/Prev " in pdf[int(eind.group(1)):]:
        return None
    xref_plek = int(eind.group(1))
    if pdf[xref_plek:xref_plek + 4] != b"xref":
        return None
    trailer_plek = pdf.find(b"trailer", xref_plek)
    if trailer_plek < 0:
        return None
    tabel = pdf[xref_plek:trailer_plek]
    regels = tabel.split(b"\n")
    plekken: list[tuple[int, int]] = []  # (plek, objectnummer)
    for nummer, regel in _xref(regels):
        delen = regel.split()
        if nummer is None:  # begin van een subsectie
            continue
        if len(delen) != 3:
            return None
        if delen[2] == b"n":
            plekken.append((int(delen[0]), nummer))
    if not plekken:
        return None
    plekken.sort()
    kop = pdf[:plekken[0][0]]
    objecten = []
    for k, (plek, nr) in enumerate(plekken):
        tot = plekken[k + 1][0] if k + 1 < len(plekken) else xref_plek
        stuk = pdf[plek:tot]
        if not stuk.startswith(b"%d " % nr):
            return None
        objecten.append((nr, stuk))
    return kop, objecten, regels, pdf[trailer_plek:eind.start()]


def maak_vast(pdf: bytes, datum: datetime | None) -> bytes:
    """De PDF met vaste datums (``datum``, anders 1 januari 2000), vaste eigen namen van
    LibreOffice en een ``/ID`` uit de inhoud; zie de moduletekst."""
    delen = _objecten(pdf)
    if delen is None:
        return pdf
    kop, objecten, regels, trailer = delen
    datum = (datum or datetime(2000, 1, 1, tzinfo=timezone.utc)).astimezone(timezone.utc)
    pdf_datum = datum.strftime("D:%Y%m%d%H%M%SZ").encode()
    xmp_datum = datum.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

    # de eigen namen van LibreOffice: per voorvoegsel op volgorde van de teller nummeren
    gevonden: set[tuple[bytes, int, bytes]] = set()
    gesplitst = []
    for nr, stuk in objecten:
        m = _STREAM.search(stuk)
        woordenboek, rest = (stuk[:m.end()], stuk[m.end():]) if m else (stuk, b"")
        gesplitst.append((nr, woordenboek, rest))
        for voor, teller, sessie in _LO_NAAM.findall(woordenboek):
            gevonden.add((voor, int(teller), sessie))
    nieuwe_naam: dict[tuple[bytes, bytes, bytes], bytes] = {}
    volgnummer: dict[bytes, int] = {}
    for voor, teller, sessie in sorted(gevonden):
        n = volgnummer.get(voor, 0) + 1
        volgnummer[voor] = n
        nieuwe_naam[(voor, b"%d" % teller, sessie)] = b"/%s%d5F0" % (voor, n)

    def hernoem(m: re.Match) -> bytes:
        return nieuwe_naam.get((m.group(1), m.group(2), m.group(3)), m.group(0))

    uit = bytearray(kop)
    plek: dict[int, int] = {}
    for nr, woordenboek, rest in gesplitst:
        if nieuwe_naam:
            woordenboek = _LO_NAAM.sub(hernoem, woordenboek)
        woordenboek = _INFO_DATUM.sub(lambda m: b"/%s(%s)" % (m.group(1), pdf_datum), woordenboek)
        if b"/Type/Metadata" in woordenboek and b"<xmp:" in rest:
            lengte = _LENGTE.search(woordenboek)
            if lengte:
                oud = int(lengte.group(1))
                inhoud = _XMP_DATUM.sub(lambda m: b"<xmp:%s>%s</xmp:%s>" % (m.group(1), xmp_datum, m.group(1)),
                                        rest[:oud])
                rest = inhoud + rest[oud:]
                woordenboek = (woordenboek[:lengte.start(1)] + b"%d" % len(inhoud)
                               + woordenboek[lengte.end(1):])
        plek[nr] = len(uit)
        uit += woordenboek + rest

    # de xref-tabel met de nieuwe plekken (vrije plaatsen blijven zoals ze waren)
    xref_plek = len(uit)
    tabel = [b"xref"]
    for nummer, regel in _xref(regels):
        velden = regel.split()
        if nummer is None:
            tabel.append(regel)
        elif velden[2] == b"n":
            tabel.append(b"%010d %05d n " % (plek[nummer], int(velden[1])))
        else:
            tabel.append(regel + b" ")
    uit += b"\n".join(tabel) + b"\n"
    vingerafdruk = hashlib.md5(bytes(uit)).hexdigest().upper().encode()
    trailer = _ID.sub(b"/ID [ <%s>\n<%s> ]" % (vingerafdruk, vingerafdruk), trailer)
    trailer = _CONTROLEGETAL.sub(b"/DocChecksum /" + vingerafdruk, trailer)
    uit += trailer + b"startxref\n%d\n%%%%EOF\n" % xref_plek
    return bytes(uit)
