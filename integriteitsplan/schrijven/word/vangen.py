"""De gedeelde ontleding, onder de oude naam voor de modules van de Word-schrijver.

Alles staat in :mod:`integriteitsplan.schrijven.ontleden`; die ontleedt de Markdown één
keer per document voor de .docx en de webpagina.
"""
from __future__ import annotations

from ..ontleden import (  # noqa: F401
    AMP,
    BLOKKEN,
    BR_RE,
    PLAATSHOUDER_RE,
    STASH_BEGIN,
    STASH_RE,
    TAG_RE,
    WIT_RE,
    Vangst,
    is_kop,
    is_leeg,
    is_voetnootref,
    klassen,
    ontleed,
)
