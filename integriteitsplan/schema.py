"""Het schema van een gemeenteprofiel (``profiel.yaml``), als JSON Schema.

Dit ene schema is de bron voor drie dingen: de controle in ``controleren`` (die het
deel van JSON Schema uitvoert dat hier gebruikt wordt), de uitvoer van
``integriteitsplan schema`` voor editors zoals VS Code, en de beschrijvingen die een
beleidsadviseur in zijn editor ziet. De sleutels zijn Nederlands, zoals de
gebruikers ze noemen.
"""
from __future__ import annotations

from typing import Any

ID_PATROON = r"^[a-z0-9][a-z0-9_-]*$"

STATUS_MAATREGEL = ["gepland", "lopend", "gereed", "vervallen"]
STATUS_PLAN = ["concept", "vastgesteld"]
GEREGELD = ["ja", "deels", "nee"]
LAGEN = ["bestuurlijk", "ambtelijk", "uitvoering", "regionaal", "extern"]
MELDROUTE_SOORTEN = ["intern", "extern", "vertrouwenspersoon", "meldpunt"]
WEERGAVE_MAATREGELEN = ["secties", "tabel", "lijst"]
BIOS_DELEN = ["missie_visie", "waarden_normen", "structuur", "incidenten", "rollen", "monitoring", "middelen"]

# De standaardonderdelen die een hoofdstuk kan bevatten. Elk onderdeel hoort bij één
# BIOS-deel (zie referentie/bios.yaml) en is een macro in een sjabloon in sjablonen/.
ONDERDELEN = [
    "inleiding",
    "missie", "visie", "uitgangspunten", "commitment",
    "definities", "kernwaarden", "gedragscode", "basisnormen", "wettelijk_kader",
    "organisatie", "aoic", "cultuur", "maatregelen", "kwetsbare_functies",
    "meldroutes", "onderzoek", "handhaving", "schendingen", "communicatie",
    "rollen", "relaties", "management",
    "monitoring",
    "samenhang", "budget", "formatie", "faciliteiten", "planning", "succesfactoren",
    "bijlage_maatregelen", "bijlage_basisnormen", "bijlage_ambtenarenwet",
    "bijlage_wettelijk_kader",
]

BASISNORMEN = [
    "aandacht", "gedragscode", "werving_selectie", "kwetsbare_functies", "eed_belofte",
    "nevenwerkzaamheden", "financiele_belangen", "informatie", "relatiegeschenken",
    "inkoop", "vertrouwenspersoon", "klokkenluiders", "onderzoek",
]


def tekst(beschrijving: str, **extra: Any) -> dict:
    return {"type": "string", "description": beschrijving, **extra}


def geheel(beschrijving: str, **extra: Any) -> dict:
    return {"type": "integer", "description": beschrijving, **extra}


def getal(beschrijving: str, **extra: Any) -> dict:
    return {"type": "number", "description": beschrijving, **extra}


def jaar(beschrijving: str) -> dict:
    return geheel(beschrijving, minimum=1990, maximum=2100)


def janee(beschrijving: str) -> dict:
    return {"type": "boolean", "description": beschrijving}


def datum(beschrijving: str) -> dict:
    return {"type": "string", "format": "date", "description": beschrijving}


def keuze(beschrijving: str, waarden: list[str]) -> dict:
    return {"type": "string", "enum": list(waarden), "description": beschrijving}


def lijst(items: dict, beschrijving: str, **extra: Any) -> dict:
    return {"type": "array", "items": items, "description": beschrijving, **extra}


def teksten(beschrijving: str) -> dict:
    return lijst(tekst("Eén punt."), beschrijving)


def object_(beschrijving: str, velden: dict, verplicht: tuple = (), **extra: Any) -> dict:
    schema = {
        "type": "object",
        "description": beschrijving,
        "properties": velden,
        "additionalProperties": False,
        **extra,
    }
    if verplicht:
        schema["required"] = list(verplicht)
    return schema


def ref(naam: str) -> dict:
    return {"$ref": f"#/$defs/{naam}"}


def item(beschrijving: str, velden: dict, verplicht: tuple = ()) -> dict:
    """Een benoemd item in een lijst: heeft een vast ``id`` waarnaar andere delen (en
    een regionale basis) verwijzen. ``verwijderd: true`` haalt het item van de basis weg."""
    alle = {
        "id": tekst(
            "Vaste naam van dit item (kleine letters, cijfers, - en _). Jaarplannen en "
            "regionale profielen verwijzen ernaar.",
            pattern=ID_PATROON,
        ),
        **velden,
        "verwijderd": janee(
            "Alleen in een profiel met een basis: haal dit item van de basis weg."
        ),
    }
    return object_(beschrijving, alle, ("id",) + tuple(verplicht))


TEKST_MD = (
    "Tekst in gewone alinea's; een lege regel begint een nieuwe alinea. Markdown mag: "
    "**vet**, *cursief*, opsommingen met '- '."
)

SECTIE = object_(
    "Een vrij stuk tekst met een eigen kop: alinea's, een opsomming en/of een tabel.",
    {
        "id": tekst("Vaste naam van deze sectie.", pattern=ID_PATROON),
        "titel": tekst("De kop van deze sectie."),
        "tekst": tekst(TEKST_MD),
        "lijst": teksten("Een opsomming."),
        "genummerd": janee("Nummer de opsomming (1, 2, 3) in plaats van met bolletjes."),
        "tabel": ref("tabel"),
        "slottekst": tekst("Tekst na de opsomming of tabel."),
        "secties": lijst(ref("sectie"), "Onderliggende secties."),
        "verwijderd": janee("Alleen in een profiel met een basis: haal deze sectie weg."),
    },
    ("titel",),
)

TABEL = object_(
    "Een tabel met een kopregel.",
    {
        "kolommen": teksten("De kopjes van de kolommen."),
        "rijen": lijst(teksten("Eén rij: een cel per kolom."), "De rijen van de tabel."),
    },
    ("kolommen", "rijen"),
)

MAATREGEL = item(
    "Een maatregel (of bouwsteen, instrument) van het integriteitsbeleid.",
    {
        "letter": tekst("Letter of nummer zoals de gemeente die gebruikt, bijvoorbeeld 'a'."),
        "maatregel": tekst("Korte naam van de maatregel."),
        "toelichting": tekst(TEKST_MD),
        "regeling": tekst("De regeling of het document waarin de maatregel is vastgelegd."),
        "verantwoordelijk": tekst("Wie verantwoordelijk is (een rol of afdeling)."),
        "coordinator": tekst("Wie de uitvoering coördineert."),
        "status": keuze("Stand van zaken.", STATUS_MAATREGEL),
        "doel": tekst("Doel of indicator: waaraan is te zien dat de maatregel werkt."),
        "planning": tekst("Wanneer, bijvoorbeeld '2026' of 'jaarlijks in het vierde kwartaal'."),
        "jaren": lijst(jaar("Een jaar."), "De jaren waarin de maatregel wordt uitgevoerd."),
        "basisnorm": keuze("De basisnorm waaraan deze maatregel bijdraagt.", BASISNORMEN),
    },
    ("maatregel",),
)

GROEP = item(
    "Een groep maatregelen: een pijler, thema, instrument of deelfacet.",
    {
        "naam": tekst("De naam van de groep, bijvoorbeeld 'Beschermen'."),
        "letter": tekst("Letter of nummer van de groep."),
        "toelichting": tekst(TEKST_MD),
        "groepen": lijst(ref("groep"), "Subgroepen (bijvoorbeeld deelfacetten van een pijler)."),
        "maatregelen": lijst(MAATREGEL, "De maatregelen in deze groep."),
    },
    ("naam",),
)

HOOFDSTUK = item(
    "Een hoofdstuk van het plan: standaardonderdelen, eigen tekst of beide.",
    {
        "titel": tekst("De titel van het hoofdstuk."),
        "tekst": tekst(TEKST_MD + " Staat direct onder de hoofdstuktitel."),
        "onderdelen": lijst(
            keuze("Een standaardonderdeel.", ONDERDELEN),
            "De standaardonderdelen in dit hoofdstuk, in deze volgorde.",
        ),
        "groepen": lijst(
            tekst("Id van een groep maatregelen.", pattern=ID_PATROON),
            "Alleen deze groepen maatregelen tonen in dit hoofdstuk (standaard: alle).",
        ),
        "koppen": janee(
            "Geef elk onderdeel een eigen kop. Standaard: ja als er meer dan één onderdeel is."
        ),
        "titels": {
            "type": "object",
            "description": "Eigen koppen voor onderdelen in dit hoofdstuk, bijvoorbeeld "
                           "'kernwaarden: Kernwaarden van integriteit'.",
            "propertyNames": {"enum": ONDERDELEN},
            "additionalProperties": tekst("De kop van dit onderdeel."),
        },
        "secties_eerst": janee("Zet de eigen secties vóór de standaardonderdelen (standaard erna)."),
        "genummerd": janee("Geef dit hoofdstuk een nummer (standaard ja; nee voor bijvoorbeeld een toelichting vooraf)."),
        "secties": lijst(ref("sectie"), "Eigen secties na de onderdelen."),
        "delen": lijst(
            keuze("Een deel van het BIOS-format.", BIOS_DELEN),
            "De BIOS-delen die dit hoofdstuk met eigen tekst behandelt (voor de dekkingscontrole).",
        ),
        "bijlage": janee("Dit hoofdstuk is een bijlage (achterin, genummerd als Bijlage 1, 2, ...)."),
    },
    ("titel",),
)

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
                "inwoners": geheel("Aantal inwoners.", minimum=0),
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
                                "geregeld": keuze("Is dit geregeld?", GEREGELD),
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
                            "toelichting": tekst(TEKST_MD),
                            "taken": teksten("De taken."),
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
    },
    "required": ["metadata"],
}



# ---------------------------------------------------------------- de jaarcyclus

KWARTAAL = geheel("Kwartaal: 1, 2, 3 of 4.", minimum=1, maximum=4)
RESULTATEN = ["gerealiseerd", "deels", "niet", "doorgeschoven"]
BESLUITEN = ["overnemen", "vervalt"]
ONTVANGERS = ["college", "raad", "or", "directie", "mt", "griffie", "audit"]
CIJFERS = {
    "ambtseden": "Afgelegde ambtseden en -beloften.",
    "nevenwerkzaamheden": "Gemelde nevenwerkzaamheden.",
    "financiele_belangen": "Meldingen van financiële belangen.",
    "relatiegeschenken": "Gemelde relatiegeschenken en uitnodigingen.",
    "vog": "Aangevraagde verklaringen omtrent het gedrag (VOG's).",
    "onderzoeken_gestart": "Gestarte onderzoeken naar een vermoedelijke schending.",
    "onderzoeken_afgerond": "Afgeronde onderzoeken.",
}


def telling(beschrijving: str) -> dict:
    return {
        "type": "object",
        "description": beschrijving + " Per categorie-id een aantal.",
        "additionalProperties": geheel("Aantal.", minimum=0),
    }


def register_of_aantallen(beschrijving: str, velden: dict) -> dict:
    return object_(
        beschrijving,
        {
            "register": tekst(
                "Pad naar het register (.csv of .xlsx), ten opzichte van deze map of volledig. "
                "Het register mag buiten de profielmap staan."
            ),
            **velden,
        },
    )


JAARPLAN_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Jaarplan integriteit (jaren/<jaar>/jaarplan.yaml)",
    "type": "object",
    "additionalProperties": False,
    "required": ["jaar"],
    "properties": {
        "jaar": jaar("Het jaar van dit jaarplan."),
        "status": keuze("Concept of vastgesteld.", STATUS_PLAN),
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

JAARVERSLAG_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Jaarverslag integriteit (jaren/<jaar>/jaarverslag.yaml)",
    "type": "object",
    "additionalProperties": False,
    "required": ["jaar"],
    "properties": {
        "jaar": jaar("Het verslagjaar."),
        "status": keuze("Concept of vastgesteld.", STATUS_PLAN),
        "datum": datum("Datum van vaststelling of van deze versie."),
        "steller": tekst("Wie het verslag opstelde."),
        "inleiding": tekst(TEKST_MD),
        "realisatie": lijst(
            object_(
                "Het resultaat van één activiteit uit het jaarplan.",
                {
                    "activiteit": tekst("Id van de activiteit.", pattern=ID_PATROON),
                    "resultaat": keuze("Gerealiseerd, deels, niet of doorgeschoven.", RESULTATEN),
                    "toelichting": tekst(TEKST_MD),
                },
                ("activiteit", "resultaat"),
            ),
            "De realisatie van het jaarplan.",
        ),
        "meldingen": register_of_aantallen(
            "Meldingen en vermoedens van integriteitsschendingen: een register of de aantallen.",
            {
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
                },
                ("jaar",),
            ),
            "Kerncijfers per jaar, van vóór de jaarverslagen die het programma maakt.",
        )
    },
}

JAARCYCLUS = object_(
    "Instellingen voor jaarplan en jaarverslag.",
    {
        "privacydrempel": geheel(
            "Aantallen van 1 tot deze drempel worden in het jaarverslag getoond als '< drempel'. "
            "Standaard 5, nooit lager dan 3.", minimum=3, maximum=50),
        "typologie": object_(
            "Eigen indelingen die de standaard vervangen.",
            {
                naam: lijst(
                    object_("Een categorie.", {"id": tekst("Id.", pattern=ID_PATROON), "naam": tekst("Naam.")},
                            ("id", "naam")),
                    f"De categorieën voor '{naam}'.",
                )
                for naam in ("soort", "afdoening", "uitkomst", "vertrouwenspersoon")
            },
        ),
        "meldingenregister": tekst(
            "Alleen voor een regio: pad naar het gezamenlijke meldingenregister (met een kolom "
            "'organisatie'). Elk lid neemt er zijn eigen rijen uit."
        ),
    },
)
PROFIEL_SCHEMA["properties"]["jaarcyclus"] = JAARCYCLUS
