"""Schrijver voor Markdown: de gerenderde tekst zoals hij is, in UTF-8 met '\\n'."""
from __future__ import annotations

from integriteitsplan.renderen.document import Gerenderd


def maak_md(gerenderd: Gerenderd) -> bytes:
    return gerenderd.markdown.encode("utf-8")
