"""De rekenregels van de jaarcyclus: hoe jaarplan en jaarverslag van opeenvolgende jaren op
elkaar aansluiten.

- Een activiteit die in het jaarverslag van vorig jaar 'deels', 'niet' of 'doorgeschoven'
  heet, komt vanzelf terug in het jaarplan van dit jaar ('doorgeschoven uit <jaar>'),
  tenzij het jaarplan haar met een reden laat vervallen.
- Activiteiten die een regio gezamenlijk uitvoert, staan in het jaarplan van de regio en
  komen in het jaarplan van elk lid naast de eigen activiteiten.

Ontvangt geladen jaargegevens (``laden.jaren.Jaargegevens``); geeft activiteiten,
realisatie en de vaste lijsten (kerncijfers, typologie, drempel). Deze module rekent alleen:
ze leest geen bestanden en geeft geen foutmeldingen.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from integriteitsplan.bronnen import referentie
from integriteitsplan.domein.grenzen import STANDAARD_DREMPEL


class Jaargegevens(Protocol):
    """Wat deze regels van de geladen jaargegevens gebruiken (``laden.jaren.Jaargegevens``
    voldoet eraan); domein importeert geen stap."""

    def stukken(self, jaar: int) -> Any: ...

OPEN_RESULTATEN = ("deels", "niet", "doorgeschoven")


GEWICHT = {"gerealiseerd": 1.0, "deels": 0.5, "niet": 0.0, "doorgeschoven": 0.0}


def typologie_hint(dim: str) -> str:
    """Waar een gemeente de standaardindeling vervangt, voor meldingen over een onbekende id."""
    return f"Een eigen indeling met andere id's zet u in profiel.yaml onder jaarcyclus.typologie.{dim}."


NIET_INGEDEELD = "niet_ingedeeld"
"""De berekende categorie voor meldingen die in een indeling geen categorie kregen: de rest
tot het totaal (een lege cel in het register, of aantallen die samen minder zijn dan het
totaal). Geen gebruiker typt deze id; hij is geen deel van de typologie."""
NIET_INGEDEELD_NAAM = "Niet ingedeeld"
DIMENSIES = ("soort", "afdoening", "uitkomst")


def categorienamen(typ: dict[str, list[dict]], dim: str) -> dict[str, str]:
    """Id -> naam van de categorieën van een indeling, met 'Niet ingedeeld' als laatste."""
    return {**{c["id"]: c["naam"] for c in typ[dim]}, NIET_INGEDEELD: NIET_INGEDEELD_NAAM}


def met_rest(aantallen: dict[str, int], totaal: int) -> dict[str, int]:
    """De aantallen van een indeling, aangevuld met 'niet ingedeeld' tot het totaal (alleen
    als er een rest is). Meer dan het totaal is een fout die ``controleren`` meldt."""
    uit = {k: v for k, v in aantallen.items() if k != NIET_INGEDEELD}
    rest = totaal - sum(uit.values()) + aantallen.get(NIET_INGEDEELD, 0)
    if rest > 0:
        uit[NIET_INGEDEELD] = rest
    return uit


def eigen_cijfers(data: dict) -> list[dict]:
    """De eigen kerncijfers van het profiel (``jaarcyclus.eigen_cijfers``): id, naam,
    eventueel eenheid, ``zaken`` (telt de reeks zaken? dan beschermd als een totaal van
    meldingen) en ``grafiek`` (ook in de grafiek)."""
    return [{"eenheid": None, "zaken": False, "grafiek": False, **c}
            for c in ((data.get("jaarcyclus") or {}).get("eigen_cijfers") or [])]


def typologie(data: dict) -> dict[str, list[dict]]:
    """De indelingen voor meldingen: de standaard, waar het profiel dat wil vervangen."""
    standaard = referentie("typologie")
    eigen = ((data.get("jaarcyclus") or {}).get("typologie")) or {}
    return {naam: list(eigen.get(naam) or lijst) for naam, lijst in standaard.items()}


def drempel(data: dict) -> int:
    return (data.get("jaarcyclus") or {}).get("privacydrempel") or STANDAARD_DREMPEL


def jaardrempel(data: dict, verslag: dict | None) -> int:
    """De drempel van een jaar: die waarmee zijn jaarverslag gepubliceerd is
    (``privacydrempel`` in jaarverslag.yaml), anders die van het profiel."""
    return (verslag or {}).get("privacydrempel") or drempel(data)


def beschermd_met(gepubliceerd: int | None, nu: int) -> int:
    """De drempel voor de cijfers van een vorig jaar in een later verslag: nooit lager dan
    die waarmee dat jaar gepubliceerd is, en nooit lager dan die van nu."""
    return max(gepubliceerd or nu, nu)


@dataclass
class Activiteit:
    id: str
    activiteit: str
    maatregel: str
    doel: str | None
    eigenaar: str | None
    kwartalen: list[int]
    budget: float | None
    status: str | None
    herkomst: str  # "eigen", "doorgeschoven" of "regionaal"
    doorgeschoven_uit: int | None = None
    reden: str | None = None  # toelichting bij een doorgeschoven activiteit
    bron: Any = None  # de gelezen YAML-mapping, voor meldingen met regelnummer

    def als_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "bron"}


def _activiteit(ruw: dict, herkomst: str, uit_jaar: int | None = None) -> Activiteit:
    return Activiteit(
        id=ruw["id"], activiteit=ruw["activiteit"], maatregel=ruw["maatregel"], doel=ruw.get("doel"),
        eigenaar=ruw.get("eigenaar"), kwartalen=list(ruw.get("kwartalen") or []),
        budget=ruw.get("budget"), status=ruw.get("status"), herkomst=herkomst,
        doorgeschoven_uit=uit_jaar, bron=ruw,
    )


def open_van_vorig_jaar(jaren: Jaargegevens, jaar: int) -> list[tuple[Activiteit, dict]]:
    """De activiteiten van vorig jaar die niet of deels gerealiseerd zijn, met hun
    realisatieregel uit het jaarverslag van vorig jaar."""
    vorig = jaren.stukken(jaar - 1)
    if vorig is None or vorig.jaarverslag is None:
        return []
    # gezamenlijke activiteiten schuiven door in het jaarplan van de regio, niet bij elk lid
    bekend = {a.id: a for a in activiteiten(jaren, jaar - 1) if a.herkomst != "regionaal"}
    uit = []
    for regel in vorig.jaarverslag.get("realisatie") or []:
        if regel.get("resultaat") in OPEN_RESULTATEN and regel["activiteit"] in bekend:
            uit.append((bekend[regel["activiteit"]], regel))
    return uit


def activiteiten(jaren: Jaargegevens, jaar: int) -> list[Activiteit]:
    """Alle activiteiten van een jaar: eigen, doorgeschoven van vorig jaar en regionaal."""
    stukken = jaren.stukken(jaar)
    plan = (stukken.jaarplan if stukken else None) or {}
    besluiten = {b["activiteit"]: b for b in plan.get("doorgeschoven") or []}
    uit = [_activiteit(a, "eigen") for a in plan.get("activiteiten") or []]
    eigen_ids = {a.id for a in uit}
    for oud, _regel in open_van_vorig_jaar(jaren, jaar):
        besluit = besluiten.get(oud.id, {})
        if besluit.get("besluit") == "vervalt" or oud.id in eigen_ids:
            continue
        nieuw = Activiteit(**{**oud.__dict__, "herkomst": "doorgeschoven", "doorgeschoven_uit": jaar - 1,
                              "status": "gepland", "reden": besluit.get("reden") or _regel.get("toelichting")})
        for veld in ("kwartalen", "eigenaar", "budget", "doel"):
            if besluit.get(veld) is not None:
                setattr(nieuw, veld, besluit[veld])
        uit.append(nieuw)
    if stukken and stukken.regionaal_jaarplan:
        uit += [_activiteit(a, "regionaal") for a in stukken.regionaal_jaarplan.get("activiteiten") or []]
    return uit


def vervallen(jaren: Jaargegevens, jaar: int) -> list[dict]:
    """Doorgeschoven activiteiten die het jaarplan bewust laat vervallen, met de reden."""
    stukken = jaren.stukken(jaar)
    plan = (stukken.jaarplan if stukken else None) or {}
    open_ids = {a.id: a for a, _ in open_van_vorig_jaar(jaren, jaar)}
    return [
        {"activiteit": open_ids[b["activiteit"]].activiteit, "id": b["activiteit"], "reden": b.get("reden")}
        for b in plan.get("doorgeschoven") or []
        if b.get("besluit") == "vervalt" and b["activiteit"] in open_ids
    ]


def realisatie(jaren: Jaargegevens, jaar: int, maatregelen: dict[str, dict]) -> dict:
    """De realisatie van het jaarplan: per activiteit, per groep en in totaal."""
    resultaten = resultaten_van(jaren, jaar)
    rijen = []
    for a in activiteiten(jaren, jaar):
        r = resultaten.get(a.id, {})
        groep = maatregelen.get(a.maatregel, {}).get("hoofdgroep") or "Overig"
        rijen.append({**a.als_dict(), "resultaat": r.get("resultaat"), "toelichting": r.get("toelichting"),
                      "groep": groep, "maatregel_naam": maatregelen.get(a.maatregel, {}).get("maatregel", a.maatregel)})
    groepen: dict[str, list[dict]] = {}
    for rij in rijen:
        groepen.setdefault(rij["groep"], []).append(rij)
    return {
        "rijen": rijen,
        "totaal": percentage(rijen),
        "per_groep": [{"groep": g, "aantal": len(r), "percentage": percentage(r),
                       "telling": _telling(r)} for g, r in groepen.items()],
        "telling": _telling(rijen),
    }


def resultaten_van(jaren: Jaargegevens, jaar: int) -> dict[str, dict]:
    """De vastgelegde resultaten per activiteit: die van de gezamenlijke activiteiten uit het
    jaarverslag van de regio, aangevuld (en zo nodig overschreven) met de eigen."""
    stukken = jaren.stukken(jaar)
    uit: dict[str, dict] = {}
    for verslag in ((stukken.regionaal_jaarverslag, stukken.jaarverslag) if stukken else ()):
        for r in (verslag or {}).get("realisatie") or []:
            uit[r["activiteit"]] = r
    return uit


def percentage(rijen: list[dict]) -> float | None:
    """Gerealiseerd telt voor 1, deels voor een half; zonder resultaat telt als niet."""
    if not rijen:
        return None
    return sum(GEWICHT.get(r.get("resultaat"), 0.0) for r in rijen) / len(rijen)


def _telling(rijen: list[dict]) -> dict[str, int]:
    uit = {k: 0 for k in ("gerealiseerd", "deels", "niet", "doorgeschoven", "onbekend")}
    for r in rijen:
        uit[r.get("resultaat") or "onbekend"] += 1
    return uit


KERNCIJFERS = [
    ("meldingen", "Meldingen en vermoedens van schendingen"),
    ("vertrouwenspersoon", "Contacten met de vertrouwenspersoon"),
    ("onderzoeken_gestart", "Gestarte onderzoeken"),
    ("onderzoeken_afgerond", "Afgeronde onderzoeken"),
    ("ambtseden", "Afgelegde ambtseden en -beloften"),
    ("nevenwerkzaamheden", "Gemelde nevenwerkzaamheden"),
    ("financiele_belangen", "Gemelde financiële belangen"),
    ("relatiegeschenken", "Gemelde relatiegeschenken"),
    ("vog", "Aangevraagde VOG's"),
    ("trainingen", "Trainingssessies"),
    ("deelnemers", "Deelnemers aan trainingen"),
]
