"""Hulpprogramma voor LibreOffice via UNO; draait onder de Python van het systeem (python3-uno).

Niet importeren vanuit het pakket: ``schrijven/pdf.py`` start dit bestand als apart proces met
``/usr/bin/python3`` en praat ermee in JSON, één regel per verzoek en per antwoord:

    {"docx": PAD, "bladwijzers": [NAAM, ...]}                -> {"paginas": {NAAM: N}}
    {"docx": PAD, "bladwijzers": [...], "pdf": PAD, "titel": T} -> idem, en de PDF is geschreven

Het verbindt met een LibreOffice die al luistert op de pijp uit argv[1].
"""
import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def eigenschappen(**kw):
    uit = []
    for naam, waarde in kw.items():
        p = PropertyValue()
        p.Name, p.Value = naam, waarde
        uit.append(p)
    return tuple(uit)


def verbind(pijp, wachten=60.0):
    lokaal = uno.getComponentContext()
    resolver = lokaal.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", lokaal)
    tot = time.monotonic() + wachten
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pijp};urp;StarOffice.ComponentContext")
            break
        except Exception:  # noqa: BLE001 - LibreOffice luistert nog niet
            if time.monotonic() > tot:
                raise
            time.sleep(0.05)
    return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)


def paginas(doc, namen):
    bladwijzers = doc.getBookmarks()
    cursor = doc.getCurrentController().getViewCursor()
    uit = {}
    for naam in namen:
        if bladwijzers.hasByName(naam):
            cursor.gotoRange(bladwijzers.getByName(naam).getAnchor(), False)
            uit[naam] = cursor.getPage()
    return uit


def filteropties(titel):
    return uno.Any("[]com.sun.star.beans.PropertyValue", eigenschappen(
        UseTaggedPDF=True,
        PDFUACompliance=True,
        ExportBookmarks=True,
        OpenBookmarkLevels=-1,
        DisplayPDFDocumentTitle=True,
        EmbedStandardFonts=True,
        ExportNotes=False,
        ExportLinksRelativeFsys=False,
        ConvertOOoTargetToPDFTarget=True,
        ExportBookmarksToPDFDestination=True,
        UseLosslessCompression=True,
    ))


def verwerk(desktop, verzoek):
    url = uno.systemPathToFileUrl(verzoek["docx"])
    doc = desktop.loadComponentFromURL(url, "_blank", 0, eigenschappen(Hidden=True, ReadOnly=False))
    try:
        namen = verzoek.get("bladwijzers", [])
        gevonden = {} if verzoek.get("bijwerken") else paginas(doc, namen)
        if verzoek.get("bijwerken"):
            # bijwerken kan de inhoudsopgave langer maken en koppen verschuiven: tot het klopt
            indexen = [doc.getDocumentIndexes().getByIndex(i) for i in range(doc.getDocumentIndexes().getCount())]
            for _ in range(3):
                for index in indexen:
                    index.update()
                gevonden = paginas(doc, namen)
                getoond = [int(r.rsplit("\t", 1)[1]) for index in indexen
                           for r in index.getAnchor().getString().split("\n") if "\t" in r
                           and r.rsplit("\t", 1)[1].isdigit()]
                if getoond == [gevonden[n] for n in namen if n in gevonden]:
                    break
        antwoord = {"paginas": gevonden}
        if verzoek.get("pdf"):
            if verzoek.get("titel"):
                doc.getDocumentProperties().Title = verzoek["titel"]
            doc.storeToURL(uno.systemPathToFileUrl(verzoek["pdf"]), eigenschappen(
                FilterName="writer_pdf_Export", FilterData=filteropties(verzoek.get("titel"))))
        return antwoord
    finally:
        doc.close(True)


def main():
    desktop = verbind(sys.argv[1])
    print(json.dumps({"klaar": True}), flush=True)
    for regel in sys.stdin:
        if not regel.strip():
            continue
        try:
            antwoord = verwerk(desktop, json.loads(regel))
        except Exception as fout:  # noqa: BLE001 - de fout gaat terug naar de aanroeper
            antwoord = {"fout": f"{type(fout).__name__}: {fout}"}
        print(json.dumps(antwoord), flush=True)


if __name__ == "__main__":
    main()
