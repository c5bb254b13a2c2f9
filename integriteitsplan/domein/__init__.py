"""Domeinregels die meer stappen delen: de boom van maatregelen, de rekenregels van de
jaarcyclus, de privacyregels voor kleine aantallen, de basisnormentoets en vaste grenzen.

Deze modules lezen geen bestanden en kennen geen stappen: laden, controleren en verrijken
importeren ze, nooit andersom.
"""
