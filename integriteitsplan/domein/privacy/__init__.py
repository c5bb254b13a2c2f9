"""Kleine aantallen beschermen in het openbare jaarverslag (statistische geheimhouding).

``regel``: wat gedrukt en wat weggelaten wordt, per registerjaar samen; ``audit``: hoe ver
een lezer die alles leest en de regel kent een verborgen cel kan terugrekenen. De regel in
gewone taal staat in de README (Privacy).
"""
from integriteitsplan.domein.privacy.audit import (  # noqa: F401
    Lek,
    bereik_regio,
    bereik_registerjaar,
    controleer_regio,
    controleer_registerjaar,
    vastgepind,
)
from integriteitsplan.domein.privacy.regel import (  # noqa: F401
    MIN_DREMPEL,
    SECUNDAIR,
    Cel,
    Regioset,
    Registerjaar,
    Tabel,
    beveilig_regio,
    beveilig_registerjaar,
    beveilig_tabel,
    som_cel,
    totaal_cel,
)
from integriteitsplan.domein.privacy.tekst import aantal_in_woorden, kleine_aantallen, uitleg_klein  # noqa: F401
