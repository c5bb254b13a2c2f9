"""YAML lezen met de plek (bestand en regel) van elke waarde.

Ontvangt een pad of tekst; geeft een ``Mapping`` (een dict die van elke sleutel de regel
kent) of gooit een ``YamlFout`` met een Nederlandse uitleg. ``plek_van`` zoekt bij een
sleutelpad het bestand en de regel terug, ook door de lagen van een samengevoegd profiel.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from integriteitsplan.fouten import Foutmelding, InvoerFout, Plek, YamlFout, pad_tekst

try:  # de C-versie van PyYAML is veel sneller; de Python-versie doet hetzelfde
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - zonder libyaml
    _Loader = yaml.SafeLoader


MERGE_TAG = "tag:yaml.org,2002:merge"

# Grenzen die gelden terwijl het bestand gelezen wordt, vóór elke andere controle: een
# verwijzing (*anker) telt elke keer dat ze gebruikt wordt, zodat een klein bestand dat zich
# via ankers uitvouwt tot miljarden waarden ("billion laughs") snel geweigerd wordt.
MAX_KNOPEN = 50_000       # waarden na het uitvouwen van alle verwijzingen (een profiel: ~2.000)
MAX_DIEPTE = 64           # lijsten en mappings in elkaar
MAX_BYTES = 5 * 1024 * 1024


class _TeGroot(Exception):
    def __init__(self, plek: Plek, tekst: str):
        super().__init__(tekst)
        self.plek = plek
        self.tekst = tekst


class _Teller:
    __slots__ = ("knopen",)

    def __init__(self):
        self.knopen = 0


class Mapping(dict):
    """Een dict die per sleutel onthoudt waar de waarde geschreven is."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.plekken: dict[Any, Plek] = {}
        self.plek: Plek | None = None


class Getal(float):
    """Een kommagetal dat onthoudt hoe het in het bestand stond ('1.10' blijft '1.10')."""

    tekst: str = ""


class Reeks(list):
    """Een list die per element onthoudt waar het geschreven is."""

    def __init__(self, *args: Any):
        super().__init__(*args)
        self.plekken: list[Plek | None] = [None] * len(self)
        self.plek: Plek | None = None


_INSPRINGING = ("de inspringing klopt niet: deze regel staat verder of minder ver in dan de regels "
               "eromheen. Zet sleutels van hetzelfde niveau recht onder elkaar, met spaties.")


_YAML_UITLEG = [
    ("mapping values are not allowed", "hier staat een dubbele punt waar dat niet kan. Meestal staat deze "
     "regel verder ingesprongen dan de regel erboven: zet hem recht onder de andere sleutels. Staat er een "
     "':' in een tekst, zet dan de hele tekst tussen aanhalingstekens."),
    ("could not find expected ':'", "hier ontbreekt een dubbele punt na een sleutel, of de inspringing klopt niet."),
    ("found character '\\t'", "hier staat een tab; spring in met spaties."),
    ("found a tab character", "hier staat een tab; spring in met spaties."),
    ("found unknown escape character", "in een tekst tussen dubbele aanhalingstekens staat een \\ (bijvoorbeeld "
     "in een Windows-pad). Gebruik enkele aanhalingstekens ('G:\\Beleid') of schrijf elke \\ dubbel."),
    ("expected alphabetic or numeric character", "een tekst mag niet met * of & beginnen: YAML leest dat als "
     "verwijzing. Zet de hele tekst tussen aanhalingstekens, bijvoorbeeld \"*Integer* werken ...\"."),
    ("found undefined alias", "een tekst mag niet met * beginnen: YAML leest dat als verwijzing naar een "
     "anker. Zet de hele tekst tussen aanhalingstekens."),
    ("cannot start any token", "hier staat een teken waarmee een waarde niet mag beginnen (bijvoorbeeld een "
     "@ of `). Zet de tekst tussen aanhalingstekens."),
    ("found unexpected end of stream", "hier begint een tekst met een aanhalingsteken dat niet wordt gesloten. "
     "Zet aan het eind van de tekst hetzelfde aanhalingsteken."),  # gelijk aan _NIET_GESLOTEN
    ("but found another document", "het bestand bevat een tweede document (een regel met '---' of '...'). "
     "Haal die regel weg; één profiel is één document."),
    ("did not find expected key", _INSPRINGING),
    ("expected <block end>", _INSPRINGING),
    ("did not find expected '-' indicator", "in een lijst begint elk punt met '- ' op dezelfde inspringing."),
    ("found duplicate anchor", "hetzelfde anker (&) staat twee keer in het bestand."),
    ("unhashable", "een sleutel mag geen lijst of mapping zijn."),
    ("could not determine a constructor", "hier staat een onbekende aanduiding met '!'. Haal die weg."),
    ("did not find expected node content", "hier ontbreekt een waarde."),
]


_NIET_GESLOTEN = ("hier begint een tekst met een aanhalingsteken dat niet wordt gesloten. "
                  "Zet aan het eind van de tekst hetzelfde aanhalingsteken.")

# Een regel die eruitziet als een sleutel ('  visie: ...'), binnen een tekst tussen aanhalingstekens.
_SLEUTELREGEL = re.compile(r"\n[ \t]*-?[ \t]*[\w-]+:(?:[ \t]|\n)")


def _open_aanhalingsteken(tekst: str, probleem: Any) -> Any:
    """Waar een aanhalingsteken geopend werd dat pas regels later (bij het volgende
    aanhalingsteken) sluit: dan slikt de tekst sleutels in en loopt de lezer ver daarna vast.
    Geeft de plek van dat aanhalingsteken, of ``None``."""
    if probleem is None:
        return None
    kandidaat = None
    try:
        for token in yaml.scan(tekst, Loader=yaml.SafeLoader):
            if token.start_mark.index >= probleem.index:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.end_mark.line > token.start_mark.line
                    and _SLEUTELREGEL.search(tekst, token.start_mark.index, token.end_mark.index)):
                kandidaat = token.start_mark
    except yaml.YAMLError:
        pass
    return kandidaat


def _yaml_uitleg(probleem: str) -> str:
    for sleutel, uitleg in _YAML_UITLEG:
        if sleutel in probleem:
            return uitleg
    return f"de YAML-tekst is hier niet te lezen ({probleem})."


def lees_yaml(pad: Path, naam: str | None = None) -> Mapping:
    """Lees een YAML-bestand als ``Mapping`` met plekken. Geeft een ``YamlFout`` met
    bestand, regel en kolom als de tekst niet te lezen is."""
    naam = naam or str(pad)
    try:
        with open(pad, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as fout:
        raise InvoerFout([Foutmelding(Plek(naam), f"kan het bestand niet lezen ({fout.strerror}).")]) from None
    if len(data) > MAX_BYTES:
        raise YamlFout([Foutmelding(Plek(naam), f"het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB; "
                                    "een profiel of jaarbestand is veel kleiner. Controleer of dit het goede "
                                    "bestand is.")], kop="Het bestand is niet te lezen:")
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        regel = data[: fout.start].count(b"\n") + 1
        raise YamlFout(
            [Foutmelding(Plek(naam, regel), "dit bestand is niet in UTF-8 opgeslagen. Sla het op als "
                     "'UTF-8' (in Kladblok: Opslaan als, Codering: UTF-8).")],
            kop="Het bestand is niet te lezen:",
        ) from None
    return lees_yaml_tekst(tekst, naam)


def lees_yaml_tekst(tekst: str, naam: str) -> Mapping:
    loader = _Loader(tekst)
    try:
        knoop = loader.get_single_node()
        if knoop is None:
            raise YamlFout([Foutmelding(Plek(naam, 1), "het bestand bevat geen gegevens (het is leeg of er staat "
                                    "alleen commentaar in).")], kop="Het bestand is niet te lezen:")
        meldingen: list[Foutmelding] = []
        waarde = _bouw(loader, knoop, naam, meldingen, teller=_Teller())
    except yaml.MarkedYAMLError as fout:
        # 'while scanning ...': het begin van wat niet klopt (een aanhalingsteken, een *) is
        # voor de gebruiker de goede plek, niet het punt waar de lezer vastliep.
        scannen = fout.context in ("while scanning a quoted scalar", "while scanning an alias",
                                   "while scanning an anchor") and fout.context_mark
        mark = fout.context_mark if scannen else (fout.problem_mark or fout.context_mark)
        uitleg = _yaml_uitleg(str(fout.problem or fout.context or ""))
        open_teken = None if scannen else _open_aanhalingsteken(tekst, fout.problem_mark)
        if open_teken is not None:
            mark, uitleg = open_teken, _NIET_GESLOTEN
        plek = Plek(naam, mark.line + 1, kolom=mark.column + 1) if mark else Plek(naam)
        raise YamlFout(
            [Foutmelding(plek, uitleg)],
            kop="Het bestand is geen geldige YAML:",
        ) from None
    except yaml.YAMLError as fout:
        raise YamlFout([Foutmelding(Plek(naam), _yaml_uitleg(str(fout)))], kop="Het bestand is geen geldige YAML:") from None
    except _TeGroot as fout:
        raise YamlFout([Foutmelding(fout.plek, fout.tekst)], kop="Het bestand is niet te lezen:") from None
    except RecursionError:
        raise YamlFout([Foutmelding(Plek(naam), "het bestand is te diep genest (lijsten in lijsten in lijsten ...). "
                                "Maak de structuur platter.")], kop="Het bestand is niet te lezen:") from None
    finally:
        loader.dispose()
    if meldingen:
        raise YamlFout(meldingen)
    if not isinstance(waarde, Mapping):
        raise YamlFout(
            [Foutmelding(Plek(naam, knoop.start_mark.line + 1),
                     "het bestand moet beginnen met sleutels zoals 'metadata:', niet met een lijst of losse tekst.")],
            kop="Het bestand is niet te lezen:",
        )
    return waarde


def _bouw(loader: Any, knoop: yaml.Node, naam: str, meldingen: list[Foutmelding], pad: tuple = (),
          stapel: frozenset = frozenset(), teller: _Teller | None = None) -> Any:
    """Zet een YAML-knoop om in waarden met plekken; ``pad`` is het sleutelpad in dit bestand."""
    teller = teller or _Teller()
    teller.knopen += 1
    if teller.knopen > MAX_KNOPEN:
        raise _TeGroot(Plek(naam, knoop.start_mark.line + 1, pad_tekst(pad)),
                       f"het bestand bevat (met alle verwijzingen met * uitgevouwen) meer dan {MAX_KNOPEN:,} "
                       "waarden".replace(",", ".") + "; een profiel heeft er een paar duizend. Gebruik minder "
                       "verwijzingen (*) naar ankers (&), of verwijzingen naar kleinere stukken.")
    if len(stapel) >= MAX_DIEPTE:
        raise _TeGroot(Plek(naam, knoop.start_mark.line + 1, pad_tekst(pad)),
                       f"het bestand is hier te diep genest (meer dan {MAX_DIEPTE} lijsten of mappings in "
                       "elkaar). Maak de structuur platter.")
    if id(knoop) in stapel:
        meldingen.append(Foutmelding(Plek(naam, knoop.start_mark.line + 1, pad_tekst(pad)),
                                 "een anker (&) verwijst naar zichzelf. Haal de verwijzing (*) weg."))
        return None
    if isinstance(knoop, yaml.MappingNode):
        stapel = stapel | {id(knoop)}
        uit = Mapping()
        uit.plek = Plek(naam, knoop.start_mark.line + 1, sleutels=pad)
        via_anker: set[str] = set()
        for sleutel_knoop, waarde_knoop in knoop.value:
            if sleutel_knoop.tag == MERGE_TAG:
                bron = _bouw(loader, waarde_knoop, naam, meldingen, pad, stapel, teller)
                for bron_map in bron if isinstance(bron, list) else [bron]:
                    if isinstance(bron_map, Mapping):
                        for k, v in bron_map.items():
                            if k not in uit:
                                uit[k] = v
                                uit.plekken[k] = bron_map.plekken.get(k)
                                via_anker.add(k)
                continue
            sleutel = (loader.construct_object(sleutel_knoop, deep=True)
                       if isinstance(sleutel_knoop, yaml.ScalarNode) else None)
            if not isinstance(sleutel, (str, int)):
                meldingen.append(Foutmelding(Plek(naam, sleutel_knoop.start_mark.line + 1, pad_tekst(pad)),
                                         "een sleutel moet een woord zijn."))
                continue
            sleutel = str(sleutel) if not isinstance(sleutel, str) else sleutel
            sub = pad + (sleutel,)
            plek = Plek(naam, sleutel_knoop.start_mark.line + 1, sleutels=sub)
            if sleutel in uit and sleutel not in via_anker:
                eerder = uit.plekken[sleutel].regel
                meldingen.append(Foutmelding(
                    Plek(naam, plek.regel, pad_tekst(sub)),
                    f"de sleutel '{sleutel}' staat hier voor de tweede keer (eerder op regel "
                    f"{eerder}). Voeg de twee samen of haal er een weg."))
            uit[sleutel] = _bouw(loader, waarde_knoop, naam, meldingen, sub, stapel, teller)
            uit.plekken[sleutel] = plek
        return uit
    if isinstance(knoop, yaml.SequenceNode):
        stapel = stapel | {id(knoop)}
        uit = Reeks()
        uit.plek = Plek(naam, knoop.start_mark.line + 1, sleutels=pad)
        for i, element in enumerate(knoop.value):
            uit.append(_bouw(loader, element, naam, meldingen, pad + (i,), stapel, teller))
            uit.plekken.append(Plek(naam, element.start_mark.line + 1, sleutels=pad + (i,)))
        return uit
    try:
        waarde = loader.construct_object(knoop, deep=True)
    except ValueError:  # een datum die niet bestaat, zoals 2025-02-30
        meldingen.append(Foutmelding(
            Plek(naam, knoop.start_mark.line + 1, pad_tekst(pad)),
            f"'{knoop.value}' is geen bestaande datum; controleer dag en maand (schrijf een datum als "
            "JJJJ-MM-DD, bijvoorbeeld 2026-01-15)."))
        return knoop.value
    if isinstance(waarde, float):
        getal = Getal(waarde)
        getal.tekst = knoop.value
        return getal
    if isinstance(waarde, str):
        waarde = waarde.strip("\n") if knoop.style in ("|", ">") else waarde
    return waarde


def _plekken(reeks: list) -> list:
    return reeks.plekken if isinstance(reeks, Reeks) else [None] * len(reeks)


def plek_van(data: Any, pad: tuple) -> Plek:
    """De plek van de waarde op ``pad`` (of van de dichtstbijzijnde ouder die er is), met als
    ``pad`` het sleutelpad zoals het in dat bestand staat."""
    beste = getattr(data, "plek", None) or Plek()
    diepte = 0
    huidig = data
    for i, stap in enumerate(pad):
        if isinstance(huidig, Mapping) and stap in huidig:
            beste = huidig.plekken.get(stap) or beste
            huidig = huidig[stap]
        elif isinstance(huidig, Reeks) and isinstance(stap, int) and 0 <= stap < len(huidig):
            beste = huidig.plekken[stap] or beste
            huidig = huidig[stap]
        else:
            break
        diepte = i + 1
    eigen_pad = tuple(beste.sleutels) + tuple(pad[diepte:]) if beste.bestand else tuple(pad)
    return Plek(beste.bestand, beste.regel, pad_tekst(eigen_pad), sleutels=eigen_pad)
