"""Stap 4, renderen: Jinja2-sjablonen vullen tot Markdown.

Sjablonen worden gezocht in, op volgorde: ``sjablonen/`` in de map van de gemeente,
dan in de map van haar basis (de regio), dan de standaardsjablonen van het pakket.
Een sjabloon met dezelfde naam wint dus van het standaardsjabloon.

Het resultaat is tweedelig: het voorblad (alleen voor het Markdown-bestand; Word maakt
een eigen voorblad) en de romp. Koppen krijgen hier hun nummer (1, 1.1, 1.1.1;
bijlagen 'Bijlage 1'), zodat Markdown en Word dezelfde nummers tonen.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2

from . import opmaak
from .fouten import SjabloonFout
from .laden import Profiel
from .verrijken import Verrijkt

SJABLOONMAP_NAAM = "sjablonen"
MAX_KOPNIVEAU = 3


def standaardsjablonen() -> Path:
    return Path(str(resources.files("integriteitsplan.sjablonen")))


def sjabloonmappen(profiel: Profiel | None) -> tuple[str, ...]:
    """De zoekvolgorde voor sjablonen: gemeente, dan haar basis, dan de standaard."""
    mappen = []
    for vindplaats in profiel.keten if profiel else []:
        eigen = vindplaats.map / SJABLOONMAP_NAAM
        if eigen.is_dir():
            mappen.append(str(eigen))
    mappen.append(str(standaardsjablonen()))
    return tuple(mappen)


def kop(niveau: int, titel: str) -> str:
    """Een Markdown-kop op ``niveau``; dieper dan niveau 3 wordt het een vette regel."""
    if niveau > MAX_KOPNIVEAU:
        return f"**{titel}**"
    return "#" * niveau + " " + titel


def _cachemap() -> str | None:
    """Waar Jinja de gecompileerde sjablonen bewaart, zodat een volgende start ze niet
    opnieuw hoeft te compileren (dat kost anders ~150 ms). De sleutel is de inhoud van het
    sjabloon: een gewijzigd sjabloon wordt altijd opnieuw gecompileerd. Zet
    INTEGRITEITSPLAN_CACHE=uit om zonder cache te werken."""
    keuze = os.environ.get("INTEGRITEITSPLAN_CACHE", "")
    if keuze.lower() in ("uit", "0", "nee"):
        return None
    if keuze:
        basis = Path(keuze)
    elif os.name == "nt":
        basis = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "integriteitsplan"
    else:
        basis = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "integriteitsplan"
    map_ = basis / f"jinja-{jinja2.__version__}"
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return str(map_)


class _Cache(jinja2.FileSystemBytecodeCache):
    """Een cache die nooit een fout geeft: lukt lezen of schrijven niet (alleen-lezen map,
    volle schijf), dan wordt het sjabloon gewoon opnieuw gecompileerd."""

    def load_bytecode(self, bucket):
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()

    def dump_bytecode(self, bucket):
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


@lru_cache(maxsize=16)
def omgeving(mappen: tuple[str, ...]) -> jinja2.Environment:
    cache = _cachemap()
    env = jinja2.Environment(
        bytecode_cache=_Cache(cache) if cache else None,
        loader=jinja2.FileSystemLoader(list(mappen), encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(opmaak.FILTERS)
    env.globals["kop"] = kop
    return env


@dataclass
class Gerenderd:
    voorblad: str
    romp: str

    @property
    def markdown(self) -> str:
        return self.voorblad.rstrip("\n") + "\n\n" + self.romp


def render(verrijkt: Verrijkt, profiel: Profiel | None) -> Gerenderd:
    """Vul de sjablonen van dit document met de verrijkte gegevens."""
    env = omgeving(sjabloonmappen(profiel))
    soort = verrijkt.soort
    context = dict(verrijkt.context)
    with _sjabloonfouten():
        if soort == "beleidsplan":
            context["hoofdstukken"] = _hoofdstukken(env, context)
        voorblad = env.get_template(f"{soort}/voorblad.md.j2").render(context)
        romp = env.get_template(verrijkt.sjabloon or f"{soort}/document.md.j2").render(context)
    return Gerenderd(voorblad=netjes(voorblad), romp=netjes(nummer_koppen(romp)))


def _hoofdstukken(env: jinja2.Environment, context: dict) -> list[dict]:
    """Render per hoofdstuk de onderdelen (macro's in de sjablonen per BIOS-deel)."""
    modules: dict[str, object] = {}
    uit = []
    for hoofdstuk in context["indeling"]:
        blokken = []
        niveau = 3 if hoofdstuk["koppen"] else 2
        for onderdeel in hoofdstuk["onderdelen"]:
            naam = f"beleidsplan/{onderdeel['sjabloon']}"
            if naam not in modules:
                modules[naam] = env.get_template(naam).make_module(context)
            macro = getattr(modules[naam], onderdeel["naam"], None)
            if macro is None:
                raise SjabloonFout(naam, None, f"de macro '{onderdeel['naam']}' ontbreekt.")
            tekst = str(macro(niveau, hoofdstuk)).strip()
            if tekst:
                titel = onderdeel["titel"] if hoofdstuk["koppen"] else None
                blokken.append({"titel": titel, "tekst": tekst})
        uit.append({**hoofdstuk, "blokken": blokken})
    return uit


class _sjabloonfouten:
    """Zet Jinja-fouten om in een SjabloonFout met sjabloon en regel."""

    def __enter__(self):
        return self

    def __exit__(self, soort, fout, tb):
        if fout is None or isinstance(fout, SjabloonFout) or not isinstance(fout, Exception):
            return False
        if isinstance(fout, UnicodeDecodeError):
            raise SjabloonFout(_sjabloonplek(tb)[0], None, "het sjabloon is niet in UTF-8 opgeslagen. "
                               "Sla het op als UTF-8.") from None
        if isinstance(fout, jinja2.TemplateSyntaxError):
            raise SjabloonFout(_korte_naam(fout.filename or fout.name or "?"), fout.lineno,
                               f"de sjabloontekst klopt niet ({fout.message}).") from None
        if not isinstance(fout, jinja2.TemplateError):
            sjabloon, regel = _sjabloonplek(tb)
            if sjabloon == "?":
                return False  # geen fout in een sjabloon: laat hem door
            raise SjabloonFout(sjabloon, regel, f"deze regel kan niet worden uitgevoerd ({type(fout).__name__}: "
                               f"{fout}).") from None
        if isinstance(fout, jinja2.TemplateNotFound):
            raise SjabloonFout(fout.name, None, "dit sjabloon bestaat niet.") from None
        sjabloon, regel = _sjabloonplek(tb)
        uitleg = str(fout)
        if isinstance(fout, jinja2.UndefinedError):
            gevonden = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", uitleg)
            naam = next((g for g in (gevonden.groups() if gevonden else ()) if g), uitleg)
            uitleg = f"'{naam}' bestaat niet. Controleer de naam in het sjabloon."
        raise SjabloonFout(sjabloon, regel, uitleg) from None


def _sjabloonplek(tb) -> tuple[str, int | None]:
    plek = ("?", None)
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.endswith(".j2"):
            plek = (_korte_naam(code.co_filename), tb.tb_lineno)
        tb = tb.tb_next
    return plek


def _korte_naam(pad: str) -> str:
    deel = Path(pad).parts
    if SJABLOONMAP_NAAM in deel:
        i = len(deel) - 1 - deel[::-1].index(SJABLOONMAP_NAAM)
        voor = deel[i - 1] if i > 0 else ""
        return "/".join(([voor] if voor not in ("integriteitsplan", "") else []) + [SJABLOONMAP_NAAM] + list(deel[i + 1:]))
    return pad


# ---------------------------------------------------------------- nabewerking

_KOP = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_ATTR = re.compile(r"\s*\{([^{}]*)\}\s*$")


def nummer_koppen(markdown: str) -> str:
    """Nummer de koppen: '# Titel' wordt '# 1 Titel', '## Sub' wordt '## 1.1 Sub'.
    Een kop met ``{.bijlage}`` wordt 'Bijlage N Titel'; ``{.ongenummerd}`` blijft zonder
    nummer, net als alle koppen binnen een bijlage."""
    tellers = [0, 0, 0, 0, 0, 0]
    bijlage = 0
    modus = "nummer"  # van het laatste hoofdstuk: nummer, bijlage of ongenummerd
    regels = []
    for regel in markdown.split("\n"):
        treffer = _KOP.match(regel)
        if not treffer:
            regels.append(regel)
            continue
        niveau = len(treffer.group(1))
        tekst = treffer.group(2)
        klassen: list[str] = []
        attr = _ATTR.search(tekst)
        if attr:
            klassen = [k[1:] for k in attr.group(1).split() if k.startswith(".")]
            tekst = tekst[: attr.start()]
        if niveau == 1:
            modus = "bijlage" if "bijlage" in klassen else "ongenummerd" if "ongenummerd" in klassen else "nummer"
        if niveau == 1 and modus == "bijlage":
            bijlage += 1
            tekst = f"Bijlage {bijlage} {tekst}"
        elif modus == "nummer" and "ongenummerd" not in klassen:
            tellers[niveau - 1] += 1
            for i in range(niveau, len(tellers)):
                tellers[i] = 0
            tekst = ".".join(str(t) for t in tellers[:niveau]) + " " + tekst
        regels.append(f"{treffer.group(1)} {tekst}")
    return "\n".join(regels)


def netjes(markdown: str) -> str:
    """Hooguit één lege regel achter elkaar, geen spaties aan regeleinden, één slotregel."""
    regels = [r.rstrip() for r in markdown.split("\n")]
    uit: list[str] = []
    for regel in regels:
        if regel == "" and (not uit or uit[-1] == ""):
            continue
        uit.append(regel)
    return "\n".join(uit).strip("\n") + "\n"

