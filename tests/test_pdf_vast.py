"""De PDF is byte voor byte vast: twee runs geven dezelfde bytes, ook als het document in een
batch na andere documenten wordt omgezet; de datums zijn die van het document en de PDF blijft
getagd, met bladwijzers en een kloppende xref-tabel."""
from __future__ import annotations

import re
import pytest

from integriteitsplan import generate
from integriteitsplan.schrijven import pdf_vast

pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    from test_pdf import vereist_libreoffice

    vereist_libreoffice()
    eerste = tmp_path_factory.mktemp("vast1")
    tweede = tmp_path_factory.mktemp("vast2")
    a = generate("voorbeeld", document="jaarverslag", jaar=2026, formaten=["pdf"], uitvoer=eerste,
                 profielmappen=[])
    # tweede keer in dezelfde map: de pdf is "ongewijzigd"
    nog_eens = generate("voorbeeld", document="jaarverslag", jaar=2026, formaten=["pdf"], uitvoer=eerste,
                        profielmappen=[])
    # in een batch, na het plan: LibreOffice heeft dan al eigen namen uitgedeeld
    b = generate("voorbeeld", document="alle", formaten=["pdf"], uitvoer=tweede, profielmappen=[])
    return a, nog_eens, b


def _pdf(verslag, deel: str):
    return next(g for g in verslag.bestanden if deel in g.pad.name and g.pad.suffix == ".pdf")


def test_twee_runs_zelfde_bytes(runs):
    a, nog_eens, b = runs
    pad = _pdf(a, "jaarverslag-integriteit-2026").pad
    assert _pdf(nog_eens, "jaarverslag-integriteit-2026").status == "ongewijzigd"
    assert pad.read_bytes() == _pdf(b, "jaarverslag-integriteit-2026").pad.read_bytes()


def test_datums_en_opbouw(runs):
    a, _, _ = runs
    data = _pdf(a, "jaarverslag").pad.read_bytes()
    lezer = pypdf.PdfReader(_pdf(a, "jaarverslag").pad, strict=True)
    datum = lezer.metadata.creation_date
    assert (datum.hour, datum.minute, datum.second) == (0, 0, 0)  # de datum van het document, geen tijdstip
    assert lezer.xmp_metadata.xmp_create_date.replace(tzinfo=None) == datum.replace(tzinfo=None)
    assert b"/MarkInfo" in data and b"/StructTreeRoot" in data and lezer.outline
    # elke plek in de xref-tabel wijst naar het begin van het object
    xref = int(re.search(rb"startxref\s+(\d+)", data).group(1))
    assert data[xref:xref + 4] == b"xref"
    nummer = 0
    for regel in data[xref:data.index(b"trailer", xref)].split(b"\n")[1:]:
        velden = regel.split()
        if len(velden) == 2:
            nummer = int(velden[0])
        elif len(velden) == 3:
            if velden[2] == b"n":
                assert data[int(velden[0]):].startswith(b"%d %d obj" % (nummer, int(velden[1])))
            nummer += 1
    # geen tijdstip van de export en geen sessiegetal van LibreOffice meer
    assert not re.search(rb"RefHeading\w*?5F\d{4,}[\[\s/]", data)


def test_onbekende_opbouw_blijft_zoals_hij_is():
    vreemd = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
    assert pdf_vast.maak_vast(vreemd, None) == vreemd
    assert pdf_vast.docx_datum(b"geen zip") is None
