"""De JSON Schema's van de invoerbestanden: ``profiel.yaml`` en de jaarbestanden. Ze worden
door ``controleren`` uitgevoerd en door ``integriteitsplan schema`` gepubliceerd."""
from integriteitsplan.controleren.schema.jaren import JAARPLAN_SCHEMA, JAARVERSLAG_SCHEMA, KERNCIJFERS_SCHEMA
from integriteitsplan.controleren.schema.profiel import PROFIEL_SCHEMA

__all__ = ["PROFIEL_SCHEMA", "JAARPLAN_SCHEMA", "JAARVERSLAG_SCHEMA", "KERNCIJFERS_SCHEMA"]
