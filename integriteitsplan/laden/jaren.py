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
from integriteitsplan.domein.jaarcyclus import KERNCIJFERS, typologie
from integriteitsplan.fouten import Foutmelding, InvoerFout
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
        """De kerncijfers per jaar tot en met ``jaar``."""
        return kerncijfers(self.profiel, self, jaar)

    def gelezen(self, lezer, pad: Path, jaar: int, typologie_: dict | None = None,
                organisatie: str | None = None):
        """Een register wordt in één run vaak voor meer dingen gebruikt (controle, verslag,
        kerncijfers van latere jaren); lees het per jaar en filter één keer."""
        sleutel = (lezer.__name__, str(pad), jaar, organisatie)
        if sleutel not in self._gelezen:
            argumenten = (pad, jaar) if typologie_ is None else (pad, jaar, typologie_)
            self._gelezen[sleutel] = lezer(*argumenten, **({"organisatie": organisatie} if organisatie else {}))
        return self._gelezen[sleutel]


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
    kern = eigen.map / JAARMAP / KERNCIJFERSBESTAND
    if kern.is_file():
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
    uit = {"bron": "aantallen", "toelichting": opgave.get("toelichting")}
    for dim in ("soort", "afdoening", "uitkomst"):
        opgegeven = opgave.get(dim) or {}
        uit[dim] = {c["id"]: opgegeven.get(c["id"], 0) for c in typ[dim]} if opgegeven else None
    totalen = {sum(uit[d].values()) for d in ("soort", "afdoening", "uitkomst") if uit[d] is not None}
    uit["totaal"] = max(totalen) if totalen else 0
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


def kerncijfers(profiel: Profiel, jaren: Jaargegevens, jaar: int) -> dict[int, dict[str, int | None]]:
    """De kerncijfers per jaar tot en met ``jaar``: eerst die van vóór de jaarverslagen
    (kerncijfers.yaml), dan die uit de jaarverslagen zelf."""
    uit: dict[int, dict[str, int | None]] = {}
    for rij in (jaren.kerncijfers or {}).get("kerncijfers") or []:
        if rij["jaar"] <= jaar:
            uit[rij["jaar"]] = {naam: rij.get(naam) for naam, _ in KERNCIJFERS}
    for j, stukken in sorted(jaren.jaren.items()):
        if j > jaar or stukken.jaarverslag is None:
            continue
        verslag = stukken.jaarverslag
        cijfers = verslag.get("cijfers") or {}
        m = meldingen(profiel, jaren, j)
        t = trainingen(jaren, j)
        vp = (verslag.get("vertrouwenspersoon") or {}).get("thema")
        uit[j] = {
            "meldingen": m["totaal"] if m else None,
            "vertrouwenspersoon": sum(vp.values()) if vp else None,
            "trainingen": t["sessies"] if t else None,
            "deelnemers": t["deelnemers"] if t else None,
            **{naam: cijfers.get(naam) for naam, _ in KERNCIJFERS if naam in cijfers},
        }
        for naam, _ in KERNCIJFERS:
            uit[j].setdefault(naam, None)
    return dict(sorted(uit.items()))
