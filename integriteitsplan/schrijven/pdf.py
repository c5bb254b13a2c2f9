"""Schrijver voor PDF: het Word-document, omgezet door LibreOffice (zonder scherm).

LibreOffice wordt één keer per proces gestart (een start kost een paar seconden) en blijft
draaien tot het proces stopt. Een batch met meer processen start het één keer in het
hoofdproces; de andere processen verbinden daarmee (zie ``gedeeld``).

Per document: LibreOffice laadt de .docx, werkt de inhoudsopgave bij (dan staan de echte
paginanummers erin), meet op welke pagina elke kop staat en schrijft een getagde PDF
(PDF/UA, bladwijzers voor de koppen, titel als venstertitel, taal nl-NL, ingebedde
lettertypen). De PDF wordt daarna vast gemaakt (:mod:`.pdf_vast`): datums van het document,
geen willekeurig ``/ID``, zodat dezelfde invoer dezelfde bytes geeft. De gemeten pagina's
gaan terug, zodat de .docx dezelfde nummers kan krijgen
(``inhoudsopgave.zet_paginanummers``).

De koppeling loopt via de Python van het systeem met python3-uno (``lo_uno.py``), als apart
proces dat JSON leest en schrijft.
"""
from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from integriteitsplan.fouten import GebruiksFout, IntegriteitsplanFout
from integriteitsplan.schrijven import inhoudsopgave, pdf_vast

UNO_PYTHON = os.environ.get("INTEGRITEITSPLAN_UNO_PYTHON", "/usr/bin/python3")
PIJP_OMGEVING = "INTEGRITEITSPLAN_LIBREOFFICE_PIJP"  # een LibreOffice die al draait (batch)
LOG_OMGEVING = "INTEGRITEITSPLAN_LIBREOFFICE_LOG"  # elke start van LibreOffice: één regel in dit bestand
INSTALLEREN = ("apt-get install libreoffice-writer-nogui python3-uno poppler-utils "
               "fonts-crosextra-carlito fonts-liberation2")
_HULP = Path(__file__).with_name("lo_uno.py")

starts = 0  # hoe vaak dit proces LibreOffice startte


class PdfFout(IntegriteitsplanFout):
    exitcode = 3

    def __init__(self, uitleg: str) -> None:
        super().__init__(f"LibreOffice kon de PDF niet maken: {uitleg}")


class PdfTeLang(IntegriteitsplanFout):
    """LibreOffice doet er te lang over (een document dat het laat vastlopen): exitcode 2."""

    def __init__(self, seconden: float) -> None:
        super().__init__(f"LibreOffice deed er langer dan {seconden:g} seconden over om de PDF te maken en is "
                         "gestopt. Is het document erg groot, of zit er in de huisstijl iets wat LibreOffice laat "
                         "vastlopen? Maak het document kleiner of probeer het zonder eigen huisstijl. Er is niets "
                         "geschreven.")


STANDAARD_PDFTIJD = 300.0  # seconden per document; INTEGRITEITSPLAN_PDFTIJD past dit aan


def _pdftijd() -> float:
    try:
        return max(0.1, float(os.environ.get("INTEGRITEITSPLAN_PDFTIJD", STANDAARD_PDFTIJD)))
    except ValueError:
        return STANDAARD_PDFTIJD


def soffice_pad() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _uno_aanwezig() -> bool:
    if not Path(UNO_PYTHON).exists():
        return False
    return any((Path(p) / "uno.py").exists() for p in ("/usr/lib/python3/dist-packages",
                                                        "/usr/lib/libreoffice/program"))


def vereist() -> None:
    """Gooit een GebruiksFout (exitcode 2) als LibreOffice of python3-uno ontbreekt."""
    if os.environ.get(PIJP_OMGEVING):
        return
    if soffice_pad() is None or not _uno_aanwezig():
        raise GebruiksFout("Voor --formaat pdf is LibreOffice nodig (met python3-uno), maar dat is niet "
                           f"geïnstalleerd. Installeer het op Debian of Ubuntu met:\n  {INSTALLEREN}\n"
                           "Er is niets geschreven.")


class LibreOffice:
    """Eén draaiend LibreOffice (eigen of gedeeld) en het hulpproces dat ermee praat."""

    def __init__(self, pijp: str | None = None) -> None:
        self.map = Path(tempfile.mkdtemp(prefix="integriteitsplan-lo-"))
        self.soffice: subprocess.Popen | None = None
        self.slot = threading.Lock()
        eigen = pijp is None
        if pijp is None:
            pijp = self._start()
        self.pijp = pijp
        # een eigen LibreOffice: het hulpprogramma sluit het als dit proces onverwacht sterft
        extra = ["eigen", str(self.map), str(self.soffice.pid)] if eigen and self.soffice else []
        self.hulp = subprocess.Popen([UNO_PYTHON, str(_HULP), pijp, *extra], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                     env=_uno_omgeving())
        self._lees()

    def _start(self) -> str:
        global starts
        vereist()
        pijp = f"integriteitsplan-{os.getpid()}-{self.map.name}"
        if (_PROFIELCACHE / "user").is_dir():  # een bewaard profiel scheelt LibreOffice seconden bij de start
            with contextlib.suppress(OSError):
                shutil.copytree(_PROFIELCACHE, self.map / "profiel")
        profiel = (self.map / "profiel").as_uri()
        self.soffice = subprocess.Popen(
            [soffice_pad(), "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             "--nolockcheck", f"-env:UserInstallation={profiel}", f"--accept=pipe,name={pijp};urp;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        starts += 1
        log = os.environ.get(LOG_OMGEVING)
        if log:
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"start {os.getpid()} {self.soffice.pid}\n")
        return pijp

    def _lees(self, tijd: float | None = None) -> dict:
        if tijd is not None and self.hulp.stdout is not None:
            import selectors

            with selectors.DefaultSelector() as kiezer:
                kiezer.register(self.hulp.stdout, selectors.EVENT_READ)
                if not kiezer.select(tijd):
                    self._stop_na_vastlopen()
                    raise PdfTeLang(tijd)
        regel = self.hulp.stdout.readline() if self.hulp.stdout else ""
        if not regel:
            raise PdfFout("de verbinding met LibreOffice is verbroken.")
        antwoord = json.loads(regel)
        if "fout" in antwoord:
            raise PdfFout(antwoord["fout"])
        return antwoord

    def verwerk(self, docx: bytes, titel: str) -> tuple[bytes, dict[str, int]]:
        """Zet een .docx om naar PDF; geeft de PDF en de pagina van elke kop in de inhoudsopgave."""
        ankers = inhoudsopgave.toc_ankers(docx)
        with self.slot, tempfile.TemporaryDirectory(dir=self.map) as tijdelijk:
            bron, doel = Path(tijdelijk) / "document.docx", Path(tijdelijk) / "document.pdf"
            bron.write_bytes(docx)
            verzoek = {"docx": str(bron), "pdf": str(doel), "titel": titel, "bladwijzers": ankers,
                       "bijwerken": True}
            self.hulp.stdin.write(json.dumps(verzoek) + "\n")
            self.hulp.stdin.flush()
            antwoord = self._lees(_pdftijd())
            # vaste datums (die van het document), namen en /ID: dezelfde .docx geeft dezelfde PDF
            pdf = pdf_vast.maak_vast(doel.read_bytes(), pdf_vast.docx_datum(docx))
            return pdf, {k: int(v) for k, v in antwoord["paginas"].items()}

    def _stop_na_vastlopen(self) -> None:
        """Een vastgelopen LibreOffice en zijn hulpproces stoppen; een volgende PDF start opnieuw."""
        if self.soffice is not None:  # eerst soffice.bin (een kind van oosplash), dan oosplash zelf
            for kind in _kinderen(self.soffice.pid):
                with contextlib.suppress(OSError):
                    os.kill(kind, signal.SIGKILL)
        for proces in (self.hulp, self.soffice):
            if proces is not None and proces.poll() is None:
                proces.kill()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proces.wait(timeout=10)
        self.soffice = None  # niets meer om af te sluiten; de map ruimt sluit() op

    def sluit(self) -> None:
        with contextlib.suppress(Exception):
            self.hulp.stdin.close()
            self.hulp.wait(timeout=10)
        if self.soffice is not None:
            self.soffice.terminate()
            try:
                self.soffice.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.soffice.kill()
            _bewaar_profiel(self.map / "profiel")
        shutil.rmtree(self.map, ignore_errors=True)


def _kinderen(pid: int) -> list[int]:
    """De kindprocessen van ``pid`` (Linux; elders een lege lijst)."""
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        return []


_PROFIELCACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "integriteitsplan" / "libreoffice-profiel"


def _bewaar_profiel(profiel: Path) -> None:
    """Bewaar het eerste LibreOffice-profiel (klein) om volgende starts te versnellen."""
    if (_PROFIELCACHE / "user").is_dir() or not (profiel / "user").is_dir():
        return
    with contextlib.suppress(OSError):
        _PROFIELCACHE.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = Path(tempfile.mkdtemp(prefix=".profiel-", dir=_PROFIELCACHE.parent))
        shutil.copytree(profiel, tijdelijk / "p", ignore=shutil.ignore_patterns(".lock", "*.lock"))
        os.replace(tijdelijk / "p", _PROFIELCACHE)
        shutil.rmtree(tijdelijk, ignore_errors=True)


def _uno_omgeving() -> dict[str, str]:
    omgeving = dict(os.environ)
    for naam in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):  # de Python van het systeem, niet die van ons
        omgeving.pop(naam, None)
    return omgeving


_SESSIE: LibreOffice | None = None
_SESSIE_SLOT = threading.Lock()


def sessie() -> LibreOffice:
    """De LibreOffice van dit proces: bij het eerste gebruik gestart (of verbonden met de
    gedeelde van de batch), daarna hergebruikt."""
    global _SESSIE
    with _SESSIE_SLOT:
        if _SESSIE is None or _SESSIE.hulp.poll() is not None:
            _SESSIE = LibreOffice(os.environ.get(PIJP_OMGEVING) or None)
            atexit.register(_SESSIE.sluit)
        return _SESSIE


def sluit() -> None:
    """Stop de LibreOffice van dit proces (als die er is)."""
    global _SESSIE
    with _SESSIE_SLOT:
        if _SESSIE is not None:
            _SESSIE.sluit()
            _SESSIE = None


@contextlib.contextmanager
def gedeeld():
    """Voor een batch: start LibreOffice één keer hier en laat de werkprocessen (die de
    omgeving erven) daarmee verbinden."""
    if os.environ.get(PIJP_OMGEVING):
        yield
        return
    vereist()
    lo = LibreOffice()
    os.environ[PIJP_OMGEVING] = lo.pijp
    try:
        yield
    finally:
        os.environ.pop(PIJP_OMGEVING, None)
        if _SESSIE is not None and _SESSIE.pijp == lo.pijp:
            sluit()
        lo.sluit()


def maak_pdf(docx: bytes, titel: str) -> tuple[bytes, dict[str, int]]:
    """De PDF van een .docx, en de pagina van elke kop uit de inhoudsopgave."""
    return sessie().verwerk(docx, titel)
