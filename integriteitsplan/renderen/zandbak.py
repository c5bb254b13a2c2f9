"""De zandbak en de begroting van een render.

Elk sjabloon, ook de standaard, draait in Jinja2's ``SandboxedEnvironment``: geen toegang
tot het binnenwerk van Python. Daarbovenop een begroting: ``range()``, herhaling met ``*``,
machten en de diepte van macro's zijn begrensd, de uitvoer mag niet te groot worden en een
render mag niet te lang duren. Wie over een grens gaat, krijgt een ``Begrotingsfout``, die
``omgeving`` omzet in een ``SjabloonFout`` met sjabloon en regel.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import jinja2
from jinja2.runtime import Macro
from jinja2.sandbox import SandboxedEnvironment

from integriteitsplan.fouten import SjabloonFout

SJABLOONMAP_NAAM = "sjablonen"


def korte_naam(pad: str) -> str:
    """Hoe een sjabloon in een melding heet: vanaf de map ``sjablonen`` (en de map erboven)."""
    deel = Path(pad).parts
    if SJABLOONMAP_NAAM in deel:
        i = len(deel) - 1 - deel[::-1].index(SJABLOONMAP_NAAM)
        voor = deel[i - 1] if i > 0 else ""
        return "/".join(([voor] if voor not in ("integriteitsplan", "") else []) + [SJABLOONMAP_NAAM]
                        + list(deel[i + 1:]))
    return pad


# De begroting van één render. Een sjabloon mag rekenen en herhalen, maar niet zonder eind:
# elk sjabloon (ook de standaard) draait in de zandbak van Jinja2 en binnen deze grenzen.
MAX_BEREIK = 100_000               # range(n)
MAX_TEKST = 5_000_000            # tekens in een tekst die het sjabloon maakt, en in de uitvoer
MAX_MACRODIEPTE = 40               # macro's die elkaar (of zichzelf) aanroepen
STANDAARD_RENDERTIJD = 60.0        # seconden per document; INTEGRITEITSPLAN_RENDERTIJD past dit aan


class Begrotingsfout(Exception):
    """Een sjabloon gaat over de begroting heen (tijd, grootte, diepte)."""


_stand = threading.local()


def _rendertijd() -> float:
    try:
        return max(0.1, float(os.environ.get("INTEGRITEITSPLAN_RENDERTIJD", STANDAARD_RENDERTIJD)))
    except ValueError:
        return STANDAARD_RENDERTIJD


def _te_lang() -> Begrotingsfout:
    return Begrotingsfout(f"het sjabloon doet er langer over dan {_rendertijd():g} seconden; waarschijnlijk "
                          "een lus of herhaling zonder eind. Maak de lus kleiner.")


def _controleer_tijd() -> None:
    eind = getattr(_stand, "eind", None)
    if eind is not None and time.monotonic() > eind:
        raise _te_lang()


@contextmanager
def begroting():
    """Een render binnen de tijd: controles in de zandbak en, in de hoofddraad, een wekker."""
    if getattr(_stand, "eind", None) is not None:  # al binnen een begroting
        yield
        return
    duur = _rendertijd()
    _stand.eind = time.monotonic() + duur
    _stand.diepte = 0
    wekker = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread())
    vorige = None
    if wekker:
        def _afgelopen(signum, frame):
            raise _te_lang()
        try:
            vorige = signal.signal(signal.SIGALRM, _afgelopen)
            signal.setitimer(signal.ITIMER_REAL, duur + 0.5)
        except (ValueError, OSError):
            wekker = False
    try:
        yield
    finally:
        if wekker:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, vorige if vorige is not None else signal.SIG_DFL)
        _stand.eind = None
        _stand.diepte = 0


def bereik(*args):
    """range() met een grens."""
    _controleer_tijd()
    try:
        r = range(*args)
    except TypeError:
        raise Begrotingsfout("range() verwacht hele getallen.") from None
    if len(r) > MAX_BEREIK:
        raise Begrotingsfout(f"range() met {len(r):,} stappen is te groot; het maximum is "
                             f"{MAX_BEREIK:,}.".replace(",", "."))
    return r


def _grootte_ok(waarde) -> None:
    if isinstance(waarde, (str, bytes, list, tuple)) and len(waarde) > MAX_TEKST:
        raise Begrotingsfout(f"het sjabloon maakt een tekst of lijst van meer dan {MAX_TEKST:,} tekens of "
                             "elementen; dat is te groot voor een document.".replace(",", "."))


class Zandbak(SandboxedEnvironment):
    """Jinja2's zandbak (geen toegang tot Python-binnenwerk, geen onveilige aanroepen) met een
    begroting: range() begrensd, * en ** begrensd, macrodiepte begrensd, tijd begrensd."""

    intercepted_binops = frozenset(["*", "**", "+"])

    def call_binop(self, context, operator, left, right):
        _controleer_tijd()
        if operator == "**":
            if isinstance(right, (int, float)) and isinstance(left, (int, float)) and abs(right) > 64 \
                    and abs(left) > 1:
                raise Begrotingsfout("een macht (**) met een exponent boven 64 is niet toegestaan.")
        elif operator == "*":
            for reeks, aantal in ((left, right), (right, left)):
                if isinstance(reeks, (str, list, tuple)) and isinstance(aantal, int):
                    if len(reeks) * max(aantal, 0) > MAX_TEKST:
                        raise Begrotingsfout(f"een herhaling met * maakt meer dan {MAX_TEKST:,} tekens of "
                                             "elementen; dat is te groot.".replace(",", "."))
        elif operator == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
                if len(left) + len(right) > MAX_TEKST:
                    raise Begrotingsfout(f"het sjabloon maakt een tekst van meer dan {MAX_TEKST:,} "
                                         "tekens; dat is te groot.".replace(",", "."))
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj, attribute):
        _controleer_tijd()
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        _controleer_tijd()
        return super().getitem(obj, argument)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - zoals Jinja2
        _controleer_tijd()
        if not isinstance(__obj, Macro):
            uit = super().call(__context, __obj, *args, **kwargs)
            _grootte_ok(uit)
            return uit
        diepte = getattr(_stand, "diepte", 0) + 1
        if diepte > MAX_MACRODIEPTE:
            raise Begrotingsfout(f"de macro '{__obj.name}' roept macro's meer dan {MAX_MACRODIEPTE} keer in "
                                 "elkaar aan (een macro die zichzelf zonder eind aanroept?).")
        _stand.diepte = diepte
        try:
            uit = super().call(__context, __obj, *args, **kwargs)
        finally:
            _stand.diepte = diepte - 1
        _grootte_ok(uit)
        return uit


def render_begrensd(sjabloon: jinja2.Template, context: dict) -> str:
    """Render in stukken en stop zodra de uitvoer te groot wordt."""
    delen = []
    totaal = 0
    stukken = sjabloon.generate(context)
    for deel in stukken:
        totaal += len(deel) + 50  # elk stuk kost ook zelf geheugen
        if totaal > MAX_TEKST:
            raise SjabloonFout(korte_naam(sjabloon.filename or sjabloon.name or "?"), _regel_van(sjabloon, stukken),
                               f"de uitvoer van het sjabloon wordt groter dan {MAX_TEKST:,} tekens; dat is "
                               "te groot voor een document.".replace(",", "."))
        delen.append(deel)
    return "".join(delen)


def _regel_van(sjabloon: jinja2.Template, stukken) -> int | None:
    """De regel in het sjabloon waar de render nu staat."""
    binnen = stukken
    while getattr(binnen, "gi_yieldfrom", None) is not None:
        binnen = binnen.gi_yieldfrom
    frame = getattr(binnen, "gi_frame", None)
    if frame is None:
        return None
    try:
        return sjabloon.get_corresponding_lineno(frame.f_lineno)
    except Exception:  # noqa: BLE001 - zonder regel is de melding ook bruikbaar
        return None
