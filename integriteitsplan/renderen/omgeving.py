"""De Jinja2-omgeving: sjabloonmappen (gemeente, regio, standaard), de cache van
gecompileerde sjablonen en sjabloonfouten met sjabloon en regel.

Een sjabloonnaam zoals ``beleidsplan/2-waarden-normen.md.j2`` wordt gezocht in de mappen van
de gemeente, dan van haar basis (de regio), dan in de standaard. Daarnaast zijn twee vaste
namen bereikbaar, ook als de gemeente het sjabloon zelf heeft:

- ``standaard/<naam>``: het meegeleverde sjabloon;
- ``basis/<naam>``: wat de gemeente zonder eigen sjabloon zou krijgen (dat van haar regio,
  of anders de standaard).

Zo kan een gemeente met ``{% extends "standaard/beleidsplan/2-waarden-normen.md.j2" %}`` één
blok vervangen en de rest van het hoofdstuk houden.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import SecurityError

from integriteitsplan import opmaak
from integriteitsplan.bronnen import sjablonenmap
from integriteitsplan.fouten import SjabloonFout
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.renderen.koppen import kop
from integriteitsplan.renderen.tabellen import zonder_lege_kolommen
from integriteitsplan.renderen.zandbak import (
    SJABLOONMAP_NAAM,
    Begrotingsfout,
    Zandbak,
    begrensd_filter,
    bereik,
    korte_naam,
    lipsum,
)


def sjabloonmappen(profiel: Profiel | None) -> tuple[str, ...]:
    """De zoekvolgorde voor sjablonen: gemeente, dan haar basis, dan de standaard."""
    mappen = []
    for vindplaats in profiel.keten if profiel else []:
        eigen = vindplaats.map / SJABLOONMAP_NAAM
        if eigen.is_dir():
            mappen.append(str(eigen))
    mappen.append(str(sjablonenmap()))
    return tuple(mappen)


def basis_sjabloonmappen(profiel: Profiel | None) -> tuple[str, ...]:
    """De zoekvolgorde zonder de eigen sjablonen van het profiel: wat ``basis/`` toont."""
    eigen = str(profiel.keten[0].map / SJABLOONMAP_NAAM) if profiel and profiel.keten else None
    return tuple(m for m in sjabloonmappen(profiel) if m != eigen)


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
    map_ = basis / f"jinja-{jinja2.__version__}-zandbak3"  # de code van de zandbak telt mee
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


class _Lader(jinja2.FileSystemLoader):
    """Zoals Jinja's FileSystemLoader, maar in de map van een gemeente (of regio) telt een
    snelkoppeling niet: een sjabloon dat naar ``/etc/passwd`` wijst of in een map staat die
    naar elders wijst, wordt niet gelezen (alsof het er niet is; een waarschuwing zegt het).
    De meegeleverde sjablonen blijven gewoon bereikbaar."""

    def get_source(self, environment, template):
        from jinja2.loaders import split_template_path

        standaard = os.path.normcase(os.path.abspath(str(sjablonenmap())))
        delen = split_template_path(template)
        for map_ in self.searchpath:
            pad = os.path.join(map_, *delen)
            if not os.path.isfile(pad):
                continue
            if os.path.normcase(os.path.abspath(map_)) != standaard and _via_snelkoppeling(map_, delen):
                from integriteitsplan.fouten import waarschuw

                waarschuw(f"Let op: het sjabloon {korte_naam(pad)} is (of staat in) een snelkoppeling en wordt niet "
                          "gebruikt; een sjabloon moet echt in de map van het profiel staan.")
                continue
            with open(pad, encoding=self.encoding) as f:
                inhoud = f.read()
            tijd = os.path.getmtime(pad)

            def actueel(pad=pad, tijd=tijd) -> bool:
                try:
                    return os.path.getmtime(pad) == tijd
                except OSError:
                    return False

            return inhoud, os.path.normpath(pad), actueel
        raise jinja2.TemplateNotFound(template)


def _via_snelkoppeling(map_: str, delen: list[str]) -> bool:
    """Is de sjabloonmap zelf, een map daaronder of het bestand een snelkoppeling?"""
    pad = map_
    if os.path.islink(pad):
        return True
    for deel in delen:
        pad = os.path.join(pad, deel)
        if os.path.islink(pad):
            return True
    return False


def _lader(mappen: tuple[str, ...], basis: tuple[str, ...] | None) -> jinja2.BaseLoader:
    """Eerst de vaste namen ``standaard/...`` en ``basis/...``, dan de gewone zoekvolgorde."""
    standaard = str(sjablonenmap())
    vast = jinja2.PrefixLoader({
        "standaard": jinja2.FileSystemLoader(standaard, encoding="utf-8"),
        "basis": _Lader(list(basis or (standaard,)), encoding="utf-8"),
    })
    return jinja2.ChoiceLoader([vast, _Lader(list(mappen), encoding="utf-8")])


@lru_cache(maxsize=16)
def omgeving(mappen: tuple[str, ...], basis: tuple[str, ...] | None = None) -> jinja2.Environment:
    """De omgeving voor deze zoekvolgorde; ``basis`` is wat ``basis/...`` toont (zie
    ``basis_sjabloonmappen``), standaard alleen de meegeleverde sjablonen."""
    cache = _cachemap()
    env = Zandbak(
        bytecode_cache=_Cache(cache) if cache else None,
        loader=_lader(mappen, basis),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    for naam, filter_ in list(env.filters.items()):  # de filters van Jinja binnen de begroting
        env.filters[naam] = begrensd_filter(naam, filter_)
    env.filters.update(opmaak.FILTERS)
    env.globals["lipsum"] = lipsum
    env.globals["kop"] = kop
    env.globals["range"] = bereik
    env.globals["zonder_lege_kolommen"] = zonder_lege_kolommen
    return env


class _sjabloonfouten:
    """Zet Jinja-fouten om in een SjabloonFout met sjabloon en regel."""

    def __enter__(self):
        return self

    def __exit__(self, soort, fout, tb):
        if fout is None or isinstance(fout, SjabloonFout) or not isinstance(fout, Exception):
            return False
        if isinstance(fout, Begrotingsfout):
            sjabloon, regel = _sjabloonplek(tb)
            raise SjabloonFout(sjabloon, regel, str(fout)) from None
        if isinstance(fout, RecursionError):
            sjabloon, regel = _sjabloonplek(tb)
            raise SjabloonFout(sjabloon, regel, "macro's roepen elkaar te diep aan (een macro die zichzelf "
                               "zonder eind aanroept?).") from None
        if isinstance(fout, SecurityError):
            sjabloon, regel = _sjabloonplek(tb)
            raise SjabloonFout(sjabloon, regel, "het sjabloon gebruikt iets dat niet mag: alleen de gegevens "
                               "van het document en de filters van het programma zijn beschikbaar, geen "
                               "interne onderdelen van Python.") from None
        if isinstance(fout, UnicodeDecodeError):
            raise SjabloonFout(_sjabloonplek(tb)[0], None, "het sjabloon is niet in UTF-8 opgeslagen. "
                               "Sla het op als UTF-8.") from None
        if isinstance(fout, jinja2.TemplateSyntaxError):
            raise SjabloonFout(korte_naam(fout.filename or fout.name or "?"), fout.lineno,
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
            plek = (korte_naam(code.co_filename), tb.tb_lineno)
        tb = tb.tb_next
    return plek
