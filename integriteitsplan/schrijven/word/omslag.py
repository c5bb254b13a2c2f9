"""Titelpagina en inhoudsopgave.

Krijgt de :class:`~.toestand.Opbouw` (met de :class:`Documentgegevens`) en de koppen
uit :func:`.blokken.koppen_verzamelen`; voegt de titelpagina (logo, titel, gemeente,
conceptmarkering, gegevenstabel) en de inhoudsopgave (een TOC-veld met de koppen als
voorlopig resultaat) aan de body toe.
"""
from __future__ import annotations

from pathlib import Path

from . import afbeeldingen, runs
from .runs import VET
from .tabellen import cel, rij_begin, tabel_begin
from .toestand import Opbouw
from .xmltekst import PAGEBREAKBEFORE, Alinea, W, esc

VOORBEELD = "VOORBEELD – verzonnen gegevens"


def omslag(o: Opbouw) -> None:
    g = o.g
    if g.logo:
        p = o.alinea(ppr={"spacing": {"before": "0", "after": "0"}})
        afbeeldingen.afbeelding(o, p.inhoud, afbeeldingen.zoek_bestand(o, Path(g.logo), "logo"),
                                max_breedte=4000, max_hoogte=1300, logo=True,
                                beschrijving=f"Logo van {g.gemeente}")
    voor = "2600" if g.logo else "3400"
    runs.run(o, o.alinea(stijl=o.stijl("titel"), ppr={"spacing": {"before": voor}}).inhoud,
             g.titel)
    if g.ondertitel:
        runs.run(o, o.alinea(stijl=o.stijl("ondertitel")).inhoud, g.ondertitel)
    runs.run(o, o.alinea(stijl=o.stijl("gemeente")).inhoud, g.gemeente)
    if g.concept:
        runs.run(o, o.alinea(stijl=o.stijl("concept")).inhoud, "CONCEPT")
    if g.voorbeeld:
        runs.run(o, o.alinea(stijl=o.stijl("concept")).inhoud, VOORBEELD)
    if g.metadata:
        # ruimte tussen titelblok en gegevens
        o.alinea(ppr={"spacing": {"before": "900" if g.concept else "1600", "after": "0"}})
        breedte = o.tekstbreedte
        links = min(max(breedte * 3 // 10, 2200), breedte // 2)
        breedtes = [links, breedte - links]
        rijen = []
        label_stijl = o.stijl("tabeltekst")
        for label, waarde in g.metadata:
            cellen = []
            for i, (tekst, opmaak) in enumerate(((label, VET), (waarde, 0))):
                p = Alinea(label_stijl, None)
                if tekst:
                    runs.run(o, p.inhoud, str(tekst), opmaak)
                cellen.append(cel(breedtes[i], p))
            rijen.append(rij_begin(False) + "".join(cellen) + "</w:tr>")
        o.uit.append(tabel_begin(o, o.stijl("omslagtabel"), breedtes, kop=False)
                     + "".join(rijen) + "</w:tbl>")
        o.alinea(ppr={"spacing": {"before": "0", "after": "0"}})


def toc_instructie(niveaus: int) -> str:
    """Het TOC-veld voor koppen tot en met ``niveaus``."""
    return f' TOC \\o "1-{niveaus}" \\h \\z \\u '


def _regelhoogte(o: Opbouw, sid: str) -> tuple[int, object]:
    """(geschatte hoogte in twips van een regel in stijl ``sid``, het spacing-element van de
    stijl zelf of None)."""
    voor = na = None
    regel = 240
    pt = 11.0
    eigen = None
    for i, st in enumerate(o.stijlen.keten(sid)):
        sp = st.find(f"{W}pPr/{W}spacing")
        if sp is not None:
            eigen = sp if i == 0 else eigen
            voor = voor if voor is not None else sp.get(W + "before")
            na = na if na is not None else sp.get(W + "after")
            if sp.get(W + "lineRule", "auto") == "auto" and sp.get(W + "line"):
                regel = int(sp.get(W + "line"))
        sz = st.find(f"{W}rPr/{W}sz")
        if sz is not None and pt == 11.0:
            pt = int(sz.get(W + "val")) / 2
    return int(pt * 20 * 1.17 * regel / 240) + int(voor or 0) + int(na or 0), eigen


def _geen_staart(o: Opbouw, koppen: list[tuple[int, str, str]]) -> None:
    """LibreOffice en Word bouwen de inhoudsopgave opnieuw op (met paginanummers), zonder de
    alinea-eigenschappen die wij meegeven. Zou de laatste pagina van de inhoudsopgave maar een
    paar regels krijgen, dan gaat er wat ruimte tussen de regels af (in de stijlen, die
    blijven), zodat die regels nog op de pagina ervoor passen."""
    hoogtes = {n: _regelhoogte(o, o.stijl(f"toc{n}")) for n in {min(n, 3) for n, _, _ in koppen}}
    pagina = o.teksthoogte - 900  # de kop 'Inhoud'
    # de schatting valt bij LibreOffice zo'n 7% te laag uit (gemeten aan twee documenten)
    totaal = int(sum(hoogtes[min(n, 3)][0] for n, _, _ in koppen) * 1.07)
    rest = totaal % pagina
    if totaal <= pagina or rest * 4 > pagina:
        return
    krap = {n: int(h * 1.07) - _besparing(sp) for n, (h, sp) in hoogtes.items()}
    if sum(krap[min(n, 3)] for n, _, _ in koppen) > (totaal // pagina) * pagina * 0.95:
        return  # ook krapper blijft er een staart: dan liever een volle laatste regel dan geen
    for _, sp in hoogtes.values():
        if sp is None:
            continue
        for attr in ("before", "after"):
            waarde = sp.get(W + attr)
            if waarde:
                sp.set(W + attr, str(int(waarde) // 3))
        if sp.get(W + "line") and sp.get(W + "lineRule", "auto") == "auto":
            sp.set(W + "line", "240")


def _besparing(sp) -> int:
    """Hoeveel twips per regel het krapper zetten van ``sp`` scheelt (zie ``_geen_staart``)."""
    if sp is None:
        return 0
    winst = sum(int(sp.get(W + a) or 0) - int(sp.get(W + a) or 0) // 3 for a in ("before", "after"))
    if sp.get(W + "line") and sp.get(W + "lineRule", "auto") == "auto":
        winst += int(11 * 20 * 1.17 * (int(sp.get(W + "line")) - 240) / 240)
    return winst


def inhoudsopgave(o: Opbouw, koppen: list[tuple[int, str, str]]) -> None:
    _geen_staart(o, koppen)
    ppr = None
    if not o.stijlen.heeft(o.stijlen.ruwe_stijl("inhoudkop"), PAGEBREAKBEFORE):
        ppr = {"pageBreakBefore": None}
    runs.run(o, o.alinea(stijl=o.stijl("inhoudkop"), ppr=ppr).inhoud, "Inhoud")
    laatste = None
    for i, (niveau, tekst, bladwijzer) in enumerate(koppen):
        p = o.alinea(stijl=o.stijl(f"toc{min(niveau, 3)}"))
        if len(koppen) - 3 <= i < len(koppen) - 1:
            p.zet("keepNext")  # geen pagina met alleen de staart van de inhoudsopgave
        if i == 0:
            p.inhoud.append(
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve">{esc(toc_instructie(o.g.inhoudsopgave_niveaus))}'
                '</w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            )
        p.inhoud.append(f'<w:hyperlink w:anchor="{bladwijzer}" w:history="1">')
        runs.run(o, p.inhoud, tekst)
        p.inhoud.append("</w:hyperlink>")
        laatste = p
    if laatste is not None:
        laatste.inhoud.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
