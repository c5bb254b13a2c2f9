"""De JSON Schema's van de invoerbestanden: ``profiel.yaml`` en de jaarbestanden. Ze worden
door ``controleren`` uitgevoerd en door ``integriteitsplan schema`` gepubliceerd.

``gepubliceerd(soort)`` geeft het schema zoals een editor het krijgt: gelijk aan wat de
controle doet, ook waar de controle een lege waarde (``status:`` zonder waarde, dus
``null``) als weggelaten telt. Een verplicht veld en een punt van een lijst mogen niet
leeg zijn, in de controle en in het gepubliceerde schema.
"""
from __future__ import annotations

import copy

from integriteitsplan.controleren.schema.jaren import JAARPLAN_SCHEMA, JAARVERSLAG_SCHEMA, KERNCIJFERS_SCHEMA
from integriteitsplan.controleren.schema.profiel import PROFIEL_SCHEMA

SCHEMAS = {
    "profiel": PROFIEL_SCHEMA,
    "jaarplan": JAARPLAN_SCHEMA,
    "jaarverslag": JAARVERSLAG_SCHEMA,
    "kerncijfers": KERNCIJFERS_SCHEMA,
}

# Waar elk bestand staat, voor de uitleg en voor de koppeling in een editor.
BESTANDEN = {
    "profiel": "gemeenten/*/profiel.yaml",
    "jaarplan": "gemeenten/*/jaren/*/jaarplan.yaml",
    "jaarverslag": "gemeenten/*/jaren/*/jaarverslag.yaml",
    "kerncijfers": "gemeenten/*/jaren/kerncijfers.yaml",
}

__all__ = ["PROFIEL_SCHEMA", "JAARPLAN_SCHEMA", "JAARVERSLAG_SCHEMA", "KERNCIJFERS_SCHEMA", "SCHEMAS",
           "BESTANDEN", "gepubliceerd"]


def gepubliceerd(soort: str = "profiel") -> dict:
    """Het schema van ``soort`` voor een editor (een kopie; het origineel blijft ongemoeid).
    Het profielschema kent twee vormen: een volledig profiel, en een profiel met ``basis``
    (een lid van een regio) waarin niets verplicht is behalve het ``id`` van een punt in een
    lijst; de rest komt uit de basis."""
    schema = copy.deepcopy(SCHEMAS[soort])
    if soort == "profiel":
        schema = _met_lidvorm(schema)
    _leeg_mag(schema)
    for sub in (schema.get("$defs") or {}).values():
        _leeg_mag(sub)
    return schema


def _leeg_mag(schema: dict) -> None:
    """Laat ``null`` toe waar de controle een lege waarde als weggelaten telt: bij elk
    niet-verplicht veld van een object en bij de vrije sleutels (``additionalProperties``)."""
    if not isinstance(schema, dict):
        return
    verplicht = set(schema.get("required") or [])
    for naam, sub in (schema.get("properties") or {}).items():
        _leeg_mag(sub)
        if naam not in verplicht:
            schema["properties"][naam] = _of_null(sub)
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        _leeg_mag(extra)
        schema["additionalProperties"] = _of_null(extra)
    if isinstance(schema.get("items"), dict):
        _leeg_mag(schema["items"])
    for sleutel in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(sleutel) or []:
            _leeg_mag(sub)


def _of_null(sub: dict) -> dict:
    uit = {"anyOf": [sub, {"type": "null"}]}
    if sub.get("description"):  # zodat een editor de uitleg ook bij het veld zelf toont
        uit = {"description": sub["description"], **uit}
    return uit


def _met_lidvorm(schema: dict) -> dict:
    """Kies met ``if/then/else`` op ``basis``: met een basis de lidvorm, anders het volledige profiel."""
    kop = {k: schema.pop(k) for k in ("$schema", "$id", "title") if k in schema}
    defs = schema.pop("$defs", {})
    lid = copy.deepcopy(schema)
    _zonder_verplicht(lid)
    lid_defs = {}
    for naam, sub in defs.items():
        sub = copy.deepcopy(sub)
        _zonder_verplicht(sub)
        lid_defs[f"lid_{naam}"] = sub
    return {
        **kop,
        "description": "Een profiel (gemeenten/<naam>/profiel.yaml). Met 'basis' (een lid van een regio) "
                       "is alleen het id van een punt in een lijst verplicht; de rest komt uit de basis.",
        "type": "object",
        "$defs": {**defs, **lid_defs, "volledig": schema, "lid": lid},
        "if": {"required": ["basis"]},
        "then": {"$ref": "#/$defs/lid"},
        "else": {"$ref": "#/$defs/volledig"},
    }


def _zonder_verplicht(schema) -> None:
    """Maak een schema geschikt voor een lid: alleen ``id`` blijft verplicht, en een verwijzing
    naar een gedeeld stuk wijst naar de lidvorm daarvan."""
    if isinstance(schema, list):
        for sub in schema:
            _zonder_verplicht(sub)
        return
    if not isinstance(schema, dict):
        return
    if "required" in schema:
        blijft = [v for v in schema["required"] if v == "id"]
        if blijft:
            schema["required"] = blijft
        else:
            del schema["required"]
    if isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/$defs/"):
        schema["$ref"] = "#/$defs/lid_" + schema["$ref"].rsplit("/", 1)[-1]
    for sleutel, sub in schema.items():
        if sleutel != "enum":
            _zonder_verplicht(sub)
