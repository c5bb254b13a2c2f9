"""Het verschillenrapport van een regio: waar elk lid afwijkt van de regionale basis.

Per lid: wat het aanpast, toevoegt of weghaalt ten opzichte van de basis, per deel van
het plan, met de basiswaarde en de lokale waarde naast elkaar. Daarnaast een matrix van
de instrumenten (groepen en maatregelen) × de leden: gelijk, eigen variant, ontbreekt of
eigen toevoeging. Vergeleken wordt het samengevoegde profiel van het lid met de basis,
dus precies wat er in de documenten komt te staan.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from integriteitsplan import laden, opmaak
from integriteitsplan.bronnen import referentie
from integriteitsplan.domein.maatregelen import alle_groepen
from integriteitsplan.laden.samenvoegen import _is_itemlijst, naam_voor_plaatshouder
from integriteitsplan.verrijken.algemeen import Tabel, Verrijkt
from integriteitsplan.verrijken.context import VerschillenContext

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
# Wat niet geërfd wordt of geen inhoud is: daarin verschilt elk lid vanzelf van de basis.
OVERSLAAN = {"basis", "leden", "voorbeeld", "metadata.organisatie", "metadata.gemeente", "metadata.bron",
             "jaarcyclus.meldingenregister"}
NAAMVELDEN = ("naam", "titel", "maatregel", "term", "wet", "terrein", "wat", "indicator", "post", "rol")

# Hoe een item in een lijst heet in het rapport, naar de lijst waarin het staat.
SOORTEN = {"groepen": "Groep", "maatregelen": "Maatregel", "rollen": "Rol", "definities": "Definitie",
           "kernwaarden": "Kernwaarde", "secties": "Sectie", "indeling": "Hoofdstuk",
           "wettelijk_kader": "Wet of regeling", "functies": "Functie", "meldroutes": "Meldroute",
           "onderdelen": "Onderdeel", "relaties": "Relatie", "fte": "Formatie", "budget": "Budgetpost",
           "stappen": "Stap", "sancties": "Sanctie", "prestatie_indicatoren": "Indicator"}
# Hoe een veld heet in het rapport; een veld dat hier niet staat, krijgt zijn sleutel zonder '_'.
VELDEN = {"maatregel": "naam", "wie": "wie", "gedeeld_met": "gedeeld met", "vastgesteld_door": "vastgesteld door",
          "kernwaarden_inleiding": "inleiding bij de kernwaarden", "rapportagecyclus": "rapportagecyclus",
          "titels": "titels", "lijst": "opsomming", "geregeld": "stand van zaken", "jaar": "jaar",
          "aoic": "AO/IC"}


@dataclass
class Verschil:
    deel: str
    label: str  # voor mensen: "Maatregel 'Centraal beleid', toelichting"
    soort: str  # "aangepast", "toegevoegd" of "verwijderd"
    tekst: str  # Markdown: de tekst met **toegevoegd** en ~~weggehaald~~
    lijst: list[str] = field(default_factory=list)  # bij een opsomming: de punten, gemarkeerd
    instrument: str | None = None  # het id van de groep of maatregel waar het verschil in zit


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


def _plat(waarde: Any) -> str:
    """Een waarde als één regel tekst (zonder Markdown-opmaak van het rapport)."""
    if waarde is None:
        return "–"
    if isinstance(waarde, dict):
        if any(waarde.get(k) for k in NAAMVELDEN):
            return _naam(waarde)
        return "; ".join(f"{VELDEN.get(k, str(k).replace('_', ' '))}: {_plat(v)}" for k, v in waarde.items()
                         if v is not None and k != "id")
    if isinstance(waarde, list):
        return "; ".join(_plat(x) for x in waarde) or "–"
    return " ".join(str(waarde).split())


def _label(stappen: list[tuple[str, Any]]) -> str:
    """Een pad als label voor mensen: het binnenste item met naam, en de velden erna;
    ``stappen`` is een lijst (sleutel, item of None). Het eerste stuk (het deel van het
    plan) staat al in de kop."""
    laatste = max((i for i, (_, item) in enumerate(stappen) if item is not None), default=None)
    delen: list[str] = []
    begin = 1
    if laatste is not None:
        sleutel, item = stappen[laatste]
        delen.append(f"{SOORTEN.get(sleutel, 'Onderdeel')} ‘{_naam(item)}’")
        begin = laatste + 1
    normen = {n["id"]: n["naam"] for n in referentie("basisnormen")["basisnormen"]}
    for i in range(begin, len(stappen)):
        sleutel = stappen[i][0]
        if sleutel == "basisnormen":
            continue
        if stappen[i - 1][0] == "basisnormen":
            delen.append(f"basisnorm ‘{normen.get(sleutel, sleutel)}’")
        else:
            delen.append(VELDEN.get(sleutel, sleutel.replace("_", " ")))
    tekst = ", ".join(delen) if delen else "het geheel"
    return tekst[:1].upper() + tekst[1:]


_ZINSEINDE = (".", "!", "?", ":", ";")


def markeer(basis: str, lokaal: str) -> str:
    """De lokale tekst met de woorden die erbij kwamen **vet** en de woorden die wegvielen
    ~~doorgehaald~~. Alleen de zinnen met een verandering komen erin, met ' … ' ertussen
    waar zinnen zonder verandering zijn weggelaten."""
    b, l = basis.split(), lokaal.split()
    stukken: list[tuple[str, bool, int]] = []  # (tekst, veranderd, zinsnummer)
    zin = 0

    def zin_na(woord: str) -> int:
        return 1 if woord.endswith(_ZINSEINDE) else 0

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, b, l, autojunk=False).get_opcodes():
        if tag == "equal":
            for woord in l[j1:j2]:
                stukken.append((woord, False, zin))
                zin += zin_na(woord)
            continue
        if i2 > i1:
            stukken.append((f"~~{' '.join(b[i1:i2])}~~", True, zin))
        if j2 > j1:
            woorden = l[j1:j2]
            stukken.append((f"**{' '.join(woorden)}**", True, zin))
            zin += sum(zin_na(w) for w in woorden)
        elif i2 > i1 and b[i2 - 1].endswith(_ZINSEINDE) and not (stukken and stukken[-1][0].endswith(_ZINSEINDE)):
            zin += 1
    veranderd = {z for _, v, z in stukken if v}
    uit: list[str] = []
    vorige = None
    for tekst, _, z in stukken:
        if z not in veranderd:
            continue
        if vorige is not None and z != vorige and z - 1 not in veranderd:
            uit.append("…")
        elif vorige is None and z > 0:
            uit.append("…")
        uit.append(tekst)
        vorige = z
    if stukken and vorige is not None and vorige < stukken[-1][2]:
        uit.append("…")
    return " ".join(uit)


def _lijstpunten(basis: list, lokaal: list) -> list[str]:
    """Twee opsommingen naast elkaar: elk punt één keer, met wat erbij kwam vet en wat
    wegviel doorgehaald."""
    b, l = [_plat(x) for x in basis or []], [_plat(x) for x in lokaal or []]
    uit = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, b, l, autojunk=False).get_opcodes():
        if tag == "equal":
            uit += l[j1:j2]
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            uit += [markeer(x, y) if len(x.split()) > 3 else f"~~{x}~~ **{y}**" for x, y in zip(b[i1:i2], l[j1:j2])]
            continue
        uit += [f"~~{x}~~" for x in b[i1:i2]] + [f"**{y}**" for y in l[j1:j2]]
    return uit


def vergelijk(basis: Any, lokaal: Any, stappen: list | None = None) -> list[tuple[list, str, Any, Any]]:
    """Alle verschillen tussen twee waarden als (stappen, soort, basis, lokaal); ``stappen``
    is het pad als lijst (sleutel, item met een id of None)."""
    stappen = stappen or []
    pad = ".".join(k for k, _ in stappen)
    if isinstance(basis, dict) and isinstance(lokaal, dict):
        uit = []
        for sleutel in list(basis) + [k for k in lokaal if k not in basis]:
            sub = stappen + [(str(sleutel), None)]
            if f"{pad}.{sleutel}".lstrip(".") in OVERSLAAN:
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
        sleutel = stappen[-1][0] if stappen else ""
        uit = []
        for ident, item in basis_items.items():
            sub = stappen[:-1] + [(sleutel, lokaal_items.get(ident, item))]
            if ident not in lokaal_items:
                uit.append((sub, "verwijderd", item, None))
            else:
                uit += vergelijk(item, lokaal_items[ident], sub)
        uit += [(stappen[:-1] + [(sleutel, item)], "toegevoegd", None, item) for ident, item in lokaal_items.items()
                if ident not in basis_items]
        return uit
    if basis != lokaal:
        return [(stappen, "aangepast", basis, lokaal)]
    return []


def instrument_van(stappen: list) -> str | None:
    """Het instrument waar een verschil in zit: de binnenste groep of maatregel op het pad
    (zoals ``instrumenten`` ze telt), of None buiten de maatregelen."""
    if not stappen or stappen[0][0] != "maatregelen":
        return None
    for sleutel, item in reversed(stappen):
        if sleutel in ("groepen", "maatregelen") and isinstance(item, dict) and "id" in item:
            return str(item["id"])
    return None


def _verschil(stappen: list, soort: str, b: Any, l: Any) -> Verschil:
    deel = DELEN.get(stappen[0][0], stappen[0][0]) if stappen else ""
    label = _label(stappen)
    inst = instrument_van(stappen)
    if soort == "aangepast" and isinstance(b, str) and isinstance(l, str):
        return Verschil(deel, label, soort, markeer(b, l), instrument=inst)
    if soort == "aangepast" and isinstance(b, list) and isinstance(l, list):
        return Verschil(deel, label, soort, "", _lijstpunten(b, l), instrument=inst)
    if soort == "aangepast":
        return Verschil(deel, label, soort, f"~~{_plat(b)}~~ **{_plat(l)}**", instrument=inst)
    waarde = l if soort == "toegevoegd" else b
    if isinstance(waarde, list) and not _is_itemlijst(waarde):
        return Verschil(deel, label, soort, "", [_plat(x) for x in waarde], instrument=inst)
    return Verschil(deel, label, soort, _plat(waarde), instrument=inst)


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


def maak_rapport(basis: laden.Profiel, leden_profielen: dict[str, laden.Profiel],
                 mappen: list[laden.Zoekmap]) -> Rapport:
    """Het rapport uit de al geladen (en gecontroleerde) profielen van de regio en haar leden."""
    regio = basis.naam
    leden = list(leden_profielen)
    basis_instrumenten = instrumenten(basis.data)
    per_lid: list[Lidverschillen] = []
    lid_instrumenten = {}
    for lid in leden:
        profiel = leden_profielen[lid]
        lv = Lidverschillen(lid, profiel.data.get("metadata", {}).get("gemeente", lid))
        # De basis met de naam van dit lid ingevuld: een tekst die alleen de naam invult, is gelijk.
        basis_lid = laden.laad_profiel(regio, mappen, gemeente=naam_voor_plaatshouder(profiel.data))
        for stappen, soort, b, l in vergelijk(basis_lid.data, profiel.data):
            lv.verschillen.append(_verschil(stappen, soort, b, l))
        per_lid.append(lv)
        lid_instrumenten[lid] = instrumenten(profiel.data)
    alle = dict(basis_instrumenten)
    for inst in lid_instrumenten.values():
        for ident, waarde in inst.items():
            alle.setdefault(ident, waarde)
    # Eén vergelijking voor telling, paragrafen en matrix: een instrument is een eigen
    # variant precies als de paragraaf van het lid er een verschil bij noemt (vergeleken met
    # de basis met de naam van het lid ingevuld, dus de eigen naam alleen telt niet).
    gewijzigd = {lv.lid: {v.instrument for v in lv.verschillen if v.instrument} for lv in per_lid}
    matrix = []
    for ident, (naam, _) in alle.items():
        cellen = []
        for lid in leden:
            eigen = lid_instrumenten[lid].get(ident)
            if ident not in basis_instrumenten:
                cellen.append("eigen toevoeging" if eigen else "–")
            elif eigen is None:
                cellen.append("ontbreekt")
            elif ident in gewijzigd[lid]:
                cellen.append("eigen variant")
            else:
                cellen.append("gelijk")
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


SOORTNAMEN = {"aangepast": "aangepast", "toegevoegd": "toegevoegd", "verwijderd": "weggehaald"}


def _per_lid(lid: Lidverschillen) -> dict:
    """Eén lid voor het sjabloon: per deel van het plan de verschillen als lijst."""
    return {"gemeente": lid.gemeente, "verschillen": bool(lid.verschillen),
            "delen": [{"deel": deel, "verschillen": [{"label": v.label, "soort": SOORTNAMEN[v.soort],
                                                      "tekst": v.tekst, "lijst": v.lijst} for v in verschillen]}
                      for deel, verschillen in lid.per_deel()]}


def _met_lidwoord(naam: str) -> str:
    """'Leidse regio' → 'de Leidse regio'; een naam die al met 'de' of 'het' begint, blijft."""
    return naam if naam.lower().startswith(("de ", "het ")) else f"de {naam}"


def verrijk_rapport(rapport: Rapport) -> Verrijkt:
    """Het rapport als invoer voor de sjablonen (stap verrijken voor dit document): een
    ``Verrijkt`` met een ``VerschillenContext``."""

    voorblad = [("Regio", rapport.regionaam), ("Gemeenten", opmaak.opsomming(rapport.matrix_kolommen))]
    if rapport.datum:
        voorblad.append(("Stand van de basis", opmaak.datum(rapport.datum)))
    in_zin = _met_lidwoord(rapport.regionaam)
    context = VerschillenContext(
        rapport=rapport, voorblad=voorblad,
        overzicht=_overzichtstabel(rapport),
        instrumenten=Tabel(["Instrument"] + rapport.matrix_kolommen,
                           [[naam] + cellen for naam, cellen in rapport.matrix]),
        leden=[_per_lid(lid) for lid in rapport.leden], titel_met_periode=f"Verschillen binnen {in_zin}",
        organisatienaam=rapport.regionaam, documentsoort="Verschillenrapport",
        de_gemeente=in_zin, regio_in_zin=in_zin, concept=False, meta={"datum": rapport.datum})
    return Verrijkt(context=context, soort="verschillen", periode=rapport.regio)
