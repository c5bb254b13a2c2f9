"""Vaste grenzen die meer stappen gebruiken: de vorm van een id, het bereik van jaartallen
en de privacydrempel."""
from __future__ import annotations

# Een id (van een profiel, maatregel, groep, rol, ...): kleine letters, cijfers, - en _.
ID_PATROON = r"^[a-z0-9][a-z0-9_-]*$"

# Een jaartal buiten dit bereik is vrijwel zeker een tikfout (0226, 2206).
EERSTE_JAAR, LAATSTE_JAAR = 1990, 2100

# Aantallen van 1 tot de drempel worden niet gepubliceerd; de drempel is nooit lager dan 3.
STANDAARD_DREMPEL = 5
MIN_DREMPEL = 3
