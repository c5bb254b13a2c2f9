"""Stap 2, controleren: het schema uitvoeren met Nederlandse foutmeldingen, en de samenhang
(unieke id's, verwijzingen, regio, jaren) nagaan; alle fouten tegelijk.

Ontvangt een geladen ``Profiel`` en zijn ``Jaargegevens``; geeft een ``Uitslag`` (fouten en
waarschuwingen, elk met bestand, regel en sleutelpad) of gooit een ``InvoerFout``.
"""
from integriteitsplan.controleren.jaren import controleer_jaren, zeker_af, zeker_geldige_jaren
from integriteitsplan.controleren.profiel import controleer_profiel, zeker_geldig, zoek_bestand
from integriteitsplan.controleren.uitslag import Uitslag, op_volgorde

__all__ = ["controleer_jaren", "zeker_geldige_jaren", "zeker_af", "controleer_profiel", "zeker_geldig", "zoek_bestand",
           "Uitslag", "op_volgorde"]
