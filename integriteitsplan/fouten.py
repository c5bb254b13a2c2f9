"""Alle verwachte fouten van integriteitsplan.

Elke fout die een gebruiker kan veroorzaken is een van deze klassen. De CLI toont
de Nederlandse tekst (``str(fout)``) en stopt met ``fout.exitcode``; een traceback
ziet de gebruiker nooit.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_BEVINDINGEN = 1
EXIT_ONGELDIG = 2


def pad_tekst(pad) -> str:
    """Een sleutelpad zoals gebruikers het lezen: ``rollen.rollen[2].taken``.
    Lijstposities tellen vanaf 1: [1] is het eerste punt."""
    uit = ""
    for stap in pad:
        if isinstance(stap, int):
            uit += f"[{stap + 1}]"
        else:
            uit += f".{stap}" if uit else str(stap)
    return uit


@dataclass(frozen=True)
class Plek:
    """Waar in de invoer iets staat: bestand, regel (vanaf 1) en sleutelpad. ``sleutels`` is
    het pad binnen dat ene bestand (bij een profiel met een basis kan dat anders zijn dan
    het pad in het samengevoegde profiel)."""

    bestand: str = ""
    regel: int | None = None
    pad: str = ""
    kolom: int | None = None
    sleutels: tuple = ()

    def __str__(self) -> str:
        deel = self.bestand or ""
        if self.regel is not None:
            deel += f":{self.regel}"
            if self.kolom is not None:
                deel += f":{self.kolom}"
        if self.pad:
            deel = f"{deel} {self.pad}" if deel else self.pad
        return deel


@dataclass(frozen=True)
class Foutmelding:
    """Eén bevinding bij het controleren: een fout (blokkeert) of een waarschuwing."""

    plek: Plek
    tekst: str
    ernst: str = "fout"  # "fout" of "waarschuwing"

    def __str__(self) -> str:
        plek = str(self.plek)
        return f"{plek}: {self.tekst}" if plek else self.tekst


class IntegriteitsplanFout(Exception):
    """Basis van alle verwachte fouten."""

    exitcode = EXIT_ONGELDIG


class GebruiksFout(IntegriteitsplanFout):
    """De opdracht zelf klopt niet (onbekende gemeente, verkeerde optie)."""


class GemeenteOnbekend(GebruiksFout):
    def __init__(self, naam: str, bekend: list[str], gezocht: list[str]):
        self.naam = naam
        tekst = f"Gemeente '{naam}' is niet gevonden."
        from difflib import get_close_matches

        voorstel = get_close_matches(naam, bekend, n=1)
        if voorstel:
            tekst += f" Bedoelde u '{voorstel[0]}'?"
        if bekend:
            tekst += f"\nBekende gemeenten: {', '.join(sorted(bekend))}."
        if gezocht:
            tekst += "\nGezocht in: " + "; ".join(gezocht) + "."
        tekst += "\nMaak een nieuw profiel met: integriteitsplan nieuw " + naam
        super().__init__(tekst)


class InvoerFout(IntegriteitsplanFout):
    """Een profiel, jaarbestand of register is ongeldig. Draagt alle meldingen tegelijk."""

    def __init__(self, meldingen: list[Foutmelding], kop: str | None = None):
        self.meldingen = list(meldingen)
        aantal = len([m for m in self.meldingen if m.ernst == "fout"]) or len(self.meldingen)
        kop = kop or (
            "Het profiel bevat 1 fout:" if aantal == 1 else f"Het profiel bevat {aantal} fouten:"
        )
        regels = [kop] + [f"  {m}" for m in self.meldingen]
        regels.append(self.slot)
        super().__init__("\n".join(regels))

    slot = "Er is niets geschreven. Herstel de fouten en probeer het opnieuw."


class YamlFout(InvoerFout):
    """De YAML-tekst zelf is niet te lezen (syntaxfout)."""


class SjabloonFout(IntegriteitsplanFout):
    """Een sjabloon verwijst naar iets dat er niet is, of bevat een syntaxfout."""

    def __init__(self, sjabloon: str, regel: int | None, uitleg: str):
        self.sjabloon = sjabloon
        self.regel = regel
        plek = f"{sjabloon}:{regel}" if regel else sjabloon
        super().__init__(
            f"Fout in sjabloon {plek}: {uitleg}\n"
            "Er is niets geschreven. Controleer het sjabloon (of het eigen sjabloon van de "
            "gemeente) en probeer het opnieuw."
        )


class SchrijfFout(IntegriteitsplanFout):
    """Een uitvoerbestand kan niet worden geschreven."""

    def __init__(self, pad: Path | str, uitleg: str):
        self.pad = pad
        super().__init__(f"Kan {pad} niet schrijven: {uitleg}")


class BestaatAl(GebruiksFout):
    def __init__(self, pad: Path | str, wat: str = "Het profiel"):
        super().__init__(
            f"{wat} {pad} bestaat al en wordt niet overschreven. "
            + ("Kies een andere naam of verwijder de bestaande map eerst zelf." if wat == "Het profiel" else
               "Vul het bestaande bestand verder aan, of verwijder het eerst zelf als u opnieuw wilt beginnen.")
        )


_GEMELD: set[str] = set()


def waarschuw(tekst: str) -> None:
    """Een waarschuwing die het werk niet stopt (iets is weggelaten), op stderr; elke tekst
    één keer per proces."""
    import sys

    if tekst in _GEMELD:
        return
    _GEMELD.add(tekst)
    try:
        print(tekst, file=sys.stderr)
    except (OSError, ValueError):
        pass
