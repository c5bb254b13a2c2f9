"""Ongeldige invoer zoals een gebruiker die schrijft: per soort fout één map.

``tests/data/ongeldig/<soort>/gemeenten/toetsdorp/profiel.yaml`` is een klein profiel met
precies één soort fout (behalve bij ``meerdere-fouten*``), of met de fout in een van zijn
jaarbestanden (``jaren/``; ``genereer`` maakt dan ``--document alle``); ``verwacht.txt`` ernaast is de
volledige uitvoer die de gebruiker dan ziet. Twee plaatshouders in ``verwacht.txt``:

- ``{gemeenten}``: de map die met ``--gemeenten`` is meegegeven (een kopie in tmp_path);
- ``{bekende_profielen}``: alle profielnamen die het programma kan vinden (de kopie en de
  meegeleverde profielen), gesorteerd en met ', ' ertussen.

Voor elke soort draaien ``controleer`` en ``genereer``: exitcode 2, precies de verwachte
tekst, geen traceback en niets geschreven. ``_geldig/`` bevat de geldige profielen waar de
soorten van afgeleid zijn; die moeten geldig blijven, anders test een soort iets anders.

Waar het programma nu iets verkeerds zegt, staat in ``verwacht.txt`` wat het hoort te
zeggen en is de soort hieronder in ``FOUT_IN_PROGRAMMA`` gemarkeerd als xfail (strict).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from integriteitsplan.laden import PROFIELBESTAND, meegeleverde_map

ONGELDIG = Path(__file__).parent / "data" / "ongeldig"
GELDIG = ONGELDIG / "_geldig"
PROFIEL = "toetsdorp"
SOORTEN = sorted(p.name for p in ONGELDIG.iterdir() if p.is_dir() and not p.name.startswith("_"))

# Soorten waar het programma nu iets verkeerds doet; verwacht.txt zegt wat het hoort te doen.
FOUT_IN_PROGRAMMA: dict[str, str] = {}

MELDINGSREGEL = re.compile(
    r"^  (?P<bestand>[a-z0-9_-]+/(?:profiel|jaren/\d{4}/jaarplan|jaren/\d{4}/jaarverslag|jaren/kerncijfers)\.yaml):(?P<regel>\d+)(?::(?P<kolom>\d+))?"
    r"(?: (?P<pad>[a-z_]+(?:\[\d+\])*(?:\.[a-z_]+(?:\[\d+\])*)*))?: (?P<tekst>\S.*)$"
)


def soorten_met_markering():
    for soort in SOORTEN:
        marks = ()
        if soort in FOUT_IN_PROGRAMMA:
            marks = pytest.mark.xfail(reason=FOUT_IN_PROGRAMMA[soort], strict=True)
        yield pytest.param(soort, marks=marks, id=soort)


def kopie(bron: Path, tmp_path: Path) -> Path:
    """Kopieer de profielen naar tmp_path (nooit naar ./gemeenten, de werkmap van ``cli``)."""
    doel = tmp_path / "invoer" / "gemeenten"
    shutil.copytree(bron / "gemeenten", doel)
    return doel


def inhoud(map_: Path) -> dict[str, bytes]:
    return {str(p.relative_to(map_)): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def profielnamen(map_: Path) -> set[str]:
    return {p.name for p in map_.iterdir() if (p / PROFIELBESTAND).is_file()}


def verwacht(soort: str, gemeenten: Path) -> str:
    tekst = (ONGELDIG / soort / "verwacht.txt").read_text(encoding="utf-8")
    bekend = sorted(profielnamen(gemeenten) | profielnamen(meegeleverde_map()))
    return tekst.replace("{gemeenten}", str(gemeenten)).replace("{bekende_profielen}", ", ".join(bekend))


def zonder_traceback(uit) -> None:
    assert "Traceback" not in uit.output, uit.output
    if uit.exception is not None and not isinstance(uit.exception, SystemExit):
        import traceback

        pytest.fail("onverwachte Python-fout:\n" + "".join(traceback.format_exception(*uit.exc_info)))


@pytest.mark.parametrize("soort", soorten_met_markering())
def test_controleer_meldt_de_fout(cli, tmp_path, soort):
    gemeenten = kopie(ONGELDIG / soort, tmp_path)
    voor = inhoud(tmp_path)
    uit = cli("controleer", PROFIEL, "--gemeenten", gemeenten)
    zonder_traceback(uit)
    # controleer schrijft nooit iets; de slotregel zegt daarom alleen wat de gebruiker doet
    assert uit.output == verwacht(soort, gemeenten).replace(
        "Er is niets geschreven. Herstel de fouten en probeer het opnieuw.",
        "Herstel de fouten en controleer opnieuw.")
    assert uit.stdout == "", "een fout hoort op stderr"
    assert uit.exit_code == 2
    assert inhoud(tmp_path) == voor, "controleer heeft iets geschreven of veranderd"


@pytest.mark.parametrize("soort", soorten_met_markering())
def test_genereer_meldt_de_fout_en_schrijft_niets(cli, tmp_path, soort):
    gemeenten = kopie(ONGELDIG / soort, tmp_path)
    voor = inhoud(tmp_path)
    uitvoer = tmp_path / "uit"
    # een fout in de jaargegevens houdt alle documenten tegen die ze gebruiken
    document = ["--document", "alle"] if (gemeenten / PROFIEL / "jaren").is_dir() else []
    uit = cli("genereer", PROFIEL, "--gemeenten", gemeenten, "--uitvoer", uitvoer, *document)
    zonder_traceback(uit)
    assert uit.output == verwacht(soort, gemeenten)
    assert uit.stdout == "", "een fout hoort op stderr"
    assert uit.exit_code == 2
    assert not uitvoer.exists() or not any(uitvoer.iterdir())
    assert inhoud(tmp_path) == voor, "genereer heeft iets geschreven of veranderd"


@pytest.mark.parametrize("soort", SOORTEN)
def test_corpus_is_compleet_en_verwijst_naar_echte_regels(soort):
    """Elke soort heeft het profiel toetsdorp en een verwacht.txt met een kop, meldingen in de
    vorm 'bestand:regel[:kolom] [pad]: tekst' die naar een bestaande regel wijzen, en de slotregel."""
    map_ = ONGELDIG / soort
    assert (map_ / "gemeenten" / PROFIEL / PROFIELBESTAND).is_file()
    regels = (map_ / "verwacht.txt").read_text(encoding="utf-8").splitlines()
    assert regels[0].endswith(":") and not regels[0].startswith(" ")
    assert regels[-1] == "Er is niets geschreven. Herstel de fouten en probeer het opnieuw."
    meldingen = regels[1:-1]
    assert meldingen
    for regel in meldingen:
        m = MELDINGSREGEL.match(regel)
        assert m, f"geen melding in de vorm 'bestand:regel pad: tekst': {regel!r}"
        bestand = map_ / "gemeenten" / m["bestand"]
        aantal = len(bestand.read_bytes().splitlines())
        assert 1 <= int(m["regel"]) <= max(aantal, 1), f"regel {m['regel']} bestaat niet in {bestand}"
        if regels[0] != "Het bestand is niet te lezen:":  # alleen dan mag het pad ontbreken
            assert m["kolom"] or m["pad"], f"geen kolom en geen sleutelpad: {regel!r}"
    met_regel = [(m["bestand"], int(m["regel"])) for m in map(MELDINGSREGEL.match, meldingen)]
    if len({b for b, _ in met_regel}) == 1:
        assert met_regel == sorted(met_regel), "meldingen horen in de volgorde van het bestand"


@pytest.mark.parametrize("naam", ["toetsdorp", "regio", "lid"])
def test_geldige_basis_is_geldig(cli, tmp_path, naam):
    """De profielen waar de soorten van afgeleid zijn, zijn zelf geldig (exitcode 0 of 1)."""
    gemeenten = kopie(GELDIG, tmp_path)
    uit = cli("controleer", naam, "--gemeenten", gemeenten)
    zonder_traceback(uit)
    assert uit.exit_code in (0, 1), uit.output
    assert "Geen fouten gevonden." in uit.output


def test_geldige_basis_wordt_gegenereerd(cli, tmp_path):
    gemeenten = kopie(GELDIG, tmp_path)
    uit = cli("genereer", PROFIEL, "--gemeenten", gemeenten, "--uitvoer", tmp_path / "uit", "--formaat", "md")
    zonder_traceback(uit)
    assert uit.exit_code == 0, uit.output
    assert (tmp_path / "uit" / PROFIEL / "beleidsplan-integriteit-2026-2029.md").is_file()


# ---------------------------------------------------------------- gebruiksfouten van de opdracht


def gebruik(opdracht: str, fout: str) -> str:
    kop = {
        "controleer": "Gebruik: integriteitsplan controleer [OPTIES] GEMEENTE",
        "genereer": "Gebruik: integriteitsplan genereer [OPTIES] [GEMEENTE]...",
        "": "Gebruik: integriteitsplan [OPTIES] OPDRACHT [ARGUMENTEN]...",
    }[opdracht]
    hulp = f"integriteitsplan {opdracht} --help".replace("  ", " ")
    return f"{kop}\nTyp '{hulp}' voor hulp.\n\nFout: {fout}\n"


@pytest.mark.parametrize(
    ("args", "tekst"),
    [
        pytest.param(["controleer", "toetsdorp", "--onbekend"],
                     gebruik("controleer", "Onbekende optie '--onbekend'."), id="onbekende-optie"),
        pytest.param(["controleer"], gebruik("controleer", "Ontbrekend argument 'GEMEENTE'."),
                     id="ontbrekend-argument"),
        pytest.param(["genereer", "toetsdorp", "--formaat", "odt"],
                     gebruik("genereer", "Ongeldige waarde voor '--formaat': 'odt' is geen formaat; kies "
                                         "uit docx, md, pdf, html, alle of beide."), id="verkeerd-formaat"),
        pytest.param(["genereer"], gebruik("genereer", "Noem een gemeente, bijvoorbeeld: "
                                                       "integriteitsplan genereer voorbeeld"),
                     id="genereer-zonder-gemeente"),
        pytest.param(["controlleer", "toetsdorp"],
                     gebruik("", "Onbekende opdracht 'controlleer'. Bedoelde u 'controleer'?"),
                     id="typfout-in-opdracht"),
        pytest.param(["genereer", "toetsdorp", "--jaar", "twee"],
                     gebruik("genereer", "Ongeldige waarde voor '--jaar': 'twee' is geen jaartal; schrijf "
                                         "bijvoorbeeld 2027."),
                     id="jaar-geen-getal"),
        pytest.param(["genereer", "toetsdorp", "--jaar", "2026"],
                     gebruik("genereer", "--jaar hoort bij een jaarplan of jaarverslag; het beleidsplan geldt "
                                         "voor zijn hele looptijd. Laat --jaar weg, of kies --document jaarplan "
                                         "of --document jaarverslag."),
                     id="jaar-bij-beleidsplan"),
    ],
)
def test_gebruiksfout(cli, tmp_path, args, tekst):
    uit = cli(*args)
    zonder_traceback(uit)
    assert uit.output == tekst
    assert uit.exit_code == 2
    assert not (tmp_path / "uitvoer").exists()


def test_onbekende_gemeente(cli, tmp_path):
    gemeenten = kopie(GELDIG, tmp_path)
    uit = cli("controleer", "toetsdrop", "--gemeenten", gemeenten)
    zonder_traceback(uit)
    assert uit.exit_code == 2
    regels = uit.output.splitlines()
    assert regels[0] == "Gemeente 'toetsdrop' is niet gevonden. Bedoelde u 'toetsdorp'?"
    assert regels[-1] == "Maak een nieuw profiel met: integriteitsplan nieuw toetsdrop"
