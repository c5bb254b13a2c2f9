"""Wat alle documenten delen: het resultaat van verrijken (``Verrijkt``), het aanvullen van
een profiel met lege waarden, namen, periode en voorblad.

Het profiel wordt aangevuld met lege waarden voor alles wat het schema kent, zodat een
sjabloon ``{% if profiel.missie_visie.ambitie %}`` kan schrijven en een tikfout in een
sjabloon toch een fout geeft (StrictUndefined).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from integriteitsplan import opmaak
from integriteitsplan.bronnen import referentie
from integriteitsplan.controleren.schema.profiel import PROFIEL_SCHEMA
from integriteitsplan.domein.regio import is_regio as regio_is
from integriteitsplan.domein.wet import ambtenarenwet
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.verrijken.context import Cel, Documentkop, Tabel  # noqa: F401 - Cel en Tabel ook van hier

DOCUMENTSOORTEN = {
    "beleidsplan": "Beleidsplan Integriteit",
    "jaarplan": "Jaarplan integriteit",
    "jaarverslag": "Jaarverslag integriteit",
}


def onderdeel_info() -> dict[str, dict]:
    """Per standaardonderdeel: standaardtitel, sjabloon en BIOS-deel (of None)."""
    bios = referentie("bios")
    uit: dict[str, dict] = {}
    for deel in bios["delen"]:
        for naam, titel in deel["onderdelen"].items():
            uit[naam] = {"titel": titel, "sjabloon": deel["sjabloon"], "deel": deel["id"]}
    for naam, titel in bios["overig"]["onderdelen"].items():
        uit[naam] = {"titel": titel, "sjabloon": bios["overig"]["sjabloon"], "deel": None}
    return uit


def vul_aan(waarde: Any, schema: dict) -> Any:
    """Geef elk veld dat het schema kent een waarde: None, een lege lijst of een
    aangevulde mapping. Een object met verplichte velden (zoals ``looptijd``) is er
    helemaal of niet: ontbreekt het, dan blijft het None. Levert gewone dicts en lists op."""
    if "$ref" in schema:
        schema = PROFIEL_SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    soort = schema.get("type")
    if soort == "object":
        if waarde is None and schema.get("required"):
            return None
        waarde = waarde or {}
        velden = schema.get("properties", {})
        if not velden:
            return dict(waarde)
        return {k: vul_aan(waarde.get(k), sub) for k, sub in velden.items()}
    if soort == "array":
        return [vul_aan(x, schema["items"]) for x in (waarde or [])]
    return waarde


def periode(meta: dict) -> str:
    if meta.get("looptijd"):
        lt = meta["looptijd"]
        return str(lt["start"]) if lt["start"] == lt["eind"] else f"{lt['start']}-{lt['eind']}"
    if meta.get("jaar"):
        return str(meta["jaar"])
    if meta.get("datum"):
        return str(meta["datum"].year)
    return ""


def voorblad(meta: dict) -> list[tuple[str, str]]:
    """De bekende metadata als rijen voor het voorblad; onbekende velden vallen weg."""
    rijen = [
        ("Steller", meta.get("steller")),
        ("Versie", meta.get("versie")),
        ("Vastgesteld door", meta.get("vastgesteld_door")),
        ("Datum", opmaak.datum(meta.get("datum")) or meta.get("datering")),
        ("Looptijd", f"{meta['looptijd']['start']} tot en met {meta['looptijd']['eind']}"
         if meta.get("looptijd") else None),
        ("Status", {"concept": "Concept", "vastgesteld": "Vastgesteld"}.get(meta.get("status"))),
    ]
    return [(k, str(v)) for k, v in rijen if v]


def namen(meta: dict, is_regio: bool) -> dict[str, str]:
    """Hoe de organisatie heet: op het voorblad en midden in een zin. Een gemeente heet
    'Gemeente X' en 'de gemeente X' (ook 'De Bilt'); een regio 'X' en 'de X'."""
    naam = meta["gemeente"]
    if naam.lower().startswith("gemeente "):
        naam = naam[len("gemeente "):]
    if not is_regio:
        return {"organisatienaam": f"Gemeente {naam}", "de_gemeente": f"de gemeente {naam}"}
    kort = naam if naam.lower().startswith("de ") else f"de {naam}"
    return {"organisatienaam": opmaak.hoofdletter(naam), "de_gemeente": "de" + kort[2:]}


def titel_met_periode(meta: dict, periode_tekst: str) -> str:
    titel = meta["titel"]
    return titel if not periode_tekst or periode_tekst in titel else f"{titel} {periode_tekst}"


STREEP = "–"  # een lege cel in een tabel


def of_streep(waarde: Any) -> Any:
    """De waarde, of een streep als er niets is (voor een cel in een tabel)."""
    return waarde if waarde else STREEP


@dataclass
class Verrijkt:
    """Alles wat de sjablonen van één document krijgen. ``context`` is de dataclass van de
    documentsoort (``verrijken/context.py``); het jaarplan geeft voorlopig nog een dict."""

    context: Documentkop | dict
    soort: str
    periode: str
    sjabloon: str | None = None  # standaard <soort>/document.md.j2

    def sjabloonnamen(self) -> dict[str, Any]:
        """De namen die de sjablonen krijgen: de velden van de context (een nieuwe dict)."""
        return dict(self.context) if isinstance(self.context, dict) else self.context.sjabloonnamen()

    def zet(self, naam: str, waarde: Any) -> None:
        """Zet één veld van de context, of die nu een dataclass is of (jaarplan) nog een dict.
        Een naam die de dataclass niet kent, is een fout."""
        if isinstance(self.context, dict):
            self.context[naam] = waarde
        elif not hasattr(self.context, naam):
            raise AttributeError(f"{type(self.context).__name__} heeft geen veld '{naam}'")
        else:
            setattr(self.context, naam, waarde)

    @property
    def bestandsnaam(self) -> str:
        basis = {"beleidsplan": "beleidsplan-integriteit", "jaarplan": "jaarplan-integriteit",
                 "jaarverslag": "jaarverslag-integriteit"}.get(self.soort, self.soort)
        return f"{basis}-{self.periode}" if self.periode else basis


KWARTALEN = {1: "Eerste kwartaal", 2: "Tweede kwartaal", 3: "Derde kwartaal", 4: "Vierde kwartaal"}


ONTVANGERS = {"college": "college van B&W", "raad": "gemeenteraad", "or": "ondernemingsraad",
              "directie": "directie", "mt": "managementteam", "griffie": "griffie", "audit": "auditcommissie"}


def jaarbasis(profiel: Profiel, soort: str, jaar: int) -> dict:
    """Wat jaarplan en jaarverslag allebei nodig hebben: naam, plan en jaarnummer. De sleutels
    zijn de velden van ``Jaarcontext`` (``verrijken/context.py``), op het veld ``voorblad``,
    ``concept`` en ``voorbeeld`` na; het jaarverslag geeft ze zo aan zijn dataclass."""
    gegevens = vul_aan(profiel.data, PROFIEL_SCHEMA)
    meta = gegevens["metadata"]
    is_regio = regio_is(gegevens)
    lt = meta.get("looptijd")
    return {
        **namen(meta, is_regio),
        "profiel": gegevens,
        "naam": profiel.naam,
        "meta": meta,
        "jaar": jaar,
        "documentsoort": DOCUMENTSOORTEN[soort],
        "plan_titel": titel_met_periode(meta, periode(meta)),
        "jaarnummer": jaar - lt["start"] + 1 if lt and lt["start"] <= jaar <= lt["eind"] else None,
        "aantal_jaren": lt["eind"] - lt["start"] + 1 if lt else None,
        "is_regio": is_regio,
        "titel_met_periode": f"{DOCUMENTSOORTEN[soort]} {jaar}",
        "wet": ambtenarenwet(jaar),
    }


def _basis_jaar(profiel: Profiel, soort: str, jaar: int) -> dict:
    """``jaarbasis`` als dict voor het jaarplan, dat (nog) geen dataclass heeft; het profiel
    staat onder "profiel"."""
    return dict(jaarbasis(profiel, soort, jaar))


def _voorblad_jaar(stuk: dict, meta: dict, extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    rijen = [("Steller", stuk.get("steller") or meta.get("steller")),
             ("Datum", opmaak.datum(stuk.get("datum"))), *extra,
             ("Status", {"concept": "Concept", "vastgesteld": "Vastgesteld"}.get(stuk.get("status")))]
    return [(k, str(v)) for k, v in rijen if v]
