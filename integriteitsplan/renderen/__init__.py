"""Stap 4, renderen: Jinja2-sjablonen → Markdown.

Ontvangt een ``Verrijkt``; geeft ``Gerenderd`` (voorblad en romp in Markdown, koppen
genummerd). Sjablonen worden gezocht in de map van de gemeente, dan van haar basis, dan de
standaard; een onbekende naam in een sjabloon is een fout (StrictUndefined).
"""
from integriteitsplan.renderen.document import Gerenderd, render

__all__ = ["Gerenderd", "render"]
