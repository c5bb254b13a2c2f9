"""De grafiek van het jaarverslag: meldingen, contacten met de vertrouwenspersoon en
onderzoeken per jaar, als PNG.

matplotlib wordt pas hier geladen (dat kost een paar honderd milliseconden), dus alleen
voor een jaarverslag met kerncijfers. Aantallen onder de privacydrempel worden niet
getekend: een hoogte zou een getal suggereren dat niet gepubliceerd wordt. Zo'n jaar krijgt
geen staaf maar op de voet van de as een open rondje in de kleur van de reeks met het label
'< 5' erboven, en de legenda zegt wat '< 5' betekent. Of er een grafiek komt en wat zijn
alternatieve tekst is, beslist ``verrijken/grafiekgegevens.py``; hier wordt hij getekend.
De PNG is reproduceerbaar: geen tijdstempel of softwareversie in het bestand.

Snelheid (een grafiek kost na de eerste enkele milliseconden):

- één figuur met Agg-canvas (geen pyplot), assen en opmaak wordt per proces één keer
  gemaakt en hergebruikt; per grafiek worden alleen staven, getallen en legenda vervangen;
- de marges die ``tight_layout`` berekent, hangen alleen af van de teksten rond de assen
  (getallen langs de y-as, jaartallen, legenda) en van de hoogte van de y-as; ze worden
  per combinatie één keer uitgerekend;
- de vaste laag (schaalverdeling, labels, legenda) wordt per combinatie van grenzen,
  marges en legenda één keer getekend en bewaard; daarop komen telkens de staven, de
  randen van de assen en de getallen, in de volgorde van matplotlib. Ook de eerste keer
  gaat het zo, dus de uitkomst hangt alleen af van de invoer, niet van wat het proces
  eerder tekende (beeldpunt voor beeldpunt gelijk aan een nieuwe figuur per grafiek);
- de gedeelde figuur staat achter een slot: één grafiek tegelijk per proces;
- het PNG-bestand wordt hier zelf gemaakt (RGBA, filter 'Up', zlib), zonder metadata
  behalve de resolutie (150 dpi), zodat Word de grafiek even groot toont als voorheen.
"""
from __future__ import annotations

import struct
import threading
import zlib

from integriteitsplan.verrijken.grafiekgegevens import REEKSEN, gedrukt, hogere_drempels, verborgen

KLEUREN = ["#1f4e79", "#5b9bd5", "#a5a5a5", "#c55a11", "#548235", "#7030a0", "#bf9000"]

FORMAAT = (6.3, 3.0)  # inch
DPI = 150
_MAX_ACHTERGRONDEN = 16  # elk ~1,7 MB

_slot = threading.Lock()
_sjabloon = None  # (figuur, assen), per proces één keer gemaakt
_marges: dict[tuple, tuple[float, float, float, float]] = {}  # teksten rond de assen -> subplotpars
_achtergronden: dict[tuple, object] = {}  # alles behalve staven en getallen -> pixels


def _maak_sjabloon():
    """De vaste delen: figuur, Agg-canvas, assen, y-label en randen."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figuur = Figure(figsize=FORMAAT, dpi=DPI)
    FigureCanvasAgg(figuur)
    as_ = figuur.add_subplot(1, 1, 1)
    as_.set_ylabel("Aantal")
    as_.spines[["top", "right"]].set_visible(False)
    return figuur, as_


def _leeg(as_) -> None:
    """Haal de inhoud van de vorige grafiek weg; de assen staan er weer bij als nieuw."""
    for artist in [*as_.patches, *as_.texts, *as_.lines]:
        artist.remove()
    if as_.legend_ is not None:
        as_.legend_.remove()
    as_.containers.clear()
    as_.ignore_existing_data_limits = True  # de eerste nieuwe staaf bepaalt de grenzen opnieuw
    as_.set_autoscalex_on(True)


def _staaf(as_, midden: float, hoogte: float, breedte: float, kleur: str, geschat: bool = False):
    """Wat ``as_.bar`` doet voor één staaf, zonder zijn algemene (en trage) voorbereiding.
    De grenzen van de gegevens worden in ``maak_grafiek`` in één keer bijgewerkt. Een geschat
    aantal krijgt een gestippelde staaf."""
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Rectangle

    if geschat:
        staaf = Rectangle((midden - breedte / 2, 0), breedte, hoogte, facecolor=to_rgba("white"),
                          edgecolor=to_rgba(kleur), hatch="..", label="_nolegend_")
    else:
        staaf = Rectangle((midden - breedte / 2, 0), breedte, hoogte, facecolor=to_rgba(kleur),
                          label="_nolegend_")
    staaf.get_path()._interpolation_steps = 100
    staaf.sticky_edges.y.append(0)
    as_.add_artist(staaf)
    return staaf


def _rondje(as_, midden: float, kleur: str):
    """Een open rondje op de voet van de as: hier is een aantal, maar het wordt niet getoond."""
    from matplotlib.lines import Line2D

    rondje = Line2D([midden], [0], marker="o", markersize=4.5, markerfacecolor="white",
                    markeredgecolor=kleur, markeredgewidth=1.2, linestyle="none", clip_on=False,
                    label="_nolegend_")
    as_.add_artist(rondje)
    return rondje


def maak_grafiek(reeks: dict[int, dict], drempel: int, reeksen: list[dict] | None = None,
                 schattingen: dict[int, set] | None = None) -> bytes:
    """``reeksen``: ``[{id, naam, zaken}]`` in volgorde (zonder: de vaste drie); ``schattingen``:
    per jaar de ids waarvan het aantal geschat is."""
    with _slot:
        return _maak_grafiek(reeks, drempel, reeksen, schattingen or {})


def _maak_grafiek(reeks: dict[int, dict], drempel: int, gevraagd=None, schattingen=None) -> bytes:
    global _sjabloon
    if _sjabloon is None:
        _sjabloon = _maak_sjabloon()
    figuur, as_ = _sjabloon
    _leeg(as_)

    jaren = list(reeks)
    if gevraagd is None:
        gevraagd = [{"id": naam, "naam": label, "zaken": True} for naam, label in REEKSEN]
    reeksen = [(r["id"], r["naam"], KLEUREN[i % len(KLEUREN)], r.get("zaken", True))
               for i, r in enumerate(gevraagd) if any(reeks[j].get(r["id"]) is not None for j in jaren)]
    breedte = 0.8 / max(len(reeksen), 1)
    hoogste = 0
    staven, getallen, hoeken = [], [], []
    legenda = []  # (label, kleur) per reeks; de legenda tekent eigen vlakjes
    iets_verborgen = False
    for i, (naam, label, kleur, zaken) in enumerate(reeksen):
        legenda.append((label, kleur))
        for x, jaar in enumerate(jaren):
            waarde = reeks[jaar].get(naam)
            if waarde is None:
                continue
            positie = x - 0.4 + breedte * (i + 0.5)
            hoeken += [(positie - breedte * 0.45, 0), (positie + breedte * 0.45, 0)]
            if zaken and verborgen(waarde, drempel):
                # geen staaf: een hoogte zou een getal suggereren. Een open rondje in de kleur
                # van de reeks op de voet van de as, met het label erboven.
                iets_verborgen = True
                getallen.append(_rondje(as_, positie, kleur))  # over de onderrand heen
                getallen.append(as_.annotate(gedrukt(waarde, drempel), (positie, 0), xytext=(0, 4),
                                             textcoords="offset points", ha="center", va="bottom",
                                             fontsize=7, color="#262626"))
                continue
            geschat = naam in (schattingen or {}).get(jaar, ())
            staven.append(_staaf(as_, positie, waarde, breedte * 0.9, kleur, geschat))
            hoeken[-1] = (positie + breedte * 0.45, waarde)
            getallen.append(as_.text(positie, waarde, f"ca. {waarde}" if geschat else str(waarde),
                                     ha="center", va="bottom", fontsize=7))
            hoogste = max(hoogste, waarde)
    if iets_verborgen:  # de legenda zegt wat het label zonder staaf betekent
        legenda.append((f"< {drempel}: 1 tot en met {drempel - 1},\nniet getekend", None))
        for d in hogere_drempels(reeks, drempel):
            legenda.append((f"< {d}: 1 tot en met {d - 1},\nniet getekend", None))
        if any(reeks[j].get(naam) == "x" for j in jaren for naam, *_ in reeksen):
            legenda.append((f"x: {drempel} of meer,\nniet gepubliceerd", None))
    if hoeken:
        as_.update_datalim(hoeken)
    as_._request_autoscale_view()  # zoals as_.bar doet
    jaartallen = [str(j) for j in jaren]
    as_.set_xticks(range(len(jaren)), jaartallen)
    boven = max(hoogste * 1.2, drempel * 1.5)
    as_.set_ylim(0, boven)
    plaatsen = as_.yaxis.get_major_locator().tick_values(0, boven)
    schaal = as_.yaxis.get_major_formatter().format_ticks([p for p in plaatsen if 0 <= p <= boven])
    # de marges hangen af van de teksten rond de assen en (boven: een getal dat uitsteekt)
    # van de hoogte van de y-as
    teksten = (tuple(schaal), tuple(jaartallen), tuple(label for label, _ in legenda), boven)
    sleutel = (as_.get_xlim(), teksten, tuple(legenda))
    if sleutel in _achtergronden:
        links, onder, rechts, top = _marges[teksten]
        figuur.subplots_adjust(left=links, bottom=onder, right=rechts, top=top)
    else:  # de legenda wordt alleen in de vaste laag getekend
        from matplotlib.lines import Line2D
        from matplotlib.patches import Rectangle

        vlakjes = [Rectangle((0, 0), 1, 1, facecolor=kleur) if kleur else
                   Line2D([], [], marker="o", markersize=4.5, markerfacecolor="white",
                          markeredgecolor="#262626", linestyle="none") for _, kleur in legenda]
        as_.legend(vlakjes, list(teksten[2]), fontsize=7, frameon=False,
                   loc="upper left", bbox_to_anchor=(1.0, 1.0))
        _zet_marges(figuur, teksten)
    return _teken(figuur, as_, sleutel, staven, getallen)


def _zet_marges(figuur, teksten: tuple) -> None:
    """Wat ``figuur.tight_layout()`` doet, maar per combinatie van teksten rond de assen
    (schaal, jaartallen, legenda) en hoogte van de y-as maar één keer uitgerekend:
    tight_layout meet alle teksten van de figuur."""
    from matplotlib import rcParams

    marges = _marges.get(teksten)
    if marges is None:
        # tight_layout gaat uit van de huidige marges: begin zoals een nieuwe figuur
        figuur.subplots_adjust(**{k: rcParams[f"figure.subplot.{k}"] for k in ("left", "bottom", "right", "top")})
        figuur.tight_layout()
        # tight_layout laat een 'placeholder' achter, waardoor savefig de figuur twee keer tekent
        figuur.set_layout_engine(None)
        p = figuur.subplotpars
        _marges[teksten] = (p.left, p.bottom, p.right, p.top)
    else:
        links, onder, rechts, top = marges
        figuur.subplots_adjust(left=links, bottom=onder, right=rechts, top=top)


def _teken(figuur, as_, sleutel, staven, getallen) -> bytes:
    """Teken staven, randen en getallen (de volgorde van matplotlib) op de vaste laag en
    geef de PNG."""
    import numpy as np

    canvas = figuur.canvas
    renderer = canvas.get_renderer()
    randen = [rand for rand in as_.spines.values() if rand.get_visible()]
    achtergrond = _achtergronden.get(sleutel)
    if achtergrond is None:
        for artist in (*staven, *randen, *getallen):
            artist.set_visible(False)
        canvas.draw()
        for artist in (*staven, *randen, *getallen):
            artist.set_visible(True)
        if len(_achtergronden) >= _MAX_ACHTERGRONDEN:
            _achtergronden.clear()
        achtergrond = _achtergronden[sleutel] = renderer.copy_from_bbox(figuur.bbox)
    else:
        renderer.restore_region(achtergrond)
    for staaf in staven:
        staaf.draw(renderer)
    for rand in randen:  # de onderrand ligt over de voet van de staven
        rand.draw(renderer)
    for getal in getallen:
        getal.draw(renderer)
    return _png(np.asarray(renderer.buffer_rgba()), DPI)


def _png(rgba, dpi: float) -> bytes:
    """Een PNG (RGBA, 8 bit, zoals matplotlib hem schrijft) met alleen de resolutie erbij."""
    import numpy as np

    hoogte, breedte = rgba.shape[:2]
    regels = rgba.reshape(hoogte, breedte * 4)
    rijen = np.empty((hoogte, breedte * 4 + 1), dtype=np.uint8)
    rijen[:, 0] = 2  # filter 'Up': het verschil met de rij erboven
    rijen[0, 1:] = regels[0]
    np.subtract(regels[1:], regels[:-1], out=rijen[1:, 1:])

    def blok(soort: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + soort + data + struct.pack(">I", zlib.crc32(soort + data))

    per_meter = round(dpi / 0.0254)
    return (b"\x89PNG\r\n\x1a\n"
            + blok(b"IHDR", struct.pack(">IIBBBBB", breedte, hoogte, 8, 6, 0, 0, 0))
            + blok(b"pHYs", struct.pack(">IIB", per_meter, per_meter, 1))
            + blok(b"IDAT", zlib.compress(rijen.tobytes(), 3))
            + blok(b"IEND", b""))
