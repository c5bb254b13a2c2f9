"""Het verschillenrapport van een regio: waar elk lid afwijkt van de regionale basis.

Per lid: wat het aanpast, toevoegt of weghaalt ten opzichte van de basis, per deel van
het plan, met de basiswaarde en de lokale waarde naast elkaar. Daarnaast een matrix van
de instrumenten (groepen en maatregelen) × de leden: gelijk, eigen variant, ontbreekt of
eigen toevoeging. Vergeleken wordt het samengevoegde profiel van het lid met de basis,
dus precies wat er in de documenten komt te staan.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from integriteitsplan import laden, opmaak
from integriteitsplan.domein.maatregelen import alle_groepen
from integriteitsplan.laden.samenvoegen import _is_itemlijst
from integriteitsplan.verrijken.algemeen import Tabel, Verrijkt

DELEN = {
    "metadata": "Documentgegevens",
    "voorwoord": "Voorwoord",
    "inleiding": "Inleiding",
    "missie_visie": "Missie en visie",
    "waarden_normen": "Waarden en normen",
    "maatregelen": "Structuur, cultuur en maatregelen",
    "incidenten": "Incidenten",
    "rollen": "Rollen, taken en positionering",
    "monitoring": "Monitoring, evaluatie en rapportage",
    "middelen": "Samenhang en middelen",
    "indeling": "Indeling in hoofdstukken",
    "bijlagen": "Bijlagen",
    "jaarcyclus": "Jaarcyclus",
}
OVERSLAAN = {"basis", "leden", "metadata.organisatie", "jaarcyclus.meldingenregister"}  # wat niet geërfd wordt
NAAMVELDEN = ("naam", "titel", "maatregel", "term", "wet", "terrein", "wat", "indicator", "post", "rol")
MAX_TEKST = 300


@dataclass
class Verschil:
    deel: str
    pad: str
    soort: str  # "aangepast", "toegevoegd" of "verwijderd"
    basis: str
    lokaal: str


@dataclass
class Lidverschillen:
    lid: str
    gemeente: str
    verschillen: list[Verschil] = field(default_factory=list)

    def per_deel(self) -> list[tuple[str, list[Verschil]]]:
        """De verschillen per deel van het plan, in de volgorde van het plan."""
        volgorde = list(DELEN.values())
        delen: dict[str, list[Verschil]] = {}
        for v in self.verschillen:
            delen.setdefault(v.deel, []).append(v)
        return sorted(delen.items(), key=lambda kv: volgorde.index(kv[0]) if kv[0] in volgorde else len(volgorde))

    def telling(self) -> dict[str, int]:
        uit = {"aangepast": 0, "toegevoegd": 0, "verwijderd": 0}
        for v in self.verschillen:
            uit[v.soort] += 1
        return uit


def _naam(item: Any) -> str:
    if isinstance(item, dict):
        for veld in NAAMVELDEN:
            if item.get(veld):
                return str(item[veld])
        return str(item.get("id", ""))
    return str(item)


def _tekst(waarde: Any) -> str:
    if waarde is None:
        return "–"
    if isinstance(waarde, dict):
        if any(k in waarde for k in NAAMVELDEN):
            return _naam(waarde)
        return "; ".join(f"{k}: {_tekst(v)}" for k, v in waarde.items() if v is not None)
    if isinstance(waarde, list):
        return "; ".join(_naam(x) if isinstance(x, dict) else _tekst(x) for x in waarde) or "–"
    tekst = " ".join(str(waarde).split())
    return tekst if len(tekst) <= MAX_TEKST else tekst[: MAX_TEKST - 1].rstrip() + "…"


def _rond_verschil(basis: Any, lokaal: Any, rand: int = 120) -> tuple[str, str]:
    """Twee lange teksten ingekort rond de plek waar ze verschillen, zodat de lezer het
    verschil ziet en niet twee keer hetzelfde begin."""
    b, l = _tekst(basis), _tekst(lokaal)
    if not (isinstance(basis, str) and isinstance(lokaal, str)):
        return b, l
    b, l = " ".join(basis.split()), " ".join(lokaal.split())
    if len(b) <= MAX_TEKST and len(l) <= MAX_TEKST:
        return b, l
    begin = next((i for i, (x, y) in enumerate(zip(b, l)) if x != y), min(len(b), len(l)))
    start = max(0, b.rfind(" ", 0, max(begin - rand, 0)) + 1) if begin > rand else 0

    def knip(tekst: str) -> str:
        stuk = tekst[start:start + MAX_TEKST]
        return ("…" if start else "") + stuk + ("…" if start + MAX_TEKST < len(tekst) else "")

    return knip(b), knip(l)


def vergelijk(basis: Any, lokaal: Any, pad: str = "") -> list[tuple[str, str, Any, Any]]:
    """Alle verschillen tussen twee waarden als (pad, soort, basis, lokaal)."""
    if isinstance(basis, dict) and isinstance(lokaal, dict):
        uit = []
        for sleutel in list(basis) + [k for k in lokaal if k not in basis]:
            sub = f"{pad}.{sleutel}" if pad else str(sleutel)
            if sub in OVERSLAAN:
                continue
            b, l = basis.get(sleutel), lokaal.get(sleutel)
            if b is None and l is None:
                continue
            if b is None:
                uit.append((sub, "toegevoegd", None, l))
            elif l is None:
                uit.append((sub, "verwijderd", b, None))
            else:
                uit += vergelijk(b, l, sub)
        return uit
    if _is_itemlijst(basis) or _is_itemlijst(lokaal):
        basis_items = {x["id"]: x for x in basis or []}
        lokaal_items = {x["id"]: x for x in lokaal or []}
        uit = []
        for ident, item in basis_items.items():
            sub = f"{pad}[{ident}]"
            if ident not in lokaal_items:
                uit.append((sub, "verwijderd", item, None))
            else:
                uit += vergelijk(item, lokaal_items[ident], sub)
        uit += [(f"{pad}[{ident}]", "toegevoegd", None, item) for ident, item in lokaal_items.items()
                if ident not in basis_items]
        return uit
    if basis != lokaal:
        return [(pad, "aangepast", basis, lokaal)]
    return []


def _eigen_velden(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in ("groepen", "maatregelen")}


def instrumenten(data: dict) -> dict[str, tuple[str, dict]]:
    """De instrumenten van een plan: elke groep en elke maatregel, op id."""
    uit: dict[str, tuple[str, dict]] = {}
    for _, groep, _ in alle_groepen(data):
        uit[groep["id"]] = (groep["naam"], _eigen_velden(groep))
        for m in groep.get("maatregelen") or []:
            uit[m["id"]] = (f"{groep['naam']}: {m['maatregel']}", m)
    return uit


@dataclass
class Rapport:
    regio: str
    regionaam: str
    datum: Any
    leden: list[Lidverschillen]
    matrix_kolommen: list[str]
    matrix: list[tuple[str, list[str]]]


def maak_rapport(basis: laden.Profiel, leden_profielen: dict[str, laden.Profiel]) -> Rapport:
    """Het rapport uit de al geladen (en gecontroleerde) profielen van de regio en haar leden."""
    regio = basis.naam
    leden = list(leden_profielen)
    basis_instrumenten = instrumenten(basis.data)
    per_lid: list[Lidverschillen] = []
    lid_instrumenten = {}
    for lid in leden:
        profiel = leden_profielen[lid]
        lv = Lidverschillen(lid, profiel.data.get("metadata", {}).get("gemeente", lid))
        for pad, soort, b, l in vergelijk(basis.data, profiel.data):
            deel = DELEN.get(pad.split(".")[0].split("[")[0], pad.split(".")[0])
            basis_tekst, lokaal_tekst = _rond_verschil(b, l) if soort == "aangepast" else (_tekst(b), _tekst(l))
            lv.verschillen.append(Verschil(deel, pad, soort, basis_tekst, lokaal_tekst))
        per_lid.append(lv)
        lid_instrumenten[lid] = instrumenten(profiel.data)
    alle = dict(basis_instrumenten)
    for inst in lid_instrumenten.values():
        for ident, waarde in inst.items():
            alle.setdefault(ident, waarde)
    matrix = []
    for ident, (naam, _) in alle.items():
        cellen = []
        for lid in leden:
            eigen = lid_instrumenten[lid].get(ident)
            if ident not in basis_instrumenten:
                cellen.append("eigen toevoeging" if eigen else "–")
            elif eigen is None:
                cellen.append("ontbreekt")
            elif eigen[1] == basis_instrumenten[ident][1]:
                cellen.append("gelijk")
            else:
                cellen.append("eigen variant")
        matrix.append((naam, cellen))
    meta = basis.data.get("metadata", {})
    return Rapport(regio=regio, regionaam=meta.get("gemeente", regio), datum=meta.get("datum"),
                   leden=per_lid, matrix_kolommen=[lv.gemeente for lv in per_lid], matrix=matrix)


def _overzichtstabel(rapport: Rapport) -> Tabel:
    rijen = []
    for lid in rapport.leden:
        telling = lid.telling()
        rijen.append([lid.gemeente, str(telling["aangepast"]), str(telling["toegevoegd"]), str(telling["verwijderd"])])
    return Tabel(["Gemeente", "Aangepast", "Toegevoegd", "Weggehaald"], rijen)


def _per_lid(lid: Lidverschillen) -> dict:
    """Eén lid voor het sjabloon: per deel van het plan een tabel met de verschillen."""
    return {"gemeente": lid.gemeente, "verschillen": bool(lid.verschillen),
            "delen": [{"deel": deel, "tabel": Tabel(["Onderdeel", "Wijziging", "Basis", "Lokaal"],
                                                    [[v.pad, v.soort, v.basis, v.lokaal] for v in verschillen])}
                      for deel, verschillen in lid.per_deel()]}


def verrijk_rapport(rapport: Rapport):
    """Het rapport als invoer voor de sjablonen (stap verrijken voor dit document)."""

    voorblad = [("Regio", rapport.regionaam), ("Gemeenten", opmaak.opsomming(rapport.matrix_kolommen))]
    if rapport.datum:
        voorblad.append(("Stand van de basis", opmaak.datum(rapport.datum)))
    context = {"rapport": rapport, "voorblad": voorblad,
               "overzicht": _overzichtstabel(rapport),
               "instrumenten": Tabel(["Instrument"] + rapport.matrix_kolommen,
                                     [[naam] + cellen for naam, cellen in rapport.matrix]),
               "leden": [_per_lid(lid) for lid in rapport.leden], "titel_met_periode": f"Verschillen binnen {rapport.regionaam}",
               "organisatienaam": rapport.regionaam, "documentsoort": "Verschillenrapport",
               "de_gemeente": rapport.regionaam, "concept": False, "meta": {"datum": rapport.datum}}
    return Verrijkt(context=context, soort="verschillen", periode=rapport.regio)
