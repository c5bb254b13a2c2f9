"""De bibliotheekfunctie ``controleer``: laden, controleren en de bevindingen over een profiel.

Ontvangt een gemeentenaam en de profielmappen; geeft een ``Controleverslag`` met wat de
opdracht ``integriteitsplan controleer`` toont (waarschuwingen, BIOS-dekking,
basisnormentoets) en de exitcode die daarbij hoort. Gooit een ``InvoerFout`` met alle
fouten als het profiel of de jaargegevens niet kloppen.

Daarnaast wat de opdrachtregel over profielen toont: ``toetstabel`` (de basisnormentoets als
tekst) en ``documenten_van`` (welke documenten een profiel kan opleveren, voor ``lijst``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from integriteitsplan import controleren, laden, verrijken
from integriteitsplan.laden.jaren import JAARMAP
from integriteitsplan.verrijken.algemeen import periode
from integriteitsplan.fouten import EXIT_BEVINDINGEN, EXIT_OK, Foutmelding, Plek


@dataclass
class Controleverslag:
    profiel: laden.Profiel
    jaren: laden.Jaargegevens
    bevindingen: list[Foutmelding] = field(default_factory=list)
    dekking: list[dict] = field(default_factory=list)
    toets: list[dict] = field(default_factory=list)
    toets_telling: dict = field(default_factory=dict)
    peiljaar: int | None = None

    @property
    def open_normen(self) -> int:
        """Basisnormen die niet (helemaal) gehaald worden of waarvan de evaluatie te oud is."""
        t = self.toets_telling
        return t["totaal"] - t["voldaan"] + t["verouderd"]

    @property
    def exitcode(self) -> int:
        return EXIT_BEVINDINGEN if self.bevindingen or self.open_normen else EXIT_OK


def controleer(gemeente: str, profielmappen: Iterable[Path | str] = (),
               werkmap: Path | None = None) -> Controleverslag:
    mappen = laden.zoekmappen(profielmappen, werkmap)
    profiel = laden.laad_profiel(gemeente, mappen)
    uitslag = controleren.zeker_geldig(profiel, mappen)
    jaren = laden.laad_jaren(profiel)
    jaaruitslag = controleren.zeker_geldige_jaren(profiel, jaren)
    context = verrijken.verrijk_beleidsplan(profiel).context
    bevindingen = list(uitslag.waarschuwingen) + list(jaaruitslag.waarschuwingen)
    for deel in context["dekking"]:
        if not deel["gedekt"]:
            bevindingen.append(Foutmelding(
                Plek(laden.weergavenaam(profiel.vindplaats)),
                f"het plan behandelt het BIOS-deel '{deel['titel']}' niet.", "waarschuwing"))
    return Controleverslag(profiel=profiel, jaren=jaren, bevindingen=bevindingen, dekking=context["dekking"],
                           toets=context["toets"], toets_telling=context["toets_telling"],
                           peiljaar=context["peiljaar"])


def toetstabel(rijen: list[dict]) -> str:
    kolommen = ["Nr", "Basisnorm", "Stand", "Regeling", "Geëvalueerd"]
    data = [
        [str(r["nummer"]), r["naam"], r["status"], r["regeling"] or "–",
         (f"{r['geevalueerd']} (te oud)" if r["verouderd"] else str(r["geevalueerd"])) if r["geevalueerd"] else "–"]
        for r in rijen
    ]
    breedtes = [min(max(len(k), *(len(rij[i]) for rij in data)), 42) for i, k in enumerate(kolommen)]

    def regel(cellen):
        return "  " + "  ".join(c[:b].ljust(b) for c, b in zip(cellen, breedtes)).rstrip()

    return "\n".join([regel(kolommen), regel(["-" * b for b in breedtes])] + [regel(r) for r in data])


def documenten_van(vindplaats: laden.Vindplaats) -> str:
    """Wat een profiel kan opleveren: het plan (met zijn periode) en de jaren met een
    jaarplan of jaarverslag. Leest alleen wat nodig is; een kapot profiel stopt de lijst niet."""
    try:
        data = laden.lees_yaml(vindplaats.bestand, laden.weergavenaam(vindplaats))
        meta = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
        looptijd = periode(meta) if meta else ""
    except Exception:  # noqa: BLE001 - een kapot profiel mag de lijst niet stoppen
        return "(profiel bevat fouten; zie: integriteitsplan controleer " + vindplaats.naam + ")"
    delen = [f"beleidsplan {looptijd}".strip()]
    for soort in ("jaarplan", "jaarverslag"):
        jaren = sorted(int(p.parent.name) for p in (vindplaats.map / JAARMAP).glob(f"*/{soort}.yaml")
                       if p.parent.name.isdigit())
        if jaren:
            delen.append(f"{soort} {', '.join(map(str, jaren))}")
    tekst = "; ".join(delen)
    if isinstance(data.get("leden"), list):
        tekst += f" (regio met {len(data['leden'])} leden)"
    elif data.get("basis"):
        tekst += f" (op basis van {data['basis']})"
    return tekst
