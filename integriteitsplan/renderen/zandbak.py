"""De zandbak en de begroting van een render.

Elk sjabloon, ook de standaard, draait in Jinja2's ``SandboxedEnvironment``: geen toegang
tot het binnenwerk van Python. Daarbovenop een begroting: ``range()``, herhaling met ``*``,
machten en de diepte van macro's zijn begrensd, de uitvoer mag niet te groot worden en een
render mag niet te lang duren. Wie over een grens gaat, krijgt een ``Begrotingsfout``, die
``omgeving`` omzet in een ``SjabloonFout`` met sjabloon en regel.
"""
from __future__ import annotations

import os
import re
import signal
import threading
import time
import types
from contextlib import contextmanager
from pathlib import Path

import jinja2
from jinja2.compiler import CodeGenerator
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


def _te_groot(wat: str) -> Begrotingsfout:
    return Begrotingsfout(f"{wat} maakt een tekst van meer dan {MAX_TEKST:,} tekens; dat is te groot "
                          "voor een document.".replace(",", "."))


MAX_GETALBITS = 100_000            # een heel getal van hoogstens zoveel bits (ruim 30.000 cijfers)
# een breedte of precisie in een opmaak ('%0999999999d', '{:>999999999}', '%*s')
_BREDE_OPMAAK = re.compile(r"%[-#0 +]*(?:\*|\d{7,})|%[-#0 +]*\d*\.(?:\*|\d{7,})|\{[^{}]*:[^{}]*(?:\d{7,}|\{)")


def _tekst(waarde) -> int:
    return len(waarde) if isinstance(waarde, str) else len(str(waarde))


def _groot_getal(*waarden) -> bool:
    return any(isinstance(w, int) and not isinstance(w, bool) and abs(w) > MAX_TEKST for w in waarden)


def _vooraf_vervangen(tekst, oud, nieuw, aantal=None) -> None:
    if not (isinstance(tekst, str) and isinstance(oud, str) and isinstance(nieuw, str)):
        return
    keer = (len(tekst) + 1) if oud == "" else tekst.count(oud)
    if isinstance(aantal, int) and aantal >= 0:
        keer = min(keer, aantal)
    if len(tekst) + keer * max(len(nieuw) - len(oud), 0) > MAX_TEKST:
        raise _te_groot("replace()")


def _vooraf_opmaak(opmaak, args, kwargs) -> None:
    if isinstance(opmaak, str) and _BREDE_OPMAAK.search(opmaak) and (
            re.search(r"\d{7,}", opmaak) or _groot_getal(*args, *kwargs.values())
            or "%*" in opmaak or ".*" in opmaak):
        raise Begrotingsfout("een opmaak met een breedte van miljoenen tekens is niet toegestaan.")


def _reeks(waarde):
    """Een iterabele als lijst, met een grens (join en dergelijke lopen hem toch helemaal af)."""
    if isinstance(waarde, (str, list, tuple)):
        return waarde
    uit = []
    for i, x in enumerate(waarde):
        if i >= MAX_TEKST:
            raise Begrotingsfout(f"een lijst van meer dan {MAX_TEKST:,} elementen is te groot.".replace(",", "."))
        uit.append(x)
    return uit


def _vooraf_samenvoegen(reeks, scheiding="") -> None:
    totaal = 0
    for i, x in enumerate(reeks):
        totaal += _tekst(x) + (len(scheiding) if i and isinstance(scheiding, str) else 0)
        if totaal > MAX_TEKST:
            raise _te_groot("join()")


def _vooraf_methode(obj, args, kwargs) -> tuple:
    """Controleer een methode van een tekst ('x'.ljust(10**9), '{:>999999999}'.format(1)) vóór
    ze wordt uitgevoerd; geeft de argumenten terug (een iterabele voor join() als lijst)."""
    binnen = getattr(obj, "__wrapped__", obj)  # Jinja verpakt str.format
    zelf = getattr(binnen, "__self__", None)
    if not isinstance(zelf, str) or not isinstance(binnen, (types.BuiltinMethodType, types.MethodType)):
        return args
    naam = binnen.__name__
    if naam in ("ljust", "rjust", "center", "zfill") and _groot_getal(*args, *kwargs.values()):
        raise _te_groot(f"{naam}()")
    if naam == "expandtabs":
        breedte = (args or [kwargs.get("tabsize", 8)])[0]
        if isinstance(breedte, int) and len(zelf) + zelf.count("\t") * max(breedte, 0) > MAX_TEKST:
            raise _te_groot("expandtabs()")
    elif naam == "replace" and len(args) >= 2:
        _vooraf_vervangen(zelf, args[0], args[1], args[2] if len(args) > 2 else kwargs.get("count"))
    elif naam == "join" and args:
        args = (_reeks(args[0]),) + tuple(args[1:])
        _vooraf_samenvoegen(args[0], zelf)
    elif naam in ("format", "format_map"):
        _vooraf_opmaak(zelf, args, kwargs)
    return args


def _vooraf_filter(naam: str, args: tuple, kwargs: dict) -> tuple:
    """Schat wat een filter van Jinja maakt vóór het draait; filters met een argument dat de
    uitvoer opblaast (center, indent, wordwrap, join, replace, format, batch, slice). ``args``
    begint met de waarde (zonder de omgeving of context die Jinja er soms voor zet)."""
    waarde = args[0] if args else None
    rest = args[1:]
    if naam == "center" and _groot_getal(*rest, *kwargs.values()):
        raise _te_groot("center")
    elif naam == "indent":
        breedte = rest[0] if rest else kwargs.get("width", 4)
        regels = (waarde.count("\n") + 1) if isinstance(waarde, str) else 1
        stuk = breedte if isinstance(breedte, int) else _tekst(breedte)
        if isinstance(waarde, str) and len(waarde) + regels * max(stuk, 0) > MAX_TEKST:
            raise _te_groot("indent")
    elif naam == "wordwrap":
        scheiding = rest[2] if len(rest) > 2 else kwargs.get("wrapstring")
        if isinstance(waarde, str) and isinstance(scheiding, str) and len(waarde) * (1 + len(scheiding)) > MAX_TEKST:
            raise _te_groot("wordwrap")
    elif naam == "join":
        waarde = _reeks(waarde)
        args = (waarde,) + tuple(rest)
        scheiding = rest[0] if rest else kwargs.get("d", "")
        _vooraf_samenvoegen(waarde if kwargs.get("attribute") is None and (len(rest) < 2 or rest[1] is None)
                            else [], scheiding)
    elif naam == "replace" and len(rest) >= 2:
        _vooraf_vervangen(waarde, rest[0], rest[1], rest[2] if len(rest) > 2 else kwargs.get("count"))
    elif naam == "format":
        _vooraf_opmaak(waarde, rest, kwargs)
    elif naam in ("batch", "slice"):
        aantal = rest[0] if rest else kwargs.get("linecount", kwargs.get("slices"))
        if isinstance(aantal, int) and aantal > MAX_BEREIK:
            raise Begrotingsfout(f"{naam} met meer dan {MAX_BEREIK:,} delen is te groot.".replace(",", "."))
    return args


def begrensd_filter(naam: str, filter_):
    """Een filter van Jinja binnen de begroting: vooraf geschat, achteraf gemeten."""
    import functools

    from jinja2.utils import _PassArg

    voor = 1 if _PassArg.from_obj(filter_) is not None else 0  # omgeving, context of eval_ctx

    @functools.wraps(filter_)
    def binnen(*args, **kwargs):
        _controleer_tijd()
        args = args[:voor] + _vooraf_filter(naam, args[voor:], kwargs)
        uit = filter_(*args, **kwargs)
        _grootte_ok(uit)
        return uit

    return binnen


def lipsum(n=5, html=True, min=20, max=100):  # noqa: A002 - zoals Jinja2
    """Jinja's lipsum() met een grens."""
    from jinja2.utils import generate_lorem_ipsum

    if not all(isinstance(x, int) for x in (n, min, max)) or n < 0 or n > 100 or max > 1000 or min > max:
        raise Begrotingsfout("lipsum() mag hoogstens 100 alinea's van 1000 woorden maken.")
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


class _Codegenerator(CodeGenerator):
    """Zoals Jinja's codegenerator, maar ``a ~ b`` gaat langs de begroting (samenvoegen)."""

    def visit_Concat(self, node, frame) -> None:  # noqa: N802 - zoals Jinja2
        # dezelfde keuze als Jinja2 (met of zonder escapen), daarna langs de begroting
        if frame.eval_ctx.volatile:
            samen = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            samen = "markup_join"
        else:
            samen = "str_join"
        self.write(f"environment.samenvoegen({samen}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class Zandbak(SandboxedEnvironment):
    """Jinja2's zandbak (geen toegang tot Python-binnenwerk, geen onveilige aanroepen) met een
    begroting: range() begrensd, * en ** begrensd, macrodiepte begrensd, tijd begrensd."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])
    code_generator_class = _Codegenerator

    @staticmethod
    def samenvoegen(samen, delen) -> str:
        """``a ~ b ~ c`` binnen de begroting: de lengte wordt vóór het samenvoegen geteld."""
        _controleer_tijd()
        if sum(_tekst(d) for d in delen) > MAX_TEKST:
            raise _te_groot("het sjabloon (met ~)")
        return samen(delen)

    def call_binop(self, context, operator, left, right):
        _controleer_tijd()
        if operator == "**":
            if isinstance(right, (int, float)) and isinstance(left, (int, float)) and abs(right) > 64 \
                    and abs(left) > 1:
                raise Begrotingsfout("een macht (**) met een exponent boven 64 is niet toegestaan.")
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() * abs(right) > MAX_GETALBITS:
                raise Begrotingsfout("een macht (**) met zo'n groot getal is niet toegestaan.")
        elif operator == "%":
            if isinstance(left, str):
                _vooraf_opmaak(left, right if isinstance(right, tuple) else (right,), {})
        elif operator == "*" and isinstance(left, int) and isinstance(right, int) \
                and left.bit_length() + right.bit_length() > MAX_GETALBITS:
            raise Begrotingsfout("een vermenigvuldiging met zo'n groot getal is niet toegestaan.")
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
            args = _vooraf_methode(__obj, args, kwargs)
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
