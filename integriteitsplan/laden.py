"""Stap 1, laden: profielen vinden en lezen, met de plek (bestand en regel) van elke waarde.

Een profiel is een map ``<naam>/`` met ``profiel.yaml``. Profielen worden gezocht in,
op volgorde (de eerste vondst telt): elke ``--gemeenten MAP``, dan ``./gemeenten`` in de
huidige map, dan de profielen die met het pakket zijn meegeleverd.

Een profiel met ``basis: <naam>`` bouwt voort op een ander profiel. De regels voor het
samenvoegen: mappings worden per sleutel samengevoegd; lijsten van items met een ``id``
per id (een item met hetzelfde id wordt samengevoegd, een nieuw id komt achteraan,
``verwijderd: true`` haalt het item weg); elke andere waarde wordt vervangen.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from .fouten import GemeenteOnbekend, InvoerFout, Melding, Plek, YamlFout, pad_tekst

try:  # de C-versie van PyYAML is veel sneller; de Python-versie doet hetzelfde
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - zonder libyaml
    _Loader = yaml.SafeLoader

PROFIELBESTAND = "profiel.yaml"
MERGE_TAG = "tag:yaml.org,2002:merge"


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


# ---------------------------------------------------------------- YAML lezen

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
     "Zet aan het eind van de tekst hetzelfde aanhalingsteken."),
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
        data = pad.read_bytes()
    except OSError as fout:
        raise InvoerFout([Melding(Plek(naam), f"kan het bestand niet lezen ({fout.strerror}).")]) from None
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        regel = data[: fout.start].count(b"\n") + 1
        raise YamlFout(
            [Melding(Plek(naam, regel), "dit bestand is niet in UTF-8 opgeslagen. Sla het op als "
                     "'UTF-8' (in Kladblok: Opslaan als, Codering: UTF-8).")],
            kop="Het bestand is niet te lezen:",
        ) from None
    return lees_yaml_tekst(tekst, naam)


def lees_yaml_tekst(tekst: str, naam: str) -> Mapping:
    loader = _Loader(tekst)
    try:
        knoop = loader.get_single_node()
        if knoop is None:
            raise YamlFout([Melding(Plek(naam, 1), "het bestand bevat geen gegevens (het is leeg of er staat "
                                    "alleen commentaar in).")], kop="Het bestand is niet te lezen:")
        meldingen: list[Melding] = []
        waarde = _bouw(loader, knoop, naam, meldingen)
    except yaml.MarkedYAMLError as fout:
        # 'while scanning ...': het begin van wat niet klopt (een aanhalingsteken, een *) is
        # voor de gebruiker de goede plek, niet het punt waar de lezer vastliep.
        scannen = fout.context in ("while scanning a quoted scalar", "while scanning an alias",
                                   "while scanning an anchor") and fout.context_mark
        mark = fout.context_mark if scannen else (fout.problem_mark or fout.context_mark)
        plek = Plek(naam, mark.line + 1, kolom=mark.column + 1) if mark else Plek(naam)
        raise YamlFout(
            [Melding(plek, _yaml_uitleg(str(fout.problem or fout.context or "")))],
            kop="Het bestand is geen geldige YAML:",
        ) from None
    except yaml.YAMLError as fout:
        raise YamlFout([Melding(Plek(naam), _yaml_uitleg(str(fout)))], kop="Het bestand is geen geldige YAML:") from None
    except RecursionError:
        raise YamlFout([Melding(Plek(naam), "het bestand is te diep genest (lijsten in lijsten in lijsten ...). "
                                "Maak de structuur platter.")], kop="Het bestand is niet te lezen:") from None
    finally:
        loader.dispose()
    if meldingen:
        raise YamlFout(meldingen)
    if not isinstance(waarde, Mapping):
        raise YamlFout(
            [Melding(Plek(naam, knoop.start_mark.line + 1),
                     "het bestand moet beginnen met sleutels zoals 'metadata:', niet met een lijst of losse tekst.")],
            kop="Het bestand is niet te lezen:",
        )
    return waarde


def _bouw(loader: Any, knoop: yaml.Node, naam: str, meldingen: list[Melding], pad: tuple = (),
          stapel: frozenset = frozenset()) -> Any:
    """Zet een YAML-knoop om in waarden met plekken; ``pad`` is het sleutelpad in dit bestand."""
    if id(knoop) in stapel:
        meldingen.append(Melding(Plek(naam, knoop.start_mark.line + 1, pad_tekst(pad)),
                                 "een anker (&) verwijst naar zichzelf. Haal de verwijzing (*) weg."))
        return None
    if isinstance(knoop, yaml.MappingNode):
        stapel = stapel | {id(knoop)}
        uit = Mapping()
        uit.plek = Plek(naam, knoop.start_mark.line + 1, sleutels=pad)
        via_anker: set[str] = set()
        for sleutel_knoop, waarde_knoop in knoop.value:
            if sleutel_knoop.tag == MERGE_TAG:
                bron = _bouw(loader, waarde_knoop, naam, meldingen, pad, stapel)
                for bron_map in bron if isinstance(bron, list) else [bron]:
                    if isinstance(bron_map, Mapping):
                        for k, v in bron_map.items():
                            if k not in uit:
                                uit[k] = v
                                uit.plekken[k] = bron_map.plekken.get(k)
                                via_anker.add(k)
                continue
            sleutel = loader.construct_object(sleutel_knoop, deep=True)
            if not isinstance(sleutel, (str, int)):
                meldingen.append(Melding(Plek(naam, sleutel_knoop.start_mark.line + 1, pad_tekst(pad)),
                                         "een sleutel moet een woord zijn."))
                continue
            sleutel = str(sleutel) if not isinstance(sleutel, str) else sleutel
            sub = pad + (sleutel,)
            plek = Plek(naam, sleutel_knoop.start_mark.line + 1, sleutels=sub)
            if sleutel in uit and sleutel not in via_anker:
                eerder = uit.plekken[sleutel].regel
                meldingen.append(Melding(
                    Plek(naam, plek.regel, pad_tekst(sub)),
                    f"de sleutel '{sleutel}' staat hier voor de tweede keer (eerder op regel "
                    f"{eerder}). Voeg de twee samen of haal er een weg."))
            uit[sleutel] = _bouw(loader, waarde_knoop, naam, meldingen, sub, stapel)
            uit.plekken[sleutel] = plek
        return uit
    if isinstance(knoop, yaml.SequenceNode):
        stapel = stapel | {id(knoop)}
        uit = Reeks()
        uit.plek = Plek(naam, knoop.start_mark.line + 1, sleutels=pad)
        for i, element in enumerate(knoop.value):
            uit.append(_bouw(loader, element, naam, meldingen, pad + (i,), stapel))
            uit.plekken.append(Plek(naam, element.start_mark.line + 1, sleutels=pad + (i,)))
        return uit
    try:
        waarde = loader.construct_object(knoop, deep=True)
    except ValueError:  # een datum die niet bestaat, zoals 2025-02-30
        meldingen.append(Melding(
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


# ---------------------------------------------------------------- profielen vinden

@dataclass(frozen=True)
class Zoekmap:
    pad: Path
    herkomst: str  # hoe de gebruiker deze map kent: "--gemeenten ...", "./gemeenten", "meegeleverd"


def meegeleverde_map() -> Path:
    """De map met profielen die met het pakket zijn meegeleverd."""
    return Path(str(resources.files("integriteitsplan.gemeenten")))


def zoekmappen(opties: Iterable[Path | str] = (), werkmap: Path | None = None) -> list[Zoekmap]:
    """De mappen waarin profielen gezocht worden, in volgorde; elke map één keer."""
    kandidaten = [Zoekmap(Path(p), f"--gemeenten {p}") for p in opties]
    kandidaten.append(Zoekmap((werkmap or Path.cwd()) / "gemeenten", "./gemeenten"))
    kandidaten.append(Zoekmap(meegeleverde_map(), "meegeleverd"))
    uit: list[Zoekmap] = []
    gezien: set[str] = set()
    for kandidaat in kandidaten:
        if not kandidaat.pad.is_dir():
            continue
        sleutel = os.path.normcase(str(kandidaat.pad.resolve()))
        if sleutel in gezien:
            continue
        gezien.add(sleutel)
        uit.append(kandidaat)
    return uit


@dataclass(frozen=True)
class Vindplaats:
    naam: str
    map: Path
    herkomst: str

    @property
    def bestand(self) -> Path:
        return self.map / PROFIELBESTAND


def alle_profielen(mappen: list[Zoekmap]) -> dict[str, Vindplaats]:
    """Elke profielnaam met de map waar hij het eerst gevonden wordt."""
    gevonden: dict[str, Vindplaats] = {}
    for zoekmap in mappen:
        for sub in sorted(zoekmap.pad.iterdir()):
            if sub.name not in gevonden and (sub / PROFIELBESTAND).is_file():
                gevonden[sub.name] = Vindplaats(sub.name, sub, zoekmap.herkomst)
    return gevonden


def vind_profiel(naam: str, mappen: list[Zoekmap]) -> Vindplaats:
    import re

    if not re.match(r"^[a-z0-9][a-z0-9_-]*$", naam):
        from .fouten import GebruiksFout

        raise GebruiksFout(f"'{naam}' is geen profielnaam: geef de naam van de map in gemeenten/ (kleine "
                           "letters, cijfers, - en _), bijvoorbeeld 'voorbeeld'. Een profiel in een andere map "
                           "vindt u met --gemeenten MAP.")
    for zoekmap in mappen:
        if (zoekmap.pad / naam / PROFIELBESTAND).is_file():
            return Vindplaats(naam, zoekmap.pad / naam, zoekmap.herkomst)
    raise GemeenteOnbekend(naam, list(alle_profielen(mappen)), [z.herkomst for z in mappen])


# ---------------------------------------------------------------- profiel laden

@dataclass
class Profiel:
    """Een geladen profiel: de samengevoegde gegevens en de keten van profielmappen
    (eerst het profiel zelf, dan zijn basis, dan diens basis)."""

    naam: str
    vindplaats: Vindplaats
    data: Mapping
    keten: list[Vindplaats] = field(default_factory=list)
    eigen: Mapping | None = None  # alleen wat in het eigen profiel.yaml staat
    lagen: list[Mapping] = field(default_factory=list)  # per profiel in de keten wat daar staat
    waarschuwingen: list[Melding] = field(default_factory=list)  # van het samenvoegen

    @property
    def map(self) -> Path:
        return self.vindplaats.map

    @property
    def basis(self) -> str | None:
        return self.keten[1].naam if len(self.keten) > 1 else None


def weergavenaam(vindplaats: Vindplaats) -> str:
    """Hoe een profielbestand in meldingen heet: kort en herkenbaar."""
    return f"{vindplaats.naam}/{PROFIELBESTAND}"


def laad_profiel(naam: str, mappen: list[Zoekmap]) -> Profiel:
    """Laad een profiel en, via ``basis``, de profielen waarop het voortbouwt."""
    keten: list[Vindplaats] = []
    lagen: list[Mapping] = []
    huidig: str | None = naam
    verwijzing: Melding | None = None
    while huidig is not None:
        if any(v.naam == huidig for v in keten):
            kring = " → ".join([v.naam for v in keten] + [huidig])
            raise InvoerFout([Melding(verwijzing.plek if verwijzing else Plek(),
                                      f"de basisprofielen verwijzen in een kring naar elkaar: {kring}. "
                                      "Haal 'basis' weg uit een van deze profielen.")])
        try:
            vindplaats = vind_profiel(huidig, mappen)
        except GemeenteOnbekend:
            if verwijzing is None:
                raise
            from difflib import get_close_matches

            bekend = sorted(alle_profielen(mappen))
            voorstel = get_close_matches(huidig, bekend, n=1)
            raise InvoerFout([Melding(verwijzing.plek, f"het basisprofiel '{huidig}' bestaat niet."
                                      + (f" Bedoelde u '{voorstel[0]}'?" if voorstel else "")
                                      + f" Bekende profielen: {', '.join(bekend)}.")]) from None
        laag = lees_yaml(vindplaats.bestand, weergavenaam(vindplaats))
        keten.append(vindplaats)
        lagen.append(laag)
        basis = laag.get("basis")
        if basis is not None and not isinstance(basis, str):
            plek = laag.plekken["basis"]
            raise InvoerFout([Melding(Plek(plek.bestand, plek.regel, "basis"),
                                      "'basis' moet de naam van één profiel zijn, bijvoorbeeld 'basis: leidse-regio'.")])
        if basis:
            plek = laag.plekken.get("basis") or Plek()
            verwijzing = Melding(Plek(plek.bestand, plek.regel, "basis"), "")
        else:
            verwijzing = None
        huidig = basis
    if len(lagen) > 1:
        _dubbele_ids(lagen[:-1])
    data = lagen[-1]
    waarschuwingen: list[Melding] = []
    for laag in reversed(lagen[:-1]):
        data = voeg_samen(data, laag, waarschuwingen)
    if len(lagen) > 1:
        _niet_erven(data, lagen[0])
    return Profiel(naam=naam, vindplaats=keten[0], data=data, keten=keten, eigen=lagen[0],
                   lagen=lagen, waarschuwingen=waarschuwingen)


# Wat een regio over zichzelf zegt, erft een lid niet: de ledenlijst, haar naam, dat zij een
# regio is en waar haar gezamenlijke register staat.
NIET_ERVEN = [("leden",), ("metadata", "organisatie"), ("metadata", "gemeente"),
              ("jaarcyclus", "meldingenregister")]


def _niet_erven(data: Mapping, eigen: Mapping) -> None:
    """Haal weg wat niet geërfd wordt. Het samengevoegde profiel deelt onderdelen met de
    basis; daarom wordt elke mapping op het pad eerst gekopieerd, zodat de basis zelf
    ongemoeid blijft."""
    for pad in NIET_ERVEN:
        ouder, eigen_ouder = data, eigen
        for stap in pad[:-1]:
            kind = ouder.get(stap) if isinstance(ouder, dict) else None
            if not isinstance(kind, dict):
                ouder = None
                break
            kopie = Mapping(kind)
            kopie.plekken = dict(getattr(kind, "plekken", {}))
            kopie.plek = getattr(kind, "plek", None)
            ouder[stap] = kopie
            ouder = kopie
            eigen_ouder = eigen_ouder.get(stap) if isinstance(eigen_ouder, dict) else None
        if isinstance(ouder, dict) and pad[-1] in ouder and not (
                isinstance(eigen_ouder, dict) and pad[-1] in eigen_ouder):
            del ouder[pad[-1]]


def _is_itemlijst(waarde: Any) -> bool:
    return isinstance(waarde, list) and bool(waarde) and all(
        isinstance(x, dict) and isinstance(x.get("id"), (str, int)) and not isinstance(x.get("id"), bool)
        for x in waarde
    )


def _dubbele_ids(lagen: list[Mapping]) -> None:
    """In een profiel met een basis zou een dubbel id bij het samenvoegen stil verdwijnen;
    daarom wordt het hier al gemeld, met de plek in dat profiel."""
    meldingen: list[Melding] = []

    def loop(waarde: Any) -> None:
        if isinstance(waarde, dict):
            for v in waarde.values():
                loop(v)
        elif isinstance(waarde, list):
            if _is_itemlijst(waarde):
                gezien: dict[Any, int] = {}
                for i, x in enumerate(waarde):
                    if x["id"] in gezien:
                        plek = waarde.plekken[i] if isinstance(waarde, Reeks) else None
                        plek = plek or Plek()
                        meldingen.append(Melding(Plek(plek.bestand, plek.regel, pad_tekst(plek.sleutels + ("id",)),
                                                      sleutels=plek.sleutels),
                                                 f"het id '{x['id']}' komt twee keer voor in deze lijst. Geef elk "
                                                 "item een eigen id."))
                    gezien.setdefault(x["id"], i)
            for x in waarde:
                loop(x)

    for laag in lagen:
        loop(laag)
    if meldingen:
        raise InvoerFout(meldingen)


def voeg_samen(basis: Any, overlay: Any, waarschuwingen: list[Melding] | None = None) -> Any:
    """Voeg ``overlay`` samen op ``basis`` volgens de regels bovenaan dit bestand.
    De plekken gaan mee, zodat een fout altijd het bestand noemt waar de waarde staat.
    Een ``verwijderd: true`` voor een id dat de basis niet heeft, komt in ``waarschuwingen``."""
    if isinstance(basis, dict) and isinstance(overlay, dict):
        uit = Mapping()
        uit.plek = overlay.plek if isinstance(overlay, Mapping) else None
        for sleutel, waarde in basis.items():
            uit[sleutel] = waarde
            uit.plekken[sleutel] = basis.plekken.get(sleutel) if isinstance(basis, Mapping) else None
        for sleutel, waarde in overlay.items():
            uit[sleutel] = voeg_samen(basis[sleutel], waarde, waarschuwingen) if sleutel in basis else waarde
            uit.plekken[sleutel] = overlay.plekken.get(sleutel) if isinstance(overlay, Mapping) else None
        return uit
    if _is_itemlijst(overlay) and (_is_itemlijst(basis) or basis == []):
        uit = Reeks()
        uit.plek = overlay.plek if isinstance(overlay, Reeks) else None
        nieuw = {x["id"]: (x, p) for x, p in zip(overlay, _plekken(overlay))}
        for x, p in zip(basis, _plekken(basis)):
            if x["id"] in nieuw:
                o, op = nieuw.pop(x["id"])
                if o.get("verwijderd") is True:
                    continue
                uit.append(voeg_samen(x, o, waarschuwingen))
                uit.plekken.append(op)
            else:
                uit.append(x)
                uit.plekken.append(p)
        for o, op in nieuw.values():
            if o.get("verwijderd") is True:
                if waarschuwingen is not None:
                    plek = op or Plek()
                    waarschuwingen.append(Melding(
                        Plek(plek.bestand, plek.regel, pad_tekst(plek.sleutels), sleutels=plek.sleutels),
                        f"'{o['id']}' is weggehaald, maar de basis heeft geen item met dat id. Controleer "
                        "de spelling van het id.", "waarschuwing"))
                continue
            uit.append(o)
            uit.plekken.append(op)
        return uit
    return overlay


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


# ---------------------------------------------------------------- jaargegevens

JAARMAP = "jaren"
KERNCIJFERS = "kerncijfers.yaml"


@dataclass
class Jaarstukken:
    """De jaargegevens van één jaar: jaarplan en (na afloop) jaarverslag."""

    jaar: int
    map: Path
    jaarplan: Mapping | None = None
    jaarverslag: Mapping | None = None
    regionaal_jaarplan: Mapping | None = None  # gezamenlijke activiteiten uit de basis
    regionaal_jaarverslag: Mapping | None = None  # en hun realisatie


@dataclass
class Jaargegevens:
    jaren: dict[int, Jaarstukken] = field(default_factory=dict)
    kerncijfers: Mapping | None = None

    def stukken(self, jaar: int) -> Jaarstukken | None:
        return self.jaren.get(jaar)


def _jaarmappen(map_: Path) -> dict[int, Path]:
    basis = map_ / JAARMAP
    if not basis.is_dir():
        return {}
    return {int(sub.name): sub for sub in sorted(basis.iterdir()) if sub.is_dir() and sub.name.isdigit()
            and len(sub.name) == 4}


def laad_jaren(profiel: Profiel) -> Jaargegevens:
    """Lees ``jaren/<jaar>/jaarplan.yaml`` en ``jaarverslag.yaml`` van het profiel, en de
    gezamenlijke jaarplannen van zijn basis (een regio). Gooit een ``YamlFout`` bij
    onleesbare YAML; de inhoud controleert ``controleren``."""
    uit = Jaargegevens()
    eigen = profiel.vindplaats
    for jaar, map_ in _jaarmappen(eigen.map).items():
        stukken = Jaarstukken(jaar, map_)
        for soort in ("jaarplan", "jaarverslag"):
            bestand = map_ / f"{soort}.yaml"
            if bestand.is_file():
                setattr(stukken, soort, lees_yaml(bestand, f"{eigen.naam}/{JAARMAP}/{jaar}/{bestand.name}"))
        uit.jaren[jaar] = stukken
    for basis in profiel.keten[1:]:
        for jaar, map_ in _jaarmappen(basis.map).items():
            for soort in ("jaarplan", "jaarverslag"):
                bestand = map_ / f"{soort}.yaml"
                veld = f"regionaal_{soort}"
                if bestand.is_file():
                    stukken = uit.jaren.setdefault(jaar, Jaarstukken(jaar, eigen.map / JAARMAP / str(jaar)))
                    if getattr(stukken, veld) is None:
                        setattr(stukken, veld, lees_yaml(bestand, f"{basis.naam}/{JAARMAP}/{jaar}/{bestand.name}"))
    kern = eigen.map / JAARMAP / KERNCIJFERS
    if kern.is_file():
        uit.kerncijfers = lees_yaml(kern, f"{eigen.naam}/{JAARMAP}/{KERNCIJFERS}")
    return uit
