"""Een verrijkt document renderen: sjablonen → Markdown (voorblad en romp).

Ontvangt een ``Verrijkt`` en het profiel (voor zijn sjabloonmappen); geeft ``Gerenderd``.
"""
from __future__ import annotations

from dataclasses import dataclass

import jinja2

from integriteitsplan.fouten import SjabloonFout
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.renderen.koppen import netjes, nummer_koppen
from integriteitsplan.renderen.omgeving import _sjabloonfouten, begroting, omgeving, render_begrensd, sjabloonmappen
from integriteitsplan.verrijken.algemeen import Verrijkt


@dataclass
class Gerenderd:
    voorblad: str
    romp: str

    @property
    def markdown(self) -> str:
        return self.voorblad.rstrip("\n") + "\n\n" + self.romp


def render(verrijkt: Verrijkt, profiel: Profiel | None) -> Gerenderd:
    """Vul de sjablonen van dit document met de verrijkte gegevens."""
    env = omgeving(sjabloonmappen(profiel))
    soort = verrijkt.soort
    context = dict(verrijkt.context)
    with _sjabloonfouten(), begroting():
        if soort == "beleidsplan":
            context["hoofdstukken"] = _hoofdstukken(env, context)
        voorblad = render_begrensd(env.get_template(f"{soort}/voorblad.md.j2"), context)
        romp = render_begrensd(env.get_template(verrijkt.sjabloon or f"{soort}/document.md.j2"), context)
    return Gerenderd(voorblad=netjes(voorblad), romp=netjes(nummer_koppen(romp)))


def _hoofdstukken(env: jinja2.Environment, context: dict) -> list[dict]:
    """Render per hoofdstuk de onderdelen (macro's in de sjablonen per BIOS-deel)."""
    modules: dict[str, object] = {}
    uit = []
    for hoofdstuk in context["indeling"]:
        blokken = []
        niveau = 3 if hoofdstuk["koppen"] else 2
        for onderdeel in hoofdstuk["onderdelen"]:
            naam = f"beleidsplan/{onderdeel['sjabloon']}"
            if naam not in modules:
                modules[naam] = env.get_template(naam).make_module(context)
            macro = getattr(modules[naam], onderdeel["naam"], None)
            if macro is None:
                raise SjabloonFout(naam, None, f"de macro '{onderdeel['naam']}' ontbreekt.")
            tekst = str(env.call(jinja2.runtime.Context(env, context, naam, {}), macro, niveau, hoofdstuk)).strip()
            if tekst:
                titel = onderdeel["titel"] if hoofdstuk["koppen"] else None
                blokken.append({"titel": titel, "tekst": tekst})
        uit.append({**hoofdstuk, "blokken": blokken})
    return uit
