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
    """Het schema van ``soort`` voor een editor (een kopie; het origineel blijft ongemoeid)."""
    schema = copy.deepcopy(SCHEMAS[soort])
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
