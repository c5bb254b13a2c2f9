"""Het Jaarplan integriteit verrijken: eigen, doorgeschoven en regionale activiteiten,
planning per kwartaal, opvolging van de aanbevelingen en budget.

Ontvangt een gecontroleerd ``Profiel`` met zijn ``Jaargegevens`` en het jaar; geeft een
``Verrijkt``.
"""
from __future__ import annotations

from integriteitsplan.controleren.schema.jaren import JAARPLAN_SCHEMA
from integriteitsplan.domein import jaarcyclus
from integriteitsplan.domein.maatregelen import maatregelen_van
from integriteitsplan.laden.profielen import Profiel
from integriteitsplan.verrijken.algemeen import KWARTALEN, ONTVANGERS, Verrijkt, _basis_jaar, _voorblad_jaar, vul_aan


def verrijk_jaarplan(profiel: Profiel, jaren, jaar: int) -> Verrijkt:

    c = _basis_jaar(profiel, "jaarplan", jaar)
    stukken = jaren.stukken(jaar)
    plan = vul_aan((stukken.jaarplan if stukken else None) or {"jaar": jaar}, JAARPLAN_SCHEMA)
    maatregelen = maatregelen_van(c["p"])
    rijen = []
    for a in jaarcyclus.activiteiten(jaren, jaar):
        m = maatregelen.get(a.maatregel, {})
        rijen.append({**a.als_dict(), "maatregel_naam": m.get("maatregel", a.maatregel),
                      "groep": m.get("hoofdgroep") or "Overig"})
    vorig = jaren.stukken(jaar - 1)
    vorige_aanbevelingen = ((vorig.jaarverslag or {}).get("aanbevelingen") or []) if vorig else []
    opvolging = {o["aanbeveling"]: o for o in plan["aanbevelingen"]}
    namen_act = {r["id"]: r["activiteit"] for r in rijen}
    aanbevelingen = [{"id": a["id"], "aanbeveling": a["aanbeveling"],
                      "opvolging": opvolging.get(a["id"], {}).get("opvolging"),
                      "activiteit_naam": namen_act.get(opvolging.get(a["id"], {}).get("activiteit"))}
                     for a in vorige_aanbevelingen]
    kwartalen = {k: [r for r in rijen if k in r["kwartalen"]] for k in KWARTALEN}
    plan_budget = sum(b["bedrag"] for b in c["p"]["middelen"]["budget"] if b["jaar"] == jaar)
    eigen_budget = sum(r["budget"] or 0 for r in rijen if r["herkomst"] != "regionaal")
    c.update({
        "plan": plan,
        "activiteiten": rijen,
        "eigen": [r for r in rijen if r["herkomst"] == "eigen"],
        "doorgeschoven": [r for r in rijen if r["herkomst"] == "doorgeschoven"],
        "regionaal": [r for r in rijen if r["herkomst"] == "regionaal"],
        "vervallen": jaarcyclus.vervallen(jaren, jaar),
        "aanbevelingen": aanbevelingen,
        "kwartalen": [{"nummer": k, "naam": naam, "activiteiten": kwartalen[k]} for k, naam in KWARTALEN.items()],
        "zonder_kwartaal": [r for r in rijen if not r["kwartalen"]],
        "budget_activiteiten": eigen_budget,
        "budget_plan": plan_budget if any(b["jaar"] == jaar for b in c["p"]["middelen"]["budget"]) else None,
        "monitoring": [{**m, "aan_naam": ONTVANGERS[m["aan"]]} for m in sorted(plan["monitoring"], key=lambda m: m["kwartaal"])],
        "concept": plan.get("status") == "concept",
        "voorblad": _voorblad_jaar(plan, c["meta"], [("Meerjarenplan", c["plan_titel"])]),
    })
    return Verrijkt(context=c, soort="jaarplan", periode=str(jaar))
