"""De jaargegevens van een profiel: jaarplannen, jaarverslagen, kerncijfers en registers.

Ontvangt een geladen ``Profiel``; geeft ``Jaargegevens`` met per jaar de gelezen
YAML-bestanden. De aantallen uit een register (meldingen, trainingen) worden pas gelezen
als een stap ze vraagt, en dan één keer per run: ze worden bewaard in het
``Jaargegevens``-object dat van stap tot stap wordt doorgegeven.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from integriteitsplan.domein import paden
from integriteitsplan.domein.jaarcyclus import DIMENSIES, KERNCIJFERS, eigen_cijfers, met_rest, typologie
from integriteitsplan.fouten import Foutmelding, InvoerFout, waarschuw
from integriteitsplan.laden import registers
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.laden.yamlbestand import Mapping, lees_yaml, plek_van

JAARMAP = "jaren"
KERNCIJFERSBESTAND = "kerncijfers.yaml"


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
    """De jaargegevens van één profiel. Aantallen uit registers worden per run één keer
    gelezen en hier bewaard (``meldingen``, ``trainingen``, ``kerncijfers``)."""

    jaren: dict[int, Jaarstukken] = field(default_factory=dict)
    kerncijfers: Mapping | None = None
    profiel: Profiel | None = None
    _gelezen: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)

    def stukken(self, jaar: int) -> Jaarstukken | None:
        return self.jaren.get(jaar)

    def meldingen(self, jaar: int) -> dict | None:
        """De aantallen meldingen van ``jaar`` per soort, afdoening en uitkomst."""
        return meldingen(self.profiel, self, jaar)

    def trainingen(self, jaar: int) -> dict | None:
        return trainingen(self, jaar)

    def kerncijfers_tot(self, jaar: int) -> dict[int, dict[str, int | None]]:
        """De kerncijfers per jaar tot en met ``jaar`` (de vaste en de eigen reeksen)."""
        return {j: c.waarden for j, c in jaarcijfers(self.profiel, self, jaar).items()}

    def jaarcijfers_tot(self, jaar: int) -> dict[int, "Jaarcijfers"]:
        """Per jaar tot en met ``jaar``: kerncijfers, welke daarvan geschat zijn en de
        meldingen per categorie (voor de vergelijking over de jaren)."""
        return jaarcijfers(self.profiel, self, jaar)

    def gelezen(self, lezer, pad: Path, jaar: int, typologie_: dict | None = None,
                organisatie: str | None = None):
        """Een register wordt in één run vaak voor meer dingen gebruikt (controle, verslag,
        kerncijfers van latere jaren); lees het per jaar en filter één keer."""
        sleutel = (lezer.__name__, str(pad), jaar, organisatie)
        if sleutel not in self._gelezen:
            argumenten = (pad, jaar) if typologie_ is None else (pad, jaar, typologie_)
            self._gelezen[sleutel] = lezer(*argumenten, **({"organisatie": organisatie} if organisatie else {}))
        return self._gelezen[sleutel]


def _eigen_bestand(profielmap: Path, bestand: Path) -> bool:
    """Is ``bestand`` een bestand dat (ook na snelkoppelingen) echt in de map van het profiel
    staat? Een jaarbestand dat naar elders wijst, wordt niet gelezen (met een waarschuwing)."""
    if not bestand.is_file():
        return False
    if paden.binnen(profielmap, bestand.relative_to(profielmap)) is not None:
        return True
    waarschuw(f"Let op: {profielmap.name}/{bestand.relative_to(profielmap).as_posix()} wijst naar een bestand buiten "
              "de map van het profiel en wordt niet gelezen.")
    return False


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
    uit = Jaargegevens(profiel=profiel)
    eigen = profiel.vindplaats
    for jaar, map_ in _jaarmappen(eigen.map).items():
        stukken = Jaarstukken(jaar, map_)
        for soort in ("jaarplan", "jaarverslag"):
            bestand = map_ / f"{soort}.yaml"
            if _eigen_bestand(eigen.map, bestand):
                setattr(stukken, soort, lees_yaml(bestand, f"{eigen.naam}/{JAARMAP}/{jaar}/{bestand.name}"))
        uit.jaren[jaar] = stukken
    for basis in profiel.keten[1:]:
        for jaar, map_ in _jaarmappen(basis.map).items():
            for soort in ("jaarplan", "jaarverslag"):
                bestand = map_ / f"{soort}.yaml"
                veld = f"regionaal_{soort}"
                if _eigen_bestand(basis.map, bestand):
                    stukken = uit.jaren.setdefault(jaar, Jaarstukken(jaar, eigen.map / JAARMAP / str(jaar)))
                    if getattr(stukken, veld) is None:
                        setattr(stukken, veld, lees_yaml(bestand, f"{basis.naam}/{JAARMAP}/{jaar}/{bestand.name}"))
    kern = eigen.map / JAARMAP / KERNCIJFERSBESTAND
    if _eigen_bestand(eigen.map, kern):
        uit.kerncijfers = lees_yaml(kern, f"{eigen.naam}/{JAARMAP}/{KERNCIJFERSBESTAND}")
    return uit


def register_pad(stukken_map: Path, pad: str, buiten: bool = True, profielmap: Path | None = None) -> Path | None:
    """Het pad van een register. Met ``buiten`` (alleen voor de gemeente die op de
    opdrachtregel genoemd is) mag het overal staan; anders alleen binnen ``profielmap``
    (standaard ``stukken_map``): daarbuiten geeft het ``None``."""
    if buiten:
        kandidaat = Path(pad).expanduser()
        return kandidaat if kandidaat.is_absolute() else stukken_map / kandidaat
    deel = Path(pad)
    if deel.is_absolute() or deel.drive or str(pad).startswith("~"):
        return None
    kandidaat = stukken_map / deel
    return kandidaat if _onder(kandidaat, profielmap or stukken_map) else None


def _niet_gevonden(verslag, sleutel: str, pad: str, map_: Path) -> InvoerFout:
    return InvoerFout([Foutmelding(_plek(verslag, (sleutel, "register")),
                                   f"het register {pad} is niet gevonden in {map_}. Controleer het pad. "
                                   "Een register buiten de profielmap kan alleen de gemeente gebruiken die "
                                   "u op de opdrachtregel noemt, niet een lid van een regio.")])


def _eigen_register(profiel: Profiel, stukken, verslag, sleutel: str) -> Path:
    """Het register van een jaarverslag: buiten de profielmap alleen voor de eigen stukken van
    de genoemde gemeente; stukken uit een basis blijven binnen de map van die basis."""
    eigen = _onder(stukken.map, profiel.map)
    profielmap = profiel.map if eigen else stukken.map.parent.parent
    pad = register_pad(stukken.map, verslag[sleutel]["register"],
                       buiten=eigen and paden.mag_buiten(profiel.naam), profielmap=profielmap)
    if pad is None:
        raise _niet_gevonden(verslag, sleutel, verslag[sleutel]["register"], stukken.map)
    return pad


def _onder(pad: Path, map_: Path) -> bool:
    try:
        Path(pad).resolve().relative_to(Path(map_).resolve())
        return True
    except (ValueError, OSError):
        return False


def meldingen(profiel: Profiel, jaren: Jaargegevens, jaar: int) -> dict | None:
    """De aantallen meldingen van een jaar per soort, afdoening en uitkomst, uit het
    register of uit de opgegeven aantallen."""
    stukken = jaren.stukken(jaar)
    verslag = (stukken.jaarverslag if stukken else None) or {}
    opgave = verslag.get("meldingen")
    typ = typologie(profiel.data)
    regio_register = _regioregister(profiel)
    if not opgave and regio_register is None:
        return None
    opgave = opgave or {}
    if opgave.get("register") or regio_register:

        if opgave.get("register"):
            pad = _eigen_register(profiel, stukken, verslag, "meldingen")
            organisatie = None
        else:
            pad, organisatie = regio_register
        if not pad.is_file():
            raise InvoerFout([Foutmelding(_plek(verslag, ("meldingen", "register")),
                                      f"het register {pad} bestaat niet. Controleer het pad.")])
        telling = jaren.gelezen(registers.lees_meldingen, pad, jaar, typ, organisatie=organisatie)
        return {"soort": telling.per_soort, "afdoening": telling.per_afdoening,
                "uitkomst": telling.per_uitkomst, "totaal": telling.totaal, "bron": "register",
                "toelichting": opgave.get("toelichting")}
    return als_aantallen(opgave, typ, opgave.get("totaal"))


def als_aantallen(opgave: Mapping, typ: dict, totaal: int | None) -> dict:
    """Opgegeven aantallen per indeling (jaarverslag of kerncijfers.yaml). Met een totaal
    mogen de aantallen van een indeling samen minder zijn: de rest heet 'niet ingedeeld'.
    Zonder totaal is het totaal de grootste som (dat de sommen gelijk zijn, controleert
    ``controleren``)."""
    uit = {"bron": "aantallen", "toelichting": opgave.get("toelichting")}
    for dim in DIMENSIES:
        opgegeven = opgave.get(dim) or {}
        uit[dim] = {c["id"]: opgegeven.get(c["id"], 0) for c in typ[dim]} if opgegeven else None
    totalen = {sum(uit[d].values()) for d in DIMENSIES if uit[d] is not None}
    uit["totaal"] = totaal if totaal is not None else max(totalen) if totalen else 0
    uit["totaal_opgegeven"] = totaal is not None
    for dim in DIMENSIES:
        if uit[dim] is not None:
            uit[dim] = met_rest(uit[dim], uit["totaal"])
    return uit


def _regioregister(profiel: Profiel):
    """Een lid van een regio neemt zijn rijen uit het gezamenlijke register van de regio."""
    for vindplaats, laag in zip(profiel.keten[1:], profiel.lagen[1:]):
        pad = (laag.get("jaarcyclus") or {}).get("meldingenregister")
        if pad:
            gevonden = register_pad(vindplaats.map, pad, buiten=False)
            if gevonden is None:
                raise InvoerFout([Foutmelding(plek_van(laag, ("jaarcyclus", "meldingenregister")),
                                              f"het register {pad} is niet gevonden in {vindplaats.map}. "
                                              "Een gezamenlijk register staat in de map van de regio.")])
            return gevonden, profiel.data["metadata"]["gemeente"]
    return None


def _plek(data, pad):

    return plek_van(data, pad)


def trainingen(jaren: Jaargegevens, jaar: int) -> dict | None:
    stukken = jaren.stukken(jaar)
    verslag = (stukken.jaarverslag if stukken else None) or {}
    opgave = verslag.get("trainingen")
    if not opgave:
        return None
    if opgave.get("register"):

        if jaren.profiel is not None:
            pad = _eigen_register(jaren.profiel, stukken, verslag, "trainingen")
        else:
            pad = register_pad(stukken.map, opgave["register"])
        if not pad.is_file():
            raise InvoerFout([Foutmelding(_plek(verslag, ("trainingen", "register")),
                                      f"het register {pad} bestaat niet. Controleer het pad.")])
        telling = jaren.gelezen(registers.lees_trainingen, pad, jaar)
        return {"sessies": telling.sessies, "deelnemers": telling.deelnemers,
                "per_training": telling.per_training, "toelichting": opgave.get("toelichting")}
    return {"sessies": opgave.get("sessies"), "deelnemers": opgave.get("deelnemers"), "per_training": {},
            "toelichting": opgave.get("toelichting")}


@dataclass
class Jaarcijfers:
    """De cijfers van één jaar zoals de vergelijking over de jaren ze gebruikt."""

    waarden: dict[str, int | None]  # kerncijfer-id (vast of eigen) -> aantal
    schattingen: set[str] = field(default_factory=set)  # ids waarvan het aantal geschat is
    indeling: dict[str, dict[str, int]] = field(default_factory=dict)  # dim -> categorie -> aantal
    totaal: int | None = None  # het totaal van de indelingen (meldingen)
    drempel: int | None = None  # de privacydrempel waarmee dat jaar gepubliceerd is (als vastgelegd)


def cijfer_ids(profiel: Profiel | None) -> list[str]:
    return [naam for naam, _ in KERNCIJFERS] + [c["id"] for c in eigen_cijfers(profiel.data if profiel else {})]


def uit_kerncijfersregel(rij: Mapping, typ: dict, ids: list[str]) -> Jaarcijfers:
    """Eén regel van kerncijfers.yaml."""
    eigen = rij.get("eigen_cijfers") or {}
    waarden = {naam: rij.get(naam, eigen.get(naam)) for naam in ids}
    indeling = {}
    if any(rij.get(dim) for dim in DIMENSIES):
        m = als_aantallen(rij, typ, rij.get("meldingen"))
        indeling = {dim: m[dim] for dim in DIMENSIES if m[dim] is not None}
        if waarden.get("meldingen") is None:
            waarden["meldingen"] = m["totaal"]
    return Jaarcijfers(waarden, set(rij.get("schattingen") or []), indeling,
                       waarden.get("meldingen") if indeling else None)


def uit_jaarverslag(profiel: Profiel, jaren: "Jaargegevens", j: int, ids: list[str]) -> Jaarcijfers:
    """De kerncijfers die het jaarverslag van jaar ``j`` zelf geeft (None: niet bekend)."""
    verslag = jaren.stukken(j).jaarverslag
    cijfers = verslag.get("cijfers") or {}
    eigen = verslag.get("eigen_cijfers") or {}
    m = meldingen(profiel, jaren, j)
    t = trainingen(jaren, j)
    vp = (verslag.get("vertrouwenspersoon") or {}).get("thema")
    waarden = {naam: None for naam in ids}
    waarden.update({
        "meldingen": m["totaal"] if m else None,
        "vertrouwenspersoon": sum(vp.values()) if vp else None,
        "trainingen": t["sessies"] if t else None,
        "deelnemers": t["deelnemers"] if t else None,
        **{naam: cijfers.get(naam) for naam in ids if cijfers.get(naam) is not None},
        **{naam: eigen.get(naam) for naam in ids if eigen.get(naam) is not None},
    })
    indeling = {dim: m[dim] for dim in DIMENSIES if m and m[dim] is not None}
    return Jaarcijfers(waarden, set(verslag.get("schattingen") or []), indeling, m["totaal"] if m else None,
                       verslag.get("privacydrempel"))


def kerncijfersregels(jaren: "Jaargegevens") -> list[Mapping]:
    return list((jaren.kerncijfers or {}).get("kerncijfers") or [])


def jaarcijfers(profiel: Profiel, jaren: Jaargegevens, jaar: int) -> dict[int, Jaarcijfers]:
    """De cijfers per jaar tot en met ``jaar``: die uit kerncijfers.yaml, aangevuld en (waar
    het verslag ze zelf geeft) vervangen door die uit de jaarverslagen. Dat beide hetzelfde
    zeggen, controleert ``controleren``; staat een jaar twee keer in kerncijfers.yaml, dan
    telt hier de eerste regel."""
    typ = typologie(profiel.data if profiel else {})
    ids = cijfer_ids(profiel)
    uit: dict[int, Jaarcijfers] = {}
    for rij in kerncijfersregels(jaren):
        if rij["jaar"] <= jaar and rij["jaar"] not in uit:
            uit[rij["jaar"]] = uit_kerncijfersregel(rij, typ, ids)
    for j, stukken in sorted(jaren.jaren.items()):
        if j > jaar or stukken.jaarverslag is None:
            continue
        eigen = uit_jaarverslag(profiel, jaren, j, ids)
        oud = uit.get(j)
        if oud is not None:
            gegeven = {k for k, v in eigen.waarden.items() if v is not None}
            eigen.waarden = {k: eigen.waarden[k] if k in gegeven else oud.waarden.get(k) for k in ids}
            eigen.schattingen |= {k for k in oud.schattingen if k not in gegeven}
            if not eigen.indeling:
                eigen.indeling, eigen.totaal = oud.indeling, oud.totaal
        uit[j] = eigen
    return dict(sorted(uit.items()))
