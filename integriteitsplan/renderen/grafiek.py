"""De grafiek van het jaarverslag: meldingen, contacten met de vertrouwenspersoon en
onderzoeken per jaar, als PNG.

matplotlib wordt pas hier geladen (dat kost een paar honderd milliseconden), dus alleen
voor een jaarverslag met kerncijfers. Aantallen onder de privacydrempel worden niet
getekend: zo'n jaar krijgt een gearceerde staaf tot de drempel met het label '< 5'.
De PNG is reproduceerbaar: geen tijdstempel of softwareversie in het bestand.
"""
from __future__ import annotations

import io

REEKSEN = [
    ("meldingen", "Meldingen", "#1f4e79"),
    ("vertrouwenspersoon", "Contacten vertrouwenspersoon", "#5b9bd5"),
    ("onderzoeken_gestart", "Gestarte onderzoeken", "#a5a5a5"),
]


def heeft_gegevens(reeks: dict[int, dict]) -> bool:
    return any(reeks[j].get(naam) is not None for j in reeks for naam, _, _ in REEKSEN)


def maak_grafiek(reeks: dict[int, dict], drempel: int) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    matplotlib.rcParams["svg.hashsalt"] = "integriteitsplan"
    jaren = list(reeks)
    reeksen = [(naam, label, kleur) for naam, label, kleur in REEKSEN
               if any(reeks[j].get(naam) is not None for j in jaren)]
    figuur = Figure(figsize=(6.3, 3.0), dpi=150)
    FigureCanvasAgg(figuur)
    as_ = figuur.add_subplot(1, 1, 1)
    breedte = 0.8 / max(len(reeksen), 1)
    hoogste = 0
    for i, (naam, label, kleur) in enumerate(reeksen):
        for x, jaar in enumerate(jaren):
            waarde = reeks[jaar].get(naam)
            if waarde is None:
                continue
            label_hier, label = label, None  # alleen de eerste staaf van een reeks in de legenda
            positie = x - 0.4 + breedte * (i + 0.5)
            if 0 < waarde < drempel:
                as_.bar(positie, drempel, breedte * 0.9, color="white", edgecolor=kleur, hatch="///",
                        label=label_hier)
                as_.text(positie, drempel, f"< {drempel}", ha="center", va="bottom", fontsize=7)
                hoogste = max(hoogste, drempel)
            else:
                as_.bar(positie, waarde, breedte * 0.9, color=kleur, label=label_hier)
                as_.text(positie, waarde, str(waarde), ha="center", va="bottom", fontsize=7)
                hoogste = max(hoogste, waarde)
    as_.set_xticks(range(len(jaren)), [str(j) for j in jaren])
    as_.set_ylim(0, max(hoogste * 1.2, drempel * 1.5))
    as_.set_ylabel("Aantal")
    as_.spines[["top", "right"]].set_visible(False)
    as_.legend(fontsize=7, frameon=False, loc="upper left",
               bbox_to_anchor=(1.0, 1.0))
    figuur.tight_layout()
    uit = io.BytesIO()
    figuur.savefig(uit, format="png", metadata={"Software": None})
    return uit.getvalue()
