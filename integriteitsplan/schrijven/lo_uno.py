"""Hulpprogramma voor LibreOffice via UNO; draait onder de Python van het systeem (python3-uno).

Niet importeren vanuit het pakket: ``schrijven/pdf.py`` start dit bestand als apart proces met
``/usr/bin/python3`` en praat ermee in JSON, één regel per verzoek en per antwoord:

    {"docx": PAD, "bladwijzers": [NAAM, ...]}                -> {"paginas": {NAAM: N}}
    {"docx": PAD, "bladwijzers": [...], "pdf": PAD, "titel": T} -> idem, en de PDF is geschreven

Het verbindt met een LibreOffice die al luistert op de pijp uit argv[1]. Met ``eigen MAP PID`` als
argv[2] tot en met argv[4] hoort die LibreOffice bij het proces dat dit hulpprogramma startte: sterft
dat proces (kill -9), dan sluit het hulpprogramma LibreOffice en ruimt het MAP op, zodat er
geen LibreOffice blijft draaien en geen tijdelijke map achterblijft.
"""
import json
import os
import shutil
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
    # geen macro's uitvoeren en geen koppelingen (naar een bestand of adres) bijwerken bij het openen
    doc = desktop.loadComponentFromURL(url, "_blank", 0, eigenschappen(
        Hidden=True, ReadOnly=False, MacroExecutionMode=0, UpdateDocMode=0))
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


def opruimen_na_ouder(desktop, map_, pid=None):
    """De ouder is weg zonder LibreOffice te sluiten: sluit het en ruim de tijdelijke map op."""
    try:
        desktop.terminate()
    except Exception:  # noqa: BLE001 - LibreOffice sluit de verbinding tijdens het afsluiten
        pass
    if pid:  # weigert LibreOffice te stoppen (een document nog open), dan met een signaal
        import signal

        for sein in (None, signal.SIGTERM, signal.SIGKILL):
            if sein is not None:
                try:
                    os.kill(pid, sein)
                except OSError:
                    break
            for _ in range(50):
                try:
                    os.kill(pid, 0)
                except OSError:
                    break
                time.sleep(0.1)
            else:
                continue
            break
    if map_:
        for _ in range(50):  # LibreOffice schrijft bij het afsluiten nog in zijn profiel
            time.sleep(0.1)
            if not os.path.exists(os.path.join(map_, "profiel", ".lock")):
                break
        shutil.rmtree(map_, ignore_errors=True)


def main():
    ouder = os.getppid()
    eigen = len(sys.argv) > 2 and sys.argv[2] == "eigen"
    map_ = sys.argv[3] if len(sys.argv) > 3 else None
    pid = int(sys.argv[4]) if len(sys.argv) > 4 else None
    desktop = verbind(sys.argv[1])
    try:
        print(json.dumps({"klaar": True}), flush=True)
    except BrokenPipeError:  # de ouder is al weg
        if eigen:
            opruimen_na_ouder(desktop, map_, pid)
        return
    for regel in sys.stdin:
        if not regel.strip():
            continue
        try:
            antwoord = verwerk(desktop, json.loads(regel))
        except Exception as fout:  # noqa: BLE001 - de fout gaat terug naar de aanroeper
            antwoord = {"fout": f"{type(fout).__name__}: {fout}"}
        try:
            print(json.dumps(antwoord), flush=True)
        except BrokenPipeError:
            break
    if eigen and os.getppid() != ouder:
        opruimen_na_ouder(desktop, map_, pid)


if __name__ == "__main__":
    main()
