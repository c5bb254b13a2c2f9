"""De bibliotheekfunctie ``generate``: van profiel naar bestanden, in vaste stappen.

laden → controleren → verrijken → renderen → schrijven. Alle documenten worden eerst
volledig in het geheugen gemaakt; pas als alles gelukt is, wordt er geschreven. Een fout
in welke stap ook laat de uitvoermap dus zoals hij was.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from integriteitsplan import controleren, laden, renderen, verrijken
from integriteitsplan.fouten import Foutmelding, GebruiksFout, InvoerFout
from integriteitsplan.schrijven.bestanden import Geschreven, schrijf_bestanden
from integriteitsplan.schrijven.markdown import maak_md
from integriteitsplan.verrijken.context import JaarverslagContext

FORMATEN = ("docx", "md")  # de standaard
ALLE_FORMATEN = ("docx", "md", "pdf", "html")
DOCUMENTEN = ("beleidsplan", "jaarplan", "jaarverslag")


@dataclass
class Verslag:
    """Wat ``generate`` deed: de geschreven bestanden en de waarschuwingen van de controle."""

    gemeente: str
    bestanden: list[Geschreven] = field(default_factory=list)
    waarschuwingen: list[Foutmelding] = field(default_factory=list)
    soorten: dict[Path, str] = field(default_factory=dict)  # per bestand het document (beleidsplan, ...)


@dataclass
class Document:
    """Eén gemaakt document, nog niet geschreven: bestanden per naam."""

    soort: str
    naam: str  # bestandsnaam zonder extensie
    bestanden: dict[str, bytes]  # bestandsnaam -> inhoud


Leden = dict[str, tuple[laden.Profiel, laden.Jaargegevens]]  # de geladen leden van een regio


def maak_document(profiel: laden.Profiel, soort: str = "beleidsplan", formaten: Sequence[str] = FORMATEN,
                  jaren: laden.Jaargegevens | None = None, jaar: int | None = None,
                  verrijkt: verrijken.Verrijkt | None = None,
                  leden: Leden | None = None) -> Document:
    """Verrijk, render en schrijf één document in het geheugen."""
    verrijkt = verrijkt or verrijken.verrijk(profiel, jaren, soort, jaar, leden)
    afbeeldingen: dict[str, bytes] = {}
    if soort == "jaarverslag":
        from integriteitsplan.renderen import grafiek

        c = verrijkt.context  # een JaarverslagContext of (regio) een RegioverslagContext
        if c.grafiek:  # verrijken besliste of er een grafiek komt; hier wordt hij getekend
            eigen = isinstance(c, JaarverslagContext)  # alleen een gemeente heeft eigen reeksen
            afbeeldingen[c.grafiek] = grafiek.maak_grafiek(c.reeks, c.drempel, c.grafiek_reeksen if eigen else None,
                                                           c.grafiek_schattingen if eigen else None)
    gerenderd = renderen.render(verrijkt, profiel)
    bestanden: dict[str, bytes] = {}
    if "md" in formaten:
        bestanden[f"{verrijkt.bestandsnaam}.md"] = maak_md(gerenderd)
        bestanden.update(afbeeldingen)
    vangst = None
    if {"docx", "pdf", "html"} & set(formaten):  # één keer ontleden, voor Word (en dus pdf) én html
        from integriteitsplan.schrijven.ontleden import ontleed

        vangst = ontleed(gerenderd.romp)
    if "docx" in formaten or "pdf" in formaten:
        from integriteitsplan.schrijven import word  # python-docx alleen laden als er Word gemaakt wordt

        gegevens = documentgegevens(profiel, verrijkt)
        docx = word.maak_docx(gerenderd.romp, gegevens, afbeeldingen, vangst=vangst)
        if "pdf" in formaten:  # de PDF via LibreOffice; de .docx krijgt dezelfde paginanummers
            from integriteitsplan.schrijven import inhoudsopgave, pdf

            bestanden[f"{verrijkt.bestandsnaam}.pdf"], paginas = pdf.maak_pdf(docx, gegevens.titel)
            docx = inhoudsopgave.zet_paginanummers(docx, paginas)
        if "docx" in formaten:
            bestanden[f"{verrijkt.bestandsnaam}.docx"] = docx
    if "html" in formaten:
        from integriteitsplan.schrijven import html

        bestanden[f"{verrijkt.bestandsnaam}.html"] = html.maak_html(
            gerenderd, webpagina(profiel, verrijkt, afbeeldingen), vangst)
    return Document(soort=soort, naam=verrijkt.bestandsnaam, bestanden=bestanden)


def documentgegevens(profiel: laden.Profiel, verrijkt: verrijken.Verrijkt):
    from integriteitsplan.schrijven.word import Documentgegevens

    c = verrijkt.sjabloonnamen()  # de jaarplancontext is nog een dict
    meta = profiel.data["metadata"] if verrijkt.soort == "verschillen" else c["meta"]
    stuk = c.get("plan") or c.get("verslag") or c["meta"]
    return Documentgegevens(
        titel=c["titel_met_periode"],
        gemeente=c["organisatienaam"],
        ondertitel=meta.get("ondertitel") if verrijkt.soort == "beleidsplan" else None,
        onderwerp=f"{c['documentsoort']} van {c['de_gemeente']}",
        metadata=list(c["voorblad"]),
        concept=c["concept"],
        voorbeeld=bool(c.get("voorbeeld")),
        datum=stuk.get("datum") or meta.get("datum"),
        steller=stuk.get("steller") or meta.get("steller"),
        logo=controleren.zoek_bestand(profiel, meta["logo"]) if meta.get("logo") else None,
        huisstijl=controleren.zoek_bestand(profiel, meta["huisstijl"]) if meta.get("huisstijl") else None,
        beeldmappen=tuple(v.map for v in profiel.keten),
        hoofdstuk_nieuwe_pagina=_nieuwe_pagina(meta, verrijkt.soort),
        inhoudsopgave_niveaus=meta.get("inhoudsopgave_niveaus") or 2,
    )


def _nieuwe_pagina(meta: dict, soort: str) -> bool | None:
    """Eén regel voor pagina-einden: de hoofdstukken van een beleidsplan beginnen op een nieuwe
    pagina, die van jaarplan en jaarverslag lopen door; het profiel kan het anders willen, en
    zonder keuze van het profiel volgen andere documenten de kopstijl van de huisstijl."""
    if meta.get("hoofdstukken_op_nieuwe_pagina") is not None:
        return bool(meta["hoofdstukken_op_nieuwe_pagina"])
    if soort == "beleidsplan":
        return True
    if soort in ("jaarplan", "jaarverslag"):
        return False if not meta.get("huisstijl") else None
    return None


def webpagina(profiel: laden.Profiel, verrijkt: verrijken.Verrijkt, afbeeldingen: dict[str, bytes]):
    from integriteitsplan.schrijven.html import Pagina

    c = verrijkt.sjabloonnamen()  # de jaarplancontext is nog een dict
    meta = profiel.data["metadata"] if verrijkt.soort == "verschillen" else c["meta"]
    huisstijl = controleren.zoek_bestand(profiel, meta["huisstijl"]) if meta.get("huisstijl") else None
    return Pagina(titel=c["titel_met_periode"], gemeente=c["organisatienaam"], afbeeldingen=afbeeldingen,
                  huisstijl=huisstijl)


def verschillen(regio: str, *, formaten: Iterable[str] = FORMATEN, uitvoer: Path | str = "uitvoer",
                profielmappen: Iterable[Path | str] = (), werkmap: Path | None = None):
    """Schrijf het verschillenrapport van een regio naar ``<uitvoer>/<regio>/`` en geef
    het rapport terug (voor de samenvatting op het scherm)."""
    from integriteitsplan.verrijken import verschillen as vs

    formaten = tuple(formaten)
    if "pdf" in formaten:
        from integriteitsplan.schrijven.pdf import vereist

        vereist()
    mappen = laden.zoekmappen(profielmappen, werkmap)
    basis = laden.laad_profiel(regio, mappen)
    controleren.zeker_geldig(basis, mappen)
    leden = {lid: laden.laad_profiel(lid, mappen) for lid in laden.leden_van(regio, mappen)}
    for profiel in leden.values():
        controleren.zeker_geldig(profiel, mappen)
    rapport = vs.maak_rapport(basis, leden, mappen)
    gemaakt = maak_document(basis, "verschillen", tuple(formaten), verrijkt=vs.verrijk_rapport(rapport))
    doelmap = Path(uitvoer) / regio
    controleer_uitvoermap(doelmap, mappen)
    geschreven = schrijf_bestanden({doelmap / naam: data for naam, data in gemaakt.bestanden.items()})
    if "html" in formaten:
        geschreven += schrijf_index(doelmap, basis)
    return rapport, geschreven


def opdrachten(jaren: laden.Jaargegevens, document: str, jaar: int | None) -> list[tuple[str, int | None]]:
    """Welke documenten er gemaakt worden: (soort, jaar)-paren."""
    if document == "beleidsplan":
        return [("beleidsplan", None)]
    if document == "alle":
        uit: list[tuple[str, int | None]] = [("beleidsplan", None)]
        for j, stukken in sorted(jaren.jaren.items()):
            if jaar is not None and j != jaar:
                continue
            if stukken.jaarplan is not None:
                uit.append(("jaarplan", j))
            if stukken.jaarverslag is not None:
                uit.append(("jaarverslag", j))
        return uit
    if document not in DOCUMENTEN:
        raise GebruiksFout(f"Onbekend document '{document}'. Kies uit: {', '.join(DOCUMENTEN)} of alle.")
    beschikbaar = [j for j, s in sorted(jaren.jaren.items()) if getattr(s, document) is not None
                   or (document == "jaarplan" and s.regionaal_jaarplan is not None)]
    naam = jaren.profiel.naam
    skelet = " --jaarverslag" if document == "jaarverslag" else ""
    if jaar is None:
        if not beschikbaar:
            raise GebruiksFout(f"Er zijn geen gegevens voor een {document}: maak eerst "
                               f"jaren/<jaar>/{document}.yaml in de profielmap. Een begin maakt u met: "
                               f"integriteitsplan nieuw-jaar {naam} <jaar>{skelet}")
        jaar = beschikbaar[-1]
    elif jaar not in beschikbaar:
        raise GebruiksFout(f"Er is geen {document} voor {jaar}: het bestand jaren/{jaar}/{document}.yaml "
                           f"ontbreekt. Jaren met een {document}: {', '.join(map(str, beschikbaar)) or 'geen'}. "
                           f"Een begin maakt u met: integriteitsplan nieuw-jaar {naam} {jaar}{skelet}")
    return [(document, jaar)]


@dataclass
class Voorbereid:
    """Wat laden en controleren opleveren voor ``generate``."""

    profiel: laden.Profiel
    jaren: laden.Jaargegevens
    taken: list[tuple[str, int | None]]
    uitslag: controleren.Uitslag
    mappen: list[laden.Zoekmap]
    leden: Leden = field(default_factory=dict)  # van een regio, één keer geladen en gecontroleerd


def bereid_voor(gemeente: str, document: str = "beleidsplan", jaar: int | None = None,
                profielmappen: Iterable[Path | str] = (), werkmap: Path | None = None) -> Voorbereid:
    """Laden en controleren: geeft profiel, jaargegevens, opdrachten en waarschuwingen,
    of gooit een fout met alle meldingen."""
    mappen = laden.zoekmappen(profielmappen, werkmap)
    profiel = laden.laad_profiel(gemeente, mappen)
    uitslag = controleren.zeker_geldig(profiel, mappen)
    from integriteitsplan.controle import waarschuwingen

    jaren = laden.Jaargegevens()
    leden: Leden = {}
    if document != "beleidsplan":
        jaren = laden.laad_jaren(profiel)
        uitslag.waarschuwingen += controleren.zeker_geldige_jaren(profiel, jaren).waarschuwingen
        if profiel.data.get("leden") and document in ("jaarverslag", "alle"):
            leden = laad_leden(profiel, mappen)
    else:  # het plan gebruikt de jaren niet, maar telt hun waarschuwingen zoals controleer
        try:
            uitslag.waarschuwingen += controleren.controleer_jaren(profiel, laden.laad_jaren(profiel)).waarschuwingen
        except InvoerFout:  # een fout in de jaren houdt het plan niet tegen; controleer wijst haar aan
            pass
    uitslag.waarschuwingen = waarschuwingen(profiel, uitslag.waarschuwingen)  # dezelfde lijst als controleer
    taken = opdrachten(jaren, document, jaar)
    for soort, j in taken:
        if soort == "jaarverslag":  # een veld dat nog in te vullen is, houdt alleen dit verslag tegen
            controleren.zeker_af(jaren, j)
    return Voorbereid(profiel, jaren, taken, uitslag, mappen, leden)


def laad_leden(regio: laden.Profiel, mappen: list[laden.Zoekmap]) -> Leden:
    """Laad en controleer de leden van een regio, één keer per run. Het regionale jaarverslag
    telt hun cijfers op: die moeten dus kloppen."""
    fouten: list[Foutmelding] = []
    leden: Leden = {}
    for lid in regio.data["leden"]:
        profiel = laden.laad_profiel(lid, mappen)
        fouten += controleren.controleer_profiel(profiel).fouten
        jaren = laden.laad_jaren(profiel)
        if not fouten:
            fouten += controleren.controleer_jaren(profiel, jaren).fouten
        leden[lid] = (profiel, jaren)
    if fouten:
        raise InvoerFout(fouten, kop="Het regionale jaarverslag telt de cijfers van de leden op, maar de "
                         "gegevens van een lid bevatten fouten:")
    return leden


def generate(
    gemeente: str,
    *,
    document: str = "beleidsplan",
    jaar: int | None = None,
    formaten: Iterable[str] = FORMATEN,
    uitvoer: Path | str = "uitvoer",
    profielmappen: Iterable[Path | str] = (),
    werkmap: Path | None = None,
) -> Verslag:
    """Maak de documenten van één gemeente en schrijf ze naar ``<uitvoer>/<gemeente>/``.

    ``document`` is beleidsplan, jaarplan, jaarverslag of alle; ``jaar`` kiest het jaar
    (standaard het laatste jaar met gegevens). Gooit een ``IntegriteitsplanFout`` met
    een Nederlandse uitleg als de invoer niet klopt; dan is er niets geschreven.
    """
    formaten = tuple(formaten)
    for formaat in formaten:
        if formaat not in ALLE_FORMATEN:
            raise GebruiksFout(f"Onbekend formaat '{formaat}'. Kies uit: {', '.join(ALLE_FORMATEN)}.")
    if "pdf" in formaten:
        from integriteitsplan.schrijven.pdf import vereist

        vereist()
    v = bereid_voor(gemeente, document, jaar, profielmappen, werkmap)
    doelmap = Path(uitvoer) / gemeente
    controleer_uitvoermap(doelmap, v.mappen)
    bestanden: dict[Path, bytes] = {}
    soorten: dict[Path, str] = {}
    for soort, j in v.taken:
        gemaakt = maak_document(v.profiel, soort, formaten, v.jaren, j, leden=v.leden)
        bestanden.update({doelmap / naam: data for naam, data in gemaakt.bestanden.items()})
        soorten.update({doelmap / naam: soort for naam in gemaakt.bestanden})
    geschreven = schrijf_bestanden(bestanden)
    if "html" in formaten:
        geschreven += schrijf_index(doelmap, v.profiel)
    return Verslag(gemeente=gemeente, bestanden=geschreven, waarschuwingen=v.uitslag.waarschuwingen,
                   soorten=soorten)


def controleer_uitvoermap(doelmap: Path, mappen: list[laden.Zoekmap]) -> None:
    """De uitvoermap van een gemeente is geen snelkoppeling en ligt niet in een map met
    profielen: een map van een gemeente is invoer (een snelkoppeling of een eigen
    ``.integriteitsplan.json`` daarin zou bepalen waar en wat er geschreven wordt)."""
    if doelmap.is_symlink():
        raise GebruiksFout(f"De uitvoermap {doelmap} is een snelkoppeling; het programma schrijft niet via een "
                           "snelkoppeling. Haal hem weg of kies een andere uitvoermap (--uitvoer). Er is niets geschreven.")
    try:
        echt = doelmap.resolve()
    except (OSError, RuntimeError):
        return  # dan meldt het schrijven zelf wat er mis is
    for zoekmap in mappen:
        try:
            binnen = echt.is_relative_to(zoekmap.pad.resolve())
        except (OSError, RuntimeError):
            continue
        if binnen:
            raise GebruiksFout(f"De uitvoermap {doelmap} ligt in een map met profielen ({zoekmap.pad}). Daar schrijft "
                               "het programma niet: de map van een gemeente is invoer. Kies een andere uitvoermap "
                               "(--uitvoer). Er is niets geschreven.")


def schrijf_index(doelmap: Path, profiel: laden.Profiel) -> list[Geschreven]:
    """``index.html`` van de uitvoermap, uit de vingerafdrukken van wat er geschreven is."""
    from integriteitsplan.schrijven.index import INDEX, maak_index

    meta = profiel.data["metadata"]
    huisstijl = controleren.zoek_bestand(profiel, meta["huisstijl"]) if meta.get("huisstijl") else None
    return schrijf_bestanden({doelmap / INDEX: maak_index(doelmap, str(meta.get("gemeente") or doelmap.name), huisstijl)})
