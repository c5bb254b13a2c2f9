"""De bouwstenen van de opdrachtregel: opties die meer opdrachten delen, invoertypen met
Nederlandse meldingen (jaartal, aantal processen, formaten) en de groep die fouten als
Nederlandse melding en exitcode toont."""
from __future__ import annotations

from pathlib import Path

import click

from integriteitsplan.domein.grenzen import EERSTE_JAAR, LAATSTE_JAAR
from integriteitsplan.fouten import IntegriteitsplanFout, InvoerFout
from integriteitsplan.genereren import ALLE_FORMATEN, FORMATEN


def _lees_formaten(_ctx, _param, waarden) -> tuple[str, ...]:
    """``--formaat docx --formaat pdf`` of ``--formaat docx,pdf``; ``alle`` zijn ze alle vier,
    ``beide`` (de standaard) is docx en md."""
    uit: list[str] = []
    for waarde in waarden or ("beide",):
        for deel in waarde.replace(",", " ").split():
            if deel == "alle":
                uit += ALLE_FORMATEN
            elif deel == "beide":
                uit += FORMATEN
            elif deel in ALLE_FORMATEN:
                uit.append(deel)
            else:
                raise click.BadParameter(f"'{deel}' is geen formaat; kies uit {', '.join(ALLE_FORMATEN)}, "
                                         "alle of beide.")
    return tuple(dict.fromkeys(uit))


def formaat_optie(functie):
    return click.option(
        "--formaat", multiple=True, callback=_lees_formaten, metavar="FORMAAT",
        help="Welke bestanden: docx, md, pdf, html, 'alle' (de vier) of 'beide' (docx en md, de "
             "standaard). Meer tegelijk: --formaat docx,pdf of de optie vaker.")(functie)


def gemeenten_optie(functie):
    return click.option(
        "--gemeenten", "gemeenten", multiple=True, type=click.Path(file_okay=False, path_type=Path),
        metavar="MAP",
        help="Zoek profielen eerst in deze map (mag vaker). Daarna in ./gemeenten en in de "
             "meegeleverde profielen.",
    )(functie)


class Opdracht(click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class Groep(click.Group):
    """Toont elke verwachte fout als Nederlandse tekst met de juiste exitcode."""

    command_class = Opdracht

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except IntegriteitsplanFout as fout:
            tekst = str(fout)
            if isinstance(fout, InvoerFout) and ctx.invoked_subcommand == "controleer":
                tekst = tekst.replace(fout.slot, "Herstel de fouten en controleer opnieuw.")
            click.echo(tekst, err=True)
            ctx.exit(fout.exitcode)


class Jaartal(click.ParamType):
    """Een jaartal tussen EERSTE_JAAR en LAATSTE_JAAR, met een Nederlandse melding."""

    name = "jaartal"

    def convert(self, waarde, param, ctx):
        try:
            jaar = int(waarde)
        except (TypeError, ValueError):
            self.fail(f"'{waarde}' is geen jaartal; schrijf bijvoorbeeld 2027.", param, ctx)
        if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
            self.fail(f"{jaar} is geen geldig jaar; kies een jaar tussen {EERSTE_JAAR} en {LAATSTE_JAAR}.", param, ctx)
        return jaar


class AantalProcessen(click.ParamType):
    """Het aantal processen naast elkaar: een geheel getal van 1 of meer."""

    name = "aantal"

    def convert(self, waarde, param, ctx):
        try:
            aantal = int(waarde)
        except (TypeError, ValueError):
            self.fail(f"'{waarde}' is geen geheel getal; schrijf bijvoorbeeld 2.", param, ctx)
        if aantal < 1:
            self.fail(f"kies 1 of meer processen (niet {aantal}).", param, ctx)
        return aantal
