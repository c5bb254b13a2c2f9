"""Stap 1, laden: profielen, jaargegevens en registers lezen, met de plek (bestand en regel)
van elke waarde.

Ontvangt een profielnaam en de zoekmappen; geeft een ``Profiel`` (basis en profiel
samengevoegd) en zijn ``Jaargegevens``. Hier wordt niets gecontroleerd behalve wat nodig is
om te kunnen lezen (YAML, kolommen van een register); dat doet ``controleren``.
"""
from integriteitsplan.laden.jaren import Jaargegevens, Jaarstukken, laad_jaren
from integriteitsplan.laden.profielen import (
                                             PROFIELBESTAND,
                                             Profiel,
                                             Vindplaats,
                                             Zoekmap,
                                             alle_profielen,
                                             laad_profiel,
                                             leden_van,
                                             meegeleverde_map,
                                             vind_profiel,
                                             weergavenaam,
                                             zoekmappen,
)
from integriteitsplan.laden.samenvoegen import voeg_samen
from integriteitsplan.laden.yamlbestand import Mapping, lees_yaml, lees_yaml_tekst, plek_van

__all__ = ["Jaargegevens", "Jaarstukken", "laad_jaren", "PROFIELBESTAND", "Profiel", "Vindplaats", "Zoekmap",
           "alle_profielen", "laad_profiel", "leden_van", "meegeleverde_map", "vind_profiel", "weergavenaam",
           "zoekmappen", "voeg_samen", "Mapping", "lees_yaml", "lees_yaml_tekst", "plek_van"]
