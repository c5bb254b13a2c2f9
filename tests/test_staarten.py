"""De staart van een hoofdstuk houdt zich vast aan het blok ervoor (schrijven/word/staarten.py)."""
from integriteitsplan.schrijven.word.staarten import houd_staarten_vast
from integriteitsplan.schrijven.word.xmltekst import Alinea


def alinea(tekst: str, stijl: str | None = None, ppr: dict | None = None) -> Alinea:
    p = Alinea(stijl, ppr)
    p.inhoud.append(f'<w:r><w:t xml:space="preserve">{tekst}</w:t></w:r>')
    return p


def test_laatste_punten_en_slotzin_gaan_samen():
    uit = [alinea("Hoofdstuk 1", "Kop1"), *[alinea(f"Alinea {i} " + "tekst " * 60) for i in range(6)],
           *[alinea(f"Punt {i}", "Lijst") for i in range(5)], alinea("Slotzin."),
           alinea("Hoofdstuk 2", "Kop1"), alinea("Tekst.")]
    houd_staarten_vast(uit, lambda s: s == "Kop1", 0, "Kop1")
    slot = uit.index(next(p for p in uit if "Slotzin" in p.inhoud[0]))
    assert "keepNext" not in (uit[slot].ppr or {})  # daarna begint een nieuwe pagina
    assert all("keepNext" in (p.ppr or {}) for p in uit[slot - 5:slot])  # de punten
    assert "keepNext" in (uit[slot - 6].ppr or {})  # en wat ervoor staat, tot zo'n tien regels
    assert "keepNext" not in (uit[1].ppr or {})  # niet het hele hoofdstuk
    assert "keepNext" not in (uit[0].ppr or {})


def test_een_kop_stopt_de_keten():
    uit = [alinea("Hoofdstuk 1", "Kop1"), alinea("Eén zin."), alinea("Hoofdstuk 2", "Kop1"), alinea("Nog een.")]
    houd_staarten_vast(uit, lambda s: s == "Kop1", 0, "Kop1")
    assert all(not p.ppr for p in uit)
