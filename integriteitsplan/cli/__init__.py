"""De opdrachtregel: een dunne laag over de bibliotheek.

Elke verwachte fout is een ``IntegriteitsplanFout``; die wordt hier als Nederlandse
tekst getoond, met exitcode 2 (ongeldige invoer of gebruik). Exitcode 1 betekent: gedaan,
maar met bevindingen (een basisnorm die niet gehaald wordt, een waarschuwing).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from integriteitsplan import __version__, laden, opmaak
from integriteitsplan.cli import click_nl
from integriteitsplan.cli.opties import AantalProcessen, Groep, Jaartal, formaat_optie, gemeenten_optie
from integriteitsplan.cli.weergave import documenten_van, toetstabel, toon_privacybereik
from integriteitsplan.domein import paden
from integriteitsplan.fouten import EXIT_BEVINDINGEN
from integriteitsplan.genereren import generate

click_nl.installeer()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
















@click.group(cls=Groep, context_settings=CONTEXT)
@click.version_option(__version__, "--versie", prog_name="integriteitsplan")
def hoofd():
    """Schrijft het Beleidsplan, het Jaarplan en het Jaarverslag Integriteit van een gemeente
    als Word en Markdown, en op verzoek als PDF en webpagina (HTML).

    \b
    Voorbeelden:
      integriteitsplan genereer voorbeeld
      integriteitsplan controleer voorbeeld
      integriteitsplan lijst
      integriteitsplan nieuw mijngemeente --naar-voorbeeld-van voorbeeld
    """


@hoofd.command(context_settings=CONTEXT)
@click.argument("gemeente", nargs=-1)
@click.option("--regio", metavar="REGIO", help="Maak de documenten van alle leden van deze regio.")
@click.option("--document", type=click.Choice(["beleidsplan", "jaarplan", "jaarverslag", "alle"]),
              default="beleidsplan", show_default=True,
              help="Welk document; 'alle' maakt het plan en alle jaarplannen en jaarverslagen. Met --regio "
                   "en 'alle' of 'jaarverslag' komt ook het regionale jaarverslag mee (als de regio er een heeft).")
@click.option("--jaar", type=Jaartal(), metavar="JAAR",
              help="Het jaar van het jaarplan of jaarverslag (standaard het laatste jaar met gegevens).")
@formaat_optie
@click.option("--uitvoer", type=click.Path(file_okay=False, path_type=Path), default=Path("uitvoer"),
              show_default=True, metavar="MAP", help="Map waarin <gemeente>/ met de documenten komt.")
@click.option("--stil", is_flag=True, help="Toon alleen fouten.")
@click.option("--processen", type=AantalProcessen(), metavar="N",
              help="Met --regio of meer gemeenten: hoeveel gemeenten naast elkaar (standaard: alle "
                   "processorkernen; 1 = na elkaar, zonder extra processen).")
@gemeenten_optie
def genereer(gemeente, regio, document, jaar, formaat, uitvoer, stil, processen, gemeenten):
    """Maak de documenten van GEMEENTE (of van meer gemeenten tegelijk).

    \b
    Het profiel wordt eerst gecontroleerd; bij een fout wordt niets geschreven.
    De bestanden komen in <uitvoer>/<gemeente>/<document>-<periode>.<ext>.
    Een document dat u na de vorige keer met de hand hebt aangepast, wordt eerst
    bewaard als <naam>.bewerkt-1.docx.

    \b
    Voorbeelden:
      integriteitsplan genereer voorbeeld
      integriteitsplan genereer voorbeeld --document jaarplan --jaar 2027
      integriteitsplan genereer voorbeeld --document alle --formaat docx --uitvoer ~/Documenten
      integriteitsplan genereer --regio leidse-regio --document jaarplan --jaar 2026
      integriteitsplan genereer leiden oegstgeest

    \b
    Met --regio of meer namen worden de gemeenten naast elkaar gemaakt. Gaat er één
    mis, dan gaan de andere door; de exitcode is dan 1.
    """
    with paden.genoemd(gemeente):
        _genereer(gemeente, regio, document, jaar, formaat, uitvoer, stil, processen, gemeenten)


def _genereer(gemeente, regio, document, jaar, formaat, uitvoer, stil, processen, gemeenten):
    if jaar is not None and document == "beleidsplan":
        raise click.UsageError("--jaar hoort bij een jaarplan of jaarverslag; het beleidsplan geldt voor zijn "
                               "hele looptijd. Laat --jaar weg, of kies --document jaarplan of --document "
                               "jaarverslag.")
    formaten = formaat
    opties = dict(document=document, jaar=jaar, formaten=formaten, uitvoer=uitvoer, profielmappen=gemeenten)
    if regio or len(gemeente) > 1:
        _genereer_meerdere(gemeente, regio, opties, stil, processen)
        return
    if not gemeente:
        raise click.UsageError("Noem een gemeente, bijvoorbeeld: integriteitsplan genereer voorbeeld")
    gemeente = gemeente[0]
    verslag = generate(gemeente, **opties)
    if stil:
        return
    for bestand in verslag.bestanden:
        tekst = {"nieuw": "geschreven", "bijgewerkt": "bijgewerkt", "ongewijzigd": "ongewijzigd"}[bestand.status]
        click.echo(f"{tekst}: {bestand.pad}")
        if bestand.bewaard:
            click.echo(f"  Let op: {bestand.pad.name} was na de vorige keer aangepast. Die versie is "
                       f"bewaard als {bestand.bewaard.name}.")
    if verslag.waarschuwingen:
        aantal = opmaak.aantal(len(verslag.waarschuwingen), "waarschuwing", "waarschuwingen")
        click.echo(f"{opmaak.hoofdletter(aantal)}; zie: integriteitsplan controleer {gemeente}")


EXIT_AFGEBROKEN = 130  # zoals de shell na Ctrl-C


def _genereer_meerdere(namen, regio, opties, stil, processen=None):
    from integriteitsplan.batch import Afgebroken, genereer_meerdere, namen_voor_regio

    namen = list(namen)
    if regio:
        namen += namen_voor_regio(regio, opties["document"], laden.zoekmappen(opties["profielmappen"]))
    try:
        with click.progressbar(length=len(namen), label="Genereren", show_pos=True, hidden=stil) as balk:
            uitkomsten = genereer_meerdere(namen, processen=processen, bij_klaar=lambda _u: balk.update(1),
                                           **opties)
    except Afgebroken as afbraak:
        klaar = [u.gemeente for u in afbraak.klaar]
        click.echo(f"\nAfgebroken (Ctrl-C). Klaar: {len(klaar)} van de {len(klaar) + len(afbraak.open)} "
                   f"gemeenten: {', '.join(klaar) or 'geen'}.", err=True)
        if afbraak.open:
            click.echo(f"Niet (helemaal) gemaakt: {', '.join(afbraak.open)}.", err=True)
        click.get_current_context().exit(EXIT_AFGEBROKEN)
    mislukt = [u for u in uitkomsten if not u.gelukt]
    if not stil or mislukt:
        click.echo("")
        breedte = max(len(u.gemeente) for u in uitkomsten)
        click.echo(f"{'Gemeente'.ljust(breedte)}  {'Document'.ljust(12)}  {'Resultaat'.ljust(9)}  Bestand")
        for u in uitkomsten:
            if u.gelukt:
                for pad in u.bestanden or [None]:
                    soort = u.soorten.get(pad, opties["document"])
                    click.echo(f"{u.gemeente.ljust(breedte)}  {soort.ljust(12)}  {'gelukt'.ljust(9)}  {pad or '–'}")
            else:
                click.echo(f"{u.gemeente.ljust(breedte)}  {opties['document'].ljust(12)}  {'MISLUKT'.ljust(9)}  –")
        for u in mislukt:
            click.echo(f"\n{u.gemeente}: {u.melding}", err=True)
    if mislukt:
        click.echo(f"\n{len(mislukt)} van de {len(uitkomsten)} gemeenten mislukt.", err=True)
        click.get_current_context().exit(EXIT_BEVINDINGEN)


@hoofd.command(context_settings=CONTEXT)
@click.argument("gemeente")
@gemeenten_optie
def controleer(gemeente, gemeenten):
    """Controleer het profiel van GEMEENTE en toon de basisnormentoets.

    \b
    Exitcode 0: alles in orde. 1: geldig, maar met bevindingen (een basisnorm die niet
    (helemaal) gehaald wordt, een te oude evaluatie, een waarschuwing). 2: fouten.

    \b
    Voorbeeld:
      integriteitsplan controleer voorbeeld
    """
    from integriteitsplan.controle import controleer as controleer_profiel

    verslag = controleer_profiel(gemeente, profielmappen=gemeenten)
    profiel = verslag.profiel
    click.echo(f"Profiel {gemeente}: {profiel.vindplaats.bestand} ({profiel.vindplaats.herkomst})")
    if profiel.basis:
        click.echo(f"Bouwt voort op: {' → '.join(v.naam for v in profiel.keten[1:])}")
    click.echo("Geen fouten gevonden.")
    if verslag.jaren.jaren:
        click.echo(f"Jaargegevens: {', '.join(str(j) for j in sorted(verslag.jaren.jaren))}")
    if verslag.bevindingen:
        click.echo(f"\nWaarschuwingen ({len(verslag.bevindingen)}):")
        for melding in verslag.bevindingen:
            click.echo(f"  {melding}")
    toon_privacybereik(verslag.privacybereik)
    click.echo("\nBIOS-dekking:")
    for deel in verslag.dekking:
        teken = "✓" if deel["gedekt"] else "✗"
        waar = ", ".join(deel["hoofdstukken"]) if deel["gedekt"] else "ontbreekt"
        click.echo(f"  {teken} {deel['titel']}: {waar}")
    peiljaar = f" (peiljaar {verslag.peiljaar})" if verslag.peiljaar else ""
    click.echo(f"\nBasisnormentoets{peiljaar}:")
    click.echo(toetstabel(verslag.toets))
    telling = verslag.toets_telling
    click.echo(f"\nVoldaan: {telling['voldaan']} · deels: {telling['deels']} · "
               f"niet voldaan: {telling['niet voldaan']} · onbekend: {telling['onbekend']} · "
               f"evaluatie te oud: {telling['verouderd']}")
    click.get_current_context().exit(verslag.exitcode)






@hoofd.command(context_settings=CONTEXT)
@gemeenten_optie
def lijst(gemeenten):
    """Toon de bekende gemeenten, waar elk profiel vandaan komt en zijn documenten.

    \b
    Profielen worden gezocht in elke --gemeenten MAP, dan ./gemeenten, dan de
    meegeleverde profielen; de eerste vondst telt.
    """

    mappen = laden.zoekmappen(gemeenten)
    click.echo("Zoekvolgorde:")
    for i, zoekmap in enumerate(mappen, 1):
        click.echo(f"  {i}. {zoekmap.pad} ({zoekmap.herkomst})")
    click.echo("")
    rijen = []
    for naam, vindplaats in sorted(laden.alle_profielen(mappen).items()):
        rijen.append((naam, vindplaats.herkomst, documenten_van(vindplaats)))
    breedte = max([len(r[0]) for r in rijen] + [8])
    bron_breedte = max([len(r[1]) for r in rijen] + [4])
    click.echo(f"{'Gemeente'.ljust(breedte)}  {'Bron'.ljust(bron_breedte)}  Documenten")
    for naam, bron, docs in rijen:
        click.echo(f"{naam.ljust(breedte)}  {bron.ljust(bron_breedte)}  {docs}")




@hoofd.command(context_settings=CONTEXT)
@click.argument("naam")
@click.option("--naar-voorbeeld-van", "voorbeeld", metavar="GEMEENTE",
              help="Begin met een kopie van dit bestaande profiel in plaats van een leeg skelet.")
@gemeenten_optie
def nieuw(naam, voorbeeld, gemeenten):
    """Begin een nieuw profiel NAAM in ./gemeenten/NAAM (of de eerste --gemeenten MAP).

    \b
    Zonder --naar-voorbeeld-van krijgt u een skelet met uitleg in het Nederlands dat
    meteen te controleren en te genereren is. Een bestaand profiel wordt nooit
    overschreven.

    \b
    Voorbeelden:
      integriteitsplan nieuw mijngemeente
      integriteitsplan nieuw mijngemeente --naar-voorbeeld-van voorbeeld
    """
    from integriteitsplan.nieuw import maak_profiel

    doel = maak_profiel(naam, gemeenten, voorbeeld)
    click.echo(f"Nieuw profiel: {doel / laden.PROFIELBESTAND}")
    click.echo(f"Vul het aan en controleer het met: integriteitsplan controleer {naam}")


@hoofd.command(context_settings=CONTEXT)
@click.argument("regio")
@formaat_optie
@click.option("--uitvoer", type=click.Path(file_okay=False, path_type=Path), default=Path("uitvoer"),
              show_default=True, metavar="MAP", help="Map waarin <regio>/ met het rapport komt.")
@gemeenten_optie
def verschillen(regio, formaat, uitvoer, gemeenten):
    """Toon en schrijf waar elk lid van REGIO afwijkt van de regionale basis.

    \b
    Per gemeente: wat zij aanpast, toevoegt of weghaalt, per deel van het plan, met de
    basistekst en de lokale tekst naast elkaar; en een matrix van de instrumenten per
    gemeente. Het rapport komt in <uitvoer>/<regio>/verschillen-<regio>.docx en .md.

    \b
    Voorbeeld:
      integriteitsplan verschillen leidse-regio
    """
    from integriteitsplan.genereren import verschillen as maak_verschillen

    formaten = formaat
    rapport, geschreven = maak_verschillen(regio, formaten=formaten, uitvoer=uitvoer, profielmappen=gemeenten)
    click.echo(f"Verschillen binnen {rapport.regionaam} ({len(rapport.leden)} gemeenten)\n")
    breedte = max([len(lid.gemeente) for lid in rapport.leden] + [8])
    click.echo(f"  {'Gemeente'.ljust(breedte)}  Aangepast  Toegevoegd  Weggehaald")
    for lid in rapport.leden:
        t = lid.telling()
        click.echo(f"  {lid.gemeente.ljust(breedte)}  {str(t['aangepast']).rjust(9)}  "
                   f"{str(t['toegevoegd']).rjust(10)}  {str(t['verwijderd']).rjust(10)}")
    if rapport.matrix:
        naambreedte = min(max(len(naam) for naam, _ in rapport.matrix), 48)
        kolommen = [max(len(k), 16) for k in rapport.matrix_kolommen]
        click.echo("\nInstrumenten:")
        click.echo("  " + "Instrument".ljust(naambreedte) + "  " +
                   "  ".join(k.ljust(b) for k, b in zip(rapport.matrix_kolommen, kolommen)).rstrip())
        import textwrap

        for naam, cellen in rapport.matrix:
            # een lange naam loopt door op de volgende regels, zodat gelijk beginnende namen te onderscheiden zijn
            regels = textwrap.wrap(naam, naambreedte, break_long_words=True) or [""]
            click.echo("  " + regels[0].ljust(naambreedte) + "  " +
                       "  ".join(c.ljust(b) for c, b in zip(cellen, kolommen)).rstrip())
            for vervolg in regels[1:]:
                click.echo("    " + vervolg)
    click.echo("")
    for bestand in geschreven:
        click.echo(f"geschreven: {bestand.pad}")


@hoofd.command("nieuw-jaar", context_settings=CONTEXT)
@click.argument("gemeente")
@click.argument("jaar", type=Jaartal())
@click.option("--jaarverslag", is_flag=True,
              help="Begin het jaarverslag over JAAR (jaren/JAAR/jaarverslag.yaml) in plaats van het jaarplan.")
@gemeenten_optie
def nieuw_jaar(gemeente, jaar, jaarverslag, gemeenten):
    """Begin het jaarplan JAAR van GEMEENTE (jaren/JAAR/jaarplan.yaml).

    \b
    Het skelet bevat een activiteit per maatregel die het meerjarenplan in JAAR plant,
    en als uitleg wat er uit het jaarverslag van vorig jaar doorschuift en welke
    aanbevelingen opvolging vragen.

    \b
    Met --jaarverslag: het jaarverslag over JAAR, met elke activiteit uit het jaarplan
    van JAAR (resultaat en toelichting om in te vullen) en de meldingen als register of
    als aantallen per categorie. Een bestaand bestand wordt nooit overschreven.

    \b
    Voorbeelden:
      integriteitsplan nieuw-jaar mijngemeente 2028
      integriteitsplan nieuw-jaar mijngemeente 2027 --jaarverslag
    """
    from integriteitsplan.nieuw import maak_jaar

    doel = maak_jaar(gemeente, jaar, gemeenten, jaarverslag=jaarverslag)
    click.echo(f"Nieuw {'jaarverslag' if jaarverslag else 'jaarplan'}: {doel}")
    click.echo(f"Vul het aan en controleer het met: integriteitsplan controleer {gemeente}")


@hoofd.command(context_settings=CONTEXT)
@click.argument("soort", type=click.Choice(["profiel", "jaarplan", "jaarverslag", "kerncijfers"]),
                default="profiel", required=False, metavar="[SOORT]")
@click.option("--uitvoer", type=click.Path(dir_okay=False, path_type=Path), metavar="BESTAND",
              help="Schrijf het schema naar dit bestand in plaats van naar het scherm.")
def schema(soort, uitvoer):
    """Toon het JSON Schema van een invoerbestand, voor een editor zoals VS Code.

    \b
    SOORT is profiel (standaard), jaarplan, jaarverslag of kerncijfers:
      profiel      gemeenten/<naam>/profiel.yaml
      jaarplan     gemeenten/<naam>/jaren/<jaar>/jaarplan.yaml
      jaarverslag  gemeenten/<naam>/jaren/<jaar>/jaarverslag.yaml
      kerncijfers  gemeenten/<naam>/jaren/kerncijfers.yaml

    \b
    Voorbeelden:
      integriteitsplan schema --uitvoer profiel.schema.json
      integriteitsplan schema jaarverslag --uitvoer jaarverslag.schema.json
    """
    from integriteitsplan.controleren.schema import gepubliceerd
    from integriteitsplan.schrijven.bestanden import schrijf_atomair, vertaal_oserror

    tekst = json.dumps(gepubliceerd(soort), indent=2, ensure_ascii=False) + "\n"
    if uitvoer:
        try:
            schrijf_atomair(uitvoer, tekst.encode("utf-8"))
        except OSError as fout:
            raise vertaal_oserror(fout) from None
        click.echo(f"Schema geschreven naar {uitvoer}")
    else:
        click.echo(tekst, nl=False)


def _console_robuust() -> None:
    """Zorg dat '€' en 'é' nooit een fout geven, ook niet in een oude Windows-console."""
    for stroom in (sys.stdout, sys.stderr):
        try:
            stroom.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


EXIT_ONVERWACHT = 3


def main(argv: list[str] | None = None) -> None:
    """Het startpunt van de opdracht. Een fout die het programma niet verwacht (een fout in
    het programma zelf) wordt als korte Nederlandse melding getoond met exitcode 3; met
    INTEGRITEITSPLAN_DEBUG=1 volgt de volledige Python-melding."""

    _console_robuust()
    try:
        hoofd.main(args=argv, prog_name="integriteitsplan")
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception as fout:  # noqa: BLE001 - vangnet: nooit een traceback voor een gebruiker
        if os.environ.get("INTEGRITEITSPLAN_DEBUG"):
            raise
        click.echo(f"Er ging iets mis in integriteitsplan zelf ({type(fout).__name__}: {fout}).\n"
                   "Dit is een fout in het programma, niet in uw invoer. Meld het bij de beheerders, met de "
                   "opdracht die u gaf; met INTEGRITEITSPLAN_DEBUG=1 ziet u de technische details.", err=True)
        sys.exit(EXIT_ONVERWACHT)
