"""Een nieuw profiel beginnen: een skelet met uitleg, of een kopie van een bestaand profiel.

Schrijft in de eerste ``--gemeenten MAP`` of anders ``./gemeenten``; nooit in het
geïnstalleerde pakket en nooit over een bestaand profiel heen.
"""
from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path
from typing import Iterable

from integriteitsplan import laden
from integriteitsplan.domein.grenzen import ID_PATROON
from integriteitsplan.domein.maatregelen import maatregelen_van
from integriteitsplan.fouten import BestaatAl, GebruiksFout, waarschuw
from integriteitsplan.laden.jaren import JAARMAP
from integriteitsplan.renderen.omgeving import omgeving, sjabloonmappen
from integriteitsplan.schrijven.bestanden import schrijf_atomair, vertaal_oserror


def doelmap(profielmappen: Iterable[Path | str] = (), werkmap: Path | None = None) -> Path:
    """Waar nieuwe profielen en jaargegevens komen: de eerste --gemeenten, anders ./gemeenten."""
    profielmappen = list(profielmappen)
    return Path(profielmappen[0]) if profielmappen else (werkmap or Path.cwd()) / "gemeenten"


def maak_profiel(naam: str, profielmappen: Iterable[Path | str] = (), voorbeeld: str | None = None,
                 werkmap: Path | None = None) -> Path:
    if not re.match(ID_PATROON, naam):
        raise GebruiksFout(
            f"'{naam}' is geen geldige profielnaam: gebruik kleine letters, cijfers, - en _, "
            "bijvoorbeeld 'leiden' of 'west-betuwe'.")
    profielmappen = list(profielmappen)
    doel = doelmap(profielmappen, werkmap) / naam
    if doel.exists():
        raise BestaatAl(doel)
    try:
        if voorbeeld:
            bron = laden.vind_profiel(voorbeeld, laden.zoekmappen(profielmappen, werkmap))
            tijdelijk = doel.with_name(f".{naam}.nieuw")
            shutil.rmtree(tijdelijk, ignore_errors=True)
            try:
                overgeslagen = _kopieer_zonder_snelkoppelingen(bron.map, tijdelijk)
                tijdelijk.rename(doel)
            except BaseException:
                shutil.rmtree(tijdelijk, ignore_errors=True)
                raise
            if overgeslagen:
                waarschuw(f"Let op: niet gekopieerd uit {voorbeeld}: {', '.join(overgeslagen[:10])}"
                          f"{' en meer' if len(overgeslagen) > 10 else ''}. Een snelkoppeling of iets anders dan "
                          "een gewoon bestand of een map wordt niet gekopieerd, zodat er niets van buiten de map "
                          "van het profiel mee kan komen.")
            return doel
        gemeentenaam = " ".join(deel.capitalize() for deel in re.split(r"[-_]", naam))
        tekst = omgeving(sjabloonmappen(None)).get_template("nieuw/profiel.yaml.j2").render(
            naam=naam, gemeentenaam=gemeentenaam)
        doel.mkdir(parents=True)
        schrijf_atomair(doel / laden.PROFIELBESTAND, tekst.encode("utf-8"))
    except OSError as fout:
        raise vertaal_oserror(fout) from None
    return doel


def _kopieer_zonder_snelkoppelingen(bron: Path, doel: Path) -> list[str]:
    """Kopieer de map van een profiel zonder snelkoppelingen te volgen: alleen gewone bestanden
    en mappen. Geeft de namen (binnen de map) van wat is overgeslagen."""
    overgeslagen: list[str] = []
    doel.mkdir(parents=True)
    for map_, mappen, bestanden in os.walk(bron, followlinks=False):
        hier = Path(map_)
        naar = doel / hier.relative_to(bron)
        for naam in sorted(mappen):
            pad = hier / naam
            if naam == "__pycache__":
                mappen.remove(naam)
            elif pad.is_symlink():
                mappen.remove(naam)
                overgeslagen.append(str(pad.relative_to(bron)))
            else:
                (naar / naam).mkdir()
        for naam in sorted(bestanden):
            pad = hier / naam
            if naam == "__init__.py":
                continue
            if not stat.S_ISREG(os.lstat(pad).st_mode):
                overgeslagen.append(str(pad.relative_to(bron)))
                continue
            shutil.copy2(pad, naar / naam, follow_symlinks=False)
    return overgeslagen


def maak_jaar(gemeente: str, jaar: int, profielmappen: Iterable[Path | str] = (),
              werkmap: Path | None = None, jaarverslag: bool = False) -> Path:
    """Schrijf ``jaren/<jaar>/jaarplan.yaml`` als begin van het jaarplan: een activiteit
    per maatregel die het meerjarenplan in dat jaar plant, en als uitleg wat er uit het
    jaarverslag van vorig jaar doorschuift en welke aanbevelingen opvolging vragen.
    Met ``jaarverslag`` in plaats daarvan ``jaren/<jaar>/jaarverslag.yaml``: zie
    ``_jaarverslag``."""
    from integriteitsplan.domein import jaarcyclus

    soort = "jaarverslag" if jaarverslag else "jaarplan"
    profiel, jaren = _geldig_eigen_profiel(gemeente, jaar, profielmappen, werkmap, soort)
    if jaarverslag:
        return _jaarverslag(profiel, jaren, jaar)
    doel = profiel.map / JAARMAP / str(jaar) / "jaarplan.yaml"
    maatregelen = maatregelen_van(profiel.data)
    gepland = [m for m in maatregelen.values() if jaar in (m.get("jaren") or [])]
    vorig = jaren.stukken(jaar - 1)
    aanbevelingen = ((vorig.jaarverslag or {}).get("aanbevelingen") or []) if vorig else []
    tekst = omgeving(sjabloonmappen(None)).get_template("nieuw/jaarplan.yaml.j2").render(
        jaar=jaar, gemeente=gemeente, gemeentenaam=profiel.data["metadata"]["gemeente"], gepland=gepland,
        open=[a for a, _ in jaarcyclus.open_van_vorig_jaar(jaren, jaar)],
        aanbevelingen=aanbevelingen, heeft_verslag=bool(vorig and vorig.jaarverslag),
        jaarplan_id=lambda i: f"a{str(jaar)[2:]}-{i:02d}")
    _schrijf(doel, tekst)
    return doel


def _geldig_eigen_profiel(gemeente, jaar, profielmappen, werkmap, soort):
    """Het profiel en zijn jaren, gecontroleerd; een meegeleverd profiel vult u niet aan,
    en een bestaand ``soort``-bestand van ``jaar`` wordt nooit overschreven (ook niet als
    het nog niet af is en de controle er dus over zou vallen)."""
    from integriteitsplan import controleren

    mappen = laden.zoekmappen(profielmappen, werkmap)
    profiel = laden.laad_profiel(gemeente, mappen)
    if profiel.vindplaats.herkomst == "meegeleverd":
        raise GebruiksFout(
            f"Het profiel '{gemeente}' hoort bij het programma zelf en kan daar niet worden aangevuld. "
            f"Maak eerst een eigen kopie:\n  integriteitsplan nieuw mijn-{gemeente} --naar-voorbeeld-van "
            f"{gemeente}\nen maak daarin het nieuwe jaar: integriteitsplan nieuw-jaar mijn-{gemeente} {jaar}")
    doel = profiel.map / JAARMAP / str(jaar) / f"{soort}.yaml"
    if doel.exists():
        raise BestaatAl(doel, f"Het {soort}")
    controleren.zeker_geldig(profiel, mappen)
    jaren = laden.laad_jaren(profiel)
    controleren.zeker_geldige_jaren(profiel, jaren)
    return profiel, jaren


def _jaarverslag(profiel, jaren, jaar: int) -> Path:
    """Schrijf ``jaren/<jaar>/jaarverslag.yaml``: elke activiteit van het jaarplan van dat
    jaar (eigen en doorgeschoven; de gezamenlijke staan in het verslag van de regio) met
    resultaat en toelichting om in te vullen, en de meldingen als register (als dat jaar of
    vorig jaar een register gebruikte) of als aantallen per categorie."""
    from integriteitsplan.controleren.schema.bouwstenen import CIJFERS
    from integriteitsplan.domein import jaarcyclus

    doel = profiel.map / JAARMAP / str(jaar) / "jaarverslag.yaml"
    stukken = jaren.stukken(jaar)
    heeft_jaarplan = bool(stukken and stukken.jaarplan is not None)
    eigen = [a for a in jaarcyclus.activiteiten(jaren, jaar) if a.herkomst != "regionaal"] if heeft_jaarplan else []
    vorig = jaren.stukken(jaar - 1)
    register = (((vorig.jaarverslag if vorig else None) or {}).get("meldingen") or {}).get("register")
    for naam in ("meldingen.csv", "meldingen.xlsx"):
        if (doel.parent / naam).is_file():
            register = naam
    regioregister = any((laag.get("jaarcyclus") or {}).get("meldingenregister") for laag in profiel.lagen[1:])
    tekst = omgeving(sjabloonmappen(None)).get_template("nieuw/jaarverslag.yaml.j2").render(
        jaar=jaar, str_jaar=str(jaar), naam=profiel.naam, gemeentenaam=profiel.data["metadata"]["gemeente"],
        activiteiten=eigen, heeft_jaarplan=heeft_jaarplan, register=register, regioregister=regioregister,
        register_aanwezig=bool(register) and (doel.parent / register).is_file(),
        typologie=jaarcyclus.typologie(profiel.data), cijfers=list(CIJFERS.items()),
        drempel=jaarcyclus.drempel(profiel.data),
        dimensies=[("soort", "per soort schending"), ("afdoening", "per afdoening (welke maatregel)"),
                   ("uitkomst", "per uitkomst van het onderzoek")])
    _schrijf(doel, tekst)
    return doel


def _schrijf(doel: Path, tekst: str) -> None:
    try:
        doel.parent.mkdir(parents=True, exist_ok=True)
        schrijf_atomair(doel, tekst.encode("utf-8"))
    except OSError as fout:
        raise vertaal_oserror(fout) from None
