"""Meer gemeenten tegelijk: alle leden van een regio, of een rij namen.

Elke gemeente wordt precies zo gemaakt als wanneer ze alleen gegenereerd wordt (dezelfde
``generate``-aanroep), in zoveel processen naast elkaar als er processorkernen voor dit
proces beschikbaar zijn (of ``processen``). Gaat één gemeente mis, dan gaan de andere
door; de samenvatting zegt per gemeente wat er gebeurde.

De werkprocessen sterven met hun ouder: stopt het hoofdproces (ook door ``kill -9``),
dan stoppen zij binnen een halve seconde (Linux: meteen, via ``PR_SET_PDEATHSIG``).
Ctrl-C negeren ze; het hoofdproces stopt ze dan zelf en meldt met ``Afgebroken`` welke
gemeenten al klaar waren.
"""
from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from integriteitsplan import laden
from integriteitsplan.domein.regio import is_regio
from integriteitsplan.fouten import GebruiksFout, IntegriteitsplanFout
from integriteitsplan.genereren import generate


@dataclass
class Uitkomst:
    gemeente: str
    gelukt: bool
    bestanden: list[Path] = field(default_factory=list)
    melding: str = ""
    waarschuwingen: int = 0
    soorten: dict[Path, str] = field(default_factory=dict)  # per bestand het document


class Afgebroken(KeyboardInterrupt):
    """Ctrl-C tijdens een batch: ``klaar`` zijn de uitkomsten van de gemeenten die al
    klaar waren (in de volgorde van de namen), ``open`` de namen van de andere."""

    def __init__(self, klaar: list[Uitkomst], open_: list[str]):
        super().__init__("afgebroken")
        self.klaar = klaar
        self.open = open_


def beschikbare_processoren() -> int:
    """Het aantal processorkernen dat dit proces mag gebruiken (affiniteit, cgroup-cpuset),
    anders het aantal kernen van de computer."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):  # niet op macOS en Windows
        return os.cpu_count() or 1


def _een(gemeente: str, opties: dict) -> Uitkomst:
    try:
        verslag = generate(gemeente, **opties)
    except IntegriteitsplanFout as fout:
        return Uitkomst(gemeente, False, melding=str(fout))
    except Exception as fout:  # noqa: BLE001 - één kapotte gemeente mag de rest niet stoppen
        return Uitkomst(gemeente, False, melding=f"Onverwachte fout ({type(fout).__name__}: {fout}). "
                        "Meld dit aan de beheerders van integriteitsplan.")
    return Uitkomst(gemeente, True, [b.pad for b in verslag.bestanden], waarschuwingen=len(verslag.waarschuwingen),
                    soorten=verslag.soorten)


# -- werkprocessen die met hun ouder sterven ---------------------------------------------

PR_SET_PDEATHSIG = 1
# Een werkproces maakt veel kleine objecten (YAML, Markdown, XML) die niet in kringen
# zitten; de standaarddrempels (700, 10, 10) laten de cyclische opruimer dan telkens de
# hele heap (met matplotlib en python-docx) doorlopen. Ruimere drempels scheelden bij de
# meting ongeveer 10% CPU, zonder merkbaar meer geheugen.
GC_DREMPELS = (100_000, 50, 100)


def _begin_werkproces(ouder: int) -> None:
    """Initialisatie van een werkproces: negeer Ctrl-C (de ouder regelt dat), stop zodra
    de ouder er niet meer is, en ruim minder vaak op (zie ``GC_DREMPELS``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*GC_DREMPELS)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # geen glibc/musl met prctl: de wachter hieronder
            pass
    if os.getppid() != ouder and _ouder_weg():  # de ouder stierf al voor de prctl
        os._exit(1)
    threading.Thread(target=_wacht_op_ouder, args=(ouder,), name="wacht-op-ouder", daemon=True).start()


def _ouder_weg() -> bool:
    import multiprocessing

    ouder = multiprocessing.parent_process()
    return ouder is not None and not ouder.is_alive()


def _wacht_op_ouder(ouder: int) -> None:
    """Overal (ook zonder prctl): de 'sentinel' van multiprocessing wordt leesbaar als de
    ouder weg is; daarnaast verandert dan (Unix) ``os.getppid()``."""
    import multiprocessing
    from multiprocessing.connection import wait as wacht

    eerste_ouder = os.getppid()
    ouderproces = multiprocessing.parent_process()
    while True:
        if ouderproces is not None:
            if wacht([ouderproces.sentinel], timeout=0.5):
                break
        else:
            threading.Event().wait(0.5)
        if os.name == "posix" and os.getppid() != eerste_ouder:
            break
    os._exit(1)


def _stop_werkprocessen(pool: ProcessPoolExecutor) -> None:
    """Stop de pool meteen: geen nieuwe taken, lopende werkprocessen beëindigd."""
    pool.shutdown(wait=False, cancel_futures=True)
    processen = list((getattr(pool, "_processes", None) or {}).values())
    for proces in processen:
        try:
            proces.terminate()
        except (OSError, ValueError, AttributeError):
            pass
    for proces in processen:
        try:
            proces.join(5)
        except (OSError, ValueError, AttributeError, AssertionError):
            pass


def genereer_meerdere(
    namen: Iterable[str],
    *,
    processen: int | None = None,
    bij_klaar: Callable[[Uitkomst], None] | None = None,
    **opties,
) -> list[Uitkomst]:
    """Genereer elke gemeente met ``generate(**opties)``; de uitkomsten in de volgorde van
    de namen. ``bij_klaar`` wordt aangeroepen zodra een gemeente klaar is (voortgang).

    ``processen``: hoeveel gemeenten naast elkaar (standaard: alle beschikbare kernen);
    1 werkt in dit proces, zonder werkprocessen. Ctrl-C geeft ``Afgebroken``."""
    namen = list(dict.fromkeys(namen))
    if "pdf" in tuple(opties.get("formaten", ())):  # LibreOffice één keer, voor alle processen
        from integriteitsplan.schrijven import pdf

        opties["formaten"] = tuple(opties["formaten"])
        with pdf.gedeeld():
            return _genereer(namen, processen, bij_klaar, opties)
    return _genereer(namen, processen, bij_klaar, opties)


def _genereer(namen: list[str], processen: int | None, bij_klaar, opties: dict) -> list[Uitkomst]:
    if processen is not None and processen < 1:
        raise GebruiksFout(f"Het aantal processen moet 1 of meer zijn, niet {processen}.")
    processen = min(processen or beschikbare_processoren(), max(len(namen), 1))
    uitkomsten: dict[str, Uitkomst] = {}

    def klaar(uitkomst: Uitkomst) -> None:
        uitkomsten[uitkomst.gemeente] = uitkomst
        if bij_klaar:
            bij_klaar(uitkomst)

    def afgebroken() -> Afgebroken:
        return Afgebroken([uitkomsten[n] for n in namen if n in uitkomsten],
                          [n for n in namen if n not in uitkomsten])

    if processen <= 1:
        try:
            for naam in namen:
                klaar(_een(naam, opties))
        except KeyboardInterrupt:
            raise afgebroken() from None
        return [uitkomsten[naam] for naam in namen]

    pool = ProcessPoolExecutor(max_workers=processen, initializer=_begin_werkproces, initargs=(os.getpid(),))
    try:
        taken = {pool.submit(_een, naam, opties) for naam in namen}
        while taken:
            gedaan, taken = wait(taken, timeout=1.0, return_when=FIRST_COMPLETED)
            for taak in gedaan:
                klaar(taak.result())
    except KeyboardInterrupt:
        vorige = _negeer_ctrl_c()  # een tweede Ctrl-C tijdens het opruimen geeft geen traceback
        try:
            _stop_werkprocessen(pool)
        finally:
            _herstel_ctrl_c(vorige)
        raise afgebroken() from None
    except BaseException:
        _stop_werkprocessen(pool)
        raise
    pool.shutdown(wait=True)
    return [uitkomsten[naam] for naam in namen]


def _negeer_ctrl_c():
    if threading.current_thread() is threading.main_thread():
        return signal.signal(signal.SIGINT, signal.SIG_IGN)
    return None


def _herstel_ctrl_c(vorige) -> None:
    if vorige is not None:
        signal.signal(signal.SIGINT, vorige)


def namen_voor_regio(regio: str, document: str, mappen) -> list[str]:
    """De gemeenten die ``genereer --regio`` maakt: de leden, en de regio zelf als zij een
    jaarverslag heeft en dat gevraagd wordt (het regionale jaarverslag telt de leden op)."""
    namen = []
    if document in ("alle", "jaarverslag") and _heeft_jaarverslag(regio, mappen):
        namen.append(regio)
    return namen + laden.leden_van(regio, mappen)


def _heeft_jaarverslag(regio: str, mappen) -> bool:
    """Of de regio zelf een jaarverslag heeft (met leden en jaargegevens). Een fout in het
    profiel van de regio meldt het genereren van de regio of van haar leden zelf."""
    try:
        profiel = laden.laad_profiel(regio, mappen)
    except IntegriteitsplanFout:
        return False
    if not is_regio(profiel.data) or not profiel.data.get("leden"):
        return False
    try:
        return any(s.jaarverslag is not None for s in laden.laad_jaren(profiel).jaren.values())
    except IntegriteitsplanFout:
        return False
