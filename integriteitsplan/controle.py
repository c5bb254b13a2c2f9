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
from integriteitsplan.domein import jaarcyclus
from integriteitsplan.fouten import EXIT_BEVINDINGEN, EXIT_OK, Foutmelding, Plek
from integriteitsplan.verrijken.privacybereik import privacy_bereik


@dataclass
class Controleverslag:
    profiel: laden.Profiel
    jaren: laden.Jaargegevens
    bevindingen: list[Foutmelding] = field(default_factory=list)
    dekking: list[dict] = field(default_factory=list)
    toets: list[dict] = field(default_factory=list)
    toets_telling: dict = field(default_factory=dict)
    peiljaar: int | None = None
    privacybereik: list[dict] = field(default_factory=list)  # per verborgen cel: jaar, tabel, bereik

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
    if profiel.data.get("leden"):  # een regio: dezelfde drempel als haar leden (README, Privacy)
        from integriteitsplan.fouten import InvoerFout
        from integriteitsplan.verrijken.regio import drempelfouten

        fouten = drempelfouten(jaarcyclus.drempel(profiel.data),
                               {lid: laden.laad_profiel(lid, mappen) for lid in profiel.data["leden"]})
        if fouten:
            raise InvoerFout(fouten)
    context = verrijken.verrijk_beleidsplan(profiel).context
    bevindingen = waarschuwingen(profiel, list(uitslag.waarschuwingen) + list(jaaruitslag.waarschuwingen),
                                 context.dekking)
    return Controleverslag(profiel=profiel, jaren=jaren, bevindingen=bevindingen, dekking=context.dekking,
                           toets=context.toets, toets_telling=context.toets_telling,
                           peiljaar=context.peiljaar, privacybereik=privacy_bereik(profiel, jaren, mappen))


def waarschuwingen(profiel: laden.Profiel, gevonden: list[Foutmelding], dekking: list[dict] | None = None
                   ) -> list[Foutmelding]:
    """Alle waarschuwingen over een profiel, zoals ``controleer`` ze toont en ``genereer`` ze
    telt: die van de controle van profiel en jaren (``gevonden``), het voorbeeldprofiel en
    de BIOS-delen die het plan niet behandelt (``dekking``; zonder: hier berekend)."""
    bevindingen = list(gevonden)
    if dekking is None:
        dekking = verrijken.verrijk_beleidsplan(profiel).context.dekking
    if profiel.data.get("voorbeeld") is True:
        bevindingen.append(Foutmelding(
            laden.plek_van(profiel.data, ("voorbeeld",)),
            "dit profiel heeft 'voorbeeld: true': elk document zegt op het voorblad en in de koptekst dat het "
            "verzonnen gegevens bevat. Haal die regel weg zodra de inhoud van uw gemeente is.", "waarschuwing"))
    for deel in dekking:
        if not deel["gedekt"]:
            bevindingen.append(Foutmelding(
                Plek(laden.weergavenaam(profiel.vindplaats)),
                f"het plan behandelt het BIOS-deel '{deel['titel']}' niet.", "waarschuwing"))
    return bevindingen
