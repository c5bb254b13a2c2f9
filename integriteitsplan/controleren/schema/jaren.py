"""De JSON Schema's van ``jaarplan.yaml``, ``jaarverslag.yaml`` en ``kerncijfers.yaml``.
"""
from __future__ import annotations

from integriteitsplan.controleren.schema.bouwstenen import (
    BESLUITEN,
    CIJFERS,
    KWARTAAL,
    ONTVANGERS,
    RESULTATEN,
    STATUS_MAATREGEL,
    STATUS_PLAN,
    TEKST_MD,
    datum,
    geheel,
    getal,
    item,
    jaar,
    janee,
    keuze,
    lijst,
    object_,
    register_of_aantallen,
    tekst,
    teksten,
    telling,
)
from integriteitsplan.domein.grenzen import ID_PATROON
from integriteitsplan.domein.jaarcyclus import DIMENSIES

JAARPLAN_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Jaarplan integriteit (jaren/<jaar>/jaarplan.yaml)",
    "type": "object",
    "additionalProperties": False,
    "required": ["jaar"],
    "properties": {
        "jaar": jaar("Het jaar van dit jaarplan."),
        "status": keuze("Concept of vastgesteld.", STATUS_PLAN),
        "voorbeeld": janee("true: dit bestand bevat verzonnen cijfers of teksten. Het document zegt dat "
                           "op het voorblad en in de koptekst en kan niet 'vastgesteld' zijn."),
        "datum": datum("Datum van vaststelling of van deze versie."),
        "steller": tekst("Wie het jaarplan opstelde."),
        "inleiding": tekst(TEKST_MD),
        "doelen": teksten("De doelen voor dit jaar."),
        "activiteiten": lijst(
            item(
                "Een activiteit van dit jaar.",
                {
                    "activiteit": tekst("Wat er gebeurt."),
                    "maatregel": tekst("Id van de maatregel uit het meerjarenplan die deze activiteit uitvoert.",
                                       pattern=ID_PATROON),
                    "doel": tekst("Het beoogde resultaat."),
                    "eigenaar": tekst("Wie verantwoordelijk is."),
                    "kwartalen": lijst(KWARTAAL, "In welke kwartalen."),
                    "budget": getal("Budget in euro's.", minimum=0),
                    "status": keuze("Stand van zaken.", STATUS_MAATREGEL),
                },
                ("activiteit", "maatregel"),
            ),
            "De activiteiten van dit jaar.",
        ),
        "doorgeschoven": lijst(
            object_(
                "Besluit over een activiteit die vorig jaar niet (helemaal) klaar kwam.",
                {
                    "activiteit": tekst("Id van de activiteit uit het jaarplan van vorig jaar.", pattern=ID_PATROON),
                    "besluit": keuze("Overnemen (standaard) of laten vervallen.", BESLUITEN),
                    "reden": tekst("Waarom (verplicht bij 'vervalt')."),
                    "kwartalen": lijst(KWARTAAL, "Nieuwe kwartalen."),
                    "eigenaar": tekst("Nieuwe eigenaar."),
                    "doel": tekst("Nieuw doel of resultaat voor dit jaar."),
                    "budget": getal("Budget dit jaar.", minimum=0),
                },
                ("activiteit",),
            ),
            "Besluiten over doorgeschoven activiteiten. Zonder besluit komt een activiteit die "
            "vorig jaar niet of deels gerealiseerd is vanzelf terug.",
        ),
        "aanbevelingen": lijst(
            object_(
                "Wat er gebeurt met een aanbeveling uit het jaarverslag van vorig jaar.",
                {
                    "aanbeveling": tekst("Id van de aanbeveling.", pattern=ID_PATROON),
                    "opvolging": tekst("Wat de gemeente ermee doet."),
                    "activiteit": tekst("Id van de activiteit die de aanbeveling uitvoert.", pattern=ID_PATROON),
                },
                ("aanbeveling", "opvolging"),
            ),
            "Opvolging van de aanbevelingen van vorig jaar.",
        ),
        "monitoring": lijst(
            object_(
                "Een gepland rapportage- of monitoringmoment.",
                {
                    "wat": tekst("Wat er gerapporteerd wordt."),
                    "aan": keuze("Aan wie.", ONTVANGERS),
                    "kwartaal": KWARTAAL,
                    "toelichting": tekst(TEKST_MD),
                },
                ("wat", "aan", "kwartaal"),
            ),
            "De geplande rapportages aan college, raad en OR.",
        ),
    },
}


EIGEN_CIJFERS = {
    "type": "object",
    "description": "Eigen kerncijfers (jaarcyclus.eigen_cijfers in profiel.yaml): per id een aantal.",
    "additionalProperties": geheel("Aantal.", minimum=0),
}

SCHATTINGEN = teksten(
    "Kerncijfers die geschat zijn in plaats van geteld, met hun id (bijvoorbeeld 'meldingen' of "
    "een eigen cijfer). Ze staan er als 'ca. 116', met een noot onder de tabel.")


JAARVERSLAG_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Jaarverslag integriteit (jaren/<jaar>/jaarverslag.yaml)",
    "type": "object",
    "additionalProperties": False,
    "required": ["jaar"],
    "properties": {
        "jaar": jaar("Het verslagjaar."),
        "status": keuze("Concept of vastgesteld.", STATUS_PLAN),
        "voorbeeld": janee("true: dit bestand bevat verzonnen cijfers of teksten. Het document zegt dat "
                           "op het voorblad en in de koptekst en kan niet 'vastgesteld' zijn."),
        "datum": datum("Datum van vaststelling of van deze versie."),
        "steller": tekst("Wie het verslag opstelde."),
        "inleiding": tekst(TEKST_MD),
        "privacydrempel": geheel(
            "De privacydrempel waarmee dit verslag gepubliceerd is. Latere verslagen tonen de "
            "cijfers van dit jaar nooit met een lagere drempel; 'nieuw-jaar --jaarverslag' vult "
            "hem in. Verlaag hem niet meer na publicatie.", minimum=3, maximum=50),
        "privacy_gecontroleerd": teksten(
            "Teksten die een klein aantal zaken noemen en die de schrijver heeft nagekeken: het "
            "pad zoals de waarschuwing het noemt, bijvoorbeeld 'meldingen.toelichting' of "
            "'conclusies[2]'. Zo'n tekst geeft dan geen waarschuwing meer."),
        "realisatie": lijst(
            object_(
                "Het resultaat van één activiteit uit het jaarplan.",
                {
                    "activiteit": tekst("Id van de activiteit.", pattern=ID_PATROON),
                    "resultaat": keuze("Gerealiseerd, deels, niet of doorgeschoven. Leeg betekent: nog in te "
                                       "vullen. Dat mag zolang u eraan werkt; het jaarverslag van dit jaar "
                                       "wordt pas gemaakt als elk resultaat is ingevuld.", RESULTATEN),
                    "toelichting": tekst(TEKST_MD),
                },
                ("activiteit",),
            ),
            "De realisatie van het jaarplan.",
        ),
        "meldingen": register_of_aantallen(
            "Meldingen en vermoedens van integriteitsschendingen: een register of de aantallen.",
            {
                "totaal": geheel("Het totaal aantal meldingen. Nodig als een indeling niet alle meldingen "
                                 "indeelt: de rest staat dan in de tabel als 'Niet ingedeeld'.", minimum=0),
                "soort": telling("Aantal meldingen per soort."),
                "afdoening": telling("Aantal meldingen per afdoening."),
                "uitkomst": telling("Aantal meldingen per uitkomst."),
                "toelichting": tekst(TEKST_MD),
            },
        ),
        "vertrouwenspersoon": object_(
            "Contacten met de vertrouwenspersoon.",
            {"thema": telling("Aantal contacten per thema."), "toelichting": tekst(TEKST_MD)},
        ),
        "trainingen": register_of_aantallen(
            "Trainingen: een register of de aantallen.",
            {
                "sessies": geheel("Aantal sessies.", minimum=0),
                "deelnemers": geheel("Aantal deelnemers.", minimum=0),
                "toelichting": tekst(TEKST_MD),
            },
        ),
        "cijfers": object_(
            "Overige kerncijfers van het jaar.",
            {naam: geheel(uitleg, minimum=0) for naam, uitleg in CIJFERS.items()},
        ),
        "eigen_cijfers": EIGEN_CIJFERS,
        "schattingen": SCHATTINGEN,
        "conclusies": teksten("De conclusies."),
        "aanbevelingen": lijst(
            item("Een aanbeveling voor het volgende jaar.",
                 {"aanbeveling": tekst("De aanbeveling.")}, ("aanbeveling",)),
            "Aanbevelingen; het jaarplan van volgend jaar zegt wat ermee gebeurt.",
        ),
    },
}


KERNCIJFERS_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Kerncijfers van eerdere jaren (jaren/kerncijfers.yaml)",
    "type": "object",
    "additionalProperties": False,
    "required": ["kerncijfers"],
    "properties": {
        "kerncijfers": lijst(
            object_(
                "De kerncijfers van één jaar.",
                {
                    "jaar": jaar("Het jaar."),
                    "meldingen": geheel("Meldingen en vermoedens van schendingen.", minimum=0),
                    "vertrouwenspersoon": geheel("Contacten met de vertrouwenspersoon.", minimum=0),
                    "trainingen": geheel("Trainingssessies.", minimum=0),
                    "deelnemers": geheel("Deelnemers aan trainingen.", minimum=0),
                    **{naam: geheel(uitleg, minimum=0) for naam, uitleg in CIJFERS.items()},
                    **{dim: telling(f"Meldingen per {dim}; samen hoogstens 'meldingen'. De rest telt als "
                                    "niet ingedeeld.") for dim in DIMENSIES},
                    "eigen_cijfers": EIGEN_CIJFERS,
                    "schattingen": SCHATTINGEN,
                },
                ("jaar",),
            ),
            "Kerncijfers per jaar, van vóór de jaarverslagen die het programma maakt.",
        )
    },
}
