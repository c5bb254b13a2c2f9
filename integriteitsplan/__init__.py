"""integriteitsplan: schrijft het Beleidsplan, Jaarplan en Jaarverslag Integriteit van een
Nederlandse gemeente als Word en Markdown (en PDF of webpagina), uit een YAML-profiel en
Jinja2-sjablonen.

Gebruik als bibliotheek::

    from integriteitsplan import generate
    verslag = generate("voorbeeld", uitvoer="uitvoer")
"""
from integriteitsplan.genereren import generate

__all__ = ["generate"]
__version__ = "0.1.0"
