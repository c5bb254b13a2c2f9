"""Wat de sjablonen van elk document krijgen: één dataclass per documentsoort.

Ontvangt niets en rekent niets uit; hier staat alleen welke namen een sjabloon mag gebruiken,
met hun soort en een regel uitleg. De modules per documentsoort (``beleidsplan``,
``jaarverslag``, ``regio``, ``verschillen``) vullen ze. Bij het renderen wordt elk veld een
naam in het sjabloon (``{{ organisatienaam }}``, ``{% for h in indeling %}``); een naam die
hier niet staat, geeft een ``SjabloonFout`` (StrictUndefined).

De lagen:

- ``Tabel`` en ``Cel``: een tabel zoals een sjabloon hem toont.
- ``Documentkop``: wat elk document heeft (namen, titel, voorblad, concept).
- ``Profielcontext``: een document dat uit een profiel komt (het aangevulde profiel zelf).
- ``Jaarcontext``: een document over één jaar van het meerjarenplan.
- ``Verslagcontext``: wat het jaarverslag van een gemeente en dat van een regio delen.
- Per document: ``BeleidsplanContext``, ``JaarverslagContext``, ``RegioverslagContext`` en
  ``VerschillenContext``. Het jaarplan krijgt voorlopig nog een dict (zie ``Verrijkt``);
  ``Jaarcontext`` is de basis waar het later op kan staan.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

Voorbladrijen = list[tuple[str, str]]  # (kop, waarde) per regel van het voorblad


@dataclass
class Cel:
    """Een cel met toevoegingen, die het sjabloon tussen haakjes achter de tekst zet
    (bijvoorbeeld 'doorgeschoven uit 2026')."""

    tekst: Any
    toevoegingen: list[str]


@dataclass
class Tabel:
    """Een tabel zoals een sjabloon hem toont: kolomkoppen, rijen (per cel tekst of een
    ``Cel``) en eventueel een slotrij met het totaal, die het sjabloon laat opvallen."""

    kolommen: list[str]
    rijen: list[list[Any]]
    totaal: list[Any] | None = None


@dataclass(kw_only=True)
class Documentkop:
    """Wat elk document heeft: hoe de organisatie heet, de titel en het voorblad."""

    organisatienaam: str  # de naam op het voorblad: 'Gemeente Leiden' of 'Leidse regio'
    de_gemeente: str  # de naam midden in een zin: 'de gemeente Leiden' of 'de Leidse regio'
    titel_met_periode: str  # de titel van het document, met jaar of looptijd
    documentsoort: str  # 'Beleidsplan Integriteit', 'Jaarverslag integriteit', 'Verschillenrapport'
    voorblad: Voorbladrijen  # de rijen van het voorblad (steller, datum, status, ...)
    concept: bool  # of het document nog een concept is
    meta: dict  # de metadata van het profiel (bij het verschillenrapport alleen de datum)
    voorbeeld: bool = False  # of het document verzonnen gegevens bevat (zet ``verrijk``)

    def sjabloonnamen(self) -> dict[str, Any]:
        """De velden als namen voor het sjabloon (niet diep gekopieerd: een ``Tabel`` blijft
        een ``Tabel``)."""
        return {veld.name: getattr(self, veld.name) for veld in fields(self)}


@dataclass(kw_only=True)
class Profielcontext(Documentkop):
    """Een document dat uit het profiel van een gemeente of regio komt."""

    naam: str  # de naam van het profiel (de map), bijvoorbeeld 'leiden'
    profiel: dict  # het profiel, aangevuld met lege waarden voor alles wat het schema kent
    is_regio: bool  # of het profiel een regio is (met leden) in plaats van een gemeente
    wet: dict  # de Ambtenarenwet van het jaar van het document (naam, oud, ...)


@dataclass(kw_only=True)
class BeleidsplanContext(Profielcontext):
    """Het Beleidsplan Integriteit. Bij het renderen komt er ``hoofdstukken`` bij: de indeling
    met per hoofdstuk de gerenderde blokken."""

    periode: str  # de looptijd ('2026-2029'), het jaar of leeg
    indeling: list[dict]  # de hoofdstukken met hun onderdelen (titel, sjabloon, maatregelen)
    dekking: list[dict]  # per BIOS-deel of en in welk hoofdstuk het plan het behandelt
    toets: list[dict]  # de basisnormentoets, per basisnorm
    toets_telling: dict  # hoeveel basisnormen voldoen, deels of niet
    toetstabel: Tabel  # de basisnormentoets als tabel
    toetsoordeel: dict  # het oordeel over de basisnormen, in zinnen
    wettelijk_kader_tabel: Tabel  # de wetten en regels als tabel
    kernwaarden_met_kop: bool  # of een kernwaarde een toelichting heeft (dan elk een kop)
    peiljaar: int | None  # het jaar waarnaar de basisnormentoets kijkt
    maatregelenlijst: list[dict]  # alle maatregelen op een rij, met hun groep
    maatregelweergave: str  # hoe de maatregelen getoond worden: 'secties', 'tabel', ...
    maatregelenbijlage: dict  # de maatregelen als tabel voor de bijlage
    kwetsbare_functies_tabel: Tabel  # de kwetsbare functies als tabel
    meldroutes_tabel: Tabel  # de meldroutes als tabel
    rollenoverzicht: dict  # de rollen en wie ze vervult
    monitoringtabel: Tabel  # wat wordt gevolgd en hoe vaak, als tabel
    begroting: dict  # het budget per jaar en per post (jaren, per_jaar, totaal, posten)
    budgettabel: Tabel  # de begroting als tabel
    fte_totaal: float  # de formatie in fte, opgeteld
    formatietabel: Tabel  # de formatie als tabel
    indicatorentabel: Tabel  # de indicatoren als tabel
    referentietabellen: dict[str, Tabel]  # de tabellen uit de referentiegegevens, per naam
    leden: list[str] = field(default_factory=list)  # de leden van een regio (leeg bij een gemeente)


@dataclass(kw_only=True)
class Jaarcontext(Profielcontext):
    """Een document over één jaar van het meerjarenplan (jaarplan of jaarverslag)."""

    jaar: int  # het jaar van het document
    plan_titel: str  # de titel van het meerjarenplan, met zijn looptijd
    jaarnummer: int | None  # het hoeveelste jaar van de looptijd (None buiten de looptijd)
    aantal_jaren: int | None  # hoeveel jaren het plan loopt (None zonder looptijd)


@dataclass(kw_only=True)
class Verslagcontext(Jaarcontext):
    """Wat het jaarverslag van een gemeente en dat van een regio delen."""

    verslag: dict  # het jaarverslagbestand, aangevuld met lege waarden
    drempel: int  # de privacydrempel: kleinere aantallen worden niet getoond
    realisatie: dict  # de uitvoering van het jaarplan: rijen, telling, per groep
    realisatie_tekst: dict  # de realisatie als opsomming en tabelrijen
    meldingtabellen: list[dict]  # de meldingen per dimensie (soort, afdoening, uitkomst) als tabel
    meldingen_zin: str | None  # het aantal meldingen in woorden ('drie meldingen')
    privacy_noot: str | None  # de uitleg waarom kleine aantallen ontbreken
    reeks: dict  # de kerncijfers per jaar, voor de grafiek
    grafiek: str | None = None  # de bestandsnaam van de grafiek, of None als er geen grafiek komt
    grafiek_alt: str | None = None  # de alternatieve tekst van de grafiek, met de gepubliceerde getallen


@dataclass(kw_only=True)
class JaarverslagContext(Verslagcontext):
    """Het Jaarverslag integriteit van één gemeente."""

    inhoud: list[str]  # waarover het verslag gaat, voor de zin in de inleiding
    heeft_jaarplan: bool  # of er een jaarplan met activiteiten was
    eerdere_jaren: list[int]  # de eerdere jaren met kerncijfers
    niet_ingedeeld: bool  # of er meldingen zijn die niet in een categorie vallen
    meldingen: dict | None  # de meldingen van het jaar uit het register, of None
    meldingen_totaal: str | None  # het totaal aantal meldingen zoals het gedrukt wordt
    meldingen_geen: bool  # of er dit jaar geen enkele melding was
    trend_noot: str | None  # de uitleg bij de tabel met kerncijfers over de jaren
    trend_categorie: list[dict]  # de kerncijfers per categorie over de jaren
    grafiek_reeksen: list[dict]  # welke reeksen de grafiek toont
    grafiek_schattingen: dict  # per jaar de reeksen die een schatting zijn
    grafiek_onderschrift: str  # het onderschrift van de grafiek
    vertrouwenspersoon: dict | None  # de contacten met de vertrouwenspersonen als tabel, of None
    trainingen: dict | None  # de trainingen van het jaar, of None
    trend_kolommen: list[str]  # de kolomkoppen van de kerncijfers over de jaren
    trend: list  # de rijen van de kerncijfers over de jaren


@dataclass(kw_only=True)
class RegioverslagContext(Verslagcontext):
    """Het Jaarverslag integriteit van een regio: de cijfers van de leden samen."""

    leden: list[dict]  # per lid: naam, gemeente, meldingen en kerncijfers
    realisatie_activiteiten: list[list[str]]  # de gezamenlijke activiteiten als tabelrijen
    lid_totalen: list  # per lid het totaal aantal meldingen, met de regio als laatste rij
    meldingen_totaal_bekend: bool  # of het regionale totaal gedrukt mag worden
    cijfers: list[list[str]]  # de kerncijfers: regio en per lid
    cijfer_kolommen: list[str]  # de kolomkoppen van de kerncijfers
    meldingen_weggelaten: str = ""  # welke kolommen in alle meldingentabellen ontbreken, en waarom
    cijfer_noot: str = ""  # wat '–' betekent en welke regiosom niet alle leden optelt


@dataclass(kw_only=True)
class VerschillenContext(Documentkop):
    """Het verschillenrapport: waar elk lid van een regio afwijkt van de regionale basis."""

    rapport: Any  # het ``Rapport`` zelf (regio, leden, matrix)
    overzicht: Tabel  # per lid het aantal aanpassingen, toevoegingen en weglatingen, als tabel
    instrumenten: Tabel  # de instrumenten per gemeente (gelijk, eigen variant, ontbreekt), als tabel
    leden: list[dict]  # per lid: gemeente en per deel van het plan de verschillen
    regio_in_zin: str  # de naam van de regio midden in een zin: 'de Leidse regio'
