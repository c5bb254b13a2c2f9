"""Stap 3, verrijken: afgeleide feiten bij een gecontroleerd profiel, per documentsoort.

Hier wordt niets geschreven; hier wordt uitgerekend wat de sjablonen nodig hebben: de
basisnormentoets, de dekking van de BIOS-delen, de indeling in hoofdstukken, totalen,
realisatie en de beveiligde tabellen van het jaarverslag. Elke documentsoort heeft een eigen
module; het resultaat is een ``Verrijkt``.
"""
from integriteitsplan.verrijken.algemeen import Verrijkt
from integriteitsplan.verrijken.beleidsplan import verrijk_beleidsplan
from integriteitsplan.verrijken.jaarplan import verrijk_jaarplan
from integriteitsplan.verrijken.jaarverslag import verrijk_jaarverslag
from integriteitsplan.verrijken.regio import verrijk_regioverslag

__all__ = ["Verrijkt", "verrijk_beleidsplan", "verrijk_jaarplan", "verrijk_jaarverslag", "verrijk_regioverslag"]
