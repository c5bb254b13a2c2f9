"""Het schema uitvoeren, met Nederlandse foutmeldingen.

Ontvangt gegevens (``Mapping`` met regelnummers) en een JSON Schema uit ``schema/``;
levert per afwijking een foutmelding met bestand, regel en sleutelpad. Een eigen kleine
interpreter, zodat de meldingen Nederlands zijn en het opstarten snel blijft.
"""
from __future__ import annotations

import datetime
import math
from difflib import get_close_matches
from typing import Any

from integriteitsplan.opmaak import opsomming

SOORTNAMEN = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "ja of nee (true of false)",
    "array": "een lijst (regels die beginnen met '- ')",
    "object": "een groep sleutels met waarden",
}


def soort_van(waarde: Any) -> str:
    if isinstance(waarde, bool):
        return "boolean"
    if isinstance(waarde, int):
        return "integer"
    if isinstance(waarde, float):
        return "number"
    if isinstance(waarde, str):
        return "string"
    if isinstance(waarde, list):
        return "array"
    if isinstance(waarde, dict):
        return "object"
    if isinstance(waarde, datetime.date):
        return "date"
    return "onbekend"


def keuzes(woorden: list[str]) -> str:
    """De mogelijke waarden, als 'a, b of c'."""
    return opsomming(woorden, "of")


# Velden die 'de'-woorden zijn, zodat "'x' is geen geldige status" klopt; bij andere velden
# (het besluit, het resultaat) zegt de melding "'x' kan niet bij 'besluit'".
DE_WOORDEN = {"status", "soort", "laag", "weergave", "organisatie", "geregeld"}


class Schemacontrole:
    """Voert het schema uit op gegevens en verzamelt (pad, tekst)-paren."""

    def __init__(self, schema: dict):
        self.schema = schema
        self.defs = schema.get("$defs", {})
        self.fouten: list[tuple[tuple, str]] = []

    def controleer(self, waarde: Any) -> list[tuple[tuple, str]]:
        self.fouten = []
        self._waarde(waarde, self.schema, ())
        return self.fouten

    def _fout(self, pad: tuple, tekst: str) -> None:
        self.fouten.append((pad, tekst))

    def _waarde(self, waarde: Any, schema: dict, pad: tuple) -> None:
        if "$ref" in schema:
            schema = self.defs[schema["$ref"].rsplit("/", 1)[-1]]
        soort = schema.get("type")
        if soort and not self._soort_klopt(waarde, schema, pad):
            return
        if "enum" in schema and waarde not in schema["enum"]:
            if pad and pad[-1] in DE_WOORDEN:
                tekst = f"'{waarde}' is geen geldige {pad[-1]}; kies uit {keuzes(schema['enum'])}."
            elif pad and isinstance(pad[-1], str):
                tekst = f"'{waarde}' kan niet bij '{pad[-1]}'; kies uit {keuzes(schema['enum'])}."
            else:
                veld = next((s for s in reversed(pad) if isinstance(s, str)), "deze lijst")
                tekst = f"'{waarde}' is geen geldige keuze voor '{veld}'; kies uit {keuzes(schema['enum'])}."
            voorstel = get_close_matches(str(waarde), schema["enum"], n=1, cutoff=0.6)
            if voorstel:
                tekst += f" Bedoelde u '{voorstel[0]}'?"
            self._fout(pad, tekst)
            return
        if soort == "object":
            self._object(waarde, schema, pad)
        elif soort == "array":
            for i, element in enumerate(waarde):
                if element is None:
                    self._fout(pad + (i,), "dit punt van de lijst is leeg. Vul het in of haal de regel weg.")
                else:
                    self._waarde(element, schema["items"], pad + (i,))
        elif soort in ("integer", "number"):
            if isinstance(waarde, float) and not math.isfinite(waarde):
                self._fout(pad, f"'{_als_yaml(waarde)}' is geen bruikbaar getal; schrijf een getal zoals 1500 of 1500.50.")
                return
            if "minimum" in schema and waarde < schema["minimum"]:
                self._fout(pad, f"{waarde} is te klein; het moet minstens {schema['minimum']} zijn.")
            if "maximum" in schema and waarde > schema["maximum"]:
                te_groot = _als_yaml(waarde) if len(_als_yaml(waarde)) <= 20 else "dit getal"
                grens = schema["maximum"]
                grens_tekst = f"{grens:_}".replace("_", ".") if grens >= 100_000 else str(grens)
                self._fout(pad, f"{te_groot} is te groot; het mag hoogstens {grens_tekst} zijn.")
        elif soort == "string" and "pattern" in schema:
            import re

            if not re.match(schema["pattern"], waarde):
                voorbeeld = re.sub(r"[^a-z0-9_-]+", "-", waarde.lower()).strip("-") or "mijn-id"
                self._fout(pad, f"'{waarde}' is geen geldige naam: gebruik alleen kleine letters, "
                                f"cijfers, - en _ (bijvoorbeeld '{voorbeeld}').")

    def _soort_klopt(self, waarde: Any, schema: dict, pad: tuple) -> bool:
        verwacht = schema["type"]
        echt = soort_van(waarde)
        if isinstance(verwacht, list):  # meer soorten mogen, bijvoorbeeld tekst of een getal
            if echt in verwacht or (echt == "integer" and "number" in verwacht):
                return True
            self._fout(pad, f"hier hoort {keuzes([SOORTNAMEN[s] for s in verwacht])}, maar er staat "
                            f"{SOORTNAMEN.get(echt, 'iets anders')}.")
            return False
        if verwacht == "string" and schema.get("format") == "date":
            if isinstance(waarde, datetime.date):
                return True
            self._fout(pad, f"'{waarde}' is geen datum; schrijf een datum als JJJJ-MM-DD, "
                            "bijvoorbeeld 2026-01-15.")
            return False
        if echt == verwacht or (verwacht == "number" and echt == "integer"):
            return True
        if verwacht == "string" and echt in ("integer", "number", "date"):
            self._fout(pad, f"hier hoort tekst, maar er staat {_als_yaml(waarde)}. Zet het tussen "
                            f"aanhalingstekens, bijvoorbeeld \"{_als_yaml(waarde)}\".")
            return False
        if verwacht == "boolean" and echt == "string" and waarde.lower() in ("ja", "nee", "j", "n"):
            self._fout(pad, f"schrijf true of false in plaats van '{waarde}'.")
            return False
        if verwacht == "array" and echt == "string":
            self._fout(pad, "hier hoort een lijst. Zet elk punt op een eigen regel die begint "
                            "met '- '.")
            return False
        self._fout(pad, f"hier hoort {SOORTNAMEN[verwacht]}, maar er staat "
                        f"{SOORTNAMEN.get(echt, 'iets anders')}.")
        return False

    def _object(self, waarde: dict, schema: dict, pad: tuple) -> None:
        velden = schema.get("properties", {})
        overig = schema.get("additionalProperties", True)
        namen = schema.get("propertyNames", {}).get("enum")
        for sleutel in waarde if namen else ():
            if sleutel not in namen:
                self._fout(pad + (sleutel,), _onbekende_sleutel(sleutel, namen))
        for sleutel, sub in waarde.items():
            if sleutel not in velden:
                if overig is False:
                    self._fout(pad + (sleutel,), _onbekende_sleutel(sleutel, list(velden)))
                elif isinstance(overig, dict) and sub is not None:
                    self._waarde(sub, overig, pad + (sleutel,))
                elif isinstance(overig, dict) and overig.get("type") in ("integer", "number"):
                    self._fout(pad + (sleutel,), f"hier hoort {SOORTNAMEN[overig['type']]}, maar het is leeg. "
                                                 "Vul een getal in (0 als er niets was) of haal de regel weg.")
                continue
            if sub is None:  # een lege waarde telt als weggelaten
                continue
            self._waarde(sub, velden[sleutel], pad + (sleutel,))
        for verplicht in schema.get("required", []):
            if waarde.get(verplicht) is None:
                beschrijving = velden.get(verplicht, {}).get("description", "")
                if verplicht in waarde:
                    tekst = f"het verplichte veld '{verplicht}' is leeg; vul het in."
                else:
                    tekst = f"het verplichte veld '{verplicht}' ontbreekt."
                if beschrijving:
                    tekst += f" ({beschrijving})"
                self._fout(pad + (verplicht,), tekst)


def _als_yaml(waarde: Any) -> str:
    """De waarde zoals ze in het bestand stond (1.10 blijft 1.10)."""
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return getattr(waarde, "tekst", "") or str(waarde)


def _onbekende_sleutel(sleutel: str, bekend: list[str]) -> str:
    tekst = f"onbekende sleutel '{sleutel}'."
    voorstel = get_close_matches(str(sleutel), bekend, n=1, cutoff=0.6)
    if voorstel:
        return tekst + f" Bedoelde u '{voorstel[0]}'?"
    return tekst + f" Hier kunnen staan: {keuzes(bekend)}."
