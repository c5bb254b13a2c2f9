"""Het Jaarplan integriteit verrijken: eigen, doorgeschoven en regionale activiteiten,
planning per kwartaal, opvolging van de aanbevelingen en budget.

Ontvangt een gecontroleerd ``Profiel`` met zijn ``Jaargegevens`` en het jaar; geeft een
``Verrijkt``. De tabellen en de zin over de soorten activiteiten worden hier gemaakt, zodat
het sjabloon alleen nog toont.
"""
from __future__ import annotations

from integriteitsplan import opmaak
from integriteitsplan.controleren.schema.jaren import JAARPLAN_SCHEMA
from integriteitsplan.domein import jaarcyclus
from integriteitsplan.domein.maatregelen import maatregelen_van
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.verrijken.algemeen import (
    KWARTALEN,
    ONTVANGERS,
    STREEP,
    Cel,
    Tabel,
    Verrijkt,
    _basis_jaar,
    _voorblad_jaar,
    of_streep,
    vul_aan,
)

ACTIVITEITKOLOMMEN = ["Activiteit", "Maatregel", "Doel of resultaat", "Eigenaar", "Kwartaal", "Budget", "Status"]


def activiteitentabel(activiteiten: list[dict]) -> Tabel:
    """De activiteiten als tabel; achter de naam staat waar een activiteit vandaan komt."""
    rijen = []
    for activiteit in activiteiten:
        herkomst = []
        if activiteit["doorgeschoven_uit"]:
            herkomst.append(f"doorgeschoven uit {activiteit['doorgeschoven_uit']}")
        if activiteit["herkomst"] == "regionaal":
            herkomst.append("regionaal")
        rijen.append([Cel(activiteit["activiteit"], herkomst), activiteit["maatregel_naam"],
                      of_streep(activiteit["doel"]), of_streep(activiteit["eigenaar"]),
                      of_streep(opmaak.kwartalen(activiteit["kwartalen"])),
                      opmaak.bedrag(activiteit["budget"]) if activiteit["budget"] is not None else STREEP,
                      of_streep(activiteit["status"])])
    return Tabel(ACTIVITEITKOLOMMEN, rijen)


def planningtabel(rijen: list[dict]) -> tuple[Tabel | None, list[str]]:
    """De planning per kwartaal als één overzicht: een rij per activiteit, een kolom per
    kwartaal (K1-K4) met een ✓ waar de activiteit loopt. Een kwartaal zonder activiteiten
    krijgt geen lege kolom; het sjabloon noemt het in een zin (tweede waarde: de namen)."""
    gepland = [r for r in rijen if r["kwartalen"]]
    if not gepland:
        return None, []
    met = [k for k in KWARTALEN if any(k in r["kwartalen"] for r in gepland)]
    zonder = [KWARTALEN[k].lower() for k in KWARTALEN if k not in met]
    tabel = Tabel(["Activiteit", "Eigenaar", *(f"K{k}" for k in met)],
                  [[r["activiteit"], of_streep(r["eigenaar"]),
                    *("✓" if k in r["kwartalen"] else "" for k in met)] for r in gepland])
    if not any(r["eigenaar"] for r in gepland):
        tabel = Tabel(["Activiteit", *tabel.kolommen[2:]], [[rij[0], *rij[2:]] for rij in tabel.rijen])
    return tabel, zonder


def soorten_activiteiten(eigen: list, doorgeschoven: list, regionaal: list, jaar: int) -> list[str]:
    """Hoeveel activiteiten van elke soort er zijn ('3 nieuwe', '2 doorgeschoven uit 2026')."""
    delen = []
    if eigen:
        delen.append(f"{len(eigen)} {'nieuwe' if doorgeschoven else 'eigen'}")
    if doorgeschoven:
        delen.append(f"{len(doorgeschoven)} doorgeschoven uit {jaar - 1}")
    if regionaal:
        delen.append(f"{len(regionaal)} die de regio gezamenlijk uitvoert")
    return delen


def verrijk_jaarplan(profiel: Profiel, jaren, jaar: int) -> Verrijkt:
    context = _basis_jaar(profiel, "jaarplan", jaar)
    gegevens = context["profiel"]
    stukken = jaren.stukken(jaar)
    plan = vul_aan((stukken.jaarplan if stukken else None) or {"jaar": jaar}, JAARPLAN_SCHEMA)
    maatregelen = maatregelen_van(gegevens)
    rijen = []
    for activiteit in jaarcyclus.activiteiten(jaren, jaar):
        maatregel = maatregelen.get(activiteit.maatregel, {})
        rijen.append({**activiteit.als_dict(), "maatregel_naam": maatregel.get("maatregel", activiteit.maatregel),
                      "groep": maatregel.get("hoofdgroep") or "Overig"})
    vorig = jaren.stukken(jaar - 1)
    vorige_aanbevelingen = ((vorig.jaarverslag or {}).get("aanbevelingen") or []) if vorig else []
    opvolging = {o["aanbeveling"]: o for o in plan["aanbevelingen"]}
    namen_act = {r["id"]: r["activiteit"] for r in rijen}
    aanbevelingen = [{"id": a["id"], "aanbeveling": a["aanbeveling"],
                      "opvolging": opvolging.get(a["id"], {}).get("opvolging"),
                      "activiteit_naam": namen_act.get(opvolging.get(a["id"], {}).get("activiteit"))}
                     for a in vorige_aanbevelingen]
    kwartalen = {k: [r for r in rijen if k in r["kwartalen"]] for k in KWARTALEN}
    planning, lege_kwartalen = planningtabel(rijen)
    budgetposten = gegevens["middelen"]["budget"]
    plan_budget = sum(b["bedrag"] for b in budgetposten if b["jaar"] == jaar)
    eigen_budget = sum(r["budget"] or 0 for r in rijen if r["herkomst"] != "regionaal")
    eigen = [r for r in rijen if r["herkomst"] == "eigen"]
    doorgeschoven = [r for r in rijen if r["herkomst"] == "doorgeschoven"]
    regionaal = [r for r in rijen if r["herkomst"] == "regionaal"]
    monitoring = [{**m, "aan_naam": ONTVANGERS[m["aan"]]} for m in sorted(plan["monitoring"], key=lambda m: m["kwartaal"])]
    context.update({
        "plan": plan,
        "activiteiten": rijen,
        "eigen": eigen,
        "doorgeschoven": doorgeschoven,
        "regionaal": regionaal,
        "tabel_eigen": activiteitentabel(eigen),
        "tabel_doorgeschoven": activiteitentabel(doorgeschoven),
        "tabel_regionaal": activiteitentabel(regionaal),
        "soorten_activiteiten": soorten_activiteiten(eigen, doorgeschoven, regionaal, jaar),
        "vervallen": jaarcyclus.vervallen(jaren, jaar),
        "aanbevelingen": aanbevelingen,
        "aanbevelingentabel": Tabel(["Aanbeveling", "Wat we ermee doen", "Activiteit"],
                                    [[a["aanbeveling"], a["opvolging"] or "Nog geen opvolging vastgelegd.",
                                      of_streep(a["activiteit_naam"])] for a in aanbevelingen]),
        "kwartalen": [{"nummer": k, "naam": naam, "activiteiten": kwartalen[k]} for k, naam in KWARTALEN.items()],
        "zonder_kwartaal": [r for r in rijen if not r["kwartalen"]],
        "planningtabel": planning,
        "lege_kwartalen": lege_kwartalen,
        "budget_activiteiten": eigen_budget,
        "budget_plan": plan_budget if any(b["jaar"] == jaar for b in budgetposten) else None,
        "monitoring": monitoring,
        "monitoringtabel": Tabel(["Kwartaal", "Wat", "Aan", "Toelichting"],
                                 [[f"K{m['kwartaal']}", m["wat"], opmaak.hoofdletter(m["aan_naam"]),
                                   of_streep(m["toelichting"])] for m in monitoring]),
        "concept": plan.get("status") == "concept",
        "voorblad": _voorblad_jaar(plan, context["meta"], [("Meerjarenplan", context["plan_titel"])]),
    })
    return Verrijkt(context=context, soort="jaarplan", periode=str(jaar))
