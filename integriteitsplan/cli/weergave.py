"""Wat de opdrachtregel op het scherm zet: de basisnormentoets als tabel, het bereik van
verborgen aantallen en per profiel welke documenten het kan opleveren. Alleen tekst voor de
terminal; de feiten komen uit de bibliotheek."""
from __future__ import annotations

import click

from integriteitsplan import laden
from integriteitsplan.laden.jaren import JAARMAP
from integriteitsplan.verrijken.algemeen import periode


def toon_privacybereik(rijen: list[dict]) -> None:
    """Per verborgen cel van de jaarverslagen: waartoe een lezer het aantal kan terugbrengen."""
    if not rijen:
        return
    click.echo("\nPrivacy: verborgen aantallen en wat een lezer van alle verslagen eruit kan afleiden.")
    click.echo("Tussen haakjes staat wat het verslag toont; 'tabel weggelaten': het verslag toont die")
    click.echo("indeling niet per categorie, alleen haar totaal, en ook dat is afgeschermd.")
    for rij in rijen:
        lo, hi = rij["bereik"]
        waar = f"{rij['tabel']}, {rij['categorie']}" if rij["categorie"] else rij["tabel"]
        gedrukt = "tabel weggelaten" if rij["gedrukt"] == "–" else rij["gedrukt"]
        click.echo(f"  {rij['jaar']} {waar} ({gedrukt}): {lo} tot en met {hi}")


def toetstabel(rijen: list[dict]) -> str:
    kolommen = ["Nr", "Basisnorm", "Stand", "Regeling", "Geëvalueerd"]
    data = [
        [str(r["nummer"]), r["naam"], r["status"], r["regeling"] or "–",
         (f"{r['geevalueerd']} (te oud)" if r["verouderd"] else str(r["geevalueerd"])) if r["geevalueerd"] else "–"]
        for r in rijen
    ]
    breedtes = [min(max(len(k), *(len(rij[i]) for rij in data)), 42) for i, k in enumerate(kolommen)]

    def regel(cellen):
        return "  " + "  ".join(c[:b].ljust(b) for c, b in zip(cellen, breedtes)).rstrip()

    return "\n".join([regel(kolommen), regel(["-" * b for b in breedtes])] + [regel(r) for r in data])


def documenten_van(vindplaats: laden.Vindplaats) -> str:
    """Wat een profiel kan opleveren: het plan (met zijn periode) en de jaren met een
    jaarplan of jaarverslag. Leest alleen wat nodig is; een kapot profiel stopt de lijst niet."""
    try:
        data = laden.lees_yaml(vindplaats.bestand, laden.weergavenaam(vindplaats))
        meta = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
        looptijd = periode(meta) if meta else ""
    except Exception:  # noqa: BLE001 - een kapot profiel mag de lijst niet stoppen
        return "(profiel bevat fouten; zie: integriteitsplan controleer " + vindplaats.naam + ")"
    delen = [f"beleidsplan {looptijd}".strip()]
    for soort in ("jaarplan", "jaarverslag"):
        jaren = sorted(int(p.parent.name) for p in (vindplaats.map / JAARMAP).glob(f"*/{soort}.yaml")
                       if p.parent.name.isdigit())
        if jaren:
            delen.append(f"{soort} {', '.join(map(str, jaren))}")
    tekst = "; ".join(delen)
    if isinstance(data.get("leden"), list):
        tekst += f" (regio met {len(data['leden'])} leden)"
    elif data.get("basis"):
        tekst += f" (op basis van {data['basis']})"
    return tekst
