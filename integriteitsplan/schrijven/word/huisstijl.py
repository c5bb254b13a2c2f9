"""Het referentiedocument (de huisstijl) openen, controleren en bewaren.

Krijgt het pad van een .docx of .dotx (of None voor de standaardhuisstijl); geeft een
verse ``docx.Document``-kopie terug om te vullen, of de stijlen en nummering van de
standaardhuisstijl om ontbrekende stijlen mee aan te vullen. Een .dotx wordt in het
geheugen een .docx. Een onbruikbaar bestand geeft een :class:`IntegriteitsplanFout`.

Het referentiedocument wordt eenmaal per proces gelezen en geopend en daarna per
document diep gekopieerd.
"""
from __future__ import annotations

import copy
import io
import threading
import zipfile
from pathlib import Path

import docx
from lxml import etree

from integriteitsplan.bronnen import STANDAARD_HUISSTIJL  # noqa: E402  (één plek die weet waar)

from ...fouten import IntegriteitsplanFout
from .. import huisstijl_opschonen
from .xmltekst import NAME, STYLE, STYLEID, TYPE, VAL

_CACHE: dict[tuple, bytes] = {}
_CACHE_SLOT = threading.Lock()
_ONGEREPT: dict[tuple, object] = {}
_SJABLOON_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _fout_huisstijl(pad: Path, wat: str) -> IntegriteitsplanFout:
    return IntegriteitsplanFout(
        f"De huisstijl {pad} {wat}\n"
        "Geef bij 'huisstijl' een Word-document (.docx of .dotx) op dat in Word is "
        "opgeslagen als 'Word-document', of laat 'huisstijl' weg om de standaardhuisstijl "
        "te gebruiken. Er is niets geschreven."
    )


def _sleutel(pad: Path) -> tuple:
    try:
        st = pad.stat()
    except OSError:
        raise _fout_huisstijl(pad, "bestaat niet of is niet te lezen.") from None
    return (str(pad), st.st_mtime_ns, st.st_size)


def _huisstijl_bytes(pad: Path, sleutel: tuple | None = None) -> bytes:
    """De bytes van het referentiedocument, eenmaal per proces gelezen en gecontroleerd."""
    sleutel = sleutel or _sleutel(pad)
    gevonden = _CACHE.get(sleutel)
    if gevonden is not None:
        return gevonden
    if not pad.is_file():
        raise _fout_huisstijl(pad, "is geen bestand.")
    try:
        data = pad.read_bytes()
    except OSError as e:
        raise _fout_huisstijl(pad, f"is niet te lezen ({e.strerror}).") from None
    if zipfile.is_zipfile(io.BytesIO(data)):  # macro's, externe sjablonen en objecten eruit
        data = huisstijl_opschonen.schoon_en_meld(pad, data)
    data = _controleer_huisstijl(pad, data)
    with _CACHE_SLOT:
        _CACHE[sleutel] = data
    return data


def _controleer_huisstijl(pad: Path, data: bytes) -> bytes:
    """Controleer dat ``data`` een Word-document is; maak van een .dotx een .docx."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            typen = z.read("[Content_Types].xml")
            if _SJABLOON_CT in typen:
                # een Word-sjabloon (.dotx): alleen het inhoudstype verschilt
                buf = io.BytesIO()
                with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as uit:
                    for info in z.infolist():
                        inhoud = z.read(info.filename)
                        if info.filename == "[Content_Types].xml":
                            inhoud = inhoud.replace(_SJABLOON_CT, _DOCUMENT_CT)
                        uit.writestr(info, inhoud)
                data = buf.getvalue()
        docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError):
        raise _fout_huisstijl(pad, "is geen Word-document (geen geldig .docx-bestand).") from None
    except Exception as e:  # python-docx meldt een verkeerd inhoudstype als ValueError e.d.
        raise _fout_huisstijl(pad, f"is geen bruikbaar Word-document ({e}).") from None
    return data


def open_huisstijl(huisstijl: Path | None):
    """Een verse kopie van het referentiedocument.

    Het document wordt eenmaal per proces geopend en daarna per document diep gekopieerd
    (gemeten: ruim twee keer zo snel als telkens opnieuw openen uit de bytes). Het
    bewaarde exemplaar zelf wordt nooit gewijzigd.
    """
    pad = Path(huisstijl) if huisstijl is not None else STANDAARD_HUISSTIJL
    sleutel = _sleutel(pad)
    ongerept = _ONGEREPT.get(sleutel)
    if ongerept is None:
        ongerept = docx.Document(io.BytesIO(_huisstijl_bytes(pad, sleutel)))
        with _CACHE_SLOT:
            _ONGEREPT[sleutel] = ongerept
    return copy.deepcopy(ongerept)


class Standaard:
    """Stijlen en nummering uit standaard.docx, om ontbrekende stijlen aan te vullen."""

    _inst: Standaard | None = None

    def __init__(self) -> None:
        with zipfile.ZipFile(io.BytesIO(_huisstijl_bytes(STANDAARD_HUISSTIJL))) as z:
            self.stijlen = etree.fromstring(z.read("word/styles.xml"))
            self.nummering = etree.fromstring(z.read("word/numbering.xml"))
        self.per_naam: dict[tuple[str, str], etree._Element] = {}
        self.per_id: dict[str, etree._Element] = {}
        for s in self.stijlen.iter(STYLE):
            naam = s.find(NAME)
            self.per_id[s.get(STYLEID)] = s
            if naam is not None:
                self.per_naam[(s.get(TYPE), naam.get(VAL).lower())] = s

    @classmethod
    def get(cls) -> Standaard:
        if cls._inst is None:
            cls._inst = cls()
        return cls._inst
