"""Een eigen huisstijl (.docx) opschonen vóór gebruik.

Een huisstijl levert stijlen, kop- en voetteksten en een logo. Wat een document anders
kan laten doen dan tonen, gaat er vooraf uit, zodat het nooit in een gemaakt document komt:

- macro's (``vbaProject.bin``, ``vbaData.xml``) en ActiveX-besturingselementen;
- ingesloten objecten (``word/embeddings/``: OLE-objecten, andere bestanden);
- relaties naar buiten (``TargetMode="External"``), zoals een gekoppeld sjabloon
  (``attachedTemplate``) of een afbeelding die van internet wordt gehaald;
- de verwijzing naar een gekoppeld sjabloon en een gegevensbron voor standaardbrieven
  (``w:mailMerge``) in ``word/settings.xml``;
- ingevoegde stukken van een ander formaat (``w:altChunk``: HTML, RTF, een ander document)
  en links in een kop- of voettekst naar iets anders dan http, https of mailto.

``schoon`` is een pure functie: bytes in, schone bytes en een lijst met wat is weggelaten uit.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile

from integriteitsplan.renderen.veilig import link_toegestaan

_MACRO_CT = b"application/vnd.ms-word.document.macroEnabled.main+xml"
_MACRO_SJABLOON_CT = b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# Relatietypen die nooit in een document horen (het laatste deel van de type-URI).
_VERBODEN_TYPEN = ("vbaProject", "wordVbaData", "keyMapCustomizations", "attachedTemplate", "oleObject",
                   "package", "control", "activeXControlBinary", "frame", "subDocument", "customizations",
                   "ui/extensibility", "externalLinkPath", "printerSettings", "aFChunk")

_REL = re.compile(rb"<Relationship\b[^>]*?/>|<Relationship\b[^>]*?>.*?</Relationship>", re.DOTALL)


def _is_verboden_deel(naam: str) -> str | None:
    laag = naam.lower()
    if laag.endswith("vbaproject.bin") or laag.endswith("vbadata.xml") or "/vbaproject" in laag:
        return "macro's (vbaProject)"
    if laag.startswith("word/embeddings/"):
        return "ingesloten objecten (word/embeddings)"
    if laag.startswith("word/activex/"):
        return "ActiveX-besturingselementen"
    if laag.startswith("customui/") or laag.endswith("customizations.xml"):
        return "aanpassingen van het lint (customUI)"
    return None


def _attr(rel: bytes, naam: bytes) -> bytes:
    m = re.search(rb"\b" + naam + rb"\s*=\s*\"([^\"]*)\"", rel) or re.search(rb"\b" + naam + rb"\s*=\s*'([^']*)'", rel)
    return m.group(1) if m else b""


def schoon(data: bytes) -> tuple[bytes, list[str]]:
    """Geef de opgeschoonde huisstijl en een lijst (zonder dubbelen) van wat is weggelaten.
    Een bestand zonder iets om weg te laten komt ongewijzigd terug."""
    weg: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
        weg_delen = {}
        for info in infos:
            reden = _is_verboden_deel(info.filename)
            if reden:
                weg_delen[info.filename] = reden
        nieuw: dict[str, bytes] = {}
        for info in infos:
            if not info.filename.endswith(".rels"):
                continue
            inhoud = z.read(info.filename)
            map_ = posixpath.dirname(posixpath.dirname(info.filename))

            def _rel(m: re.Match, map_=map_) -> bytes:
                rel = m.group(0)
                typ = _attr(rel, b"Type").decode("utf-8", "replace")
                doel = _attr(rel, b"Target").decode("utf-8", "replace")
                if _attr(rel, b"TargetMode").lower() == b"external":
                    if typ.endswith("/hyperlink") and link_toegestaan(doel) and re.match(r"(?i)\s*(https?|mailto):", doel):
                        return rel  # een gewone link in de kop- of voettekst: die mag blijven
                    if typ.endswith("/hyperlink"):
                        weg.append("een link die niet naar http, https of mailto gaat")
                        return b""
                    weg.append("een gekoppeld sjabloon (attachedTemplate)" if typ.endswith("attachedTemplate")
                               else "een verwijzing naar een bestand buiten het document")
                    return b""
                if any(typ.endswith("/" + t) for t in _VERBODEN_TYPEN):
                    weg.append(_reden_type(typ))
                    return b""
                doelpad = posixpath.normpath(posixpath.join(map_, doel)).lstrip("/") if not doel.startswith("/") \
                    else doel.lstrip("/")
                if doelpad in weg_delen:
                    return b""
                return rel

            schoon_ = _REL.sub(_rel, inhoud)
            if schoon_ != inhoud:
                nieuw[info.filename] = schoon_
        weg += sorted(set(weg_delen.values()))
        typen = z.read("[Content_Types].xml") if "[Content_Types].xml" in z.namelist() else None
        if typen is not None:
            t = typen.replace(_MACRO_CT, _DOCUMENT_CT).replace(_MACRO_SJABLOON_CT, _DOCUMENT_CT)
            t = re.sub(rb"<Override\b[^>]*PartName=\"/(?:word/vbaProject\.bin|word/vbaData\.xml)\"[^>]*/>", b"", t,
                       flags=re.IGNORECASE)
            t = re.sub(rb"<Default\b[^>]*ContentType=\"application/vnd\.ms-office\.vbaProject\"[^>]*/>", b"", t)
            if t != typen:
                nieuw["[Content_Types].xml"] = t
                if typen.find(_MACRO_CT) >= 0 or typen.find(_MACRO_SJABLOON_CT) >= 0:
                    weg.append("macro's (vbaProject)")
        if "word/settings.xml" in z.namelist():
            instellingen = z.read("word/settings.xml")
            s = re.sub(rb"<w:attachedTemplate\b[^>]*/>", b"", instellingen)
            s2 = re.sub(rb"<w:mailMerge\b.*?</w:mailMerge>|<w:mailMerge\b[^>]*/>", b"", s, flags=re.S)
            if s2 != s:
                weg.append("een gegevensbron voor standaardbrieven (mailMerge)")
                s = s2
            if s != instellingen:
                nieuw["word/settings.xml"] = s
        for info in infos:  # de plek van een ingevoegd stuk (w:altChunk) ook weg
            if info.filename.startswith("word/") and info.filename.endswith(".xml") and info.filename not in weg_delen:
                inhoud = nieuw.get(info.filename) or z.read(info.filename)
                if b"altChunk" in inhoud:
                    zonder = re.sub(rb"<w:altChunk\b[^>]*/>|<w:altChunk\b.*?</w:altChunk>", b"", inhoud, flags=re.S)
                    if zonder != inhoud:
                        nieuw[info.filename] = zonder
        if not nieuw and not weg_delen:
            return data, _uniek(weg)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as uit:
            for info in infos:
                if info.filename in weg_delen:
                    continue
                uit.writestr(info, nieuw.get(info.filename, z.read(info.filename)))
    return buf.getvalue(), _uniek(weg)


def _reden_type(typ: str) -> str:
    if typ.endswith("aFChunk"):
        return "een ingevoegd stuk van een ander formaat (altChunk)"
    if "vba" in typ.lower() or "keyMap" in typ:
        return "macro's (vbaProject)"
    if typ.endswith(("oleObject", "package")):
        return "ingesloten objecten (word/embeddings)"
    if "control" in typ.lower() or "activeX" in typ:
        return "ActiveX-besturingselementen"
    if typ.endswith("attachedTemplate"):
        return "een gekoppeld sjabloon (attachedTemplate)"
    return "een onderdeel dat niet in een document hoort (" + typ.rsplit("/", 1)[-1] + ")"


def _uniek(weg: list[str]) -> list[str]:
    return list(dict.fromkeys(weg))


def schoon_en_meld(naam, data: bytes) -> bytes:
    """``schoon`` met een waarschuwing (op stderr) die zegt wat is weggelaten."""
    from integriteitsplan.fouten import waarschuw

    try:
        schone, weg = schoon(data)
    except Exception:  # noqa: BLE001 - een kapot bestand meldt de controle van de huisstijl hierna
        return data
    if weg:
        waarschuw(f"Let op: uit de huisstijl {naam} is weggelaten: {', '.join(weg)}. Dat komt niet in het "
                  "gemaakte document; de stijlen, kop- en voetteksten blijven.")
    return schone
