"""Tabellen zonder lege kolommen: één regel voor elke tabel die een sjabloon toont.

Krijgt kolomkoppen, rijen en eventueel de totaalregel (zoals de macro ``tabel`` in
``sjablonen/gedeeld/blokken.md.j2`` ze krijgt); geeft ze terug zonder kolommen die (bijna)
leeg zijn. Een kolom die in minder dan de helft van de rijen een waarde heeft, gaat naar de
tekstkolom met de langste teksten (bijvoorbeeld 'Wat'), achter de tekst van die rijen, altijd in
dezelfde vorm: een streep en dan cursief 'kolomnaam: waarde'. Een kolom zonder waarden vervalt.
Een streep telt als leeg.

De regel staat hier, bij het renderen, en niet in de Word-schrijver: dan geldt hij voor elk
formaat (Markdown, HTML, Word en PDF tonen dezelfde tabel) en voor elke tabel uit elk sjabloon,
ook voor tabellen van een eigen sjabloon, zonder dat elke verrijker er zelf aan moet denken.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LEEG = {"", "-", "–", "—"}
# in een vergelijking (het verschillenrapport) betekent een streep 'staat er niet': een waarde
VERGELIJKING = {"Basis", "Lokaal", "Wijziging"}


@dataclass
class Aangevuld:
    """Een cel met de waarden van verplaatste kolommen; het sjabloon zet elke waarde na een
    streep, cursief, achter de tekst (nooit tussen haakjes: die kan de tekst zelf al hebben)."""

    tekst: Any
    aanvullingen: list[str] = field(default_factory=list)


@dataclass
class Compact:
    kolommen: list[str]
    rijen: list[list[Any]]
    totaal: list[Any] | None


def _tekst(waarde: Any) -> str:
    if waarde is None:
        return ""
    if hasattr(waarde, "toevoegingen") or hasattr(waarde, "aanvullingen"):
        return _tekst(waarde.tekst)
    return str(waarde).strip()


def leeg(waarde: Any) -> bool:
    return _tekst(waarde) in LEEG


def _label(kolom: str) -> str:
    """'Verantwoordelijk' wordt 'verantwoordelijk', 'CISO' blijft 'CISO'."""
    if len(kolom) > 1 and kolom[0].isupper() and kolom[1].islower():
        return kolom[0].lower() + kolom[1:]
    return kolom


def zonder_lege_kolommen(kolommen: list[str], rijen: list[list[Any]], totaal: list[Any] | None = None) -> Compact:
    """De tabel zonder (bijna) lege kolommen; de eerste kolom blijft altijd staan."""
    kolommen, rijen = list(kolommen), [list(r) for r in rijen]
    if not rijen or len(kolommen) < 2 or VERGELIJKING & set(map(str, kolommen)):
        return Compact(kolommen, rijen, totaal)
    houden, verplaatsen = [0], []
    for k in range(1, len(kolommen)):
        gevuld = sum(1 for r in rijen if k < len(r) and not leeg(r[k]))
        in_totaal = bool(totaal) and k < len(totaal) and not leeg(totaal[k])
        if gevuld * 2 >= len(rijen) or in_totaal:
            houden.append(k)
        elif gevuld:
            verplaatsen.append(k)
    if len(houden) == len(kolommen):
        return Compact(kolommen, rijen, totaal)
    # de kolom met de langste teksten (gemiddeld over de rijen) krijgt de verplaatste waarden
    doel = max(range(len(houden)), key=lambda i: (
        sum(len(_tekst(r[houden[i]])) for r in rijen if houden[i] < len(r)) / len(rijen), -i))
    nieuwe_rijen = []
    for r in rijen:
        extra = [f"{_label(kolommen[k])}: {_tekst(r[k])}" for k in verplaatsen if k < len(r) and not leeg(r[k])]
        rij = [r[k] if k < len(r) else "" for k in houden]
        if extra:
            rij[doel] = Aangevuld(rij[doel], extra)
        nieuwe_rijen.append(rij)
    nieuw_totaal = [totaal[k] if k < len(totaal) else "" for k in houden] if totaal else totaal
    return Compact([kolommen[k] for k in houden], nieuwe_rijen, nieuw_totaal)
