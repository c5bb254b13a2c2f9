"""Een verrijkt document renderen: sjablonen → Markdown (voorblad en romp).

Ontvangt een ``Verrijkt`` en het profiel (voor zijn sjabloonmappen); geeft ``Gerenderd``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import jinja2

from integriteitsplan.fouten import SjabloonFout, waarschuw
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.renderen import veilig
from integriteitsplan.renderen.koppen import netjes, nummer_koppen
from integriteitsplan.renderen.omgeving import _sjabloonfouten, basis_sjabloonmappen, omgeving, sjabloonmappen
from integriteitsplan.renderen.zandbak import begroting, render_begrensd
from integriteitsplan.verrijken.algemeen import Verrijkt


@dataclass
class Gerenderd:
    voorblad: str
    romp: str
    weggelaten: list = field(default_factory=list)  # links die niet in het document mochten

    @property
    def markdown(self) -> str:
        return self.voorblad.rstrip("\n") + "\n\n" + self.romp


def render(verrijkt: Verrijkt, profiel: Profiel | None) -> Gerenderd:
    """Vul de sjablonen van dit document met de verrijkte gegevens."""
    env = omgeving(sjabloonmappen(profiel), basis_sjabloonmappen(profiel))
    soort = verrijkt.soort
    context = verrijkt.sjabloonnamen()  # de velden van de context als namen voor het sjabloon
    with _sjabloonfouten(), begroting():
        if soort == "beleidsplan":
            context["hoofdstukken"] = _hoofdstukken(env, context)
        voorblad = render_begrensd(env.get_template(f"{soort}/voorblad.md.j2"), context)
        romp = render_begrensd(env.get_template(verrijkt.sjabloon or f"{soort}/document.md.j2"), context)
    voorblad, weg_voor = veilig.schoon(voorblad)
    romp, weg_romp = veilig.schoon(romp)
    weg = weg_voor + weg_romp
    if weg:
        waarschuw(f"Let op: uit {verrijkt.bestandsnaam} is weggelaten: " + _opsomming(weg) + ". Alleen links "
                  "naar http, https, mailto en naar een kop in het document blijven staan; de tekst van de "
                  "link blijft.")
    return Gerenderd(voorblad=netjes(voorblad), romp=netjes(nummer_koppen(romp)), weggelaten=weg)


def _opsomming(weg: list[str]) -> str:
    tellingen: dict[str, int] = {}
    for w in weg:
        tellingen[w] = tellingen.get(w, 0) + 1
    return ", ".join(f"{w} ({n}x)" if n > 1 else w for w, n in tellingen.items())


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
