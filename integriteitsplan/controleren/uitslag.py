"""De uitslag van een controle: fouten en waarschuwingen, op volgorde van bestand en regel.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from integriteitsplan.fouten import Foutmelding
from integriteitsplan.laden.profielen import Profiel, weergavenaam
from integriteitsplan.laden.yamlbestand import Mapping, plek_van


@dataclass
class Uitslag:
    """Alle bevindingen van een controle."""

    fouten: list[Foutmelding] = field(default_factory=list)
    waarschuwingen: list[Foutmelding] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        return not self.fouten

    def fout_op(self, data, pad: tuple, tekst: str) -> None:
        """Een fout op de plek van ``pad`` in ``data`` (een gelezen YAML-bestand)."""
        self.fouten.append(foutmelding_op(data, pad, tekst))

    def waarschuwing_op(self, data, pad: tuple, tekst: str) -> None:
        """Een waarschuwing op de plek van ``pad`` in ``data``."""
        self.waarschuwingen.append(foutmelding_op(data, pad, tekst, "waarschuwing"))


class _Verzamelaar:
    def __init__(self, data: Mapping):
        self.data = data
        self.uitslag = Uitslag()

    def fout(self, pad: tuple, tekst: str) -> None:
        self.uitslag.fouten.append(Foutmelding(plek_van(self.data, pad), tekst))

    def waarschuwing(self, pad: tuple, tekst: str) -> None:
        self.uitslag.waarschuwingen.append(Foutmelding(plek_van(self.data, pad), tekst, "waarschuwing"))


def op_volgorde(meldingen: list[Foutmelding], profiel: Profiel | None = None) -> list[Foutmelding]:
    """Meldingen in bestandsvolgorde: eerst het eigen profiel, dan de basis, per bestand op regel."""

    volgorde = [weergavenaam(v) for v in profiel.keten] if profiel else []

    def sleutel(m: Foutmelding):
        bestand = m.plek.bestand
        return (volgorde.index(bestand) if bestand in volgorde else len(volgorde), bestand, m.plek.regel or 0)

    return sorted(meldingen, key=sleutel)


def foutmelding_op(data, pad: tuple, tekst: str, ernst: str = "fout") -> Foutmelding:
    """Een melding op de plek van ``pad`` in ``data`` (een gelezen YAML-bestand)."""
    return Foutmelding(plek_van(data, pad), tekst, ernst)
