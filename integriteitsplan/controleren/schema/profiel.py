"""Het JSON Schema van ``profiel.yaml``.
"""
from __future__ import annotations

from integriteitsplan.controleren.schema.bouwstenen import (
    BASISNORMEN,
    GEREGELD,
    GROEP,
    HOOFDSTUK,
    LAGEN,
    MELDROUTE_SOORTEN,
    SECTIE,
    STATUS_PLAN,
    TABEL,
    TEKST_MD,
    WEERGAVE_MAATREGELEN,
    datum,
    geheel,
    getal,
    item,
    jaar,
    janee,
    keuze,
    lijst,
    object_,
    ref,
    tekst,
    teksten,
)
from integriteitsplan.controleren.schema.jaarcyclus import JAARCYCLUS
from integriteitsplan.domein.grenzen import ID_PATROON

PROFIEL_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://integriteitsplan.nl/schema/profiel.json",
    "title": "Profiel van een gemeente voor integriteitsplan",
    "description": "Beschrijft een gemeente (of regio) waaruit het Beleidsplan Integriteit, "
    "het Jaarplan en het Jaarverslag integriteit worden gemaakt.",
    "type": "object",
    "additionalProperties": False,
    "$defs": {"sectie": SECTIE, "tabel": TABEL, "groep": GROEP},
    "properties": {
        "basis": tekst(
            "Naam van het profiel waarop dit profiel voortbouwt (bijvoorbeeld een regio). "
            "Dit profiel bevat dan alleen wat afwijkt.",
            pattern=ID_PATROON,
        ),
        "leden": lijst(
            tekst("Naam van een gemeenteprofiel.", pattern=ID_PATROON),
            "Alleen voor een regio: de gemeenten die op dit profiel voortbouwen.",
        ),
        "voorbeeld": janee(
            "true: dit profiel bevat verzonnen voorbeeldgegevens. Elk document zegt dat dan op het "
            "voorblad en in de koptekst en kan niet 'vastgesteld' zijn. Haal het weg zodra de inhoud "
            "van uw gemeente is. Een profiel dat hierop voortbouwt, erft het niet."
        ),
        "metadata": object_(
            "Gegevens over het document; alleen wat bekend is komt op het voorblad.",
            {
                "titel": tekst("Titel van het plan, bijvoorbeeld 'Beleidsplan Integriteit'."),
                "ondertitel": tekst("Ondertitel op het voorblad."),
                "gemeente": tekst("Naam van de gemeente of regio zoals die in de tekst staat."),
                "organisatie": tekst("Wat voor organisatie dit is: 'gemeente' of 'regio'.", enum=["gemeente", "regio"]),
                "steller": tekst("Wie het plan schreef (naam of functie)."),
                "versie": tekst("Versienummer, tussen aanhalingstekens: \"1.0\"."),
                "vastgesteld_door": tekst("Wie het plan vaststelt, bijvoorbeeld 'het college van B&W'."),
                "datum": datum("Datum van vaststelling (of van deze versie), als JJJJ-MM-DD."),
                "datering": tekst(
                    "Hoe het document zichzelf dateert als er geen volledige datum is, bijvoorbeeld "
                    "'april 2016'. Komt als datum op het voorblad."
                ),
                "looptijd": object_(
                    "Eerste en laatste jaar waarvoor het plan geldt.",
                    {"start": jaar("Eerste jaar."), "eind": jaar("Laatste jaar.")},
                    ("start", "eind"),
                ),
                "jaar": jaar(
                    "Het jaar dat het plan zichzelf geeft, als er geen looptijd bekend is."
                ),
                "status": keuze("Concept of vastgesteld.", STATUS_PLAN),
                "logo": tekst("Bestandsnaam van het logo (PNG of JPG) in de profielmap."),
                "huisstijl": tekst(
                    "Bestandsnaam van een eigen Word-huisstijl (.docx) in de profielmap."
                ),
                "inhoudsopgave_niveaus": geheel(
                    "Hoeveel kopniveaus de inhoudsopgave toont (standaard 2: hoofdstukken en paragrafen).",
                    minimum=1, maximum=4),
                "hoofdstukken_op_nieuwe_pagina": janee(
                    "Of elk hoofdstuk op een nieuwe pagina begint. Standaard: ja in het beleidsplan, "
                    "nee in jaarplan en jaarverslag (tenzij de eigen huisstijl het anders regelt)."),
                "inwoners": geheel("Aantal inwoners.", minimum=0, maximum=100_000_000),
                "medewerkers": geheel("Aantal medewerkers.", minimum=0),
                "bron": tekst("Waar de gegevens van dit profiel vandaan komen."),
            },
            ("titel", "gemeente"),
        ),
        "voorwoord": object_(
            "Een voorwoord vóór hoofdstuk 1.",
            {"tekst": tekst(TEKST_MD), "ondertekening": tekst("Naam en functie onder het voorwoord.")},
            ("tekst",),
        ),
        "inleiding": object_(
            "De inleiding van het plan.",
            {
                "tekst": tekst(TEKST_MD),
                "aanleiding": tekst(TEKST_MD),
                "leeswijzer": tekst(TEKST_MD),
            },
        ),
        "missie_visie": object_(
            "Deel 1 van het BIOS-format: missie en visie.",
            {
                "missie": tekst(TEKST_MD),
                "ambitie": tekst("Het ambitieniveau. " + TEKST_MD),
                "doelstellingen": teksten("De doelstellingen van het beleid."),
                "visie": tekst("De visie op integriteit. " + TEKST_MD),
                "uitgangspunten": teksten("De beleidsuitgangspunten."),
                "commitment": tekst("Hoe de top (college, directie) zich verbindt. " + TEKST_MD),
            },
        ),
        "waarden_normen": object_(
            "Deel 2: waarden en normen.",
            {
                "definities": lijst(
                    item(
                        "Een definitie.",
                        {
                            "term": tekst("Het begrip, bijvoorbeeld 'integriteit'."),
                            "titel": tekst("De kop boven de definitie als die niet het begrip zelf is, "
                                           "bijvoorbeeld 'Wat is integriteit?'."),
                            "definitie": tekst("De definitie in één of twee zinnen."),
                            "toelichting": tekst(TEKST_MD),
                            "bron": tekst("Waar de definitie vandaan komt."),
                        },
                        ("term", "definitie"),
                    ),
                    "Eén of meer definities (integriteit, integer handelen, ...).",
                ),
                "kernwaarden_inleiding": tekst(TEKST_MD),
                "kernwaarden": lijst(
                    item(
                        "Een kernwaarde.",
                        {"naam": tekst("Naam van de kernwaarde."), "toelichting": tekst(TEKST_MD)},
                        ("naam",),
                    ),
                    "De kernwaarden, in elk aantal.",
                ),
                "gedragscode": object_(
                    "De gedragscode.",
                    {
                        "naam": tekst("Naam van de gedragscode."),
                        "jaar": jaar("Jaar van vaststelling."),
                        "vindplaats": tekst("Waar medewerkers de code vinden."),
                        "toelichting": tekst(TEKST_MD),
                        "onderwerpen": teksten("De onderwerpen die de code behandelt."),
                    },
                    ("naam",),
                ),
                "basisnormen": object_(
                    "Per basisnorm van de Modelaanpak: hoe de gemeente eraan voldoet.",
                    {
                        norm: object_(
                            f"Basisnorm '{norm}'.",
                            {
                                "geregeld": keuze("Is dit geregeld? 'niet vermeld' als het plan of de bron het niet zegt.", GEREGELD),
                                "regeling": tekst("Naam van de regeling."),
                                "sinds": jaar("Sinds wanneer de regeling geldt."),
                                "geevalueerd": jaar("Jaar van de laatste evaluatie."),
                                "toelichting": tekst(TEKST_MD),
                            },
                            ("geregeld",),
                        )
                        for norm in BASISNORMEN
                    },
                ),
                "wettelijk_kader": lijst(
                    item(
                        "Een wet of regeling.",
                        {
                            "wet": tekst("Naam van de wet."),
                            "artikelen": tekst("De artikelen, bijvoorbeeld 'art. 4 en 5'."),
                            "betekenis": tekst("Wat dit hier betekent."),
                        },
                        ("wet", "betekenis"),
                    ),
                    "Het wettelijk kader.",
                ),
            },
        ),
        "maatregelen": object_(
            "Deel 3: structuur, cultuur en maatregelen.",
            {
                "organisatie": tekst("Hoe de organisatie is ingericht voor integriteit. " + TEKST_MD),
                "aoic": tekst("Administratieve organisatie en interne controle. " + TEKST_MD),
                "cultuur": tekst("Waarom integriteitsbewustzijn hier telt. " + TEKST_MD),
                "inleiding": tekst("Tekst boven de maatregelen. " + TEKST_MD),
                "ordening": object_(
                    "Hoe de maatregelen geordend zijn en getoond worden.",
                    {
                        "groep": tekst("Hoe een groep heet: 'pijler', 'thema', 'instrument'."),
                        "subgroep": tekst("Hoe een subgroep heet: 'deelfacet'."),
                        "maatregel": tekst("Hoe een maatregel heet: 'maatregel', 'bouwsteen'."),
                        "meervoud": tekst("Het meervoud daarvan, als het programma het niet kent: 'bouwstenen'."),
                        "weergave": keuze(
                            "secties: een kop per groep; tabel: één tabel; lijst: opsommingen.",
                            WEERGAVE_MAATREGELEN,
                        ),
                    },
                ),
                "groepen": lijst(ref("groep"), "De groepen maatregelen."),
                "kwetsbare_functies": object_(
                    "Kwetsbare functies en processen.",
                    {
                        "toelichting": tekst(TEKST_MD),
                        "functies": lijst(
                            item(
                                "Een kwetsbare functie of activiteit.",
                                {
                                    "naam": tekst("De functie of activiteit."),
                                    "risico": tekst("Waarom deze kwetsbaar is."),
                                    "maatregelen": tekst("Wat de gemeente eraan doet."),
                                },
                                ("naam",),
                            ),
                            "De kwetsbare functies of activiteiten.",
                        ),
                        "factoren": teksten("Factoren die de kwetsbaarheid vergroten."),
                        "aanvullende_maatregelen": teksten(
                            "Het aanvullend pakket: vier-ogen, roulatie, functiescheiding, ..."
                        ),
                    },
                ),
            },
        ),
        "incidenten": object_(
            "Deel 4: incidenten.",
            {
                "inleiding": tekst(TEKST_MD),
                "meldroutes": lijst(
                    item(
                        "Een route om een vermoeden te melden.",
                        {
                            "naam": tekst("Naam van de route."),
                            "soort": keuze("Soort route.", MELDROUTE_SOORTEN),
                            "toelichting": tekst(TEKST_MD),
                            "bereikbaar": tekst("Hoe bereikbaar: telefoon, e-mail, adres."),
                        },
                        ("naam", "soort"),
                    ),
                    "De meldroutes.",
                ),
                "onderzoeksprotocol": tekst(TEKST_MD),
                "stappen": teksten("De stappen van een onderzoek, in volgorde."),
                "handhaving": tekst(TEKST_MD),
                "sancties": teksten("De mogelijke sancties."),
                "aangifte": tekst("De relatie met het Openbaar Ministerie en aangifte. " + TEKST_MD),
                "schendingen": tekst(
                    "Hoe de gemeente een geanonimiseerd overzicht van schendingen bijhoudt. " + TEKST_MD
                ),
                "communicatie": object_(
                    "Communicatie na een melding of schending.",
                    {
                        "betrokkenen": tekst(TEKST_MD),
                        "organisatie": tekst(TEKST_MD),
                        "extern": tekst("Communicatie met externe partijen en pers. " + TEKST_MD),
                    },
                ),
            },
        ),
        "rollen": object_(
            "Deel 5: rollen, taken en positionering.",
            {
                "inleiding": tekst(TEKST_MD),
                "rollen": lijst(
                    item(
                        "Een rol.",
                        {
                            "naam": tekst("Naam van de rol."),
                            "wie": tekst("Wie deze rol heeft."),
                            "laag": keuze("Bestuurlijk, ambtelijk, uitvoering, regionaal of extern.", LAGEN),
                            "centraal": janee("Centrale rol (ja) of decentrale rol (nee)."),
                            "gedeeld_met": tekst("Met welke organisaties deze rol gedeeld wordt."),
                            "omvang": {
                                "type": ["string", "number"],
                                "description": "Hoe groot de rol is: een aantal fte (0.8) of een tekst in uren "
                                               "of fte, bijvoorbeeld 'ten minste 24 uur per week'.",
                            },
                            "toelichting": tekst(TEKST_MD),
                            "taken": teksten("De taken."),
                            "functionarissen": lijst(
                                object_("Iemand die deze rol (mede) vervult.",
                                        {"naam": tekst("Naam of functie, bijvoorbeeld 'adviseur integriteit'."),
                                         "taak": tekst("Wat deze functionaris doet.")},
                                        ("naam",)),
                                "De functionarissen in deze rol, bijvoorbeeld de medewerkers van een bureau.",
                            ),
                        },
                        ("naam",),
                    ),
                    "De rollen.",
                ),
                "relaties": lijst(
                    item(
                        "Relatie met een ander beleidsterrein.",
                        {"terrein": tekst("Het beleidsterrein."), "toelichting": tekst(TEKST_MD)},
                        ("terrein", "toelichting"),
                    ),
                    "Relaties met P&O, juridische zaken, beveiliging, financiën, ...",
                ),
                "management": tekst("Verhouding tot het management. " + TEKST_MD),
                "laagtitels": object_(
                    "Eigen koppen voor de lagen, bijvoorbeeld 'bestuurlijk: Bestuurlijke verantwoordelijkheid'.",
                    {laag: tekst(f"Kop voor de laag '{laag}'.") for laag in LAGEN},
                ),
            },
        ),
        "monitoring": object_(
            "Deel 6: monitoren, evaluatie en rapportage.",
            {
                "inleiding": tekst(TEKST_MD),
                "onderdelen": lijst(
                    item(
                        "Wat gemeten of gerapporteerd wordt.",
                        {
                            "wat": tekst("Waarover (output of outcome)."),
                            "hoe": tekst("Hoe."),
                            "wie": tekst("Door wie."),
                            "aan_wie": tekst("Voor wie."),
                            "frequentie": tekst("Hoe vaak."),
                        },
                        ("wat",),
                    ),
                    "Wat, hoe, wie, aan wie en hoe vaak.",
                ),
                "rapportagecyclus": tekst(TEKST_MD),
                "evaluatie": tekst(TEKST_MD),
            },
        ),
        "middelen": object_(
            "Deel 7: samenhang en middelen.",
            {
                "samenhang": tekst(TEKST_MD),
                "budget": lijst(
                    item(
                        "Een budgetpost.",
                        {
                            "jaar": jaar("Het jaar."),
                            "post": tekst("Waarvoor."),
                            "bedrag": getal("Bedrag in euro's.", minimum=0),
                        },
                        ("jaar", "post", "bedrag"),
                    ),
                    "Het budget per jaar en post.",
                ),
                "budget_toelichting": tekst(TEKST_MD),
                "fte": lijst(
                    item(
                        "Formatie voor een rol.",
                        {"rol": tekst("De rol."), "fte": getal("Aantal fte.", minimum=0)},
                        ("rol", "fte"),
                    ),
                    "De formatie.",
                ),
                "faciliteiten": teksten("Beschikbare faciliteiten."),
                "planning": lijst(
                    item(
                        "De planning van één jaar.",
                        {"jaar": jaar("Het jaar."), "activiteiten": teksten("Wat er dat jaar gebeurt.")},
                        ("jaar", "activiteiten"),
                    ),
                    "De tijdlijn per jaar.",
                ),
                "succesfactoren": teksten("Succesbepalende factoren."),
                "prestatie_indicatoren": lijst(
                    item(
                        "Een prestatie-indicator.",
                        {"indicator": tekst("Wat gemeten wordt."), "norm": tekst("De streefwaarde.")},
                        ("indicator",),
                    ),
                    "Prestatie-indicatoren.",
                ),
            },
        ),
        "indeling": lijst(
            HOOFDSTUK,
            "De hoofdstukken van het plan, in volgorde. Zonder indeling volgt het plan de "
            "zeven delen van het BIOS-format.",
        ),
        "bijlagen": lijst(
            keuze(
                "Een standaardbijlage.",
                ["maatregelen", "basisnormen", "ambtenarenwet", "wettelijk_kader"],
            ),
            "De standaardbijlagen, in volgorde (als er geen eigen indeling is).",
        ),
        "jaarcyclus": JAARCYCLUS,
    },
    "required": ["metadata"],
}
