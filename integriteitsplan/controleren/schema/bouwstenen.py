"""De bouwstenen van de schema's: vaste keuzelijsten en kleine helpers die een JSON Schema
met Nederlandse uitleg maken.
"""
from __future__ import annotations

from typing import Any

from integriteitsplan.domein.grenzen import EERSTE_JAAR, ID_PATROON, LAATSTE_JAAR

STATUS_MAATREGEL = ["gepland", "lopend", "gereed", "vervallen"]


STATUS_PLAN = ["concept", "vastgesteld"]


GEREGELD = ["ja", "deels", "nee", "niet vermeld"]  # niet vermeld: de bron zegt het niet


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


# Een aantal (meldingen, sessies, deelnemers) boven een miljoen, of een bedrag boven een
# biljoen, is een tikfout; zonder grens zou het verderop (in een grafiek) vastlopen.
MAX_AANTAL = 1_000_000
MAX_BEDRAG = 1_000_000_000_000


def geheel(beschrijving: str, **extra: Any) -> dict:
    if extra.get("minimum") == 0:
        extra.setdefault("maximum", MAX_AANTAL)
    return {"type": "integer", "description": beschrijving, **extra}


def getal(beschrijving: str, **extra: Any) -> dict:
    if extra.get("minimum") == 0:
        extra.setdefault("maximum", MAX_BEDRAG)
    return {"type": "number", "description": beschrijving, **extra}


def jaar(beschrijving: str) -> dict:
    return geheel(beschrijving, minimum=EERSTE_JAAR, maximum=LAATSTE_JAAR)


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
                "Buiten de profielmap alleen voor de gemeente die op de opdrachtregel staat."
            ),
            **velden,
        },
    )
