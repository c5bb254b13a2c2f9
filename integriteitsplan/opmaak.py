"""Nederlandse opmaak: datums, bedragen, getallen en opsommingen.

Bewust zonder locale: de uitvoer moet op elke computer (ook Windows met een Engelse
instelling) hetzelfde zijn.
"""
from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterable

MAANDEN = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]


def datum(waarde: datetime.date | None) -> str:
    """``datetime.date(2026, 1, 1)`` → ``'1 januari 2026'``."""
    if waarde is None:
        return ""
    return f"{waarde.day} {MAANDEN[waarde.month - 1]} {waarde.year}"


def getal(waarde: float | int | Decimal, decimalen: int = 0) -> str:
    """Duizendtallen met een punt, decimalen met een komma: ``12345.5`` → ``'12.345,5'``."""
    kwantum = Decimal(1).scaleb(-decimalen)
    afgerond = Decimal(str(waarde)).quantize(kwantum, rounding=ROUND_HALF_UP)
    teken = "-" if afgerond < 0 else ""
    heel, _, rest = f"{abs(afgerond):f}".partition(".")
    groepen = []
    while len(heel) > 3:
        groepen.insert(0, heel[-3:])
        heel = heel[:-3]
    groepen.insert(0, heel)
    uit = teken + ".".join(groepen)
    return f"{uit},{rest}" if rest else uit


def bedrag(waarde: float | int | Decimal | None) -> str:
    """``100000`` → ``'€ 100.000'``; centen alleen als ze er zijn: ``'€ 1.250,50'``."""
    if waarde is None:
        return ""
    heeft_centen = Decimal(str(waarde)) % 1 != 0
    return "€ " + getal(waarde, 2 if heeft_centen else 0)


def bedrag_of_streep(waarde: float | int | Decimal | None) -> str:
    """Een bedrag, of '–' waar niets begroot is (in tabellen)."""
    return bedrag(waarde) if waarde else "–"


def kwartalen(nummers: Iterable[int]) -> str:
    """``[1, 3]`` → ``'K1, K3'``."""
    return ", ".join(f"K{n}" for n in nummers)


def fte(waarde: float | int) -> str:
    return getal(waarde, 1 if Decimal(str(waarde)) % 1 else 0) + " fte"


def procent(waarde: float | None) -> str:
    """``0.756`` → ``'76%'``."""
    if waarde is None:
        return "–"
    return getal(waarde * 100, 0) + "%"


def opsomming(items: Iterable[Any], laatste: str = "en") -> str:
    """``['a', 'b', 'c']`` → ``'a, b en c'``."""
    woorden = [str(x) for x in items if x not in (None, "")]
    if len(woorden) <= 1:
        return "".join(woorden)
    return ", ".join(woorden[:-1]) + f" {laatste} " + woorden[-1]


TELWOORDEN = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
              "elf", "twaalf"]
RANGTELWOORDEN = ["", "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
                  "negende", "tiende"]


def telwoord(n: int) -> str:
    """Kleine aantallen in woorden, zoals in lopende tekst: ``4`` → ``'vier'``."""
    return TELWOORDEN[n] if 0 <= n < len(TELWOORDEN) else getal(n)


def rangtelwoord(n: int) -> str:
    """``2`` → ``'tweede'``."""
    return RANGTELWOORDEN[n] if 0 < n < len(RANGTELWOORDEN) else f"{n}e"


MEERVOUDEN = {
    "maatregel": "maatregelen", "bouwsteen": "bouwstenen", "instrument": "instrumenten",
    "pijler": "pijlers", "thema": "thema's", "deelfacet": "deelfacetten", "onderdeel": "onderdelen",
    "groep": "groepen", "activiteit": "activiteiten", "regeling": "regelingen", "actie": "acties",
    "speerpunt": "speerpunten", "maatregelenpakket": "maatregelenpakketten",
}


def meervoud(woord: str) -> str:
    """Het meervoud van de namen die plannen voor hun maatregelen en groepen gebruiken.
    Een onbekend woord krijgt de gewone regel: -s na -el, -em, -en, -er, -je en een klinker
    (met apostrof na a, i, o, u, y), anders -en."""
    laag = woord.lower()
    if laag in MEERVOUDEN:
        return woord[0] + MEERVOUDEN[laag][1:] if woord[:1].isupper() else MEERVOUDEN[laag]
    if laag.endswith(("el", "em", "en", "er", "je", "e")):
        return woord + "s"
    if laag.endswith(("a", "i", "o", "u", "y")):
        return woord + "'s"
    return woord + "en"


def aantal(n: int, enkelvoud: str, meervoud_: str | None = None) -> str:
    """``1, 'activiteit'`` → ``'1 activiteit'``; ``3`` → ``'3 activiteiten'``; ``0`` → ``'geen activiteiten'``."""
    meervoud_ = meervoud_ or meervoud(enkelvoud)
    if n == 0:
        return f"geen {meervoud_}"
    return f"{n} {enkelvoud if n == 1 else meervoud_}"


def hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:] if tekst else tekst


def cel(tekst: Any) -> str:
    """Maak een waarde veilig voor een cel van een Markdown-tabel: geen regeleinden en
    geen losse '|'."""
    if tekst is None:
        return ""
    return " ".join(str(tekst).split()).replace("|", "\\|")


def alinea(tekst: Any) -> str:
    """Tekst uit een profiel als Markdown-blok: witruimte aan begin en eind weg."""
    return str(tekst).strip() if tekst is not None else ""


def yaml_tekst(waarde) -> str:
    """Een waarde als YAML op één regel, tussen dubbele aanhalingstekens, met é en ë leesbaar
    (niet als \\u00eb, zoals ``tojson`` doet). Voor de skeletten van ``nieuw``/``nieuw-jaar``."""
    import yaml

    tekst = yaml.safe_dump(waarde, allow_unicode=True, default_style='"', width=10**6)
    if tekst.endswith("\n...\n"):
        tekst = tekst[:-len("\n...\n")]
    return tekst.strip()


FILTERS = {
    "yaml_tekst": yaml_tekst,
    "datum": datum,
    "bedrag": bedrag,
    "getal": getal,
    "bedrag_of_streep": bedrag_of_streep,
    "kwartalen": kwartalen,
    "fte": fte,
    "procent": procent,
    "opsomming": opsomming,
    "hoofdletter": hoofdletter,
    "meervoud": meervoud,
    "aantal": aantal,
    "telwoord": telwoord,
    "rangtelwoord": rangtelwoord,
    "cel": cel,
    "alinea": alinea,
}
